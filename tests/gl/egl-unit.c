/*
 * Unit tests of libEGL_gpupipe's pure parts, linked to its static library:
 *   egl-unit choose   eglChooseConfig's matching and sorting on a made-up list
 *   egl-unit arrays   the vertex range a draw reads, and how it is packed
 *   egl-unit map      the name map under churn
 *   egl-unit vendors  the glvnd vendor files the fallback reads, in glvnd's order
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <GLES2/gl2.h>

#include "arrays.h"
#include "fallback.h"
#include "gles-client.h"
#include "ge.h"
#include "map.h"
#include "state.h"

static int failures;

__attribute__((format(printf, 2, 3))) static void expect(bool ok, const char *fmt, ...)
{
	if (ok)
		return;
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "FAIL: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n");
	va_end(ap);
	failures++;
}

#define ES23 (EGL_OPENGL_ES2_BIT | EGL_OPENGL_ES3_BIT)
#define WP (EGL_WINDOW_BIT | EGL_PBUFFER_BIT)
static const struct ge_config list[] = {
        /* id  r  g  b  a  depth stencil samples sbuf caveat renderable surface_type */
        {10, 8, 8, 8, 8, 24, 8, 0, 0, EGL_NONE, ES23, WP, 0, 4096, 4096},
        {11, 8, 8, 8, 0, 24, 8, 0, 0, EGL_NONE, ES23, WP, 1, 4096, 4096},
        {12, 5, 6, 5, 0, 16, 0, 0, 0, EGL_NONE, ES23, EGL_PBUFFER_BIT, 0, 4096, 4096},
        {13, 8, 8, 8, 8, 24, 8, 4, 1, EGL_NONE, ES23, WP, 0, 4096, 4096},
        {14, 8, 8, 8, 8, 0, 0, 0, 0, EGL_SLOW_CONFIG, ES23, EGL_PBUFFER_BIT, 0, 4096, 4096},
        {9, 10, 10, 10, 2, 0, 0, 0, 0, EGL_NONE, EGL_OPENGL_ES2_BIT, EGL_PBUFFER_BIT, 0, 4096,
         4096},
};
#define N (sizeof(list) / sizeof(list[0]))

/* Runs eglChooseConfig's rules; `want` is the expected id order, 0-ended. */
static void choose(const char *what, const EGLint *attribs, const EGLint *want)
{
	uint32_t picked[N];
	EGLint error = EGL_SUCCESS;
	int n = ge_configs_choose(list, N, attribs, picked, &error);
	int k = 0;
	while (want[k])
		k++;
	expect(n == k, "%s: %d configs, want %d", what, n, k);
	for (int i = 0; i < n && i < k; i++)
		expect(list[picked[i]].config_id == want[i], "%s: #%d is id %d, want %d", what, i,
		       list[picked[i]].config_id, want[i]);
}

