/*
 * glslang's gate for desktop GLSL that glslang 12 reads otherwise than the
 * GLSL spec and the extensions' specs (gpuhost/shader-check/shader-desktop.c): such
 * shaders pass, and the same shaders without what makes them valid, or
 * with another error, are still refused. Each case is one meson test; the
 * program takes the case's name.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <GLES3/gl32.h>

#include "check.h"
#include "shader-check.h"

#define COMPUTE 0x91B9
#define GEOMETRY 0x8DD9

static bool accepted(enum gh_shader_api api, uint32_t type, const char *src)
{
	char *log = NULL;
	enum gh_shader_verdict v = gh_shader_check_ext(api, type, src, strlen(src), 0, &log);
	CHECK(v == GH_SHADER_ACCEPTED, "verdict %d, log:\n%s---\n%s", v, log ? log : "", src);
	free(log);
	return true;
}

/* Refused, with a log containing `phrase`. */
static bool refused(enum gh_shader_api api, uint32_t type, const char *src, const char *phrase)
{
	char *log = NULL;
	enum gh_shader_verdict v = gh_shader_check_ext(api, type, src, strlen(src), 0, &log);
	CHECK(v == GH_SHADER_REFUSED && log, "verdict %d for:\n%s", v, src);
	bool has = strstr(log, phrase) != NULL;
	if (!has)
		fprintf(stderr, "log without \"%s\":\n%s", phrase, log);
	free(log);
	CHECK(has, "for:\n%s", src);
	return true;
}

/* piglit's glsl-1.40 fs-inverse-mat2: GLSL 1.40 has inverse(), not determinant(). */
static bool inverse_is_glsl_140(void)
{
	static const char fs[] = "#version 140\nuniform mat2 m2;\nuniform mat3 m3;\n"
	                         "uniform mat4 m4;\nout vec4 o;\n"
	                         "void main() {\n"
	                         "  o = vec4(inverse(m2)[0], inverse(m3)[1].xy) + inverse(m4)[2];\n"
	                         "}\n";
	static const char determinant[] = "#version 140\nuniform mat2 m;\nout vec4 o;\n"
	                                  "void main() { o = vec4(determinant(m)); }\n";
	static const char wrong_type[] = "#version 140\nuniform vec2 v;\nout vec4 o;\n"
	                                 "void main() { o = vec4(inverse(v), 0.0, 0.0); }\n";
	static const char in_130[] = "#version 130\nuniform mat2 m;\nout vec4 o;\n"
	                             "void main() { o = vec4(inverse(m)[0], 0.0, 0.0); }\n";
	return accepted(GH_SHADER_API_GL_CORE, GL_FRAGMENT_SHADER, fs) &&
	       accepted(GH_SHADER_API_GL_COMPAT, GL_VERTEX_SHADER,
	                "#version 140\nin vec4 p;\nuniform mat3 m;\nout vec3 c;\n"
	                "void main() { c = inverse(m)[0]; gl_Position = p; }\n") &&
	       refused(GH_SHADER_API_GL_CORE, GL_FRAGMENT_SHADER, determinant, "'determinant'") &&
	       refused(GH_SHADER_API_GL_CORE, GL_FRAGMENT_SHADER, wrong_type, "'inverse'") &&
	       refused(GH_SHADER_API_GL_COMPAT, GL_FRAGMENT_SHADER, in_130, "'inverse'");
}

/* piglit's arb_texture_rectangle glsl-fs-shadow2DRect: GLSL 1.10 without an
 * #extension line, on a compatibility context (which offers the extension). */
static bool texture_rectangle_needs_no_extension_line(void)
{
	static const char fs[] =
	        "#version 110\nvarying vec4 t;\nuniform sampler2DRectShadow s;\n"
	        "uniform sampler2DRect r;\n"
	        "void main() {\n"
	        "  gl_FragColor = shadow2DRect(s, t.xyz) + texture2DRect(r, t.xy);\n"
	        "}\n";
	static const char disabled[] =
	        "#version 110\n"
	        "#extension GL_ARB_texture_rectangle : disable\n"
	        "uniform sampler2DRect r;\n"
	        "void main() { gl_FragColor = texture2DRect(r, vec2(0.0)); }\n";
	static const char junk[] = "#version 120\nuniform sampler2DRect r;\n"
	                           "void main() { gl_FragColor = texture2DRect(r, nothing); }\n";
	return accepted(GH_SHADER_API_GL_COMPAT, GL_FRAGMENT_SHADER, fs) &&
	       refused(GH_SHADER_API_GL_COMPAT, GL_FRAGMENT_SHADER, disabled, "sampler2DRect") &&
	       refused(GH_SHADER_API_GL_COMPAT, GL_FRAGMENT_SHADER, junk, "'nothing'") &&
	       /* Core contexts do not offer the extension. */
	       refused(GH_SHADER_API_GL_CORE, GL_FRAGMENT_SHADER, fs, "sampler2DRectShadow");
}

/* piglit's arb_compute_shader shared-atomicExchange-int: no #extension for
 * the atomic functions on shared variables. */
