/*
 * Hostile streams of the OpenGL ES 3.0 commands that need design: pixel buffers, transform
 * feedback, program binaries, sync waits, string arrays. What GL refuses gets GL's error and
 * the link goes on; what an honest library never sends ends the link, naming it. (A program
 * binary is never taken, whatever its size: gpupipe offers no binary format.)
 */
#include <string.h>

#include <GLES3/gl3.h>

#include "gl-link.h"

/* glTexImage2D of size x size RGBA pixels at `offset` in the bound pixel unpack buffer. */
static void tex_image_from_buffer(struct hl_gl_link *g, uint32_t size, uint64_t offset)
{
	hl_gl_cmd_begin(g, GLES_OP_glTexImage2D);
	uint32_t args[] = {GL_TEXTURE_2D, 0, GL_RGBA, size, size, 0, GL_RGBA, GL_UNSIGNED_BYTE};
	for (size_t i = 0; i < sizeof(args) / sizeof(args[0]); i++)
		hl_put_u32(&g->cmds, args[i]);
	hl_put_u32(&g->cmds, GL_BLOB_OFFSET);
	hl_gl_put_u64(g, offset);
	hl_gl_cmd_end(g);
}

static void gen_texture(struct hl_gl_link *g, uint32_t name)
{
	hl_gl_cmd_begin(g, GLES_OP_glGenTextures);
	hl_put_u32(&g->cmds, 1);
	hl_gl_put_blob(g, &name, sizeof(name));
	hl_gl_cmd_end(g);
	hl_gl_cmd(g, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, name);
}

/* 16x16 RGBA (1024 bytes) from a 64-byte unpack buffer: GL_INVALID_OPERATION as GL says, the
 * driver never reads past the buffer; 4x4 (64 bytes) from it works; the link goes on. */
static bool gl_pixel_unpack_upload_past_its_buffer_is_invalid_operation(struct hl_env *e)
{
	static const uint8_t texels[64] = {1, 2, 3, 4};
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	gen_texture(&g, 7);
	hl_gl_buffer(&g, GL_PIXEL_UNPACK_BUFFER, 5, texels, sizeof(texels));
	tex_image_from_buffer(&g, 16, 0);
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_INVALID_OPERATION, "1024 bytes from a 64-byte buffer: error 0x%x", err);
	tex_image_from_buffer(&g, 4, 8); /* 64 bytes from offset 8: 8 past the end */
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_INVALID_OPERATION, "64 bytes at offset 8: error 0x%x", err);
	tex_image_from_buffer(&g, 4, 0);
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "64 bytes from the 64-byte buffer: error 0x%x", err);
	return hl_gl_close_served(e, &g);
}

/* Pixels in the command while an unpack buffer is bound: the driver would read our pointer
 * as an offset into that buffer. */
static bool gl_pixels_in_the_command_with_an_unpack_buffer_bound(struct hl_env *e)
{
	static const uint8_t texels[64];
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	gen_texture(&g, 7);
	hl_gl_buffer(&g, GL_PIXEL_UNPACK_BUFFER, 5, texels, sizeof(texels));
	hl_gl_cmd_begin(&g, GLES_OP_glTexImage2D);
	uint32_t args[] = {GL_TEXTURE_2D, 0, GL_RGBA, 4, 4, 0, GL_RGBA, GL_UNSIGNED_BYTE};
	for (size_t i = 0; i < sizeof(args) / sizeof(args[0]); i++)
		hl_put_u32(&g.cmds, args[i]);
	hl_gl_put_blob(&g, texels, sizeof(texels));
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "pixels in the command while a pixel unpack buffer is bound");
}

