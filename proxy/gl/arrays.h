/*
 * Client-side vertex arrays: what a draw reads from the app's memory. Pure
 * functions (unit-tested in tests/gl/egl-arrays.c).
 */
#ifndef GE_ARRAYS_H
#define GE_ARRAYS_H

#include <stdbool.h>
#include <stdint.h>

/* Bytes of one component of a glVertexAttribPointer type (GLES 2: BYTE,
 * UNSIGNED_BYTE, SHORT, UNSIGNED_SHORT, FIXED, FLOAT; GLES 3: HALF_FLOAT,
 * INT, UNSIGNED_INT, the packed 2_10_10_10_REV ones); 0 for others. */
uint32_t ge_attrib_type_size(uint32_t type);
/* A type desktop OpenGL's glVertexAttribPointer takes beside those: GL_DOUBLE and
 * GL_UNSIGNED_INT_10F_11F_11F_REV. */
bool ge_attrib_type_desktop(uint32_t type);
/* A type glVertexAttribIPointer takes. */
bool ge_attrib_type_integer(uint32_t type);
/* Bytes of one vertex of `size` components of `type`; 0 when GL refuses
 * the pair (a packed type with a size other than 4). `size` GL_BGRA (desktop
 * OpenGL's ARB_vertex_array_bgra: four components) goes with GL_UNSIGNED_BYTE and
 * the packed types. A `desktop` context's glVertexAttribPointer also takes GL_DOUBLE
 * components (converted to float) and ARB_vertex_type_10f_11f_11f_rev's three packed
 * floats (size 3 only). */
uint32_t ge_attrib_elem_bytes(int32_t size, uint32_t type, bool desktop);

/* Smallest and largest of `count` indices of `type` (UNSIGNED_BYTE,
 * UNSIGNED_SHORT, UNSIGNED_INT), leaving out those equal to `skip` (the
 * restart index; GL_NO_RESTART matches none): none left, both 0 (vertex 0
 * is what the host checks then); false when count is 0 or the type is not
 * an index type. */
bool ge_index_range(uint32_t type, const void *indices, uint32_t count, uint64_t skip,
                    uint32_t *min, uint32_t *max);

/* Copies vertices [first, first + count) of an attribute whose elements
 * are `elem` bytes every `stride` bytes (0: tightly packed) from `base`,
 * tightly packed, into `out` (count * elem bytes). */
void ge_pack_vertices(uint8_t *out, const uint8_t *base, uint32_t first, uint32_t count,
                      uint32_t elem, uint32_t stride);
/* Whether `packed` (count * elem bytes, as ge_pack_vertices leaves them) holds those very
 * vertices of the attribute at `base`. */
bool ge_vertices_equal(const uint8_t *packed, const uint8_t *base, uint32_t first, uint32_t count,
                       uint32_t elem, uint32_t stride);

#endif