static void test_choose(void)
{
	const EGLint es2 = EGL_OPENGL_ES2_BIT;
	choose("default attributes want ES 1", (EGLint[]){EGL_NONE}, (EGLint[]){0});
	choose("windows, ES 2", (EGLint[]){EGL_RENDERABLE_TYPE, es2, EGL_NONE},
	       (EGLint[]){11, 10, 13, 0});
	choose("alpha requested counts alpha bits",
	       (EGLint[]){EGL_RENDERABLE_TYPE, es2, EGL_SURFACE_TYPE, EGL_PBUFFER_BIT,
	                  EGL_ALPHA_SIZE, 1, EGL_NONE},
	       (EGLint[]){10, 13, 9, 14, 0});
	choose("red requested: more red bits first, slow last",
	       (EGLint[]){EGL_RENDERABLE_TYPE, es2, EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_RED_SIZE,
	                  1, EGL_NONE},
	       (EGLint[]){9, 11, 10, 13, 12, 14, 0});
	choose("nothing requested: smaller buffers first",
	       (EGLint[]){EGL_RENDERABLE_TYPE, es2, EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_NONE},
	       (EGLint[]){12, 11, 9, 10, 13, 14, 0}); /* 9 before 10: less depth */
	choose("EGL_DONT_CARE skips a check",
	       (EGLint[]){EGL_RENDERABLE_TYPE, es2, EGL_SURFACE_TYPE, EGL_DONT_CARE,
	                  EGL_CONFIG_CAVEAT, EGL_NONE, EGL_DEPTH_SIZE, 1, EGL_NONE},
	       (EGLint[]){12, 11, 10, 13, 0});
	choose("samples at least", (EGLint[]){EGL_RENDERABLE_TYPE, es2, EGL_SAMPLES, 2, EGL_NONE},
	       (EGLint[]){13, 0});
	choose("EGL_CONFIG_ID overrides everything else",
	       (EGLint[]){EGL_CONFIG_ID, 12, EGL_SURFACE_TYPE, EGL_WINDOW_BIT, EGL_NONE},
	       (EGLint[]){12, 0});
	choose("EGL_NATIVE_VISUAL_ID is ignored",
	       (EGLint[]){EGL_RENDERABLE_TYPE, es2, EGL_NATIVE_VISUAL_ID, 77, EGL_NONE},
	       (EGLint[]){11, 10, 13, 0});
	choose("no pixmaps to match",
	       (EGLint[]){EGL_RENDERABLE_TYPE, es2, EGL_MATCH_NATIVE_PIXMAP, 1, EGL_NONE},
	       (EGLint[]){0});

	uint32_t picked[N];
	EGLint error = EGL_SUCCESS;
	expect(ge_configs_choose(list, N, (EGLint[]){0x1234, 0, EGL_NONE}, picked, &error) < 0 &&
	               error == EGL_BAD_ATTRIBUTE,
	       "an unknown attribute is EGL_BAD_ATTRIBUTE");
	expect(ge_configs_choose(list, N, (EGLint[]){EGL_RED_SIZE, -5, EGL_NONE}, picked, &error) <
	               0,
	       "a negative size is EGL_BAD_ATTRIBUTE");
	expect(ge_configs_choose(list, N, (EGLint[]){EGL_COLOR_BUFFER_TYPE, 7, EGL_NONE}, picked,
	                         &error) < 0,
	       "a bad colour buffer type is EGL_BAD_ATTRIBUTE");
	expect(ge_configs_choose(list, N, NULL, picked, &error) == 0, "NULL attributes: defaults");

	struct gl_config_info host[4] = {{1, 8, 8, 8, 8, 24, 8, 0, 0, 0, 0x4f},
	                                 {2, 5, 6, 5, 0, 16, 0, 0, 0, EGL_SLOW_CONFIG, 0x4},
	                                 {0, 8, 8, 8, 8, 0, 0, 0, 0, 0, 0x4},
	                                 {3, 8, 8, 8, 8, 0, 0, 0, 0, 0, EGL_OPENGL_BIT}};
	struct gl_host_info info = {.max_width = 2048, .max_height = 1024};
	struct ge_config out[4];
	expect(ge_configs_from_host(host, 4, &info, ES23, out) == 2,
	       "config id 0 and a config of no streamed API are dropped");
	expect(out[0].renderable == ES23 && out[1].renderable == EGL_OPENGL_ES2_BIT,
	       "renderable: the host's bits of the streamed APIs");
	expect((out[0].surface_type & EGL_WINDOW_BIT) && !(out[1].surface_type & EGL_WINDOW_BIT),
	       "only 8-bit colour configs draw windows");
	EGLint v = 0;
	expect(ge_config_attrib(&out[1], EGL_CONFIG_CAVEAT, &v) && v == EGL_SLOW_CONFIG, "caveat");
	expect(ge_config_attrib(&out[0], EGL_MAX_PBUFFER_PIXELS, &v) && v == 2048 * 1024,
	       "max pbuffer pixels");
	expect(!ge_config_attrib(&out[0], 0x1234, &v), "unknown attribute");
}

