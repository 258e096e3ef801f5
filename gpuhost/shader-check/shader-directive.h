/*
 * One reader of a shader's #extension lines for the rewriters that blank
 * them for glslang (shader-standins.c, shader-subroutines.c,
 * shader-desktop-exts.c, shader-texture-array.c) and for the checks that
 * depend on what a shader enables (shader-check.c).
 *
 * Blanking a line for glslang only is sound only where glslang and the
 * driver's preprocessor both end that line at its '\n' with nothing
 * carried past it: a block comment opened on it, a '\r' (a line break for both), a
 * backslash (a line continuation, or one ending a // comment that the
 * driver joins and glslang below 4.20 does not) would let the blank hide
 * text that the driver still reads. Such a line is left as it is (glslang
 * then judges it, or the rewrite does not happen).
 */
#ifndef GH_SHADER_DIRECTIVE_H
#define GH_SHADER_DIRECTIVE_H

#include <stdbool.h>
#include <stddef.h>

enum gh_directive_behaviour {
	GH_DIRECTIVE_NONE, /* not a well-formed #extension line */
	GH_DIRECTIVE_ENABLE,
	GH_DIRECTIVE_REQUIRE,
	GH_DIRECTIVE_WARN,
	GH_DIRECTIVE_DISABLE,
};

struct gh_directive {
	size_t end;       /* offset of the '\n' ending its line (len without one) */
	bool extension;   /* "#extension" */
	const char *name; /* the word after #extension (name_len bytes), or NULL */
	size_t name_len;
	enum gh_directive_behaviour behaviour; /* of a well-formed "#extension NAME : word" */
	bool plain; /* no block comment opener, '\r', '\\' or NUL on the line: it may be blanked */
};

/* Reads the directive whose '#' is s[hash] (first on its line). */
void gh_directive_read(const char *s, size_t len, size_t hash, struct gh_directive *d);

/* Whether *d is a well-formed #extension line naming `name` whose
 * behaviour is enable, require or warn. */
bool gh_directive_enables(const struct gh_directive *d, const char *name);

/* Whether *d is an #extension line that may be blanked for glslang: plain,
 * well formed, and enabling (enable, require or warn). */
bool gh_directive_blankable(const struct gh_directive *d);

/* The macro of the #define or #undef directive at s[hash] (line d): true with its name
 * at s + *name (*n bytes) and, for a #define (*define), *body where its replacement list
 * begins, past any parameters (d->end for an #undef); false for any other directive. */
bool gh_directive_macro(const char *s, const struct gh_directive *d, size_t hash, size_t *name,
                        size_t *n, size_t *body, bool *define);

/* Whether `source` holds a plain, well-formed #extension line that enables
 * `name` (a directive: '#' first on its line outside comments). */
bool gh_directive_find_enable(const char *source, size_t len, const char *name);

/* Whether `source` holds the identifier `word` outside comments. */
bool gh_directive_find_word(const char *source, size_t len, const char *word);

/* Where `source` holds a line continuation that glslang and the driver's
 * preprocessor read otherwise: a backslash, '\n', '\r' (one join for the
 * driver, a join and a line break for glslang), and where `comments`, a
 * backslash before a line break ('\n' or '\r') inside a comment, the
 * comments found as glslang finds them (joining a backslash-newline outside
 * comments). glslang 12 ends such a comment at that line break below GLSL
 * 4.20 and in GLSL ES 1.00 (a warning only), while the driver's
 * preprocessor joins the lines first in every version: the next line would
 * be code for glslang and comment for the driver. Returns the line of the
 * first such backslash, 0 without one. */
int gh_directive_continuation(const char *source, size_t len, bool comments);

#endif
