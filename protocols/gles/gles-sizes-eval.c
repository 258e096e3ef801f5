/*
 * Size helpers of the compatibility profile's evaluators (<gpupipe/gl-sizes.h>):
 * how many values glMap1* and glMap2* read from the app's points, computed
 * the same on both sides so the host checks the blob before its driver reads.
 */
#include <gpupipe/gl-sizes.h>

#define GL_MAP1_COLOR_4 0x0D90
#define GL_MAP1_VERTEX_4 0x0D98
#define GL_MAP2_COLOR_4 0x0DB0
#define GL_MAP2_VERTEX_4 0x0DB8

int64_t gl_eval_components(uint32_t target, bool two)
{
	/* GL_MAP*_COLOR_4, _INDEX, _NORMAL, _TEXTURE_COORD_1.._4, _VERTEX_3,
	 * _VERTEX_4: the same order in both ranges. */
	static const int64_t components[] = {4, 1, 3, 1, 2, 3, 4, 3, 4};
	uint32_t first = two ? GL_MAP2_COLOR_4 : GL_MAP1_COLOR_4;
	uint32_t last = two ? GL_MAP2_VERTEX_4 : GL_MAP1_VERTEX_4;
	if (target < first || target > last)
		return GL_SIZE_INVALID_ENUM;
	return components[target - first];
}

/* One direction of a map: its points' extent in values, or an error. */
static int64_t extent(int64_t k, int64_t stride, int64_t order)
{
	if (order < 1 || order > GL_SIZES_MAX_EVAL_ORDER || stride < k)
		return GL_SIZE_INVALID_VALUE;
	/* stride is a GLint: (order - 1) * stride stays far inside int64_t. */
	return (order - 1) * stride;
}

int64_t gl_map1_count(uint32_t target, int64_t stride, int64_t order)
{
	int64_t k = gl_eval_components(target, false);
	if (k < 0)
		return k;
	int64_t u = extent(k, stride, order);
	return u < 0 ? u : u + k;
}

int64_t gl_map2_count(uint32_t target, int64_t ustride, int64_t uorder, int64_t vstride,
                      int64_t vorder)
{
	int64_t k = gl_eval_components(target, true);
	if (k < 0)
		return k;
	int64_t u = extent(k, ustride, uorder);
	int64_t v = extent(k, vstride, vorder);
	if (u < 0 || v < 0)
		return GL_SIZE_INVALID_VALUE;
	return u + v + k;
}

int64_t gl_get_count_eval(uint32_t pname)
{
	switch (pname) {
	case 0x0B80: /* GL_ACCUM_CLEAR_VALUE */
	case 0x0DD2: /* GL_MAP2_GRID_DOMAIN */
		return 4;
	case 0x0DD0: /* GL_MAP1_GRID_DOMAIN */
	case 0x0DD3: /* GL_MAP2_GRID_SEGMENTS */
		return 2;
	case 0x0B30: /* GL_LIST_MODE */
	case 0x0B31: /* GL_MAX_LIST_NESTING */
	case 0x0B32: /* GL_LIST_BASE */
	case 0x0B33: /* GL_LIST_INDEX */
		return 1;
	case 0x0D58: /* GL_ACCUM_RED_BITS .. */
	case 0x0D59:
	case 0x0D5A:
	case 0x0D5B: /* .. GL_ACCUM_ALPHA_BITS */
	case 0x0D70: /* GL_NAME_STACK_DEPTH */
	case 0x0D37: /* GL_MAX_NAME_STACK_DEPTH */
	case 0x0C40: /* GL_RENDER_MODE */
	case 0x0BB0: /* GL_ATTRIB_STACK_DEPTH */
	case 0x0D35: /* GL_MAX_ATTRIB_STACK_DEPTH */
	case 0x0D30: /* GL_MAX_EVAL_ORDER */
	case 0x0DD1: /* GL_MAP1_GRID_SEGMENTS */
	case 0x0D80: /* GL_AUTO_NORMAL */
		return 1;
	}
	if ((pname >= GL_MAP1_COLOR_4 && pname <= GL_MAP1_VERTEX_4) ||
	    (pname >= GL_MAP2_COLOR_4 && pname <= GL_MAP2_VERTEX_4))
		return 1; /* the maps' enables */
	return GL_SIZE_INVALID_ENUM;
}
