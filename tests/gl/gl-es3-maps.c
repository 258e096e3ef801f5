/*
 * gl-es3-app's buffer maps that keep bytes the app does not write (issue 10: gpupipe's
 * library takes those bytes from its own copy of the store, proxy/gl/gles-buffer-copy.c,
 * not from the host on each map). Each check maps a buffer write-only without an
 * invalidate bit, writes part of it, unmaps, and reads what the store holds two ways: a
 * read map of the buffer itself, and a read map of a new buffer the GPU copied it into
 * (glCopyBufferSubData: bytes that come from the host's store, whatever the library
 * keeps). Between maps the store changes by every path: glBufferSubData, glBufferData
 * with and without data, glCopyBufferSubData into it, transform feedback writing it. A
 * copy the library kept across a GPU write would give back stale bytes, which the
 * write-back at unmap then writes over what the GPU wrote: the checks see it.
 *
 * Maps of part of the store (read-write, invalidating) keep the rest; a map holds the
 * library's copy it writes into even when a GPU binding drops that copy meanwhile.
 *
 * ge_map_loop: --map-loop N maps one buffer N times (gl-map-round-trips.sh counts the
 * host's replies meanwhile).
 */
#include <stdio.h>
#include <string.h>

#include "gl-es3-app.h"

#define SIZE 256 /* bytes: 64 floats */
#define FLOATS (SIZE / 4)

static void fill(float *v, float base)
{
	for (int i = 0; i < FLOATS; i++)
		v[i] = base + (float)i;
}

/* Writes `n` floats of `with` at float `at` through a write-only map of the whole store
 * that keeps the other bytes. */
static bool write_part(GLuint buf, int at, int n, const float *with)
{
	glBindBuffer(GL_ARRAY_BUFFER, buf);
	float *p = glMapBufferRange(GL_ARRAY_BUFFER, 0, SIZE, GL_MAP_WRITE_BIT);
	if (!p)
		return false;
	memcpy(p + at, with, (size_t)n * 4);
	return glUnmapBuffer(GL_ARRAY_BUFFER) == GL_TRUE;
}

/* What a read map of [0, SIZE) of `target`'s buffer gives. */
static bool read_map(GLenum target, float *out)
{
	const float *p = glMapBufferRange(target, 0, SIZE, GL_MAP_READ_BIT);
	if (!p)
		return false;
	memcpy(out, p, SIZE);
	return glUnmapBuffer(target) == GL_TRUE;
}

/* The store of `buf` as its own read map gives it and as the host holds it (copied by
 * the GPU into a new buffer, mapped once): both must be `want`. */
static void expect_store(struct gp_frame *f, const char *what, GLuint buf, const float *want)
{
	float mine[FLOATS], host[FLOATS];
	char why[160] = "";
	GLuint fresh;
	glGenBuffers(1, &fresh);
	glBindBuffer(GL_COPY_WRITE_BUFFER, fresh);
	glBufferData(GL_COPY_WRITE_BUFFER, SIZE, NULL, GL_STATIC_READ);
	glBindBuffer(GL_COPY_READ_BUFFER, buf);
	glCopyBufferSubData(GL_COPY_READ_BUFFER, GL_COPY_WRITE_BUFFER, 0, 0, SIZE);
	glBindBuffer(GL_ARRAY_BUFFER, buf);
	if (!read_map(GL_ARRAY_BUFFER, mine) || !read_map(GL_COPY_WRITE_BUFFER, host))
		snprintf(why, sizeof(why), "a read map failed (GL error 0x%x)", glGetError());
	for (int i = 0; !why[0] && i < FLOATS; i++) {
		if (mine[i] != want[i] || host[i] != want[i])
			snprintf(why, sizeof(why),
			         "float %d: %g mapped, %g in the host's store, %g wanted", i,
			         mine[i], host[i], want[i]);
	}
	glDeleteBuffers(1, &fresh);
	ge_result(f, what, !why[0], why);
}

static GLuint make_buffer(const float *with)
{
	GLuint buf;
	glGenBuffers(1, &buf);
	glBindBuffer(GL_ARRAY_BUFFER, buf);
	glBufferData(GL_ARRAY_BUFFER, SIZE, with, GL_DYNAMIC_DRAW);
	return buf;
}

