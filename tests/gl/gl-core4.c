/*
 * gl-core4: a desktop OpenGL 4.4 core-profile app (eglBindAPI(EGL_OPENGL_API), libOpenGL; no
 * window: a surfaceless context on the Wayland display, drawing into a 4x4 framebuffer
 * object) that uses the commands of OpenGL 4.0 to 4.4, each group checked with pixels or
 * values read back:
 *
 *   viewport-array     a geometry shader's gl_ViewportIndex picks viewport 1; the indexed
 *                      viewport, scissor box and (double) depth range read back
 *   texture-view       a view of one level of a texture, sampled
 *   buffer-storage     a persistent coherent mapping written by the CPU, drawn, rewritten,
 *                      drawn again
 *   clear-tex-image    glClearTexImage and glClearTexSubImage, read back through a framebuffer
 *   base-instance      an instanced array read from the base instance on
 *   multi-draw-indirect  commands of an indirect buffer, packed and with a stride
 *   subroutine         the fragment stage's subroutine picks the colour
 *   atomic-counter-buffer  a program's counter buffer queried, its counters counting
 *   double-uniform     glUniform*d read back with glGetUniformdv, and drawn
 *   double-attrib      glVertexAttribL4d read back with glGetVertexAttribLdv; a dvec2
 *                      attribute of a buffer (glVertexAttribLFormat) drawn
 *   query-indexed      GL_PRIMITIVES_GENERATED of stream 0 counts a draw's triangles
 *   invalidate         glInvalidateTexImage, glInvalidateBufferData take valid names
 *   clear-buffer-data  glClearBufferSubData read back through a mapping
 *   internalformat64   glGetInternalformati64v answers GL_INTERNALFORMAT_SUPPORTED
 *   patch-parameter    glPatchParameterfv's default outer levels read back
 *   map-alignment      GL_MIN_MAP_BUFFER_ALIGNMENT and 4.0's transform feedback limits
 *                      answered; a mapping at an odd offset aligned as 4.2 promises
 *   tex-storage-1d     glTexStorage1D's levels written and read back; a 1D array's layers
 *   copy-image-1d-rect glCopyImageSubData from a 1D texture into a rectangle texture and
 *                      back into another 1D texture, read back
 *   multi-bind-buffers glBindBuffersRange/Base: indexed bindings read back and drawn from, the
 *                      generic binding left alone, past the limit and unknown names refused
 *   multi-bind-textures  glBindTextures/glBindSamplers on units 2 and 3, sampled, the active
 *                      unit left alone
 *   multi-bind-image-textures  glBindImageTextures: level 0, layered, format read back
 *   multi-bind-vertex-buffers  glBindVertexBuffers: offsets and strides read back, drawn
 *   attrib-desktop-formats  glVertexAttribPointer of GL_DOUBLE positions and of a
 *                      GL_UNSIGNED_INT_10F_11F_11F_REV colour, drawn; size 4 of the latter refused
 *   xfb-draw           a triangle captured by a transform feedback object, drawn with
 *                      glDrawTransformFeedback and glDrawTransformFeedbackInstanced (its
 *                      instance's colour); a name never bound GL_INVALID_VALUE, an
 *                      object never captured GL_INVALID_OPERATION
 *   draw-id            gl_DrawIDARB in each draw of glMultiDrawArrays, glMultiDrawElements,
 *                      glMultiDrawElementsBaseVertex and the two glMultiDraw*Indirect; the
 *                      app's buffers still bound after them
 *   format-without-buffer  an attribute's format set by glVertexAttribPointer with no buffer
 *                      bound, then glVertexAttribBinding to another's buffer: drawn from it
 *
 * Prints "PASS <check>", "FAIL <check>: why" or "SKIP <check>: why" per check, "info: ..."
 * lines, then "done". Exit status 0 when nothing failed, 77 without a 4.4 core context.
 */
#define GL_GLEXT_PROTOTYPES 1
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GL/glcorearb.h>
#include <wayland-client.h>

#include "gl-checks-desktop.h"
#include "gl-checks.h"
#include "gl-core4.h"

/* A program of a vertex, an optional geometry and a fragment stage. */
/* A full-target triangle from gl_VertexID, no attributes. */
const char *const gl4_vs_full = "#version 440 core\n"
                                "void main() {\n"
                                "  vec2 p = vec2(gl_VertexID == 1 ? 3.0 : -1.0,\n"
                                "                gl_VertexID == 2 ? 3.0 : -1.0);\n"
                                "  gl_Position = vec4(p, 0.0, 1.0);\n"
                                "}\n";
const char *const gl4_fs_green = "#version 440 core\nout vec4 o;\n"
                                 "void main() { o = vec4(0.0, 1.0, 0.0, 1.0); }\n";

void gl4_clear(void)
{
	glClearColor(0, 0, 0, 1);
	glClear(GL_COLOR_BUFFER_BIT);
}

