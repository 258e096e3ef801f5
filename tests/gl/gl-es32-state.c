/*
 * gl-es32-state: an OpenGL ES 3.1 app (no window: a surfaceless context on the Wayland
 * display, drawing into a framebuffer object) that uses the ES extensions of OpenGL ES
 * 3.2's draw and state commands its context lists, each checked in the app:
 *
 *   base-vertex       GL_OES/EXT_draw_elements_base_vertex: client arrays and indices, an
 *                     element buffer, the ranged and instanced forms
 *   base-instance     GL_EXT_base_instance: an instanced client array read from the base
 *   draw-buffers-indexed, sample-shading, border-clamp, copy-image, robustness (bounded
 *   reads, a pack buffer, the reset status), ms-array-storage, blend-barrier (and its
 *   GLSL layout), stencil8, reset-strategy (EGL)
 *   and the shading-language and render-state extensions of gl-es32-exts.c
 *
 * Prints "PASS <check>", "FAIL <check>: why" or "SKIP <check>: why" per check, "info: ..."
 * lines, then "done". Exit status 0 when nothing failed, 77 without an ES 3.1 context.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GLES3/gl31.h>
#include <GLES2/gl2ext.h>
#include <wayland-client.h>

#include "gl-checks.h"
#include "gl-es32-exts.h"

#define PROC(type, name) type name = (type)eglGetProcAddress(#name)

static const char *vs_color = "#version 300 es\n"
                              "in vec2 pos; in vec4 color; out vec4 c;\n"
                              "void main() { c = color; gl_Position = vec4(pos, 0.0, 1.0); }\n";
static const char *fs_color = "#version 300 es\nprecision mediump float;\n"
                              "in vec4 c; out vec4 o;\n"
                              "void main() { o = c; }\n";

/* The centre pixel of the 4x4 framebuffer, as 0xrrggbb. */
static unsigned centre(void)
{
	unsigned char p[4] = {0};
	glReadPixels(2, 2, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, p);
	return (unsigned)p[0] << 16 | (unsigned)p[1] << 8 | p[2];
}

static bool pixel_is(const char *check, unsigned want, const char *what)
{
	unsigned got = centre();
	return got == want || gc_fail(check, "%s: pixel %06x, expected %06x", what, got, want);
}

/* Six vertices: a red triangle off to the side, then a green one over the whole target. */
static const float big[] = {0.8f, 0.8f, 0.9f, 0.8f, 0.9f, 0.9f, -1, -1, 3, -1, -1, 3};
static const float colors[] = {1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1,
                               0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1};

static void client_arrays(void)
{
	glBindBuffer(GL_ARRAY_BUFFER, 0);
	glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, big);
	glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, 0, colors);
	glEnableVertexAttribArray(0);
	glEnableVertexAttribArray(1);
	glVertexAttribDivisor(1, 0);
}

static bool base_vertex(void)
{
	const char *c = "base-vertex";
	const char *suffix = gc_has("GL_OES_draw_elements_base_vertex") ? "OES" : "EXT";
	char name[64];
	snprintf(name, sizeof(name), "glDrawElementsBaseVertex%s", suffix);
	PFNGLDRAWELEMENTSBASEVERTEXOESPROC draw = (void *)eglGetProcAddress(name);
	snprintf(name, sizeof(name), "glDrawRangeElementsBaseVertex%s", suffix);
	PFNGLDRAWRANGEELEMENTSBASEVERTEXOESPROC range = (void *)eglGetProcAddress(name);
	snprintf(name, sizeof(name), "glDrawElementsInstancedBaseVertex%s", suffix);
	PFNGLDRAWELEMENTSINSTANCEDBASEVERTEXOESPROC inst = (void *)eglGetProcAddress(name);
	if (!draw || !range || !inst)
		return gc_fail(c, "no entry points for %s", suffix);
	static const GLushort idx[3] = {0, 1, 2};
	bool ok = true;
	client_arrays();
	glClear(GL_COLOR_BUFFER_BIT);
	draw(GL_TRIANGLES, 3, GL_UNSIGNED_SHORT, idx, 3);
	ok = pixel_is(c, 0x00ff00, "client indices, base vertex 3") && ok;
	GLuint eb;
	glGenBuffers(1, &eb);
	glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, eb);
	glBufferData(GL_ELEMENT_ARRAY_BUFFER, sizeof(idx), idx, GL_STATIC_DRAW);
	glClear(GL_COLOR_BUFFER_BIT);
	range(GL_TRIANGLES, 0, 2, 3, GL_UNSIGNED_SHORT, NULL, 3);
	ok = pixel_is(c, 0x00ff00, "element buffer, ranged, base vertex 3") && ok;
	glClear(GL_COLOR_BUFFER_BIT);
	inst(GL_TRIANGLES, 3, GL_UNSIGNED_SHORT, NULL, 2, 0);
	ok = pixel_is(c, 0x000000, "instanced, base vertex 0 (the red triangle is off centre)") &&
	     ok;
	glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, 0);
	glDeleteBuffers(1, &eb);
	return gc_error_is(c, GL_NO_ERROR, "the draws") && ok;
}

