/*
 * A host EGL context (context.c): its names, vertex arrays, bindings and
 * what the compatibility profile keeps in it (display lists, attribute
 * stack); its primitive restart caps (gl3-core.c) and transform feedback
 * records (xfb-draw.c).
 */
#ifndef GH_GL_CONTEXT_H
#define GH_GL_CONTEXT_H

#include <stdbool.h>
#include <stdint.h>
#include <EGL/egl.h>
#include <wayland-util.h>

#include <gpupipe/gl-codec.h>
#include <gpupipe/gl-sizes.h>

#include "arb-program-check.h"
#include "bindings.h"
#include "compat-trackers.h"
#include "draws.h"
#include "executor.h"
#include "gles-codec.h"
#include "map.h"
#include "records.h"

struct gh_gl_debug;
struct gh_gl_pipeline;
struct gh_gl_xfb;
struct gl_exec;

/* What the GL memory quota charges for each EGL context: llvmpipe's hold
 * about 2.4 MiB each before the app makes anything. */
#define GH_GL_CONTEXT_BYTES (4ull << 20)

/* ---- context.c ---- */

/* Display lists of a context (lists.c). `mode`: the list being made, 0 (none),
 * GL_COMPILE or GL_COMPILE_AND_EXECUTE, as the driver says after glNewList. */
#define GH_GL_LIST_CALLS 16
struct gh_gl_lists {
	uint32_t mode, name;
	bool fresh;      /* `name` was charged to the names quota by this glNewList */
	uint64_t making; /* the images of the list being made, charged */
	/* The list being made: its glBegin/glEnd flags so far (gles-list-prims.h);
	 * the lists it calls (glCallList's names, up to GH_GL_LIST_CALLS; past
	 * them, or with a glCallLists, `calls_unknown`), and whether one was
	 * called inside a primitive of the list (lists.c, crash_ahead). */
	uint32_t prims;
	uint32_t calls[GH_GL_LIST_CALLS], n_calls;
	bool calls_unknown, call_in_primitive;
	/* GL_LIST_BASE, read at a glBegin run while the list is made
	 * (array-element.c): GL answers no query inside the primitive. */
	uint32_t base;
	bool base_known;
	/* Per kind, the host names the list being made binds (-> 1), or NULL. */
	struct gh_gl_map *binds[GH_GL_LIST_BIND_KINDS];
	/* Lists ran between glBegin and glEnd, where GL answers no query: the
	 * re-read of what they changed waits for the first command after
	 * glEnd, `worst` staying charged till then. */
	bool reread_pending;
	uint64_t pending_worst;
};
/* Before a command outside glBegin/glEnd: the re-read lists left pending. */
bool gh_gl_lists_reread_pending(struct gl_exec *x);

/* The server attribute stack of a context (attrib-stack.c): an entry per
 * level the driver has, holding the textures its glPushAttrib saved. */
struct gh_gl_attrib_stack {
	struct wl_array entries; /* struct gh_gl_attrib_entry, bottom first */
	uint32_t unknown;        /* entries a display list may have pushed */
	uint64_t bytes;          /* charged to the GL memory quota */
};

