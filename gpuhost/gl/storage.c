/*
 * GL memory of textures and renderbuffers, for the link's quota: a record
 * per object (gh_gl_storage) with the bytes of each image, set by the
 * guards of the commands that allocate (glTexImage2D, glCopyTexImage2D,
 * glCompressedTexImage2D, glGenerateMipmap, glRenderbufferStorage,
 * glEGLImageTarget*OES) before the driver is called.
 *
 * A guard computes the images the command would leave, from what the app
 * asked for: width x height x the bytes per pixel of the internal format
 * (formats.c), or of the app's format and type for an unsized one, 3 and
 * 6 and 12 rounded up as drivers store them; compressed images by their
 * blocks, never less than the app's imageSize. Over the quota the driver
 * is not called and the context records GL_OUT_OF_MEMORY. Otherwise the
 * change is made and charged, and undone after the call if GL raised an
 * error (then it made no change either): the driver's pending errors are
 * stashed first (quota.c), so that glGetError right after the call speaks
 * of that call alone.
 */
#include <stdlib.h>
#include <string.h>

#include <gpupipe/gl-sizes.h>
#include <gpupipe/log.h>

#include "bindings.h"
#include "compat-trackers.h"
#include "context.h"
#include "executor.h"
#include "gles-codec.h"
#include "map.h"
#include "quota.h"
#include "records.h"
#include "storage.h"
#include "stream.h"

#define TEXTURE_BASE_LEVEL 0x813C /* GLES 3 */
#define MAX_LEVELS 32u            /* levels past log2(GL_MAX_TEXTURE_SIZE) are GL errors */

struct gh_gl_storage *gh_gl_storage_create(struct gh_gl_quota *quota, uint32_t host)
{
	struct gh_gl_storage *st = calloc(1, sizeof(*st));
	if (!st)
		return NULL;
	st->refs = 1;
	st->host = host;
	st->named = host != 0;
	st->quota = quota;
	wl_array_init(&st->images);
	return st;
}

struct gh_gl_storage *gh_gl_storage_ref(struct gh_gl_storage *st)
{
	if (st)
		st->refs++;
	return st;
}

void gh_gl_storage_unref(struct gh_gl_storage *st)
{
	if (!st || --st->refs)
		return;
	gh_gl_quota_adjust(st->quota, st->bytes, 0);
	wl_array_release(&st->images);
	gh_gl_storage_unref(st->shares);
	free(st);
}

void gh_gl_storage_set(struct gh_gl_storage **slot, struct gh_gl_storage *st)
{
	gh_gl_storage_ref(st);
	gh_gl_storage_unref(*slot);
	*slot = st;
}

/* ---- images ---- */

static struct gh_gl_image_bytes *find_image(struct wl_array *images, uint32_t face, uint32_t level)
{
	struct gh_gl_image_bytes *im;
	if (!images->size)
		return NULL; /* and no NULL + 0 in wl_array_for_each (wl-objects.c) */
	wl_array_for_each(im, images)
	{
		if (im->face == face && im->level == level)
			return im;
	}
	return NULL;
}

/* At least the images' sum, and at least what any one of them makes the
 * driver allocate: Mesa allocates the whole chain of the base size that a
 * level > 0 implies, and every face of a cube map, on the first image. */
static uint64_t total(struct wl_array *images)
{
	uint64_t sum = 0, implied = 0;
	struct gh_gl_image_bytes *im;
	if (!images->size)
		return 0; /* and no NULL + 0 in wl_array_for_each (wl-objects.c) */
	wl_array_for_each(im, images)
	{
		sum = sum + im->bytes < sum ? UINT64_MAX : sum + im->bytes;
		if (im->implied > implied)
			implied = im->implied;
	}
	return sum > implied ? sum : implied;
}

static bool put_image(struct wl_array *images, const struct gh_gl_image_bytes *image)
{
	struct gh_gl_image_bytes *im = find_image(images, image->face, image->level);
	if (!im)
		im = wl_array_add(images, sizeof(*im));
	if (!im)
		return false;
	*im = *image;
	return true;
}

/* a * b * c, saturated: an absurd size must stay absurd, not wrap. */
static uint64_t product(uint64_t a, uint64_t b, uint64_t c)
{
	if (a && b > UINT64_MAX / a)
		return UINT64_MAX;
	uint64_t ab = a * b;
	return c && ab > UINT64_MAX / c ? UINT64_MAX : ab * c;
}

/* What a w x h image of `bytes` at `level` makes Mesa allocate at once: a
 * level > 0 the whole chain of the base size it implies (each side shifted
 * up by the level, at most `max`; a third more for the smaller levels), a
 * cube map face all six faces. A level 0 of a 2D texture implies nothing
 * more: its other levels are charged as the app makes them. The height is
 * at most max_h (1 for a 1D texture, the layers of a 1D array, which do not
 * halve). */
