#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <GLES2/gl2.h>

#include "gl-checks.h"

static const char *gl_list, *egl_list;
static int failures;

void gc_extensions(const char *gl, const char *egl)
{
	gl_list = gl;
	egl_list = egl;
}

static bool in_list(const char *list, const char *ext)
{
	size_t n = strlen(ext);
	for (const char *p = list; p && (p = strstr(p, ext)); p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == 0))
			return true;
	return false;
}

bool gc_has(const char *ext)
{
	return in_list(gl_list, ext) || in_list(egl_list, ext);
}

bool gc_needs(const char *check, const char *ext)
{
	if (gc_has(ext))
		return true;
	printf("SKIP %s: no %s\n", check, ext);
	return false;
}

bool gc_fail(const char *check, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	printf("FAIL %s: ", check);
	vprintf(fmt, ap);
	printf("\n");
	va_end(ap);
	failures++;
	return false;
}

bool gc_error_is(const char *check, unsigned want, const char *what)
{
	GLenum got = glGetError();
	while (glGetError() != GL_NO_ERROR)
		;
	if (got == want)
		return true;
	if (want == GL_NO_ERROR)
		return gc_fail(check, "%s: GL error 0x%x", what, got);
	return gc_fail(check, "%s: GL error 0x%x, expected 0x%x", what, got, want);
}

bool gc_no_error(const char *check, const char *what)
{
	return gc_error_is(check, GL_NO_ERROR, what);
}

void gc_result(const char *check, bool ok)
{
	if (ok)
		printf("PASS %s\n", check);
}

int gc_failures(void)
{
	return failures;
}

unsigned gc_pixel(int x, int y)
{
	unsigned char p[4] = {0};
	glReadPixels(x, y, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, p);
	return (unsigned)p[0] << 16 | (unsigned)p[1] << 8 | p[2];
}

bool gc_pixel_is(const char *check, int x, int y, unsigned want, const char *what)
{
	unsigned got = gc_pixel(x, y);
	return got == want ||
	       gc_fail(check, "%s: pixel (%d, %d) %06x, expected %06x", what, x, y, got, want);
}
