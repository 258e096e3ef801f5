/*
 * Shader sources built to make glslang check other text than the driver
 * compiles (gpuhost/shader-check/shader-check.c and its rewriters): each is refused,
 * while the legitimate shader next to it is still accepted. Each case is
 * one meson test; the program takes the case's name.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <GLES3/gl32.h>

#include "check.h"
#include "shader-check.h"
#include "shader-desktop-exts.h"

static enum gh_shader_verdict verdict(enum gh_shader_api api, uint32_t type, unsigned exts,
                                      const char *src, char **log)
{
	*log = NULL;
	return gh_shader_check_ext(api, type, src, strlen(src), exts, log);
}

static bool accepted(enum gh_shader_api api, uint32_t type, unsigned exts, const char *src)
{
	char *log;
	enum gh_shader_verdict v = verdict(api, type, exts, src, &log);
	CHECK(v == GH_SHADER_ACCEPTED, "verdict %d, log:\n%s---\n%s", v, log ? log : "", src);
	free(log);
	return true;
}

/* Refused, the log holding `what`. */
static bool refused(enum gh_shader_api api, uint32_t type, unsigned exts, const char *src,
                    const char *what)
{
	char *log;
	enum gh_shader_verdict v = verdict(api, type, exts, src, &log);
	CHECK(v == GH_SHADER_REFUSED && log && strstr(log, what), "verdict %d, log:\n%s---\n%s", v,
	      log ? log : "", src);
	free(log);
	return true;
}

#define COMPAT GH_SHADER_API_GL_COMPAT
#define GLES GH_SHADER_API_GLES
#define FRAG GL_FRAGMENT_SHADER
#define VERT GL_VERTEX_SHADER

/* A hostile tail after an #extension line each rewriter blanks: a comment
 * opened on the line, or a '\r' ending it for both readers. */
static bool blanked_extension_lines_keep_comments_and_line_breaks(void)
{
	static const struct {
		enum gh_shader_api api;
		const char *version, *ext;
		unsigned bit;
	} rewriters[] = {
	        {COMPAT, "#version 330\n", "GL_ARB_shader_precision",
	         GH_SHADER_EXT_SHADER_PRECISION},
	        {GLES, "#version 310 es\n", "GL_EXT_shader_group_vote", GH_SHADER_EXT_GROUP_VOTE},
	        {COMPAT, "#version 330\n", "GL_ARB_shader_subroutine", 0},
	        {COMPAT, "#version 120\n", "GL_EXT_texture_array", GH_SHADER_EXT_TEXTURE_ARRAY},
	        {COMPAT, "#version 120\n", "GL_EXT_gpu_shader4", GH_SHADER_EXT_GPU_SHADER4},
	};
	static const char *const tails[] = {
	        " : enable /*\n/*/\nunchecked junk @@;\n/*/\n// */\nvoid main(){}\n",
	        " : enable\runchecked junk @@;\nvoid main(){}\n",
	        /* (GLSL ES 3.10 joins it for both: a comment for both) */
	        " : enable //\\\nunchecked junk @@;\nvoid main(){}\n",
	};
	char src[512];
	for (size_t r = 0; r < sizeof(rewriters) / sizeof(rewriters[0]); r++) {
		for (size_t k = 0;
		     k < sizeof(tails) / sizeof(tails[0]) - (rewriters[r].api == GLES); k++) {
			snprintf(src, sizeof(src), "%s#extension %s%s", rewriters[r].version,
			         rewriters[r].ext, tails[k]);
			if (!refused(rewriters[r].api, FRAG, rewriters[r].bit, src, "ERROR"))
				return false;
		}
		snprintf(src, sizeof(src), "%s#extension %s : enable // fine\nvoid main(){}\n",
		         rewriters[r].version, rewriters[r].ext);
		if (!accepted(rewriters[r].api, FRAG, rewriters[r].bit, src))
			return false;
	}
	return true;
}

/* A lone '\r' ends a line for glslang and the driver, not for the check's
 * scanners: each of these hid a #define from a respelling or a fold, and the
 * driver compiled what glslang never saw (the security review of
 * 2026-12-06). A CR LF line end is a line end like any other. */
