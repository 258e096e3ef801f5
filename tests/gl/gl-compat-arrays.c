/*
 * gl-compat-arrays: a desktop OpenGL compatibility-profile app (no window: a surfaceless
 * context on the Wayland display, drawing into a 16x16 framebuffer object) that uses the
 * profile's client arrays and pixel rectangles, each checked by pixels or values read back:
 *
 *   ff-arrays        vertex and colour arrays in client memory (GL_DOUBLE vertices)
 *   arrays-again     client arrays of a few KiB drawn again unchanged, then rewritten in
 *                    place (the same pointers): every draw shows what they hold then
 *   secondary-fog    secondary colour (GL_COLOR_SUM) and fog coordinate client arrays
 *   index-edge       colour index and edge flag arrays accepted (their state read back)
 *   interleaved      glInterleavedArrays GL_C4UB_V2F and GL_C3F_V3F, drawn
 *   mixed            vertices in a buffer, colours in client memory, glDrawElements
 *   indirect-client  client arrays in VAO 0 drawn by glDrawArraysIndirect (command in a
 *                    buffer) and glMultiDrawElementsIndirect (command in client memory, no
 *                    indirect buffer bound), as the compatibility profile allows
 *   multi-draw-client  glMultiDrawArrays, glMultiDrawElements (client indices) and
 *                    glMultiDrawElementsBaseVertex of two quads from client arrays; a negative
 *                    count GL_INVALID_VALUE and nothing drawn
 *   generic          a client-memory generic attribute drawn by a shader, in VAO 0
 *   generic-state    glGetVertexAttribiv/fv of client-memory generic attributes (a GL_BGRA
 *                    size, a stride, buffer 0) are what the app set, before and after a draw
 *   array-element    glArrayElement inside glBegin/glEnd
 *   array-element-types  every array in client memory, inside glBegin/glEnd: GL_DOUBLE
 *                    vertices, a GL_BGRA colour, normalized GL_UNSIGNED_BYTE colours, GL_BYTE
 *                    normals, GL_SHORT texture coordinates on unit 1, a normalized and an
 *                    integer generic attribute, a GL_DOUBLE one: pixels and the current values
 *                    after glEnd
 *   array-element-buffer every array in a buffer object, inside glBegin/glEnd
 *   array-element-mixed  colours in a buffer, normals in client memory, outside
 *                    glBegin/glEnd: the current values of element 2
 *   array-element-mixed-begin  vertices in a buffer, colours in client memory, inside
 *                    glBegin/glEnd: drawn, or GL_INVALID_OPERATION and nothing drawn (what
 *                    gpupipe answers: doc/desktop-gl-design.md); either passes
 *   client-attrib    glPushClientAttrib/glPopClientAttrib restore pointers and the unpack state
 *   pack-buffer-cube each cube map face into a pixel pack buffer (GL_STREAM_READ), read through
 *                    glMapBuffer (piglit's cubemap-getteximage-pbo)
 *   draw-pixels      GL_RGBA and GL_COLOR_INDEX through pixel maps, drawn at a raster pos
 *   bitmap           glBitmap in the current raster colour, GL_UNPACK_LSB_FIRST
 *   copy-pixels      glCopyPixels of a drawn block, zoomed by glPixelZoom
 *   stipple          glPolygonStipple read back by glGetPolygonStipple; glLineStipple state
 *   imaging-readbacks ARB_imaging's glGetn* readbacks without ARB_imaging: no error other
 *                    than GL_INVALID_OPERATION, their buffers left untouched
 *
 * Prints "PASS <check>", "FAIL <check>: why" or "SKIP <check>: why" per check, "info: ..."
 * lines, then "done". Exit status 0 when nothing failed, 77 without a compatibility context.
 */
#define GL_GLEXT_PROTOTYPES 1
#include <stdbool.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GL/gl.h>
#include <GL/glext.h>
#include <wayland-client.h>

#include "gl-checks-desktop.h"
#include "gl-checks.h"

#define SIZE 16

static void clear(void)
{
	glClearColor(0, 0, 0, 1);
	glClear(GL_COLOR_BUFFER_BIT);
}

static void reset_arrays(void)
{
	static const GLenum caps[] = {GL_VERTEX_ARRAY,          GL_COLOR_ARRAY,
	                              GL_NORMAL_ARRAY,          GL_TEXTURE_COORD_ARRAY,
	                              GL_SECONDARY_COLOR_ARRAY, GL_FOG_COORD_ARRAY,
	                              GL_INDEX_ARRAY,           GL_EDGE_FLAG_ARRAY};
	for (size_t i = 0; i < sizeof(caps) / sizeof(caps[0]); i++)
		glDisableClientState(caps[i]);
	glBindBuffer(GL_ARRAY_BUFFER, 0);
}

/* A full-target quad, as a triangle strip of doubles. */
static const GLdouble quad_d[] = {-1, -1, 1, -1, -1, 1, 1, 1};
static const GLfloat quad_f[] = {-1, -1, 1, -1, -1, 1, 1, 1};

static void check_ff_arrays(void)
{
	const char *c = "ff-arrays";
	const GLubyte colors[] = {0, 255, 0, 255, 0, 255, 0, 255, 0, 255, 0, 255, 0, 255, 0, 255};
	clear();
	reset_arrays();
	glVertexPointer(2, GL_DOUBLE, 0, quad_d);
	glColorPointer(4, GL_UNSIGNED_BYTE, 0, colors);
	glEnableClientState(GL_VERTEX_ARRAY);
	glEnableClientState(GL_COLOR_ARRAY);
	glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
	bool ok = gc_no_error(c, "the draw") && gc_pixel_is(c, 8, 8, 0x00ff00, "a green quad");
	GLvoid *p = NULL;
	glGetPointerv(GL_COLOR_ARRAY_POINTER, &p);
	ok = ok && (p == colors || gc_fail(c, "GL_COLOR_ARRAY_POINTER is %p", p));
	gc_result(c, ok);
}

/* gpupipe sends a client array that did not change since its last draw as a header alone
 * (GL_OP_CLIENT_ARRAY_AGAIN), for arrays of 1 KiB or more: these are 2400 and 1200 bytes.
 * Vertices 0..5 are a full-target quad of two triangles, the rest piled on one corner. */
enum { AGAIN_N = 300 };

static void again_colours(GLubyte (*col)[4], int first, int last, GLubyte r, GLubyte g, GLubyte b)
{
	for (int i = first; i <= last; i++) {
		col[i][0] = r;
		col[i][1] = g;
		col[i][2] = b;
		col[i][3] = 255;
	}
}

