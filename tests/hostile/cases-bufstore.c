/*
 * Hostile streams of GL_EXT_buffer_storage's mappings (gpuhost/gl/persist.c): bytes
 * travel through the host's own mapping of the buffer, and a range outside it, or a
 * buffer the host has not mapped, ends the link, naming it.
 */
#include <string.h>

#include <GLES3/gl31.h>
#include <GLES2/gl2ext.h>

#include "gl-link.h"

#define FLAGS (GL_MAP_WRITE_BIT | GL_MAP_PERSISTENT_BIT_EXT | GL_MAP_COHERENT_BIT_EXT)

/* Buffer `name`, bound to GL_ARRAY_BUFFER, an immutable store of `size` bytes. */
static void storage(struct hl_gl_link *g, uint32_t name, uint32_t size, uint32_t flags)
{
	hl_gl_cmd_begin(g, GLES_OP_glGenBuffers);
	hl_put_u32(&g->cmds, 1);
	hl_gl_put_blob(g, &name, sizeof(name));
	hl_gl_cmd_end(g);
	hl_gl_cmd(g, GLES_OP_glBindBuffer, 2, GL_ARRAY_BUFFER, name);
	hl_gl_cmd_begin(g, GLES_OP_glBufferStorageEXT);
	hl_put_u32(&g->cmds, GL_ARRAY_BUFFER);
	hl_gl_put_u64(g, size);
	hl_put_u32(&g->cmds, flags);
	hl_put_u32(&g->cmds, GL_BLOB_NULL);
	hl_gl_cmd_end(g);
}

/* The host maps [0, size) of buffer `name` (bound to GL_ARRAY_BUFFER). */
static bool persist(struct hl_gl_link *g, uint32_t name, uint32_t size)
{
	hl_gl_cmd(g, GL_OP_BUFFER_PERSIST, 5, name, GL_ARRAY_BUFFER, 0u, size, FLAGS);
	uint32_t mapped;
	CHECK(hl_gl_send(g, CH, 0) && hl_gl_reply_u32(g, GL_OP_BUFFER_PERSIST, &mapped));
	CHECKF(mapped == 1, "GL_OP_BUFFER_PERSIST answered %u", mapped);
	return true;
}

static void write_bytes(struct hl_gl_link *g, uint32_t name, uint32_t offset, const void *data,
                        uint32_t n)
{
	hl_gl_cmd_begin(g, GL_OP_BUFFER_WRITE);
	hl_put_u32(&g->cmds, name);
	hl_put_u32(&g->cmds, offset);
	hl_put_u32(&g->cmds, n);
	hl_gl_put_blob(g, data, n);
	hl_gl_cmd_end(g);
}

/* 8 bytes at offset 60 of a 64-byte mapping: 4 of them past the buffer's end. */
static bool gl_buffer_write_past_the_buffer_end_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	storage(&g, 5, 64, FLAGS);
	CHECK(persist(&g, 5, 64));
	uint8_t bytes[8] = {1, 2, 3, 4, 5, 6, 7, 8};
	write_bytes(&g, 5, 60, bytes, sizeof(bytes));
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "bytes 60..68 outside the mapping 0..64 of buffer 5");
}

/* A write whose offset + length wraps 32 bits. */
static bool gl_buffer_write_whose_end_wraps_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	storage(&g, 5, 64, FLAGS);
	CHECK(persist(&g, 5, 64));
	uint8_t bytes[8] = {0};
	write_bytes(&g, 5, 0xfffffffcu, bytes, sizeof(bytes));
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "outside the mapping 0..64 of buffer 5");
}

/* Bytes for a buffer the host never mapped. */
static bool gl_buffer_write_into_a_buffer_not_mapped_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	storage(&g, 5, 64, FLAGS);
	uint8_t bytes[4] = {0};
	write_bytes(&g, 5, 0, bytes, sizeof(bytes));
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "buffer 5 is not mapped persistently");
}

/* Written bytes reach the store (read back after the mapping ends); a pull after them
 * finds nothing the GPU changed; glBufferSubData into a store without
 * GL_DYNAMIC_STORAGE_BIT is the driver's GL_INVALID_OPERATION; the link goes on. */
