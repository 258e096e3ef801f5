/*
 * gl-es3-app's shader stages and texture buffers, through the OpenGL ES 3.1 extensions of
 * OpenGL ES 3.2 (OES_geometry_shader, OES_texture_buffer, OES_tessellation_shader; their
 * commands from eglGetProcAddress):
 *
 *   geometry      4 points, each made a triangle of its own colour by a geometry shader
 *   texbuffer     4 quadrants, each a texel fetched from a texture buffer whose range
 *                 starts past a decoy, at GL_TEXTURE_BUFFER_OFFSET_ALIGNMENT
 *   tessellation  one 4-vertex patch tessellated as a quad, coloured by the evaluation
 *                 shader's u (left half, right half)
 */
#include <stdio.h>
#include <string.h>

#include <EGL/egl.h>

#include "gl-es3-app.h"

#include <GLES2/gl2platform.h>
#include <GLES2/gl2ext.h>

#define GEOMETRY_SIZE 0.12f /* a triangle's half width, of the region's width */
#define TESS_LEFT_RGB 0xd0a020
#define TESS_RIGHT_RGB 0x2090e0
#define DECOY_RGB 0xff00ff

static const uint32_t point_rgb[4] = {0xe04040, 0x40e040, 0x4040e0, 0xe0e040};
static const float point_at[4][2] = {
        {0.25f, 0.25f}, {0.75f, 0.25f}, {0.25f, 0.75f}, {0.75f, 0.75f}};
static const uint32_t texel_rgb[4] = {0x80c040, 0xc04080, 0x4080c0, 0xf0f0f0};

/* False, with a SKIP line, when the context lacks the extension: the region stays clear
 * and its probes (required by the integration test) are missing. */
static bool has_extension(struct gp_frame *f, const char *what, const char *name)
{
	GLint n = 0;
	glGetIntegerv(GL_NUM_EXTENSIONS, &n);
	for (GLint i = 0; i < n; i++) {
		const char *e = (const char *)glGetStringi(GL_EXTENSIONS, (GLuint)i);
		if (e && strcmp(e, name) == 0)
			return true;
	}
	printf("SKIP %s: the context has no %s\n", what, name);
	return false;
}

static void rgb_float(uint32_t rgb, float *out)
{
	out[0] = (float)(rgb >> 16 & 0xff) / 255.0f;
	out[1] = (float)(rgb >> 8 & 0xff) / 255.0f;
	out[2] = (float)(rgb & 0xff) / 255.0f;
}

/* --- geometry: a triangle per point --- */

static const char points_vs[] = "#version 310 es\n"
                                "layout(location = 0) in vec2 pos;\n"
                                "layout(location = 1) in vec3 colour;\n"
                                "out vec3 v_colour;\n"
                                "void main() {\n"
                                "  v_colour = colour;\n"
                                "  gl_Position = vec4(pos, 0.0, 1.0);\n"
                                "}\n";
static const char triangle_gs[] =
        "#version 310 es\n"
        "#extension GL_OES_geometry_shader : require\n"
        "layout(points) in;\n"
        "layout(triangle_strip, max_vertices = 3) out;\n"
        "uniform vec2 size;\n"
        "in vec3 v_colour[];\n"
        "out vec3 g_colour;\n"
        "void main() {\n"
        "  vec4 p = gl_in[0].gl_Position;\n"
        "  g_colour = v_colour[0];\n"
        "  gl_Position = p + vec4(-size.x, -size.y, 0.0, 0.0); EmitVertex();\n"
        "  gl_Position = p + vec4(size.x, -size.y, 0.0, 0.0); EmitVertex();\n"
        "  gl_Position = p + vec4(0.0, size.y, 0.0, 0.0); EmitVertex();\n"
        "  EndPrimitive();\n"
        "}\n";
static const char triangle_fs[] = "#version 310 es\n"
                                  "precision mediump float;\n"
                                  "in vec3 g_colour;\n"
                                  "out vec4 o;\n"
                                  "void main() { o = vec4(g_colour, 1.0); }\n";