static bool again_draw(const char *c, unsigned low_left, unsigned top_right, const char *what)
{
	clear();
	glDrawArrays(GL_TRIANGLES, 0, AGAIN_N);
	return gc_no_error(c, what) && gc_pixel_is(c, 1, 1, low_left, what) &&
	       gc_pixel_is(c, SIZE - 2, SIZE - 2, top_right, what);
}

static void check_arrays_again(void)
{
	const char *c = "arrays-again";
	static GLfloat pos[AGAIN_N][2];
	static GLubyte col[AGAIN_N][4];
	static const GLfloat quad[6][2] = {{-1, -1}, {1, -1}, {-1, 1}, {1, -1}, {1, 1}, {-1, 1}};
	for (int i = 0; i < AGAIN_N; i++) {
		pos[i][0] = i < 6 ? quad[i][0] : -1;
		pos[i][1] = i < 6 ? quad[i][1] : -1;
	}
	again_colours(col, 0, AGAIN_N - 1, 255, 0, 0);
	reset_arrays();
	glVertexPointer(2, GL_FLOAT, 0, pos);
	glColorPointer(4, GL_UNSIGNED_BYTE, 0, col);
	glEnableClientState(GL_VERTEX_ARRAY);
	glEnableClientState(GL_COLOR_ARRAY);
	bool ok = again_draw(c, 0xff0000, 0xff0000, "the first draw: red");
	ok = ok && again_draw(c, 0xff0000, 0xff0000, "the same arrays again: red");
	again_colours(col, 0, AGAIN_N - 1, 0, 255, 0);
	ok = ok && again_draw(c, 0x00ff00, 0x00ff00, "every colour rewritten in place: green");
	again_colours(col, 3, 5, 0, 0, 255);
	ok = ok && again_draw(c, 0x00ff00, 0x0000ff, "the second triangle's colours: blue");
	ok = ok && again_draw(c, 0x00ff00, 0x0000ff, "unchanged since: the same");
	pos[4][0] = 1; /* onto vertex 3: the second triangle collapses */
	pos[4][1] = -1;
	ok = ok && again_draw(c, 0x00ff00, 0x000000, "a vertex moved in place: no second triangle");
	gc_result(c, ok);
}

static void check_secondary_fog(void)
{
	const char *c = "secondary-fog";
	const GLfloat sec[] = {0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1};
	const GLfloat fog[] = {0, 0, 0, 0};
	clear();
	reset_arrays();
	glColor4f(1, 0, 0, 1);
	glEnable(GL_COLOR_SUM);
	glFogi(GL_FOG_COORD_SRC, GL_FOG_COORD);
	glFogi(GL_FOG_MODE, GL_LINEAR);
	glFogf(GL_FOG_START, 0);
	glFogf(GL_FOG_END, 1);
	glEnable(GL_FOG);
	glVertexPointer(2, GL_FLOAT, 0, quad_f);
	glSecondaryColorPointer(3, GL_FLOAT, 0, sec);
	glFogCoordPointer(GL_FLOAT, 0, fog);
	glEnableClientState(GL_VERTEX_ARRAY);
	glEnableClientState(GL_SECONDARY_COLOR_ARRAY);
	glEnableClientState(GL_FOG_COORD_ARRAY);
	glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
	glDisable(GL_FOG);
	glDisable(GL_COLOR_SUM);
	glColor4f(1, 1, 1, 1);
	gc_result(c, gc_no_error(c, "the draw") &&
	                     gc_pixel_is(c, 8, 8, 0xff00ff,
	                                 "red plus a blue secondary colour, fog 0"));
}

static void check_index_edge(void)
{
	const char *c = "index-edge";
	const GLshort idx[] = {1, 2, 3, 4};
	const GLboolean edges[] = {GL_TRUE, GL_FALSE, GL_TRUE, GL_FALSE};
	clear();
	reset_arrays();
	glIndexPointer(GL_SHORT, 0, idx);
	glEdgeFlagPointer(0, edges);
	glEnableClientState(GL_INDEX_ARRAY);
	glEnableClientState(GL_EDGE_FLAG_ARRAY);
	glVertexPointer(2, GL_FLOAT, 0, quad_f);
	glEnableClientState(GL_VERTEX_ARRAY);
	glColor4f(1, 1, 0, 1);
	glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
	GLint type = 0, on = 0;
	glGetIntegerv(GL_INDEX_ARRAY_TYPE, &type);
	glGetIntegerv(GL_EDGE_FLAG_ARRAY, &on);
	glColor4f(1, 1, 1, 1);
	gc_result(c, gc_no_error(c, "the draw") &&
	                     (type == GL_SHORT || gc_fail(c, "GL_INDEX_ARRAY_TYPE 0x%x", type)) &&
	                     (on || gc_fail(c, "GL_EDGE_FLAG_ARRAY off")) &&
	                     gc_pixel_is(c, 8, 8, 0xffff00, "a yellow quad"));
}

static void check_interleaved(void)
{
	const char *c = "interleaved";
	struct {
		GLubyte c[4];
		GLfloat v[2];
	} ub[4];
	for (int i = 0; i < 4; i++) {
		memcpy(ub[i].c, (GLubyte[]){255, 0, 0, 255}, 4);
		memcpy(ub[i].v, quad_f + 2 * i, sizeof(ub[i].v));
	}
	clear();
	reset_arrays();
	glInterleavedArrays(GL_C4UB_V2F, 0, ub);
	glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
	bool ok = gc_no_error(c, "GL_C4UB_V2F") && gc_pixel_is(c, 8, 8, 0xff0000, "GL_C4UB_V2F");
	/* The left half in blue, GL_C3F_V3F. */
	const GLfloat c3v3[] = {0, 0, 1, -1, -1, 0, 0, 0, 1, 0, -1, 0,
	                        0, 0, 1, -1, 1,  0, 0, 0, 1, 0, 1,  0};
	glInterleavedArrays(GL_C3F_V3F, 0, c3v3);
	glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
	GLint stride = 0;
	glGetIntegerv(GL_VERTEX_ARRAY_STRIDE, &stride);
	ok = ok && gc_no_error(c, "GL_C3F_V3F") && gc_pixel_is(c, 3, 8, 0x0000ff, "GL_C3F_V3F") &&
	     gc_pixel_is(c, 12, 8, 0xff0000, "GL_C4UB_V2F's right half") &&
	     (stride == 24 || gc_fail(c, "GL_VERTEX_ARRAY_STRIDE %d, expected 24", stride));
	gc_result(c, ok);
}

