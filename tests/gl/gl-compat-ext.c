/*
 * gl-compat-ext: the classic extensions of a desktop OpenGL compatibility-profile context
 * (eglBindAPI(EGL_OPENGL_API), libOpenGL; no window: a surfaceless 2.1-or-later
 * compatibility context, drawing into an 8x8 framebuffer object), each checked with pixels
 * or values read back, through entry points under their ARB/EXT names fetched with
 * eglGetProcAddress as old apps fetch them:
 *
 *   extensions-string   glGetString(GL_EXTENSIONS) is answered (legal in this profile),
 *                       space-separated, and is the list GL_NUM_EXTENSIONS/glGetStringi give;
 *                       it names ARB_multitexture, ARB_vertex_buffer_object and
 *                       ARB_point_parameters (what Neverball requires)
 *   multitexture        glActiveTextureARB, glClientActiveTextureARB, glMultiTexCoord2fARB:
 *                       a red texture on unit 0 plus a green one on unit 1 (GL_ADD) is yellow
 *   vertex-buffer-object  glGenBuffersARB, glBindBufferARB, glBufferDataARB,
 *                       glMapBufferARB/glUnmapBufferARB, glGetBufferSubDataARB, glIsBufferARB:
 *                       a quad drawn from the buffer
 *   point-parameters    glPointParameterfARB/fvARB read back
 *   framebuffer-object-ext  glGenFramebuffersEXT, glBindFramebufferEXT,
 *                       glFramebufferTexture2DEXT, glCheckFramebufferStatusEXT: a clear into a
 *                       texture read back; glBindFramebufferEXT of a name never generated is
 *                       no error (EXT_framebuffer_object allows it) and is incomplete
 *   blend-ext           glBlendColorEXT, glBlendFuncSeparateEXT blend a quad with a constant
 *                       colour, glBlendEquationEXT(GL_MAX_EXT) another; both read back
 *   provoking-vertex-ext  glProvokingVertexEXT: a flat-shaded triangle takes its first
 *                       vertex's colour, then its last's; GL_PROVOKING_VERTEX_EXT read back
 *   texture-barrier-nv  glTextureBarrierNV: a quad textured with the framebuffer's own
 *                       texture (GL_ADD of green) reads what a clear wrote before the barrier
 *   texture-env-combine4  NV_texture_env_combine4's GL_COMBINE4_NV: texture red times 1 plus
 *                       primary green times 1 is yellow; GL_SOURCE3_RGB_NV read back
 *   texture-swizzle-ext GL_TEXTURE_SWIZZLE_{R,G}_EXT make a red texel green
 *   conditional-render-nv  glBeginConditionalRenderNV: a quad under an occlusion query
 *                       that passed nothing is skipped, under one that passed it is drawn
 *   gpu-shader4-ext     a GLSL 1.20 program of EXT_gpu_shader4 (unsigned int, bitwise
 *                       operators, an integer attribute, `varying out`) whose output
 *                       glBindFragDataLocationEXT places: glUniform1uiEXT and
 *                       glVertexAttribI4iEXT set what makes it green, glGetUniformuivEXT,
 *                       glGetVertexAttribIivEXT and glGetFragDataLocationEXT read back;
 *                       EXT_texture_integer's glClearColorIuiEXT is no error
 *   primitive-restart-nv  NV_primitive_restart with client arrays: a glDrawElements whose
 *                       restart index (0x12345678) is far past the arrays draws two quads;
 *                       glArrayElement of the restart index between glBegin and glEnd
 *                       restarts the strip (a red vertex there would show); glPopClientAttrib
 *                       sets the enable and the index back (glIsEnabled, glGetIntegerv); a
 *                       draw through the index after glDisable(GL_PRIMITIVE_RESTART) (in Mesa
 *                       the NV enable too) is served
 *   arb-programs        an ARB_vertex_program/ARB_fragment_program pair drawing green from
 *                       a local and an env parameter (glGenProgramsARB, glBindProgramARB,
 *                       glProgramStringARB, glProgramLocalParameter4fARB,
 *                       glProgramEnvParameter4fvARB, the two enables); a text with an error
 *                       is GL_INVALID_OPERATION with GL_PROGRAM_ERROR_POSITION_ARB at the
 *                       error and a GL_PROGRAM_ERROR_STRING_ARB; the text, its length and
 *                       the local parameter read back; a program bound by an unused name
 *                       is made (glIsProgramARB)
 *   profile             GL_CONTEXT_PROFILE_MASK is GL_CONTEXT_COMPATIBILITY_PROFILE_BIT in a
 *                       3.2 or later context (Qt reads it to know its context)
 *
 * Prints "PASS <check>", "FAIL <check>: why" or "SKIP <check>: why" per check, "info: ..."
 * lines, then "done". Exit status 0 when nothing failed, 77 without a compatibility context.
 */
#define _POSIX_C_SOURCE 200809L
#define GL_GLEXT_PROTOTYPES 1
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GL/gl.h>
#include <GL/glext.h>
#include <wayland-client.h>

#include "gl-checks-desktop.h"
#include "gl-checks.h"

#define SIZE 8

/* An entry point under its extension's name; NULL (and a FAIL line) when absent. */
static void *proc(const char *check, const char *name)
{
	void *fn = (void *)eglGetProcAddress(name);
	if (!fn)
		gc_fail(check, "eglGetProcAddress(%s) is NULL", name);
	return fn;
}

/* A 1x1 texture of one colour on the active unit, nearest, enabled. */
static GLuint texel(const GLubyte rgba[4])
{
	GLuint t;
	glGenTextures(1, &t);
	glBindTexture(GL_TEXTURE_2D, t);
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
	glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 1, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
	glEnable(GL_TEXTURE_2D);
	return t;
}

static void full_quad(void)
{
	glBegin(GL_QUADS);
	glVertex2f(-1, -1);
	glVertex2f(1, -1);
	glVertex2f(1, 1);
	glVertex2f(-1, 1);
	glEnd();
}

static bool has_word(const char *list, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = list; (p = strstr(p, word)); p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return true;
	return false;
}