/* glReadPixels into a pack buffer too small: GL_INVALID_OPERATION, nothing written. */
static bool gl_pixel_pack_readback_past_its_buffer_is_invalid_operation(struct hl_env *e)
{
	static const uint8_t room[16];
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	hl_gl_buffer(&g, GL_PIXEL_PACK_BUFFER, 5, room, sizeof(room));
	hl_gl_cmd_begin(&g, GLES_OP_glReadPixels);
	uint32_t args[] = {0, 0, 8, 8, GL_RGBA, GL_UNSIGNED_BYTE};
	for (size_t i = 0; i < sizeof(args) / sizeof(args[0]); i++)
		hl_put_u32(&g.cmds, args[i]);
	hl_put_u32(&g.cmds, GL_BLOB_OFFSET);
	hl_gl_put_u64(&g, 0);
	hl_gl_cmd_end(&g);
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_INVALID_OPERATION, "256 bytes into a 16-byte pack buffer: error 0x%x",
	       err);
	return hl_gl_close_served(e, &g);
}

/* glTransformFeedbackVaryings(program, count, ...): `count` strings sent, `claimed` said. */
static void varyings(struct hl_gl_link *g, uint32_t program, uint32_t claimed, const char *packed,
                     uint32_t n)
{
	hl_gl_cmd_begin(g, GLES_OP_glTransformFeedbackVaryings);
	hl_put_u32(&g->cmds, program);
	hl_put_u32(&g->cmds, claimed);
	hl_put_u32(&g->cmds, GL_INTERLEAVED_ATTRIBS);
	hl_gl_put_blob(g, packed, n);
	hl_gl_cmd_end(g);
}

/* Bytes [offset, offset + n) of the buffer bound to `target` (GL_OP_BUFFER_READ). */
static bool buffer_bytes(struct hl_gl_link *g, uint32_t target, uint32_t offset, uint32_t n,
                         uint8_t *out)
{
	hl_gl_cmd(g, GL_OP_BUFFER_READ, 3, target, offset, n);
	CHECK(hl_gl_send(g, CH, 0));
	uint32_t size, got;
	const uint8_t *p = hl_gl_reply(g, GL_OP_BUFFER_READ, &size);
	CHECKF(p && size >= 4, "no GL_OP_BUFFER_READ reply");
	memcpy(&got, p, 4);
	CHECKF(got == n && size >= 4 + n, "%u bytes read back, not %u", got, n);
	memcpy(out, p + 4, n);
	return true;
}

/* A program capturing gl_Position (16 bytes a vertex) into a 32-byte range of a 64-byte
 * buffer, 64 points drawn: GL writes 2 and no more (Mesa with geometry shaders records
 * what fits; ES 3.0 without them says GL_INVALID_OPERATION): the bytes after the range
 * keep their value, and the link goes on. */
static bool gl_transform_feedback_into_a_buffer_too_small_writes_no_further(struct hl_env *e)
{
	uint8_t room[64], after[32];
	memset(room, 0xab, sizeof(room));
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	hl_gl_shader(&g, 21, GL_VERTEX_SHADER,
	             "#version 300 es\nvoid main() { gl_Position = vec4(gl_VertexID); }\n");
	hl_gl_shader(&g, 22, GL_FRAGMENT_SHADER,
	             "#version 300 es\nprecision mediump float;\nout vec4 c;\n"
	             "void main() { c = vec4(1); }\n");
	hl_gl_cmd(&g, GLES_OP_glCreateProgram, 1, 20u);
	hl_gl_cmd(&g, GLES_OP_glAttachShader, 2, 20u, 21u);
	hl_gl_cmd(&g, GLES_OP_glAttachShader, 2, 20u, 22u);
	varyings(&g, 20, 1, "gl_Position", 12);
	hl_gl_cmd(&g, GLES_OP_glLinkProgram, 1, 20u);
	hl_gl_cmd(&g, GLES_OP_glUseProgram, 1, 20u);
	hl_gl_buffer(&g, GL_TRANSFORM_FEEDBACK_BUFFER, 5, room, sizeof(room));
	hl_gl_cmd_begin(&g, GLES_OP_glBindBufferRange);
	hl_put_u32(&g.cmds, GL_TRANSFORM_FEEDBACK_BUFFER);
	hl_put_u32(&g.cmds, 0);
	hl_put_u32(&g.cmds, 5);
	hl_gl_put_u64(&g, 0);
	hl_gl_put_u64(&g, 32);
	hl_gl_cmd_end(&g);
	hl_gl_cmd(&g, GLES_OP_glEnable, 1, GL_RASTERIZER_DISCARD);
	hl_gl_cmd(&g, GLES_OP_glBeginTransformFeedback, 1, GL_POINTS);
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "glBeginTransformFeedback: error 0x%x", err);
	hl_gl_cmd(&g, GLES_OP_glDrawArrays, 3, GL_POINTS, 0u, 64u);
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR || err == GL_INVALID_OPERATION,
	       "64 vertices into room for 2: error 0x%x", err);
	hl_gl_cmd(&g, GLES_OP_glEndTransformFeedback, 0);
	hl_gl_cmd(&g, GLES_OP_glDisable, 1, GL_RASTERIZER_DISCARD);
	CHECK(buffer_bytes(&g, GL_TRANSFORM_FEEDBACK_BUFFER, 32, 32, after));
	for (size_t i = 0; i < sizeof(after); i++)
		CHECKF(after[i] == 0xab, "byte %zu past the range is 0x%02x", 32 + i, after[i]);
	return hl_gl_close_served(e, &g);
}

