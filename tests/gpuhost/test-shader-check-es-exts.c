/*
 * glslang's gate for the shading-language extensions glslang 12 lacks and
 * the stand-ins spell for it (gpuhost/shader-check/shader-standins*.c): each
 * extension's shaders pass where the context has it and are refused
 * where it does not, and their other errors are still found, on the
 * app's own lines. Each case is one meson test; the program takes the
 * case's name.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <GLES3/gl32.h>

#include "check.h"
#include "shader-check.h"

struct shader {
	uint32_t type;
	const char *src;
};

static enum gh_shader_verdict check(const struct shader *s, unsigned exts, char **log)
{
	return gh_shader_check_ext(GH_SHADER_API_GLES, s->type, s->src, strlen(s->src), exts, log);
}

/* Each of `good` passes with `ext` and is refused without it. */
static bool accepted_only_with(const struct shader *good, size_t n, unsigned ext)
{
	for (size_t i = 0; i < n; i++) {
		char *log = NULL;
		enum gh_shader_verdict v = check(&good[i], ext, &log);
		CHECK(v == GH_SHADER_ACCEPTED, "verdict %d, log:\n%s---\n%s", v, log ? log : "",
		      good[i].src);
		v = check(&good[i], ~ext & ((1u << 11) - 1), &log);
		CHECK(v == GH_SHADER_REFUSED, "accepted without the extension:\n%s", good[i].src);
		free(log);
	}
	return true;
}

/* `bad` is refused with `ext`, its log naming `line` ("0:N:") and `what`. */
static bool refused_at(const struct shader *bad, unsigned ext, const char *line, const char *what)
{
	char *log = NULL;
	enum gh_shader_verdict v = check(bad, ext, &log);
	CHECK(v == GH_SHADER_REFUSED && log && strstr(log, line) && strstr(log, what),
	      "verdict %d, log:\n%s---\n%s", v, log ? log : "", bad->src);
	free(log);
	return true;
}

static bool texture_query_lod_is_checked_where_the_context_has_it(void)
{
	static const struct shader good[] = {
	        {GL_FRAGMENT_SHADER,
	         "#version 300 es\n"
	         "#extension GL_EXT_texture_query_lod : require\n"
	         "#ifndef GL_EXT_texture_query_lod\n#error no macro\n#endif\n"
	         "precision highp float;\n"
	         "uniform sampler2D s; uniform highp isampler3D i;\n"
	         "uniform highp sampler2DArrayShadow a; in vec2 p; out vec4 c;\n"
	         "void main() { c = vec4(textureQueryLOD(s, p), "
	         "textureQueryLOD(i, p.xyx) + textureQueryLOD(a, p)); }\n"},
	        /* Cube map arrays: ES 3.2, or an earlier #extension of them. */
	        {GL_FRAGMENT_SHADER, "#version 310 es\n"
	                             "#extension GL_EXT_texture_cube_map_array : require\n"
	                             "#extension GL_EXT_texture_query_lod : require\n"
	                             "precision highp float; uniform highp samplerCubeArray s;\n"
	                             "out vec4 c; void main() { c = "
	                             "textureQueryLOD(s, vec3(1.0)).xyxy; }\n"},
	};
	unsigned ext = GH_SHADER_EXT_TEXTURE_QUERY_LOD;
	if (!accepted_only_with(good, 2, ext))
		return false;
	/* A fragment shader function: not in vertex shaders. */
	static const struct shader vs = {GL_VERTEX_SHADER,
	                                 "#version 300 es\n"
	                                 "#extension GL_EXT_texture_query_lod : require\n"
	                                 "uniform sampler2D s;\n"
	                                 "void main() { gl_Position = textureQueryLOD(s, "
	                                 "vec2(0.0)).xyxy; }\n"};
	char *log = NULL;
	CHECK(check(&vs, ext, &log) == GH_SHADER_REFUSED, "accepted in a vertex shader");
	free(log);
	/* A wrong coordinate size is still an error, on its line. */
	static const struct shader bad = {
	        GL_FRAGMENT_SHADER, "#version 300 es\n"
	                            "#extension GL_EXT_texture_query_lod : require\n"
	                            "precision highp float; uniform sampler2D s; out vec4 c;\n"
	                            "void main() {\n"
	                            "  c = textureQueryLOD(s, vec3(0.0)).xyxy; }\n"};
	if (!refused_at(&bad, ext, "0:5:", "no matching overloaded function"))
		return false;
	/* A macro of a name the stand-ins respell: glslang would check the stand-in's call
	 * while the driver expands the macro's body, which glslang never sees (accepted
	 * before 2026-12-08). */
	static const struct shader macro = {
	        GL_FRAGMENT_SHADER, "#version 300 es\n"
	                            "#extension GL_EXT_texture_query_lod : require\n"
	                            "#define textureQueryLOD(s, p) undeclared(s)\n"
	                            "precision highp float; uniform sampler2D s; out vec4 c;\n"
	                            "void main() { c = textureQueryLOD(s, vec2(0.0)).xyxy; }\n"};
	return refused_at(&macro, ext, "0:3:", "a macro of a name");
}

