/*
 * glslang's gate (gpuhost/shader-check/shader-check.h) on its own: which shaders it
 * lets through to the driver, what the app is told about the others, and
 * that a shader cannot make it read a file or write on stdout. Each case
 * is one meson test; the program takes the case's name.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <GLES3/gl32.h>

#include "check.h"
#include "shader-check.h"

#define GEOMETRY 0x8DD9
#define TESS_EVALUATION 0x8E87
#define TESS_CONTROL 0x8E88
#define COMPUTE 0x91B9

/* glmark2's "build" scene, as glmark2 hands it to GL (its prologue included). */
static const char build_vs[] =
        "#ifdef GL_ES\nprecision mediump float;\n#endif\n"
        "const vec4 LightSourcePosition = vec4(20.0, 20.0, 10.0, 1.0);\n"
        "const vec4 MaterialDiffuse = vec4(0.7, 0.7, 0.7, 1.0);\n"
        "attribute vec3 position;\nattribute vec3 normal;\nattribute vec2 texcoord;\n"
        "uniform mat4 ModelViewProjectionMatrix;\nuniform mat4 NormalMatrix;\n"
        "varying vec4 Color;\nvarying vec2 TextureCoord;\n"
        "void main(void)\n{\n"
        "    vec3 N = normalize(vec3(NormalMatrix * vec4(normal, 1.0)));\n"
        "    vec3 L = normalize(LightSourcePosition.xyz);\n"
        "    float diffuse = max(dot(N, L), 0.0);\n"
        "    Color = vec4(diffuse * MaterialDiffuse.rgb, MaterialDiffuse.a);\n"
        "    TextureCoord = texcoord;\n"
        "    gl_Position = ModelViewProjectionMatrix * vec4(position, 1.0);\n}\n";
static const char build_fs[] = "#ifdef GL_ES\nprecision mediump float;\n#endif\n"
                               "varying vec4 Color;\nvarying vec2 TextureCoord;\n"
                               "void main(void)\n{\n    gl_FragColor = Color;\n}\n";

/* The use-after-free reproducer's fragment shader. */
static const char attribute_fs[] = "attribute vec4 pos; void main(){gl_Position=pos;}";

static enum gh_shader_verdict check(enum gh_shader_api api, uint32_t type, const char *src,
                                    char **log)
{
	return gh_shader_check(api, type, src, strlen(src), log);
}

static bool accepted(enum gh_shader_api api, uint32_t type, const char *src)
{
	char *log;
	enum gh_shader_verdict v = check(api, type, src, &log);
	CHECK(v == GH_SHADER_ACCEPTED && !log, "verdict %d, log:\n%s---\n%s", v, log ? log : "",
	      src);
	return true;
}

/* Refused, with a log containing `phrase`. */
static bool refused(enum gh_shader_api api, uint32_t type, const char *src, const char *phrase)
{
	char *log;
	enum gh_shader_verdict v = check(api, type, src, &log);
	CHECK(v == GH_SHADER_REFUSED && log, "verdict %d for:\n%s", v, src);
	bool has = strstr(log, phrase) != NULL;
	if (!has)
		fprintf(stderr, "log without \"%s\":\n%s", phrase, log);
	CHECK(strlen(log) < GH_SHADER_MAX_LOG, "a log of %zu bytes", strlen(log));
	free(log);
	return has;
}

static bool es100_shaders_of_glmark2_are_accepted(void)
{
	return accepted(GH_SHADER_API_GLES, GL_VERTEX_SHADER, build_vs) &&
	       accepted(GH_SHADER_API_GLES, GL_FRAGMENT_SHADER, build_fs);
}

static bool attribute_in_a_fragment_shader_is_refused_with_glslang_log(void)
{
	return refused(GH_SHADER_API_GLES, GL_FRAGMENT_SHADER, attribute_fs,
	               "ERROR: 0:1: 'attribute' : not supported in this stage: fragment") &&
	       accepted(GH_SHADER_API_GLES, GL_VERTEX_SHADER, attribute_fs);
}

/* Every version line and stage, in every API: glslang is never handed a
 * combination it would "correct" (some make it print its built-ins on
 * stdout, where --stdio has the link, and crash). */
