/*
 * gl-core-state: a desktop OpenGL 3.2 core-profile app (no window: a surfaceless context on
 * the Wayland display, drawing into a 16x16 framebuffer object) that uses desktop GL's own
 * commands of versions 1.0 to 2.0, each checked by values or pixels read back:
 *
 *   depth          glClearDepth and glDepthRange, read with glGetDoublev and by depth tests
 *   polygon-mode   GL_LINE leaves a triangle's inside clear, GL_FILL fills it; GL_POLYGON_MODE
 *                  reads back
 *   draw-buffer    glDrawBuffer picks the attachment a clear reaches
 *   pixel-store    glPixelStoref, and desktop GL's pack and unpack state
 *   tex-1d         glTexImage1D, glTexSubImage1D, sampled by a shader; glGetTexImage of it
 *   copy-tex-1d    glCopyTexImage1D and glCopyTexSubImage1D from the framebuffer
 *   compressed-1d  glCompressedTexImage1D and glCompressedTexSubImage1D (GL's answer to a
 *                  format with no 1D form)
 *   get-tex-image  a 2D level read back, with a row length, and into a pixel pack buffer
 *   compressed     glGetCompressedTexImage of an RGTC level
 *   bgra           a GL_BGRA upload read back as GL_UNSIGNED_INT_8_8_8_8_REV and GL_RGBA
 *   get-buffer     glGetBufferSubData, in and past the buffer
 *   map-buffer     glMapBuffer written and drawn, read back read-only
 *   multi-draw     glMultiDrawArrays and glMultiDrawElements
 *   vertex-attrib  every glVertexAttrib* variant of GL 2.0 read back (glGetVertexAttribdv/fv),
 *                  one drawn as a constant colour
 *   point-param    glPointParameteri/iv
 *   query          glGetQueryObjectiv of an occlusion query
 *   genned-names   binding a buffer, texture, renderbuffer or framebuffer name never
 *                  generated is GL_INVALID_OPERATION, the binding unchanged
 *   profile        GL_CONTEXT_PROFILE_MASK is GL_CONTEXT_CORE_PROFILE_BIT (as Qt reads it)
 *
 * Prints "PASS <check>", "FAIL <check>: why" or "SKIP <check>: why" per check, "info: ..."
 * lines, then "done". Exit status 0 when nothing failed, 77 without a core 3.2 context.
 */
#define GL_GLEXT_PROTOTYPES 1
#include <math.h>
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

#define SIZE 16

static GLuint prog_color, prog_tex1d, vao, vbo;

static const char *vs_color = "#version 150\n"
                              "in vec3 pos; in vec4 color; out vec4 c;\n"
                              "void main() { c = color; gl_Position = vec4(pos, 1.0); }\n";
static const char *fs_color = "#version 150\n"
                              "in vec4 c; out vec4 o;\n"
                              "void main() { o = c; }\n";
/* Each pixel column x shows texel x / 4 of a 4-texel 1D texture. */
static const char *vs_tex = "#version 150\n"
                            "in vec3 pos;\n"
                            "void main() { gl_Position = vec4(pos, 1.0); }\n";
static const char *fs_tex = "#version 150\n"
                            "uniform sampler1D t; out vec4 o;\n"
                            "void main() { o = texelFetch(t, int(gl_FragCoord.x) / 4, 0); }\n";

/* A quad over the whole target at depth z, of one colour (attribute 1 constant). */
static void quad(float z, float r, float g, float b)
{
	const float v[] = {-1, -1, z, 1, -1, z, -1, 1, z, 1, 1, z};
	glBindBuffer(GL_ARRAY_BUFFER, vbo);
	glBufferData(GL_ARRAY_BUFFER, sizeof(v), v, GL_STREAM_DRAW);
	glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 0, 0);
	glEnableVertexAttribArray(0);
	glDisableVertexAttribArray(1);
	glVertexAttrib4f(1, r, g, b, 1);
	glUseProgram(prog_color);
	glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

static void clear(float r, float g, float b)
{
	glClearColor(r, g, b, 1);
	glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
}

static bool near(double a, double b)
{
	return fabs(a - b) < 1e-5;
}

static void check_depth(void)
{
	const char *c = "depth";
	bool ok = true;
	GLdouble v[2] = {0, 0};
	glClearDepth(0.25);
	glGetDoublev(GL_DEPTH_CLEAR_VALUE, v);
	ok = (near(v[0], 0.25) || gc_fail(c, "GL_DEPTH_CLEAR_VALUE %g", v[0])) && ok;
	glDepthRange(0.125, 0.875);
	glGetDoublev(GL_DEPTH_RANGE, v);
	ok = (near(v[0], 0.125) && near(v[1], 0.875)) ||
	     gc_fail(c, "GL_DEPTH_RANGE %g %g", v[0], v[1]);
	glDepthRange(0, 1);
	glEnable(GL_DEPTH_TEST);
	glDepthFunc(GL_LESS);
	/* z 0 is depth 0.5: behind a clear to 0.25, in front of one to 0.75. */
	clear(0, 0, 0);
	quad(0, 0, 1, 0);
	ok = gc_pixel_is(c, 8, 8, 0x000000, "cleared to 0.25") && ok;
	glClearDepth(0.75);
	clear(0, 0, 0);
	quad(0, 0, 1, 0);
	ok = gc_pixel_is(c, 8, 8, 0x00ff00, "cleared to 0.75") && ok;
	glDisable(GL_DEPTH_TEST);
	glClearDepth(1);
	gc_result(c, gc_no_error(c, "depth state") && ok);
}

static void triangle(void)
{
	const float v[] = {-0.75f, -0.75f, 0, 0.75f, -0.75f, 0, 0, 0.75f, 0};
	glBindBuffer(GL_ARRAY_BUFFER, vbo);
	glBufferData(GL_ARRAY_BUFFER, sizeof(v), v, GL_STREAM_DRAW);
	glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 0, 0);
	glEnableVertexAttribArray(0);
	glVertexAttrib4f(1, 1, 1, 0, 1);
	glUseProgram(prog_color);
	glDrawArrays(GL_TRIANGLES, 0, 3);
}