static bool lone_carriage_returns_are_refused(void)
{
	static const struct {
		unsigned bit;
		const char *src;
	} hidden[] = {
	        {0,
	         "#version 430\n#define Y 1\r#define bitCount(x) 1]; DRIVER_SAW_THIS; float "
	         "q[1\nout vec4 c;\nvoid main() {\n  float a[bitCount(7)];\n  c = vec4(1.0);\n}\n"},
	        {GH_SHADER_EXT_GPU_SHADER4,
	         "#version 120\n#extension GL_EXT_gpu_shader4 : enable\nint x;\r#define truncate "
	         "1\n#ifdef truncate\n DRIVER_SAW_THIS\n#endif\nvoid main(){ gl_FragColor = "
	         "vec4(1.0); }\n"},
	        {GH_SHADER_EXT_TEXTURE_ARRAY,
	         "#version 120\n#extension GL_EXT_texture_array : enable\nint x;\r#define "
	         "texture2DArray 1\n#ifdef texture2DArray\n junk\n#endif\nvoid main(){ "
	         "gl_FragColor = vec4(1.0); }\n"},
	        {0, "#version 330\nout vec4 c;\nvoid main() { c = vec4(1.0); }\n\r"},
	};
	for (size_t k = 0; k < sizeof(hidden) / sizeof(hidden[0]); k++) {
		if (!refused(COMPAT, FRAG, hidden[k].bit, hidden[k].src, "'line end'"))
			return false;
	}
	return accepted(COMPAT, FRAG, 0,
	                "#version 330\r\nout vec4 c;\r\nvoid main() { c = vec4(1.0); }\r\n");
}

/* Below GLSL 4.20 and in ES 1.00 glslang ends a // comment at a backslash-
 * newline that the driver joins. */
static bool comment_continuations_are_refused_where_glslang_ends_the_comment(void)
{
	static const char es100[] = "#version 100\n// \\\n/*\nunchecked junk @@;\n// */\n"
	                            "void main(){gl_Position=vec4(0.0);}\n";
	static const char gl330[] = "#version 330\n// \\\n/*\nunchecked junk @@;\n// */\n"
	                            "void main(){}\n";
	static const char block[] = "#version 330\n/* *\\\n/ unchecked junk @@; */\n"
	                            "void main(){}\n";
	/* A backslash, \n, \r: one join for the driver, a join and a line break
	 * for glslang (refused as a lone '\r' now, before the continuation rule). */
	static const char lfcr[] = "#version 330\n#define X \\\n\r#define Z\n#ifdef Z\n"
	                           "void main(){}\n#else\nunchecked junk @@;\n#endif\n";
	static const char legit_macro[] = "#version 120\n#define A(x) \\\n x\n"
	                                  "void main(){ gl_FragColor = vec4(A(1.0)); }\n";
	static const char legit_es300[] = "#version 300 es\n// a \\\nstill a comment\n"
	                                  "void main(){}\n";
	return refused(GLES, VERT, 0, es100, "'line continuation'") &&
	       refused(COMPAT, FRAG, 0, gl330, "'line continuation'") &&
	       refused(COMPAT, FRAG, 0, block, "'line continuation'") &&
	       refused(COMPAT, FRAG, 0, lfcr, "'line end'") &&
	       accepted(COMPAT, FRAG, 0, legit_macro) && accepted(GLES, FRAG, 0, legit_es300);
}

