/*
 * gl-es2-ext: an OpenGL ES 2.0 app (no window: a surfaceless context on the Wayland display,
 * drawing into a framebuffer object) that uses the ES 2 extensions bringing commands its
 * context lists, each checked in the app by values or pixels read back:
 *
 *   surfaceless       GL_OES_surfaceless_context: no default framebuffer
 *   occlusion-query   GL_EXT_occlusion_query_boolean: samples passed, none passed
 *   timer-query       GL_EXT_disjoint_timer_query: elapsed time, timestamps, counter bits
 *   separate-shader-objects  GL_EXT_separate_shader_objects: a pipeline of two programs
 *   texture-3d        GL_OES_texture_3D: slices uploaded, replaced, copied, rendered to
 *   multi-draw        GL_EXT_multi_draw_arrays: client arrays read by two distant draws,
 *                     client and buffer indices
 *   draw-instanced    GL_EXT_draw_instanced: gl_InstanceIDEXT places each instance
 *   debug-label       GL_EXT_debug_label: labels set, read, truncated, removed
 *   nv-draw-buffers, nv-read-buffer, nv-pixel-buffer-object  the NV ES 2 aliases
 *   egl-sync          GL_OES_EGL_sync: an EGL fence in this context's commands
 *   es1-multi-draw    GL_EXT_multi_draw_arrays on an OpenGL ES 1.1 context of the display
 *
 * With --es3 the context is OpenGL ES 3.0 or later and one more check runs:
 *   egl-image-storage GL_EXT_EGL_image_storage (Mesa offers it on ES 3 only)
 *
 * Prints "PASS <check>", "FAIL <check>: why" or "SKIP <check>: why" per check, "info: ..."
 * lines, then "done". Exit status 0 when nothing failed, 77 without the context asked for.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GLES2/gl2.h>
#include <GLES2/gl2ext.h>
#include <wayland-client.h>

#include "gl-checks.h"

#define PROC(type, name) type name = (type)eglGetProcAddress(#name)
#define SIZE 8

static const char *gl_exts, *egl_exts;
static EGLDisplay dpy;
static EGLContext ctx;
static GLuint fbo, color_tex, prog, color_loc;

static GLuint shader(GLenum type, const char *src)
{
	GLuint s = glCreateShader(type);
	glShaderSource(s, 1, &src, NULL);
	glCompileShader(s);
	GLint ok = 0;
	glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
	if (!ok) {
		char log[512] = "";
		glGetShaderInfoLog(s, sizeof(log), NULL, log);
		printf("info: compile failed: %s\n", log);
		glDeleteShader(s);
		return 0;
	}
	return s;
}

static GLuint program(const char *vs_src, const char *fs_src)
{
	GLuint vs = shader(GL_VERTEX_SHADER, vs_src), fs = shader(GL_FRAGMENT_SHADER, fs_src);
	if (!vs || !fs)
		return 0;
	GLuint p = glCreateProgram();
	glAttachShader(p, vs);
	glAttachShader(p, fs);
	glBindAttribLocation(p, 0, "pos");
	glLinkProgram(p);
	glDeleteShader(vs);
	glDeleteShader(fs);
	GLint ok = 0;
	glGetProgramiv(p, GL_LINK_STATUS, &ok);
	if (!ok) {
		char log[512] = "";
		glGetProgramInfoLog(p, sizeof(log), NULL, log);
		printf("info: link failed: %s\n", log);
		return 0;
	}
	return p;
}

static const char *vs_plain = "attribute vec2 pos;\n"
                              "void main() { gl_Position = vec4(pos, 0.0, 1.0); }\n";
static const char *fs_color = "precision mediump float;\n"
                              "uniform vec4 color;\n"
                              "void main() { gl_FragColor = color; }\n";

static const GLfloat quad[] = {-1, -1, 1, -1, -1, 1, 1, 1};

/* The RGBA of pixel (x, y) of the bound framebuffer, as 0xRRGGBBAA. */
static uint32_t pixel(int x, int y)
{
	GLubyte p[4] = {0};
	glReadPixels(x, y, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, p);
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static bool pixel_is(const char *check, int x, int y, uint32_t want, const char *what)
{
	uint32_t got = pixel(x, y);
	return got == want ||
	       gc_fail(check, "%s: pixel (%d, %d) is %08x, expected %08x", what, x, y, got, want);
}

static void clear(void)
{
	glBindFramebuffer(GL_FRAMEBUFFER, fbo);
	glClearColor(0, 0, 0, 1);
	glClear(GL_COLOR_BUFFER_BIT);
}

/* The plain program drawing `quad` (client array) in one colour. */
static void use_plain(float r, float g, float b)
{
	glUseProgram(prog);
	glUniform4f((GLint)color_loc, r, g, b, 1);
	glBindBuffer(GL_ARRAY_BUFFER, 0);
	glEnableVertexAttribArray(0);
	glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, quad);
}

/* ---- GL_OES_surfaceless_context ---- */

static void check_surfaceless(void)
{
	const char *c = "surfaceless";
	if (!gc_needs(c, "GL_OES_surfaceless_context"))
		return;
	glBindFramebuffer(GL_FRAMEBUFFER, 0);
	GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
	bool ok = status == GL_FRAMEBUFFER_UNDEFINED_OES ||
	          gc_fail(c, "the default framebuffer's status is 0x%x", status);
	gc_result(c, ok && gc_error_is(c, GL_NO_ERROR, "status"));
}

/* ---- GL_EXT_occlusion_query_boolean, GL_EXT_disjoint_timer_query ---- */

/* Polls until the result is there (at most 20 s: a loaded machine's GPU thread may lag). */
static bool wait_query(PFNGLGETQUERYOBJECTUIVEXTPROC get, GLuint q)
{
	GLuint available = 0;
	struct timespec start, now;
	clock_gettime(CLOCK_MONOTONIC, &start);
	do {
		glFlush();
		get(q, GL_QUERY_RESULT_AVAILABLE_EXT, &available);
		clock_gettime(CLOCK_MONOTONIC, &now);
	} while (!available && now.tv_sec - start.tv_sec < 20);
	return available;
}