static void check_mixed(void)
{
	const char *c = "mixed";
	const GLfloat colors[] = {0, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1};
	const GLushort elems[] = {0, 1, 2, 3};
	GLuint vbo;
	clear();
	reset_arrays();
	glGenBuffers(1, &vbo);
	glBindBuffer(GL_ARRAY_BUFFER, vbo);
	glBufferData(GL_ARRAY_BUFFER, sizeof(quad_f), quad_f, GL_STATIC_DRAW);
	glVertexPointer(2, GL_FLOAT, 0, NULL);
	glBindBuffer(GL_ARRAY_BUFFER, 0);
	glColorPointer(3, GL_FLOAT, 0, colors);
	glEnableClientState(GL_VERTEX_ARRAY);
	glEnableClientState(GL_COLOR_ARRAY);
	glDrawElements(GL_TRIANGLE_STRIP, 4, GL_UNSIGNED_SHORT, elems);
	bool ok = gc_no_error(c, "glDrawElements") && gc_pixel_is(c, 8, 8, 0x00ffff, "a cyan quad");
	clear();
	glDrawRangeElements(GL_TRIANGLE_STRIP, 0, 3, 4, GL_UNSIGNED_SHORT, elems);
	ok = ok && gc_no_error(c, "glDrawRangeElements") &&
	     gc_pixel_is(c, 8, 8, 0x00ffff, "glDrawRangeElements' quad");
	reset_arrays();
	glDeleteBuffers(1, &vbo);
	gc_result(c, ok);
}

static void check_indirect_client(void)
{
	const char *c = "indirect-client";
	const GLubyte green[16] = {0, 255, 0, 255, 0, 255, 0, 255, 0, 255, 0, 255, 0, 255, 0, 255};
	const GLubyte blue[16] = {0, 0, 255, 255, 0, 0, 255, 255, 0, 0, 255, 255, 0, 0, 255, 255};
	static const GLuint arrays[4] = {4, 1, 0, 0}, elements[5] = {4, 1, 0, 0, 0};
	static const GLubyte elems[4] = {0, 1, 2, 3};
	GLuint buf[2];
	clear();
	reset_arrays();
	glVertexPointer(2, GL_FLOAT, 0, quad_f);
	glColorPointer(4, GL_UNSIGNED_BYTE, 0, green);
	glEnableClientState(GL_VERTEX_ARRAY);
	glEnableClientState(GL_COLOR_ARRAY);
	glGenBuffers(2, buf);
	glBindBuffer(GL_DRAW_INDIRECT_BUFFER, buf[0]);
	glBufferData(GL_DRAW_INDIRECT_BUFFER, sizeof(arrays), arrays, GL_STATIC_DRAW);
	glDrawArraysIndirect(GL_TRIANGLE_STRIP, NULL);
	bool ok = gc_no_error(c, "glDrawArraysIndirect") &&
	          gc_pixel_is(c, 8, 8, 0x00ff00, "glDrawArraysIndirect's green quad");
	clear();
	glBindBuffer(GL_DRAW_INDIRECT_BUFFER, 0);
	glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, buf[1]);
	glBufferData(GL_ELEMENT_ARRAY_BUFFER, sizeof(elems), elems, GL_STATIC_DRAW);
	glColorPointer(4, GL_UNSIGNED_BYTE, 0, blue);
	glMultiDrawElementsIndirect(GL_TRIANGLE_STRIP, GL_UNSIGNED_BYTE, elements, 1, 0);
	ok = ok && gc_no_error(c, "glMultiDrawElementsIndirect") &&
	     gc_pixel_is(c, 8, 8, 0x0000ff, "glMultiDrawElementsIndirect's blue quad");
	glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, 0);
	glDeleteBuffers(2, buf);
	reset_arrays();
	gc_result(c, ok);
}

/* The left half green, the right half blue. */
static bool halves(const char *c, const char *what)
{
	bool ok = gc_pixel_is(c, 3, 8, 0x00ff00, what);
	return gc_pixel_is(c, 12, 8, 0x0000ff, what) && ok;
}

static void check_multi_draw_client(void)
{
	const char *c = "multi-draw-client";
	/* Two quads as triangle strips: vertices 0-3 the left half, green; 4-7 the right, blue.
	 * Vertices 8-9 are drawn by no draw. */
	static const GLfloat pos[20] = {-1, -1, 0, -1, -1, 1, 0, 1, 0, -1,
	                                1,  -1, 0, 1,  1,  1, 9, 9, 9, 9};
	static const GLubyte col[40] = {0,   255, 0,   255, 0, 255, 0,   255, 0,   255,
	                                0,   255, 0,   255, 0, 255, 0,   0,   255, 255,
	                                0,   0,   255, 255, 0, 0,   255, 255, 0,   0,
	                                255, 255, 0,   0,   0, 0,   0,   0,   0,   0};
	static const GLint first[2] = {0, 4};
	static const GLsizei count[2] = {4, 4};
	static const GLushort left[4] = {0, 1, 2, 3}, right[4] = {4, 5, 6, 7};
	static const GLint base[2] = {0, 4};
	const void *indices[2] = {left, right}, *twice[2] = {left, left};
	reset_arrays();
	glVertexPointer(2, GL_FLOAT, 0, pos);
	glColorPointer(4, GL_UNSIGNED_BYTE, 0, col);
	glEnableClientState(GL_VERTEX_ARRAY);
	glEnableClientState(GL_COLOR_ARRAY);
	clear();
	glMultiDrawArrays(GL_TRIANGLE_STRIP, first, count, 2);
	bool ok = gc_no_error(c, "glMultiDrawArrays") && halves(c, "glMultiDrawArrays");
	clear();
	glMultiDrawElements(GL_TRIANGLE_STRIP, count, GL_UNSIGNED_SHORT, indices, 2);
	ok = gc_no_error(c, "glMultiDrawElements") && halves(c, "glMultiDrawElements") && ok;
	clear();
	glMultiDrawElementsBaseVertex(GL_TRIANGLE_STRIP, count, GL_UNSIGNED_SHORT, twice, 2, base);
	ok = gc_no_error(c, "glMultiDrawElementsBaseVertex") &&
	     halves(c, "glMultiDrawElementsBaseVertex") && ok;
	/* A negative count: GL_INVALID_VALUE, nothing drawn. */
	static const GLsizei bad[2] = {4, -1};
	clear();
	glMultiDrawElements(GL_TRIANGLE_STRIP, bad, GL_UNSIGNED_SHORT, indices, 2);
	ok = gc_error_is(c, GL_INVALID_VALUE, "a negative count") &&
	     gc_pixel_is(c, 3, 8, 0x000000, "nothing drawn after GL_INVALID_VALUE") && ok;
	reset_arrays();
	gc_result(c, ok);
}