/* A reserved macro name one side predefines and the other may not. */
static bool macros_only_both_sides_define_alike(void)
{
	static const char google[] = "#version 330\n#ifdef GL_GOOGLE_include_directive\n"
	                             "void main(){}\n#else\nunchecked junk @@;\n#endif\n";
	static const char core[] = "#version 150 compatibility\n#ifdef GL_core_profile\n"
	                           "void main(){}\n#else\nunchecked junk @@;\n#endif\n";
	static const char mesa[] = "#version 100\n#ifndef __have_builtin_builtin_sign64\n"
	                           "void main(){gl_Position=vec4(0.0);}\n#else\nunchecked @@;\n"
	                           "#endif\n";
	/* Pasted tokens could make any name: refused even where harmless. */
	static const char paste[] = "#version 330\n#define P(a, b) a##b\nfloat P(x, y);\n"
	                            "void main(){}\n";
	static const char in_comment[] = "#version 330\n// GL_EXT_multiview\nvoid main(){}\n";
	/* What both define alike, and an #extension line's name. */
	static const char legit[] =
	        "#version 330\n#extension GL_GOOGLE_include_directive : "
	        "enable\n#ifdef GL_ES\n#error\n#endif\n"
	        "#if __VERSION__ == 330 && __LINE__ > 0 && defined(GL_core_profile)\n"
	        "void main(){}\n#endif\n";
	static const char ext[] = "#version 150\n#extension GL_ARB_shader_precision : enable\n"
	                          "#ifdef GL_ARB_shader_precision\nvoid main(){}\n#endif\n";
	static const char es[] = "#version 100\n#ifdef GL_FRAGMENT_PRECISION_HIGH\n"
	                         "precision highp float;\n#endif\n#ifdef GL_ES\n"
	                         "void main(){gl_FragColor=vec4(0.0);}\n#endif\n";
	const char *what = "cannot tell whether the driver defines this macro";
	return refused(COMPAT, FRAG, 0, google, "'GL_GOOGLE_include_directive'") &&
	       refused(COMPAT, FRAG, 0, core, "'GL_core_profile'") &&
	       refused(GLES, VERT, 0, mesa, "'__have_builtin_builtin_sign64'") &&
	       refused(COMPAT, FRAG, 0, paste, "'##'") &&
	       refused(COMPAT, FRAG, 0, in_comment, what) && accepted(COMPAT, FRAG, 0, legit) &&
	       accepted(COMPAT, FRAG, GH_SHADER_EXT_SHADER_PRECISION, ext) &&
	       refused(COMPAT, FRAG, 0, ext, what) && accepted(GLES, FRAG, 0, es);
}

/* A shader is checked as a later version only for a real #extension line
 * (or, for the compatibility colours, the name outside comments). */
static bool versions_are_raised_only_for_real_directives(void)
{
	static const char ubo_comment[] = "#version 110\n// GL_ARB_uniform_buffer_object\n"
	                                  "layout(std140) uniform B { vec4 x; };\n"
	                                  "void main(){ gl_FragColor = x; }\n";
	static const char ubo_disabled[] = "#version 110\n"
	                                   "#extension GL_ARB_uniform_buffer_object : disable\n"
	                                   "layout(std140) uniform B { vec4 x; };\n"
	                                   "void main(){ gl_FragColor = x; }\n";
	static const char ubo[] = "#version 110\n"
	                          "#extension GL_ARB_uniform_buffer_object : enable\n"
	                          "layout(std140) uniform B { vec4 x; };\n"
	                          "void main(){ gl_FragColor = x; }\n";
	static const char cs_comment[] = "#version 330\n/* GL_ARB_compute_shader */\n"
	                                 "layout(local_size_x = 1) in;\nvoid main(){}\n";
	static const char cs[] = "#version 330\n#extension GL_ARB_compute_shader : require\n"
	                         "layout(local_size_x = 1) in;\nvoid main(){}\n";
	static const char colours_comment[] = "#version 150 compatibility\n// gl_FrontColor\n"
	                                      "layout(points) in;\n"
	                                      "layout(points, max_vertices = 1) out;\n"
	                                      "dvec4 d;\nvoid main(){}\n";
	return refused(COMPAT, FRAG, 0, ubo_comment, "ERROR") &&
	       refused(COMPAT, FRAG, 0, ubo_disabled, "ERROR") && accepted(COMPAT, FRAG, 0, ubo) &&
	       refused(COMPAT, GL_COMPUTE_SHADER, 0, cs_comment, "ERROR") &&
	       accepted(COMPAT, GL_COMPUTE_SHADER, 0, cs) &&
	       refused(COMPAT, GL_GEOMETRY_SHADER, 0, colours_comment, "ERROR");
}

/* The stand-ins of read-only built-ins stay read-only, and a ': disable'
 * line enables nothing. */
