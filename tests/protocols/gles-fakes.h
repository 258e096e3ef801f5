/* Fakes shared by test-gles-codec.c and gles-fakes.c (see gles-fakes.c). */
#ifndef GLES_FAKES_H
#define GLES_FAKES_H

#include <stdio.h>

#include "gles-codec.h"

extern int failures;

#define CHECK(cond)                                                                                \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);   \
			failures++;                                                                \
		}                                                                                  \
	} while (0)

#define MAX_NAMES 4096

/* The app side's stream. */
struct gl_enc {
	uint8_t buf[1 << 20];
	uint32_t len;     /* bytes queued */
	uint32_t decoded; /* bytes already given to the host */
	uint32_t error;
	unsigned flushes, replies;
	unsigned direct_blobs; /* commands begun with a direct blob */
	struct gl_pixel_state ps;
	bool known[GL_NAMES_COUNT][MAX_NAMES];
	uint32_t next_name;
	/* A canned reply instead of the loopback, when set. */
	const uint8_t *canned;
	uint32_t canned_size;
	bool lost;
};
extern struct gl_enc enc;
extern bool have_context; /* gl_enc_current() answers NULL when false */
extern uint32_t fake_api; /* the fake context's API (GL_API_GLES2 unless a test says) */
/* Its version (0: the one the codec streams for fake_api; desktop OpenGL's versions are
 * streamed before every command of them is, tests name them). */
extern uint32_t fake_version;

/* The host side's executor. */
struct gl_exec {
	bool failed;
	char reason[256];
	struct gl_pixel_state ps;
	uint32_t map[GL_NAMES_COUNT][MAX_NAMES]; /* app -> host, 0 = unknown */
	uint8_t reply[1 << 16];
	uint32_t reply_size;
	bool replied;
	bool query_fails; /* the next queries raise a GL error (gl_exec_errors_raised) */
};
extern struct gl_exec ex;
extern bool host_context; /* gl_exec_has_context() */
extern uint32_t last_op;  /* of the command the host decoded last */

/* Decodes one command (header included); false when the host refused it. */
bool host_run(const uint8_t *cmd, uint32_t size);
/* Runs everything queued on the host; false at the first refusal. */
bool host_drain(void);

extern unsigned client_specials, host_specials;
extern int hook_calls, host_buffer_data_hooks;
extern GLuint host_deleted_app[8];
/* Every guard answers guard_answer (GL_GUARD_FAIL also ends the link). */
extern enum gl_guard guard_answer;
extern int guard_calls;
enum gl_guard fake_guard(struct gl_exec *x);

/* Stubs of hand-written specials: they count their calls. */
#define CLIENT_SPECIAL(ret, name, args, value)                                                     \
	ret GL_APIENTRY gl_enc_special_##name args                                                 \
	{                                                                                          \
		client_specials++;                                                                 \
		return value;                                                                      \
	}
#define HOST_SPECIAL(name)                                                                         \
	bool gl_exec_special_##name(struct gl_exec *x, struct gl_reader *r)                        \
	{                                                                                          \
		host_specials++;                                                                   \
		r->left = 0;                                                                       \
		return true;                                                                       \
	}

/* Names gl_exec_names_reserve still grants (UINT32_MAX: any number). */
extern uint32_t names_left;

/* What the last fake host GL function got. */
struct rec {
	const char *fn;
	GLenum e[4];
	GLint i[4];
	GLfloat f[4];
	int64_t big[2];
	uint8_t data[256];
	uint32_t data_len;
	GLuint names[8];
	GLsizei n;
	bool null_ptr;
};
extern struct rec rec;
extern GLuint next_host_name;

/* gles_host_load getprocs: every name (the VAO OES ones only under their
 * core alias, which sets asked_alias), or all but glStencilOp and the
 * OES_mapbuffer functions. */
extern const char *asked_alias;
void *fake_getproc(const char *name);
void *missing_getproc(const char *name);
void GL_APIENTRY fake_Flush(void);
/* Points gles_host at the recording fakes. */
void install_fakes(void);
/* The same for OpenGL 4.5's commands of gles-fakes-dsa.c. */
void install_dsa_fakes(void);
/* The same for the compatibility profile's client arrays and pixel rectangles
 * (gles-fakes-compat.c). */
void install_compat_fakes(void);
/* The same for desktop GL's commands of versions 1.0 to 2.0 (gles-fakes-gl-core.c). */
void install_gl_core_fakes(void);
/* What those fakes got: doubles, and the last GL_CURRENT_VERTEX_ATTRIB asked. */
extern double rec_d[4];
/* And at those of desktop OpenGL 4.0 to 4.4's commands (gles-fakes-core4.c). */
void install_core4_fakes(void);
/* The recording fakes of desktop 3.0-3.3's commands (gles-fakes-gl3.c). */
void install_fakes_gl3(void);
/* And a recording glTexStorage1D (gles-fakes-gl4-rest.c). */
void install_gl4_rest_fakes(void);
/* The recording fakes of the compatibility profile's immediate mode and fixed-function
 * state (gles-fakes-compat-ff.c). */
void install_compat_ff_fakes(void);
/* The compatibility profile's attribute stack and evaluators (gles-fakes-compat-ls.c):
 * a recording glMap2f; glPopAttrib's host wrap counts its calls. */
void install_compat_ls_fakes(void);
extern int pop_attrib_calls;
/* ARB assembly programs' name and parameter commands (gles-fakes-arb-program.c). */
void install_arb_program_fakes(void);

#endif
