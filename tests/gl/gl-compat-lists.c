/*
 * gl-compat-lists: a desktop OpenGL compatibility-profile app (no window: a surfaceless
 * 4.5 compatibility context on the Wayland display, drawing into a 16x16 framebuffer
 * object) that uses the attribute stack, evaluators, accumulation and the name stack, each
 * checked by values or pixels read back:
 *
 *   attrib-stack  glPushAttrib(GL_TEXTURE_BIT | GL_ENABLE_BIT), bindings and enables
 *                 changed, glPopAttrib: the bindings, the active unit and the enables are
 *                 back (glGet); a direct state access call and an upload after it reach the
 *                 textures the driver has bound
 *   eval-map      glMap1f and glMap2f read back (glGetMap*v: order, domain, coefficients;
 *                 Mesa 22 has no core-named glGetnMap*v natively)
 *   eval-bad      a glMap2f stride below the target's components: GL_INVALID_VALUE
 *   eval-mesh     glMap2f of a square over the target, glMapGrid2f, glEvalMesh2 fills it
 *   accum         glClearAccum read back; glAccum with no accumulation buffer is GL's
 *                 GL_INVALID_OPERATION
 *   name-stack    glInitNames, glPushName, glLoadName, glPopName, glPassThrough in
 *                 GL_RENDER mode: no name stack, no error
 *   feedback      an evaluated square in GL_FEEDBACK mode: a polygon token first, the
 *                 count GL returns, the values after it untouched; a buffer that does not
 *                 fit is GL's overflow (-1), nothing written past it
 *   select        the same square in GL_SELECT mode under name 5: one hit record
 *
 *   list-draw     a list drawing a red quad: GL_COMPILE draws nothing, glCallList does
 *   list-nested   a list that sets green and calls another drawing the quad
 *   list-call-lists glGenLists(3), glListBase, glCallLists of GL_UNSIGNED_BYTE names
 *                 (the last one drawn wins); glIsList before and after glDeleteLists
 *   list-label    glObjectLabel(GL_DISPLAY_LIST) of a list reads back (glGetObjectLabel);
 *                 of a name that is no list GL_INVALID_VALUE
 *   list-bind     a list compiled as glBindTexture(A) + glTexImage2D (4x4), with B bound
 *                 while compiling and calling: the binding stays B while compiling, is A
 *                 after the call (glGet, and direct state access binding back), the
 *                 image is A's, and an upload after the call reaches A
 *   list-compile-and-execute  GL_COMPILE_AND_EXECUTE draws at once and again when called
 *   list-in-begin-end  GL_COMPILE_AND_EXECUTE: glAlphaFunc and glEnable between glBegin
 *                 and glEnd fail at once and again when the list is called, the state
 *                 unchanged; glBegin, glBegin, glEnd in a GL_COMPILE list is kept and
 *                 fails when called, outside a primitive after it
 *   list-dispatch-indirect  glDispatchComputeIndirect in a list being made, either mode:
 *                 GL_INVALID_OPERATION (GL does not list it; the host runs it as a direct
 *                 dispatch, which a list would hold)
 *   list-multi-draw-indirect  glDrawArraysIndirect and glMultiDrawArraysIndirect in a list
 *                 being made, from buffers in a vertex array object and from client memory
 *                 in vertex array 0: GL_INVALID_OPERATION, nothing drawn, nor by glCallList
 * Prints "PASS <check>", "FAIL <check>: why" or "SKIP <check>: why" per check, "info: ..."
 * lines, then "done". Exit status 0 when nothing failed, 77 without a compatibility context.
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

static unsigned pixel_at(int x, int y)
{
	unsigned char p[4] = {0};
	glReadPixels(x, y, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, p);
	return (unsigned)p[0] << 16 | (unsigned)p[1] << 8 | p[2];
}

static bool int_is(const char *check, GLenum pname, GLint want)
{
	GLint v = -1;
	glGetIntegerv(pname, &v);
	return v == want || gc_fail(check, "glGetIntegerv(0x%x) %d, expected %d", pname, v, want);
}

static bool bound_is(const char *check, unsigned unit, GLuint want)
{
	glActiveTexture(GL_TEXTURE0 + unit);
	GLint v = -1;
	glGetIntegerv(GL_TEXTURE_BINDING_2D, &v);
	return (GLuint)v == want ||
	       gc_fail(check, "unit %u: texture %d bound, expected %u", unit, v, want);
}

static void check_attrib_stack(void)
{
	const char *c = "attrib-stack";
	bool ok = true;
	GLuint tex[3];
	glGenTextures(3, tex);
	for (int i = 0; i < 3; i++) {
		glBindTexture(GL_TEXTURE_2D, tex[i]);
		glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 2, 2, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
	}
	glActiveTexture(GL_TEXTURE0);
	glBindTexture(GL_TEXTURE_2D, tex[0]);
	glActiveTexture(GL_TEXTURE1);
	glBindTexture(GL_TEXTURE_2D, tex[1]);
	glActiveTexture(GL_TEXTURE0);
	glDisable(GL_TEXTURE_2D);
	glPushAttrib(GL_TEXTURE_BIT | GL_ENABLE_BIT);
	glActiveTexture(GL_TEXTURE1);
	glBindTexture(GL_TEXTURE_2D, tex[2]);
	glActiveTexture(GL_TEXTURE0);
	glBindTexture(GL_TEXTURE_2D, 0);
	glActiveTexture(GL_TEXTURE1);
	glEnable(GL_TEXTURE_2D);
	glPopAttrib();
	ok = int_is(c, GL_ACTIVE_TEXTURE, GL_TEXTURE0) && ok;
	ok = (!glIsEnabled(GL_TEXTURE_2D) || gc_fail(c, "GL_TEXTURE_2D still enabled")) && ok;
	/* Direct state access binds back what it finds bound: the library's
	 * idea of it must be the driver's after the pop. */
	glTextureParameteri(tex[2], GL_TEXTURE_MIN_FILTER, GL_NEAREST);
	ok = bound_is(c, 1, tex[1]) && ok;
	ok = bound_is(c, 0, tex[0]) && ok;
	/* An upload after the pop reaches the texture bound now (tex[0]). */
	glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 8, 4, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
	GLint w = 0;
	glGetTextureLevelParameteriv(tex[0], 0, GL_TEXTURE_WIDTH, &w);
	ok = (w == 8 || gc_fail(c, "texture 0 is %d wide, expected 8", w)) && ok;
	glGetTextureLevelParameteriv(tex[2], 0, GL_TEXTURE_WIDTH, &w);
	ok = (w == 2 || gc_fail(c, "texture 2 is %d wide, expected 2", w)) && ok;
	GLint min = 0;
	glGetTextureParameteriv(tex[2], GL_TEXTURE_MIN_FILTER, &min);
	ok = (min == GL_NEAREST || gc_fail(c, "texture 2's min filter 0x%x", min)) && ok;
	ok = gc_no_error(c, "the attribute stack") && ok;
	glPopAttrib();
	ok = gc_error_is(c, GL_STACK_UNDERFLOW, "a glPopAttrib of an empty stack") && ok;
	glBindTexture(GL_TEXTURE_2D, 0);
	glDeleteTextures(3, tex);
	gc_result(c, ok);
}

