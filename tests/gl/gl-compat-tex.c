/*
 * gl-compat-tex: textures and readbacks of a desktop OpenGL compatibility-profile context
 * (eglBindAPI(EGL_OPENGL_API), libOpenGL; no window: a surfaceless compatibility context of
 * the highest version, drawing into an 8x8 framebuffer object), each checked with values
 * read back:
 *
 *   texture-sub-image   glGetTextureSubImage of a 2D level's region and of a cube map's six
 *                       faces gives their texels with no GL error (the host's target of the
 *                       texture is its own record: Mesa answers GL_TEXTURE_TARGET in core
 *                       contexts only)
 *   proxy-textures      glTexImage3D and glTexStorage3D of GL_PROXY_TEXTURE_3D, glTexImage2D
 *                       of GL_PROXY_TEXTURE_2D: a size that fits reads back as the proxy's
 *                       level size, one past GL_MAX_3D_TEXTURE_SIZE as 0, no GL error
 *   abgr                EXT_abgr is offered; a 2x2 texture given as ABGR bytes reads back as
 *                       RGBA and as ABGR
 *   mipmap-1d           glGenerateMipmap of a 1D texture and of a 1D array (whose levels keep
 *                       its three layers): level 1 reads back as level 0's averages
 *
 * Prints "PASS <check>", "FAIL <check>: why" or "SKIP <check>: why" per check, "info: ..."
 * lines, then "done". Exit status 0 when nothing failed, 77 without a compatibility context.
 */
#define _POSIX_C_SOURCE 200809L
#define GL_GLEXT_PROTOTYPES 1
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GL/gl.h>
#include <GL/glext.h>
#include <wayland-client.h>

#include "gl-checks-desktop.h"
#include "gl-checks.h"

#define SIZE 8

/* Texel i of a series: distinct bytes per texel and face. */
static GLuint series(unsigned face, unsigned i)
{
	return 0x01000000u * (face + 1) + 0x00010101u * i;
}

static bool compare(const char *check, const GLuint *got, const GLuint *want, size_t n,
                    const char *what)
{
	for (size_t i = 0; i < n; i++)
		if (got[i] != want[i])
			return gc_fail(check, "%s: texel %zu is 0x%08x, not 0x%08x", what, i,
			               got[i], want[i]);
	return true;
}

static void check_texture_sub_image(void)
{
	const char *check = "texture-sub-image";
	if (!gc_needs(check, "GL_ARB_get_texture_sub_image"))
		return;
	GLuint all[6 * 4 * 4], back[6 * 4 * 4], want[6 * 4 * 4];
	for (unsigned i = 0; i < 4 * 4; i++)
		all[i] = series(0, i);
	GLuint tex[2];
	glGenTextures(2, tex);
	glBindTexture(GL_TEXTURE_2D, tex[0]);
	glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 4, 4, 0, GL_RGBA, GL_UNSIGNED_INT_8_8_8_8, all);
	/* The 2x2 region at (1, 2): rows 2 and 3, texels 1 and 2 of each. */
	memset(back, 0, sizeof(back));
	glGetTextureSubImage(tex[0], 0, 1, 2, 0, 2, 2, 1, GL_RGBA, GL_UNSIGNED_INT_8_8_8_8,
	                     sizeof(back), back);
	bool ok = gc_no_error(check, "a 2D region");
	const GLuint region[4] = {all[9], all[10], all[13], all[14]};
	ok = ok && compare(check, back, region, 4, "the 2D region");
	glBindTexture(GL_TEXTURE_CUBE_MAP, tex[1]);
	for (unsigned f = 0; f < 6; f++) {
		for (unsigned i = 0; i < 4 * 4; i++)
			want[f * 16 + i] = series(f, i);
		glTexImage2D(GL_TEXTURE_CUBE_MAP_POSITIVE_X + f, 0, GL_RGBA8, 4, 4, 0, GL_RGBA,
		             GL_UNSIGNED_INT_8_8_8_8, want + f * 16);
	}
	memset(back, 0, sizeof(back));
	glGetTextureSubImage(tex[1], 0, 0, 0, 0, 4, 4, 6, GL_RGBA, GL_UNSIGNED_INT_8_8_8_8,
	                     sizeof(back), back);
	ok = ok && gc_no_error(check, "a cube map's six faces");
	ok = ok && compare(check, back, want, 6 * 16, "the cube map's faces");
	/* A region past the level is GL_INVALID_VALUE, GL's own, nothing else pending. */
	glGetTextureSubImage(tex[0], 0, 3, 0, 0, 2, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, sizeof(back),
	                     back);
	ok = ok && gc_error_is(check, GL_INVALID_VALUE, "a region past the level");
	glDeleteTextures(2, tex);
	gc_result(check, ok);
}

