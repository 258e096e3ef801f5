/*
 * The GL executor on the host's real EGL: queries answer in the app's
 * names and sizes; syncs, images, buffer reads and deferred destruction.
 * Each case is one meson test; the program takes the case's name.
 */
#include <stdlib.h>
#include <string.h>

#include "gl-harness.h"

static bool ready(struct gt *t)
{
	return gt_init_stream(t, 1) && gt_context(t, 1, 1) &&
	       gt_surface(t, 1, 1, 8, 8, GL_SURFACE_PBUFFER) && gt_current(t, 1, 1, 1);
}

static void gen(struct gt *t, uint32_t op, uint32_t name)
{
	gt_begin(t, op);
	gt_u32(t, 1);
	gt_blob(t, &name, 4);
	gt_end(t);
}

/* The values of a sync command whose reply is one blob. */
static bool blob_reply(struct gt *t, uint32_t op, void *out, uint32_t want)
{
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	uint32_t size, n;
	const uint8_t *p = gt_reply(t, 1, op, &size), *end = p + size;
	CHECK(p, "reply");
	const uint8_t *data = gt_blob_at(&p, end, &n);
	CHECK(data && n == want && p == end, "blob of %u bytes, expected %u", n, want);
	memcpy(out, data, n);
	return true;
}

static bool get_integer(struct gt *t, uint32_t pname, int32_t *v)
{
	gt_cmd(t, GLES_OP_glGetIntegerv, 2, pname, 4);
	return blob_reply(t, GLES_OP_glGetIntegerv, v, 4);
}

static bool binding_queries_answer_app_names(struct gt *t)
{
	int32_t v;
	if (!ready(t) || !gt_program(t, 1, 20, 1, 1, 1))
		return false;
	gen(t, GLES_OP_glGenBuffers, 5);
	gt_cmd(t, GLES_OP_glBindBuffer, 2, GL_ARRAY_BUFFER, 5);
	gen(t, GLES_OP_glGenTextures, 9);
	gt_cmd(t, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, 9);
	if (!get_integer(t, GL_ARRAY_BUFFER_BINDING, &v))
		return false;
	CHECK(v == 5, "GL_ARRAY_BUFFER_BINDING %d", v);
	if (!get_integer(t, GL_TEXTURE_BINDING_2D, &v))
		return false;
	CHECK(v == 9, "GL_TEXTURE_BINDING_2D %d", v);
	if (!get_integer(t, GL_CURRENT_PROGRAM, &v))
		return false;
	CHECK(v == 20, "GL_CURRENT_PROGRAM %d", v);
	gt_begin(t, GLES_OP_glVertexAttribPointer);
	for (int i = 0; i < 5; i++)
		gt_u32(t, i == 1 ? 4 : i == 2 ? GL_FLOAT : 0);
	gt_u64(t, 16);
	gt_end(t);
	gt_cmd(t, GLES_OP_glGetVertexAttribiv, 3, 0, GL_VERTEX_ATTRIB_ARRAY_BUFFER_BINDING, 4);
	if (!blob_reply(t, GLES_OP_glGetVertexAttribiv, &v, 4))
		return false;
	CHECK(v == 5, "GL_VERTEX_ATTRIB_ARRAY_BUFFER_BINDING %d", v);
	return true;
}

static bool uniform_queries_reply_the_uniform_size(struct gt *t)
{
	float v[3];
	uint32_t loc;
	if (!ready(t) ||
	    !gt_program_src(t, 1, 20, "attribute vec4 pos;\nvoid main() { gl_Position = pos; }\n",
	                    "precision mediump float;\nuniform vec3 u;\n"
	                    "void main() { gl_FragColor = vec4(u, 1.0); }\n"))
		return false;
	gt_begin(t, GLES_OP_glGetUniformLocation);
	gt_u32(t, 20);
	gt_blob(t, "u", 2);
	gt_end(t);
	if (!gt_sync_u32(t, 1, GLES_OP_glGetUniformLocation, &loc))
		return false;
	gt_begin(t, GLES_OP_glUniform3f);
	gt_u32(t, loc);
	gt_f32(t, 0.25f);
	gt_f32(t, 0.5f);
	gt_f32(t, 0.75f);
	gt_end(t);
	gt_cmd(t, GLES_OP_glGetUniformfv, 3, 20, loc, 64);
	if (!blob_reply(t, GLES_OP_glGetUniformfv, v, 12))
		return false;
	CHECK(v[0] == 0.25f && v[1] == 0.5f && v[2] == 0.75f, "u = %f %f %f", v[0], v[1], v[2]);
	return true;
}

