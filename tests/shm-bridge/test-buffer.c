/*
 * sb_buffer: damage-tracked flushes from an app's pool (sb_source) through
 * WIRE_SHM_COPY frames into a host replica (sb_replica), compared byte for
 * byte with what the app holds.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sb-pool.h"
#include "sb-test.h"

/* 100x80 xrgb8888 with 32 bytes of row padding, at offset 256. */
static const struct sb_buffer_geometry padded = {
        .offset = 256, .width = 100, .height = 80, .stride = 432, .format = XRGB8888};

static bool damage_only_is_sent(void)
{
	struct pool p;
	struct sb_buffer b;
	uint64_t bytes;
	CHECK(pool_init(&p, 65536));
	sb_buffer_init(&b, &padded);
	pool_fill(&p, 1);
	CHECK(flush_and_apply(&p, &b, &bytes));
	CHECK(buffer_matches(&p, &padded));

	/* The app changes everything, but says only some rectangles changed:
	 * exactly those must reach the replica. */
	static const int rects[][4] = {
	        {10, 5, 20, 7}, {15, 8, 10, 10}, {50, 40, 13, 3}, {90, 70, 30, 30}};
	static uint8_t want[65536];
	static bool mask[80][100];
	memcpy(want, p.host, sizeof(want));
	memset(mask, 0, sizeof(mask));
	pool_fill(&p, 2);
	for (size_t i = 0; i < sizeof(rects) / sizeof(rects[0]); i++) {
		damage_rect(&b, rects[i][0], rects[i][1], rects[i][2], rects[i][3]);
		for (int y = rects[i][1]; y < rects[i][1] + rects[i][3] && y < 80; y++)
			for (int x = rects[i][0]; x < rects[i][0] + rects[i][2] && x < 100; x++)
				mask[y][x] = true;
	}
	uint64_t damaged = 0;
	for (uint32_t y = 0; y < 80; y++) {
		for (uint32_t x = 0; x < 100; x++) {
			if (!mask[y][x])
				continue;
			size_t at = padded.offset + y * padded.stride + x * 4;
			memcpy(want + at, p.app + at, 4);
			damaged += 4;
		}
	}
	CHECK(flush_and_apply(&p, &b, &bytes));
	CHECKF(bytes == damaged, "sent %llu bytes, damage is %llu", (unsigned long long)bytes,
	       (unsigned long long)damaged);
	CHECK(memcmp(want, p.host, sizeof(want)) == 0);

	/* Nothing pending: nothing sent. */
	CHECK(flush_and_apply(&p, &b, &bytes));
	CHECK(bytes == 0 && p.link.count == 0);
	sb_buffer_finish(&b);
	pool_finish(&p);
	return true;
}

static bool changed_rectangle_goes_as_one_2d_copy(void)
{
	struct pool p;
	struct sb_buffer b;
	uint64_t bytes;
	CHECK(pool_init(&p, 65536));
	sb_buffer_init(&b, &padded);
	pool_fill(&p, 1);
	CHECK(flush_and_apply(&p, &b, &bytes));

	static uint8_t want[65536];
	memcpy(want, p.host, sizeof(want));
	pool_fill(&p, 2);
	/* 90 of 100 pixels over 20 rows: one copy of 20 rows of 360 bytes,
	 * neither the padding nor the pixels beside it. */
	damage_rect(&b, 5, 10, 90, 20);
	for (uint32_t y = 10; y < 30; y++) {
		size_t at = padded.offset + y * padded.stride + 5 * 4;
		memcpy(want + at, p.app + at, 90 * 4);
	}

	CHECK(flush_and_apply(&p, &b, &bytes));
	CHECK(p.link.count == 1);
	struct wire_shm_copy c = frame_copy(&p.link.frames[0]);
	CHECK(c.rows == 20 && c.row_bytes == 360 && c.stride == padded.stride);
	CHECK(bytes == 20 * 360);
	CHECK(memcmp(want, p.host, sizeof(want)) == 0);
	CHECK(shadow_matches(&p));
	sb_buffer_finish(&b);
	pool_finish(&p);
	return true;
}

