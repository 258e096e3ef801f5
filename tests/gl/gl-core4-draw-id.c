/*
 * gl-core4's check of gl_DrawIDARB (ARB_shader_draw_parameters) in every multi-draw: two
 * draws, the left half of the target and the right, each coloured by its draw's index. A
 * multi-draw made of single draws would draw both red (gl_DrawIDARB 0 in each).
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
	/* The app's buffers are still the ones bound. */
	GLint indirect = 0, array = 0;
	glGetIntegerv(GL_DRAW_INDIRECT_BUFFER_BINDING, &indirect);
	glGetIntegerv(GL_ARRAY_BUFFER_BINDING, &array);
	if (indirect != (GLint)buf[3] || array != (GLint)buf[0])
		ok = gc_fail(
		        c,
		        "buffers %d (indirect) and %d (array) bound after the draws, not %u and %u",
		        indirect, array, buf[3], buf[0]);
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