static bool compute_atomics_on_shared_need_no_extension(void)
{
	static const char cs[] = "#version 330\n#extension GL_ARB_compute_shader: require\n"
	                         "layout(local_size_x = 32) in;\nshared int v;\nshared uint m;\n"
	                         "void main() {\n"
	                         "  int old = atomicExchange(v, 2);\n"
	                         "  atomicOr(m, uint(old));\n"
	                         "  atomicCompSwap(v, 2, 3);\n"
	                         "}\n";
	static const char local[] = "#version 330\n#extension GL_ARB_compute_shader: require\n"
	                            "layout(local_size_x = 32) in;\n"
	                            "void main() { int x = 0; atomicAdd(x, 1); }\n";
	static const char block[] = "#version 330\n#extension GL_ARB_compute_shader: require\n"
	                            "layout(local_size_x = 32) in;\nbuffer b { int v; };\n"
	                            "void main() { atomicAdd(v, 1); }\n";
	static const char fragment[] = "#version 330\nout vec4 o;\nint x;\n"
	                               "void main() { atomicAdd(x, 1); o = vec4(0.0); }\n";
	return accepted(GH_SHADER_API_GL_CORE, COMPUTE, cs) &&
	       refused(GH_SHADER_API_GL_CORE, COMPUTE, local, "Atomic memory function") &&
	       refused(GH_SHADER_API_GL_CORE, COMPUTE, block, "syntax error") &&
	       refused(GH_SHADER_API_GL_CORE, GL_FRAGMENT_SHADER, fragment, "'atomicAdd'");
}

/* piglit's arb_shader_storage_buffer_object execution/basic: binding on a
 * buffer block of GLSL 3.30; on atomic counters with their extension. */
static bool binding_comes_with_ssbo_and_atomic_counters(void)
{
	static const char fs[] =
	        "#version 330\n"
	        "#extension GL_ARB_shader_storage_buffer_object: require\n"
	        "#extension GL_ARB_shader_atomic_counters: require\n"
	        "layout(binding = 0) buffer ssbo_color { vec4 color; };\n"
	        "layout(std430,\n  binding = 1) buffer more { float scale; } m;\n"
	        "layout(binding = 0, offset = 4) uniform atomic_uint a;\n"
	        "out vec4 o;\n"
	        "void main() { o = color * m.scale; atomicCounterIncrement(a); }\n";
	static const char sampler[] = "#version 330\n"
	                              "#extension GL_ARB_shader_storage_buffer_object: require\n"
	                              "layout(binding = 0) buffer b { vec4 color; };\n"
	                              "layout(binding = 1) uniform sampler2D s;\nout vec4 o;\n"
	                              "void main() { o = color * texture(s, vec2(0.0)); }\n";
	static const char macro[] = "#version 330\n"
	                            "#extension GL_ARB_shader_storage_buffer_object: require\n"
	                            "#define B binding = 1\n"
	                            "layout(binding = 0) buffer b { vec4 color; };\n"
	                            "layout(B) uniform sampler2D s;\nout vec4 o;\n"
	                            "void main() { o = color * texture(s, vec2(0.0)); }\n";
	static const char no_extension[] = "#version 330\n"
	                                   "#extension GL_ARB_shader_atomic_counters: require\n"
	                                   "layout(binding = 0) uniform block { vec4 color; };\n"
	                                   "out vec4 o;\nvoid main() { o = color; }\n";
	static const char junk[] = "#version 330\n"
	                           "#extension GL_ARB_shader_storage_buffer_object: require\n"
	                           "layout(binding = 0) buffer b { vec4 color; };\n"
	                           "out vec4 o;\nvoid main() { o = color + nothing; }\n";
	return accepted(GH_SHADER_API_GL_CORE, GL_FRAGMENT_SHADER, fs) &&
	       refused(GH_SHADER_API_GL_CORE, GL_FRAGMENT_SHADER, sampler, "'binding'") &&
	       refused(GH_SHADER_API_GL_CORE, GL_FRAGMENT_SHADER, macro, "'binding'") &&
	       refused(GH_SHADER_API_GL_CORE, GL_FRAGMENT_SHADER, no_extension, "'binding'") &&
	       refused(GH_SHADER_API_GL_CORE, GL_FRAGMENT_SHADER, junk, "'binding'") &&
	       refused(GH_SHADER_API_GLES, GL_FRAGMENT_SHADER,
	               "#version 300 es\n"
	               "#extension GL_ARB_shader_storage_buffer_object: enable\n"
	               "precision mediump float;\n"
	               "layout(binding = 0) uniform b { vec4 color; };\n"
	               "out vec4 o;\nvoid main() { o = color; }\n",
	               "'binding'");
}

/* piglit's arb_shader_storage_buffer_object issue1258: a buffer block in
 * GLSL 1.30, where glslang has no profile to give it blocks. */