static bool every_combination_is_checked_without_writing_to_stdout(void)
{
	static const char *const versions[] = {
	        "",
	        "#version 100\n",
	        "#version 100 es\n",
	        "#version 110\n",
	        "#version 120\n",
	        "#version 130\n",
	        "#version 140\n",
	        "#version 140 compatibility\n",
	        "#version 150\n",
	        "#version 150 core\n",
	        "#version 150 compatibility\n",
	        "#version 300\n",
	        "#version 300 es\n",
	        "#version 310 es\n",
	        "#version 320 es\n",
	        "#version 330\n",
	        "#version 400 compatibility\n",
	        "#version 420\n",
	        "#version 430 core\n",
	        "#version 450\n",
	        "#version 460 compatibility\n",
	        "#version 470\n",
	        "#version 999 es\n",
	};
	static const uint32_t types[] = {GL_VERTEX_SHADER, GL_FRAGMENT_SHADER, GEOMETRY,
	                                 TESS_CONTROL,     TESS_EVALUATION,    COMPUTE};
	fflush(stdout);
	int saved = dup(1), pipefd[2];
	CHECK(saved >= 0 && pipe2(pipefd, O_NONBLOCK) == 0, "pipe");
	dup2(pipefd[1], 1);
	unsigned counts[3] = {0};
	for (int api = GH_SHADER_API_GLES; api <= GH_SHADER_API_GL_COMPAT; api++) {
		for (size_t v = 0; v < sizeof(versions) / sizeof(versions[0]); v++) {
			for (size_t t = 0; t < sizeof(types) / sizeof(types[0]); t++) {
				char src[200], *log;
				snprintf(src, sizeof(src), "%svoid main() {}\n", versions[v]);
				counts[check(api, types[t], src, &log)]++;
				free(log);
			}
		}
	}
	fflush(stdout);
	dup2(saved, 1);
	char buf[64];
	ssize_t n = read(pipefd[0], buf, sizeof(buf));
	close(pipefd[0]);
	close(pipefd[1]);
	close(saved);
	printf("accepted %u, refused %u, failed %u\n", counts[0], counts[1], counts[2]);
	CHECK(n <= 0, "glslang wrote %zd bytes on stdout: %.*s", n, (int)(n > 0 ? n : 0), buf);
	CHECK(counts[GH_SHADER_FAILED] == 0, "%u checks failed", counts[GH_SHADER_FAILED]);
	return accepted(GH_SHADER_API_GL_CORE, COMPUTE, "#version 430\nvoid main() {}\n") &&
	       refused(GH_SHADER_API_GL_CORE, COMPUTE, "#version 110\nvoid main() {}\n",
	               "'#version' : 110 has no compute shaders");
}

static bool include_is_refused_without_reading_the_file(void)
{
	char path[] = "/tmp/gpupipe-include-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0, "mkstemp");
	static const char secret[] = "float secret_from_a_file;\n";
	CHECK(write(fd, secret, strlen(secret)) == (ssize_t)strlen(secret), "write");
	close(fd);
	char src[400], *log;
	/* Relative to the current directory, as glslang's file includer reads it. */
	snprintf(src, sizeof(src),
	         "#extension GL_GOOGLE_include_directive : enable\n"
	         "#include \"../../../../../../../..%s\"\n#include <%s>\n"
	         "void main() { gl_Position = vec4(secret_from_a_file); }\n",
	         path, path);
	enum gh_shader_verdict v = check(GH_SHADER_API_GLES, GL_VERTEX_SHADER, src, &log);
	unlink(path);
	CHECK(v == GH_SHADER_REFUSED && log, "verdict %d", v);
	bool ok = strstr(log, "Could not process include directive") &&
	          !strstr(log, "secret_from_a_file");
	if (!ok)
		fprintf(stderr, "log:\n%s", log);
	free(log);
	return ok;
}

static bool source_over_the_limit_is_refused(void)
{
	size_t len = GH_SHADER_MAX_SOURCE + 1;
	char *src = malloc(len);
	CHECK(src, "malloc");
	memset(src, ' ', len);
	char *log;
	enum gh_shader_verdict v =
	        gh_shader_check(GH_SHADER_API_GLES, GL_VERTEX_SHADER, src, len, &log);
	free(src);
	CHECK(v == GH_SHADER_REFUSED && log && strstr(log, "over gpupipe's limit of 524288"),
	      "verdict %d, log %s", v, log ? log : "(none)");
	free(log);
	/* Just under it: glslang's verdict (here: no main, still accepted). */
	src = malloc(GH_SHADER_MAX_SOURCE);
	CHECK(src, "malloc");
	memset(src, ' ', GH_SHADER_MAX_SOURCE);
	v = gh_shader_check(GH_SHADER_API_GLES, GL_VERTEX_SHADER, src, GH_SHADER_MAX_SOURCE, &log);
	free(src);
	CHECK(v == GH_SHADER_ACCEPTED, "verdict %d, log %s", v, log ? log : "(none)");
	return true;
}

static bool versions_the_api_lacks_are_refused(void)
{
	static const char fs330[] = "#version 330\nout vec4 c;\nvoid main() { c = vec4(1.0); }\n";
	return refused(GH_SHADER_API_GLES, GL_FRAGMENT_SHADER, fs330,
	               "ERROR: 0:1: '#version' : 330 is not a GLSL ES version") &&
	       accepted(GH_SHADER_API_GL_CORE, GL_FRAGMENT_SHADER, fs330) &&
	       refused(GH_SHADER_API_GLES, GL_VERTEX_SHADER, "#version 300\nvoid main() {}\n",
	               "300 needs the profile es") &&
	       refused(GH_SHADER_API_GLES, GL_VERTEX_SHADER, "// hi\n#version\nvoid main() {}\n",
	               "ERROR: 0:2: '#version' : malformed") &&
	       refused(GH_SHADER_API_GLES, GEOMETRY, "#version 300 es\nvoid main() {}\n",
	               "300 has no geometry or tessellation shaders") &&
	       refused(GH_SHADER_API_GLES, 0x1234, "void main() {}\n",
	               "shader type 0x1234 cannot be checked");
}

/* GLSL ES 3.00 allows them; glslang 12 alone would refuse. Line numbers in
 * the log stay those of the app's source. */
