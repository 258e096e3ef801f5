/*
 * glPushClientAttrib and glPopClientAttrib (compatibility profile): never
 * sent. The library keeps the client attribute stack itself, and a pop is
 * the commands that set the state back, made through the library's own
 * entry points (pixel store values, GL_PIXEL_PACK/UNPACK_BUFFER and
 * GL_ARRAY_BUFFER bindings, the vertex array bound, each array's pointer,
 * format and enable, the element buffer, the client active texture,
 * NV_primitive_restart's enable and index): the
 * host sees only commands it tracks already, so its checks follow the pop
 * exactly, and the driver's state is what the app's GL would hold.
 * Only what changed since the push travels.
 */
#include <stdlib.h>
#include <string.h>

#include <GLES3/gl3.h>

#include "gles-codec.h"
#include "state.h"
#include "stream.h"

enum {
	CLIENT_PIXEL_STORE_BIT = 0x1,
	CLIENT_VERTEX_ARRAY_BIT = 0x2,
	CLIENT_ATTRIB_STACK_DEPTH = 0x0BB1,
	STACK_OVERFLOW = 0x0503,
	STACK_UNDERFLOW = 0x0504,
	UNPACK_SWAP_BYTES = 0x0CF0,
	UNPACK_LSB_FIRST = 0x0CF1,
	PACK_SWAP_BYTES = 0x0D00,
	PACK_LSB_FIRST = 0x0D01,
	PACK_SKIP_IMAGES = 0x806B,
	PACK_IMAGE_HEIGHT = 0x806C,
};

struct ge_client_attrib {
	uint32_t mask;
	struct gl_pixel_state ps;
	uint32_t pack_buffer, unpack_buffer;
	uint32_t vao_name, array_buffer, client_unit;
	struct ge_vao vao;
	bool nv_restart; /* NV_primitive_restart's, vertex-array client state */
	uint32_t nv_restart_index;
};

void ge_client_attrib_free(struct ge_gl_state *gl)
{
	free(gl->client_stack);
	gl->client_stack = NULL;
	gl->client_depth = 0;
}

bool ge_client_attrib_value(const struct ge_gl_state *gl, uint32_t pname, float *v)
{
	if (pname == CLIENT_ATTRIB_STACK_DEPTH && ge_gl_is_compat(gl)) {
		v[0] = (float)gl->client_depth;
		return true;
	}
	return false;
}

void GL_APIENTRY gl_enc_special_glPushClientAttrib(GLbitfield mask)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glPushClientAttrib);
	if (!e)
		return;
	struct ge_gl_state *gl = e->gl;
	if (gl->client_depth >= GE_CLIENT_ATTRIB_STACK_DEPTH) {
		gl_enc_error(e, STACK_OVERFLOW);
		return;
	}
	if (!gl->client_stack) {
		gl->client_stack = calloc(GE_CLIENT_ATTRIB_STACK_DEPTH, sizeof(*gl->client_stack));
		if (!gl->client_stack) {
			gl_enc_error(e, GL_OUT_OF_MEMORY);
			return;
		}
	}
	struct ge_client_attrib *s = &gl->client_stack[gl->client_depth++];
	bool ok;
	ge_restart_nv_fresh(gl); /* what the driver holds, saved */
	*s = (struct ge_client_attrib){
	        .mask = mask,
	        .ps = gl->ps,
	        .pack_buffer = ge_gl_bound_buffer(gl, GL_PIXEL_PACK_BUFFER, &ok),
	        .unpack_buffer = ge_gl_bound_buffer(gl, GL_PIXEL_UNPACK_BUFFER, &ok),
	        .vao_name = gl->vao_name,
	        .array_buffer = gl->array_buffer,
	        .client_unit = gl->client_unit,
	        .vao = *gl->vao,
	        .nv_restart = gl->nv_restart,
	        .nv_restart_index = gl->nv_restart_index,
	};
}

static void store(uint32_t pname, int32_t was, int32_t now)
{
	if (was != now)
		gl_enc_special_glPixelStorei(pname, was);
}

static void bind(struct ge_gl_state *gl, uint32_t target, uint32_t was)
{
	bool ok;
	if (ge_gl_bound_buffer(gl, target, &ok) != was)
		gl_enc_glBindBuffer(target, was);
}

