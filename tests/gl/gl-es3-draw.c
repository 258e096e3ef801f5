/*
 * gl-es3-app's features that draw: instancing, uniform buffers and transform feedback. Each
 * creates its objects, draws into its region, checks glGetError after every step and
 * deletes what it made, so that one feature's state cannot help another's.
 */
#include <stdio.h>
#include <string.h>

#include "gl-es3-app.h"

/* Colours as 0xrrggbb. Shaders get them as n / 255, which reads back exactly. */
static void rgb_floats(uint32_t rgb, float out[3])
{
	out[0] = (float)(rgb >> 16 & 0xff) / 255.0f;
	out[1] = (float)(rgb >> 8 & 0xff) / 255.0f;
	out[2] = (float)(rgb & 0xff) / 255.0f;
}

/* --- instancing: one quad, four instances, one per quadrant --- */

/* Per instance (divisor 1): the quadrant's corner and colour. Were the divisor ignored,
 * every instance would read the first four entries per vertex and the quadrants would not
 * be filled in their colours. */
static const uint32_t instance_rgb[4] = {0xe04020, 0xe0a020, 0xa0e020, 0xe02080};

static const char instancing_vs[] = "#version 300 es\n"
                                    "layout(location = 0) in vec2 corner;\n"
                                    "layout(location = 1) in vec2 quadrant;\n"
                                    "layout(location = 2) in vec3 colour;\n"
                                    "uniform vec4 rect;\n"
                                    "out vec3 v_colour;\n"
                                    "void main() {\n"
                                    "  vec2 p = (quadrant + corner) * 0.5;\n"
                                    "  gl_Position = vec4(rect.xy + p * rect.zw, 0.0, 1.0);\n"
                                    "  v_colour = colour;\n"
                                    "}\n";
static const char colour_fs[] = "#version 300 es\n"
                                "precision mediump float;\n"
                                "in vec3 v_colour;\n"
                                "out vec4 o;\n"
                                "void main() { o = vec4(v_colour, 1.0); }\n";

void ge_draw_instancing(struct gp_frame *f)
{
	GLuint prog = ge_program(f, "instancing", instancing_vs, colour_fs, NULL, 0);
	if (!prog)
		return;
	struct ge_rect r = ge_region_rect(GE_INSTANCING);
	float ndc[4];
	ge_rect_ndc(r, ndc);
	static const float corners[] = {0, 0, 1, 0, 0, 1, 1, 1};
	float per_instance[4][5];
	for (int i = 0; i < 4; i++) {
		per_instance[i][0] = (float)(i % 2);
		per_instance[i][1] = (float)(i / 2);
		rgb_floats(instance_rgb[i], &per_instance[i][2]);
	}
	GLuint vao, bufs[2];
	glGenVertexArrays(1, &vao);
	glBindVertexArray(vao);
	glGenBuffers(2, bufs);
	glBindBuffer(GL_ARRAY_BUFFER, bufs[0]);
	glBufferData(GL_ARRAY_BUFFER, sizeof(corners), corners, GL_STATIC_DRAW);
	glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, 0);
	glEnableVertexAttribArray(0);
	glBindBuffer(GL_ARRAY_BUFFER, bufs[1]);
	glBufferData(GL_ARRAY_BUFFER, sizeof(per_instance), per_instance, GL_STATIC_DRAW);
	glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(per_instance[0]), 0);
	glVertexAttribPointer(2, 3, GL_FLOAT, GL_FALSE, sizeof(per_instance[0]),
	                      (const void *)(2 * sizeof(float)));
	glEnableVertexAttribArray(1);
	glEnableVertexAttribArray(2);
	glVertexAttribDivisor(1, 1);
	glVertexAttribDivisor(2, 1);
	gp_expect_no_error(f, "instancing: vertex arrays with glVertexAttribDivisor");
	glUseProgram(prog);
	glUniform4fv(glGetUniformLocation(prog, "rect"), 1, ndc);
	glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, 4);
	gp_expect_no_error(f, "instancing: glDrawArraysInstanced");
	for (int i = 0; i < 4; i++)
		ge_probe(f, "instancing", r, 0.25f + 0.5f * (float)(i % 2),
		         0.25f + 0.5f * (float)(i / 2), instance_rgb[i]);
	glBindVertexArray(0);
	glDeleteVertexArrays(1, &vao);
	glDeleteBuffers(2, bufs);
	glDeleteProgram(prog);
	gp_expect_no_error(f, "instancing: clean-up");
}

