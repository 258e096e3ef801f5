/*
 * What is bound in a context: texture units and framebuffer attachments,
 * for the storage records (bindings.c, texture-units.c), and the buffers
 * bound to targets (buffer-targets.c; the command's buffer bookkeeping:
 * vertex.c; the pixel pack buffer's range: pixels.c).
 */
#ifndef GH_GL_BINDINGS_H
#define GH_GL_BINDINGS_H

#include <stdbool.h>
#include <stdint.h>

#include <gpupipe/gl-codec.h>

#include "map.h"

struct gh_gl_buffer;
struct gh_gl_context;
struct gh_gl_storage;
struct gl_exec;

/* Texture targets bindings track: 2D, cube map, 3D, 2D array, 2D
 * multisample (and array), cube map array, desktop GL's 1D and 1D array. */
#define GH_GL_TEX_TARGETS 10

/* ---- bindings.c: what is bound, for the storage records ---- */

/* A framebuffer's attachments: colours 0..15, depth, stencil. */
#define GH_GL_ATTACHMENTS 18u

struct gh_gl_fbo {
	uint32_t host;
	struct gh_gl_storage *att[GH_GL_ATTACHMENTS];
};

struct gh_gl_bindings {
	uint32_t active_unit;         /* glActiveTexture - GL_TEXTURE0 */
	struct gh_gl_storage **units; /* [unit * GH_GL_TEX_TARGETS + target], lazily */
	uint32_t n_units;             /* in units */
	struct gh_gl_storage *default_tex[GH_GL_TEX_TARGETS]; /* name 0 of each target */
	struct gh_gl_storage *renderbuffer;                   /* GL_RENDERBUFFER binding */
	struct gh_gl_map fbos;                                /* host name -> gh_gl_fbo */
	struct gh_gl_fbo *draw_fbo, *read_fbo;                /* NULL: the default framebuffer */
};

void gh_gl_bindings_init(struct gh_gl_bindings *b);
void gh_gl_bindings_finish(struct gh_gl_bindings *b);
/* The storage bound to a glTexImage2D target (a 2D target or cube face)
 * on the active unit; NULL for a target that is neither. *face is set. */
struct gh_gl_storage *gh_gl_bound_texture(struct gh_gl_context *ctx, uint32_t target,
                                          uint32_t *face);
/* The glBindTexture targets we track, by index; and a target's index, 0..GH_GL_TEX_TARGETS-1,
 * or -1 for one we do not track. */
extern const uint32_t gh_gl_texture_targets[GH_GL_TEX_TARGETS];
int gh_gl_texture_target_index(uint32_t target);
/* Names going away (glDelete*), before GL deletes them: GL's unbinding in
 * the current context is mirrored; attachments are checked afterwards. */
void gh_gl_bindings_forget(struct gl_exec *x, enum gl_name_class cls, uint32_t host);
/* After the command: attachments GL changed (stream.c calls it). */
void gh_gl_bindings_after(struct gl_exec *x);

/* ---- buffer-targets.c ---- */

/* The buffer bound to any target of gl_buffer_target(), NULL for none. */
struct gh_gl_buffer *gh_gl_bound_buffer(struct gh_gl_context *ctx, uint32_t target);
/* glBindBuffer's bookkeeping (target checked: a bad one ends the link). */
bool gh_gl_bind_buffer(struct gl_exec *x, uint32_t target, uint32_t host, uint32_t app);
/* The buffer may be written by the GPU from now on: no CPU copy. */
void gh_gl_buffer_gpu_writes(struct gh_gl_buffer *buf);
/* A deleted buffer leaves the context's targets. */
void gh_gl_unbind_buffer(struct gh_gl_context *ctx, struct gh_gl_buffer *buf);
void gh_gl_buffer_targets_finish(struct gh_gl_context *ctx);
void gh_gl_after_command(struct gl_exec *x);
/* The command about to run writes buf's element copy: the driver's earlier
 * errors are stashed, and its error after the call drops the copy. */
void gh_gl_copy_writes(struct gl_exec *x, struct gh_gl_buffer *buf);

/* ---- pixels.c ---- */

/* `size` bytes at `offset` in the bound pixel pack buffer: GL_GUARD_CALL when
 * they lie inside it, GL_GUARD_SKIP (GL_INVALID_OPERATION recorded) when they
 * do not, GL_GUARD_FAIL (the link ends) when none is bound (pixels.c). */
enum gl_guard gh_gl_pack_range(struct gl_exec *x, const char *cmd, uint64_t offset, int64_t size);

#endif
