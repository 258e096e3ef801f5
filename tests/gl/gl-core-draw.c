/*
 * gl-core-draw: an OpenGL 3.3 core-profile app (no window: a surfaceless context on the
 * Wayland display, drawing into an 8x8 framebuffer object) that uses the commands desktop
 * OpenGL 3.0 to 3.3 has and OpenGL ES lacks, each checked with pixels or values read back:
 *
 *   conditional-render   glBeginConditionalRender on an occlusion query that passed and
 *                        one that did not
 *   frag-data-location   glBindFragDataLocation sends two outputs to two attachments
 *   dual-source-blend    glBindFragDataLocationIndexed, glGetFragDataIndex, GL_SRC1_COLOR
 *   primitive-restart    GL_PRIMITIVE_RESTART with a custom index past the vertex buffer
 *   provoking-vertex     flat colour from the first and from the last vertex
 *   multisample-texture  glTexImage2DMultisample/3DMultisample rendered and resolved
 *   multi-draw-base-vertex  glMultiDrawElementsBaseVertex: two quads of one index list
 *   framebuffer-texture-3d  a 3D texture's layer attached (and detached by the 1D form)
 *   and those of gl-core-draw-state.c (queries, attributes, colour clamping)
 *
 * Prints "PASS <check>", "FAIL <check>: why" or "SKIP <check>: why" per check, "info: ..."
 * lines, then "done". Exit status 0 when nothing failed, 77 without a 3.3 core context.
 */
#include <stdio.h>
#include <string.h>

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <wayland-client.h>

#include "gl-checks-desktop.h"
#include "gl-checks.h"
#include "gl-core-draw.h"

static GLuint target_fb;

GLuint cd_program(const char *vs, const char *fs, void (*before_link)(GLuint prog))
{
	GLuint v = gc_shader(GL_VERTEX_SHADER, vs), f = gc_shader(GL_FRAGMENT_SHADER, fs);
	if (!v || !f)
		return 0;
	GLuint p = glCreateProgram();
	glAttachShader(p, v);
	glAttachShader(p, f);
	glBindAttribLocation(p, 0, "pos");
	glBindAttribLocation(p, 1, "color");
	if (before_link)
		before_link(p);
	glLinkProgram(p);
	glDeleteShader(v);
	glDeleteShader(f);
	GLint ok = 0;
	glGetProgramiv(p, GL_LINK_STATUS, &ok);
	if (!ok) {
		char log[512] = "";
		glGetProgramInfoLog(p, sizeof(log), NULL, log);
		printf("info: link failed: %s\n", log);
		glDeleteProgram(p);
		return 0;
	}
	return p;
}

bool cd_near(unsigned got, unsigned want)
{
	for (int shift = 0; shift < 24; shift += 8) {
		int d = (int)(got >> shift & 0xff) - (int)(want >> shift & 0xff);
		if (d > 3 || d < -3)
			return false;
	}
	return true;
}

GLuint cd_arrays(const float *pos, const float *color, int n)
{
	GLuint vao, buf;
	glGenVertexArrays(1, &vao);
	glBindVertexArray(vao);
	glGenBuffers(1, &buf);
	glBindBuffer(GL_ARRAY_BUFFER, buf);
	size_t pos_bytes = sizeof(float) * 2 * (size_t)n;
	size_t color_bytes = color ? sizeof(float) * 4 * (size_t)n : 0;
	glBufferData(GL_ARRAY_BUFFER, (GLsizeiptr)(pos_bytes + color_bytes), NULL, GL_STATIC_DRAW);
	glBufferSubData(GL_ARRAY_BUFFER, 0, (GLsizeiptr)pos_bytes, pos);
	glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, (const void *)0);
	glEnableVertexAttribArray(0);
	if (color) {
		glBufferSubData(GL_ARRAY_BUFFER, (GLintptr)pos_bytes, (GLsizeiptr)color_bytes,
		                color);
		glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, 0, (const void *)pos_bytes);
		glEnableVertexAttribArray(1);
	}
	return vao;
}