static bool standins_keep_the_builtins_rules(void)
{
	static const char arb_write[] =
	        "#version 120\n#extension GL_ARB_draw_instanced : enable\n"
	        "void main(){ gl_InstanceIDARB = 1; gl_Position = vec4(0.0); }\n";
	static const char arb_read[] =
	        "#version 120\n#extension GL_ARB_draw_instanced : enable\n"
	        "void main(){ gl_Position = vec4(float(gl_InstanceIDARB)); }\n";
	static const char ext_write[] =
	        "#version 100\n#extension GL_EXT_draw_instanced : enable\n"
	        "void main(){ gl_InstanceIDEXT = 1; gl_Position = vec4(0.0); }\n";
	static const char ext_read[] =
	        "#version 100\n#extension GL_EXT_draw_instanced : enable\n"
	        "void main(){ gl_Position = vec4(float(gl_InstanceIDEXT)); }\n";
	static const char vote_disabled[] = "#version 310 es\n"
	                                    "#extension GL_EXT_shader_group_vote : disable\n"
	                                    "out highp vec4 o;\n"
	                                    "void main(){ o = vec4(anyInvocationEXT(true)); }\n";
	static const char vote[] = "#version 310 es\n"
	                           "#extension GL_EXT_shader_group_vote : enable\n"
	                           "out highp vec4 o;\n"
	                           "void main(){ o = vec4(anyInvocationEXT(true)); }\n";
	static const char levels_disabled[] = "#version 150\n"
	                                      "#extension GL_ARB_texture_query_levels : disable\n"
	                                      "uniform sampler2D s;\nout vec4 o;\n"
	                                      "void main(){ o = vec4(textureQueryLevels(s)); }\n";
	const unsigned arb = GH_SHADER_EXT_ARB_DRAW_INSTANCED, ext = GH_SHADER_EXT_DRAW_INSTANCED;
	return refused(COMPAT, VERT, arb, arb_write, "ERROR") &&
	       accepted(COMPAT, VERT, arb, arb_read) &&
	       refused(GLES, VERT, ext, ext_write, "ERROR") &&
	       accepted(GLES, VERT, ext, ext_read) &&
	       refused(GLES, FRAG, GH_SHADER_EXT_GROUP_VOTE, vote_disabled, "ERROR") &&
	       accepted(GLES, FRAG, GH_SHADER_EXT_GROUP_VOTE, vote) &&
	       refused(COMPAT, FRAG, GH_SHADER_EXT_TEXTURE_QUERY_LEVELS, levels_disabled, "ERROR");
}

/* EXT_gpu_shader4's respellings (shader-gpu-shader4.c, checked as GLSL 1.40) make nothing
 * out of what the driver would read otherwise: only whole words after a real #extension line,
 * never a macro's body or name, never where the source could tell 1.20 from 1.40; gl_PrimitiveID's
 * stand-in stays read-only and a fragment shader's alone. */
