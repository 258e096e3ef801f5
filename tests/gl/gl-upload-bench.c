/*
 * gl-upload-bench: how fast texture data reaches the GL, against how fast this machine copies
 * memory (bench/compare-upload runs it natively and through gpu-0). In an OpenGL ES 3 context
 * of a small window it uploads a 1024x1024 RGBA texture (4 MiB) with glTexSubImage2D again
 * and again for about --seconds (default 2), a glFinish after each batch of 8, and prints
 *
 *   upload MiB/s 1234.5 (N uploads of 4 MiB in S s)
 *   memcpy MiB/s 5678.9 (the same bytes copied between two buffers of this process)
 *   round trip us 123.4 (glGetError after a glFinish: the cost of one wait for the GL)
 *
 * The texture's contents change each upload (a counter in the first texel) so that nothing
 * can skip one. Exit 0, or 1 with a message when the window or context cannot be had.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <GLES3/gl3.h>

#include "gl-window.h"

#define SIDE 1024
#define BYTES ((size_t)SIDE * SIDE * 4)
#define BATCH 8

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double bench_upload(uint8_t *pixels, double seconds, unsigned *count)
{
	GLuint tex;
	glGenTextures(1, &tex);
	glBindTexture(GL_TEXTURE_2D, tex);
	glTexStorage2D(GL_TEXTURE_2D, 1, GL_RGBA8, SIDE, SIDE);
	glFinish();
	double start = now_s(), end = start;
	unsigned n = 0;
	while (end - start < seconds) {
		for (int i = 0; i < BATCH; i++, n++) {
			memcpy(pixels, &n, sizeof(n));
			glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, SIDE, SIDE, GL_RGBA,
			                GL_UNSIGNED_BYTE, pixels);
		}
		glFinish();
		end = now_s();
	}
	glDeleteTextures(1, &tex);
	*count = n;
	return (double)n * (double)BYTES / (1024.0 * 1024.0) / (end - start);
}

static double bench_memcpy(const uint8_t *src, double seconds)
{
	uint8_t *dst = malloc(BYTES);
	if (!dst)
		return 0;
	double start = now_s(), end = start;
	unsigned n = 0;
	while (end - start < seconds) {
		for (int i = 0; i < BATCH; i++, n++) {
			memcpy(dst, src, BYTES);
			/* Keep the copy: the compiler may not drop it. */
			__asm__ volatile("" : : "r"(dst) : "memory");
		}
		end = now_s();
	}
	free(dst);
	return (double)n * (double)BYTES / (1024.0 * 1024.0) / (end - start);
}

static double bench_round_trip(double seconds)
{
	double start = now_s(), end = start;
	unsigned n = 0;
	while (end - start < seconds) {
		glFinish();
		if (glGetError() != GL_NO_ERROR)
			fprintf(stderr, "gl-upload-bench: a GL error\n");
		n++;
		end = now_s();
	}
	return (end - start) * 1e6 / n;
}

int main(int argc, char **argv)
{
	double seconds = 2;
	if (argc == 3 && strcmp(argv[1], "--seconds") == 0)
		seconds = atof(argv[2]);
	else if (argc != 1) {
		fprintf(stderr, "usage: gl-upload-bench [--seconds S]\n");
		return 2;
	}
	if (seconds <= 0 || seconds > 600) {
		fprintf(stderr, "gl-upload-bench: --seconds takes more than 0 and at most 600\n");
		return 2;
	}
	struct gp_app app;
	if (!gp_app_init(&app, "gl-upload-bench", EGL_OPENGL_ES3_BIT) || !app.window_config)
		return 1;
	struct gp_window *w = gp_window_create(&app, 64, 64, "gl-upload-bench");
	EGLContext ctx = w ? gp_app_create_context(&app, app.window_config, 3, 0) : EGL_NO_CONTEXT;
	if (ctx == EGL_NO_CONTEXT ||
	    !eglMakeCurrent(app.egl, gp_window_egl_surface(w), gp_window_egl_surface(w), ctx))
		return 1;
	gp_print_gl_info();
	uint8_t *pixels = malloc(BYTES);
	if (!pixels)
		return 1;
	for (size_t i = 0; i < BYTES; i++)
		pixels[i] = (uint8_t)(i * 7);
	unsigned count;
	double upload = bench_upload(pixels, seconds, &count);
	printf("upload MiB/s %.1f (%u uploads of 4 MiB in %.1f s)\n", upload, count, seconds);
	printf("memcpy MiB/s %.1f (the same bytes copied between two buffers of this process)\n",
	       bench_memcpy(pixels, seconds));
	printf("round trip us %.1f (glGetError after a glFinish)\n", bench_round_trip(seconds));
	free(pixels);
	eglMakeCurrent(app.egl, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
	eglDestroyContext(app.egl, ctx);
	gp_window_destroy(&app, w);
	return 0;
}
