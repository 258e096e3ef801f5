/* sb_shm_format_bpp against libwayland's wl_shm codes, and buffer geometry. */
#include <stdint.h>
#include <string.h>

#include <gpupipe/shm-bridge.h>
#include <wayland-server-protocol.h>

#include "sb-test.h"

static bool bpp_matches_the_wl_shm_formats(void)
{
	static const struct {
		uint32_t format;
		uint32_t bpp;
	} known[] = {
	        {WL_SHM_FORMAT_ARGB8888, 4},
	        {WL_SHM_FORMAT_XRGB8888, 4},
	        {WL_SHM_FORMAT_ABGR8888, 4},
	        {WL_SHM_FORMAT_XBGR8888, 4},
	        {WL_SHM_FORMAT_RGBA8888, 4},
	        {WL_SHM_FORMAT_RGBX8888, 4},
	        {WL_SHM_FORMAT_BGRA8888, 4},
	        {WL_SHM_FORMAT_BGRX8888, 4},
	        {WL_SHM_FORMAT_ARGB2101010, 4},
	        {WL_SHM_FORMAT_XRGB2101010, 4},
	        {WL_SHM_FORMAT_ABGR2101010, 4},
	        {WL_SHM_FORMAT_XBGR2101010, 4},
	        {WL_SHM_FORMAT_RGBA1010102, 4},
	        {WL_SHM_FORMAT_RGBX1010102, 4},
	        {WL_SHM_FORMAT_BGRA1010102, 4},
	        {WL_SHM_FORMAT_BGRX1010102, 4},
	        {WL_SHM_FORMAT_RG1616, 4},
	        {WL_SHM_FORMAT_GR1616, 4},
	        {WL_SHM_FORMAT_RGB888, 3},
	        {WL_SHM_FORMAT_BGR888, 3},
	        {WL_SHM_FORMAT_RGB565, 2},
	        {WL_SHM_FORMAT_BGR565, 2},
	        {WL_SHM_FORMAT_ARGB4444, 2},
	        {WL_SHM_FORMAT_XRGB4444, 2},
	        {WL_SHM_FORMAT_ABGR4444, 2},
	        {WL_SHM_FORMAT_XBGR4444, 2},
	        {WL_SHM_FORMAT_RGBA4444, 2},
	        {WL_SHM_FORMAT_RGBX4444, 2},
	        {WL_SHM_FORMAT_BGRA4444, 2},
	        {WL_SHM_FORMAT_BGRX4444, 2},
	        {WL_SHM_FORMAT_ARGB1555, 2},
	        {WL_SHM_FORMAT_XRGB1555, 2},
	        {WL_SHM_FORMAT_ABGR1555, 2},
	        {WL_SHM_FORMAT_XBGR1555, 2},
	        {WL_SHM_FORMAT_RGBA5551, 2},
	        {WL_SHM_FORMAT_RGBX5551, 2},
	        {WL_SHM_FORMAT_BGRA5551, 2},
	        {WL_SHM_FORMAT_BGRX5551, 2},
	        {WL_SHM_FORMAT_R16, 2},
	        {WL_SHM_FORMAT_RG88, 2},
	        {WL_SHM_FORMAT_GR88, 2},
	        {WL_SHM_FORMAT_C8, 1},
	        {WL_SHM_FORMAT_R8, 1},
	        {WL_SHM_FORMAT_RGB332, 1},
	        {WL_SHM_FORMAT_BGR233, 1},
	        {WL_SHM_FORMAT_XRGB16161616F, 8},
	        {WL_SHM_FORMAT_XBGR16161616F, 8},
	        {WL_SHM_FORMAT_ARGB16161616F, 8},
	        {WL_SHM_FORMAT_ABGR16161616F, 8},
	        {WL_SHM_FORMAT_XRGB16161616, 8},
	        {WL_SHM_FORMAT_XBGR16161616, 8},
	        {WL_SHM_FORMAT_ARGB16161616, 8},
	        {WL_SHM_FORMAT_ABGR16161616, 8},
	};
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		CHECKF(sb_shm_format_bpp(known[i].format) == known[i].bpp,
		       "format 0x%08x: bpp %u, want %u", known[i].format,
		       sb_shm_format_bpp(known[i].format), known[i].bpp);

	/* Planar, packed YUV and unknown codes: whole rows. */
	CHECK(sb_shm_format_bpp(WL_SHM_FORMAT_NV12) == 0);
	CHECK(sb_shm_format_bpp(WL_SHM_FORMAT_YUYV) == 0);
	CHECK(sb_shm_format_bpp(WL_SHM_FORMAT_YUV420) == 0);
	CHECK(sb_shm_format_bpp(0x12345678) == 0);
	return true;
}

static bool geometry_check_rejects_buffers_outside_their_pool(void)
{
	const char *err = NULL;
	struct sb_buffer_geometry g = {.offset = 64,
	                               .width = 10,
	                               .height = 4,
	                               .stride = 48,
	                               .format = WL_SHM_FORMAT_XRGB8888};
	/* Last row ends at 64 + 3 * 48 + 40 = 248. */
	CHECKF(sb_buffer_geometry_check(&g, 248, &err), "%s", err);
	CHECK(!sb_buffer_geometry_check(&g, 247, &err));
	CHECK(strstr(err, "past its pool"));

	struct sb_buffer_geometry bad = g;
	bad.stride = 39;
	CHECK(!sb_buffer_geometry_check(&bad, 1 << 20, &err));
	CHECK(strstr(err, "stride"));

	bad = g;
	bad.height = 0;
	CHECK(!sb_buffer_geometry_check(&bad, 1 << 20, &err));
	bad = g;
	bad.width = 0;
	CHECK(!sb_buffer_geometry_check(&bad, 1 << 20, &err));
	bad = g;
	bad.width = 0x80000000u;
	bad.stride = UINT32_MAX;
	CHECK(!sb_buffer_geometry_check(&bad, UINT64_MAX, &err));

	/* The 32-bit sum wraps: (0x10001 - 1) * 0x10000 = 2^32. */
	bad = g;
	bad.offset = 0;
	bad.height = 0x10001;
	bad.stride = 0x10000;
	CHECK(!sb_buffer_geometry_check(&bad, 1 << 20, &err));

	/* Unknown formats need whole rows inside the pool. */
	bad = g;
	bad.format = 0x12345678;
	CHECK(!sb_buffer_geometry_check(&bad, 248, &err));
	CHECK(sb_buffer_geometry_check(&bad, 64 + 4 * 48, &err));
	return true;
}

static const struct sb_test tests[] = {
        SB_TEST(bpp_matches_the_wl_shm_formats),
        SB_TEST(geometry_check_rejects_buffers_outside_their_pool),
};

int main(int argc, char **argv)
{
	return sb_test_main(argc, argv, tests, sizeof(tests) / sizeof(tests[0]));
}