static bool buffer_blocks_below_150_come_with_ssbo(void)
{
	static const char fs[] = "#version 130\n"
	                         "#extension GL_ARB_shader_storage_buffer_object: require\n"
	                         "buffer ssbo_color { float color; };\n"
	                         "void main() { gl_FragColor = vec4(color); }\n";
	static const char junk[] = "#version 140\n"
	                           "#extension GL_ARB_shader_storage_buffer_object: require\n"
	                           "buffer ssbo_color { float color; };\n"
	                           "void main() { gl_FragColor = vec4(color, nothing); }\n";
	static const char plain[] = "#version 130\nbuffer ssbo_color { float color; };\n"
	                            "void main() { gl_FragColor = vec4(color); }\n";
	return accepted(GH_SHADER_API_GL_COMPAT, GL_FRAGMENT_SHADER, fs) &&
	       refused(GH_SHADER_API_GL_COMPAT, GL_FRAGMENT_SHADER, junk, "'buffer block'") &&
	       refused(GH_SHADER_API_GL_COMPAT, GL_FRAGMENT_SHADER, plain, "syntax error");
}

/* piglit's texelFetch and textureSize of sampler2DMS(Array) in GLSL 1.30 with
 * ARB_texture_multisample (checked as 1.50, which has the types), and its texelFetch
 * programs' gl_FragCoord redeclared with ARB_fragment_coord_conventions' layout (1.50's). */
static bool multisample_samplers_and_frag_coord_layout_below_150(void)
{
	static const char ms[] = "#version 130\n"
	                         "#extension GL_ARB_texture_multisample: require\n"
	                         "flat in ivec4 tc;\n"
	                         "uniform isampler2DMSArray tex;\n"
	                         "out vec4 fragColor;\n"
	                         "void main() {\n"
	                         "  ivec3 size = textureSize(tex);\n"
	                         "  fragColor = vec4(texelFetch(tex, ivec3(tc), tc.w)) / size.x;\n"
	                         "}\n";
	static const char ms_junk[] = "#version 130\n"
	                              "#extension GL_ARB_texture_multisample: require\n"
	                              "uniform sampler2DMS tex;\n"
	                              "void main() { gl_FragColor = texelFetch(tex, 1, 0); }\n";
	static const char ms_plain[] =
	        "#version 130\n"
	        "uniform sampler2DMS tex;\n"
	        "void main() { gl_FragColor = texelFetch(tex, ivec2(1), 0); }\n";
	static const char coord[] = "#version 130\n"
	                            "#extension GL_ARB_fragment_coord_conventions: require\n"
	                            "layout(pixel_center_integer) in vec4 gl_FragCoord;\n"
	                            "void main() { gl_FragColor = gl_FragCoord; }\n";
	static const char coord_plain[] = "#version 130\n"
	                                  "layout(pixel_center_integer) in vec4 gl_FragCoord;\n"
	                                  "void main() { gl_FragColor = gl_FragCoord; }\n";
	/* Checked in the compatibility profile, where glslang defines GL_compatibility_profile;
	 * the driver does not for a GLSL 1.30 shader, so a test of it is refused (else glslang
	 * would check one branch and the driver compile the other). */
	static const char ms_profile[] = "#version 130\n"
	                                 "#extension GL_ARB_texture_multisample: require\n"
	                                 "#ifdef GL_compatibility_profile\n"
	                                 "void main() { gl_FragColor = vec4(1.0); }\n"
	                                 "#else\n"
	                                 "anything at all\n"
	                                 "#endif\n";
	return accepted(GH_SHADER_API_GL_COMPAT, GL_FRAGMENT_SHADER, ms) &&
	       refused(GH_SHADER_API_GL_COMPAT, GL_FRAGMENT_SHADER, ms_profile,
	               "GL_compatibility_profile") &&
	       refused(GH_SHADER_API_GL_COMPAT, GL_FRAGMENT_SHADER, ms_junk, "texelFetch") &&
	       refused(GH_SHADER_API_GL_COMPAT, GL_FRAGMENT_SHADER, ms_plain, "syntax error") &&
	       accepted(GH_SHADER_API_GL_COMPAT, GL_FRAGMENT_SHADER, coord) &&
	       refused(GH_SHADER_API_GL_COMPAT, GL_FRAGMENT_SHADER, coord_plain, "syntax error");
}

/* piglit's point-vertex-id (GLSL 1.30 with ARB_draw_instanced's gl_InstanceID, checked as
 * 1.40) and zero-tex-coord textureQueryLOD (GLSL 1.10 with ARB_texture_query_lod's
 * textureQueryLOD, checked as 1.50, where glslang has it). */
static bool instance_id_and_query_lod_below_their_versions(void)
{
	static const char vs[] = "#version 130\n"
	                         "#extension GL_ARB_draw_instanced : require\n"
	                         "in vec4 p;\n"
	                         "void main() { gl_Position = p + float(gl_InstanceID); }\n";
	static const char vs_plain[] = "#version 130\n"
	                               "in vec4 p;\n"
	                               "void main() { gl_Position = p + float(gl_InstanceID); }\n";
	static const char fs[] = "#extension GL_ARB_texture_query_lod : require\n"
	                         "uniform sampler2D tex;\n"
	                         "void main() {\n"
	                         "  vec2 lod = textureQueryLOD(tex, gl_TexCoord[0].xy);\n"
	                         "  gl_FragColor = vec4(lod, 0.0, 1.0);\n"
	                         "}\n";
	static const char fs_plain[] = "uniform sampler2D tex;\n"
	                               "void main() {\n"
	                               "  vec2 lod = textureQueryLOD(tex, gl_TexCoord[0].xy);\n"
	                               "  gl_FragColor = vec4(lod, 0.0, 1.0);\n"
	                               "}\n";
	return accepted(GH_SHADER_API_GL_COMPAT, GL_VERTEX_SHADER, vs) &&
	       refused(GH_SHADER_API_GL_COMPAT, GL_VERTEX_SHADER, vs_plain, "gl_InstanceID") &&
	       accepted(GH_SHADER_API_GL_COMPAT, GL_FRAGMENT_SHADER, fs) &&
	       refused(GH_SHADER_API_GL_COMPAT, GL_FRAGMENT_SHADER, fs_plain, "textureQueryLOD");
}

