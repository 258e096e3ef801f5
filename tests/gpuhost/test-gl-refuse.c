/*
 * The GL executor on the host's real EGL: hostile streams end the link
 * with a reason that names the stream, the command and what was wrong.
 * Each case is one meson test; the program takes the case's name.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "gl-harness.h"
#include "gles-codec.h"

static bool ready(struct gt *t)
{
	return gt_init_stream(t, 1) && gt_context(t, 1, 1) &&
	       gt_surface(t, 1, 1, 16, 16, GL_SURFACE_PBUFFER) && gt_current(t, 1, 1, 1);
}

static bool size_not_a_multiple_of_4(struct gt *t)
{
	CHECK(gh_gl_stream_open(t->gl, 1), "open");
	gt_cmd(t, GL_OP_INIT, 4, GL_STREAM_VERSION, 0, (uint32_t)GLES_CODEC_ID,
	       (uint32_t)(GLES_CODEC_ID >> 32));
	((uint8_t *)t->cmds.data)[0] = 10;
	gt_send(t, 1, 0, 0);
	return gt_refused(t, "GL stream 1: GL_OP_INIT: command size 10 is not a multiple of 4");
}

static bool size_over_the_limit_is_refused_before_buffering(struct gt *t)
{
	CHECK(gh_gl_stream_open(t->gl, 1), "open");
	/* Only the header travels: the size alone must end it. */
	struct gl_cmd hdr = {.size = GL_MAX_COMMAND + 4, .op = GL_OP_INIT};
	gh_gl_stream_data(t->gl, 1, (const uint8_t *)&hdr, sizeof(hdr), NULL);
	return gt_refused(t, "is not a multiple of 4 in 8..");
}

static bool unknown_opcode(struct gt *t)
{
	CHECK(gh_gl_stream_open(t->gl, 1), "open");
	gt_cmd(t, 0x999, 0);
	gt_send(t, 1, 0, 0);
	return gt_refused(t, "GL stream 1: unknown opcode 0x999");
}

static bool gles_command_without_a_context(struct gt *t)
{
	CHECK(gh_gl_stream_open(t->gl, 1), "open");
	gt_cmd(t, GLES_OP_glClear, 1, GL_COLOR_BUFFER_BIT);
	gt_send(t, 1, 0, 0);
	return gt_refused(t, "glClear with no current context");
}

static bool command_size_disagrees_with_its_arguments(struct gt *t)
{
	if (!ready(t))
		return false;
	gt_cmd(t, GLES_OP_glClear, 2, GL_COLOR_BUFFER_BIT, 0);
	gt_send(t, 1, 0, 0);
	return gt_refused(t, "glClear: command size does not match its arguments");
}

static bool name_never_generated(struct gt *t)
{
	if (!ready(t))
		return false;
	gt_cmd(t, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, 77);
	gt_send(t, 1, 0, 0);
	return gt_refused(t, "GL stream 1: glBindTexture: texture 77 was never generated");
}

static bool readback_past_the_surface(struct gt *t)
{
	if (!ready(t))
		return false;
	gt_cmd(t, GLES_OP_glReadPixels, 7, 8, 0, 9, 16, GL_RGBA, GL_UNSIGNED_BYTE, 9 * 16 * 4);
	gt_send(t, 1, 0, 0);
	return gt_refused(t, "glReadPixels: 9x16 at 8,0 is outside the 16x16 framebuffer");
}

static bool readback_capacity_disagrees_with_the_rectangle(struct gt *t)
{
	if (!ready(t))
		return false;
	gt_cmd(t, GLES_OP_glReadPixels, 7, 0, 0, 4, 4, GL_RGBA, GL_UNSIGNED_BYTE, 4 * 4 * 4 + 4);
	gt_send(t, 1, 0, 0);
	return gt_refused(t, "glReadPixels: 68 bytes for 4x4");
}

static void buffer(struct gt *t, uint32_t target, uint32_t name, const void *data, uint32_t n)
{
	gt_begin(t, GLES_OP_glGenBuffers);
	gt_u32(t, 1);
	gt_blob(t, &name, 4);
	gt_end(t);
	gt_cmd(t, GLES_OP_glBindBuffer, 2, target, name);
	gt_begin(t, GLES_OP_glBufferData);
	gt_u32(t, target);
	gt_u64(t, n);
	gt_u32(t, GL_STATIC_DRAW);
	gt_blob(t, data, n);
	gt_end(t);
}

