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
#include "shader-desktop-exts.h"
#include "shader-desktop.h"
#include "shader-directive.h"
#include "shader-glslang.h"
#include "shader-macros.h"

/* GLES 3.1/3.2 and desktop GL shader types. */
#define TYPE_GEOMETRY 0x8DD9
#define TYPE_TESS_EVALUATION 0x8E87
#define TYPE_TESS_CONTROL 0x8E88
#define TYPE_COMPUTE 0x91B9

/* What the source's #version line says. */
struct version {
	int number;
	int own; /* what the source says (number: what glslang checks it as) */
	enum gh_glslang_profile profile;
	int line;     /* of the #version, for the log */
	size_t start; /* offset of its '#' (what precedes is blanks and comments) */
	size_t body;  /* offset of the line after it (len when there is none) */
	int body_line;
	size_t digits; /* offset of its number */
	bool as_420;   /* a compute shader checked as GLSL 4.20 (compute_as_420) */
	bool as_400;   /* compatibility colours checked as GLSL 4.00 (colours_version) */
	bool as_ext;   /* checked as the version an extension it names joined (ext_version) */
};

bool gh_shader_check_init(void)
{
	return gh_glslang_init();
}

void gh_shader_check_set_limits(int (*query)(unsigned pname, int *value, void *data), void *data)
{
	gh_glslang_set_limits(query, data);
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
	v->start = sc.i;
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
	v->digits = (size_t)(w - s);
	v->number = 0;
	for (size_t k = 0; k < n; k++) {
		if (w[k] < '0' || w[k] > '9')
			return -1;
		v->number = v->number * 10 + (w[k] - '0');
	}
	v->own = v->number;
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
	if (peek(&sc, 0) != '\n' && peek(&sc, 0) != -1)
		return -1;
	v->body = sc.i < len ? sc.i + 1 : len;
	v->body_line = sc.line + 1;
	return 1;
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

/* Whether a source could tell the version glslang checks it as from its own
 * in the preprocessor (__VERSION__, or ## that could paste the name): then
 * glslang would check other lines than the driver compiles, so such a
 * source is never checked as another version. */
static bool tells_versions_apart(const char *source, size_t len)
{
	return memmem(source, len, "__VERSION__", 11) || memmem(source, len, "##", 2);
}

/* ARB_compute_shader gives compute shaders to GLSL 1.50 to 4.10 (piglit's and apps' #version
 * 330 compute shaders on a 3.3 context), glslang 12 only from 4.20 on. A desktop compute shader
 * below 4.20 whose #extension line enables the extension (shader-directive.h; not a mere
 * mention, in a comment say) is checked as 4.20: its version's three digits are
 * spelled 420 in the text glslang reads (line numbers stay), which only adds to what glslang
 * accepts; the driver compiles the source as it is, under its own version's rules. Without
 * the extension's name it stays what it says, refused before glslang sees it (glslang
 * "corrects" such a version noisily). Returns v, marked, with the number glslang checks. */
static struct version *compute_version(const char *source, size_t len, enum gh_glslang_stage stage,
                                       struct version *v)
{
	static const char ext[] = "GL_ARB_compute_shader";
	if (stage != GH_GLSLANG_COMPUTE || v->number < 150 || v->number >= 420 ||
	    v->profile == GH_GLSLANG_PROFILE_ES || !gh_directive_find_enable(source, len, ext))
		return v;
	v->number = 420;
	v->as_420 = true;
	return v;
}

/* The compatibility profile gives geometry and tessellation shaders gl_FrontColor,
 * gl_BackColor, gl_FrontSecondaryColor and gl_BackSecondaryColor to write from GLSL 1.50 on;
 * glslang 12 declares them there only from 4.00. Such a shader of 1.50 to 3.30
 * compatibility that names one (outside comments) is checked as 4.00 compatibility, spelled so as
 * compute_version spells 4.20 (what 4.00 adds only adds to what glslang accepts, but for the words
 * it reserves: a shader naming its own `patch` or `sample` is refused); the driver compiles the
 * source under its own version. */
static struct version *colours_version(const char *source, size_t len, enum gh_glslang_stage stage,
                                       struct version *v)
{
	static const char *const names[] = {"gl_FrontColor", "gl_BackColor",
	                                    "gl_FrontSecondaryColor", "gl_BackSecondaryColor"};
	if ((stage != GH_GLSLANG_GEOMETRY && stage != GH_GLSLANG_TESS_CONTROL &&
	     stage != GH_GLSLANG_TESS_EVALUATION) ||
	    v->number < 150 || v->number >= 400 || v->profile != GH_GLSLANG_PROFILE_COMPAT)
		return v;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (gh_directive_find_word(source, len, names[i])) {
			v->number = 400;
			v->as_400 = true;
			return v;
		}
	}
	return v;
}