static void pop_pixel_store(struct ge_gl_state *gl, const struct ge_client_attrib *s)
{
	const struct gl_pixel_state *p = &s->ps, *c = &gl->ps;
	store(GL_PACK_ALIGNMENT, p->pack_alignment, c->pack_alignment);
	store(GL_PACK_ROW_LENGTH, p->pack_row_length, c->pack_row_length);
	store(GL_PACK_SKIP_ROWS, p->pack_skip_rows, c->pack_skip_rows);
	store(GL_PACK_SKIP_PIXELS, p->pack_skip_pixels, c->pack_skip_pixels);
	store(PACK_IMAGE_HEIGHT, p->pack_image_height, c->pack_image_height);
	store(PACK_SKIP_IMAGES, p->pack_skip_images, c->pack_skip_images);
	store(PACK_SWAP_BYTES, p->pack_swap_bytes, c->pack_swap_bytes);
	store(PACK_LSB_FIRST, p->pack_lsb_first, c->pack_lsb_first);
	store(GL_UNPACK_ALIGNMENT, p->unpack_alignment, c->unpack_alignment);
	store(GL_UNPACK_ROW_LENGTH, p->unpack_row_length, c->unpack_row_length);
	store(GL_UNPACK_IMAGE_HEIGHT, p->unpack_image_height, c->unpack_image_height);
	store(GL_UNPACK_SKIP_ROWS, p->unpack_skip_rows, c->unpack_skip_rows);
	store(GL_UNPACK_SKIP_PIXELS, p->unpack_skip_pixels, c->unpack_skip_pixels);
	store(GL_UNPACK_SKIP_IMAGES, p->unpack_skip_images, c->unpack_skip_images);
	store(UNPACK_SWAP_BYTES, p->unpack_swap_bytes, c->unpack_swap_bytes);
	store(UNPACK_LSB_FIRST, p->unpack_lsb_first, c->unpack_lsb_first);
	/* GL_{UNPACK,PACK}_COMPRESSED_BLOCK_{WIDTH,HEIGHT,DEPTH,SIZE}: pixel-store state too. */
	for (uint32_t i = 0; i < 4; i++) {
		store(0x9127 + i, p->unpack_block[i], c->unpack_block[i]);
		store(0x912B + i, p->pack_block[i], c->pack_block[i]);
	}
	/* The pixel buffer bindings are pixel-store state (GL 4.5 compatibility, table 23.10). */
	bind(gl, GL_PIXEL_PACK_BUFFER, s->pack_buffer);
	bind(gl, GL_PIXEL_UNPACK_BUFFER, s->unpack_buffer);
}

/* GL's initial format of a fixed-function array that was never set. */
static void initial_format(uint32_t slot, int32_t *size, uint32_t *type)
{
	*size = slot == GE_FF_NORMAL || slot == GE_FF_SECONDARY_COLOR                       ? 3
	        : slot == GE_FF_EDGE_FLAG || slot == GE_FF_INDEX || slot == GE_FF_FOG_COORD ? 1
	                                                                                    : 4;
	*type = slot == GE_FF_EDGE_FLAG ? GL_UNSIGNED_BYTE : GL_FLOAT;
}

static const uint32_t caps[GE_FF_TEXCOORD0] = {
        [GE_FF_VERTEX] = 0x8074,          /* GL_VERTEX_ARRAY */
        [GE_FF_NORMAL] = 0x8075,          /* GL_NORMAL_ARRAY */
        [GE_FF_COLOR] = 0x8076,           /* GL_COLOR_ARRAY */
        [GE_FF_EDGE_FLAG] = 0x8079,       /* GL_EDGE_FLAG_ARRAY */
        [GE_FF_INDEX] = 0x8077,           /* GL_INDEX_ARRAY */
        [GE_FF_FOG_COORD] = 0x8457,       /* GL_FOG_COORD_ARRAY */
        [GE_FF_SECONDARY_COLOR] = 0x845E, /* GL_SECONDARY_COLOR_ARRAY */
};

