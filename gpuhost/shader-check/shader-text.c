#include <string.h>

#include "shader-text.h"

bool gh_glsl_word_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_';
}

bool gh_glsl_word_is(const char *w, size_t n, const char *what)
{
	return n == strlen(what) && memcmp(w, what, n) == 0;
}

size_t gh_glsl_past_comment(const char *s, size_t len, size_t i)
{
	if (i + 1 >= len || s[i] != '/' || (s[i + 1] != '/' && s[i + 1] != '*'))
		return i;
	bool block = s[i + 1] == '*';
	for (i += 2; i < len; i++) {
		if (!block && s[i] == '\n')
			return i;
		if (block && s[i] == '*' && i + 1 < len && s[i + 1] == '/')
			return i + 2;
	}
	return len;
}
