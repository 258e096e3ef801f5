/*
 * Hostile frames, hellos, Wayland messages, objects and binds. Each case
 * says hello (unless the hello is what it breaks), sends one malformed
 * thing and hands the link to hl_refused with the phrase the host must use.
 */
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "hostile.h"

/* --- frames --- */

static bool frame_over_max_payload(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, true));
	/* The header alone: the host must refuse before waiting for 4 MiB. */
	struct wire_header hdr = {.size = WIRE_MAX_PAYLOAD + 1, .type = WIRE_WAYLAND};
	hl_put(&l.out, &hdr, sizeof(hdr));
	hl_link_flush(&l);
	return hl_refused(e, &l, "frame payload larger than the protocol maximum");
}

/* A header that promises 64 bytes, 12 of them, then the peer stops
 * writing (but still reads). Nothing in the stream is malformed yet: the
 * peer went away mid-frame, which the host treats as a disconnect: it ends
 * the link (end of stream for us), logs the disconnect and exits 0. */
static bool truncated_frame_then_half_close(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, true));
	struct wire_header hdr = {.size = 64, .type = WIRE_WAYLAND};
	hl_put(&l.out, &hdr, sizeof(hdr));
	size_t msg = hl_msg_begin(&l.out, 1, WIRE_WL_DISPLAY_REQ_SYNC);
	hl_put_u32(&l.out, 2);
	hl_msg_end(&l.out, msg);
	CHECK(hl_link_flush(&l));
	CHECK(shutdown(l.fd, SHUT_WR) == 0);

	struct hl_ending end;
	hl_read_until_end(&l, &end);
	hl_link_close(&l);
	CHECKF(end.ended, "the host did not end a link whose peer half-closed mid-frame");
	if (end.closed)
		fprintf(stderr, "# close reason: %s\n", end.reason);
	CHECK(!end.after_close && end.hellos == 0);
	pid_t pid = hl_link_pid(e, l.index);
	CHECK(pid > 0);
	int status = hl_link_exit_status(e, pid);
	CHECKF(status == 0, "link process %d exited with %d (-1: a crash)", (int)pid, status);
	CHECK(hl_link_logged(e, pid, "link ends: proxy disconnected", NULL));
	return hl_still_serving(e);
}

static bool unknown_frame_type(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, true));
	hl_put_frame(&l.out, 0x7777, 0, "abcd", 4);
	hl_link_flush(&l);
	return hl_refused(e, &l, "unknown or unexpected frame type 30583");
}

/* Blobs (keymaps) only travel from the host to the proxy. */
static bool blob_frame_from_the_proxy(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, true));
	struct wire_blob blob = {.handle = 1, .size = 4};
	size_t frame = hl_frame_begin(&l.out, WIRE_BLOB, 0);
	hl_put(&l.out, &blob, sizeof(blob));
	hl_put(&l.out, "keys", 4);
	hl_frame_end(&l.out, frame);
	hl_link_flush(&l);
	return hl_refused(e, &l, "unknown or unexpected frame type 6 (blob)");
}

/* Pipes need the clipboard feature, which the host did not grant. */
static bool pipe_frame_without_clipboard(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, true));
	struct wire_pipe pipe = {.handle = 1};
	hl_put_frame(&l.out, WIRE_PIPE, 0, &pipe, sizeof(pipe));
	hl_link_flush(&l);
	return hl_refused(e, &l, "pipe frame, but the clipboard is not enabled");
}

static bool frame_on_nonzero_channel(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, true));
	size_t frame = hl_frame_begin(&l.out, WIRE_WAYLAND, 5);
	hl_request(&l, 1, WIRE_WL_DISPLAY_REQ_SYNC, 1, 2u);
	hl_frame_end(&l.out, frame);
	hl_link_flush(&l);
	return hl_refused(e, &l, "frame on channel 5: only GL frames have channels");
}

/* --- hello --- */

static bool first_frame_not_hello(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, false));
	hl_send_request(&l, 1, WIRE_WL_DISPLAY_REQ_SYNC, 1, 2u);
	return hl_refused(e, &l, "first frame is wayland, not hello");
}

static bool send_hello(struct hl_link *l, uint32_t magic, uint32_t version, uint32_t size)
{
	struct wire_hello h = {.magic = magic, .version = version};
	hl_put_frame(&l->out, WIRE_HELLO, 0, &h, size);
	return hl_link_flush(l);
}

