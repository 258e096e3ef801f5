/*
 * OpenGL ES 1.1's vertex state, tracked per context as vertex.c tracks
 * GLES 2's: the fixed-function arrays (glVertexPointer, glNormalPointer,
 * glColorPointer, glTexCoordPointer per client texture unit,
 * glPointSizePointerOES), their enables and the client active texture.
 * An array either points into a buffer object (the pointer an offset: the
 * app's library sends it only with a GL_ARRAY_BUFFER bound) or into a
 * scratch buffer of ours filled by GL_OP_CLIENT_ARRAY. A fixed-function
 * draw reads every enabled array, so each is checked against its buffer.
 */
#include <GLES/gl.h>
#include <GLES/glext.h>

#include <gpupipe/log.h>

#include "context.h"
#include "draws.h"
#include "executor.h"
#include "gles-codec.h"
#include "records.h"
#include "stream.h"

/* The compatibility profile's caps (<GL/glcorearb.h> has none of them). */
enum {
	EDGE_FLAG_ARRAY = 0x8079,
	INDEX_ARRAY = 0x8077,
	FOG_COORD_ARRAY = 0x8457,
	SECONDARY_COLOR_ARRAY = 0x845E,
};

static const char *const names[GH_GL_FF_TEXCOORD0 + 1] = {
        [GH_GL_FF_VERTEX] = "vertex array",
        [GH_GL_FF_NORMAL] = "normal array",
        [GH_GL_FF_COLOR] = "color array",
        [GH_GL_FF_POINT_SIZE] = "point size array",
        [GH_GL_FF_EDGE_FLAG] = "edge flag array",
        [GH_GL_FF_INDEX] = "color index array",
        [GH_GL_FF_FOG_COORD] = "fog coordinate array",
        [GH_GL_FF_SECONDARY_COLOR] = "secondary color array",
        [GH_GL_FF_TEXCOORD0] = "texture coordinate array",
};

static const char *array_name(uint32_t slot)
{
	return names[slot < GH_GL_FF_TEXCOORD0 ? slot : GH_GL_FF_TEXCOORD0];
}

/* Wire kind (enum gl_client_array_kind) of a slot, and the reverse. */
static uint32_t kind_of(uint32_t slot)
{
	static const uint32_t kinds[GH_GL_FF_TEXCOORD0] = {
	        [GH_GL_FF_VERTEX] = GL_ARRAY_VERTEX,
	        [GH_GL_FF_NORMAL] = GL_ARRAY_NORMAL,
	        [GH_GL_FF_COLOR] = GL_ARRAY_COLOR,
	        [GH_GL_FF_POINT_SIZE] = GL_ARRAY_POINT_SIZE,
	        [GH_GL_FF_EDGE_FLAG] = GL_ARRAY_EDGE_FLAG,
	        [GH_GL_FF_INDEX] = GL_ARRAY_INDEX,
	        [GH_GL_FF_FOG_COORD] = GL_ARRAY_FOG_COORD,
	        [GH_GL_FF_SECONDARY_COLOR] = GL_ARRAY_SECONDARY_COLOR,
	};
	return slot < GH_GL_FF_TEXCOORD0 ? kinds[slot] : GL_ARRAY_TEXCOORD;
}

static int slot_of(uint32_t kind, uint32_t index)
{
	switch (kind) {
	case GL_ARRAY_VERTEX:
		return GH_GL_FF_VERTEX;
	case GL_ARRAY_NORMAL:
		return GH_GL_FF_NORMAL;
	case GL_ARRAY_COLOR:
		return GH_GL_FF_COLOR;
	case GL_ARRAY_POINT_SIZE:
		return GH_GL_FF_POINT_SIZE;
	case GL_ARRAY_EDGE_FLAG:
		return GH_GL_FF_EDGE_FLAG;
	case GL_ARRAY_INDEX:
		return GH_GL_FF_INDEX;
	case GL_ARRAY_FOG_COORD:
		return GH_GL_FF_FOG_COORD;
	case GL_ARRAY_SECONDARY_COLOR:
		return GH_GL_FF_SECONDARY_COLOR;
	case GL_ARRAY_TEXCOORD:
		return index < GH_GL_MAX_TEXTURE_UNITS ? (int)(GH_GL_FF_TEXCOORD0 + index) : -1;
	}
	return -1;
}

/* The array of a glEnableClientState cap (texture coordinates: the client
 * active unit's), -1 for none. */