/* Desktop GLSL below the version an extension's syntax joined, naming the extension: Mesa
 * takes that syntax at the shader's own version, glslang 12 only from a later version on:
 *   a global `in`, `layout` with ARB_explicit_attrib_location    1.30 (piglit's GLSL 1.10
 *                                                                explicit-location shaders)
 *   uniform blocks (ARB_uniform_buffer_object)                   1.40
 *   the atomic counter functions (ARB_shader_atomic_counters)    3.30 (Mesa: from 1.40)
 *   ARB_gpu_shader5's functions, geometry invocations and
 *   interpolation functions                                      4.00
 *   EXT_gpu_shader4's unsigned integers and integer, buffer and  1.40 (its own spellings
 *   rectangle samplers                                           respelled: shader-gpu-shader4.c)
 *   sampler2DMS and sampler2DMSArray, with their texelFetch and
 *   textureSize (ARB_texture_multisample)                        1.50
 *   a layout on a redeclared gl_FragCoord
 *   (ARB_fragment_coord_conventions)                             1.50
 *   gl_InstanceID (ARB_draw_instanced)                           1.40
 *   textureQueryLOD (ARB_texture_query_lod)                      1.50
 *   texture() of a samplerCubeArray (ARB_texture_cube_map_array) 1.30
 *   gl_BaseVertexARB, gl_BaseInstanceARB, gl_DrawIDARB
 *   (ARB_shader_draw_parameters)                                 4.50
 * Such a shader (its #extension line enabling it, shader-directive.h: not a mere mention) is
 * checked as that version (its #version's digits respelled, as compute_version does; its
 * profile kept, but a version below 1.50, which has none, is parsed in the compatibility
 * profile, its macros still its own version's: checked_profile): a superset of what it may say,
 * every line still parsed, but for the words the later version reserves (a shader naming its own
 * `patch` or `subroutine` is refused); the driver compiles the source under its own version's
 * rules. Not a source that could tell the versions apart in the preprocessor (__VERSION__, or ##
 * that could paste it), where glslang would check other lines than the driver compiles: glslang
 * judges that one at its own version. */
static const struct {
	const char *name;
	int from;    /* the first GLSL version the extension is for */
	int version; /* the version glslang checks it as */
} ext_versions[] = {
        {"GL_ARB_explicit_attrib_location", 110, 130}, /* layout(location) on a global `in` */
        {"GL_ARB_uniform_buffer_object", 110, 140},    /* layout(std140) uniform blocks */
        {"GL_ARB_shader_atomic_counters", 140, 330},   /* atomicCounterIncrement, ... */
        {"GL_ARB_gpu_shader5", 150, 400},              /* bitCount, interpolateAtSample, ... */
        {"GL_EXT_gpu_shader4", 110, 140},         /* uint, usamplerBuffer: shader-gpu-shader4.c */
        {"GL_ARB_texture_multisample", 130, 150}, /* sampler2DMS, isampler2DMSArray, ... */
        {"GL_ARB_fragment_coord_conventions", 110, 150}, /* layout(...) in vec4 gl_FragCoord */
        {"GL_ARB_draw_instanced", 110, 140},             /* gl_InstanceID */
        {"GL_ARB_texture_query_lod", 110, 150},          /* textureQueryLOD */
        {"GL_ARB_texture_cube_map_array", 110, 130},     /* texture(samplerCubeArray, ...) */
        {"GL_ARB_shader_draw_parameters", 140, 450},     /* gl_BaseInstanceARB, gl_DrawIDARB */
};

static struct version *ext_version(const char *source, size_t len, struct version *v)
{
	if (is_es_version(v->number) || v->as_420 || tells_versions_apart(source, len))
		return v;
	int want = v->number;
	for (size_t i = 0; i < sizeof(ext_versions) / sizeof(ext_versions[0]); i++) {
		const char *name = ext_versions[i].name;
		if (v->number >= ext_versions[i].from && want < ext_versions[i].version &&
		    gh_directive_find_enable(source, len, name))
			want = ext_versions[i].version;
	}
	v->as_ext = want != v->number;
	v->number = want;
	return v;
}