static uint64_t implied_chain(uint64_t bytes, uint32_t w, uint32_t h, uint32_t level, uint32_t max,
                              uint32_t max_h, bool cube)
{
	if (!w || !h || !bytes || (!level && !cube))
		return 0;
	if (!level)
		return product(bytes, 6, 1);
	/* level < 32 and w, h <= max < 2^31: no shift overflows 64 bits. */
	uint64_t bw = (uint64_t)w << level, bh = (uint64_t)h << level;
	bw = bw > max ? max : bw;
	bh = bh > max_h ? max_h : bh;
	if (bw < w)
		bw = w;
	if (bh < h)
		bh = h;
	unsigned __int128 scaled = (unsigned __int128)bytes * bw * bh / ((uint64_t)w * h);
	uint64_t base = scaled > UINT64_MAX ? UINT64_MAX : (uint64_t)scaled;
	uint64_t chain = base + base / 3;
	return product(chain, cube ? 6 : 1, 1);
}

/* ---- pending changes ---- */

/* A copy of st's images for the guard to change. */
static bool begin(struct gl_exec *x, struct gh_gl_storage *st, struct wl_array *work)
{
	wl_array_init(work);
	if (wl_array_copy(work, &st->images) < 0)
		return gh_gl_fail(x, "out of memory for texture records");
	return true;
}

/* The storage takes `work` if its bytes fit the quota: GL_GUARD_CALL, to
 * be checked by gh_gl_storage_after. Else GL_OUT_OF_MEMORY. */
static enum gl_guard commit(struct gl_exec *x, struct gh_gl_storage *st, struct wl_array *work,
                            const char *what)
{
	uint64_t bytes = total(work);
	if (!gh_gl_quota_charge(st->quota, st->bytes, bytes, what)) {
		wl_array_release(work);
		gh_gl_error_record(x->ctx, GL_OUT_OF_MEMORY);
		return GL_GUARD_SKIP;
	}
	gh_gl_errors_stash(x->ctx);
	x->pending.storage = gh_gl_storage_ref(st);
	x->pending.saved = st->images;
	x->pending.saved_bytes = st->bytes;
	st->images = *work;
	st->bytes = bytes;
	return GL_GUARD_CALL;
}

void gh_gl_storage_after(struct gl_exec *x)
{
	struct gh_gl_storage *st = x->pending.storage;
	if (!st)
		return;
	if (!x->gl->failed && x->ctx && gh_gl_command_failed(x->ctx)) {
		gh_gl_quota_adjust(st->quota, st->bytes, x->pending.saved_bytes);
		wl_array_release(&st->images);
		st->images = x->pending.saved;
		st->bytes = x->pending.saved_bytes;
	} else {
		wl_array_release(&x->pending.saved);
	}
	gh_gl_storage_unref(st);
	x->pending.storage = NULL;
}

/* A GL error the driver would raise with no change: recorded, not run. */
static enum gl_guard refuse(struct gl_exec *x, uint32_t error)
{
	gh_gl_error_record(x->ctx, error);
	return GL_GUARD_SKIP;
}

/* A texture image in a display list being made: charged to the list
 * (lists.c). True with *g when that decides: refused (the quota), or
 * compiled and not run (GL_COMPILE: the texture bound now is not the one
 * it will land on; a call re-reads, gh_gl_storage_reread). */
static bool in_list(struct gl_exec *x, uint64_t bytes, enum gl_guard *g)
{
	bool compiled;
	if (!gh_gl_list_image(x, bytes, &compiled)) {
		*g = GL_GUARD_SKIP;
		return true;
	}
	*g = GL_GUARD_CALL;
	return compiled;
}

void gh_gl_storage_reread(struct gh_gl_storage *st, struct wl_array *images)
{
	uint64_t bytes = total(images);
	/* What GL really did: never refused. */
	gh_gl_quota_adjust(st->quota, st->bytes, bytes);
	wl_array_release(&st->images);
	st->images = *images;
	st->bytes = bytes;
}

uint64_t gh_gl_storage_implied(struct gl_exec *x, uint64_t bytes, uint32_t w, uint32_t h,
                               uint32_t level, bool cube)
{
	uint32_t max = cube ? x->gl->max_cube_size : x->gl->max_texture_size;
	return implied_chain(bytes, w, h, level, max, max, cube);
}

/* Desktop OpenGL's proxy targets (1.1-4.0): the driver only answers, in
 * the proxy's level parameters, whether the image would fit; no texture
 * gets an image and GL compiles none into a display list, so nothing is
 * charged. An ES context's driver refuses them (GL_INVALID_ENUM). */
static bool is_proxy(uint32_t target)
{
	switch (target) {
	case 0x8063: /* GL_PROXY_TEXTURE_1D */
	case 0x8064: /* GL_PROXY_TEXTURE_2D */
	case 0x8070: /* GL_PROXY_TEXTURE_3D */
	case 0x84F7: /* GL_PROXY_TEXTURE_RECTANGLE */
	case 0x851B: /* GL_PROXY_TEXTURE_CUBE_MAP */
	case 0x8C19: /* GL_PROXY_TEXTURE_1D_ARRAY */
	case 0x8C1B: /* GL_PROXY_TEXTURE_2D_ARRAY */
	case 0x900B: /* GL_PROXY_TEXTURE_CUBE_MAP_ARRAY */
		return true;
	default:
		return false;
	}
}

/* Desktop OpenGL's 1D targets: a 1D texture is one row high, the rows
 * of a 1D array (glTexImage2D's height) its layers. */
static bool is_1d(uint32_t target)
{
	return target == GL_TEXTURE_1D_DESKTOP || target == GL_TEXTURE_1D_ARRAY_DESKTOP;
}

/* One image (face, level) of the texture bound to `target` becomes
 * w x h of `bytes`. */
