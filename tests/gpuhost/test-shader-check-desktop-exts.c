/*
 * glslang's gate for the desktop GLSL extensions glslang 12 does not know,
 * which gpuhost/shader-check/shader-desktop-exts.c respells for it: shaders that
 * enable them pass where the context has them, and only there; what they
 * add is still type-checked, and errors are reported on the app's lines.
 * Each case is one meson test; the program takes the case's name.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <GLES3/gl32.h>

#include "check.h"
#include "shader-check.h"
#include "shader-desktop-exts.h"

static bool accepted(uint32_t type, unsigned exts, const char *src)
{
	char *log = NULL;
	enum gh_shader_verdict v =
	        gh_shader_check_ext(GH_SHADER_API_GL_COMPAT, type, src, strlen(src), exts, &log);
	CHECK(v == GH_SHADER_ACCEPTED, "verdict %d, log:\n%s---\n%s", v, log ? log : "", src);
	free(log);
	return true;
}

/* Refused, the log naming `line` ("0:N:") and `what`. */
static bool refused_at(uint32_t type, unsigned exts, const char *src, const char *line,
                       const char *what)
{
	char *log = NULL;
	enum gh_shader_verdict v =
	        gh_shader_check_ext(GH_SHADER_API_GL_COMPAT, type, src, strlen(src), exts, &log);
	CHECK(v == GH_SHADER_REFUSED && log && strstr(log, line) && strstr(log, what),
	      "verdict %d, log:\n%s---\n%s", v, log ? log : "", src);
	free(log);
	return true;
}

static bool fragment_layer_viewport_is_checked_where_the_context_has_it(void)
{
	const unsigned on = GH_SHADER_EXT_FRAGMENT_LAYER_VIEWPORT;
	/* piglit's arb_fragment_layer_viewport tests' */
	static const char good[] = "#version 150\n"
	                           "#extension GL_ARB_fragment_layer_viewport: require\n"
	                           "out vec4 o;\n"
	                           "void main()\n"
	                           "{\n"
	                           "#ifdef GL_ARB_fragment_layer_viewport\n"
	                           "\tif (gl_Layer == 0 && gl_ViewportIndex < 2)\n"
	                           "\t\to = vec4(0, 1, 0, 0);\n"
	                           "#endif\n"
	                           "}\n";
	if (!accepted(GL_FRAGMENT_SHADER, on, good))
		return false;
	/* Not where the context lacks it. */
	if (!refused_at(GL_FRAGMENT_SHADER, 0, good, "0:2:", "GL_ARB_fragment_layer_viewport"))
		return false;
	/* A directive a line continuation carries on is left whole (refused). */
	if (!refused_at(GL_FRAGMENT_SHADER, on,
	                "#version 150\n"
	                "#extension GL_ARB_fragment_layer_viewport \\\n"
	                "  : require\n"
	                "out vec4 o;\n"
	                "void main() { o = vec4(float(gl_Layer)); }\n",
	                "0:", ""))
		return false;
	/* Still inputs: written, refused on the app's line. */
	if (!refused_at(GL_FRAGMENT_SHADER, on,
	                "#version 140\n"
	                "#extension GL_ARB_fragment_layer_viewport : enable\n"
	                "out vec4 o;\n"
	                "void main() {\n"
	                "  gl_Layer = 1;\n"
	                "  o = vec4(1.0);\n"
	                "}\n",
	                "0:5:", "l-value"))
		return false;
	/* An int: used as a vec2, refused. */
	if (!refused_at(GL_FRAGMENT_SHADER, on,
	                "#version 150\n"
	                "#extension GL_ARB_fragment_layer_viewport : enable\n"
	                "out vec4 o;\n"
	                "void main() { o = vec4(gl_ViewportIndex.xy, 0.0, 1.0); }\n",
	                "0:4:", ""))
		return false;
	/* GLSL 4.30 has them: only the line goes. */
	if (!accepted(GL_FRAGMENT_SHADER, on,
	              "#version 430\n"
	              "#extension GL_ARB_fragment_layer_viewport : require\n"
	              "out vec4 o;\n"
	              "void main() { o = vec4(float(gl_Layer + gl_ViewportIndex)); }\n"))
		return false;
	/* A geometry shader may enable it and keeps its output. */
	return accepted(GL_GEOMETRY_SHADER, on,
	                "#version 150\n"
	                "#extension GL_ARB_fragment_layer_viewport : enable\n"
	                "layout(points) in;\n"
	                "layout(points, max_vertices = 1) out;\n"
	                "void main() { gl_Layer = 1; EmitVertex(); }\n");
}