static void check_polygon_mode(void)
{
	const char *c = "polygon-mode";
	bool ok = true;
	clear(0, 0, 0);
	glPolygonMode(GL_FRONT_AND_BACK, GL_LINE);
	triangle();
	ok = gc_pixel_is(c, 8, 8, 0x000000, "inside a GL_LINE triangle") && ok;
	unsigned char img[SIZE * SIZE * 4];
	glReadPixels(0, 0, SIZE, SIZE, GL_RGBA, GL_UNSIGNED_BYTE, img);
	int lit = 0;
	for (int i = 0; i < SIZE * SIZE; i++)
		lit += img[i * 4] == 255;
	/* The outline: more than a corner, less than the filled triangle's ~72. */
	ok = ((lit > 12 && lit < 60) || gc_fail(c, "%d pixels of the outline drawn", lit)) && ok;
	/* Read back as apps save and restore it (Dear ImGui's GL 3 back end): front and back. */
	GLint mode[4] = {-1, -1, -1, -1};
	glGetIntegerv(GL_POLYGON_MODE, mode);
	ok = gc_no_error(c, "glGetIntegerv(GL_POLYGON_MODE)") && ok;
	if (mode[0] != GL_LINE || mode[1] != GL_LINE || mode[2] != -1)
		ok = gc_fail(c, "GL_POLYGON_MODE read back as 0x%x 0x%x (then %d)", mode[0],
		             mode[1], mode[2]);
	glPolygonMode(GL_FRONT_AND_BACK, GL_FILL);
	clear(0, 0, 0);
	triangle();
	ok = gc_pixel_is(c, 8, 8, 0xffff00, "inside a GL_FILL triangle") && ok;
	gc_result(c, gc_no_error(c, "glPolygonMode") && ok);
}

static void check_draw_buffer(void)
{
	const char *c = "draw-buffer";
	GLuint rb;
	glGenRenderbuffers(1, &rb);
	glBindRenderbuffer(GL_RENDERBUFFER, rb);
	glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, SIZE, SIZE);
	glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT1, GL_RENDERBUFFER, rb);
	clear(0, 0, 0);
	glDrawBuffer(GL_COLOR_ATTACHMENT1);
	GLint db = 0;
	glGetIntegerv(GL_DRAW_BUFFER, &db);
	clear(0, 0, 1);
	bool ok = db == GL_COLOR_ATTACHMENT1 || gc_fail(c, "GL_DRAW_BUFFER 0x%x", db);
	glReadBuffer(GL_COLOR_ATTACHMENT0);
	ok = gc_pixel_is(c, 3, 3, 0x000000, "attachment 0") && ok;
	glReadBuffer(GL_COLOR_ATTACHMENT1);
	ok = gc_pixel_is(c, 3, 3, 0x0000ff, "attachment 1") && ok;
	glReadBuffer(GL_COLOR_ATTACHMENT0);
	glDrawBuffer(GL_COLOR_ATTACHMENT0);
	glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT1, GL_RENDERBUFFER, 0);
	glDeleteRenderbuffers(1, &rb);
	gc_result(c, gc_no_error(c, "glDrawBuffer") && ok);
}

static void check_pixel_store(void)
{
	const char *c = "pixel-store";
	static const struct {
		GLenum pname;
		float set;
		GLint want;
	} cases[] = {
	        {GL_UNPACK_ALIGNMENT, 2.0f, 2},    {GL_PACK_ROW_LENGTH, 6.6f, 7},
	        {GL_PACK_IMAGE_HEIGHT, 3.0f, 3},   {GL_PACK_SKIP_IMAGES, 1.0f, 1},
	        {GL_PACK_SWAP_BYTES, 1.0f, 1},     {GL_UNPACK_LSB_FIRST, 0.5f, 1},
	        {GL_UNPACK_SWAP_BYTES, 0.0f, 0},   {GL_PACK_LSB_FIRST, 0.0f, 0},
	        {GL_UNPACK_IMAGE_HEIGHT, 2.4f, 2}, {GL_UNPACK_SKIP_IMAGES, 0.0f, 0},
	};
	bool ok = true;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		glPixelStoref(cases[i].pname, cases[i].set);
		GLint got = -1;
		glGetIntegerv(cases[i].pname, &got);
		ok = (got == cases[i].want ||
		      gc_fail(c, "0x%x set to %g reads %d", cases[i].pname, cases[i].set, got)) &&
		     ok;
	}
	ok = gc_no_error(c, "glPixelStoref") && ok;
	glPixelStoref(GL_UNPACK_ALIGNMENT, 3.0f);
	ok = gc_error_is(c, GL_INVALID_VALUE, "alignment 3") && ok;
	glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
	glPixelStorei(GL_PACK_ROW_LENGTH, 0);
	glPixelStorei(GL_PACK_IMAGE_HEIGHT, 0);
	glPixelStorei(GL_PACK_SKIP_IMAGES, 0);
	glPixelStorei(GL_PACK_SWAP_BYTES, 0);
	glPixelStorei(GL_UNPACK_LSB_FIRST, 0);
	glPixelStorei(GL_UNPACK_IMAGE_HEIGHT, 0);
	gc_result(c, ok);
}

static const unsigned char texels[16] = {255, 0, 0,   255, 0,   255, 0,   255,
                                         0,   0, 255, 255, 255, 255, 255, 255};

static void draw_tex1d(GLuint tex)
{
	glBindTexture(GL_TEXTURE_1D, tex);
	glUseProgram(prog_tex1d);
	const float v[] = {-1, -1, 0, 1, -1, 0, -1, 1, 0, 1, 1, 0};
	glBindBuffer(GL_ARRAY_BUFFER, vbo);
	glBufferData(GL_ARRAY_BUFFER, sizeof(v), v, GL_STREAM_DRAW);
	glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 0, 0);
	glEnableVertexAttribArray(0);
	glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

