/*
 * Hostile fds and shm replication, a peer that dies mid-frame, and one
 * well-behaved link that uses everything the refused cases abuse (so that
 * they fail for the reason they name, not because the path never worked).
 */
#include <fcntl.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "hostile.h"

/* --- fds --- */

/* A valid wl_display.sync frame, with a real fd beside it. */
static bool fd_sent_with_scm_rights(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, true));
	hl_queue_sync(&l, 2);
	int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	CHECK(fd >= 0);
	bool sent = hl_link_flush_fd(&l, fd);
	close(fd);
	CHECK(sent);
	return hl_refused(e, &l, "the link sent a file descriptor, but fd passing is not enabled");
}

/* wl_shm@4 bound at version 1 on a link with a registry. */
static bool bind_shm(struct hl_env *e, struct hl_link *l)
{
	struct hl_globals g;
	CHECK(hl_open_with_registry(e, l, &g));
	const struct hl_global *shm = hl_global_find(&g, "wl_shm");
	size_t frame = hl_frame_begin(&l->out, WIRE_WAYLAND, 0);
	hl_bind(l, shm->name, "wl_shm", 1, 4);
	hl_frame_end(&l->out, frame);
	return hl_link_flush(l);
}

static bool create_pool_with_an_unannounced_handle(struct hl_env *e)
{
	struct hl_link l;
	CHECK(bind_shm(e, &l));
	hl_send_request(&l, 4, WIRE_WL_SHM_REQ_CREATE_POOL, 3, 5u, 42u, 4096u);
	return hl_refused(
	        e, &l,
	        "wl_shm.create_pool with fd handle 42, which is not an announced shm region");
}

static bool create_pool_reusing_a_taken_handle(struct hl_env *e)
{
	struct hl_link l;
	CHECK(bind_shm(e, &l));
	CHECK(hl_send_shm_create(&l, 1, 4096));
	size_t frame = hl_frame_begin(&l.out, WIRE_WAYLAND, 0);
	hl_request(&l, 4, WIRE_WL_SHM_REQ_CREATE_POOL, 3, 5u, 1u, 4096u);
	hl_request(&l, 4, WIRE_WL_SHM_REQ_CREATE_POOL, 3, 6u, 1u, 4096u);
	hl_frame_end(&l.out, frame);
	hl_link_flush(&l);
	return hl_refused(e, &l, "fd handle 1, which is already used by another pool");
}

static bool create_pool_larger_than_its_region(struct hl_env *e)
{
	struct hl_link l;
	CHECK(bind_shm(e, &l));
	CHECK(hl_send_shm_create(&l, 1, 4096));
	hl_send_request(&l, 4, WIRE_WL_SHM_REQ_CREATE_POOL, 3, 5u, 1u, 8192u);
	return hl_refused(e, &l, "wl_shm.create_pool of 8192 bytes on a region of 4096");
}

static bool create_pool_with_a_negative_size(struct hl_env *e)
{
	struct hl_link l;
	CHECK(bind_shm(e, &l));
	CHECK(hl_send_shm_create(&l, 1, 4096));
	hl_send_request(&l, 4, WIRE_WL_SHM_REQ_CREATE_POOL, 3, 5u, 1u, 0xffffffffu);
	return hl_refused(e, &l, "wl_shm.create_pool of -1 bytes on a region of 4096");
}

/* --- shm-create --- */

static bool shm_create_of_size_0(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, true));
	hl_send_shm_create(&l, 1, 0);
	char phrase[96];
	snprintf(phrase, sizeof(phrase), "shm-create of 0 bytes: outside 1..%llu bytes per link",
	         (unsigned long long)WIRE_MAX_SHM_TOTAL);
	return hl_refused(e, &l, phrase);
}

/* Announces regions (handles from 100 on) until they sum to exactly
 * `bytes`: the budget is larger than one u32 size can say. Replicas are
 * sparse memfds, so this costs address space, not memory. */
static bool fill_budget(struct hl_link *l, uint64_t bytes)
{
	for (uint32_t handle = 100; bytes > 0; handle++) {
		uint32_t size = bytes > 0xfffff000u ? 0xfffff000u : (uint32_t)bytes;
		struct wire_shm_create c = {.handle = handle, .size = size};
		hl_put_frame(&l->out, WIRE_SHM_CREATE, 0, &c, sizeof(c));
		bytes -= size;
	}
	return hl_link_flush(l);
}