static void check_generic(void)
{
	const char *c = "generic";
	static const char *vs = "#version 120\n"
	                        "attribute vec2 pos; attribute vec3 col; varying vec3 v;\n"
	                        "void main() { v = col; gl_Position = vec4(pos, 0.0, 1.0); }\n";
	static const char *fs = "#version 120\n"
	                        "varying vec3 v;\n"
	                        "void main() { gl_FragColor = vec4(v, 1.0); }\n";
	const GLfloat cols[] = {1, 0.5f, 0, 1, 0.5f, 0, 1, 0.5f, 0, 1, 0.5f, 0};
	clear();
	reset_arrays();
	GLuint prog = gc_program(vs, NULL, fs);
	if (!prog) {
		gc_fail(c, "the program did not build");
		return;
	}
	glBindAttribLocation(prog, 3, "col");
	glBindAttribLocation(prog, 0, "pos");
	glLinkProgram(prog);
	glUseProgram(prog);
	glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, quad_f);
	glVertexAttribPointer(3, 3, GL_FLOAT, GL_FALSE, 0, cols);
	glEnableVertexAttribArray(0);
	glEnableVertexAttribArray(3);
	glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
	glDisableVertexAttribArray(0);
	glDisableVertexAttribArray(3);
	glUseProgram(0);
	glDeleteProgram(prog);
	unsigned got = gc_pixel(8, 8);
	gc_result(c, gc_no_error(c, "the draw") &&
	                     ((got >> 16 == 0xff && ((got >> 8) & 0xff) >= 0x7f &&
	                       ((got >> 8) & 0xff) <= 0x80 && (got & 0xff) == 0) ||
	                      gc_fail(c, "pixel %06x, expected ff7f00", got)));
}

/* glGetVertexAttribiv of client-memory generic attributes: what the app set (a GL_BGRA size,
 * a stride, buffer 0), before and after a draw uploads them. */
static bool attrib_is(const char *c, GLuint index, GLenum pname, GLint want, const char *when)
{
	GLint v = -1;
	glGetVertexAttribiv(index, pname, &v);
	GLfloat f = -1;
	glGetVertexAttribfv(index, pname, &f);
	if (v == want && f == (GLfloat)want)
		return true;
	return gc_fail(c, "%s: pname 0x%x of attribute %u is %d (%g as float), expected %d", when,
	               (unsigned)pname, index, v, (double)f, want);
}

static void check_generic_state(void)
{
	const char *c = "generic-state";
	static const GLubyte bgra[4 * 8] = {0};
	static const GLshort shorts[3 * 8] = {0};
	reset_arrays();
	glVertexAttribPointer(2, GL_BGRA, GL_UNSIGNED_BYTE, GL_TRUE, 8, bgra);
	glVertexAttribPointer(4, 3, GL_SHORT, GL_FALSE, 0, shorts);
	glEnableVertexAttribArray(2);
	glEnableVertexAttribArray(4);
	bool ok = gc_no_error(c, "the pointers");
	for (int round = 0; round < 2; round++) {
		const char *when = round ? "after a draw" : "before any draw";
		ok = attrib_is(c, 2, GL_VERTEX_ATTRIB_ARRAY_SIZE, GL_BGRA, when) && ok;
		ok = attrib_is(c, 2, GL_VERTEX_ATTRIB_ARRAY_TYPE, GL_UNSIGNED_BYTE, when) && ok;
		ok = attrib_is(c, 2, GL_VERTEX_ATTRIB_ARRAY_STRIDE, 8, when) && ok;
		ok = attrib_is(c, 2, GL_VERTEX_ATTRIB_ARRAY_NORMALIZED, GL_TRUE, when) && ok;
		ok = attrib_is(c, 2, GL_VERTEX_ATTRIB_ARRAY_BUFFER_BINDING, 0, when) && ok;
		ok = attrib_is(c, 4, GL_VERTEX_ATTRIB_ARRAY_SIZE, 3, when) && ok;
		ok = attrib_is(c, 4, GL_VERTEX_ATTRIB_ARRAY_TYPE, GL_SHORT, when) && ok;
		ok = attrib_is(c, 4, GL_VERTEX_ATTRIB_ARRAY_STRIDE, 0, when) && ok;
		ok = attrib_is(c, 4, GL_VERTEX_ATTRIB_ARRAY_ENABLED, GL_TRUE, when) && ok;
		if (!round) {
			glVertexPointer(2, GL_FLOAT, 0, quad_f);
			glEnableClientState(GL_VERTEX_ARRAY);
			glDrawArrays(GL_POINTS, 0, 4);
			glDisableClientState(GL_VERTEX_ARRAY);
			ok = gc_no_error(c, "the draw") && ok;
		}
	}
	glDisableVertexAttribArray(2);
	glDisableVertexAttribArray(4);
	gc_result(c, ok);
}

static void check_array_element(void)
{
	const char *c = "array-element";
	const GLfloat colors[] = {1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1};
	clear();
	reset_arrays();
	glVertexPointer(2, GL_FLOAT, 0, quad_f);
	glColorPointer(3, GL_FLOAT, 0, colors);
	glEnableClientState(GL_VERTEX_ARRAY);
	glEnableClientState(GL_COLOR_ARRAY);
	glBegin(GL_TRIANGLE_STRIP);
	for (int i = 0; i < 4; i++)
		glArrayElement(i);
	glEnd();
	gc_result(c, gc_no_error(c, "glBegin/glArrayElement/glEnd") &&
	                     gc_pixel_is(c, 8, 8, 0xff00ff, "a magenta quad"));
}

/* Within `tolerance` of the values wanted. */
static bool floats_near(const char *c, const char *what, const GLfloat *got, const GLfloat *want,
                        int n, GLfloat tolerance)
{
	for (int k = 0; k < n; k++) {
		GLfloat d = got[k] - want[k];
		if (d > tolerance || d < -tolerance)
			return gc_fail(c, "%s[%d] is %g, expected %g", what, k, got[k], want[k]);
	}
	return true;
}

static bool floats_are(const char *c, const char *what, const GLfloat *got, const GLfloat *want,
                       int n)
{
	return floats_near(c, what, got, want, n, 1e-6f);
}