static bool cull_distance_is_checked_where_the_context_has_it(void)
{
	const unsigned on = GH_SHADER_EXT_CULL_DISTANCE;
	/* piglit's pervertex-culldistance-vs-out-gs */
	static const char vs[] = "#version 150\n"
	                         "#extension GL_ARB_cull_distance: enable\n"
	                         "out gl_PerVertex {\n"
	                         "  float gl_CullDistance[];\n"
	                         "};\n"
	                         "void main() { gl_CullDistance[0] = float(1.0); }\n";
	static const char gs[] = "#version 150\n"
	                         "#extension GL_ARB_cull_distance: enable\n"
	                         "layout (points) in;\n"
	                         "layout (points, max_vertices = 1) out;\n"
	                         "in gl_PerVertex {\n"
	                         "  float gl_CullDistance[];\n"
	                         "} gl_in[];\n"
	                         "out vec4 g_color;\n"
	                         "void main() {\n"
	                         "  g_color = vec4(gl_in[0].gl_CullDistance[0]);\n"
	                         "  EmitVertex();\n"
	                         "}\n";
	if (!accepted(GL_VERTEX_SHADER, on, vs) || !accepted(GL_GEOMETRY_SHADER, on, gs))
		return false;
	if (!refused_at(GL_VERTEX_SHADER, 0, vs, "0:", ""))
		return false;
	/* Its constants, a sized redeclaration, a fragment shader's input. */
	if (!accepted(GL_VERTEX_SHADER, on,
	              "#version 130\n"
	              "#extension GL_ARB_cull_distance : require\n"
	              "out float gl_CullDistance[gl_MaxCullDistances - 4];\n"
	              "in vec4 p;\n"
	              "void main() {\n"
	              "  gl_Position = p;\n"
	              "  gl_CullDistance[0] = float(gl_MaxCombinedClipAndCullDistances) - p.x;\n"
	              "}\n") ||
	    !accepted(GL_FRAGMENT_SHADER, on,
	              "#version 150\n"
	              "#extension GL_ARB_cull_distance : require\n"
	              "out vec4 o;\n"
	              "void main() { o = vec4(gl_CullDistance[1]); }\n"))
		return false;
	/* A float array still: a vec4 written to an element is refused. */
	if (!refused_at(GL_VERTEX_SHADER, on,
	                "#version 150\n"
	                "#extension GL_ARB_cull_distance : require\n"
	                "in vec4 p;\n"
	                "void main() {\n"
	                "  gl_CullDistance[0] = p;\n"
	                "}\n",
	                "0:5:", ""))
		return false;
	/* A shader naming both arrays is not respelled (refused). */
	return refused_at(GL_VERTEX_SHADER, on,
	                  "#version 150\n"
	                  "#extension GL_ARB_cull_distance : require\n"
	                  "void main() {\n"
	                  "  gl_ClipDistance[0] = 1.0;\n"
	                  "  gl_CullDistance[0] = 1.0;\n"
	                  "}\n",
	                  "0:", "");
}