static void check_eval_map(void)
{
	const char *c = "eval-map";
	bool ok = true;
	/* Three points of a curve, 4 values apart (the 4th unused). */
	const GLfloat curve[] = {0, 0, 0, 9, 1, 2, 3, 9, 4, 5, 6};
	glMap1f(GL_MAP1_VERTEX_3, 0, 1, 4, 3, curve);
	GLint order[2] = {0, 0};
	glGetMapiv(GL_MAP1_VERTEX_3, GL_ORDER, order);
	ok = (order[0] == 3 || gc_fail(c, "map1 order %d", order[0])) && ok;
	GLfloat coeff[9] = {0};
	glGetMapfv(GL_MAP1_VERTEX_3, GL_COEFF, coeff);
	const GLfloat want1[] = {0, 0, 0, 1, 2, 3, 4, 5, 6};
	ok = (!memcmp(coeff, want1, sizeof(want1)) || gc_fail(c, "map1 coefficients differ")) && ok;
	/* 2 x 2 colours, u stride 4, v stride 8. */
	const GLfloat patch[] = {1, 0, 0, 1, 0, 1, 0, 1, 0, 0, 1, 1, 1, 1, 1, 1};
	glMap2f(GL_MAP2_COLOR_4, 0, 1, 4, 2, 0, 1, 8, 2, patch);
	GLdouble domain[4] = {0};
	glGetMapdv(GL_MAP2_COLOR_4, GL_DOMAIN, domain);
	ok = ((domain[1] == 1 && domain[3] == 1) ||
	      gc_fail(c, "map2 domain %g %g", domain[1], domain[3])) &&
	     ok;
	GLfloat c2[16] = {0};
	glGetMapfv(GL_MAP2_COLOR_4, GL_COEFF, c2);
	/* GL keeps the points u-major: (0,0), (0,1), (1,0), (1,1) are at 0, 8, 4, 12. */
	const GLfloat want2[] = {1, 0, 0, 1, 0, 0, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1};
	ok = (!memcmp(c2, want2, sizeof(c2)) || gc_fail(c, "map2 coefficients differ")) && ok;
	ok = gc_no_error(c, "maps") && ok;
	gc_result(c, ok);
}