static const float triangle[] = {-1, -1, 0, 1, 3, -1, 0, 1, -1, 3, 0, 1};

static bool drawing(struct gt *t)
{
	if (!ready(t) || !gt_program(t, 1, 10, 1, 1, 1))
		return false;
	buffer(t, GL_ARRAY_BUFFER, 5, triangle, sizeof(triangle));
	gt_begin(t, GLES_OP_glVertexAttribPointer);
	gt_u32(t, 0);
	gt_u32(t, 4);
	gt_u32(t, GL_FLOAT);
	gt_u32(t, 0);
	gt_u32(t, 0);
	gt_u64(t, 0);
	gt_end(t);
	gt_cmd(t, GLES_OP_glEnableVertexAttribArray, 1, 0);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	return true;
}

static bool draw_arrays_past_the_buffer_end(struct gt *t)
{
	if (!drawing(t))
		return false;
	gt_cmd(t, GLES_OP_glDrawArrays, 3, GL_TRIANGLES, 1, 3);
	gt_send(t, 1, 0, 0);
	return gt_refused(t, "glDrawArrays: attribute 0 reads to byte 64 of a 48-byte buffer");
}

static bool draw_elements_index_past_the_buffer_end(struct gt *t)
{
	const uint16_t idx[] = {0, 1, 3};
	if (!drawing(t))
		return false;
	buffer(t, GL_ELEMENT_ARRAY_BUFFER, 6, idx, sizeof(idx));
	gt_begin(t, GLES_OP_glDrawElements);
	gt_u32(t, GL_TRIANGLES);
	gt_u32(t, 3);
	gt_u32(t, GL_UNSIGNED_SHORT);
	gt_u64(t, 0);
	gt_u32(t, GL_BLOB_NULL);
	gt_end(t);
	gt_send(t, 1, 0, 0);
	return gt_refused(t, "glDrawElements: attribute 0 reads to byte 64 of a 48-byte buffer");
}

static bool draw_elements_past_the_element_buffer(struct gt *t)
{
	const uint16_t idx[] = {0, 1, 2};
	if (!drawing(t))
		return false;
	buffer(t, GL_ELEMENT_ARRAY_BUFFER, 6, idx, sizeof(idx));
	gt_begin(t, GLES_OP_glDrawElements);
	gt_u32(t, GL_TRIANGLES);
	gt_u32(t, 3);
	gt_u32(t, GL_UNSIGNED_SHORT);
	gt_u64(t, 2);
	gt_u32(t, GL_BLOB_NULL);
	gt_end(t);
	gt_send(t, 1, 0, 0);
	return gt_refused(t, "glDrawElements: indices to byte 8 of a 6-byte element buffer");
}

static bool client_array_vertices_beyond_what_was_sent(struct gt *t)
{
	const uint8_t idx[] = {0, 1, 5};
	if (!ready(t) || !gt_program(t, 1, 10, 1, 1, 1))
		return false;
	gt_begin(t, GL_OP_CLIENT_ARRAY);
	gt_u32(t, GL_ARRAY_ATTRIB);
	gt_u32(t, 0);
	gt_u32(t, 4);
	gt_u32(t, GL_FLOAT);
	gt_u32(t, 0);
	gt_u32(t, 0);
	gt_u32(t, 3);
	gt_blob(t, triangle, sizeof(triangle));
	gt_end(t);
	gt_cmd(t, GLES_OP_glEnableVertexAttribArray, 1, 0);
	gt_begin(t, GLES_OP_glDrawElements);
	gt_u32(t, GL_TRIANGLES);
	gt_u32(t, 3);
	gt_u32(t, GL_UNSIGNED_BYTE);
	gt_u64(t, 0);
	gt_blob(t, idx, sizeof(idx));
	gt_end(t);
	gt_send(t, 1, 0, 0);
	return gt_refused(t, "glDrawElements: attribute 0 reads to byte 96 of a");
}

/* An attribute the program reads, enabled with no buffer (and no client
 * array sent): drawn with its current value, as if disabled, with no error
 * (GL leaves it undefined; Mesa draws). The driver never sees the array. */
static bool enabled_attribute_without_a_buffer(struct gt *t)
{
	if (!ready(t) || !gt_program(t, 1, 10, 1, 1, 1))
		return false;
	gt_cmd(t, GLES_OP_glEnableVertexAttribArray, 1, 0);
	gt_cmd(t, GLES_OP_glDrawArrays, 3, GL_TRIANGLES, 0, 3);
	uint32_t err = 1;
	gt_cmd(t, GLES_OP_glGetError, 0);
	CHECK(gt_sync_u32(t, 1, GLES_OP_glGetError, &err), "glGetError: %s", t->reason);
	CHECK(err == GL_NO_ERROR, "glGetError 0x%x after the draw", err);
	CHECK(!t->failed, "the link ended");
	return true;
}

