/*
 * The shared reader of #extension lines. See shader-directive.h.
 */
#include <string.h>

#include "shader-directive.h"
#include "shader-text.h"

static bool blank_char(int c)
{
	return c == ' ' || c == '\t';
}

void gh_directive_read(const char *s, size_t len, size_t hash, struct gh_directive *d)
{
	*d = (struct gh_directive){.plain = true};
	size_t end = hash;
	while (end < len && s[end] != '\n')
		end++;
	d->end = end;
	/* Anything that could carry the line, or a comment opened on it, past
	 * its '\n' for one reader and not the other. */
	for (size_t k = hash; k < end; k++) {
		if (s[k] == '\r' || s[k] == '\\' || s[k] == '\0' ||
		    (s[k] == '/' && k + 1 < end && s[k + 1] == '*'))
			d->plain = false;
	}
	size_t k = hash + 1, w;
	while (k < end && blank_char(s[k]))
		k++;
	for (w = k; k < end && gh_glsl_word_char(s[k]);)
		k++;
	d->extension = gh_glsl_word_is(s + w, k - w, "extension");
	if (!d->extension)
		return;
	while (k < end && blank_char(s[k]))
		k++;
	for (w = k; k < end && gh_glsl_word_char(s[k]);)
		k++;
	if (k == w)
		return;
	d->name = s + w;
	d->name_len = k - w;
	while (k < end && blank_char(s[k]))
		k++;
	if (k >= end || s[k] != ':')
		return;
	k++;
	while (k < end && blank_char(s[k]))
		k++;
	for (w = k; k < end && gh_glsl_word_char(s[k]);)
		k++;
	static const struct {
		const char *word;
		enum gh_directive_behaviour b;
	} behaviours[] = {
	        {"enable", GH_DIRECTIVE_ENABLE},
	        {"require", GH_DIRECTIVE_REQUIRE},
	        {"warn", GH_DIRECTIVE_WARN},
	        {"disable", GH_DIRECTIVE_DISABLE},
	};
	enum gh_directive_behaviour b = GH_DIRECTIVE_NONE;
	for (size_t i = 0; i < sizeof(behaviours) / sizeof(behaviours[0]); i++) {
		if (gh_glsl_word_is(s + w, k - w, behaviours[i].word))
			b = behaviours[i].b;
	}
	/* Only blanks or a // comment may follow. */
	while (k < end && blank_char(s[k]))
		k++;
	if (k < end && !(s[k] == '/' && k + 1 < end && s[k + 1] == '/'))
		return;
	d->behaviour = b;
}

bool gh_directive_enables(const struct gh_directive *d, const char *name)
{
	return d->extension && d->name && gh_glsl_word_is(d->name, d->name_len, name) &&
	       (d->behaviour == GH_DIRECTIVE_ENABLE || d->behaviour == GH_DIRECTIVE_REQUIRE ||
	        d->behaviour == GH_DIRECTIVE_WARN);
}

bool gh_directive_blankable(const struct gh_directive *d)
{
	return d->plain && d->extension && d->name &&
	       (d->behaviour == GH_DIRECTIVE_ENABLE || d->behaviour == GH_DIRECTIVE_REQUIRE ||
	        d->behaviour == GH_DIRECTIVE_WARN);
}

bool gh_directive_find_enable(const char *s, size_t len, const char *name)
{
	bool line_start = true;
	for (size_t i = 0; i < len;) {
		if (s[i] == '/' && i + 1 < len && (s[i + 1] == '/' || s[i + 1] == '*')) {
			bool block = s[i + 1] == '*';
			for (i += 2; i < len; i++) {
				if (!block && s[i] == '\n')
					break;
				if (block && s[i] == '*' && i + 1 < len && s[i + 1] == '/') {
					i += 2;
					break;
				}
			}
			continue;
		}
		if (s[i] == '#' && line_start) {
			struct gh_directive d;
			gh_directive_read(s, len, i, &d);
			if (d.plain && gh_directive_enables(&d, name))
				return true;
			i = d.end;
			continue;
		}
		if (s[i] == '\n')
			line_start = true;
		else if (!blank_char(s[i]))
			line_start = false;
		i++;
	}
	return false;
}

