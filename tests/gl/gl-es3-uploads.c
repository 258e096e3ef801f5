/*
 * gl-es3-app --uploads: texture uploads of every size that takes its own way through
 * gpupipe, each read back through a framebuffer and compared byte by byte. Below 64 KiB
 * the pixels travel in the GL stream; from 64 KiB to 16 MiB, where the link passes fds,
 * in the stream's shared memory (gl-stream.h, "Shared memory"; proxy/gl/shared.c); above,
 * in the stream again. Buffer data and a client-side vertex array of that size take the
 * same way (the host copies those out first, where it hands upload pixels to its driver
 * in place). The app's buffer is overwritten right after each call (GL has taken
 * the pixels by then), a loop of uploads goes round the shared memory ten times (its
 * positions wrap and the library waits for room), and a sub-image with a row length wider
 * than the image checks the size the library places.
 *
 * GL_ES3_APP_PAUSE_BEFORE_LOOP=1: before the loop, prints "paused before upload-loop" and
 * waits for SIGUSR1, so that a test can stop the host first (gl-stream-host-stalled.sh).
 */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gl-es3-app.h"

/* The pattern of seed `seed` at (x, y): no two neighbours, rows or seeds alike. */
static void pixel(uint8_t *p, int x, int y, int seed)
{
	p[0] = (uint8_t)(x * 7 + y * 13 + seed * 31);
	p[1] = (uint8_t)(x * 3 + y * 5 + seed * 17 + 1);
	p[2] = (uint8_t)(x ^ y ^ seed);
	p[3] = (uint8_t)(x + y * 11 + seed);
}

/* A w x h image at `stride` pixels a row. */
static uint8_t *pattern(int w, int h, int stride, int seed)
{
	uint8_t *img = malloc((size_t)stride * (size_t)h * 4);
	if (!img)
		return NULL;
	for (int y = 0; y < h; y++)
		for (int x = 0; x < stride; x++)
			pixel(img + ((size_t)y * (size_t)stride + (size_t)x) * 4, x, y, seed);
	return img;
}

/* Whether texture `tex` (w x h) holds `want`, tightly packed RGBA rows. */
static bool holds(const char *check, GLuint tex, int w, int h, const uint8_t *want)
{
	GLuint fbo;
	glGenFramebuffers(1, &fbo);
	glBindFramebuffer(GL_FRAMEBUFFER, fbo);
	glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex, 0);
	size_t row = (size_t)w * 4;
	uint8_t *got = malloc(row * (size_t)h);
	bool ok = got && glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
	if (ok) {
		glPixelStorei(GL_PACK_ALIGNMENT, 1);
		glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, got);
	} else {
		printf("FAIL %s: cannot read the %dx%d texture back\n", check, w, h);
	}
	for (int y = 0; ok && y < h; y++) {
		const uint8_t *g = got + row * (size_t)y, *e = want + row * (size_t)y;
		if (memcmp(g, e, row) == 0)
			continue;
		int x = 0;
		while (memcmp(g + x * 4, e + x * 4, 4) == 0)
			x++;
		printf("FAIL %s: texel (%d, %d) of %dx%d is %02x%02x%02x%02x, want "
		       "%02x%02x%02x%02x\n",
		       check, x, y, w, h, g[x * 4], g[x * 4 + 1], g[x * 4 + 2], g[x * 4 + 3],
		       e[x * 4], e[x * 4 + 1], e[x * 4 + 2], e[x * 4 + 3]);
		ok = false;
	}
	free(got);
	glBindFramebuffer(GL_FRAMEBUFFER, 0);
	glDeleteFramebuffers(1, &fbo);
	GLenum err = glGetError();
	if (err != GL_NO_ERROR) {
		printf("FAIL %s: GL error 0x%x\n", check, err);
		ok = false;
	}
	return ok;
}

static GLuint texture(void)
{
	GLuint tex;
	glGenTextures(1, &tex);
	glBindTexture(GL_TEXTURE_2D, tex);
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
	return tex;
}

