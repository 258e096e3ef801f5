/*
 * glslang's gate for desktop GLSL's subroutines, which glslang 12 refuses
 * and the rewrite of gpuhost/shader-check/shader-subroutines.c spells for it:
 * shaders with subroutine types, functions, uniforms and their arrays
 * pass; calls through them are still type-checked, undeclared subroutine
 * types still refused, and errors are reported on the app's own lines.
 * Each case is one meson test; the program takes the case's name.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <GLES3/gl32.h>

#include "check.h"
#include "shader-check.h"

static enum gh_shader_verdict check(uint32_t type, const char *src, char **log)
{
	return gh_shader_check_ext(GH_SHADER_API_GL_CORE, type, src, strlen(src), 0, log);
}

static bool accepted(uint32_t type, const char *src)
{
	char *log = NULL;
	enum gh_shader_verdict v = check(type, src, &log);
	CHECK(v == GH_SHADER_ACCEPTED, "verdict %d, log:\n%s---\n%s", v, log ? log : "", src);
	free(log);
	return true;
}

/* Refused, the log naming `line` ("0:N:") and `what`. */
static bool refused_at(uint32_t type, const char *src, const char *line, const char *what)
{
	char *log = NULL;
	enum gh_shader_verdict v = check(type, src, &log);
	CHECK(v == GH_SHADER_REFUSED && log && strstr(log, line) && strstr(log, what),
	      "verdict %d, log:\n%s---\n%s", v, log ? log : "", src);
	free(log);
	return true;
}

static bool subroutines_pass_the_shader_check(void)
{
	static const char *const good[] = {
	        /* tests/gl/gl-core4.c's */
	        "#version 400 core\n"
	        "subroutine vec4 paint();\n"
	        "subroutine(paint) vec4 red() { return vec4(1, 0, 0, 1); }\n"
	        "subroutine(paint) vec4 blue() { return vec4(0, 0, 1, 1); }\n"
	        "subroutine uniform paint colour;\n"
	        "out vec4 o;\n"
	        "void main() { o = colour(); }\n",
	        /* parameters, two types per function, layouts, arrays, comments,
	         * declarations over several lines, an int converted to float */
	        "#version 430\n"
	        "subroutine float op(float a, in vec2 b);\n"
	        "subroutine /* a comment */ float op2(float a, vec2 b);\n"
	        "layout(index = 3) subroutine(op, op2) float add(float a, vec2 b)\n"
	        "{ return a + b.x; }\n"
	        "subroutine(op) float mul(float a, vec2 b) { return a * b.y; }\n"
	        "layout(location = 4) subroutine uniform op first;\n"
	        "subroutine uniform op2\n"
	        "   many[2], one;\n"
	        "uniform int k;\n"
	        "out vec4 o;\n"
	        "void main() {\n"
	        "  float x = first(1, vec2(2.0)) + many[k](2.0, vec2(1.0)) + many [ 1u ] ( 3.0, "
	        "vec2(0.5));\n"
	        "  o = vec4(x, one(x, vec2(x)), 0.0, 1.0);\n"
	        "}\n",
	        /* no parameters, (void), an array called without arguments */
	        "#version 450\n"
	        "subroutine vec3 colour(void);\n"
	        "subroutine(colour) vec3 grey(void) { return vec3(0.5); }\n"
	        "subroutine uniform colour pick[3];\n"
	        "out vec4 o;\n"
	        "void main() { o = vec4(pick[1]() + pick[2 - 1 ]( ), 1.0); }\n",
	        /* GLSL 3.30 with the extension */
	        "#version 330 core\n"
	        "#extension GL_ARB_shader_subroutine : require\n"
	        "subroutine vec4 paint(vec2 p);\n"
	        "subroutine(paint) vec4 plain(vec2 p) { return vec4(p, 0.0, 1.0); }\n"
	        "subroutine uniform paint brush;\n"
	        "in vec2 uv; out vec4 o;\n"
	        "void main() { o = brush(uv); }\n",
	};
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		if (!accepted(GL_FRAGMENT_SHADER, good[i]))
			return false;
	}
	/* A vertex shader's too. */
	return accepted(GL_VERTEX_SHADER, "#version 400\n"
	                                  "subroutine vec4 place(vec4 p);\n"
	                                  "subroutine(place) vec4 same(vec4 p) { return p; }\n"
	                                  "subroutine uniform place where;\n"
	                                  "in vec4 pos;\n"
	                                  "void main() { gl_Position = where(pos); }\n");
}

