/*
 * The GL executor on the host's real EGL (llvmpipe here), OpenGL ES 3.1: indirect draws
 * and dispatches run the command their buffer holds, validated as the direct draw;
 * attributes read binding points (buffer, offset, stride per binding; format and
 * relative offset per attribute), and every draw is checked through them; a draw through
 * a program pipeline is checked against its vertex program; glCreateShaderProgramv goes
 * through glslang. Each case is one meson test; the program takes the case's name.
 */
#include <stdlib.h>
#include <string.h>

#include "gl-harness.h"

/* A 16x16 pbuffer current on stream 1 in an ES 3.1 context, cleared to black, and vertex
 * array 3 bound (ES 3.1 wants one for indirect draws and binding points). */
static bool setup(struct gt *t)
{
	CHECK(gt_init_stream(t, 1), "init");
	if (t->es.version < GL_VERSION_CODE(3, 1)) {
		fprintf(stderr, "the host offers OpenGL ES %u.%u only\n",
		        GL_VERSION_MAJOR(t->es.version), GL_VERSION_MINOR(t->es.version));
		exit(77);
	}
	if (!gt_context(t, 1, 1) || !gt_surface(t, 1, 1, 16, 16, GL_SURFACE_PBUFFER) ||
	    !gt_current(t, 1, 1, 1))
		return false;
	gt_cmd(t, GLES_OP_glClearColor, 4, 0, 0, 0, 0);
	gt_cmd(t, GLES_OP_glClear, 1, GL_COLOR_BUFFER_BIT);
	uint32_t vao = 3;
	gt_begin(t, GLES_OP_glGenVertexArrays);
	gt_u32(t, 1);
	gt_blob(t, &vao, 4);
	gt_end(t);
	gt_cmd(t, GLES_OP_glBindVertexArray, 1, vao);
	return true;
}

static void buffer(struct gt *t, uint32_t target, uint32_t name, const void *data, uint32_t n)
{
	gt_begin(t, GLES_OP_glGenBuffers);
	gt_u32(t, 1);
	gt_blob(t, &name, 4);
	gt_end(t);
	gt_cmd(t, GLES_OP_glBindBuffer, 2, target, name);
	gt_begin(t, GLES_OP_glBufferData);
	gt_u32(t, target);
	gt_u64(t, n);
	gt_u32(t, GL_STATIC_DRAW);
	gt_blob(t, data, n);
	gt_end(t);
}

static void attrib0(struct gt *t)
{
	gt_begin(t, GLES_OP_glVertexAttribPointer);
	gt_u32(t, 0);
	gt_u32(t, 4);
	gt_u32(t, GL_FLOAT);
	gt_u32(t, 0);
	gt_u32(t, 0);
	gt_u64(t, 0);
	gt_end(t);
	gt_cmd(t, GLES_OP_glEnableVertexAttribArray, 1, 0);
}

static bool error_is(struct gt *t, uint32_t want)
{
	uint32_t err;
	gt_cmd(t, GLES_OP_glGetError, 0);
	CHECK(gt_sync_u32(t, 1, GLES_OP_glGetError, &err), "glGetError: %s", t->reason);
	CHECK(err == want, "glGetError is 0x%x, not 0x%x", err, want);
	return true;
}

/* The centre pixel's red, green, blue. */
static bool centre_is(struct gt *t, uint8_t r, uint8_t g, uint8_t b)
{
	uint8_t px[4];
	CHECK(gt_read_pixels(t, 1, 8, 8, 1, 1, px), "readback");
	CHECK(px[0] == r && px[1] == g && px[2] == b, "centre is %u,%u,%u, not %u,%u,%u", px[0],
	      px[1], px[2], r, g, b);
	return true;
}

/* A triangle covering the surface, after a first vertex off it (base vertex cases). */
static const float vertices[] = {9, 9, 0, 1, -1, -1, 0, 1, 3, -1, 0, 1, -1, 3, 0, 1};

static void draw_indirect(struct gt *t, uint32_t op, uint64_t offset)
{
	gt_begin(t, op);
	gt_u32(t, GL_TRIANGLES);
	if (op == GLES_OP_glDrawElementsIndirect)
		gt_u32(t, GL_UNSIGNED_SHORT);
	gt_u64(t, offset);
	gt_end(t);
}

static bool indirect_arrays_draw_the_command_of_their_buffer(struct gt *t)
{
	static const uint32_t command[8] = {0, 0, 0, 0, 3, 1, 1, 0};
	if (!setup(t) || !gt_program(t, 1, 10, 1, 1, 1))
		return false;
	buffer(t, GL_ARRAY_BUFFER, 5, vertices, sizeof(vertices));
	attrib0(t);
	buffer(t, GL_DRAW_INDIRECT_BUFFER, 6, command, sizeof(command));
	draw_indirect(t, GLES_OP_glDrawArraysIndirect, 16);
	return error_is(t, GL_NO_ERROR) && centre_is(t, 255, 255, 255);
}

