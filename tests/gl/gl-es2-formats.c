/*
 * gl-es2-formats: an OpenGL ES 2.0 app (no window: a surfaceless context on the Wayland
 * display, drawing into a 4x4 framebuffer object) that uses the texture-format,
 * pixel-transfer and sampler-state extensions its context lists, each checked in the app
 * with the pixels read back:
 *
 *   unpack-subimage    EXT_unpack_subimage: uploads from inside a larger image (row
 *                      length, skipped pixels and rows) from a buffer of exactly that size
 *   pack-subimage      NV_pack_subimage: a readback into a larger image leaves the bytes
 *                      around the rectangle as the app had them
 *   pack-padding       ES 2.0: a readback leaves the row padding as the app had it
 *   reverse-row-order  ANGLE_pack_reverse_row_order
 *   texture-float, texture-half-float, texture-rg, texture-norm16, color-buffer-half-float,
 *   anisotropy, mirror-clamp, srgb-decode, blend-minmax, read-bgra, flip-y, etc1
 *   read-stencil, read-depth-stencil, srgb-write-control, fbo-render-mipmap,
 *   depth-texture-cube-map (gl-es2-formats-fb.c)
 *
 * Prints "PASS <check>", "FAIL <check>: why" or "SKIP <check>: why" per check, "data <check>
 * <hex>" with the bytes it read back (compared natively and through gpu-0 by the test),
 * then "done". Exit status 0 when nothing failed.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GLES2/gl2.h>
#include <GLES2/gl2ext.h>
#include <wayland-client.h>

#include "gl-checks.h"
#include "gl-es2-formats.h"

/* GL_NV_pack_subimage (gl2ext.h does not have it; ES 3's names and values) */
#define GL_PACK_ROW_LENGTH_NV 0x0D02
#define GL_PACK_SKIP_ROWS_NV 0x0D03
#define GL_PACK_SKIP_PIXELS_NV 0x0D04

void fmt_data(const char *check, const void *p, size_t n)
{
	printf("data %s ", check);
	for (size_t i = 0; i < n; i++)
		printf("%02x", ((const unsigned char *)p)[i]);
	printf("\n");
}

static GLuint shader(GLenum type, const char *src)
{
	GLuint s = glCreateShader(type);
	glShaderSource(s, 1, &src, NULL);
	glCompileShader(s);
	return s;
}

static const char vs[] = "attribute vec2 p;\n"
                         "varying vec2 t;\n"
                         "void main() { t = p * 0.5 + 0.5; gl_Position = vec4(p, 0.0, 1.0); }\n";
static const char fs_tex[] = "precision mediump float;\n"
                             "varying vec2 t;\n"
                             "uniform sampler2D s;\n"
                             "void main() { gl_FragColor = texture2D(s, t); }\n";
static const char fs_color[] = "precision mediump float;\n"
                               "uniform vec4 c;\n"
                               "void main() { gl_FragColor = c; }\n";

static GLuint program(const char *fs)
{
	GLuint p = glCreateProgram();
	glAttachShader(p, shader(GL_VERTEX_SHADER, vs));
	glAttachShader(p, shader(GL_FRAGMENT_SHADER, fs));
	glBindAttribLocation(p, 0, "p");
	glLinkProgram(p);
	return p;
}

static GLuint tex_prog, color_prog;

void fmt_quad(void)
{
	static const float v[] = {-1, -1, 1, -1, -1, 1, 1, 1};
	glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, v);
	glEnableVertexAttribArray(0);
	glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

/* A fresh 2D texture, nearest filtering, no mipmaps. */
static GLuint new_texture(void)
{
	GLuint t;
	glGenTextures(1, &t);
	glBindTexture(GL_TEXTURE_2D, t);
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
	return t;
}

/* The bound texture drawn over the framebuffer, read back as RGBA8. */
static void draw_texture(unsigned char out[N * N * 4])
{
	glUseProgram(tex_prog);
	fmt_quad();
	glPixelStorei(GL_PACK_ALIGNMENT, 4);
	glReadPixels(0, 0, N, N, GL_RGBA, GL_UNSIGNED_BYTE, out);
}

static bool near(int a, int b)
{
	return a - b <= 1 && b - a <= 1;
}