/* glTexImage2D of a w x h image, the app's copy overwritten at once. */
static bool whole(int w, int h, int seed)
{
	char check[64];
	snprintf(check, sizeof(check), "upload-%dx%d", w, h);
	uint8_t *img = pattern(w, h, w, seed);
	if (!img) {
		printf("FAIL %s: out of memory\n", check);
		return false;
	}
	GLuint tex = texture();
	glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
	glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, img);
	memset(img, 0x5a, (size_t)w * (size_t)h * 4);
	uint8_t *want = pattern(w, h, w, seed);
	bool ok = want && holds(check, tex, w, h, want);
	free(want);
	glDeleteTextures(1, &tex);
	free(img);
	if (ok)
		printf("PASS %s\n", check);
	return ok;
}

/* glTexSubImage2D of part of a texture, its rows `stride` pixels apart in the app's
 * memory (GL_UNPACK_ROW_LENGTH), the app's copy overwritten at once. */
static bool part(int stride)
{
	char check[64];
	snprintf(check, sizeof(check), "sub-upload-row-length-%d", stride);
	enum { W = 1024, H = 1024, SX = 100, SY = 50, SW = 700, SH = 600 };
	uint8_t *base = pattern(W, H, W, 3);
	uint8_t *sub = pattern(SW, SH, stride, 4);
	bool ok = base && sub;
	GLuint tex = texture();
	if (ok) {
		glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
		glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, W, H, 0, GL_RGBA, GL_UNSIGNED_BYTE, base);
		glPixelStorei(GL_UNPACK_ROW_LENGTH, stride);
		glTexSubImage2D(GL_TEXTURE_2D, 0, SX, SY, SW, SH, GL_RGBA, GL_UNSIGNED_BYTE, sub);
		glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
		/* What the texture must hold: the sub-image's rows over the base. */
		uint8_t *want = pattern(W, H, W, 3);
		for (int y = 0; want && y < SH; y++)
			memcpy(want + ((size_t)(SY + y) * W + SX) * 4, sub + (size_t)y * stride * 4,
			       SW * 4);
		memset(sub, 0xa5, (size_t)stride * SH * 4);
		ok = want && holds(check, tex, W, H, want);
		free(want);
	} else {
		printf("FAIL %s: out of memory\n", check);
	}
	glDeleteTextures(1, &tex);
	free(base);
	free(sub);
	if (ok)
		printf("PASS %s\n", check);
	return ok;
}

/* 40 uploads of 4 MiB into four textures in turn (160 MiB: the shared memory's 16 MiB
 * ten times over), from one buffer rewritten before each; then each texture holds the
 * last of its ten. */
static bool loop(void)
{
	const char *check = "upload-loop";
	enum { SIDE = 1024, TEXTURES = 4, UPLOADS = 40 };
	uint8_t *img[UPLOADS] = {0};
	GLuint tex[TEXTURES];
	bool ok = true;
	for (int i = 0; i < TEXTURES; i++) {
		tex[i] = texture();
		glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, SIDE, SIDE, 0, GL_RGBA, GL_UNSIGNED_BYTE,
		             NULL);
	}
	uint8_t *buf = malloc((size_t)SIDE * SIDE * 4);
	/* The patterns made once: the loop then runs at upload speed. */
	for (int i = 0; ok && i < TEXTURES; i++)
		ok = (img[i] = pattern(SIDE, SIDE, SIDE, 100 + i)) != NULL;
	ok = ok && buf;
	glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
	if (ok && getenv("GL_ES3_APP_PAUSE_BEFORE_LOOP")) {
		sigset_t usr1; /* blocked in main */
		sigemptyset(&usr1);
		sigaddset(&usr1, SIGUSR1);
		glFinish(); /* everything before the loop is through */
		printf("paused before upload-loop\n");
		int sig;
		sigwait(&usr1, &sig);
	}
	for (int n = 0; ok && n < UPLOADS; n++) {
		/* Each lap's pixels differ from the last: the seed's pattern, its first
		 * row marked with the lap. */
		memcpy(buf, img[n % TEXTURES], (size_t)SIDE * SIDE * 4);
		memset(buf, n, SIDE * 4);
		glBindTexture(GL_TEXTURE_2D, tex[n % TEXTURES]);
		glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, SIDE, SIDE, GL_RGBA, GL_UNSIGNED_BYTE, buf);
		memset(buf, 0xee, (size_t)SIDE * SIDE * 4);
	}
	/* Each texture holds its pattern, its first row marked with its last lap. */
	for (int i = 0; ok && i < TEXTURES; i++) {
		memset(img[i], UPLOADS - TEXTURES + i, SIDE * 4);
		ok = holds(check, tex[i], SIDE, SIDE, img[i]);
	}
	for (int i = 0; i < TEXTURES; i++)
		free(img[i]);
	free(buf);
	glDeleteTextures(TEXTURES, tex);
	if (ok)
		printf("PASS %s\n", check);
	return ok;
}