static bool hello_with_bad_magic(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, false));
	send_hello(&l, 0x12345678, WIRE_VERSION, sizeof(struct wire_hello));
	return hl_refused(e, &l, "bad magic 0x12345678");
}

static bool hello_with_other_version(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, false));
	send_hello(&l, WIRE_MAGIC, WIRE_VERSION + 1, sizeof(struct wire_hello));
	return hl_refused(e, &l, "proxy speaks link version 2, this host speaks 1");
}

static bool hello_of_wrong_size(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, false));
	send_hello(&l, WIRE_MAGIC, WIRE_VERSION, 8);
	return hl_refused(e, &l, "hello of 8 bytes, expected 16");
}

static bool second_hello(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, true));
	send_hello(&l, WIRE_MAGIC, WIRE_VERSION, sizeof(struct wire_hello));
	return hl_refused(e, &l, "second hello");
}

/* --- Wayland message headers --- */

/* Sends a WIRE_WAYLAND frame of raw words. */
static void send_words(struct hl_link *l, const uint32_t *words, unsigned n)
{
	hl_put_frame(&l->out, WIRE_WAYLAND, 0, words, n * 4);
	hl_link_flush(l);
}

static bool message_past_its_frame(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, true));
	/* wl_display.sync claiming 16 bytes in a 12-byte frame. */
	uint32_t words[] = {1, 16u << 16 | WIRE_WL_DISPLAY_REQ_SYNC, 2};
	send_words(&l, words, 3);
	return hl_refused(e, &l, "Wayland message of 16 bytes runs past its frame (12 left)");
}

static bool message_size_not_multiple_of_4(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, true));
	uint32_t words[] = {1, 10u << 16 | WIRE_WL_DISPLAY_REQ_SYNC, 2};
	send_words(&l, words, 3);
	return hl_refused(e, &l, "bad Wayland message header: message size not a multiple of 4");
}

static bool message_size_under_8(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, true));
	uint32_t words[] = {1, 4u << 16 | WIRE_WL_DISPLAY_REQ_SYNC, 2};
	send_words(&l, words, 3);
	return hl_refused(e, &l,
	                  "bad Wayland message header: message size smaller than its header");
}

/* A whole sync, then 4 bytes: the frame ends inside the next header. */
static bool frame_ends_inside_a_message_header(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, true));
	uint32_t words[] = {1, 12u << 16 | WIRE_WL_DISPLAY_REQ_SYNC, 2, 1};
	send_words(&l, words, 4);
	return hl_refused(e, &l, "bad Wayland message header: message shorter than its header");
}

static bool message_over_4096_bytes(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, true));
	uint32_t words[] = {1, 4100u << 16 | WIRE_WL_DISPLAY_REQ_SYNC};
	send_words(&l, words, 2);
	return hl_refused(e, &l, "message size over 4096 bytes");
}

/* wl_display.sync with a word after its one argument. */
static bool message_with_bytes_left_over(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, true));
	uint32_t words[] = {1, 16u << 16 | WIRE_WL_DISPLAY_REQ_SYNC, 2, 0};
	send_words(&l, words, 4);
	return hl_refused(e, &l, "message has bytes left over after its arguments");
}

/* --- objects and arguments --- */

static bool request_to_object_never_created(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, true));
	hl_send_request(&l, 7, 0, 0);
	return hl_refused(e, &l, "request 0 to object 7, which was never created");
}

/* wl_compositor@4 (of `version`) and wl_surface@5 on a link with a registry. */
static bool make_surface_of(struct hl_env *e, struct hl_link *l, uint32_t version)
{
	struct hl_globals g;
	CHECK(hl_open_with_registry(e, l, &g));
	const struct hl_global *c = hl_global_find(&g, "wl_compositor");
	CHECK(c && c->version >= version);
	size_t frame = hl_frame_begin(&l->out, WIRE_WAYLAND, 0);
	hl_bind(l, c->name, "wl_compositor", version, 4);
	hl_request(l, 4, WIRE_WL_COMPOSITOR_REQ_CREATE_SURFACE, 1, 5u);
	hl_frame_end(&l->out, frame);
	return hl_link_flush(l);
}

