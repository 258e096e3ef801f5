/*
 * sb_buffer_flush against the shadow of the replica: damage says where to
 * look, only bytes that differ from what the replica holds are sent, and
 * the replica still equals the app byte for byte.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sb-pool.h"
#include "sb-test.h"

/* 100x80 xrgb8888 with 32 bytes of row padding, at offset 256. */
static const struct sb_buffer_geometry padded = {
        .offset = 256, .width = 100, .height = 80, .stride = 432, .format = XRGB8888};

/* A pool with `padded` in it, filled and sent once. */
static bool padded_sent(struct pool *p, struct sb_buffer *b)
{
	uint64_t bytes;
	CHECK(pool_init(p, 65536));
	sb_buffer_init(b, &padded);
	pool_fill(p, 1);
	CHECK(flush_and_apply(p, b, &bytes));
	CHECK(bytes == 80 * 100 * 4);
	return true;
}

static bool unchanged_damage_sends_nothing(void)
{
	struct pool p;
	struct sb_buffer b, again;
	uint64_t bytes;
	CHECK(padded_sent(&p, &b));

	damage_rect(&b, 0, 0, 100, 80);
	CHECK(flush_and_apply(&p, &b, &bytes));
	CHECK(bytes == 0 && p.link.count == 0);

	/* A new wl_buffer on the same bytes is never sent, so all of it is
	 * looked at, and none of it differs from the replica. */
	sb_buffer_init(&again, &padded);
	CHECK(flush_and_apply(&p, &again, &bytes));
	CHECK(bytes == 0 && p.link.count == 0);
	CHECK(buffer_matches(&p, &padded));
	CHECK(shadow_matches(&p));
	sb_buffer_finish(&again);
	sb_buffer_finish(&b);
	pool_finish(&p);
	return true;
}

/* Flushes with the whole buffer damaged; the number of frames in *frames. */
static bool flush_all(struct pool *p, struct sb_buffer *b, uint64_t *bytes, size_t *frames)
{
	damage_rect(b, 0, 0, (int)b->geom.width, (int)b->geom.height);
	CHECK(flush_and_apply(p, b, bytes));
	*frames = p->link.count;
	CHECK(buffer_matches(p, &b->geom));
	CHECK(shadow_matches(p));
	return true;
}

static bool short_equal_gaps_are_sent_long_ones_skipped(void)
{
	struct pool p;
	struct sb_buffer b;
	uint64_t bytes;
	size_t frames;
	CHECK(padded_sent(&p, &b));

	/* Pixels 10 and 26 of a row: the 60 equal bytes between go along. */
	pool_change_rect(&p, &padded, 10, 5, 1, 1, 1);
	pool_change_rect(&p, &padded, 26, 5, 1, 1, 1);
	CHECK(flush_all(&p, &b, &bytes, &frames));
	CHECK(frames == 1 && bytes == 17 * 4);

	/* A run of bytes 40 to 40 + c, then a changed byte: 63 equal bytes
	 * between go along, 64 do not, wherever the run ends in a word. */
	for (uint32_t gap = 63; gap <= 64; gap++) {
		for (uint32_t c = 0; c < 8; c++) {
			uint8_t *row = p.app + padded.offset + 6 * padded.stride;
			row[40]++;
			row[40 + c] += 2;
			row[40 + c + 1 + gap]++;
			CHECK(flush_all(&p, &b, &bytes, &frames));
			CHECKF(gap == 63 ? frames == 1 && bytes == c + 65
			                 : frames == 2 && bytes == c + 2,
			       "gap %u after %u: %zu frames, %llu bytes", gap, c, frames,
			       (unsigned long long)bytes);
		}
	}

	/* Pixels 10 and 60 (196 equal bytes): two frames of 4. */
	pool_change_rect(&p, &padded, 10, 5, 1, 1, 1);
	pool_change_rect(&p, &padded, 60, 5, 1, 1, 1);
	CHECK(flush_all(&p, &b, &bytes, &frames));
	CHECK(frames == 2 && bytes == 8);

	/* A changed 10x10 square is one 2D copy; a lone pixel elsewhere its
	 * own frame. */
	pool_change_rect(&p, &padded, 20, 30, 10, 10, 3);
	pool_change_rect(&p, &padded, 90, 75, 1, 1, 3);
	CHECK(flush_all(&p, &b, &bytes, &frames));
	CHECK(frames == 2 && bytes == 10 * 40 + 4);
	struct wire_shm_copy c = frame_copy(&p.link.frames[0]);
	CHECK(c.rows == 10 && c.row_bytes == 40 && c.stride == padded.stride);
	CHECK(c.offset == padded.offset + 30 * padded.stride + 20 * 4);

	/* A diagonal: rows join a copy while half of it is news, so pairs. */
	for (uint32_t i = 0; i < 20; i++)
		pool_change_rect(&p, &padded, i, i, 1, 1, 5);
	CHECK(flush_all(&p, &b, &bytes, &frames));
	CHECK(frames == 10 && bytes == 10 * 2 * 8);
	sb_buffer_finish(&b);
	pool_finish(&p);
	return true;
}