/* More varyings claimed than the blob holds. */
static bool gl_transform_feedback_varyings_counted_past_their_strings(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	hl_gl_cmd(&g, GLES_OP_glCreateProgram, 1, 20u);
	varyings(&g, 20, 5, "a\0b", 4);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glTransformFeedbackVaryings: varyings: 5 strings in 4 bytes");
}

/* 70000 empty strings: more than any GL limit needs, refused before the host allocates a
 * pointer for each. */
static bool gl_transform_feedback_varyings_past_the_string_limit(struct hl_env *e)
{
	static char nuls[70000];
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	hl_gl_cmd(&g, GLES_OP_glCreateProgram, 1, 20u);
	varyings(&g, 20, sizeof(nuls), nuls, sizeof(nuls));
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l,
	                  "glTransformFeedbackVaryings: varyings: 70000 strings, over 65536");
}

/* gpupipe offers no program binary format: a binary would reach the driver unchecked. One
 * whose blob is not its length, and one that is: both end the link. */
static bool program_binary_refused(struct hl_env *e, uint32_t length)
{
	static const uint8_t binary[16] = {0x42};
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	hl_gl_cmd(&g, GLES_OP_glCreateProgram, 1, 20u);
	hl_gl_cmd_begin(&g, GLES_OP_glProgramBinary);
	hl_put_u32(&g.cmds, 20);
	hl_put_u32(&g.cmds, 0x8741 /* GL_PROGRAM_BINARY_FORMAT_MESA */);
	hl_put_u32(&g.cmds, length);
	hl_gl_put_blob(&g, binary, sizeof(binary));
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glProgramBinary:");
}

static bool gl_program_binary_of_the_wrong_size(struct hl_env *e)
{
	return program_binary_refused(e, 1000);
}

static bool gl_program_binary_is_never_taken(struct hl_env *e)
{
	return program_binary_refused(e, 16);
}

/* A sync wait longer than the host's step would stall the link process's streams. */
static bool gl_client_wait_sync_longer_than_the_host_step(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	hl_gl_cmd(&g, GLES_OP_glFenceSync, 3, GL_SYNC_GPU_COMMANDS_COMPLETE, 0u, 9u);
	hl_gl_cmd_begin(&g, GLES_OP_glClientWaitSync);
	hl_put_u32(&g.cmds, 9);
	hl_put_u32(&g.cmds, 0);
	hl_gl_put_u64(&g, 60ull * 1000000000ull);
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glClientWaitSync: (uint64_t)timeout <= GL_MAX_SYNC_WAIT_NS");
}

static bool is_program(struct hl_gl_link *g, uint32_t name, uint32_t *v)
{
	hl_gl_cmd(g, GLES_OP_glIsProgram, 1, name);
	CHECK(hl_gl_send(g, CH, 0));
	return hl_gl_reply_u32(g, GLES_OP_glIsProgram, v);
}

/* A program deleted while current is only flagged: deleting it again is served and its
 * name still maps; once glUseProgram lets it go, naming it ends the link (the library
 * forgot it too). */