static void check_occlusion(void)
{
	const char *c = "occlusion-query";
	if (!gc_needs(c, "GL_EXT_occlusion_query_boolean"))
		return;
	PROC(PFNGLGENQUERIESEXTPROC, glGenQueriesEXT);
	PROC(PFNGLDELETEQUERIESEXTPROC, glDeleteQueriesEXT);
	PROC(PFNGLISQUERYEXTPROC, glIsQueryEXT);
	PROC(PFNGLBEGINQUERYEXTPROC, glBeginQueryEXT);
	PROC(PFNGLENDQUERYEXTPROC, glEndQueryEXT);
	PROC(PFNGLGETQUERYIVEXTPROC, glGetQueryivEXT);
	PROC(PFNGLGETQUERYOBJECTUIVEXTPROC, glGetQueryObjectuivEXT);
	GLuint q[2];
	glGenQueriesEXT(2, q);
	bool ok = !glIsQueryEXT(q[0]) || gc_fail(c, "a query never begun is a query object");
	clear();
	use_plain(1, 0, 0);
	glBeginQueryEXT(GL_ANY_SAMPLES_PASSED_EXT, q[0]);
	GLint current = 0;
	glGetQueryivEXT(GL_ANY_SAMPLES_PASSED_EXT, GL_CURRENT_QUERY_EXT, &current);
	ok &= (GLuint)current == q[0] ||
	      gc_fail(c, "the current query is %d, not %u", current, q[0]);
	glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
	glEndQueryEXT(GL_ANY_SAMPLES_PASSED_EXT);
	/* Outside the clip volume: nothing passes. */
	static const GLfloat away[] = {3, 3, 4, 3, 3, 4, 4, 4};
	glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, away);
	glBeginQueryEXT(GL_ANY_SAMPLES_PASSED_CONSERVATIVE_EXT, q[1]);
	glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
	glEndQueryEXT(GL_ANY_SAMPLES_PASSED_CONSERVATIVE_EXT);
	GLuint passed[2] = {9, 9};
	for (int i = 0; i < 2; i++) {
		ok &= wait_query(glGetQueryObjectuivEXT, q[i]) ||
		      gc_fail(c, "query %d never available", i);
		glGetQueryObjectuivEXT(q[i], GL_QUERY_RESULT_EXT, &passed[i]);
	}
	ok &= (passed[0] == GL_TRUE && passed[1] == GL_FALSE) ||
	      gc_fail(c, "samples passed: %u and %u, expected 1 and 0", passed[0], passed[1]);
	ok &= glIsQueryEXT(q[0]) || gc_fail(c, "a query that ran is no query object");
	ok &= gc_error_is(c, GL_NO_ERROR, "queries");
	glBeginQueryEXT(GL_ANY_SAMPLES_PASSED_EXT, 12345);
	ok &= gc_error_is(c, GL_INVALID_OPERATION, "a query never generated");
	glDeleteQueriesEXT(2, q);
	ok &= !glIsQueryEXT(q[0]) || gc_fail(c, "a deleted query is a query object");
	pixel_is(c, 1, 1, 0xff0000ff, "the drawn quad");
	gc_result(c, ok);
}

static void check_timer(void)
{
	const char *c = "timer-query";
	if (!gc_needs(c, "GL_EXT_disjoint_timer_query"))
		return;
	PROC(PFNGLGENQUERIESEXTPROC, glGenQueriesEXT);
	PROC(PFNGLDELETEQUERIESEXTPROC, glDeleteQueriesEXT);
	PROC(PFNGLBEGINQUERYEXTPROC, glBeginQueryEXT);
	PROC(PFNGLENDQUERYEXTPROC, glEndQueryEXT);
	PROC(PFNGLQUERYCOUNTEREXTPROC, glQueryCounterEXT);
	PROC(PFNGLGETQUERYIVEXTPROC, glGetQueryivEXT);
	PROC(PFNGLGETQUERYOBJECTIVEXTPROC, glGetQueryObjectivEXT);
	PROC(PFNGLGETQUERYOBJECTUIVEXTPROC, glGetQueryObjectuivEXT);
	PROC(PFNGLGETQUERYOBJECTI64VEXTPROC, glGetQueryObjecti64vEXT);
	PROC(PFNGLGETQUERYOBJECTUI64VEXTPROC, glGetQueryObjectui64vEXT);
	PROC(PFNGLGETINTEGER64VEXTPROC, glGetInteger64vEXT);
	GLint bits = 0, disjoint = -1;
	glGetQueryivEXT(GL_TIMESTAMP_EXT, GL_QUERY_COUNTER_BITS_EXT, &bits);
	bool ok = bits > 0 || gc_fail(c, "timestamps have %d bits", bits);
	glGetQueryivEXT(GL_TIME_ELAPSED_EXT, GL_QUERY_COUNTER_BITS_EXT, &bits);
	ok &= bits > 0 || gc_fail(c, "elapsed times have %d bits", bits);
	glGetIntegerv(GL_GPU_DISJOINT_EXT, &disjoint);
	ok &= disjoint == 0 || disjoint == 1 || gc_fail(c, "GL_GPU_DISJOINT_EXT is %d", disjoint);
	GLuint q[3];
	glGenQueriesEXT(3, q);
	clear();
	use_plain(0, 1, 0);
	glQueryCounterEXT(q[0], GL_TIMESTAMP_EXT);
	glBeginQueryEXT(GL_TIME_ELAPSED_EXT, q[1]);
	for (int i = 0; i < 20; i++)
		glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
	glEndQueryEXT(GL_TIME_ELAPSED_EXT);
	glQueryCounterEXT(q[2], GL_TIMESTAMP_EXT);
	for (int i = 0; i < 3; i++)
		ok &= wait_query(glGetQueryObjectuivEXT, q[i]) ||
		      gc_fail(c, "query %d never available", i);
	GLint64 t0 = 0, now = 0;
	GLuint64 elapsed = 0, t1 = 0;
	GLint available = 0;
	glGetQueryObjecti64vEXT(q[0], GL_QUERY_RESULT_EXT, &t0);
	glGetQueryObjectui64vEXT(q[1], GL_QUERY_RESULT_EXT, &elapsed);
	glGetQueryObjectui64vEXT(q[2], GL_QUERY_RESULT_EXT, &t1);
	glGetQueryObjectivEXT(q[2], GL_QUERY_RESULT_AVAILABLE_EXT, &available);
	/* Mesa answers GL_TIMESTAMP_EXT through glGetInteger64v on ES 3 only. */
	GLint max = 0;
	glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max);
	glGetInteger64vEXT(GL_MAX_TEXTURE_SIZE, &now);
	ok &= (t0 > 0 && t1 >= (GLuint64)t0) ||
	      gc_fail(c, "timestamps %lld then %llu", (long long)t0, (unsigned long long)t1);
	ok &= elapsed <= t1 - (GLuint64)t0 ||
	      gc_fail(c, "%llu ns elapsed between timestamps %llu ns apart",
	              (unsigned long long)elapsed, (unsigned long long)(t1 - (GLuint64)t0));
	ok &= available == 1 || gc_fail(c, "an available result says %d", available);
	ok &= (max > 0 && now == max) ||
	      gc_fail(c, "GL_MAX_TEXTURE_SIZE is %d, in 64 bits %lld", max, (long long)now);
	ok &= gc_error_is(c, GL_NO_ERROR, "timer queries");
	/* A counter of a name never generated: the extension says GL_INVALID_OPERATION (as the
	 * library answers); Mesa makes the query instead, so it is not compared here. */
	glDeleteQueriesEXT(3, q);
	printf("info: timer-query: %llu ns for 20 quads\n", (unsigned long long)elapsed);
	pixel_is(c, 1, 1, 0x00ff00ff, "the drawn quads");
	gc_result(c, ok);
}