static bool attached_shaders_are_app_names(struct gt *t)
{
	if (!ready(t) || !gt_program(t, 1, 20, 1, 1, 1))
		return false;
	gt_cmd(t, GLES_OP_glGetAttachedShaders, 4, 20, 4, 4, 16);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	uint32_t size, n, count, names[2];
	const uint8_t *p = gt_reply(t, 1, GLES_OP_glGetAttachedShaders, &size), *end = p + size;
	const uint8_t *c = gt_blob_at(&p, end, &n);
	CHECK(c && n == 4, "count blob");
	memcpy(&count, c, 4);
	const uint8_t *s = gt_blob_at(&p, end, &n);
	CHECK(s && count == 2 && n == 8 && p == end, "%u shaders in %u bytes", count, n);
	memcpy(names, s, 8);
	CHECK((names[0] == 21 && names[1] == 22) || (names[0] == 22 && names[1] == 21),
	      "shaders %u %u", names[0], names[1]);
	return true;
}

static bool shader_source_strings_are_concatenated(struct gt *t)
{
	const char *parts[] = {"attribute vec4 pos;\nvoid ", "main() { gl_Position", " = pos; }\n"};
	int32_t lens[3];
	char text[200] = "", got[200];
	for (int i = 0; i < 3; i++) {
		lens[i] = (int32_t)strlen(parts[i]);
		strcat(text, parts[i]);
	}
	if (!ready(t))
		return false;
	gt_cmd(t, GLES_OP_glCreateShader, 2, GL_VERTEX_SHADER, 30);
	gt_begin(t, GLES_OP_glShaderSource);
	gt_u32(t, 30);
	gt_u32(t, 3);
	gt_blob(t, lens, sizeof(lens));
	gt_blob(t, text, (uint32_t)strlen(text));
	gt_end(t);
	gt_cmd(t, GLES_OP_glCompileShader, 1, 30);
	int32_t status;
	gt_cmd(t, GLES_OP_glGetShaderiv, 3, 30, GL_COMPILE_STATUS, 4);
	if (!blob_reply(t, GLES_OP_glGetShaderiv, &status, 4))
		return false;
	CHECK(status == GL_TRUE, "the shader did not compile");
	gt_cmd(t, GLES_OP_glGetShaderSource, 4, 30, 200, GL_BLOB_NULL, 200);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	uint32_t size, n;
	const uint8_t *p = gt_reply(t, 1, GLES_OP_glGetShaderSource, &size), *end = p + size;
	CHECK(p && gt_blob_at(&p, end, &n) && n == GL_BLOB_NULL, "length blob");
	const uint8_t *src = gt_blob_at(&p, end, &n);
	CHECK(src && n == strlen(text) + 1, "source of %u bytes", n);
	memcpy(got, src, n);
	CHECK(strcmp(got, text) == 0, "source \"%s\"", got);
	return true;
}

