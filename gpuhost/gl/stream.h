/*
 * A stream (struct gl_exec, stream.c): one GL channel's input reassembly
 * and reply buffers (stream-buffers.c), what a command may ask of its
 * stream (exec.c), and the EGL-level commands (ops.c; syncs: sync.c;
 * images: image.c).
 */
#ifndef GH_GL_STREAM_H
#define GH_GL_STREAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <wayland-util.h>

#include "storage.h"

struct gh_gl;
struct gh_gl_buffer;
struct gh_gl_context;
struct gh_gl_fbo;
struct gh_gl_program;
struct gh_gl_shared;
struct gh_gl_storage;
struct gh_gl_surface;
struct gl_reader;

/* ---- stream.c ---- */

struct gl_exec {
	struct gh_gl *gl;
	uint16_t channel;
	uint8_t *in; /* a command being reassembled */
	uint32_t in_len, in_cap;
	uint64_t commands;    /* executed on this stream */
	uint64_t big_used_at; /* commands when a buffer last needed > KEEP_BUFFER */
	size_t reply_kept;    /* reply.alloc charged to gh_gl.kept_reply_bytes */
	uint32_t op;          /* the command being executed */
	struct wl_array reply;
	bool replied;
	struct gh_gl_context *ctx;
	struct gh_gl_surface *draw, *read;
	/* Bookkeeping that needs GL's result: done after the command ran. */
	struct gh_gl_buffer *after_buffer_data; /* glBufferData: the buffer */
	uint32_t after_buffer_target;
	uint64_t after_buffer_size;
	struct gh_gl_program *after_link;      /* glLinkProgram: the program */
	struct gh_gl_buffer *after_copy_write; /* its copy written before the call */
	struct gh_gl_pending pending;          /* storage allocated by this command */
	/* glFramebuffer{Texture2D,Renderbuffer}: what the slots become if GL
	 * takes it. */
	struct {
		struct gh_gl_fbo *fbo; /* NULL: nothing pending */
		uint32_t first, count; /* slots */
		struct gh_gl_storage *storage;
	} after_attach;
	/* glBindTexture of a texture never bound: its target, if GL takes it. */
	struct {
		struct gh_gl_storage *storage; /* NULL: nothing pending */
		uint32_t target;
		struct gh_gl_storage **slot; /* set to storage; back to prev if refused */
		struct gh_gl_storage *prev;
	} after_bind;
	bool after_detach;           /* textures or renderbuffers deleted */
	struct gh_gl_shared *shared; /* the stream's shared memory (shared.c), or NULL */
};

void gh_gl_stream_free(struct gl_exec *x);

/* ---- stream-buffers.c: a stream's reassembly and reply buffers ---- */

/* Grows x->in to hold `need` bytes of a command of `want`, within GH_GL_MAX_PARTIAL_BYTES
 * for the link. False after failing the link. */
bool gh_gl_input_grow(struct gl_exec *x, uint32_t need, uint32_t want);
/* After each command (`reassembled`: the bytes of one gathered in x->in): a big buffer used
 * by this one is kept, one unused for a while is freed. */
void gh_gl_buffers_after_command(struct gl_exec *x, uint32_t reassembled);
/* Frees the reassembly buffers streams keep between commands, all but
 * `except`'s (the running command may lie in it): called before bytes
 * would be refused for want of GH_GL_MAX_PARTIAL_BYTES. */
void gh_gl_free_idle_input(struct gh_gl *gl, const struct gl_exec *except);
/* Both buffers, as the stream ends. */
void gh_gl_buffers_free(struct gl_exec *x);

/* ---- exec.c: what a command may ask of its stream ---- */

/* Ends the link: "GL stream N: <command>: <what>". Returns false.
 * (gl_exec_fail, for the generated code, leaves the naming to the caller.) */
bool gh_gl_fail(struct gl_exec *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Same for failures outside any stream. */
void gh_gl_fail_link(struct gh_gl *gl, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
const char *gh_gl_op_name(uint32_t op);
/* Checks that the reader was used up exactly. */
bool gh_gl_reader_done(struct gl_exec *x, struct gl_reader *r);
/* Replies struct gl_reply_error (the creating commands). */
bool gh_gl_reply_error(struct gl_exec *x, uint32_t error);

/* ---- ops.c: the EGL-level commands ---- */

bool gh_gl_exec_egl_op(struct gl_exec *x, struct gl_reader *r);
bool gh_gl_make_current(struct gl_exec *x, uint32_t ctx, uint32_t draw, uint32_t read);
void gh_gl_stream_release(struct gl_exec *x);

/* ---- sync.c, image.c: EGL syncs and images ---- */

bool gh_gl_sync_op(struct gl_exec *x, struct gl_reader *r);
bool gh_gl_image_op(struct gl_exec *x, struct gl_reader *r);
void gh_gl_syncs_finish(struct gh_gl *gl);
void gh_gl_images_finish(struct gh_gl *gl);
EGLImageKHR gh_gl_image_lookup(struct gh_gl *gl, uint32_t handle);

#endif