static enum gl_guard set_image(struct gl_exec *x, uint32_t target, int32_t level, int32_t w,
                               int32_t h, uint64_t bytes, const char *what)
{
	if (is_proxy(target))
		return GL_GUARD_CALL;
	uint32_t face;
	struct gh_gl_storage *st = gh_gl_bound_texture(x->ctx, target, &face);
	if (!st)
		return refuse(x, GL_INVALID_ENUM);
	bool rect = target == GL_TEXTURE_RECTANGLE_DESKTOP;
	bool flat = target == GL_TEXTURE_2D || is_1d(target) || rect;
	uint32_t max = flat ? x->gl->max_texture_size : x->gl->max_cube_size;
	/* A rectangle texture has one level (the driver's own size limit,
	 * GL_MAX_RECTANGLE_TEXTURE_SIZE, is at most its 2D one). */
	if (rect && level != 0)
		return refuse(x, GL_INVALID_VALUE);
	uint32_t max_h = target == GL_TEXTURE_1D_DESKTOP         ? 1
	                 : target == GL_TEXTURE_1D_ARRAY_DESKTOP ? x->gl->max_array_layers
	                                                         : max;
	if (level < 0 || (uint32_t)level >= MAX_LEVELS || w < 0 || h < 0 || (uint32_t)w > max ||
	    (uint32_t)h > max_h)
		return refuse(x, GL_INVALID_VALUE);
	/* The layers of a 1D array keep their count down the chain. */
	uint32_t chain_h = target == GL_TEXTURE_1D_ARRAY_DESKTOP ? (uint32_t)h : max_h;
	enum gl_guard listed;
	if (in_list(x, bytes, &listed))
		return listed;
	struct wl_array work;
	if (!begin(x, st, &work))
		return GL_GUARD_FAIL;
	struct gh_gl_image_bytes im = {
	        .face = face,
	        .level = (uint32_t)level,
	        .width = (uint32_t)w,
	        .height = (uint32_t)h,
	        .bytes = bytes,
	        .implied = implied_chain(bytes, (uint32_t)w, (uint32_t)h, (uint32_t)level, max,
	                                 chain_h, !flat),
	};
	if (!put_image(&work, &im)) {
		wl_array_release(&work);
		gh_gl_fail(x, "out of memory for texture records");
		return GL_GUARD_FAIL;
	}
	return commit(x, st, &work, what);
}

/* Bytes per pixel of an unsized image: the app's pixels, rounded up to a
 * power of two as drivers keep them (RGB as RGBA). */
static uint32_t unsized_bytes(uint32_t format, uint32_t type)
{
	int64_t n = gl_pixel_size(format, type);
	if (n <= 0 || n > 16)
		return 16;
	uint32_t p = 1;
	while (p < (uint32_t)n)
		p *= 2;
	return p;
}

enum gl_guard gl_exec_guard_glTexImage2D(struct gl_exec *x, GLenum target, GLint level,
                                         GLint internalformat, GLsizei width, GLsizei height,
                                         GLint border, GLenum format, GLenum type,
                                         const void *pixels)
{
	uint32_t bpp = gh_gl_format_bytes((uint32_t)internalformat);
	if (!bpp)
		bpp = unsized_bytes(format, type);
	uint64_t bytes = product((uint64_t)(width > 0 ? width : 0),
	                         (uint64_t)(height > 0 ? height : 0), bpp);
	return set_image(x, target, level, width, height, bytes, "glTexImage2D");
}

enum gl_guard gl_exec_guard_glCopyTexImage2D(struct gl_exec *x, GLenum target, GLint level,
                                             GLenum internalformat, GLint px, GLint py,
                                             GLsizei width, GLsizei height, GLint border)
{
	uint32_t bpp = gh_gl_format_bytes(internalformat);
	if (!bpp)
		bpp = 4; /* a copy of the framebuffer: drivers keep RGBA */
	uint64_t bytes = product((uint64_t)(width > 0 ? width : 0),
	                         (uint64_t)(height > 0 ? height : 0), bpp);
	return set_image(x, target, level, width, height, bytes, "glCopyTexImage2D");
}

/* OES_compressed_paletted_texture: a level -n is levels 0..n of one paletted image in a
 * single call, each charged expanded (gh_gl_compressed_bytes). The driver checks the data
 * size and the level count against the base size. */
static enum gl_guard set_paletted_chain(struct gl_exec *x, uint32_t target, int32_t level,
                                        uint32_t internalformat, int32_t w, int32_t h)
{
	if (level < -(int32_t)(MAX_LEVELS - 1) || w < 0 || h < 0)
		return refuse(x, GL_INVALID_VALUE);
	uint32_t face;
	struct gh_gl_storage *st = gh_gl_bound_texture(x->ctx, target, &face);
	if (!st)
		return refuse(x, GL_INVALID_ENUM);
	uint32_t max = target == GL_TEXTURE_2D ? x->gl->max_texture_size : x->gl->max_cube_size;
	if ((uint32_t)w > max || (uint32_t)h > max)
		return refuse(x, GL_INVALID_VALUE);
	struct wl_array work;
	if (!begin(x, st, &work))
		return GL_GUARD_FAIL;
	for (uint32_t l = 0; l <= (uint32_t)-level; l++) {
		uint32_t lw = (uint32_t)w >> l, lh = (uint32_t)h >> l;
		lw = lw ? lw : 1;
		lh = lh ? lh : 1;
		struct gh_gl_image_bytes im = {
		        .face = face,
		        .level = l,
		        .width = lw,
		        .height = lh,
		        .bytes = gh_gl_compressed_bytes(internalformat, lw, lh),
		};
		if (!put_image(&work, &im)) {
			wl_array_release(&work);
			gh_gl_fail(x, "out of memory for texture records");
			return GL_GUARD_FAIL;
		}
	}
	return commit(x, st, &work, "glCompressedTexImage2D");
}