/* The profile glslang checks a shader in. A version below 1.50 has none and keeps the
 * compatibility built-ins (gl_TexCoord, gl_FragColor): raised by ext_version to 1.50 or
 * later, it is checked in the compatibility profile, whose built-ins are a superset of its
 * own. Only glslang's parse takes it: the macros the two preprocessors define are those of
 * the shader's own #version, no profile (GL_compatibility_profile is defined by glslang
 * here, never by the driver for such a shader: shader-macros.c refuses it). */
static enum gh_glslang_profile checked_profile(const struct version *v)
{
	if (v->as_ext && v->own < 150 && v->number >= 150 && v->profile == GH_GLSLANG_PROFILE_NONE)
		return GH_GLSLANG_PROFILE_COMPAT;
	return v->profile;
}

/* The text glslang checks for a shader compute_version, colours_version or ext_version marked
 * (*text, malloc'd): 1, or -1 (out of memory); 0 when there is none to make (none marked, or no
 * #version line to respell: glslang is told the version). */
static int spell_420(const char *source, size_t len, const struct version *v, char **text)
{
	if ((!v->as_420 && !v->as_400 && !v->as_ext) || !v->digits)
		return 0;
	char digits[8];
	snprintf(digits, sizeof(digits), "%d", v->number);
	*text = malloc(len);
	if (!*text)
		return -1;
	memcpy(*text, source, len);
	memcpy(*text + v->digits, digits, 3);
	return 1;
}

/* Whether glslang, checking the source as *v, would read a line
 * continuation otherwise than the driver (shader-directive.h): a comment it
 * ends at a backslash-newline that the driver joins. *line: the first. */
static bool continuation_problem(const char *source, size_t len, const struct version *v, int *line)
{
	bool joins_in_comments = is_es_version(v->number) ? v->number >= 300 : v->number >= 420;
	*line = gh_directive_continuation(source, len, !joins_in_comments);
	return *line != 0;
}

/* False when the shader is refused before glslang sees it; `why` says why.
 * Else *stage and *v are what glslang is to parse it as. */
/* The line (from 1) of the first carriage return not followed by a line
 * feed, 0 for none. glslang and the driver's preprocessor both end a line
 * there; the check's own scanners (the respellings for glslang, the macro
 * and directive readers) end lines at line feeds only, so a lone \r could
 * hide a directive from them that both compilers see (a #define of a word
 * the check respells or folds). Refused rather than taught to every
 * scanner: no shader needs old Mac OS line ends. */
static int lone_carriage_return(const char *source, size_t len)
{
	int line = 1;
	for (size_t i = 0; i < len; i++) {
		if (source[i] == '\r' && (i + 1 == len || source[i + 1] != '\n'))
			return line;
		line += source[i] == '\n';
	}
	return 0;
}

static bool precheck(enum gh_shader_api api, uint32_t type, const char *source, size_t len,
                     enum gh_glslang_stage *stage, struct version *v, char *why, size_t size)
{
	*v = (struct version){
	        .number = api == GH_SHADER_API_GLES ? 100 : 110,
	        .own = api == GH_SHADER_API_GLES ? 100 : 110,
	        .profile = GH_GLSLANG_PROFILE_NONE,
	};
	const char *problem;
	int at;
	if (!stage_of(type, stage))
		snprintf(why, size, "ERROR: shader type 0x%x cannot be checked\n", type);
	else if (len > GH_SHADER_MAX_SOURCE)
		snprintf(why, size,
		         "ERROR: the shader source is %zu bytes, over gpupipe's limit of %u\n", len,
		         GH_SHADER_MAX_SOURCE);
	else if ((at = lone_carriage_return(source, len)))
		snprintf(why, size,
		         "ERROR: 0:%d: 'line end' : a carriage return without a line feed after "
		         "it: gpupipe refuses it (its check reads lines at line feeds)\n",
		         at);
	else if (scan_version(source, len, v) < 0)
		snprintf(why, size, "ERROR: 0:%d: '#version' : malformed\n", v->line);
	else if ((problem = version_problem(
	                  api, *stage,
	                  colours_version(source, len, *stage,
	                                  compute_version(source, len, *stage, v)))))
		snprintf(why, size, "ERROR: 0:%d: '#version' : %d %s\n", v->line, v->number,
		         problem);
	else if ((v->as_420 || v->as_400) && tells_versions_apart(source, len))
		snprintf(why, size,
		         "ERROR: 0:%d: '#version' : a shader gpupipe checks as GLSL %d may not "
		         "name __VERSION__ or paste tokens (##)\n",
		         v->line, v->number);
	else if (continuation_problem(source, len, ext_version(source, len, v), &at))
		snprintf(why, size,
		         "ERROR: 0:%d: 'line continuation' : glslang and the driver read this "
		         "one otherwise (a backslash ending a line in a comment below GLSL 4.20, "
		         "or before \\n\\r): gpupipe refuses it\n",
		         at);
	else
		return true;
	return false;
}

