/*
 * Which reserved macro names a shader may use. See shader-macros.h.
 */
#include <string.h>

#include "shader-check.h"
#include "shader-desktop-exts.h"
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
