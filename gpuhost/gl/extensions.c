/*
 * What the extensions of ours a context was given change on the host:
 * types it takes that its version alone would not (OES_vertex_half_float).
 * The rest of an extension is generic code (its commands) or the host
 * driver's (its enums).
 */
#include <string.h>

#include "gl-private.h"
#include "gles-codec.h"

#define HALF_FLOAT_OES 0x8D61u /* OES_vertex_half_float: not GL_HALF_FLOAT */

bool gh_gl_ctx_has_extension(const struct gh_gl_context *ctx, const char *name)
{
	int i = gles_extension_index(name);
	return i >= 0 && gles_level_has_extension(&ctx->level, i);
}

uint32_t gh_gl_ext_attrib_bytes(const struct gh_gl_context *ctx, uint32_t size, uint32_t type)
{
	if (type != HALF_FLOAT_OES || size < 1 || size > 4 ||
	    !gh_gl_ctx_has_extension(ctx, "GL_OES_vertex_half_float"))
		return 0;
	return 2 * size;
}