static bool comments_may_precede_version_300_es(void)
{
	static const char ok[] = "// a licence\n/* more\n   lines */\n\n"
	                         "#version 300 es // and a comment\n"
	                         "in vec4 pos;\nvoid main() { gl_Position = pos; }\n";
	static const char bad[] = "// a licence\n\n#version 300 es\n"
	                          "in vec4 pos;\nvoid main() { gl_Position = nothing; }\n";
	return accepted(GH_SHADER_API_GLES, GL_VERTEX_SHADER, ok) &&
	       refused(GH_SHADER_API_GLES, GL_VERTEX_SHADER, bad,
	               "ERROR: 0:5: 'nothing' : undeclared identifier");
}

static bool predefined_macros_are_defined(void)
{
	static const char fs[] =
	        "#version 100\n"
	        "#if !defined(__VERSION__) || __VERSION__ != 100\n#error v\n#endif\n"
	        "#if !defined __LINE__ || __LINE__ != 5\n#error l\n#endif\n"
	        "#ifndef __FILE__\n#error f\n#endif\n"
	        "void main() {}\n";
	return accepted(GH_SHADER_API_GLES, GL_FRAGMENT_SHADER, fs);
}

/* glslang refuses these where the driver (and piglit) accept them: they
 * pass when each error glslang finds, going on to the end, is one. */
static bool known_divergences_alone_are_accepted(void)
{
	static const char array_type[] = "#version 100\nprecision mediump float;\n"
	                                 "void f(out float x[2]) {}\n"
	                                 "void main() { float[2] x; f(x); }\n";
	static const char array_then_junk[] = "#version 100\nprecision mediump float;\n"
	                                      "void main() { float[2] x; x[0] = nothing; }\n";
	static const char sequence[] = "#version 100\nconst float f = 3.0 + (1.0, 2.0);\n"
	                               "void main() { gl_Position = vec4(f); }\n";
	/* A #line file name that spells a divergence after a location. */
	static const char spoof[] =
	        "#version 100\n#extension GL_GOOGLE_cpp_style_line_directive : enable\n"
	        "#line 1 \"0:1: 'arrayed type' : not supported for this version or the enabled "
	        "extensions \"\nvoid main() { float[2] x; x[0] = nothing; }\n";
	return accepted(GH_SHADER_API_GLES, GL_FRAGMENT_SHADER, array_type) &&
	       accepted(GH_SHADER_API_GLES, GL_VERTEX_SHADER, sequence) &&
	       refused(GH_SHADER_API_GLES, GL_FRAGMENT_SHADER, array_then_junk,
	               "'arrayed type' : not supported") &&
	       refused(GH_SHADER_API_GLES, GL_FRAGMENT_SHADER, spoof, "arrayed type") &&
	       refused(GH_SHADER_API_GL_CORE, GL_FRAGMENT_SHADER,
	               "#version 110\nconst float f = 3.0 + (1.0, 2.0);\n"
	               "void main() { gl_FragColor = vec4(f); }\n",
	               "global const initializers must be constant");
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* glslang's check alone for glmark2's build shaders: the least of a few
 * rounds (the machine may be busy); test-gl-shaders' compile_cost puts it
 * beside the driver's compile. */
static bool check_cost(void)
{
	enum { ROUNDS = 5, N = 100 };
	/* The first check of a version and stage builds glslang's tables. */
	double t0 = now();
	if (!es100_shaders_of_glmark2_are_accepted())
		return false;
	double first = now() - t0, best = 1e9;
	for (int r = 0; r < ROUNDS; r++) {
		t0 = now();
		for (int i = 0; i < N; i++) {
			if (!es100_shaders_of_glmark2_are_accepted())
				return false;
		}
		double round = now() - t0;
		best = round < best ? round : best;
	}
	printf("glslang check of glmark2's build shaders: %.0f us each; the first pair (building "
	       "glslang's ES 1.00 tables) %.1f ms\n",
	       best / (2 * N) * 1e6, first * 1e3);
	return true;
}

static enum gh_shader_verdict check_fetch(const char *src, unsigned exts, char **log)
{
	return gh_shader_check_ext(GH_SHADER_API_GLES, GL_FRAGMENT_SHADER, src, strlen(src), exts,
	                           log);
}

/* EXT_shader_framebuffer_fetch(_non_coherent): glslang 12 knows neither;
 * with the context's extension the shader is checked as plain GLSL, its
 * other errors still caught and on their own lines; without, refused. */
static bool framebuffer_fetch_is_checked_where_the_context_has_it(void)
{
	static const char es100[] =
	        "#version 100\n"
	        "#extension GL_EXT_shader_framebuffer_fetch : require\n"
	        "#ifndef GL_EXT_shader_framebuffer_fetch\n#error no macro\n#endif\n"
	        "void main() { gl_FragData[0] = gl_LastFragData[0] + vec4(0.5); }\n";
	static const char es100_redeclared[] =
	        "#version 100\n"
	        "#extension GL_EXT_shader_framebuffer_fetch_non_coherent : enable\n"
	        "layout(noncoherent) lowp vec4 gl_LastFragData[gl_MaxDrawBuffers];\n"
	        "void main() { gl_FragColor = gl_LastFragData[0]; }\n";
	static const char es300[] =
	        "#version 300 es\n"
	        "#extension GL_EXT_shader_framebuffer_fetch_non_coherent : require\n"
	        "layout(location = 0, noncoherent) inout highp vec4 color[2];\n"
	        "void add(inout highp vec4 v) { v += vec4(0.25); }\n"
	        "void main() { add(color[0]); color[1] = color[1] * 0.5; }\n";
	static const char es300_error[] = "#version 300 es\n"
	                                  "#extension GL_EXT_shader_framebuffer_fetch : require\n"
	                                  "inout highp vec4 color;\n"
	                                  "void main() { color = undeclared; }\n";
	const unsigned both =
	        GH_SHADER_EXT_FRAMEBUFFER_FETCH | GH_SHADER_EXT_FRAMEBUFFER_FETCH_NON_COHERENT;
	const char *good[] = {es100, es100_redeclared, es300};
	char *log;
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		enum gh_shader_verdict v = check_fetch(good[i], both, &log);
		CHECK(v == GH_SHADER_ACCEPTED, "verdict %d, log:\n%s---\n%s", v, log ? log : "",
		      good[i]);
		v = check_fetch(good[i], 0, &log);
		CHECK(v == GH_SHADER_REFUSED, "accepted without the extension:\n%s", good[i]);
		free(log);
	}
	enum gh_shader_verdict v = check_fetch(es300_error, both, &log);
	CHECK(v == GH_SHADER_REFUSED && log && strstr(log, "0:4:") && strstr(log, "undeclared"),
	      "verdict %d, log:\n%s", v, log ? log : "");
	free(log);
	/* A vertex shader has no framebuffer to read. */
	v = gh_shader_check_ext(GH_SHADER_API_GLES, GL_VERTEX_SHADER, es100, strlen(es100), both,
	                        &log);
	CHECK(v == GH_SHADER_REFUSED, "a vertex shader reading gl_LastFragData: verdict %d", v);
	free(log);
	return true;
}