static bool base_instance(void)
{
	const char *c = "base-instance";
	PROC(PFNGLDRAWARRAYSINSTANCEDBASEINSTANCEEXTPROC, glDrawArraysInstancedBaseInstanceEXT);
	PROC(PFNGLDRAWELEMENTSINSTANCEDBASEVERTEXBASEINSTANCEEXTPROC,
	     glDrawElementsInstancedBaseVertexBaseInstanceEXT);
	static const float per_instance[] = {1, 0, 0, 1, 1, 0, 0, 1, 0, 0, 1, 1};
	static const GLushort idx[3] = {0, 1, 2};
	bool ok = true;
	client_arrays();
	glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, 0, per_instance);
	glVertexAttribDivisor(1, 1);
	glClear(GL_COLOR_BUFFER_BIT);
	glDrawArraysInstancedBaseInstanceEXT(GL_TRIANGLES, 3, 3, 1, 2);
	ok = pixel_is(c, 0x0000ff, "arrays, base instance 2") && ok;
	glClear(GL_COLOR_BUFFER_BIT);
	glDrawElementsInstancedBaseVertexBaseInstanceEXT(GL_TRIANGLES, 3, GL_UNSIGNED_SHORT, idx, 1,
	                                                 3, 2);
	ok = pixel_is(c, 0x0000ff, "elements, base vertex 3, base instance 2") && ok;
	glVertexAttribDivisor(1, 0);
	return gc_error_is(c, GL_NO_ERROR, "the draws") && ok;
}

