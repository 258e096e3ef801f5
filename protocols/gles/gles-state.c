/*
 * GL state the library and the host track the same way, so that both
 * compute the same sizes and refuse the same calls: the buffer targets
 * (each side knows what each holds), the pixel-store state.
 */
#include <GLES3/gl32.h>
#include <GLES2/gl2ext.h>

#include <gpupipe/gl-codec.h>
#include <gpupipe/gl-sizes.h>
#include <string.h>

#include "gles-codec.h"

int64_t gl_buffer_target(uint32_t target)
{
	switch (target) {
	case GL_ARRAY_BUFFER:
		return 0;
	case GL_ELEMENT_ARRAY_BUFFER:
		return 1;
	case GL_COPY_READ_BUFFER:
		return 2;
	case GL_COPY_WRITE_BUFFER:
		return 3;
	case GL_PIXEL_PACK_BUFFER:
		return 4;
	case GL_PIXEL_UNPACK_BUFFER:
		return 5;
	case GL_TRANSFORM_FEEDBACK_BUFFER:
		return 6;
	case GL_UNIFORM_BUFFER:
		return 7;
	/* OpenGL ES 3.1 */
	case GL_ATOMIC_COUNTER_BUFFER:
		return 8;
	case GL_DISPATCH_INDIRECT_BUFFER:
		return 9;
	case GL_DRAW_INDIRECT_BUFFER:
		return 10;
	case GL_SHADER_STORAGE_BUFFER:
		return 11;
	/* OpenGL ES 3.2, OES/EXT_texture_buffer */
	case GL_TEXTURE_BUFFER:
		return 12;
	}
	return GL_SIZE_INVALID_ENUM;
}

int64_t gl_buffer_usage_ok(uint32_t usage)
{
	switch (usage) {
	case GL_STREAM_DRAW:
	case GL_STREAM_READ:
	case GL_STREAM_COPY:
	case GL_STATIC_DRAW:
	case GL_STATIC_READ:
	case GL_STATIC_COPY:
	case GL_DYNAMIC_DRAW:
	case GL_DYNAMIC_READ:
	case GL_DYNAMIC_COPY:
		return 1;
	}
	return 0;
}

int64_t gl_shader_type_ok(uint32_t type)
{
	switch (type) {
	case GL_VERTEX_SHADER:
	case GL_FRAGMENT_SHADER:
	case GL_COMPUTE_SHADER:
	case GL_GEOMETRY_SHADER:
	case GL_TESS_CONTROL_SHADER:
	case GL_TESS_EVALUATION_SHADER:
		return 1;
	}
	return 0;
}

int64_t gl_query_target_ok(uint32_t target)
{
	switch (target) {
	case 0x8914: /* GL_SAMPLES_PASSED */
	case GL_ANY_SAMPLES_PASSED:
	case GL_ANY_SAMPLES_PASSED_CONSERVATIVE:
	case 0x88BF: /* GL_TIME_ELAPSED */
	case 0x8E28: /* GL_TIMESTAMP */
	case GL_PRIMITIVES_GENERATED:
	case GL_TRANSFORM_FEEDBACK_PRIMITIVES_WRITTEN:
		return 1;
	}
	return 0;
}

bool gl_teximage_target_ok(uint32_t target)
{
	switch (target) {
	case GL_TEXTURE_1D_DESKTOP:
	case GL_TEXTURE_1D_ARRAY_DESKTOP:
	case GL_TEXTURE_RECTANGLE_DESKTOP:
	case GL_TEXTURE_2D:
	case GL_TEXTURE_CUBE_MAP_POSITIVE_X:
	case GL_TEXTURE_CUBE_MAP_NEGATIVE_X:
	case GL_TEXTURE_CUBE_MAP_POSITIVE_Y:
	case GL_TEXTURE_CUBE_MAP_NEGATIVE_Y:
	case GL_TEXTURE_CUBE_MAP_POSITIVE_Z:
	case GL_TEXTURE_CUBE_MAP_NEGATIVE_Z:
		return true;
	}
	return gl_teximage_target_3d(target);
}

bool gl_teximage_target_3d(uint32_t target)
{
	return target == GL_TEXTURE_3D || target == GL_TEXTURE_2D_ARRAY ||
	       target == GL_TEXTURE_CUBE_MAP_ARRAY;
}

bool gl_teximage_pack_ok(const struct gl_pixel_state *ps, uint32_t target)
{
	return target != GL_TEXTURE_1D_ARRAY_DESKTOP || ps->pack_image_height <= 1;
}