static bool viewport_array(GLuint vao)
{
	const char *c = "viewport-array";
	static const char *gs = "#version 440 core\n"
	                        "layout(triangles) in;\n"
	                        "layout(triangle_strip, max_vertices = 3) out;\n"
	                        "void main() {\n"
	                        "  for (int i = 0; i < 3; i++) {\n"
	                        "    gl_Position = gl_in[i].gl_Position;\n"
	                        "    gl_ViewportIndex = 1;\n"
	                        "    EmitVertex();\n"
	                        "  }\n"
	                        "}\n";
	GLuint p = gc_program(gl4_vs_full, gs, gl4_fs_green);
	if (!p)
		return gc_fail(c, "the program did not build");
	/* Not glViewportArrayv: Mesa 22.3's llvmpipe crashes in it (Debian 12). */
	static const float vp0[4] = {0, 0, 2, 4};
	glViewportIndexedfv(0, vp0);
	glViewportIndexedf(1, 2, 0, 2, 4);
	static const GLint box[4] = {0, 0, 4, 4};
	glScissorIndexedv(1, box);
	glScissorIndexed(2, 1, 1, 2, 2);
	static const GLdouble ranges[4] = {0, 1, 0.25, 0.75};
	glDepthRangeArrayv(0, 2, ranges);
	glDepthRangeIndexed(2, 0.125, 0.5);
	gl4_clear();
	glUseProgram(p);
	glBindVertexArray(vao);
	glDrawArrays(GL_TRIANGLES, 0, 3);
	bool ok = gc_pixel_is(c, 3, 2, 0x00ff00, "viewport 1 (the right half)");
	ok = gc_pixel_is(c, 0, 2, 0x000000, "viewport 0 (the left half) untouched") && ok;
	float v[4] = {0};
	glGetFloati_v(GL_VIEWPORT, 1, v);
	if (v[0] != 2 || v[1] != 0 || v[2] != 2 || v[3] != 4)
		ok = gc_fail(c, "viewport 1 reads %g %g %g %g", v[0], v[1], v[2], v[3]);
	GLint s[4] = {0};
	glGetIntegeri_v(GL_SCISSOR_BOX, 2, s);
	if (s[0] != 1 || s[1] != 1 || s[2] != 2 || s[3] != 2)
		ok = gc_fail(c, "scissor box 2 reads %d %d %d %d", s[0], s[1], s[2], s[3]);
	GLdouble d[2] = {0};
	glGetDoublei_v(GL_DEPTH_RANGE, 1, d);
	if (d[0] != 0.25 || d[1] != 0.75)
		ok = gc_fail(c, "depth range 1 reads %g %g", d[0], d[1]);
	glGetDoublei_v(GL_DEPTH_RANGE, 2, d);
	if (d[0] != 0.125 || d[1] != 0.5)
		ok = gc_fail(c, "depth range 2 reads %g %g", d[0], d[1]);
	glViewport(0, 0, 4, 4);
	glDeleteProgram(p);
	return gc_error_is(c, GL_NO_ERROR, "the indexed state") && ok;
}

const char *const gl4_fs_sample = "#version 440 core\n"
                                  "uniform sampler2D t; out vec4 o;\n"
                                  "void main() { o = texture(t, vec2(0.5)); }\n";

static bool texture_view(GLuint vao)
{
	const char *c = "texture-view";
	GLuint p = gc_program(gl4_vs_full, NULL, gl4_fs_sample);
	if (!p)
		return gc_fail(c, "the program did not build");
	GLuint tex[2];
	glGenTextures(2, tex);
	glBindTexture(GL_TEXTURE_2D, tex[0]);
	glTexStorage2D(GL_TEXTURE_2D, 2, GL_RGBA8, 2, 2);
	static const unsigned char red[16] = {255, 0, 0, 255, 255, 0, 0, 255,
	                                      255, 0, 0, 255, 255, 0, 0, 255};
	static const unsigned char blue[4] = {0, 0, 255, 255};
	glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, 2, 2, GL_RGBA, GL_UNSIGNED_BYTE, red);
	glTexSubImage2D(GL_TEXTURE_2D, 1, 0, 0, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, blue);
	/* The view holds level 1 only: its level 0 is the blue texel. */
	glTextureView(tex[1], GL_TEXTURE_2D, tex[0], GL_RGBA8, 1, 1, 0, 1);
	glBindTexture(GL_TEXTURE_2D, tex[1]);
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
	GLint min_level = -1;
	glGetTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_VIEW_MIN_LEVEL, &min_level);
	gl4_clear();
	glUseProgram(p);
	glBindVertexArray(vao);
	glDrawArrays(GL_TRIANGLES, 0, 3);
	bool ok = gc_pixel_is(c, 2, 2, 0x0000ff, "the view's level 0");
	if (min_level != 1)
		ok = gc_fail(c, "GL_TEXTURE_VIEW_MIN_LEVEL %d", min_level);
	glDeleteTextures(2, tex);
	glDeleteProgram(p);
	return gc_error_is(c, GL_NO_ERROR, "the view") && ok;
}

const char *const gl4_vs_pos = "#version 440 core\n"
                               "layout(location = 0) in vec2 pos;\n"
                               "void main() { gl_Position = vec4(pos, 0.0, 1.0); }\n";

