/*
 * OpenGL ES 1.1 contexts on the host's real EGL: the fixed-function
 * pipeline fed from client arrays (GL_OP_CLIENT_ARRAY of each array kind)
 * and from buffer objects, with lighting and texturing, read back with
 * glReadPixels. Each case is one meson test.
 */
#include <stdlib.h>
#include <string.h>

#include <GLES/gl.h>

#include "context.h"
#include "executor.h"
#include "gl-harness.h"
#include "gl.h"
#include "quota.h"

/* Within `tol` of r, g, b, 255 at every pixel. */
static bool pixels_near(const uint8_t *px, int n, int r, int g, int b, int tol)
{
	for (int i = 0; i < n; i++) {
		const uint8_t *p = px + 4 * i;
		CHECK(abs(p[0] - r) <= tol && abs(p[1] - g) <= tol && abs(p[2] - b) <= tol &&
		              p[3] == 255,
		      "pixel %d is %u,%u,%u,%u, expected %d,%d,%d,255 (+-%d)", i, p[0], p[1], p[2],
		      p[3], r, g, b, tol);
	}
	return true;
}

/* An ES 1.1 context current on stream 1 with a w x h pbuffer. */
static bool setup(struct gt *t, uint32_t w, uint32_t h)
{
	if (!gt_init_stream(t, 1))
		return false;
	if (!t->es1.version) {
		fprintf(stderr, "the host offers no OpenGL ES 1.1\n");
		return false;
	}
	gt_cmd_create_context_api(t, 1, 0, &t->es1);
	CHECK(gt_send(t, 1, 0, 0), "create context: %s", t->reason);
	uint32_t size, err = 1;
	const uint8_t *p = gt_reply(t, 1, GL_OP_CREATE_CONTEXT, &size);
	CHECK(p && size == 4, "context reply");
	memcpy(&err, p, 4);
	CHECK(err == EGL_SUCCESS, "EGL error 0x%x", err);
	return gt_surface(t, 1, 1, w, h, GL_SURFACE_PBUFFER) && gt_current(t, 1, 1, 1);
}

static void f32s(struct gt *t, uint32_t op, int n, const float *v)
{
	gt_begin(t, op);
	for (int i = 0; i < n; i++)
		gt_f32(t, v[i]);
	gt_end(t);
}

/* glLightfv / glMaterialfv style: two enums and a blob of floats. */
static void param_fv(struct gt *t, uint32_t op, uint32_t a, uint32_t pname, const float *v, int n)
{
	gt_begin(t, op);
	gt_u32(t, a);
	gt_u32(t, pname);
	gt_blob(t, v, 4 * (uint32_t)n);
	gt_end(t);
}

static void client_array(struct gt *t, uint32_t kind, uint32_t index, uint32_t size, uint32_t type,
                         uint32_t first, uint32_t count, const void *data, uint32_t n)
{
	gt_begin(t, GL_OP_CLIENT_ARRAY);
	gt_u32(t, kind);
	gt_u32(t, index);
	gt_u32(t, size);
	gt_u32(t, type);
	gt_u32(t, 0);
	gt_u32(t, first);
	gt_u32(t, count);
	gt_blob(t, data, n);
	gt_end(t);
}

/* A full-surface triangle in 16.16 fixed point (x, y per vertex). */
static const GLfixed triangle_x[] = {-65536, -65536, 3 * 65536, -65536, -65536, 3 * 65536};

static void clear_black(struct gt *t)
{
	static const float black[4] = {0, 0, 0, 1};
	f32s(t, GLES_OP_glClearColor, 4, black);
	gt_cmd(t, GLES_OP_glClear, 1, GL_COLOR_BUFFER_BIT);
}

/* Green vertices lit by a half-white directional light straight on: the
 * light model's ambient (0.2) plus half the diffuse, 0.7 of green. */