static bool arrays_of_arrays_are_checked_where_the_context_has_them(void)
{
	const unsigned on = GH_SHADER_EXT_ARRAYS_OF_ARRAYS;
	/* piglit's layout-location-block-with-aoa-member and
	 * fs-interpolateAtSample-array-of-array (in GLSL 4.00: glslang 12 has
	 * ARB_gpu_shader5's functions from there only) */
	static const char block[] = "#version 150\n"
	                            "#extension GL_ARB_arrays_of_arrays: require\n"
	                            "#extension GL_ARB_separate_shader_objects: require\n"
	                            "layout(location = 0) in block {\n"
	                            "\tvec4 a[2][2];\n"
	                            "\tvec4 b;\n"
	                            "};\n"
	                            "uniform int i;\n"
	                            "out vec4 color;\n"
	                            "void main() {\n"
	                            "\tcolor = i < 4 ? a[i / 2][int(mod(i, 2))] : b;\n"
	                            "}\n";
	static const char sample[] =
	        "#version 400\n"
	        "#extension GL_ARB_gpu_shader5 : enable\n"
	        "#extension GL_ARB_arrays_of_arrays : enable\n"
	        "in vec3 a[2][2];\n"
	        "uniform int u_idx;\n"
	        "out vec4 color;\n"
	        "void main() {\n"
	        "  vec3 d = a[u_idx / 2][u_idx % 2] - interpolateAtSample(a[u_idx / 2][u_idx % 2], "
	        "0);\n"
	        "  float m[3][2] = float[3][2](float[2](1.0, 2.0), float[2](3.0, 4.0), "
	        "float[2](5.0, 6.0));\n"
	        "  color = vec4(d, m[2][1]);\n"
	        "}\n";
	if (!accepted(GL_FRAGMENT_SHADER, on, block) || !accepted(GL_FRAGMENT_SHADER, on, sample))
		return false;
	if (!refused_at(GL_FRAGMENT_SHADER, 0, block, "0:2:", "GL_ARB_arrays_of_arrays"))
		return false;
	/* Their uses are still checked: a[1] is no vec4, refused on its line. */
	if (!refused_at(GL_VERTEX_SHADER, on,
	                "#version 150\n"
	                "#extension GL_ARB_arrays_of_arrays : enable\n"
	                "out vec4 a[2][3];\n"
	                "void main() {\n"
	                "  a[1][2] = vec4(1.0);\n"
	                "  a[1] = vec4(1.0);\n"
	                "}\n",
	                "0:6:", "assign"))
		return false;
	/* A block's location without ARB_separate_shader_objects is refused. */
	if (!refused_at(GL_FRAGMENT_SHADER, 0,
	                "#version 150\n"
	                "layout(location = 0) in block { vec4 b; };\n"
	                "out vec4 color;\n"
	                "void main() { color = b; }\n",
	                "0:2:", "location"))
		return false;
	/* Without the extension, the divergence is not taken. */
	return refused_at(GL_VERTEX_SHADER, on,
	                  "#version 150\n"
	                  "out vec4 a[2][3];\n"
	                  "void main() { a[1][2] = vec4(1.0); }\n",
	                  "0:2:", "arrays of arrays");
}

static bool shader_precision_line_is_taken_where_the_context_has_it(void)
{
	static const char src[] = "#version 150\n"
	                          "#extension GL_ARB_shader_precision : require\n"
	                          "out vec4 o;\n"
	                          "void main() { o = vec4(GL_ARB_shader_precision); }\n";
	return accepted(GL_FRAGMENT_SHADER, GH_SHADER_EXT_SHADER_PRECISION, src) &&
	       refused_at(GL_FRAGMENT_SHADER, 0, src, "0:2:", "GL_ARB_shader_precision");
}

static bool conservative_depth_is_checked_where_the_context_has_it(void)
{
	const unsigned on = GH_SHADER_EXT_CONSERVATIVE_DEPTH;
	static const char good[] = "#version 150\n"
	                           "#extension GL_ARB_conservative_depth : enable\n"
	                           "layout(depth_greater) out float gl_FragDepth;\n"
	                           "void main() { gl_FragDepth = gl_FragCoord.z + 0.1; }\n";
	if (!accepted(GL_FRAGMENT_SHADER, on, good) ||
	    !refused_at(GL_FRAGMENT_SHADER, 0, good, "0:3:", "depth layout qualifier"))
		return false;
	/* Over lines, with comments; GLSL 4.20 has it (the line alone goes). */
	if (!accepted(GL_FRAGMENT_SHADER, on,
	              "#version 130\n"
	              "#extension GL_ARB_conservative_depth : require\n"
	              "layout ( depth_unchanged /* same */ )\n"
	              "  out float gl_FragDepth ;\n"
	              "void main() { gl_FragDepth = 0.5; }\n") ||
	    !accepted(GL_FRAGMENT_SHADER, on,
	              "#version 420\n"
	              "#extension GL_ARB_conservative_depth : require\n"
	              "layout(depth_less) out float gl_FragDepth;\n"
	              "void main() { gl_FragDepth = 0.5; }\n"))
		return false;
	/* The qualifiers on anything else stay for glslang, refused. */
	if (!refused_at(GL_FRAGMENT_SHADER, on,
	                "#version 150\n"
	                "#extension GL_ARB_conservative_depth : enable\n"
	                "layout(depth_any) out vec4 x;\n"
	                "void main() { x = vec4(1.0); }\n",
	                "0:3:", ""))
		return false;
	/* The rest is still checked: a vec2 written to gl_FragDepth. */
	return refused_at(GL_FRAGMENT_SHADER, on,
	                  "#version 150\n"
	                  "#extension GL_ARB_conservative_depth : enable\n"
	                  "layout(depth_less) out float gl_FragDepth;\n"
	                  "void main() {\n"
	                  "  gl_FragDepth = vec2(0.5);\n"
	                  "}\n",
	                  "0:5:", "");
}

