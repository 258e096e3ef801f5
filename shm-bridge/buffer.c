/* Damage-tracked copies of wl_shm buffers into WIRE_SHM_COPY frames, of only
 * the bytes that differ from the shadow of the replica. */
#include <stdint.h>
#include <string.h>

#include <gpupipe/sb-buffer.h>
#include <gpupipe/sb-source.h>
#include <gpupipe/wire.h>

#include "source.h"
#include "util.h"

/* Pixel bytes one frame can carry after its wire_shm_copy. */
#define MAX_DATA ((uint32_t)(WIRE_MAX_PAYLOAD - sizeof(struct wire_shm_copy)))

bool sb_buffer_geometry_check(const struct sb_buffer_geometry *g, uint64_t pool_size,
                              const char **err)
{
	uint32_t bpp = sb_shm_format_bpp(g->format);

	if (g->width == 0 || g->height == 0)
		return fail(err, "shm buffer has zero width or height");
	if (g->width > INT32_MAX || g->height > INT32_MAX)
		return fail(err, "shm buffer width or height above INT32_MAX");
	if (g->stride == 0)
		return fail(err, "shm buffer has zero stride");

	uint64_t row = bpp ? (uint64_t)g->width * bpp : g->stride;
	if (row > g->stride)
		return fail(err, "shm buffer stride is less than width * bytes per pixel");
	uint64_t end = (uint64_t)g->offset + (uint64_t)(g->height - 1) * g->stride + row;
	if (end > pool_size)
		return fail(err, "shm buffer ends past its pool");
	return true;
}

void sb_buffer_init(struct sb_buffer *b, const struct sb_buffer_geometry *g)
{
	b->geom = *g;
	pixman_region32_init(&b->pending);
	b->sent = false;
}

void sb_buffer_finish(struct sb_buffer *b)
{
	pixman_region32_fini(&b->pending);
}

/* The buffer's extent in pixman's int32 coordinates. */
static void buffer_extent(const struct sb_buffer_geometry *g, uint32_t *w, uint32_t *h)
{
	*w = g->width > INT32_MAX ? INT32_MAX : g->width;
	*h = g->height > INT32_MAX ? INT32_MAX : g->height;
}

void sb_buffer_add_damage(struct sb_buffer *b, const pixman_region32_t *damage_in_buffer_coords)
{
	pixman_region32_t clipped;
	uint32_t w, h;

	buffer_extent(&b->geom, &w, &h);
	pixman_region32_init(&clipped);
	/* pixman takes non-const sources but does not modify them. */
	pixman_region32_intersect_rect(&clipped, (pixman_region32_t *)damage_in_buffer_coords, 0, 0,
	                               w, h);
	pixman_region32_union(&b->pending, &b->pending, &clipped);
	pixman_region32_fini(&clipped);
}

/*
 * An equal stretch shorter than this does not end a run of differences: it
 * is sent with the run. A new frame costs a 28-byte header (wire_header and
 * wire_shm_copy) and per-frame work on both sides, so a run is cut only
 * where skipping clearly pays.
 */
#define GAP 64u

struct flush {
	const uint8_t *src; /* the pool mapping; all offsets below are into it */
	uint8_t *shadow;    /* what the replica holds, same offsets */
	uint32_t handle;
	sb_frame_alloc_fn alloc;
	void *ctx;
	uint64_t sent; /* pixel bytes emitted */
};

/* One frame: rows * row_bytes <= MAX_DATA, inside the mapping (checked by
 * the caller through sb_buffer_geometry_check). The shadow is written from
 * the frame, not from the app's memory, which the app may be changing: it
 * must hold what the replica will. */
static bool emit_frame(struct flush *f, uint32_t offset, uint32_t stride, uint32_t row_bytes,
                       uint32_t rows)
{
	uint32_t data_len = rows * row_bytes;
	uint8_t *p = f->alloc(f->ctx, WIRE_SHM_COPY, sizeof(struct wire_shm_copy) + data_len);
	if (!p)
		return false;

	struct wire_shm_copy c = {
	        .handle = f->handle,
	        .offset = offset,
	        .stride = stride,
	        .row_bytes = row_bytes,
	        .rows = rows,
	};
	memcpy(p, &c, sizeof(c));
	p += sizeof(c);
	for (uint32_t i = 0; i < rows; i++) {
		uint8_t *row = p + (size_t)i * row_bytes;
		size_t at = offset + (size_t)i * stride;
		memcpy(row, f->src + at, row_bytes);
		memcpy(f->shadow + at, row, row_bytes);
	}
	f->sent += data_len;
	return true;
}