void cd_bind_target(void)
{
	glBindFramebuffer(GL_FRAMEBUFFER, target_fb);
	glViewport(0, 0, CD_SIZE, CD_SIZE);
}

static const char *vs_color = "#version 330 core\n"
                              "in vec2 pos; in vec4 color; out vec4 c;\n"
                              "void main() { c = color; gl_Position = vec4(pos, 0.0, 1.0); }\n";
static const char *fs_color = "#version 330 core\n"
                              "in vec4 c; out vec4 o;\n"
                              "void main() { o = c; }\n";
static const char *vs_pos = "#version 330 core\n"
                            "in vec2 pos;\n"
                            "void main() { gl_Position = vec4(pos, 0.0, 1.0); }\n";

static const float quad[] = {-1, -1, 1, -1, -1, 1, 1, 1}; /* a strip over everything */
static const float quad_colors[] = {0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1};
static const float red4[] = {1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1};

static void clear_to(float r, float g, float b)
{
	glClearColor(r, g, b, 1);
	glClear(GL_COLOR_BUFFER_BIT);
}

/* ---- conditional render ---- */

static void conditional_render(GLuint prog)
{
	const char *c = "conditional-render";
	GLuint q[2], green = cd_arrays(quad, quad_colors, 4), red = cd_arrays(quad, red4, 4);
	glGenQueries(2, q);
	cd_bind_target();
	glUseProgram(prog);
	clear_to(0, 0, 1);
	glBeginQuery(GL_SAMPLES_PASSED, q[0]); /* passes: every pixel drawn */
	glBindVertexArray(green);
	glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
	glEndQuery(GL_SAMPLES_PASSED);
	glBeginQuery(GL_SAMPLES_PASSED, q[1]); /* fails: nothing drawn */
	glEndQuery(GL_SAMPLES_PASSED);
	clear_to(0, 0, 1);
	glBindVertexArray(red);
	glBeginConditionalRender(q[1], GL_QUERY_WAIT);
	glDrawArrays(GL_TRIANGLE_STRIP, 0, 4); /* discarded */
	glEndConditionalRender();
	unsigned after_failed = gc_pixel(4, 4);
	glBindVertexArray(green);
	glBeginConditionalRender(q[0], GL_QUERY_WAIT);
	glDrawArrays(GL_TRIANGLE_STRIP, 0, 4); /* drawn */
	glEndConditionalRender();
	unsigned after_passed = gc_pixel(4, 4);
	if (!gc_no_error(c, "the conditional draws"))
		goto out;
	if (after_failed != 0x0000ff)
		gc_fail(c, "a draw on a query of no samples left 0x%06x", after_failed);
	else if (after_passed != 0x00ff00)
		gc_fail(c, "a draw on a query that passed left 0x%06x", after_passed);
	else
		gc_result(c, true);
out:
	glDeleteQueries(2, q);
}

/* ---- fragment data locations: two outputs to two attachments ---- */

static void bind_two(GLuint p)
{
	glBindFragDataLocation(p, 0, "second");
	glBindFragDataLocation(p, 1, "first");
}