static enum gh_shader_verdict check_as(uint32_t type, const char *src, unsigned exts, char **log)
{
	return gh_shader_check_ext(GH_SHADER_API_GLES, type, src, strlen(src), exts, log);
}

/* OES_viewport_array: glslang 12 does not know it; with the context's
 * extension gl_ViewportIndex (geometry: written, fragment: read) and
 * gl_MaxViewports are checked as plain GLSL, in either order of the
 * #extension lines, other errors still caught on their own lines;
 * without it, refused. */
static bool viewport_array_is_checked_where_the_context_has_it(void)
{
	static const char gs[] = "#version 310 es\n"
	                         "#extension GL_OES_geometry_shader : require\n"
	                         "#extension GL_OES_viewport_array : require\n"
	                         "layout(triangles) in;\n"
	                         "layout(triangle_strip, max_vertices = 3) out;\n"
	                         "void main() {\n"
	                         "\tfor (int i = 0; i < 3; i++) {\n"
	                         "\t\tgl_Position = gl_in[i].gl_Position;\n"
	                         "\t\tgl_ViewportIndex = gl_MaxViewports - 1;\n"
	                         "\t\tEmitVertex();\n"
	                         "\t}\n"
	                         "}\n";
	static const char gs_viewport_first[] = "#version 310 es\n"
	                                        "#extension GL_OES_viewport_array : enable\n"
	                                        "#extension GL_OES_geometry_shader : require\n"
	                                        "layout(points) in;\n"
	                                        "layout(points, max_vertices = 1) out;\n"
	                                        "void main() {\n"
	                                        "\tgl_ViewportIndex = 1;\n"
	                                        "\tgl_Position = vec4(0.0);\n"
	                                        "\tEmitVertex();\n"
	                                        "}\n";
	static const char fs[] = "#version 310 es\n"
	                         "#extension GL_OES_viewport_array: require\n"
	                         "#ifndef GL_OES_viewport_array\n#error no macro\n#endif\n"
	                         "precision highp float;\n"
	                         "out vec4 color;\n"
	                         "void main() { color = vec4(float(gl_ViewportIndex) / "
	                         "float(gl_MaxViewports)); }\n";
	static const char fs_error[] =
	        "#version 310 es\n"
	        "#extension GL_OES_viewport_array : require\n"
	        "out highp vec4 color;\n"
	        "void main() { color = vec4(undeclared + gl_ViewportIndex); }\n";
	static const char vs[] = "#version 310 es\n"
	                         "#extension GL_OES_viewport_array : require\n"
	                         "void main() { gl_Position = vec4(float(gl_MaxViewports)); }\n";
	static const char vs_index[] =
	        "#version 310 es\n"
	        "#extension GL_OES_viewport_array : require\n"
	        "void main() { gl_ViewportIndex = 1; gl_Position = vec4(0.0); }\n";
	static const char fs_both[] = "#version 310 es\n"
	                              "#extension GL_EXT_shader_framebuffer_fetch : require\n"
	                              "#extension GL_OES_viewport_array : require\n"
	                              "inout highp vec4 color;\n"
	                              "void main() { color += vec4(gl_ViewportIndex); }\n";
	static const struct {
		uint32_t type;
		const char *src;
	} good[] = {
	        {GL_GEOMETRY_SHADER, gs},      {GL_GEOMETRY_SHADER, gs_viewport_first},
	        {GL_FRAGMENT_SHADER, fs},      {GL_VERTEX_SHADER, vs},
	        {GL_FRAGMENT_SHADER, fs_both},
	};
	const unsigned all = GH_SHADER_EXT_FRAMEBUFFER_FETCH | GH_SHADER_EXT_VIEWPORT_ARRAY;
	char *log;
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		enum gh_shader_verdict v = check_as(good[i].type, good[i].src, all, &log);
		CHECK(v == GH_SHADER_ACCEPTED, "verdict %d, log:\n%s---\n%s", v, log ? log : "",
		      good[i].src);
		v = check_as(good[i].type, good[i].src, GH_SHADER_EXT_FRAMEBUFFER_FETCH, &log);
		CHECK(v == GH_SHADER_REFUSED, "accepted without the extension:\n%s", good[i].src);
		free(log);
	}
	enum gh_shader_verdict v = check_as(GL_FRAGMENT_SHADER, fs_error, all, &log);
	CHECK(v == GH_SHADER_REFUSED && log && strstr(log, "0:4:") && strstr(log, "undeclared"),
	      "verdict %d, log:\n%s", v, log ? log : "");
	free(log);
	/* A vertex shader has no gl_ViewportIndex in OES_viewport_array. */
	v = check_as(GL_VERTEX_SHADER, vs_index, all, &log);
	CHECK(v == GH_SHADER_REFUSED, "a vertex shader writing gl_ViewportIndex: verdict %d", v);
	free(log);
	return true;
}

