/*
 * The GLES codec test's part for desktop OpenGL's compatibility profile (test-gles-codec.c
 * runs it): immediate mode and fixed-function state, client arrays and pixel rectangles,
 * display lists, the attribute stacks, evaluators, feedback and selection.
 */
#include <stdlib.h>
#include <string.h>

#include <gpupipe/gl-stream.h>

#include "gles-fakes.h"
#include "test-gles-codec.h"

/* Desktop OpenGL's enums of test_compat_ff, which the GLES headers lack. */
#define GL_LIGHT_MODEL_COLOR_CONTROL_DESKTOP 0x81F8
#define GL_SEPARATE_SPECULAR_COLOR_DESKTOP 0x81FA
#define GL_S_DESKTOP 0x2000
#define GL_OBJECT_PLANE_DESKTOP 0x2501
#define GL_EYE_PLANE_DESKTOP 0x2502
#define GL_CURRENT_RASTER_POSITION_DESKTOP 0x0B07
#define GL_TRANSPOSE_MODELVIEW_MATRIX_DESKTOP 0x84E3

/* The compatibility profile's immediate mode and fixed-function state: scalars of every
 * type, vectors of their fixed size, desktop GL's pnames in ES 1.1's shared commands (and
 * not in ES 1.1), and the host's refusals. */
