/*
 * Which GLSL a shader is (its #version line, its type, its context's API)
 * and glslang's verdict on it. See shader-check.h.
 *
 * The #version line is read here, not by glslang: glslang "corrects" a
 * version, profile or stage it finds invalid to another one, and some of
 * those (a compute shader of #version 110, say) make it print its whole
 * built-in library on stdout and then crash. So only combinations checked
 * here reach glslang, and it is told to use them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <GLES2/gl2.h>

#include "shader-check.h"
#include "shader-glslang.h"

/* GLES 3.1/3.2 and desktop GL shader types. */
#define TYPE_GEOMETRY 0x8DD9
#define TYPE_TESS_EVALUATION 0x8E87
#define TYPE_TESS_CONTROL 0x8E88
#define TYPE_COMPUTE 0x91B9

/* What the source's #version line says. */
struct version {
	int number;
	enum gh_glslang_profile profile;
	int line; /* of the #version, for the log */
};

bool gh_shader_check_init(void)
{
	return gh_glslang_init();
}

static bool stage_of(uint32_t type, enum gh_glslang_stage *stage)
{
	switch (type) {
	case GL_VERTEX_SHADER:
		*stage = GH_GLSLANG_VERTEX;
		return true;
	case GL_FRAGMENT_SHADER:
		*stage = GH_GLSLANG_FRAGMENT;
		return true;
	case TYPE_GEOMETRY:
		*stage = GH_GLSLANG_GEOMETRY;
		return true;
	case TYPE_TESS_CONTROL:
		*stage = GH_GLSLANG_TESS_CONTROL;
		return true;
	case TYPE_TESS_EVALUATION:
		*stage = GH_GLSLANG_TESS_EVALUATION;
		return true;
	case TYPE_COMPUTE:
		*stage = GH_GLSLANG_COMPUTE;
		return true;
	default:
		return false;
	}
}

/* ---- Reading the #version line ---- */

struct scan {
	const char *s;
	size_t len, i;
	int line;
};

static int peek(const struct scan *sc, size_t ahead)
{
	return sc->i + ahead < sc->len ? (unsigned char)sc->s[sc->i + ahead] : -1;
}

/* Skips a comment at the cursor, if there is one. */
static bool skip_comment(struct scan *sc)
{
	if (peek(sc, 0) != '/' || (peek(sc, 1) != '/' && peek(sc, 1) != '*'))
		return false;
	bool block = peek(sc, 1) == '*';
	sc->i += 2;
	while (sc->i < sc->len) {
		if (!block && peek(sc, 0) == '\n')
			return true;
		if (block && peek(sc, 0) == '*' && peek(sc, 1) == '/') {
			sc->i += 2;
			return true;
		}
		sc->line += peek(sc, 0) == '\n';
		sc->i++;
	}
	return true;
}

/* Skips blanks and comments; across lines too when `lines`. */
static void skip_space(struct scan *sc, bool lines)
{
	for (;;) {
		int c = peek(sc, 0);
		if (c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' ||
		    (lines && c == '\n')) {
			sc->line += c == '\n';
			sc->i++;
		} else if (!skip_comment(sc)) {
			return;
		}
	}
}

static bool is_word_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_';
}

/* The word at the cursor (letters, digits, _), moved past; its length. */
static size_t word(struct scan *sc, const char **start)
{
	*start = sc->s + sc->i;
	size_t n = 0;
	while (is_word_char(peek(sc, 0))) {
		sc->i++;
		n++;
	}
	return n;
}

static bool word_is(const char *w, size_t n, const char *what)
{
	return n == strlen(what) && memcmp(w, what, n) == 0;
}

/* -1: malformed; 0: no #version before the first token; 1: *v filled. */
static int scan_version(const char *s, size_t len, struct version *v)
{
	struct scan sc = {.s = s, .len = len, .line = 1};
	skip_space(&sc, true);
	if (peek(&sc, 0) != '#')
		return 0;
	sc.i++;
	skip_space(&sc, false);
	const char *w;
	size_t n = word(&sc, &w);
	if (!word_is(w, n, "version"))
		return 0;
	v->line = sc.line;
	skip_space(&sc, false);
	n = word(&sc, &w);
	if (n == 0 || n > 4 || w[0] < '1' || w[0] > '9')
		return -1;
	v->number = 0;
	for (size_t k = 0; k < n; k++) {
		if (w[k] < '0' || w[k] > '9')
			return -1;
		v->number = v->number * 10 + (w[k] - '0');
	}
	skip_space(&sc, false);
	n = word(&sc, &w);
	if (n == 0)
		v->profile = GH_GLSLANG_PROFILE_NONE;
	else if (word_is(w, n, "es"))
		v->profile = GH_GLSLANG_PROFILE_ES;
	else if (word_is(w, n, "core"))
		v->profile = GH_GLSLANG_PROFILE_CORE;
	else if (word_is(w, n, "compatibility"))
		v->profile = GH_GLSLANG_PROFILE_COMPAT;
	else
		return -1;
	skip_space(&sc, false);
	return peek(&sc, 0) == '\n' || peek(&sc, 0) == -1 ? 1 : -1;
}