/* ---- Where glslang is stricter than the driver ----
 *
 * Shaders that the GLSL ES spec allows as the driver and piglit read it,
 * but glslang 12 refuses. Such a shader is parsed again with every error
 * reported (glslang otherwise stops at the first), and accepted when each
 * error is one of these: the rest of it was still checked. */
#define LINE_CONTINUATION                                                                          \
	"'line continuation' : not supported for this version or the enabled extensions "

static const struct divergence {
	int version;
	const char *error;
	bool exact; /* else a prefix, followed by no ':' (nothing spoofed after it) */
} divergences[] = {
        /* float[2] x; (GLSL 1.20's array syntax; piglit's GLSL ES 1.00
         * fn-out-array-allowed-cstyle.frag) */
        {100, "'arrayed type' : not supported for this version or the enabled extensions ", true},
        /* const float f = 3.0 + (1.0, 2.0); (ES 1.00 keeps the sequence
         * operator in constant expressions; piglit's from-sequence-complex) */
        {100, "'=' : global const initializers must be constant '", false},
        /* A backslash-newline in desktop GLSL below 4.20 (4.20 made it part of the
         * language; Mesa joins the lines in every version, as glslang does after its
         * error: piglit's vertex-program-two-side macros) */
        {110, LINE_CONTINUATION, true},
        {120, LINE_CONTINUATION, true},
        {130, LINE_CONTINUATION, true},
        {140, LINE_CONTINUATION, true},
        {150, LINE_CONTINUATION, true},
        {330, LINE_CONTINUATION, true},
        {400, LINE_CONTINUATION, true},
        {410, LINE_CONTINUATION, true},
};

/* The message of an "ERROR: S:L: message" line (S and L digits), or NULL;
 * *at: L. */
static const char *error_message(const char *line, size_t n, int *at)
{
	static const char prefix[] = "ERROR: ";
	size_t i = sizeof(prefix) - 1;
	if (n < i || memcmp(line, prefix, i) != 0)
		return NULL;
	for (int part = 0; part < 2; part++) {
		size_t digits = i;
		*at = 0;
		while (i < n && line[i] >= '0' && line[i] <= '9') {
			if (*at < 100000000)
				*at = *at * 10 + (line[i] - '0');
			i++;
		}
		if (i == digits || i >= n || line[i] != ':')
			return NULL;
		i++;
	}
	return i < n && line[i] == ' ' ? line + i + 1 : NULL;
}

/* What a divergence may depend on besides the version: the stage, the
 * desktop extensions the shader enables (shader-desktop.c) and those
 * respelled for glslang (shader-desktop-exts.c). */
struct divergence_context {
	enum gh_glslang_stage stage;
	unsigned enabled;
	struct gh_shader_desktop desktop;
	const char *text; /* what glslang checked (len bytes) */
	size_t len;
};

static bool is_divergence(int version, struct divergence_context *dc, const char *msg, size_t n)
{
	if (gh_shader_desktop_divergence(version, dc->stage, &dc->desktop, msg, n) ||
	    gh_shader_desktop_ext_divergence(dc->enabled, version, msg, n))
		return true;
	for (size_t i = 0; i < sizeof(divergences) / sizeof(divergences[0]); i++) {
		const struct divergence *d = &divergences[i];
		size_t len = strlen(d->error);
		if (d->version != version || n < len || memcmp(msg, d->error, len) != 0)
			continue;
		if (d->exact ? n == len : memchr(msg + len, ':', n - len) == NULL)
			return true;
	}
	return false;
}

/* The errors of a glslang log, against the divergences. */
struct errors {
	unsigned count, known; /* errors with a location; known divergences of them */
	bool first_known;      /* the first one is a known divergence */
	bool other;            /* an ERROR line without a location, but the count */
};

static void read_errors(int version, struct divergence_context *dc, const char *log,
                        struct errors *e)
{
	*e = (struct errors){0};
	dc->desktop.bindings_met = 0;
	for (const char *line = log; *line;) {
		const char *end = strchr(line, '\n');
		size_t n = end ? (size_t)(end - line) : strlen(line);
		int at;
		const char *msg = error_message(line, n, &at);
		if (msg) {
			size_t msg_n = n - (size_t)(msg - line);
			bool known = is_divergence(version, dc, msg, msg_n) ||
			             gh_shader_unsized_member_divergence(dc->text, dc->len, version,
			                                                 &dc->desktop, log, line, n,
			                                                 msg, msg_n, at);
			e->first_known |= known && e->count == 0;
			e->known += known;
			e->count++;
		} else if (n >= 7 && memcmp(line, "ERROR: ", 7) == 0 &&
		           !strstr(line, " compilation errors.")) {
			e->other = true;
		}
		line = end ? end + 1 : line + n;
	}
}