/* Partial writes through maps, glBufferSubData and glBufferData between them. */
static void check_cpu_writes(struct gp_frame *f)
{
	float want[FLOATS], part[8] = {-1, -2, -3, -4, -5, -6, -7, -8};
	fill(want, 1000);
	GLuint buf = make_buffer(want);
	bool ok = write_part(buf, 4, 4, part);
	memcpy(want + 4, part, 16);
	ok = ok && write_part(buf, 20, 8, part);
	memcpy(want + 20, part, 32);
	ge_result(f, "map-write-maps", ok, "a map or unmap failed");
	expect_store(f, "map-keeps-unwritten-bytes", buf, want);

	float sub[4] = {7, 7, 7, 7};
	glBindBuffer(GL_ARRAY_BUFFER, buf);
	glBufferSubData(GL_ARRAY_BUFFER, 40 * 4, 16, sub);
	memcpy(want + 40, sub, 16);
	write_part(buf, 0, 1, part);
	want[0] = part[0];
	expect_store(f, "map-after-buffer-sub-data", buf, want);

	fill(want, 2000);
	glBindBuffer(GL_ARRAY_BUFFER, buf);
	glBufferData(GL_ARRAY_BUFFER, SIZE, want, GL_DYNAMIC_DRAW);
	write_part(buf, 60, 4, part);
	memcpy(want + 60, part, 16);
	expect_store(f, "map-after-buffer-data", buf, want);

	/* Orphaned: undefined bytes, all written through the map. */
	glBufferData(GL_ARRAY_BUFFER, SIZE, NULL, GL_DYNAMIC_DRAW);
	fill(want, 3000);
	write_part(buf, 0, FLOATS, want);
	write_part(buf, 10, 2, part);
	memcpy(want + 10, part, 8);
	expect_store(f, "map-after-orphaning", buf, want);
	glDeleteBuffers(1, &buf);
	gp_expect_no_error(f, "map-cpu-writes");
}

/* glCopyBufferSubData into a buffer already mapped (so kept by the library). */
static void check_copy_into(struct gp_frame *f)
{
	float want[FLOATS], src[FLOATS], part[2] = {-9, -10};
	fill(want, 4000);
	fill(src, 5000);
	GLuint buf = make_buffer(want), from = make_buffer(src);
	write_part(buf, 0, 2, part);
	memcpy(want, part, 8);
	glBindBuffer(GL_COPY_READ_BUFFER, from);
	glBindBuffer(GL_COPY_WRITE_BUFFER, buf);
	glCopyBufferSubData(GL_COPY_READ_BUFFER, GL_COPY_WRITE_BUFFER, 32 * 4, 16 * 4, 16 * 4);
	memcpy(want + 16, src + 32, 16 * 4);
	write_part(buf, 2, 2, part);
	memcpy(want + 2, part, 8);
	expect_store(f, "map-after-copy-into", buf, want);
	glDeleteBuffers(1, &buf);
	glDeleteBuffers(1, &from);
	gp_expect_no_error(f, "map-copy-into");
}

static const char xfb_vs[] = "#version 300 es\n"
                             "out vec4 v;\n"
                             "void main() {\n"
                             "  v = vec4(float(gl_VertexID) * 4.0 + 100.0) + vec4(0, 1, 2, 3);\n"
                             "  gl_Position = vec4(0.0, 0.0, 0.0, 1.0);\n"
                             "  gl_PointSize = 1.0;\n"
                             "}\n";
static const char xfb_fs[] = "#version 300 es\n"
                             "precision mediump float;\n"
                             "out vec4 o;\n"
                             "void main() { o = vec4(1.0); }\n";

/* Transform feedback writing a buffer already mapped (so kept by the library). */
static void check_xfb_into(struct gp_frame *f)
{
	static const char *const varyings[] = {"v"};
	GLuint prog = ge_program(f, "map-xfb-program", xfb_vs, xfb_fs, varyings, 1);
	if (!prog)
		return;
	float want[FLOATS], part[1] = {-11};
	fill(want, 6000);
	GLuint buf = make_buffer(want);
	write_part(buf, 0, 1, part);
	want[0] = part[0];

	GLuint vao;
	glGenVertexArrays(1, &vao);
	glBindVertexArray(vao);
	glUseProgram(prog);
	glBindBufferRange(GL_TRANSFORM_FEEDBACK_BUFFER, 0, buf, 32 * 4, 32 * 4);
	glEnable(GL_RASTERIZER_DISCARD);
	glBeginTransformFeedback(GL_POINTS);
	glDrawArrays(GL_POINTS, 0, 8);
	glEndTransformFeedback();
	glDisable(GL_RASTERIZER_DISCARD);
	glBindBufferBase(GL_TRANSFORM_FEEDBACK_BUFFER, 0, 0);
	glBindVertexArray(0);
	glDeleteVertexArrays(1, &vao);
	for (int i = 0; i < 32; i++)
		want[32 + i] = (float)(i / 4) * 4.0f + 100.0f + (float)(i % 4);

	write_part(buf, 1, 1, part);
	want[1] = part[0];
	expect_store(f, "map-after-transform-feedback", buf, want);
	glDeleteBuffers(1, &buf);
	gp_expect_no_error(f, "map-xfb-into");
}