/* ---- Which combinations exist ---- */

static bool is_es_version(int number)
{
	return number == 100 || number == 300 || number == 310 || number == 320;
}

static bool is_desktop_version(int number)
{
	static const int known[] = {110, 120, 130, 140, 150, 330, 400,
	                            410, 420, 430, 440, 450, 460};
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
		if (known[i] == number)
			return true;
	}
	return false;
}

/* NULL when the version line fits the API and the stage, else why not. */
static const char *version_problem(enum gh_shader_api api, enum gh_glslang_stage stage,
                                   const struct version *v)
{
	bool es = is_es_version(v->number);
	if (!es && !is_desktop_version(v->number))
		return "is not a GLSL version";
	if (api == GH_SHADER_API_GLES && !es)
		return "is not a GLSL ES version";
	if (v->number >= 300 && v->number <= 320 && v->profile != GH_GLSLANG_PROFILE_ES)
		return "needs the profile es";
	if (v->profile == GH_GLSLANG_PROFILE_ES && !(v->number >= 300 && v->number <= 320))
		return "takes no profile es";
	if (v->profile != GH_GLSLANG_PROFILE_NONE && v->number < 150)
		return "takes no profile";
	bool needs_310_150 = stage == GH_GLSLANG_GEOMETRY || stage == GH_GLSLANG_TESS_CONTROL ||
	                     stage == GH_GLSLANG_TESS_EVALUATION;
	if (needs_310_150 && (es ? v->number < 310 : v->number < 150))
		return "has no geometry or tessellation shaders";
	if (stage == GH_GLSLANG_COMPUTE && (es ? v->number < 310 : v->number < 420))
		return "has no compute shaders";
	return NULL;
}

/* glslang's log, cut to GH_SHADER_MAX_LOG bytes. */
static char *cut_log(char *log)
{
	static const char cut[] = "\n(log cut)\n";
	size_t n = strlen(log);
	if (n < GH_SHADER_MAX_LOG)
		return log;
	memcpy(log + GH_SHADER_MAX_LOG - sizeof(cut), cut, sizeof(cut));
	char *small = realloc(log, GH_SHADER_MAX_LOG);
	return small ? small : log;
}

/* False when the shader is refused before glslang sees it; `why` says why.
 * Else *stage and *v are what glslang is to parse it as. */
static bool precheck(enum gh_shader_api api, uint32_t type, const char *source, size_t len,
                     enum gh_glslang_stage *stage, struct version *v, char *why, size_t size)
{
	*v = (struct version){
	        .number = api == GH_SHADER_API_GLES ? 100 : 110,
	        .profile = GH_GLSLANG_PROFILE_NONE,
	};
	const char *problem;
	if (!stage_of(type, stage))
		snprintf(why, size, "ERROR: shader type 0x%x cannot be checked\n", type);
	else if (len > GH_SHADER_MAX_SOURCE)
		snprintf(why, size,
		         "ERROR: the shader source is %zu bytes, over gpupipe's limit of %u\n", len,
		         GH_SHADER_MAX_SOURCE);
	else if (scan_version(source, len, v) < 0)
		snprintf(why, size, "ERROR: 0:%d: '#version' : malformed\n", v->line);
	else if ((problem = version_problem(api, *stage, v)))
		snprintf(why, size, "ERROR: 0:%d: '#version' : %d %s\n", v->line, v->number,
		         problem);
	else
		return true;
	return false;
}

enum gh_shader_verdict gh_shader_check(enum gh_shader_api api, uint32_t type, const char *source,
                                       size_t len, char **log)
{
	enum gh_glslang_stage stage;
	struct version v;
	char why[200];
	*log = NULL;
	if (!precheck(api, type, source, len, &stage, &v, why, sizeof(why))) {
		*log = strdup(why);
		return *log ? GH_SHADER_REFUSED : GH_SHADER_FAILED;
	}
	int ok = gh_glslang_parse(stage, v.number, v.profile, source, len, log);
	if (ok < 0)
		return GH_SHADER_FAILED;
	if (ok > 0)
		return GH_SHADER_ACCEPTED;
	*log = cut_log(*log);
	return GH_SHADER_REFUSED;
}