/* glBufferData of 1 MiB and glBufferSubData of 300 KiB inside it (through shared memory
 * where the link has some, copied out by the host), the app's copies overwritten at once,
 * then the store read back through a read map (which asks the host). */
static bool buffers(void)
{
	const char *check = "buffer-data";
	enum { SIZE = 1 << 20, SUB = 300 * 1024, AT = 100000 };
	uint8_t *data = pattern(512, 512, 512, 7); /* 1 MiB */
	uint8_t *part = pattern(256, 300, 256, 8); /* 300 KiB */
	uint8_t *want = malloc(SIZE);
	bool ok = data && part && want;
	GLuint buf = 0;
	if (ok) {
		memcpy(want, data, SIZE);
		memcpy(want + AT, part, SUB);
		glGenBuffers(1, &buf);
		glBindBuffer(GL_ARRAY_BUFFER, buf);
		glBufferData(GL_ARRAY_BUFFER, SIZE, data, GL_STATIC_DRAW);
		memset(data, 0x11, SIZE);
		glBufferSubData(GL_ARRAY_BUFFER, AT, SUB, part);
		memset(part, 0x22, SUB);
		const uint8_t *got = glMapBufferRange(GL_ARRAY_BUFFER, 0, SIZE, GL_MAP_READ_BIT);
		if (!got) {
			printf("FAIL %s: glMapBufferRange: GL error 0x%x\n", check, glGetError());
			ok = false;
		} else {
			for (size_t i = 0; i < SIZE; i++) {
				if (got[i] != want[i]) {
					printf("FAIL %s: byte %zu of the store is %u, want %u\n",
					       check, i, got[i], want[i]);
					ok = false;
					break;
				}
			}
			glUnmapBuffer(GL_ARRAY_BUFFER);
		}
		glBindBuffer(GL_ARRAY_BUFFER, 0);
		glDeleteBuffers(1, &buf);
	} else {
		printf("FAIL %s: out of memory\n", check);
	}
	free(data);
	free(part);
	free(want);
	if (ok)
		printf("PASS %s\n", check);
	return ok;
}

static GLuint compile(GLenum type, const char *src)
{
	GLuint s = glCreateShader(type);
	glShaderSource(s, 1, &src, NULL);
	glCompileShader(s);
	GLint ok = GL_FALSE;
	glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
	return ok ? s : 0;
}

/* A draw from a client-side vertex array of 128 KiB (through shared memory where the link
 * has some, which the host's driver reads where it lies): 8190 vertices of degenerate triangles,
 * then the two that cover the viewport, at the array's end; the array zeroed right after the draw.
 * The texture drawn into must show the triangles' colour in every corner. */
