/*
 * gl-core4's draw checks (gl-core4.c runs them; the header there says what each checks):
 * gl_DrawIDARB (ARB_shader_draw_parameters) in every multi-draw, two draws each coloured by
 * its index (a multi-draw made of single draws would draw both red, gl_DrawIDARB 0 in
 * each, its indirect forms from a buffer the host fills, the app's buffers left bound); an
 * attribute's format set without a buffer, then pointed at another's binding.
 */
#define GL_GLEXT_PROTOTYPES 1
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <GL/glcorearb.h>

#include "gl-checks.h"
#include "gl-core4.h"

static const char *const vs =
        "#version 440 core\n"
        "#extension GL_ARB_shader_draw_parameters : require\n"
        "layout(location = 0) in vec2 pos;\n"
        "flat out int id;\n"
        "void main() { id = gl_DrawIDARB; gl_Position = vec4(pos, 0.0, 1.0); }\n";
static const char *const fs =
        "#version 440 core\n"
        "flat in int id; out vec4 o;\n"
        "void main() {\n"
        "  o = id == 0 ? vec4(1.0, 0.0, 0.0, 1.0)\n"
        "    : id == 1 ? vec4(0.0, 1.0, 0.0, 1.0) : vec4(0.0, 0.0, 1.0, 1.0);\n"
        "}\n";

/* The left half red (draw 0), the right half green (draw 1). */
static bool halves(const char *c, const char *what)
{
	bool ok = gc_pixel_is(c, 0, 2, 0xff0000, what);
	return gc_pixel_is(c, 3, 2, 0x00ff00, what) && ok;
}

/* A core context's extension, from glGetStringi. */
static bool has_extension(const char *name)
{
	GLint n = 0;
	glGetIntegerv(GL_NUM_EXTENSIONS, &n);
	for (GLint i = 0; i < n; i++) {
		const char *e = (const char *)glGetStringi(GL_EXTENSIONS, (GLuint)i);
		if (e && !strcmp(e, name))
			return true;
	}
	return false;
}

static bool draw_id(const char *c)
{
	GLuint p = gc_program(vs, NULL, fs);
	if (!p)
		return gc_fail(c, "the program did not build");
	/* Two quads of two triangles each: vertices 0-5 the left half, 6-11 the right. */
	static const float pos[24] = {-1, -1, 0, -1, 0, 1, -1, -1, 0, 1, -1, 1,
	                              0,  -1, 1, -1, 1, 1, 0,  -1, 1, 1, 0,  1};
	static const GLuint idx[12] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
	/* count, instances, first, base instance; count, instances, first index, base vertex,
	 * base instance */
	static const GLuint arrays[8] = {6, 1, 0, 0, 6, 1, 6, 0};
	static const GLuint elements[10] = {6, 1, 0, 0, 0, 6, 1, 0, 6, 0};
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

	static const GLint first[2] = {0, 6};
	static const GLsizei count[2] = {6, 6};
	gl4_clear();
	glMultiDrawArrays(GL_TRIANGLES, first, count, 2);
	bool ok = halves(c, "glMultiDrawArrays");

	const void *offsets[2] = {NULL, (const void *)(6 * sizeof(GLuint))};
	gl4_clear();
	glMultiDrawElements(GL_TRIANGLES, count, GL_UNSIGNED_INT, offsets, 2);
	ok = halves(c, "glMultiDrawElements") && ok;

	const void *zero[2] = {NULL, NULL};
	static const GLint base[2] = {0, 6};
	gl4_clear();
	glMultiDrawElementsBaseVertex(GL_TRIANGLES, count, GL_UNSIGNED_INT, zero, 2, base);
	ok = halves(c, "glMultiDrawElementsBaseVertex") && ok;

	glBindBuffer(GL_DRAW_INDIRECT_BUFFER, buf[2]);
	glBufferData(GL_DRAW_INDIRECT_BUFFER, sizeof(arrays), arrays, GL_STATIC_DRAW);
	gl4_clear();
	glMultiDrawArraysIndirect(GL_TRIANGLES, NULL, 2, 0);
	ok = halves(c, "glMultiDrawArraysIndirect") && ok;

	glBindBuffer(GL_DRAW_INDIRECT_BUFFER, buf[3]);
	glBufferData(GL_DRAW_INDIRECT_BUFFER, sizeof(elements), elements, GL_STATIC_DRAW);
	gl4_clear();
	glMultiDrawElementsIndirect(GL_TRIANGLES, GL_UNSIGNED_INT, NULL, 2, 0);
	ok = halves(c, "glMultiDrawElementsIndirect") && ok;
	/* The host drew from a buffer of its own: the app's are still the ones bound there, so
	 * an upload into GL_DRAW_INDIRECT_BUFFER (the commands swapped: the right half is draw
	 * 0 now) and a pointer into GL_ARRAY_BUFFER reach them. */
	static const GLuint swapped[10] = {6, 1, 0, 6, 0, 6, 1, 0, 0, 0};
	glBufferSubData(GL_DRAW_INDIRECT_BUFFER, 0, sizeof(swapped), swapped);
	glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, NULL);
	gl4_clear();
	glMultiDrawElementsIndirect(GL_TRIANGLES, GL_UNSIGNED_INT, NULL, 2, 0);
	ok = gc_pixel_is(c, 0, 2, 0x00ff00, "the commands swapped") && ok;
	ok = gc_pixel_is(c, 3, 2, 0xff0000, "the commands swapped") && ok;
	/* Commands 32 bytes apart, and none. */
	static const GLuint strided[16] = {6, 1, 0, 0, 0xee, 0xee, 0xee, 0xee,
	                                   6, 1, 6, 0, 0xee, 0xee, 0xee, 0xee};
	glBindBuffer(GL_DRAW_INDIRECT_BUFFER, buf[2]);
	glBufferData(GL_DRAW_INDIRECT_BUFFER, sizeof(strided), strided, GL_STATIC_DRAW);
	gl4_clear();
	glMultiDrawArraysIndirect(GL_TRIANGLES, NULL, 2, 32);
	ok = halves(c, "glMultiDrawArraysIndirect, a stride of 32") && ok;
	gl4_clear();
	glMultiDrawArraysIndirect(GL_TRIANGLES, NULL, 0, 0);
	ok = gc_pixel_is(c, 0, 2, 0x000000, "a drawcount of 0 draws nothing") && ok;
	ok = gc_pixel_is(c, 3, 2, 0x000000, "a drawcount of 0 draws nothing") && ok;
	ok = gc_error_is(c, GL_NO_ERROR, "the draws") && ok;

	glBindBuffer(GL_DRAW_INDIRECT_BUFFER, 0);
	glDeleteBuffers(4, buf);
	glDeleteVertexArrays(1, &vao);
	glDeleteProgram(p);
	return ok;
}