static void frag_data_location(void)
{
	const char *c = "frag-data-location";
	static const char *fs =
	        "#version 330 core\n"
	        "out vec4 first; out vec4 second;\n"
	        "void main() { first = vec4(1, 0, 0, 1); second = vec4(0, 0, 1, 1); }\n";
	GLuint prog = cd_program(vs_pos, fs, bind_two);
	if (!prog) {
		gc_fail(c, "the program did not build");
		return;
	}
	GLint first = glGetFragDataLocation(prog, "first"),
	      second = glGetFragDataLocation(prog, "second");
	GLuint fb, rb[2];
	glGenFramebuffers(1, &fb);
	glBindFramebuffer(GL_FRAMEBUFFER, fb);
	glGenRenderbuffers(2, rb);
	for (int i = 0; i < 2; i++) {
		glBindRenderbuffer(GL_RENDERBUFFER, rb[i]);
		glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, CD_SIZE, CD_SIZE);
		glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0 + (GLenum)i,
		                          GL_RENDERBUFFER, rb[i]);
	}
	const GLenum bufs[] = {GL_COLOR_ATTACHMENT0, GL_COLOR_ATTACHMENT1};
	glDrawBuffers(2, bufs);
	glViewport(0, 0, CD_SIZE, CD_SIZE);
	glUseProgram(prog);
	glBindVertexArray(cd_arrays(quad, NULL, 4));
	glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
	glReadBuffer(GL_COLOR_ATTACHMENT0);
	unsigned a0 = gc_pixel(3, 3);
	glReadBuffer(GL_COLOR_ATTACHMENT1);
	unsigned a1 = gc_pixel(3, 3);
	if (!gc_no_error(c, "two outputs drawn"))
		;
	else if (first != 1 || second != 0)
		gc_fail(c, "locations first %d, second %d (bound 1, 0)", first, second);
	else if (a0 != 0x0000ff || a1 != 0xff0000)
		gc_fail(c, "attachments 0x%06x, 0x%06x (want 0x0000ff, 0xff0000)", a0, a1);
	else
		gc_result(c, true);
	glDeleteFramebuffers(1, &fb);
	glDeleteRenderbuffers(2, rb);
	glDeleteProgram(prog);
}

/* ---- dual-source blending ---- */

static void bind_indexed(GLuint p)
{
	glBindFragDataLocationIndexed(p, 0, 0, "src0");
	glBindFragDataLocationIndexed(p, 0, 1, "src1");
}

static void dual_source_blend(void)
{
	const char *c = "dual-source-blend";
	static const char *fs =
	        "#version 330 core\n"
	        "out vec4 src0; out vec4 src1;\n"
	        "void main() { src0 = vec4(0.5, 0, 0, 1); src1 = vec4(0, 1, 0, 0); }\n";
	GLuint prog = cd_program(vs_pos, fs, bind_indexed);
	if (!prog) {
		gc_fail(c, "the program did not build");
		return;
	}
	GLint index0 = glGetFragDataIndex(prog, "src0"), index1 = glGetFragDataIndex(prog, "src1");
	cd_bind_target();
	clear_to(0, 0.5f, 1);
	glUseProgram(prog);
	glBindVertexArray(cd_arrays(quad, NULL, 4));
	glEnable(GL_BLEND);
	glBlendFunc(GL_ONE, GL_SRC1_COLOR); /* src0 + dst * src1 */
	glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
	glDisable(GL_BLEND);
	unsigned got = gc_pixel(5, 5);
	if (!gc_no_error(c, "a dual-source blend"))
		;
	else if (index0 != 0 || index1 != 1)
		gc_fail(c, "indices %d, %d (bound 0, 1)", index0, index1);
	else if (!cd_near(got, 0x808000))
		gc_fail(c, "blended 0x%06x (want 0x808000)", got);
	else
		gc_result(c, true);
	glDeleteProgram(prog);
}

/* ---- primitive restart with the app's index ---- */