static void check_tex_1d(void)
{
	const char *c = "tex-1d";
	GLuint tex;
	glGenTextures(1, &tex);
	glBindTexture(GL_TEXTURE_1D, tex);
	glTexParameteri(GL_TEXTURE_1D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
	glTexParameteri(GL_TEXTURE_1D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
	glTexImage1D(GL_TEXTURE_1D, 0, GL_RGBA8, 4, 0, GL_RGBA, GL_UNSIGNED_BYTE, texels);
	static const unsigned char magenta[4] = {255, 0, 255, 255};
	glTexSubImage1D(GL_TEXTURE_1D, 0, 3, 1, GL_RGBA, GL_UNSIGNED_BYTE, magenta);
	bool ok = gc_no_error(c, "upload");
	clear(0, 0, 0);
	draw_tex1d(tex);
	ok = gc_pixel_is(c, 1, 8, 0xff0000, "texel 0") && ok;
	ok = gc_pixel_is(c, 5, 8, 0x00ff00, "texel 1") && ok;
	ok = gc_pixel_is(c, 9, 8, 0x0000ff, "texel 2") && ok;
	ok = gc_pixel_is(c, 13, 8, 0xff00ff, "texel 3 (the sub-image)") && ok;
	unsigned char back[20];
	memset(back, 0xee, sizeof(back));
	glGetTexImage(GL_TEXTURE_1D, 0, GL_RGBA, GL_UNSIGNED_BYTE, back);
	unsigned char want[16];
	memcpy(want, texels, 12);
	memcpy(want + 12, magenta, 4);
	ok = (!memcmp(back, want, 16) || gc_fail(c, "glGetTexImage: other texels")) && ok;
	ok = (back[16] == 0xee || gc_fail(c, "glGetTexImage wrote past the level")) && ok;
	GLint w = 0, bound = 0;
	glGetTexLevelParameteriv(GL_TEXTURE_1D, 0, GL_TEXTURE_WIDTH, &w);
	glGetIntegerv(GL_TEXTURE_BINDING_1D, &bound);
	ok = (w == 4 || gc_fail(c, "width %d", w)) && ok;
	ok = (bound == (GLint)tex || gc_fail(c, "GL_TEXTURE_BINDING_1D %d, not %u", bound, tex)) &&
	     ok;
	glDeleteTextures(1, &tex);
	gc_result(c, gc_no_error(c, "1D texture") && ok);
}

static void check_copy_tex_1d(void)
{
	const char *c = "copy-tex-1d";
	/* The bottom row: left half red, right half green. */
	clear(1, 0, 0);
	glEnable(GL_SCISSOR_TEST);
	glScissor(8, 0, 8, SIZE);
	clear(0, 1, 0);
	glDisable(GL_SCISSOR_TEST);
	GLuint tex;
	glGenTextures(1, &tex);
	glBindTexture(GL_TEXTURE_1D, tex);
	glCopyTexImage1D(GL_TEXTURE_1D, 0, GL_RGBA8, 6, 0, 4, 0);
	bool ok = gc_no_error(c, "glCopyTexImage1D");
	unsigned char back[16];
	glGetTexImage(GL_TEXTURE_1D, 0, GL_RGBA, GL_UNSIGNED_BYTE, back);
	ok = ((back[0] == 255 && back[5] == 0 && back[8] == 0 && back[9] == 255) ||
	      gc_fail(c, "copied texels %02x%02x%02x %02x%02x%02x %02x%02x%02x", back[0], back[1],
	              back[2], back[4], back[5], back[6], back[8], back[9], back[10])) &&
	     ok;
	clear(0, 0, 1);
	glCopyTexSubImage1D(GL_TEXTURE_1D, 0, 1, 0, 0, 2);
	glGetTexImage(GL_TEXTURE_1D, 0, GL_RGBA, GL_UNSIGNED_BYTE, back);
	ok = ((back[0] == 255 && back[6] == 255 && back[10] == 255 && back[13] == 255) ||
	      gc_fail(c, "after glCopyTexSubImage1D: %02x %02x %02x %02x", back[0], back[6],
	              back[10], back[13])) &&
	     ok;
	glDeleteTextures(1, &tex);
	gc_result(c, gc_no_error(c, "1D copies") && ok);
}

/* No compressed format of core GL has a 1D form: GL's error, the same everywhere. */
static void check_compressed_1d(void)
{
	const char *c = "compressed-1d";
	GLuint tex;
	glGenTextures(1, &tex);
	glBindTexture(GL_TEXTURE_1D, tex);
	static const unsigned char block[8] = {0};
	glCompressedTexImage1D(GL_TEXTURE_1D, 0, GL_COMPRESSED_RED_RGTC1, 4, 0, 8, block);
	GLenum e1 = glGetError();
	glTexImage1D(GL_TEXTURE_1D, 0, GL_RGBA8, 4, 0, GL_RGBA, GL_UNSIGNED_BYTE, texels);
	glCompressedTexSubImage1D(GL_TEXTURE_1D, 0, 0, 4, GL_COMPRESSED_RED_RGTC1, 8, block);
	GLenum e2 = glGetError();
	printf("info: compressed-1d errors 0x%x 0x%x\n", e1, e2);
	glDeleteTextures(1, &tex);
	gc_result(c, (e1 != GL_NO_ERROR && e2 != GL_NO_ERROR) ||
	                     gc_fail(c, "errors 0x%x 0x%x, expected GL errors", e1, e2));
}

static void check_get_tex_image(void)
{
	const char *c = "get-tex-image";
	unsigned char img[4 * 4 * 4];
	for (int i = 0; i < (int)sizeof(img); i++)
		img[i] = (unsigned char)(i * 7 + 1);
	GLuint tex;
	glGenTextures(1, &tex);
	glBindTexture(GL_TEXTURE_2D, tex);
	glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 4, 4, 0, GL_RGBA, GL_UNSIGNED_BYTE, img);
	unsigned char back[sizeof(img) + 16];
	memset(back, 0xee, sizeof(back));
	glGetTexImage(GL_TEXTURE_2D, 0, GL_RGBA, GL_UNSIGNED_BYTE, back);
	bool ok = !memcmp(back, img, sizeof(img)) || gc_fail(c, "plain: other pixels");
	ok = (back[sizeof(img)] == 0xee || gc_fail(c, "wrote past the level")) && ok;
	/* Rows of 5 pixels: the fifth of each keeps what the app had. */
	unsigned char wide[5 * 4 * 4];
	memset(wide, 0xee, sizeof(wide));
	glPixelStorei(GL_PACK_ROW_LENGTH, 5);
	glGetTexImage(GL_TEXTURE_2D, 0, GL_RGBA, GL_UNSIGNED_BYTE, wide);
	glPixelStorei(GL_PACK_ROW_LENGTH, 0);
	for (int row = 0; row < 4; row++) {
		ok = (!memcmp(wide + row * 20, img + row * 16, 16) ||
		      gc_fail(c, "row length 5: row %d", row)) &&
		     ok;
		ok = (wide[row * 20 + 16] == 0xee || gc_fail(c, "row length 5: padding written")) &&
		     ok;
	}
	/* Into a pixel pack buffer at an offset, read back with glGetBufferSubData. */
	GLuint pbo;
	glGenBuffers(1, &pbo);
	glBindBuffer(GL_PIXEL_PACK_BUFFER, pbo);
	glBufferData(GL_PIXEL_PACK_BUFFER, sizeof(img) + 8, NULL, GL_STREAM_READ);
	glGetTexImage(GL_TEXTURE_2D, 0, GL_RGBA, GL_UNSIGNED_BYTE, (void *)8);
	memset(back, 0, sizeof(back));
	glGetBufferSubData(GL_PIXEL_PACK_BUFFER, 8, sizeof(img), back);
	ok = (!memcmp(back, img, sizeof(img)) || gc_fail(c, "pack buffer: other pixels")) && ok;
	ok = gc_no_error(c, "pack buffer") && ok;
	/* The same bytes through a read mapping of the pack buffer. */
	const unsigned char *mapped = glMapBuffer(GL_PIXEL_PACK_BUFFER, GL_READ_ONLY);
	ok = (mapped && !memcmp(mapped + 8, img, sizeof(img))) ||
	     gc_fail(c, "pack buffer mapped: %s", mapped ? "other pixels" : "no mapping");
	glUnmapBuffer(GL_PIXEL_PACK_BUFFER);
	ok = gc_no_error(c, "pack buffer mapped") && ok;
	glGetTexImage(GL_TEXTURE_2D, 0, GL_RGBA, GL_UNSIGNED_BYTE, (void *)16);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "past the pack buffer's end") && ok;
	glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
	glDeleteBuffers(1, &pbo);
	glGetTexImage(GL_TEXTURE_2D, 0, GL_RGBA, 0x1234, back);
	ok = gc_error_is(c, GL_INVALID_ENUM, "an unknown type") && ok;
	glDeleteTextures(1, &tex);
	gc_result(c, gc_no_error(c, "glGetTexImage") && ok);
}