/* rows rows of row_bytes bytes, stride apart, in as few frames as fit. */
static bool emit_rows(struct flush *f, uint32_t offset, uint32_t stride, uint32_t row_bytes,
                      uint32_t rows)
{
	if (row_bytes > MAX_DATA) {
		for (uint32_t r = 0; r < rows; r++) {
			uint32_t row_start = offset + r * stride;
			for (uint32_t done = 0; done < row_bytes;) {
				uint32_t n =
				        row_bytes - done < MAX_DATA ? row_bytes - done : MAX_DATA;
				if (!emit_frame(f, row_start + done, n, n, 1))
					return false;
				done += n;
			}
		}
		return true;
	}
	uint32_t per_frame = MAX_DATA / row_bytes;
	for (uint32_t r = 0; r < rows;) {
		uint32_t n = rows - r < per_frame ? rows - r : per_frame;
		if (!emit_frame(f, offset + r * stride, stride, row_bytes, n))
			return false;
		r += n;
	}
	return true;
}

static inline uint64_t load64(const uint8_t *p)
{
	uint64_t v;
	memcpy(&v, p, sizeof(v));
	return v;
}

/* Offset of the first byte in [0, n) where a and b differ; n if none. */
static uint32_t first_diff(const uint8_t *a, const uint8_t *b, uint32_t n)
{
	uint32_t i = 0;
	/* memcmp is vectorised but only says whether a block differs: it skips
	 * equal blocks, then words find the byte. */
	while (n - i >= 4096 && memcmp(a + i, b + i, 4096) == 0)
		i += 4096;
	while (n - i >= 256 && memcmp(a + i, b + i, 256) == 0)
		i += 256;
	for (; n - i >= 8; i += 8) {
		uint64_t x = load64(a + i) ^ load64(b + i);
		/* Little-endian (wire.h): the lowest set byte comes first. */
		if (x)
			return i + (uint32_t)__builtin_ctzll(x) / 8;
	}
	for (; i < n; i++) {
		if (a[i] != b[i])
			return i;
	}
	return n;
}

/* One past the last byte of the run of differences that starts at `start`
 * (a differing byte) and goes on over equal stretches shorter than GAP,
 * ending before the first stretch of GAP equal bytes or at n. */
static uint32_t run_end(const uint8_t *a, const uint8_t *b, uint32_t start, uint32_t n)
{
	uint32_t end = start + 1; /* one past the last differing byte seen */
	uint32_t i = end;         /* [end, i) is equal */
	while (i - end < GAP && n - i >= 8) {
		uint64_t x = load64(a + i) ^ load64(b + i);
		if (x) {
			/* The word may reach past end + GAP: its first
			 * difference says whether the gap was long. */
			if (i + (uint32_t)__builtin_ctzll(x) / 8 - end >= GAP)
				return end;
			end = i + 8 - (uint32_t)__builtin_clzll(x) / 8;
		}
		i += 8;
	}
	for (; i < n && i - end < GAP; i++) {
		if (a[i] != b[i])
			end = i + 1;
	}
	return end;
}

/* The differences between the app and the shadow in one row span. */
struct row_diff {
	uint32_t lo, hi; /* first differing byte, one past the last */
	uint32_t dirty;  /* bytes in runs (short equal gaps included); 0: equal */
};

/* Finds the runs of the len bytes at pool offset `at` into *d and, if
 * emit, sends each run as a frame of one row. */
static bool row_runs(struct flush *f, uint32_t at, uint32_t len, struct row_diff *d, bool emit)
{
	const uint8_t *a = f->src + at, *b = f->shadow + at;

	*d = (struct row_diff){0};
	for (uint32_t pos = 0;;) {
		uint32_t start = pos + first_diff(a + pos, b + pos, len - pos);
		if (start == len)
			return true;
		uint32_t end = run_end(a, b, start, len);
		if (emit && !emit_rows(f, at + start, end - start, end - start, 1))
			return false;
		if (d->dirty == 0)
			d->lo = start;
		d->hi = end;
		d->dirty += end - start;
		pos = end;
	}
}

/* Consecutive rows of one box sent as one 2D copy: bytes [lo, hi) of
 * buffer rows y0 .. y0 + rows - 1. */
struct block {
	uint32_t y0, rows; /* rows == 0: no block */
	uint32_t lo, hi;   /* bytes from the start of the buffer row */
	uint64_t dirty;    /* run bytes in it */
};

static bool block_emit(struct flush *f, const struct sb_buffer_geometry *g, struct block *blk)
{
	uint32_t rows = blk->rows;
	uint32_t row_bytes = blk->hi - blk->lo;
	uint32_t offset = g->offset + blk->y0 * g->stride + blk->lo;

	blk->rows = 0;
	if (rows == 0)
		return true;
	/* Whole rows are one contiguous span: cut only where frames are full. */
	if (row_bytes == g->stride)
		return emit_rows(f, offset, g->stride, rows * row_bytes, 1);
	return emit_rows(f, offset, g->stride, row_bytes, rows);
}