static bool never_sent_buffer_is_sent_whole(void)
{
	struct pool p;
	struct sb_buffer b;
	uint64_t bytes;
	CHECK(pool_init(&p, 65536));
	pool_fill(&p, 3);
	sb_buffer_init(&b, &padded);
	damage_rect(&b, 1, 1, 2, 2);
	CHECK(flush_and_apply(&p, &b, &bytes));
	CHECK(buffer_matches(&p, &padded));
	/* Its pixels, all of them (every byte differs from the zero replica),
	 * and nothing else: not the row padding, nothing before or after. */
	CHECK(bytes == 80 * 100 * 4);
	CHECK(p.link.count == 1);
	for (uint32_t i = 0; i < p.size; i++) {
		bool pixel = i >= padded.offset && (i - padded.offset) / padded.stride < 80 &&
		             (i - padded.offset) % padded.stride < 100 * 4;
		CHECKF(p.host[i] == (pixel ? p.app[i] : 0), "byte %u", i);
	}
	CHECK(shadow_matches(&p));
	sb_buffer_finish(&b);
	pool_finish(&p);
	return true;
}

static bool unknown_format_copies_whole_rows(void)
{
	struct sb_buffer_geometry g = padded;
	g.format = UNKNOWN_FORMAT;
	struct pool p;
	struct sb_buffer b;
	uint64_t bytes;
	CHECK(pool_init(&p, 65536));
	sb_buffer_init(&b, &g);
	pool_fill(&p, 1);
	CHECK(flush_and_apply(&p, &b, &bytes));
	CHECK(bytes == 80 * g.stride);
	CHECK(buffer_matches(&p, &g));

	static uint8_t want[65536];
	memcpy(want, p.host, sizeof(want));
	pool_fill(&p, 2);
	/* Two boxes sharing rows 10 and 11: rows 10..12, each sent once. */
	damage_rect(&b, 3, 10, 2, 2);
	damage_rect(&b, 50, 10, 2, 3);
	size_t start = g.offset + 10 * g.stride;
	memcpy(want + start, p.app + start, 3 * g.stride);
	CHECK(flush_and_apply(&p, &b, &bytes));
	CHECK(bytes == 3 * g.stride);
	CHECK(memcmp(want, p.host, sizeof(want)) == 0);
	sb_buffer_finish(&b);
	pool_finish(&p);
	return true;
}

/* Every frame of the last flush has at most max_rows rows. */
static bool frames_have_rows_at_most(const struct pool *p, uint32_t max_rows)
{
	for (size_t i = 0; i < p->link.count; i++)
		CHECK(frame_copy(&p->link.frames[i]).rows <= max_rows);
	return true;
}

static bool large_buffers_are_split_under_the_frame_limit(void)
{
	const struct sb_buffer_geometry g = {
	        .offset = 0, .width = 2048, .height = 2048, .stride = 8192, .format = XRGB8888};
	const uint32_t max_data = WIRE_MAX_PAYLOAD - sizeof(struct wire_shm_copy);
	struct pool p;
	struct sb_buffer b;
	uint64_t bytes;
	CHECK(pool_init(&p, 2048 * 8192));
	sb_buffer_init(&b, &g);
	pool_fill(&p, 4);

	/* Whole: one 16 MiB span in pieces. */
	CHECK(flush_and_apply(&p, &b, &bytes));
	CHECK(bytes == 2048 * 8192);
	CHECK(p.link.count == (2048 * 8192 + max_data - 1) / max_data);
	CHECK(frames_have_rows_at_most(&p, 1));
	CHECK(buffer_matches(&p, &g));

	/* A narrow column over every row: split by rows. */
	pool_fill(&p, 5);
	damage_rect(&b, 0, 0, 1000, 2048);
	CHECK(flush_and_apply(&p, &b, &bytes));
	CHECK(bytes == 2048 * 4000);
	CHECK(p.link.count == 2);
	CHECK(frame_copy(&p.link.frames[0]).rows == max_data / 4000);
	/* The column now matches; the rest of each row is the old pattern. */
	for (uint32_t y = 0; y < 2048; y++) {
		size_t at = (size_t)y * g.stride;
		CHECK(memcmp(p.app + at, p.host + at, 4000) == 0);
		CHECK(memcmp(p.app + at + 4000, p.host + at + 4000, 4096) != 0);
	}
	sb_buffer_finish(&b);
	pool_finish(&p);
	return true;
}

