/* Damage-tracked copies of wl_shm buffers into WIRE_SHM_COPY frames. */
#include <stdint.h>
#include <string.h>

#include <gpupipe/sb-buffer.h>
#include <gpupipe/sb-source.h>
#include <gpupipe/wire.h>

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

struct flush {
	const uint8_t *src; /* the pool mapping; all offsets below are into it */
	uint32_t handle;
	sb_frame_alloc_fn alloc;
	void *ctx;
	uint64_t sent; /* pixel bytes emitted */
};

/* One frame: rows * row_bytes <= MAX_DATA, inside the mapping (checked by
 * the caller through sb_buffer_geometry_check). */
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
	for (uint32_t i = 0; i < rows; i++)
		memcpy(p + (size_t)i * row_bytes, f->src + offset + (size_t)i * stride, row_bytes);
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

/* One damage rectangle (inside the buffer); bpp 0 means whole rows. */
static bool emit_box(struct flush *f, const struct sb_buffer_geometry *g, uint32_t bpp,
                     const pixman_box32_t *box)
{
	uint32_t rows = (uint32_t)(box->y2 - box->y1);
	uint32_t x = bpp ? (uint32_t)box->x1 * bpp : 0;
	uint32_t len = bpp ? (uint32_t)(box->x2 - box->x1) * bpp : g->stride;
	uint32_t offset = g->offset + (uint32_t)box->y1 * g->stride + x;

	/* Wide: the gaps between rows are small, one span beats many rows.
	 * The span ends at the rectangle's last byte, inside the buffer. */
	if (rows > 1 && (uint64_t)len * 4 > (uint64_t)g->stride * 3)
		return emit_rows(f, offset, g->stride, (rows - 1) * g->stride + len, 1);
	return emit_rows(f, offset, g->stride, len, rows);
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

bool sb_buffer_flush(struct sb_buffer *b, const struct sb_source *src, uint32_t handle,
                     sb_frame_alloc_fn alloc, void *ctx, uint64_t *bytes_sent)
{
	uint32_t bpp = sb_shm_format_bpp(b->geom.format);
	if (!sb_buffer_geometry_check(&b->geom, sb_source_size(src), NULL))
		return false;

	struct flush f = {
	        .src = sb_source_data(src),
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
		ok = emit_box(&f, &b->geom, bpp, &boxes[i]);
	pixman_region32_fini(&region);

	if (bytes_sent)
		*bytes_sent += f.sent;
	if (!ok)
		return false;
	pixman_region32_clear(&b->pending);
	b->sent = true;
	return true;
}