/* --- uniform buffers: a std140 block bound whole, another bound by range --- */

/* Left half: Base, bound with glBindBufferBase. std140 puts rgb at offset 16 (a vec3 is
 * aligned to 16 bytes), so a packed layout would read the wrong floats. Right half: Ranged,
 * bound with glBindBufferRange at the first offset the implementation allows past 0;
 * offset 0 holds a decoy. The block bindings (3 and 5) are set with glUniformBlockBinding:
 * left at their default 0 both blocks would read the same buffer. */
#define UBO_BASE_RGB 0x20c040
#define UBO_RANGE_RGB 0x2080e0
#define UBO_DECOY_RGB 0xff00ff

static const char ubo_vs[] = "#version 300 es\n"
                             "layout(location = 0) in vec2 corner;\n"
                             "uniform vec4 rect;\n"
                             "void main() {\n"
                             "  gl_Position = vec4(rect.xy + corner * rect.zw, 0.0, 1.0);\n"
                             "}\n";
static const char ubo_fs[] =
        "#version 300 es\n"
        "precision mediump float;\n"
        "layout(std140) uniform Base { float scale; vec3 rgb; } base;\n"
        "layout(std140) uniform Ranged { vec4 colour; } ranged;\n"
        "uniform int right;\n"
        "out vec4 o;\n"
        "void main() {\n"
        "  o = right == 1 ? ranged.colour : vec4(base.rgb * base.scale, 1.0);\n"
        "}\n";

static void ubo_fill(GLuint base_buf, GLuint range_buf, GLint align)
{
	float base[8] = {2.0f};
	rgb_floats(UBO_BASE_RGB, &base[4]);
	for (int i = 4; i < 7; i++)
		base[i] /= 2.0f;
	glBindBuffer(GL_UNIFORM_BUFFER, base_buf);
	glBufferData(GL_UNIFORM_BUFFER, sizeof(base), base, GL_STATIC_DRAW);
	float decoy[4] = {0, 0, 0, 1}, colour[4] = {0, 0, 0, 1};
	rgb_floats(UBO_DECOY_RGB, decoy);
	rgb_floats(UBO_RANGE_RGB, colour);
	glBindBuffer(GL_UNIFORM_BUFFER, range_buf);
	glBufferData(GL_UNIFORM_BUFFER, align + 16, NULL, GL_STATIC_DRAW);
	glBufferSubData(GL_UNIFORM_BUFFER, 0, sizeof(decoy), decoy);
	glBufferSubData(GL_UNIFORM_BUFFER, align, sizeof(colour), colour);
}