static bool make_surface(struct hl_env *e, struct hl_link *l)
{
	return make_surface_of(e, l, 1);
}

/* The host holds the app's transform until commit, to compose it with a flip
 * (gpuhost/buffer-transform.c): one that is none is refused there, not left to the
 * compositor. */
static bool buffer_transform_that_is_none(struct hl_env *e)
{
	struct hl_link l;
	CHECK(make_surface_of(e, &l, 2));
	hl_send_request(&l, 5, WIRE_WL_SURFACE_REQ_SET_BUFFER_TRANSFORM, 1, 8u);
	return hl_refused(e, &l,
	                  "wl_surface@5.set_buffer_transform: 8 is not a wl_output.transform");
}

static bool request_to_destroyed_object(struct hl_env *e)
{
	struct hl_link l;
	CHECK(make_surface(e, &l));
	size_t frame = hl_frame_begin(&l.out, WIRE_WAYLAND, 0);
	hl_request(&l, 5, WIRE_WL_SURFACE_REQ_DESTROY, 0);
	hl_request(&l, 5, WIRE_WL_SURFACE_REQ_COMMIT, 0);
	hl_frame_end(&l.out, frame);
	hl_link_flush(&l);
	return hl_refused(e, &l, "request 6 to object 5, which was destroyed");
}

static bool opcode_past_the_interface(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, true));
	hl_send_request(&l, 1, 2, 1, 2u);
	return hl_refused(e, &l, "unknown request 2 on wl_display@1");
}

static bool request_newer_than_the_object(struct hl_env *e)
{
	struct hl_link l;
	CHECK(make_surface(e, &l));
	hl_send_request(&l, 5, WIRE_WL_SURFACE_REQ_SET_BUFFER_SCALE, 1, 1u);
	return hl_refused(
	        e, &l, "wl_surface.set_buffer_scale needs version 3, wl_surface@5 has version 1");
}

/* wl_registry.bind(1, <raw string>, 1, 3) after get_registry(2). */
static void send_raw_bind(struct hl_link *l, uint32_t len, const char *bytes, size_t n)
{
	size_t frame = hl_frame_begin(&l->out, WIRE_WAYLAND, 0);
	hl_request(l, 1, WIRE_WL_DISPLAY_REQ_GET_REGISTRY, 1, 2u);
	size_t msg = hl_msg_begin(&l->out, 2, WIRE_WL_REGISTRY_REQ_BIND);
	hl_put_u32(&l->out, 1);
	hl_put_u32(&l->out, len);
	hl_put(&l->out, bytes, n);
	hl_put_u32(&l->out, 1);
	hl_put_u32(&l->out, 3);
	hl_msg_end(&l->out, msg);
	hl_frame_end(&l->out, frame);
	hl_link_flush(l);
}

static bool string_not_nul_terminated(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, true));
	/* 13 bytes "wl_compositor" and 3 bytes of padding: no NUL inside. */
	send_raw_bind(&l, 13, "wl_compositor\0\0\0", 16);
	return hl_refused(e, &l, "string not NUL-terminated at its declared length");
}

static bool string_length_past_the_message(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, true));
	send_raw_bind(&l, 1000, "wl_compositor\0\0\0", 16);
	return hl_refused(e, &l, "string or array length runs past the end of the message");
}

/* 0xfffffffd + 3 is 0 in 32-bit arithmetic: a padding computed there
 * would read as a zero-length string and walk on. */
static bool string_length_wrapping_32_bits(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, true));
	send_raw_bind(&l, 0xfffffffdu, "wl_compositor\0\0\0", 16);
	return hl_refused(e, &l, "string or array length runs past the end of the message");
}

/* A string of length 0 (NULL) where the protocol requires one. */
static bool null_string_where_one_is_required(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, true));
	send_raw_bind(&l, 0, "", 0);
	return hl_refused(e, &l, "null string for a non-nullable argument");
}

static bool null_object_where_one_is_required(struct hl_env *e)
{
	struct hl_link l;
	struct hl_globals g;
	CHECK(hl_open_with_registry(e, &l, &g));
	const struct hl_global *wm = hl_global_find(&g, "xdg_wm_base");
	CHECKF(wm, "the host does not advertise xdg_wm_base");
	size_t frame = hl_frame_begin(&l.out, WIRE_WAYLAND, 0);
	hl_bind(&l, wm->name, "xdg_wm_base", 1, 4);
	hl_request(&l, 4, WIRE_XDG_WM_BASE_REQ_GET_XDG_SURFACE, 2, 5u, 0u);
	hl_frame_end(&l.out, frame);
	hl_link_flush(&l);
	return hl_refused(e, &l, "null object for a non-nullable argument");
}