/* ---- GL_EXT_separate_shader_objects ---- */

static void check_separate(void)
{
	const char *c = "separate-shader-objects";
	if (!gc_needs(c, "GL_EXT_separate_shader_objects"))
		return;
	PROC(PFNGLCREATESHADERPROGRAMVEXTPROC, glCreateShaderProgramvEXT);
	PROC(PFNGLGENPROGRAMPIPELINESEXTPROC, glGenProgramPipelinesEXT);
	PROC(PFNGLDELETEPROGRAMPIPELINESEXTPROC, glDeleteProgramPipelinesEXT);
	PROC(PFNGLISPROGRAMPIPELINEEXTPROC, glIsProgramPipelineEXT);
	PROC(PFNGLBINDPROGRAMPIPELINEEXTPROC, glBindProgramPipelineEXT);
	PROC(PFNGLUSEPROGRAMSTAGESEXTPROC, glUseProgramStagesEXT);
	PROC(PFNGLACTIVESHADERPROGRAMEXTPROC, glActiveShaderProgramEXT);
	PROC(PFNGLVALIDATEPROGRAMPIPELINEEXTPROC, glValidateProgramPipelineEXT);
	PROC(PFNGLGETPROGRAMPIPELINEIVEXTPROC, glGetProgramPipelineivEXT);
	PROC(PFNGLGETPROGRAMPIPELINEINFOLOGEXTPROC, glGetProgramPipelineInfoLogEXT);
	PROC(PFNGLPROGRAMUNIFORM4FEXTPROC, glProgramUniform4fEXT);
	const GLchar *vs = vs_plain, *fs = fs_color;
	GLuint vp = glCreateShaderProgramvEXT(GL_VERTEX_SHADER, 1, &vs);
	GLuint fp = glCreateShaderProgramvEXT(GL_FRAGMENT_SHADER, 1, &fs);
	GLint linked[2] = {0, 0};
	glGetProgramiv(vp, GL_LINK_STATUS, &linked[0]);
	glGetProgramiv(fp, GL_LINK_STATUS, &linked[1]);
	if (!linked[0] || !linked[1]) {
		gc_fail(c, "the separate programs did not link (%d, %d)", linked[0], linked[1]);
		return;
	}
	GLuint pipe;
	glGenProgramPipelinesEXT(1, &pipe);
	glBindProgramPipelineEXT(pipe);
	glUseProgramStagesEXT(pipe, GL_VERTEX_SHADER_BIT_EXT, vp);
	glUseProgramStagesEXT(pipe, GL_FRAGMENT_SHADER_BIT_EXT, fp);
	glActiveShaderProgramEXT(pipe, fp);
	glProgramUniform4fEXT(fp, glGetUniformLocation(fp, "color"), 0, 0, 1, 1);
	GLint stage = 0, active = 0, valid = 0;
	glGetProgramPipelineivEXT(pipe, GL_VERTEX_SHADER, &stage);
	glGetProgramPipelineivEXT(pipe, GL_ACTIVE_PROGRAM_EXT, &active);
	glValidateProgramPipelineEXT(pipe);
	glGetProgramPipelineivEXT(pipe, GL_VALIDATE_STATUS, &valid);
	char log[256] = "";
	glGetProgramPipelineInfoLogEXT(pipe, sizeof(log), NULL, log);
	bool ok = (GLuint)stage == vp || gc_fail(c, "the vertex stage is %d, not %u", stage, vp);
	ok &= (GLuint)active == fp || gc_fail(c, "the active program is %d, not %u", active, fp);
	ok &= valid == GL_TRUE || gc_fail(c, "the pipeline does not validate: %s", log);
	ok &= glIsProgramPipelineEXT(pipe) || gc_fail(c, "the pipeline is no pipeline");
	clear();
	glUseProgram(0);
	GLint pos = glGetAttribLocation(vp, "pos");
	glBindBuffer(GL_ARRAY_BUFFER, 0);
	glEnableVertexAttribArray((GLuint)pos);
	glVertexAttribPointer((GLuint)pos, 2, GL_FLOAT, GL_FALSE, 0, quad);
	glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
	ok &= pixel_is(c, 4, 4, 0x0000ffff, "the pipeline's quad");
	ok &= gc_error_is(c, GL_NO_ERROR, "the pipeline");
	glBindProgramPipelineEXT(0);
	glDeleteProgramPipelinesEXT(1, &pipe);
	ok &= !glIsProgramPipelineEXT(pipe) || gc_fail(c, "a deleted pipeline is a pipeline");
	glDeleteProgram(vp);
	glDeleteProgram(fp);
	gc_result(c, ok);
}

/* ---- GL_OES_texture_3D ---- */

static const char *fs_3d = "#extension GL_OES_texture_3D : require\n"
                           "precision mediump float;\n"
                           "uniform mediump sampler3D t;\n"
                           "uniform float z;\n"
                           "void main() { gl_FragColor = texture3D(t, vec3(0.5, 0.5, z)); }\n";