static bool texture_shadow_lod_is_checked_where_the_context_has_it(void)
{
	static const struct shader good[] = {
	        {GL_FRAGMENT_SHADER,
	         "#version 300 es\n"
	         "#extension GL_EXT_texture_shadow_lod : require\n"
	         "precision highp float;\n"
	         "uniform highp sampler2DArrayShadow a; uniform highp samplerCubeShadow cs;\n"
	         "uniform sampler2D s; uniform highp usampler3D u; uniform vec4 p; out vec4 c;\n"
	         "void main() {\n"
	         "  float f = texture(a, p, 1.0) + texture(a, p);\n"
	         "  f += textureOffset(a, p, ivec2(1), 1.0) + textureOffset(a, p, ivec2(1));\n"
	         "  f += textureLod(a, p, 1.0) + textureLodOffset(a, p, 1.0, ivec2(1));\n"
	         "  f += textureLod(cs, p, 2.0);\n"
	         "  c = texture(s, p.xy) + textureLod(s, p.xy, 1.0) + vec4(texture(u, p.xyz));\n"
	         "  c += textureOffset(s, p.xy, ivec2(1), 0.5) + vec4(f); }\n"},
	        {GL_VERTEX_SHADER, "#version 320 es\n"
	                           "#extension GL_EXT_texture_shadow_lod : require\n"
	                           "uniform highp samplerCubeArrayShadow s; uniform vec4 p;\n"
	                           "void main() { gl_Position = vec4(textureLod(s, p, 0.5, 1.0) + "
	                           "texture(s, p, 0.5)); }\n"},
	};
	unsigned ext = GH_SHADER_EXT_TEXTURE_SHADOW_LOD;
	if (!accepted_only_with(good, 2, ext))
		return false;
	/* Biases are for fragment shaders; a wrong argument is still found. */
	static const struct shader vs_bias = {
	        GL_VERTEX_SHADER, "#version 300 es\n"
	                          "#extension GL_EXT_texture_shadow_lod : require\n"
	                          "uniform highp sampler2DArrayShadow a;\n"
	                          "void main() {\n"
	                          "  gl_Position = vec4(texture(a, vec4(0.0), 1.0)); }\n"};
	static const struct shader bad = {
	        GL_FRAGMENT_SHADER, "#version 300 es\n"
	                            "#extension GL_EXT_texture_shadow_lod : require\n"
	                            "precision highp float; uniform sampler2D s; out vec4 c;\n"
	                            "void main() {\n"
	                            "  c = texture(s, 1.0); }\n"};
	return refused_at(&vs_bias, ext, "0:5:", "no matching overloaded function") &&
	       refused_at(&bad, ext, "0:5:", "no matching overloaded function");
}