static bool new_id_of_0(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, true));
	hl_send_request(&l, 1, WIRE_WL_DISPLAY_REQ_SYNC, 1, 0u);
	return hl_refused(e, &l, "new_id is 0");
}

static bool new_id_skipping_ahead(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, true));
	hl_send_request(&l, 1, WIRE_WL_DISPLAY_REQ_GET_REGISTRY, 1, 1000u);
	return hl_refused(e, &l, "wl_display.get_registry: new id is past the next unused one");
}

static bool new_id_in_the_server_range(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, true));
	hl_send_request(&l, 1, WIRE_WL_DISPLAY_REQ_GET_REGISTRY, 1, WIRE_WL_SERVER_ID_START);
	return hl_refused(e, &l, "request creates an object in the server's id range");
}

static bool new_id_already_in_use(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, true));
	hl_send_request(&l, 1, WIRE_WL_DISPLAY_REQ_SYNC, 1, 1u);
	return hl_refused(e, &l, "wl_display.sync: new id is already in use");
}

static bool object_argument_of_wrong_interface(struct hl_env *e)
{
	struct hl_link l;
	CHECK(make_surface(e, &l));
	/* wl_surface.attach(buffer = the surface itself). */
	hl_send_request(&l, 5, WIRE_WL_SURFACE_REQ_ATTACH, 3, 5u, 0u, 0u);
	return hl_refused(e, &l, "wl_surface.attach: object argument has the wrong interface");
}

static bool object_argument_naming_no_object(struct hl_env *e)
{
	struct hl_link l;
	CHECK(make_surface(e, &l));
	hl_send_request(&l, 5, WIRE_WL_SURFACE_REQ_ATTACH, 3, 77u, 0u, 0u);
	return hl_refused(e, &l,
	                  "wl_surface.attach: object argument names an object that does not exist");
}

/* --- binds --- */

static bool send_bind(struct hl_link *l, uint32_t name, const char *interface, uint32_t version)
{
	size_t frame = hl_frame_begin(&l->out, WIRE_WAYLAND, 0);
	hl_bind(l, name, interface, version, 4);
	hl_frame_end(&l->out, frame);
	return hl_link_flush(l);
}

static bool bind_to_a_name_never_advertised(struct hl_env *e)
{
	struct hl_link l;
	struct hl_globals g;
	CHECK(hl_open_with_registry(e, &l, &g));
	send_bind(&l, 0x7fffffff, "wl_compositor", 1);
	return hl_refused(e, &l,
	                  "wl_registry.bind(2147483647, wl_compositor, 1): bind to a "
	                  "global that was not advertised");
}

/* A global weston offers but the allow-list hides: binding its real name
 * (a hostile proxy can guess names: they are small integers) must fail. */
static bool bind_to_a_global_hidden_by_the_allow_list(struct hl_env *e)
{
	struct hl_globals real, g;
	struct hl_link l;
	CHECK(hl_compositor_globals(e, &real));
	CHECK(hl_open_with_registry(e, &l, &g));
	const struct hl_global *hidden = NULL;
	for (unsigned i = 0; i < real.n && !hidden; i++) {
		if (!hl_global_find(&g, real.g[i].interface))
			hidden = &real.g[i];
	}
	CHECKF(hidden, "weston offers no global that the host hides (%u offered)", real.n);
	fprintf(stderr, "# binding hidden global %u, %s\n", hidden->name, hidden->interface);
	send_bind(&l, hidden->name, hidden->interface, 1);
	return hl_refused(e, &l, "bind to a global that was not advertised");
}

static bool bind_above_the_advertised_version(struct hl_env *e)
{
	struct hl_link l;
	struct hl_globals g;
	CHECK(hl_open_with_registry(e, &l, &g));
	const struct hl_global *c = hl_global_find(&g, "wl_compositor");
	send_bind(&l, c->name, "wl_compositor", c->version + 1);
	return hl_refused(e, &l, "bind with a version above the one advertised");
}