/* The 3D texture's colour at depth z, drawn over the framebuffer. */
static uint32_t slice_color(GLuint p, float z)
{
	clear();
	glUseProgram(p);
	glUniform1f(glGetUniformLocation(p, "z"), z);
	glBindBuffer(GL_ARRAY_BUFFER, 0);
	glEnableVertexAttribArray(0);
	glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, quad);
	glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
	return pixel(4, 4);
}

static void fill(GLubyte *p, int texels, uint32_t rgba)
{
	for (int i = 0; i < texels; i++)
		for (int k = 0; k < 4; k++)
			p[4 * i + k] = (GLubyte)(rgba >> (24 - 8 * k));
}

static bool slice_is(const char *c, GLuint p, float z, uint32_t want, const char *what)
{
	uint32_t got = slice_color(p, z);
	return got == want || gc_fail(c, "%s: %08x, expected %08x", what, got, want);
}

static void check_texture_3d(void)
{
	const char *c = "texture-3d";
	if (!gc_needs(c, "GL_OES_texture_3D"))
		return;
	PROC(PFNGLTEXIMAGE3DOESPROC, glTexImage3DOES);
	PROC(PFNGLTEXSUBIMAGE3DOESPROC, glTexSubImage3DOES);
	PROC(PFNGLCOPYTEXSUBIMAGE3DOESPROC, glCopyTexSubImage3DOES);
	PROC(PFNGLFRAMEBUFFERTEXTURE3DOESPROC, glFramebufferTexture3DOES);
	GLuint p = program(vs_plain, fs_3d);
	if (!p) {
		gc_fail(c, "a sampler3D shader did not build");
		return;
	}
	GLubyte texels[2 * 2 * 2 * 4];
	fill(texels, 4, 0xff0000ff);
	fill(texels + 16, 4, 0x0000ffff);
	GLuint tex;
	glGenTextures(1, &tex);
	glActiveTexture(GL_TEXTURE0);
	glBindTexture(GL_TEXTURE_3D_OES, tex);
	glTexParameteri(GL_TEXTURE_3D_OES, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
	glTexParameteri(GL_TEXTURE_3D_OES, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
	glTexImage3DOES(GL_TEXTURE_3D_OES, 0, GL_RGBA, 2, 2, 2, 0, GL_RGBA, GL_UNSIGNED_BYTE,
	                texels);
	GLint bound = 0, max = 0;
	glGetIntegerv(GL_TEXTURE_BINDING_3D_OES, &bound);
	glGetIntegerv(GL_MAX_3D_TEXTURE_SIZE_OES, &max);
	bool ok = (GLuint)bound == tex || gc_fail(c, "the 3D binding is %d, not %u", bound, tex);
	ok &= max >= 16 || gc_fail(c, "GL_MAX_3D_TEXTURE_SIZE_OES is %d", max);
	ok &= slice_is(c, p, 0.25f, 0xff0000ff, "slice 0");
	ok &= slice_is(c, p, 0.75f, 0x0000ffff, "slice 1");
	fill(texels, 4, 0x00ff00ff);
	glTexSubImage3DOES(GL_TEXTURE_3D_OES, 0, 0, 0, 1, 2, 2, 1, GL_RGBA, GL_UNSIGNED_BYTE,
	                   texels);
	ok &= slice_is(c, p, 0.75f, 0x00ff00ff, "slice 1 replaced");
	/* Slice 0 drawn into. */
	GLuint fb3;
	glGenFramebuffers(1, &fb3);
	glBindFramebuffer(GL_FRAMEBUFFER, fb3);
	glFramebufferTexture3DOES(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_3D_OES, tex, 0,
	                          0);
	GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
	ok &= status == GL_FRAMEBUFFER_COMPLETE ||
	      gc_fail(c, "a slice's framebuffer is 0x%x", status);
	glViewport(0, 0, 2, 2);
	glClearColor(1, 1, 0, 1);
	glClear(GL_COLOR_BUFFER_BIT);
	glViewport(0, 0, SIZE, SIZE);
	ok &= slice_is(c, p, 0.25f, 0xffff00ff, "slice 0 cleared through a framebuffer");
	/* Slice 1 copied from the framebuffer (cleared magenta). */
	glClearColor(1, 0, 1, 1);
	glClear(GL_COLOR_BUFFER_BIT);
	glBindTexture(GL_TEXTURE_3D_OES, tex);
	glCopyTexSubImage3DOES(GL_TEXTURE_3D_OES, 0, 0, 0, 1, 0, 0, 2, 2);
	ok &= slice_is(c, p, 0.75f, 0xff00ffff, "slice 1 copied");
	ok &= gc_error_is(c, GL_NO_ERROR, "3D textures");
	glDeleteFramebuffers(1, &fb3);
	glDeleteTextures(1, &tex);
	glDeleteProgram(p);
	gc_result(c, ok);
}

/* ---- GL_EXT_multi_draw_arrays ---- */

static void check_multi_draw(void)
{
	const char *c = "multi-draw";
	if (!gc_needs(c, "GL_EXT_multi_draw_arrays"))
		return;
	PROC(PFNGLMULTIDRAWARRAYSEXTPROC, glMultiDrawArraysEXT);
	PROC(PFNGLMULTIDRAWELEMENTSEXTPROC, glMultiDrawElementsEXT);
	/* Left half, a quad off screen, right half: the draws read vertices 0-3 and 8-11, so
	 * the client array must be sent for both ranges. */
	static const GLfloat v[] = {-1, -1, 0, -1, -1, 1,  0, 1,  5, 5, 6, 5,
	                            5,  6,  6, 6,  0,  -1, 1, -1, 0, 1, 1, 1};
	use_plain(1, 1, 1);
	glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, v);
	clear();
	GLint first[2] = {0, 8};
	GLsizei count[2] = {4, 4};
	glMultiDrawArraysEXT(GL_TRIANGLE_STRIP, first, count, 2);
	bool ok = pixel_is(c, 1, 4, 0xffffffff, "arrays, first draw");
	ok &= pixel_is(c, 6, 4, 0xffffffff, "arrays, second draw");
	clear();
	glUniform4f((GLint)color_loc, 0, 1, 1, 1);
	static const GLushort left[] = {0, 1, 2, 3}, right[] = {8, 9, 10, 11};
	const void *indices[2] = {left, right};
	glMultiDrawElementsEXT(GL_TRIANGLE_STRIP, count, GL_UNSIGNED_SHORT, indices, 2);
	ok &= pixel_is(c, 1, 4, 0x00ffffff, "client indices, first draw");
	ok &= pixel_is(c, 6, 4, 0x00ffffff, "client indices, second draw");
	/* Indices in an element buffer: offsets. */
	static const GLushort both[] = {0, 1, 2, 3, 8, 9, 10, 11};
	GLuint eb;
	glGenBuffers(1, &eb);
	glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, eb);
	glBufferData(GL_ELEMENT_ARRAY_BUFFER, sizeof(both), both, GL_STATIC_DRAW);
	clear();
	glUniform4f((GLint)color_loc, 1, 0, 1, 1);
	const void *offsets[2] = {(const void *)0, (const void *)8};
	glMultiDrawElementsEXT(GL_TRIANGLE_STRIP, count, GL_UNSIGNED_SHORT, offsets, 2);
	ok &= pixel_is(c, 1, 4, 0xff00ffff, "buffer indices, first draw");
	ok &= pixel_is(c, 6, 4, 0xff00ffff, "buffer indices, second draw");
	ok &= gc_error_is(c, GL_NO_ERROR, "multi-draws");
	/* A negative count draws nothing at all. */
	clear();
	GLsizei bad[2] = {4, -1};
	glMultiDrawElementsEXT(GL_TRIANGLE_STRIP, bad, GL_UNSIGNED_SHORT, offsets, 2);
	ok &= gc_error_is(c, GL_INVALID_VALUE, "a negative count");
	ok &= pixel_is(c, 1, 4, 0x000000ff, "a multi-draw with a negative count");
	glMultiDrawArraysEXT(GL_TRIANGLE_STRIP, first, count, -1);
	ok &= gc_error_is(c, GL_INVALID_VALUE, "a negative draw count");
	glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, 0);
	glDeleteBuffers(1, &eb);
	gc_result(c, ok);
}