/* The extensions glslang 12 does not know (shader-standins.c), by bit. */
static const struct {
	unsigned bit;
	const char *name;
} unknown_exts[] = {
        {GH_SHADER_EXT_FRAMEBUFFER_FETCH, "GL_EXT_shader_framebuffer_fetch"},
        {GH_SHADER_EXT_FRAMEBUFFER_FETCH_NON_COHERENT,
         "GL_EXT_shader_framebuffer_fetch_non_coherent"},
        {GH_SHADER_EXT_VIEWPORT_ARRAY, "GL_OES_viewport_array"},
        {GH_SHADER_EXT_SAMPLE_VARIABLES, "GL_OES_sample_variables"},
        {GH_SHADER_EXT_MULTISAMPLE_INTERPOLATION, "GL_OES_shader_multisample_interpolation"},
        {GH_SHADER_EXT_TEXTURE_QUERY_LOD, "GL_EXT_texture_query_lod"},
        {GH_SHADER_EXT_TEXTURE_SHADOW_LOD, "GL_EXT_texture_shadow_lod"},
        {GH_SHADER_EXT_CLIP_CULL_DISTANCE, "GL_EXT_clip_cull_distance"},
        {GH_SHADER_EXT_GROUP_VOTE, "GL_EXT_shader_group_vote"},
        {GH_SHADER_EXT_INTEGER_FUNCTIONS, "GL_MESA_shader_integer_functions"},
        {GH_SHADER_EXT_FETCH_DEPTH_STENCIL, "GL_ARM_shader_framebuffer_fetch_depth_stencil"},
        {GH_SHADER_EXT_DRAW_INSTANCED, "GL_EXT_draw_instanced"},
        {GH_SHADER_EXT_TEXTURE_ARRAY, "GL_EXT_texture_array"},
        {GH_SHADER_EXT_ARB_DRAW_INSTANCED, "GL_ARB_draw_instanced"},
        {GH_SHADER_EXT_GPU_SHADER4, "GL_EXT_gpu_shader4"},
};

#define N_UNKNOWN_EXTS (sizeof(unknown_exts) / sizeof(unknown_exts[0]))

unsigned gh_shader_ext_bit(const char *name)
{
	for (size_t i = 0; i < N_UNKNOWN_EXTS; i++) {
		if (strcmp(unknown_exts[i].name, name) == 0)
			return unknown_exts[i].bit;
	}
	if (strcmp(name, "GL_ARB_blend_func_extended") == 0)
		return GH_SHADER_EXT_BLEND_FUNC_EXTENDED;
	return gh_shader_desktop_ext_bit(name);
}

/* Text glslang reads before the source. glslang 12 expands __LINE__,
 * __FILE__ and __VERSION__ but says `defined` of them is false; defining
 * them here fixes that (it expands them itself still), as GLSL says. The
 * macros of the extensions it does not know, as the driver defines them. */
static void preamble(char *out, size_t size, int version, unsigned exts)
{
	int k = snprintf(out, size,
	                 "#define __LINE__ 0\n#define __FILE__ 0\n#define __VERSION__ %d\n",
	                 version);
	for (size_t i = 0; i < N_UNKNOWN_EXTS && k > 0 && (size_t)k < size; i++) {
		if (exts & unknown_exts[i].bit)
			k += snprintf(out + k, size - (size_t)k, "#define %s 1\n",
			              unknown_exts[i].name);
	}
	const char *name;
	unsigned bit;
	for (size_t i = 0; (name = gh_shader_desktop_ext_at(i, &bit)) && k > 0 && (size_t)k < size;
	     i++) {
		if (exts & bit)
			k += snprintf(out + k, size - (size_t)k, "#define %s 1\n", name);
	}
}

/* GLSL ES 3.00 lets blank lines and comments come before #version, but
 * glslang 12 refuses them there ("must appear first ... before comments or
 * newlines"). It is given the source from the #version on instead, with a
 * #line keeping its line numbers. Not where a line continuation in those
 * comments could end them elsewhere than scan_version read: what glslang
 * checks must be what the driver reads. 1: *text (malloc'd) and *n are
 * what to check; 0: the source as it is; -1: out of memory. */
