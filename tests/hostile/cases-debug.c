/*
 * Hostile streams of GL_KHR_debug: the fetch of the host's queued driver messages
 * (GL_OP_DEBUG_FETCH) with capacities the host refuses, labels whose length passes their
 * blob or whose name was never made; and a fetch that is served, giving the driver's
 * messages in order.
 */
#include <string.h>

#include "gl-link.h"

#include <GLES2/gl2ext.h>

static void fetch(struct hl_gl_link *g, uint32_t messages, uint32_t bytes)
{
	hl_gl_cmd(g, GL_OP_DEBUG_FETCH, 2, messages, bytes);
}

/* glDebugMessageInsertKHR of an application marker. */
static void insert(struct hl_gl_link *g, uint32_t id, const char *text)
{
	uint32_t n = (uint32_t)strlen(text);
	hl_gl_cmd_begin(g, GLES_OP_glDebugMessageInsertKHR);
	hl_put_u32(&g->cmds, GL_DEBUG_SOURCE_APPLICATION_KHR);
	hl_put_u32(&g->cmds, GL_DEBUG_TYPE_MARKER_KHR);
	hl_put_u32(&g->cmds, id);
	hl_put_u32(&g->cmds, GL_DEBUG_SEVERITY_NOTIFICATION_KHR);
	hl_put_u32(&g->cmds, n);
	hl_gl_put_blob(g, text, n);
	hl_gl_cmd_end(g);
}

/* Two markers come back in order with their fields, one fetch of one message at a time. */
static bool gl_debug_fetch_gives_the_driver_messages_in_order(struct hl_env *e)
{
	static const char *const texts[] = {"first marker", "second"};
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	hl_gl_cmd(&g, GLES_OP_glEnable, 1, GL_DEBUG_OUTPUT_KHR);
	insert(&g, 11, texts[0]);
	insert(&g, 22, texts[1]);
	for (uint32_t i = 0; i < 2; i++) {
		fetch(&g, 1, GL_DEBUG_FETCH_MIN_BYTES);
		CHECK(hl_gl_send(&g, CH, 0));
		uint32_t size;
		const uint8_t *p = hl_gl_reply(&g, GL_OP_DEBUG_FETCH, &size);
		CHECK(p);
		struct gl_reply_debug_fetch h;
		struct gl_debug_message m;
		uint32_t n = (uint32_t)strlen(texts[i]);
		CHECKF(size == sizeof(h) + sizeof(m) + ((n + 3) & ~3u), "reply %u: %u bytes", i,
		       size);
		memcpy(&h, p, sizeof(h));
		memcpy(&m, p + sizeof(h), sizeof(m));
		CHECKF(h.count == 1 && h.dropped == 0 && h.left == 1 - i,
		       "reply %u: count %u, dropped %u, left %u", i, h.count, h.dropped, h.left);
		CHECKF(m.source == GL_DEBUG_SOURCE_APPLICATION_KHR &&
		               m.type == GL_DEBUG_TYPE_MARKER_KHR && m.id == (i ? 22u : 11u) &&
		               m.severity == GL_DEBUG_SEVERITY_NOTIFICATION_KHR && m.length == n &&
		               memcmp(p + sizeof(h) + sizeof(m), texts[i], n) == 0,
		       "message %u: source 0x%x type 0x%x id %u severity 0x%x length %u", i,
		       m.source, m.type, m.id, m.severity, m.length);
	}
	return hl_gl_close_served(e, &g);
}

/* A reply capacity past GL_DEBUG_FETCH_MAX_BYTES would let the app size the host's reply. */
static bool gl_debug_fetch_with_a_capacity_over_the_limit(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	fetch(&g, 1, GL_DEBUG_FETCH_MAX_BYTES + 4);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "GL_OP_DEBUG_FETCH: capacity of 1048580 bytes");
}

/* One that cannot hold the longest message would never let it out. */
static bool gl_debug_fetch_with_a_capacity_under_one_message(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	fetch(&g, 1, 32);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "GL_OP_DEBUG_FETCH: capacity of 32 bytes");
}

/* glObjectLabelKHR(GL_BUFFER, 5, 100, 8 bytes): the driver would read 92 bytes past it. */
static bool gl_object_label_with_a_length_past_its_blob(struct hl_env *e)
{
	static const uint8_t data[4];
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	hl_gl_buffer(&g, GL_ARRAY_BUFFER, 5, data, sizeof(data));
	hl_gl_cmd_begin(&g, GLES_OP_glObjectLabelKHR);
	hl_put_u32(&g.cmds, GL_BUFFER_KHR);
	hl_put_u32(&g.cmds, 5);
	hl_put_u32(&g.cmds, 100);
	hl_gl_put_blob(&g, "a label", 8);
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glObjectLabelKHR: label is 8 bytes, its arguments say 100");
}

/* The library answers an unknown name with GL_INVALID_VALUE: on the wire it is hostile. */
static bool gl_object_label_of_a_name_never_generated(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	hl_gl_cmd_begin(&g, GLES_OP_glObjectLabelKHR);
	hl_put_u32(&g.cmds, GL_TEXTURE);
	hl_put_u32(&g.cmds, 77);
	hl_put_u32(&g.cmds, 4);
	hl_gl_put_blob(&g, "name", 4);
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "texture 77 was never generated");
}

/* GL_DISPLAY_LIST names the driver's own display lists, which only a compatibility context
 * has and whose names are passed as they are: on an ES context it is hostile. */
static bool gl_object_label_of_a_display_list_outside_the_compatibility_profile(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	hl_gl_cmd_begin(&g, GLES_OP_glObjectLabelKHR);
	hl_put_u32(&g.cmds, 0x82E7); /* GL_DISPLAY_LIST */
	hl_put_u32(&g.cmds, 1);
	hl_put_u32(&g.cmds, 4);
	hl_gl_put_blob(&g, "list", 4);
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "label of identifier 0x82e7");
}

const struct hl_case hl_debug_cases[] = {
        HL_CASE(gl_debug_fetch_gives_the_driver_messages_in_order),
        HL_CASE(gl_debug_fetch_with_a_capacity_over_the_limit),
        HL_CASE(gl_debug_fetch_with_a_capacity_under_one_message),
        HL_CASE(gl_object_label_with_a_length_past_its_blob),
        HL_CASE(gl_object_label_of_a_name_never_generated),
        HL_CASE(gl_object_label_of_a_display_list_outside_the_compatibility_profile),
};
const size_t hl_debug_case_count = sizeof(hl_debug_cases) / sizeof(hl_debug_cases[0]);