static void check_compressed(void)
{
	const char *c = "compressed";
	static const unsigned char block[8] = {200, 10, 0x49, 0x92, 0x24, 0x49, 0x92, 0x24};
	GLuint tex;
	glGenTextures(1, &tex);
	glBindTexture(GL_TEXTURE_2D, tex);
	glCompressedTexImage2D(GL_TEXTURE_2D, 0, GL_COMPRESSED_RED_RGTC1, 4, 4, 0, 8, block);
	unsigned char back[12];
	memset(back, 0xee, sizeof(back));
	glGetCompressedTexImage(GL_TEXTURE_2D, 0, back);
	bool ok = !memcmp(back, block, 8) || gc_fail(c, "other bytes");
	ok = (back[8] == 0xee || gc_fail(c, "wrote past the level")) && ok;
	ok = gc_no_error(c, "glGetCompressedTexImage") && ok;
	GLuint plain;
	glGenTextures(1, &plain);
	glBindTexture(GL_TEXTURE_2D, plain);
	glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 1, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, block);
	glGetCompressedTexImage(GL_TEXTURE_2D, 0, back);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "an uncompressed level") && ok;
	glDeleteTextures(1, &tex);
	glDeleteTextures(1, &plain);
	gc_result(c, ok);
}

static void check_bgra(void)
{
	const char *c = "bgra";
	/* B, G, R, A bytes of two texels. */
	static const unsigned char bgra[8] = {0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0x70, 0x80};
	GLuint tex;
	glGenTextures(1, &tex);
	glBindTexture(GL_TEXTURE_2D, tex);
	glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 2, 1, 0, GL_BGRA, GL_UNSIGNED_BYTE, bgra);
	bool ok = gc_no_error(c, "GL_BGRA upload");
	unsigned char rgba[8];
	glGetTexImage(GL_TEXTURE_2D, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
	ok = ((rgba[0] == 0x30 && rgba[1] == 0x20 && rgba[2] == 0x10 && rgba[3] == 0x40 &&
	       rgba[4] == 0x70) ||
	      gc_fail(c, "as GL_RGBA %02x%02x%02x%02x", rgba[0], rgba[1], rgba[2], rgba[3])) &&
	     ok;
	GLuint packed[2] = {0, 0};
	glGetTexImage(GL_TEXTURE_2D, 0, GL_BGRA, GL_UNSIGNED_INT_8_8_8_8_REV, packed);
	ok = ((packed[0] == 0x40302010u && packed[1] == 0x80706050u) ||
	      gc_fail(c, "as 8_8_8_8_REV %08x %08x", packed[0], packed[1])) &&
	     ok;
	/* A readback of the framebuffer in a desktop-only pair too. */
	clear(1, 0, 0);
	GLushort p332[2] = {0, 0};
	glReadPixels(0, 0, 1, 1, GL_RGB, GL_UNSIGNED_BYTE_3_3_2, p332);
	GLuint rev = 0;
	glReadPixels(0, 0, 1, 1, GL_BGRA, GL_UNSIGNED_INT_8_8_8_8_REV, &rev);
	ok = (((p332[0] & 0xff) == 0xe0 && rev == 0xffff0000u) ||
	      gc_fail(c, "readbacks 3_3_2 %02x, 8_8_8_8_REV %08x", p332[0] & 0xff, rev)) &&
	     ok;
	glDeleteTextures(1, &tex);
	gc_result(c, gc_no_error(c, "desktop pixel types") && ok);
}