/* foot's screen: W x H pixels, no row padding. */
enum { W = 160, H = 90, STRIDE = W * 4 };

/* Draws n new text lines' worth of rows, from row y of buffer g: a
 * background with scattered glyph pixels, no byte of it zero. */
static void draw_rows(struct pool *p, const struct sb_buffer_geometry *g, uint32_t y, uint32_t n,
                      uint32_t *rng)
{
	static const uint8_t bg[4] = {0x22, 0x20, 0x20, 0xff}, fg[4] = {0xdd, 0xee, 0xcc, 0xff};
	for (uint32_t r = y; r < y + n; r++) {
		uint8_t *row = p->app + g->offset + (size_t)r * g->stride;
		for (uint32_t x = 0; x < g->width; x++)
			memcpy(row + x * 4, next_random(rng) % 4 ? bg : fg, 4);
	}
}

static bool scroll_sends_only_the_new_lines(void)
{
	struct pool p;
	struct sb_buffer old, b;
	struct sb_buffer_geometry g = {
	        .offset = 0, .width = W, .height = H, .stride = STRIDE, .format = XRGB8888};
	uint32_t rng = 0x2545f491u;
	uint64_t bytes;
	size_t frames;
	CHECK(pool_init(&p, 4 * H * STRIDE));
	draw_rows(&p, &g, 0, H, &rng);
	sb_buffer_init(&b, &g);
	CHECK(flush_all(&p, &b, &bytes, &frames));
	CHECK(bytes == H * STRIDE && frames == 1);

	static const uint32_t scrolls[] = {1, 7, 30, 12};
	for (size_t i = 0; i < sizeof(scrolls) / sizeof(scrolls[0]); i++) {
		/* As foot: a new wl_buffer k rows further into the pool, the
		 * new lines drawn below what the old one showed, everything
		 * damaged; and once, the cursor blinks in mid-screen. */
		uint32_t k = scrolls[i];
		g.offset += k * STRIDE;
		draw_rows(&p, &g, H - k, k, &rng);
		bool cursor = i == 1;
		if (cursor)
			pool_change_rect(&p, &g, 40, 20, 8, 16, 0x80);
		old = b;
		sb_buffer_init(&b, &g);
		CHECK(flush_all(&p, &b, &bytes, &frames));
		CHECKF(bytes == k * STRIDE + (cursor ? 16 * 32 : 0), "scroll %zu: %llu bytes", i,
		       (unsigned long long)bytes);
		CHECK(frames == (cursor ? 2u : 1u));
		/* Nothing outside the buffers was written: the whole pool
		 * matches, byte for byte. */
		CHECK(memcmp(p.app, p.host, p.size) == 0);

		/* The old buffer's bytes all went with the new one's. */
		CHECK(flush_all(&p, &old, &bytes, &frames));
		CHECK(bytes == 0 && frames == 0);
		sb_buffer_finish(&old);
	}
	sb_buffer_finish(&b);
	pool_finish(&p);
	return true;
}