/* Version 0 is refused; the reason should say what is wrong with it
 * rather than call 0 "above" the advertised version. */
static bool bind_with_version_0(struct hl_env *e)
{
	struct hl_link l;
	struct hl_globals g;
	CHECK(hl_open_with_registry(e, &l, &g));
	const struct hl_global *c = hl_global_find(&g, "wl_compositor");
	send_bind(&l, c->name, "wl_compositor", 0);
	bool refused = hl_refused(e, &l, "wl_compositor, 0): bind with");
	CHECKF(!hl_log_has(e, NULL, 0, "closing link: ", "0): bind with a version above", NULL),
	       "the reason calls version 0 a version above the advertised one");
	return refused;
}

static bool bind_with_another_interface(struct hl_env *e)
{
	struct hl_link l;
	struct hl_globals g;
	CHECK(hl_open_with_registry(e, &l, &g));
	const struct hl_global *c = hl_global_find(&g, "wl_compositor");
	send_bind(&l, c->name, "wl_shm", 1);
	return hl_refused(e, &l, "bind with an interface that does not match the global");
}

/* Strings from the peer end up in the host's log; a newline in one must
 * not start a line that looks like the host's own. */
static bool peer_string_cannot_forge_a_log_line(struct hl_env *e)
{
	static const char forged[] = "[gpupipe-host main.c:1] error: FORGED by the proxy";
	struct hl_link l;
	struct hl_globals g;
	CHECK(hl_open_with_registry(e, &l, &g));
	const struct hl_global *c = hl_global_find(&g, "wl_compositor");
	send_bind(&l, c->name, "wl_nothing\n[gpupipe-host main.c:1] error: FORGED by the proxy", 1);
	bool refused = hl_refused(e, &l, "bind with an interface that does not match the global");
	CHECKF(!hl_log_line_starts(e, forged), "the peer wrote a line of its own into the log");
	return refused;
}

/* --- holding link slots --- */

/* A link that says hello and then nothing would hold a --max-links slot for ever; with
 * --setup-timeout 1 it ends a second after its hello, naming the option. */
static bool link_with_hello_and_no_request_is_closed(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, true));
	return hl_refused(e, &l,
	                  "no Wayland request within 1000 ms of the hello (--setup-timeout)");
}

/* Sends WIRE_CLOSE on l, closes it and checks that its process exited 0. */
static bool close_served(struct hl_env *e, struct hl_link *l)
{
	static const char bye[] = "test done";
	hl_put_frame(&l->out, WIRE_CLOSE, 0, bye, sizeof(bye) - 1);
	bool sent = hl_link_flush(l);
	unsigned index = l->index;
	hl_link_close(l);
	CHECKF(sent, "link %u was gone before our WIRE_CLOSE", index);
	pid_t pid = hl_link_pid(e, index);
	CHECK(pid > 0);
	int status = hl_link_exit_status(e, pid);
	CHECKF(status == 0, "link process %d exited with %d, not 0", (int)pid, status);
	return true;
}

/* An app idle after its first request (a terminal that draws nothing) keeps its link
 * past --setup-timeout: nothing ends it, and it still gets answers. */
static bool idle_link_after_its_first_request_is_kept(struct hl_env *e)
{
	struct hl_link l;
	struct hl_globals g;
	CHECK(hl_open_with_registry(e, &l, &g));
	/* Two and a half timeouts with nothing sent: any frame but a close is fine. */
	for (int64_t end = hl_now_ms() + 2500;;) {
		struct hl_frame f;
		int r = hl_link_read_frame(&l, &f, end);
		if (r == -1 && hl_now_ms() >= end)
			break;
		CHECKF(r == 1, "the idle link ended");
		CHECKF(f.hdr.type != WIRE_CLOSE, "the idle link was closed: %.*s", (int)f.hdr.size,
		       (const char *)f.payload);
	}
	hl_queue_sync(&l, 4);
	CHECK(hl_link_flush(&l));
	CHECKF(hl_wait_done(&l, 4, 0, NULL), "the idle link got no answer");
	CHECK(close_served(e, &l));
	return hl_still_serving(e);
}

/* --max-links-per-peer 2 of --max-links 4: a third link from our uid is refused and told
 * why, without a link process; once one of the two ends, a new one is served. */