/* piglit's fragment-and-vertex-texturing and arb_texture_cube_map_array-cubemap-lod: GLSL
 * 1.10 vertex shaders have texture2DLod without any #extension (fragment shaders only with
 * ARB_shader_texture_lod's), and ARB_texture_cube_map_array gives GLSL 1.10 texture() of a
 * samplerCubeArray. */
static bool lod_in_110_vertex_shaders_and_cube_arrays_below_130(void)
{
	static const char vs[] = "uniform sampler2D t;\nvarying vec3 c;\nvoid main() {\n"
	                         "  gl_Position = gl_Vertex;\n"
	                         "  c = texture2DLod(t, vec2(0.5), 0.0).xyz;\n"
	                         "}\n";
	static const char fs[] = "uniform sampler2D t;\nvoid main() {\n"
	                         "  gl_FragColor = texture2DLod(t, vec2(0.5), 0.0);\n"
	                         "}\n";
	static const char cube[] =
	        "#extension GL_ARB_texture_cube_map_array : enable\n"
	        "uniform samplerCubeArray tex;\n"
	        "void main() { gl_FragColor = texture(tex, gl_TexCoord[0], 3.0); }\n";
	static const char cube_plain[] =
	        "uniform samplerCubeArray tex;\n"
	        "void main() { gl_FragColor = texture(tex, gl_TexCoord[0]); }\n";
	return accepted(GH_SHADER_API_GL_COMPAT, GL_VERTEX_SHADER, vs) &&
	       refused(GH_SHADER_API_GL_COMPAT, GL_FRAGMENT_SHADER, fs, "texture2DLod") &&
	       accepted(GH_SHADER_API_GL_COMPAT, GL_FRAGMENT_SHADER, cube) &&
	       refused(GH_SHADER_API_GL_COMPAT, GL_FRAGMENT_SHADER, cube_plain, "samplerCubeArray");
}

/* piglit's arb_shader_storage_buffer_object implicitly-sized-array-length-4:
 * .length() of an implicitly sized array, known at link time. */
static bool length_of_implicitly_sized_arrays_comes_with_ssbo(void)
{
	static const char fs[] = "#version 330\n"
	                         "#extension GL_ARB_shader_storage_buffer_object: require\n"
	                         "out vec4 o;\nfloat a[];\nvoid main() {\n"
	                         "  a[4] = 1.0;\n  o = vec4(float(a.length()));\n}\n";
	static const char in_430[] = "#version 430\nout vec4 o;\nfloat a[];\n"
	                             "void main() { a[2] = 1.0; o = vec4(a.length()); }\n";
	static const char plain[] = "#version 330\nout vec4 o;\nfloat a[];\n"
	                            "void main() { a[2] = 1.0; o = vec4(a.length()); }\n";
	static const char junk[] = "#version 330\n"
	                           "#extension GL_ARB_shader_storage_buffer_object: require\n"
	                           "out vec4 o;\nfloat a[];\n"
	                           "void main() { a[2] = 1.0; o = vec4(a.length(), nothing); }\n";
	return accepted(GH_SHADER_API_GL_CORE, GL_FRAGMENT_SHADER, fs) &&
	       accepted(GH_SHADER_API_GL_CORE, GL_FRAGMENT_SHADER, in_430) &&
	       refused(GH_SHADER_API_GL_CORE, GL_FRAGMENT_SHADER, plain, "'length'") &&
	       refused(GH_SHADER_API_GL_CORE, GL_FRAGMENT_SHADER, junk, "'length'");
}

/* piglit's arb_shader_storage_buffer_object ssbo-atomicMin-int: the atomic
 * memory functions in GLSL 3.30, their first argument still checked. */