/* Regions summing to exactly WIRE_MAX_SHM_TOTAL are accepted; one more
 * byte is not. */
static bool shm_create_past_the_link_budget(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, true));
	CHECK(fill_budget(&l, WIRE_MAX_SHM_TOTAL));
	hl_queue_sync(&l, 2);
	CHECK(hl_link_flush(&l));
	CHECKF(hl_wait_done(&l, 2, 0, NULL), "regions within the budget were refused");
	hl_send_shm_create(&l, 1, 1);
	return hl_refused(e, &l, "shm-create of 1 bytes: outside 1..0 bytes per link");
}

static bool shm_create_with_handle_0(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, true));
	hl_send_shm_create(&l, 0, 4096);
	return hl_refused(e, &l, "shm-create with handle 0, which is 0 or in use");
}

static bool shm_create_reusing_a_live_handle(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, true));
	CHECK(hl_send_shm_create(&l, 7, 4096));
	hl_send_shm_create(&l, 7, 4096);
	return hl_refused(e, &l, "shm-create with handle 7, which is 0 or in use");
}

static bool shm_create_frame_of_wrong_size(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, true));
	uint32_t words[3] = {1, 4096, 0};
	hl_put_frame(&l.out, WIRE_SHM_CREATE, 0, words, sizeof(words));
	hl_link_flush(&l);
	return hl_refused(e, &l, "shm-create frame of 12 bytes, expected 8");
}

/* --- shm-copy --- */

/* Sends shm-create(1, 4096), then a copy with data_len bytes of data. */
static bool send_copy(struct hl_link *l, struct wire_shm_copy c, size_t data_len)
{
	CHECK(hl_send_shm_create(l, 1, 4096));
	size_t frame = hl_frame_begin(&l->out, WIRE_SHM_COPY, 0);
	hl_put(&l->out, &c, sizeof(c));
	for (size_t i = 0; i < data_len; i++)
		hl_put(&l->out, "\x5a", 1);
	hl_frame_end(&l->out, frame);
	hl_link_flush(l);
	return true;
}

static bool shm_copy_past_the_region_end(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, true));
	struct wire_shm_copy c = {
	        .handle = 1, .offset = 4000, .stride = 200, .row_bytes = 200, .rows = 1};
	CHECK(send_copy(&l, c, 200));
	return hl_refused(e, &l, "bad shm-copy to handle 1: shm copy ends past the region");
}

/* (rows - 1) * stride = 2^32: 0 in 32-bit arithmetic, so the copy would
 * look like one byte at offset 0; the payload holds all rows * row_bytes so
 * that only the overflow check can catch it. */
static bool shm_copy_whose_rows_times_stride_wraps_32_bits(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, true));
	struct wire_shm_copy c = {
	        .handle = 1, .offset = 0, .stride = 0x10000, .row_bytes = 1, .rows = 0x10001};
	CHECK(send_copy(&l, c, 0x10001));
	return hl_refused(e, &l, "bad shm-copy to handle 1: shm copy ends past the region");
}

static bool shm_copy_whose_offset_plus_length_wraps_32_bits(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, true));
	struct wire_shm_copy c = {
	        .handle = 1, .offset = 0xffffffffu, .stride = 2, .row_bytes = 2, .rows = 1};
	CHECK(send_copy(&l, c, 2));
	return hl_refused(e, &l, "bad shm-copy to handle 1: shm copy ends past the region");
}

static bool shm_copy_with_row_bytes_over_stride(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, true));
	struct wire_shm_copy c = {
	        .handle = 1, .offset = 0, .stride = 16, .row_bytes = 32, .rows = 2};
	CHECK(send_copy(&l, c, 64));
	return hl_refused(e, &l, "shm copy row_bytes 32 > stride 16 with 2 rows");
}

static bool shm_copy_with_the_wrong_data_length(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, true));
	struct wire_shm_copy c = {
	        .handle = 1, .offset = 0, .stride = 16, .row_bytes = 16, .rows = 2};
	CHECK(send_copy(&l, c, 16));
	return hl_refused(e, &l, "shm copy carries 16 bytes, rows 2 * row_bytes 16 = 32 expected");
}