static bool links_past_the_per_peer_cap_are_refused(struct hl_env *e)
{
	struct hl_link a, b, c;
	CHECK(hl_link_open(e, &a, true) && hl_link_open(e, &b, true));
	CHECK(hl_link_open(e, &c, false));
	struct hl_ending end;
	hl_read_until_end(&c, &end);
	hl_link_close(&c);
	e->n_links--; /* refused by the listener: no "served by process" line */
	char phrase[128];
	snprintf(phrase, sizeof(phrase),
	         "gpupipe-host serves at most 2 links at once from one peer (uid %u)",
	         (unsigned)getuid());
	CHECKF(end.ended && end.closed, "the third link was not closed with a reason");
	fprintf(stderr, "# close reason: %s\n", end.reason);
	CHECKF(strstr(end.reason, phrase), "the reason does not say \"%s\"", phrase);
	snprintf(phrase, sizeof(phrase),
	         "refusing a link: uid %u has 2 links open (--max-links-per-peer)",
	         (unsigned)getuid());
	CHECKF(hl_log_has(e, NULL, 0, phrase, NULL), "the host did not log \"%s\"", phrase);

	hl_queue_sync(&a, 2);
	CHECK(hl_link_flush(&a));
	CHECKF(hl_wait_done(&a, 2, 0, NULL), "a link within the cap was not served");
	CHECK(close_served(e, &b));
	struct hl_link d;
	CHECKF(hl_link_open(e, &d, true), "a link was refused after its peer dropped one");
	CHECK(close_served(e, &d) && close_served(e, &a));
	return hl_still_serving(e);
}

/* It would indent the entries as continuations of a call. */
/* clang-format off */
const struct hl_case hl_link_cases[] = {
	HL_CASE(frame_over_max_payload),
	HL_CASE(truncated_frame_then_half_close),
	HL_CASE(unknown_frame_type),
	HL_CASE(blob_frame_from_the_proxy),
	HL_CASE(pipe_frame_without_clipboard),
	HL_CASE(frame_on_nonzero_channel),
	HL_CASE(first_frame_not_hello),
	HL_CASE(hello_with_bad_magic),
	HL_CASE(hello_with_other_version),
	HL_CASE(hello_of_wrong_size),
	HL_CASE(second_hello),
	HL_CASE(message_past_its_frame),
	HL_CASE(message_size_not_multiple_of_4),
	HL_CASE(message_size_under_8),
	HL_CASE(frame_ends_inside_a_message_header),
	HL_CASE(message_over_4096_bytes),
	HL_CASE(message_with_bytes_left_over),
	HL_CASE(request_to_object_never_created),
	HL_CASE(request_to_destroyed_object),
	HL_CASE(opcode_past_the_interface),
	HL_CASE(request_newer_than_the_object),
	HL_CASE(buffer_transform_that_is_none),
	HL_CASE(string_not_nul_terminated),
	HL_CASE(string_length_past_the_message),
	HL_CASE(string_length_wrapping_32_bits),
	HL_CASE(null_string_where_one_is_required),
	HL_CASE(null_object_where_one_is_required),
	HL_CASE(new_id_of_0),
	HL_CASE(new_id_skipping_ahead),
	HL_CASE(new_id_in_the_server_range),
	HL_CASE(new_id_already_in_use),
	HL_CASE(object_argument_of_wrong_interface),
	HL_CASE(object_argument_naming_no_object),
	HL_CASE(bind_to_a_name_never_advertised),
	HL_CASE(bind_to_a_global_hidden_by_the_allow_list),
	HL_CASE(bind_above_the_advertised_version),
	HL_CASE(bind_with_version_0),
	HL_CASE(bind_with_another_interface),
	HL_CASE(peer_string_cannot_forge_a_log_line),
	HL_CASE_ARGS(link_with_hello_and_no_request_is_closed, "--setup-timeout", "1"),
	HL_CASE_ARGS(idle_link_after_its_first_request_is_kept, "--setup-timeout", "1"),
	HL_CASE_ARGS(links_past_the_per_peer_cap_are_refused, "--max-links", "4",
	             "--max-links-per-peer", "2"),
};
/* clang-format on */
const size_t hl_link_case_count = sizeof(hl_link_cases) / sizeof(hl_link_cases[0]);