static void check_get_buffer(void)
{
	const char *c = "get-buffer";
	unsigned char data[64], back[16];
	for (int i = 0; i < 64; i++)
		data[i] = (unsigned char)(i * 3);
	GLuint buf;
	glGenBuffers(1, &buf);
	glBindBuffer(GL_COPY_READ_BUFFER, buf);
	glBufferData(GL_COPY_READ_BUFFER, sizeof(data), data, GL_STATIC_DRAW);
	memset(back, 0, sizeof(back));
	glGetBufferSubData(GL_COPY_READ_BUFFER, 20, 16, back);
	bool ok = !memcmp(back, data + 20, 16) || gc_fail(c, "other bytes");
	ok = gc_no_error(c, "in range") && ok;
	glGetBufferSubData(GL_COPY_READ_BUFFER, 56, 16, back);
	ok = gc_error_is(c, GL_INVALID_VALUE, "past the end") && ok;
	glBindBuffer(GL_COPY_READ_BUFFER, 0);
	glGetBufferSubData(GL_COPY_READ_BUFFER, 0, 4, back);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "no buffer bound") && ok;
	glDeleteBuffers(1, &buf);
	gc_result(c, ok);
}

static void check_map_buffer(void)
{
	const char *c = "map-buffer";
	glBindBuffer(GL_ARRAY_BUFFER, vbo);
	glBufferData(GL_ARRAY_BUFFER, 12 * sizeof(float), NULL, GL_DYNAMIC_DRAW);
	float *v = glMapBuffer(GL_ARRAY_BUFFER, GL_WRITE_ONLY);
	if (!v) {
		gc_fail(c, "glMapBuffer: NULL (0x%x)", glGetError());
		return;
	}
	const float q[] = {-1, -1, 0, 1, -1, 0, -1, 1, 0, 1, 1, 0};
	memcpy(v, q, sizeof(q));
	GLint mapped = 0;
	glGetBufferParameteriv(GL_ARRAY_BUFFER, GL_BUFFER_MAPPED, &mapped);
	bool ok = glUnmapBuffer(GL_ARRAY_BUFFER) == GL_TRUE || gc_fail(c, "glUnmapBuffer");
	printf("info: map-buffer GL_BUFFER_MAPPED while mapped: %d\n", mapped);
	clear(0, 0, 0);
	glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 0, 0);
	glEnableVertexAttribArray(0);
	glVertexAttrib4f(1, 0, 1, 1, 1);
	glUseProgram(prog_color);
	glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
	ok = gc_pixel_is(c, 8, 8, 0x00ffff, "drawn from the mapping") && ok;
	const float *r = glMapBuffer(GL_ARRAY_BUFFER, GL_READ_ONLY);
	ok = ((r && !memcmp(r, q, sizeof(q))) || gc_fail(c, "read-only mapping")) && ok;
	glUnmapBuffer(GL_ARRAY_BUFFER);
	glMapBuffer(GL_ARRAY_BUFFER, GL_RGBA);
	ok = gc_error_is(c, GL_INVALID_ENUM, "an unknown access") && ok;
	gc_result(c, gc_no_error(c, "glMapBuffer") && ok);
}

static void check_multi_draw(void)
{
	const char *c = "multi-draw";
	/* Two quads: left half (vertices 0-3) and right half (4-7). */
	const float v[] = {-1, -1, 0, 0, -1, 0, -1, 1, 0, 0, 1, 0,
	                   0,  -1, 0, 1, -1, 0, 0,  1, 0, 1, 1, 0};
	glBindBuffer(GL_ARRAY_BUFFER, vbo);
	glBufferData(GL_ARRAY_BUFFER, sizeof(v), v, GL_STREAM_DRAW);
	glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 0, 0);
	glEnableVertexAttribArray(0);
	glVertexAttrib4f(1, 1, 0, 1, 1);
	glUseProgram(prog_color);
	clear(0, 0, 0);
	const GLint first[2] = {0, 4};
	const GLsizei count[2] = {4, 4};
	glMultiDrawArrays(GL_TRIANGLE_STRIP, first, count, 2);
	bool ok = gc_pixel_is(c, 3, 8, 0xff00ff, "arrays, left") &&
	          gc_pixel_is(c, 12, 8, 0xff00ff, "arrays, right");
	static const GLushort idx[8] = {0, 1, 2, 3, 4, 5, 6, 7};
	GLuint ebo;
	glGenBuffers(1, &ebo);
	glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ebo);
	glBufferData(GL_ELEMENT_ARRAY_BUFFER, sizeof(idx), idx, GL_STATIC_DRAW);
	clear(0, 0, 0);
	glVertexAttrib4f(1, 0, 0, 1, 1);
	const void *offsets[2] = {(void *)(4 * sizeof(GLushort)), (void *)0};
	const GLsizei one[2] = {4, 0};
	glMultiDrawElements(GL_TRIANGLE_STRIP, one, GL_UNSIGNED_SHORT, offsets, 2);
	ok = gc_pixel_is(c, 3, 8, 0x000000, "elements, left (not drawn)") && ok;
	ok = gc_pixel_is(c, 12, 8, 0x0000ff, "elements, right") && ok;
	glMultiDrawArrays(GL_TRIANGLE_STRIP, first, count, -1);
	ok = gc_error_is(c, GL_INVALID_VALUE, "a negative draw count") && ok;
	glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, 0);
	glDeleteBuffers(1, &ebo);
	gc_result(c, gc_no_error(c, "glMultiDraw*") && ok);
}

/* Attribute 3's current value as doubles and floats. */
static bool attrib_is(const char *c, const char *what, double x, double y, double z, double w)
{
	GLdouble d[4] = {-9, -9, -9, -9};
	GLfloat f[4] = {-9, -9, -9, -9};
	glGetVertexAttribdv(3, GL_CURRENT_VERTEX_ATTRIB, d);
	glGetVertexAttribfv(3, GL_CURRENT_VERTEX_ATTRIB, f);
	const double want[4] = {x, y, z, w};
	for (int i = 0; i < 4; i++) {
		double tolerance = 1e-5 * (fabs(want[i]) > 1 ? fabs(want[i]) : 1);
		if (fabs(d[i] - want[i]) > tolerance || fabs(f[i] - want[i]) > tolerance)
			return gc_fail(
			        c,
			        "%s: (%g %g %g %g), floats (%g %g %g %g), expected (%g %g %g %g)",
			        what, d[0], d[1], d[2], d[3], f[0], f[1], f[2], f[3], x, y, z, w);
	}
	return true;
}