static void check_eval_bad(void)
{
	const char *c = "eval-bad";
	const GLfloat pts[64] = {0};
	bool ok = true;
	glMap2f(GL_MAP2_VERTEX_3, 0, 1, 2, 2, 0, 1, 6, 2, pts);
	ok = gc_error_is(c, GL_INVALID_VALUE, "a u stride below 3 components") && ok;
	glMap1f(GL_MAP1_VERTEX_4, 0, 1, 4, 0, pts);
	ok = gc_error_is(c, GL_INVALID_VALUE, "an order of 0") && ok;
	glMap1f(0x1234, 0, 1, 4, 2, pts);
	ok = gc_error_is(c, GL_INVALID_ENUM, "an unknown target") && ok;
	gc_result(c, ok);
}

static void check_eval_mesh(void)
{
	const char *c = "eval-mesh";
	bool ok = true;
	/* A square from -0.5 to 0.5: the middle of the target, in green. */
	const GLfloat square[] = {-0.5f, -0.5f, 0, 0.5f, -0.5f, 0, -0.5f, 0.5f, 0, 0.5f, 0.5f, 0};
	glClearColor(0, 0, 0, 1);
	glClear(GL_COLOR_BUFFER_BIT);
	glMap2f(GL_MAP2_VERTEX_3, 0, 1, 3, 2, 0, 1, 6, 2, square);
	glEnable(GL_MAP2_VERTEX_3);
	glMapGrid2f(4, 0, 1, 4, 0, 1);
	glColor4f(0, 1, 0, 1);
	glEvalMesh2(GL_FILL, 0, 4, 0, 4);
	glDisable(GL_MAP2_VERTEX_3);
	unsigned mid = pixel_at(8, 8), corner = pixel_at(1, 1);
	ok = (mid == 0x00ff00 || gc_fail(c, "middle %06x, expected 00ff00", mid)) && ok;
	ok = (corner == 0 || gc_fail(c, "corner %06x, expected 000000", corner)) && ok;
	ok = gc_no_error(c, "glEvalMesh2") && ok;
	gc_result(c, ok);
}

static void check_accum(void)
{
	const char *c = "accum";
	bool ok = true;
	glClearAccum(0.25f, 0.5f, 0.75f, 1);
	GLfloat v[4] = {0};
	glGetFloatv(GL_ACCUM_CLEAR_VALUE, v);
	ok = (fabsf(v[0] - 0.25f) < 1e-6f && fabsf(v[2] - 0.75f) < 1e-6f) ||
	     gc_fail(c, "GL_ACCUM_CLEAR_VALUE %g %g %g", v[0], v[1], v[2]);
	GLint bits = -1;
	glGetIntegerv(GL_ACCUM_RED_BITS, &bits);
	printf("info: accumulation red bits %d\n", bits);
	glAccum(GL_ACCUM, 0.5f);
	if (bits == 0)
		ok = gc_error_is(c, GL_INVALID_OPERATION, "glAccum with no accumulation buffer") &&
		     ok;
	else
		ok = gc_no_error(c, "glAccum") && ok;
	glAccum(0x1234, 0.5f);
	/* The op is checked before the buffer (Mesa, as GL's error order allows). */
	ok = gc_error_is(c, GL_INVALID_ENUM, "glAccum of an unknown op") && ok;
	gc_result(c, ok);
}

static void check_name_stack(void)
{
	const char *c = "name-stack";
	bool ok = true;
	glInitNames();
	glPushName(7);
	glLoadName(8);
	glPassThrough(1);
	ok = int_is(c, GL_NAME_STACK_DEPTH, 0) && ok;
	glPopName();
	ok = int_is(c, GL_RENDER_MODE, GL_RENDER) && ok;
	ok = gc_no_error(c, "the name stack in GL_RENDER mode") && ok;
	gc_result(c, ok);
}