/* Pixel (x, y) of a 4x4 RGBA8 readback is (r, g, b, a), +-1. */
bool fmt_pixel_is(const char *check, const unsigned char *px, int x, int y, int r, int g, int b,
                  int a)
{
	const unsigned char *p = px + (y * N + x) * 4;
	if (near(p[0], r) && near(p[1], g) && near(p[2], b) && near(p[3], a))
		return true;
	return gc_fail(check, "pixel %d,%d is %d,%d,%d,%d, expected %d,%d,%d,%d", x, y, p[0], p[1],
	               p[2], p[3], r, g, b, a);
}

/* Source pixel (x, y) of the test image: distinct bytes. */
static void src_pixel(unsigned char *p, int x, int y)
{
	p[0] = (unsigned char)(16 * x + y);
	p[1] = (unsigned char)(200 - 8 * y);
	p[2] = (unsigned char)(40 + x * y);
	p[3] = 255;
}

static void check_unpack_subimage(void)
{
	const char *check = "unpack-subimage";
	if (!gc_needs(check, "GL_EXT_unpack_subimage"))
		return;
	/* A 4x4 rectangle at (2, 1) of a 7-pixel-wide image; the buffer ends at its
	 * last pixel. */
	enum { ROW = 7, SKIP_PX = 2, SKIP_ROWS = 1 };
	size_t size = ((SKIP_ROWS + N - 1) * ROW + SKIP_PX + N) * 4;
	unsigned char *img = malloc(size), out[N * N * 4];
	for (int y = 0; y < SKIP_ROWS + N; y++)
		for (int x = 0; x < ROW && (size_t)((y * ROW + x) * 4) < size; x++)
			src_pixel(img + (y * ROW + x) * 4, x, y);
	GLuint t = new_texture();
	glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
	glPixelStorei(GL_UNPACK_ROW_LENGTH_EXT, ROW);
	glPixelStorei(GL_UNPACK_SKIP_PIXELS_EXT, SKIP_PX);
	glPixelStorei(GL_UNPACK_SKIP_ROWS_EXT, SKIP_ROWS);
	glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, N, N, 0, GL_RGBA, GL_UNSIGNED_BYTE, img);
	/* Then 2x2 at (1, 2) from (0, 0) of a 5-pixel-wide image, no skips. */
	glPixelStorei(GL_UNPACK_ROW_LENGTH_EXT, 5);
	glPixelStorei(GL_UNPACK_SKIP_PIXELS_EXT, 0);
	glPixelStorei(GL_UNPACK_SKIP_ROWS_EXT, 0);
	glTexSubImage2D(GL_TEXTURE_2D, 0, 1, 2, 2, 2, GL_RGBA, GL_UNSIGNED_BYTE, img);
	glPixelStorei(GL_UNPACK_ROW_LENGTH_EXT, 0);
	glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
	GLint got = -1;
	glGetIntegerv(GL_UNPACK_ROW_LENGTH_EXT, &got);
	bool ok =
	        gc_no_error(check, "uploads") && (got == 0 || gc_fail(check, "row length %d", got));
	draw_texture(out);
	for (int y = 0; y < N && ok; y++) {
		for (int x = 0; x < N && ok; x++) {
			unsigned char want[4];
			if (x >= 1 && x < 3 && y >= 2 && y < 4)
				memcpy(want, img + ((y - 2) * 5 + (x - 1)) * 4, 4);
			else
				src_pixel(want, x + SKIP_PX, y + SKIP_ROWS);
			ok = fmt_pixel_is(check, out, x, y, want[0], want[1], want[2], want[3]);
		}
	}
	fmt_data(check, out, sizeof(out));
	gc_result(check, ok);
	glDeleteTextures(1, &t);
	free(img);
}

/* The framebuffer holds the unpack test's image: src_pixel(x + 2, y + 1). */
static void fill_framebuffer(void)
{
	unsigned char img[N * N * 4], out[N * N * 4];
	for (int y = 0; y < N; y++)
		for (int x = 0; x < N; x++)
			src_pixel(img + (y * N + x) * 4, x, y);
	GLuint t = new_texture();
	glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, N, N, 0, GL_RGBA, GL_UNSIGNED_BYTE, img);
	draw_texture(out);
	glDeleteTextures(1, &t);
}

