/*
 * A GL stream on a raw link, for the hostile GL cases (cases-gl.c, cases-quota.c): binding
 * gpupipe_v1, opening channel CH, GL_OP_INIT, a context CTX and a SIZE x SIZE surface SURF
 * made current, commands built by hand, and their replies read back.
 */
#ifndef HL_GL_LINK_H
#define HL_GL_LINK_H

#include <GLES2/gl2.h>
#include <gpupipe/gl-stream.h>

#include "gles-codec.h"
#include "hostile.h"

/* The gpupipe_v1 global that gpupipe-host adds to every registry (GH_GPUPIPE_GLOBAL_NAME). */
#define GPUPIPE_GLOBAL 0xfffffe00u
/* Object ids after hl_registry_roundtrip's 2 and 3. */
#define GPUPIPE_ID 4u
#define SYNC_ID 5u
/* The GL channel every case opens, and the EGL handles it creates. */
#define CH 1
#define CTX 1u
#define SURF 1u
#define SIZE 64u
/* EGL_SUCCESS, the error code replies carry when it worked (no EGL headers needed). */
#define EGL_OK 0x3000u

struct hl_gl_link {
	struct hl_link l;
	struct hl_globals globals; /* what the registry offered */
	struct hl_buf cmds;        /* commands not sent yet */
	size_t cmd_start;
	uint8_t *rep; /* reply bytes received on CH, not consumed yet */
	size_t rep_len, rep_cap;
	uint32_t config;         /* a host config_id from GL_OP_INIT */
	struct gl_api_info es;   /* the OpenGL ES the host offers */
	struct gl_api_info es1;  /* its OpenGL ES 1.1 (version 0: none) */
	struct gl_api_info core; /* its desktop OpenGL core profile (version 0: none) */
	/* Its compatibility profile (version 0: none; hl-compat.h). */
	struct gl_api_info compat;
	uint64_t features;      /* what the host's hello enabled (enum wire_feature) */
	uint32_t host_features; /* gl_host_info.features of GL_OP_INIT */
};

/* A desktop OpenGL core context of at least `version` (GL_VERSION_CODE) current on CH, as
 * hl_gl_ready; *offered false (and no context) when the host offers none that high: the case
 * then ends with hl_gl_skip. */
bool hl_gl_ready_core(struct hl_env *e, struct hl_gl_link *g, uint32_t version, bool *offered);
/* The same with program 10 (GLSL 3.30 core, drawing attribute 0 `pos`) in use and vertex
 * array 4 bound. */
bool hl_gl_ready_core_drawing(struct hl_env *e, struct hl_gl_link *g, uint32_t version,
                              bool *offered);
/* Closes the link as hl_gl_close_served does and marks the case skipped (exit status 77),
 * saying why. */
bool hl_gl_skip(struct hl_env *e, struct hl_gl_link *g, const char *why);
/* hl_gl_ready_core in a case: returns the case skipped where the host offers no core
 * context of `version` (while desktop GL lands in steps). */
#define HL_GL_READY_CORE(e, g, version)                                                            \
	do {                                                                                       \
		bool offered_;                                                                     \
		CHECK(hl_gl_ready_core(e, g, version, &offered_));                                 \
		if (!offered_)                                                                     \
			return hl_gl_skip(e, g,                                                    \
			                  "the host offers no such desktop OpenGL core "           \
			                  "profile yet");                                          \
	} while (0)

void hl_gl_cmd_begin(struct hl_gl_link *g, uint32_t op);
void hl_gl_put_u64(struct hl_gl_link *g, uint64_t v);
/* A blob: byte count, bytes, zero padding to 4; GL_BLOB_NULL carries nothing. */
void hl_gl_put_blob(struct hl_gl_link *g, const void *data, uint32_t n);
void hl_gl_cmd_end(struct hl_gl_link *g);
/* A command of n u32 scalars. */
void hl_gl_cmd(struct hl_gl_link *g, uint32_t op, unsigned n, ...);
/* Sends the queued commands on channel ch as WIRE_GL frames of at most `chunk` bytes
 * (0: one frame), cut anywhere, as the proxy may. */
bool hl_gl_send(struct hl_gl_link *g, uint16_t ch, size_t chunk);
/* Waits for the reply to `op` on CH; returns its payload (valid until the next call) and
 * its size, or NULL after saying why (a close, the end of the link, a timeout). */
const uint8_t *hl_gl_reply(struct hl_gl_link *g, uint32_t op, uint32_t *size);
bool hl_gl_reply_u32(struct hl_gl_link *g, uint32_t op, uint32_t *v);
/* Opens a link, binds gpupipe_v1 at the name gpupipe-host gives it. */
bool hl_gl_bind(struct hl_env *e, struct hl_gl_link *g);
/* The same, with a hello asking for `ask` (enum wire_feature): g->features
 * gets what the host enabled. */
bool hl_gl_bind_features(struct hl_env *e, struct hl_gl_link *g, uint64_t ask);
/* An empty frame of `type` on channel ch, queued. */
void hl_gl_empty_frame(struct hl_gl_link *g, uint16_t type, uint16_t ch);
void hl_gl_open(struct hl_gl_link *g, uint16_t ch);
/* GL_OP_INIT on CH; keeps a config with alpha and no multisampling. */
bool hl_gl_init(struct hl_gl_link *g);
/* Queues GL_OP_CREATE_CONTEXT for the OpenGL ES hl_gl_init found offered. */
void hl_gl_cmd_create_context(struct hl_gl_link *g, uint32_t handle);
/* A context and a SIZE x SIZE surface of `kind`, current on CH. */
bool hl_gl_ready_kind(struct hl_env *e, struct hl_gl_link *g, uint32_t kind);
/* The same with a pbuffer. */
bool hl_gl_ready(struct hl_env *e, struct hl_gl_link *g);
/* The same with a hello asking for `ask` (WIRE_FEATURE_FD_PASSING). */
bool hl_gl_ready_features(struct hl_env *e, struct hl_gl_link *g, uint64_t ask);
/* The same with an OpenGL ES 1.1 context. */
bool hl_gl_ready_es1(struct hl_env *e, struct hl_gl_link *g);
void hl_gl_shader(struct hl_gl_link *g, uint32_t name, uint32_t type, const char *src);
/* Program `name` (shaders name + 1 and + 2) drawing attribute 0 in red, in use. */
void hl_gl_program(struct hl_gl_link *g, uint32_t name);
/* Buffer `name` bound to `target` with n bytes of data. */
void hl_gl_buffer(struct hl_gl_link *g, uint32_t target, uint32_t name, const void *data,
                  uint32_t n);
/* Attribute 0: size 4 floats from the bound GL_ARRAY_BUFFER at offset 0, enabled. */
void hl_gl_attrib0(struct hl_gl_link *g, uint32_t stride);
/* glGetError on CH (after sending what was queued). */
bool hl_gl_get_error(struct hl_gl_link *g, uint32_t *error);
/* Ends a link that must have been served throughout: our WIRE_CLOSE, its process exits 0,
 * and hl_still_serving. Frees g. */
bool hl_gl_close_served(struct hl_env *e, struct hl_gl_link *g);

#endif
