/*
 * gles_dec_cstrings (gles-codec.h): a cstrings blob of the GL stream, read on the host by
 * the generated decoder (gles-decode.c) and by host specials (gpuhost/gl/shaders.c's
 * glShaderSource). Hand-written and apart from the decoder, so that the specials it calls
 * do not call back into it. The app may be hostile: any disagreement ends the link.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "gles-codec.h"

/* Zeroed memory (never NULL for 0 bytes), or NULL after failing the link. */
static void *alloc(struct gl_exec *x, const char *cmd, uint64_t n)
{
	void *p = calloc(1, n ? n : 1);
	if (!p)
		gl_exec_fail(x, "%s: out of memory", cmd);
	return p;
}

bool gles_dec_cstrings(struct gl_exec *x, const char *cmd, const char *param, const void *blob,
                       uint32_t n, int64_t count, const GLchar ***out)
{
	const char *s = blob;
	*out = NULL;
	if (count < 0 || (uint64_t)count > (n == GL_BLOB_NULL ? 0 : n))
		return gl_exec_fail(x, "%s: %s: %" PRId64 " strings in %u bytes", cmd, param, count,
		                    n == GL_BLOB_NULL ? 0 : n);
	/* A pointer per string: no more than GL's own limits come near (varyings,
	 * uniform names), so that a blob of NULs cannot make the host allocate
	 * eight times its size. */
	if (count > GL_MAX_STRINGS)
		return gl_exec_fail(x, "%s: %s: %" PRId64 " strings, over %d", cmd, param, count,
		                    GL_MAX_STRINGS);
	if (count == 0) {
		if (n != 0)
			return gl_exec_fail(x, "%s: %s: bytes after no string", cmd, param);
		*out = alloc(x, cmd, sizeof(**out));
		return *out != NULL;
	}
	const GLchar **v = alloc(x, cmd, (uint64_t)count * sizeof(*v));
	if (!v)
		return false;
	uint32_t at = 0;
	for (int64_t i = 0; i < count; i++) {
		const char *end = at < n ? memchr(s + at, 0, n - at) : NULL;
		if (!end) {
			free(v);
			return gl_exec_fail(x, "%s: %s: string %" PRId64 " is not NUL-terminated",
			                    cmd, param, i);
		}
		v[i] = s + at;
		at = (uint32_t)(end - s) + 1;
	}
	if (at != n) {
		free(v);
		return gl_exec_fail(x, "%s: %s: %u bytes after the last string", cmd, param,
		                    n - at);
	}
	*out = v;
	return true;
}