static void check_extensions_string(void)
{
	const char *check = "extensions-string";
	const char *all = (const char *)glGetString(GL_EXTENSIONS);
	if (!gc_no_error(check, "glGetString(GL_EXTENSIONS)"))
		return;
	if (!all || !*all) {
		gc_fail(check, "glGetString(GL_EXTENSIONS) is %s", all ? "empty" : "NULL");
		return;
	}
	static const char *const need[] = {"GL_ARB_multitexture", "GL_ARB_vertex_buffer_object",
	                                   "GL_ARB_point_parameters"};
	for (size_t i = 0; i < sizeof(need) / sizeof(need[0]); i++)
		if (!has_word(all, need[i])) {
			gc_fail(check, "GL_EXTENSIONS lacks %s", need[i]);
			return;
		}
	PFNGLGETSTRINGIPROC get_stringi = (PFNGLGETSTRINGIPROC)proc(check, "glGetStringi");
	if (!get_stringi)
		return;
	GLint n = 0;
	glGetIntegerv(GL_NUM_EXTENSIONS, &n);
	size_t words = 0;
	for (const char *p = all; *p;) {
		size_t len = strcspn(p, " ");
		words += len > 0;
		p += len;
		p += *p == ' ';
	}
	if ((size_t)n != words) {
		gc_fail(check, "GL_NUM_EXTENSIONS %d, GL_EXTENSIONS has %zu words", n, words);
		return;
	}
	for (GLint i = 0; i < n; i++) {
		const char *e = (const char *)get_stringi(GL_EXTENSIONS, (GLuint)i);
		if (!e || !has_word(all, e)) {
			gc_fail(check, "glGetStringi(%d) %s is not in GL_EXTENSIONS", i,
			        e ? e : "NULL");
			return;
		}
	}
	printf("info: %d extensions\n", n);
	gc_result(check, gc_no_error(check, "glGetStringi"));
}

static void check_multitexture(void)
{
	const char *check = "multitexture";
	if (!gc_needs(check, "GL_ARB_multitexture") || !gc_needs(check, "GL_ARB_texture_env_add"))
		return;
	PFNGLACTIVETEXTUREARBPROC active =
	        (PFNGLACTIVETEXTUREARBPROC)proc(check, "glActiveTextureARB");
	PFNGLCLIENTACTIVETEXTUREARBPROC client =
	        (PFNGLCLIENTACTIVETEXTUREARBPROC)proc(check, "glClientActiveTextureARB");
	PFNGLMULTITEXCOORD2FARBPROC coord =
	        (PFNGLMULTITEXCOORD2FARBPROC)proc(check, "glMultiTexCoord2fARB");
	if (!active || !client || !coord)
		return;
	static const GLubyte red[4] = {255, 0, 0, 255}, green[4] = {0, 255, 0, 255};
	active(GL_TEXTURE0_ARB);
	GLuint t0 = texel(red);
	glTexEnvi(GL_TEXTURE_ENV, GL_TEXTURE_ENV_MODE, GL_REPLACE);
	active(GL_TEXTURE1_ARB);
	GLuint t1 = texel(green);
	glTexEnvi(GL_TEXTURE_ENV, GL_TEXTURE_ENV_MODE, GL_ADD);
	GLint unit = 0, cunit = 0;
	glGetIntegerv(GL_ACTIVE_TEXTURE_ARB, &unit);
	client(GL_TEXTURE1_ARB);
	glGetIntegerv(GL_CLIENT_ACTIVE_TEXTURE_ARB, &cunit);
	client(GL_TEXTURE0_ARB);
	glClearColor(0, 0, 1, 1);
	glClear(GL_COLOR_BUFFER_BIT);
	glBegin(GL_QUADS);
	static const float xy[4][2] = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
	for (int i = 0; i < 4; i++) {
		coord(GL_TEXTURE0_ARB, 0.5f, 0.5f);
		coord(GL_TEXTURE1_ARB, 0.5f, 0.5f);
		glVertex2fv(xy[i]);
	}
	glEnd();
	bool ok = gc_no_error(check, "the multitextured quad");
	if (ok && unit != GL_TEXTURE1_ARB)
		ok = gc_fail(check, "GL_ACTIVE_TEXTURE 0x%x, expected GL_TEXTURE1", (unsigned)unit);
	if (ok && cunit != GL_TEXTURE1_ARB)
		ok = gc_fail(check, "GL_CLIENT_ACTIVE_TEXTURE 0x%x, expected GL_TEXTURE1",
		             (unsigned)cunit);
	ok = ok && gc_pixel_is(check, SIZE / 2, SIZE / 2, 0xffff00, "red + green");
	glDisable(GL_TEXTURE_2D);
	glDeleteTextures(1, &t1);
	active(GL_TEXTURE0_ARB);
	glDisable(GL_TEXTURE_2D);
	glDeleteTextures(1, &t0);
	gc_result(check, ok);
}