static enum gl_guard compressed_2d(struct gl_exec *x, GLenum target, GLint level,
                                   GLenum internalformat, GLsizei width, GLsizei height,
                                   GLsizei imageSize);

enum gl_guard gl_exec_guard_glCompressedTexImage2D(struct gl_exec *x, GLenum target, GLint level,
                                                   GLenum internalformat, GLsizei width,
                                                   GLsizei height, GLint border, GLsizei imageSize,
                                                   const void *data)
{
	switch (gh_gl_compressed_unpack_guard(x, "glCompressedTexImage2D", 2, internalformat)) {
	case GL_GUARD_CALL:
		break;
	case GL_GUARD_SKIP:
		return GL_GUARD_SKIP;
	default:
		return GL_GUARD_FAIL;
	}
	return compressed_2d(x, target, level, internalformat, width, height, imageSize);
}

/* The bytes of a 2D (or 1D) compressed image charged to the quota. */
static enum gl_guard compressed_2d(struct gl_exec *x, GLenum target, GLint level,
                                   GLenum internalformat, GLsizei width, GLsizei height,
                                   GLsizei imageSize)
{
	if (level < 0 && gh_gl_format_is_paletted(internalformat))
		return set_paletted_chain(x, target, level, internalformat, width, height);
	uint64_t bytes = gh_gl_compressed_bytes(internalformat, width > 0 ? (uint32_t)width : 0,
	                                        height > 0 ? (uint32_t)height : 0);
	if (imageSize > 0 && (uint64_t)imageSize > bytes)
		bytes = (uint64_t)imageSize;
	return set_image(x, target, level, width, height, bytes, "glCompressedTexImage2D");
}

/* Desktop OpenGL's 1D images: a 2D image one row high. */
enum gl_guard gl_exec_guard_glTexImage1D(struct gl_exec *x, GLenum target, GLint level,
                                         GLint internalformat, GLsizei width, GLint border,
                                         GLenum format, GLenum type, const void *pixels)
{
	if (target != GL_TEXTURE_1D_DESKTOP)
		return refuse(x, GL_INVALID_ENUM);
	return gl_exec_guard_glTexImage2D(x, target, level, internalformat, width, 1, border,
	                                  format, type, pixels);
}

enum gl_guard gl_exec_guard_glCopyTexImage1D(struct gl_exec *x, GLenum target, GLint level,
                                             GLenum internalformat, GLint px, GLint py,
                                             GLsizei width, GLint border)
{
	if (target != GL_TEXTURE_1D_DESKTOP)
		return refuse(x, GL_INVALID_ENUM);
	return gl_exec_guard_glCopyTexImage2D(x, target, level, internalformat, px, py, width, 1,
	                                      border);
}

enum gl_guard gl_exec_guard_glCompressedTexImage1D(struct gl_exec *x, GLenum target, GLint level,
                                                   GLenum internalformat, GLsizei width,
                                                   GLint border, GLsizei imageSize,
                                                   const void *data)
{
	if (target != GL_TEXTURE_1D_DESKTOP)
		return refuse(x, GL_INVALID_ENUM);
	switch (gh_gl_compressed_unpack_guard(x, "glCompressedTexImage1D", 1, internalformat)) {
	case GL_GUARD_CALL:
		break;
	case GL_GUARD_SKIP:
		return GL_GUARD_SKIP;
	default:
		return GL_GUARD_FAIL;
	}
	return compressed_2d(x, target, level, internalformat, width, 1, imageSize);
}

/* The targets of glTexImage3D and glTexStorage3D: a cube map array is
 * layered like a 2D array, its depth counting layer-faces (a multiple of 6,
 * which the driver checks), each the size of one face. */
static bool is_layered(uint32_t target)
{
	return target == GL_TEXTURE_3D || target == GL_TEXTURE_2D_ARRAY ||
	       target == GL_TEXTURE_CUBE_MAP_ARRAY;
}

/* The levels glGenerateMipmap makes from the base image of one face; the
 * rows of a 1D array (`keep_rows`) are its layers, which every level keeps. */
static bool add_levels(struct wl_array *work, uint32_t face, uint32_t base, bool keep_rows)
{
	struct gh_gl_image_bytes *b = find_image(work, face, base);
	if (!b || !b->width || !b->height)
		return true; /* no base image: GL makes nothing (or fails) */
	struct gh_gl_image_bytes im = *b;
	/* Bytes per pixel of the base, rounded up (compressed bases fail). */
	uint64_t bpp =
	        (im.bytes + (uint64_t)im.width * im.height - 1) / ((uint64_t)im.width * im.height);
	for (uint32_t level = base + 1;
	     level < MAX_LEVELS && (im.width > 1 || (im.height > 1 && !keep_rows)); level++) {
		im.width = im.width > 1 ? im.width / 2 : 1;
		im.height = im.height > 1 && !keep_rows ? im.height / 2 : im.height;
		im.level = level;
		im.bytes = product(im.width, im.height, bpp);
		if (!put_image(work, &im))
			return false;
	}
	return true;
}