/* Maps of part of the store: one that reads and writes, one that invalidates its range;
 * what they do not map stays. (A map written back whole is the library's copy itself.) */
static void check_range_maps(struct gp_frame *f)
{
	float want[FLOATS], part[4] = {-11, -12, -13, -14};
	char why[120] = "";
	fill(want, 6000);
	GLuint buf = make_buffer(want);
	write_part(buf, 0, 1, part);
	want[0] = part[0];
	glBindBuffer(GL_ARRAY_BUFFER, buf);
	float *p = glMapBufferRange(GL_ARRAY_BUFFER, 16 * 4, 32 * 4,
	                            GL_MAP_READ_BIT | GL_MAP_WRITE_BIT);
	for (int i = 0; p && !why[0] && i < 32; i++) {
		if (p[i] != want[16 + i])
			snprintf(why, sizeof(why), "float %d reads %g, %g wanted", 16 + i, p[i],
			         want[16 + i]);
	}
	if (p)
		memcpy(p + 2, part, 16);
	memcpy(want + 18, part, 16);
	if (!p || glUnmapBuffer(GL_ARRAY_BUFFER) != GL_TRUE)
		snprintf(why, sizeof(why), "a read-write map of part failed (GL error 0x%x)",
		         glGetError());
	ge_result(f, "map-range-reads", !why[0], why);
	expect_store(f, "map-range-read-write", buf, want);

	glBindBuffer(GL_ARRAY_BUFFER, buf);
	p = glMapBufferRange(GL_ARRAY_BUFFER, 40 * 4, 8 * 4,
	                     GL_MAP_WRITE_BIT | GL_MAP_INVALIDATE_RANGE_BIT);
	for (int i = 0; p && i < 8; i++)
		p[i] = want[40 + i] = -100.0f - (float)i;
	ge_result(f, "map-range-invalidate", p && glUnmapBuffer(GL_ARRAY_BUFFER) == GL_TRUE,
	          "the map or unmap failed");
	expect_store(f, "map-range-invalidate-keeps-the-rest", buf, want);
	glDeleteBuffers(1, &buf);
	gp_expect_no_error(f, "map-ranges");
}

/* A binding where the GPU may write makes the library drop its copy of the store while
 * the buffer is mapped (the map being that copy): the mapping's bytes must still all
 * reach the store at the unmap, not freed memory's. */
static void check_copy_dropped_while_mapped(struct gp_frame *f)
{
	float want[FLOATS], part[4] = {-21, -22, -23, -24};
	fill(want, 7000);
	GLuint buf = make_buffer(want);
	write_part(buf, 0, 1, part);
	want[0] = part[0];
	glBindBuffer(GL_ARRAY_BUFFER, buf);
	float *p = glMapBufferRange(GL_ARRAY_BUFFER, 0, SIZE, GL_MAP_WRITE_BIT);
	glBindBuffer(GL_TRANSFORM_FEEDBACK_BUFFER, buf);
	glBindBuffer(GL_TRANSFORM_FEEDBACK_BUFFER, 0);
	if (p)
		memcpy(p + 50, part, 16);
	memcpy(want + 50, part, 16);
	ge_result(f, "map-held-across-a-drop", p && glUnmapBuffer(GL_ARRAY_BUFFER) == GL_TRUE,
	          "the map or unmap failed");
	expect_store(f, "map-held-across-a-drop-store", buf, want);
	glDeleteBuffers(1, &buf);
	gp_expect_no_error(f, "map-drop");
}

void ge_check_maps(struct gp_frame *f)
{
	check_cpu_writes(f);
	check_copy_into(f);
	check_xfb_into(f);
	check_range_maps(f);
	check_copy_dropped_while_mapped(f);
}

int ge_map_loop(int n)
{
	float want[FLOATS];
	fill(want, 0);
	GLuint buf = make_buffer(want);
	for (int i = 0; i < n; i++) {
		float v = (float)i;
		if (!write_part(buf, i % FLOATS, 1, &v)) {
			printf("FAIL map-loop: map %d failed (GL error 0x%x)\n", i, glGetError());
			return 1;
		}
		want[i % FLOATS] = v;
	}
	static struct gp_frame f;
	f.prefix = "";
	expect_store(&f, "map-loop", buf, want);
	glDeleteBuffers(1, &buf);
	return f.failures ? 1 : 0;
}