static void check_vertex_buffer_object(void)
{
	const char *check = "vertex-buffer-object";
	if (!gc_needs(check, "GL_ARB_vertex_buffer_object"))
		return;
	PFNGLGENBUFFERSARBPROC gen = (PFNGLGENBUFFERSARBPROC)proc(check, "glGenBuffersARB");
	PFNGLBINDBUFFERARBPROC bind = (PFNGLBINDBUFFERARBPROC)proc(check, "glBindBufferARB");
	PFNGLBUFFERDATAARBPROC data = (PFNGLBUFFERDATAARBPROC)proc(check, "glBufferDataARB");
	PFNGLMAPBUFFERARBPROC map = (PFNGLMAPBUFFERARBPROC)proc(check, "glMapBufferARB");
	PFNGLUNMAPBUFFERARBPROC unmap = (PFNGLUNMAPBUFFERARBPROC)proc(check, "glUnmapBufferARB");
	PFNGLGETBUFFERSUBDATAARBPROC get =
	        (PFNGLGETBUFFERSUBDATAARBPROC)proc(check, "glGetBufferSubDataARB");
	PFNGLISBUFFERARBPROC is = (PFNGLISBUFFERARBPROC)proc(check, "glIsBufferARB");
	PFNGLDELETEBUFFERSARBPROC del =
	        (PFNGLDELETEBUFFERSARBPROC)proc(check, "glDeleteBuffersARB");
	if (!gen || !bind || !data || !map || !unmap || !get || !is || !del)
		return;
	/* The right half of the target, written through the mapping. */
	static const GLfloat quad[8] = {0, -1, 1, -1, 1, 1, 0, 1};
	GLuint b = 0;
	gen(1, &b);
	bind(GL_ARRAY_BUFFER_ARB, b);
	data(GL_ARRAY_BUFFER_ARB, sizeof(quad), NULL, GL_STATIC_DRAW_ARB);
	GLfloat *m = map(GL_ARRAY_BUFFER_ARB, GL_WRITE_ONLY_ARB);
	if (!m) {
		gc_fail(check, "glMapBufferARB gave NULL (error 0x%x)", glGetError());
		return;
	}
	memcpy(m, quad, sizeof(quad));
	bool ok = unmap(GL_ARRAY_BUFFER_ARB) == GL_TRUE ||
	          gc_fail(check, "glUnmapBufferARB is GL_FALSE");
	GLfloat back[8] = {0};
	get(GL_ARRAY_BUFFER_ARB, 0, sizeof(back), back);
	if (ok && memcmp(back, quad, sizeof(quad)) != 0)
		ok = gc_fail(check, "glGetBufferSubDataARB read back other values");
	if (ok && !is(b))
		ok = gc_fail(check, "glIsBufferARB(%u) is GL_FALSE", b);
	glClearColor(0, 0, 0, 1);
	glClear(GL_COLOR_BUFFER_BIT);
	glColor3f(0, 0, 1);
	glEnableClientState(GL_VERTEX_ARRAY);
	glVertexPointer(2, GL_FLOAT, 0, (const void *)0);
	glDrawArrays(GL_QUADS, 0, 4);
	glDisableClientState(GL_VERTEX_ARRAY);
	bind(GL_ARRAY_BUFFER_ARB, 0);
	glColor3f(1, 1, 1);
	ok = ok && gc_no_error(check, "the buffer's quad");
	ok = ok && gc_pixel_is(check, SIZE * 3 / 4, SIZE / 2, 0x0000ff, "the buffer's quad");
	ok = ok && gc_pixel_is(check, SIZE / 4, SIZE / 2, 0x000000, "beside the buffer's quad");
	del(1, &b);
	if (ok && is(b))
		ok = gc_fail(check, "glIsBufferARB of a deleted buffer is GL_TRUE");
	gc_result(check, ok);
}

static void check_point_parameters(void)
{
	const char *check = "point-parameters";
	if (!gc_needs(check, "GL_ARB_point_parameters"))
		return;
	PFNGLPOINTPARAMETERFARBPROC pf =
	        (PFNGLPOINTPARAMETERFARBPROC)proc(check, "glPointParameterfARB");
	PFNGLPOINTPARAMETERFVARBPROC pfv =
	        (PFNGLPOINTPARAMETERFVARBPROC)proc(check, "glPointParameterfvARB");
	if (!pf || !pfv)
		return;
	static const GLfloat att[3] = {1, 0.5f, 0.25f};
	pf(GL_POINT_SIZE_MIN_ARB, 2);
	pf(GL_POINT_SIZE_MAX_ARB, 6);
	pfv(GL_POINT_DISTANCE_ATTENUATION_ARB, att);
	GLfloat lo = 0, hi = 0, got[3] = {0};
	glGetFloatv(GL_POINT_SIZE_MIN_ARB, &lo);
	glGetFloatv(GL_POINT_SIZE_MAX_ARB, &hi);
	glGetFloatv(GL_POINT_DISTANCE_ATTENUATION_ARB, got);
	bool ok = gc_no_error(check, "glPointParameter*ARB");
	if (ok && (lo != 2 || hi != 6))
		ok = gc_fail(check, "min %g max %g, expected 2 and 6", lo, hi);
	if (ok && memcmp(got, att, sizeof(att)) != 0)
		ok = gc_fail(check, "attenuation %g %g %g", got[0], got[1], got[2]);
	pf(GL_POINT_SIZE_MIN_ARB, 0);
	pf(GL_POINT_SIZE_MAX_ARB, hi);
	static const GLfloat one[3] = {1, 0, 0};
	pfv(GL_POINT_DISTANCE_ATTENUATION_ARB, one);
	gc_result(check, ok);
}