static bool atomics_below_420_come_with_ssbo(void)
{
	static const char fs[] = "#version 330\n"
	                         "#extension GL_ARB_shader_storage_buffer_object: require\n"
	                         "buffer b { int v; uint u[4]; } inst;\nout vec4 o;\n"
	                         "void main() {\n  atomicMin(inst.v, 3);\n"
	                         "  atomicCompSwap(inst.u[2], 1u, 2u);\n"
	                         "  o = vec4(float(atomicAdd(inst.v, 1)));\n}\n";
	static const char local[] = "#version 330\n"
	                            "#extension GL_ARB_shader_storage_buffer_object: require\n"
	                            "buffer b { int v; };\nout vec4 o;\n"
	                            "void main() { int x = v; atomicMin(x, 3); o = vec4(0.0); }\n";
	static const char floats[] = "#version 150\n"
	                             "#extension GL_ARB_shader_storage_buffer_object: require\n"
	                             "buffer b { float f; };\nout vec4 o;\n"
	                             "void main() { o = vec4(atomicAdd(f, 1.0)); }\n";
	static const char plain[] = "#version 330\nint x;\nout vec4 o;\n"
	                            "void main() { atomicMin(x, 3); o = vec4(0.0); }\n";
	return accepted(GH_SHADER_API_GL_CORE, GL_FRAGMENT_SHADER, fs) &&
	       refused(GH_SHADER_API_GL_CORE, GL_FRAGMENT_SHADER, local,
	               "Atomic memory function") &&
	       refused(GH_SHADER_API_GL_CORE, GL_FRAGMENT_SHADER, floats, "'atomicAdd'") &&
	       refused(GH_SHADER_API_GL_CORE, GL_FRAGMENT_SHADER, plain, "'atomicMin'");
}

/* piglit's arb_gpu_shader5 gs-nonzero-base and arb_shader_image_load_store
 * imageStore-array: sampler and image arrays indexed by a uniform. */
static bool array_indexing_comes_with_gpu_shader5_and_images(void)
{
	static const char gs[] = "#version 150\n#extension GL_ARB_gpu_shader5: require\n"
	                         "layout(triangles) in;\nlayout(triangle_strip, max_vertices = 3) "
	                         "out;\nuniform sampler2D s[4];\nuniform int n;\nout vec4 c;\n"
	                         "void main() {\n  for (int i = 0; i < 3; i++) {\n"
	                         "    c = texture(s[n], vec2(0.0));\n"
	                         "    gl_Position = gl_in[i].gl_Position;\n    EmitVertex();\n"
	                         "  }\n}\n";
	static const char fs[] = "#version 330\n#extension GL_ARB_shader_image_load_store: enable\n"
	                         "uniform int idx;\nwriteonly uniform image2D tex[2];\n"
	                         "out vec4 o;\nvoid main() {\n"
	                         "  imageStore(tex[idx], ivec2(gl_FragCoord.xy), vec4(1.0));\n"
	                         "  o = vec4(0.0);\n}\n";
	static const char plain[] = "#version 330\nuniform sampler2D s[4];\nuniform int n;\n"
	                            "out vec4 o;\nvoid main() { o = texture(s[n], vec2(0.0)); }\n";
	static const char junk[] = "#version 330\n#extension GL_ARB_gpu_shader5: require\n"
	                           "uniform sampler2D s[4];\nuniform int n;\nout vec4 o;\n"
	                           "void main() { o = texture(s[n], nothing); }\n";
	return accepted(GH_SHADER_API_GL_CORE, GEOMETRY, gs) &&
	       accepted(GH_SHADER_API_GL_CORE, GL_FRAGMENT_SHADER, fs) &&
	       refused(GH_SHADER_API_GL_CORE, GL_FRAGMENT_SHADER, plain,
	               "'variable indexing sampler array'") &&
	       refused(GH_SHADER_API_GL_CORE, GL_FRAGMENT_SHADER, junk, "'nothing' : undeclared");
}

/* piglit's GLSL 1.50 tcs-input-gl_ClipDistance and resource-query shaders: gl_PerVertex
 * redeclared below 4.10 without ARB_separate_shader_objects, which Mesa takes; the block is
 * what the shader redeclared (a member it left out is undeclared), and not below 1.50. */
static bool per_vertex_redeclaration_is_glsl_150(void)
{
	static const char vs[] =
	        "#version 150\nin vec4 v;\n"
	        "out gl_PerVertex {\n  vec4 gl_Position;\n  float gl_ClipDistance[2];\n};\n"
	        "void main() { gl_Position = v; gl_ClipDistance[1] = 0.0; }\n";
	static const char left_out[] = "#version 330\nin vec4 v;\n"
	                               "out gl_PerVertex { vec4 gl_Position; };\n"
	                               "void main() { gl_Position = v; gl_PointSize = 1.0; }\n";
	static const char tcs[] = "#version 150\n#extension GL_ARB_tessellation_shader : require\n"
	                          "layout(vertices = 3) out;\n"
	                          "in gl_PerVertex { vec4 gl_Position; } gl_in[];\n"
	                          "out gl_PerVertex { vec4 gl_Position; } gl_out[];\n"
	                          "void main() {\n"
	                          "  gl_out[gl_InvocationID].gl_Position = gl_in[0].gl_Position;\n"
	                          "  gl_TessLevelOuter[0] = 1.0;\n}\n";
	static const char v140[] = "#version 140\nin vec4 v;\n"
	                           "out gl_PerVertex { vec4 gl_Position; };\n"
	                           "void main() { gl_Position = v; }\n";
	return accepted(GH_SHADER_API_GL_CORE, GL_VERTEX_SHADER, vs) &&
	       accepted(GH_SHADER_API_GL_CORE, 0x8E88 /* GL_TESS_CONTROL_SHADER */, tcs) &&
	       refused(GH_SHADER_API_GL_CORE, GL_VERTEX_SHADER, left_out, "'gl_PointSize'") &&
	       refused(GH_SHADER_API_GL_CORE, GL_VERTEX_SHADER, v140,
	               "'built-in block redeclaration'");
}