static void primitive_restart(GLuint prog)
{
	const char *c = "primitive-restart";
	/* Two strips: the left and the right quarter; joined, they would cover the middle. */
	static const float pos[] = {-1,   -1, -0.5f, -1, -1,   1, -0.5f, 1,
	                            0.5f, -1, 1,     -1, 0.5f, 1, 1,     1};
	static const float colors[] = {1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 0, 1,
	                               1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 0, 1};
	/* 0x7777 is far past the 8 vertices: it must restart, never fetch. */
	static const GLushort idx[] = {0, 1, 2, 3, 0x7777, 4, 5, 6, 7};
	GLuint vao = cd_arrays(pos, colors, 8), eb;
	glGenBuffers(1, &eb);
	glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, eb);
	glBufferData(GL_ELEMENT_ARRAY_BUFFER, sizeof(idx), idx, GL_STATIC_DRAW);
	cd_bind_target();
	clear_to(0, 0, 1);
	glUseProgram(prog);
	glEnable(GL_PRIMITIVE_RESTART);
	glPrimitiveRestartIndex(0x7777);
	GLint index = 0;
	glGetIntegerv(GL_PRIMITIVE_RESTART_INDEX, &index);
	GLboolean on = glIsEnabled(GL_PRIMITIVE_RESTART);
	glDrawElements(GL_TRIANGLE_STRIP, 9, GL_UNSIGNED_SHORT, (const void *)0);
	/* The same list from the second index on: a restart first, then the right strip. */
	glDrawElements(GL_TRIANGLE_STRIP, 5, GL_UNSIGNED_SHORT,
	               (const void *)(4 * sizeof(GLushort)));
	glDisable(GL_PRIMITIVE_RESTART);
	unsigned left = gc_pixel(0, 4), middle = gc_pixel(4, 4), right = gc_pixel(7, 4);
	if (!gc_no_error(c, "strips with restarts"))
		;
	else if (index != 0x7777 || !on)
		gc_fail(c, "restart index 0x%x, enabled %d", index, on);
	else if (left != 0xffff00 || right != 0xffff00 || middle != 0x0000ff)
		gc_fail(c, "left 0x%06x, middle 0x%06x, right 0x%06x", left, middle, right);
	else
		gc_result(c, true);
	glDeleteBuffers(1, &eb);
	glDeleteVertexArrays(1, &vao);
}

/* ---- provoking vertex ---- */

static void provoking_vertex(void)
{
	const char *c = "provoking-vertex";
	static const char *vs = "#version 330 core\n"
	                        "in vec2 pos; in vec4 color; flat out vec4 c;\n"
	                        "void main() { c = color; gl_Position = vec4(pos, 0.0, 1.0); }\n";
	static const char *fs = "#version 330 core\n"
	                        "flat in vec4 c; out vec4 o;\n"
	                        "void main() { o = c; }\n";
	static const float pos[] = {-1, -1, 3, -1, -1, 3};
	static const float colors[] = {1, 0, 0, 1, 0, 1, 0, 1, 0, 0, 1, 1};
	GLuint prog = cd_program(vs, fs, NULL);
	if (!prog) {
		gc_fail(c, "the program did not build");
		return;
	}
	GLuint vao = cd_arrays(pos, colors, 3);
	cd_bind_target();
	glUseProgram(prog);
	GLint initial = 0, first_mode = 0;
	glGetIntegerv(GL_PROVOKING_VERTEX, &initial);
	glDrawArrays(GL_TRIANGLES, 0, 3);
	unsigned last = gc_pixel(2, 2);
	glProvokingVertex(GL_FIRST_VERTEX_CONVENTION);
	glGetIntegerv(GL_PROVOKING_VERTEX, &first_mode);
	glDrawArrays(GL_TRIANGLES, 0, 3);
	unsigned first = gc_pixel(2, 2);
	glProvokingVertex(GL_LAST_VERTEX_CONVENTION);
	if (!gc_no_error(c, "flat draws"))
		;
	else if (initial != GL_LAST_VERTEX_CONVENTION || first_mode != GL_FIRST_VERTEX_CONVENTION)
		gc_fail(c, "GL_PROVOKING_VERTEX 0x%x then 0x%x", initial, first_mode);
	else if (last != 0x0000ff || first != 0xff0000)
		gc_fail(c, "last-vertex colour 0x%06x, first-vertex colour 0x%06x", last, first);
	else
		gc_result(c, true);
	glDeleteVertexArrays(1, &vao);
	glDeleteProgram(prog);
}

/* ---- multisample textures, rendered and resolved ---- */

/* Draws green into `fb` (a multisample target) and resolves it into the target. */
static bool resolve(GLuint fb, GLuint prog)
{
	glBindFramebuffer(GL_FRAMEBUFFER, fb);
	glViewport(0, 0, CD_SIZE, CD_SIZE);
	clear_to(1, 0, 0);
	glUseProgram(prog);
	glBindVertexArray(cd_arrays(quad, quad_colors, 4));
	glDrawArrays(GL_TRIANGLE_STRIP, 0, 3); /* the lower-left half */
	glBindFramebuffer(GL_READ_FRAMEBUFFER, fb);
	glBindFramebuffer(GL_DRAW_FRAMEBUFFER, target_fb);
	glBlitFramebuffer(0, 0, CD_SIZE, CD_SIZE, 0, 0, CD_SIZE, CD_SIZE, GL_COLOR_BUFFER_BIT,
	                  GL_NEAREST);
	cd_bind_target();
	/* Inside, outside, and on the diagonal (a mix when samples differ). */
	return gc_pixel(1, 1) == 0x00ff00 && gc_pixel(6, 6) == 0xff0000;
}

