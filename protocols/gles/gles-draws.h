/*
 * The wire layout every glDraw*Elements* shares (gles-codec.h): u32 mode,
 * [u32 start, u32 end,] i32 count, u32 type, u64 offset, [i32 instances,]
 * [i32 basevertex,] [u32 baseinstance,] blob indices. Which optional
 * fields a command has follows from its name, so the library and the host
 * read one table and draw through one path (proxy/gl/gles-draw.c,
 * gpuhost/gl/draw.c).
 */
#ifndef GPUPIPE_GLES_DRAWS_H
#define GPUPIPE_GLES_DRAWS_H

#include <stdint.h>

#include "gles-codec.h"

enum gl_elements_field {
	GL_ELEMENTS_RANGE = 1u << 0,         /* start, end */
	GL_ELEMENTS_INSTANCES = 1u << 1,     /* instancecount */
	GL_ELEMENTS_BASE_VERTEX = 1u << 2,   /* basevertex */
	GL_ELEMENTS_BASE_INSTANCE = 1u << 3, /* baseinstance */
	GL_ELEMENTS_DRAW = 1u << 4,          /* set for every indexed draw */
};

/* The fields of `op`, 0 when it is not an indexed draw. */
static inline uint32_t gl_elements_fields(uint32_t op)
{
	const uint32_t d = GL_ELEMENTS_DRAW, r = GL_ELEMENTS_RANGE, i = GL_ELEMENTS_INSTANCES,
	               v = GL_ELEMENTS_BASE_VERTEX, b = GL_ELEMENTS_BASE_INSTANCE;
	switch (op) {
	case GLES_OP_glDrawElements:
		return d;
	case GLES_OP_glDrawRangeElements:
		return d | r;
	case GLES_OP_glDrawElementsInstanced:
	case GLES_OP_glDrawElementsInstancedEXT:
		return d | i;
	case GLES_OP_glDrawElementsBaseVertex:
	case GLES_OP_glDrawElementsBaseVertexOES:
	case GLES_OP_glDrawElementsBaseVertexEXT:
		return d | v;
	case GLES_OP_glDrawRangeElementsBaseVertex:
	case GLES_OP_glDrawRangeElementsBaseVertexOES:
	case GLES_OP_glDrawRangeElementsBaseVertexEXT:
		return d | r | v;
	case GLES_OP_glDrawElementsInstancedBaseVertex:
	case GLES_OP_glDrawElementsInstancedBaseVertexOES:
	case GLES_OP_glDrawElementsInstancedBaseVertexEXT:
		return d | i | v;
	case GLES_OP_glDrawElementsInstancedBaseInstanceEXT:
		return d | i | b;
	case GLES_OP_glDrawElementsInstancedBaseVertexBaseInstanceEXT:
		return d | i | v | b;
	}
	return 0;
}

/* Bytes of the optional scalar fields. */
static inline uint32_t gl_elements_extra_bytes(uint32_t fields)
{
	return (fields & GL_ELEMENTS_RANGE ? 8u : 0u) + (fields & GL_ELEMENTS_INSTANCES ? 4u : 0u) +
	       (fields & GL_ELEMENTS_BASE_VERTEX ? 4u : 0u) +
	       (fields & GL_ELEMENTS_BASE_INSTANCE ? 4u : 0u);
}

/*
 * The multi-draws travel as one command each, so that the host's driver runs them as one
 * and gl_DrawIDARB counts their draws (proxy/gl/gles-multi-draw.c, gpuhost/gl/multi-draw.c):
 *   glMultiDrawArrays[EXT]: u32 mode, i32 drawcount, blob draws (drawcount x struct
 *       gl_multi_arrays_draw);
 *   glMultiDrawElements[BaseVertex][EXT]: u32 mode, u32 type, i32 drawcount, blob draws
 *       (drawcount x struct gl_multi_elements_draw; basevertex 0 in the commands without
 *       one), blob indices: GL_BLOB_NULL with an element buffer bound (offsets into it),
 *       else every draw's indices one after another, each draw's offset where its own
 *       begin.
 * glMultiDraw*Indirect travel as gl.xml has them, the pointer an offset (u64).
 */
struct gl_multi_arrays_draw {
	int32_t first, count;
};

struct gl_multi_elements_draw {
	int32_t count, basevertex;
	uint64_t offset;
};
_Static_assert(sizeof(struct gl_multi_elements_draw) == 16, "no padding on the wire");

#endif