static void check_array_element_types(void)
{
	const char *c = "array-element-types";
	/* B, G, R, A: orange. */
	const GLubyte bgra[] = {0, 0x80, 0xff, 0xff, 0, 0x80, 0xff, 0xff,
	                        0, 0x80, 0xff, 0xff, 0, 0x80, 0xff, 0xff};
	const GLbyte normals[] = {0, 0, 127, 0, 0, 127, 0, 0, 127, 127, -127, 0};
	const GLshort coords[] = {1, 2, 3, 4, 5, 6, 7, 8};
	const GLubyte attrib[] = {0, 0, 0, 0, 0, 0, 51, 255};
	const GLshort iattrib[] = {0, 0, 0, 0, 0, 0, 0, 0, 0, -7, 300, 9};
	const GLdouble dattrib[] = {0, 0, 0, 0, 0, 0, 0.25, -2.5};
	clear();
	reset_arrays();
	glVertexPointer(2, GL_DOUBLE, 0, quad_d);
	glColorPointer(GL_BGRA, GL_UNSIGNED_BYTE, 0, bgra);
	glNormalPointer(GL_BYTE, 0, normals);
	glClientActiveTexture(GL_TEXTURE1);
	glTexCoordPointer(2, GL_SHORT, 0, coords);
	glEnableClientState(GL_TEXTURE_COORD_ARRAY);
	glClientActiveTexture(GL_TEXTURE0);
	glVertexAttribPointer(3, 2, GL_UNSIGNED_BYTE, GL_TRUE, 0, attrib);
	glVertexAttribIPointer(4, 3, GL_SHORT, 0, iattrib);
	glVertexAttribPointer(5, 2, GL_DOUBLE, GL_FALSE, 0, dattrib);
	glEnableVertexAttribArray(3);
	glEnableVertexAttribArray(4);
	glEnableVertexAttribArray(5);
	glEnableClientState(GL_VERTEX_ARRAY);
	glEnableClientState(GL_COLOR_ARRAY);
	glEnableClientState(GL_NORMAL_ARRAY);
	glBegin(GL_TRIANGLE_STRIP);
	for (int i = 0; i < 4; i++)
		glArrayElement(i);
	glEnd();
	/* GL reads a GL_BGRA colour as the draw does (the specification: its red is the third
	 * byte); Mesa 22's glArrayElement reads it as GL_RGBA, which is accepted too. */
	unsigned got = gc_pixel(8, 8);
	if (got == 0x0080ff)
		printf("info: %s: GL_BGRA colours read as GL_RGBA by glArrayElement\n", c);
	bool ok = gc_no_error(c, "glBegin/glArrayElement/glEnd") &&
	          (got == 0xff8000 || got == 0x0080ff ||
	           gc_fail(c, "pixel %06x, expected the orange ff8000 of GL_BGRA colours", got));
	GLfloat v[4];
	glGetFloatv(GL_CURRENT_NORMAL, v);
	/* GL 4.2's signed normalization or the older (2c + 1) / 255, which Mesa 22 keeps. */
	ok = ok && floats_near(c, "GL_CURRENT_NORMAL", v, (const GLfloat[]){1, -1, 0}, 3, 0.01f);
	glActiveTexture(GL_TEXTURE1);
	glGetFloatv(GL_CURRENT_TEXTURE_COORDS, v);
	glActiveTexture(GL_TEXTURE0);
	ok = ok && floats_are(c, "unit 1's GL_CURRENT_TEXTURE_COORDS", v,
	                      (const GLfloat[]){7, 8, 0, 1}, 4);
	glGetVertexAttribfv(3, GL_CURRENT_VERTEX_ATTRIB, v);
	ok = ok && floats_are(c, "attribute 3", v, (const GLfloat[]){0.2f, 1, 0, 1}, 4);
	glGetVertexAttribfv(5, GL_CURRENT_VERTEX_ATTRIB, v);
	ok = ok &&
	     floats_are(c, "attribute 5 (GL_DOUBLE)", v, (const GLfloat[]){0.25f, -2.5f, 0, 1}, 4);
	GLint iv[4] = {0};
	glGetVertexAttribIiv(4, GL_CURRENT_VERTEX_ATTRIB, iv);
	ok = ok && ((iv[0] == -7 && iv[1] == 300 && iv[2] == 9 && iv[3] == 1) ||
	            gc_fail(c, "attribute 4 is %d %d %d %d, expected -7 300 9 1", iv[0], iv[1],
	                    iv[2], iv[3]));
	glDisableVertexAttribArray(3);
	glDisableVertexAttribArray(4);
	glDisableVertexAttribArray(5);
	glClientActiveTexture(GL_TEXTURE1);
	glDisableClientState(GL_TEXTURE_COORD_ARRAY);
	glClientActiveTexture(GL_TEXTURE0);
	/* Normalized unsigned bytes of 3 components (alpha 1) and GL_SHORT vertices. */
	const GLubyte rgb[] = {0, 0xff, 0x80, 0, 0xff, 0x80, 0, 0xff, 0x80, 0, 0xff, 0x80};
	const GLshort quad_s[] = {-1, -1, 1, -1, -1, 1, 1, 1};
	clear();
	reset_arrays();
	glVertexPointer(2, GL_SHORT, 0, quad_s);
	glColorPointer(3, GL_UNSIGNED_BYTE, 0, rgb);
	glEnableClientState(GL_VERTEX_ARRAY);
	glEnableClientState(GL_COLOR_ARRAY);
	glBegin(GL_TRIANGLE_STRIP);
	for (int i = 0; i < 4; i++)
		glArrayElement(i);
	glEnd();
	ok = ok && gc_no_error(c, "GL_UNSIGNED_BYTE colours") &&
	     gc_pixel_is(c, 8, 8, 0x00ff80, "a quad of GL_UNSIGNED_BYTE colours");
	glGetFloatv(GL_CURRENT_COLOR, v);
	ok = ok &&
	     floats_are(c, "GL_CURRENT_COLOR", v, (const GLfloat[]){0, 1, 128.0f / 255.0f, 1}, 4);
	reset_arrays();
	glColor4f(1, 1, 1, 1);
	gc_result(c, ok);
}

/* A buffer of the quad's float vertices (32 bytes) then 4 colours of 4 unsigned bytes. */
static GLuint quad_buffer(const GLubyte *colors)
{
	GLuint vbo;
	glGenBuffers(1, &vbo);
	glBindBuffer(GL_ARRAY_BUFFER, vbo);
	glBufferData(GL_ARRAY_BUFFER, sizeof(quad_f) + 16, NULL, GL_STATIC_DRAW);
	glBufferSubData(GL_ARRAY_BUFFER, 0, sizeof(quad_f), quad_f);
	glBufferSubData(GL_ARRAY_BUFFER, sizeof(quad_f), 16, colors);
	return vbo;
}