/* A compatibility fragment shader's verdict in a context with `exts`: accepted (phrase
 * NULL) or refused with a log holding `phrase`. */
static bool checked_ext(unsigned exts, const char *src, const char *phrase)
{
	char *log = NULL;
	enum gh_shader_verdict v = gh_shader_check_ext(GH_SHADER_API_GL_COMPAT, GL_FRAGMENT_SHADER,
	                                               src, strlen(src), exts, &log);
	bool ok = phrase ? v == GH_SHADER_REFUSED && log && strstr(log, phrase)
	                 : v == GH_SHADER_ACCEPTED && !log;
	CHECK(ok, "verdict %d, wanted %s, log:\n%s---\n%s", v, phrase ? phrase : "accepted",
	      log ? log : "", src);
	free(log);
	return true;
}

/* piglit's arb_blend_func_extended fbo-extended-blend-explicit: layout(index) on a fragment
 * output of GLSL 1.30 with ARB_explicit_attrib_location, in a context with
 * ARB_blend_func_extended (Mesa's reading; glslang wants a profile, and takes it from 1.50
 * on). Not without the extension in the context, not on an input, not an index over 1,
 * other errors still found. */
static bool output_index_comes_with_blend_func_extended(void)
{
	static const char fs130[] = "#version 130\n#extension GL_ARB_explicit_attrib_location: "
	                            "require\nuniform vec4 a, b;\n"
	                            "layout(location = 0, index = 0) out vec4 c0;\n"
	                            "layout(location = 0, index = 1) out vec4 c1;\n"
	                            "void main() { c0 = a; c1 = b; }\n";
	static const char fs150[] = "#version 150\n#extension GL_ARB_explicit_attrib_location: "
	                            "require\nuniform vec4 a, b;\n"
	                            "layout(location = 0, index = 0) out vec4 c0;\n"
	                            "layout(location = 0, index = 1) out vec4 c1;\n"
	                            "void main() { c0 = a; c1 = b; }\n";
	static const char input[] = "#version 130\n#extension GL_ARB_explicit_attrib_location: "
	                            "require\nlayout(location = 0, index = 1) in vec4 i;\n"
	                            "out vec4 c;\nvoid main() { c = i; }\n";
	static const char two[] = "#version 130\n#extension GL_ARB_explicit_attrib_location: "
	                          "require\nlayout(location = 0, index = 2) out vec4 c;\n"
	                          "void main() { c = vec4(0.0); }\n";
	static const char error[] = "#version 130\n#extension GL_ARB_explicit_attrib_location: "
	                            "require\nlayout(location = 0, index = 1) out vec4 c1;\n"
	                            "void main() { c1 = undeclared; }\n";
	unsigned bfe = GH_SHADER_EXT_BLEND_FUNC_EXTENDED;
	return checked_ext(bfe, fs130, NULL) && checked_ext(bfe, fs150, NULL) &&
	       checked_ext(0, fs130, "'index layout qualifier on fragment output'") &&
	       checked_ext(0, fs150, NULL) && checked_ext(bfe, input, "ERROR") &&
	       checked_ext(bfe, two, "value must be 0 or 1") &&
	       checked_ext(bfe, error, "'undeclared'");
}

/* piglit's arb_gpu_shader5 const-bitCount and arb_gpu_shader_fp64
 * const-fma-double (gpuhost/shader-check/shader-fold.c): built-ins GLSL makes
 * constant, on literal arguments, where only a constant may be; a wrong
 * value, a non-constant argument and the errors beside a folded call are
 * still found, on the app's lines. */