static bool gpu_shader4_respellings_keep_the_rules(void)
{
	static const char *const refused_srcs[] = {
	        /* `unsigned` before what a macro makes `int` (not respelled: glslang's reserved
	         * word) */
	        "#version 120\n#extension GL_EXT_gpu_shader4 : enable\n#define I int\n"
	        "uniform unsigned I u;\nvoid main(){ gl_FragColor = vec4(u); }\n",
	        /* `unsigned` before anything but `int` */
	        "#version 120\n#extension GL_EXT_gpu_shader4 : enable\n"
	        "uniform unsigned float u;\nvoid main(){ gl_FragColor = vec4(u); }\n",
	        /* a name spelled in a macro's body is never respelled */
	        "#version 120\n#extension GL_EXT_gpu_shader4 : enable\n"
	        "#define F texelFetch2D\nuniform isampler2D s;\n"
	        "void main(){ gl_FragColor = vec4(F(s, ivec2(0), 0)); }\n",
	        /* nor a word that only ends as one of its names */
	        "#version 120\n#extension GL_EXT_gpu_shader4 : enable\n"
	        "uniform isampler2D s;\n"
	        "void main(){ gl_FragColor = vec4(xtexelFetch2D(s, ivec2(0), 0)); }\n",
	        /* gl_PrimitiveID's stand-in is read-only */
	        "#version 120\n#extension GL_EXT_gpu_shader4 : enable\n"
	        "void main(){ gl_PrimitiveID = 1; gl_FragColor = vec4(0.0); }\n",
	        /* a mention in a comment, or a disable line, enables nothing */
	        "#version 120\n// #extension GL_EXT_gpu_shader4 : enable\n"
	        "uniform uvec4 u;\nvoid main(){ gl_FragColor = vec4(u); }\n",
	        "#version 120\n#extension GL_EXT_gpu_shader4 : disable\n"
	        "uniform uvec4 u;\nvoid main(){ gl_FragColor = vec4(u); }\n",
	        /* a source telling 1.20 from 1.40 stays 1.20, where glslang knows no uvec4 */
	        "#version 120\n#extension GL_EXT_gpu_shader4 : enable\n"
	        "#if __VERSION__ == 120\nuniform uvec4 u;\n#else\nunchecked junk @@;\n#endif\n"
	        "void main(){ gl_FragColor = vec4(u); }\n",
	        /* a macro 1.20 and 1.40 define otherwise */
	        "#version 120\n#extension GL_EXT_gpu_shader4 : enable\n"
	        "#ifndef GL_FRAGMENT_PRECISION_HIGH\nuniform uvec4 u;\n#else\nunchecked junk @@;\n"
	        "#endif\nvoid main(){ gl_FragColor = vec4(u); }\n",
	};
	const unsigned g4 = GH_SHADER_EXT_GPU_SHADER4;
	for (size_t i = 0; i < sizeof(refused_srcs) / sizeof(refused_srcs[0]); i++) {
		if (!refused(COMPAT, FRAG, g4, refused_srcs[i], "ERROR"))
			return false;
	}
	/* `varying out` and gl_PrimitiveID are a fragment shader's alone. */
	static const char vert_out[] = "#version 120\n#extension GL_EXT_gpu_shader4 : enable\n"
	                               "varying out vec4 o;\nvoid main(){ gl_Position = o; }\n";
	static const char vert_prim[] = "#version 120\n#extension GL_EXT_gpu_shader4 : enable\n"
	                                "void main(){ gl_Position = vec4(gl_PrimitiveID); }\n";
	static const char frag[] =
	        "#version 120\n#extension GL_EXT_gpu_shader4 : enable\n"
	        "varying out vec4 o;\nvoid main(){ o = vec4(gl_PrimitiveID); }\n";
	return refused(COMPAT, VERT, g4, vert_out, "ERROR") &&
	       refused(COMPAT, VERT, g4, vert_prim, "ERROR") && accepted(COMPAT, FRAG, g4, frag) &&
	       refused(COMPAT, FRAG, 0, frag, "ERROR");
}

/* The version line the check asks the driver with, kept by offers_all. */
static char asked_line[64];

static bool offers_all(const char *name, const char *version_line, void *data)
{
	(void)name;
	(void)data;
	snprintf(asked_line, sizeof(asked_line), "%s", version_line);
	return true;
}

static bool offers_none(const char *name, const char *version_line, void *data)
{
	(void)name;
	(void)version_line;
	(void)data;
	return false;
}

/* The macro of an extension glslang predefines: only where the driver
 * defines it too, and glslang does define it. */
static bool offered_extension_macros_glslang_defines_are_taken(void)
{
	static const char src[] = "#version 150\n#extension GL_ARB_gpu_shader5 : enable\n"
	                          "#if defined(GL_ARB_gpu_shader5) || __VERSION__ >= 430\n"
	                          "out vec4 o;\nvoid main(){ o = vec4(0.0); }\n#endif\n";
	static const char mesa_only[] = "#version 150\n#ifdef GL_MESA_no_such_macro\n#error\n"
	                                "#endif\nout vec4 o;\nvoid main(){ o = vec4(0.0); }\n";
	const char *what = "cannot tell whether the driver defines this macro";
	char *log = NULL;
	enum gh_shader_verdict on =
	        gh_shader_check_driver(COMPAT, FRAG, src, strlen(src), 0, offers_all, NULL, &log);
	CHECK(on == GH_SHADER_ACCEPTED, "verdict %d, log:\n%s", on, log ? log : "");
	CHECK(strcmp(asked_line, "#version 150\n") == 0, "the driver was asked with \"%s\"",
	      asked_line);
	enum gh_shader_verdict off =
	        gh_shader_check_driver(COMPAT, FRAG, src, strlen(src), 0, offers_none, NULL, &log);
	CHECK(off == GH_SHADER_REFUSED && log && strstr(log, what), "verdict %d", off);
	free(log);
	log = NULL;
	enum gh_shader_verdict mesa = gh_shader_check_driver(
	        COMPAT, FRAG, mesa_only, strlen(mesa_only), 0, offers_all, NULL, &log);
	CHECK(mesa == GH_SHADER_REFUSED && log && strstr(log, what), "verdict %d", mesa);
	free(log);
	return true;
}