static bool fence_is_signalled_after_its_commands(struct gt *t)
{
	uint32_t v;
	if (!ready(t))
		return false;
	gt_cmd(t, GLES_OP_glClear, 1, GL_COLOR_BUFFER_BIT);
	gt_cmd(t, GL_OP_SYNC_CREATE, 2, 1, EGL_SYNC_FENCE_KHR);
	if (!gt_sync_u32(t, 1, GL_OP_SYNC_CREATE, &v))
		return false;
	CHECK(v == EGL_SUCCESS, "create: 0x%x", v);
	gt_begin(t, GL_OP_SYNC_CLIENT_WAIT);
	gt_u32(t, 1);
	gt_u32(t, EGL_SYNC_FLUSH_COMMANDS_BIT_KHR);
	gt_u64(t, 5000000000ull);
	gt_end(t);
	if (!gt_sync_u32(t, 1, GL_OP_SYNC_CLIENT_WAIT, &v))
		return false;
	CHECK(v == EGL_CONDITION_SATISFIED_KHR, "wait: 0x%x", v);
	gt_cmd(t, GL_OP_SYNC_SERVER_WAIT, 1, 1);
	gt_cmd(t, GL_OP_SYNC_DESTROY, 1, 1);
	gt_begin(t, GL_OP_SYNC_CLIENT_WAIT);
	gt_u32(t, 1);
	gt_u32(t, 0);
	gt_u64(t, 0);
	gt_end(t);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	uint32_t size, r[2];
	const uint8_t *p = gt_reply(t, 1, GL_OP_SYNC_CLIENT_WAIT, &size);
	CHECK(p && size == 8, "reply of %u bytes", size);
	memcpy(r, p, 8);
	CHECK(r[0] == 0 && r[1] == EGL_BAD_PARAMETER, "destroyed sync: 0x%x 0x%x", r[0], r[1]);
	return true;
}

static bool texture_image_shows_in_another_texture(struct gt *t)
{
	uint8_t red[4 * 4 * 4], px[4 * 4 * 4];
	uint32_t v;
	for (int i = 0; i < 16; i++)
		memcpy(red + 4 * i, "\xff\x00\x00\xff", 4);
	if (!ready(t))
		return false;
	gen(t, GLES_OP_glGenTextures, 9);
	gt_cmd(t, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, 9);
	gt_begin(t, GLES_OP_glTexImage2D);
	uint32_t args[] = {GL_TEXTURE_2D, 0, GL_RGBA, 4, 4, 0, GL_RGBA, GL_UNSIGNED_BYTE};
	for (int i = 0; i < 8; i++)
		gt_u32(t, args[i]);
	gt_blob(t, red, sizeof(red));
	gt_end(t);
	gt_cmd(t, GLES_OP_glFinish, 0);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	uint32_t size;
	CHECK(gt_reply(t, 1, GLES_OP_glFinish, &size), "glFinish");
	gt_cmd(t, GL_OP_IMAGE_CREATE, 5, 1, 1, EGL_GL_TEXTURE_2D_KHR, 9, 0);
	if (!gt_sync_u32(t, 1, GL_OP_IMAGE_CREATE, &v))
		return false;
	CHECK(v == EGL_SUCCESS, "image: 0x%x", v);
	gen(t, GLES_OP_glGenTextures, 10);
	gt_cmd(t, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, 10);
	gt_cmd(t, GLES_OP_glEGLImageTargetTexture2DOES, 2, GL_TEXTURE_2D, 1);
	gen(t, GLES_OP_glGenFramebuffers, 3);
	gt_cmd(t, GLES_OP_glBindFramebuffer, 2, GL_FRAMEBUFFER, 3);
	gt_cmd(t, GLES_OP_glFramebufferTexture2D, 5, GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0,
	       GL_TEXTURE_2D, 10, 0);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	if (!gt_read_pixels(t, 1, 0, 0, 4, 4, px))
		return false;
	CHECK(memcmp(px, red, sizeof(px)) == 0, "pixel 0 %02x%02x%02x%02x", px[0], px[1], px[2],
	      px[3]);
	/* The framebuffer is the texture's 4x4, not the surface's 8x8. */
	gt_cmd(t, GLES_OP_glReadPixels, 7, 0, 0, 5, 5, GL_RGBA, GL_UNSIGNED_BYTE, 100);
	gt_send(t, 1, 0, 0);
	return gt_refused(t, "5x5 at 0,0 is outside the 4x4 framebuffer");
}