/* A readback of 3x2 at (1, 1) into a buffer laid out by the pack state: every
 * byte GL does not write keeps 0x5a. */
static bool check_readback(const char *check, int row, int skip_px, int skip_rows, int align)
{
	int stride = ((row ? row : 3) * 4 + align - 1) / align * align;
	size_t size = (size_t)((skip_rows + 1) * stride + (skip_px + 3) * 4);
	unsigned char *buf = malloc(size);
	memset(buf, 0x5a, size);
	glPixelStorei(GL_PACK_ALIGNMENT, align);
	if (row)
		glPixelStorei(GL_PACK_ROW_LENGTH_NV, row);
	if (skip_px)
		glPixelStorei(GL_PACK_SKIP_PIXELS_NV, skip_px);
	if (skip_rows)
		glPixelStorei(GL_PACK_SKIP_ROWS_NV, skip_rows);
	glReadPixels(1, 1, 3, 2, GL_RGBA, GL_UNSIGNED_BYTE, buf);
	glPixelStorei(GL_PACK_ALIGNMENT, 4);
	if (row)
		glPixelStorei(GL_PACK_ROW_LENGTH_NV, 0);
	if (skip_px)
		glPixelStorei(GL_PACK_SKIP_PIXELS_NV, 0);
	if (skip_rows)
		glPixelStorei(GL_PACK_SKIP_ROWS_NV, 0);
	bool ok = gc_no_error(check, "glReadPixels");
	for (size_t i = 0; i < size && ok; i++) {
		size_t r = i / (size_t)stride, c = i % (size_t)stride;
		bool pixel = r >= (size_t)skip_rows && c >= (size_t)skip_px * 4 &&
		             c < (size_t)(skip_px + 3) * 4;
		unsigned char want = 0x5a;
		if (pixel) {
			unsigned char p[4];
			src_pixel(p, (int)(c / 4 - (size_t)skip_px) + 1,
			          (int)(r - (size_t)skip_rows) + 1);
			want = p[c % 4];
		}
		if (!near(buf[i], want))
			ok = gc_fail(check, "byte %zu is 0x%02x, expected 0x%02x", i, buf[i], want);
	}
	fmt_data(check, buf, size);
	free(buf);
	return ok;
}

static void check_reverse_rows(void)
{
	const char *check = "reverse-row-order";
	if (!gc_needs(check, "GL_ANGLE_pack_reverse_row_order"))
		return;
	unsigned char out[N * N * 4];
	glPixelStorei(GL_PACK_REVERSE_ROW_ORDER_ANGLE, 1);
	GLint on = 0;
	glGetIntegerv(GL_PACK_REVERSE_ROW_ORDER_ANGLE, &on);
	glReadPixels(0, 0, N, N, GL_RGBA, GL_UNSIGNED_BYTE, out);
	glPixelStorei(GL_PACK_REVERSE_ROW_ORDER_ANGLE, 0);
	bool ok = gc_no_error(check, "glReadPixels") && (on == 1 || gc_fail(check, "state %d", on));
	for (int y = 0; y < N && ok; y++) {
		unsigned char p[4];
		src_pixel(p, 0, N - 1 - y);
		ok = fmt_pixel_is(check, out, 0, y, p[0], p[1], p[2], p[3]);
	}
	fmt_data(check, out, sizeof(out));
	gc_result(check, ok);
}

static void check_read_bgra(void)
{
	const char *check = "read-bgra";
	if (!gc_needs(check, "GL_EXT_read_format_bgra"))
		return;
	unsigned char out[N * N * 4];
	glReadPixels(0, 0, N, N, GL_BGRA_EXT, GL_UNSIGNED_BYTE, out);
	bool ok = gc_no_error(check, "glReadPixels");
	unsigned char p[4];
	src_pixel(p, 2, 3);
	ok = ok && fmt_pixel_is(check, out, 2, 3, p[2], p[1], p[0], p[3]);
	fmt_data(check, out, sizeof(out));
	gc_result(check, ok);
}

/* A 4x4 texture of `format`/`type` from `pixels`, drawn and compared with
 * `want` (RGBA8 of every texel, in order). */