static void check_framebuffer_object_ext(GLuint main_fb)
{
	const char *check = "framebuffer-object-ext";
	if (!gc_needs(check, "GL_EXT_framebuffer_object"))
		return;
	PFNGLGENFRAMEBUFFERSEXTPROC gen =
	        (PFNGLGENFRAMEBUFFERSEXTPROC)proc(check, "glGenFramebuffersEXT");
	PFNGLBINDFRAMEBUFFEREXTPROC bind =
	        (PFNGLBINDFRAMEBUFFEREXTPROC)proc(check, "glBindFramebufferEXT");
	PFNGLFRAMEBUFFERTEXTURE2DEXTPROC tex2d =
	        (PFNGLFRAMEBUFFERTEXTURE2DEXTPROC)proc(check, "glFramebufferTexture2DEXT");
	PFNGLCHECKFRAMEBUFFERSTATUSEXTPROC status =
	        (PFNGLCHECKFRAMEBUFFERSTATUSEXTPROC)proc(check, "glCheckFramebufferStatusEXT");
	PFNGLDELETEFRAMEBUFFERSEXTPROC del =
	        (PFNGLDELETEFRAMEBUFFERSEXTPROC)proc(check, "glDeleteFramebuffersEXT");
	if (!gen || !bind || !tex2d || !status || !del)
		return;
	GLuint t, fb = 0;
	glGenTextures(1, &t);
	glBindTexture(GL_TEXTURE_2D, t);
	glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 4, 4, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
	gen(1, &fb);
	bind(GL_FRAMEBUFFER_EXT, fb);
	tex2d(GL_FRAMEBUFFER_EXT, GL_COLOR_ATTACHMENT0_EXT, GL_TEXTURE_2D, t, 0);
	GLenum st = status(GL_FRAMEBUFFER_EXT);
	bool ok = st == GL_FRAMEBUFFER_COMPLETE_EXT ||
	          gc_fail(check, "texture framebuffer status 0x%x", st);
	glViewport(0, 0, 4, 4);
	glClearColor(1, 0, 1, 1);
	glClear(GL_COLOR_BUFFER_BIT);
	ok = ok && gc_pixel_is(check, 1, 1, 0xff00ff, "the texture's clear");
	/* EXT_framebuffer_object binds a name never generated (the core command does not). */
	bind(GL_FRAMEBUFFER_EXT, 4242);
	ok = ok && gc_no_error(check, "glBindFramebufferEXT of a name never generated");
	st = status(GL_FRAMEBUFFER_EXT);
	if (ok && st != GL_FRAMEBUFFER_INCOMPLETE_MISSING_ATTACHMENT_EXT)
		ok = gc_fail(check, "an empty framebuffer's status 0x%x", st);
	GLuint named = 4242;
	del(1, &named);
	bind(GL_FRAMEBUFFER_EXT, main_fb);
	del(1, &fb);
	glDeleteTextures(1, &t);
	glViewport(0, 0, SIZE, SIZE);
	gc_result(check, ok && gc_no_error(check, "the framebuffer's deletion"));
}

static void check_blend_ext(void)
{
	const char *check = "blend-ext";
	if (!gc_needs(check, "GL_EXT_blend_color") || !gc_needs(check, "GL_EXT_blend_minmax") ||
	    !gc_needs(check, "GL_EXT_blend_func_separate"))
		return;
	PFNGLBLENDCOLOREXTPROC color = (PFNGLBLENDCOLOREXTPROC)proc(check, "glBlendColorEXT");
	PFNGLBLENDEQUATIONEXTPROC eq = (PFNGLBLENDEQUATIONEXTPROC)proc(check, "glBlendEquationEXT");
	PFNGLBLENDFUNCSEPARATEEXTPROC func =
	        (PFNGLBLENDFUNCSEPARATEEXTPROC)proc(check, "glBlendFuncSeparateEXT");
	if (!color || !eq || !func)
		return;
	glClearColor(0, 0, 1, 1);
	glClear(GL_COLOR_BUFFER_BIT);
	glEnable(GL_BLEND);
	/* Green times the constant green, plus the blue there: cyan. */
	color(0, 1, 0, 1);
	eq(GL_FUNC_ADD_EXT);
	func(GL_CONSTANT_COLOR_EXT, GL_ONE, GL_ONE, GL_ZERO);
	glColor3f(0, 1, 0);
	full_quad();
	bool ok = gc_no_error(check, "the constant-colour quad");
	ok = ok && gc_pixel_is(check, SIZE / 2, SIZE / 2, 0x00ffff, "green + blue");
	/* GL_MAX_EXT ignores the factors: max(red, cyan) is white. */
	eq(GL_MAX_EXT);
	glColor3f(1, 0, 0);
	full_quad();
	GLint src_rgb = 0, mode = 0;
	glGetIntegerv(GL_BLEND_SRC_RGB_EXT, &src_rgb);
	glGetIntegerv(GL_BLEND_EQUATION_EXT, &mode);
	glDisable(GL_BLEND);
	eq(GL_FUNC_ADD_EXT);
	func(GL_ONE, GL_ZERO, GL_ONE, GL_ZERO);
	glColor3f(1, 1, 1);
	ok = ok && gc_no_error(check, "the GL_MAX_EXT quad");
	ok = ok && gc_pixel_is(check, SIZE / 2, SIZE / 2, 0xffffff, "max of red and cyan");
	if (ok && (src_rgb != GL_CONSTANT_COLOR_EXT || mode != GL_MAX_EXT))
		ok = gc_fail(check, "GL_BLEND_SRC_RGB 0x%x, GL_BLEND_EQUATION 0x%x",
		             (unsigned)src_rgb, (unsigned)mode);
	gc_result(check, ok);
}

/* A triangle over the whole framebuffer, its vertices red, green, blue. */
static void rgb_triangle(void)
{
	glBegin(GL_TRIANGLES);
	glColor3f(1, 0, 0);
	glVertex2f(-1, -1);
	glColor3f(0, 1, 0);
	glVertex2f(3, -1);
	glColor3f(0, 0, 1);
	glVertex2f(-1, 3);
	glEnd();
}

static void check_provoking_vertex_ext(void)
{
	const char *check = "provoking-vertex-ext";
	if (!gc_needs(check, "GL_EXT_provoking_vertex"))
		return;
	PFNGLPROVOKINGVERTEXEXTPROC provoking =
	        (PFNGLPROVOKINGVERTEXEXTPROC)proc(check, "glProvokingVertexEXT");
	if (!provoking)
		return;
	glShadeModel(GL_FLAT);
	provoking(GL_FIRST_VERTEX_CONVENTION_EXT);
	rgb_triangle();
	GLint first = 0, last = 0;
	glGetIntegerv(GL_PROVOKING_VERTEX_EXT, &first);
	bool ok = gc_no_error(check, "the first-vertex triangle") &&
	          gc_pixel_is(check, SIZE / 2, SIZE / 2, 0xff0000, "the first vertex's red");
	provoking(GL_LAST_VERTEX_CONVENTION_EXT);
	rgb_triangle();
	glGetIntegerv(GL_PROVOKING_VERTEX_EXT, &last);
	glShadeModel(GL_SMOOTH);
	glColor3f(1, 1, 1);
	ok = ok && gc_no_error(check, "the last-vertex triangle") &&
	     gc_pixel_is(check, SIZE / 2, SIZE / 2, 0x0000ff, "the last vertex's blue");
	if (ok &&
	    (first != GL_FIRST_VERTEX_CONVENTION_EXT || last != GL_LAST_VERTEX_CONVENTION_EXT))
		ok = gc_fail(check, "GL_PROVOKING_VERTEX_EXT 0x%x then 0x%x", (unsigned)first,
		             (unsigned)last);
	gc_result(check, ok);
}