static void check_vertex_attrib(void)
{
	const char *c = "vertex-attrib";
	bool ok = true;
	const GLdouble dv[4] = {0.5, 1.5, 2.5, 3.5};
	const GLshort sv[4] = {-2, 3, 4, 5};
	const GLbyte bv[4] = {-128, 127, 0, 64};
	const GLubyte ubv[4] = {255, 0, 51, 255};
	const GLushort usv[4] = {65535, 0, 13107, 65535};
	const GLint iv[4] = {-7, 8, 9, 10};
	const GLuint uiv[4] = {4294967295u, 0, 858993459u, 4294967295u};
	/* Signed normalized values at the ends of their range: GL 4.2's and the older
	 * conversion rules agree there. */
	const GLbyte nbv[4] = {-128, 127, 127, -128};
	const GLshort nsv[4] = {-32768, 32767, 32767, -32768};
	const GLint niv[4] = {-2147483647 - 1, 2147483647, 2147483647, -2147483647 - 1};
#define A(call, ...) (call, attrib_is(c, #call, __VA_ARGS__))
	ok = A(glVertexAttrib1d(3, 0.25), 0.25, 0, 0, 1) && ok;
	ok = A(glVertexAttrib1dv(3, dv), 0.5, 0, 0, 1) && ok;
	ok = A(glVertexAttrib1s(3, -3), -3, 0, 0, 1) && ok;
	ok = A(glVertexAttrib1sv(3, sv), -2, 0, 0, 1) && ok;
	ok = A(glVertexAttrib2d(3, 1.25, 2.25), 1.25, 2.25, 0, 1) && ok;
	ok = A(glVertexAttrib2dv(3, dv), 0.5, 1.5, 0, 1) && ok;
	ok = A(glVertexAttrib2s(3, 6, -6), 6, -6, 0, 1) && ok;
	ok = A(glVertexAttrib2sv(3, sv), -2, 3, 0, 1) && ok;
	ok = A(glVertexAttrib3d(3, 1, 2, 3), 1, 2, 3, 1) && ok;
	ok = A(glVertexAttrib3dv(3, dv), 0.5, 1.5, 2.5, 1) && ok;
	ok = A(glVertexAttrib3s(3, 7, 8, 9), 7, 8, 9, 1) && ok;
	ok = A(glVertexAttrib3sv(3, sv), -2, 3, 4, 1) && ok;
	ok = A(glVertexAttrib4d(3, 4, 3, 2, 1), 4, 3, 2, 1) && ok;
	ok = A(glVertexAttrib4dv(3, dv), 0.5, 1.5, 2.5, 3.5) && ok;
	ok = A(glVertexAttrib4s(3, 1, 2, 3, 4), 1, 2, 3, 4) && ok;
	ok = A(glVertexAttrib4sv(3, sv), -2, 3, 4, 5) && ok;
	ok = A(glVertexAttrib4bv(3, bv), -128, 127, 0, 64) && ok;
	ok = A(glVertexAttrib4ubv(3, ubv), 255, 0, 51, 255) && ok;
	ok = A(glVertexAttrib4usv(3, usv), 65535, 0, 13107, 65535) && ok;
	ok = A(glVertexAttrib4iv(3, iv), -7, 8, 9, 10) && ok;
	ok = A(glVertexAttrib4uiv(3, uiv), 4294967295.0, 0, 858993459.0, 4294967295.0) && ok;
	ok = A(glVertexAttrib4Nub(3, 255, 0, 51, 255), 1, 0, 0.2, 1) && ok;
	ok = A(glVertexAttrib4Nubv(3, ubv), 1, 0, 0.2, 1) && ok;
	ok = A(glVertexAttrib4Nusv(3, usv), 1, 0, 0.2, 1) && ok;
	ok = A(glVertexAttrib4Nuiv(3, uiv), 1, 0, 0.2, 1) && ok;
	ok = A(glVertexAttrib4Nbv(3, nbv), -1, 1, 1, -1) && ok;
	ok = A(glVertexAttrib4Nsv(3, nsv), -1, 1, 1, -1) && ok;
	ok = A(glVertexAttrib4Niv(3, niv), -1, 1, 1, -1) && ok;
#undef A
	/* One drawn: the colour attribute (1) set by a normalized unsigned byte variant. */
	const float q[] = {-1, -1, 0, 1, -1, 0, -1, 1, 0, 1, 1, 0};
	glBindBuffer(GL_ARRAY_BUFFER, vbo);
	glBufferData(GL_ARRAY_BUFFER, sizeof(q), q, GL_STREAM_DRAW);
	glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 0, 0);
	glEnableVertexAttribArray(0);
	glDisableVertexAttribArray(1);
	glVertexAttrib4Nub(1, 255, 128, 0, 255);
	glUseProgram(prog_color);
	clear(0, 0, 0);
	glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
	ok = gc_pixel_is(c, 8, 8, 0xff8000, "drawn with glVertexAttrib4Nub") && ok;
	GLdouble binding = -1;
	glBindBuffer(GL_ARRAY_BUFFER, vbo);
	glGetVertexAttribdv(0, GL_VERTEX_ATTRIB_ARRAY_BUFFER_BINDING, &binding);
	ok = (binding == vbo || gc_fail(c, "array buffer binding %g, not %u", binding, vbo)) && ok;
	gc_result(c, gc_no_error(c, "glVertexAttrib*") && ok);
}

static void check_point_param(void)
{
	const char *c = "point-param";
	GLint origin = 0;
	glPointParameteri(GL_POINT_SPRITE_COORD_ORIGIN, GL_LOWER_LEFT);
	glGetIntegerv(GL_POINT_SPRITE_COORD_ORIGIN, &origin);
	bool ok = origin == GL_LOWER_LEFT || gc_fail(c, "origin 0x%x", origin);
	const GLint upper = GL_UPPER_LEFT;
	glPointParameteriv(GL_POINT_SPRITE_COORD_ORIGIN, &upper);
	glGetIntegerv(GL_POINT_SPRITE_COORD_ORIGIN, &origin);
	ok = (origin == GL_UPPER_LEFT || gc_fail(c, "origin 0x%x after iv", origin)) && ok;
	const GLint two = 2;
	GLfloat fade = 0;
	glPointParameteriv(GL_POINT_FADE_THRESHOLD_SIZE, &two);
	glGetFloatv(GL_POINT_FADE_THRESHOLD_SIZE, &fade);
	ok = (fade == 2.0f || gc_fail(c, "fade threshold %g", fade)) && ok;
	glPointParameteri(GL_POINT_SPRITE_COORD_ORIGIN, GL_RGBA);
	ok = gc_error_is(c, GL_INVALID_VALUE, "an unknown origin") && ok;
	gc_result(c, gc_no_error(c, "glPointParameter*") && ok);
}