static void test_arrays(void)
{
	uint32_t min = 0, max = 0;
	const uint8_t i8[] = {7, 3, 9, 3};
	const uint16_t i16[] = {500, 2, 65535};
	const uint32_t i32[] = {70000, 69999, 4000000000u};
	expect(ge_index_range(GL_UNSIGNED_BYTE, i8, 4, GL_NO_RESTART, &min, &max) && min == 3 &&
	               max == 9,
	       "byte indices: 3..9, got %u..%u", min, max);
	expect(ge_index_range(GL_UNSIGNED_SHORT, i16, 3, GL_NO_RESTART, &min, &max) && min == 2 &&
	               max == 65535,
	       "short indices: 2..65535");
	expect(ge_index_range(GL_UNSIGNED_INT, i32, 3, GL_NO_RESTART, &min, &max) && min == 69999 &&
	               max == 4000000000u,
	       "int indices");
	expect(ge_index_range(GL_UNSIGNED_SHORT, (const uint8_t *)i16 + 1, 1, GL_NO_RESTART, &min,
	                      &max),
	       "unaligned indices are read safely");
	expect(!ge_index_range(GL_UNSIGNED_SHORT, i16, 0, GL_NO_RESTART, &min, &max),
	       "no indices, no range");
	expect(!ge_index_range(GL_FLOAT, i16, 3, GL_NO_RESTART, &min, &max), "not an index type");
	/* The restart index fetches no vertex: out of the range, whatever its size. */
	expect(ge_index_range(GL_UNSIGNED_SHORT, i16, 3, 65535, &min, &max) && min == 2 &&
	               max == 500,
	       "the restart index is left out: 2..500, got %u..%u", min, max);
	expect(ge_index_range(GL_UNSIGNED_INT, i32, 3, 4000000000u, &min, &max) && min == 69999 &&
	               max == 70000,
	       "a large restart index is left out");
	expect(ge_index_range(GL_UNSIGNED_BYTE, i8, 4, 3, &min, &max) && min == 7 && max == 9,
	       "every copy of the restart index is left out");
	const uint8_t all[] = {9, 9};
	expect(ge_index_range(GL_UNSIGNED_BYTE, all, 2, 9, &min, &max) && min == 0 && max == 0,
	       "only restarts: vertex 0, as the host checks");
	expect(ge_index_range(GL_UNSIGNED_BYTE, i8, 4, 0x109, &min, &max) && min == 3 && max == 9,
	       "a restart index above the type's values matches none");

	expect(ge_attrib_type_size(GL_FLOAT) == 4 && ge_attrib_type_size(GL_SHORT) == 2 &&
	               ge_attrib_type_size(GL_UNSIGNED_BYTE) == 1 &&
	               ge_attrib_type_size(GL_INT) == 4 && ge_attrib_type_size(0x140A) == 0 &&
	               ge_attrib_elem_bytes(4, GL_INT_2_10_10_10_REV, false) == 4 &&
	               ge_attrib_elem_bytes(3, GL_INT_2_10_10_10_REV, false) == 0 &&
	               ge_attrib_elem_bytes(3, 0x140A /* GL_DOUBLE */, true) == 24 &&
	               ge_attrib_elem_bytes(3, 0x140A, false) == 0 &&
	               ge_attrib_elem_bytes(3, 0x8C3B /* 10F_11F_11F_REV */, true) == 4 &&
	               ge_attrib_elem_bytes(4, 0x8C3B, true) == 0,
	       "attribute type sizes");

	/* Interleaved position (2 floats) + colour (4 bytes): stride 12. */
	struct vtx {
		float x, y;
		uint8_t rgba[4];
	} v[6];
	for (int i = 0; i < 6; i++)
		v[i] = (struct vtx){(float)i, (float)-i, {(uint8_t)i, 1, 2, 3}};
	float pos[6];
	ge_pack_vertices((uint8_t *)pos, (const uint8_t *)v, 2, 3, 8, sizeof(struct vtx));
	expect(pos[0] == 2 && pos[1] == -2 && pos[4] == 4 && pos[5] == -4,
	       "strided vertices [2, 5) are packed");
	uint8_t col[8];
	ge_pack_vertices(col, (const uint8_t *)v + 8, 4, 2, 4, sizeof(struct vtx));
	expect(col[0] == 4 && col[4] == 5 && col[5] == 1, "an attribute at an offset");
	float tight[4] = {0};
	const float src[8] = {0, 1, 2, 3, 4, 5, 6, 7};
	ge_pack_vertices((uint8_t *)tight, (const uint8_t *)src, 1, 2, 8, 0);
	expect(tight[0] == 2 && tight[3] == 5, "stride 0 means tightly packed");

	/* What gles-array-again.c compares before sending a client array's header alone. */
	expect(ge_vertices_equal((const uint8_t *)pos, (const uint8_t *)v, 2, 3, 8,
	                         sizeof(struct vtx)),
	       "strided vertices equal their packed copy");
	v[3].y = 99;
	expect(!ge_vertices_equal((const uint8_t *)pos, (const uint8_t *)v, 2, 3, 8,
	                          sizeof(struct vtx)),
	       "a vertex written in place differs");
	v[3].y = -3;
	v[3].rgba[0] = 77; /* in the range, between the attribute's elements */
	expect(ge_vertices_equal((const uint8_t *)pos, (const uint8_t *)v, 2, 3, 8,
	                         sizeof(struct vtx)),
	       "bytes between the attribute's elements do not count");
	v[1].x = 77; /* outside the range */
	expect(ge_vertices_equal((const uint8_t *)pos, (const uint8_t *)v, 2, 3, 8,
	                         sizeof(struct vtx)),
	       "vertices outside the range do not count");
	expect(ge_vertices_equal((const uint8_t *)tight, (const uint8_t *)src, 1, 2, 8, 0),
	       "tightly packed vertices equal their copy");
	expect(!ge_vertices_equal((const uint8_t *)tight, (const uint8_t *)src, 0, 2, 8, 0),
	       "another range of the same array differs");
}

