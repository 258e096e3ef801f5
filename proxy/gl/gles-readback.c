/*
 * glReadPixels and glReadnPixels into the app's memory: the host's reply
 * holds gl_pack_size bytes laid out by the pack state, but GL writes only
 * the pixels, not the row padding, the rest of a GL_PACK_ROW_LENGTH row or
 * the skipped pixels and rows. A reply copied whole over the app's buffer
 * would zero what the app keeps there (a sub-rectangle of a larger image,
 * NV_pack_subimage and ES 3), so a readback with gaps lands in a buffer of
 * ours first and only its pixels are copied.
 */
#include <stdlib.h>

#include <GLES3/gl32.h>

#include <gpupipe/gl-codec.h>
#include <gpupipe/gl-sizes.h>

#include "gles-client.h"
#include "state.h"
#include "stream.h"

void *ge_readback_begin(struct gl_enc *e, int32_t width, int32_t height, uint32_t format,
                        uint32_t type, int64_t buf_size, void *pixels)
{
	const struct gl_pixel_state *ps = &e->gl->ps;
	int64_t size = gl_readn_size(ps, width, height, format, type, buf_size);
	/* An error (the generic encoder raises it, nothing written) or a
	 * readback that writes every byte of its size. */
	if (!pixels || size <= 0 || gl_pack_is_dense(ps, width, height, format, type))
		return pixels;
	void *into = malloc((size_t)size);
	if (!into)
		gl_enc_error(e, GL_OUT_OF_MEMORY);
	return into;
}

void ge_readback_end(struct gl_enc *e, int32_t width, int32_t height, uint32_t format,
                     uint32_t type, void *into, void *pixels)
{
	if (into == pixels)
		return;
	gl_pack_scatter(&e->gl->ps, width, height, format, type, into, pixels);
	free(into);
}