static bool gl_program_deleted_in_use_lives_until_not_current(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	hl_gl_program(&g, 30);
	hl_gl_cmd(&g, GLES_OP_glDeleteProgram, 1, 30u);
	hl_gl_cmd(&g, GLES_OP_glDeleteProgram, 1, 30u);
	uint32_t v = 0, err;
	CHECK(is_program(&g, 30, &v));
	CHECKF(v == GL_TRUE, "glIsProgram of the flagged program: %u", v);
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "deleting the current program twice: error 0x%x", err);
	hl_gl_cmd(&g, GLES_OP_glUseProgram, 1, 0u);
	CHECK(is_program(&g, 30, &v));
	CHECKF(v == GL_FALSE, "glIsProgram once not current: %u", v);
	hl_gl_cmd(&g, GLES_OP_glLinkProgram, 1, 30u);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "program 30 was never generated");
}

/* The flagged program's name made again: refused, as any name generated twice. */
static bool gl_program_deleted_in_use_made_again_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	hl_gl_program(&g, 30);
	hl_gl_cmd(&g, GLES_OP_glDeleteProgram, 1, 30u);
	hl_gl_cmd(&g, GLES_OP_glCreateProgram, 1, 30u);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "program 30 generated twice");
}

/* A glUseProgram the driver refuses (never linked) still makes the program current as the
 * library sees it: deleted, its name is kept while the driver freed the object. New shaders
 * and programs (the driver may give them its name again) get names of their own, the kept
 * name answers as a deleted one, and letting it go is served. */
static bool gl_program_kept_after_a_refused_use_stays_apart(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	hl_gl_cmd(&g, GLES_OP_glCreateProgram, 1, 40u);
	hl_gl_cmd(&g, GLES_OP_glUseProgram, 1, 40u);
	hl_gl_cmd(&g, GLES_OP_glDeleteProgram, 1, 40u);
	hl_gl_cmd(&g, GLES_OP_glCreateShader, 2, GL_VERTEX_SHADER, 41u);
	hl_gl_cmd(&g, GLES_OP_glCreateProgram, 1, 42u);
	hl_gl_cmd(&g, GLES_OP_glDeleteProgram, 1, 40u);
	uint32_t v = 0, err;
	CHECK(is_program(&g, 42, &v));
	CHECKF(v == GL_TRUE, "glIsProgram of a new program: %u", v);
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR || err == GL_INVALID_OPERATION, "error 0x%x", err);
	hl_gl_cmd(&g, GLES_OP_glUseProgram, 1, 0u);
	hl_gl_cmd(&g, GLES_OP_glDeleteShader, 1, 41u);
	hl_gl_cmd(&g, GLES_OP_glDeleteProgram, 1, 42u);
	CHECK(is_program(&g, 42, &v));
	CHECKF(v == GL_FALSE, "glIsProgram of a deleted program: %u", v);
	return hl_gl_close_served(e, &g);
}

/* Context `handle`, sharing with CTX (created, not current). */
static bool shared_context(struct hl_gl_link *g, uint32_t handle)
{
	uint32_t x[2 * GL_EXT_WORDS];
	memcpy(x, g->es.exts, sizeof(x));
	hl_gl_cmd(g, GL_OP_CREATE_CONTEXT, 23, handle, g->config, CTX, g->es.api, g->es.version, 0u,
	          64u, x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8], x[9], x[10], x[11],
	          x[12], x[13], x[14], x[15]);
	uint32_t err = 0;
	CHECK(hl_gl_send(g, CH, 0) && hl_gl_reply_u32(g, GL_OP_CREATE_CONTEXT, &err));
	CHECKF(err == EGL_OK, "a context sharing with %u: 0x%x", CTX, err);
	return true;
}

/* A program deleted while current in a context that is then destroyed: GL lets it go with
 * the context (the driver deletes it), and so do the library and the host, so its name is
 * free again. A host that kept the destroyed context's count kept the name and ended the
 * link at its next glCreateProgram (the security review's finding 4). */