static void check_texture_barrier_nv(GLuint main_fb)
{
	const char *check = "texture-barrier-nv";
	if (!gc_needs(check, "GL_NV_texture_barrier"))
		return;
	PFNGLTEXTUREBARRIERNVPROC barrier =
	        (PFNGLTEXTUREBARRIERNVPROC)proc(check, "glTextureBarrierNV");
	if (!barrier)
		return;
	GLuint tex, fb;
	glGenTextures(1, &tex);
	glBindTexture(GL_TEXTURE_2D, tex);
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
	glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, SIZE, SIZE, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
	glGenFramebuffers(1, &fb);
	glBindFramebuffer(GL_FRAMEBUFFER, fb);
	glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex, 0);
	glClearColor(1, 0, 0, 1);
	glClear(GL_COLOR_BUFFER_BIT);
	/* The barrier makes the clear visible to the texture fetches of the next draw, which
	 * reads and writes each texel once: red plus green. */
	barrier();
	glEnable(GL_TEXTURE_2D);
	glTexEnvi(GL_TEXTURE_ENV, GL_TEXTURE_ENV_MODE, GL_ADD);
	glColor3f(0, 1, 0);
	glBegin(GL_QUADS);
	glTexCoord2f(0, 0);
	glVertex2f(-1, -1);
	glTexCoord2f(1, 0);
	glVertex2f(1, -1);
	glTexCoord2f(1, 1);
	glVertex2f(1, 1);
	glTexCoord2f(0, 1);
	glVertex2f(-1, 1);
	glEnd();
	bool ok = gc_no_error(check, "the quad after glTextureBarrierNV") &&
	          gc_pixel_is(check, SIZE / 2, SIZE / 2, 0xffff00, "red read back plus green");
	glTexEnvi(GL_TEXTURE_ENV, GL_TEXTURE_ENV_MODE, GL_MODULATE);
	glDisable(GL_TEXTURE_2D);
	glColor3f(1, 1, 1);
	glBindFramebuffer(GL_FRAMEBUFFER, main_fb);
	glDeleteFramebuffers(1, &fb);
	glDeleteTextures(1, &tex);
	gc_result(check, ok);
}

static void check_texture_env_combine4(void)
{
	const char *check = "texture-env-combine4";
	if (!gc_needs(check, "GL_NV_texture_env_combine4"))
		return;
	GLuint t = texel((const GLubyte[4]){255, 0, 0, 255});
	/* Arg0 * Arg1 + Arg2 * Arg3: the texture's red times 1 (one minus zero), plus the
	 * primary green times 1. */
	glTexEnvi(GL_TEXTURE_ENV, GL_TEXTURE_ENV_MODE, GL_COMBINE4_NV);
	glTexEnvi(GL_TEXTURE_ENV, GL_COMBINE_RGB, GL_ADD);
	glTexEnvi(GL_TEXTURE_ENV, GL_SOURCE0_RGB, GL_TEXTURE);
	glTexEnvi(GL_TEXTURE_ENV, GL_OPERAND0_RGB, GL_SRC_COLOR);
	glTexEnvi(GL_TEXTURE_ENV, GL_SOURCE1_RGB, GL_ZERO);
	glTexEnvi(GL_TEXTURE_ENV, GL_OPERAND1_RGB, GL_ONE_MINUS_SRC_COLOR);
	glTexEnvi(GL_TEXTURE_ENV, GL_SOURCE2_RGB, GL_PRIMARY_COLOR);
	glTexEnvi(GL_TEXTURE_ENV, GL_OPERAND2_RGB, GL_SRC_COLOR);
	const GLint src3[1] = {GL_ZERO}, op3[1] = {GL_ONE_MINUS_SRC_COLOR};
	glTexEnviv(GL_TEXTURE_ENV, GL_SOURCE3_RGB_NV, src3);
	glTexEnviv(GL_TEXTURE_ENV, GL_OPERAND3_RGB_NV, op3);
	glColor3f(0, 1, 0);
	full_quad();
	GLint got = -1;
	glGetTexEnviv(GL_TEXTURE_ENV, GL_SOURCE3_RGB_NV, &got);
	bool ok = gc_no_error(check, "the GL_COMBINE4_NV quad") &&
	          gc_pixel_is(check, SIZE / 2, SIZE / 2, 0xffff00, "red plus green");
	if (ok && got != GL_ZERO)
		ok = gc_fail(check, "GL_SOURCE3_RGB_NV 0x%x, not GL_ZERO", (unsigned)got);
	glTexEnvi(GL_TEXTURE_ENV, GL_TEXTURE_ENV_MODE, GL_MODULATE);
	glDisable(GL_TEXTURE_2D);
	glDeleteTextures(1, &t);
	glColor3f(1, 1, 1);
	gc_result(check, ok);
}

static void check_texture_swizzle_ext(void)
{
	const char *check = "texture-swizzle-ext";
	if (!gc_needs(check, "GL_EXT_texture_swizzle"))
		return;
	GLuint t = texel((const GLubyte[4]){255, 0, 0, 255});
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_R_EXT, GL_ZERO);
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_G_EXT, GL_RED);
	glTexEnvi(GL_TEXTURE_ENV, GL_TEXTURE_ENV_MODE, GL_REPLACE);
	full_quad();
	GLint g = 0;
	glGetTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_G_EXT, &g);
	bool ok = gc_no_error(check, "the swizzled quad") &&
	          gc_pixel_is(check, SIZE / 2, SIZE / 2, 0x00ff00, "red swizzled to green");
	if (ok && g != GL_RED)
		ok = gc_fail(check, "GL_TEXTURE_SWIZZLE_G_EXT 0x%x, not GL_RED", (unsigned)g);
	glTexEnvi(GL_TEXTURE_ENV, GL_TEXTURE_ENV_MODE, GL_MODULATE);
	glDisable(GL_TEXTURE_2D);
	glDeleteTextures(1, &t);
	gc_result(check, ok);
}