/* A square over the middle of the target, evaluated (immediate mode is another
 * block's). */
static void eval_square(void)
{
	const GLfloat square[] = {-0.5f, -0.5f, 0, 0.5f, -0.5f, 0, -0.5f, 0.5f, 0, 0.5f, 0.5f, 0};
	glMap2f(GL_MAP2_VERTEX_3, 0, 1, 3, 2, 0, 1, 6, 2, square);
	glEnable(GL_MAP2_VERTEX_3);
	glMapGrid2f(1, 0, 1, 1, 0, 1);
	glEvalMesh2(GL_FILL, 0, 1, 0, 1);
	glDisable(GL_MAP2_VERTEX_3);
}

static void check_feedback(void)
{
	const char *c = "feedback";
	bool ok = true;
	GLfloat buf[64];
	for (int i = 0; i < 64; i++)
		buf[i] = -7;
	glFeedbackBuffer(60, GL_2D, buf);
	glRenderMode(GL_FEEDBACK);
	glPassThrough(42);
	eval_square();
	GLint n = glRenderMode(GL_RENDER);
	printf("info: feedback of the square: %d values\n", n);
	ok = (n > 4 && n <= 60) || gc_fail(c, "glRenderMode returned %d", n);
	ok = ((buf[0] == GL_PASS_THROUGH_TOKEN && buf[1] == 42) ||
	      gc_fail(c, "first values %g %g", buf[0], buf[1])) &&
	     ok;
	ok = (buf[2] == GL_POLYGON_TOKEN || gc_fail(c, "value 2 is %g, not a polygon", buf[2])) &&
	     ok;
	ok = (n < 0 || n >= 60 || buf[n] == -7 ||
	      gc_fail(c, "value %d written past the count", n)) &&
	     ok;
	ok = (buf[60] == -7 || gc_fail(c, "written past the buffer's size")) && ok;
	/* Four values do not hold the square: GL's overflow, nothing past them. */
	for (int i = 0; i < 64; i++)
		buf[i] = -7;
	glFeedbackBuffer(4, GL_2D, buf);
	glRenderMode(GL_FEEDBACK);
	eval_square();
	n = glRenderMode(GL_RENDER);
	ok = (n == -1 || gc_fail(c, "an overflow returned %d", n)) && ok;
	ok = (buf[4] == -7 || gc_fail(c, "an overflow wrote past the buffer")) && ok;
	ok = int_is(c, GL_RENDER_MODE, GL_RENDER) && ok;
	ok = gc_no_error(c, "feedback") && ok;
	gc_result(c, ok);
}

static void check_select(void)
{
	const char *c = "select";
	bool ok = true;
	GLuint buf[16];
	for (int i = 0; i < 16; i++)
		buf[i] = 0xdead;
	glSelectBuffer(12, buf);
	glRenderMode(GL_SELECT);
	glInitNames();
	glPushName(5);
	ok = int_is(c, GL_NAME_STACK_DEPTH, 1) && ok;
	eval_square();
	GLint hits = glRenderMode(GL_RENDER);
	ok = (hits == 1 || gc_fail(c, "%d hits, expected 1", hits)) && ok;
	ok = ((buf[0] == 1 && buf[3] == 5) ||
	      gc_fail(c, "hit record %u names, name %u", buf[0], buf[3])) &&
	     ok;
	ok = (buf[4] == 0xdead || gc_fail(c, "written past the hit record")) && ok;
	ok = gc_no_error(c, "selection") && ok;
	gc_result(c, ok);
}

/* ---- Display lists ---- */

static void quad(void)
{
	glBegin(GL_QUADS);
	glVertex2f(-1, -1);
	glVertex2f(1, -1);
	glVertex2f(1, 1);
	glVertex2f(-1, 1);
	glEnd();
}

static void clear_black(void)
{
	glClearColor(0, 0, 0, 1);
	glClear(GL_COLOR_BUFFER_BIT);
}

static bool pixel_is(const char *check, unsigned want, const char *when)
{
	unsigned got = pixel_at(8, 8);
	return got == want || gc_fail(check, "%s: pixel %06x, expected %06x", when, got, want);
}