static bool subroutine_calls_and_types_are_still_checked(void)
{
	/* A call through a uniform with the wrong argument type. */
	if (!refused_at(GL_FRAGMENT_SHADER,
	                "#version 400\n"
	                "subroutine vec4 paint(float x);\n"
	                "subroutine(paint) vec4 red(float x) { return vec4(x); }\n"
	                "subroutine uniform paint colour;\n"
	                "out vec4 o;\n"
	                "void main() { o = colour(vec3(1.0)); }\n",
	                "0:6:", "colour"))
		return false;
	/* Too many arguments through an array element, after a declaration
	 * over two lines: the error stays on the app's line. */
	if (!refused_at(GL_FRAGMENT_SHADER,
	                "#version 400\n"
	                "subroutine vec4 paint(float x);\n"
	                "subroutine(paint) vec4 red(float x) { return vec4(x); }\n"
	                "subroutine uniform paint\n"
	                "  colours[2];\n"
	                "out vec4 o;\n"
	                "void main() { o = colours[1](1.0, 2.0); }\n",
	                "0:7:", "colours"))
		return false;
	/* The result used as another type. */
	if (!refused_at(GL_FRAGMENT_SHADER,
	                "#version 400\n"
	                "subroutine float shade();\n"
	                "subroutine(shade) float half_() { return 0.5; }\n"
	                "subroutine uniform shade s;\n"
	                "out vec4 o;\n"
	                "void main() { o = s(); }\n",
	                "0:6:", "cannot convert"))
		return false;
	/* A uniform of an undeclared subroutine type. */
	if (!refused_at(GL_FRAGMENT_SHADER,
	                "#version 400\n"
	                "subroutine uniform nothing u;\n"
	                "out vec4 o;\n"
	                "void main() { o = vec4(1.0); }\n",
	                "0:2:", ""))
		return false;
	/* A function of an undeclared subroutine type. */
	if (!refused_at(GL_FRAGMENT_SHADER,
	                "#version 400\n"
	                "subroutine vec4 paint();\n"
	                "subroutine(paint, nothing) vec4 red() { return vec4(1.0); }\n"
	                "out vec4 o;\n"
	                "void main() { o = red(); }\n",
	                "0:3:", ""))
		return false;
	/* An error in a subroutine type's parameter list. */
	if (!refused_at(GL_FRAGMENT_SHADER,
	                "#version 400\n"
	                "subroutine vec4 paint(nosuchtype x);\n"
	                "out vec4 o;\n"
	                "void main() { o = vec4(1.0); }\n",
	                "0:2:", "syntax error"))
		return false;
	/* GLSL 3.30 without the extension has no subroutines. */
	if (!refused_at(GL_FRAGMENT_SHADER,
	                "#version 330\n"
	                "subroutine vec4 paint();\n"
	                "out vec4 o;\n"
	                "void main() { o = vec4(1.0); }\n",
	                "0:2:", ""))
		return false;
	/* Nor does GLSL ES. */
	char *log = NULL;
	static const char es[] = "#version 320 es\n"
	                         "precision highp float;\n"
	                         "subroutine vec4 paint();\n"
	                         "out vec4 o;\n"
	                         "void main() { o = vec4(1.0); }\n";
	enum gh_shader_verdict v = gh_shader_check_ext(GH_SHADER_API_GLES, GL_FRAGMENT_SHADER, es,
	                                               strlen(es), 0, &log);
	CHECK(v == GH_SHADER_REFUSED, "an ES shader's subroutine passed");
	free(log);
	/* Text glslang never sees must be plain: an expression as an array size or in the
	 * layout before `subroutine` is left for glslang, which refuses the line. */
	if (!refused_at(GL_FRAGMENT_SHADER,
	                "#version 400\n"
	                "subroutine vec4 paint();\n"
	                "subroutine(paint) vec4 red() { return vec4(1.0); }\n"
	                "subroutine uniform paint p[(1 + (1))];\n"
	                "out vec4 o;\n"
	                "void main() { o = p[0](); }\n",
	                "0:4:", ""))
		return false;
	if (!refused_at(
	            GL_FRAGMENT_SHADER,
	            "#version 400\n"
	            "subroutine vec4 paint();\n"
	            "layout(index = (1 + 1)) subroutine(paint) vec4 red() { return vec4(1.0); }\n"
	            "subroutine uniform paint p;\n"
	            "out vec4 o;\n"
	            "void main() { o = p(); }\n",
	            "0:3:", ""))
		return false;
	/* A subroutine uniform inside a function. */
	return refused_at(GL_FRAGMENT_SHADER,
	                  "#version 400\n"
	                  "subroutine vec4 paint();\n"
	                  "out vec4 o;\n"
	                  "void main() {\n"
	                  "  subroutine uniform paint p;\n"
	                  "  o = vec4(1.0); }\n",
	                  "0:5:", "");
}

static const struct {
	const char *name;
	bool (*run)(void);
} cases[] = {
#define CASE(fn)                                                                                   \
	{                                                                                          \
#fn, fn                                                                            \
	}
        CASE(subroutines_pass_the_shader_check),
        CASE(subroutine_calls_and_types_are_still_checked),
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