/* NV_conditional_render: a quad drawn under an occlusion query that passed no sample is
 * skipped, under one that passed samples it is drawn. */
static void check_conditional_render_nv(void)
{
	const char *check = "conditional-render-nv";
	if (!gc_needs(check, "GL_NV_conditional_render"))
		return;
	PFNGLBEGINCONDITIONALRENDERNVPROC begin =
	        (PFNGLBEGINCONDITIONALRENDERNVPROC)proc(check, "glBeginConditionalRenderNV");
	PFNGLENDCONDITIONALRENDERNVPROC end =
	        (PFNGLENDCONDITIONALRENDERNVPROC)proc(check, "glEndConditionalRenderNV");
	if (!begin || !end)
		return;
	GLuint q[2];
	glGenQueries(2, q);
	glClearColor(0, 0, 0, 1);
	glClear(GL_COLOR_BUFFER_BIT);
	/* q[0] counts a quad the scissor box keeps out, q[1] one that is drawn (black on black). */
	glColor3f(0, 0, 0);
	glEnable(GL_SCISSOR_TEST);
	glScissor(0, 0, 0, 0);
	glBeginQuery(GL_SAMPLES_PASSED, q[0]);
	full_quad();
	glEndQuery(GL_SAMPLES_PASSED);
	glDisable(GL_SCISSOR_TEST);
	glBeginQuery(GL_SAMPLES_PASSED, q[1]);
	full_quad();
	glEndQuery(GL_SAMPLES_PASSED);
	glColor3f(1, 0, 0);
	begin(q[0], GL_QUERY_WAIT_NV);
	full_quad();
	end();
	bool ok =
	        gc_no_error(check, "the draw under a query that passed nothing") &&
	        gc_pixel_is(check, SIZE / 2, SIZE / 2, 0x000000, "the skipped red quad left black");
	glColor3f(0, 1, 0);
	begin(q[1], GL_QUERY_WAIT_NV);
	full_quad();
	end();
	glColor3f(1, 1, 1);
	ok = ok && gc_no_error(check, "the draw under a query that passed") &&
	     gc_pixel_is(check, SIZE / 2, SIZE / 2, 0x00ff00, "the green quad drawn");
	glDeleteQueries(2, q);
	gc_result(check, ok);
}

static const char g4_vs[] = "#version 120\n#extension GL_EXT_gpu_shader4 : require\n"
                            "attribute vec4 pos;\nattribute ivec4 k;\n"
                            "flat varying unsigned int v;\n"
                            "void main() { gl_Position = pos; v = unsigned int(k.y) ^ 2u; }\n";
static const char g4_fs[] = "#version 120\n#extension GL_EXT_gpu_shader4 : require\n"
                            "uniform unsigned int u;\nflat varying unsigned int v;\n"
                            "varying out vec4 colour;\n"
                            "void main() { colour = vec4(0.0, float((u & v) == 4u), 0.0, 1.0); }\n";

static void check_gpu_shader4_ext(void)
{
	const char *check = "gpu-shader4-ext";
	if (!gc_needs(check, "GL_EXT_gpu_shader4") || !gc_needs(check, "GL_EXT_texture_integer"))
		return;
	PFNGLUNIFORM1UIEXTPROC uniform1ui = proc(check, "glUniform1uiEXT");
	PFNGLGETUNIFORMUIVEXTPROC get_uniformuiv = proc(check, "glGetUniformuivEXT");
	PFNGLVERTEXATTRIBI4IEXTPROC attrib_i4i = proc(check, "glVertexAttribI4iEXT");
	PFNGLGETVERTEXATTRIBIIVEXTPROC get_attrib_iiv = proc(check, "glGetVertexAttribIivEXT");
	PFNGLBINDFRAGDATALOCATIONEXTPROC bind_frag = proc(check, "glBindFragDataLocationEXT");
	PFNGLGETFRAGDATALOCATIONEXTPROC get_frag = proc(check, "glGetFragDataLocationEXT");
	PFNGLCLEARCOLORIUIEXTPROC clear_iui = proc(check, "glClearColorIuiEXT");
	if (!uniform1ui || !get_uniformuiv || !attrib_i4i || !get_attrib_iiv || !bind_frag ||
	    !get_frag || !clear_iui)
		return;
	GLuint vs = gc_shader(GL_VERTEX_SHADER, g4_vs), fs = gc_shader(GL_FRAGMENT_SHADER, g4_fs);
	if (!vs || !fs) {
		gc_fail(check, "its shaders do not compile");
		return;
	}
	GLuint prog = glCreateProgram();
	glAttachShader(prog, vs);
	glAttachShader(prog, fs);
	glBindAttribLocation(prog, 0, "pos");
	glBindAttribLocation(prog, 1, "k");
	bind_frag(prog, 0, "colour");
	glLinkProgram(prog);
	GLint linked = 0;
	glGetProgramiv(prog, GL_LINK_STATUS, &linked);
	if (!linked) {
		gc_fail(check, "its program does not link");
		return;
	}
	glUseProgram(prog);
	/* 12 & (5 ^ 2) == 4: green. */
	uniform1ui(glGetUniformLocation(prog, "u"), 12u);
	attrib_i4i(1, 0, 5, 0, 0);
	clear_iui(1, 2, 3, 4);
	const GLfloat quad[] = {-1, -1, 1, -1, 1, 1, -1, 1};
	glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, quad);
	glEnableVertexAttribArray(0);
	glDrawArrays(GL_TRIANGLE_FAN, 0, 4);
	glDisableVertexAttribArray(0);
	GLuint u = 0;
	GLint k[4] = {0}, at = get_frag(prog, "colour");
	get_uniformuiv(prog, glGetUniformLocation(prog, "u"), &u);
	get_attrib_iiv(1, GL_CURRENT_VERTEX_ATTRIB, k);
	bool ok = gc_no_error(check, "the EXT_gpu_shader4 quad") &&
	          gc_pixel_is(check, SIZE / 2, SIZE / 2, 0x00ff00, "12 & (5 ^ 2) == 4");
	if (ok && (u != 12u || k[1] != 5 || at != 0))
		ok = gc_fail(check, "read back u %u, k.y %d, colour's location %d", u, k[1], at);
	glUseProgram(0);
	glDeleteProgram(prog);
	glDeleteShader(vs);
	glDeleteShader(fs);
	gc_result(check, ok);
}