static void check_list_draw(void)
{
	const char *c = "list-draw";
	bool ok = true;
	glMatrixMode(GL_PROJECTION);
	glLoadIdentity();
	glMatrixMode(GL_MODELVIEW);
	glLoadIdentity();
	glDisable(GL_TEXTURE_2D);
	clear_black();
	glNewList(1, GL_COMPILE);
	glColor3f(1, 0, 0);
	quad();
	glEndList();
	ok = pixel_is(c, 0, "after GL_COMPILE") && ok;
	glColor3f(0, 0, 1);
	glCallList(1);
	ok = pixel_is(c, 0xff0000, "after glCallList") && ok;
	ok = (glIsList(1) || gc_fail(c, "glIsList(1) is false")) && ok;
	ok = gc_no_error(c, "a list drawing a quad") && ok;
	gc_result(c, ok);
}

static void check_list_nested(void)
{
	const char *c = "list-nested";
	bool ok = true;
	clear_black();
	glNewList(2, GL_COMPILE);
	quad();
	glEndList();
	glNewList(3, GL_COMPILE);
	glColor3f(0, 1, 0);
	glCallList(2);
	glEndList();
	glColor3f(1, 1, 1);
	glCallList(3);
	ok = pixel_is(c, 0x00ff00, "a list calling another") && ok;
	GLint nesting = 0;
	glGetIntegerv(GL_MAX_LIST_NESTING, &nesting);
	printf("info: GL_MAX_LIST_NESTING %d\n", nesting);
	/* A list calling itself: the driver's nesting limit stops it. */
	glNewList(4, GL_COMPILE);
	glCallList(4);
	glEndList();
	glCallList(4);
	ok = gc_no_error(c, "nested lists") && ok;
	gc_result(c, ok);
}

static void check_list_call_lists(void)
{
	const char *c = "list-call-lists";
	bool ok = true;
	GLuint base = glGenLists(3);
	ok = (base != 0 || gc_fail(c, "glGenLists(3) is 0")) && ok;
	const GLfloat colours[3][3] = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
	for (GLuint i = 0; i < 3; i++) {
		glNewList(base + i, GL_COMPILE);
		glColor3fv(colours[i]);
		quad();
		glEndList();
	}
	clear_black();
	glListBase(base);
	const GLubyte names[2] = {2, 0};
	glCallLists(2, GL_UNSIGNED_BYTE, names);
	ok = pixel_is(c, 0xff0000, "names 2 then 0") && ok;
	const GLubyte one = 1;
	glCallLists(1, GL_UNSIGNED_BYTE, &one);
	ok = pixel_is(c, 0x00ff00, "name 1") && ok;
	ok = int_is(c, GL_LIST_BASE, (GLint)base) && ok;
	glListBase(0);
	ok = (glIsList(base + 1) || gc_fail(c, "glIsList(base + 1) is false")) && ok;
	glDeleteLists(base, 3);
	ok = (!glIsList(base + 1) || gc_fail(c, "list base + 1 outlived glDeleteLists")) && ok;
	ok = gc_no_error(c, "glCallLists") && ok;
	gc_result(c, ok);
}

/* KHR_debug labels a display list (GL_DISPLAY_LIST, the compatibility profile's): the label
 * reads back; a name that is no list is GL_INVALID_VALUE. */
static void check_list_label(void)
{
	const char *c = "list-label";
	GLuint list = glGenLists(1);
	glNewList(list, GL_COMPILE);
	glColor3f(1, 0, 0);
	glEndList();
	glObjectLabel(GL_DISPLAY_LIST, list, -1, "a list");
	bool ok = gc_no_error(c, "glObjectLabel(GL_DISPLAY_LIST)");
	char label[16] = "";
	GLsizei n = -1;
	glGetObjectLabel(GL_DISPLAY_LIST, list, sizeof(label), &n, label);
	ok = gc_no_error(c, "glGetObjectLabel(GL_DISPLAY_LIST)") && ok;
	if (ok && (n != 6 || strcmp(label, "a list") != 0))
		ok = gc_fail(c, "the label reads back as \"%s\" (%d)", label, (int)n);
	glObjectLabel(GL_DISPLAY_LIST, list + 1000, -1, "none");
	ok = gc_error_is(c, GL_INVALID_VALUE, "a label of a name that is no list") && ok;
	glDeleteLists(list, 1);
	gc_result(c, ok);
}