static bool clip_cull_distance_is_checked_where_the_context_has_it(void)
{
	static const struct shader good[] = {
	        {GL_VERTEX_SHADER, "#version 300 es\n"
	                           "#extension GL_EXT_clip_cull_distance : require\n"
	                           "in vec4 p;\n"
	                           "void main() { gl_Position = p;\n"
	                           "  gl_ClipDistance[0] = p.x; gl_CullDistance[1] = p.y;\n"
	                           "  gl_ClipDistance[gl_MaxClipDistances - 1] = 1.0; }\n"},
	        {GL_VERTEX_SHADER, "#version 300 es\n"
	                           "#extension GL_EXT_clip_cull_distance : enable\n"
	                           "out highp float gl_ClipDistance[2];\n"
	                           "void main() { gl_Position = vec4(0.0);\n"
	                           "  gl_ClipDistance[1] = float(gl_MaxCombinedClipAndCullDistances"
	                           " + gl_MaxCullDistances); }\n"},
	        {GL_FRAGMENT_SHADER, "#version 300 es\n"
	                             "#extension GL_EXT_clip_cull_distance : require\n"
	                             "precision highp float; out vec4 c;\n"
	                             "void main() { c = vec4(gl_ClipDistance[0], "
	                             "gl_CullDistance[0], 0.0, 1.0); }\n"},
	};
	unsigned ext = GH_SHADER_EXT_CLIP_CULL_DISTANCE;
	if (!accepted_only_with(good, 3, ext))
		return false;
	static const struct shader bad = {GL_VERTEX_SHADER,
	                                  "#version 300 es\n"
	                                  "#extension GL_EXT_clip_cull_distance : require\n"
	                                  "void main() { gl_Position = vec4(0.0);\n"
	                                  "  gl_ClipDistance[0] = vec2(1.0); }\n"};
	return refused_at(&bad, ext, "0:4:", "assign");
}

static bool group_vote_and_fetch_depth_stencil_are_checked_where_the_context_has_them(void)
{
	static const struct shader vote[] = {
	        {GL_FRAGMENT_SHADER, "#version 300 es\n"
	                             "#extension GL_EXT_shader_group_vote : require\n"
	                             "precision highp float; in float v; out vec4 c;\n"
	                             "void main() { bool a = anyInvocationEXT(v > 0.5);\n"
	                             "  c = vec4(a, allInvocationsEXT(v > 0.0), "
	                             "allInvocationsEqualEXT(a), 1.0); }\n"},
	        {GL_VERTEX_SHADER, "#version 100\n"
	                           "#extension GL_EXT_shader_group_vote : enable\n"
	                           "attribute vec4 p;\n"
	                           "void main() { gl_Position = anyInvocationEXT(p.x > 0.0) ? p "
	                           ": -p; }\n"},
	};
	static const struct shader fetch[] = {
	        {GL_FRAGMENT_SHADER, "#version 100\n"
	                             "#extension GL_ARM_shader_framebuffer_fetch_depth_stencil : "
	                             "require\n"
	                             "void main() { gl_FragColor = vec4(gl_LastFragDepthARM, "
	                             "float(gl_LastFragStencilARM), 0.0, 1.0); }\n"},
	        {GL_FRAGMENT_SHADER, "#version 310 es\n"
	                             "#extension GL_ARM_shader_framebuffer_fetch_depth_stencil : "
	                             "require\n"
	                             "precision mediump float; out vec4 c;\n"
	                             "void main() { c = vec4(gl_LastFragDepthARM); }\n"},
	};
	if (!accepted_only_with(vote, 2, GH_SHADER_EXT_GROUP_VOTE) ||
	    !accepted_only_with(fetch, 2, GH_SHADER_EXT_FETCH_DEPTH_STENCIL))
		return false;
	static const struct shader bad_vote = {
	        GL_FRAGMENT_SHADER, "#version 300 es\n"
	                            "#extension GL_EXT_shader_group_vote : require\n"
	                            "precision highp float; out vec4 c;\n"
	                            "void main() { c = vec4(anyInvocationEXT(1.0)); }\n"};
	return refused_at(&bad_vote, GH_SHADER_EXT_GROUP_VOTE,
	                  "0:4:", "no matching overloaded function");
}