enum gl_guard gl_exec_guard_glGenerateMipmap(struct gl_exec *x, GLenum target)
{
	/* A layered base's bytes per texel of its w x h count every layer, so
	 * each smaller level keeps them: exact for arrays, and for 3D (whose
	 * depth halves too) an upper bound. */
	if (target != GL_TEXTURE_2D && target != GL_TEXTURE_CUBE_MAP && !is_layered(target) &&
	    !is_1d(target))
		return refuse(x, GL_INVALID_ENUM);
	uint32_t face;
	struct gh_gl_storage *st = gh_gl_bound_texture(
	        x->ctx, target == GL_TEXTURE_CUBE_MAP ? GL_TEXTURE_CUBE_MAP_POSITIVE_X : target,
	        &face);
	if (!st) /* every target has a default texture (share-group.c): never, but checked */
		return refuse(x, GL_INVALID_ENUM);
	GLint base = 0;
	if (x->ctx->es3)
		gles_host.glGetTexParameteriv(target, TEXTURE_BASE_LEVEL, &base);
	if (base < 0 || (uint32_t)base >= MAX_LEVELS)
		return GL_GUARD_CALL; /* GL makes no level past the last */
	struct wl_array work;
	if (!begin(x, st, &work))
		return GL_GUARD_FAIL;
	uint32_t faces = target == GL_TEXTURE_CUBE_MAP ? 6 : 1; /* a cube array's are layers */
	for (uint32_t f = 0; f < faces; f++) {
		if (!add_levels(&work, f, (uint32_t)base, target == GL_TEXTURE_1D_ARRAY_DESKTOP)) {
			wl_array_release(&work);
			gh_gl_fail(x, "out of memory for texture records");
			return GL_GUARD_FAIL;
		}
	}
	return commit(x, st, &work, "glGenerateMipmap");
}

/* A renderbuffer's store: width x height of the format, times the samples
 * of a multisampled one (drivers keep every sample). */
static enum gl_guard renderbuffer_storage(struct gl_exec *x, GLenum target, GLsizei samples,
                                          GLenum internalformat, GLsizei width, GLsizei height,
                                          const char *what)
{
	if (target != GL_RENDERBUFFER)
		return refuse(x, GL_INVALID_ENUM);
	struct gh_gl_storage *st = x->ctx->bind.renderbuffer;
	if (!st)
		return refuse(x, GL_INVALID_OPERATION);
	uint32_t max = x->gl->max_renderbuffer_size;
	if (samples < 0 || width < 0 || height < 0 || (uint32_t)width > max ||
	    (uint32_t)height > max)
		return refuse(x, GL_INVALID_VALUE);
	uint32_t bpp = gh_gl_format_bytes(internalformat);
	struct gh_gl_image_bytes im = {
	        .width = (uint32_t)width,
	        .height = (uint32_t)height,
	        .bytes = product(product((uint64_t)width, (uint64_t)height, bpp ? bpp : 16),
	                         samples > 1 ? (uint64_t)samples : 1, 1),
	};
	struct wl_array work;
	wl_array_init(&work);
	if (!put_image(&work, &im)) {
		gh_gl_fail(x, "out of memory for renderbuffer records");
		return GL_GUARD_FAIL;
	}
	return commit(x, st, &work, what);
}

enum gl_guard gl_exec_guard_glRenderbufferStorage(struct gl_exec *x, GLenum target,
                                                  GLenum internalformat, GLsizei width,
                                                  GLsizei height)
{
	return renderbuffer_storage(x, target, 0, internalformat, width, height,
	                            "glRenderbufferStorage");
}

/* ---- EGLImages ---- */

struct gh_gl_image_bytes gh_gl_storage_find_image(struct gh_gl_context *ctx, bool texture,
                                                  uint32_t host, uint32_t level)
{
	struct gh_gl_storage *st = gh_gl_map_get_ptr(
	        texture ? &ctx->share->textures : &ctx->share->renderbuffers, host);
	/* A view's images are its origin's, whose immutable storage is one
	 * record of level 0 (set_storage), charged whole below. */
	for (; st && st->shares; level = 0)
		st = st->shares;
	struct gh_gl_image_bytes *im = st ? find_image(&st->images, 0, texture ? level : 0) : NULL;
	if (!im)
		return (struct gh_gl_image_bytes){0};
	/* An EGLImage keeps its whole texture alive, whichever level it
	 * names: it is charged all of it, as is what is made from it. */
	struct gh_gl_image_bytes whole = *im;
	whole.bytes = st->bytes;
	whole.implied = 0;
	return whole;
}