void ge_draw_geometry(struct gp_frame *f)
{
	const char *what = "geometry";
	if (!has_extension(f, what, "GL_OES_geometry_shader"))
		return;
	static const GLenum types[] = {GL_VERTEX_SHADER, GL_GEOMETRY_SHADER_OES,
	                               GL_FRAGMENT_SHADER};
	const char *const srcs[] = {points_vs, triangle_gs, triangle_fs};
	GLuint prog = ge_stage_program(f, what, types, srcs, 3);
	if (!prog)
		return;
	struct ge_rect r = ge_region_rect(GE_GEOMETRY);
	float ndc[4], vertices[4][5];
	ge_rect_ndc(r, ndc);
	for (int i = 0; i < 4; i++) {
		vertices[i][0] = ndc[0] + point_at[i][0] * ndc[2];
		vertices[i][1] = ndc[1] + point_at[i][1] * ndc[3];
		rgb_float(point_rgb[i], &vertices[i][2]);
	}
	GLuint vao, buf;
	glGenVertexArrays(1, &vao);
	glBindVertexArray(vao);
	glGenBuffers(1, &buf);
	glBindBuffer(GL_ARRAY_BUFFER, buf);
	glBufferData(GL_ARRAY_BUFFER, sizeof(vertices), vertices, GL_STATIC_DRAW);
	glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 20, (const void *)0);
	glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, 20, (const void *)8);
	glEnableVertexAttribArray(0);
	glEnableVertexAttribArray(1);
	glUseProgram(prog);
	glUniform2f(glGetUniformLocation(prog, "size"), GEOMETRY_SIZE * ndc[2],
	            GEOMETRY_SIZE * ndc[3]);
	glDrawArrays(GL_POINTS, 0, 4);
	glBindVertexArray(0);
	glDeleteVertexArrays(1, &vao);
	glDeleteBuffers(1, &buf);
	glDeleteProgram(prog);
	gp_expect_no_error(f, what);
	/* Each point's own spot is inside its triangle; the centre is between them. */
	for (int i = 0; i < 4; i++)
		ge_probe(f, what, r, point_at[i][0], point_at[i][1], point_rgb[i]);
	ge_probe(f, what, r, 0.5f, 0.5f, GE_CLEAR_RGB);
}

/* --- texture buffer: texels read with texelFetch --- */

static const char texbuffer_fs[] = "#version 310 es\n"
                                   "#extension GL_OES_texture_buffer : require\n"
                                   "precision mediump float;\n"
                                   "uniform highp samplerBuffer texels;\n"
                                   "in vec2 uv;\n"
                                   "out vec4 o;\n"
                                   "void main() {\n"
                                   "  int i = int(uv.x * 2.0) + 2 * int(uv.y * 2.0);\n"
                                   "  o = vec4(texelFetch(texels, clamp(i, 0, 3)).rgb, 1.0);\n"
                                   "}\n";
static const char texbuffer_vs[] = "#version 310 es\n"
                                   "layout(location = 0) in vec2 corner;\n"
                                   "uniform vec4 rect;\n"
                                   "out vec2 uv;\n"
                                   "void main() {\n"
                                   "  uv = corner;\n"
                                   "  gl_Position = vec4(rect.xy + corner * rect.zw, 0.0, 1.0);\n"
                                   "}\n";

/* The queries answer the app's names and the range it gave. */
static void texbuffer_queries(struct gp_frame *f, GLuint buf, GLint align)
{
	GLint bound = -1, store = -1, offset = -1, size = -1;
	glGetIntegerv(GL_TEXTURE_BUFFER_BINDING_OES, &bound);
	glGetTexLevelParameteriv(GL_TEXTURE_BUFFER_OES, 0, GL_TEXTURE_BUFFER_DATA_STORE_BINDING_OES,
	                         &store);
	glGetTexLevelParameteriv(GL_TEXTURE_BUFFER_OES, 0, GL_TEXTURE_BUFFER_OFFSET_OES, &offset);
	glGetTexLevelParameteriv(GL_TEXTURE_BUFFER_OES, 0, GL_TEXTURE_BUFFER_SIZE_OES, &size);
	char why[160];
	snprintf(why, sizeof(why),
	         "binding %d, data store %d (buffer %u), offset %d (%d), size %d (16)", bound,
	         store, buf, offset, align, size);
	ge_result(f, "texbuffer-queries",
	          bound == (GLint)buf && store == (GLint)buf && offset == align && size == 16, why);
}