static int slot_of_cap(const struct gh_gl_context *ctx, uint32_t cap)
{
	switch (cap) {
	case GL_VERTEX_ARRAY:
		return GH_GL_FF_VERTEX;
	case GL_NORMAL_ARRAY:
		return GH_GL_FF_NORMAL;
	case GL_COLOR_ARRAY:
		return GH_GL_FF_COLOR;
	case GL_POINT_SIZE_ARRAY_OES:
		return ctx->level.api == GL_API_GLES1 ? GH_GL_FF_POINT_SIZE : -1;
	case GL_TEXTURE_COORD_ARRAY:
		return (int)(GH_GL_FF_TEXCOORD0 + ctx->client_unit);
	}
	if (ctx->level.api != GL_API_GL_COMPAT)
		return -1;
	switch (cap) {
	case EDGE_FLAG_ARRAY:
		return GH_GL_FF_EDGE_FLAG;
	case INDEX_ARRAY:
		return GH_GL_FF_INDEX;
	case FOG_COORD_ARRAY:
		return GH_GL_FF_FOG_COORD;
	case SECONDARY_COLOR_ARRAY:
		return GH_GL_FF_SECONDARY_COLOR;
	}
	return -1;
}

static uint32_t cap_of(uint32_t slot)
{
	static const uint32_t caps[GH_GL_FF_TEXCOORD0] = {
	        [GH_GL_FF_VERTEX] = GL_VERTEX_ARRAY,
	        [GH_GL_FF_NORMAL] = GL_NORMAL_ARRAY,
	        [GH_GL_FF_COLOR] = GL_COLOR_ARRAY,
	        [GH_GL_FF_POINT_SIZE] = GL_POINT_SIZE_ARRAY_OES,
	        [GH_GL_FF_EDGE_FLAG] = EDGE_FLAG_ARRAY,
	        [GH_GL_FF_INDEX] = INDEX_ARRAY,
	        [GH_GL_FF_FOG_COORD] = FOG_COORD_ARRAY,
	        [GH_GL_FF_SECONDARY_COLOR] = SECONDARY_COLOR_ARRAY,
	};
	return slot < GH_GL_FF_TEXCOORD0 ? caps[slot] : GL_TEXTURE_COORD_ARRAY;
}

/* The bytes of one element, 0 for a format the context's API refuses:
 * OpenGL ES 1.1's rules, or the compatibility profile's wider ones. */
static uint32_t format_bytes(const struct gh_gl_context *ctx, uint32_t kind, uint32_t size,
                             uint32_t type)
{
	if (ctx->level.api == GL_API_GL_COMPAT)
		return kind == GL_ARRAY_POINT_SIZE ? 0
		                                   : gl_client_array_compat_bytes(kind, size, type);
	if (kind > GL_ARRAY_POINT_SIZE || !gl_client_array_size_ok(kind, size) ||
	    !gl_client_array_type_ok(kind, type))
		return 0;
	return gh_gl_attrib_bytes(size, type);
}

/* Texture coordinate units tracked in the context's API. */
static uint32_t coord_units(const struct gl_exec *x)
{
	return x->ctx->level.api == GL_API_GL_COMPAT ? x->gl->coord_units : x->gl->ff_units;
}

static void set_buffer(struct gh_gl_buffer **slot, struct gh_gl_buffer *buf)
{
	gh_gl_buffer_ref(buf);
	gh_gl_buffer_unref(*slot);
	*slot = buf;
}

/* glXxxPointer with a buffer bound: the library checked the format and
 * sends nothing else, so anything else ends the link before GL could take
 * an offset for a host address. */
static bool set_pointer(struct gl_exec *x, uint32_t slot, GLint size, GLenum type, GLsizei stride,
                        const void *pointer)
{
	uint32_t kind = kind_of(slot);
	uint32_t bytes = size < 0 ? 0 : format_bytes(x->ctx, kind, (uint32_t)size, type);
	if (!bytes || stride < 0)
		return gh_gl_fail(x, "%s of %d x type 0x%x, stride %d", array_name(slot), size,
		                  type, stride);
	if (!x->ctx->array_buffer)
		return gh_gl_fail(x, "no GL_ARRAY_BUFFER bound (client arrays travel as "
		                     "GL_OP_CLIENT_ARRAY)");
	struct gh_gl_fixed_array *a = &x->ctx->vao->ff[slot];
	a->size = (uint32_t)size;
	a->type = type;
	a->stride = (uint32_t)stride;
	a->offset = (uint64_t)(uintptr_t)pointer;
	a->bytes = bytes;
	set_buffer(&a->buffer, x->ctx->array_buffer);
	return true;
}