static bool constant_builtins_are_folded_for_glslang(void)
{
#define ASSERT_FS(version, ext, cond)                                                              \
	"#version " version "\n" ext "#define STATIC_ASSERT(c) { float array[(c) ? -1 : 1]; }\n"   \
	"out vec4 color;\nvoid main() {\n  color = vec4(0.0, 1.0, 0.0, 1.0);\n  "                  \
	"STATIC_ASSERT(" cond ");\n}\n"
#define GS5 "#extension GL_ARB_gpu_shader5 : enable\n"
#define FP64 "#extension GL_ARB_gpu_shader_fp64 : enable\n"
	static const char *const good[] = {
	        ASSERT_FS("150", GS5, "ivec4(0) != bitCount(ivec4(0))"),
	        ASSERT_FS("150", GS5, "ivec4(1, 2, 3, 4) != bitCount(uvec4(1u, 3u, 7u, 15u))"),
	        ASSERT_FS("150", GS5,
	                  "ivec4(32, 31, 31, 30) != bitCount(uvec4(0xFFFFFFFFu, 0xFFFFFFFEu, "
	                  "0xFFFFFFFDu, 0xFFFFFFFCu))"),
	        ASSERT_FS("150", GS5, "ivec4(32, 31, 31, 30) != bitCount(ivec4(-1, -2, -3, -4))"),
	        ASSERT_FS("150", GS5, "ivec2(-1, 2) != findLSB(ivec2(0, 4))"),
	        ASSERT_FS("400", "",
	                  "ivec3(-1, 30, 30) != findMSB(ivec3(-1, 0x40000000, 0x80000000u))"),
	        ASSERT_FS("400", "", "ivec2(-1, 31) != findMSB(uvec2(0u, 0x80000000u))"),
	        ASSERT_FS("400", "", "3 != findLSB(010)"),
	        ASSERT_FS("150", FP64,
	                  "dvec4(0.0, 1.0, 4.0, 7.0) !=\n\t fma(dvec4(0.0, 0.0, 2.0, 2.0), "
	                  "dvec4(1.0, 1.0, 2.0, 2.0), dvec4(0.0, 1.0, 0.0, 3.0))"),
	        ASSERT_FS("150", FP64, "-2.5lf != fma(1.5lf, -2.0lf, 0.5lf)"),
	        ASSERT_FS("150", GS5,
	                  "vec4(-1.0, 0.0, -4.0, 1.0) != fma(vec4(0.0, -1.0, 2.0, 2.0), "
	                  "vec4(1.0, 1.0, -2.0, 2.0), vec4(-1.0, 1.0, 0.0, -3.0))"),
	        ASSERT_FS("400", "",
	                  "vec2(13.0, -0.25) != fma(vec2(2.5, 0.5), vec2(4, -1.0), vec2(3.0, "
	                  "0.25e0))"),
	        ASSERT_FS("310 es", "precision highp float;\n",
	                  "ivec2(1, 2) != bitCount(ivec2(1, 3))"),
	};
	for (size_t k = 0; k < sizeof(good) / sizeof(good[0]); k++) {
		enum gh_shader_api api =
		        strstr(good[k], " es\n") ? GH_SHADER_API_GLES : GH_SHADER_API_GL_CORE;
		if (!accepted(api, GL_FRAGMENT_SHADER, good[k]))
			return false;
	}
	static const char wrong[] = ASSERT_FS("150", GS5, "ivec4(0) == bitCount(ivec4(0))");
	static const char wrong_fma[] = ASSERT_FS("150", FP64, "7.0lf == fma(2.0lf, 3.0lf, 1.0lf)");
	static const char variable[] = "#version 400\nuniform ivec4 u;\nout vec4 c;\n"
	                               "void main() { float a[bitCount(u).x]; c = vec4(1.0); }\n";
	static const char constant[] = "#version 400\nconst int k = 7;\nout vec4 c;\n"
	                               "void main() { float a[bitCount(k)]; c = vec4(1.0); }\n";
	static const char nested[] =
	        "#version 400\nout vec4 c;\n"
	        "void main() { float a[bitCount(bitCount(7))]; c = vec4(1.0); }\n";
	static const char mixed_fma[] = ASSERT_FS("400", "", "7.0lf == fma(2.0lf, 3.0, 1.0lf)");
	static const char in_330[] = "#version 330\nout vec4 c;\n"
	                             "void main() { float a[bitCount(7)]; c = vec4(1.0); }\n";
	static const char float_fma_in_150[] = ASSERT_FS("150", FP64, "7.0 != fma(2.0, 3.0, 1.0)");
	static const char beside[] = "#version 400\nout vec4 c;\n"
	                             "void main() { float a[bitCount(7)]; c = vec4(1.0) + a[0] +"
	                             " missing; }\n";
	static const char after_lines[] =
	        "#version 400\nout vec4 c;\nvoid main() {\n"
	        "  float a[bitCount(\n  7\n  )];\n  c = vec4(1.0) + nope;\n"
	        "}\n";
	return refused(GH_SHADER_API_GL_CORE, GL_FRAGMENT_SHADER, wrong,
	               "array size must be a positive integer") &&
	       refused(GH_SHADER_API_GL_CORE, GL_FRAGMENT_SHADER, wrong_fma,
	               "array size must be a positive integer") &&
	       refused(GH_SHADER_API_GL_CORE, GL_FRAGMENT_SHADER, variable,
	               "array size must be a constant integer expression") &&
	       refused(GH_SHADER_API_GL_CORE, GL_FRAGMENT_SHADER, constant,
	               "array size must be a constant integer expression") &&
	       refused(GH_SHADER_API_GL_CORE, GL_FRAGMENT_SHADER, nested,
	               "array size must be a constant integer expression") &&
	       refused(GH_SHADER_API_GL_CORE, GL_FRAGMENT_SHADER, mixed_fma,
	               "array size must be a constant integer expression") &&
	       refused(GH_SHADER_API_GL_CORE, GL_FRAGMENT_SHADER, in_330, "'bitCount'") &&
	       /* (glslang declares fma of floats with ARB_gpu_shader_fp64: not folded
	        * below 4.00, where the extension that has it is ARB_gpu_shader5) */
	       refused(GH_SHADER_API_GL_CORE, GL_FRAGMENT_SHADER, float_fma_in_150,
	               "array size must be a constant integer expression") &&
	       refused(GH_SHADER_API_GL_CORE, GL_FRAGMENT_SHADER, beside, "0:3: 'missing'") &&
	       refused(GH_SHADER_API_GL_CORE, GL_FRAGMENT_SHADER, after_lines, "0:7: 'nope'");
#undef ASSERT_FS
#undef GS5
#undef FP64
}