/* Adds row y, whose differences are bytes [lo, hi) of its buffer row, to the
 * block if the block still has at least as many run bytes as equal bytes;
 * otherwise sends the block and starts a new one with this row. */
static bool block_add(struct flush *f, const struct sb_buffer_geometry *g, struct block *blk,
                      uint32_t y, uint32_t lo, uint32_t hi, uint32_t dirty)
{
	if (blk->rows) {
		uint32_t nlo = lo < blk->lo ? lo : blk->lo;
		uint32_t nhi = hi > blk->hi ? hi : blk->hi;
		if ((blk->dirty + dirty) * 2 >= (uint64_t)(blk->rows + 1) * (nhi - nlo)) {
			blk->lo = nlo;
			blk->hi = nhi;
			blk->rows++;
			blk->dirty += dirty;
			return true;
		}
		if (!block_emit(f, g, blk))
			return false;
	}
	*blk = (struct block){.y0 = y, .rows = 1, .lo = lo, .hi = hi, .dirty = dirty};
	return true;
}

/*
 * One damage rectangle (inside the buffer; bpp 0 means whole rows), diffed
 * row by row against the shadow. The rule, so that every frame is mostly
 * news: a row whose runs cover less than half of its extent (first to last
 * differing byte) sends each run as a one-row frame; other rows join the
 * open block (2D copy) while at least half of the block's bytes are run
 * bytes; an equal row, a sparse row or a row that would thin the block too
 * much sends the block first.
 */
static bool diff_box(struct flush *f, const struct sb_buffer_geometry *g, uint32_t bpp,
                     const pixman_box32_t *box)
{
	uint32_t x = bpp ? (uint32_t)box->x1 * bpp : 0;
	uint32_t len = bpp ? (uint32_t)(box->x2 - box->x1) * bpp : g->stride;
	struct block blk = {0};

	for (uint32_t y = (uint32_t)box->y1; y < (uint32_t)box->y2; y++) {
		uint32_t at = g->offset + y * g->stride + x;
		struct row_diff d;
		bool ok;
		row_runs(f, at, len, &d, false); /* cannot fail: sends nothing */
		if (d.dirty == 0)
			ok = block_emit(f, g, &blk);
		else if ((uint64_t)d.dirty * 2 < d.hi - d.lo)
			ok = block_emit(f, g, &blk) && row_runs(f, at, len, &d, true);
		else
			ok = block_add(f, g, &blk, y, x + d.lo, x + d.hi, d.dirty);
		if (!ok)
			return false;
	}
	return block_emit(f, g, &blk);
}

/* The region to send, in *out (initialised here): whole rows when the
 * format is unknown, so that boxes sharing rows do not send them twice. */
static void region_to_send(const struct sb_buffer *b, uint32_t bpp, pixman_region32_t *out)
{
	uint32_t w, h;

	buffer_extent(&b->geom, &w, &h);
	if (!b->sent) {
		pixman_region32_init_rect(out, 0, 0, w, h);
		return;
	}
	if (bpp) {
		pixman_region32_init(out);
		pixman_region32_copy(out, (pixman_region32_t *)&b->pending);
		return;
	}
	int n;
	const pixman_box32_t *boxes =
	        pixman_region32_rectangles((pixman_region32_t *)&b->pending, &n);
	pixman_region32_init(out);
	for (int i = 0; i < n; i++)
		pixman_region32_union_rect(out, out, 0, boxes[i].y1, w,
		                           (uint32_t)(boxes[i].y2 - boxes[i].y1));
}

bool sb_buffer_flush(struct sb_buffer *b, struct sb_source *src, uint32_t handle,
                     sb_frame_alloc_fn alloc, void *ctx, uint64_t *bytes_sent)
{
	uint32_t bpp = sb_shm_format_bpp(b->geom.format);
	if (!sb_buffer_geometry_check(&b->geom, sb_source_size(src), NULL))
		return false;

	struct flush f = {
	        .src = src->data,
	        .shadow = src->shadow,
	        .handle = handle,
	        .alloc = alloc,
	        .ctx = ctx,
	};
	pixman_region32_t region;
	region_to_send(b, bpp, &region);

	int n;
	const pixman_box32_t *boxes = pixman_region32_rectangles(&region, &n);
	bool ok = true;
	for (int i = 0; ok && i < n; i++)
		ok = diff_box(&f, &b->geom, bpp, &boxes[i]);
	pixman_region32_fini(&region);

	if (bytes_sent)
		*bytes_sent += f.sent;
	if (!ok)
		return false;
	pixman_region32_clear(&b->pending);
	b->sent = true;
	return true;
}