static int from_version(const char *source, size_t len, const struct version *v, char **text,
                        size_t *n)
{
	if (v->start == 0 || v->profile != GH_GLSLANG_PROFILE_ES)
		return 0;
	for (size_t i = 0; i < v->start; i++) {
		if (source[i] == '\\')
			return 0;
	}
	char line[24] = "";
	if (v->body < len)
		snprintf(line, sizeof(line), "#line %d\n", v->body_line);
	size_t head = v->body - v->start, extra = strlen(line);
	*n = len - v->start + extra;
	*text = malloc(*n);
	if (!*text)
		return -1;
	memcpy(*text, source + v->start, head);
	memcpy(*text + head, line, extra);
	memcpy(*text + head + extra, source + v->body, len - v->body);
	return 1;
}

/* After glslang stopped at a known divergence: parses again, to the end.
 * 1 when each error is a known divergence (accepted), 0 when not (*full:
 * that parse's log, which names the errors that are not), -1 when glslang
 * could not run. */
static int recheck(struct gh_glslang_input in, struct divergence_context *dc, char **full)
{
	char *log;
	struct errors e;
	in.cascading = true;
	int ok = gh_glslang_parse(&in, &log);
	if (ok == 0) {
		read_errors(in.version, dc, log, &e);
		ok = e.count > 0 && e.known == e.count && !e.other;
		if (ok == 0) {
			*full = log;
			return 0;
		}
		free(log);
	}
	return ok;
}

static enum gh_shader_verdict glslang_verdict(int ok, char **log)
{
	if (ok < 0)
		return GH_SHADER_FAILED;
	if (ok > 0)
		return GH_SHADER_ACCEPTED;
	*log = cut_log(*log);
	return GH_SHADER_REFUSED;
}

/* glslang's verdict on `text` (the source, or what from_version made). */
static enum gh_shader_verdict check_text(enum gh_shader_api api, const struct version *v,
                                         enum gh_glslang_stage stage, const char *text, size_t len,
                                         unsigned exts, unsigned enabled, char **log)
{
	struct divergence_context dc = {
	        .stage = stage, .enabled = enabled, .text = text, .len = len};
	gh_shader_desktop_scan(text, len, &dc.desktop);
	dc.desktop.blend_func_extended = exts & GH_SHADER_EXT_BLEND_FUNC_EXTENDED;
	char pre[2048];
	preamble(pre, sizeof(pre), v->number, exts);
	gh_shader_desktop_preamble(pre, sizeof(pre), api, v->number, checked_profile(v), stage,
	                           &dc.desktop);
	struct gh_glslang_input in = {
	        .stage = stage,
	        .version = v->number,
	        .profile = checked_profile(v),
	        .source = text,
	        .len = len,
	        .preamble = pre,
	};
	int ok = gh_glslang_parse(&in, log);
	struct errors e = {0};
	if (ok == 0)
		read_errors(v->number, &dc, *log, &e);
	char *full = NULL;
	int again = e.first_known ? recheck(in, &dc, &full) : 0;
	if (again == 0 && full) {
		/* The first parse stopped at a known divergence: the app is
		 * told of the errors that are not. */
		free(*log);
		*log = full;
	}
	if (again == 0) {
		enum gh_shader_verdict verdict = glslang_verdict(ok, log);
		if (verdict != GH_SHADER_ACCEPTED)
			return verdict;
	} else {
		free(*log);
		*log = NULL;
		if (again < 0)
			return GH_SHADER_FAILED;
	}
	/* Accepted: the atomic functions' arguments where the preamble
	 * declared the functions (shader-desktop.c). */
	enum gh_shader_verdict atomics = gh_shader_desktop_atomics(&in, &dc.desktop, log);
	if (atomics == GH_SHADER_REFUSED)
		*log = cut_log(*log);
	return atomics;
}

enum gh_shader_verdict gh_shader_check(enum gh_shader_api api, uint32_t type, const char *source,
                                       size_t len, char **log)
{
	return gh_shader_check_ext(api, type, source, len, 0, log);
}

/* A desktop shader's extensions glslang does not know (shader-desktop-
 * exts.c), after what `sub` made (*out, when 1): as for_standins. */
static int for_desktop_exts(const struct version *v, enum gh_glslang_stage stage, unsigned exts,
                            const char *in, int sub, size_t *n, char **out, unsigned *enabled)
{
	char *spelled = NULL;
	int ext = gh_shader_desktop_exts_rewrite(sub ? *out : in, *n, v->number, (int)stage, exts,
	                                         &spelled, n, enabled);
	if (ext == 0)
		return sub;
	if (sub)
		free(*out);
	*out = ext > 0 ? spelled : NULL;
	return ext;
}