static bool buffer_read_gives_the_bound_buffer_bytes(struct gt *t)
{
	uint8_t data[16], got[8];
	for (int i = 0; i < 16; i++)
		data[i] = (uint8_t)(i * 3);
	if (!ready(t))
		return false;
	gen(t, GLES_OP_glGenBuffers, 5);
	gt_cmd(t, GLES_OP_glBindBuffer, 2, GL_ARRAY_BUFFER, 5);
	gt_begin(t, GLES_OP_glBufferData);
	gt_u32(t, GL_ARRAY_BUFFER);
	gt_u64(t, 16);
	gt_u32(t, GL_STATIC_DRAW);
	gt_blob(t, data, 16);
	gt_end(t);
	gt_cmd(t, GL_OP_BUFFER_READ, 3, GL_ARRAY_BUFFER, 4, 8);
	if (!blob_reply(t, GL_OP_BUFFER_READ, got, 8))
		return false;
	CHECK(memcmp(got, data + 4, 8) == 0, "bytes differ");
	gt_cmd(t, GL_OP_BUFFER_READ, 3, GL_ARRAY_BUFFER, 12, 8);
	gt_send(t, 1, 0, 0);
	return gt_refused(t, "GL_OP_BUFFER_READ: bytes 12..20 of a 16-byte buffer");
}

static bool destroyed_surface_lives_until_released(struct gt *t)
{
	uint8_t px[8 * 8 * 4];
	if (!ready(t))
		return false;
	gt_cmd(t, GL_OP_DESTROY_SURFACE, 1, 1);
	gt_cmd(t, GLES_OP_glClear, 1, GL_COLOR_BUFFER_BIT);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	if (!gt_read_pixels(t, 1, 0, 0, 8, 8, px))
		return false;
	gt_cmd(t, GL_OP_MAKE_CURRENT, 3, 0, 0, 0);
	gt_cmd(t, GL_OP_DESTROY_CONTEXT, 1, 1);
	gt_cmd(t, GL_OP_MAKE_CURRENT, 3, 1, 0, 0);
	gt_send(t, 1, 0, 0);
	return gt_refused(t, "GL_OP_MAKE_CURRENT: unknown context 1");
}

/* GL_OP_PROGRAM_NAMES of `program`: its reply's status, and its entries' names and
 * locations into names/locs (at most 16). */
static bool program_names(struct gt *t, uint32_t program, uint32_t kind, uint32_t *status,
                          char names[16][32], int32_t *locs, uint32_t *count)
{
	gt_cmd(t, GL_OP_PROGRAM_NAMES, 2, program, kind);
	CHECK(gt_send(t, 1, 0, 0), "GL_OP_PROGRAM_NAMES: %s", t->reason);
	uint32_t size;
	const uint8_t *p = gt_reply(t, 1, GL_OP_PROGRAM_NAMES, &size);
	CHECK(p && size >= 12, "GL_OP_PROGRAM_NAMES reply of %u bytes", size);
	const uint8_t *end = p + size;
	memcpy(status, p, 4);
	memcpy(count, p + 4, 4);
	p += 12;
	CHECK(*count <= 16, "%u names", *count);
	for (uint32_t i = 0; i < *count; i++) {
		uint32_t n = 0;
		CHECK(end - p >= 4, "entry %u cut short", i);
		memcpy(&locs[i], p, 4);
		p += 4;
		const uint8_t *name = gt_blob_at(&p, end, &n);
		CHECK(name && n < 32, "entry %u's name", i);
		memcpy(names[i], name, n);
		names[i][n] = 0;
	}
	CHECK(p == end, "%zu bytes after the entries", (size_t)(end - p));
	return true;
}