static bool client_array(void)
{
	const char *check = "client-array-draw";
	enum { VERTICES = 8196, SIDE = 64 };
	static const float quad[6][4] = {{-1, -1, 0, 1}, {1, -1, 0, 1}, {1, 1, 0, 1},
	                                 {-1, -1, 0, 1}, {1, 1, 0, 1},  {-1, 1, 0, 1}};
	float(*pos)[4] = calloc(VERTICES, sizeof(*pos));
	GLuint vs = compile(GL_VERTEX_SHADER, "#version 300 es\n"
	                                      "in vec4 pos;\n"
	                                      "void main() { gl_Position = pos; }\n");
	GLuint fs =
	        compile(GL_FRAGMENT_SHADER, "#version 300 es\n"
	                                    "precision mediump float;\n"
	                                    "out vec4 colour;\n"
	                                    "void main() { colour = vec4(0.2, 0.6, 1.0, 1.0); }\n");
	GLuint prog = glCreateProgram();
	bool ok = pos && vs && fs;
	if (ok) {
		glAttachShader(prog, vs);
		glAttachShader(prog, fs);
		glBindAttribLocation(prog, 0, "pos");
		glLinkProgram(prog);
		GLint linked = GL_FALSE;
		glGetProgramiv(prog, GL_LINK_STATUS, &linked);
		ok = linked;
	}
	if (!ok) {
		printf("FAIL %s: no program\n", check);
	} else {
		memcpy(pos[VERTICES - 6], quad, sizeof(quad));
		GLuint tex = texture(), fbo;
		glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, SIDE, SIDE, 0, GL_RGBA, GL_UNSIGNED_BYTE,
		             NULL);
		glGenFramebuffers(1, &fbo);
		glBindFramebuffer(GL_FRAMEBUFFER, fbo);
		glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex, 0);
		/* Client arrays: the default vertex array object, no buffer. */
		glBindVertexArray(0);
		glBindBuffer(GL_ARRAY_BUFFER, 0);
		glViewport(0, 0, SIDE, SIDE);
		glClearColor(0, 0, 0, 1);
		glClear(GL_COLOR_BUFFER_BIT);
		glUseProgram(prog);
		glEnableVertexAttribArray(0);
		glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, 0, pos);
		glDrawArrays(GL_TRIANGLES, 0, VERTICES);
		memset(pos, 0, VERTICES * sizeof(*pos));
		glDisableVertexAttribArray(0);
		uint8_t px[SIDE * SIDE * 4];
		glPixelStorei(GL_PACK_ALIGNMENT, 1);
		glReadPixels(0, 0, SIDE, SIDE, GL_RGBA, GL_UNSIGNED_BYTE, px);
		static const int corners[4][2] = {
		        {0, 0}, {SIDE - 1, 0}, {0, SIDE - 1}, {SIDE - 1, SIDE - 1}};
		for (int i = 0; ok && i < 4; i++) {
			const uint8_t *p =
			        px + ((size_t)corners[i][1] * SIDE + (size_t)corners[i][0]) * 4;
			/* 0.2, 0.6, 1.0 in 8 bits, give or take one. */
			if (abs(p[0] - 51) > 1 || abs(p[1] - 153) > 1 || p[2] < 254) {
				printf("FAIL %s: pixel (%d, %d) is %02x%02x%02x, want 3399ff\n",
				       check, corners[i][0], corners[i][1], p[0], p[1], p[2]);
				ok = false;
			}
		}
		glUseProgram(0);
		glBindFramebuffer(GL_FRAMEBUFFER, 0);
		glDeleteFramebuffers(1, &fbo);
		glDeleteTextures(1, &tex);
		GLenum err = glGetError();
		if (err != GL_NO_ERROR) {
			printf("FAIL %s: GL error 0x%x\n", check, err);
			ok = false;
		}
	}
	glDeleteProgram(prog);
	glDeleteShader(vs);
	glDeleteShader(fs);
	free(pos);
	if (ok)
		printf("PASS %s\n", check);
	return ok;
}

int ge_upload_check(void)
{
	int failures = 0;
	/* 4 KiB, 256 KiB, 4 MiB, 16 MiB (the most the shared memory takes), 16.4 MiB. */
	static const int sizes[][2] = {
	        {32, 32}, {256, 256}, {1024, 1024}, {2048, 2048}, {2048, 2100}};
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
		failures += !whole(sizes[i][0], sizes[i][1], (int)i + 1);
	failures += !part(700);
	failures += !part(1100);
	failures += !loop();
	failures += !buffers();
	failures += !client_array();
	return failures;
}