/* OES_sample_variables and OES_shader_multisample_interpolation: glslang
 * 12 lacks their built-ins in GLSL ES 3.00; with the context's extension
 * they are checked as plain GLSL, other errors still caught on their own
 * lines; without it, refused. */
static bool sample_variables_and_interpolation_are_checked_where_the_context_has_them(void)
{
	static const char fs_sample[] =
	        "#version 300 es\n"
	        "#extension GL_OES_sample_variables : require\n"
	        "#ifndef GL_OES_sample_variables\n#error no macro\n#endif\n"
	        "precision mediump float;\n"
	        "out vec4 color;\n"
	        "void main() {\n"
	        "\tint bits[(gl_MaxSamples + 31) / 32];\n"
	        "\tbits[0] = gl_SampleMaskIn[0];\n"
	        "\tgl_SampleMask[0] = bits[0] & (1 << gl_SampleID);\n"
	        "\tcolor = vec4(gl_SamplePosition, float(gl_NumSamples), 1.0);\n"
	        "}\n";
	static const char fs_interpolate[] =
	        "#version 300 es\n"
	        "#extension GL_OES_shader_multisample_interpolation : require\n"
	        "#ifndef GL_OES_shader_multisample_interpolation\n#error no macro\n#endif\n"
	        "precision highp float;\n"
	        "sample in vec4 a;\n"
	        "smooth /* qualifier */ sample\nin vec2 b;\n"
	        "in float c;\n"
	        "in vec3 d;\n"
	        "out vec4 color;\n"
	        "void main() {\n"
	        "\tfloat s = interpolateAtCentroid(c);\n"
	        "\tvec2 o = vec2(gl_MinFragmentInterpolationOffset, "
	        "gl_MaxFragmentInterpolationOffset);\n"
	        "\tcolor = interpolateAtSample(a, 1) + vec4(interpolateAtOffset(b, o), s, "
	        "float(gl_FragmentInterpolationOffsetBits)) + interpolateAtCentroid(d).xyzz;\n"
	        "}\n";
	static const char vs_sample[] =
	        "#version 300 es\n"
	        "#extension GL_OES_shader_multisample_interpolation : enable\n"
	        "sample out highp vec4 a;\n"
	        "flat sample out highp int i;\n"
	        "void main() { a = vec4(gl_MinFragmentInterpolationOffset); i = 1; "
	        "gl_Position = a; }\n";
	static const char fs_both[] =
	        "#version 300 es\n"
	        "#extension GL_OES_shader_multisample_interpolation : require\n"
	        "#extension GL_OES_sample_variables : require\n"
	        "precision mediump float;\n"
	        "in vec4 a;\n"
	        "out vec4 color;\n"
	        "void main() { color = interpolateAtSample(a, gl_SampleID); }\n";
	static const char fs_error[] = "#version 300 es\n"
	                               "#extension GL_OES_sample_variables : require\n"
	                               "out highp vec4 color;\n"
	                               "void main() { color = vec4(undeclared + gl_SampleID); }\n";
	static const char vs_interpolate[] =
	        "#version 300 es\n"
	        "#extension GL_OES_shader_multisample_interpolation : require\n"
	        "in highp vec4 a;\n"
	        "void main() { gl_Position = interpolateAtCentroid(a); }\n";
	static const char fs_uninterpolated_type[] =
	        "#version 300 es\n"
	        "#extension GL_OES_shader_multisample_interpolation : require\n"
	        "flat in highp ivec2 a;\n"
	        "out highp vec4 color;\n"
	        "void main() { color = vec4(interpolateAtCentroid(a), 0.0, 0.0); }\n";
	static const struct {
		uint32_t type;
		const char *src;
	} good[] = {
	        {GL_FRAGMENT_SHADER, fs_sample},
	        {GL_FRAGMENT_SHADER, fs_interpolate},
	        {GL_VERTEX_SHADER, vs_sample},
	        {GL_FRAGMENT_SHADER, fs_both},
	};
	const unsigned all =
	        GH_SHADER_EXT_SAMPLE_VARIABLES | GH_SHADER_EXT_MULTISAMPLE_INTERPOLATION;
	char *log;
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		enum gh_shader_verdict v = check_as(good[i].type, good[i].src, all, &log);
		CHECK(v == GH_SHADER_ACCEPTED, "verdict %d, log:\n%s---\n%s", v, log ? log : "",
		      good[i].src);
		v = check_as(good[i].type, good[i].src, GH_SHADER_EXT_VIEWPORT_ARRAY, &log);
		CHECK(v == GH_SHADER_REFUSED, "accepted without the extensions:\n%s", good[i].src);
		free(log);
	}
	/* GLSL ES 3.10, where glslang knows both: its built-ins and the
	 * stand-ins do not clash. */
	char es310[sizeof(fs_both)];
	memcpy(es310, fs_both, sizeof(fs_both));
	memcpy(es310, "#version 310 es", 15);
	enum gh_shader_verdict v = check_as(GL_FRAGMENT_SHADER, es310, all, &log);
	CHECK(v == GH_SHADER_ACCEPTED, "verdict %d, log:\n%s", v, log ? log : "");
	v = check_as(GL_FRAGMENT_SHADER, fs_error, all, &log);
	CHECK(v == GH_SHADER_REFUSED && log && strstr(log, "0:4:") && strstr(log, "undeclared"),
	      "verdict %d, log:\n%s", v, log ? log : "");
	free(log);
	/* interpolateAt* are fragment shader functions, of float types only. */
	v = check_as(GL_VERTEX_SHADER, vs_interpolate, all, &log);
	CHECK(v == GH_SHADER_REFUSED, "a vertex shader calling interpolateAtCentroid: verdict %d",
	      v);
	free(log);
	v = check_as(GL_FRAGMENT_SHADER, fs_uninterpolated_type, all, &log);
	CHECK(v == GH_SHADER_REFUSED, "interpolateAtCentroid of an ivec2: verdict %d", v);
	free(log);
	/* gl_SampleID belongs to fragment shaders. */
	v = check_as(GL_VERTEX_SHADER,
	             "#version 300 es\n#extension GL_OES_sample_variables : require\n"
	             "void main() { gl_Position = vec4(gl_SampleID); }\n",
	             all, &log);
	CHECK(v == GH_SHADER_REFUSED, "a vertex shader reading gl_SampleID: verdict %d", v);
	free(log);
	return true;
}