void ge_draw_texbuffer(struct gp_frame *f)
{
	const char *what = "texbuffer";
	PFNGLTEXBUFFERRANGEOESPROC tex_buffer_range =
	        (PFNGLTEXBUFFERRANGEOESPROC)eglGetProcAddress("glTexBufferRangeOES");
	if (!has_extension(f, what, "GL_OES_texture_buffer") || !tex_buffer_range)
		return;
	GLint align = 0;
	glGetIntegerv(GL_TEXTURE_BUFFER_OFFSET_ALIGNMENT_OES, &align);
	if (align < 4 || align > 256) {
		ge_result(f, "texbuffer-alignment", false, "GL_TEXTURE_BUFFER_OFFSET_ALIGNMENT");
		return;
	}
	/* Decoy texels up to the offset, then the 4 the quadrants show. */
	uint8_t bytes[256 + 16];
	for (GLint i = 0; i < align + 16; i += 4) {
		uint32_t rgb = i < align ? DECOY_RGB : texel_rgb[(i - align) / 4];
		bytes[i] = (uint8_t)(rgb >> 16), bytes[i + 1] = (uint8_t)(rgb >> 8);
		bytes[i + 2] = (uint8_t)rgb, bytes[i + 3] = 0xff;
	}
	GLuint buf, tex;
	glGenBuffers(1, &buf);
	glBindBuffer(GL_TEXTURE_BUFFER_OES, buf);
	glBufferData(GL_TEXTURE_BUFFER_OES, align + 16, bytes, GL_STATIC_DRAW);
	glGenTextures(1, &tex);
	glActiveTexture(GL_TEXTURE0);
	glBindTexture(GL_TEXTURE_BUFFER_OES, tex);
	tex_buffer_range(GL_TEXTURE_BUFFER_OES, GL_RGBA8, buf, align, 16);
	gp_expect_no_error(f, "texbuffer: glTexBufferRangeOES");
	texbuffer_queries(f, buf, align);
	static const GLenum types[] = {GL_VERTEX_SHADER, GL_FRAGMENT_SHADER};
	const char *const srcs[] = {texbuffer_vs, texbuffer_fs};
	GLuint prog = ge_stage_program(f, what, types, srcs, 2);
	if (prog) {
		glUseProgram(prog);
		glUniform1i(glGetUniformLocation(prog, "texels"), 0);
		struct ge_rect r = ge_region_rect(GE_TEXBUFFER);
		ge_draw_quad(f, what, prog, r);
		for (int i = 0; i < 4; i++)
			ge_probe(f, what, r, 0.25f + 0.5f * (float)(i % 2),
			         0.25f + 0.5f * (float)(i / 2), texel_rgb[i]);
		glDeleteProgram(prog);
	}
	glBindTexture(GL_TEXTURE_BUFFER_OES, 0);
	glDeleteTextures(1, &tex);
	glDeleteBuffers(1, &buf);
	gp_expect_no_error(f, "texbuffer: clean-up");
}

/* --- tessellation: a patch of 4 corners made a quad --- */

static const char patch_vs[] = "#version 310 es\n"
                               "layout(location = 0) in vec2 pos;\n"
                               "void main() { gl_Position = vec4(pos, 0.0, 1.0); }\n";
static const char patch_tcs[] = "#version 310 es\n"
                                "#extension GL_OES_tessellation_shader : require\n"
                                "layout(vertices = 4) out;\n"
                                "void main() {\n"
                                "  gl_out[gl_InvocationID].gl_Position =\n"
                                "      gl_in[gl_InvocationID].gl_Position;\n"
                                "  gl_TessLevelOuter[0] = 2.0; gl_TessLevelOuter[1] = 2.0;\n"
                                "  gl_TessLevelOuter[2] = 2.0; gl_TessLevelOuter[3] = 2.0;\n"
                                "  gl_TessLevelInner[0] = 2.0; gl_TessLevelInner[1] = 2.0;\n"
                                "}\n";
