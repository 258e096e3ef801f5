/*
 * Frame buffers and how a swap fills them (memory.c, present.c, readback.c,
 * readback-bottom-up.c): the memory the compositor shows, what the executor
 * keeps to copy frames into it, and the calls between those files.
 *
 * shm frames are read in the app's own context and left bottom to top where
 * the library allows it (readback-bottom-up.c), else read top to bottom in a
 * context of our own (readback.c); dmabuf frames are blitted in the present
 * context (present.c).
 */
#ifndef GH_GL_FRAMES_H
#define GH_GL_FRAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GLES2/gl2.h>
#include <wayland-util.h>

struct gbm_bo;
struct gh_gl;
struct gh_gl_surface;
struct gl_exec;
struct gl_reader;

/* One frame buffer (gpupipe_v1.create_memory). */
struct gh_gl_memory {
	struct gh_gl *gl; /* NULL once the executor is gone */
	struct wl_list link;
	uint32_t refs;
	uint32_t width, height, format, stride;
	uint8_t *map; /* shm: stride * height bytes */
	size_t map_size;
	struct gbm_bo *bo; /* dmabuf */
	EGLImageKHR image;
	GLuint rb, fbo;         /* in the present context */
	uint64_t serial, frame; /* what it holds (see gh_gl_surface) */
	bool bottom_up;         /* its rows bottom to top (readback-bottom-up.c) */
	uint64_t bytes;         /* counted in gl->memory_bytes */
};

/* What the executor keeps to fill frame buffers (gh_gl.frames). */
struct gh_gl_frames {
	/* Our own context (no config, shares nothing): copies back buffers
	 * into frame buffers without touching any app context's state. */
	EGLContext present_ctx;
	/* shm frames (readback.c): a desktop context reading rows top-down
	 * into shm (EGL_NO_CONTEXT: the driver cannot), else a scratch buffer
	 * read bottom-up and flipped. */
	EGLContext readback_ctx;
	GLint readback_row_length; /* its GL_PACK_ROW_LENGTH */
	uint8_t *readback;
	size_t readback_size;
	bool told_bottom_up;            /* logged that frames stay bottom to top */
	GLuint resolve_rb, resolve_fbo; /* dmabuf path: multisampled surfaces */
	uint32_t resolve_w, resolve_h;
};

/* ---- memory.c, present.c ---- */

bool gh_gl_present_init(struct gh_gl *gl);
void gh_gl_present_finish(struct gh_gl *gl);
void gh_gl_memory_release_gl(struct gh_gl_memory *mem);
/* GL_OP_SWAP. */
bool gh_gl_swap(struct gl_exec *x, struct gl_reader *r);

/* ---- readback.c ---- */

/* With the present context's surface `tmp` (or none): the readback context,
 * where the driver can read rows top-down. */
void gh_gl_readback_init(struct gh_gl *gl, EGLSurface tmp);
void gh_gl_readback_finish(struct gh_gl *gl);
/* Rows from..to (y down) of `surf`, current for reading, into `mem`. */
bool gh_gl_readback_frame(struct gl_exec *x, struct gh_gl_surface *surf, struct gh_gl_memory *mem,
                          uint32_t from, uint32_t to);

/* ---- readback-bottom-up.c: shm frames read in the app's context ---- */

/* Whether the swap of `surf` into `mem` can be read in x's context, which it makes current on
 * the host (false with x->gl->failed set when it cannot). */
bool gh_gl_readback_bottom_up_ok(struct gl_exec *x, const struct gh_gl_surface *surf,
                                 const struct gh_gl_memory *mem);
/* Rows from..to (y down) of `surf` into `mem`, bottom to top: memory row i is GL row i. False
 * (nothing of the app's changed) when the driver refused the read. */
bool gh_gl_readback_bottom_up(struct gl_exec *x, struct gh_gl_surface *surf,
                              struct gh_gl_memory *mem, uint32_t from, uint32_t to);

#endif