void ge_draw_ubo(struct gp_frame *f)
{
	GLuint prog = ge_program(f, "ubo", ubo_vs, ubo_fs, NULL, 0);
	if (!prog)
		return;
	GLint align = 0;
	glGetIntegerv(GL_UNIFORM_BUFFER_OFFSET_ALIGNMENT, &align);
	if (align < 16)
		align = 16; /* the range must not overlap the decoy */
	GLuint bufs[3];
	glGenBuffers(3, bufs);
	ubo_fill(bufs[0], bufs[1], align);
	gp_expect_no_error(f, "ubo: glBufferData/glBufferSubData");
	GLuint base_index = glGetUniformBlockIndex(prog, "Base");
	GLuint ranged_index = glGetUniformBlockIndex(prog, "Ranged");
	if (base_index == GL_INVALID_INDEX || ranged_index == GL_INVALID_INDEX) {
		ge_result(f, "ubo-block-index", false, "glGetUniformBlockIndex found no block");
		goto out;
	}
	GLint size = 0;
	glGetActiveUniformBlockiv(prog, base_index, GL_UNIFORM_BLOCK_DATA_SIZE, &size);
	char why[64];
	snprintf(why, sizeof(why), "Base's std140 size is %d, expected 32", size);
	ge_result(f, "ubo-std140-size", size == 32, why);
	glUniformBlockBinding(prog, base_index, 3);
	glUniformBlockBinding(prog, ranged_index, 5);
	glBindBufferBase(GL_UNIFORM_BUFFER, 3, bufs[0]);
	glBindBufferRange(GL_UNIFORM_BUFFER, 5, bufs[1], align, 16);
	gp_expect_no_error(f, "ubo: glUniformBlockBinding/glBindBufferBase/glBindBufferRange");

	static const float corners[] = {0, 0, 1, 0, 0, 1, 1, 1};
	GLuint vao;
	glGenVertexArrays(1, &vao);
	glBindVertexArray(vao);
	glBindBuffer(GL_ARRAY_BUFFER, bufs[2]);
	glBufferData(GL_ARRAY_BUFFER, sizeof(corners), corners, GL_STATIC_DRAW);
	glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, 0);
	glEnableVertexAttribArray(0);
	glUseProgram(prog);
	struct ge_rect r = ge_region_rect(GE_UBO);
	for (int right = 0; right < 2; right++) {
		struct ge_rect half = {r.x + right * r.w / 2, r.y, r.w / 2, r.h};
		float ndc[4];
		ge_rect_ndc(half, ndc);
		glUniform4fv(glGetUniformLocation(prog, "rect"), 1, ndc);
		glUniform1i(glGetUniformLocation(prog, "right"), right);
		glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
		ge_probe(f, right ? "ubo-range" : "ubo-base", half, 0.5f, 0.5f,
		         right ? UBO_RANGE_RGB : UBO_BASE_RGB);
	}
	gp_expect_no_error(f, "ubo: draws");
	glBindVertexArray(0);
	glDeleteVertexArrays(1, &vao);
out:
	glBindBuffer(GL_UNIFORM_BUFFER, 0);
	glDeleteBuffers(3, bufs);
	glDeleteProgram(prog);
	gp_expect_no_error(f, "ubo: clean-up");
}

/* --- transform feedback: vertices computed in a vertex shader, captured, drawn --- */

/* The capturing shader makes the quad's two triangles from gl_VertexID alone and doubles
 * a colour; with rasterizer discard on, nothing reaches the screen but what the second
 * program draws from the captured buffer. */
#define XFB_HALF_RGB 0x602d58
#define XFB_RGB 0xc05ab0

static const char xfb_capture_vs[] =
        "#version 300 es\n"
        "uniform vec4 rect;\n"
        "uniform vec3 half_colour;\n"
        "out vec4 xfb_position;\n"
        "out vec4 xfb_colour;\n"
        "const vec2 corners[6] = vec2[6](vec2(0.0, 0.0), vec2(1.0, 0.0), vec2(0.0, 1.0),\n"
        "                                vec2(0.0, 1.0), vec2(1.0, 0.0), vec2(1.0, 1.0));\n"
        "void main() {\n"
        "  xfb_position = vec4(rect.xy + corners[gl_VertexID] * rect.zw, 0.0, 1.0);\n"
        "  xfb_colour = vec4(half_colour * 2.0, 1.0);\n"
        "  gl_Position = xfb_position;\n"
        "}\n";
static const char xfb_capture_fs[] = "#version 300 es\n"
                                     "precision mediump float;\n"
                                     "out vec4 o;\n"
                                     "void main() { o = vec4(1.0, 0.0, 1.0, 1.0); }\n";
static const char xfb_draw_vs[] =
        "#version 300 es\n"
        "layout(location = 0) in vec4 position;\n"
        "layout(location = 1) in vec4 colour;\n"
        "out vec3 v_colour;\n"
        "void main() { gl_Position = position; v_colour = colour.rgb; }\n";