/* A mipmapped 1D array texture (GL_EXT_texture_array): its layers are the rows
 * GL_PACK_ROW_LENGTH and GL_PACK_SKIP_ROWS count, for glGetTexImage and glGetTextureSubImage
 * alike; four regions read apart make up the whole level. */
static bool read_1d_array_level(const char *check, GLuint tex, int level, int w, int layers)
{
	GLubyte whole[16 * 3 * 4], parts[16 * 3 * 4];
	memset(whole, 0, sizeof(whole));
	memset(parts, 0, sizeof(parts));
	glPixelStorei(GL_PACK_ROW_LENGTH, w);
	glGetTexImage(GL_TEXTURE_1D_ARRAY, level, GL_RGBA, GL_UNSIGNED_BYTE, whole);
	if (!gc_no_error(check, "glGetTexImage of a level"))
		return false;
	int x1 = w / 3 > 1 ? w / 3 : 1, y1 = 1;
	const int regions[4][4] = {{0, 0, x1, y1},
	                           {x1, 0, w - x1, y1},
	                           {0, y1, x1, layers - y1},
	                           {x1, y1, w - x1, layers - y1}};
	for (int i = 0; i < 4; i++) {
		glPixelStorei(GL_PACK_SKIP_PIXELS, regions[i][0]);
		glPixelStorei(GL_PACK_SKIP_ROWS, regions[i][1]);
		glGetTextureSubImage(tex, level, regions[i][0], regions[i][1], 0, regions[i][2],
		                     regions[i][3], 1, GL_RGBA, GL_UNSIGNED_BYTE, sizeof(parts),
		                     parts);
	}
	glPixelStorei(GL_PACK_SKIP_PIXELS, 0);
	glPixelStorei(GL_PACK_SKIP_ROWS, 0);
	glPixelStorei(GL_PACK_ROW_LENGTH, 0);
	if (!gc_no_error(check, "glGetTextureSubImage of a level's four regions"))
		return false;
	return memcmp(whole, parts, (size_t)w * layers * 4) == 0 ||
	       gc_fail(check, "level %d read in regions differs from the whole", level);
}

static void check_1d_array_reads(void)
{
	const char *check = "1d-array-reads";
	if (!gc_needs(check, "GL_EXT_texture_array") ||
	    !gc_needs(check, "GL_ARB_get_texture_sub_image"))
		return;
	GLubyte texels[16 * 3 * 4];
	for (unsigned i = 0; i < sizeof(texels); i++)
		texels[i] = (GLubyte)(i * 7 + 1);
	GLuint tex;
	glGenTextures(1, &tex);
	glBindTexture(GL_TEXTURE_1D_ARRAY, tex);
	for (int level = 0, w = 16; w; level++, w /= 2)
		glTexImage2D(GL_TEXTURE_1D_ARRAY, level, GL_ALPHA, w, 3, 0, GL_RGBA,
		             GL_UNSIGNED_BYTE, texels);
	glPixelStorei(GL_PACK_ALIGNMENT, 1);
	/* An image height of 1 (as piglit leaves it): layers a row apart, as without one. */
	glPixelStorei(GL_PACK_IMAGE_HEIGHT, 1);
	bool ok = gc_no_error(check, "the array's levels");
	for (int level = 0, w = 16; ok && w; level++, w /= 2)
		ok = read_1d_array_level(check, tex, level, w, 3);
	glPixelStorei(GL_PACK_IMAGE_HEIGHT, 0);
	glPixelStorei(GL_PACK_ALIGNMENT, 4);
	glDeleteTextures(1, &tex);
	gc_result(check, ok);
}