static bool shm_copy_to_an_unknown_handle(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, true));
	struct wire_shm_copy c = {.handle = 9, .offset = 0, .stride = 4, .row_bytes = 4, .rows = 1};
	size_t frame = hl_frame_begin(&l.out, WIRE_SHM_COPY, 0);
	hl_put(&l.out, &c, sizeof(c));
	hl_put(&l.out, "abcd", 4);
	hl_frame_end(&l.out, frame);
	hl_link_flush(&l);
	return hl_refused(e, &l, "shm-copy to unknown handle 9");
}

static bool shm_copy_shorter_than_its_header(struct hl_env *e)
{
	struct hl_link l;
	CHECK(hl_link_open(e, &l, true));
	CHECK(hl_send_shm_create(&l, 1, 4096));
	uint32_t words[3] = {1, 0, 4};
	hl_put_frame(&l.out, WIRE_SHM_COPY, 0, words, sizeof(words));
	hl_link_flush(&l);
	return hl_refused(e, &l, "shm-copy frame of 12 bytes is shorter than its header");
}

/* --- pools --- */

static void queue_copy(struct hl_link *l, uint32_t handle)
{
	struct wire_shm_copy c = {.handle = handle, .stride = 16, .row_bytes = 16, .rows = 1};
	size_t frame = hl_frame_begin(&l->out, WIRE_SHM_COPY, 0);
	hl_put(&l->out, &c, sizeof(c));
	hl_put(&l->out, "0123456789abcdef", 16);
	hl_frame_end(&l->out, frame);
}

/* A region lives while its pool or a buffer made from it does: copies are
 * taken while the buffer remains, refused once the last user is gone (and
 * never land in a freed replica). */
static bool shm_copy_after_its_pool_and_buffers_are_gone(struct hl_env *e)
{
	struct hl_link l;
	CHECK(bind_shm(e, &l));
	CHECK(hl_send_shm_create(&l, 1, 4096));
	size_t frame = hl_frame_begin(&l.out, WIRE_WAYLAND, 0);
	hl_request(&l, 4, WIRE_WL_SHM_REQ_CREATE_POOL, 3, 5u, 1u, 4096u);
	hl_request(&l, 5, WIRE_WL_SHM_POOL_REQ_CREATE_BUFFER, 6, 6u, 0u, 16u, 16u, 64u, 0u);
	hl_request(&l, 5, WIRE_WL_SHM_POOL_REQ_DESTROY, 0);
	hl_frame_end(&l.out, frame);
	queue_copy(&l, 1);
	hl_queue_sync(&l, 7);
	CHECK(hl_link_flush(&l));
	CHECKF(hl_wait_done(&l, 7, 0, NULL), "a copy into a buffer's region was refused");
	frame = hl_frame_begin(&l.out, WIRE_WAYLAND, 0);
	hl_request(&l, 6, WIRE_WL_BUFFER_REQ_DESTROY, 0);
	hl_frame_end(&l.out, frame);
	queue_copy(&l, 1);
	hl_link_flush(&l);
	return hl_refused(e, &l, "shm-copy to unknown handle 1");
}

/* A pool of 4096 bytes and other regions filling the rest of the budget:
 * growing the pool by a page must fail. */
static bool pool_resize_past_the_budget(struct hl_env *e)
{
	struct hl_link l;
	CHECK(bind_shm(e, &l));
	CHECK(hl_send_shm_create(&l, 1, 4096));
	CHECK(fill_budget(&l, WIRE_MAX_SHM_TOTAL - 4096));
	size_t frame = hl_frame_begin(&l.out, WIRE_WAYLAND, 0);
	hl_request(&l, 4, WIRE_WL_SHM_REQ_CREATE_POOL, 3, 5u, 1u, 4096u);
	hl_request(&l, 1, WIRE_WL_DISPLAY_REQ_SYNC, 1, 6u);
	hl_frame_end(&l.out, frame);
	CHECK(hl_link_flush(&l));
	CHECKF(hl_wait_done(&l, 6, 0, NULL), "a pool within the budget was refused");
	hl_send_request(&l, 5, WIRE_WL_SHM_POOL_REQ_RESIZE, 1, 8192u);
	return hl_refused(e, &l, "wl_shm_pool.resize to 8192 bytes exceeds the link's shm budget");
}

/* --- peers that go away --- */

/* Link A stays open throughout; link B says hello, sends half a frame and
 * closes its socket. B's process must end (status 0, a disconnect, not a
 * crash) and be reaped, while A and a fresh link are served. */
