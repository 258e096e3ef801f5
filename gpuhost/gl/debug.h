/*
 * GL_KHR_debug: a context's driver debug messages, queued for the app
 * (debug.c).
 */
#ifndef GH_GL_DEBUG_H
#define GH_GL_DEBUG_H

#include <stdbool.h>

struct gh_gl_context;
struct gl_exec;
struct gl_reader;

/* With ctx current on the host thread for the first time: our callback
 * queues what its driver says (where the driver has KHR_debug). */
void gh_gl_debug_attach(struct gh_gl_context *ctx);
/* While muted, the driver's debug messages are not the app's: they come of calls the host
 * makes of its own (shaders.c's failing link), and are dropped. */
void gh_gl_debug_mute(struct gh_gl_context *ctx, bool muted);
/* After the host context is destroyed. */
void gh_gl_debug_free(struct gh_gl_context *ctx);
/* GL_OP_DEBUG_FETCH. */
bool gh_gl_debug_fetch(struct gl_exec *x, struct gl_reader *r);

#endif