static bool rows_longer_than_a_frame_are_split_into_pieces(void)
{
	/* 6 MiB rows 16 MiB apart: not wide enough to merge, too long for a frame. */
	const struct sb_buffer_geometry g = {.offset = 0,
	                                     .width = 6u << 18,
	                                     .height = 3,
	                                     .stride = 16u << 20,
	                                     .format = XRGB8888};
	struct pool p;
	struct sb_buffer b;
	uint64_t bytes;
	CHECK(pool_init(&p, 2 * g.stride + g.width * 4));
	sb_buffer_init(&b, &g);
	pool_fill(&p, 6);
	CHECK(flush_and_apply(&p, &b, &bytes));
	CHECK(bytes == 3ull * g.width * 4);
	CHECK(p.link.count == 6);
	CHECK(frames_have_rows_at_most(&p, 1));
	CHECK(buffer_matches(&p, &g));
	sb_buffer_finish(&b);
	pool_finish(&p);
	return true;
}

static bool flush_refuses_a_buffer_outside_its_source(void)
{
	struct sb_buffer_geometry g = padded;
	g.offset = 65536 - 79 * g.stride - 399; /* last pixel one byte past the pool */
	struct pool p;
	struct sb_buffer b;
	CHECK(pool_init(&p, 65536));
	sb_buffer_init(&b, &g);
	damage_rect(&b, 0, 0, 5, 5);
	uint64_t bytes = 0;
	CHECK(!sb_buffer_flush(&b, p.src, HANDLE, link_alloc, &p.link, &bytes));
	CHECK(p.link.count == 0 && bytes == 0);
	CHECK(!b.sent && pixman_region32_not_empty(&b.pending));
	sb_buffer_finish(&b);
	pool_finish(&p);
	return true;
}

static bool failed_frame_allocation_keeps_the_damage_pending(void)
{
	struct pool p;
	struct sb_buffer b;
	uint64_t bytes = 0;
	CHECK(pool_init(&p, 65536));
	sb_buffer_init(&b, &padded);
	pool_fill(&p, 7);

	p.link.fail_at = 0;
	CHECK(!sb_buffer_flush(&b, p.src, HANDLE, link_alloc, &p.link, &bytes));
	CHECK(!b.sent);
	CHECK(flush_and_apply(&p, &b, &bytes));

	/* Two separate narrow boxes that changed: two frames; the second
	 * cannot be had. */
	pool_change_rect(&p, &padded, 0, 0, 4, 4, 1);
	pool_change_rect(&p, &padded, 50, 50, 4, 4, 1);
	damage_rect(&b, 0, 0, 4, 4);
	damage_rect(&b, 50, 50, 4, 4);
	link_clear(&p.link);
	p.link.fail_at = 1;
	CHECK(!sb_buffer_flush(&b, p.src, HANDLE, link_alloc, &p.link, &bytes));
	pixman_box32_t *ext = pixman_region32_extents(&b.pending);
	CHECK(ext->x1 == 0 && ext->y1 == 0 && ext->x2 == 54 && ext->y2 == 54);
	CHECK(pixman_region32_n_rects(&b.pending) == 2);

	/* What was emitted is in the shadow: the retry sends the rest. */
	struct wire_shm_copy c = frame_copy(&p.link.frames[0]);
	CHECK(sb_replica_apply(p.replica, &c, p.link.frames[0].payload + sizeof(c),
	                       p.link.frames[0].size - sizeof(c), NULL));
	CHECK(flush_and_apply(&p, &b, &bytes));
	CHECK(bytes == 4 * 4 * 4 && p.link.count == 1);
	CHECK(frame_copy(&p.link.frames[0]).offset == padded.offset + 50 * padded.stride + 50 * 4);
	CHECK(buffer_matches(&p, &padded));
	CHECK(shadow_matches(&p));
	sb_buffer_finish(&b);
	pool_finish(&p);
	return true;
}

static bool damage_is_clipped_to_the_buffer(void)
{
	struct sb_buffer b;
	sb_buffer_init(&b, &padded);
	damage_rect(&b, -1000, 75, 2000, 1000);
	pixman_box32_t *ext = pixman_region32_extents(&b.pending);
	CHECK(ext->x1 == 0 && ext->y1 == 75 && ext->x2 == 100 && ext->y2 == 80);
	pixman_region32_clear(&b.pending);
	damage_rect(&b, 100, 0, 10, 10);
	damage_rect(&b, -10, -10, 10, 10);
	CHECK(!pixman_region32_not_empty(&b.pending));
	sb_buffer_finish(&b);
	return true;
}