static bool draw_buffers_indexed(void)
{
	const char *c = "draw-buffers-indexed";
	PROC(PFNGLENABLEIOESPROC, glEnableiOES);
	PROC(PFNGLDISABLEIOESPROC, glDisableiOES);
	PROC(PFNGLISENABLEDIOESPROC, glIsEnablediOES);
	PROC(PFNGLCOLORMASKIOESPROC, glColorMaskiOES);
	PROC(PFNGLBLENDFUNCIOESPROC, glBlendFunciOES);
	PROC(PFNGLBLENDEQUATIONIOESPROC, glBlendEquationiOES);
	bool ok = true;
	glEnableiOES(GL_BLEND, 0);
	ok = (glIsEnablediOES(GL_BLEND, 0) || gc_fail(c, "GL_BLEND 0 not enabled")) && ok;
	glColorMaskiOES(0, GL_TRUE, GL_FALSE, GL_TRUE, GL_FALSE);
	GLboolean mask[4] = {0};
	glGetBooleani_v(GL_COLOR_WRITEMASK, 0, mask);
	ok = ((mask[0] && !mask[1] && mask[2] && !mask[3]) ||
	      gc_fail(c, "GL_COLOR_WRITEMASK 0 is %d%d%d%d", mask[0], mask[1], mask[2], mask[3])) &&
	     ok;
	glBlendFunciOES(0, GL_ONE, GL_SRC_ALPHA);
	glBlendEquationiOES(0, GL_FUNC_REVERSE_SUBTRACT);
	GLint src = 0, dst = 0, eq = 0;
	glGetIntegeri_v(GL_BLEND_SRC_RGB, 0, &src);
	glGetIntegeri_v(GL_BLEND_DST_ALPHA, 0, &dst);
	glGetIntegeri_v(GL_BLEND_EQUATION_RGB, 0, &eq);
	ok = ((src == GL_ONE && dst == GL_SRC_ALPHA && eq == GL_FUNC_REVERSE_SUBTRACT) ||
	      gc_fail(c, "blend state 0x%x 0x%x 0x%x", src, dst, eq)) &&
	     ok;
	ok = gc_error_is(c, GL_NO_ERROR, "the indexed state") && ok;
	glEnableiOES(GL_BLEND, 1000);
	ok = gc_error_is(c, GL_INVALID_VALUE, "glEnablei past GL_MAX_DRAW_BUFFERS") && ok;
	glDisableiOES(GL_BLEND, 0);
	glColorMaskiOES(0, GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
	glBlendEquationiOES(0, GL_FUNC_ADD);
	return ok;
}

static bool sample_shading(void)
{
	const char *c = "sample-shading";
	PROC(PFNGLMINSAMPLESHADINGOESPROC, glMinSampleShadingOES);
	glMinSampleShadingOES(0.5f);
	GLfloat v = 0;
	glGetFloatv(GL_MIN_SAMPLE_SHADING_VALUE_OES, &v);
	return (v == 0.5f || gc_fail(c, "GL_MIN_SAMPLE_SHADING_VALUE is %g", v)) &&
	       gc_error_is(c, GL_NO_ERROR, "glMinSampleShading");
}

static bool border_clamp(void)
{
	const char *c = "border-clamp";
	bool oes = gc_has("GL_OES_texture_border_clamp");
	PFNGLTEXPARAMETERIIVOESPROC set =
	        (void *)eglGetProcAddress(oes ? "glTexParameterIivOES" : "glTexParameterIivEXT");
	PFNGLGETTEXPARAMETERIIVOESPROC get = (void *)eglGetProcAddress(
	        oes ? "glGetTexParameterIivOES" : "glGetTexParameterIivEXT");
	PFNGLSAMPLERPARAMETERIUIVOESPROC sset = (void *)eglGetProcAddress(
	        oes ? "glSamplerParameterIuivOES" : "glSamplerParameterIuivEXT");
	PFNGLGETSAMPLERPARAMETERIUIVOESPROC sget = (void *)eglGetProcAddress(
	        oes ? "glGetSamplerParameterIuivOES" : "glGetSamplerParameterIuivEXT");
	GLuint tex, sampler;
	glGenTextures(1, &tex);
	glBindTexture(GL_TEXTURE_2D, tex);
	static const GLint border[4] = {1, -2, 3, 400};
	static const GLuint uborder[4] = {5, 6, 7, 70000};
	GLint got[4] = {0};
	GLuint ugot[4] = {0};
	set(GL_TEXTURE_2D, GL_TEXTURE_BORDER_COLOR_OES, border);
	get(GL_TEXTURE_2D, GL_TEXTURE_BORDER_COLOR_OES, got);
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_BORDER_OES);
	GLint wrap[4] = {0};
	get(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, wrap);
	glGenSamplers(1, &sampler);
	sset(sampler, GL_TEXTURE_BORDER_COLOR_OES, uborder);
	sget(sampler, GL_TEXTURE_BORDER_COLOR_OES, ugot);
	bool ok = (memcmp(got, border, sizeof(got)) == 0 ||
	           gc_fail(c, "texture border %d %d %d %d", got[0], got[1], got[2], got[3]));
	ok = (memcmp(ugot, uborder, sizeof(ugot)) == 0 ||
	      gc_fail(c, "sampler border %u %u %u %u", ugot[0], ugot[1], ugot[2], ugot[3])) &&
	     ok;
	ok = (wrap[0] == GL_CLAMP_TO_BORDER_OES || gc_fail(c, "wrap 0x%x", wrap[0])) && ok;
	glDeleteSamplers(1, &sampler);
	glDeleteTextures(1, &tex);
	return gc_error_is(c, GL_NO_ERROR, "the parameters") && ok;
}

static GLuint texture_4x4(const unsigned char rgba[4])
{
	unsigned char texels[64];
	for (int i = 0; i < 64; i++)
		texels[i] = rgba[i % 4];
	GLuint t;
	glGenTextures(1, &t);
	glBindTexture(GL_TEXTURE_2D, t);
	glTexStorage2D(GL_TEXTURE_2D, 1, GL_RGBA8, 4, 4);
	glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, 4, 4, GL_RGBA, GL_UNSIGNED_BYTE, texels);
	return t;
}