/* ---- GL_EXT_draw_instanced ---- */

static const char *vs_instanced =
        "#extension GL_EXT_draw_instanced : require\n"
        "attribute vec2 pos;\n"
        "void main() {\n"
        "  gl_Position = vec4(pos.x * 0.5 - 0.5 + float(gl_InstanceIDEXT), pos.y, 0.0, 1.0);\n"
        "}\n";

static void check_draw_instanced(void)
{
	const char *c = "draw-instanced";
	if (!gc_needs(c, "GL_EXT_draw_instanced"))
		return;
	PROC(PFNGLDRAWARRAYSINSTANCEDEXTPROC, glDrawArraysInstancedEXT);
	PROC(PFNGLDRAWELEMENTSINSTANCEDEXTPROC, glDrawElementsInstancedEXT);
	GLuint p = program(vs_instanced, fs_color);
	if (!p) {
		gc_fail(c, "a shader reading gl_InstanceIDEXT did not build");
		return;
	}
	glUseProgram(p);
	glUniform4f(glGetUniformLocation(p, "color"), 1, 0.5f, 0, 1);
	glBindBuffer(GL_ARRAY_BUFFER, 0);
	glEnableVertexAttribArray(0);
	glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, quad);
	clear();
	glDrawArraysInstancedEXT(GL_TRIANGLE_STRIP, 0, 4, 1);
	bool ok = pixel_is(c, 1, 4, 0xff8000ff, "one instance, left");
	ok &= pixel_is(c, 6, 4, 0x000000ff, "one instance, right");
	clear();
	glDrawArraysInstancedEXT(GL_TRIANGLE_STRIP, 0, 4, 2);
	ok &= pixel_is(c, 6, 4, 0xff8000ff, "two instances, right");
	clear();
	static const GLubyte idx[] = {0, 1, 2, 3};
	glDrawElementsInstancedEXT(GL_TRIANGLE_STRIP, 4, GL_UNSIGNED_BYTE, idx, 2);
	ok &= pixel_is(c, 1, 4, 0xff8000ff, "indexed, left");
	ok &= pixel_is(c, 6, 4, 0xff8000ff, "indexed, right");
	ok &= gc_error_is(c, GL_NO_ERROR, "instanced draws");
	glDrawArraysInstancedEXT(GL_TRIANGLE_STRIP, 0, 4, -1);
	ok &= gc_error_is(c, GL_INVALID_VALUE, "a negative instance count");
	glDeleteProgram(p);
	gc_result(c, ok);
}

/* ---- GL_EXT_debug_label ---- */

static bool label_is(const char *c, GLenum type, GLuint name, const char *want, const char *what)
{
	PROC(PFNGLGETOBJECTLABELEXTPROC, glGetObjectLabelEXT);
	char got[64] = "?";
	GLsizei len = -1;
	glGetObjectLabelEXT(type, name, sizeof(got), &len, got);
	return (len == (GLsizei)strlen(want) && strcmp(got, want) == 0) ||
	       gc_fail(c, "%s: label \"%s\" (%d), expected \"%s\"", what, got, len, want);
}

static void check_debug_label(void)
{
	const char *c = "debug-label";
	if (!gc_needs(c, "GL_EXT_debug_label"))
		return;
	PROC(PFNGLLABELOBJECTEXTPROC, glLabelObjectEXT);
	PROC(PFNGLGETOBJECTLABELEXTPROC, glGetObjectLabelEXT);
	GLuint buf, tex;
	glGenBuffers(1, &buf);
	glBindBuffer(GL_ARRAY_BUFFER, buf);
	glBindBuffer(GL_ARRAY_BUFFER, 0);
	glGenTextures(1, &tex);
	glBindTexture(GL_TEXTURE_2D, tex);
	glLabelObjectEXT(GL_BUFFER_OBJECT_EXT, buf, 0, "vertices");
	glLabelObjectEXT(GL_PROGRAM_OBJECT_EXT, prog, 4, "plain program");
	glLabelObjectEXT(GL_TEXTURE, tex, 5, "image");
	bool ok = label_is(c, GL_BUFFER_OBJECT_EXT, buf, "vertices", "a buffer (length 0)");
	ok &= label_is(c, GL_PROGRAM_OBJECT_EXT, prog, "plai", "a program (length 4)");
	ok &= label_is(c, GL_TEXTURE, tex, "image", "a texture");
	char part[4] = "???";
	GLsizei len = -1;
	glGetObjectLabelEXT(GL_BUFFER_OBJECT_EXT, buf, sizeof(part), &len, part);
	ok &= (len == 3 && strcmp(part, "ver") == 0) ||
	      gc_fail(c, "a label read into 4 bytes: \"%s\" (%d)", part, len);
	ok &= gc_error_is(c, GL_NO_ERROR, "labels");
	glLabelObjectEXT(GL_BUFFER_OBJECT_EXT, buf, 0, NULL);
	ok &= label_is(c, GL_BUFFER_OBJECT_EXT, buf, "", "a removed label");
	glLabelObjectEXT(0x1234, buf, 0, "x");
	ok &= gc_error_is(c, GL_INVALID_ENUM, "an unknown object type");
	glLabelObjectEXT(GL_BUFFER_OBJECT_EXT, buf, -1, "x");
	ok &= gc_error_is(c, GL_INVALID_VALUE, "a negative length");
	glDeleteBuffers(1, &buf);
	glDeleteTextures(1, &tex);
	gc_result(c, ok);
}