/* One commit of the simulated app: the frame changes in 1 to 3 random
 * rectangles (some partly outside), which become the surface damage. */
static void next_frame(uint8_t *frame, uint32_t w, uint32_t h, uint32_t *rng,
                       pixman_region32_t *damage)
{
	uint32_t n = 1 + next_random(rng) % 3;
	for (uint32_t i = 0; i < n; i++) {
		int x = (int)(next_random(rng) % (w + 8)) - 4;
		int y = (int)(next_random(rng) % (h + 8)) - 4;
		int rw = 1 + (int)(next_random(rng) % (w / 2));
		int rh = 1 + (int)(next_random(rng) % (h / 2));
		pixman_region32_union_rect(damage, damage, x, y, (unsigned)rw, (unsigned)rh);
		for (int yy = y < 0 ? 0 : y; yy < y + rh && yy < (int)h; yy++)
			for (int xx = x < 0 ? 0 : x; xx < x + rw && xx < (int)w; xx++)
				memset(frame + ((size_t)yy * w + (size_t)xx) * 4,
				       (int)next_random(rng), 4);
	}
}

static bool replica_follows_the_app_across_buffers_and_frames(void)
{
	enum { W = 64, H = 48, STRIDE = W * 4 + 16, NBUF = 3, FRAMES = 400 };
	static uint8_t frame[W * H * 4];
	struct pool p;
	struct sb_buffer bufs[NBUF];
	uint32_t rng = 0x9e3779b9u;
	uint64_t bytes, total = 0;

	CHECK(pool_init(&p, NBUF * H * STRIDE));
	for (int i = 0; i < NBUF; i++) {
		struct sb_buffer_geometry g = {.offset = (uint32_t)(i * H * STRIDE),
		                               .width = W,
		                               .height = H,
		                               .stride = STRIDE,
		                               .format = XRGB8888};
		sb_buffer_init(&bufs[i], &g);
	}
	for (int n = 0; n < FRAMES; n++) {
		/* The app draws the new frame into whichever buffer the
		 * compositor released, and damages what changed since the last
		 * commit of the surface. */
		pixman_region32_t damage;
		pixman_region32_init(&damage);
		next_frame(frame, W, H, &rng, &damage);
		struct sb_buffer *b = &bufs[next_random(&rng) % NBUF];
		for (uint32_t y = 0; y < H; y++)
			memcpy(p.app + b->geom.offset + y * STRIDE, frame + y * W * 4, W * 4);

		/* The proxy: every buffer of the surface gets the damage. */
		for (int i = 0; i < NBUF; i++)
			sb_buffer_add_damage(&bufs[i], &damage);
		pixman_region32_fini(&damage);
		CHECK(flush_and_apply(&p, b, &bytes));
		CHECKF(buffer_matches(&p, &b->geom), "frame %d", n);
		total += bytes;
	}
	CHECK(shadow_matches(&p));
	/* Damage tracking must beat sending whole buffers every frame. */
	CHECKF(total < (uint64_t)FRAMES * H * STRIDE / 2, "sent %llu bytes",
	       (unsigned long long)total);
	for (int i = 0; i < NBUF; i++)
		sb_buffer_finish(&bufs[i]);
	pool_finish(&p);
	return true;
}

static const struct sb_test tests[] = {
        SB_TEST(damage_only_is_sent),
        SB_TEST(changed_rectangle_goes_as_one_2d_copy),
        SB_TEST(never_sent_buffer_is_sent_whole),
        SB_TEST(unknown_format_copies_whole_rows),
        SB_TEST(large_buffers_are_split_under_the_frame_limit),
        SB_TEST(rows_longer_than_a_frame_are_split_into_pieces),
        SB_TEST(flush_refuses_a_buffer_outside_its_source),
        SB_TEST(failed_frame_allocation_keeps_the_damage_pending),
        SB_TEST(damage_is_clipped_to_the_buffer),
        SB_TEST(replica_follows_the_app_across_buffers_and_frames),
};

int main(int argc, char **argv)
{
	return sb_test_main(argc, argv, tests, sizeof(tests) / sizeof(tests[0]));
}