static const char arb_vp[] = "!!ARBvp1.0\nPARAM c = program.local[0];\n"
                             "MOV result.position, vertex.position;\nMOV result.color, c;\nEND\n";
static const char arb_fp[] = "!!ARBfp1.0\nPARAM k = program.env[1];\n"
                             "MUL result.color, fragment.color, k;\nEND\n";
/* An error at "vertex.nothing", byte 33. */
static const char arb_bad[] = "!!ARBvp1.0\nMOV result.position, vertex.nothing;\nEND\n";

static void check_arb_programs(void)
{
	const char *check = "arb-programs";
	if (!gc_needs(check, "GL_ARB_vertex_program") ||
	    !gc_needs(check, "GL_ARB_fragment_program"))
		return;
	PFNGLGENPROGRAMSARBPROC gen = proc(check, "glGenProgramsARB");
	PFNGLBINDPROGRAMARBPROC bind = proc(check, "glBindProgramARB");
	PFNGLPROGRAMSTRINGARBPROC string = proc(check, "glProgramStringARB");
	PFNGLPROGRAMLOCALPARAMETER4FARBPROC local4f = proc(check, "glProgramLocalParameter4fARB");
	PFNGLPROGRAMENVPARAMETER4FVARBPROC env4fv = proc(check, "glProgramEnvParameter4fvARB");
	PFNGLGETPROGRAMLOCALPARAMETERFVARBPROC get_local =
	        proc(check, "glGetProgramLocalParameterfvARB");
	PFNGLGETPROGRAMIVARBPROC get_iv = proc(check, "glGetProgramivARB");
	PFNGLGETPROGRAMSTRINGARBPROC get_string = proc(check, "glGetProgramStringARB");
	PFNGLISPROGRAMARBPROC is = proc(check, "glIsProgramARB");
	PFNGLDELETEPROGRAMSARBPROC del = proc(check, "glDeleteProgramsARB");
	if (!gen || !bind || !string || !local4f || !env4fv || !get_local || !get_iv ||
	    !get_string || !is || !del)
		return;
	GLuint p[2];
	gen(2, p);
	bind(GL_VERTEX_PROGRAM_ARB, p[0]);
	string(GL_VERTEX_PROGRAM_ARB, GL_PROGRAM_FORMAT_ASCII_ARB, (GLsizei)strlen(arb_bad),
	       arb_bad);
	GLenum bad_error = glGetError();
	GLint bad_at = -1;
	glGetIntegerv(GL_PROGRAM_ERROR_POSITION_ARB, &bad_at);
	const char *bad_why = (const char *)glGetString(GL_PROGRAM_ERROR_STRING_ARB);
	bool ok = true;
	if (bad_error != GL_INVALID_OPERATION || bad_at < 0 || !bad_why || !*bad_why)
		ok = gc_fail(check, "a bad text: error 0x%x, position %d, string \"%s\"",
		             (unsigned)bad_error, bad_at, bad_why ? bad_why : "(null)");
	string(GL_VERTEX_PROGRAM_ARB, GL_PROGRAM_FORMAT_ASCII_ARB, (GLsizei)strlen(arb_vp), arb_vp);
	bind(GL_FRAGMENT_PROGRAM_ARB, p[1]);
	string(GL_FRAGMENT_PROGRAM_ARB, GL_PROGRAM_FORMAT_ASCII_ARB, (GLsizei)strlen(arb_fp),
	       arb_fp);
	GLint at = 0;
	glGetIntegerv(GL_PROGRAM_ERROR_POSITION_ARB, &at);
	local4f(GL_VERTEX_PROGRAM_ARB, 0, 0.5f, 1, 0.25f, 1);
	env4fv(GL_FRAGMENT_PROGRAM_ARB, 1, (const GLfloat[4]){0, 1, 0, 1});
	glEnable(GL_VERTEX_PROGRAM_ARB);
	glEnable(GL_FRAGMENT_PROGRAM_ARB);
	full_quad();
	glDisable(GL_VERTEX_PROGRAM_ARB);
	glDisable(GL_FRAGMENT_PROGRAM_ARB);
	ok = gc_no_error(check, "the ARB program quad") && ok &&
	     gc_pixel_is(check, SIZE / 2, SIZE / 2, 0x00ff00, "(0.5, 1, 0.25) times (0, 1, 0)");
	GLfloat got[4] = {0};
	GLint len = 0;
	char text[sizeof(arb_vp)] = {0};
	get_local(GL_VERTEX_PROGRAM_ARB, 0, got);
	bind(GL_VERTEX_PROGRAM_ARB, p[0]);
	get_iv(GL_VERTEX_PROGRAM_ARB, GL_PROGRAM_LENGTH_ARB, &len);
	if (len == (GLint)strlen(arb_vp))
		get_string(GL_VERTEX_PROGRAM_ARB, GL_PROGRAM_STRING_ARB, text);
	if (ok && (at != -1 || got[2] != 0.25f || len != (GLint)strlen(arb_vp) ||
	           strcmp(text, arb_vp) != 0))
		ok = gc_fail(check, "read back: position %d, local z %g, length %d, text %s", at,
		             (double)got[2], len, strcmp(text, arb_vp) == 0 ? "right" : "wrong");
	/* A name never generated, bound, is a program from then on. */
	bind(GL_VERTEX_PROGRAM_ARB, 4242);
	if (ok && is(4242) != GL_TRUE)
		ok = gc_fail(check, "a program bound by an unused name is no program");
	bind(GL_VERTEX_PROGRAM_ARB, 0);
	bind(GL_FRAGMENT_PROGRAM_ARB, 0);
	GLuint all[3] = {p[0], p[1], 4242};
	del(3, all);
	if (ok && is(p[0]))
		ok = gc_fail(check, "a deleted program is still one");
	ok = gc_no_error(check, "the ARB programs' queries") && ok;
	gc_result(check, ok);
}