static bool vertex_pointer_without_a_buffer(struct gt *t)
{
	if (!ready(t))
		return false;
	gt_begin(t, GLES_OP_glVertexAttribPointer);
	gt_u32(t, 0);
	gt_u32(t, 4);
	gt_u32(t, GL_FLOAT);
	gt_u32(t, 0);
	gt_u32(t, 0);
	gt_u64(t, 0x7fff0000);
	gt_end(t);
	gt_send(t, 1, 0, 0);
	return gt_refused(t, "glVertexAttribPointer: no GL_ARRAY_BUFFER bound");
}

/* An OpenGL ES 1.1 context current on stream 1 (16x16 pbuffer). */
static bool ready_es1(struct gt *t)
{
	if (!gt_init_stream(t, 1))
		return false;
	CHECK(t->es1.version, "the host offers no OpenGL ES 1.1");
	gt_cmd_create_context_api(t, 1, 0, &t->es1);
	uint32_t size;
	CHECK(gt_send(t, 1, 0, 0) && gt_reply(t, 1, GL_OP_CREATE_CONTEXT, &size), "context");
	return gt_surface(t, 1, 1, 16, 16, GL_SURFACE_PBUFFER) && gt_current(t, 1, 1, 1);
}

static void vertex_array(struct gt *t, uint32_t kind, uint32_t first, uint32_t count, uint32_t n)
{
	static const float xy[8] = {-1, -1, 3, -1, -1, 3, 0, 0};
	gt_begin(t, GL_OP_CLIENT_ARRAY);
	gt_u32(t, kind);
	gt_u32(t, 0);
	gt_u32(t, 2);
	gt_u32(t, GL_FLOAT);
	gt_u32(t, 0);
	gt_u32(t, first);
	gt_u32(t, count);
	gt_blob(t, xy, n);
	gt_end(t);
}

static bool es1_client_array_past_its_blob(struct gt *t)
{
	if (!ready_es1(t))
		return false;
	vertex_array(t, GL_ARRAY_VERTEX, 0, 4, 24); /* 4 vertices declared, 3 sent */
	gt_send(t, 1, 0, 0);
	return gt_refused(t, "vertex array: 24 bytes for 4 vertices of 8 bytes");
}

static bool unknown_client_array_kind(struct gt *t)
{
	if (!ready_es1(t))
		return false;
	vertex_array(t, GL_ARRAY_KIND_COUNT, 0, 3, 24);
	gt_send(t, 1, 0, 0);
	char want[40];
	snprintf(want, sizeof(want), "unknown array kind %d", GL_ARRAY_KIND_COUNT);
	return gt_refused(t, want);
}

static bool es1_array_in_an_es2_context(struct gt *t)
{
	if (!ready(t))
		return false;
	vertex_array(t, GL_ARRAY_VERTEX, 0, 3, 24);
	gt_send(t, 1, 0, 0);
	return gt_refused(t, "array kind 1 in a OpenGL ES context");
}

static bool es1_draw_past_the_vertices_sent(struct gt *t)
{
	if (!ready_es1(t))
		return false;
	vertex_array(t, GL_ARRAY_VERTEX, 0, 3, 24);
	gt_cmd(t, GLES_OP_glEnableClientState, 1, 0x8074 /* GL_VERTEX_ARRAY */);
	/* The scratch buffer has some room to grow (36 bytes): 6 vertices pass it. */
	gt_cmd(t, GLES_OP_glDrawArrays, 3, GL_TRIANGLES, 0, 6);
	gt_send(t, 1, 0, 0);
	return gt_refused(t, "vertex array 0 reads to byte 48 of a 36-byte buffer");
}

static bool es1_vertex_pointer_without_a_buffer(struct gt *t)
{
	if (!ready_es1(t))
		return false;
	gt_begin(t, GLES_OP_glVertexPointer);
	gt_u32(t, 2);
	gt_u32(t, GL_FLOAT);
	gt_u32(t, 0);
	gt_u64(t, 0x7fff0000);
	gt_end(t);
	gt_send(t, 1, 0, 0);
	return gt_refused(t, "glVertexPointer: no GL_ARRAY_BUFFER bound");
}