static bool located(struct gt *t, uint32_t op, uint32_t program, const char *name, int32_t *loc)
{
	gt_begin(t, op);
	gt_u32(t, program);
	gt_blob(t, name, (uint32_t)strlen(name) + 1);
	gt_end(t);
	uint32_t v;
	if (!gt_sync_u32(t, 1, op, &v))
		return false;
	*loc = (int32_t)v;
	return true;
}

static bool program_names_are_the_drivers_answers(struct gt *t)
{
	char names[16][32];
	int32_t locs[16];
	uint32_t status, count;
	if (!ready(t) ||
	    !gt_program_src(t, 1, 20,
	                    "attribute vec4 pos;\nattribute vec2 uv;\nuniform vec4 tint[3];\n"
	                    "uniform mat4 mvp;\nvarying vec4 v;\n"
	                    "void main() { v = tint[2] * uv.x; gl_Position = mvp * pos; }\n",
	                    "precision mediump float;\nvarying vec4 v;\nuniform vec4 color;\n"
	                    "void main() { gl_FragColor = v * color; }\n"))
		return false;
	if (!program_names(t, 20, GL_PROGRAM_NAMES_UNIFORMS, &status, names, locs, &count))
		return false;
	CHECK(status == GL_PROGRAM_NAMES_OK, "status %u", status);
	bool array = false, base = false;
	for (uint32_t i = 0; i < count; i++) {
		int32_t loc;
		if (!located(t, GLES_OP_glGetUniformLocation, 20, names[i], &loc))
			return false;
		CHECK(loc == locs[i], "%s at %d, the driver says %d", names[i], locs[i], loc);
		array |= strcmp(names[i], "tint[0]") == 0;
		base |= strcmp(names[i], "tint") == 0;
	}
	CHECK(count == 4 && array && base, "%u uniforms, tint[0] %d, tint %d", count, array, base);
	if (!program_names(t, 20, GL_PROGRAM_NAMES_ATTRIBUTES, &status, names, locs, &count))
		return false;
	CHECK(status == GL_PROGRAM_NAMES_OK && count == 2, "status %u, %u attributes", status,
	      count);
	for (uint32_t i = 0; i < count; i++) {
		int32_t loc;
		if (!located(t, GLES_OP_glGetAttribLocation, 20, names[i], &loc))
			return false;
		CHECK(loc == locs[i], "%s at %d, the driver says %d", names[i], locs[i], loc);
	}
	/* A name no program has, and a program never linked: no names, ask one by one. */
	if (!program_names(t, 77, GL_PROGRAM_NAMES_UNIFORMS, &status, names, locs, &count))
		return false;
	CHECK(status == GL_PROGRAM_NAMES_UNKNOWN && !count, "unknown program: status %u", status);
	gt_cmd(t, GLES_OP_glCreateProgram, 1, 30);
	if (!program_names(t, 30, GL_PROGRAM_NAMES_UNIFORMS, &status, names, locs, &count))
		return false;
	CHECK(status == GL_PROGRAM_NAMES_UNLINKED && !count, "unlinked program: status %u", status);
	/* The queries left no error for the app: glGetError says none. */
	uint32_t err;
	gt_cmd(t, GLES_OP_glGetError, 0);
	CHECK(gt_sync_u32(t, 1, GLES_OP_glGetError, &err) && err == GL_NO_ERROR, "error 0x%x", err);
	return true;
}

static const struct gt_case cases[] = {
        GT_CASE(binding_queries_answer_app_names),
        GT_CASE(uniform_queries_reply_the_uniform_size),
        GT_CASE(program_names_are_the_drivers_answers),
        GT_CASE(attached_shaders_are_app_names),
        GT_CASE(shader_source_strings_are_concatenated),
        GT_CASE(fence_is_signalled_after_its_commands),
        GT_CASE(texture_image_shows_in_another_texture),
        GT_CASE(buffer_read_gives_the_bound_buffer_bytes),
        GT_CASE(destroyed_surface_lives_until_released),
};

int main(int argc, char **argv)
{
	return gt_main(argc, argv, cases, sizeof(cases) / sizeof(cases[0]), false);
}