/* EXT_base_instance (offered with llvmpipe) makes ES 3.1's reservedMustBeZero the
 * command's base instance: instance 7 of a draw with no instanced attribute draws. (Without
 * base instances the field must be 0: GL_INVALID_OPERATION, nothing drawn; every context
 * here has them.) */
static bool indirect_last_field_is_the_base_instance(struct gt *t)
{
	static const uint32_t command[4] = {3, 1, 1, 7};
	if (!setup(t) || !gt_program(t, 1, 10, 1, 1, 1))
		return false;
	buffer(t, GL_ARRAY_BUFFER, 5, vertices, sizeof(vertices));
	attrib0(t);
	buffer(t, GL_DRAW_INDIRECT_BUFFER, 6, command, sizeof(command));
	draw_indirect(t, GLES_OP_glDrawArraysIndirect, 0);
	return error_is(t, GL_NO_ERROR) && centre_is(t, 255, 255, 255);
}

static bool indirect_elements_draw_with_their_base_vertex(struct gt *t)
{
	static const uint16_t idx[] = {0, 1, 2};
	static const uint32_t command[5] = {3, 1, 0, 1, 0};
	if (!setup(t) || !gt_program(t, 1, 10, 1, 1, 1))
		return false;
	buffer(t, GL_ARRAY_BUFFER, 5, vertices, sizeof(vertices));
	attrib0(t);
	buffer(t, GL_ELEMENT_ARRAY_BUFFER, 7, idx, sizeof(idx));
	buffer(t, GL_DRAW_INDIRECT_BUFFER, 6, command, sizeof(command));
	draw_indirect(t, GLES_OP_glDrawElementsIndirect, 0);
	return error_is(t, GL_NO_ERROR) && centre_is(t, 255, 255, 255);
}

/* Base vertex 2: index 2 fetches vertex 4 of a 4-vertex buffer. */
static bool indirect_elements_base_vertex_past_the_buffer(struct gt *t)
{
	static const uint16_t idx[] = {0, 1, 2};
	static const uint32_t command[5] = {3, 1, 0, 2, 0};
	if (!setup(t) || !gt_program(t, 1, 10, 1, 1, 1))
		return false;
	buffer(t, GL_ARRAY_BUFFER, 5, vertices, sizeof(vertices));
	attrib0(t);
	buffer(t, GL_ELEMENT_ARRAY_BUFFER, 7, idx, sizeof(idx));
	buffer(t, GL_DRAW_INDIRECT_BUFFER, 6, command, sizeof(command));
	draw_indirect(t, GLES_OP_glDrawElementsIndirect, 0);
	gt_send(t, 1, 0, 0);
	return gt_refused(t, "glDrawElementsIndirect: attribute 0 reads to byte 80 of a 64-byte "
	                     "buffer");
}

static const char counter_cs[] = "#version 310 es\n"
                                 "layout(local_size_x = 1) in;\n"
                                 "layout(std430, binding = 0) buffer Counter { uint n; };\n"
                                 "void main() { atomicAdd(n, 1u); }\n";

/* 2 x 3 x 1 groups from the dispatch buffer: the counter the shader storage buffer holds
 * reads 6. */
static bool indirect_dispatch_runs_the_counts_of_its_buffer(struct gt *t)
{
	static const uint32_t groups[4] = {9, 2, 3, 1};
	static const uint32_t zero = 0;
	if (!setup(t))
		return false;
	gt_shader(t, 21, GL_COMPUTE_SHADER, counter_cs);
	gt_cmd(t, GLES_OP_glCreateProgram, 1, 20);
	gt_cmd(t, GLES_OP_glAttachShader, 2, 20, 21);
	gt_cmd(t, GLES_OP_glLinkProgram, 1, 20);
	gt_cmd(t, GLES_OP_glUseProgram, 1, 20);
	buffer(t, GL_SHADER_STORAGE_BUFFER, 5, &zero, 4);
	gt_cmd(t, GLES_OP_glBindBufferBase, 3, GL_SHADER_STORAGE_BUFFER, 0, 5);
	buffer(t, GL_DISPATCH_INDIRECT_BUFFER, 6, groups, sizeof(groups));
	gt_begin(t, GLES_OP_glDispatchComputeIndirect);
	gt_u64(t, 4);
	gt_end(t);
	gt_cmd(t, GLES_OP_glMemoryBarrier, 1, GL_BUFFER_UPDATE_BARRIER_BIT);
	if (!error_is(t, GL_NO_ERROR))
		return false;
	gt_cmd(t, GL_OP_BUFFER_READ, 3, GL_SHADER_STORAGE_BUFFER, 0, 4);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	uint32_t size, n, count;
	const uint8_t *p = gt_reply(t, 1, GL_OP_BUFFER_READ, &size), *end = p + size;
	const uint8_t *data = p ? gt_blob_at(&p, end, &n) : NULL;
	CHECK(data && n == 4, "GL_OP_BUFFER_READ reply");
	memcpy(&count, data, 4);
	CHECK(count == 6, "the shader ran %u times, not 6", count);
	return true;
}