/* A 16x16 window current on stream 1, and a swap of it into wl_buffer 7, a frame buffer of
 * w x h, with `flags`. */
static bool swap_into(struct gt *t, uint32_t w, uint32_t h, uint32_t flags)
{
	struct gh_gl_memory_desc desc;
	if (!gt_init_stream(t, 1) || !gt_context(t, 1, 1) ||
	    !gt_surface(t, 1, 1, 16, 16, GL_SURFACE_WINDOW) || !gt_current(t, 1, 1, 1))
		return false;
	struct gh_gl_memory *mem = gh_gl_memory_create(t->gl, w, h, 0, &desc);
	CHECK(mem, "memory");
	close(desc.fd);
	gh_gl_memory_bind_buffer(t->gl, mem, 7);
	gh_gl_memory_unref(mem);
	gt_begin(t, GL_OP_SWAP);
	gt_u32(t, 1);
	gt_u32(t, 7);
	gt_u32(t, 0);
	gt_u32(t, flags);
	gt_blob(t, NULL, 0);
	gt_end(t);
	gt_send(t, 1, 0, 0);
	return true;
}

static bool swap_with_unknown_flags(struct gt *t)
{
	return swap_into(t, 16, 16, GL_SWAP_BOTTOM_UP_OK | 0x10) &&
	       gt_refused(t, "GL_OP_SWAP: unknown flags 0x10");
}

static bool swap_into_a_buffer_of_another_size(struct gt *t)
{
	return swap_into(t, 16, 15, 0) &&
	       gt_refused(t, "GL_OP_SWAP: wl_buffer 7 is 16x15, surface 1 is 16x16");
}

static bool make_current_with_an_unknown_context(struct gt *t)
{
	CHECK(gh_gl_stream_open(t->gl, 1), "open");
	gt_cmd(t, GL_OP_MAKE_CURRENT, 3, 42, 0, 0);
	gt_send(t, 1, 0, 0);
	return gt_refused(t, "GL stream 1: GL_OP_MAKE_CURRENT: unknown context 42");
}

static bool data_on_a_stream_never_opened(struct gt *t)
{
	uint8_t zero[8] = {0};
	gh_gl_stream_data(t->gl, 3, zero, sizeof(zero), NULL);
	return gt_refused(t, "GL stream 3: data: the stream is not open");
}

/* One GL_OP_INIT and its reply's gl_host_info. */
/* GL_OP_CREATE_CONTEXT of the ES the host offers, with `bytes` of extension bits (the
 * offered ones, and `extra` ORed into u64 word `word`). */
static bool create_context_bits(struct gt *t, uint32_t bytes, int word, uint64_t extra)
{
	CHECK(gt_init_stream(t, 1), "init");
	uint64_t bits[GL_EXT_WORDS];
	memcpy(bits, t->es.exts, sizeof(bits));
	bits[word] |= extra;
	uint32_t x[2 * GL_EXT_WORDS];
	memcpy(x, bits, sizeof(x));
	gt_cmd(t, GL_OP_CREATE_CONTEXT, 7 + bytes / 4, 1, t->config.config_id, 0, t->es.api,
	       t->es.version, 0, bytes, x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8], x[9],
	       x[10], x[11], x[12], x[13], x[14], x[15]);
	gt_send(t, 1, 0, 0);
	return true;
}

/* Stream version 3's 32 bytes of extension bits: the blob is GL_EXT_WORDS words now. */
static bool extension_bits_of_the_old_size(struct gt *t)
{
	return create_context_bits(t, 32, 0, 0) &&
	       gt_refused(t, "extension bits of 32 bytes, not 64");
}

/* A bit in a word past the codec's GLES_EXT_WORDS: no extension of ours. */
static bool extension_bit_past_ours(struct gt *t)
{
	return create_context_bits(t, 64, GL_EXT_WORDS - 1, 1ull << 63) &&
	       gt_refused(t, "extension bits past ours");
}

/* A bit of ours the host did not offer (the last of the codec's, an ES context's none). */
static bool extension_bit_not_offered(struct gt *t)
{
	int last = GLES_EXT_COUNT - 1;
	return create_context_bits(t, 64, last / 64, 1ull << (last % 64)) &&
	       gt_refused(t, "extensions not offered");
}

