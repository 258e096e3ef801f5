/* Bytes per pixel of the single-plane wl_shm formats. */
#include <stddef.h>

#include <gpupipe/sb-buffer.h>

/* DRM fourcc codes, which wl_shm uses for every format but the first two. */
#define FOURCC(a, b, c, d)                                                                         \
	((uint32_t)(a) | ((uint32_t)(b) << 8) | ((uint32_t)(c) << 16) | ((uint32_t)(d) << 24))

struct format_bpp {
	uint32_t format;
	uint32_t bpp;
};

/* Only packed RGB formats: for YUV and multi-plane formats the caller
 * cannot describe a pixel by one byte count, and gets whole rows. */
static const struct format_bpp formats[] = {
        {0, 4}, /* WL_SHM_FORMAT_ARGB8888 */
        {1, 4}, /* WL_SHM_FORMAT_XRGB8888 */

        {FOURCC('C', '8', ' ', ' '), 1},
        {FOURCC('R', '8', ' ', ' '), 1},
        {FOURCC('R', 'G', 'B', '8'), 1}, /* RGB332 */
        {FOURCC('B', 'G', 'R', '8'), 1}, /* BGR233 */

        {FOURCC('R', '1', '6', ' '), 2},
        {FOURCC('R', 'G', '8', '8'), 2},
        {FOURCC('G', 'R', '8', '8'), 2},
        {FOURCC('X', 'R', '1', '2'), 2}, /* XRGB4444 */
        {FOURCC('X', 'B', '1', '2'), 2}, /* XBGR4444 */
        {FOURCC('R', 'X', '1', '2'), 2}, /* RGBX4444 */
        {FOURCC('B', 'X', '1', '2'), 2}, /* BGRX4444 */
        {FOURCC('A', 'R', '1', '2'), 2}, /* ARGB4444 */
        {FOURCC('A', 'B', '1', '2'), 2}, /* ABGR4444 */
        {FOURCC('R', 'A', '1', '2'), 2}, /* RGBA4444 */
        {FOURCC('B', 'A', '1', '2'), 2}, /* BGRA4444 */
        {FOURCC('X', 'R', '1', '5'), 2}, /* XRGB1555 */
        {FOURCC('X', 'B', '1', '5'), 2}, /* XBGR1555 */
        {FOURCC('R', 'X', '1', '5'), 2}, /* RGBX5551 */
        {FOURCC('B', 'X', '1', '5'), 2}, /* BGRX5551 */
        {FOURCC('A', 'R', '1', '5'), 2}, /* ARGB1555 */
        {FOURCC('A', 'B', '1', '5'), 2}, /* ABGR1555 */
        {FOURCC('R', 'A', '1', '5'), 2}, /* RGBA5551 */
        {FOURCC('B', 'A', '1', '5'), 2}, /* BGRA5551 */
        {FOURCC('R', 'G', '1', '6'), 2}, /* RGB565 */
        {FOURCC('B', 'G', '1', '6'), 2}, /* BGR565 */

        {FOURCC('R', 'G', '2', '4'), 3}, /* RGB888 */
        {FOURCC('B', 'G', '2', '4'), 3}, /* BGR888 */

        {FOURCC('X', 'B', '2', '4'), 4}, /* XBGR8888 */
        {FOURCC('R', 'X', '2', '4'), 4}, /* RGBX8888 */
        {FOURCC('B', 'X', '2', '4'), 4}, /* BGRX8888 */
        {FOURCC('A', 'B', '2', '4'), 4}, /* ABGR8888 */
        {FOURCC('R', 'A', '2', '4'), 4}, /* RGBA8888 */
        {FOURCC('B', 'A', '2', '4'), 4}, /* BGRA8888 */
        {FOURCC('X', 'R', '3', '0'), 4}, /* XRGB2101010 */
        {FOURCC('X', 'B', '3', '0'), 4}, /* XBGR2101010 */
        {FOURCC('R', 'X', '3', '0'), 4}, /* RGBX1010102 */
        {FOURCC('B', 'X', '3', '0'), 4}, /* BGRX1010102 */
        {FOURCC('A', 'R', '3', '0'), 4}, /* ARGB2101010 */
        {FOURCC('A', 'B', '3', '0'), 4}, /* ABGR2101010 */
        {FOURCC('R', 'A', '3', '0'), 4}, /* RGBA1010102 */
        {FOURCC('B', 'A', '3', '0'), 4}, /* BGRA1010102 */
        {FOURCC('R', 'G', '3', '2'), 4}, /* RG1616 */
        {FOURCC('G', 'R', '3', '2'), 4}, /* GR1616 */

        {FOURCC('X', 'R', '4', '8'), 8}, /* XRGB16161616 */
        {FOURCC('X', 'B', '4', '8'), 8}, /* XBGR16161616 */
        {FOURCC('A', 'R', '4', '8'), 8}, /* ARGB16161616 */
        {FOURCC('A', 'B', '4', '8'), 8}, /* ABGR16161616 */
        {FOURCC('X', 'R', '4', 'H'), 8}, /* XRGB16161616F */
        {FOURCC('X', 'B', '4', 'H'), 8}, /* XBGR16161616F */
        {FOURCC('A', 'R', '4', 'H'), 8}, /* ARGB16161616F */
        {FOURCC('A', 'B', '4', 'H'), 8}, /* ABGR16161616F */
};

uint32_t sb_shm_format_bpp(uint32_t wl_shm_format)
{
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		if (formats[i].format == wl_shm_format)
			return formats[i].bpp;
	}
	return 0;
}