static void check_list_bind(void)
{
	const char *c = "list-bind";
	bool ok = true;
	GLuint tex[2];
	glGenTextures(2, tex);
	glActiveTexture(GL_TEXTURE0);
	glBindTexture(GL_TEXTURE_2D, tex[1]);
	glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 2, 2, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
	glNewList(5, GL_COMPILE);
	glBindTexture(GL_TEXTURE_2D, tex[0]);
	glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 4, 4, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
	glEndList();
	/* Compiled, not run: B stays bound (A, never bound, has no target yet). */
	ok = bound_is(c, 0, tex[1]) && ok;
	GLint w = -1;
	glCallList(5);
	ok = int_is(c, GL_TEXTURE_BINDING_2D, (GLint)tex[0]) && ok;
	glGetTextureLevelParameteriv(tex[0], 0, GL_TEXTURE_WIDTH, &w);
	ok = (w == 4 || gc_fail(c, "after the call A is %d wide, expected 4", w)) && ok;
	glGetTextureLevelParameteriv(tex[1], 0, GL_TEXTURE_WIDTH, &w);
	ok = (w == 2 || gc_fail(c, "after the call B is %d wide, expected 2", w)) && ok;
	/* Direct state access binds back what the driver has bound (A). */
	glTextureParameteri(tex[1], GL_TEXTURE_MIN_FILTER, GL_NEAREST);
	ok = bound_is(c, 0, tex[0]) && ok;
	/* An upload after the call reaches A. */
	glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 8, 8, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
	glGetTextureLevelParameteriv(tex[0], 0, GL_TEXTURE_WIDTH, &w);
	ok = (w == 8 || gc_fail(c, "after the upload A is %d wide, expected 8", w)) && ok;
	glGetTextureLevelParameteriv(tex[1], 0, GL_TEXTURE_WIDTH, &w);
	ok = (w == 2 || gc_fail(c, "after the upload B is %d wide, expected 2", w)) && ok;
	ok = gc_no_error(c, "a list binding a texture") && ok;
	glBindTexture(GL_TEXTURE_2D, 0);
	glDeleteLists(5, 1);
	glDeleteTextures(2, tex);
	gc_result(c, ok);
}

static void check_list_compile_and_execute(void)
{
	const char *c = "list-compile-and-execute";
	bool ok = true;
	clear_black();
	glNewList(6, GL_COMPILE_AND_EXECUTE);
	glColor3f(0, 1, 0);
	quad();
	glEndList();
	ok = pixel_is(c, 0x00ff00, "while compiling") && ok;
	clear_black();
	glColor3f(1, 0, 0);
	glCallList(6);
	ok = pixel_is(c, 0x00ff00, "called") && ok;
	ok = int_is(c, GL_LIST_INDEX, 0) && ok;
	ok = gc_no_error(c, "GL_COMPILE_AND_EXECUTE") && ok;
	glDeleteLists(1, 6);
	gc_result(c, ok);
}

/* In a list made with GL_COMPILE_AND_EXECUTE, state commands between glBegin and glEnd
 * (glAlphaFunc, glEnable) are compiled and fail to run: GL_INVALID_OPERATION at once and
 * again when the list is called, the state unchanged. A glBegin inside a primitive does
 * not nest: glBegin, glBegin, glEnd in a GL_COMPILE list is kept, GL_INVALID_OPERATION
 * when called, and leaves GL outside a primitive. */
static void check_list_in_begin_end(void)
{
	const char *c = "list-in-begin-end";
	glNewList(8, GL_COMPILE_AND_EXECUTE);
	glBegin(GL_POINTS);
	glAlphaFunc(GL_GREATER, 0.5f);
	glEnable(GL_ALPHA_TEST);
	glEnd();
	glEndList();
	bool ok = gc_error_is(c, GL_INVALID_OPERATION, "run between glBegin and glEnd");
	ok = (glIsList(8) || gc_fail(c, "list 8 not kept")) && ok;
	glCallList(8);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "the list called") && ok;
	ok = int_is(c, GL_ALPHA_TEST_FUNC, GL_ALWAYS) && ok;
	ok = (!glIsEnabled(GL_ALPHA_TEST) || gc_fail(c, "GL_ALPHA_TEST enabled")) && ok;
	glNewList(9, GL_COMPILE);
	glBegin(GL_POINTS);
	glBegin(GL_POINTS);
	glEnd();
	glEndList();
	ok = gc_no_error(c, "glBegin inside a primitive compiled") && ok;
	ok = (glIsList(9) || gc_fail(c, "list 9 not kept")) && ok;
	glCallList(9);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "glBegin inside a primitive run") && ok;
	ok = int_is(c, GL_LIST_INDEX, 0) && gc_no_error(c, "a query after it") && ok;
	glDeleteLists(8, 2);
	gc_result(c, ok);
}