/* A desktop compute shader below GLSL 4.20 is checked (as 4.20) where it names
 * ARB_compute_shader, its errors found at their lines; without the extension's name it is
 * refused before glslang sees it; an ES one stays refused. */
/* piglit's GLSL 1.10 shaders of ARB_explicit_attrib_location (a global `in`), of
 * ARB_uniform_buffer_object (layout(std140) blocks) and of ARB_draw_instanced
 * (gl_InstanceIDARB, a stand-in where the context has the extension): accepted, their errors
 * still found; one that could tell the versions apart in the preprocessor is judged at its
 * own version. */
static bool compat_extension_syntax_is_checked_at_its_version(void)
{
	static const char location[] =
	        "#extension GL_ARB_explicit_attrib_location: require\n"
	        "layout(location = 0) in vec4 vertex;\n"
	        "void main() { gl_Position = vertex; gl_FrontColor = vertex; }\n";
	static const char ubo[] = "#version 120\n"
	                          "#extension GL_ARB_uniform_buffer_object : require\n"
	                          "struct S { float r; };\n"
	                          "layout(std140) uniform ub { S s; vec4 v; };\n"
	                          "void main() { gl_FragColor = v + vec4(s.r); }\n";
	static const char ubo_error[] = "#extension GL_ARB_uniform_buffer_object : require\n"
	                                "layout(std140) uniform ub { vec4 v; };\n"
	                                "void main() { gl_FragColor = v + undeclared; }\n";
	static const char ubo_version[] = "#extension GL_ARB_uniform_buffer_object : require\n"
	                                  "#if __VERSION__ == 110\n"
	                                  "layout(std140) uniform ub { vec4 v; };\n"
	                                  "#endif\n"
	                                  "void main() { gl_FragColor = vec4(1.0); }\n";
	static const char instanced[] = "#extension GL_ARB_draw_instanced : require\n"
	                                "uniform vec2 pos[8];\n"
	                                "void main() {\n"
	                                "  gl_Position = vec4(pos[gl_InstanceIDARB], 0.0, 1.0);\n"
	                                "}\n";
	enum gh_shader_api compat = GH_SHADER_API_GL_COMPAT;
	char *log = NULL;
	enum gh_shader_verdict with =
	        gh_shader_check_ext(compat, GL_VERTEX_SHADER, instanced, strlen(instanced),
	                            GH_SHADER_EXT_ARB_DRAW_INSTANCED, &log);
	CHECK(with == GH_SHADER_ACCEPTED && !log, "gl_InstanceIDARB: %d %s", with, log ? log : "");
	/* Without the extension's name, layout() stays GLSL 1.10's syntax error. */
	const char *no_name = strchr(location, '\n') + 1;
	return accepted(compat, GL_VERTEX_SHADER, location) &&
	       accepted(compat, GL_FRAGMENT_SHADER, ubo) &&
	       refused(compat, GL_FRAGMENT_SHADER, ubo_error, "0:3: 'undeclared'") &&
	       refused(compat, GL_FRAGMENT_SHADER, ubo_version, "0:3:") &&
	       refused(compat, GL_VERTEX_SHADER, instanced, "'gl_InstanceIDARB' : undeclared") &&
	       refused(compat, GL_VERTEX_SHADER, no_name, "syntax error");
}