/* gles-array-again.c: an array kept is sent as its header alone while unchanged; one that
 * changed at 4 draws in a row rests for 64 before it is kept again. */
static void test_array_again(void)
{
	struct ge_gl_state *gl = calloc(1, sizeof(*gl));
	float v[100 * 4];
	for (int i = 0; i < 400; i++)
		v[i] = (float)i;
	struct gl_client_array h = {
	        .array = GL_ARRAY_ATTRIB, .size = 4, .type = GL_FLOAT, .count = 100};
	const uint32_t n = sizeof(v);
	expect(!ge_array_again(gl, 0, &h, v, 16, 0), "nothing kept before the first draw");
	ge_array_sent(gl, 0, &h, (const uint8_t *)v, n);
	expect(ge_array_again(gl, 0, &h, v, 16, 0), "the same vertices: the header alone");
	struct gl_client_array fewer = h;
	fewer.count = 99;
	expect(!ge_array_again(gl, 0, &fewer, v, 16, 0), "another range is sent");
	expect(!ge_array_again(gl, 1, &h, v, 16, 0), "another array is sent");
	int misses = 0;
	for (; misses < 4; misses++) {
		v[misses] += 1000;
		expect(!ge_array_again(gl, 0, &h, v, 16, 0), "a vertex changed in place is sent");
		ge_array_sent(gl, 0, &h, (const uint8_t *)v, n);
	}
	int rested = 0;
	while (!ge_array_again(gl, 0, &h, v, 16, 0) && rested < 1000) {
		ge_array_sent(gl, 0, &h, (const uint8_t *)v, n);
		rested++;
	}
	/* 64 draws sent whole without a copy, the 65th copied, the next its header alone. */
	expect(rested == 65, "an array that changed at 4 draws in a row rests for 64 (%d)",
	       rested - 1);
	/* A copy shrinks with its array: 64 MiB of copies stay available to the others. */
	static float big[300000 * 4]; /* 4.6 MiB */
	struct gl_client_array hb = {
	        .array = GL_ARRAY_ATTRIB, .index = 3, .size = 4, .type = GL_FLOAT, .count = 300000};
	for (int round = 0; round < 40; round++) {
		hb.count = round % 2 ? 300000 : 1000;
		ge_array_sent(gl, 3, &hb, (const uint8_t *)big, hb.count * 16);
		ge_array_sent(gl, 4 + (uint32_t)round % 8, &hb, (const uint8_t *)big,
		              hb.count * 16);
	}
	hb.count = 300000;
	hb.index = 12;
	ge_array_sent(gl, 12, &hb, (const uint8_t *)big, sizeof(big));
	expect(ge_array_again(gl, 12, &hb, big, 16, 0),
	       "a big array is still kept after others grew and shrank");
	float small[8] = {0};
	struct gl_client_array hs = {
	        .array = GL_ARRAY_ATTRIB, .index = 2, .size = 4, .type = GL_FLOAT, .count = 2};
	ge_array_sent(gl, 2, &hs, (const uint8_t *)small, sizeof(small));
	expect(!ge_array_again(gl, 2, &hs, small, 16, 0), "arrays under 1 KiB are not kept");
	ge_array_copies_free(gl);
	free(gl);
}

static void test_map(void)
{
	struct ge_map m = {0};
	static char on;
	for (uint32_t i = 1; i <= 5000; i++)
		expect(ge_map_put(&m, i * 7919u, &on), "put %u", i);
	for (uint32_t i = 1; i <= 5000; i += 2)
		expect(ge_map_remove(&m, i * 7919u) == &on, "remove %u", i);
	for (uint32_t i = 1; i <= 5000; i++)
		expect((ge_map_get(&m, i * 7919u) != NULL) == (i % 2 == 0), "get %u after removals",
		       i);
	expect(m.count == 2500, "count %u", m.count);
	expect(!ge_map_get(&m, 0) && !ge_map_put(&m, 0, &on), "0 is never a key");
	ge_map_finish(&m);
}