static GLint proxy_width(GLenum target)
{
	GLint w = -1;
	glGetTexLevelParameteriv(target, 0, GL_TEXTURE_WIDTH, &w);
	return w;
}

static void check_proxy_textures(void)
{
	const char *check = "proxy-textures";
	GLint max3d = 0;
	glGetIntegerv(GL_MAX_3D_TEXTURE_SIZE, &max3d);
	glTexImage3D(GL_PROXY_TEXTURE_3D, 0, GL_RGBA8, 16, 8, 4, 0, GL_RGBA, GL_UNSIGNED_BYTE,
	             NULL);
	GLint w = proxy_width(GL_PROXY_TEXTURE_3D);
	bool ok = gc_no_error(check, "glTexImage3D(GL_PROXY_TEXTURE_3D) of 16x8x4");
	if (ok && w != 16)
		ok = gc_fail(check, "a 16x8x4 3D proxy's width is %d", w);
	glTexImage3D(GL_PROXY_TEXTURE_3D, 0, GL_RGBA8, max3d + 1, 1, 1, 0, GL_RGBA,
	             GL_UNSIGNED_BYTE, NULL);
	w = proxy_width(GL_PROXY_TEXTURE_3D);
	ok = ok && gc_no_error(check, "a 3D proxy past GL_MAX_3D_TEXTURE_SIZE");
	if (ok && w != 0)
		ok = gc_fail(check, "a 3D proxy of width %d (the limit %d) has width %d", max3d + 1,
		             max3d, w);
	if (gc_has("GL_ARB_texture_storage")) {
		glTexStorage3D(GL_PROXY_TEXTURE_3D, 1, GL_RGBA8, 8, 8, 8);
		w = proxy_width(GL_PROXY_TEXTURE_3D);
		ok = ok && gc_no_error(check, "glTexStorage3D(GL_PROXY_TEXTURE_3D)");
		if (ok && w != 8)
			ok = gc_fail(check, "an 8x8x8 3D storage proxy's width is %d", w);
	}
	glTexImage2D(GL_PROXY_TEXTURE_2D, 0, GL_RGBA8, 32, 32, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
	w = proxy_width(GL_PROXY_TEXTURE_2D);
	ok = ok && gc_no_error(check, "glTexImage2D(GL_PROXY_TEXTURE_2D)");
	if (ok && w != 32)
		ok = gc_fail(check, "a 32x32 2D proxy's width is %d", w);
	gc_result(check, ok);
}

/* EXT_abgr: texels given as A, B, G, R bytes read back as R, G, B, A, and again as ABGR. */
static void check_abgr(void)
{
	const char *check = "abgr";
	if (!gc_has("GL_EXT_abgr")) {
		gc_fail(check, "GL_EXT_abgr is not offered");
		return;
	}
	unsigned char abgr[4 * 4], rgba[4 * 4 + 1], again[4 * 4];
	for (int i = 0; i < 16; i++)
		abgr[i] = (unsigned char)(0x10 * i + 5);
	GLuint tex;
	glGenTextures(1, &tex);
	glBindTexture(GL_TEXTURE_2D, tex);
	glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 2, 2, 0, GL_ABGR_EXT, GL_UNSIGNED_BYTE, abgr);
	memset(rgba, 0xee, sizeof(rgba));
	glGetTexImage(GL_TEXTURE_2D, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
	memset(again, 0, sizeof(again));
	glGetTexImage(GL_TEXTURE_2D, 0, GL_ABGR_EXT, GL_UNSIGNED_BYTE, again);
	bool ok = gc_no_error(check, "an ABGR upload and readback");
	for (int t = 0; ok && t < 4; t++) {
		const unsigned char *a = abgr + 4 * t, *r = rgba + 4 * t;
		if (r[0] != a[3] || r[1] != a[2] || r[2] != a[1] || r[3] != a[0])
			ok = gc_fail(
			        check,
			        "texel %d reads back as RGBA %u %u %u %u from ABGR %u %u %u %u", t,
			        r[0], r[1], r[2], r[3], a[0], a[1], a[2], a[3]);
	}
	if (ok && rgba[16] != 0xee)
		ok = gc_fail(check, "the RGBA readback wrote past its 16 bytes");
	if (ok && memcmp(again, abgr, sizeof(abgr)) != 0)
		ok = gc_fail(check, "the ABGR readback differs from the ABGR upload");
	glDeleteTextures(1, &tex);
	gc_result(check, ok);
}

/* glGenerateMipmap of a 1D texture and of a 1D array, whose levels keep its layers: level 1
 * of each reads back as the average of its two texels of level 0, layer by layer. */
static void check_mipmap_1d(void)
{
	const char *check = "mipmap-1d";
	unsigned char row[8 * 4 * 3], back[4 * 4 * 3];
	for (int i = 0; i < 8 * 3; i++) {
		/* Texels in pairs of one value, so that the average is exact. */
		unsigned char v = (unsigned char)(40 + 20 * (i / 2));
		memset(row + 4 * i, v, 4);
	}
	GLuint tex[2];
	glGenTextures(2, tex);
	glBindTexture(GL_TEXTURE_1D, tex[0]);
	glTexImage1D(GL_TEXTURE_1D, 0, GL_RGBA8, 8, 0, GL_RGBA, GL_UNSIGNED_BYTE, row);
	glGenerateMipmap(GL_TEXTURE_1D);
	bool ok = gc_no_error(check, "glGenerateMipmap(GL_TEXTURE_1D)");
	memset(back, 0, sizeof(back));
	glGetTexImage(GL_TEXTURE_1D, 1, GL_RGBA, GL_UNSIGNED_BYTE, back);
	for (int i = 0; ok && i < 4; i++) {
		if (back[4 * i] != row[8 * i])
			ok = gc_fail(check, "1D level 1 texel %d is %u, expected %u", i,
			             back[4 * i], row[8 * i]);
	}
	glBindTexture(GL_TEXTURE_1D_ARRAY, tex[1]);
	glTexImage2D(GL_TEXTURE_1D_ARRAY, 0, GL_RGBA8, 8, 3, 0, GL_RGBA, GL_UNSIGNED_BYTE, row);
	glGenerateMipmap(GL_TEXTURE_1D_ARRAY);
	ok = gc_no_error(check, "glGenerateMipmap(GL_TEXTURE_1D_ARRAY)") && ok;
	GLint layers = 0;
	glGetTexLevelParameteriv(GL_TEXTURE_1D_ARRAY, 2, GL_TEXTURE_HEIGHT, &layers);
	if (layers != 3)
		ok = gc_fail(check, "a 1D array's level 2 has %d layers, expected 3", layers);
	memset(back, 0, sizeof(back));
	glGetTexImage(GL_TEXTURE_1D_ARRAY, 1, GL_RGBA, GL_UNSIGNED_BYTE, back);
	for (int i = 0; ok && i < 4 * 3; i++) {
		if (back[4 * i] != row[8 * i])
			ok = gc_fail(check,
			             "1D array level 1 texel %d of layer %d is %u, expected %u",
			             i % 4, i / 4, back[4 * i], row[8 * i]);
	}
	glDeleteTextures(2, tex);
	gc_result(check, ok);
}

int main(void)
{
	struct gc_desktop d;
	int status;
	if (!gc_desktop_open(&d, EGL_CONTEXT_OPENGL_COMPATIBILITY_PROFILE_BIT, 0, 0, &status))
		return status;
	gc_extensions((const char *)glGetString(GL_EXTENSIONS), NULL);
	gc_desktop_framebuffer(SIZE);
	check_texture_sub_image();
	check_1d_array_reads();
	check_proxy_textures();
	check_abgr();
	check_mipmap_1d();
	return gc_desktop_close(&d);
}