static bool gl_buffer_write_reaches_the_store(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	storage(&g, 5, 64, FLAGS | GL_MAP_READ_BIT); /* READ: GL_OP_BUFFER_READ */
	CHECK(persist(&g, 5, 64));
	uint8_t bytes[16];
	for (size_t i = 0; i < sizeof(bytes); i++)
		bytes[i] = (uint8_t)(0x40 + i);
	write_bytes(&g, 5, 8, bytes, sizeof(bytes));
	hl_gl_cmd(&g, GL_OP_BUFFER_PULL, 3, 5u, 0u, 64u);
	CHECK(hl_gl_send(&g, CH, 0));
	uint32_t size, count;
	const uint8_t *p = hl_gl_reply(&g, GL_OP_BUFFER_PULL, &size);
	CHECKF(p && size == 4, "GL_OP_BUFFER_PULL reply of %u bytes", p ? size : 0);
	memcpy(&count, p, 4);
	CHECKF(count == 0, "%u runs changed after the app's own write", count);
	hl_gl_cmd(&g, GL_OP_BUFFER_UNPERSIST, 1, 5u);
	hl_gl_cmd(&g, GL_OP_BUFFER_READ, 3, GL_ARRAY_BUFFER, 8u, 16u);
	CHECK(hl_gl_send(&g, CH, 0));
	p = hl_gl_reply(&g, GL_OP_BUFFER_READ, &size);
	CHECKF(p && size == 20, "GL_OP_BUFFER_READ reply of %u bytes", p ? size : 0);
	CHECKF(!memcmp(p + 4, bytes, sizeof(bytes)), "the written bytes did not reach the store");
	hl_gl_cmd_begin(&g, GLES_OP_glBufferSubData);
	hl_put_u32(&g.cmds, GL_ARRAY_BUFFER);
	hl_gl_put_u64(&g, 0);
	hl_gl_put_u64(&g, 4);
	hl_gl_put_blob(&g, bytes, 4);
	hl_gl_cmd_end(&g);
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_INVALID_OPERATION, "glBufferSubData of an immutable store: error 0x%x",
	       err);
	return hl_gl_close_served(e, &g);
}

/* A second store for an immutable buffer, by glBufferData or glBufferStorageEXT: the
 * host answers GL_INVALID_OPERATION without the driver (nothing escapes the quota), a
 * persistent map of the first store still works, and the link goes on. */
static bool gl_buffer_data_on_an_immutable_store_is_invalid_operation(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	storage(&g, 5, 64, FLAGS);
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "glBufferStorageEXT: error 0x%x", err);
	hl_gl_cmd_begin(&g, GLES_OP_glBufferData);
	hl_put_u32(&g.cmds, GL_ARRAY_BUFFER);
	hl_gl_put_u64(&g, 1u << 20);
	hl_put_u32(&g.cmds, GL_STATIC_DRAW);
	hl_put_u32(&g.cmds, GL_BLOB_NULL);
	hl_gl_cmd_end(&g);
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_INVALID_OPERATION, "glBufferData of an immutable store: error 0x%x", err);
	hl_gl_cmd_begin(&g, GLES_OP_glBufferStorageEXT);
	hl_put_u32(&g.cmds, GL_ARRAY_BUFFER);
	hl_gl_put_u64(&g, 1u << 20);
	hl_put_u32(&g.cmds, FLAGS);
	hl_put_u32(&g.cmds, GL_BLOB_NULL);
	hl_gl_cmd_end(&g);
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_INVALID_OPERATION, "a second glBufferStorageEXT: error 0x%x", err);
	CHECK(persist(&g, 5, 64));
	return hl_gl_close_served(e, &g);
}

/* A program reads attribute 0 from a 16-byte buffer; element buffer 6 holds indices
 * 60000.. in a store the host maps without GL_MAP_PERSISTENT_BIT (as the library does for
 * an app's plain map of an immutable store). glBufferSubData of zeros meanwhile is GL's
 * GL_INVALID_OPERATION: the driver keeps 60000.., so must the host's index copy, and the
 * draw after the unmap ends the link, naming the vertex it would fetch. */