static bool buffer_storage(void)
{
	const char *c = "buffer-storage";
	GLuint p = gc_program(gl4_vs_pos, NULL, gl4_fs_green);
	if (!p)
		return gc_fail(c, "the program did not build");
	GLuint vao, buf;
	glGenVertexArrays(1, &vao);
	glBindVertexArray(vao);
	glGenBuffers(1, &buf);
	glBindBuffer(GL_ARRAY_BUFFER, buf);
	GLbitfield flags = GL_MAP_WRITE_BIT | GL_MAP_PERSISTENT_BIT | GL_MAP_COHERENT_BIT;
	glBufferStorage(GL_ARRAY_BUFFER, 6 * sizeof(float), NULL, flags);
	float *v = glMapBufferRange(GL_ARRAY_BUFFER, 0, 6 * sizeof(float), flags);
	if (!v)
		return gc_fail(c, "no persistent mapping (0x%x)", glGetError());
	glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, NULL);
	glEnableVertexAttribArray(0);
	glUseProgram(p);
	static const float full[6] = {-1, -1, 3, -1, -1, 3};
	static const float off[6] = {0.8f, 0.8f, 0.9f, 0.8f, 0.9f, 0.9f};
	memcpy(v, full, sizeof(full));
	gl4_clear();
	glDrawArrays(GL_TRIANGLES, 0, 3);
	bool ok = gc_pixel_is(c, 1, 1, 0x00ff00, "written through the mapping, drawn");
	/* Coherent: the CPU's next writes are seen by the next draw, with no flush. */
	memcpy(v, off, sizeof(off));
	gl4_clear();
	glDrawArrays(GL_TRIANGLES, 0, 3);
	ok = gc_pixel_is(c, 1, 1, 0x000000, "rewritten off centre, drawn again") && ok;
	GLint immutable = 0;
	glGetBufferParameteriv(GL_ARRAY_BUFFER, GL_BUFFER_IMMUTABLE_STORAGE, &immutable);
	if (!immutable)
		ok = gc_fail(c, "GL_BUFFER_IMMUTABLE_STORAGE is false");
	glUnmapBuffer(GL_ARRAY_BUFFER);
	glDeleteBuffers(1, &buf);
	glDeleteVertexArrays(1, &vao);
	glDeleteProgram(p);
	return gc_error_is(c, GL_NO_ERROR, "the storage") && ok;
}

static bool clear_tex_image(GLuint fb)
{
	const char *c = "clear-tex-image";
	GLuint tex, rfb;
	glGenTextures(1, &tex);
	glBindTexture(GL_TEXTURE_2D, tex);
	glTexStorage2D(GL_TEXTURE_2D, 1, GL_RGBA8, 4, 4);
	static const unsigned char green[4] = {0, 255, 0, 255};
	static const unsigned char red[4] = {255, 0, 0, 255};
	glClearTexImage(tex, 0, GL_RGBA, GL_UNSIGNED_BYTE, green);
	glClearTexSubImage(tex, 0, 0, 0, 0, 1, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, red);
	glGenFramebuffers(1, &rfb);
	glBindFramebuffer(GL_FRAMEBUFFER, rfb);
	glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex, 0);
	bool ok = gc_pixel_is(c, 2, 2, 0x00ff00, "the whole image") &&
	          gc_pixel_is(c, 0, 0, 0xff0000, "the sub-image");
	glClearTexImage(tex, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
	ok = gc_pixel_is(c, 2, 2, 0x000000, "cleared to zeros (no data)") && ok;
	glBindFramebuffer(GL_FRAMEBUFFER, fb);
	glDeleteFramebuffers(1, &rfb);
	glDeleteTextures(1, &tex);
	return gc_error_is(c, GL_NO_ERROR, "the clears") && ok;
}

static bool base_instance(void)
{
	const char *c = "base-instance";
	static const char *vs = "#version 440 core\n"
	                        "layout(location = 0) in vec2 pos;\n"
	                        "layout(location = 1) in vec4 color; out vec4 col;\n"
	                        "void main() { col = color; gl_Position = vec4(pos, 0.0, 1.0); }\n";
	static const char *fs = "#version 440 core\nin vec4 col; out vec4 o;\n"
	                        "void main() { o = col; }\n";
	GLuint p = gc_program(vs, NULL, fs);
	if (!p)
		return gc_fail(c, "the program did not build");
	static const float data[] = {-1, -1, 3, -1, -1, 3,        /* positions */
	                             1,  0,  0, 1,  0,  1, 0, 1}; /* instance 0 red, 1 green */
	static const GLuint idx[3] = {0, 1, 2};
	GLuint vao, buf[2];
	glGenVertexArrays(1, &vao);
	glBindVertexArray(vao);
	glGenBuffers(2, buf);
	glBindBuffer(GL_ARRAY_BUFFER, buf[0]);
	glBufferData(GL_ARRAY_BUFFER, sizeof(data), data, GL_STATIC_DRAW);
	glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, NULL);
	glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, 0, (const void *)(6 * sizeof(float)));
	glVertexAttribDivisor(1, 1);
	glEnableVertexAttribArray(0);
	glEnableVertexAttribArray(1);
	glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, buf[1]);
	glBufferData(GL_ELEMENT_ARRAY_BUFFER, sizeof(idx), idx, GL_STATIC_DRAW);
	glUseProgram(p);
	gl4_clear();
	glDrawArraysInstancedBaseInstance(GL_TRIANGLES, 0, 3, 1, 1);
	bool ok = gc_pixel_is(c, 2, 2, 0x00ff00, "arrays, base instance 1");
	gl4_clear();
	glDrawElementsInstancedBaseInstance(GL_TRIANGLES, 3, GL_UNSIGNED_INT, NULL, 1, 0);
	ok = gc_pixel_is(c, 2, 2, 0xff0000, "elements, base instance 0") && ok;
	gl4_clear();
	glDrawElementsInstancedBaseVertexBaseInstance(GL_TRIANGLES, 3, GL_UNSIGNED_INT, NULL, 1, 0,
	                                              1);
	ok = gc_pixel_is(c, 2, 2, 0x00ff00, "elements, base vertex 0, base instance 1") && ok;
	/* Indirect: the commands' last field is the base instance. */
	static const GLuint commands[9] = {3, 1, 0, 1, /* arrays */ 3, 1, 0, 0, 1 /* elements */};
	GLuint indirect;
	glGenBuffers(1, &indirect);
	glBindBuffer(GL_DRAW_INDIRECT_BUFFER, indirect);
	glBufferData(GL_DRAW_INDIRECT_BUFFER, sizeof(commands), commands, GL_STATIC_DRAW);
	gl4_clear();
	glDrawArraysIndirect(GL_TRIANGLES, NULL);
	ok = gc_pixel_is(c, 2, 2, 0x00ff00, "arrays indirect, base instance 1") && ok;
	gl4_clear();
	glDrawElementsIndirect(GL_TRIANGLES, GL_UNSIGNED_INT, (const void *)(4 * sizeof(GLuint)));
	ok = gc_pixel_is(c, 2, 2, 0x00ff00, "elements indirect, base instance 1") && ok;
	glBindBuffer(GL_DRAW_INDIRECT_BUFFER, 0);
	glDeleteBuffers(1, &indirect);
	glDeleteBuffers(2, buf);
	glDeleteVertexArrays(1, &vao);
	glDeleteProgram(p);
	return gc_error_is(c, GL_NO_ERROR, "the draws") && ok;
}