enum gl_guard gh_gl_storage_from_image(struct gl_exec *x, bool texture, uint32_t target,
                                       const struct gh_gl_image_bytes *image)
{
	struct gh_gl_storage *st;
	uint32_t face = 0;
	if (texture) {
		/* GL_OES_EGL_image takes GL_TEXTURE_2D; gpupipe offers no
		 * external textures. */
		if (target != GL_TEXTURE_2D)
			return refuse(x, GL_INVALID_ENUM);
		st = gh_gl_bound_texture(x->ctx, target, &face);
	} else {
		if (target != GL_RENDERBUFFER)
			return refuse(x, GL_INVALID_ENUM);
		st = x->ctx->bind.renderbuffer;
		if (!st)
			return refuse(x, GL_INVALID_OPERATION);
	}
	/* The image replaces every level. */
	struct wl_array work;
	wl_array_init(&work);
	struct gh_gl_image_bytes im = *image;
	im.face = im.level = 0;
	if (!put_image(&work, &im)) {
		gh_gl_fail(x, "out of memory for texture records");
		return GL_GUARD_FAIL;
	}
	return commit(x, st, &work,
	              texture ? "glEGLImageTargetTexture2DOES"
	                      : "glEGLImageTargetRenderbufferStorageOES");
}

/* ---- OpenGL ES 3: 3D and array textures, immutable storage, multisample ---- */

/* Bytes per pixel of a sized internal format, else of format/type. */
static uint32_t image_bpp(uint32_t internalformat, uint32_t format, uint32_t type)
{
	uint32_t bpp = gh_gl_format_bytes(internalformat);
	return bpp ? bpp : unsized_bytes(format, type);
}

static bool is_3d(uint32_t target)
{
	return target == GL_TEXTURE_3D;
}

/* The largest side and depth GL takes for a 3D or array target. */
static void limits_3d(struct gh_gl *gl, uint32_t target, uint32_t *side, uint32_t *depth)
{
	if (is_3d(target)) {
		*side = *depth = gl->max_3d_texture_size;
	} else {
		*side = target == GL_TEXTURE_CUBE_MAP_ARRAY ? gl->max_cube_size
		                                            : gl->max_texture_size;
		*depth = gl->max_array_layers;
	}
}

/* One level of a 3D or array texture: w x h x d of `bytes`. A level > 0
 * implies the chain of the base it halves from (depth too for 3D). */
static enum gl_guard set_image_3d(struct gl_exec *x, uint32_t target, int32_t level, int32_t w,
                                  int32_t h, int32_t d, uint64_t bytes, const char *what)
{
	if (is_proxy(target))
		return GL_GUARD_CALL;
	uint32_t face, side, max_d;
	struct gh_gl_storage *st = gh_gl_bound_texture(x->ctx, target, &face);
	if (!st || !is_layered(target))
		return refuse(x, GL_INVALID_ENUM);
	limits_3d(x->gl, target, &side, &max_d);
	if (level < 0 || (uint32_t)level >= MAX_LEVELS || w < 0 || h < 0 || d < 0 ||
	    (uint32_t)w > side || (uint32_t)h > side || (uint32_t)d > max_d)
		return refuse(x, GL_INVALID_VALUE);
	enum gl_guard listed;
	if (in_list(x, bytes, &listed))
		return listed;
	struct wl_array work;
	if (!begin(x, st, &work))
		return GL_GUARD_FAIL;
	uint64_t implied =
	        implied_chain(bytes, (uint32_t)w, (uint32_t)h, (uint32_t)level, side, side, false);
	if (implied && is_3d(target) && d > 0) {
		uint64_t bd = (uint64_t)d << level;
		implied = product(implied, bd > max_d ? max_d : bd, 1) / (uint64_t)d;
	}
	struct gh_gl_image_bytes im = {
	        .level = (uint32_t)level,
	        .width = (uint32_t)w,
	        .height = (uint32_t)h,
	        .bytes = bytes,
	        .implied = implied,
	};
	if (!put_image(&work, &im)) {
		wl_array_release(&work);
		gh_gl_fail(x, "out of memory for texture records");
		return GL_GUARD_FAIL;
	}
	return commit(x, st, &work, what);
}

enum gl_guard gl_exec_guard_glTexImage3D(struct gl_exec *x, GLenum target, GLint level,
                                         GLint internalformat, GLsizei width, GLsizei height,
                                         GLsizei depth, GLint border, GLenum format, GLenum type,
                                         const void *pixels)
{
	uint64_t bytes = product(product((uint64_t)(width > 0 ? width : 0),
	                                 (uint64_t)(height > 0 ? height : 0),
	                                 (uint64_t)(depth > 0 ? depth : 0)),
	                         image_bpp((uint32_t)internalformat, format, type), 1);
	return set_image_3d(x, target, level, width, height, depth, bytes, "glTexImage3D");
}

enum gl_guard gl_exec_guard_glCompressedTexImage3D(struct gl_exec *x, GLenum target, GLint level,
                                                   GLenum internalformat, GLsizei width,
                                                   GLsizei height, GLsizei depth, GLint border,
                                                   GLsizei imageSize, const void *data)
{
	switch (gh_gl_compressed_unpack_guard(x, "glCompressedTexImage3D", 3, internalformat)) {
	case GL_GUARD_CALL:
		break;
	case GL_GUARD_SKIP:
		return GL_GUARD_SKIP;
	default:
		return GL_GUARD_FAIL;
	}
	uint64_t bytes =
	        product(gh_gl_compressed_bytes(internalformat, width > 0 ? (uint32_t)width : 0,
	                                       height > 0 ? (uint32_t)height : 0),
	                (uint64_t)(depth > 0 ? depth : 0), 1);
	if (imageSize > 0 && (uint64_t)imageSize > bytes)
		bytes = (uint64_t)imageSize;
	return set_image_3d(x, target, level, width, height, depth, bytes,
	                    "glCompressedTexImage3D");
}

