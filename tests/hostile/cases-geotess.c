/*
 * Hostile streams of geometry and tessellation shaders and texture buffers (OpenGL ES 3.2,
 * OES_geometry_shader, OES_tessellation_shader, OES_texture_buffer): a texture buffer range
 * GL refuses is GL_INVALID_VALUE from the host and never reaches the driver; a shader of a
 * stage no API has ends the link; a draw through a geometry shader is still checked against
 * the buffers its vertex stage reads; a buffer an image store wrote through a texture buffer
 * is checked as the GPU left it.
 */
#include <string.h>

#include <GLES3/gl32.h>

#include "gl-link.h"

/* glTexBufferRangeOES(GL_TEXTURE_BUFFER, GL_R32F, buffer, offset, size). */
static void tex_buffer_range(struct hl_gl_link *g, uint32_t buffer, uint64_t offset, uint64_t size)
{
	hl_gl_cmd_begin(g, GLES_OP_glTexBufferRangeOES);
	hl_put_u32(&g->cmds, GL_TEXTURE_BUFFER);
	hl_put_u32(&g->cmds, GL_R32F);
	hl_put_u32(&g->cmds, buffer);
	hl_gl_put_u64(g, offset);
	hl_gl_put_u64(g, size);
	hl_gl_cmd_end(g);
}

/* The texture buffer's size as the host's GL holds it (glGetTexLevelParameteriv). */
static bool texture_buffer_size(struct hl_gl_link *g, uint32_t *size)
{
	hl_gl_cmd_begin(g, GLES_OP_glGetTexLevelParameteriv);
	hl_put_u32(&g->cmds, GL_TEXTURE_BUFFER);
	hl_put_u32(&g->cmds, 0);
	hl_put_u32(&g->cmds, GL_TEXTURE_BUFFER_SIZE);
	hl_put_u32(&g->cmds, 4);
	hl_gl_cmd_end(g);
	CHECK(hl_gl_send(g, CH, 0));
	uint32_t n;
	const uint8_t *p = hl_gl_reply(g, GLES_OP_glGetTexLevelParameteriv, &n);
	CHECKF(p && n >= 8, "no glGetTexLevelParameteriv reply");
	memcpy(size, p + 4, 4);
	return true;
}

/* A 256-byte buffer as texture 7's texels: ranges past its end, at a negative or misaligned
 * offset, of no bytes or of 2^63-1 bytes are GL_INVALID_VALUE, and the texture keeps the
 * 64 bytes a good range gave it; the link goes on. */
static bool gl_texture_buffer_range_past_its_buffer_is_invalid_value(struct hl_env *e)
{
	static const uint8_t texels[256] = {1, 2, 3, 4};
	static const struct {
		int64_t offset, size;
	} bad[] = {
	        {0, 512}, {192, 128}, {-64, 64}, {1, 64}, {0, 0}, {64, INT64_MAX},
	};
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	hl_gl_buffer(&g, GL_TEXTURE_BUFFER, 5, texels, sizeof(texels));
	hl_gl_cmd_begin(&g, GLES_OP_glGenTextures);
	hl_put_u32(&g.cmds, 1);
	uint32_t name = 7;
	hl_gl_put_blob(&g, &name, sizeof(name));
	hl_gl_cmd_end(&g);
	hl_gl_cmd(&g, GLES_OP_glBindTexture, 2, GL_TEXTURE_BUFFER, 7u);
	tex_buffer_range(&g, 5, 0, 64);
	uint32_t err, size;
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "64 bytes of a 256-byte buffer: error 0x%x", err);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		tex_buffer_range(&g, 5, (uint64_t)bad[i].offset, (uint64_t)bad[i].size);
		CHECK(hl_gl_get_error(&g, &err));
		CHECKF(err == GL_INVALID_VALUE, "%lld bytes at %lld of 256: error 0x%x",
		       (long long)bad[i].size, (long long)bad[i].offset, err);
	}
	CHECK(texture_buffer_size(&g, &size));
	CHECKF(size == 64, "the texture buffer holds %u bytes after the refused ranges, not 64",
	       size);
	return hl_gl_close_served(e, &g);
}

/* glCreateShader of a type no OpenGL ES has: an honest library refuses it itself. */
static bool gl_shader_of_an_unknown_stage_type(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	hl_gl_cmd(&g, GLES_OP_glCreateShader, 2, 0x8B32u /* GL_SHADER_OBJECT_ARB */, 9u);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glCreateShader: gl_shader_type_ok(type)");
}

/* The program of hl_gl_program with a geometry shader between its stages: a draw of 100
 * points from a 16-byte buffer reads past it all the same. */