static bool init_reply(struct gt *t, int n, uint32_t w0, uint32_t w1, uint32_t w2, uint32_t w3,
                       struct gl_host_info *info)
{
	gt_cmd(t, GL_OP_INIT, n, w0, w1, w2, w3);
	CHECK(gt_send(t, 1, 0, 0), "init: %s", t->reason);
	uint32_t size;
	const uint8_t *p = gt_reply(t, 1, GL_OP_INIT, &size);
	CHECK(p && size >= sizeof(*info), "no GL_OP_INIT reply: %s", t->reason);
	memcpy(info, p, sizeof(*info));
	return true;
}

/* A library of another release (another stream version, even with a
 * GL_OP_INIT of another size, or another codec) is told no API is offered,
 * and the stream, like the link, goes on: its app keeps its windows. */
static bool init_of_another_release_gets_no_api_and_the_stream_goes_on(struct gt *t)
{
	CHECK(gh_gl_stream_open(t->gl, 1), "open");
	uint32_t lo = (uint32_t)GLES_CODEC_ID, hi = (uint32_t)(GLES_CODEC_ID >> 32);
	struct gl_host_info info;
	CHECK(init_reply(t, 1, 2, 0, 0, 0, &info), "version 2");
	CHECK(info.version == GL_STREAM_VERSION && info.codec == GLES_CODEC_ID && !info.n_apis &&
	              !info.n_configs,
	      "version 2 got version %u, %u APIs, %u configs", info.version, info.n_apis,
	      info.n_configs);
	CHECK(init_reply(t, 4, GL_STREAM_VERSION, 0, lo ^ 1, hi, &info), "another codec");
	CHECK(!info.n_apis && info.codec == GLES_CODEC_ID, "another codec got %u APIs",
	      info.n_apis);
	CHECK(init_reply(t, 4, GL_STREAM_VERSION, 0, lo, hi, &info), "this release");
	CHECK(info.n_apis > 0 && info.n_configs > 0, "this release got %u APIs", info.n_apis);
	return true;
}

static bool program_names_of_an_unknown_kind(struct gt *t)
{
	if (!ready(t))
		return false;
	gt_cmd(t, GL_OP_PROGRAM_NAMES, 2, 0, 7);
	gt_send(t, 1, 0, 0);
	return gt_refused(t, "GL_OP_PROGRAM_NAMES: program names of kind 7");
}

static bool program_names_in_an_es1_context(struct gt *t)
{
	if (!ready_es1(t))
		return false;
	gt_cmd(t, GL_OP_PROGRAM_NAMES, 2, 1, GL_PROGRAM_NAMES_UNIFORMS);
	gt_send(t, 1, 0, 0);
	return gt_refused(t, "program names asked in a context without programs");
}

static const struct gt_case cases[] = {
        GT_CASE(init_of_another_release_gets_no_api_and_the_stream_goes_on),
        GT_CASE(size_not_a_multiple_of_4),
        GT_CASE(size_over_the_limit_is_refused_before_buffering),
        GT_CASE(unknown_opcode),
        GT_CASE(gles_command_without_a_context),
        GT_CASE(command_size_disagrees_with_its_arguments),
        GT_CASE(name_never_generated),
        GT_CASE(readback_past_the_surface),
        GT_CASE(readback_capacity_disagrees_with_the_rectangle),
        GT_CASE(draw_arrays_past_the_buffer_end),
        GT_CASE(draw_elements_index_past_the_buffer_end),
        GT_CASE(draw_elements_past_the_element_buffer),
        GT_CASE(client_array_vertices_beyond_what_was_sent),
        GT_CASE(enabled_attribute_without_a_buffer),
        GT_CASE(vertex_pointer_without_a_buffer),
        GT_CASE(es1_client_array_past_its_blob),
        GT_CASE(unknown_client_array_kind),
        GT_CASE(es1_array_in_an_es2_context),
        GT_CASE(es1_draw_past_the_vertices_sent),
        GT_CASE(es1_vertex_pointer_without_a_buffer),
        GT_CASE(swap_into_a_buffer_of_another_size),
        GT_CASE(swap_with_unknown_flags),
        GT_CASE(make_current_with_an_unknown_context),
        GT_CASE(data_on_a_stream_never_opened),
        GT_CASE(extension_bits_of_the_old_size),
        GT_CASE(extension_bit_past_ours),
        GT_CASE(extension_bit_not_offered),
        GT_CASE(program_names_of_an_unknown_kind),
        GT_CASE(program_names_in_an_es1_context),
};

int main(int argc, char **argv)
{
	return gt_main(argc, argv, cases, sizeof(cases) / sizeof(cases[0]), false);
}