static bool multi_draw_indirect(void)
{
	const char *c = "multi-draw-indirect";
	GLuint p = gc_program(gl4_vs_pos, NULL, gl4_fs_green);
	if (!p)
		return gc_fail(c, "the program did not build");
	/* Vertices 0-2 a triangle off centre, 3-5 one over the whole target. */
	static const float pos[12] = {0.8f, 0.8f, 0.9f, 0.8f, 0.9f, 0.9f, -1, -1, 3, -1, -1, 3};
	static const GLuint idx[3] = {0, 1, 2};
	/* Arrays: count, instances, first, 0; tightly packed (stride 0). */
	static const GLuint arrays[8] = {3, 1, 0, 0, 3, 1, 3, 0};
	/* Elements: count, instances, first index, base vertex, 0; a stride of 24. */
	static const GLuint elements[12] = {3, 1, 0, 0, 0, 0, 3, 1, 0, 3, 0, 0};
	GLuint vao, buf[4];
	glGenVertexArrays(1, &vao);
	glBindVertexArray(vao);
	glGenBuffers(4, buf);
	glBindBuffer(GL_ARRAY_BUFFER, buf[0]);
	glBufferData(GL_ARRAY_BUFFER, sizeof(pos), pos, GL_STATIC_DRAW);
	glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, NULL);
	glEnableVertexAttribArray(0);
	glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, buf[1]);
	glBufferData(GL_ELEMENT_ARRAY_BUFFER, sizeof(idx), idx, GL_STATIC_DRAW);
	glUseProgram(p);
	glBindBuffer(GL_DRAW_INDIRECT_BUFFER, buf[2]);
	glBufferData(GL_DRAW_INDIRECT_BUFFER, sizeof(arrays), arrays, GL_STATIC_DRAW);
	gl4_clear();
	glMultiDrawArraysIndirect(GL_TRIANGLES, NULL, 1, 0);
	bool ok = gc_pixel_is(c, 2, 2, 0x000000, "arrays, the first command only");
	gl4_clear();
	glMultiDrawArraysIndirect(GL_TRIANGLES, NULL, 2, 0);
	ok = gc_pixel_is(c, 2, 2, 0x00ff00, "arrays, both commands") && ok;
	glBindBuffer(GL_DRAW_INDIRECT_BUFFER, buf[3]);
	glBufferData(GL_DRAW_INDIRECT_BUFFER, sizeof(elements), elements, GL_STATIC_DRAW);
	gl4_clear();
	glMultiDrawElementsIndirect(GL_TRIANGLES, GL_UNSIGNED_INT, NULL, 2, 24);
	ok = gc_pixel_is(c, 2, 2, 0x00ff00, "elements, stride 24, base vertex 3") && ok;
	ok = gc_error_is(c, GL_NO_ERROR, "the draws") && ok;
	glMultiDrawArraysIndirect(GL_TRIANGLES, NULL, 2, 6);
	ok = gc_error_is(c, GL_INVALID_VALUE, "a stride of 6") && ok;
	glBindBuffer(GL_DRAW_INDIRECT_BUFFER, 0);
	glDeleteBuffers(4, buf);
	glDeleteVertexArrays(1, &vao);
	glDeleteProgram(p);
	return ok;
}

static bool subroutine(GLuint vao)
{
	const char *c = "subroutine";
	static const char *fs = "#version 440 core\n"
	                        "subroutine vec4 paint();\n"
	                        "subroutine(paint) vec4 red() { return vec4(1, 0, 0, 1); }\n"
	                        "subroutine(paint) vec4 blue() { return vec4(0, 0, 1, 1); }\n"
	                        "subroutine uniform paint colour;\n"
	                        "out vec4 o;\n"
	                        "void main() { o = colour(); }\n";
	GLuint p = gc_program(gl4_vs_full, NULL, fs);
	if (!p)
		return gc_fail(c, "the program did not build");
	GLuint red = glGetSubroutineIndex(p, GL_FRAGMENT_SHADER, "red");
	GLuint blue = glGetSubroutineIndex(p, GL_FRAGMENT_SHADER, "blue");
	GLint loc = glGetSubroutineUniformLocation(p, GL_FRAGMENT_SHADER, "colour");
	GLint n = 0;
	glGetProgramStageiv(p, GL_FRAGMENT_SHADER, GL_ACTIVE_SUBROUTINES, &n);
	char name[16] = "";
	GLsizei len = 0;
	glGetActiveSubroutineName(p, GL_FRAGMENT_SHADER, blue, sizeof(name), &len, name);
	char uname[16] = "";
	glGetActiveSubroutineUniformName(p, GL_FRAGMENT_SHADER, 0, sizeof(uname), NULL, uname);
	bool ok = true;
	if (red == GL_INVALID_INDEX || blue == GL_INVALID_INDEX || loc != 0 || n != 2)
		ok = gc_fail(c, "indices %u %u, location %d, %d active", red, blue, loc, n);
	if (strcmp(name, "blue") != 0 || len != 4 || strcmp(uname, "colour") != 0)
		ok = gc_fail(c, "names \"%s\" (%d) \"%s\"", name, len, uname);
	glUseProgram(p);
	glBindVertexArray(vao);
	unsigned want[2] = {0xff0000, 0x0000ff};
	GLuint pick[2] = {red, blue};
	for (int i = 0; i < 2; i++) {
		glUniformSubroutinesuiv(GL_FRAGMENT_SHADER, 1, &pick[i]);
		GLuint got = 99;
		glGetUniformSubroutineuiv(GL_FRAGMENT_SHADER, 0, &got);
		if (got != pick[i])
			ok = gc_fail(c, "the subroutine uniform reads %u, set %u", got, pick[i]);
		gl4_clear();
		glDrawArrays(GL_TRIANGLES, 0, 3);
		ok = gc_pixel_is(c, 2, 2, want[i], i ? "blue picked" : "red picked") && ok;
	}
	glDeleteProgram(p);
	return gc_error_is(c, GL_NO_ERROR, "the subroutines") && ok;
}