static void check_texture(const char *check, const char *ext, GLenum internal, GLenum format,
                          GLenum type, int align, const void *pixels, const unsigned char *want)
{
	if (!gc_needs(check, ext))
		return;
	unsigned char out[N * N * 4];
	GLuint t = new_texture();
	glPixelStorei(GL_UNPACK_ALIGNMENT, align);
	glTexImage2D(GL_TEXTURE_2D, 0, (GLint)internal, N, N, 0, format, type, pixels);
	glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
	bool ok = gc_no_error(check, "glTexImage2D");
	draw_texture(out);
	for (int i = 0; i < N * N && ok; i++)
		ok = fmt_pixel_is(check, out, i % N, i / N, want[4 * i], want[4 * i + 1],
		                  want[4 * i + 2], want[4 * i + 3]);
	fmt_data(check, out, sizeof(out));
	gc_result(check, ok);
	glDeleteTextures(1, &t);
}

static void check_float_textures(void)
{
	float f[N * N * 4];
	unsigned short h[N * N * 4];
	unsigned char want[N * N * 4], rg[N * N * 2];
	static const unsigned short half[] = {0x0000, 0x3400, 0x3800, 0x3c00}; /* 0 .25 .5 1 */
	for (int i = 0; i < N * N * 4; i++) {
		int v = (i * 7 + i / 4) % 4;
		f[i] = (float)v / 3.0f;
		h[i] = half[v];
		want[i] = (unsigned char)(v * 85);
	}
	check_texture("texture-float", "GL_OES_texture_float", GL_RGBA, GL_RGBA, GL_FLOAT, 4, f,
	              want);
	for (int i = 0; i < N * N * 4; i++) {
		int v = (i * 7 + i / 4) % 4;
		want[i] = (unsigned char)(v == 3 ? 255 : v * 64);
	}
	check_texture("texture-half-float", "GL_OES_texture_half_float", GL_RGBA, GL_RGBA,
	              GL_HALF_FLOAT_OES, 4, h, want);
	/* GL_RG_EXT: 2 bytes a pixel, rows of 8 bytes (alignment 8 pads nothing). */
	memset(rg, 0, sizeof(rg));
	for (int i = 0; i < N * N; i++) {
		rg[2 * i] = (unsigned char)(i * 15);
		rg[2 * i + 1] = (unsigned char)(255 - i * 9);
		want[4 * i] = rg[2 * i];
		want[4 * i + 1] = rg[2 * i + 1];
		want[4 * i + 2] = 0;
		want[4 * i + 3] = 255;
	}
	check_texture("texture-rg", "GL_EXT_texture_rg", GL_RG_EXT, GL_RG_EXT, GL_UNSIGNED_BYTE, 8,
	              rg, want);
	/* EXT_texture_norm16 (an ES 3.1 context): 16-bit normalized texels. */
	unsigned short n16[N * N * 4];
	for (int i = 0; i < N * N * 4; i++) {
		n16[i] = (unsigned short)(i * 4111);
		want[i] = (unsigned char)((n16[i] * 255 + 32767) / 65535);
	}
	check_texture("texture-norm16", "GL_EXT_texture_norm16", GL_RGBA16_EXT, GL_RGBA,
	              GL_UNSIGNED_SHORT, 2, n16, want);
}

static void check_color_buffer_half_float(void)
{
	const char *check = "color-buffer-half-float";
	if (!gc_needs(check, "GL_EXT_color_buffer_half_float"))
		return;
	GLuint rb, fb;
	GLint prev = 0;
	glGetIntegerv(GL_FRAMEBUFFER_BINDING, &prev);
	glGenRenderbuffers(1, &rb);
	glBindRenderbuffer(GL_RENDERBUFFER, rb);
	glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA16F_EXT, N, N);
	glGenFramebuffers(1, &fb);
	glBindFramebuffer(GL_FRAMEBUFFER, fb);
	glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb);
	GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
	GLint type = 0;
	glGetRenderbufferParameteriv(GL_RENDERBUFFER, GL_RENDERBUFFER_RED_SIZE, &type);
	bool ok = gc_no_error(check, "RGBA16F renderbuffer") &&
	          (status == GL_FRAMEBUFFER_COMPLETE || gc_fail(check, "status 0x%x", status)) &&
	          (type == 16 || gc_fail(check, "red size %d", type));
	glBindFramebuffer(GL_FRAMEBUFFER, (GLuint)prev);
	glDeleteFramebuffers(1, &fb);
	glDeleteRenderbuffers(1, &rb);
	gc_result(check, ok);
}