/* Immutable storage: every level at once, charged as one image of level 0
 * (the texture takes no other image afterwards: GL refuses them). */
static enum gl_guard set_storage(struct gl_exec *x, uint32_t target, int32_t levels,
                                 uint32_t internalformat, int32_t w, int32_t h, int32_t d,
                                 const char *what)
{
	if (is_proxy(target))
		return GL_GUARD_CALL;
	uint32_t face, side = x->gl->max_texture_size, max_d = 1;
	/* Storage is for whole textures: a cube map, not one of its faces. */
	if (gh_gl_texture_target_index(target) < 0)
		return refuse(x, GL_INVALID_ENUM);
	struct gh_gl_storage *st = gh_gl_bound_texture(
	        x->ctx, target == GL_TEXTURE_CUBE_MAP ? GL_TEXTURE_CUBE_MAP_POSITIVE_X : target,
	        &face);
	if (!st)
		return refuse(x, GL_INVALID_ENUM);
	if (is_layered(target))
		limits_3d(x->gl, target, &side, &max_d);
	else if (target == GL_TEXTURE_CUBE_MAP)
		side = x->gl->max_cube_size;
	/* A rectangle texture has one level. */
	if (target == GL_TEXTURE_RECTANGLE_DESKTOP && levels != 1)
		return refuse(x, GL_INVALID_OPERATION);
	/* A 1D texture is one row; a 1D array's rows are its layers, which
	 * keep their count down the chain (only the width halves). */
	uint32_t max_h = target == GL_TEXTURE_1D_DESKTOP         ? 1
	                 : target == GL_TEXTURE_1D_ARRAY_DESKTOP ? x->gl->max_array_layers
	                                                         : side;
	uint32_t bpp = gh_gl_format_bytes(internalformat);
	if (levels < 1 || (uint32_t)levels > MAX_LEVELS || w < 1 || h < 1 || d < 1 ||
	    (uint32_t)w > side || (uint32_t)h > max_h || (uint32_t)d > max_d)
		return refuse(x, GL_INVALID_VALUE);
	uint64_t bytes = 0;
	uint64_t lw = (uint64_t)w, lh = (uint64_t)h, ld = (uint64_t)d;
	for (int32_t l = 0; l < levels; l++) {
		uint64_t level = bpp ? product(product(lw, lh, ld), bpp, 1)
		                     : product(gh_gl_compressed_bytes(internalformat, (uint32_t)lw,
		                                                      (uint32_t)lh),
		                               ld, 1);
		bytes = bytes + level < bytes ? UINT64_MAX : bytes + level;
		lw = lw > 1 ? lw / 2 : 1;
		if (target != GL_TEXTURE_1D_ARRAY_DESKTOP)
			lh = lh > 1 ? lh / 2 : 1;
		if (is_3d(target))
			ld = ld > 1 ? ld / 2 : 1;
	}
	if (target == GL_TEXTURE_CUBE_MAP)
		bytes = product(bytes, 6, 1);
	struct wl_array work;
	wl_array_init(&work);
	struct gh_gl_image_bytes im = {.width = (uint32_t)w, .height = (uint32_t)h, .bytes = bytes};
	if (!put_image(&work, &im)) {
		gh_gl_fail(x, "out of memory for texture records");
		return GL_GUARD_FAIL;
	}
	return commit(x, st, &work, what);
}

enum gl_guard gl_exec_guard_glTexStorage2D(struct gl_exec *x, GLenum target, GLsizei levels,
                                           GLenum internalformat, GLsizei width, GLsizei height)
{
	if (target == GL_TEXTURE_1D_DESKTOP)
		return refuse(x, GL_INVALID_ENUM); /* glTexStorage1D's */
	return set_storage(x, target, levels, internalformat, width, height, 1, "glTexStorage2D");
}

/* Desktop OpenGL 4.2's 1D storage: glTexStorage2D's one row high. */
enum gl_guard gl_exec_guard_glTexStorage1D(struct gl_exec *x, GLenum target, GLsizei levels,
                                           GLenum internalformat, GLsizei width)
{
	if (target != GL_TEXTURE_1D_DESKTOP && !is_proxy(target))
		return refuse(x, GL_INVALID_ENUM);
	return set_storage(x, target, levels, internalformat, width, 1, 1, "glTexStorage1D");
}

enum gl_guard gl_exec_guard_glTexStorage3D(struct gl_exec *x, GLenum target, GLsizei levels,
                                           GLenum internalformat, GLsizei width, GLsizei height,
                                           GLsizei depth)
{
	if (!is_layered(target) && !is_proxy(target))
		return refuse(x, GL_INVALID_ENUM);
	return set_storage(x, target, levels, internalformat, width, height, depth,
	                   "glTexStorage3D");
}

enum gl_guard gl_exec_guard_glRenderbufferStorageMultisample(struct gl_exec *x, GLenum target,
                                                             GLsizei samples, GLenum internalformat,
                                                             GLsizei width, GLsizei height)
{
	return renderbuffer_storage(x, target, samples, internalformat, width, height,
	                            "glRenderbufferStorageMultisample");
}