/* Past the backslash-newlines at s[i] (a backslash, then \n, \r\n or \r). */
static size_t past_joins(const char *s, size_t len, size_t i)
{
	while (i + 1 < len && s[i] == '\\' && (s[i + 1] == '\n' || s[i + 1] == '\r')) {
		i += 2;
		if (s[i - 1] == '\r' && i < len && s[i] == '\n')
			i++;
	}
	return i;
}

int gh_directive_continuation(const char *s, size_t len, bool comments)
{
	enum { CODE, LINE, BLOCK } in = CODE;
	int line = 1;
	for (size_t i = 0; i < len;) {
		if (s[i] == '\\' && i + 1 < len && (s[i + 1] == '\n' || s[i + 1] == '\r')) {
			/* The driver joins a backslash, \n, \r as one; glslang
			 * keeps the \r as a line break. */
			if ((in != CODE && comments) ||
			    (s[i + 1] == '\n' && i + 2 < len && s[i + 2] == '\r'))
				return line;
			i = past_joins(s, len, i);
			line++;
			continue;
		}
		line += s[i] == '\n';
		if (in == LINE) {
			in = s[i] == '\n' || s[i] == '\r' ? CODE : LINE;
			i++;
		} else if (in == BLOCK) {
			if (s[i] == '*' && i + 1 < len && s[i + 1] == '/') {
				in = CODE;
				i += 2;
			} else {
				i++;
			}
		} else if (s[i] == '/') {
			size_t next = past_joins(s, len, i + 1);
			if (next < len && (s[next] == '/' || s[next] == '*')) {
				in = s[next] == '/' ? LINE : BLOCK;
				i = next + 1;
			} else {
				i++;
			}
		} else {
			i++;
		}
	}
	return 0;
}

bool gh_directive_find_word(const char *s, size_t len, const char *word)
{
	size_t wn = strlen(word);
	for (size_t i = 0; i < len;) {
		if (s[i] == '/' && i + 1 < len && (s[i + 1] == '/' || s[i + 1] == '*')) {
			bool block = s[i + 1] == '*';
			for (i += 2; i < len; i++) {
				if (!block && s[i] == '\n')
					break;
				if (block && s[i] == '*' && i + 1 < len && s[i + 1] == '/') {
					i += 2;
					break;
				}
			}
			continue;
		}
		if (!gh_glsl_word_char((unsigned char)s[i])) {
			i++;
			continue;
		}
		size_t k = i;
		while (k < len && gh_glsl_word_char((unsigned char)s[k]))
			k++;
		if (k - i == wn && memcmp(s + i, word, wn) == 0)
			return true;
		i = k;
	}
	return false;
}

bool gh_directive_macro(const char *s, const struct gh_directive *d, size_t hash, size_t *name,
                        size_t *n, size_t *body, bool *define)
{
	size_t i = hash + 1;
	while (i < d->end && (s[i] == ' ' || s[i] == '\t'))
		i++;
	*define = d->end - i >= 6 && memcmp(s + i, "define", 6) == 0;
	bool undef = d->end - i >= 5 && memcmp(s + i, "undef", 5) == 0;
	if (!*define && !undef)
		return false;
	i += *define ? 6 : 5;
	while (i < d->end && (s[i] == ' ' || s[i] == '\t'))
		i++;
	*name = i;
	while (i < d->end && gh_glsl_word_char(s[i]))
		i++;
	*n = i - *name;
	if (*define && i < d->end && s[i] == '(') {
		while (i < d->end && s[i] != ')')
			i++;
	}
	*body = *define ? i : d->end;
	return true;
}