static void check_sampler_state(void)
{
	GLuint t = new_texture();
	const char *check = "anisotropy";
	if (gc_needs(check, "GL_EXT_texture_filter_anisotropic")) {
		float max = 0, got = 0;
		glGetFloatv(GL_MAX_TEXTURE_MAX_ANISOTROPY_EXT, &max);
		glTexParameterf(GL_TEXTURE_2D, GL_TEXTURE_MAX_ANISOTROPY_EXT, 2.0f);
		glGetTexParameterfv(GL_TEXTURE_2D, GL_TEXTURE_MAX_ANISOTROPY_EXT, &got);
		gc_result(check, gc_no_error(check, "anisotropy") &&
		                         ((max >= 2.0f && got == 2.0f) ||
		                          gc_fail(check, "max %g, set 2 got %g", max, got)));
	}
	check = "mirror-clamp";
	if (gc_needs(check, "GL_EXT_texture_mirror_clamp_to_edge")) {
		GLint got = 0;
		glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_MIRROR_CLAMP_TO_EDGE_EXT);
		GLenum err = glGetError();
		glGetTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, &got);
		/* Mesa 22.3 lists it on ES and refuses the wrap mode there. */
		if (err != GL_NO_ERROR)
			printf("SKIP %s: the driver refuses the wrap mode (0x%x)\n", check, err);
		else
			gc_result(check, got == GL_MIRROR_CLAMP_TO_EDGE_EXT ||
			                         gc_fail(check, "wrap 0x%x", got));
	}
	check = "srgb-decode";
	if (gc_needs(check, "GL_EXT_texture_sRGB_decode")) {
		GLint got = 0;
		glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_SRGB_DECODE_EXT, GL_SKIP_DECODE_EXT);
		glGetTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SRGB_DECODE_EXT, &got);
		gc_result(check,
		          gc_no_error(check, "decode") && (got == GL_SKIP_DECODE_EXT ||
		                                           gc_fail(check, "decode 0x%x", got)));
	}
	glDeleteTextures(1, &t);
}

/* MESA_framebuffer_flip_y's commands: the parameter set on a framebuffer
 * object reads back. */
static void check_flip_y(void)
{
	const char *check = "flip-y";
	if (!gc_needs(check, "GL_MESA_framebuffer_flip_y"))
		return;
	PFNGLFRAMEBUFFERPARAMETERIMESAPROC set =
	        (PFNGLFRAMEBUFFERPARAMETERIMESAPROC)eglGetProcAddress(
	                "glFramebufferParameteriMESA");
	PFNGLGETFRAMEBUFFERPARAMETERIVMESAPROC get =
	        (PFNGLGETFRAMEBUFFERPARAMETERIVMESAPROC)eglGetProcAddress(
	                "glGetFramebufferParameterivMESA");
	if (!set || !get) {
		gc_fail(check, "no glFramebufferParameteriMESA");
		return;
	}
	GLint flip = 0;
	set(GL_FRAMEBUFFER, GL_FRAMEBUFFER_FLIP_Y_MESA, 1);
	get(GL_FRAMEBUFFER, GL_FRAMEBUFFER_FLIP_Y_MESA, &flip);
	set(GL_FRAMEBUFFER, GL_FRAMEBUFFER_FLIP_Y_MESA, 0);
	gc_result(check,
	          gc_no_error(check, "flip y") && (flip == 1 || gc_fail(check, "flip y %d", flip)));
}

static void check_blend_minmax(void)
{
	const char *check = "blend-minmax";
	if (!gc_needs(check, "GL_EXT_blend_minmax"))
		return;
	unsigned char out[N * N * 4];
	glClearColor(0.2f, 0.8f, 0.2f, 0.8f);
	glClear(GL_COLOR_BUFFER_BIT);
	glUseProgram(color_prog);
	glUniform4f(glGetUniformLocation(color_prog, "c"), 0.6f, 0.4f, 0.0f, 1.0f);
	glEnable(GL_BLEND);
	glBlendEquation(GL_MAX_EXT);
	fmt_quad();
	glBlendEquation(GL_FUNC_ADD);
	glDisable(GL_BLEND);
	glReadPixels(0, 0, N, N, GL_RGBA, GL_UNSIGNED_BYTE, out);
	bool ok = gc_no_error(check, "GL_MAX_EXT") &&
	          fmt_pixel_is(check, out, 1, 1, 153, 204, 51, 255);
	fmt_data(check, out, sizeof(out));
	gc_result(check, ok);
}