/* Two quads side by side as strips (0..3 left, 4..7 right), all green; vertex 8 is red,
 * where a strip that did not restart at it would draw red over the left quad's top. */
static const GLfloat restart_xy[9 * 2] = {-1, -1, 0,  -1, -1, 1, 0, 1,    0,
                                          -1, 1,  -1, 0,  1,  1, 1, 0.5f, 0.5f};
static const GLfloat restart_rgb[9 * 3] = {0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1,
                                           0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 1, 0, 0};

static bool restart_drawn(const char *check, const char *what)
{
	return gc_no_error(check, what) && gc_pixel_is(check, 3, 7, 0x00ff00, what) &&
	       gc_pixel_is(check, 1, 1, 0x00ff00, what) && gc_pixel_is(check, 6, 2, 0x00ff00, what);
}

static void check_primitive_restart_nv(void)
{
	const char *check = "primitive-restart-nv";
	if (!gc_needs(check, "GL_NV_primitive_restart"))
		return;
	PFNGLPRIMITIVERESTARTINDEXNVPROC restart_index =
	        (PFNGLPRIMITIVERESTARTINDEXNVPROC)proc(check, "glPrimitiveRestartIndexNV");
	if (!restart_index || !proc(check, "glPrimitiveRestartNV"))
		return;
	static const GLuint elts[9] = {0, 1, 2, 3, 0x12345678, 4, 5, 6, 7};
	glShadeModel(GL_FLAT);
	glVertexPointer(2, GL_FLOAT, 0, restart_xy);
	glColorPointer(3, GL_FLOAT, 0, restart_rgb);
	glEnableClientState(GL_VERTEX_ARRAY);
	glEnableClientState(GL_COLOR_ARRAY);
	glEnableClientState(GL_PRIMITIVE_RESTART_NV);
	restart_index(0x12345678);
	glClear(GL_COLOR_BUFFER_BIT);
	glDrawElements(GL_TRIANGLE_STRIP, 9, GL_UNSIGNED_INT, elts);
	bool ok = restart_drawn(check, "glDrawElements with the restart index");
	restart_index(8);
	glClear(GL_COLOR_BUFFER_BIT);
	glBegin(GL_TRIANGLE_STRIP);
	for (int i = 0; i < 9; i++)
		glArrayElement(i < 4 ? i : i == 4 ? 8 : i - 1);
	glEnd();
	ok = ok && restart_drawn(check, "glArrayElement of the restart index");
	glPushClientAttrib(GL_CLIENT_VERTEX_ARRAY_BIT);
	glDisableClientState(GL_PRIMITIVE_RESTART_NV);
	restart_index(3);
	GLboolean off = glIsEnabled(GL_PRIMITIVE_RESTART_NV);
	glPopClientAttrib();
	GLint index = 0;
	glGetIntegerv(GL_PRIMITIVE_RESTART_INDEX_NV, &index);
	GLboolean on = glIsEnabled(GL_PRIMITIVE_RESTART_NV);
	if (ok && (off || !on || index != 8))
		ok = gc_fail(check,
		             "enabled %d, then %d after the pop with index %d (want 0, 1, 8)", off,
		             on, index);
	/* GL 3.1's enable, off: Mesa keeps one enable for both (NV's goes off too, and the
	 * strip goes through the red vertex 8), a driver keeping two need not (it restarts). */
	static const GLubyte through[9] = {0, 1, 2, 3, 8, 4, 5, 6, 7};
	glDisable(GL_PRIMITIVE_RESTART);
	glClear(GL_COLOR_BUFFER_BIT);
	glDrawElements(GL_TRIANGLE_STRIP, 9, GL_UNSIGNED_BYTE, through);
	GLboolean nv = glIsEnabled(GL_PRIMITIVE_RESTART_NV);
	printf("info: GL_PRIMITIVE_RESTART_NV %d after glDisable(GL_PRIMITIVE_RESTART)\n", nv);
	ok = ok && gc_no_error(check, "a draw after glDisable(GL_PRIMITIVE_RESTART)") &&
	     gc_pixel_is(check, 3, 7, nv ? 0x00ff00 : 0xff0000,
	                 nv ? "restarted at vertex 8" : "drawn through the red vertex 8");
	glDisableClientState(GL_PRIMITIVE_RESTART_NV);
	glDisableClientState(GL_VERTEX_ARRAY);
	glDisableClientState(GL_COLOR_ARRAY);
	glShadeModel(GL_SMOOTH);
	glColor3f(1, 1, 1);
	gc_result(check, ok && gc_no_error(check, "the state queries"));
}

int main(void)
{
	struct gc_desktop d;
	int status;
	if (!gc_desktop_open(&d, EGL_CONTEXT_OPENGL_COMPATIBILITY_PROFILE_BIT, 0, 0, &status))
		return status;
	gc_extensions((const char *)glGetString(GL_EXTENSIONS), NULL);
	GLuint fb = gc_desktop_framebuffer(SIZE);
	check_extensions_string();
	check_multitexture();
	check_vertex_buffer_object();
	check_point_parameters();
	check_framebuffer_object_ext(fb);
	check_blend_ext();
	check_provoking_vertex_ext();
	check_texture_barrier_nv(fb);
	check_texture_env_combine4();
	check_texture_swizzle_ext();
	check_conditional_render_nv();
	check_gpu_shader4_ext();
	check_primitive_restart_nv();
	check_arb_programs();
	gc_desktop_check_profile("profile", EGL_CONTEXT_OPENGL_COMPATIBILITY_PROFILE_BIT);
	return gc_desktop_close(&d);
}
