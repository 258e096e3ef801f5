/*
 * Display lists: glCallLists reads `n` list names of `type`, each a fixed
 * number of bytes (GL 4.5 compatibility profile, section 21.4: GL_2_BYTES,
 * GL_3_BYTES and GL_4_BYTES are big-endian byte groups, the others C
 * types). doc/desktop-gl-design.md ("Display lists").
 */
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