static bool lit_coloured_triangle_from_client_arrays(struct gt *t)
{
	uint8_t px[16 * 16 * 4];
	if (!setup(t, 16, 16))
		return false;
	clear_black(t);
	static const float dir[4] = {0, 0, 1, 0}, half[4] = {0.5f, 0.5f, 0.5f, 1};
	static const uint8_t green[3][4] = {{0, 255, 0, 255}, {0, 255, 0, 255}, {0, 255, 0, 255}};
	static const float normals[3][3] = {{0, 0, 1}, {0, 0, 1}, {0, 0, 1}};
	gt_cmd(t, GLES_OP_glEnable, 1, GL_LIGHTING);
	gt_cmd(t, GLES_OP_glEnable, 1, GL_LIGHT0);
	gt_cmd(t, GLES_OP_glEnable, 1, GL_COLOR_MATERIAL);
	param_fv(t, GLES_OP_glLightfv, GL_LIGHT0, GL_POSITION, dir, 4);
	param_fv(t, GLES_OP_glLightfv, GL_LIGHT0, GL_DIFFUSE, half, 4);
	gt_cmd(t, GLES_OP_glMatrixMode, 1, GL_MODELVIEW);
	gt_cmd(t, GLES_OP_glLoadIdentity, 0);
	/* Vertices 0..2, as the app's draw uses them. */
	client_array(t, GL_ARRAY_VERTEX, 0, 2, GL_FIXED, 0, 3, triangle_x, sizeof(triangle_x));
	client_array(t, GL_ARRAY_COLOR, 0, 4, GL_UNSIGNED_BYTE, 0, 3, green, sizeof(green));
	client_array(t, GL_ARRAY_NORMAL, 0, 3, GL_FLOAT, 0, 3, normals, sizeof(normals));
	gt_cmd(t, GLES_OP_glEnableClientState, 1, GL_VERTEX_ARRAY);
	gt_cmd(t, GLES_OP_glEnableClientState, 1, GL_COLOR_ARRAY);
	gt_cmd(t, GLES_OP_glEnableClientState, 1, GL_NORMAL_ARRAY);
	gt_cmd(t, GLES_OP_glDrawArrays, 3, GL_TRIANGLES, 0, 3);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	return gt_read_pixels(t, 1, 0, 0, 16, 16, px) && pixels_near(px, 256, 0, 178, 0, 2);
}

/* A 1x1 texture modulated by the vertex colour, coordinates on unit 1
 * (glClientActiveTexture) from a buffer object, vertices in client memory. */