void test_compat_ff(void)
{
	codec_reset();
	install_compat_ff_fakes();
	struct gles_level compat = {.api = GL_API_GL_COMPAT, .version = GL_VERSION_CODE(2, 1)};
	struct gles_level core = {.api = GL_API_GL_CORE, .version = GL_VERSION_CODE(4, 5)};
	CHECK(gles_level_has(&compat, GLES_OP_glVertex3f) &&
	      gles_level_has(&compat, GLES_OP_glLightfv) &&
	      !gles_level_has(&core, GLES_OP_glVertex3f));
	fake_api = GL_API_GL_COMPAT;
	fake_version = GL_VERSION_CODE(2, 1);
	enc.ps.desktop = ex.ps.desktop = true;
	/* Immediate mode: each vertex one async command, queued, nothing flushed. */
	uint32_t before = enc.len;
	gl_enc_glVertex3f(1, 2, 3);
	gl_enc_glVertex3f(4, 5, 6);
	CHECK(enc.len > before && enc.error == 0);
	CHECK(host_drain() && strcmp(rec.fn, "glVertex3f") == 0);
	CHECK(rec.data_len == 12 && memcmp(rec.data, (const float[]){4, 5, 6}, 12) == 0);
	const GLdouble c[3] = {0.25, 0.5, 1.0 / 3.0};
	gl_enc_glColor3dv(c);
	CHECK(host_drain() && rec.data_len == 24 && memcmp(rec.data, c, 24) == 0);
	const GLbyte n[3] = {-128, 0, 127};
	gl_enc_glNormal3bv(n);
	CHECK(host_drain() && memcmp(rec.data, n, 3) == 0);
	GLdouble m[16];
	for (int i = 0; i < 16; i++)
		m[i] = i + 0.5;
	gl_enc_glMultMatrixd(m);
	CHECK(host_drain() && rec.data_len == 128 && memcmp(rec.data, m, 128) == 0);
	/* Desktop pnames of shared ES 1.1 commands, and of glTexGen. */
	const GLfloat one = (GLfloat)GL_SEPARATE_SPECULAR_COLOR_DESKTOP;
	gl_enc_glLightModelfv(GL_LIGHT_MODEL_COLOR_CONTROL_DESKTOP, &one);
	CHECK(host_drain() && rec.e[0] == GL_LIGHT_MODEL_COLOR_CONTROL_DESKTOP);
	const GLfloat plane[4] = {1, 2, 3, 4};
	gl_enc_glTexGenfv(GL_S_DESKTOP, GL_OBJECT_PLANE_DESKTOP, plane);
	CHECK(host_drain() && rec.data_len == 16 && memcmp(rec.data, plane, 16) == 0);
	GLdouble got[4] = {0};
	gl_enc_glGetTexGendv(GL_S_DESKTOP, GL_EYE_PLANE_DESKTOP, got);
	CHECK(strcmp(rec.fn, "glGetTexGendv") == 0 && got[3] == 1.5);
	GLuint tex[2];
	gl_enc_glGenTextures(2, tex);
	GLboolean res[2] = {GL_TRUE, GL_TRUE};
	CHECK(gl_enc_glAreTexturesResident(2, tex, res) == GL_FALSE && res[1] == GL_FALSE);
	CHECK(rec.n == 2 && rec.names[1] == ex.map[GL_NAMES_TEXTURE][tex[1]]);
	CHECK(gl_get_count(GL_CURRENT_RASTER_POSITION_DESKTOP) == 4 &&
	      gl_get_count(GL_TRANSPOSE_MODELVIEW_MATRIX_DESKTOP) == 16);

	/* The client drops what it can tell is wrong. */
	uint32_t queued = enc.len;
	gl_enc_glTexGenfv(GL_S_DESKTOP, GL_TEXTURE_2D, plane);
	CHECK(enc.error == GL_INVALID_ENUM && enc.len == queued);
	enc.error = 0;

	/* The host refuses a blob its arguments do not size. */
	codec_refused(GLES_OP_glMultMatrixd,
	              (uint32_t[]){64, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 17,
	              "glMultMatrixd: m is 64 bytes, its arguments say 128");
	codec_refused(GLES_OP_glLightfv, (uint32_t[]){GL_LIGHT0, GL_SPOT_DIRECTION, 4, 0}, 4,
	              "glLightfv: params is 4 bytes, its arguments say 12");
	codec_refused(GLES_OP_glClipPlane, (uint32_t[]){GL_CLIP_PLANE0, 16, 0, 0, 0, 0}, 6,
	              "glClipPlane: equation is 16 bytes, its arguments say 32");
	codec_refused(GLES_OP_glTexGenfv, (uint32_t[]){GL_S_DESKTOP, GL_OBJECT_PLANE_DESKTOP, 4, 0},
	              4, "glTexGenfv: params is 4 bytes, its arguments say 16");
	codec_refused(GLES_OP_glColor4dv, (uint32_t[]){16, 0, 0, 0, 0}, 5,
	              "glColor4dv: v is 16 bytes, its arguments say 32");

	/* ES 1.1 keeps its own lists: desktop pnames are GL_INVALID_ENUM there. */
	fake_api = GL_API_GLES1;
	fake_version = 0;
	codec_reset();
	gl_enc_glLightModelfv(GL_LIGHT_MODEL_COLOR_CONTROL_DESKTOP, &one);
	CHECK(enc.error == GL_INVALID_ENUM && enc.len == 0);
	codec_refused(GLES_OP_glVertex3f, (uint32_t[]){0, 0, 0}, 3, "glVertex3f is not part of");
	fake_api = GL_API_GLES2;
	codec_reset();
	install_fakes();
}

/* The compatibility profile's client arrays and pixel rectangles: the formats each array
 * kind takes, glDrawPixels, glBitmap, glPolygonStipple and glPixelMap* sized from the
 * unpack state (GL_COLOR_INDEX, GL_BITMAP), their data round-trips, and a glDrawPixels
 * past its data ends the link. */
void test_compat(void)
{
	enum { COLOR_INDEX = 0x1900, BITMAP = 0x1A00, BGRA = 0x80E1, DOUBLE = 0x140A };
	enum { GL_PIXEL_MAP_I_TO_R = 0x0C72 };
	CHECK(gl_client_array_compat_bytes(GL_ARRAY_COLOR, BGRA, GL_UNSIGNED_BYTE) == 4);
	CHECK(gl_client_array_compat_bytes(GL_ARRAY_COLOR, BGRA, GL_FLOAT) == 0);
	CHECK(gl_client_array_compat_bytes(GL_ARRAY_VERTEX, 2, DOUBLE) == 16);
	CHECK(gl_client_array_compat_bytes(GL_ARRAY_VERTEX, 1, GL_FLOAT) == 0);
	CHECK(gl_client_array_compat_bytes(GL_ARRAY_VERTEX, 2, GL_UNSIGNED_BYTE) == 0);
	CHECK(gl_client_array_compat_bytes(GL_ARRAY_NORMAL, 3, GL_BYTE) == 3);
	CHECK(gl_client_array_compat_bytes(GL_ARRAY_TEXCOORD, 1, GL_SHORT) == 2);
	CHECK(gl_client_array_compat_bytes(GL_ARRAY_INDEX, 1, GL_UNSIGNED_BYTE) == 1);
	CHECK(gl_client_array_compat_bytes(GL_ARRAY_FOG_COORD, 1, GL_INT) == 0);
	CHECK(gl_client_array_compat_bytes(GL_ARRAY_SECONDARY_COLOR, 4, GL_FLOAT) == 0);
	CHECK(gl_client_array_compat_bytes(GL_ARRAY_SECONDARY_COLOR, 3, GL_FLOAT) == 12);
	CHECK(gl_client_array_compat_bytes(GL_ARRAY_EDGE_FLAG, 1, GL_UNSIGNED_BYTE) == 1);
	CHECK(gl_client_array_compat_bytes(GL_ARRAY_POINT_SIZE, 1, GL_FLOAT) == 0);
	CHECK(gl_client_array_compat_bytes(GL_ARRAY_KIND_COUNT, 1, GL_FLOAT) == 0);

	fake_api = GL_API_GL_COMPAT;
	fake_version = GL_VERSION_CODE(4, 5); /* not offered yet: its landing version */
	codec_reset();
	enc.ps.desktop = ex.ps.desktop = true;
	install_compat_fakes();
	/* Rows of 3 colour indices padded to 4 bytes: 2 * 4 + 3. */
	CHECK(gl_draw_pixels_size(&enc.ps, 3, 3, COLOR_INDEX, GL_UNSIGNED_BYTE) == 11);
	CHECK(gl_draw_pixels_size(&enc.ps, 2, 2, GL_LUMINANCE_ALPHA, GL_FLOAT) == 2 * 16);
	CHECK(gl_draw_pixels_size(&enc.ps, 8, 2, GL_RGBA, BITMAP) == GL_SIZE_INVALID_ENUM);
	/* Bitmaps: 8 bits a row padded to 4 bytes; 9 bits from bit 7 span 2 bytes. */
	CHECK(gl_draw_pixels_size(&enc.ps, 8, 2, COLOR_INDEX, BITMAP) == 5);
	CHECK(gl_bitmap_unpack_size(&enc.ps, 8, 2) == 5 &&
	      gl_bitmap_unpack_size(&enc.ps, 0, 5) == 0);
	CHECK(gl_bitmap_unpack_size(&enc.ps, 32, 32) == 128 &&
	      gl_bitmap_pack_size(&enc.ps, 1, 1) == 1);
	enc.ps.unpack_skip_pixels = 7;
	enc.ps.unpack_alignment = 1;
	CHECK(gl_bitmap_unpack_size(&enc.ps, 2, 1) == 2);
	enc.ps.unpack_row_length = 20; /* 3 bytes a row */
	CHECK(gl_bitmap_unpack_size(&enc.ps, 2, 3) == 2 * 3 + 2);
	enc.ps = ex.ps;

	const GLubyte idx[12] = {1, 2, 3, 0, 4, 5, 6, 0, 7, 8, 9, 0};
	gl_enc_glDrawPixels(3, 3, COLOR_INDEX, GL_UNSIGNED_BYTE, idx);
	CHECK(host_drain() && strcmp(rec.fn, "glDrawPixels") == 0 && rec.i[0] == 3);
	CHECK(rec.e[0] == COLOR_INDEX && memcmp(rec.data, idx, 8) == 0);
	gl_enc_glDrawPixels(2, 2, GL_RGBA, BITMAP, idx);
	CHECK(enc.error == GL_INVALID_ENUM && enc.len == enc.decoded);
	enc.error = 0;
	const GLubyte bits[8] = {0xf0, 0, 0, 0, 0x0f};
	gl_enc_glBitmap(8, 2, 0, 0, 1, 0, bits);
	CHECK(host_drain() && strcmp(rec.fn, "glBitmap") == 0 && rec.data[0] == 0xf0);
	gl_enc_glBitmap(0, 0, 0, 0, 3, 2, NULL); /* moves the raster position only */
	CHECK(host_drain() && rec.null_ptr && rec.f[2] == 3 && rec.f[3] == 2);
	/* NULL with no unpack buffer is no data: where the size is not 0 the library answers
	 * GL_INVALID_VALUE, sending nothing (the driver would read from address 0). */
	gl_enc_glBitmap(8, 2, 0, 0, 1, 0, NULL);
	CHECK(enc.error == GL_INVALID_VALUE && enc.len == enc.decoded);
	enc.error = 0;
	gl_enc_glDrawPixels(2, 2, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
	CHECK(enc.error == GL_INVALID_VALUE && enc.len == enc.decoded);
	enc.error = 0;
	gl_enc_glDrawPixels(0, 2, GL_RGBA, GL_UNSIGNED_BYTE, NULL); /* 0 bytes: GL's to run */
	CHECK(host_drain() && strcmp(rec.fn, "glDrawPixels") == 0 && rec.null_ptr);
	GLubyte mask[128];
	for (int i = 0; i < 128; i++)
		mask[i] = (GLubyte)i;
	gl_enc_glPolygonStipple(mask);
	CHECK(host_drain() && rec.data_len == 128 && memcmp(rec.data, mask, 128) == 0);
	const GLushort map[3] = {1, 0xffff, 7};
	gl_enc_glPixelMapusv(GL_PIXEL_MAP_I_TO_R, 3, map);
	CHECK(host_drain() && rec.n == 3 && memcmp(rec.data, map, 6) == 0);
	gl_enc_glPixelMapusv(GL_PIXEL_MAP_I_TO_R, -1, map);
	CHECK(enc.error == GL_INVALID_VALUE && enc.len == enc.decoded);
	enc.error = 0;
	/* A colour array in a buffer: size GL_BGRA travels as the offset's format. */
	gl_enc_glSecondaryColorPointer(3, GL_UNSIGNED_BYTE, 4, (const void *)(uintptr_t)64);
	CHECK(host_drain() && rec.i[0] == 3 && rec.big[0] == 64);
	gl_enc_glSecondaryColorPointer(3, GL_UNSIGNED_BYTE, 4, (const void *)(uintptr_t)13);
	CHECK(!host_drain() && strstr(ex.reason, "glSecondaryColorPointer"));
	codec_reset();
	ex.ps.desktop = true;
	/* 2x2 RGBA is 16 bytes: 8 end the link; so does a stipple of 64. */
	codec_refused(GLES_OP_glDrawPixels, (uint32_t[]){2, 2, GL_RGBA, GL_UNSIGNED_BYTE, 8, 1, 2},
	              7, "glDrawPixels");
	/* A NULL blob where the host sizes data ends the link, for each pixel rectangle. */
	codec_refused(GLES_OP_glDrawPixels,
	              (uint32_t[]){2, 2, GL_RGBA, GL_UNSIGNED_BYTE, GL_BLOB_NULL}, 5,
	              "glDrawPixels: pixels is NULL");
	codec_refused(GLES_OP_glBitmap, (uint32_t[]){8, 2, 0, 0, 0, 0, GL_BLOB_NULL}, 7,
	              "glBitmap: bitmap is NULL");
	codec_refused(GLES_OP_glPolygonStipple, (uint32_t[]){GL_BLOB_NULL}, 1,
	              "glPolygonStipple: mask is NULL");
	codec_refused(GLES_OP_glPixelMapfv, (uint32_t[]){GL_PIXEL_MAP_I_TO_R, 4, GL_BLOB_NULL}, 3,
	              "glPixelMapfv: values is NULL");
	uint32_t words[1 + 16] = {64};
	codec_refused(GLES_OP_glPolygonStipple, words, 17, "glPolygonStipple");
	codec_refused(GLES_OP_glPixelMapfv, (uint32_t[]){GL_PIXEL_MAP_I_TO_R, 4, 8, 0, 0}, 5,
	              "glPixelMapfv");
	/* glArrayElement: the element travels as a u32; a longer command ends the link. */
	gl_enc_glArrayElement(7);
	CHECK(host_drain() && strcmp(rec.fn, "glArrayElement") == 0 && rec.i[0] == 7);
	codec_refused(GLES_OP_glArrayElement, (uint32_t[]){7, 0}, 2, "glArrayElement");
	codec_refused(GLES_OP_glArrayElement, (uint32_t[]){0}, 0, "glArrayElement");
	/* ARB_imaging's readbacks are the library's (GL_INVALID_OPERATION, as Mesa without
	 * ARB_imaging): in the compatibility profile only, and their opcodes end the link. */
	struct gles_level compat = {.api = GL_API_GL_COMPAT, .version = GL_VERSION_CODE(4, 5)};
	struct gles_level core = {.api = GL_API_GL_CORE, .version = GL_VERSION_CODE(4, 5)};
	CHECK(gles_level_has(&compat, GLES_OP_glGetnColorTable) &&
	      gles_level_has(&compat, GLES_OP_glGetnSeparableFilter) &&
	      gles_level_has(&compat, GLES_OP_glGetnMinmax) &&
	      !gles_level_has(&core, GLES_OP_glGetnHistogram) &&
	      !gles_level_has(&core, GLES_OP_glGetnConvolutionFilter));
	codec_refused(GLES_OP_glGetnColorTable, (uint32_t[]){0x80D0, GL_RGBA, GL_UNSIGNED_BYTE, 16},
	              4, "is never sent");
	codec_refused(GLES_OP_glGetnConvolutionFilter,
	              (uint32_t[]){0x8010, GL_RGBA, GL_UNSIGNED_BYTE, 16}, 4, "is never sent");
	codec_refused(GLES_OP_glGetnSeparableFilter,
	              (uint32_t[]){0x8012, GL_RGBA, GL_UNSIGNED_BYTE, 16, 16}, 5, "is never sent");
	codec_refused(GLES_OP_glGetnHistogram,
	              (uint32_t[]){0x8024, 0, GL_RGBA, GL_UNSIGNED_BYTE, 16}, 5, "is never sent");
	codec_refused(GLES_OP_glGetnMinmax, (uint32_t[]){0x802E, 0, GL_RGBA, GL_UNSIGNED_BYTE, 16},
	              5, "is never sent");
	/* ES contexts have none of them. */
	fake_api = GL_API_GLES2;
	fake_version = 0;
	codec_reset();
	gl_enc_glDrawPixels(1, 1, GL_RGBA, GL_UNSIGNED_BYTE, idx);
	CHECK(enc.error == GL_INVALID_OPERATION && enc.len == 0);
	codec_reset();
}

/* The compatibility profile's evaluator targets (GL/gl.h, which the codec does not include). */
#define GL_MAP1_TEXTURE_COORD_2 0x0D94
#define GL_MAP1_VERTEX_3 0x0D97
#define GL_MAP1_VERTEX_4 0x0D98
#define GL_MAP2_COLOR_4 0x0DB0
#define GL_MAP2_VERTEX_3 0x0DB7
#define GL_MAP2_VERTEX_4 0x0DB8

/* The compatibility profile's evaluators and attribute stack (helper LS's block). */
void test_compat_ls(void)
{
	codec_reset();
	install_compat_ls_fakes();
	fake_api = GL_API_GL_COMPAT;
	fake_version = GL_VERSION_CODE(4, 5);
	/* 2 x 2 points of GL_MAP2_VERTEX_3, u stride 3, v stride 7 (one value of padding):
	 * (1 * 3 + 1 * 7 + 3) = 13 values read. */
	GLfloat pts[16];
	for (int i = 0; i < 16; i++)
		pts[i] = (GLfloat)i;
	gl_enc_glMap2f(GL_MAP2_VERTEX_3, 0, 1, 3, 2, 0.5f, 2, 7, 2, pts);
	CHECK(host_drain() && rec.fn && strcmp(rec.fn, "glMap2f") == 0);
	CHECK(rec.e[0] == GL_MAP2_VERTEX_3 && rec.i[0] == 3 && rec.i[3] == 2 && rec.f[2] == 0.5f);
	CHECK(rec.data_len == 52 && memcmp(rec.data, pts, 52) == 0);
	int pops = pop_attrib_calls;
	gl_enc_glPopAttrib();
	CHECK(host_drain() && pop_attrib_calls == pops + 1);

	/* The client drops what GL refuses before reading. */
	uint32_t queued = enc.len;
	gl_enc_glMap2f(GL_MAP2_VERTEX_3, 0, 1, 2, 2, 0, 1, 6, 2, pts);
	CHECK(enc.error == GL_INVALID_VALUE && enc.len == queued);
	enc.error = 0;
	gl_enc_glMap1f(GL_MAP1_VERTEX_4, 0, 1, 4, GL_SIZES_MAX_EVAL_ORDER + 1, pts);
	CHECK(enc.error == GL_INVALID_VALUE && enc.len == queued);
	enc.error = 0;
	gl_enc_glMap1f(GL_MAP2_VERTEX_4, 0, 1, 4, 2, pts);
	CHECK(enc.error == GL_INVALID_ENUM && enc.len == queued);
	enc.error = 0;
	CHECK(gl_map1_count(GL_MAP1_TEXTURE_COORD_2, 2, 3) == 6);
	CHECK(gl_map2_count(GL_MAP2_COLOR_4, 4, 2, 8, 3) == 4 + 16 + 4);
	CHECK(gl_map2_count(GL_MAP2_COLOR_4, 3, 2, 8, 3) == GL_SIZE_INVALID_VALUE);

	/* The host refuses a blob short of what the driver would read, and a stride below
	 * the target's components. */
	codec_refused(GLES_OP_glMap1f,
	              (uint32_t[]){GL_MAP1_VERTEX_3, 0, 0x3f800000, 3, 2, 20, 0, 0, 0, 0, 0}, 11,
	              "glMap1f: points is 20 bytes, its arguments say 24");
	codec_refused(GLES_OP_glMap1f,
	              (uint32_t[]){GL_MAP1_VERTEX_3, 0, 0x3f800000, 2, 2, 16, 0, 0, 0, 0}, 10,
	              "glMap1f: points");

	/* Display lists: the driver's names as sent; glCallLists' names sized by type. */
	gl_enc_glNewList(5, 0x1300 /* GL_COMPILE */);
	CHECK(host_drain() && rec.fn && strcmp(rec.fn, "glNewList") == 0 && rec.i[0] == 5 &&
	      rec.e[0] == 0x1300);
	gl_enc_glCallList(5);
	CHECK(host_drain() && rec.fn && strcmp(rec.fn, "glCallList") == 0 && rec.i[0] == 5);
	gl_enc_glEndList();
	CHECK(host_drain() && rec.fn && strcmp(rec.fn, "glEndList") == 0);
	static const GLushort shorts[3] = {1, 2, 0xffff};
	gl_enc_glCallLists(3, GL_UNSIGNED_SHORT, shorts);
	CHECK(host_drain() && rec.fn && strcmp(rec.fn, "glCallLists") == 0 && rec.i[0] == 3);
	CHECK(rec.data_len == 6 && memcmp(rec.data, shorts, 6) == 0);
	static const GLubyte three[6] = {0, 0, 1, 0, 1, 0};
	gl_enc_glCallLists(2, 0x1408 /* GL_3_BYTES */, three);
	CHECK(host_drain() && rec.data_len == 6 && memcmp(rec.data, three, 6) == 0);
	gl_enc_glDeleteLists(5, 3);
	CHECK(host_drain() && rec.fn && strcmp(rec.fn, "glDeleteLists") == 0 && rec.i[0] == 5 &&
	      rec.i[1] == 3);
	queued = enc.len;
	gl_enc_glCallLists(2, GL_HALF_FLOAT, shorts);
	CHECK(enc.error == GL_INVALID_ENUM && enc.len == queued);
	enc.error = 0;
	gl_enc_glCallLists(-1, GL_UNSIGNED_BYTE, shorts);
	CHECK(enc.error == GL_INVALID_VALUE && enc.len == queued);
	enc.error = 0;
	/* n names of 4 bytes in 8 bytes: the driver would read past the blob. */
	codec_refused(GLES_OP_glCallLists, (uint32_t[]){4, GL_UNSIGNED_INT, 8, 1, 2}, 5,
	              "glCallLists: lists is 8 bytes, its arguments say 16");
	codec_refused(GLES_OP_glCallLists, (uint32_t[]){1, GL_HALF_FLOAT, 4, 1}, 4,
	              "glCallLists: lists");

	/* Between glBegin and glEnd of a GL_COMPILE_AND_EXECUTE list: listable commands of GL
	 * 1.0-1.4 that neither side follows are compiled; GL runs the others at once
	 * (glPixelStorei, queries), or a side tracks them (glBindTexture, glCopyTexImage2D,
	 * the draws); later commands are not audited (glUseProgram). */
	CHECK(gles_compiled_in_primitive(GLES_OP_glAlphaFunc));
	CHECK(gles_compiled_in_primitive(GLES_OP_glEnable));
	CHECK(gles_compiled_in_primitive(GLES_OP_glLoadIdentity));
	CHECK(gles_compiled_in_primitive(GLES_OP_glTexSubImage2D));
	CHECK(gles_compiled_in_primitive(GLES_OP_glVertex3f));
	CHECK(!gles_compiled_in_primitive(GLES_OP_glPixelStorei));
	CHECK(!gles_compiled_in_primitive(GLES_OP_glVertexPointer));
	CHECK(!gles_compiled_in_primitive(GLES_OP_glGetError));
	CHECK(!gles_compiled_in_primitive(GLES_OP_glFlush));
	CHECK(!gles_compiled_in_primitive(GLES_OP_glBindTexture));
	CHECK(gles_compiled_in_primitive(GLES_OP_glTexImage2D));
	CHECK(!gles_compiled_in_primitive(GLES_OP_glCopyTexImage2D));
	CHECK(gles_compiled_in_primitive(GLES_OP_glPushAttrib));
	CHECK(!gles_compiled_in_primitive(GLES_OP_glDrawArrays));
	CHECK(!gles_compiled_in_primitive(GLES_OP_glEndList));
	CHECK(!gles_compiled_in_primitive(GLES_OP_glUseProgram));
	CHECK(!gles_compiled_in_primitive(GL_OP_CLIENT_ARRAY));
	fake_api = GL_API_GLES2;
	fake_version = 0;
	install_fakes();
}

/* NV_primitive_restart: its two commands in a compatibility context that has the extension
 * (not without it, nor in a core one), the index through the library's hook to the host's
 * driver, glPrimitiveRestartNV taken between glBegin and glEnd; its state queried one value
 * each; the restart rule both sides skip indices by (gl_restart_index). */
void test_compat_restart_nv(void)
{
	codec_reset();
	install_compat_ff_fakes();
	struct gles_level compat = {.api = GL_API_GL_COMPAT, .version = GL_VERSION_CODE(4, 5)};
	struct gles_level core = {.api = GL_API_GL_CORE, .version = GL_VERSION_CODE(4, 5)};
	int nv = gles_extension_index("GL_NV_primitive_restart");
	CHECK(nv >= 0 && !gles_level_has(&compat, GLES_OP_glPrimitiveRestartNV));
	gles_level_add_extension(&compat, nv);
	gles_level_add_extension(&core, nv);
	CHECK(gles_level_has(&compat, GLES_OP_glPrimitiveRestartNV) &&
	      gles_level_has(&compat, GLES_OP_glPrimitiveRestartIndexNV) &&
	      !gles_level_has(&core, GLES_OP_glPrimitiveRestartIndexNV));
	fake_api = GL_API_GL_COMPAT;
	fake_version = GL_VERSION_CODE(4, 5);
	int hooks = hook_calls;
	gl_enc_glPrimitiveRestartIndexNV(0x12345678);
	CHECK(hook_calls == hooks + 1 && host_drain() &&
	      strcmp(rec.fn, "glPrimitiveRestartIndexNV") == 0 && rec.e[0] == 0x12345678);
	gl_enc_glPrimitiveRestartNV();
	CHECK(host_drain() && strcmp(rec.fn, "glPrimitiveRestartNV") == 0);
	CHECK(gl_begin_end_allows(GLES_OP_glPrimitiveRestartNV) &&
	      !gl_begin_end_allows(GLES_OP_glPrimitiveRestartIndexNV));
	CHECK(gl_get_count(0x8558 /* GL_PRIMITIVE_RESTART_NV */) == 1 &&
	      gl_get_count(0x8559 /* GL_PRIMITIVE_RESTART_INDEX_NV */) == 1);
	/* The rule: the fixed index first; patches never; GL 3.1's and NV's at theirs, both on
	 * with different indices at none (which one a driver restarts at is unknown). */
	struct gl_restart r = {.nv = true, .nv_index = 9};
	CHECK(gl_restart_index(&r, 1, GL_TRIANGLE_STRIP) == 9 &&
	      gl_restart_index(&r, 4, 0xE /* GL_PATCHES */) == GL_NO_RESTART);
	r.core = true, r.core_index = 9;
	CHECK(gl_restart_index(&r, 2, GL_TRIANGLES) == 9);
	r.core_index = 3;
	CHECK(gl_restart_index(&r, 2, GL_TRIANGLES) == GL_NO_RESTART);
	r.nv = false;
	CHECK(gl_restart_index(&r, 2, GL_TRIANGLES) == 3);
	r.fixed = true;
	CHECK(gl_restart_index(&r, 1, GL_POINTS) == 0xff &&
	      gl_restart_index(&r, 2, GL_POINTS) == 0xffff &&
	      gl_restart_index(&r, 4, GL_POINTS) == 0xffffffffu);
	CHECK(gl_restart_index(&(struct gl_restart){0}, 4, GL_POINTS) == GL_NO_RESTART);
	fake_api = GL_API_GLES2;
	fake_version = 0;
	install_fakes();
}

/* ARB assembly programs' names are their own class (gl.xml says GLSL's): made by
 * glGenProgramsARB or by binding an unused name, mapped on the host, never a GLSL program's;
 * glDeleteProgramsARB drops names that are no program's. */
void test_arb_program_names(void)
{
	codec_reset();
	install_arb_program_fakes();
	fake_api = GL_API_GL_COMPAT;
	fake_version = GL_VERSION_CODE(2, 1);
	GLuint p[2];
	gl_enc_glGenProgramsARB(2, p);
	CHECK(host_drain() && strcmp(rec.fn, "glGenProgramsARB") == 0 && rec.n == 2);
	CHECK(ex.map[GL_NAMES_ARB_PROGRAM][p[0]] && ex.map[GL_NAMES_ARB_PROGRAM][p[1]] &&
	      !ex.map[GL_NAMES_PROGRAM][p[0]]);
	gl_enc_glBindProgramARB(0x8620, p[1]);
	CHECK(host_drain() && strcmp(rec.fn, "glBindProgramARB") == 0 &&
	      rec.names[0] == ex.map[GL_NAMES_ARB_PROGRAM][p[1]]);
	/* An unused name bound is made first (one glGenProgramsARB of it on the host). */
	gl_enc_glBindProgramARB(0x8804, 77);
	CHECK(host_drain() && strcmp(rec.fn, "glBindProgramARB") == 0 &&
	      ex.map[GL_NAMES_ARB_PROGRAM][77] && rec.names[0] == ex.map[GL_NAMES_ARB_PROGRAM][77]);
	/* A GLSL program's name is no ARB program, and back. */
	GLuint glsl = gl_enc_glCreateProgram();
	CHECK(host_drain() && gl_enc_glIsProgramARB(glsl) == GL_FALSE);
	CHECK(gl_enc_glIsProgramARB(p[0]) == GL_TRUE &&
	      rec.names[0] == ex.map[GL_NAMES_ARB_PROGRAM][p[0]]);
	const GLfloat v[4] = {1, 2, 3, 4};
	gl_enc_glProgramLocalParameter4fvARB(0x8804, 3, v);
	CHECK(host_drain() && rec.i[0] == 3 && rec.f[3] == 4);
	/* Deleting: unknown names travel as nothing; known ones are forgotten. */
	GLuint del[2] = {p[0], 4000};
	gl_enc_glDeleteProgramsARB(2, del);
	CHECK(host_drain() && strcmp(rec.fn, "glDeleteProgramsARB") == 0 && rec.n == 1);
	CHECK(!ex.map[GL_NAMES_ARB_PROGRAM][p[0]] && gl_enc_glIsProgramARB(p[0]) == GL_FALSE);
	/* The host refuses a name the app never made. */
	CHECK(!codec_host_cmd(GLES_OP_glBindProgramARB, (const uint32_t[]){0x8620, 999}, 2));
	ex.failed = false;
	/* Nor is a GLSL program's name an ARB program's. */
	CHECK(!codec_host_cmd(GLES_OP_glBindProgramARB, (const uint32_t[]){0x8620, glsl}, 2));
	ex.failed = false;
	fake_api = GL_API_GLES2;
	fake_version = 0;
}