/* GL keeps lists that open a primitive or close one they did not open, and their calls
 * move glBegin/glEnd as their own glBegin and glEnd would: list 10 opens a primitive,
 * list 11 closes it (a query after them is answered); list 10 called inside a primitive
 * is GL's error and leaves it open for the app's glEnd. */
static void check_split_lists(void)
{
	const char *c = "split-lists";
	glNewList(10, GL_COMPILE);
	glBegin(GL_POINTS);
	glEndList();
	glNewList(11, GL_COMPILE);
	glVertex2f(0.0f, 0.0f);
	glEnd();
	glEndList();
	bool ok = gc_no_error(c, "lists opening and closing a primitive made");
	ok = ((glIsList(10) && glIsList(11)) || gc_fail(c, "lists 10 and 11 not kept")) && ok;
	glCallList(10);
	glVertex2f(0.0f, 0.0f);
	glCallList(11);
	ok = gc_no_error(c, "the primitive the lists open and close") && ok;
	ok = int_is(c, GL_LIST_INDEX, 0) && gc_no_error(c, "a query after them") && ok;
	glBegin(GL_POINTS);
	glCallList(10);
	glEnd();
	ok = gc_error_is(c, GL_INVALID_OPERATION, "the list's glBegin inside a primitive") && ok;
	glCallList(10);
	glEnd();
	ok = gc_no_error(c, "the list's primitive closed by the app's glEnd") && ok;
	ok = int_is(c, GL_LIST_INDEX, 0) && gc_no_error(c, "a query after that") && ok;
	glDeleteLists(10, 2);
	gc_result(c, ok);
}

/* Between glBegin and glEnd GL answers no query: glGetString is NULL and GL_INVALID_OPERATION
 * (the library answers it itself). */
static void check_get_string_in_begin_end(void)
{
	const char *c = "get-string-in-begin-end";
	glBegin(GL_POINTS);
	const GLubyte *s = glGetString(GL_VENDOR);
	glEnd();
	bool ok = gc_error_is(c, GL_INVALID_OPERATION, "glGetString between glBegin and glEnd");
	ok = (!s || gc_fail(c, "glGetString answered \"%s\"", (const char *)s)) && ok;
	ok = (glGetString(GL_VENDOR) != NULL || gc_fail(c, "no GL_VENDOR after glEnd")) && ok;
	gc_result(c, gc_no_error(c, "glGetString after glEnd") && ok);
}

/* The indirect draws in a list being made, either mode: GL_INVALID_OPERATION, as Mesa has it
 * (GL 4.6 compatibility profile, 21.4.1, lists them among the commands not compiled), and
 * nothing is drawn then or by glCallList. From a vertex array object's buffers (the host's
 * path) and from client memory in vertex array 0 (the library's direct draws). */
