/*
 * gl-es2-formats' framebuffer checks (see gl-es2-formats.c): stencil and depth-stencil
 * readbacks, sRGB write control, rendering into a mipmap level, depth cube maps. Each
 * makes its own framebuffer object and binds the app's back before it returns.
 */
#include <stdint.h>
#include <string.h>

#include <GLES2/gl2.h>
#include <GLES2/gl2ext.h>

#include "gl-checks.h"
#include "gl-es2-formats.h"

/* NV_read_stencil, NV_read_depth_stencil: values gl2ext.h does not name */
#define GL_STENCIL_INDEX_NV 0x1901

/* A framebuffer object of an RGBA8 colour and a depth-stencil renderbuffer, bound. */
static GLuint depth_stencil_framebuffer(GLuint rb[2])
{
	GLuint fb;
	glGenRenderbuffers(2, rb);
	glBindRenderbuffer(GL_RENDERBUFFER, rb[0]);
	glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8_OES, N, N);
	glBindRenderbuffer(GL_RENDERBUFFER, rb[1]);
	glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8_OES, N, N);
	glGenFramebuffers(1, &fb);
	glBindFramebuffer(GL_FRAMEBUFFER, fb);
	glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb[0]);
	glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, rb[1]);
	glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_STENCIL_ATTACHMENT, GL_RENDERBUFFER, rb[1]);
	return fb;
}

static void drop(GLuint fb, GLuint *rb, int n_rb, GLuint app_fb)
{
	glBindFramebuffer(GL_FRAMEBUFFER, app_fb);
	glDeleteFramebuffers(1, &fb);
	glDeleteRenderbuffers(n_rb, rb);
}

/* NV_read_stencil and NV_read_depth_stencil: the cleared values read back, the bytes past
 * the image untouched. */
void fmt_check_read_stencil(GLuint app_fb)
{
	bool stencil = gc_needs("read-stencil", "GL_NV_read_stencil");
	bool depth_stencil = gc_needs("read-depth-stencil", "GL_NV_read_depth_stencil");
	if (!stencil && !depth_stencil)
		return;
	GLuint rb[2], fb = depth_stencil_framebuffer(rb);
	glClearStencil(0x5a);
	glClearDepthf(1.0f);
	glClear(GL_STENCIL_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
	if (stencil) {
		unsigned char out[N * N + 4];
		memset(out, 0xee, sizeof(out));
		glReadPixels(0, 0, N, N, GL_STENCIL_INDEX_NV, GL_UNSIGNED_BYTE, out);
		bool ok = gc_no_error("read-stencil", "glReadPixels(GL_STENCIL_INDEX)");
		for (int i = 0; ok && i < N * N + 4; i++)
			if (out[i] != (i < N * N ? 0x5a : 0xee))
				ok = gc_fail("read-stencil", "byte %d is 0x%02x", i, out[i]);
		fmt_data("read-stencil", out, sizeof(out));
		gc_result("read-stencil", ok);
	}
	if (depth_stencil) {
		uint32_t out[N * N + 1];
		memset(out, 0xee, sizeof(out));
		glReadPixels(0, 0, N, N, GL_DEPTH_STENCIL_OES, GL_UNSIGNED_INT_24_8_OES, out);
		bool ok = gc_no_error("read-depth-stencil", "glReadPixels(GL_DEPTH_STENCIL)");
		for (int i = 0; ok && i < N * N; i++)
			if (out[i] != 0xffffff5au)
				ok = gc_fail("read-depth-stencil", "value %d is 0x%08x", i, out[i]);
		ok = ok && (out[N * N] == 0xeeeeeeeeu ||
		            gc_fail("read-depth-stencil", "the word past the image changed"));
		fmt_data("read-depth-stencil", out, sizeof(out));
		gc_result("read-depth-stencil", ok);
	}
	drop(fb, rb, 2, app_fb);
}

/* EXT_sRGB_write_control: 0.5 written to an sRGB colour buffer is stored as 0.5 (128) with
 * GL_FRAMEBUFFER_SRGB_EXT disabled, encoded (188) with it enabled. */
void fmt_check_srgb_write_control(GLuint app_fb, GLuint color_prog)
{
	const char *check = "srgb-write-control";
	/* GL_SRGB8_ALPHA8 is renderable in ES 3 (the "ES 2" context is 3.2 on both sides here)
	 * and with EXT_sRGB. */
	if (!gc_needs(check, "GL_EXT_sRGB_write_control"))
		return;
	GLuint rb, fb;
	glGenRenderbuffers(1, &rb);
	glBindRenderbuffer(GL_RENDERBUFFER, rb);
	glRenderbufferStorage(GL_RENDERBUFFER, GL_SRGB8_ALPHA8_EXT, N, N);
	glGenFramebuffers(1, &fb);
	glBindFramebuffer(GL_FRAMEBUFFER, fb);
	glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb);
	glUseProgram(color_prog);
	glUniform4f(glGetUniformLocation(color_prog, "c"), 0.5f, 0.5f, 0.5f, 1.0f);
	unsigned char plain[4], encoded[4];
	glDisable(GL_FRAMEBUFFER_SRGB_EXT);
	GLboolean off = glIsEnabled(GL_FRAMEBUFFER_SRGB_EXT);
	fmt_quad();
	glReadPixels(0, 0, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, plain);
	glEnable(GL_FRAMEBUFFER_SRGB_EXT);
	GLboolean on = glIsEnabled(GL_FRAMEBUFFER_SRGB_EXT);
	fmt_quad();
	glReadPixels(0, 0, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, encoded);
	bool ok = gc_no_error(check, "draws with GL_FRAMEBUFFER_SRGB_EXT off and on");
	ok = ok && (!off && on ? true : gc_fail(check, "glIsEnabled says %d then %d", off, on));
	ok = ok && (abs(plain[0] - 128) <= 2 ||
	            gc_fail(check, "written with the encoding off: %d, not 128", plain[0]));
	ok = ok && (abs(encoded[0] - 188) <= 2 ||
	            gc_fail(check, "written with the encoding on: %d, not 188", encoded[0]));
	gc_result(check, ok);
	drop(fb, &rb, 1, app_fb);
}