static void check_query(void)
{
	const char *c = "query";
	GLuint q;
	glGenQueries(1, &q);
	clear(0, 0, 0);
	glBeginQuery(GL_SAMPLES_PASSED, q);
	quad(0, 1, 1, 1);
	glEndQuery(GL_SAMPLES_PASSED);
	GLint samples = -1, avail = 0;
	glGetQueryObjectiv(q, GL_QUERY_RESULT, &samples);
	glGetQueryObjectiv(q, GL_QUERY_RESULT_AVAILABLE, &avail);
	bool ok = samples == SIZE * SIZE || gc_fail(c, "%d samples passed", samples);
	ok = (avail == 1 || gc_fail(c, "available %d", avail)) && ok;
	glDeleteQueries(1, &q);
	glGetQueryObjectiv(q, GL_QUERY_RESULT, &samples);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "a deleted query") && ok;
	gc_result(c, ok);
}

static void check_get_doublev(void)
{
	const char *c = "get-doublev";
	GLdouble vp[4] = {0};
	glGetDoublev(GL_VIEWPORT, vp);
	bool ok = (vp[0] == 0 && vp[1] == 0 && vp[2] == SIZE && vp[3] == SIZE) ||
	          gc_fail(c, "viewport %g %g %g %g", vp[0], vp[1], vp[2], vp[3]);
	GLdouble align = 0, binding = -1;
	glGetDoublev(GL_PACK_ALIGNMENT, &align);
	glBindBuffer(GL_ARRAY_BUFFER, vbo);
	glGetDoublev(GL_ARRAY_BUFFER_BINDING, &binding);
	ok = (align == 4 || gc_fail(c, "pack alignment %g", align)) && ok;
	ok = (binding == vbo || gc_fail(c, "array buffer binding %g", binding)) && ok;
	glGetDoublev(0x1234, vp);
	ok = gc_error_is(c, GL_INVALID_ENUM, "an unknown pname") && ok;
	gc_result(c, ok);
}

/* The core profile binds generated names only (piglit's gl-3.1-genned-names): a name never
 * generated is GL_INVALID_OPERATION for every bind, the binding unchanged; generated, it
 * binds. */
static void check_genned_names(void)
{
	const char *c = "genned-names";
	const GLuint unused = 0x7777;
	glBindBuffer(GL_ARRAY_BUFFER, vbo);
	glBindBuffer(GL_ARRAY_BUFFER, unused);
	bool ok = gc_error_is(c, GL_INVALID_OPERATION, "glBindBuffer");
	GLint bound = 0;
	glGetIntegerv(GL_ARRAY_BUFFER_BINDING, &bound);
	ok = (bound == (GLint)vbo || gc_fail(c, "GL_ARRAY_BUFFER_BINDING %d", bound)) && ok;
	glBindBufferBase(GL_UNIFORM_BUFFER, 0, unused);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "glBindBufferBase") && ok;
	glBindTexture(GL_TEXTURE_2D, unused);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "glBindTexture") && ok;
	glBindRenderbuffer(GL_RENDERBUFFER, unused);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "glBindRenderbuffer") && ok;
	GLint fb = 0;
	glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &fb);
	glBindFramebuffer(GL_FRAMEBUFFER, unused);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "glBindFramebuffer") && ok;
	GLint still = 0;
	glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &still);
	ok = (still == fb || gc_fail(c, "the framebuffer binding went from %d to %d", fb, still)) &&
	     ok;
	GLuint tex;
	glGenTextures(1, &tex);
	glBindTexture(GL_TEXTURE_2D, tex);
	ok = gc_error_is(c, GL_NO_ERROR, "a generated texture") && ok;
	glBindTexture(GL_TEXTURE_2D, 0);
	glDeleteTextures(1, &tex);
	gc_result(c, ok);
}

/* A program deleted while current is only flagged (GL 4.6 section 7.3): its name lives on,
 * GL_DELETE_STATUS GL_TRUE, deleting it again does nothing, it still draws; glUseProgram of
 * another one deletes it. One never current, or whose glUseProgram failed, goes at once. */
