/*
 * Primitive restart (<gpupipe/gl-sizes.h>): which index of a draw fetches no
 * vertex. The host's draw checks and the library's client-array uploads
 * leave that index out of the range of vertices a draw reads, by this one
 * rule, each from what it knows of the state.
 */
#include <gpupipe/gl-sizes.h>

enum { PATCHES = 0xE };

uint64_t gl_restart_index(const struct gl_restart *r, uint32_t isize, uint32_t mode)
{
	if (mode == PATCHES)
		return GL_NO_RESTART;
	if (r->fixed)
		return isize == 1 ? 0xffu : isize == 2 ? 0xffffu : 0xffffffffu;
	if (r->core && r->nv && r->core_index != r->nv_index)
		return GL_NO_RESTART;
	if (r->core)
		return r->core_index;
	if (r->nv)
		return r->nv_index;
	return GL_NO_RESTART;
}