/* An immutable multisample image (ES 3.1) or array of them (ES 3.2,
 * GL_OES_texture_storage_multisample_2d_array), charged as its samples; a
 * mutable one (desktop 3.2's glTexImage*Multisample) may be empty, `least`
 * (0) the smallest size it may have. */
static enum gl_guard multisample_image(struct gl_exec *x, uint32_t target, int32_t samples,
                                       uint32_t internalformat, int32_t width, int32_t height,
                                       int32_t depth, int32_t least, const char *what)
{
	uint32_t face;
	struct gh_gl_storage *st = gh_gl_bound_texture(x->ctx, target, &face);
	uint32_t max = x->gl->max_texture_size;
	uint32_t max_d = target == GL_TEXTURE_2D_MULTISAMPLE ? 1 : x->gl->max_array_layers;
	if (!st)
		return refuse(x, GL_INVALID_OPERATION);
	if (samples < 1 || width < least || height < least || depth < least ||
	    (uint32_t)width > max || (uint32_t)height > max || (uint32_t)depth > max_d)
		return refuse(x, GL_INVALID_VALUE);
	/* Over GL_MAX_SAMPLES, which no GPU has this high: refused before the
	 * quota would answer GL_OUT_OF_MEMORY. */
	if (samples > 64)
		return refuse(x, GL_INVALID_OPERATION);
	uint32_t bpp = gh_gl_format_bytes(internalformat);
	struct gh_gl_image_bytes im = {
	        .width = (uint32_t)width,
	        .height = (uint32_t)height,
	        .bytes = product(product((uint64_t)width, (uint64_t)height, bpp ? bpp : 16),
	                         (uint64_t)samples, (uint64_t)depth),
	};
	struct wl_array work;
	wl_array_init(&work);
	if (!put_image(&work, &im)) {
		gh_gl_fail(x, "out of memory for texture records");
		return GL_GUARD_FAIL;
	}
	return commit(x, st, &work, what);
}

enum gl_guard gl_exec_guard_glTexStorage2DMultisample(struct gl_exec *x, GLenum target,
                                                      GLsizei samples, GLenum internalformat,
                                                      GLsizei width, GLsizei height,
                                                      GLboolean fixedsamplelocations)
{
	if (target != GL_TEXTURE_2D_MULTISAMPLE)
		return refuse(x, GL_INVALID_ENUM);
	return multisample_image(x, target, samples, internalformat, width, height, 1, 1,
	                         "glTexStorage2DMultisample");
}

static enum gl_guard storage_3d_multisample(struct gl_exec *x, GLenum target, GLsizei samples,
                                            GLenum internalformat, GLsizei width, GLsizei height,
                                            GLsizei depth, const char *what)
{
	if (target != GL_TEXTURE_2D_MULTISAMPLE_ARRAY)
		return refuse(x, GL_INVALID_ENUM);
	return multisample_image(x, target, samples, internalformat, width, height, depth, 1, what);
}

enum gl_guard gl_exec_guard_glTexStorage3DMultisample(struct gl_exec *x, GLenum target,
                                                      GLsizei samples, GLenum internalformat,
                                                      GLsizei width, GLsizei height, GLsizei depth,
                                                      GLboolean fixedsamplelocations)
{
	return storage_3d_multisample(x, target, samples, internalformat, width, height, depth,
	                              "glTexStorage3DMultisample");
}

enum gl_guard gl_exec_guard_glTexStorage3DMultisampleOES(struct gl_exec *x, GLenum target,
                                                         GLsizei samples, GLenum internalformat,
                                                         GLsizei width, GLsizei height,
                                                         GLsizei depth,
                                                         GLboolean fixedsamplelocations)
{
	return storage_3d_multisample(x, target, samples, internalformat, width, height, depth,
	                              "glTexStorage3DMultisampleOES");
}

/* Desktop 3.2's mutable multisample images: charged as the storage above,
 * each call replacing the texture's image. A proxy target makes no image:
 * the driver only answers whether it would fit. */
enum gl_guard gl_exec_guard_glTexImage2DMultisample(struct gl_exec *x, GLenum target,
                                                    GLsizei samples, GLenum internalformat,
                                                    GLsizei width, GLsizei height,
                                                    GLboolean fixedsamplelocations)
{
	if (target == GL_PROXY_TEXTURE_2D_MULTISAMPLE)
		return GL_GUARD_CALL;
	if (target != GL_TEXTURE_2D_MULTISAMPLE)
		return refuse(x, GL_INVALID_ENUM);
	return multisample_image(x, target, samples, internalformat, width, height, 1, 0,
	                         "glTexImage2DMultisample");
}

enum gl_guard gl_exec_guard_glTexImage3DMultisample(struct gl_exec *x, GLenum target,
                                                    GLsizei samples, GLenum internalformat,
                                                    GLsizei width, GLsizei height, GLsizei depth,
                                                    GLboolean fixedsamplelocations)
{
	if (target == GL_PROXY_TEXTURE_2D_MULTISAMPLE_ARRAY)
		return GL_GUARD_CALL;
	if (target != GL_TEXTURE_2D_MULTISAMPLE_ARRAY)
		return refuse(x, GL_INVALID_ENUM);
	return multisample_image(x, target, samples, internalformat, width, height, depth, 0,
	                         "glTexImage3DMultisample");
}
