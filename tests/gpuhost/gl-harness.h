/*
 * Drives a real GL executor (gpuhost/gl/, on the host's EGL: llvmpipe on a
 * machine without a GPU) without a session: commands are built here in the
 * GL stream format, fed as the link would (in frames cut anywhere), and the
 * executor's replies and link failures are caught by a test sink.
 */
#ifndef GL_HARNESS_H
#define GL_HARNESS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <wayland-util.h>

#include <EGL/egl.h>
#include <EGL/eglext.h>

#include <gpupipe/gl-stream.h>

#include "check.h"
#include "gl.h"
#include "gles-codec.h"

#define GT_CHANNELS 8

struct gt {
	struct gh_gl *gl;
	bool failed;                      /* the executor ended the link */
	char reason[1100];                /* and why */
	struct wl_array out[GT_CHANNELS]; /* replies not yet taken */
	struct wl_array cmds;             /* commands built, not yet sent */
	size_t cmd_start;
	struct gl_config_info config; /* a config with alpha, from gt_init_stream */
	struct gl_api_info es;        /* the OpenGL ES the host offers, from gt_init_stream */
	struct gl_api_info es1;       /* its OpenGL ES 1.1 (version 0: none) */
	struct gl_api_info compat;    /* its compatibility profile (version 0: none) */
	struct gl_api_info core;      /* its core profile (version 0: none) */
	bool congested;               /* what the sink says of its queue */
};

/* An executor on the shm path (GPUPIPE_RENDER_NODE=none). Exits 77 when
 * the host has no EGL that renders GLES. */
void gt_init(struct gt *t);
void gt_finish(struct gt *t);

/* One case of a test program; meson passes its name as the argument. */
struct gt_case {
	const char *name;
	bool (*run)(struct gt *t);
};
#define GT_CASE(fn)                                                                                \
	{                                                                                          \
#fn, fn                                                                            \
	}
/* main() of a test program: runs the case argv[1] names on a fresh
 * executor. `strict`: the case fails too if the link ended on the way
 * (cases that expect an ending say so and are not strict). */
int gt_main(int argc, char **argv, const struct gt_case *cases, size_t n, bool strict);

/* Building commands. */
void gt_begin(struct gt *t, uint32_t op);
void gt_u32(struct gt *t, uint32_t v);
void gt_f32(struct gt *t, float v);
void gt_u64(struct gt *t, uint64_t v);
void gt_blob(struct gt *t, const void *data, uint32_t n);
void gt_end(struct gt *t);
/* A command of raw payload words. */
void gt_cmd(struct gt *t, uint32_t op, int n, ...);
/* Queues GL_OP_CREATE_CONTEXT for the highest OpenGL ES the host offers,
 * with every extension it offers. */
void gt_cmd_create_context(struct gt *t, uint32_t handle, uint32_t share);
/* The same for a context of `api` (t->es1, ...). */
void gt_cmd_create_context_api(struct gt *t, uint32_t handle, uint32_t share,
                               const struct gl_api_info *api);

/* Feeds what was built to the stream on `channel`, `chunk` bytes per
 * frame (0: one frame) starting `misalign` bytes into a buffer (so that
 * commands arrive at odd addresses). False when the executor refused. */
bool gt_send(struct gt *t, uint16_t channel, size_t chunk, size_t misalign);
/* The next reply on `channel`, which must answer `op`; its payload. */
const uint8_t *gt_reply(struct gt *t, uint16_t channel, uint32_t op, uint32_t *size);
/* The u32 blob length at p, advancing past the blob; NULL on a bad blob. */
const uint8_t *gt_blob_at(const uint8_t **p, const uint8_t *end, uint32_t *n);

/* Common steps; each returns false (after printing why) on any surprise. */
bool gt_init_stream(struct gt *t, uint16_t ch);
bool gt_context(struct gt *t, uint16_t ch, uint32_t handle);
bool gt_surface(struct gt *t, uint16_t ch, uint32_t handle, uint32_t w, uint32_t h, uint32_t kind);
bool gt_current(struct gt *t, uint16_t ch, uint32_t ctx, uint32_t surf);
/* Context 1, of the host's compatibility profile, current on stream 1 with a w x h window
 * surface 1; exits 77 where the host offers no compatibility profile. */
bool gt_compat_window(struct gt *t, uint32_t w, uint32_t h);
/* The same with the host's core profile. */
bool gt_core_window(struct gt *t, uint32_t w, uint32_t h);
/* Reads back w x h RGBA pixels at x, y into out. */
bool gt_read_pixels(struct gt *t, uint16_t ch, int x, int y, int w, int h, uint8_t *out);
/* Shader `name` of `type` created, given `src` and compiled (built, not sent). */
void gt_shader(struct gt *t, uint32_t name, uint32_t type, const char *src);
/* A program drawing attribute 0 (vec4 position) in a constant colour. */
bool gt_program(struct gt *t, uint16_t ch, uint32_t program, float r, float g, float b);
bool gt_program_src(struct gt *t, uint16_t ch, uint32_t program, const char *vs, const char *fs);
/* Sends what was built and gives the first u32 of the reply to `op`. */
bool gt_sync_u32(struct gt *t, uint16_t ch, uint32_t op, uint32_t *v);
/* Expects the link to have ended with a reason containing `what`. */
bool gt_refused(struct gt *t, const char *what);

#endif