static bool integer_functions_are_checked_where_the_context_has_them(void)
{
	static const struct shader good[] = {
	        {GL_VERTEX_SHADER,
	         "#version 300 es\n"
	         "#extension GL_MESA_shader_integer_functions : require\n"
	         "uniform highp uvec2 u; uniform highp ivec4 i;\n"
	         "void main() { highp uvec2 carry, lo, hi;\n"
	         "  uvec2 s = uaddCarry(u, u, carry); umulExtended(u, u, hi, lo);\n"
	         "  int b = bitCount(i.x) + findMSB(u.y) + bitfieldExtract(i, 1, "
	         "2).x;\n"
	         "  highp ivec2 e; vec2 m = frexp(vec2(s), e);\n"
	         "  gl_Position = vec4(ldexp(m, e), float(b), "
	         "float(bitfieldReverse(carry.x))); }\n"},
	        /* GLSL ES 3.10 has the functions; the implicit conversions
	         * are the extension's. */
	        {GL_VERTEX_SHADER, "#version 310 es\n"
	                           "#extension GL_MESA_shader_integer_functions : require\n"
	                           "uniform highp int i;\n"
	                           "void main() { uint u = i; float f = u;\n"
	                           "  gl_Position = vec4(f, float(bitCount(u)), 0.0, 1.0); }\n"},
	};
	return accepted_only_with(good, 2, GH_SHADER_EXT_INTEGER_FUNCTIONS);
}

/* Where the extensions glslang does know are used: nothing to spell. */
static bool known_extensions_of_the_batch_are_accepted(void)
{
	static const struct shader good[] = {
	        {GL_FRAGMENT_SHADER, "#version 300 es\n"
	                             "#extension GL_EXT_shader_integer_mix : require\n"
	                             "#extension GL_NV_shader_noperspective_interpolation : "
	                             "require\n"
	                             "precision highp float; noperspective in vec4 v; out vec4 c;\n"
	                             "void main() { ivec2 x = mix(ivec2(1), ivec2(2), "
	                             "bvec2(true, false)); c = v + vec4(x, 0, 1); }\n"},
	        {0x91B9 /* compute */, "#version 310 es\n"
	                               "#extension GL_OES_shader_image_atomic : require\n"
	                               "layout(local_size_x = 1) in;\n"
	                               "layout(r32ui, binding = 0) uniform highp uimage2D img;\n"
	                               "void main() { imageAtomicAdd(img, ivec2(0), 1u); }\n"},
	};
	for (size_t i = 0; i < 2; i++) {
		char *log = NULL;
		enum gh_shader_verdict v = check(&good[i], 0, &log);
		CHECK(v == GH_SHADER_ACCEPTED, "verdict %d, log:\n%s", v, log ? log : "");
	}
	return true;
}

/* EXT_texture_array in desktop GLSL 1.10/1.20 (shader-texture-array.c): accepted in a
 * compatibility context that has it, refused in one that does not, its wrong calls and
 * the shader's other errors still found on their own lines, and its names left alone
 * where the shader does not enable it. */