static bool atomic_counter_buffer(GLuint vao)
{
	const char *c = "atomic-counter-buffer";
	static const char *fs =
	        "#version 440 core\n"
	        "layout(binding = 2, offset = 0) uniform atomic_uint a;\n"
	        "layout(binding = 2, offset = 4) uniform atomic_uint b;\n"
	        "out vec4 o;\n"
	        "void main() { atomicCounterIncrement(a); atomicCounterIncrement(b);\n"
	        "  o = vec4(0.0, 1.0, 0.0, 1.0); }\n";
	GLuint p = gc_program(gl4_vs_full, NULL, fs);
	if (!p)
		return gc_fail(c, "the program did not build");
	GLint binding = -1, n = 0, size = 0, idx[4] = {-1, -1, -1, -1};
	glGetActiveAtomicCounterBufferiv(p, 0, GL_ATOMIC_COUNTER_BUFFER_BINDING, &binding);
	glGetActiveAtomicCounterBufferiv(p, 0, GL_ATOMIC_COUNTER_BUFFER_ACTIVE_ATOMIC_COUNTERS, &n);
	glGetActiveAtomicCounterBufferiv(p, 0, GL_ATOMIC_COUNTER_BUFFER_DATA_SIZE, &size);
	glGetActiveAtomicCounterBufferiv(
	        p, 0, GL_ATOMIC_COUNTER_BUFFER_ACTIVE_ATOMIC_COUNTER_INDICES, idx);
	bool ok = true;
	if (binding != 2 || n != 2 || size < 8)
		ok = gc_fail(c, "binding %d, %d counters, %d bytes", binding, n, size);
	if (idx[0] < 0 || idx[1] < 0 || idx[0] == idx[1] || idx[2] != -1)
		ok = gc_fail(c, "indices %d %d %d", idx[0], idx[1], idx[2]);
	GLuint buf;
	glGenBuffers(1, &buf);
	static const GLuint zero[2] = {0, 0};
	glBindBufferBase(GL_ATOMIC_COUNTER_BUFFER, 2, buf);
	glBufferData(GL_ATOMIC_COUNTER_BUFFER, sizeof(zero), zero, GL_DYNAMIC_DRAW);
	glUseProgram(p);
	glBindVertexArray(vao);
	gl4_clear();
	glDrawArrays(GL_TRIANGLES, 0, 3);
	GLuint got[2] = {0};
	const GLuint *m = glMapBufferRange(GL_ATOMIC_COUNTER_BUFFER, 0, 8, GL_MAP_READ_BIT);
	if (m) {
		memcpy(got, m, sizeof(got));
		glUnmapBuffer(GL_ATOMIC_COUNTER_BUFFER);
	}
	if (got[0] != 16 || got[1] != 16)
		ok = gc_fail(c, "counters %u %u after 16 fragments", got[0], got[1]);
	glDeleteBuffers(1, &buf);
	glDeleteProgram(p);
	return gc_error_is(c, GL_NO_ERROR, "the counters") && ok;
}

static bool double_uniform(GLuint vao)
{
	const char *c = "double-uniform";
	static const char *fs = "#version 440 core\n"
	                        "uniform dvec2 rg; uniform dmat2 m; out vec4 o;\n"
	                        "void main() { o = vec4(vec2(m * rg), 0.0, 1.0); }\n";
	GLuint p = gc_program(gl4_vs_full, NULL, fs);
	if (!p)
		return gc_fail(c, "the program did not build");
	glUseProgram(p);
	GLint rg = glGetUniformLocation(p, "rg"), m = glGetUniformLocation(p, "m");
	/* m swaps the components: (1, 0) comes out green. */
	static const GLdouble swap[4] = {0, 1, 1, 0};
	glUniform2d(rg, 1.0, 0.0);
	glUniformMatrix2dv(m, 1, GL_FALSE, swap);
	GLdouble got[4] = {0};
	glGetUniformdv(p, rg, got);
	bool ok = true;
	if (got[0] != 1.0 || got[1] != 0.0)
		ok = gc_fail(c, "rg reads %g %g", got[0], got[1]);
	glGetUniformdv(p, m, got);
	if (memcmp(got, swap, sizeof(swap)) != 0)
		ok = gc_fail(c, "m reads %g %g %g %g", got[0], got[1], got[2], got[3]);
	glProgramUniform2dv(p, rg, 1, (const GLdouble[2]){0.25, 0.5});
	glGetUniformdv(p, rg, got);
	if (got[0] != 0.25 || got[1] != 0.5)
		ok = gc_fail(c, "rg reads %g %g after glProgramUniform2dv", got[0], got[1]);
	glUniform2d(rg, 1.0, 0.0);
	glBindVertexArray(vao);
	gl4_clear();
	glDrawArrays(GL_TRIANGLES, 0, 3);
	ok = gc_pixel_is(c, 2, 2, 0x00ff00, "m * rg") && ok;
	glDeleteProgram(p);
	return gc_error_is(c, GL_NO_ERROR, "the uniforms") && ok;
}