static const char two_attribs_vs[] = "#version 300 es\n"
                                     "layout(location = 0) in vec4 pos;\n"
                                     "layout(location = 1) in vec4 col;\n"
                                     "out vec4 c;\n"
                                     "void main() { gl_Position = pos; c = col; }\n";
static const char colour_fs[] = "#version 300 es\n"
                                "precision mediump float;\n"
                                "in vec4 c;\n"
                                "out vec4 o;\n"
                                "void main() { o = c; }\n";

/* Position and colour interleaved in one buffer: 3 vertices of 32 bytes. */
static const float interleaved[] = {-1, -1, 0, 1, 0,  1, 0, 1, 3, -1, 0, 1,
                                    0,  1,  0, 1, -1, 3, 0, 1, 0, 1,  0, 1};

/* Binding point 2 holds the buffer at `offset`, stride 32; attribute 0 reads it at
 * relative offset 0, attribute 1 at 16. */
static void bind_interleaved(struct gt *t, uint64_t offset)
{
	buffer(t, GL_ARRAY_BUFFER, 5, interleaved, sizeof(interleaved));
	gt_begin(t, GLES_OP_glBindVertexBuffer);
	gt_u32(t, 2);
	gt_u32(t, 5);
	gt_u64(t, offset);
	gt_u32(t, 32);
	gt_end(t);
	gt_cmd(t, GLES_OP_glVertexAttribFormat, 5, 0, 4, GL_FLOAT, 0, 0);
	gt_cmd(t, GLES_OP_glVertexAttribFormat, 5, 1, 4, GL_FLOAT, 0, 16);
	gt_cmd(t, GLES_OP_glVertexAttribBinding, 2, 0, 2);
	gt_cmd(t, GLES_OP_glVertexAttribBinding, 2, 1, 2);
	gt_cmd(t, GLES_OP_glEnableVertexAttribArray, 1, 0);
	gt_cmd(t, GLES_OP_glEnableVertexAttribArray, 1, 1);
}

static bool attributes_sharing_a_binding_point_draw(struct gt *t)
{
	if (!setup(t) || !gt_program_src(t, 1, 10, two_attribs_vs, colour_fs))
		return false;
	bind_interleaved(t, 0);
	gt_cmd(t, GLES_OP_glDrawArrays, 3, GL_TRIANGLES, 0, 3);
	return error_is(t, GL_NO_ERROR) && centre_is(t, 0, 255, 0);
}

/* At binding offset 16, attribute 1's last vertex ends at 16 + 2 x 32 + 16 + 16. */
static bool relative_offset_past_the_buffer_is_refused(struct gt *t)
{
	if (!setup(t) || !gt_program_src(t, 1, 10, two_attribs_vs, colour_fs))
		return false;
	bind_interleaved(t, 16);
	gt_cmd(t, GLES_OP_glDrawArrays, 3, GL_TRIANGLES, 0, 3);
	gt_send(t, 1, 0, 0);
	return gt_refused(t, "glDrawArrays: attribute 1 reads to byte 112 of a 96-byte buffer");
}

/* Divisor 1 on the binding point: 4 instances fetch 4 elements of a 3-element buffer. */
static bool binding_divisor_counts_instances(struct gt *t)
{
	if (!setup(t) || !gt_program_src(t, 1, 10, two_attribs_vs, colour_fs))
		return false;
	bind_interleaved(t, 0);
	gt_cmd(t, GLES_OP_glVertexBindingDivisor, 2, 2, 1);
	gt_cmd(t, GLES_OP_glDrawArraysInstanced, 4, GL_TRIANGLES, 0, 1, 3);
	CHECK(error_is(t, GL_NO_ERROR), "3 instances");
	gt_cmd(t, GLES_OP_glDrawArraysInstanced, 4, GL_TRIANGLES, 0, 1, 4);
	gt_send(t, 1, 0, 0);
	return gt_refused(t, "glDrawArraysInstanced: attribute 0 reads to byte 112 of a 96-byte "
	                     "buffer");
}