static bool xfb_capture(struct gp_frame *f, GLuint prog, GLuint buf, struct ge_rect r)
{
	float ndc[4], half[3];
	ge_rect_ndc(r, ndc);
	rgb_floats(XFB_HALF_RGB, half);
	glUseProgram(prog);
	glUniform4fv(glGetUniformLocation(prog, "rect"), 1, ndc);
	glUniform3fv(glGetUniformLocation(prog, "half_colour"), 1, half);
	GLuint xfb, query, vao;
	glGenVertexArrays(1, &vao);
	glBindVertexArray(vao); /* no attributes: gl_VertexID only */
	glGenTransformFeedbacks(1, &xfb);
	glBindTransformFeedback(GL_TRANSFORM_FEEDBACK, xfb);
	glBindBufferBase(GL_TRANSFORM_FEEDBACK_BUFFER, 0, buf);
	glGenQueries(1, &query);
	glEnable(GL_RASTERIZER_DISCARD);
	glBeginQuery(GL_TRANSFORM_FEEDBACK_PRIMITIVES_WRITTEN, query);
	glBeginTransformFeedback(GL_TRIANGLES);
	glDrawArrays(GL_TRIANGLES, 0, 6);
	glEndTransformFeedback();
	glEndQuery(GL_TRANSFORM_FEEDBACK_PRIMITIVES_WRITTEN);
	glDisable(GL_RASTERIZER_DISCARD);
	gp_expect_no_error(f, "xfb: capture");
	GLuint written = 0;
	glGetQueryObjectuiv(query, GL_QUERY_RESULT, &written);
	char why[64];
	snprintf(why, sizeof(why), "%u primitives written, expected 2", written);
	ge_result(f, "xfb-primitives-written", written == 2, why);
	glBindBufferBase(GL_TRANSFORM_FEEDBACK_BUFFER, 0, 0);
	glBindTransformFeedback(GL_TRANSFORM_FEEDBACK, 0);
	glDeleteTransformFeedbacks(1, &xfb);
	glDeleteQueries(1, &query);
	glBindVertexArray(0);
	glDeleteVertexArrays(1, &vao);
	gp_expect_no_error(f, "xfb: query");
	return written == 2;
}

/* A shader of `type` compiled from `src`, or 0. */
static GLuint compiled(GLenum type, const char *src)
{
	GLuint sh = glCreateShader(type);
	GLint ok = GL_FALSE;
	glShaderSource(sh, 1, &src, NULL);
	glCompileShader(sh);
	glGetShaderiv(sh, GL_COMPILE_STATUS, &ok);
	return ok ? sh : 0;
}

/* glLinkProgram of a program that active transform feedback uses: GL_INVALID_OPERATION,
 * and nothing changes, whatever its shaders. Here one does not compile: gpupipe-host never
 * gives that to its driver's linker, and must answer as GL does all the same. (A program
 * of its own, whose shaders it keeps: ge_program deletes them.) */