/* shader-fold.c spells bitCount(ivec4(7)) as its value for glslang: never
 * where a macro could make the driver read those tokens otherwise (glslang,
 * reading the value, would not see what the macro expands to), nor where
 * the call holds anything but its own grammar. Each is refused as glslang
 * refuses the call it cannot fold. */
static bool folds_never_hide_what_a_macro_makes(void)
{
#define FOLD_FS(before, call)                                                                      \
	"#version 430\n" before "out vec4 c;\nvoid main() {\n  float a[" call                      \
	"];\n  c = vec4(1.0);\n}\n"
	static const char *const hostile[] = {
	        FOLD_FS("#define ivec4(x) x); } void f() { junk(\n", "bitCount(ivec4(7))"),
	        FOLD_FS("#define bitCount(x) junk\n", "bitCount(7)"),
	        FOLD_FS("#undef bitCount\n", "bitCount(7)"),
	        FOLD_FS("#  /* a comment */ define /* another */ uint 1 +\n", "bitCount(uint(7))"),
	        FOLD_FS("#define SPLICED \\\n  ivec4\n", "bitCount(ivec4(7))"),
	        FOLD_FS("#def\\\nine iv\\\nec4(x) x\n", "bitCount(ivec4(7))"),
	        FOLD_FS("int x; /*\n*/ #define ivec4(x) x\n", "bitCount(ivec4(7))"),
	        FOLD_FS("#define PASTE(a, b) a##b\n", "bitCount(ivec4(7))"),
	        FOLD_FS("", "bitCount(/* no */ 7)"),
	        FOLD_FS("", "bitCount(7 /* no */)"),
	        FOLD_FS("", "bitCount(ivec4(7)\\\n)"),
	        FOLD_FS("", "bitCount(7, 8)"),
	        FOLD_FS("", "bitCount(ivec4(7, 8))"),
	        FOLD_FS("", "bitCount(1.0)"),
	        FOLD_FS("", "bitCount(99999999999)"),
	        FOLD_FS("", "bitCount(08)"),
	        FOLD_FS("", "bitCount(7u2)"),
	        FOLD_FS("const int k = 7;\n", "bitCount(k)"),
	        FOLD_FS("#define N 7\n", "bitCount(ivec4(N)).x"),
	};
	for (size_t k = 0; k < sizeof(hostile) / sizeof(hostile[0]); k++) {
		char *log;
		enum gh_shader_verdict v = verdict(COMPAT, FRAG, 0, hostile[k], &log);
		CHECK(v == GH_SHADER_REFUSED, "verdict %d, log:\n%s---\n%s", v, log ? log : "",
		      hostile[k]);
		free(log);
	}
	/* The legitimate twins: macros of other names around a call. */
	return accepted(COMPAT, FRAG, 0, FOLD_FS("#define N 7\n", "bitCount(ivec4(7)).x + N")) &&
	       accepted(COMPAT, FRAG, 0,
	                FOLD_FS("#define SIZE(x) (x)\n", "SIZE(bitCount(ivec2( 7 , 1 )).x)"));
#undef FOLD_FS
}

/* A source declaring a name a fold would replace (a struct, a function, an
 * array-returning function) means by its calls what glslang's folded text
 * would not: nothing is folded in it (the security review of 2026-12-06:
 * `struct fma` made glslang see an array of 5 where the driver built 1). */