bool gl_exec_hook_glVertexPointer(struct gl_exec *x, GLint size, GLenum type, GLsizei stride,
                                  const void *pointer)
{
	return set_pointer(x, GH_GL_FF_VERTEX, size, type, stride, pointer);
}

bool gl_exec_hook_glNormalPointer(struct gl_exec *x, GLenum type, GLsizei stride,
                                  const void *pointer)
{
	return set_pointer(x, GH_GL_FF_NORMAL, 3, type, stride, pointer);
}

bool gl_exec_hook_glColorPointer(struct gl_exec *x, GLint size, GLenum type, GLsizei stride,
                                 const void *pointer)
{
	return set_pointer(x, GH_GL_FF_COLOR, size, type, stride, pointer);
}

bool gl_exec_hook_glTexCoordPointer(struct gl_exec *x, GLint size, GLenum type, GLsizei stride,
                                    const void *pointer)
{
	return set_pointer(x, GH_GL_FF_TEXCOORD0 + x->ctx->client_unit, size, type, stride,
	                   pointer);
}

bool gl_exec_hook_glPointSizePointerOES(struct gl_exec *x, GLenum type, GLsizei stride,
                                        const void *pointer)
{
	return set_pointer(x, GH_GL_FF_POINT_SIZE, 1, type, stride, pointer);
}

/* The compatibility profile's arrays (gl-compat-annotations.txt). */
bool gl_exec_hook_glEdgeFlagPointer(struct gl_exec *x, GLsizei stride, const void *pointer)
{
	return set_pointer(x, GH_GL_FF_EDGE_FLAG, 1, GL_UNSIGNED_BYTE, stride, pointer);
}

bool gl_exec_hook_glIndexPointer(struct gl_exec *x, GLenum type, GLsizei stride,
                                 const void *pointer)
{
	return set_pointer(x, GH_GL_FF_INDEX, 1, type, stride, pointer);
}

bool gl_exec_hook_glFogCoordPointer(struct gl_exec *x, GLenum type, GLsizei stride,
                                    const void *pointer)
{
	return set_pointer(x, GH_GL_FF_FOG_COORD, 1, type, stride, pointer);
}

bool gl_exec_hook_glSecondaryColorPointer(struct gl_exec *x, GLint size, GLenum type,
                                          GLsizei stride, const void *pointer)
{
	return set_pointer(x, GH_GL_FF_SECONDARY_COLOR, size, type, stride, pointer);
}

/* A cap GL refuses (GL_INVALID_ENUM) changes nothing. */
bool gl_exec_hook_glEnableClientState(struct gl_exec *x, GLenum array)
{
	int slot = slot_of_cap(x->ctx, array);
	if (slot >= 0)
		x->ctx->vao->ff[slot].enabled = true;
	return true;
}

bool gl_exec_hook_glDisableClientState(struct gl_exec *x, GLenum array)
{
	int slot = slot_of_cap(x->ctx, array);
	if (slot >= 0)
		x->ctx->vao->ff[slot].enabled = false;
	return true;
}

bool gl_exec_hook_glClientActiveTexture(struct gl_exec *x, GLenum texture)
{
	uint32_t unit = texture - GL_TEXTURE0;
	bool compat = x->ctx->level.api == GL_API_GL_COMPAT;
	if (texture < GL_TEXTURE0 ||
	    unit >= (compat ? x->gl->host_coord_units : x->gl->host_ff_units))
		return true; /* GL_INVALID_ENUM */
	if (unit >= coord_units(x))
		return gh_gl_fail(x, "client texture unit %u is over the %u gpupipe tracks", unit,
		                  coord_units(x));
	x->ctx->client_unit = unit;
	return true;
}

bool gh_gl_array_reads_ok(struct gl_exec *x, const char *what, uint32_t i,
                          const struct gh_gl_fixed_array *a, uint64_t last)
{
	uint64_t stride = a->stride ? a->stride : a->bytes;
	/* last < 2^32 and stride < 2^31: no overflow before the checks. */
	uint64_t end = last * stride + a->bytes;
	if (a->offset > a->buffer->size || end > a->buffer->size - a->offset)
		return gh_gl_fail(x, "%s %u reads to byte %llu of a %llu-byte buffer", what, i,
		                  (unsigned long long)(a->offset + end),
		                  (unsigned long long)a->buffer->size);
	return true;
}

bool gh_gl_ff_check(struct gl_exec *x, bool any, uint64_t last, uint32_t *hide)
{
	*hide = 0;
	for (uint32_t i = 0; i < GH_GL_FF_ARRAYS; i++) {
		const struct gh_gl_fixed_array *a = &x->ctx->vao->ff[i];
		if (!a->enabled)
			continue;
		if (!a->buffer) {
			*hide |= 1u << i;
			continue;
		}
		if (any && !gh_gl_array_reads_ok(x, array_name(i), i, a, last))
			return false;
	}
	return true;
}