static void write_file(const char *dir, const char *name, const char *text)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	expect(f != NULL, "cannot write %s", path);
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static void expect_paths(const char *what, char **got, const char *const *want)
{
	int i = 0;
	expect(got != NULL, "%s: no list", what);
	for (; got && got[i] && want[i]; i++)
		expect(strcmp(got[i], want[i]) == 0, "%s: #%d is %s, want %s", what, i, got[i],
		       want[i]);
	expect(got && !got[i] && !want[i], "%s: %s past #%d", what,
	       got && got[i] ? "more libraries than expected" : "fewer libraries than expected", i);
	ge_fb_free_paths(got);
}

#define VENDOR(lib)                                                                                \
	"{\"file_format_version\" : \"1.0.0\", \"ICD\" : {\"library_path\" : \"" lib "\"}}"

/* glvnd's order: __EGL_VENDOR_LIBRARY_FILENAMES as given, else each directory of
 * __EGL_VENDOR_LIBRARY_DIRS (or its defaults) in turn, its *.json sorted by name. */
static void test_vendors(void)
{
	char root[] = "/tmp/egl-unit-vendors.XXXXXX";
	if (!mkdtemp(root)) {
		expect(false, "mkdtemp");
		return;
	}
	char d1[600], d2[600], f1[700], f2[700], dirs[1300], files[1500];
	snprintf(d1, sizeof(d1), "%s/one", root);
	snprintf(d2, sizeof(d2), "%s/two", root);
	expect(mkdir(d1, 0700) == 0 && mkdir(d2, 0700) == 0, "mkdir");
	write_file(d1, "50_mesa.json", VENDOR("libEGL_mesa.so.0"));
	write_file(d1, "10_gpupipe.json",
	           "{\n  \"file_format_version\": \"1.0.0\",\n  \"ICD\": {\n    "
	           "\"library_path\"  :\n \"/usr/lib/libEGL_gpupipe.so.0\"\n  }\n}\n");
	write_file(d1, "30_escaped.json", VENDOR("\\/opt\\/lib\\/libEGL_x.so"));
	write_file(d1, "20_broken.json", "{\"ICD\": {\"api_version\": \"1.5\"}}");
	write_file(d1, "40_empty.json", VENDOR(""));
	write_file(d1, "60_mesa.txt", VENDOR("libEGL_not_json.so"));
	write_file(d2, "05_nvidia.json", VENDOR("libEGL_nvidia.so.0"));
	snprintf(dirs, sizeof(dirs), "%s:%s/missing:%s", d1, root, d2);
	expect_paths("directories", ge_fb_vendor_paths(NULL, dirs),
	             (const char *const[]){"/usr/lib/libEGL_gpupipe.so.0", "/opt/lib/libEGL_x.so",
	                                   "libEGL_mesa.so.0", "libEGL_nvidia.so.0", NULL});
	snprintf(f1, sizeof(f1), "%s/50_mesa.json", d1);
	snprintf(f2, sizeof(f2), "%s/05_nvidia.json", d2);
	snprintf(files, sizeof(files), "%s:%s/none.json:%s", f1, root, f2);
	expect_paths("files win over directories, in their order", ge_fb_vendor_paths(files, dirs),
	             (const char *const[]){"libEGL_mesa.so.0", "libEGL_nvidia.so.0", NULL});
	snprintf(dirs, sizeof(dirs), "%s/missing", root);
	expect_paths("no directory", ge_fb_vendor_paths(NULL, dirs), (const char *const[]){NULL});
	expect(ge_fb_json_library_path("{\"library_path\": 3}") == NULL, "a number is no path");
	expect(ge_fb_json_library_path("{\"library_path\": \"unterminated") == NULL,
	       "an unterminated string is no path");
	expect(ge_fb_json_library_path(NULL) == NULL, "no text, no path");
	char cmd[700];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	expect(system(cmd) == 0, "rm -rf %s", root);
}

int main(int argc, char **argv)
{
	if (argc != 2)
		return 2;
	if (strcmp(argv[1], "choose") == 0)
		test_choose();
	else if (strcmp(argv[1], "arrays") == 0)
		test_arrays();
	else if (strcmp(argv[1], "array-again") == 0)
		test_array_again();
	else if (strcmp(argv[1], "map") == 0)
		test_map();
	else if (strcmp(argv[1], "vendors") == 0)
		test_vendors();
	else
		return 2;
	if (!failures)
		printf("ok: %s\n", argv[1]);
	return failures ? 1 : 0;
}