/* ---- GL_NV_draw_buffers, GL_NV_read_buffer, GL_NV_pixel_buffer_object ---- */

static void check_nv_draw_buffers(void)
{
	const char *c = "nv-draw-buffers";
	if (!gc_needs(c, "GL_NV_draw_buffers"))
		return;
	PROC(PFNGLDRAWBUFFERSNVPROC, glDrawBuffersNV);
	clear();
	GLenum none = GL_NONE, first = GL_COLOR_ATTACHMENT0;
	glDrawBuffersNV(1, &none);
	GLint db = -1;
	glGetIntegerv(GL_DRAW_BUFFER0_NV, &db);
	bool ok = db == GL_NONE || gc_fail(c, "draw buffer 0 is 0x%x, not GL_NONE", db);
	glClearColor(1, 0, 0, 1);
	glClear(GL_COLOR_BUFFER_BIT);
	ok &= pixel_is(c, 2, 2, 0x000000ff, "a clear with no draw buffer");
	glDrawBuffersNV(1, &first);
	glGetIntegerv(GL_DRAW_BUFFER0_NV, &db);
	ok &= db == GL_COLOR_ATTACHMENT0 || gc_fail(c, "draw buffer 0 is 0x%x", db);
	glClear(GL_COLOR_BUFFER_BIT);
	ok &= pixel_is(c, 2, 2, 0xff0000ff, "a clear into attachment 0");
	ok &= gc_error_is(c, GL_NO_ERROR, "draw buffers");
	gc_result(c, ok);
}

static void check_nv_read_buffer(void)
{
	const char *c = "nv-read-buffer";
	if (!gc_needs(c, "GL_NV_read_buffer"))
		return;
	PROC(PFNGLREADBUFFERNVPROC, glReadBufferNV);
	clear();
	glReadBufferNV(GL_NONE);
	GLint rb = -1;
	glGetIntegerv(GL_READ_BUFFER_NV, &rb);
	bool ok = rb == GL_NONE || gc_fail(c, "the read buffer is 0x%x, not GL_NONE", rb);
	GLubyte p[4];
	glReadPixels(0, 0, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, p);
	ok &= gc_error_is(c, GL_INVALID_OPERATION, "a read with no read buffer");
	glReadBufferNV(GL_COLOR_ATTACHMENT0);
	glGetIntegerv(GL_READ_BUFFER_NV, &rb);
	ok &= rb == GL_COLOR_ATTACHMENT0 || gc_fail(c, "the read buffer is 0x%x", rb);
	ok &= pixel_is(c, 0, 0, 0x000000ff, "a read from attachment 0");
	ok &= gc_error_is(c, GL_NO_ERROR, "read buffer");
	gc_result(c, ok);
}

static void check_nv_pbo(void)
{
	const char *c = "nv-pixel-buffer-object";
	if (!gc_needs(c, "GL_NV_pixel_buffer_object") || !gc_needs(c, "GL_EXT_map_buffer_range"))
		return;
	PROC(PFNGLMAPBUFFERRANGEEXTPROC, glMapBufferRangeEXT);
	PROC(PFNGLUNMAPBUFFEROESPROC, glUnmapBufferOES);
	/* Unpack: a texture's texels from a buffer, read back through a framebuffer. */
	GLubyte texels[4 * 4];
	fill(texels, 2, 0x11223344);
	fill(texels + 8, 2, 0x55667788);
	GLuint bufs[2], tex, fb;
	glGenBuffers(2, bufs);
	glBindBuffer(GL_PIXEL_UNPACK_BUFFER_NV, bufs[0]);
	glBufferData(GL_PIXEL_UNPACK_BUFFER_NV, sizeof(texels), texels, GL_STATIC_DRAW);
	glGenTextures(1, &tex);
	glBindTexture(GL_TEXTURE_2D, tex);
	glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 2, 2, 0, GL_RGBA, GL_UNSIGNED_BYTE, (void *)0);
	glBindBuffer(GL_PIXEL_UNPACK_BUFFER_NV, 0);
	glGenFramebuffers(1, &fb);
	glBindFramebuffer(GL_FRAMEBUFFER, fb);
	glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex, 0);
	bool ok = pixel_is(c, 1, 0, 0x11223344, "a texel from an unpack buffer");
	ok &= pixel_is(c, 0, 1, 0x55667788, "a texel from an unpack buffer");
	/* Pack: the same pixels into a buffer, mapped. */
	glBindBuffer(GL_PIXEL_PACK_BUFFER_NV, bufs[1]);
	glBufferData(GL_PIXEL_PACK_BUFFER_NV, sizeof(texels), NULL,
	             GL_STREAM_DRAW); /* GLES 2 has no GL_STREAM_READ */
	glReadPixels(0, 0, 2, 2, GL_RGBA, GL_UNSIGNED_BYTE, (void *)0);
	const GLubyte *m = glMapBufferRangeEXT(GL_PIXEL_PACK_BUFFER_NV, 0, sizeof(texels),
	                                       GL_MAP_READ_BIT_EXT);
	ok &= (m && memcmp(m, texels, sizeof(texels)) == 0) ||
	      gc_fail(c, "the pack buffer holds %02x%02x%02x%02x...", m ? m[0] : 0, m ? m[1] : 0,
	              m ? m[2] : 0, m ? m[3] : 0);
	glUnmapBufferOES(GL_PIXEL_PACK_BUFFER_NV);
	glBindBuffer(GL_PIXEL_PACK_BUFFER_NV, 0);
	ok &= gc_error_is(c, GL_NO_ERROR, "pixel buffers");
	glDeleteFramebuffers(1, &fb);
	glDeleteTextures(1, &tex);
	glDeleteBuffers(2, bufs);
	gc_result(c, ok);
}