static void relink_during_xfb(struct gp_frame *f, GLuint buf)
{
	static const char *const varyings[] = {"xfb_position", "xfb_colour"};
	static const char broken_fs[] = "#version 300 es\nprecision mediump float;\n"
	                                "out vec4 c;\nvoid main() { c = ; }\n";
	GLuint vs = compiled(GL_VERTEX_SHADER, xfb_capture_vs);
	GLuint fs = compiled(GL_FRAGMENT_SHADER, xfb_capture_fs);
	GLuint broken = glCreateShader(GL_FRAGMENT_SHADER);
	const char *src = broken_fs;
	glShaderSource(broken, 1, &src, NULL);
	glCompileShader(broken);
	GLuint prog = glCreateProgram(), xfb, vao;
	glAttachShader(prog, vs);
	glAttachShader(prog, fs);
	glTransformFeedbackVaryings(prog, 2, varyings, GL_INTERLEAVED_ATTRIBS);
	glLinkProgram(prog);
	glGenVertexArrays(1, &vao);
	glBindVertexArray(vao);
	glGenTransformFeedbacks(1, &xfb);
	glBindTransformFeedback(GL_TRANSFORM_FEEDBACK, xfb);
	glBindBufferBase(GL_TRANSFORM_FEEDBACK_BUFFER, 0, buf);
	glUseProgram(prog);
	glEnable(GL_RASTERIZER_DISCARD);
	glBeginTransformFeedback(GL_TRIANGLES);
	gp_expect_no_error(f, "xfb-relink: set-up");
	glDetachShader(prog, fs);
	glAttachShader(prog, broken);
	glLinkProgram(prog);
	GLenum error = glGetError();
	glDetachShader(prog, broken);
	glAttachShader(prog, fs);
	glEndTransformFeedback();
	glDisable(GL_RASTERIZER_DISCARD);
	GLint linked = GL_FALSE;
	glGetProgramiv(prog, GL_LINK_STATUS, &linked);
	char why[96];
	snprintf(why, sizeof(why), "the link raised 0x%x, GL_LINK_STATUS %d after it", error,
	         linked);
	ge_result(f, "xfb-relink-refused", vs && fs && error == GL_INVALID_OPERATION && linked,
	          why);
	glUseProgram(0);
	glBindBufferBase(GL_TRANSFORM_FEEDBACK_BUFFER, 0, 0);
	glBindTransformFeedback(GL_TRANSFORM_FEEDBACK, 0);
	glDeleteTransformFeedbacks(1, &xfb);
	glBindVertexArray(0);
	glDeleteVertexArrays(1, &vao);
	glDeleteProgram(prog);
	glDeleteShader(vs);
	glDeleteShader(fs);
	glDeleteShader(broken);
	gp_expect_no_error(f, "xfb-relink: clean-up");
}

void ge_draw_xfb(struct gp_frame *f)
{
	static const char *const varyings[] = {"xfb_position", "xfb_colour"};
	GLuint capture = ge_program(f, "xfb-capture", xfb_capture_vs, xfb_capture_fs, varyings, 2);
	GLuint draw = ge_program(f, "xfb-draw", xfb_draw_vs, colour_fs, NULL, 0);
	struct ge_rect r = ge_region_rect(GE_XFB);
	GLuint buf = 0, vao = 0;
	if (!capture || !draw)
		goto out;
	glGenBuffers(1, &buf);
	glBindBuffer(GL_TRANSFORM_FEEDBACK_BUFFER, buf);
	glBufferData(GL_TRANSFORM_FEEDBACK_BUFFER, 6 * 8 * sizeof(float), NULL, GL_STATIC_DRAW);
	glBindBuffer(GL_TRANSFORM_FEEDBACK_BUFFER, 0);
	xfb_capture(f, capture, buf, r);
	relink_during_xfb(f, buf);

	glGenVertexArrays(1, &vao);
	glBindVertexArray(vao);
	glBindBuffer(GL_ARRAY_BUFFER, buf);
	glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, 8 * sizeof(float), 0);
	glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, 8 * sizeof(float),
	                      (const void *)(4 * sizeof(float)));
	glEnableVertexAttribArray(0);
	glEnableVertexAttribArray(1);
	glUseProgram(draw);
	glDrawArrays(GL_TRIANGLES, 0, 6);
	gp_expect_no_error(f, "xfb: drawing the captured vertices");
	/* One probe inside each captured triangle. */
	ge_probe(f, "xfb", r, 0.25f, 0.25f, XFB_RGB);
	ge_probe(f, "xfb", r, 0.75f, 0.75f, XFB_RGB);
	glBindVertexArray(0);
out:
	glDeleteVertexArrays(1, &vao);
	glDeleteBuffers(1, &buf);
	glDeleteProgram(capture);
	glDeleteProgram(draw);
	gp_expect_no_error(f, "xfb: clean-up");
}