void gl4_draw_id(void)
{
	const char *c = "draw-id";
	if (!has_extension("GL_ARB_shader_draw_parameters"))
		printf("SKIP %s: no GL_ARB_shader_draw_parameters\n", c);
	else
		gc_result(c, draw_id(c));
}

/* piglit's arb_draw_indirect-draw-arrays-shared-binding: attribute 1's format is set by
 * glVertexAttribPointer with no buffer bound (a NULL pointer, which GL takes in a vertex
 * array object), then glVertexAttribBinding points it at attribute 0's binding: both read
 * the same vertices, whose third component is 1. */
bool gl4_format_without_buffer(void)
{
	const char *c = "format-without-buffer";
	static const char *vs_format =
	        "#version 440 core\n"
	        "layout(location = 0) in vec4 pos;\n"
	        "layout(location = 1) in vec4 col; out vec4 v;\n"
	        "void main() { v = col; gl_Position = vec4(pos.xy, 0.0, 1.0); }\n";
	static const char *fs_format = "#version 440 core\nin vec4 v; out vec4 o;\n"
	                               "void main() { o = vec4(0.0, 0.0, v.z, 1.0); }\n";
	GLuint p = gc_program(vs_format, NULL, fs_format);
	if (!p)
		return gc_fail(c, "the program did not build");
	static const float tri[9] = {-1, -1, 1, 3, -1, 1, -1, 3, 1};
	GLuint vao, buf;
	glGenVertexArrays(1, &vao);
	glBindVertexArray(vao);
	glGenBuffers(1, &buf);
	glBindBuffer(GL_ARRAY_BUFFER, buf);
	glBufferData(GL_ARRAY_BUFFER, sizeof(tri), tri, GL_STATIC_DRAW);
	glEnableVertexAttribArray(0);
	glEnableVertexAttribArray(1);
	glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 0, NULL);
	glBindBuffer(GL_ARRAY_BUFFER, 0);
	glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, 0, NULL);
	bool ok = gc_error_is(c, GL_NO_ERROR, "a NULL pointer with no buffer");
	glVertexAttribBinding(1, 0);
	glUseProgram(p);
	gl4_clear();
	glDrawArrays(GL_TRIANGLES, 0, 3);
	ok = gc_pixel_is(c, 2, 2, 0x0000ff, "attribute 1 from attribute 0's buffer") && ok;
	GLint size = 0;
	glGetVertexAttribiv(1, GL_VERTEX_ATTRIB_ARRAY_SIZE, &size);
	if (size != 3)
		ok = gc_fail(c, "attribute 1 has size %d, not 3", size);
	glDeleteBuffers(1, &buf);
	glDeleteVertexArrays(1, &vao);
	glDeleteProgram(p);
	return gc_error_is(c, GL_NO_ERROR, "the draw") && ok;
}