/* OES_fbo_render_mipmap: level 1 of a texture as the colour attachment. */
void fmt_check_fbo_render_mipmap(GLuint app_fb)
{
	const char *check = "fbo-render-mipmap";
	if (!gc_needs(check, "GL_OES_fbo_render_mipmap"))
		return;
	GLuint t, fb;
	glGenTextures(1, &t);
	glBindTexture(GL_TEXTURE_2D, t);
	for (int level = 0, size = 2 * N; size; level++, size /= 2) /* a complete chain */
		glTexImage2D(GL_TEXTURE_2D, level, GL_RGBA, size, size, 0, GL_RGBA,
		             GL_UNSIGNED_BYTE, NULL);
	glGenFramebuffers(1, &fb);
	glBindFramebuffer(GL_FRAMEBUFFER, fb);
	glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, t, 1);
	GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
	glClearColor(0.0f, 1.0f, 0.0f, 1.0f);
	glClear(GL_COLOR_BUFFER_BIT);
	unsigned char out[N * N * 4];
	glReadPixels(0, 0, N, N, GL_RGBA, GL_UNSIGNED_BYTE, out);
	bool ok = gc_no_error(check, "level 1 attached, cleared and read");
	ok = ok && (status == GL_FRAMEBUFFER_COMPLETE ||
	            gc_fail(check, "framebuffer status 0x%x", status));
	ok = ok && fmt_pixel_is(check, out, N - 1, N - 1, 0, 255, 0, 255);
	fmt_data(check, out, sizeof(out));
	gc_result(check, ok);
	glClearColor(0.0f, 0.0f, 0.0f, 0.0f);
	glBindFramebuffer(GL_FRAMEBUFFER, app_fb);
	glDeleteFramebuffers(1, &fb);
	glDeleteTextures(1, &t);
}

/* OES_depth_texture_cube_map: every face a depth image, one attached as the depth buffer. */
void fmt_check_depth_cube_map(GLuint app_fb)
{
	const char *check = "depth-texture-cube-map";
	if (!gc_needs(check, "GL_OES_depth_texture_cube_map"))
		return;
	GLuint t, rb, fb;
	glGenTextures(1, &t);
	glBindTexture(GL_TEXTURE_CUBE_MAP, t);
	for (int f = 0; f < 6; f++)
		glTexImage2D(GL_TEXTURE_CUBE_MAP_POSITIVE_X + f, 0, GL_DEPTH_COMPONENT, N, N, 0,
		             GL_DEPTH_COMPONENT, GL_UNSIGNED_INT, NULL);
	glTexParameteri(GL_TEXTURE_CUBE_MAP, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
	glTexParameteri(GL_TEXTURE_CUBE_MAP, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
	bool ok = gc_no_error(check, "six depth faces");
	glGenRenderbuffers(1, &rb);
	glBindRenderbuffer(GL_RENDERBUFFER, rb);
	glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8_OES, N, N);
	glGenFramebuffers(1, &fb);
	glBindFramebuffer(GL_FRAMEBUFFER, fb);
	glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb);
	glFramebufferTexture2D(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_TEXTURE_CUBE_MAP_NEGATIVE_Z,
	                       t, 0);
	GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
	glClear(GL_DEPTH_BUFFER_BIT);
	ok = ok && gc_no_error(check, "a face as the depth attachment, cleared");
	ok = ok && (status == GL_FRAMEBUFFER_COMPLETE ||
	            gc_fail(check, "framebuffer status 0x%x", status));
	gc_result(check, ok);
	glBindFramebuffer(GL_FRAMEBUFFER, app_fb);
	glDeleteFramebuffers(1, &fb);
	glDeleteRenderbuffers(1, &rb);
	glDeleteTextures(1, &t);
}
