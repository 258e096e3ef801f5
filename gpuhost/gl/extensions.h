/*
 * What a context's extensions of ours change here (extensions.c).
 */
#ifndef GH_GL_EXTENSIONS_H
#define GH_GL_EXTENSIONS_H

#include <stdbool.h>
#include <stdint.h>

struct gh_gl_context;
struct gles_level;

/* The context was given that extension of ours (by name). */
bool gh_gl_ctx_has_extension(const struct gh_gl_context *ctx, const char *name);
/* Takes an umbrella extension (ANDROID_extension_pack_es31a) out of `l`
 * unless `l` has every extension it stands for. */
void gh_gl_ext_drop_incomplete_packs(struct gles_level *l);
/* Bytes of one vertex of a type an extension of the context adds
 * (GL_HALF_FLOAT_OES); 0 for none. */
uint32_t gh_gl_ext_attrib_bytes(const struct gh_gl_context *ctx, uint32_t size, uint32_t type);

#endif