static void check_array_element_buffer(void)
{
	const char *c = "array-element-buffer";
	const GLubyte colors[] = {0xff, 0xff, 0, 0xff, 0xff, 0xff, 0, 0xff,
	                          0xff, 0xff, 0, 0xff, 0xff, 0xff, 0, 0xff};
	clear();
	reset_arrays();
	GLuint vbo = quad_buffer(colors);
	glVertexPointer(2, GL_FLOAT, 0, NULL);
	glColorPointer(4, GL_UNSIGNED_BYTE, 0, (const void *)sizeof(quad_f));
	glBindBuffer(GL_ARRAY_BUFFER, 0);
	glEnableClientState(GL_VERTEX_ARRAY);
	glEnableClientState(GL_COLOR_ARRAY);
	glBegin(GL_TRIANGLE_STRIP);
	for (int i = 0; i < 4; i++)
		glArrayElement(i);
	glEnd();
	bool ok = gc_no_error(c, "glBegin/glArrayElement/glEnd") &&
	          gc_pixel_is(c, 8, 8, 0xffff00, "a yellow quad");
	reset_arrays();
	glDeleteBuffers(1, &vbo);
	glColor4f(1, 1, 1, 1);
	gc_result(c, ok);
}

static void check_array_element_mixed(void)
{
	const char *c = "array-element-mixed";
	const GLubyte colors[] = {0, 0, 0, 0, 0, 0, 0, 0, 0x33, 0x66, 0x99, 0xff, 0, 0, 0, 0};
	const GLfloat normals[] = {0, 0, 1, 0, 0, 1, 0.25f, 0.5f, -1, 0, 0, 1};
	reset_arrays();
	GLuint vbo = quad_buffer(colors);
	glColorPointer(4, GL_UNSIGNED_BYTE, 0, (const void *)sizeof(quad_f));
	glBindBuffer(GL_ARRAY_BUFFER, 0);
	glNormalPointer(GL_FLOAT, 0, normals);
	glEnableClientState(GL_COLOR_ARRAY);
	glEnableClientState(GL_NORMAL_ARRAY);
	glArrayElement(2);
	bool ok = gc_no_error(c, "glArrayElement outside glBegin/glEnd");
	GLfloat v[4];
	glGetFloatv(GL_CURRENT_COLOR, v);
	ok = ok && floats_are(c, "GL_CURRENT_COLOR", v, (const GLfloat[]){0.2f, 0.4f, 0.6f, 1}, 4);
	glGetFloatv(GL_CURRENT_NORMAL, v);
	ok = ok && floats_are(c, "GL_CURRENT_NORMAL", v, (const GLfloat[]){0.25f, 0.5f, -1}, 3);
	reset_arrays();
	glDeleteBuffers(1, &vbo);
	glColor4f(1, 1, 1, 1);
	gc_result(c, ok);
}

static void check_array_element_mixed_begin(void)
{
	const char *c = "array-element-mixed-begin";
	const GLfloat colors[] = {0, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1};
	const GLubyte unused[16] = {0};
	clear();
	reset_arrays();
	GLuint vbo = quad_buffer(unused);
	glVertexPointer(2, GL_FLOAT, 0, NULL);
	glBindBuffer(GL_ARRAY_BUFFER, 0);
	glColorPointer(3, GL_FLOAT, 0, colors);
	glEnableClientState(GL_VERTEX_ARRAY);
	glEnableClientState(GL_COLOR_ARRAY);
	glBegin(GL_TRIANGLE_STRIP);
	for (int i = 0; i < 4; i++)
		glArrayElement(i);
	glEnd();
	GLenum err = glGetError();
	unsigned got = gc_pixel(8, 8);
	printf("info: %s: error 0x%x, pixel %06x\n", c, err, got);
	bool ok = (err == GL_NO_ERROR && got == 0x00ffff) ||
	          (err == GL_INVALID_OPERATION && got == 0) ||
	          gc_fail(c,
	                  "error 0x%x and pixel %06x: expected a cyan quad, or "
	                  "GL_INVALID_OPERATION and nothing drawn",
	                  err, got);
	reset_arrays();
	glDeleteBuffers(1, &vbo);
	glColor4f(1, 1, 1, 1);
	gc_result(c, ok);
}

/* Without ARB_imaging (neither Mesa nor gpupipe offers it) the five readbacks have no state
 * to read and write nothing. Mesa 22 implements them only under their ARB_robustness names
 * (glGetnColorTableARB ...: GL_INVALID_OPERATION, printed as info); the 4.5 names are unknown
 * to its dispatch, so glvnd's stub for them does nothing (GL_NO_ERROR). gpupipe's library
 * answers GL_INVALID_OPERATION, as Mesa's implementation does: either is accepted, any other
 * error or a written byte fails. */
