/*
 * gl_unpack_size and gl_pack_size against a real driver, which is an
 * independent oracle: GL raises GL_INVALID_OPERATION when an upload from a
 * pixel unpack buffer (or a readback into a pixel pack buffer) would touch
 * bytes past the buffer's end. So for every format and pixel-store setting
 * of a grid, a buffer of exactly the helper's size must work and one byte
 * less must fail: the helper's size is the driver's, to the byte.
 * Cases (argv[1]): unpack_3d (glTexSubImage3D), unpack_2d (glTexSubImage2D,
 * where the image height and image skip must be ignored), pack
 * (glReadPixels).
 */
#include <stdint.h>
#include <string.h>

#include <GLES3/gl32.h>
#include <GLES2/gl2ext.h>

#include <gpupipe/gl-codec.h>
#include <gpupipe/gl-sizes.h>

#include "es-context.h"

#define SIDE 8 /* texture and framebuffer width, height and layers */

struct pixel_format {
	GLenum internal, format, type;
};

static const struct pixel_format upload_formats[] = {
        {GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE},
        {GL_RGB8, GL_RGB, GL_UNSIGNED_BYTE},
        {GL_R8, GL_RED, GL_UNSIGNED_BYTE},
        {GL_RG16F, GL_RG, GL_HALF_FLOAT},
        {GL_RGB32F, GL_RGB, GL_FLOAT},
        {GL_RGBA32F, GL_RGBA, GL_FLOAT},
        {GL_RGB565, GL_RGB, GL_UNSIGNED_SHORT_5_6_5},
        {GL_RGB9_E5, GL_RGB, GL_UNSIGNED_INT_5_9_9_9_REV},
        {GL_RGBA16UI, GL_RGBA_INTEGER, GL_UNSIGNED_SHORT},
        {GL_RGB8I, GL_RGB_INTEGER, GL_BYTE},
        {GL_LUMINANCE_ALPHA, GL_LUMINANCE_ALPHA, GL_UNSIGNED_BYTE},
        {GL_DEPTH_COMPONENT16, GL_DEPTH_COMPONENT, GL_UNSIGNED_SHORT},
        {GL_DEPTH32F_STENCIL8, GL_DEPTH_STENCIL, GL_FLOAT_32_UNSIGNED_INT_24_8_REV},
        {GL_STENCIL_INDEX8, GL_STENCIL_INDEX, GL_UNSIGNED_BYTE},
};

static const int alignments[] = {1, 2, 4, 8};

/* The pixel store of `ps` into GL, both directions. */
static void store(const struct gl_pixel_state *ps)
{
	glPixelStorei(GL_UNPACK_ALIGNMENT, ps->unpack_alignment);
	glPixelStorei(GL_UNPACK_ROW_LENGTH, ps->unpack_row_length);
	glPixelStorei(GL_UNPACK_IMAGE_HEIGHT, ps->unpack_image_height);
	glPixelStorei(GL_UNPACK_SKIP_PIXELS, ps->unpack_skip_pixels);
	glPixelStorei(GL_UNPACK_SKIP_ROWS, ps->unpack_skip_rows);
	glPixelStorei(GL_UNPACK_SKIP_IMAGES, ps->unpack_skip_images);
	glPixelStorei(GL_PACK_ALIGNMENT, ps->pack_alignment);
	glPixelStorei(GL_PACK_ROW_LENGTH, ps->pack_row_length);
	glPixelStorei(GL_PACK_SKIP_PIXELS, ps->pack_skip_pixels);
	glPixelStorei(GL_PACK_SKIP_ROWS, ps->pack_skip_rows);
}

struct transfer {
	GLenum buffer_target;
	const struct pixel_format *f;
	int w, h, d;
	bool three_d;
};

static void run(const struct transfer *t)
{
	if (t->buffer_target == GL_PIXEL_PACK_BUFFER) {
		glReadPixels(0, 0, t->w, t->h, t->f->format, t->f->type, NULL);
	} else if (t->three_d) {
		glTexSubImage3D(GL_TEXTURE_2D_ARRAY, 0, 0, 0, 0, t->w, t->h, t->d, t->f->format,
		                t->f->type, NULL);
	} else {
		glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, t->w, t->h, t->f->format, t->f->type, NULL);
	}
}

static void describe(const struct transfer *t, const struct gl_pixel_state *ps, char *out, size_t n)
{
	if (t->buffer_target == GL_PIXEL_PACK_BUFFER)
		snprintf(out, n,
		         "glReadPixels %dx%d format 0x%04X type 0x%04X alignment %d row length %d "
		         "skip pixels %d rows %d",
		         t->w, t->h, t->f->format, t->f->type, ps->pack_alignment,
		         ps->pack_row_length, ps->pack_skip_pixels, ps->pack_skip_rows);
	else
		snprintf(out, n,
		         "glTexSubImage%s %dx%dx%d format 0x%04X type 0x%04X alignment %d row "
		         "length %d image height %d skip pixels %d rows %d images %d",
		         t->three_d ? "3D" : "2D", t->w, t->h, t->d, t->f->format, t->f->type,
		         ps->unpack_alignment, ps->unpack_row_length, ps->unpack_image_height,
		         ps->unpack_skip_pixels, ps->unpack_skip_rows, ps->unpack_skip_images);
}

