/*
 * Which reserved macro names a shader may use. See shader-macros.h.
 */
#include <string.h>

#include "shader-check.h"
#include "shader-desktop-exts.h"
#include "shader-directive.h"
#include "shader-macros.h"
#include "shader-text.h"

/* Whether w (n bytes, at s + at) is the name of an #extension directive:
 * '#', "extension" and it alone on a line of its own, blanks between (no
 * line continuation before that line: then it is not a directive). */
static bool extension_name(const char *s, size_t at)
{
	size_t k = at;
	while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t'))
		k--;
	static const char word[] = "extension";
	size_t wn = sizeof(word) - 1;
	if (k < wn || memcmp(s + k - wn, word, wn) != 0)
		return false;
	k -= wn;
	while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t'))
		k--;
	if (k == 0 || s[k - 1] != '#')
		return false;
	k--;
	while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t'))
		k--;
	if (k == 0)
		return true;
	/* A '\n' not continued (by a backslash, maybe before a '\r'). */
	if (s[k - 1] != '\n')
		return false;
	k--;
	if (k > 0 && s[k - 1] == '\r')
		k--;
	return k == 0 || s[k - 1] != '\\';
}

/* Whether both sides define the macro w (n bytes) alike for *m. */
static bool defined_alike(const char *w, size_t n, const struct gh_shader_macros *m)
{
	if (gh_glsl_word_is(w, n, "__LINE__") || gh_glsl_word_is(w, n, "__FILE__"))
		return true;
	if (gh_glsl_word_is(w, n, "__VERSION__"))
		return m->checked == m->version;
	if (gh_glsl_word_is(w, n, "GL_ES"))
		return true; /* both: on GLSL ES only */
	/* Mesa: from 1.30 and in ES; glslang: the same. */
	if (gh_glsl_word_is(w, n, "GL_FRAGMENT_PRECISION_HIGH"))
		return m->es || (m->version >= 130) == (m->checked >= 130);
	/* Mesa: GL_core_profile from 1.50 but for the compatibility profile,
	 * which has GL_compatibility_profile instead; glslang: GL_core_profile
	 * from 1.50 in both, GL_compatibility_profile with it. */
	if (gh_glsl_word_is(w, n, "GL_core_profile"))
		return m->es || (m->profile != GH_GLSLANG_PROFILE_COMPAT &&
		                 (m->version >= 150) == (m->checked >= 150));
	if (gh_glsl_word_is(w, n, "GL_compatibility_profile"))
		return m->es || m->profile == GH_GLSLANG_PROFILE_COMPAT;
	/* The extensions glslang lacks: the check defines those of the
	 * context for glslang, as the driver does. */
	char name[96];
	if (n >= sizeof(name))
		return false;
	memcpy(name, w, n);
	name[n] = '\0';
	unsigned bit = gh_shader_ext_bit(name);
	if (bit)
		return (m->exts & bit) != 0;
	return n > 3 && memcmp(w, "GL_", 3) == 0 && m->both_define && m->both_define(name, m->data);
}

int gh_shader_macros_unknown(const char *s, size_t len, const struct gh_shader_macros *m,
                             const char **name, size_t *n)
{
	int line = 1;
	for (size_t i = 0; i < len; i++) {
		line += s[i] == '\n';
		if (s[i] == '#' && i + 1 < len && s[i + 1] == '#') {
			*name = "##";
			*n = 2;
			return line;
		}
		if (i > 0 && ((s[i - 1] >= 'a' && s[i - 1] <= 'z') ||
		              (s[i - 1] >= 'A' && s[i - 1] <= 'Z') || s[i - 1] == '_'))
			continue;
		bool gl = i + 3 <= len && memcmp(s + i, "GL_", 3) == 0;
		bool under = i + 2 <= len && memcmp(s + i, "__", 2) == 0;
		if (!gl && !under)
			continue;
		size_t k = i;
		while (k < len && gh_glsl_word_char((unsigned char)s[k]))
			k++;
		if (!(gl && extension_name(s, i)) && !defined_alike(s + i, k - i, m)) {
			*name = s + i;
			*n = k - i;
			return line;
		}
		i = k - 1;
	}
	return 0;
}

/* Whole-word occurrences of w (n bytes) in s. */
static size_t word_count(const char *s, size_t len, const char *w, size_t n)
{
	size_t count = 0;
	for (size_t i = 0; n && i + n <= len; i++) {
		if (memcmp(s + i, w, n) != 0 ||
		    (i > 0 && gh_glsl_word_char((unsigned char)s[i - 1])) ||
		    (i + n < len && gh_glsl_word_char((unsigned char)s[i + n])))
			continue;
		count++;
		i += n - 1;
	}
	return count;
}

int gh_shader_macros_respelled(const char *source, size_t len, const char *text, size_t n,
                               const char **name, size_t *name_len)
{
	if (text == source)
		return 0;
	bool line_start = true;
	int line = 1;
	for (size_t i = 0; i < len;) {
		size_t c = gh_glsl_past_comment(source, len, i);
		if (c != i) {
			for (; i < c; i++)
				line += source[i] == '\n';
			continue;
		}
		if (source[i] == '#' && line_start) {
			struct gh_directive d;
			size_t at, k, body;
			bool define;
			gh_directive_read(source, len, i, &d);
			if (gh_directive_macro(source, &d, i, &at, &k, &body, &define) && k &&
			    word_count(source, len, source + at, k) !=
			            word_count(text, n, source + at, k)) {
				*name = source + at;
				*name_len = k;
				return line;
			}
			i = d.end;
			continue;
		}
		line += source[i] == '\n';
		if (source[i] == '\n')
			line_start = true;
		else if (source[i] != ' ' && source[i] != '\t' && source[i] != '\r')
			line_start = false;
		i++;
	}
	return 0;
}