static bool shadow_survives_a_pool_resize(void)
{
	struct pool p;
	struct sb_buffer b, tail;
	uint64_t bytes;
	size_t frames;
	CHECK(padded_sent(&p, &b));

	CHECK(pool_grow(&p, 3 * 65536));
	CHECK(shadow_matches(&p));
	CHECK(flush_all(&p, &b, &bytes, &frames));
	CHECK(bytes == 0);

	/* A buffer in the new tail: all of it news to the zero replica. */
	struct sb_buffer_geometry g = padded;
	g.offset = 2 * 65536 + 100;
	sb_buffer_init(&tail, &g);
	pool_change_rect(&p, &g, 0, 0, 100, 80, 9);
	CHECK(flush_all(&p, &tail, &bytes, &frames));
	CHECK(bytes == 80 * 100 * 4);
	CHECK(buffer_matches(&p, &padded));
	sb_buffer_finish(&tail);
	sb_buffer_finish(&b);
	pool_finish(&p);
	return true;
}

/* The scrolling app below: where its screen is, and what it has drawn. */
struct scroller {
	struct pool p;
	struct sb_buffer_geometry g;
	struct sb_buffer b;
	uint32_t rng;
	uint64_t drawn; /* bytes the app changed (an upper bound of what must go) */
};

/* Moves the screen k rows down the pool, wrapping to the start as foot does
 * (its content moved there) and freeing the pages behind it (foot punches
 * holes: the app then reads zeros there, the replica still the old rows). */
static bool scroll(struct scroller *s, uint32_t k)
{
	uint32_t rows = s->p.size / STRIDE;
	if (s->g.offset / STRIDE + k + H > rows) {
		memmove(s->p.app, s->p.app + s->g.offset, H * STRIDE);
		s->g.offset = 0;
		s->drawn += H * STRIDE;
	}
	s->g.offset += k * STRIDE;
	draw_rows(&s->p, &s->g, H - k, k, &s->rng);
	s->drawn += k * STRIDE;
	uint32_t hole = s->g.offset & ~4095u;
	if (hole)
		CHECK(fallocate(s->p.fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0, hole) == 0);
	sb_buffer_finish(&s->b);
	sb_buffer_init(&s->b, &s->g);
	return true;
}

static bool replica_follows_a_scrolling_app(void)
{
	enum { STEPS = 300 };
	struct scroller s = {.g = {.width = W, .height = H, .stride = STRIDE, .format = XRGB8888},
	                     .rng = 0x9e3779b9u};
	uint64_t bytes, total = 0;
	size_t frames;

	CHECK(pool_init(&s.p, 6 * H * STRIDE));
	draw_rows(&s.p, &s.g, 0, H, &s.rng);
	s.drawn = H * STRIDE;
	sb_buffer_init(&s.b, &s.g);
	for (int n = 0; n < STEPS; n++) {
		uint32_t k = next_random(&s.rng) % 13;
		if (k)
			CHECK(scroll(&s, k));
		/* Cursor and in-place edits: some pixels change, 0 to 2 cells. */
		for (uint32_t e = next_random(&s.rng) % 3; e > 0; e--) {
			uint32_t x = next_random(&s.rng) % (W - 8);
			uint32_t y = next_random(&s.rng) % (H - 16);
			pool_change_rect(&s.p, &s.g, x, y, 8, 16, (uint8_t)(1 + n % 255));
			s.drawn += 8 * 16 * 4;
		}
		CHECKF(flush_all(&s.p, &s.b, &bytes, &frames), "step %d", n);
		total += bytes;
	}
	CHECKF(total <= s.drawn, "sent %llu bytes, the app drew %llu", (unsigned long long)total,
	       (unsigned long long)s.drawn);
	/* Whole buffers every step would be STEPS * H * STRIDE. */
	CHECKF(total < (uint64_t)STEPS * H * STRIDE / 8, "sent %llu bytes",
	       (unsigned long long)total);
	sb_buffer_finish(&s.b);
	pool_finish(&s.p);
	return true;
}

static const struct sb_test tests[] = {
        SB_TEST(unchanged_damage_sends_nothing),
        SB_TEST(short_equal_gaps_are_sent_long_ones_skipped),
        SB_TEST(scroll_sends_only_the_new_lines),
        SB_TEST(shadow_survives_a_pool_resize),
        SB_TEST(replica_follows_a_scrolling_app),
};

int main(int argc, char **argv)
{
	return sb_test_main(argc, argv, tests, sizeof(tests) / sizeof(tests[0]));
}