static bool texture_array_is_checked_where_the_context_has_it(void)
{
	static const char *const good[] = {
	        "#version 110\n#extension GL_EXT_texture_array : enable\n"
	        "varying vec4 t; uniform sampler1DArrayShadow s;\n"
	        "void main() { gl_FragColor = shadow1DArray(s, vec3(t.x, 0.0, t.y)); }\n",
	        "#version 120\n/* arrays */ #extension GL_EXT_texture_array : require\n"
	        "uniform sampler2DArray a; uniform sampler2DArrayShadow b; uniform "
	        "sampler1DArray c;\nvoid main() {\n#ifdef GL_EXT_texture_array\n"
	        "gl_FragColor = texture2DArray(a, vec3(0.5), 1.0) + shadow2DArray(b, vec4(0.5)) + "
	        "texture1DArray(c, vec2(0.5));\n#endif\n}\n",
	        /* piglit's: the function through a macro of its own */
	        "#version 120\n#extension GL_EXT_texture_array : require\n"
	        "#define piglit_texture2DArray texture2DArray\n#define tex(s, c) texture2DArray(s, "
	        "c)\n"
	        "varying vec3 t; uniform sampler2DArray samp;\n"
	        "void main() { gl_FragColor = piglit_texture2DArray(samp, t) + tex(samp, t); }\n",
	};
	for (size_t i = 0; i < 3; i++) {
		char *log = NULL;
		enum gh_shader_verdict v =
		        gh_shader_check_ext(GH_SHADER_API_GL_COMPAT, GL_FRAGMENT_SHADER, good[i],
		                            strlen(good[i]), GH_SHADER_EXT_TEXTURE_ARRAY, &log);
		CHECK(v == GH_SHADER_ACCEPTED, "verdict %d, log:\n%s---\n%s", v, log ? log : "",
		      good[i]);
		v = gh_shader_check_ext(GH_SHADER_API_GL_COMPAT, GL_FRAGMENT_SHADER, good[i],
		                        strlen(good[i]), 0, &log);
		CHECK(v == GH_SHADER_REFUSED, "accepted without the extension:\n%s", good[i]);
		free(log);
	}
	/* Core contexts offer it too, with GLSL 1.30 and later, which has the array types: its
	 * #extension line taken, the shader checked as it is (its errors still found). */
	static const char core330[] = "#version 330\n#extension GL_EXT_texture_array : require\n"
	                              "uniform sampler2DArray a; out vec4 c;\n"
	                              "void main() { c = texture(a, vec3(0.5)); }\n";
	static const char core330_bad[] =
	        "#version 330\n#extension GL_EXT_texture_array : require\n"
	        "uniform sampler2DArray a; out vec4 c;\n"
	        "void main() { c = texture(a, vec2(0.5)); }\n";
	char *core_log = NULL;
	enum gh_shader_verdict cv =
	        gh_shader_check_ext(GH_SHADER_API_GL_CORE, GL_FRAGMENT_SHADER, core330,
	                            strlen(core330), GH_SHADER_EXT_TEXTURE_ARRAY, &core_log);
	CHECK(cv == GH_SHADER_ACCEPTED, "core 3.30: verdict %d, log:\n%s", cv,
	      core_log ? core_log : "");
	free(core_log);
	core_log = NULL;
	cv = gh_shader_check_ext(GH_SHADER_API_GL_CORE, GL_FRAGMENT_SHADER, core330_bad,
	                         strlen(core330_bad), GH_SHADER_EXT_TEXTURE_ARRAY, &core_log);
	CHECK(cv == GH_SHADER_REFUSED && core_log && strstr(core_log, "0:4:"),
	      "core 3.30 with a wrong coordinate: verdict %d, log:\n%s", cv,
	      core_log ? core_log : "");
	free(core_log);
	static const struct {
		const char *src, *line, *what;
	} bad[] = {
	        /* shadow1DArray's coordinate is a vec3 */
	        {"#version 110\n#extension GL_EXT_texture_array : enable\n"
	         "uniform sampler1DArrayShadow s;\n"
	         "void main() { gl_FragColor = shadow1DArray(s, vec2(0.5)); }\n",
	         "0:4:", "no matching overloaded function"},
	        /* an error of the shader's own, after the extension's names */
	        {"#version 110\n#extension GL_EXT_texture_array : enable\n"
	         "uniform sampler2DArray s;\nvoid main() {\n"
	         "gl_FragColor = texture2DArray(s, vec3(0.5)) + undeclared;\n}\n",
	         "0:5:", "undeclared"},
	        /* not enabled: glslang 1.10 knows no such type */
	        {"#version 110\nuniform sampler2DArray s;\n"
	         "void main() { gl_FragColor = texture2DArray(s, vec3(0.5)); }\n",
	         "0:2:", "syntax error"},
	        /* a macro of one of the names: glslang would check the respelled call where
	         * the driver expands the macro's body (shader-check.c refuses it) */
	        {"#version 120\n#extension GL_EXT_texture_array : require\n"
	         "#define texture2DArray(s, c) texture3D(s, c)\n"
	         "uniform sampler2DArray s;\n"
	         "void main() { gl_FragColor = texture2DArray(s, vec3(0.5)); }\n",
	         "0:3:", "a macro of a name"},
	        /* a macro's body respelled as code is: its wrong call still found */
	        {"#version 120\n#extension GL_EXT_texture_array : require\n"
	         "#define tex(s) texture2DArray(s, vec2(0.5))\n"
	         "uniform sampler2DArray s;\n"
	         "void main() { gl_FragColor = tex(s); }\n",
	         "0:5:", "no matching overloaded function"},
	};
	for (size_t i = 0; i < 5; i++) {
		char *log = NULL;
		enum gh_shader_verdict v =
		        gh_shader_check_ext(GH_SHADER_API_GL_COMPAT, GL_FRAGMENT_SHADER, bad[i].src,
		                            strlen(bad[i].src), GH_SHADER_EXT_TEXTURE_ARRAY, &log);
		CHECK(v == GH_SHADER_REFUSED && log && strstr(log, bad[i].line) &&
		              strstr(log, bad[i].what),
		      "verdict %d, log:\n%s---\n%s", v, log ? log : "", bad[i].src);
		free(log);
	}
	return true;
}