static bool folds_never_follow_a_declared_name(void)
{
	static const char *const declared[] = {
	        "#version 430\nstruct fma { float x; float y; float z; };\nout vec4 c;\n"
	        "void main() {\n  float a[int(fma(1.0, 5.0, 0.0).x)];\n  a[4] = 1.0; c = "
	        "vec4(a.length());\n}\n",
	        "#version 430\nint bitCount(int x) { return x; }\nout vec4 c;\n"
	        "void main() { float a[bitCount(7)]; c = vec4(1.0); }\n",
	        "#version 430\nfloat[2] findMSB(float x) { return float[2](x, x); }\nout vec4 c;\n"
	        "void main() { float a[findMSB(7)]; c = vec4(1.0); }\n",
	        "#version 430\nout vec4 c;\nvoid main() { int /* c */ bitCount = 3; float "
	        "a[bitCount(7)]; c = vec4(1.0); }\n",
	};
	for (size_t k = 0; k < sizeof(declared) / sizeof(declared[0]); k++) {
		char *out = NULL;
		size_t n = 0;
		int r = gh_shader_fold_rewrite(declared[k], strlen(declared[k]), 430, false, &out,
		                               &n);
		free(out);
		CHECK(r == 0, "folded (%d) in:\n%s", r, declared[k]);
		char *log;
		enum gh_shader_verdict v = verdict(COMPAT, FRAG, 0, declared[k], &log);
		CHECK(v == GH_SHADER_REFUSED, "verdict %d, log:\n%s---\n%s", v, log ? log : "",
		      declared[k]);
		free(log);
	}
	return true;
}

/* shader-unsized.c accepts glslang's error on a variable index of a named
 * buffer block's unsized member (not its last) only on a line holding as
 * many such indexes as errors, without #line. */
static bool unsized_member_errors_only_on_their_own_lines(void)
{
#define SSBO_VS(before, body)                                                                      \
	"#version 430\nbuffer a {\n  vec4 s[];\n  vec4 t[];\n} b;\nvec4 g[];\n" before             \
	"uniform int f;\nin vec4 p;\nout vec4 c;\n"                                                \
	"void main(void) {\n  " body "\n  gl_Position = p;\n}\n"
	static const char *const hostile[] = {
	        /* A global unsized array indexed where the next line's error would be. */
	        SSBO_VS("", "c = g[f];\n#line 12\n  c = b.s[f];"),
	        SSBO_VS("", "\n#line 12\n  c = b.s[f] + g[f];"),
	        /* A macro indexing another array on the member's line. */
	        SSBO_VS("#define G g[f]\n", "c = b.s[f] + G;"),
	        SSBO_VS("#define G g[f]\n", "c = G + b.s[0];"),
	        /* An anonymous block's member (the driver refuses it at compile time). */
	        SSBO_VS("buffer d { vec4 s[]; vec4 t[]; }; vec4 h[];\n", "c = s[f] + h[f];"),
	};
	const char *what = "array must be redeclared with a size before being indexed";
	for (size_t k = 0; k < sizeof(hostile) / sizeof(hostile[0]); k++) {
		if (!refused(GH_SHADER_API_GL_CORE, VERT, 0, hostile[k], what))
			return false;
	}
	return accepted(GH_SHADER_API_GL_CORE, VERT, 0, SSBO_VS("", "c = b.s[f] +\n  b.s[f];"));
#undef SSBO_VS
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		bool (*fn)(void);
	} cases[] = {
	        {"blanked_extension_lines_keep_comments_and_line_breaks",
	         blanked_extension_lines_keep_comments_and_line_breaks},
	        {"lone_carriage_returns_are_refused", lone_carriage_returns_are_refused},
	        {"folds_never_follow_a_declared_name", folds_never_follow_a_declared_name},
	        {"comment_continuations_are_refused_where_glslang_ends_the_comment",
	         comment_continuations_are_refused_where_glslang_ends_the_comment},
	        {"macros_only_both_sides_define_alike", macros_only_both_sides_define_alike},
	        {"versions_are_raised_only_for_real_directives",
	         versions_are_raised_only_for_real_directives},
	        {"standins_keep_the_builtins_rules", standins_keep_the_builtins_rules},
	        {"offered_extension_macros_glslang_defines_are_taken",
	         offered_extension_macros_glslang_defines_are_taken},
	        {"folds_never_hide_what_a_macro_makes", folds_never_hide_what_a_macro_makes},
	        {"unsized_member_errors_only_on_their_own_lines",
	         unsized_member_errors_only_on_their_own_lines},
	        {"gpu_shader4_respellings_keep_the_rules", gpu_shader4_respellings_keep_the_rules},
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