static bool copy_image(GLuint fb)
{
	const char *c = "copy-image";
	PFNGLCOPYIMAGESUBDATAOESPROC copy = (void *)eglGetProcAddress(
	        gc_has("GL_OES_copy_image") ? "glCopyImageSubDataOES" : "glCopyImageSubDataEXT");
	static const unsigned char red[4] = {255, 0, 0, 255}, blue[4] = {0, 0, 255, 255};
	GLuint src = texture_4x4(red), dst = texture_4x4(blue), fb2;
	copy(src, GL_TEXTURE_2D, 0, 0, 0, 0, dst, GL_TEXTURE_2D, 0, 0, 0, 0, 4, 4, 1);
	bool ok = gc_error_is(c, GL_NO_ERROR, "a 4x4 copy");
	glGenFramebuffers(1, &fb2);
	glBindFramebuffer(GL_FRAMEBUFFER, fb2);
	glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, dst, 0);
	ok = pixel_is(c, 0xff0000, "the copy") && ok;
	glBindFramebuffer(GL_FRAMEBUFFER, fb);
	glDeleteFramebuffers(1, &fb2);
	copy(src, GL_TEXTURE_2D, 0, 0, 0, 0, 12345, GL_TEXTURE_2D, 0, 0, 0, 0, 4, 4, 1);
	ok = gc_error_is(c, GL_INVALID_VALUE, "a copy into a name never generated") && ok;
	copy(src, GL_TEXTURE_2D, 0, 0, 0, 0, dst, GL_TEXTURE_2D, 0, 0, 0, 0, 64, 4, 1);
	ok = gc_error_is(c, GL_INVALID_VALUE, "a region past the texture") && ok;
	glDeleteTextures(1, &src);
	glDeleteTextures(1, &dst);
	return ok;
}

static bool robustness(void)
{
	const char *c = "robustness";
	bool khr = gc_has("GL_KHR_robustness");
	PFNGLGETGRAPHICSRESETSTATUSKHRPROC status = (void *)eglGetProcAddress(
	        khr ? "glGetGraphicsResetStatusKHR" : "glGetGraphicsResetStatusEXT");
	PFNGLREADNPIXELSKHRPROC readn =
	        (void *)eglGetProcAddress(khr ? "glReadnPixelsKHR" : "glReadnPixelsEXT");
	PFNGLGETNUNIFORMFVKHRPROC getn =
	        (void *)eglGetProcAddress(khr ? "glGetnUniformfvKHR" : "glGetnUniformfvEXT");
	bool ok = true;
	GLenum st = status();
	ok = (st == GL_NO_ERROR || gc_fail(c, "reset status 0x%x", st)) && ok;
	glClearColor(0, 1, 0, 1);
	glClear(GL_COLOR_BUFFER_BIT);
	glClearColor(0, 0, 0, 1);
	unsigned char p[8] = {0};
	readn(2, 2, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, 3, p);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "4 bytes into a bufSize of 3") && ok;
	readn(2, 2, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, 8, p);
	ok = ((p[1] == 255 && p[0] == 0) || gc_fail(c, "read %02x%02x%02x", p[0], p[1], p[2])) &&
	     ok;
	GLuint pack;
	glGenBuffers(1, &pack);
	glBindBuffer(GL_PIXEL_PACK_BUFFER, pack);
	glBufferData(GL_PIXEL_PACK_BUFFER, 8, NULL, GL_STREAM_READ);
	readn(2, 2, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, 4, (void *)4);
	const unsigned char *m = glMapBufferRange(GL_PIXEL_PACK_BUFFER, 4, 4, GL_MAP_READ_BIT);
	ok = ((m && m[1] == 255) || gc_fail(c, "the pack buffer has %02x", m ? m[1] : 0)) && ok;
	glUnmapBuffer(GL_PIXEL_PACK_BUFFER);
	glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
	glDeleteBuffers(1, &pack);
	GLuint prog = gc_program(vs_color, NULL,
	                         "#version 300 es\nprecision mediump float;\n"
	                         "uniform vec4 u; out vec4 o;\n"
	                         "void main() { o = u; }\n");
	GLint loc = glGetUniformLocation(prog, "u");
	glUseProgram(prog);
	glUniform4f(loc, 1, 2, 3, 4);
	GLfloat u[4] = {0};
	getn(prog, loc, 8, u);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "a vec4 into a bufSize of 8") && ok;
	getn(prog, loc, 16, u);
	ok = ((u[0] == 1 && u[3] == 4) ||
	      gc_fail(c, "uniform %g %g %g %g", u[0], u[1], u[2], u[3])) &&
	     ok;
	glDeleteProgram(prog);
	return gc_error_is(c, GL_NO_ERROR, "the bounded reads") && ok;
}

