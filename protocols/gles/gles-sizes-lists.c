/*
 * Display lists: glCallLists reads `n` list names of `type`, each a fixed
 * number of bytes (GL 4.5 compatibility profile, section 21.4: GL_2_BYTES,
 * GL_3_BYTES and GL_4_BYTES are big-endian byte groups, the others C
 * types). doc/desktop-gl-design.md ("Display lists").
 */
#include <string.h>

#include <gpupipe/gl-sizes.h>

int64_t gl_call_lists_bytes(int64_t n, uint32_t type)
{
	int64_t each;
	switch (type) {
	case 0x1400: /* GL_BYTE */
	case 0x1401: /* GL_UNSIGNED_BYTE */
		each = 1;
		break;
	case 0x1402: /* GL_SHORT */
	case 0x1403: /* GL_UNSIGNED_SHORT */
	case 0x1407: /* GL_2_BYTES */
		each = 2;
		break;
	case 0x1408: /* GL_3_BYTES */
		each = 3;
		break;
	case 0x1404: /* GL_INT */
	case 0x1405: /* GL_UNSIGNED_INT */
	case 0x1406: /* GL_FLOAT */
	case 0x1409: /* GL_4_BYTES */
		each = 4;
		break;
	default:
		return GL_SIZE_INVALID_ENUM;
	}
	if (n < 0)
		return GL_SIZE_INVALID_VALUE;
	return gl_bytes(n, each);
}

uint32_t gl_call_lists_offset(uint32_t type, const void *lists, uint32_t i)
{
	const uint8_t *b = lists;
	switch (type) {
	case 0x1400: /* GL_BYTE */
		return (uint32_t)(int32_t)(int8_t)b[i];
	case 0x1401: /* GL_UNSIGNED_BYTE */
		return b[i];
	case 0x1402: { /* GL_SHORT */
		int16_t v;
		memcpy(&v, b + 2 * (size_t)i, 2);
		return (uint32_t)(int32_t)v;
	}
	case 0x1403: { /* GL_UNSIGNED_SHORT */
		uint16_t v;
		memcpy(&v, b + 2 * (size_t)i, 2);
		return v;
	}
	case 0x1404:   /* GL_INT */
	case 0x1405: { /* GL_UNSIGNED_INT */
		uint32_t v;
		memcpy(&v, b + 4 * (size_t)i, 4);
		return v;
	}
	case 0x1406: { /* GL_FLOAT */
		float f;
		memcpy(&f, b + 4 * (size_t)i, 4);
		/* GL converts to an integer; out of range is undefined: 0 here. */
		return f > -2147483648.0f && f < 2147483648.0f ? (uint32_t)(int32_t)f : 0;
	}
	case 0x1407: /* GL_2_BYTES */
		return (uint32_t)b[2 * (size_t)i] << 8 | b[2 * (size_t)i + 1];
	case 0x1408: /* GL_3_BYTES */
		return (uint32_t)b[3 * (size_t)i] << 16 | (uint32_t)b[3 * (size_t)i + 1] << 8 |
		       b[3 * (size_t)i + 2];
	case 0x1409: /* GL_4_BYTES */
		return (uint32_t)b[4 * (size_t)i] << 24 | (uint32_t)b[4 * (size_t)i + 1] << 16 |
		       (uint32_t)b[4 * (size_t)i + 2] << 8 | b[4 * (size_t)i + 3];
	default:
		return 0;
	}
}