bool gl_pixel_store_set(struct gl_pixel_state *ps, uint32_t pname, int32_t value)
{
	int32_t *field;
	switch (pname) {
	case GL_PACK_ALIGNMENT:
	case GL_UNPACK_ALIGNMENT:
		if (value != 1 && value != 2 && value != 4 && value != 8)
			return false;
		*(pname == GL_PACK_ALIGNMENT ? &ps->pack_alignment : &ps->unpack_alignment) = value;
		return true;
	case GL_PACK_ROW_LENGTH:
		field = &ps->pack_row_length;
		break;
	case GL_PACK_SKIP_ROWS:
		field = &ps->pack_skip_rows;
		break;
	case GL_PACK_SKIP_PIXELS:
		field = &ps->pack_skip_pixels;
		break;
	case GL_UNPACK_ROW_LENGTH:
		field = &ps->unpack_row_length;
		break;
	case GL_UNPACK_IMAGE_HEIGHT:
		field = &ps->unpack_image_height;
		break;
	case GL_UNPACK_SKIP_ROWS:
		field = &ps->unpack_skip_rows;
		break;
	case GL_UNPACK_SKIP_PIXELS:
		field = &ps->unpack_skip_pixels;
		break;
	case GL_UNPACK_SKIP_IMAGES:
		field = &ps->unpack_skip_images;
		break;
	case GL_PACK_IMAGE_HEIGHT_DESKTOP:
	case GL_PACK_SKIP_IMAGES_DESKTOP:
		if (!ps->desktop)
			return false;
		field = pname == GL_PACK_IMAGE_HEIGHT_DESKTOP ? &ps->pack_image_height
		                                              : &ps->pack_skip_images;
		break;
	case GL_PACK_SWAP_BYTES_DESKTOP:
	case GL_PACK_LSB_FIRST_DESKTOP:
	case GL_UNPACK_SWAP_BYTES_DESKTOP:
	case GL_UNPACK_LSB_FIRST_DESKTOP:
		if (!ps->desktop)
			return false;
		*(pname == GL_PACK_SWAP_BYTES_DESKTOP     ? &ps->pack_swap_bytes
		  : pname == GL_PACK_LSB_FIRST_DESKTOP    ? &ps->pack_lsb_first
		  : pname == GL_UNPACK_SWAP_BYTES_DESKTOP ? &ps->unpack_swap_bytes
		                                          : &ps->unpack_lsb_first) = value != 0;
		return true;
	case 0x9127: /* GL_UNPACK_COMPRESSED_BLOCK_WIDTH .. _SIZE */
	case 0x9128:
	case 0x9129:
	case 0x912A:
	case 0x912B: /* GL_PACK_COMPRESSED_BLOCK_WIDTH .. _SIZE */
	case 0x912C:
	case 0x912D:
	case 0x912E:
		if (!ps->desktop)
			return false;
		field = pname >= 0x912B ? &ps->pack_block[pname - 0x912B]
		                        : &ps->unpack_block[pname - 0x9127];
		break;
	case GL_PACK_REVERSE_ROW_ORDER_ANGLE:
		/* Any value (GL takes it as a boolean); the rows a readback
		 * writes swap places, their bytes are the same: not tracked.
		 * An OpenGL ES extension: desktop OpenGL refuses it, as Mesa
		 * does, so that it never reaches a desktop context's driver
		 * (gpuhost/gl/readback-bottom-up.c clears it only in ES ones). */
		return !ps->desktop;
	default:
		return false;
	}
	if (value < 0)
		return false;
	*field = value;
	return true;
}

/* A vector suffix of an immediate command: "3f", "4ubv", "P3ui". */
static bool vector_suffix(const char *s)
{
	if (*s == 'P')
		s++;
	return *s >= '1' && *s <= '4';
}

/* What GL takes between glBegin and glEnd (GL 4.5 compatibility,
 * section 10.7.5): the current vertex attributes' commands, glArrayElement,
 * glEvalCoord and glEvalPoint, glCallList(s), glMaterial, glEdgeFlag;
 * NV_primitive_restart's glPrimitiveRestartNV (taken only there); and
 * glGetError, which records GL_INVALID_OPERATION there and tracks nothing. */
static bool allowed_name(const char *n)
{
	static const char *const exact[] = {
	        "glBegin",     "glEnd",        "glArrayElement", "glCallList",
	        "glCallLists", "glEdgeFlag",   "glEdgeFlagv",    "glGetError",
	        "glFogCoordf", "glFogCoordfv", "glFogCoordd",    "glFogCoorddv",
	};
	for (size_t k = 0; k < sizeof(exact) / sizeof(exact[0]); k++) {
		if (!strcmp(n, exact[k]))
			return true;
	}
	static const char *const vectors[] = {
	        "glVertexAttribI", "glVertexAttribL", "glVertexAttrib",
	        "glVertex",        "glColor",         "glSecondaryColor",
	        "glNormal",        "glTexCoord",      "glMultiTexCoord",
	};
	for (size_t k = 0; k < sizeof(vectors) / sizeof(vectors[0]); k++) {
		size_t len = strlen(vectors[k]);
		if (!strncmp(n, vectors[k], len) && vector_suffix(n + len))
			return true;
	}
	/* glIndexd ... glIndexubv; not glIndexMask or glIndexPointer. */
	if (!strncmp(n, "glIndex", 7) && n[7] >= 'a' && n[7] <= 'z')
		return true;
	return !strncmp(n, "glMaterial", 10) || !strncmp(n, "glEvalCoord", 11) ||
	       !strncmp(n, "glEvalPoint", 11) || !strcmp(n, "glPrimitiveRestartNV");
}

bool gl_begin_end_allows(uint32_t op)
{
	/* The EGL-level commands that make the host's driver bind, map or
	 * unmap a buffer, which it refuses there while the host would follow
	 * them, or query a program (GL_OP_PROGRAM_NAMES: the driver refuses
	 * glGetError there, so its own errors could not be told apart). */
	if (op < GL_OP_GLES_BASE)
		return op != GL_OP_CLIENT_ARRAY && op != GL_OP_CLIENT_ARRAY_AGAIN &&
		       op != GL_OP_BUFFER_READ && op != GL_OP_BUFFER_PERSIST &&
		       op != GL_OP_BUFFER_UNPERSIST && op != GL_OP_PROGRAM_NAMES;
	/* Known once per process: 0 not yet, 1 allowed, 2 refused. */
	static uint8_t known[GLES_COMMAND_COUNT];
	uint32_t k = op - GL_OP_GLES_BASE;
	if (k >= GLES_COMMAND_COUNT)
		return true; /* unknown: refused elsewhere */
	if (!known[k]) {
		const char *name = gles_command_name(op);
		known[k] = name && allowed_name(name) ? 1 : 2;
	}
	return known[k] == 1;
}