struct gh_gl_context {
	struct gh_gl *gl;
	uint32_t handle;
	uint32_t refs; /* the handle table + the stream it is current on */
	EGLContext egl;
	struct gh_gl_config *config; /* NULL: EGL_NO_CONFIG_KHR */
	struct gh_gl_share *share;
	struct gh_gl_names names[GL_NAMES_COUNT]; /* per-context classes only */
	struct gh_gl_map vaos;                    /* host name -> gh_gl_vao */
	struct gh_gl_vao default_vao;
	struct gh_gl_vao *vao; /* bound: default_vao or one in vaos */
	struct gh_gl_buffer *array_buffer;
	struct gh_gl_buffer *buffers[GL_BUFFER_TARGETS]; /* the other targets (buffer-targets.c) */
	struct gh_gl_program *program;
	uint32_t app_program;            /* the app's last glUseProgram run here (program-use.c) */
	struct gh_gl_map pipelines;      /* host name -> gh_gl_pipeline */
	struct gh_gl_pipeline *pipeline; /* bound (glBindProgramPipeline), NULL: none */
	struct gl_pixel_state ps;
	struct gles_level level; /* API, version, extensions: what the app may call */
	bool es3;                /* the host made it GLES 3 or later (its types differ) */
	bool fixed_restart;      /* the host context has GL_PRIMITIVE_RESTART_FIXED_INDEX */
	bool app_restart;        /* and GL_PRIMITIVE_RESTART (desktop 3.1) */
	bool nv_restart;         /* and NV_primitive_restart (compatibility contexts) */
	bool initialized;        /* made current once: es3 is known */
	/* The draw buffer of the windows it draws to (desktop GL; GL_BACK at
	 * first), and the host's read surface it last had (front.c). */
	uint32_t window_draw;
	EGLSurface egl_read;
	uint32_t scratch[GH_GL_MAX_ATTRIBS];  /* host buffers for client arrays */
	uint32_t scratch_ff[GH_GL_FF_ARRAYS]; /* the same for GLES 1's arrays */
	uint32_t scratch_indirect;            /* a multi-draw's indirect commands (indirect.c) */
	/* What each scratch buffer holds: GL_OP_CLIENT_ARRAY_AGAIN names it. */
	struct gh_gl_array_sent scratch_sent[GH_GL_MAX_ATTRIBS];
	struct gh_gl_array_sent scratch_ff_sent[GH_GL_FF_ARRAYS];
	uint32_t client_unit; /* GLES 1: glClientActiveTexture - GL_TEXTURE0 */
	struct gl_exec *current_on;
	uint32_t errors; /* see gh_gl_error_record */
	struct gh_gl_bindings bind;
	struct gh_gl_debug *debug; /* its driver's debug messages (debug.c); NULL: none */
	struct gh_gl_xfb *xfb;     /* what transform feedback captured (xfb-draw.c), lazily */
	/* glFeedbackBuffer's and glSelectBuffer's host buffers, `size` values each, charged
	 * to the quota while the driver may write them (feedback.c). */
	struct {
		void *values;
		uint32_t size;
	} feedback, select;
	struct gh_gl_lists lists;         /* display lists (lists.c) */
	struct gh_gl_attrib_stack attrib; /* glPushAttrib's levels (attrib-stack.c) */
	/* The driver's limits the check of ARB program text takes, queried at
	 * the first glProgramStringARB (arb-program.c): [0] vertex, [1] fragment. */
	struct {
		bool limits_known;
		struct gh_arb_program_limits limits[2];
	} arb_program;
	/* Between an executed glBegin and glEnd (array-element.c): the driver
	 * refuses all but the vertex commands there, so nothing else may pass
	 * for the trackers to follow. Also while a list call may have left the
	 * driver there (`begin_end_unknown`, gles-list-prims.h), until the
	 * app's own next glBegin or glEnd. */
	bool begin_end, begin_end_unknown;
};

/* False after failing the link; else *err is the EGL error for the app. */
struct gh_gl_context_args {
	uint32_t handle, config_id, share_handle, flags;
	struct gles_level level;
};
bool gh_gl_context_create(struct gl_exec *x, const struct gh_gl_context_args *args, uint32_t *err);
bool gh_gl_context_destroy(struct gl_exec *x, uint32_t handle);
void gh_gl_context_unref(struct gh_gl_context *ctx);
/* xfb-draw.c: frees the context's transform feedback records (its GL
 * objects went with it). */
void gh_gl_xfb_free(struct gh_gl_context *ctx);

/* ---- gl3-core.c ---- */

/* Sets ctx's fixed_restart and app_restart from its host context (current,
 * its es3 known). */
void gh_gl_host_restart_caps(struct gh_gl_context *ctx);

#endif