static bool texture_query_levels_is_checked_where_the_context_has_it(void)
{
	const unsigned on = GH_SHADER_EXT_TEXTURE_QUERY_LEVELS;
	static const char good[] =
	        "#version 150\n"
	        "#extension GL_ARB_texture_cube_map_array : require\n"
	        "#extension GL_ARB_texture_query_levels : require\n"
	        "uniform sampler2D a; uniform isampler2DArray b; uniform usamplerCube c;\n"
	        "uniform sampler1DArrayShadow d; uniform samplerCubeArrayShadow e;\n"
	        "out vec4 o;\n"
	        "void main() {\n"
	        "  int n = textureQueryLevels(a) + textureQueryLevels(b) + textureQueryLevels(c);\n"
	        "  o = vec4(float(n + textureQueryLevels(d) + textureQueryLevels(e)));\n"
	        "}\n";
	if (!accepted(GL_FRAGMENT_SHADER, on, good) ||
	    !refused_at(GL_FRAGMENT_SHADER, 0, good, "0:3:", "GL_ARB_texture_query_levels"))
		return false;
	/* Cube map arrays only where they exist; an int still; GLSL 4.30 has it. */
	return refused_at(GL_VERTEX_SHADER, on,
	                  "#version 140\n"
	                  "#extension GL_ARB_texture_query_levels : enable\n"
	                  "uniform sampler2DRect r;\n"
	                  "void main() { gl_Position = vec4(textureQueryLevels(r)); }\n",
	                  "0:4:", "") &&
	       refused_at(GL_VERTEX_SHADER, on,
	                  "#version 130\n"
	                  "#extension GL_ARB_texture_query_levels : enable\n"
	                  "uniform sampler3D s;\n"
	                  "void main() { gl_Position = textureQueryLevels(s).xxxx; }\n",
	                  "0:4:", "") &&
	       accepted(GL_VERTEX_SHADER, on,
	                "#version 430\n"
	                "#extension GL_ARB_texture_query_levels : enable\n"
	                "uniform samplerCubeArray s;\n"
	                "void main() { gl_Position = vec4(textureQueryLevels(s)); }\n");
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		bool (*fn)(void);
	} cases[] = {
	        {"fragment_layer_viewport_is_checked_where_the_context_has_it",
	         fragment_layer_viewport_is_checked_where_the_context_has_it},
	        {"cull_distance_is_checked_where_the_context_has_it",
	         cull_distance_is_checked_where_the_context_has_it},
	        {"arrays_of_arrays_are_checked_where_the_context_has_them",
	         arrays_of_arrays_are_checked_where_the_context_has_them},
	        {"shader_precision_line_is_taken_where_the_context_has_it",
	         shader_precision_line_is_taken_where_the_context_has_it},
	        {"conservative_depth_is_checked_where_the_context_has_it",
	         conservative_depth_is_checked_where_the_context_has_it},
	        {"texture_query_levels_is_checked_where_the_context_has_it",
	         texture_query_levels_is_checked_where_the_context_has_it},
	};
	if (!gh_shader_check_init()) {
		fprintf(stderr, "glslang did not initialise\n");
		return 1;
	}
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (argc > 1 && strcmp(argv[1], cases[i].name) != 0)
			continue;
		bool ok = cases[i].fn();
		printf("%s: %s\n", cases[i].name, ok ? "ok" : "FAILED");
		if (!ok)
			return 1;
	}
	return 0;
}