static void ff_array(struct ge_gl_state *gl, uint32_t slot, const struct ge_attrib *was)
{
	const struct ge_attrib *now = &gl->vao->ff[slot];
	bool tex = slot >= GE_FF_TEXCOORD0;
	if (!memcmp(was, now, sizeof(*was)) || (!tex && !caps[slot]))
		return;
	if (tex)
		gl_enc_glClientActiveTexture(GL_TEXTURE0 + slot - GE_FF_TEXCOORD0);
	int32_t size = was->size;
	uint32_t type = was->type;
	if (!size)
		initial_format(slot, &size, &type);
	bind(gl, GL_ARRAY_BUFFER, was->buffer);
	const void *p = was->pointer;
	switch (slot) {
	case GE_FF_VERTEX:
		gl_enc_special_glVertexPointer(size, type, was->stride, p);
		break;
	case GE_FF_NORMAL:
		gl_enc_special_glNormalPointer(type, was->stride, p);
		break;
	case GE_FF_COLOR:
		gl_enc_special_glColorPointer(size, type, was->stride, p);
		break;
	case GE_FF_EDGE_FLAG:
		gl_enc_special_glEdgeFlagPointer(was->stride, p);
		break;
	case GE_FF_INDEX:
		gl_enc_special_glIndexPointer(type, was->stride, p);
		break;
	case GE_FF_FOG_COORD:
		gl_enc_special_glFogCoordPointer(type, was->stride, p);
		break;
	case GE_FF_SECONDARY_COLOR:
		gl_enc_special_glSecondaryColorPointer(size, type, was->stride, p);
		break;
	default:
		gl_enc_special_glTexCoordPointer(size, type, was->stride, p);
		break;
	}
	uint32_t cap = tex ? 0x8078 /* GL_TEXTURE_COORD_ARRAY */ : caps[slot];
	if (was->enabled)
		gl_enc_glEnableClientState(cap);
	else
		gl_enc_glDisableClientState(cap);
}

static void attrib_array(struct ge_gl_state *gl, uint32_t i, const struct ge_attrib *was)
{
	const struct ge_attrib *now = &gl->vao->attribs[i];
	if (!memcmp(was, now, sizeof(*was)))
		return;
	bind(gl, GL_ARRAY_BUFFER, was->buffer);
	int32_t size = was->size ? was->size : 4;
	uint32_t type = was->type ? was->type : GL_FLOAT;
	if (was->integer)
		gl_enc_special_glVertexAttribIPointer(i, size, type, was->stride, was->pointer);
	else
		gl_enc_special_glVertexAttribPointer(i, size, type, was->normalized, was->stride,
		                                     was->pointer);
	if (was->divisor != now->divisor)
		gl_enc_glVertexAttribDivisor(i, was->divisor);
	if (was->enabled)
		gl_enc_glEnableVertexAttribArray(i);
	else
		gl_enc_glDisableVertexAttribArray(i);
}

static void pop_arrays(struct ge_gl_state *gl, const struct ge_client_attrib *s)
{
	if (gl->vao_name != s->vao_name)
		gl_enc_glBindVertexArray(s->vao_name);
	/* A vertex array deleted since the push: its arrays are gone with it. */
	if (gl->vao_name == s->vao_name) {
		for (uint32_t i = 0; i < GE_FF_TEXCOORD0 + gl->max_texture_units; i++)
			ff_array(gl, i, &s->vao.ff[i]);
		for (uint32_t i = 0; i < gl->max_attribs; i++)
			attrib_array(gl, i, &s->vao.attribs[i]);
		if (gl->vao->element_buffer != s->vao.element_buffer)
			gl_enc_glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, s->vao.element_buffer);
		/* Exactly as pushed (a format never set stays unset for glGet). */
		memcpy(gl->vao->ff, s->vao.ff, sizeof(gl->vao->ff));
		memcpy(gl->vao->attribs, s->vao.attribs, sizeof(gl->vao->attribs));
	}
	bind(gl, GL_ARRAY_BUFFER, s->array_buffer);
	/* NV_primitive_restart's state is the vertex array group's, not a vertex
	 * array object's (the encoders' hooks follow it back). */
	if (gl->nv_restart_index != s->nv_restart_index)
		gl_enc_glPrimitiveRestartIndexNV(s->nv_restart_index);
	if (gl->nv_restart != s->nv_restart && s->nv_restart)
		gl_enc_glEnableClientState(GE_PRIMITIVE_RESTART_NV);
	else if (gl->nv_restart != s->nv_restart)
		gl_enc_glDisableClientState(GE_PRIMITIVE_RESTART_NV);
	if (gl->client_unit != s->client_unit)
		gl_enc_glClientActiveTexture(GL_TEXTURE0 + s->client_unit);
	gl->client_unit = s->client_unit;
}

void GL_APIENTRY gl_enc_special_glPopClientAttrib(void)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glPopClientAttrib);
	if (!e)
		return;
	struct ge_gl_state *gl = e->gl;
	if (!gl->client_depth) {
		gl_enc_error(e, STACK_UNDERFLOW);
		return;
	}
	const struct ge_client_attrib *s = &gl->client_stack[--gl->client_depth];
	ge_restart_nv_fresh(gl); /* what the driver holds, compared */
	if (s->mask & CLIENT_PIXEL_STORE_BIT)
		pop_pixel_store(gl, s);
	if (s->mask & CLIENT_VERTEX_ARRAY_BIT)
		pop_arrays(gl, s);
}
