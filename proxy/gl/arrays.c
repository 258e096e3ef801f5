#include <string.h>

#include <GLES3/gl3.h>
#include <GLES2/gl2ext.h> /* GL_BGRA_EXT */

#include "arrays.h"

uint32_t ge_attrib_type_size(uint32_t type)
{
	switch (type) {
	case GL_BYTE:
	case GL_UNSIGNED_BYTE:
		return 1;
	case GL_SHORT:
	case GL_UNSIGNED_SHORT:
	case GL_HALF_FLOAT:
	case 0x8D61: /* GL_HALF_FLOAT_OES (OES_vertex_half_float): the host's GL decides */
		return 2;
	case GL_FIXED:
	case GL_FLOAT:
	case GL_INT:
	case GL_UNSIGNED_INT:
	case GL_INT_2_10_10_10_REV:
	case GL_UNSIGNED_INT_2_10_10_10_REV:
		return 4;
	}
	return 0;
}

bool ge_attrib_type_integer(uint32_t type)
{
	return type == GL_BYTE || type == GL_UNSIGNED_BYTE || type == GL_SHORT ||
	       type == GL_UNSIGNED_SHORT || type == GL_INT || type == GL_UNSIGNED_INT;
}

#define DOUBLE 0x140A /* GL_DOUBLE */

bool ge_attrib_type_desktop(uint32_t type)
{
	return type == DOUBLE || type == GL_UNSIGNED_INT_10F_11F_11F_REV;
}

uint32_t ge_attrib_elem_bytes(int32_t size, uint32_t type, bool desktop)
{
	if (desktop && type == DOUBLE)
		return size >= 1 && size <= 4 ? (uint32_t)size * 8 : 0;
	if (desktop && type == GL_UNSIGNED_INT_10F_11F_11F_REV)
		return size == 3 ? 4 : 0;
	/* The packed types hold all four components in 4 bytes. */
	bool packed = type == GL_INT_2_10_10_10_REV || type == GL_UNSIGNED_INT_2_10_10_10_REV;
	if (size == GL_BGRA_EXT)
		return packed || type == GL_UNSIGNED_BYTE ? 4 : 0;
	if (packed)
		return size == 4 ? 4 : 0;
	return size >= 1 && size <= 4 ? (uint32_t)size * ge_attrib_type_size(type) : 0;
}

#define RANGE(T)                                                                                   \
	do {                                                                                       \
		const T *p = indices;                                                              \
		uint32_t lo = UINT32_MAX, hi = 0;                                                  \
		for (uint32_t i = 0; i < count; i++) {                                             \
			T v;                                                                       \
			memcpy(&v, p + i, sizeof(v));                                              \
			if ((uint64_t)v == skip)                                                   \
				continue;                                                          \
			lo = v < lo ? v : lo;                                                      \
			hi = v > hi ? v : hi;                                                      \
		}                                                                                  \
		*min = lo <= hi ? lo : 0;                                                          \
		*max = hi;                                                                         \
	} while (0)

bool ge_index_range(uint32_t type, const void *indices, uint32_t count, uint64_t skip,
                    uint32_t *min, uint32_t *max)
{
	if (!count || !indices)
		return false;
	switch (type) {
	case GL_UNSIGNED_BYTE:
		RANGE(uint8_t);
		return true;
	case GL_UNSIGNED_SHORT:
		RANGE(uint16_t);
		return true;
	case GL_UNSIGNED_INT:
		RANGE(uint32_t);
		return true;
	}
	return false;
}

void ge_pack_vertices(uint8_t *out, const uint8_t *base, uint32_t first, uint32_t count,
                      uint32_t elem, uint32_t stride)
{
	if (!stride)
		stride = elem;
	const uint8_t *src = base + (uint64_t)first * stride;
	if (stride == elem) {
		memcpy(out, src, (size_t)count * elem);
		return;
	}
	for (uint32_t i = 0; i < count; i++)
		memcpy(out + (size_t)i * elem, src + (size_t)i * stride, elem);
}

bool ge_vertices_equal(const uint8_t *packed, const uint8_t *base, uint32_t first, uint32_t count,
                       uint32_t elem, uint32_t stride)
{
	if (!stride)
		stride = elem;
	const uint8_t *src = base + (uint64_t)first * stride;
	if (stride == elem)
		return memcmp(packed, src, (size_t)count * elem) == 0;
	for (uint32_t i = 0; i < count; i++)
		if (memcmp(packed + (size_t)i * elem, src + (size_t)i * stride, elem) != 0)
			return false;
	return true;
}