static void check_etc1(void)
{
	const char *check = "etc1";
	if (!gc_needs(check, "GL_OES_compressed_ETC1_RGB8_texture"))
		return;
	/* One 4x4 block, every pixel index 0. */
	static const unsigned char block[8] = {0xc0, 0x30, 0x80, 0x00, 0, 0, 0, 0};
	unsigned char out[N * N * 4];
	GLuint t = new_texture();
	glCompressedTexImage2D(GL_TEXTURE_2D, 0, GL_ETC1_RGB8_OES, N, N, 0, sizeof(block), block);
	bool ok = gc_no_error(check, "glCompressedTexImage2D");
	draw_texture(out);
	/* The texel of index 0 in base colour 0xcc, 0x33, 0x88 (+2); the other
	 * bytes are compared with Mesa's by the test. */
	ok = ok && fmt_pixel_is(check, out, 0, 0, 0xcc + 2, 0x33 + 2, 0x88 + 2, 255);
	fmt_data(check, out, sizeof(out));
	gc_result(check, ok);
	glDeleteTextures(1, &t);
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	struct wl_display *wl = wl_display_connect(NULL);
	if (!wl)
		return printf("FAIL setup: no Wayland display\n"), 1;
	EGLDisplay dpy = eglGetPlatformDisplay(EGL_PLATFORM_WAYLAND_KHR, wl, NULL);
	EGLint major, minor, n = 0;
	EGLConfig config;
	const EGLint want[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_ES2_BIT, EGL_NONE};
	const EGLint attrs[] = {EGL_CONTEXT_CLIENT_VERSION, 2, EGL_NONE};
	if (!eglInitialize(dpy, &major, &minor) || !eglBindAPI(EGL_OPENGL_ES_API) ||
	    !eglChooseConfig(dpy, want, &config, 1, &n) || n < 1)
		return printf("FAIL setup: EGL (0x%x)\n", eglGetError()), 1;
	EGLContext ctx = eglCreateContext(dpy, config, EGL_NO_CONTEXT, attrs);
	if (ctx == EGL_NO_CONTEXT || !eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, ctx))
		return printf("FAIL setup: no OpenGL ES 2.0 context (0x%x)\n", eglGetError()), 1;
	gc_extensions((const char *)glGetString(GL_EXTENSIONS), NULL);
	printf("info: GL_VERSION %s\n", (const char *)glGetString(GL_VERSION));
	GLuint fb, rb;
	glGenRenderbuffers(1, &rb);
	glBindRenderbuffer(GL_RENDERBUFFER, rb);
	glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8_OES, N, N);
	glGenFramebuffers(1, &fb);
	glBindFramebuffer(GL_FRAMEBUFFER, fb);
	glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb);
	glViewport(0, 0, N, N);
	tex_prog = program(fs_tex);
	color_prog = program(fs_color);
	glUseProgram(tex_prog);
	glUniform1i(glGetUniformLocation(tex_prog, "s"), 0);
	if (!gc_no_error("setup", "framebuffer and programs"))
		return 1;
	check_unpack_subimage();
	fill_framebuffer();
	if (gc_needs("pack-subimage", "GL_NV_pack_subimage"))
		gc_result("pack-subimage", check_readback("pack-subimage", 6, 2, 1, 4));
	gc_result("pack-padding", check_readback("pack-padding", 0, 0, 0, 8));
	check_reverse_rows();
	check_read_bgra();
	check_float_textures();
	check_color_buffer_half_float();
	check_sampler_state();
	check_blend_minmax();
	check_flip_y();
	check_etc1();
	fmt_check_read_stencil(fb);
	fmt_check_srgb_write_control(fb, color_prog);
	fmt_check_fbo_render_mipmap(fb);
	fmt_check_depth_cube_map(fb);
	eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
	eglDestroyContext(dpy, ctx);
	eglTerminate(dpy);
	wl_display_disconnect(wl);
	printf("done\n");
	return gc_failures() ? 1 : 0;
}