static bool texture_on_unit_1_from_a_buffer_modulates_the_colour(struct gt *t)
{
	uint8_t px[8 * 8 * 4];
	if (!setup(t, 8, 8))
		return false;
	clear_black(t);
	static const uint8_t texel[4] = {255, 128, 255, 255};
	static const float st[3][2] = {{0, 0}, {1, 0}, {0, 1}};
	uint32_t tex = 5, buf = 6;
	gt_begin(t, GLES_OP_glGenTextures);
	gt_u32(t, 1);
	gt_blob(t, &tex, 4);
	gt_end(t);
	gt_cmd(t, GLES_OP_glActiveTexture, 1, GL_TEXTURE1);
	gt_cmd(t, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, tex);
	gt_begin(t, GLES_OP_glTexImage2D);
	uint32_t args[] = {GL_TEXTURE_2D, 0, GL_RGBA, 1, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE};
	for (size_t i = 0; i < 8; i++)
		gt_u32(t, args[i]);
	gt_blob(t, texel, 4);
	gt_end(t);
	gt_cmd(t, GLES_OP_glTexParameteri, 3, GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
	gt_cmd(t, GLES_OP_glTexEnvi, 3, GL_TEXTURE_ENV, GL_TEXTURE_ENV_MODE, GL_MODULATE);
	gt_cmd(t, GLES_OP_glEnable, 1, GL_TEXTURE_2D);
	static const float grey[4] = {0.5f, 1, 1, 1};
	f32s(t, GLES_OP_glColor4f, 4, grey);
	gt_begin(t, GLES_OP_glGenBuffers);
	gt_u32(t, 1);
	gt_blob(t, &buf, 4);
	gt_end(t);
	gt_cmd(t, GLES_OP_glBindBuffer, 2, GL_ARRAY_BUFFER, buf);
	gt_begin(t, GLES_OP_glBufferData);
	gt_u32(t, GL_ARRAY_BUFFER);
	gt_u64(t, sizeof(st));
	gt_u32(t, GL_STATIC_DRAW);
	gt_blob(t, st, sizeof(st));
	gt_end(t);
	gt_cmd(t, GLES_OP_glClientActiveTexture, 1, GL_TEXTURE1);
	gt_begin(t, GLES_OP_glTexCoordPointer);
	gt_u32(t, 2);
	gt_u32(t, GL_FLOAT);
	gt_u32(t, 0);
	gt_u64(t, 0);
	gt_end(t);
	gt_cmd(t, GLES_OP_glEnableClientState, 1, GL_TEXTURE_COORD_ARRAY);
	gt_cmd(t, GLES_OP_glBindBuffer, 2, GL_ARRAY_BUFFER, 0);
	client_array(t, GL_ARRAY_VERTEX, 0, 2, GL_FIXED, 0, 3, triangle_x, sizeof(triangle_x));
	gt_cmd(t, GLES_OP_glEnableClientState, 1, GL_VERTEX_ARRAY);
	gt_cmd(t, GLES_OP_glDrawArrays, 3, GL_TRIANGLES, 0, 3);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	return gt_read_pixels(t, 1, 0, 0, 8, 8, px) && pixels_near(px, 64, 128, 128, 255, 2);
}

/* The matrix stack: a pushed translation moves the triangle off the
 * surface, the pop brings the identity back. */
static bool matrix_stack_pushes_and_pops(struct gt *t)
{
	uint8_t px[8 * 8 * 4];
	if (!setup(t, 8, 8))
		return false;
	clear_black(t);
	static const uint8_t red[3][4] = {{255, 0, 0, 255}, {255, 0, 0, 255}, {255, 0, 0, 255}};
	gt_cmd(t, GLES_OP_glPushMatrix, 0);
	gt_cmd(t, GLES_OP_glTranslatex, 3, 10 * 65536, 0, 0);
	client_array(t, GL_ARRAY_VERTEX, 0, 2, GL_FIXED, 0, 3, triangle_x, sizeof(triangle_x));
	client_array(t, GL_ARRAY_COLOR, 0, 4, GL_UNSIGNED_BYTE, 0, 3, red, sizeof(red));
	gt_cmd(t, GLES_OP_glEnableClientState, 1, GL_VERTEX_ARRAY);
	gt_cmd(t, GLES_OP_glEnableClientState, 1, GL_COLOR_ARRAY);
	gt_cmd(t, GLES_OP_glDrawArrays, 3, GL_TRIANGLES, 0, 3);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	if (!gt_read_pixels(t, 1, 0, 0, 8, 8, px) || !pixels_near(px, 64, 0, 0, 0, 0))
		return false;
	gt_cmd(t, GLES_OP_glPopMatrix, 0);
	gt_cmd(t, GLES_OP_glDrawArrays, 3, GL_TRIANGLES, 0, 3);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	return gt_read_pixels(t, 1, 0, 0, 8, 8, px) && pixels_near(px, 64, 255, 0, 0, 0);
}

static uint32_t get_error(struct gt *t)
{
	uint32_t err = 0xffffffff;
	gt_cmd(t, GLES_OP_glGetError, 0);
	if (!gt_sync_u32(t, 1, GLES_OP_glGetError, &err))
		return 0xffffffff;
	return err;
}

static void paletted_image(struct gt *t, int32_t level, uint32_t w, uint32_t h, const void *data,
                           uint32_t size)
{
	gt_begin(t, GLES_OP_glCompressedTexImage2D);
	const uint32_t args[] = {GL_TEXTURE_2D, (uint32_t)level, GL_PALETTE4_RGB8_OES, w, h, 0,
	                         size};
	for (int i = 0; i < 7; i++)
		gt_u32(t, args[i]);
	gt_blob(t, data, size);
	gt_end(t);
}

/* OES_compressed_paletted_texture: a level -n is n + 1 levels in one call, each charged
 * expanded (4 bytes a texel); a chain past the link's GL memory is GL_OUT_OF_MEMORY and
 * charges nothing. */
static bool paletted_chain_is_charged_level_by_level(struct gt *t)
{
	struct gh_gl_limits l = {.memory = GH_GL_CONTEXT_BYTES + 64 * 1024,
	                         .names = 1000,
	                         .frame_memory = 64 * 1024 * 1024};
	gh_gl_set_limits(t->gl, &l);
	if (!setup(t, 16, 16))
		return false;
	uint64_t base = t->gl->quota.memory;
	uint32_t name = 7;
	gt_begin(t, GLES_OP_glGenTextures);
	gt_u32(t, 1);
	gt_blob(t, &name, 4);
	gt_end(t);
	gt_cmd(t, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, name);
	uint8_t data[16 * 3 + 8 + 2 + 1] = {0}; /* palette, 4x4, 2x2, 1x1 (4 bits a texel) */
	paletted_image(t, -2, 4, 4, data, sizeof(data));
	uint32_t err = get_error(t);
	CHECK(err == GL_NO_ERROR, "a three-level chain: GL error 0x%x", err);
	uint64_t chain = (16 + 4 + 1) * 4;
	CHECK(t->gl->quota.memory == base + chain, "the chain holds %llu bytes, expected %llu",
	      (unsigned long long)(t->gl->quota.memory - base), (unsigned long long)chain);
	/* 256x256 and its 8 smaller levels expanded: over 256 KiB, past the 64 KiB left. */
	static uint8_t big[16 * 3 + 128 * 256 + 8192 + 2048 + 512 + 128 + 32 + 8 + 2 + 1];
	paletted_image(t, -8, 256, 256, big, sizeof(big));
	err = get_error(t);
	CHECK(err == GL_OUT_OF_MEMORY, "a chain past the quota: GL error 0x%x", err);
	CHECK(t->gl->quota.memory == base + chain, "the refused chain changed the charge to %llu",
	      (unsigned long long)(t->gl->quota.memory - base));
	paletted_image(t, -40, 4, 4, data, sizeof(data));
	err = get_error(t);
	CHECK(err == GL_INVALID_VALUE, "level -40: GL error 0x%x", err);
	return true;
}

static const struct gt_case cases[] = {
        GT_CASE(lit_coloured_triangle_from_client_arrays),
        GT_CASE(texture_on_unit_1_from_a_buffer_modulates_the_colour),
        GT_CASE(matrix_stack_pushes_and_pops),
        GT_CASE(paletted_chain_is_charged_level_by_level),
};

int main(int argc, char **argv)
{
	return gt_main(argc, argv, cases, sizeof(cases) / sizeof(cases[0]), true);
}