static void shader_program(struct gt *t, uint32_t name, uint32_t type, const char *src)
{
	gt_begin(t, GLES_OP_glCreateShaderProgramv);
	gt_u32(t, type);
	gt_u32(t, 1);
	gt_u32(t, name);
	gt_blob(t, src, (uint32_t)strlen(src) + 1);
	gt_end(t);
}

static const char pos_vs[] = "#version 310 es\n"
                             "layout(location = 0) in vec4 pos;\n"
                             "void main() { gl_Position = pos; }\n";
static const char white_fs[] = "#version 310 es\n"
                               "precision mediump float;\n"
                               "out vec4 o;\n"
                               "void main() { o = vec4(1.0); }\n";

/* No program current: the pipeline's vertex program says which attributes are read. */
static bool pipeline_draws_are_checked_against_its_vertex_program(struct gt *t)
{
	static const uint32_t pipeline = 30;
	if (!setup(t))
		return false;
	shader_program(t, 31, GL_VERTEX_SHADER, pos_vs);
	shader_program(t, 32, GL_FRAGMENT_SHADER, white_fs);
	gt_begin(t, GLES_OP_glGenProgramPipelines);
	gt_u32(t, 1);
	gt_blob(t, &pipeline, 4);
	gt_end(t);
	gt_cmd(t, GLES_OP_glBindProgramPipeline, 1, pipeline);
	gt_cmd(t, GLES_OP_glUseProgramStages, 3, pipeline, GL_VERTEX_SHADER_BIT, 31);
	gt_cmd(t, GLES_OP_glUseProgramStages, 3, pipeline, GL_FRAGMENT_SHADER_BIT, 32);
	buffer(t, GL_ARRAY_BUFFER, 5, vertices + 4, 48);
	attrib0(t);
	gt_cmd(t, GLES_OP_glDrawArrays, 3, GL_TRIANGLES, 0, 3);
	if (!error_is(t, GL_NO_ERROR) || !centre_is(t, 255, 255, 255))
		return false;
	gt_cmd(t, GLES_OP_glDrawArrays, 3, GL_TRIANGLES, 1, 3);
	gt_send(t, 1, 0, 0);
	return gt_refused(t, "glDrawArrays: attribute 0 reads to byte 64 of a 48-byte buffer");
}

/* glslang refuses the source: the program exists, did not link, and says why. */
static bool refused_shader_program_has_the_shader_check_log(struct gt *t)
{
	if (!setup(t))
		return false;
	shader_program(t, 31, GL_VERTEX_SHADER,
	               "#version 310 es\nvoid main() { undeclared = 1; }\n");
	gt_cmd(t, GLES_OP_glGetProgramiv, 3, 31, GL_LINK_STATUS, 4);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	uint32_t size, n, linked = 1;
	const uint8_t *p = gt_reply(t, 1, GLES_OP_glGetProgramiv, &size), *end = p + size;
	const uint8_t *data = p ? gt_blob_at(&p, end, &n) : NULL;
	CHECK(data && n == 4, "glGetProgramiv reply");
	memcpy(&linked, data, 4);
	CHECK(linked == 0, "GL_LINK_STATUS is %u", linked);
	gt_cmd(t, GLES_OP_glGetProgramInfoLog, 4, 31, 1000, 4, 1000);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	p = gt_reply(t, 1, GLES_OP_glGetProgramInfoLog, &size);
	end = p + size;
	CHECK(p && gt_blob_at(&p, end, &n), "length");
	data = gt_blob_at(&p, end, &n);
	CHECK(data && n > 0, "info log");
	CHECK(memmem(data, n, "undeclared", 10), "the log does not name the error: %.*s", (int)n,
	      (const char *)data);
	return error_is(t, GL_NO_ERROR);
}

static const struct gt_case cases[] = {
        GT_CASE(indirect_arrays_draw_the_command_of_their_buffer),
        GT_CASE(indirect_last_field_is_the_base_instance),
        GT_CASE(indirect_elements_draw_with_their_base_vertex),
        GT_CASE(indirect_elements_base_vertex_past_the_buffer),
        GT_CASE(indirect_dispatch_runs_the_counts_of_its_buffer),
        GT_CASE(attributes_sharing_a_binding_point_draw),
        GT_CASE(relative_offset_past_the_buffer_is_refused),
        GT_CASE(binding_divisor_counts_instances),
        GT_CASE(pipeline_draws_are_checked_against_its_vertex_program),
        GT_CASE(refused_shader_program_has_the_shader_check_log),
};

int main(int argc, char **argv)
{
	return gt_main(argc, argv, cases, sizeof(cases) / sizeof(cases[0]), false);
}