static bool ms_array_storage(void)
{
	const char *c = "ms-array-storage";
	PROC(PFNGLTEXSTORAGE3DMULTISAMPLEOESPROC, glTexStorage3DMultisampleOES);
	GLuint t;
	glGenTextures(1, &t);
	glBindTexture(GL_TEXTURE_2D_MULTISAMPLE_ARRAY_OES, t);
	glTexStorage3DMultisampleOES(GL_TEXTURE_2D_MULTISAMPLE_ARRAY_OES, 4, GL_RGBA8, 8, 8, 3,
	                             GL_TRUE);
	GLint immutable = 0;
	glGetTexParameteriv(GL_TEXTURE_2D_MULTISAMPLE_ARRAY_OES, GL_TEXTURE_IMMUTABLE_FORMAT,
	                    &immutable);
	glDeleteTextures(1, &t);
	return gc_error_is(c, GL_NO_ERROR, "glTexStorage3DMultisample") &&
	       (immutable || gc_fail(c, "the storage is not immutable"));
}

static bool blend_barrier(void)
{
	const char *c = "blend-barrier";
	PROC(PFNGLBLENDBARRIERKHRPROC, glBlendBarrierKHR);
	GLuint p =
	        gc_program("#version 300 es\nin vec2 pos;\n"
	                   "void main() { gl_Position = vec4(pos, 0.0, 1.0); }\n",
	                   NULL,
	                   "#version 300 es\n#extension GL_KHR_blend_equation_advanced : require\n"
	                   "precision mediump float;\n"
	                   "layout(blend_support_multiply) out;\n"
	                   "layout(location = 0) out vec4 o;\n"
	                   "void main() { o = vec4(0.5, 1.0, 1.0, 1.0); }\n");
	if (!p)
		return gc_fail(c, "a shader with layout(blend_support_multiply) did not build");
	glUseProgram(p);
	client_arrays();
	glDisableVertexAttribArray(1);
	glClearColor(1, 1, 1, 1);
	glClear(GL_COLOR_BUFFER_BIT);
	glClearColor(0, 0, 0, 1);
	glEnable(GL_BLEND);
	glBlendEquation(GL_MULTIPLY_KHR);
	glDrawArrays(GL_TRIANGLES, 3, 3);
	glBlendBarrierKHR();
	glBlendEquation(GL_FUNC_ADD);
	glDisable(GL_BLEND);
	unsigned got = centre();
	glDeleteProgram(p);
	return gc_error_is(c, GL_NO_ERROR, "the advanced blend") &&
	       ((got >> 16 >= 0x7e && got >> 16 <= 0x81 && (got & 0xffff) == 0xffff) ||
	        gc_fail(c, "multiply gave %06x", got));
}

static void run_checks(GLuint fb, GLuint prog)
{
	static const struct {
		const char *check, *ext, *alt;
	} checks[] = {
	        {"base-vertex", "GL_OES_draw_elements_base_vertex",
	         "GL_EXT_draw_elements_base_vertex"},
	        {"base-instance", "GL_EXT_base_instance", NULL},
	        {"draw-buffers-indexed", "GL_OES_draw_buffers_indexed", NULL},
	        {"sample-shading", "GL_OES_sample_shading", NULL},
	        {"border-clamp", "GL_OES_texture_border_clamp", "GL_EXT_texture_border_clamp"},
	        {"copy-image", "GL_OES_copy_image", "GL_EXT_copy_image"},
	        {"robustness", "GL_KHR_robustness", "GL_EXT_robustness"},
	        {"ms-array-storage", "GL_OES_texture_storage_multisample_2d_array", NULL},
	        {"blend-barrier", "GL_KHR_blend_equation_advanced", NULL},
	        {"stencil8", "GL_OES_texture_stencil8", NULL},
	};
	for (size_t i = 0; i < sizeof(checks) / sizeof(checks[0]); i++) {
		const char *c = checks[i].check;
		if (!gc_has(checks[i].ext) && !(checks[i].alt && gc_has(checks[i].alt))) {
			printf("SKIP %s: %s not listed\n", c, checks[i].ext);
			continue;
		}
		glUseProgram(prog);
		bool ok = false;
		switch (i) {
		case 0:
			ok = base_vertex();
			break;
		case 1:
			ok = base_instance();
			break;
		case 2:
			ok = draw_buffers_indexed();
			break;
		case 3:
			ok = sample_shading();
			break;
		case 4:
			ok = border_clamp();
			break;
		case 5:
			ok = copy_image(fb);
			break;
		case 6:
			ok = robustness();
			break;
		case 7:
			ok = ms_array_storage();
			break;
		case 8:
			ok = blend_barrier();
			break;
		case 9: {
			GLuint t;
			glGenTextures(1, &t);
			glBindTexture(GL_TEXTURE_2D, t);
			glTexStorage2D(GL_TEXTURE_2D, 1, GL_STENCIL_INDEX8_OES, 4, 4);
			glDeleteTextures(1, &t);
			ok = gc_error_is(c, GL_NO_ERROR, "a GL_STENCIL_INDEX8 texture");
			break;
		}
		}
		gc_result(c, ok);
	}
}