/* EXT_gpu_shader4 in desktop GLSL 1.10/1.20 (shader-gpu-shader4.c, checked as 1.40): its
 * integer types, samplers, functions and varyings accepted in a compatibility context that has
 * it, refused in one that does not, its wrong calls and the shader's other errors still found
 * on their own lines. */
static bool gpu_shader4_is_checked_where_the_context_has_it(void)
{
	static const struct {
		uint32_t type;
		const char *src;
	} good[] = {
	        /* piglit's arb_texture_buffer_object-formats (fs, gpu_shader4), unsigned */
	        {GL_FRAGMENT_SHADER,
	         "#version 120\n#extension GL_EXT_gpu_shader4: require\n"
	         "uniform usamplerBuffer s;\nuniform int pos;\nuniform uvec4 expected;"
	         "void main()\n{\n\tuvec4 result = texelFetchBuffer(s, pos);\n"
	         "\tuvec4 delta = result - expected;\n"
	         "\tbvec4 fail = greaterThanEqual(abs(delta), ivec4(1));\n"
	         "\tif (any(fail)) {\n\t\tgl_FragColor = 0.25 + 0.5 * vec4(fail);\n"
	         "\t} else {\n\t\tgl_FragColor = vec4(0.0, 1.0, 0.0, 0.0);\n\t}\n}\n"},
	        {GL_VERTEX_SHADER,
	         "#extension GL_EXT_gpu_shader4 : require\n"
	         "attribute vec4 pos;\nattribute unsigned int x;\nuniform unsigned int w;\n"
	         "flat varying unsigned /* c */\nint v;\nnoperspective varying vec2 t;\n"
	         "centroid noperspective varying vec2 t2;\ncentroid\tflat varying int t3;\n"
	         "uniform isampler2D s;\nuniform sampler2DRect r;\n"
	         "void main() {\n  gl_Position = pos + vec4(gl_VertexID % 3 << 1 & 7);\n"
	         "  unsigned int u = unsigned int(pos.x) ^ 1u;\n  v = u + unsigned int(x) + w;\n"
	         "  t = vec2(texture2DLod(s, pos.xy, 0.0).xy + texelFetch2DOffset(s, "
	         "ivec2(0), 0, ivec2(1)).xy + textureSize2D(s, 0)) + texture2DRect(r, pos.xy).xy;\n"
	         "  t.x += truncate(pos.z);\n  t2 = t;\n  t3 = 1;\n}\n"},
	        {GL_FRAGMENT_SHADER,
	         "#version 110\n#extension GL_EXT_gpu_shader4 : enable\n"
	         "flat varying ivec4 i4;\nuniform usampler1D u;\nuniform samplerBuffer b;\n"
	         "varying vec4 c;\n"
	         "varying out uvec4 o;\nvarying\nout ivec2 o2;\n"
	         "void main() { o = uvec4(i4) + uvec4(gl_PrimitiveID) + "
	         "texture1DProjGradOffset(u, c.xy, 1.0, 1.0, 1);\n"
	         "#ifdef GL_EXT_gpu_shader4\n o2 = ivec2(textureSizeBuffer(b));\n#endif\n}\n"},
	};
	const unsigned g4 = GH_SHADER_EXT_GPU_SHADER4;
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		char *log = NULL;
		enum gh_shader_verdict v =
		        gh_shader_check_ext(GH_SHADER_API_GL_COMPAT, good[i].type, good[i].src,
		                            strlen(good[i].src), g4, &log);
		CHECK(v == GH_SHADER_ACCEPTED, "verdict %d, log:\n%s---\n%s", v, log ? log : "",
		      good[i].src);
		v = gh_shader_check_ext(GH_SHADER_API_GL_COMPAT, good[i].type, good[i].src,
		                        strlen(good[i].src), 0, &log);
		CHECK(v == GH_SHADER_REFUSED, "accepted without the extension:\n%s", good[i].src);
		free(log);
	}
	static const struct {
		uint32_t type;
		const char *src, *line, *what;
	} bad[] = {
	        /* texelFetchBuffer's coordinate is an int */
	        {GL_FRAGMENT_SHADER,
	         "#version 120\n#extension GL_EXT_gpu_shader4 : require\n"
	         "uniform isamplerBuffer s;\n"
	         "void main() { gl_FragColor = vec4(texelFetchBuffer(s, vec2(0.5))); }\n",
	         "0:4:", "no matching overloaded function"},
	        /* an error of the shader's own, after the extension's words */
	        {GL_VERTEX_SHADER,
	         "#version 120\n#extension GL_EXT_gpu_shader4 : require\n"
	         "attribute unsigned int x;\nvoid main() {\n"
	         "gl_Position = vec4(float(x)) + undeclared;\n}\n",
	         "0:5:", "undeclared"},
	        /* an unsigned int is no int */
	        {GL_VERTEX_SHADER,
	         "#version 120\n#extension GL_EXT_gpu_shader4 : require\n"
	         "void main() {\nunsigned int u = 1u;\nint i = u;\ngl_Position = vec4(i);\n}\n",
	         "0:5:", "cannot convert"},
	        /* the shadow functions it adds are not respelled (a false refusal) */
	        {GL_FRAGMENT_SHADER,
	         "#version 120\n#extension GL_EXT_gpu_shader4 : require\n"
	         "uniform sampler2DShadow s;\n"
	         "void main() { gl_FragColor = shadow2DOffset(s, vec3(0.5), ivec2(1)); }\n",
	         "0:4:", "shadow2DOffset"},
	        /* a macro of a respelled name: its body, which glslang would never see, is
	         * what the driver compiles (accepted before 2026-12-08) */
	        {GL_FRAGMENT_SHADER,
	         "#version 120\n#extension GL_EXT_gpu_shader4 : require\n"
	         "#define texture2DLod(s, c, l) undeclared(s)\nuniform sampler2D s;\n"
	         "void main() { gl_FragColor = texture2DLod(s, vec2(0.5), 0.0); }\n",
	         "0:3:", "a macro of a name"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char *log = NULL;
		enum gh_shader_verdict v =
		        gh_shader_check_ext(GH_SHADER_API_GL_COMPAT, bad[i].type, bad[i].src,
		                            strlen(bad[i].src), g4, &log);
		CHECK(v == GH_SHADER_REFUSED && log && strstr(log, bad[i].line) &&
		              strstr(log, bad[i].what),
		      "verdict %d, log:\n%s---\n%s", v, log ? log : "", bad[i].src);
		free(log);
	}
	return true;
}

static const struct {
	const char *name;
	bool (*run)(void);
} cases[] = {
#define CASE(fn)                                                                                   \
	{                                                                                          \
#fn, fn                                                                            \
	}
        CASE(texture_query_lod_is_checked_where_the_context_has_it),
        CASE(texture_shadow_lod_is_checked_where_the_context_has_it),
        CASE(clip_cull_distance_is_checked_where_the_context_has_it),
        CASE(group_vote_and_fetch_depth_stencil_are_checked_where_the_context_has_them),
        CASE(integer_functions_are_checked_where_the_context_has_them),
        CASE(known_extensions_of_the_batch_are_accepted),
        CASE(texture_array_is_checked_where_the_context_has_it),
        CASE(gpu_shader4_is_checked_where_the_context_has_it),
#undef CASE
};

int main(int argc, char **argv)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (argc != 2 || strcmp(argv[1], cases[i].name))
			continue;
		if (!gh_shader_check_init()) {
			fprintf(stderr, "glslang does not initialise\n");
			return 1;
		}
		return cases[i].run() ? 0 : 1;
	}
	fprintf(stderr, "usage: %s CASE\n", argv[0]);
	return 2;
}