/* piglit's GLSL 1.50 shaders of ARB_gpu_shader5 (bitCount, interpolateAtSample, geometry
 * invocations: glslang 12 declares them from 4.00) and of ARB_shader_atomic_counters
 * (atomicCounterIncrement: from 3.30) are checked at those versions, their errors found;
 * without the extension's name, below 1.50, or where the preprocessor could tell the
 * versions apart, they are judged at their own version. */
static bool gpu_shader5_and_atomic_counters_are_checked_at_their_versions(void)
{
	static const char fs[] = "#version 150\n#extension GL_ARB_gpu_shader5 : enable\n"
	                         "in vec3 a[2];\nuniform int i;\nuniform uint u;\nout vec4 c;\n"
	                         "void main() {\n"
	                         "  c = vec4(interpolateAtSample(a[i], 0), float(bitCount(u)));\n"
	                         "}\n";
	static const char gs[] = "#version 150 compatibility\n"
	                         "#extension GL_ARB_gpu_shader5 : require\n"
	                         "layout(lines, invocations = 4) in;\n"
	                         "layout(points, max_vertices = 2) out;\n"
	                         "void main() { gl_Position = vec4(gl_InvocationID);\n"
	                         "  EmitVertex(); }\n";
	static const char fs_error[] = "#version 150\n#extension GL_ARB_gpu_shader5 : enable\n"
	                               "uniform uint u;\nout vec4 c;\n"
	                               "void main() { c = vec4(bitCount(u) + undeclared); }\n";
	static const char fs130[] = "#version 130\n#extension GL_ARB_gpu_shader5 : enable\n"
	                            "uniform uint u;\nout vec4 c;\n"
	                            "void main() { c = vec4(bitCount(u)); }\n";
	static const char fs_version[] = "#version 150\n#extension GL_ARB_gpu_shader5 : enable\n"
	                                 "uniform uint u;\nout vec4 c;\n"
	                                 "void main() { c = vec4(bitCount(u) + __VERSION__); }\n";
	static const char vs[] = "#version 150\n"
	                         "#extension GL_ARB_shader_atomic_counters : require\n"
	                         "layout(binding = 0) uniform atomic_uint n;\n"
	                         "void main() { gl_Position = vec4(atomicCounterIncrement(n)); }\n";
	static const char vs_error[] = "#version 150\n"
	                               "#extension GL_ARB_shader_atomic_counters : require\n"
	                               "layout(binding = 0) uniform atomic_uint n;\n"
	                               "void main() { atomicCounterIncrement(n, 1u); }\n";
	enum gh_shader_api core = GH_SHADER_API_GL_CORE;
	/* The same shaders without the extension's name. */
	const char *fs_plain = strchr(strchr(fs, '\n') + 1, '\n') + 1;
	const char *gs_plain = strchr(strchr(gs, '\n') + 1, '\n') + 1;
	return accepted(core, GL_FRAGMENT_SHADER, fs) &&
	       accepted(GH_SHADER_API_GL_COMPAT, GEOMETRY, gs) &&
	       accepted(core, GL_VERTEX_SHADER, vs) &&
	       refused(core, GL_FRAGMENT_SHADER, fs_error, "0:5: 'undeclared'") &&
	       refused(core, GL_FRAGMENT_SHADER, fs130, "'bitCount'") &&
	       refused(core, GL_FRAGMENT_SHADER, fs_version, "'bitCount'") &&
	       refused(core, GL_VERTEX_SHADER, vs_error, "'atomicCounterIncrement'") &&
	       refused(core, GL_FRAGMENT_SHADER, fs_plain, "ERROR") &&
	       refused(GH_SHADER_API_GL_COMPAT, GEOMETRY, gs_plain, "ERROR");
}

static bool compute_below_420_is_checked_with_arb_compute_shader(void)
{
	static const char cs330[] = "#version 330\n"
	                            "#extension GL_ARB_compute_shader : require\n"
	                            "#extension GL_ARB_shader_storage_buffer_object : require\n"
	                            "layout(local_size_x = 32) in;\n"
	                            "layout(std430, binding = 0) buffer Out { uint v[]; };\n"
	                            "void main() { v[gl_GlobalInvocationID.x] = 3u; }\n";
	static const char cs150_error[] = "#version 150 core\n"
	                                  "#extension GL_ARB_compute_shader : require\n"
	                                  "layout(local_size_x = 1) in;\n"
	                                  "void main() { undeclared = 1; }\n";
	return accepted(GH_SHADER_API_GL_CORE, COMPUTE, cs330) &&
	       refused(GH_SHADER_API_GL_CORE, COMPUTE, cs150_error, "0:4: 'undeclared'") &&
	       refused(GH_SHADER_API_GL_CORE, COMPUTE,
	               "#version 330\nlayout(local_size_x = 1) in;\nvoid main() {}\n",
	               "'#version' : 330 has no compute shaders") &&
	       refused(GH_SHADER_API_GL_CORE, COMPUTE,
	               "#version 140\n#extension GL_ARB_compute_shader : require\nvoid main() {}\n",
	               "'#version' : 140 has no compute shaders") &&
	       refused(GH_SHADER_API_GLES, COMPUTE,
	               "#version 300 es\n#extension GL_ARB_compute_shader : require\n"
	               "void main() {}\n",
	               "'#version' : 300 has no compute shaders") &&
	       /* Lines the driver compiles (at 330) that glslang (at 420) would skip. */
	       refused(GH_SHADER_API_GL_CORE, COMPUTE,
	               "#version 330\n#extension GL_ARB_compute_shader : require\n"
	               "layout(local_size_x = 1) in;\n"
	               "#if __VERSION__ < 420\nvoid main() { undeclared = 1; }\n#else\n"
	               "void main() {}\n#endif\n",
	               "may not name __VERSION__");
}