static bool double_attrib(void)
{
	const char *c = "double-attrib";
	static const char *vs = "#version 440 core\n"
	                        "layout(location = 0) in dvec2 pos;\n"
	                        "void main() { gl_Position = vec4(vec2(pos), 0.0, 1.0); }\n";
	GLuint p = gc_program(vs, NULL, gl4_fs_green);
	if (!p)
		return gc_fail(c, "the program did not build");
	bool ok = true;
	glVertexAttribL4d(3, 0.5, 1.5, 2.5, 3.5);
	GLdouble cur[4] = {0};
	glGetVertexAttribLdv(3, GL_CURRENT_VERTEX_ATTRIB, cur);
	if (cur[0] != 0.5 || cur[1] != 1.5 || cur[2] != 2.5 || cur[3] != 3.5)
		ok = gc_fail(c, "attribute 3 reads %g %g %g %g", cur[0], cur[1], cur[2], cur[3]);
	glVertexAttribL2dv(3, (const GLdouble[2]){7, 8});
	glGetVertexAttribLdv(3, GL_CURRENT_VERTEX_ATTRIB, cur);
	if (cur[0] != 7 || cur[1] != 8)
		ok = gc_fail(c, "attribute 3 reads %g %g after glVertexAttribL2dv", cur[0], cur[1]);
	static const GLdouble full[6] = {-1, -1, 3, -1, -1, 3};
	GLuint vao, buf;
	glGenVertexArrays(1, &vao);
	glBindVertexArray(vao);
	glGenBuffers(1, &buf);
	glBindBuffer(GL_ARRAY_BUFFER, buf);
	glBufferData(GL_ARRAY_BUFFER, sizeof(full), full, GL_STATIC_DRAW);
	glVertexAttribLFormat(0, 2, GL_DOUBLE, 0);
	glVertexAttribBinding(0, 0);
	glBindVertexBuffer(0, buf, 0, 2 * sizeof(GLdouble));
	glEnableVertexAttribArray(0);
	glUseProgram(p);
	gl4_clear();
	glDrawArrays(GL_TRIANGLES, 0, 3);
	ok = gc_pixel_is(c, 2, 2, 0x00ff00, "a dvec2 attribute of a buffer") && ok;
	/* The same array through glVertexAttribLPointer, then an array off centre. */
	static const GLdouble off[6] = {0.8, 0.8, 0.9, 0.8, 0.9, 0.9};
	GLuint buf2;
	glGenBuffers(1, &buf2);
	glBindBuffer(GL_ARRAY_BUFFER, buf2);
	glBufferData(GL_ARRAY_BUFFER, sizeof(off), off, GL_STATIC_DRAW);
	glBindBuffer(GL_ARRAY_BUFFER, buf);
	glVertexAttribLPointer(0, 2, GL_DOUBLE, 0, NULL);
	gl4_clear();
	glDrawArrays(GL_TRIANGLES, 0, 3);
	ok = gc_pixel_is(c, 2, 2, 0x00ff00, "glVertexAttribLPointer") && ok;
	glBindBuffer(GL_ARRAY_BUFFER, buf2);
	glVertexAttribLPointer(0, 2, GL_DOUBLE, 2 * sizeof(GLdouble), NULL);
	gl4_clear();
	glDrawArrays(GL_TRIANGLES, 0, 3);
	ok = gc_pixel_is(c, 2, 2, 0x000000, "glVertexAttribLPointer, off centre") && ok;
	GLint type = 0;
	glGetVertexAttribiv(0, GL_VERTEX_ATTRIB_ARRAY_TYPE, &type);
	if (type != GL_DOUBLE)
		ok = gc_fail(c, "attribute 0 has type 0x%x", type);
	glDeleteBuffers(1, &buf2);
	glDeleteBuffers(1, &buf);
	glDeleteVertexArrays(1, &vao);
	glDeleteProgram(p);
	return gc_error_is(c, GL_NO_ERROR, "the attributes") && ok;
}

static bool query_indexed(GLuint vao)
{
	const char *c = "query-indexed";
	GLuint p = gc_program(gl4_vs_full, NULL, gl4_fs_green);
	if (!p)
		return gc_fail(c, "the program did not build");
	GLuint q;
	glGenQueries(1, &q);
	glUseProgram(p);
	glBindVertexArray(vao);
	glBeginQueryIndexed(GL_PRIMITIVES_GENERATED, 0, q);
	GLint current = 0;
	glGetQueryIndexediv(GL_PRIMITIVES_GENERATED, 0, GL_CURRENT_QUERY, &current);
	glDrawArrays(GL_TRIANGLES, 0, 6);
	glEndQueryIndexed(GL_PRIMITIVES_GENERATED, 0);
	GLuint n = 0;
	glGetQueryObjectuiv(q, GL_QUERY_RESULT, &n);
	bool ok = true;
	if (current != (GLint)q)
		ok = gc_fail(c, "GL_CURRENT_QUERY %d, the query is %u", current, q);
	if (n != 2)
		ok = gc_fail(c, "%u primitives generated, drew 2", n);
	glDeleteQueries(1, &q);
	glDeleteProgram(p);
	return gc_error_is(c, GL_NO_ERROR, "the query") && ok;
}