static void check_list_multi_draw_indirect(void)
{
	const char *c = "list-multi-draw-indirect";
	/* The lower-left triangle of the target, then the upper-right one. */
	static const GLfloat tri[12] = {-1, -1, 1, -1, -1, 1, 1, -1, 1, 1, -1, 1};
	static const GLuint commands[8] = {3, 1, 0, 0, 3, 1, 3, 0};
	GLuint vao, buf[2];
	glGenVertexArrays(1, &vao);
	glBindVertexArray(vao);
	glGenBuffers(2, buf);
	glBindBuffer(GL_ARRAY_BUFFER, buf[0]);
	glBufferData(GL_ARRAY_BUFFER, sizeof(tri), tri, GL_STATIC_DRAW);
	glVertexPointer(2, GL_FLOAT, 0, NULL);
	glEnableClientState(GL_VERTEX_ARRAY);
	glBindBuffer(GL_DRAW_INDIRECT_BUFFER, buf[1]);
	glBufferData(GL_DRAW_INDIRECT_BUFFER, sizeof(commands), commands, GL_STATIC_DRAW);
	glMatrixMode(GL_PROJECTION);
	glLoadIdentity();
	glMatrixMode(GL_MODELVIEW);
	glLoadIdentity();
	glDisable(GL_TEXTURE_2D);
	glColor3f(0, 1, 0);
	static const GLenum modes[2] = {GL_COMPILE, GL_COMPILE_AND_EXECUTE};
	bool ok = true;
	for (int m = 0; m < 4; m++) {
		if (m == 2) { /* client memory: vertex array 0, no indirect buffer */
			glBindVertexArray(0);
			glBindBuffer(GL_DRAW_INDIRECT_BUFFER, 0);
			glBindBuffer(GL_ARRAY_BUFFER, 0);
			glVertexPointer(2, GL_FLOAT, 0, tri);
			glEnableClientState(GL_VERTEX_ARRAY);
		}
		const char *what[4] = {"glDrawArraysIndirect, GL_COMPILE",
		                       "glMultiDrawArraysIndirect, GL_COMPILE_AND_EXECUTE",
		                       "glDrawArraysIndirect from client memory, GL_COMPILE",
		                       "glMultiDrawArraysIndirect from client memory, "
		                       "GL_COMPILE_AND_EXECUTE"};
		const void *at = m < 2 ? NULL : (const void *)commands;
		clear_black();
		glNewList(8, modes[m % 2]);
		if (m % 2)
			glMultiDrawArraysIndirect(GL_TRIANGLES, at, 2, 0);
		else
			glDrawArraysIndirect(GL_TRIANGLES, at);
		glEndList();
		ok = gc_error_is(c, GL_INVALID_OPERATION, what[m]) && pixel_is(c, 0, what[m]) && ok;
		glCallList(8);
		ok = gc_no_error(c, "glCallList") && pixel_is(c, 0, "after glCallList") && ok;
	}
	glDeleteLists(8, 1);
	glDisableClientState(GL_VERTEX_ARRAY);
	glBindVertexArray(0);
	glDeleteBuffers(2, buf);
	glDeleteVertexArrays(1, &vao);
	gc_result(c, ok);
}

static void check_list_dispatch_indirect(void)
{
	const char *c = "list-dispatch-indirect";
	static const char cs[] = "#version 430\nlayout(local_size_x = 1) in;\nvoid main() {}\n";
	GLuint s = gc_shader(GL_COMPUTE_SHADER, cs), p = glCreateProgram(), buf;
	glAttachShader(p, s);
	glLinkProgram(p);
	glUseProgram(p);
	static const GLuint groups[3] = {1, 1, 1};
	glGenBuffers(1, &buf);
	glBindBuffer(GL_DISPATCH_INDIRECT_BUFFER, buf);
	glBufferData(GL_DISPATCH_INDIRECT_BUFFER, sizeof(groups), groups, GL_STATIC_DRAW);
	bool ok = s && gc_no_error(c, "the program and buffer");
	static const GLenum modes[2] = {GL_COMPILE, GL_COMPILE_AND_EXECUTE};
	for (int i = 0; i < 2; i++) {
		glNewList(7, modes[i]);
		glDispatchComputeIndirect(0);
		glEndList();
		ok = gc_error_is(c, GL_INVALID_OPERATION,
		                 i ? "in GL_COMPILE_AND_EXECUTE" : "in GL_COMPILE") &&
		     ok;
	}
	glDeleteLists(7, 1);
	glUseProgram(0);
	glDeleteProgram(p);
	glDeleteShader(s);
	glDeleteBuffers(1, &buf);
	gc_result(c, ok);
}

int main(void)
{
	struct gc_desktop d;
	int status;
	if (!gc_desktop_open(&d, EGL_CONTEXT_OPENGL_COMPATIBILITY_PROFILE_BIT, 4, 5, &status))
		return status;
	gc_desktop_framebuffer(SIZE);
	if (!gc_no_error("setup", "the framebuffer"))
		return 1;
	check_attrib_stack();
	check_eval_map();
	check_eval_bad();
	check_eval_mesh();
	check_accum();
	check_name_stack();
	check_feedback();
	check_select();
	check_list_draw();
	check_list_nested();
	check_list_call_lists();
	check_list_label();
	check_list_bind();
	check_list_compile_and_execute();
	check_list_dispatch_indirect();
	check_list_multi_draw_indirect();
	check_get_string_in_begin_end();
	check_list_in_begin_end();
	check_split_lists();
	return gc_desktop_close(&d);
}
