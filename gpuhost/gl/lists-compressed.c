/*
 * Compressed texture uploads in display lists. The driver (Mesa 22.3,
 * dlist.c) compiles glCompressedTex{,Sub}Image{1,2,3}D by copying
 * `imageSize` bytes from the pointer it is given, knowing nothing of the
 * block layout (ARB_compressed_texture_pixel_storage) nor of a bound pixel
 * unpack buffer, and at glCallList replays the upload under the unpack
 * state current then (unlike glTexImage*, replayed under the default
 * state). So:
 * - in a list being made (GL_COMPILE or GL_COMPILE_AND_EXECUTE) an upload
 *   must read exactly imageSize bytes from the command: with any
 *   GL_UNPACK_COMPRESSED_BLOCK_* pname set, or a pixel unpack buffer bound
 *   (whose offset the driver would copy from as an address), the library
 *   refuses it with GL_INVALID_OPERATION and a stream that sends it anyway
 *   ends the link. GL would read the buffer and the layout at compile time
 *   (display lists dereference client and buffer data when compiled);
 *   natively the driver reads out of bounds or crashes, so refusing is the
 *   stricter of the two.
 * - a list that holds one replays it under default block pnames and no
 *   pixel unpack buffer: glCallList(s) clears them in the driver around
 *   the call and restores them after, so the replay reads only the copy the
 *   list stored, as GL says. Only where some list holds such an upload and
 *   the state is not the default: the common path costs nothing. Between
 *   glBegin and glEnd the driver takes no state change: such a call is
 *   GL_INVALID_OPERATION there, not run, and so is one that may leave the
 *   driver there (gles-list-prims.h), whose state could not be restored.
 * doc/desktop-gl-design.md ("Compressed uploads in display lists").
 */
#include <GLES3/gl32.h>

#include "bindings.h"
#include "context.h"
#include "gles-codec.h"
#include "quota.h"
#include "records.h"
#include "storage.h"
#include "stream.h"

/* GL_UNPACK_COMPRESSED_BLOCK_WIDTH, _HEIGHT, _DEPTH, _SIZE (GL 4.2). */
static const uint32_t block_pnames[4] = {0x9127u, 0x9128u, 0x9129u, 0x912Au};

enum gl_guard gh_gl_list_compressed_guard(struct gl_exec *x, const char *cmd)
{
	if (!x->ctx->lists.mode)
		return GL_GUARD_CALL;
	const int32_t *b = gl_exec_pixel_state(x)->unpack_block;
	if (b[0] || b[1] || b[2] || b[3]) {
		gh_gl_fail(x,
		           "%s compiled into a display list with GL_UNPACK_COMPRESSED_BLOCK_* "
		           "set (%d, %d, %d, %d): the driver would copy imageSize bytes, not the "
		           "layout's",
		           cmd, b[0], b[1], b[2], b[3]);
		return GL_GUARD_FAIL;
	}
	if (gh_gl_bound_buffer(x->ctx, GL_PIXEL_UNPACK_BUFFER)) {
		gh_gl_fail(x,
		           "%s compiled into a display list while a pixel unpack buffer is "
		           "bound: the driver would copy from the offset as an address",
		           cmd);
		return GL_GUARD_FAIL;
	}
	x->ctx->share->lists.compressed = true;
	return GL_GUARD_CALL;
}

bool gh_gl_list_replay_begin(struct gl_exec *x, struct gh_gl_list_replay *r, bool ends_inside)
{
	const int32_t *b = gl_exec_pixel_state(x)->unpack_block;
	r->blocks = b[0] || b[1] || b[2] || b[3];
	r->buffer = gh_gl_bound_buffer(x->ctx, GL_PIXEL_UNPACK_BUFFER);
	if (!x->ctx->share->lists.compressed || (!r->blocks && !r->buffer)) {
		r->blocks = false;
		r->buffer = NULL;
		return true;
	}
	if (x->ctx->begin_end || ends_inside) {
		gh_gl_error_record(x->ctx, GL_INVALID_OPERATION);
		return false;
	}
	if (r->blocks)
		for (int i = 0; i < 4; i++)
			gles_host.glPixelStorei(block_pnames[i], 0);
	if (r->buffer)
		gles_host.glBindBuffer(GL_PIXEL_UNPACK_BUFFER, 0);
	return true;
}

void gh_gl_list_replay_end(struct gl_exec *x, const struct gh_gl_list_replay *r)
{
	const int32_t *b = gl_exec_pixel_state(x)->unpack_block;
	if (r->blocks)
		for (int i = 0; i < 4; i++)
			gles_host.glPixelStorei(block_pnames[i], b[i]);
	if (r->buffer)
		gles_host.glBindBuffer(GL_PIXEL_UNPACK_BUFFER, r->buffer->host);
}