static bool peer_dying_mid_frame(struct hl_env *e)
{
	struct hl_link a, b;
	struct hl_globals g;
	CHECK(hl_open_with_registry(e, &a, &g));
	CHECK(hl_link_open(e, &b, true));
	struct wire_header hdr = {.size = 32, .type = WIRE_WAYLAND};
	hl_put(&b.out, &hdr, sizeof(hdr));
	hl_request(&b, 1, WIRE_WL_DISPLAY_REQ_SYNC, 1, 2u);
	CHECK(hl_link_flush(&b));
	hl_link_close(&b);

	pid_t pid = hl_link_pid(e, b.index);
	CHECK(pid > 0);
	int status = hl_link_exit_status(e, pid);
	CHECKF(status == 0, "link process %d exited with %d (-1: a crash)", (int)pid, status);
	char prog[48];
	snprintf(prog, sizeof(prog), "[gpupipe-host[%d] ", (int)pid);
	CHECK(hl_log_has(e, NULL, 0, prog, "link ends: proxy disconnected", NULL));
	CHECKF(hl_pid_gone(pid), "link process %d of the dead peer still exists", (int)pid);
	pid_t kids[4];
	unsigned n = hl_host_children(e, kids, 4);
	CHECKF(n == 1, "the host has %u link processes, expected 1 (link A's)", n);
	CHECK(kids[0] != pid);

	hl_queue_sync(&a, 4);
	CHECK(hl_link_flush(&a));
	CHECKF(hl_wait_done(&a, 4, 0, NULL), "link A stopped being served");
	hl_link_close(&a);
	CHECK(hl_wait_no_host_children(e));
	return hl_still_serving(e);
}

/* Spins for ns nanoseconds: jitter between two writes, so that the
 * host sees the second one at varying points of its event loop. Not a wait
 * for anything. */
static void spin_ns(long ns)
{
	struct timespec t0, t;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	do
		clock_gettime(CLOCK_MONOTONIC, &t);
	while ((t.tv_sec - t0.tv_sec) * 1000000000L + (t.tv_nsec - t0.tv_nsec) < ns);
}

/* WIRE_CLOSE is the last frame. A race exerciser: the proxy binds wl_shm
 * (the compositor answers with format events) and, a moment later, sends
 * a bad frame, so that the host often has the compositor's events and the
 * bad frame in the same loop iteration. Events relayed after the close
 * frame break the spec; 200 tries, each delay 10 times, make a host that
 * does so fail this almost surely. */
static bool no_frame_follows_close(struct hl_env *e)
{
	unsigned hits = 0, tries = 200;
	uint16_t type = 0;
	for (unsigned i = 0; i < tries; i++) {
		struct hl_link l;
		CHECK(bind_shm(e, &l));
		spin_ns((long)(i % 20) * 20000);
		hl_send_shm_create(&l, 1, 0);
		struct hl_ending end;
		hl_read_until_end(&l, &end);
		hl_link_close(&l);
		CHECKF(end.ended && end.closed, "link %u was not closed with a reason", l.index);
		if (end.after_close && !hits++)
			type = end.after_type;
	}
	CHECKF(hits == 0, "%u of %u links got a frame after WIRE_CLOSE (first: %s)", hits, tries,
	       wire_type_name(type));
	CHECK(hl_wait_no_host_children(e));
	return hl_still_serving(e);
}

/* Everything the shm cases abuse, done right, plus enough objects to
 * grow the host's object table several times over. */