static bool invalidate(void)
{
	const char *c = "invalidate";
	GLuint tex, buf;
	glGenTextures(1, &tex);
	glBindTexture(GL_TEXTURE_2D, tex);
	glTexStorage2D(GL_TEXTURE_2D, 1, GL_RGBA8, 4, 4);
	glGenBuffers(1, &buf);
	glBindBuffer(GL_ARRAY_BUFFER, buf);
	glBufferData(GL_ARRAY_BUFFER, 64, NULL, GL_DYNAMIC_DRAW);
	glInvalidateTexImage(tex, 0);
	glInvalidateTexSubImage(tex, 0, 1, 1, 0, 2, 2, 1);
	glInvalidateBufferData(buf);
	glInvalidateBufferSubData(buf, 16, 16);
	bool ok = gc_error_is(c, GL_NO_ERROR, "valid invalidations");
	glInvalidateTexImage(tex, -1);
	ok = gc_error_is(c, GL_INVALID_VALUE, "a negative level") && ok;
	glDeleteBuffers(1, &buf);
	glDeleteTextures(1, &tex);
	return ok;
}

static bool clear_buffer_data(void)
{
	const char *c = "clear-buffer-data";
	GLuint buf;
	glGenBuffers(1, &buf);
	glBindBuffer(GL_ARRAY_BUFFER, buf);
	glBufferData(GL_ARRAY_BUFFER, 16, NULL, GL_DYNAMIC_DRAW);
	GLuint fill = 0x11223344u, seven = 7;
	glClearBufferData(GL_ARRAY_BUFFER, GL_R32UI, GL_RED_INTEGER, GL_UNSIGNED_INT, &fill);
	glClearBufferSubData(GL_ARRAY_BUFFER, GL_R32UI, 4, 4, GL_RED_INTEGER, GL_UNSIGNED_INT,
	                     &seven);
	glClearBufferSubData(GL_ARRAY_BUFFER, GL_R32UI, 8, 4, GL_RED_INTEGER, GL_UNSIGNED_INT,
	                     NULL);
	GLuint want[4] = {fill, 7, 0, fill}, got[4] = {0};
	const GLuint *m = glMapBufferRange(GL_ARRAY_BUFFER, 0, 16, GL_MAP_READ_BIT);
	if (m) {
		memcpy(got, m, sizeof(got));
		glUnmapBuffer(GL_ARRAY_BUFFER);
	}
	bool ok = true;
	if (memcmp(got, want, sizeof(want)) != 0)
		ok = gc_fail(c, "reads %08x %08x %08x %08x", got[0], got[1], got[2], got[3]);
	glDeleteBuffers(1, &buf);
	return gc_error_is(c, GL_NO_ERROR, "the clears") && ok;
}

/* A buffer mapped without the persistent bit refuses what would change or copy its store
 * under the mapping (GL_INVALID_OPERATION); ranges beside the mapping stay open. */
static bool mapped_buffer(void)
{
	const char *c = "mapped-buffer";
	GLuint buf[2];
	glGenBuffers(2, buf);
	glBindBuffer(GL_COPY_WRITE_BUFFER, buf[1]);
	glBufferData(GL_COPY_WRITE_BUFFER, 64, NULL, GL_DYNAMIC_DRAW);
	glBindBuffer(GL_ARRAY_BUFFER, buf[0]);
	glBufferData(GL_ARRAY_BUFFER, 1024, NULL, GL_DYNAMIC_DRAW);
	static const GLuint fill = 0x5a5a5a5au;
	glMapBufferRange(GL_ARRAY_BUFFER, 256, 256, GL_MAP_WRITE_BIT);
	bool ok = gc_error_is(c, GL_NO_ERROR, "the map");
	glBufferSubData(GL_ARRAY_BUFFER, 0, 4, &fill);
	glInvalidateBufferSubData(buf[0], 512, 512);
	ok = gc_error_is(c, GL_NO_ERROR, "ranges beside the mapping") && ok;
	glBufferSubData(GL_ARRAY_BUFFER, 508, 8, &fill);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "glBufferSubData over it") && ok;
	glInvalidateBufferSubData(buf[0], 240, 100);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "glInvalidateBufferSubData over it") && ok;
	glInvalidateBufferData(buf[0]);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "glInvalidateBufferData") && ok;
	glClearBufferData(GL_ARRAY_BUFFER, GL_R32UI, GL_RED_INTEGER, GL_UNSIGNED_INT, &fill);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "glClearBufferData") && ok;
	glClearBufferSubData(GL_ARRAY_BUFFER, GL_R32UI, 256, 4, GL_RED_INTEGER, GL_UNSIGNED_INT,
	                     &fill);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "glClearBufferSubData over it") && ok;
	glCopyBufferSubData(GL_ARRAY_BUFFER, GL_COPY_WRITE_BUFFER, 0, 0, 4);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "glCopyBufferSubData from it") && ok;
	glUnmapBuffer(GL_ARRAY_BUFFER);
	GLuint got = 0;
	glGetBufferSubData(GL_ARRAY_BUFFER, 0, 4, &got);
	if (got != fill)
		ok = gc_fail(c, "the write beside the mapping reads %08x", got);
	glDeleteBuffers(2, buf);
	return gc_error_is(c, GL_NO_ERROR, "the unmap") && ok;
}