static void multisample_texture(GLuint prog)
{
	const char *c = "multisample-texture";
	GLuint tex[2], fb[2];
	glGenTextures(2, tex);
	glGenFramebuffers(2, fb);
	glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, tex[0]);
	glTexImage2DMultisample(GL_TEXTURE_2D_MULTISAMPLE, 4, GL_RGBA8, CD_SIZE, CD_SIZE, GL_TRUE);
	GLint samples = 0;
	glGetTexLevelParameteriv(GL_TEXTURE_2D_MULTISAMPLE, 0, GL_TEXTURE_SAMPLES, &samples);
	glBindFramebuffer(GL_FRAMEBUFFER, fb[0]);
	glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D_MULTISAMPLE,
	                       tex[0], 0);
	GLenum status2d = glCheckFramebufferStatus(GL_FRAMEBUFFER);
	bool ok2d = status2d == GL_FRAMEBUFFER_COMPLETE && resolve(fb[0], prog);
	glBindTexture(GL_TEXTURE_2D_MULTISAMPLE_ARRAY, tex[1]);
	glTexImage3DMultisample(GL_TEXTURE_2D_MULTISAMPLE_ARRAY, 4, GL_RGBA8, CD_SIZE, CD_SIZE, 3,
	                        GL_TRUE);
	glBindFramebuffer(GL_FRAMEBUFFER, fb[1]);
	glFramebufferTextureLayer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, tex[1], 0, 2);
	GLenum status3d = glCheckFramebufferStatus(GL_FRAMEBUFFER);
	bool ok3d = status3d == GL_FRAMEBUFFER_COMPLETE && resolve(fb[1], prog);
	/* A proxy answers without an image. */
	glTexImage2DMultisample(GL_PROXY_TEXTURE_2D_MULTISAMPLE, 4, GL_RGBA8, CD_SIZE, CD_SIZE,
	                        GL_TRUE);
	GLint proxy_width = 0;
	glGetTexLevelParameteriv(GL_PROXY_TEXTURE_2D_MULTISAMPLE, 0, GL_TEXTURE_WIDTH,
	                         &proxy_width);
	if (!gc_no_error(c, "multisample images drawn and resolved"))
		;
	else if (samples < 4)
		gc_fail(c, "%d samples (asked for 4)", samples);
	else if (!ok2d || !ok3d)
		gc_fail(c, "2D 0x%x %s, array 0x%x %s", status2d, ok2d ? "resolved" : "wrong",
		        status3d, ok3d ? "resolved" : "wrong");
	else if (proxy_width != CD_SIZE)
		gc_fail(c, "the proxy's width %d", proxy_width);
	else
		gc_result(c, true);
	glDeleteFramebuffers(2, fb);
	glDeleteTextures(2, tex);
}

/* ---- glMultiDrawElementsBaseVertex ---- */