static bool queue_valid_traffic(struct hl_link *l, const struct hl_globals *g)
{
	const struct hl_global *shm = hl_global_find(g, "wl_shm");
	const struct hl_global *comp = hl_global_find(g, "wl_compositor");
	static uint8_t pixels[64 * 256];
	memset(pixels, 0x80, sizeof(pixels));
	struct wire_shm_create create = {.handle = 1, .size = sizeof(pixels)};
	hl_put_frame(&l->out, WIRE_SHM_CREATE, 0, &create, sizeof(create));
	struct wire_shm_copy copy = {.handle = 1, .stride = 256, .row_bytes = 256, .rows = 64};
	size_t frame = hl_frame_begin(&l->out, WIRE_SHM_COPY, 0);
	hl_put(&l->out, &copy, sizeof(copy));
	hl_put(&l->out, pixels, sizeof(pixels));
	hl_frame_end(&l->out, frame);

	frame = hl_frame_begin(&l->out, WIRE_WAYLAND, 0);
	hl_bind(l, shm->name, "wl_shm", 1, 4);
	hl_bind(l, comp->name, "wl_compositor", comp->version < 4 ? comp->version : 4, 5);
	hl_request(l, 4, WIRE_WL_SHM_REQ_CREATE_POOL, 3, 6u, 1u, (uint32_t)sizeof(pixels));
	hl_request(l, 6, WIRE_WL_SHM_POOL_REQ_CREATE_BUFFER, 6, 7u, 0u, 64u, 64u, 256u, 0u);
	hl_request(l, 6, WIRE_WL_SHM_POOL_REQ_RESIZE, 1, 2u * (uint32_t)sizeof(pixels));
	hl_request(l, 5, WIRE_WL_COMPOSITOR_REQ_CREATE_SURFACE, 1, 8u);
	hl_request(l, 8, WIRE_WL_SURFACE_REQ_ATTACH, 3, 7u, 0u, 0u);
	hl_request(l, 8, WIRE_WL_SURFACE_REQ_DAMAGE, 4, 0u, 0u, 64u, 64u);
	hl_request(l, 8, WIRE_WL_SURFACE_REQ_COMMIT, 0);
	for (uint32_t id = 9; id < 209; id++)
		hl_request(l, 5, WIRE_WL_COMPOSITOR_REQ_CREATE_REGION, 1, id);
	hl_frame_end(&l->out, frame);
	/* Into the grown part of the region. */
	copy.offset = sizeof(pixels);
	frame = hl_frame_begin(&l->out, WIRE_SHM_COPY, 0);
	hl_put(&l->out, &copy, sizeof(copy));
	hl_put(&l->out, pixels, sizeof(pixels));
	hl_frame_end(&l->out, frame);
	hl_queue_sync(l, 209);
	return hl_link_flush(l);
}

static bool valid_shm_traffic_and_many_objects_are_served(struct hl_env *e)
{
	struct hl_link l;
	struct hl_globals g;
	CHECK(hl_open_with_registry(e, &l, &g));
	CHECK(queue_valid_traffic(&l, &g));
	CHECKF(hl_wait_done(&l, 209, 0, NULL), "valid traffic was not served");
	static const char bye[] = "test done";
	hl_put_frame(&l.out, WIRE_CLOSE, 0, bye, sizeof(bye) - 1);
	CHECK(hl_link_flush(&l));
	struct hl_ending end;
	hl_read_until_end(&l, &end);
	hl_link_close(&l);
	CHECKF(end.ended && !end.closed, "the host closed a valid link: %s", end.reason);
	pid_t pid = hl_link_pid(e, l.index);
	CHECK(pid > 0);
	CHECKF(hl_link_exit_status(e, pid) == 0, "the valid link's process failed");
	CHECKF(!hl_log_has(e, NULL, 0, "closing link", NULL), "the host refused something valid");
	return hl_still_serving(e);
}

/* It would indent the entries as continuations of a call. */
/* clang-format off */
const struct hl_case hl_shm_cases[] = {
	HL_CASE(fd_sent_with_scm_rights),
	HL_CASE(create_pool_with_an_unannounced_handle),
	HL_CASE(create_pool_reusing_a_taken_handle),
	HL_CASE(create_pool_larger_than_its_region),
	HL_CASE(create_pool_with_a_negative_size),
	HL_CASE(shm_create_of_size_0),
	HL_CASE(shm_create_past_the_link_budget),
	HL_CASE(shm_create_with_handle_0),
	HL_CASE(shm_create_reusing_a_live_handle),
	HL_CASE(shm_create_frame_of_wrong_size),
	HL_CASE(shm_copy_past_the_region_end),
	HL_CASE(shm_copy_whose_rows_times_stride_wraps_32_bits),
	HL_CASE(shm_copy_whose_offset_plus_length_wraps_32_bits),
	HL_CASE(shm_copy_with_row_bytes_over_stride),
	HL_CASE(shm_copy_with_the_wrong_data_length),
	HL_CASE(shm_copy_to_an_unknown_handle),
	HL_CASE(shm_copy_shorter_than_its_header),
	HL_CASE(shm_copy_after_its_pool_and_buffers_are_gone),
	HL_CASE(pool_resize_past_the_budget),
	HL_CASE(peer_dying_mid_frame),
	HL_CASE(no_frame_follows_close),
	HL_CASE(valid_shm_traffic_and_many_objects_are_served),
};
/* clang-format on */
const size_t hl_shm_case_count = sizeof(hl_shm_cases) / sizeof(hl_shm_cases[0]);