/* gl_FrontColor and its kin in compatibility geometry and tessellation shaders of 1.50 to
 * 3.30, which glslang 12 declares from 4.00 only: checked as 4.00 compatibility, their
 * errors still found; core-profile shaders still lack them. */
static bool compatibility_colours_below_400_are_checked_as_400(void)
{
	static const char gs[] = "#version 150 compatibility\n"
	                         "layout(triangles) in;\n"
	                         "layout(triangle_strip, max_vertices = 3) out;\n"
	                         "void main() { for (int i = 0; i < 3; i++) {\n"
	                         "gl_Position = gl_in[i].gl_Position; gl_FrontColor = vec4(1.0);\n"
	                         "gl_BackSecondaryColor = vec4(0.5); EmitVertex(); } }\n";
	static const char tes[] = "#version 330 compatibility\n"
	                          "#extension GL_ARB_tessellation_shader : require\n"
	                          "layout(triangles) in;\n"
	                          "void main() { gl_Position = gl_in[0].gl_Position;\n"
	                          "gl_BackColor = vec4(0.5); }\n";
	static const char gs_error[] =
	        "#version 150 compatibility\n"
	        "layout(points) in;\n"
	        "layout(points, max_vertices = 1) out;\n"
	        "void main() { gl_FrontColor = undeclared; EmitVertex(); }\n";
	static const char gs_core[] = "#version 150 core\n"
	                              "layout(points) in;\n"
	                              "layout(points, max_vertices = 1) out;\n"
	                              "void main() { gl_FrontColor = vec4(1.0); EmitVertex(); }\n";
	return accepted(GH_SHADER_API_GL_COMPAT, GEOMETRY, gs) &&
	       accepted(GH_SHADER_API_GL_COMPAT, 0x8E87 /* tess evaluation */, tes) &&
	       refused(GH_SHADER_API_GL_COMPAT, GEOMETRY, gs_error, "0:4: 'undeclared'") &&
	       refused(GH_SHADER_API_GL_COMPAT, GEOMETRY, gs_core, "0:4: 'gl_FrontColor'");
}

/* A backslash-newline below GLSL 4.20, which glslang 12 reports and Mesa takes: accepted
 * alone; with an error in the joined lines refused (its log is glslang's first pass's). */
static bool line_continuation_below_420_is_a_known_divergence(void)
{
	static const char fs120[] = "#version 120\n#define X(a) a + \\\n 1.0\n"
	                            "void main() { gl_FragColor = vec4(X(2.0)); }\n";
	static const char fs150_error[] = "#version 150\n#define X(a) a + \\\n 1.0\n"
	                                  "out vec4 c;\nvoid main() { c = vec4(X(undeclared)); }\n";
	return accepted(GH_SHADER_API_GL_COMPAT, GL_FRAGMENT_SHADER, fs120) &&
	       refused(GH_SHADER_API_GL_CORE, GL_FRAGMENT_SHADER, fs150_error,
	               "0:2: 'line continuation'");
}

static const struct {
	const char *name;
	bool (*run)(void);
} cases[] = {
#define CASE(fn)                                                                                   \
	{                                                                                          \
#fn, fn                                                                            \
	}
        CASE(es100_shaders_of_glmark2_are_accepted),
        CASE(attribute_in_a_fragment_shader_is_refused_with_glslang_log),
        CASE(every_combination_is_checked_without_writing_to_stdout),
        CASE(include_is_refused_without_reading_the_file),
        CASE(source_over_the_limit_is_refused),
        CASE(versions_the_api_lacks_are_refused),
        CASE(comments_may_precede_version_300_es),
        CASE(predefined_macros_are_defined),
        CASE(known_divergences_alone_are_accepted),
        CASE(framebuffer_fetch_is_checked_where_the_context_has_it),
        CASE(viewport_array_is_checked_where_the_context_has_it),
        CASE(sample_variables_and_interpolation_are_checked_where_the_context_has_them),
        CASE(compute_below_420_is_checked_with_arb_compute_shader),
        CASE(gpu_shader5_and_atomic_counters_are_checked_at_their_versions),
        CASE(compatibility_colours_below_400_are_checked_as_400),
        CASE(line_continuation_below_420_is_a_known_divergence),
        CASE(compat_extension_syntax_is_checked_at_its_version),
        CASE(check_cost),
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