static void multi_draw_base_vertex(GLuint prog)
{
	const char *c = "multi-draw-base-vertex";
	/* Two quads, left quarter and right quarter, drawn by one index list. */
	static const float pos[] = {-1,   -1, -0.5f, -1, -0.5f, 1, -1,   1,
	                            0.5f, -1, 1,     -1, 1,     1, 0.5f, 1};
	static const float colors[] = {1, 0, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1,
	                               0, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1};
	static const GLubyte idx[] = {0, 1, 2, 0, 2, 3};
	GLuint vao = cd_arrays(pos, colors, 8), eb;
	glGenBuffers(1, &eb);
	glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, eb);
	glBufferData(GL_ELEMENT_ARRAY_BUFFER, sizeof(idx), idx, GL_STATIC_DRAW);
	cd_bind_target();
	clear_to(0, 0, 0);
	glUseProgram(prog);
	const GLsizei count[] = {6, 6};
	const void *const indices[] = {(const void *)0, (const void *)0};
	const GLint base[] = {0, 4};
	glMultiDrawElementsBaseVertex(GL_TRIANGLES, count, GL_UNSIGNED_BYTE, indices, 2, base);
	unsigned left = gc_pixel(0, 4), middle = gc_pixel(4, 4), right = gc_pixel(7, 4);
	if (!gc_no_error(c, "two draws of one list"))
		;
	else if (left != 0xff00ff || right != 0x00ffff || middle != 0)
		gc_fail(c, "left 0x%06x, middle 0x%06x, right 0x%06x", left, middle, right);
	else
		gc_result(c, true);
	glDeleteBuffers(1, &eb);
	glDeleteVertexArrays(1, &vao);
}

/* ---- glFramebufferTexture3D (and the 1D form, detaching) ---- */

static void framebuffer_texture_3d(void)
{
	const char *c = "framebuffer-texture-3d";
	GLuint tex, fb;
	glGenTextures(1, &tex);
	glBindTexture(GL_TEXTURE_3D, tex);
	glTexImage3D(GL_TEXTURE_3D, 0, GL_RGBA8, 4, 4, 4, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
	glGenFramebuffers(1, &fb);
	glBindFramebuffer(GL_FRAMEBUFFER, fb);
	glFramebufferTexture3D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_3D, tex, 0, 2);
	GLint layer = -1;
	glGetFramebufferAttachmentParameteriv(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0,
	                                      GL_FRAMEBUFFER_ATTACHMENT_TEXTURE_LAYER, &layer);
	glViewport(0, 0, 4, 4);
	clear_to(1, 0, 1);
	/* Layer 1 cleared too, then layer 2 read again: the layers are apart. */
	glFramebufferTexture3D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_3D, tex, 0, 1);
	clear_to(0, 1, 0);
	unsigned one = gc_pixel(1, 1);
	glFramebufferTexture3D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_3D, tex, 0, 2);
	unsigned px = gc_pixel(1, 1);
	glFramebufferTexture1D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_1D, 0, 0);
	GLint type = -1;
	glGetFramebufferAttachmentParameteriv(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0,
	                                      GL_FRAMEBUFFER_ATTACHMENT_OBJECT_TYPE, &type);
	if (!gc_no_error(c, "a layer attached, cleared and detached"))
		;
	else if (layer != 2 || px != 0xff00ff)
		gc_fail(c, "layer %d, pixel 0x%06x", layer, px);
	else if (one != 0x00ff00)
		gc_fail(c, "layer 1 read 0x%06x", one);
	else if (type != GL_NONE)
		gc_fail(c, "glFramebufferTexture1D of 0 left object type 0x%x", type);
	else
		gc_result(c, true);
	glDeleteFramebuffers(1, &fb);
	glDeleteTextures(1, &tex);
}

int main(void)
{
	struct gc_desktop d;
	int status;
	if (!gc_desktop_open(&d, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, 3, 3, &status))
		return status;
	GLuint rb;
	glGenRenderbuffers(1, &rb);
	glBindRenderbuffer(GL_RENDERBUFFER, rb);
	glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, CD_SIZE, CD_SIZE);
	glGenFramebuffers(1, &target_fb);
	glBindFramebuffer(GL_FRAMEBUFFER, target_fb);
	glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb);
	GLuint prog = cd_program(vs_color, fs_color, NULL);
	if (!prog)
		return printf("FAIL setup: the program did not build\n"), 1;
	conditional_render(prog);
	frag_data_location();
	dual_source_blend();
	primitive_restart(prog);
	provoking_vertex();
	multisample_texture(prog);
	multi_draw_base_vertex(prog);
	framebuffer_texture_3d();
	cd_state_checks();
	return gc_desktop_close(&d);
}