/* What from_version made of the source (`in`, *n bytes), spelled for
 * glslang where the context has extensions it does not know
 * (shader-standins.c, shader-desktop-exts.c: *enabled, those the shader
 * enables), or with a desktop shader's subroutines (shader-subroutines.c):
 * 1 with *out (malloc'd) and *n, 0 as it is, -1. */
static int for_standins(const struct version *v, enum gh_glslang_stage stage, unsigned exts,
                        const char *in, size_t *n, char **out, unsigned *enabled)
{
	int sub = 0;
	*enabled = 0;
	if (!is_es_version(v->number)) {
		/* Desktop GLSL: its subroutines (shader-subroutines.c). */
		sub = gh_shader_subroutines_rewrite(in, *n, v->number, out, n);
		if (sub < 0)
			return -1;
		sub = for_desktop_exts(v, stage, exts, in, sub, n, out, enabled);
		if (sub < 0)
			return -1;
	}
	if (!is_es_version(v->number) && (exts & GH_SHADER_EXT_TEXTURE_ARRAY)) {
		/* EXT_texture_array's GLSL 1.10/1.20 (shader-texture-array.c). */
		char *arrays = NULL;
		int ta =
		        gh_shader_texture_array_rewrite(sub ? *out : in, *n, v->number, &arrays, n);
		if (ta != 0 && sub) {
			free(*out);
			*out = NULL; /* the caller frees *out: never twice */
		}
		if (ta < 0)
			return -1;
		if (ta > 0) {
			*out = arrays;
			sub = 1;
		}
	}
	if (!is_es_version(v->number) && (exts & GH_SHADER_EXT_GPU_SHADER4)) {
		/* EXT_gpu_shader4's GLSL, checked as 1.40 (shader-gpu-shader4.c). */
		char *g4 = NULL;
		int g = gh_shader_gpu_shader4_rewrite(sub ? *out : in, *n, (int)stage, &g4, n);
		if (g != 0 && sub) {
			free(*out);
			*out = NULL; /* the caller frees *out: never twice */
		}
		if (g < 0)
			return -1;
		if (g > 0) {
			*out = g4;
			sub = 1;
		}
	}
	if (v->profile == GH_GLSLANG_PROFILE_CORE || v->profile == GH_GLSLANG_PROFILE_COMPAT ||
	    !exts)
		return sub;
	char *spelled = NULL;
	int ext = gh_shader_standins_rewrite(sub ? *out : in, *n, v->number, stage, exts, &spelled,
	                                     n);
	if (ext == 0)
		return sub;
	if (sub)
		free(*out);
	*out = ext > 0 ? spelled : NULL; /* never freed twice by the caller */
	return ext;
}

/* What for_standins made (*spelled when `made`, else `in`; *n bytes) with
 * its constant calls glslang 12 does not fold spelled as their values
 * (shader-fold.c): as for_standins. */
static int for_folds(const struct version *v, int made, const char *in, size_t *n, char **spelled)
{
	char *folded = NULL;
	int fold = gh_shader_fold_rewrite(made ? *spelled : in, *n, v->number,
	                                  is_es_version(v->number), &folded, n);
	if (fold == 0)
		return made;
	free(*spelled);
	*spelled = folded; /* NULL when out of memory: never freed twice */
	return fold;
}

/* Whether every reserved macro name the source holds is one that glslang
 * and the driver define alike (shader-macros.h); `why` says why not. */
/* What both_define asks glslang and the driver. */
struct probe {
	const struct version *v;
	enum gh_glslang_stage stage;
	bool (*defines)(const char *name, const char *version_line, void *data);
	void *data;
	unsigned asked; /* glslang parses and driver probes made for this shader */
};

/* The macros of the extensions glslang predefines that a shader may test:
 * those glslang defines at the version it checks the shader as and the
 * driver's preprocessor defines for the shader's own #version (each asked,
 * at most 16 names per shader: a parse each, and a probe of the driver's). */