/* EGL_EXT_create_context_robustness: an ES 3.1 context that loses itself on reset. */
static EGLContext make_context(EGLDisplay dpy, EGLConfig config)
{
	const char *egl_exts = eglQueryString(dpy, EGL_EXTENSIONS);
	if (egl_exts && strstr(egl_exts, "EGL_EXT_create_context_robustness")) {
		const EGLint lose[] = {EGL_CONTEXT_MAJOR_VERSION,
		                       3,
		                       EGL_CONTEXT_MINOR_VERSION,
		                       1,
		                       EGL_CONTEXT_OPENGL_RESET_NOTIFICATION_STRATEGY_EXT,
		                       EGL_LOSE_CONTEXT_ON_RESET_EXT,
		                       EGL_NONE};
		EGLContext ctx = eglCreateContext(dpy, config, EGL_NO_CONTEXT, lose);
		if (ctx != EGL_NO_CONTEXT) {
			printf("info: reset-strategy asked\n");
			return ctx;
		}
		printf("SKIP reset-strategy: EGL refused LOSE_CONTEXT_ON_RESET (0x%x)\n",
		       eglGetError());
	} else {
		printf("SKIP reset-strategy: no EGL_EXT_create_context_robustness\n");
	}
	const EGLint attribs[] = {EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 1,
	                          EGL_NONE};
	return eglCreateContext(dpy, config, EGL_NO_CONTEXT, attribs);
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
	const EGLint want[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_ES3_BIT_KHR, EGL_NONE};
	if (!eglInitialize(dpy, &major, &minor) || !eglBindAPI(EGL_OPENGL_ES_API) ||
	    !eglChooseConfig(dpy, want, &config, 1, &n) || n < 1)
		return printf("FAIL setup: EGL (0x%x)\n", eglGetError()), 1;
	EGLContext ctx = make_context(dpy, config);
	if (ctx == EGL_NO_CONTEXT || !eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, ctx))
		return printf("SKIP setup: no OpenGL ES 3.1 context (0x%x)\n", eglGetError()), 77;
	gc_extensions((const char *)glGetString(GL_EXTENSIONS), NULL);
	printf("info: GL_VERSION %s\n", (const char *)glGetString(GL_VERSION));
	GLint strategy = 0;
	glGetIntegerv(GL_RESET_NOTIFICATION_STRATEGY_KHR, &strategy);
	if (strategy == GL_LOSE_CONTEXT_ON_RESET_KHR)
		printf("PASS reset-strategy\n");
	else
		printf("info: reset notification strategy 0x%x\n", strategy);
	GLuint fb, rb;
	glGenRenderbuffers(1, &rb);
	glBindRenderbuffer(GL_RENDERBUFFER, rb);
	glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, 4, 4);
	glGenFramebuffers(1, &fb);
	glBindFramebuffer(GL_FRAMEBUFFER, fb);
	glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb);
	glViewport(0, 0, 4, 4);
	GLuint prog = gc_program(vs_color, NULL, fs_color);
	if (!prog)
		return printf("FAIL setup: the program did not build\n"), 1;
	run_checks(fb, prog);
	es32_ext_checks(fb);
	eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
	eglDestroyContext(dpy, ctx);
	eglTerminate(dpy);
	wl_display_disconnect(wl);
	printf("done\n");
	return gc_failures() ? 1 : 0;
}