static bool gl_draw_through_a_geometry_shader_reading_past_a_buffer_end(struct hl_env *e)
{
	static const float vertex[4] = {0, 0, 0, 1};
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	hl_gl_shader(&g, 11, GL_VERTEX_SHADER,
	             "#version 310 es\nlayout(location = 0) in vec4 pos;\n"
	             "void main() { gl_Position = pos; }\n");
	hl_gl_shader(&g, 12, GL_FRAGMENT_SHADER,
	             "#version 310 es\nprecision mediump float;\nout vec4 c;\n"
	             "void main() { c = vec4(1); }\n");
	hl_gl_shader(&g, 13, GL_GEOMETRY_SHADER,
	             "#version 310 es\n#extension GL_OES_geometry_shader : require\n"
	             "layout(points) in;\nlayout(points, max_vertices = 1) out;\n"
	             "void main() { gl_Position = gl_in[0].gl_Position; EmitVertex(); }\n");
	hl_gl_cmd(&g, GLES_OP_glCreateProgram, 1, 10u);
	for (uint32_t s = 11; s <= 13; s++)
		hl_gl_cmd(&g, GLES_OP_glAttachShader, 2, 10u, s);
	hl_gl_cmd(&g, GLES_OP_glLinkProgram, 1, 10u);
	hl_gl_cmd(&g, GLES_OP_glUseProgram, 1, 10u);
	hl_gl_buffer(&g, GL_ARRAY_BUFFER, 5, vertex, sizeof(vertex));
	hl_gl_attrib0(&g, 16);
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "a program with a geometry shader: error 0x%x", err);
	hl_gl_cmd(&g, GLES_OP_glDrawArrays, 3, GL_POINTS, 0u, 100u);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l,
	                  "glDrawArrays: attribute 0 reads to byte 1600 of a 16-byte buffer");
}

/* Element buffer 6 holds index 0 (its copy on the host is complete) and is texture 7's
 * texels; a compute shader stores 1000 there through an image buffer. A draw of that index
 * from a one-vertex buffer reads past it: the host must check what the GPU wrote, not its
 * copy of what the app uploaded. */
static bool gl_image_store_into_a_texture_buffer_then_drawn_as_indices(struct hl_env *e)
{
	static const uint32_t indices[4];
	static const float vertex[4] = {0, 0, 0, 1};
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	hl_gl_buffer(&g, GL_ELEMENT_ARRAY_BUFFER, 6, indices, sizeof(indices));
	hl_gl_cmd_begin(&g, GLES_OP_glGenTextures);
	hl_put_u32(&g.cmds, 1);
	uint32_t name = 7;
	hl_gl_put_blob(&g, &name, sizeof(name));
	hl_gl_cmd_end(&g);
	hl_gl_cmd(&g, GLES_OP_glBindTexture, 2, GL_TEXTURE_BUFFER, 7u);
	hl_gl_cmd(&g, GLES_OP_glTexBufferOES, 3, GL_TEXTURE_BUFFER, GL_R32UI, 6u);
	hl_gl_shader(&g, 31, GL_COMPUTE_SHADER,
	             "#version 310 es\n#extension GL_OES_texture_buffer : require\n"
	             "layout(local_size_x = 1) in;\n"
	             "layout(r32ui, binding = 0) uniform writeonly highp uimageBuffer img;\n"
	             "void main() { imageStore(img, 0, uvec4(1000u)); }\n");
	hl_gl_cmd(&g, GLES_OP_glCreateProgram, 1, 30u);
	hl_gl_cmd(&g, GLES_OP_glAttachShader, 2, 30u, 31u);
	hl_gl_cmd(&g, GLES_OP_glLinkProgram, 1, 30u);
	hl_gl_cmd(&g, GLES_OP_glUseProgram, 1, 30u);
	hl_gl_cmd(&g, GLES_OP_glBindImageTexture, 7, 0u, 7u, 0u, 0u, 0u, GL_WRITE_ONLY, GL_R32UI);
	hl_gl_cmd(&g, GLES_OP_glDispatchCompute, 3, 1u, 1u, 1u);
	hl_gl_cmd(&g, GLES_OP_glMemoryBarrier, 1, GL_ELEMENT_ARRAY_BARRIER_BIT);
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "the image store into the texture buffer: error 0x%x", err);
	hl_gl_program(&g, 10);
	hl_gl_buffer(&g, GL_ARRAY_BUFFER, 5, vertex, sizeof(vertex));
	hl_gl_attrib0(&g, 16);
	hl_gl_cmd_begin(&g, GLES_OP_glDrawElements);
	hl_put_u32(&g.cmds, GL_POINTS);
	hl_put_u32(&g.cmds, 1);
	hl_put_u32(&g.cmds, GL_UNSIGNED_INT);
	hl_gl_put_u64(&g, 0);
	hl_gl_put_blob(&g, NULL, GL_BLOB_NULL);
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l,
	                  "glDrawElements: attribute 0 reads to byte 16016 of a 16-byte buffer");
}

const struct hl_case hl_geotess_cases[] = {
        HL_CASE(gl_texture_buffer_range_past_its_buffer_is_invalid_value),
        HL_CASE(gl_shader_of_an_unknown_stage_type),
        HL_CASE(gl_draw_through_a_geometry_shader_reading_past_a_buffer_end),
        HL_CASE(gl_image_store_into_a_texture_buffer_then_drawn_as_indices),
};
const size_t hl_geotess_case_count = sizeof(hl_geotess_cases) / sizeof(hl_geotess_cases[0]);