static void check_imaging_readbacks(void)
{
	const char *c = "imaging-readbacks";
	PFNGLGETNCOLORTABLEPROC color_table =
	        (PFNGLGETNCOLORTABLEPROC)eglGetProcAddress("glGetnColorTable");
	PFNGLGETNCONVOLUTIONFILTERPROC convolution =
	        (PFNGLGETNCONVOLUTIONFILTERPROC)eglGetProcAddress("glGetnConvolutionFilter");
	PFNGLGETNSEPARABLEFILTERPROC separable =
	        (PFNGLGETNSEPARABLEFILTERPROC)eglGetProcAddress("glGetnSeparableFilter");
	PFNGLGETNHISTOGRAMPROC histogram =
	        (PFNGLGETNHISTOGRAMPROC)eglGetProcAddress("glGetnHistogram");
	PFNGLGETNMINMAXPROC minmax = (PFNGLGETNMINMAXPROC)eglGetProcAddress("glGetnMinmax");
	if (!color_table || !convolution || !separable || !histogram || !minmax) {
		gc_result(c, gc_fail(c, "an entry point is missing"));
		return;
	}
	unsigned char buf[64], row[16], col[16];
	memset(buf, 0x5a, sizeof(buf));
	memset(row, 0x5a, sizeof(row));
	memset(col, 0x5a, sizeof(col));
	GLenum err[5];
	color_table(GL_COLOR_TABLE, GL_RGBA, GL_UNSIGNED_BYTE, sizeof(buf), buf);
	err[0] = glGetError();
	convolution(GL_CONVOLUTION_2D, GL_RGBA, GL_UNSIGNED_BYTE, sizeof(buf), buf);
	err[1] = glGetError();
	separable(GL_SEPARABLE_2D, GL_RGBA, GL_UNSIGNED_BYTE, sizeof(row), row, sizeof(col), col,
	          NULL);
	err[2] = glGetError();
	histogram(GL_HISTOGRAM, GL_TRUE, GL_RGBA, GL_UNSIGNED_BYTE, sizeof(buf), buf);
	err[3] = glGetError();
	minmax(GL_MINMAX, GL_FALSE, GL_RGBA, GL_UNSIGNED_BYTE, sizeof(buf), buf);
	err[4] = glGetError();
	PFNGLGETNCOLORTABLEARBPROC color_table_arb =
	        (PFNGLGETNCOLORTABLEARBPROC)eglGetProcAddress("glGetnColorTableARB");
	if (color_table_arb) {
		color_table_arb(GL_COLOR_TABLE, GL_RGBA, GL_UNSIGNED_BYTE, sizeof(buf), buf);
		printf("info: glGetnColorTableARB error 0x%x\n", glGetError());
	}
	printf("info: imaging readback errors 0x%x 0x%x 0x%x 0x%x 0x%x\n", err[0], err[1], err[2],
	       err[3], err[4]);
	bool ok = true;
	for (int i = 0; i < 5; i++)
		ok = ok && (err[i] == GL_INVALID_OPERATION || err[i] == GL_NO_ERROR ||
		            gc_fail(c, "readback %d: error 0x%x, expected GL_INVALID_OPERATION", i,
		                    err[i]));
	ok = ok && ((buf[0] == 0x5a && buf[63] == 0x5a && row[0] == 0x5a && col[0] == 0x5a) ||
	            gc_fail(c, "a buffer was written"));
	gc_result(c, ok);
}

static void check_client_attrib(void)
{
	const char *c = "client-attrib";
	const GLfloat other[8] = {0};
	reset_arrays();
	glVertexPointer(2, GL_FLOAT, 0, quad_f);
	glEnableClientState(GL_VERTEX_ARRAY);
	glPixelStorei(GL_UNPACK_ALIGNMENT, 2);
	glPushClientAttrib(GL_CLIENT_ALL_ATTRIB_BITS);
	glVertexPointer(3, GL_FLOAT, 0, other);
	glDisableClientState(GL_VERTEX_ARRAY);
	glPixelStorei(GL_UNPACK_ALIGNMENT, 8);
	GLint depth = 0;
	glGetIntegerv(GL_CLIENT_ATTRIB_STACK_DEPTH, &depth);
	glPopClientAttrib();
	GLvoid *p = NULL;
	GLint size = 0, on = 0, align = 0;
	glGetPointerv(GL_VERTEX_ARRAY_POINTER, &p);
	glGetIntegerv(GL_VERTEX_ARRAY_SIZE, &size);
	glGetIntegerv(GL_VERTEX_ARRAY, &on);
	glGetIntegerv(GL_UNPACK_ALIGNMENT, &align);
	glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
	clear();
	glColor4f(0, 1, 0, 1);
	glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
	glColor4f(1, 1, 1, 1);
	gc_result(c, gc_no_error(c, "push, pop and a draw") &&
	                     (depth == 1 || gc_fail(c, "stack depth %d, expected 1", depth)) &&
	                     (p == quad_f || gc_fail(c, "the vertex pointer was not restored")) &&
	                     (size == 2 || gc_fail(c, "vertex size %d, expected 2", size)) &&
	                     (on || gc_fail(c, "the vertex array is not enabled again")) &&
	                     (align == 2 || gc_fail(c, "unpack alignment %d, expected 2", align)) &&
	                     gc_pixel_is(c, 8, 8, 0x00ff00, "the restored arrays' quad"));
}

/* Window coordinates as raster positions: an identity projection over the target. */
static void raster(int x, int y)
{
	glRasterPos2f(-1 + 2.0f * (float)x / SIZE, -1 + 2.0f * (float)y / SIZE);
}