static void check_delete_in_use(void)
{
	const char *c = "delete-program-in-use";
	GLuint p = gc_program(vs_color, NULL, fs_color);
	if (!p) {
		gc_result(c, gc_fail(c, "the program did not build"));
		return;
	}
	clear(1, 0, 0);
	const float v[] = {-1, -1, 0, 1, -1, 0, -1, 1, 0, 1, 1, 0};
	glBindBuffer(GL_ARRAY_BUFFER, vbo);
	glBufferData(GL_ARRAY_BUFFER, sizeof(v), v, GL_STREAM_DRAW);
	glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 0, 0);
	glEnableVertexAttribArray(0);
	glDisableVertexAttribArray(1);
	glVertexAttrib4f(1, 0, 1, 0, 1);
	glUseProgram(p);
	glDeleteProgram(p);
	glDeleteProgram(p);
	glDeleteProgram(p);
	glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
	bool ok = gc_no_error(c, "deleting the current program thrice, drawing with it");
	ok = gc_pixel_is(c, 8, 8, 0x00ff00, "drawn with the flagged program") && ok;
	GLint status = GL_FALSE, current = 0;
	glGetProgramiv(p, GL_DELETE_STATUS, &status);
	glGetIntegerv(GL_CURRENT_PROGRAM, &current);
	ok = gc_no_error(c, "glGetProgramiv of the flagged program") && ok;
	ok = (status == GL_TRUE || gc_fail(c, "GL_DELETE_STATUS %d", status)) && ok;
	ok = ((GLuint)current == p || gc_fail(c, "GL_CURRENT_PROGRAM %d, not %u", current, p)) &&
	     ok;
	ok = (glIsProgram(p) || gc_fail(c, "glIsProgram GL_FALSE while flagged")) && ok;
	glUseProgram(prog_color);
	ok = (!glIsProgram(p) || gc_fail(c, "glIsProgram GL_TRUE once not current")) && ok;
	glGetProgramiv(p, GL_DELETE_STATUS, &status);
	ok = gc_error_is(c, GL_INVALID_VALUE, "glGetProgramiv once not current") && ok;
	glDeleteProgram(p);
	ok = gc_error_is(c, GL_INVALID_VALUE, "glDeleteProgram once not current") && ok;
	GLuint q = gc_program(vs_color, NULL, fs_color);
	glDeleteProgram(q);
	ok = (!glIsProgram(q) || gc_fail(c, "glIsProgram GL_TRUE of one never current")) && ok;
	/* Its glUseProgram fails (never linked): not current, deleted at once. */
	GLuint r = glCreateProgram();
	glUseProgram(r);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "glUseProgram of a program never linked") && ok;
	glDeleteProgram(r);
	ok = (!glIsProgram(r) || gc_fail(c, "glIsProgram GL_TRUE of a refused one")) && ok;
	glGetProgramiv(r, GL_DELETE_STATUS, &status);
	ok = gc_error_is(c, GL_INVALID_VALUE, "glGetProgramiv of a refused one") && ok;
	glGetIntegerv(GL_CURRENT_PROGRAM, &current);
	ok = ((GLuint)current == prog_color ||
	      gc_fail(c, "GL_CURRENT_PROGRAM %d, not %u", current, prog_color)) &&
	     ok;
	glUseProgram(prog_color);
	gc_result(c, gc_no_error(c, "programs deleted in use") && ok);
}

/* A program deleted while current in a context that is then destroyed: GL lets go of it
 * with the context, so it is deleted then (glIsProgram GL_FALSE, deleting it again
 * GL_INVALID_VALUE), in the library and the host as in the driver (the security review's
 * finding 4: both kept the name; its next use ended the link). */
static void check_delete_in_use_of_a_destroyed_context(struct gc_desktop *d)
{
	const char *c = "delete-program-in-use-of-a-destroyed-context";
	EGLint id = 0, n = 0;
	EGLConfig config;
	eglQueryContext(d->dpy, d->ctx, EGL_CONFIG_ID, &id);
	const EGLint want[] = {EGL_CONFIG_ID, id, EGL_NONE};
	const EGLint attribs[] = {EGL_CONTEXT_MAJOR_VERSION,
	                          3,
	                          EGL_CONTEXT_MINOR_VERSION,
	                          2,
	                          EGL_CONTEXT_OPENGL_PROFILE_MASK,
	                          EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
	                          EGL_NONE};
	EGLContext other = EGL_NO_CONTEXT;
	if (eglChooseConfig(d->dpy, want, &config, 1, &n) && n == 1)
		other = eglCreateContext(d->dpy, config, d->ctx, attribs);
	if (other == EGL_NO_CONTEXT ||
	    !eglMakeCurrent(d->dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, other)) {
		gc_result(c, gc_fail(c, "no context sharing with the first (0x%x)", eglGetError()));
		if (other != EGL_NO_CONTEXT)
			eglDestroyContext(d->dpy, other);
		return;
	}
	GLuint p = gc_program(vs_color, NULL, fs_color);
	glUseProgram(p);
	glDeleteProgram(p);
	bool ok = gc_no_error(c, "the current program deleted in the second context");
	eglMakeCurrent(d->dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, d->ctx);
	ok = (glIsProgram(p) || gc_fail(c, "glIsProgram GL_FALSE while current in the other")) &&
	     ok;
	eglDestroyContext(d->dpy, other);
	ok = (!glIsProgram(p) || gc_fail(c, "glIsProgram GL_TRUE once its context went")) && ok;
	glDeleteProgram(p);
	ok = gc_error_is(c, GL_INVALID_VALUE, "glDeleteProgram once its context went") && ok;
	GLuint q = gc_program(vs_color, NULL, fs_color);
	ok = (q || gc_fail(c, "a program made after")) && ok;
	glDeleteProgram(q);
	gc_result(c, gc_no_error(c, "a program deleted in use in a destroyed context") && ok);
}

int main(void)
{
	struct gc_desktop d;
	int status;
	if (!gc_desktop_open(&d, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, 3, 2, &status))
		return status;
	GLuint fb, rb, depth;
	glGenRenderbuffers(1, &rb);
	glBindRenderbuffer(GL_RENDERBUFFER, rb);
	glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, SIZE, SIZE);
	glGenRenderbuffers(1, &depth);
	glBindRenderbuffer(GL_RENDERBUFFER, depth);
	glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH_COMPONENT24, SIZE, SIZE);
	glGenFramebuffers(1, &fb);
	glBindFramebuffer(GL_FRAMEBUFFER, fb);
	glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb);
	glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, depth);
	glViewport(0, 0, SIZE, SIZE);
	glGenVertexArrays(1, &vao);
	glBindVertexArray(vao);
	glGenBuffers(1, &vbo);
	prog_color = gc_program(vs_color, NULL, fs_color);
	prog_tex1d = gc_program(vs_tex, NULL, fs_tex);
	if (!prog_color || !prog_tex1d)
		return printf("FAIL setup: the programs did not build\n"), 1;
	if (!gc_no_error("setup", "the framebuffer and programs"))
		return 1;
	check_delete_in_use();
	check_delete_in_use_of_a_destroyed_context(&d);
	check_depth();
	check_polygon_mode();
	check_draw_buffer();
	check_pixel_store();
	check_tex_1d();
	check_copy_tex_1d();
	check_compressed_1d();
	check_get_tex_image();
	check_compressed();
	check_bgra();
	check_get_buffer();
	check_map_buffer();
	check_multi_draw();
	check_vertex_attrib();
	check_point_param();
	check_query();
	check_get_doublev();
	check_genned_names();
	gc_desktop_check_profile("profile", EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT);
	return gc_desktop_close(&d);
}