static bool gl_element_copy_follows_no_sub_data_refused_while_mapped(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	float vertex[4] = {0, 0, 0, 1};
	hl_gl_program(&g, 10);
	hl_gl_buffer(&g, GL_ARRAY_BUFFER, 5, vertex, sizeof(vertex));
	hl_gl_attrib0(&g, 16);
	uint16_t big[4] = {60000, 60001, 60002, 0}, zero[4] = {0, 0, 0, 0};
	uint32_t name = 6;
	hl_gl_cmd_begin(&g, GLES_OP_glGenBuffers);
	hl_put_u32(&g.cmds, 1);
	hl_gl_put_blob(&g, &name, sizeof(name));
	hl_gl_cmd_end(&g);
	hl_gl_cmd(&g, GLES_OP_glBindBuffer, 2, GL_ELEMENT_ARRAY_BUFFER, 6u);
	hl_gl_cmd_begin(&g, GLES_OP_glBufferStorageEXT);
	hl_put_u32(&g.cmds, GL_ELEMENT_ARRAY_BUFFER);
	hl_gl_put_u64(&g, 8);
	hl_put_u32(&g.cmds, 0x0100u /* GL_DYNAMIC_STORAGE_BIT */ | GL_MAP_READ_BIT);
	hl_gl_put_blob(&g, big, 8);
	hl_gl_cmd_end(&g);
	hl_gl_cmd(&g, GL_OP_BUFFER_PERSIST, 5, 6u, GL_ELEMENT_ARRAY_BUFFER, 0u, 8u,
	          (uint32_t)GL_MAP_READ_BIT);
	uint32_t mapped = 0, err;
	CHECK(hl_gl_send(&g, CH, 0) && hl_gl_reply_u32(&g, GL_OP_BUFFER_PERSIST, &mapped));
	CHECKF(mapped == 1, "GL_OP_BUFFER_PERSIST answered %u", mapped);
	hl_gl_cmd_begin(&g, GLES_OP_glBufferSubData);
	hl_put_u32(&g.cmds, GL_ELEMENT_ARRAY_BUFFER);
	hl_gl_put_u64(&g, 0);
	hl_gl_put_u64(&g, 8);
	hl_gl_put_blob(&g, zero, 8);
	hl_gl_cmd_end(&g);
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_INVALID_OPERATION, "glBufferSubData while mapped: error 0x%x", err);
	hl_gl_cmd(&g, GL_OP_BUFFER_UNPERSIST, 1, 6u);
	hl_gl_cmd_begin(&g, GLES_OP_glDrawElements);
	hl_put_u32(&g.cmds, GL_TRIANGLES);
	hl_put_u32(&g.cmds, 3);
	hl_put_u32(&g.cmds, GL_UNSIGNED_SHORT);
	hl_gl_put_u64(&g, 0);
	hl_put_u32(&g.cmds, GL_BLOB_NULL);
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "attribute 0 reads to byte 960048 of a 16-byte buffer");
}

/* Bytes written through a mapping made without GL_MAP_WRITE_BIT: the host writes
 * through no read-only mapping. */
static bool gl_buffer_write_through_a_read_only_mapping_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	storage(&g, 5, 64, FLAGS | GL_MAP_READ_BIT);
	hl_gl_cmd(&g, GL_OP_BUFFER_PERSIST, 5, 5u, GL_ARRAY_BUFFER, 0u, 64u,
	          (uint32_t)(GL_MAP_READ_BIT | GL_MAP_PERSISTENT_BIT_EXT));
	uint32_t mapped = 0;
	CHECK(hl_gl_send(&g, CH, 0) && hl_gl_reply_u32(&g, GL_OP_BUFFER_PERSIST, &mapped));
	CHECKF(mapped == 1, "GL_OP_BUFFER_PERSIST answered %u", mapped);
	uint8_t bytes[4] = {1, 2, 3, 4};
	write_bytes(&g, 5, 0, bytes, sizeof(bytes));
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "a write into buffer 5, mapped without GL_MAP_WRITE_BIT");
}

const struct hl_case hl_bufstore_cases[] = {
        HL_CASE(gl_buffer_data_on_an_immutable_store_is_invalid_operation),
        HL_CASE(gl_buffer_write_past_the_buffer_end_ends_the_link),
        HL_CASE(gl_buffer_write_whose_end_wraps_ends_the_link),
        HL_CASE(gl_buffer_write_into_a_buffer_not_mapped_ends_the_link),
        HL_CASE(gl_buffer_write_reaches_the_store),
        HL_CASE(gl_element_copy_follows_no_sub_data_refused_while_mapped),
        HL_CASE(gl_buffer_write_through_a_read_only_mapping_ends_the_link),
};
const size_t hl_bufstore_case_count = sizeof(hl_bufstore_cases) / sizeof(hl_bufstore_cases[0]);