static const char patch_tes[] =
        "#version 310 es\n"
        "#extension GL_OES_tessellation_shader : require\n"
        "layout(quads, equal_spacing, ccw) in;\n"
        "out highp float u;\n"
        "void main() {\n"
        "  u = gl_TessCoord.x;\n"
        "  vec4 bottom = mix(gl_in[0].gl_Position, gl_in[1].gl_Position, gl_TessCoord.x);\n"
        "  vec4 top = mix(gl_in[3].gl_Position, gl_in[2].gl_Position, gl_TessCoord.x);\n"
        "  gl_Position = mix(bottom, top, gl_TessCoord.y);\n"
        "}\n";
static const char patch_fs[] = "#version 310 es\n"
                               "precision mediump float;\n"
                               "uniform vec3 left, right;\n"
                               "in highp float u;\n"
                               "out vec4 o;\n"
                               "void main() { o = vec4(u < 0.5 ? left : right, 1.0); }\n";

void ge_draw_tessellation(struct gp_frame *f)
{
	const char *what = "tessellation";
	PFNGLPATCHPARAMETERIOESPROC patch_parameteri =
	        (PFNGLPATCHPARAMETERIOESPROC)eglGetProcAddress("glPatchParameteriOES");
	if (!has_extension(f, what, "GL_OES_tessellation_shader") || !patch_parameteri)
		return;
	static const GLenum types[] = {GL_VERTEX_SHADER, GL_TESS_CONTROL_SHADER_OES,
	                               GL_TESS_EVALUATION_SHADER_OES, GL_FRAGMENT_SHADER};
	const char *const srcs[] = {patch_vs, patch_tcs, patch_tes, patch_fs};
	GLuint prog = ge_stage_program(f, what, types, srcs, 4);
	if (!prog)
		return;
	/* The patch covers the middle of the region: corners BL, BR, TR, TL. */
	struct ge_rect r = ge_region_rect(GE_TESSELLATION);
	float ndc[4], left[3], right[3];
	ge_rect_ndc(r, ndc);
	float x0 = ndc[0] + 0.2f * ndc[2], x1 = ndc[0] + 0.8f * ndc[2];
	float y0 = ndc[1] + 0.2f * ndc[3], y1 = ndc[1] + 0.8f * ndc[3];
	const float corners[] = {x0, y0, x1, y0, x1, y1, x0, y1};
	GLuint vao, buf;
	glGenVertexArrays(1, &vao);
	glBindVertexArray(vao);
	glGenBuffers(1, &buf);
	glBindBuffer(GL_ARRAY_BUFFER, buf);
	glBufferData(GL_ARRAY_BUFFER, sizeof(corners), corners, GL_STATIC_DRAW);
	glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, (const void *)0);
	glEnableVertexAttribArray(0);
	glUseProgram(prog);
	rgb_float(TESS_LEFT_RGB, left);
	rgb_float(TESS_RIGHT_RGB, right);
	glUniform3fv(glGetUniformLocation(prog, "left"), 1, left);
	glUniform3fv(glGetUniformLocation(prog, "right"), 1, right);
	patch_parameteri(GL_PATCH_VERTICES_OES, 4);
	glDrawArrays(GL_PATCHES_OES, 0, 4);
	glBindVertexArray(0);
	glDeleteVertexArrays(1, &vao);
	glDeleteBuffers(1, &buf);
	glDeleteProgram(prog);
	gp_expect_no_error(f, what);
	ge_probe(f, what, r, 0.3f, 0.5f, TESS_LEFT_RGB);
	ge_probe(f, what, r, 0.7f, 0.5f, TESS_RIGHT_RGB);
	ge_probe(f, what, r, 0.1f, 0.5f, GE_CLEAR_RGB);
	ge_probe(f, what, r, 0.9f, 0.9f, GE_CLEAR_RGB);
}