/* Exactly the helper's size works, one byte less does not. */
static void check(const struct transfer *t, const struct gl_pixel_state *ps, int *checked)
{
	int64_t size = t->buffer_target == GL_PIXEL_PACK_BUFFER
	                       ? gl_pack_size(ps, t->w, t->h, t->f->format, t->f->type)
	                       : gl_unpack_size(ps, t->w, t->h, t->d, t->f->format, t->f->type,
	                                        t->three_d);
	char what[256];
	describe(t, ps, what, sizeof(what));
	if (size <= 0) {
		FAIL("%s: helper size %lld", what, (long long)size);
		return;
	}
	store(ps);
	glBufferData(t->buffer_target, size, NULL, GL_STREAM_COPY);
	run(t);
	GLenum err = es_error();
	if (err != GL_NO_ERROR)
		FAIL("%s: GL error 0x%04X with the helper's %lld bytes (too few)", what, err,
		     (long long)size);
	glBufferData(t->buffer_target, size - 1, NULL, GL_STREAM_COPY);
	run(t);
	err = es_error();
	if (err != GL_INVALID_OPERATION)
		FAIL("%s: GL error 0x%04X with %lld bytes: the driver needs less than the helper's "
		     "%lld",
		     what, err, (long long)size - 1, (long long)size);
	(*checked)++;
}

/* Whether the driver takes this format at all (the grid then checks sizes). */
static bool accepted(const struct transfer *t)
{
	struct gl_pixel_state ps = {.pack_alignment = 4, .unpack_alignment = 4};
	store(&ps);
	glBufferData(t->buffer_target, 1 << 16, NULL, GL_STREAM_COPY);
	run(t);
	GLenum err = es_error();
	if (err != GL_NO_ERROR)
		printf("# the driver refuses format 0x%04X type 0x%04X (error 0x%04X)\n",
		       t->f->format, t->f->type, err);
	return err == GL_NO_ERROR;
}

/* The next value of a grid walked as one counter in mixed radix. */
#define PICK(k, values) ((values)[next_digit(&(k), sizeof(values) / sizeof((values)[0]))])

static size_t next_digit(size_t *k, size_t n)
{
	size_t digit = *k % n;
	*k /= n;
	return digit;
}

static void unpack_grid(struct transfer *t, int *checked)
{
	/* Row lengths and image heights under the size too: rows then overlap. */
	static const int row_lengths[] = {0, 2, 7}, image_heights[] = {0, 1, 5};
	static const int skip_pixels[] = {0, 1, 3}, skip_rows[] = {0, 2}, skip_images[] = {0, 1};
	static const int widths[] = {1, 3, 5}, heights[] = {1, 2}, depths_3d[] = {1, 2};
	static const int depths_2d[] = {1};
	size_t combinations = 4 * 3 * 3 * 3 * 2 * 2 * 3 * 2 * (t->three_d ? 2 : 1);
	for (size_t i = 0; i < combinations; i++) {
		size_t k = i;
		struct gl_pixel_state ps = {.pack_alignment = 4};
		ps.unpack_alignment = PICK(k, alignments);
		ps.unpack_row_length = PICK(k, row_lengths);
		ps.unpack_image_height = PICK(k, image_heights);
		ps.unpack_skip_pixels = PICK(k, skip_pixels);
		ps.unpack_skip_rows = PICK(k, skip_rows);
		ps.unpack_skip_images = PICK(k, skip_images);
		t->w = PICK(k, widths);
		t->h = PICK(k, heights);
		t->d = t->three_d ? PICK(k, depths_3d) : PICK(k, depths_2d);
		check(t, &ps, checked);
	}
}

static void unpack(bool three_d)
{
	GLuint tex, pbo;
	GLenum target = three_d ? GL_TEXTURE_2D_ARRAY : GL_TEXTURE_2D;
	glGenBuffers(1, &pbo);
	int checked = 0, formats = 0;
	for (size_t i = 0; i < sizeof(upload_formats) / sizeof(upload_formats[0]); i++) {
		const struct pixel_format *f = &upload_formats[i];
		glGenTextures(1, &tex);
		glBindTexture(target, tex);
		glBindBuffer(GL_PIXEL_UNPACK_BUFFER, 0);
		if (three_d)
			glTexImage3D(target, 0, f->internal, SIDE, SIDE, SIDE, 0, f->format,
			             f->type, NULL);
		else
			glTexImage2D(target, 0, f->internal, SIDE, SIDE, 0, f->format, f->type,
			             NULL);
		glBindBuffer(GL_PIXEL_UNPACK_BUFFER, pbo);
		struct transfer t = {GL_PIXEL_UNPACK_BUFFER, f, 1, 1, 1, three_d};
		if (es_error() == GL_NO_ERROR && accepted(&t)) {
			unpack_grid(&t, &checked);
			formats++;
		}
		glDeleteTextures(1, &tex);
	}
	printf("# %d uploads of %d formats: the helper's size is the driver's\n", checked, formats);
	if (formats < 10)
		FAIL("the driver took only %d formats", formats);
}