static void check_draw_pixels(void)
{
	const char *c = "draw-pixels";
	GLubyte rgba[4 * 4 * 4];
	for (int i = 0; i < 16; i++)
		memcpy(rgba + 4 * i, (GLubyte[]){0, 0, 255, 255}, 4);
	clear();
	raster(2, 2);
	glDrawPixels(4, 4, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
	bool ok = gc_no_error(c, "GL_RGBA") && gc_pixel_is(c, 3, 3, 0x0000ff, "GL_RGBA") &&
	          gc_pixel_is(c, 7, 7, 0x000000, "past the rectangle");
	/* Index 1 maps to yellow through the I_TO_R/G/B maps. */
	const GLfloat r[2] = {0, 1}, g[2] = {0, 1}, b[2] = {0, 0}, a[2] = {1, 1};
	glPixelMapfv(GL_PIXEL_MAP_I_TO_R, 2, r);
	glPixelMapfv(GL_PIXEL_MAP_I_TO_G, 2, g);
	glPixelMapfv(GL_PIXEL_MAP_I_TO_B, 2, b);
	glPixelMapfv(GL_PIXEL_MAP_I_TO_A, 2, a);
	GLubyte idx[3 * 3];
	memset(idx, 1, sizeof(idx));
	glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
	raster(10, 10);
	glDrawPixels(3, 3, GL_COLOR_INDEX, GL_UNSIGNED_BYTE, idx);
	glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
	GLint mapsize = 0;
	glGetIntegerv(GL_PIXEL_MAP_I_TO_R_SIZE, &mapsize);
	ok = ok && gc_no_error(c, "GL_COLOR_INDEX") &&
	     gc_pixel_is(c, 11, 11, 0xffff00, "index 1 through the maps") &&
	     (mapsize == 2 || gc_fail(c, "GL_PIXEL_MAP_I_TO_R_SIZE %d", mapsize));
	/* Half the red through the transfer scale. */
	glPixelTransferf(GL_RED_SCALE, 0.5f);
	for (int i = 0; i < 16; i++)
		memcpy(rgba + 4 * i, (GLubyte[]){255, 0, 0, 255}, 4);
	raster(10, 2);
	glDrawPixels(4, 4, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
	glPixelTransferi(GL_RED_SCALE, 1);
	unsigned got = gc_pixel(11, 3);
	ok = ok && gc_no_error(c, "glPixelTransfer") &&
	     ((got >> 16 >= 0x7f && got >> 16 <= 0x80 && (got & 0xffff) == 0) ||
	      gc_fail(c, "scaled red %06x, expected 7f0000", got));
	gc_result(c, ok);
}

static void check_bitmap(void)
{
	const char *c = "bitmap";
	/* 8x2: first row's bits 0..3 (LSB first: pixels 0..3) set, second row empty. */
	const GLubyte bits[2] = {0x0f, 0x00};
	clear();
	glColor4f(1, 0, 0, 1);
	raster(4, 4);
	glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
	glPixelStorei(GL_UNPACK_LSB_FIRST, GL_TRUE);
	glBitmap(8, 2, 0, 0, 0, 0, bits);
	glPixelStorei(GL_UNPACK_LSB_FIRST, GL_FALSE);
	glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
	glBitmap(0, 0, 0, 0, 3, 0, NULL); /* moves the raster position only */
	GLfloat pos[4] = {0};
	glGetFloatv(GL_CURRENT_RASTER_POSITION, pos);
	glColor4f(1, 1, 1, 1);
	gc_result(c, gc_no_error(c, "glBitmap") && gc_pixel_is(c, 5, 4, 0xff0000, "a set bit") &&
	                     gc_pixel_is(c, 9, 4, 0x000000, "a clear bit") &&
	                     gc_pixel_is(c, 5, 5, 0x000000, "the empty row") &&
	                     (pos[0] == 7 || gc_fail(c, "raster x %g, expected 7", pos[0])));
}

static void check_copy_pixels(void)
{
	const char *c = "copy-pixels";
	clear();
	glEnable(GL_SCISSOR_TEST);
	glScissor(0, 0, 2, 2);
	glClearColor(0, 1, 0, 1);
	glClear(GL_COLOR_BUFFER_BIT);
	glDisable(GL_SCISSOR_TEST);
	raster(8, 8);
	glPixelZoom(2, 2);
	glCopyPixels(0, 0, 2, 2, GL_COLOR);
	glPixelZoom(1, 1);
	gc_result(c, gc_no_error(c, "glCopyPixels") &&
	                     gc_pixel_is(c, 11, 11, 0x00ff00, "the zoomed copy's corner") &&
	                     gc_pixel_is(c, 12, 12, 0x000000, "past the zoomed copy"));
}

/* A pixel pack buffer filled by glGetTexImage of a cube map face, read through a read
 * mapping (piglit's cubemap-getteximage-pbo), in a compatibility context. */
static void check_pack_buffer_cube(void)
{
	const char *c = "pack-buffer-cube";
	unsigned char img[8 * 8 * 4];
	for (int i = 0; i < (int)sizeof(img); i++)
		img[i] = (unsigned char)(i * 5 + 3);
	GLuint tex, pbo;
	glGenTextures(1, &tex);
	glBindTexture(GL_TEXTURE_CUBE_MAP, tex);
	for (int f = 0; f < 6; f++)
		glTexImage2D(GL_TEXTURE_CUBE_MAP_POSITIVE_X + f, 0, GL_RGBA8, 8, 8, 0, GL_RGBA,
		             GL_UNSIGNED_BYTE, img);
	glGenBuffers(1, &pbo);
	glBindBuffer(GL_PIXEL_PACK_BUFFER, pbo);
	glBufferData(GL_PIXEL_PACK_BUFFER, 6 * sizeof(img), NULL, GL_STREAM_READ);
	for (int f = 0; f < 6; f++)
		glGetTexImage(GL_TEXTURE_CUBE_MAP_POSITIVE_X + f, 0, GL_RGBA, GL_UNSIGNED_BYTE,
		              (void *)(uintptr_t)(f * sizeof(img)));
	const unsigned char *mapped = glMapBuffer(GL_PIXEL_PACK_BUFFER, GL_READ_ONLY);
	bool ok = mapped != NULL || gc_fail(c, "no mapping");
	for (int f = 0; mapped && f < 6; f++)
		ok = (!memcmp(mapped + f * sizeof(img), img, sizeof(img)) ||
		      gc_fail(c, "face %d: other pixels", f)) &&
		     ok;
	glUnmapBuffer(GL_PIXEL_PACK_BUFFER);
	glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
	glDeleteBuffers(1, &pbo);
	glDeleteTextures(1, &tex);
	gc_result(c, gc_no_error(c, "cube map into a pack buffer") && ok);
}

static void check_stipple(void)
{
	const char *c = "stipple";
	GLubyte mask[128], back[128];
	for (int i = 0; i < 128; i++)
		mask[i] = (GLubyte)(i * 7 + 1);
	glPolygonStipple(mask);
	memset(back, 0, sizeof(back));
	glGetPolygonStipple(back);
	glLineStipple(3, 0xf0f0);
	GLint pattern = 0, repeat = 0;
	glGetIntegerv(GL_LINE_STIPPLE_PATTERN, &pattern);
	glGetIntegerv(GL_LINE_STIPPLE_REPEAT, &repeat);
	gc_result(c, gc_no_error(c, "the stipples") &&
	                     (!memcmp(mask, back, sizeof(mask)) ||
	                      gc_fail(c, "the polygon stipple read back differs")) &&
	                     (pattern == 0xf0f0 || gc_fail(c, "line pattern 0x%x", pattern)) &&
	                     (repeat == 3 || gc_fail(c, "line repeat %d", repeat)));
}

int main(void)
{
	struct gc_desktop d;
	int status;
	if (!gc_desktop_open(&d, EGL_CONTEXT_OPENGL_COMPATIBILITY_PROFILE_BIT, 4, 5, &status))
		return status;
	gc_desktop_framebuffer(SIZE);
	glDrawBuffer(GL_COLOR_ATTACHMENT0);
	glReadBuffer(GL_COLOR_ATTACHMENT0);
	if (!gc_no_error("setup", "the framebuffer"))
		return 1;
	check_ff_arrays();
	check_arrays_again();
	check_secondary_fog();
	check_index_edge();
	check_interleaved();
	check_mixed();
	check_indirect_client();
	check_multi_draw_client();
	check_generic();
	check_generic_state();
	check_array_element();
	check_array_element_types();
	check_array_element_buffer();
	check_array_element_mixed();
	check_array_element_mixed_begin();
	check_client_attrib();
	check_pack_buffer_cube();
	check_draw_pixels();
	check_bitmap();
	check_copy_pixels();
	check_stipple();
	check_imaging_readbacks();
	return gc_desktop_close(&d);
}
