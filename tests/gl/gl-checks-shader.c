/*
 * The check apps' shader and program helpers (gl-checks.h): one copy for every app that
 * draws with shaders, ES and desktop alike (the entry points are the same in libGLESv2 and
 * libOpenGL). Logs go to stdout as "info:" lines, which the comparison ignores.
 */
#include <stdio.h>

#include <GLES3/gl32.h>

#include "gl-checks.h"

unsigned gc_shader(unsigned type, const char *src)
{
	GLuint s = glCreateShader(type);
	glShaderSource(s, 1, &src, NULL);
	glCompileShader(s);
	GLint ok = 0;
	glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
	if (!ok) {
		char log[512] = "";
		glGetShaderInfoLog(s, sizeof(log), NULL, log);
		printf("info: compile failed: %s\n", log);
		glDeleteShader(s);
		return 0;
	}
	return s;
}

unsigned gc_program(const char *vs, const char *gs, const char *fs)
{
	GLuint v = gc_shader(GL_VERTEX_SHADER, vs), f = gc_shader(GL_FRAGMENT_SHADER, fs);
	GLuint g = gs ? gc_shader(GL_GEOMETRY_SHADER, gs) : 0;
	if (!v || !f || (gs && !g))
		return 0;
	GLuint p = glCreateProgram();
	glAttachShader(p, v);
	if (g)
		glAttachShader(p, g);
	glAttachShader(p, f);
	glLinkProgram(p);
	GLint ok = 0;
	glGetProgramiv(p, GL_LINK_STATUS, &ok);
	if (!ok) {
		char log[512] = "";
		glGetProgramInfoLog(p, sizeof(log), NULL, log);
		printf("info: link failed: %s\n", log);
		glDeleteProgram(p);
		return 0;
	}
	return p;
}