/* piglit's arb_shader_storage_buffer_object non_integral_size_array_member
 * (gpuhost/shader-check/shader-unsized.c): an unsized member of a named buffer
 * block, not its last, indexed by a variable: glslang refuses it, the
 * driver refuses the program at link time. Anything else glslang says so
 * of is still refused. */
static bool unsized_member_index_is_left_to_the_link(void)
{
#define SSBO_VS(version, ext, decls, body)                                                         \
	"#version " version "\n" ext decls "uniform int f;\nin vec4 p;\nout vec4 c;\n"             \
	"void main(void) {\n  " body "\n  gl_Position = p;\n}\n"
#define EXT "#extension GL_ARB_shader_storage_buffer_object: require\n"
#define NAMED "buffer a {\n  vec4 s[];\n  vec4 a[];\n} b;\n"
	static const char piglit[] = SSBO_VS("150", EXT, NAMED, "c = b.s[f];");
	static const char in_430[] = SSBO_VS("430", "", NAMED, "c = b.s[f] + b.s[f + 1] + b.a[f];");
	static const char qualified[] = SSBO_VS("430", "",
	                                        "layout(std430) buffer a { highp vec4 s[], t; "
	                                        "vec4 x[]; } b;\n",
	                                        "c = b . s [f];");
	static const char anonymous[] =
	        SSBO_VS("430", "", "buffer a {\n  vec4 s[];\n  vec4 t[];\n};\n", "c = s[f];");
	static const char global[] = SSBO_VS("430", "", NAMED "vec4 g[];\n", "c = g[f];");
	static const char uniform_block[] =
	        SSBO_VS("430", "", NAMED "uniform u { vec4 m[]; vec4 n; } v;\n", "c = v.m[f];");
	static const char other_on_line[] =
	        SSBO_VS("430", "", NAMED "vec4 g[];\n", "c = b.s[f] + g[f];");
	static const char literal_index[] =
	        SSBO_VS("430", "", NAMED "vec4 g[];\n", "c = b.s[1] + g[f];");
	static const char beside[] = SSBO_VS("430", "", NAMED, "c = b.s[f] + missing;");
	/* (The driver sizes s by its constant index and links this one.) */
	static const char constant_too[] = SSBO_VS("150", EXT, NAMED, "c = b.s[f] + b.s[3];");
	static const char last_alone[] =
	        SSBO_VS("430", "", "buffer a { vec4 s[]; } b;\n", "c = b.s[f];");
	const char *what = "array must be redeclared with a size before being indexed";
	enum gh_shader_api core = GH_SHADER_API_GL_CORE;
	return accepted(core, GL_VERTEX_SHADER, piglit) &&
	       accepted(GH_SHADER_API_GL_COMPAT, GL_VERTEX_SHADER, piglit) &&
	       accepted(core, GL_VERTEX_SHADER, in_430) &&
	       accepted(core, GL_VERTEX_SHADER, qualified) &&
	       accepted(core, GL_VERTEX_SHADER, last_alone) &&
	       accepted(core, GL_VERTEX_SHADER, constant_too) &&
	       refused(core, GL_VERTEX_SHADER, anonymous, what) &&
	       refused(core, GL_VERTEX_SHADER, global, what) &&
	       refused(core, GL_VERTEX_SHADER, uniform_block, what) &&
	       refused(core, GL_VERTEX_SHADER, other_on_line, what) &&
	       refused(core, GL_VERTEX_SHADER, literal_index, what) &&
	       refused(core, GL_VERTEX_SHADER, beside, "'missing'");
#undef SSBO_VS
#undef EXT
#undef NAMED
}

static const struct {
	const char *name;
	bool (*run)(void);
} cases[] = {
#define CASE(f)                                                                                    \
	{                                                                                          \
#f, f                                                                              \
	}
        CASE(inverse_is_glsl_140),
        CASE(texture_rectangle_needs_no_extension_line),
        CASE(compute_atomics_on_shared_need_no_extension),
        CASE(binding_comes_with_ssbo_and_atomic_counters),
        CASE(buffer_blocks_below_150_come_with_ssbo),
        CASE(multisample_samplers_and_frag_coord_layout_below_150),
        CASE(instance_id_and_query_lod_below_their_versions),
        CASE(lod_in_110_vertex_shaders_and_cube_arrays_below_130),
        CASE(length_of_implicitly_sized_arrays_comes_with_ssbo),
        CASE(atomics_below_420_come_with_ssbo),
        CASE(array_indexing_comes_with_gpu_shader5_and_images),
        CASE(per_vertex_redeclaration_is_glsl_150),
        CASE(output_index_comes_with_blend_func_extended),
        CASE(constant_builtins_are_folded_for_glslang),
        CASE(unsized_member_index_is_left_to_the_link),
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