static bool gl_program_deleted_in_use_goes_with_its_last_context(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	CHECK(shared_context(&g, 2));
	hl_gl_cmd(&g, GL_OP_MAKE_CURRENT, 3, 2u, SURF, SURF);
	hl_gl_program(&g, 30);
	hl_gl_cmd(&g, GLES_OP_glDeleteProgram, 1, 30u);
	hl_gl_cmd(&g, GL_OP_MAKE_CURRENT, 3, CTX, SURF, SURF);
	uint32_t v = 0, err;
	CHECK(is_program(&g, 30, &v));
	CHECKF(v == GL_TRUE, "glIsProgram of a program flagged in context 2: %u", v);
	hl_gl_cmd(&g, GL_OP_DESTROY_CONTEXT, 1, 2u);
	CHECK(is_program(&g, 30, &v));
	CHECKF(v == GL_FALSE, "glIsProgram once its only context went: %u", v);
	hl_gl_cmd(&g, GLES_OP_glCreateProgram, 1, 30u);
	CHECK(is_program(&g, 30, &v));
	CHECKF(v == GL_TRUE, "glIsProgram of the name made again: %u", v);
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "error 0x%x", err);
	return hl_gl_close_served(e, &g);
}

/* The same with a program whose glUseProgram the driver refused (never linked): the
 * driver freed it at glDeleteProgram while the library keeps its name (on a stand-in of
 * the host's, with a driver that gives freed names again); the destroyed context lets it
 * go and its name is free again. */
static bool gl_program_kept_after_a_refused_use_goes_with_its_last_context(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	CHECK(shared_context(&g, 2));
	hl_gl_cmd(&g, GL_OP_MAKE_CURRENT, 3, 2u, SURF, SURF);
	hl_gl_cmd(&g, GLES_OP_glCreateProgram, 1, 40u);
	hl_gl_cmd(&g, GLES_OP_glUseProgram, 1, 40u);
	hl_gl_cmd(&g, GLES_OP_glDeleteProgram, 1, 40u);
	hl_gl_cmd(&g, GLES_OP_glCreateProgram, 1, 41u);
	hl_gl_cmd(&g, GL_OP_MAKE_CURRENT, 3, CTX, SURF, SURF);
	hl_gl_cmd(&g, GL_OP_DESTROY_CONTEXT, 1, 2u);
	hl_gl_cmd(&g, GLES_OP_glCreateProgram, 1, 40u);
	uint32_t v = 0, err;
	CHECK(is_program(&g, 40, &v));
	CHECKF(v == GL_TRUE, "glIsProgram of the name made again: %u", v);
	CHECK(is_program(&g, 41, &v));
	CHECKF(v == GL_TRUE, "glIsProgram of the other program: %u", v);
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "error 0x%x", err);
	return hl_gl_close_served(e, &g);
}

const struct hl_case hl_es3_cases[] = {
        HL_CASE(gl_pixel_unpack_upload_past_its_buffer_is_invalid_operation),
        HL_CASE(gl_pixels_in_the_command_with_an_unpack_buffer_bound),
        HL_CASE(gl_pixel_pack_readback_past_its_buffer_is_invalid_operation),
        HL_CASE(gl_transform_feedback_into_a_buffer_too_small_writes_no_further),
        HL_CASE(gl_transform_feedback_varyings_counted_past_their_strings),
        HL_CASE(gl_transform_feedback_varyings_past_the_string_limit),
        HL_CASE(gl_program_binary_of_the_wrong_size),
        HL_CASE(gl_program_binary_is_never_taken),
        HL_CASE(gl_client_wait_sync_longer_than_the_host_step),
        HL_CASE(gl_program_deleted_in_use_lives_until_not_current),
        HL_CASE(gl_program_deleted_in_use_made_again_ends_the_link),
        HL_CASE(gl_program_kept_after_a_refused_use_stays_apart),
        HL_CASE(gl_program_deleted_in_use_goes_with_its_last_context),
        HL_CASE(gl_program_kept_after_a_refused_use_goes_with_its_last_context),
};
const size_t hl_es3_case_count = sizeof(hl_es3_cases) / sizeof(hl_es3_cases[0]);
