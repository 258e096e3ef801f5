/*
 * A host pbuffer, the back buffer of an app surface (surface.c), and a
 * window's front buffer, with making a stream's context current on them
 * (front.c).
 */
#ifndef GH_GL_SURFACE_H
#define GH_GL_SURFACE_H

#include <stdbool.h>
#include <stdint.h>
#include <EGL/egl.h>
#include <GLES2/gl2.h>

#include <gpupipe/gl-stream.h>

#include "executor.h"

struct gl_exec;

/* ---- surface.c ---- */

struct gh_gl_surface {
	struct gh_gl *gl;
	uint32_t handle;
	uint32_t refs; /* the handle table + each stream it is current on */
	enum gl_surface_kind kind;
	struct gh_gl_config *config;
	uint32_t width, height;
	EGLSurface egl;
	uint64_t bytes; /* charged to the GL memory quota */
	/* A window's front buffer (front.c): EGL_NO_SURFACE until a context names
	 * it; front_bytes charged to the quota. window_read: the read buffer of
	 * the window (the driver keeps one per surface), GL_BACK at first. */
	EGLSurface front;
	uint64_t front_bytes;
	uint32_t window_read;
	/* Frame buffer contents: a memory holding frame `frame` of `serial`
	 * is that surface's frame; `serial` changes at each resize. */
	uint64_t serial, frame;
	uint32_t damage_top[GH_GL_DAMAGE_HISTORY]; /* rows (y down) changed by frame - i */
	uint32_t damage_bottom[GH_GL_DAMAGE_HISTORY];
	uint64_t swaps, swap_ns;      /* counted for gh_gl_surface_counts */
	uint64_t told_swaps, told_ns; /* what it last reported */
};

bool gh_gl_surface_create(struct gl_exec *x, uint32_t handle, uint32_t config_id, uint32_t width,
                          uint32_t height, uint32_t kind, uint32_t *err);
bool gh_gl_surface_resize(struct gl_exec *x, uint32_t handle, uint32_t width, uint32_t height);
bool gh_gl_surface_destroy(struct gl_exec *x, uint32_t handle);
void gh_gl_surface_unref(struct gh_gl_surface *surf);

/* ---- front.c: a window's front buffer ---- */

/* Makes the stream's context current on the host thread, with the host's EGL draw and
 * read surfaces for it: a window's front pbuffer where the context's buffers name it (made
 * then, charged to the quota); a new read surface is told the window's read buffer. False
 * after failing the link. */
bool gh_gl_stream_make_current(struct gl_exec *x);
/* After GL may have changed the window's draw or read buffer behind the commands (a
 * display list ran, glPopAttrib): reads them from the driver. False after failing the
 * link. */
bool gh_gl_front_resync(struct gl_exec *x);
/* glGetIntegerv's answer where the driver's is the pbuffer's, not the window's. */
void gh_gl_front_answer_get(struct gl_exec *x, GLenum pname, GLint *v);
void gh_gl_front_answer_framebuffer_param(struct gl_exec *x, GLenum target, GLenum pname, GLint *v);
void gh_gl_front_destroy(struct gh_gl_surface *surf);

#endif