/* ---- GL_OES_EGL_sync ---- */

static void check_egl_sync(void)
{
	const char *c = "egl-sync";
	if (!gc_needs(c, "GL_OES_EGL_sync") || !gc_needs(c, "EGL_KHR_fence_sync"))
		return;
	PROC(PFNEGLCREATESYNCKHRPROC, eglCreateSyncKHR);
	PROC(PFNEGLCLIENTWAITSYNCKHRPROC, eglClientWaitSyncKHR);
	PROC(PFNEGLGETSYNCATTRIBKHRPROC, eglGetSyncAttribKHR);
	PROC(PFNEGLDESTROYSYNCKHRPROC, eglDestroySyncKHR);
	clear();
	use_plain(0, 0, 1);
	glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
	EGLSyncKHR sync = eglCreateSyncKHR(dpy, EGL_SYNC_FENCE_KHR, NULL);
	if (sync == EGL_NO_SYNC_KHR) {
		gc_fail(c, "no fence (0x%x)", eglGetError());
		return;
	}
	EGLint waited =
	        eglClientWaitSyncKHR(dpy, sync, EGL_SYNC_FLUSH_COMMANDS_BIT_KHR, EGL_FOREVER_KHR);
	EGLint status = 0, cond = 0;
	eglGetSyncAttribKHR(dpy, sync, EGL_SYNC_STATUS_KHR, &status);
	eglGetSyncAttribKHR(dpy, sync, EGL_SYNC_CONDITION_KHR, &cond);
	bool ok = waited == EGL_CONDITION_SATISFIED_KHR || gc_fail(c, "the wait said 0x%x", waited);
	ok &= status == EGL_SIGNALED_KHR || gc_fail(c, "the fence's status is 0x%x", status);
	ok &= cond == EGL_SYNC_PRIOR_COMMANDS_COMPLETE_KHR ||
	      gc_fail(c, "its condition is 0x%x", cond);
	ok &= eglDestroySyncKHR(dpy, sync) || gc_fail(c, "destroy (0x%x)", eglGetError());
	ok &= pixel_is(c, 3, 3, 0x0000ffff, "the fenced draw");
	gc_result(c, ok);
}

/* ---- GL_EXT_EGL_image_storage (ES 3) ---- */

static void check_egl_image_storage(void)
{
	const char *c = "egl-image-storage";
	if (!gc_needs(c, "GL_EXT_EGL_image_storage") || !gc_needs(c, "EGL_KHR_gl_texture_2D_image"))
		return;
	PROC(PFNEGLCREATEIMAGEKHRPROC, eglCreateImageKHR);
	PROC(PFNEGLDESTROYIMAGEKHRPROC, eglDestroyImageKHR);
	PROC(PFNGLEGLIMAGETARGETTEXSTORAGEEXTPROC, glEGLImageTargetTexStorageEXT);
	GLubyte texels[4 * 4];
	fill(texels, 2, 0x0a141e28);
	fill(texels + 8, 2, 0x323c4650);
	GLuint tex[2], fb;
	glGenTextures(2, tex);
	glBindTexture(GL_TEXTURE_2D, tex[0]);
	glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 2, 2, 0, GL_RGBA, GL_UNSIGNED_BYTE, texels);
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
	EGLImageKHR image = eglCreateImageKHR(dpy, ctx, EGL_GL_TEXTURE_2D_KHR,
	                                      (EGLClientBuffer)(uintptr_t)tex[0], NULL);
	if (image == EGL_NO_IMAGE_KHR) {
		gc_fail(c, "no image of a texture (0x%x)", eglGetError());
		return;
	}
	glBindTexture(GL_TEXTURE_2D, tex[1]);
	static const GLint bad[] = {1, GL_NONE}, empty[] = {GL_NONE};
	glEGLImageTargetTexStorageEXT(GL_TEXTURE_2D, (GLeglImageOES)image, bad);
	bool ok = gc_error_is(c, GL_INVALID_VALUE, "an attribute");
	glEGLImageTargetTexStorageEXT(GL_TEXTURE_2D, (GLeglImageOES)image, empty);
	ok &= gc_error_is(c, GL_NO_ERROR, "storage from an image");
	GLint immutable = 0;
	glGetTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_IMMUTABLE_FORMAT_EXT, &immutable);
	ok &= immutable == GL_TRUE || gc_fail(c, "the storage is not immutable");
	glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 2, 2, 0, GL_RGBA, GL_UNSIGNED_BYTE, texels);
	ok &= gc_error_is(c, GL_INVALID_OPERATION, "an image into immutable storage");
	glGenFramebuffers(1, &fb);
	glBindFramebuffer(GL_FRAMEBUFFER, fb);
	glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex[1], 0);
	ok &= pixel_is(c, 0, 0, 0x0a141e28, "the image's texel (0, 0)");
	ok &= pixel_is(c, 1, 1, 0x323c4650, "the image's texel (1, 1)");
	ok &= gc_error_is(c, GL_NO_ERROR, "image storage");
	glDeleteFramebuffers(1, &fb);
	glDeleteTextures(2, tex);
	eglDestroyImageKHR(dpy, image);
	gc_result(c, ok);
}

/* ---- GL_EXT_multi_draw_arrays on OpenGL ES 1.1 (gl.xml gives it to ES 1 too): the
 * fixed-function client arrays of each draw travel with it ---- */

/* OpenGL ES 1.1's own, which <GLES2/gl2.h> does not declare (the values are ES 2's). */
#define ES1_VERTEX_ARRAY 0x8074
typedef void(GL_APIENTRY *vertex_pointer_fn)(GLint, GLenum, GLsizei, const void *);
typedef void(GL_APIENTRY *client_state_fn)(GLenum);
typedef void(GL_APIENTRY *color_fn)(GLfloat, GLfloat, GLfloat, GLfloat);
typedef void(GL_APIENTRY *gen_fn)(GLsizei, GLuint *);
typedef void(GL_APIENTRY *bind_fn)(GLenum, GLuint);
typedef void(GL_APIENTRY *attach_fn)(GLenum, GLenum, GLenum, GLuint, GLint);