static void pack_grid(struct transfer *t, int *checked)
{
	static const int row_lengths[] = {0, 6, 11}, skip_pixels[] = {0, 1, 3},
	                 skip_rows[] = {0, 2};
	static const int widths[] = {1, 3, 5}, heights[] = {1, 2, 3};
	for (size_t i = 0; i < 4 * 4 * 3 * 2 * 3 * 3; i++) {
		size_t k = i;
		struct gl_pixel_state ps = {.unpack_alignment = 4};
		ps.pack_alignment = PICK(k, alignments);
		ps.pack_row_length = PICK(k, row_lengths);
		ps.pack_skip_pixels = PICK(k, skip_pixels);
		ps.pack_skip_rows = PICK(k, skip_rows);
		t->w = PICK(k, widths);
		t->h = PICK(k, heights);
		check(t, &ps, checked);
	}
}

/* Reads from a framebuffer of `internal`: with the format/type pair ES
 * always allows for it, then with the implementation's own pair. */
static void pack_from(GLenum internal, GLenum format, GLenum type, int *checked, int *pairs)
{
	GLuint rb, fbo;
	glGenRenderbuffers(1, &rb);
	glBindRenderbuffer(GL_RENDERBUFFER, rb);
	glRenderbufferStorage(GL_RENDERBUFFER, internal, SIDE, SIDE);
	glGenFramebuffers(1, &fbo);
	glBindFramebuffer(GL_FRAMEBUFFER, fbo);
	glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb);
	if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
		printf("# no framebuffer of 0x%04X\n", internal);
	} else {
		GLint impl_format = 0, impl_type = 0;
		glGetIntegerv(GL_IMPLEMENTATION_COLOR_READ_FORMAT, &impl_format);
		glGetIntegerv(GL_IMPLEMENTATION_COLOR_READ_TYPE, &impl_type);
		struct pixel_format fs[2] = {{internal, format, type},
		                             {internal, (GLenum)impl_format, (GLenum)impl_type}};
		for (int i = 0; i < (fs[1].format == format && fs[1].type == type ? 1 : 2); i++) {
			struct transfer t = {GL_PIXEL_PACK_BUFFER, &fs[i], 1, 1, 1, false};
			if (accepted(&t)) {
				pack_grid(&t, checked);
				(*pairs)++;
			}
		}
	}
	glBindFramebuffer(GL_FRAMEBUFFER, 0);
	glDeleteFramebuffers(1, &fbo);
	glDeleteRenderbuffers(1, &rb);
}

static void pack(void)
{
	GLuint pbo;
	glGenBuffers(1, &pbo);
	glBindBuffer(GL_PIXEL_PACK_BUFFER, pbo);
	int checked = 0, pairs = 0;
	pack_from(GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE, &checked, &pairs);
	pack_from(GL_RGB565, GL_RGBA, GL_UNSIGNED_BYTE, &checked, &pairs);
	pack_from(GL_R8, GL_RGBA, GL_UNSIGNED_BYTE, &checked, &pairs);
	pack_from(GL_RGB10_A2, GL_RGBA, GL_UNSIGNED_INT_2_10_10_10_REV, &checked, &pairs);
	pack_from(GL_RGBA32F, GL_RGBA, GL_FLOAT, &checked, &pairs);
	pack_from(GL_RG16F, GL_RGBA, GL_FLOAT, &checked, &pairs);
	pack_from(GL_RGBA32UI, GL_RGBA_INTEGER, GL_UNSIGNED_INT, &checked, &pairs);
	pack_from(GL_RGBA8I, GL_RGBA_INTEGER, GL_INT, &checked, &pairs);
	printf("# %d readbacks of %d format/type pairs: the helper's size is the driver's\n",
	       checked, pairs);
	if (pairs < 8)
		FAIL("the driver read only %d format/type pairs", pairs);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s unpack_3d|unpack_2d|pack\n", argv[0]);
		return 2;
	}
	es_context_init();
	if (strcmp(argv[1], "unpack_3d") == 0)
		unpack(true);
	else if (strcmp(argv[1], "unpack_2d") == 0)
		unpack(false);
	else if (strcmp(argv[1], "pack") == 0)
		pack();
	else
		return 2;
	if (es_failures) {
		fprintf(stderr, "%d failures\n", es_failures);
		return 1;
	}
	return 0;
}