static bool internalformat64(void)
{
	const char *c = "internalformat64";
	GLint64 v[2] = {-1, -1};
	glGetInternalformati64v(GL_TEXTURE_2D, GL_RGBA8, GL_INTERNALFORMAT_SUPPORTED, 1, v);
	bool ok =
	        v[0] == GL_TRUE || gc_fail(c, "GL_INTERNALFORMAT_SUPPORTED %lld", (long long)v[0]);
	if (v[1] != -1)
		ok = gc_fail(c, "wrote past count");
	return gc_error_is(c, GL_NO_ERROR, "the query") && ok;
}

static bool patch_parameter(void)
{
	const char *c = "patch-parameter";
	static const float outer[4] = {2, 3, 4, 5}, inner[2] = {6, 7};
	glPatchParameterfv(GL_PATCH_DEFAULT_OUTER_LEVEL, outer);
	glPatchParameterfv(GL_PATCH_DEFAULT_INNER_LEVEL, inner);
	bool ok = gc_error_is(c, GL_NO_ERROR, "the default levels");
	glPatchParameteri(GL_PATCH_VERTICES, 4);
	GLint n = 0;
	glGetIntegerv(GL_PATCH_VERTICES, &n);
	if (n != 4)
		ok = gc_fail(c, "GL_PATCH_VERTICES %d", n);
	return ok;
}

/* ARB_map_buffer_alignment: the pointer less the offset is a multiple of the alignment
 * (the library's shadow memory; piglit's map_buffer_range-invalidate). */
static bool map_alignment(void)
{
	const char *c = "map-alignment";
	GLint align = 0, buffers = 0, streams = 0;
	glGetIntegerv(GL_MIN_MAP_BUFFER_ALIGNMENT, &align);
	glGetIntegerv(GL_MAX_TRANSFORM_FEEDBACK_BUFFERS, &buffers);
	glGetIntegerv(GL_MAX_VERTEX_STREAMS, &streams);
	bool ok = gc_error_is(c, GL_NO_ERROR, "the limits");
	if (align < 64 || buffers < 4 || streams < 4)
		return gc_fail(c, "alignment %d, %d buffers, %d streams", align, buffers, streams);
	GLuint buf;
	glGenBuffers(1, &buf);
	glBindBuffer(GL_ARRAY_BUFFER, buf);
	glBufferData(GL_ARRAY_BUFFER, 1000, NULL, GL_DYNAMIC_DRAW);
	static const GLbitfield access[] = {GL_MAP_WRITE_BIT | GL_MAP_INVALIDATE_RANGE_BIT,
	                                    GL_MAP_READ_BIT};
	for (unsigned i = 0; i < 2; i++) {
		unsigned char *m = glMapBufferRange(GL_ARRAY_BUFFER, 100, 24, access[i]);
		if (!m || ((uintptr_t)m - 100) % (uintptr_t)align)
			ok = gc_fail(c, "mapping %u at offset 100: %p", i, (void *)m);
		glUnmapBuffer(GL_ARRAY_BUFFER);
	}
	glDeleteBuffers(1, &buf);
	return gc_error_is(c, GL_NO_ERROR, "the mappings") && ok;
}

/* glTexStorage1D's levels, written and read back; a 1D array's layers (glTexStorage2D's height)
 * the same at every level. */
static void run_checks(GLuint fb)
{
	GLuint vao;
	glGenVertexArrays(1, &vao);
	gc_result("viewport-array", viewport_array(vao));
	gc_result("texture-view", texture_view(vao));
	gc_result("buffer-storage", buffer_storage());
	gc_result("clear-tex-image", clear_tex_image(fb));
	gc_result("base-instance", base_instance());
	gc_result("multi-draw-indirect", multi_draw_indirect());
	gc_result("subroutine", subroutine(vao));
	gc_result("atomic-counter-buffer", atomic_counter_buffer(vao));
	gc_result("double-uniform", double_uniform(vao));
	gc_result("double-attrib", double_attrib());
	gc_result("query-indexed", query_indexed(vao));
	gc_result("invalidate", invalidate());
	gc_result("clear-buffer-data", clear_buffer_data());
	gc_result("mapped-buffer", mapped_buffer());
	gc_result("internalformat64", internalformat64());
	gc_result("patch-parameter", patch_parameter());
	gc_result("map-alignment", map_alignment());
	gc_result("tex-storage-1d", gl4_tex_storage_1d());
	gc_result("copy-image-1d-rect", gl4_copy_image_1d_rect());
	gc_result("multi-bind-buffers", gl4_multi_bind_buffers(vao));
	gc_result("multi-bind-textures", gl4_multi_bind_textures(vao));
	gc_result("multi-bind-image-textures", gl4_multi_bind_image_textures());
	gc_result("multi-bind-vertex-buffers", gl4_multi_bind_vertex_buffers());
	gc_result("attrib-desktop-formats", gl4_attrib_desktop_formats());
	gc_result("xfb-draw", gl4_xfb_draw());
	gl4_draw_id();
	gc_result("format-without-buffer", gl4_format_without_buffer());
	glDeleteVertexArrays(1, &vao);
}

int main(void)
{
	struct gc_desktop d;
	int status;
	if (!gc_desktop_open(&d, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, 4, 4, &status))
		return status;
	gc_extensions(NULL, NULL);
	GLuint fb = gc_desktop_framebuffer(4);
	run_checks(fb);
	return gc_desktop_close(&d);
}