static bool es1_multi_draw_ran(const char *c)
{
	PROC(vertex_pointer_fn, glVertexPointer);
	PROC(client_state_fn, glEnableClientState);
	PROC(color_fn, glColor4f);
	PROC(gen_fn, glGenFramebuffersOES);
	PROC(bind_fn, glBindFramebufferOES);
	PROC(attach_fn, glFramebufferTexture2DOES);
	PROC(PFNGLMULTIDRAWARRAYSEXTPROC, glMultiDrawArraysEXT);
	GLuint tex, fb;
	glGenTextures(1, &tex);
	glBindTexture(GL_TEXTURE_2D, tex);
	glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, SIZE, SIZE, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
	glGenFramebuffersOES(1, &fb);
	glBindFramebufferOES(GL_FRAMEBUFFER, fb);
	glFramebufferTexture2DOES(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex, 0);
	glViewport(0, 0, SIZE, SIZE);
	glClearColor(0, 0, 0, 1);
	glClear(GL_COLOR_BUFFER_BIT);
	static const GLfloat v[] = {-1, -1, 0, -1, -1, 1,  0, 1,  5, 5, 6, 5,
	                            5,  6,  6, 6,  0,  -1, 1, -1, 0, 1, 1, 1};
	glEnableClientState(ES1_VERTEX_ARRAY);
	glVertexPointer(2, GL_FLOAT, 0, v);
	glColor4f(1, 1, 0, 1);
	GLint first[2] = {0, 8};
	GLsizei count[2] = {4, 4};
	glMultiDrawArraysEXT(GL_TRIANGLE_STRIP, first, count, 2);
	bool ok = pixel_is(c, 1, 4, 0xffff00ff, "ES 1.1, first draw");
	ok &= pixel_is(c, 6, 4, 0xffff00ff, "ES 1.1, second draw");
	return ok && gc_error_is(c, GL_NO_ERROR, "ES 1.1 multi-draws");
}

static void check_es1_multi_draw(void)
{
	const char *c = "es1-multi-draw";
	EGLint n = 0;
	EGLConfig config;
	const EGLint want[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_ES_BIT, EGL_NONE};
	const EGLint attribs[] = {EGL_CONTEXT_MAJOR_VERSION, 1, EGL_NONE};
	EGLContext es1 = EGL_NO_CONTEXT;
	if (eglChooseConfig(dpy, want, &config, 1, &n) && n == 1)
		es1 = eglCreateContext(dpy, config, EGL_NO_CONTEXT, attribs);
	if (es1 == EGL_NO_CONTEXT || !eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, es1)) {
		printf("SKIP %s: no OpenGL ES 1.1 context (0x%x)\n", c, eglGetError());
		return;
	}
	gc_extensions((const char *)glGetString(GL_EXTENSIONS), egl_exts);
	if (gc_needs(c, "GL_EXT_multi_draw_arrays") && gc_needs(c, "GL_OES_framebuffer_object"))
		gc_result(c, es1_multi_draw_ran(c));
	gc_extensions(gl_exts, egl_exts);
	eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, ctx);
	eglDestroyContext(dpy, es1);
}

static EGLContext make_context(EGLConfig config, int major)
{
	const EGLint attribs[] = {EGL_CONTEXT_MAJOR_VERSION, major, EGL_NONE};
	return eglCreateContext(dpy, config, EGL_NO_CONTEXT, attribs);
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	bool es3 = argc > 1 && strcmp(argv[1], "--es3") == 0;
	struct wl_display *wl = wl_display_connect(NULL);
	if (!wl)
		return printf("FAIL setup: no Wayland display\n"), 1;
	dpy = eglGetPlatformDisplay(EGL_PLATFORM_WAYLAND_KHR, wl, NULL);
	EGLint major, minor, n = 0;
	EGLConfig config;
	const EGLint want[] = {EGL_RENDERABLE_TYPE,
	                       es3 ? EGL_OPENGL_ES3_BIT_KHR : EGL_OPENGL_ES2_BIT, EGL_NONE};
	if (!eglInitialize(dpy, &major, &minor) || !eglBindAPI(EGL_OPENGL_ES_API) ||
	    !eglChooseConfig(dpy, want, &config, 1, &n) || n < 1)
		return printf("FAIL setup: EGL (0x%x)\n", eglGetError()), 1;
	egl_exts = eglQueryString(dpy, EGL_EXTENSIONS);
	ctx = make_context(config, es3 ? 3 : 2);
	if (ctx == EGL_NO_CONTEXT || !eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, ctx))
		return printf("SKIP setup: no OpenGL ES %d context (0x%x)\n", es3 ? 3 : 2,
		              eglGetError()),
		       77;
	gl_exts = (const char *)glGetString(GL_EXTENSIONS);
	gc_extensions(gl_exts, egl_exts);
	const char *version = (const char *)glGetString(GL_VERSION);
	printf("info: GL_VERSION %s\n", version);
	/* The ES 2 forms are checked on an ES 2.0 context (MESA_GLES_VERSION_OVERRIDE=2.0 natively
	 * and for gpupipe-host): an ES 3 one would hide what only ES 2 contexts lack. */
	if (!es3 && strncmp(version, "OpenGL ES 2.0", 13) != 0)
		return printf("SKIP setup: the context is %s, not OpenGL ES 2.0\n", version), 77;
	check_surfaceless();
	glGenTextures(1, &color_tex);
	glBindTexture(GL_TEXTURE_2D, color_tex);
	glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, SIZE, SIZE, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
	glGenFramebuffers(1, &fbo);
	glBindFramebuffer(GL_FRAMEBUFFER, fbo);
	glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, color_tex, 0);
	glViewport(0, 0, SIZE, SIZE);
	prog = program(vs_plain, fs_color);
	if (!prog || glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
		return printf("FAIL setup: the program or framebuffer did not build\n"), 1;
	color_loc = (GLuint)glGetUniformLocation(prog, "color");
	if (es3) {
		check_egl_image_storage();
	} else {
		check_occlusion();
		check_timer();
		check_separate();
		check_texture_3d();
		check_multi_draw();
		check_draw_instanced();
		check_debug_label();
		check_nv_draw_buffers();
		check_nv_read_buffer();
		check_nv_pbo();
		check_egl_sync();
		check_es1_multi_draw();
	}
	eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
	eglDestroyContext(dpy, ctx);
	eglTerminate(dpy);
	wl_display_disconnect(wl);
	printf("done\n");
	return gc_failures() ? 1 : 0;
}