static void select_unit(uint32_t slot)
{
	if (slot >= GH_GL_FF_TEXCOORD0)
		gles_host.glClientActiveTexture(GL_TEXTURE0 + slot - GH_GL_FF_TEXCOORD0);
}

static void restore_unit(struct gl_exec *x, uint32_t slot)
{
	if (slot >= GH_GL_FF_TEXCOORD0)
		gles_host.glClientActiveTexture(GL_TEXTURE0 + x->ctx->client_unit);
}

/* An enabled array with no buffer would make GL read a host address (a
 * NULL pointer the app never set): disabled around the draw, as if the
 * app's draw read nothing there. */
void gh_gl_ff_hide(struct gl_exec *x, uint32_t hide, bool enable)
{
	for (uint32_t i = 0; hide; i++, hide >>= 1) {
		if (!(hide & 1))
			continue;
		select_unit(i);
		if (enable)
			gles_host.glEnableClientState(cap_of(i));
		else
			gles_host.glDisableClientState(cap_of(i));
		restore_unit(x, i);
	}
}

/* Points the array at the bound scratch buffer, tightly packed. */
static void point_at_scratch(const struct gl_client_array *h, uint32_t slot)
{
	GLint size = (GLint)h->size;
	switch (slot) {
	case GH_GL_FF_VERTEX:
		gles_host.glVertexPointer(size, h->type, 0, NULL);
		break;
	case GH_GL_FF_NORMAL:
		gles_host.glNormalPointer(h->type, 0, NULL);
		break;
	case GH_GL_FF_COLOR:
		gles_host.glColorPointer(size, h->type, 0, NULL);
		break;
	case GH_GL_FF_POINT_SIZE:
		gles_host.glPointSizePointerOES(h->type, 0, NULL);
		break;
	case GH_GL_FF_EDGE_FLAG:
		gles_host.glEdgeFlagPointer(0, NULL);
		break;
	case GH_GL_FF_INDEX:
		gles_host.glIndexPointer(h->type, 0, NULL);
		break;
	case GH_GL_FF_FOG_COORD:
		gles_host.glFogCoordPointer(h->type, 0, NULL);
		break;
	case GH_GL_FF_SECONDARY_COLOR:
		gles_host.glSecondaryColorPointer(size, h->type, 0, NULL);
		break;
	default:
		gles_host.glTexCoordPointer(size, h->type, 0, NULL);
		break;
	}
}

bool gh_gl_ff_client_array(struct gl_exec *x, const struct gl_client_array *h, const void *data,
                           uint32_t n)
{
	struct gh_gl_context *ctx = x->ctx;
	int s = slot_of(h->array, h->index);
	if (s < 0 || (h->array == GL_ARRAY_TEXCOORD && h->index >= coord_units(x)) ||
	    (h->array != GL_ARRAY_TEXCOORD && h->index != 0))
		return gh_gl_fail(x, "array kind %u index %u", h->array, h->index);
	uint32_t slot = (uint32_t)s;
	/* Point sizes come with OES_point_size_array, as glPointSizePointerOES does. */
	if (slot == GH_GL_FF_POINT_SIZE &&
	    !gles_level_has(&ctx->level, GLES_OP_glPointSizePointerOES))
		return gh_gl_fail(x, "a point size array in a context without "
		                     "GL_OES_point_size_array");
	uint32_t bytes = format_bytes(ctx, h->array, h->size, h->type);
	if (!bytes || h->mode)
		return gh_gl_fail(x, "%s of %u x type 0x%x (mode %u)", array_name(slot), h->size,
		                  h->type, h->mode);
	struct gh_gl_buffer *buf =
	        gh_gl_client_vertices(x, array_name(slot), h, bytes, &ctx->scratch_ff[slot],
	                              &ctx->scratch_ff_sent[slot], data, n);
	if (!buf)
		return false;
	select_unit(slot);
	point_at_scratch(h, slot);
	restore_unit(x, slot);
	gles_host.glBindBuffer(GL_ARRAY_BUFFER, ctx->array_buffer ? ctx->array_buffer->host : 0);
	struct gh_gl_fixed_array *a = &ctx->vao->ff[slot];
	a->size = h->size;
	a->type = h->type;
	a->stride = 0;
	a->bytes = bytes;
	a->offset = 0;
	set_buffer(&a->buffer, buf);
	return true;
}