static bool both_define(const char *name, void *data)
{
	struct probe *p = data;
	if (!p->defines || ++p->asked > 16)
		return false;
	char src[200];
	snprintf(src, sizeof(src), "#ifndef %s\n#error\n#endif\nvoid main(){}\n", name);
	struct gh_glslang_input in = {
	        .stage = p->stage,
	        .version = p->v->number,
	        .profile = checked_profile(p->v),
	        .source = src,
	        .len = strlen(src),
	        .preamble = "",
	};
	char *log = NULL;
	int ok = gh_glslang_parse(&in, &log);
	free(log);
	if (ok <= 0)
		return false;
	static const char *const profiles[] = {
	        [GH_GLSLANG_PROFILE_NONE] = "",
	        [GH_GLSLANG_PROFILE_ES] = " es",
	        [GH_GLSLANG_PROFILE_CORE] = " core",
	        [GH_GLSLANG_PROFILE_COMPAT] = " compatibility",
	};
	char line[40] = "";
	if (p->v->line > 0)
		snprintf(line, sizeof(line), "#version %d%s\n", p->v->own, profiles[p->v->profile]);
	return p->defines(name, line, p->data);
}

static bool macros_alike(const char *source, size_t len, const struct version *v, unsigned exts,
                         struct probe *probe, char *why, size_t size)
{
	struct gh_shader_macros m = {
	        .es = is_es_version(v->number),
	        .version = v->own,
	        .checked = v->number,
	        .profile = v->profile,
	        .exts = exts,
	        .both_define = both_define,
	        .data = probe,
	};
	const char *name;
	size_t n;
	int line = gh_shader_macros_unknown(source, len, &m, &name, &n);
	if (line == 0)
		return true;
	snprintf(why, size,
	         "ERROR: 0:%d: '%.*s' : gpupipe's shader check cannot tell whether the driver "
	         "defines this macro\n",
	         line, (int)(n > 64 ? 64 : n), name);
	return false;
}

enum gh_shader_verdict gh_shader_check_ext(enum gh_shader_api api, uint32_t type,
                                           const char *source, size_t len, unsigned exts,
                                           char **log)
{
	return gh_shader_check_driver(api, type, source, len, exts, NULL, NULL, log);
}

enum gh_shader_verdict gh_shader_check_driver(enum gh_shader_api api, uint32_t type,
                                              const char *source, size_t len, unsigned exts,
                                              bool (*defines)(const char *name,
                                                              const char *version_line, void *data),
                                              void *data, char **log)
{
	enum gh_glslang_stage stage;
	struct version v;
	char why[200];
	*log = NULL;
	if (!precheck(api, type, source, len, &stage, &v, why, sizeof(why))) {
		*log = strdup(why);
		return *log ? GH_SHADER_REFUSED : GH_SHADER_FAILED;
	}
	char *text = NULL;
	size_t n = len;
	int moved = v.as_420 || v.as_400 || v.as_ext ? spell_420(source, len, &v, &text)
	                                             : from_version(source, len, &v, &text, &n);
	if (moved < 0)
		return GH_SHADER_FAILED;
	char *spelled = NULL;
	unsigned enabled;
	int standins = for_standins(&v, stage, exts, moved ? text : source, &n, &spelled, &enabled);
	if (standins >= 0)
		standins = for_folds(&v, standins, moved ? text : source, &n, &spelled);
	const char *checked = standins ? spelled : moved ? text : source;
	enum gh_shader_verdict verdict =
	        standins < 0 ? GH_SHADER_FAILED
	                     : check_text(api, &v, stage, checked, n, exts, enabled, log);
	/* A macro of a word the rewrites respelled: glslang checked the respelled use, the
	 * driver expands the macro (shader-macros.h). */
	const char *macro = NULL;
	size_t macro_len = 0;
	int macro_line =
	        verdict == GH_SHADER_ACCEPTED && standins >= 0
	                ? gh_shader_macros_respelled(source, len, checked, n, &macro, &macro_len)
	                : 0;
	if (macro_line)
		snprintf(why, sizeof(why),
		         "ERROR: 0:%d: '%.*s' : a macro of a name gpupipe's shader check "
		         "respells for glslang\n",
		         macro_line, (int)(macro_len > 64 ? 64 : macro_len), macro);
	free(spelled);
	free(text);
	if (macro_line) {
		free(*log);
		*log = strdup(why);
		return *log ? GH_SHADER_REFUSED : GH_SHADER_FAILED;
	}
	/* After glslang's verdict, so that its log names its own errors first. */
	struct probe probe = {.v = &v, .stage = stage, .defines = defines, .data = data};
	if (verdict == GH_SHADER_ACCEPTED &&
	    !macros_alike(source, len, &v, exts, &probe, why, sizeof(why))) {
		*log = strdup(why);
		return *log ? GH_SHADER_REFUSED : GH_SHADER_FAILED;
	}
	return verdict;
}
