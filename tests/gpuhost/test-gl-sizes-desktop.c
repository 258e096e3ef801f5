/*
 * The size helpers' desktop OpenGL answers against a real core-profile driver (llvmpipe
 * here), the oracle test-gl-sizes-pixels.c uses for ES: a pixel buffer of exactly the
 * helper's size must work and one byte less must fail (GL_INVALID_OPERATION).
 *   unpack   glTexSubImage2D of desktop GL's format/type pairs (GL_BGRA, the 3_3_2, _REV and
 *            8_8_8_8 packed types, GL_RED with GL_UNSIGNED_SHORT, depth as floats, ...),
 *            gl_unpack_size of a desktop pixel state
 *   teximage glGetTexImage of 1D, 2D, 3D and array levels (gl_pack_size_3d), over
 *            alignments, row lengths, image heights and skips: what gpupipe-host lets the
 *            driver write into the reply (less a 1D array with an image height, which
 *            gpupipe refuses: gl_teximage_pack_ok)
 *   params   glGet{Tex,Sampler,Framebuffer}Parameteriv, glGetVertexAttribiv and
 *            glGetQueryObjectiv over every pname: the counts of gl_texparam_count_ps and its
 *            kin in a desktop context, both ways
 *   get-core, get-compat  glGetIntegerv over every pname in a core and a compatibility
 *            context: gl_get_count, both ways
 * Skips (77) without a surfaceless core-profile context.
 */
#define GL_GLEXT_PROTOTYPES 1
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GL/gl.h>
#include <GL/glext.h>

#include <gpupipe/gl-codec.h>
#include <gpupipe/gl-sizes.h>

#define SIDE 8

static int failures, checked;
static GLuint pack_buffer;

static void skip(const char *why)
{
	fprintf(stderr, "SKIP: %s\n", why);
	exit(77);
}

static void context(EGLint profile)
{
	PFNEGLGETPLATFORMDISPLAYEXTPROC get_display =
	        (PFNEGLGETPLATFORMDISPLAYEXTPROC)eglGetProcAddress("eglGetPlatformDisplayEXT");
	if (!get_display)
		skip("EGL has no eglGetPlatformDisplayEXT");
	EGLDisplay dpy = get_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, NULL);
	if (dpy == EGL_NO_DISPLAY || !eglInitialize(dpy, NULL, NULL) || !eglBindAPI(EGL_OPENGL_API))
		skip("no surfaceless EGL display with desktop OpenGL");
	const EGLint attribs[] = {EGL_CONTEXT_MAJOR_VERSION,
	                          3,
	                          EGL_CONTEXT_MINOR_VERSION,
	                          2,
	                          EGL_CONTEXT_OPENGL_PROFILE_MASK,
	                          profile,
	                          EGL_NONE};
	EGLContext ctx = eglCreateContext(dpy, EGL_NO_CONFIG_KHR, EGL_NO_CONTEXT, attribs);
	if (ctx == EGL_NO_CONTEXT || !eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, ctx))
		skip("no OpenGL 3.2 context of that profile without a surface");
	printf("# %s, %s\n", (const char *)glGetString(GL_RENDERER),
	       (const char *)glGetString(GL_VERSION));
}

static GLenum error(void)
{
	GLenum first = glGetError();
	while (first != GL_NO_ERROR && glGetError() != GL_NO_ERROR)
		;
	return first;
}

static void store(const struct gl_pixel_state *ps)
{
	glPixelStorei(GL_UNPACK_ALIGNMENT, ps->unpack_alignment);
	glPixelStorei(GL_UNPACK_ROW_LENGTH, ps->unpack_row_length);
	glPixelStorei(GL_UNPACK_SKIP_PIXELS, ps->unpack_skip_pixels);
	glPixelStorei(GL_UNPACK_SKIP_ROWS, ps->unpack_skip_rows);
	glPixelStorei(GL_PACK_ALIGNMENT, ps->pack_alignment);
	glPixelStorei(GL_PACK_ROW_LENGTH, ps->pack_row_length);
	glPixelStorei(GL_PACK_SKIP_PIXELS, ps->pack_skip_pixels);
	glPixelStorei(GL_PACK_SKIP_ROWS, ps->pack_skip_rows);
	glPixelStorei(GL_PACK_IMAGE_HEIGHT, ps->pack_image_height);
	glPixelStorei(GL_PACK_SKIP_IMAGES, ps->pack_skip_images);
}

/* `run` with a buffer of exactly `size` bytes works, with one less it does not. */
static void exact(GLenum target, int64_t size, void (*run)(const void *), const void *arg,
                  const char *what)
{
	if (size <= 0) {
		fprintf(stderr, "FAIL: %s: helper size %lld\n", what, (long long)size);
		failures++;
		return;
	}
	glBufferData(target, size, NULL, GL_STREAM_COPY);
	run(arg);
	GLenum err = error();
	if (err != GL_NO_ERROR) {
		fprintf(stderr, "FAIL: %s: error 0x%04X with the helper's %lld bytes\n", what, err,
		        (long long)size);
		failures++;
	}
	glBufferData(target, size - 1, NULL, GL_STREAM_COPY);
	run(arg);
	err = error();
	if (err != GL_INVALID_OPERATION) {
		fprintf(stderr,
		        "FAIL: %s: error 0x%04X with one byte less than the helper's %lld\n", what,
		        err, (long long)size);
		failures++;
	}
	checked++;
}

/* Every upload is 5x3 texels. */
struct upload {
	GLenum internal, format, type;
};

static void run_upload(const void *arg)
{
	const struct upload *u = arg;
	glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, 5, 3, u->format, u->type, NULL);
}

static void unpack(void)
{
	static const struct upload pairs[] = {
	        {GL_RGBA8, GL_BGRA, GL_UNSIGNED_BYTE},
	        {GL_RGBA8, GL_BGRA, GL_UNSIGNED_INT_8_8_8_8_REV},
	        {GL_RGBA8, GL_RGBA, GL_UNSIGNED_INT_8_8_8_8},
	        {GL_RGB10_A2, GL_RGBA, GL_UNSIGNED_INT_10_10_10_2},
	        {GL_RGBA4, GL_BGRA, GL_UNSIGNED_SHORT_4_4_4_4_REV},
	        {GL_RGB5_A1, GL_BGRA, GL_UNSIGNED_SHORT_1_5_5_5_REV},
	        {GL_R3_G3_B2, GL_RGB, GL_UNSIGNED_BYTE_3_3_2},
	        {GL_R3_G3_B2, GL_RGB, GL_UNSIGNED_BYTE_2_3_3_REV},
	        {GL_RGB8, GL_RGB, GL_UNSIGNED_SHORT_5_6_5_REV},
	        {GL_RGB8, GL_BGR, GL_UNSIGNED_BYTE},
	        {GL_R16, GL_RED, GL_UNSIGNED_SHORT},
	        {GL_R8, GL_GREEN, GL_UNSIGNED_INT},
	        {GL_RG32F, GL_RG, GL_FLOAT},
	        {GL_RGBA8UI, GL_BGRA_INTEGER, GL_UNSIGNED_BYTE},
	        {GL_RGB8UI, GL_RGB_INTEGER, GL_UNSIGNED_BYTE_3_3_2},
	        {GL_DEPTH_COMPONENT32F, GL_DEPTH_COMPONENT, GL_FLOAT},
	        {GL_DEPTH_COMPONENT24, GL_DEPTH_COMPONENT, GL_UNSIGNED_INT},
	};
	static const int alignments[] = {1, 2, 4, 8}, lengths[] = {0, 11}, skips[] = {0, 3};
	GLuint tex, buf;
	glGenTextures(1, &tex);
	glGenBuffers(1, &buf);
	glBindBuffer(GL_PIXEL_UNPACK_BUFFER, buf);
	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		glDeleteTextures(1, &tex);
		glGenTextures(1, &tex);
		glBindTexture(GL_TEXTURE_2D, tex);
		glTexStorage2D(GL_TEXTURE_2D, 1, pairs[i].internal, SIDE, SIDE);
		for (size_t a = 0; a < 4; a++)
			for (size_t l = 0; l < 2; l++)
				for (size_t s = 0; s < 2; s++) {
					struct gl_pixel_state ps = {
					        .pack_alignment = 4,
					        .unpack_alignment = alignments[a],
					        .unpack_row_length = lengths[l],
					        .unpack_skip_pixels = skips[s],
					        .unpack_skip_rows = skips[1 - s],
					        .desktop = true};
					store(&ps);
					struct upload u = pairs[i];
					char what[160];
					snprintf(what, sizeof(what),
					         "glTexSubImage2D 0x%04X/0x%04X alignment %d row "
					         "length "
					         "%d skips %d",
					         u.format, u.type, alignments[a], lengths[l],
					         skips[s]);
					exact(GL_PIXEL_UNPACK_BUFFER,
					      gl_unpack_size(&ps, 5, 3, 1, u.format, u.type, false),
					      run_upload, &u, what);
				}
	}
	glBindBuffer(GL_PIXEL_UNPACK_BUFFER, 0);
	glDeleteBuffers(1, &buf);
	glDeleteTextures(1, &tex);
}

struct readback {
	GLenum target, format, type;
};

static void run_readback(const void *arg)
{
	const struct readback *r = arg;
	glGetTexImage(r->target, 0, r->format, r->type, NULL);
}

/* Into memory, the driver writes nothing past the helper's size (the host's reply); into
 * a pack buffer, exactly that size works and one byte less fails, except for 2D arrays,
 * whose bounds check in Mesa 22 counts less than it writes (the host checks a pack buffer
 * against the helper's size itself). */
static void readback(const struct readback *r, int64_t size, const char *what)
{
	if (size <= 0 || size > (1 << 20)) {
		fprintf(stderr, "FAIL: %s: helper size %lld\n", what, (long long)size);
		failures++;
		return;
	}
	glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
	uint8_t *mem = malloc((size_t)size + 64);
	memset(mem, 0xee, (size_t)size + 64);
	glGetTexImage(r->target, 0, r->format, r->type, mem);
	GLenum err = error();
	for (int i = 0; i < 64; i++) {
		if (mem[size + i] != 0xee) {
			fprintf(stderr,
			        "FAIL: %s: the driver wrote byte %lld, past the helper's %lld\n",
			        what, (long long)size + i, (long long)size);
			failures++;
			break;
		}
	}
	free(mem);
	if (err != GL_NO_ERROR) {
		fprintf(stderr, "FAIL: %s: error 0x%04X into memory\n", what, err);
		failures++;
	}
	glBindBuffer(GL_PIXEL_PACK_BUFFER, pack_buffer);
	if (r->target == GL_TEXTURE_2D_ARRAY) {
		glBufferData(GL_PIXEL_PACK_BUFFER, size, NULL, GL_STREAM_COPY);
		run_readback(r);
		if ((err = error()) != GL_NO_ERROR) {
			fprintf(stderr, "FAIL: %s: error 0x%04X with the helper's %lld bytes\n",
			        what, err, (long long)size);
			failures++;
		}
		checked++;
		return;
	}
	exact(GL_PIXEL_PACK_BUFFER, size, run_readback, r, what);
}

static void teximage(void)
{
	static const struct {
		GLenum target;
		int w, h, d;
	} levels[] = {
	        {GL_TEXTURE_1D, 7, 1, 1},       {GL_TEXTURE_2D, 5, 3, 1},
	        {GL_TEXTURE_1D_ARRAY, 6, 3, 1}, {GL_TEXTURE_3D, 3, 5, 4},
	        {GL_TEXTURE_2D_ARRAY, 5, 2, 3},
	};
	static const struct readback pairs[] = {
	        {0, GL_RGBA, GL_UNSIGNED_BYTE},
	        {0, GL_RGB, GL_UNSIGNED_BYTE},
	        {0, GL_BGRA, GL_UNSIGNED_INT_8_8_8_8_REV},
	        {0, GL_RED, GL_FLOAT},
	        {0, GL_RGB, GL_UNSIGNED_BYTE_3_3_2},
	};
	static const int alignments[] = {1, 4, 8}, heights[] = {0, 7}, skips[] = {0, 2};
	GLuint tex;
	glGenBuffers(1, &pack_buffer);
	glBindBuffer(GL_PIXEL_PACK_BUFFER, pack_buffer);
	for (size_t t = 0; t < sizeof(levels) / sizeof(levels[0]); t++) {
		glGenTextures(1, &tex);
		glBindTexture(levels[t].target, tex);
		GLenum target = levels[t].target;
		if (target == GL_TEXTURE_1D)
			glTexStorage1D(target, 1, GL_RGBA8, levels[t].w);
		else if (target == GL_TEXTURE_2D || target == GL_TEXTURE_1D_ARRAY)
			glTexStorage2D(target, 1, GL_RGBA8, levels[t].w, levels[t].h);
		else
			glTexStorage3D(target, 1, GL_RGBA8, levels[t].w, levels[t].h, levels[t].d);
		bool three_d = gl_teximage_target_3d(target);
		for (size_t p = 0; p < sizeof(pairs) / sizeof(pairs[0]); p++)
			for (size_t a = 0; a < 3; a++)
				for (size_t h = 0; h < 2; h++)
					for (size_t s = 0; s < 2; s++) {
						struct gl_pixel_state ps = {
						        .pack_alignment = alignments[a],
						        .unpack_alignment = 4,
						        .pack_row_length = s ? 9 : 0,
						        .pack_skip_rows = skips[s],
						        .pack_skip_pixels = skips[1 - s],
						        .pack_image_height = heights[h],
						        .pack_skip_images = skips[s],
						        .desktop = true};
						store(&ps);
						struct readback r = pairs[p];
						r.target = target;
						/* Refused by gpupipe (gl-sizes.h says why). */
						if (!gl_teximage_pack_ok(&ps, target))
							continue;
						char what[200];
						snprintf(what, sizeof(what),
						         "glGetTexImage 0x%04X 0x%04X/0x%04X "
						         "alignment "
						         "%d image height %d skips %d",
						         target, r.format, r.type, alignments[a],
						         heights[h], skips[s]);
						readback(&r,
						         gl_pack_size_3d(&ps, levels[t].w,
						                         levels[t].h, levels[t].d,
						                         r.format, r.type, three_d),
						         what);
					}
		glDeleteTextures(1, &tex);
	}
	glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
	glDeleteBuffers(1, &pack_buffer);
}

/* ---- params: the parameter queries both APIs share, with desktop GL's pnames ----
 * For every value 0..0xFFFF: a value the helper knows in a desktop context must be written
 * with exactly its count (or refused: a compatibility profile's, say), and a value the
 * driver answers must be known, unless refused on purpose below (as test-gl-sizes-counts.c
 * does for ES). */

#define PARAM_VALUES 1024

static const struct {
	const char *family;
	uint32_t pname;
	const char *why;
} param_refused[] = {
        {"texparam", 0x9580, "GL_TEXTURE_TILING_EXT: EXT_memory_object, not across a VM"},
};

static GLuint param_tex, param_sampler, param_fbo;

static void get_texparam(uint32_t pname, GLint *v)
{
	glGetTexParameteriv(GL_TEXTURE_2D, pname, v);
}

static void get_sampler(uint32_t pname, GLint *v)
{
	glGetSamplerParameteriv(param_sampler, pname, v);
}

static GLuint param_query;

static void get_vertex_attrib(uint32_t pname, GLint *v)
{
	glGetVertexAttribiv(0, pname, v);
}

static void get_query_object(uint32_t pname, GLint *v)
{
	glGetQueryObjectiv(param_query, pname, v);
}

static int64_t vertex_attrib_count(const struct gl_pixel_state *ps, uint32_t pname)
{
	(void)ps;
	return gl_vertex_attrib_count(pname);
}

static int64_t query_object_count(const struct gl_pixel_state *ps, uint32_t pname)
{
	(void)ps;
	return gl_query_object_count(pname);
}

static void get_framebuffer(uint32_t pname, GLint *v)
{
	glGetFramebufferParameteriv(GL_FRAMEBUFFER, pname, v);
}

/* Values one call writes (two calls over two sentinels), -1 where GL refuses it. */
static int param_written(void (*get)(uint32_t, GLint *), uint32_t pname)
{
	static GLint a[PARAM_VALUES], b[PARAM_VALUES];
	memset(a, 0xa5, sizeof(a));
	memset(b, 0x5a, sizeof(b));
	error();
	get(pname, a);
	if (error() != GL_NO_ERROR)
		return -1;
	get(pname, b);
	int n = 0;
	for (int i = 0; i < PARAM_VALUES; i++) {
		if (a[i] != (GLint)0xa5a5a5a5 || b[i] != (GLint)0x5a5a5a5a)
			n = i + 1;
	}
	return n;
}

static bool param_refused_on_purpose(const char *family, uint32_t pname)
{
	for (size_t i = 0; i < sizeof(param_refused) / sizeof(param_refused[0]); i++) {
		if (param_refused[i].pname == pname && strcmp(param_refused[i].family, family) == 0)
			return true;
	}
	return false;
}

static void param_family(const char *family,
                         int64_t (*count)(const struct gl_pixel_state *, uint32_t),
                         void (*get)(uint32_t, GLint *))
{
	const struct gl_pixel_state ps = {.desktop = true};
	int answered = 0;
	for (uint32_t pname = 0; pname < 0x10000; pname++) {
		int64_t helper = count(&ps, pname);
		int n = param_written(get, pname);
		if (n < 0)
			continue;
		answered++;
		checked++;
		if (helper < 0 && !param_refused_on_purpose(family, pname)) {
			fprintf(stderr,
			        "FAIL: %s: the driver answers 0x%04X with %d values, the helper "
			        "refuses it\n",
			        family, pname, n);
			failures++;
		} else if (helper >= 0 && n != helper) {
			fprintf(stderr,
			        "FAIL: %s: the driver writes %d values for 0x%04X, the helper "
			        "says %lld\n",
			        family, n, pname, (long long)helper);
			failures++;
		}
	}
	printf("# %s: %d values answered by the driver\n", family, answered);
}

static void params(void)
{
	glGenTextures(1, &param_tex);
	glBindTexture(GL_TEXTURE_2D, param_tex);
	glTexStorage2D(GL_TEXTURE_2D, 1, GL_RGBA8, 4, 4);
	glGenSamplers(1, &param_sampler);
	GLuint rb;
	glGenRenderbuffers(1, &rb);
	glBindRenderbuffer(GL_RENDERBUFFER, rb);
	glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, 4, 4);
	glGenFramebuffers(1, &param_fbo);
	glBindFramebuffer(GL_FRAMEBUFFER, param_fbo);
	glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb);
	param_family("texparam", gl_texparam_count_ps, get_texparam);
	param_family("sampler", gl_sampler_param_count_ps, get_sampler);
	param_family("framebuffer", gl_framebuffer_param_count_ps, get_framebuffer);
	/* A vertex attribute set by glVertexAttribLPointer, and an ended occlusion query. */
	GLuint vao, buf;
	glGenVertexArrays(1, &vao);
	glBindVertexArray(vao);
	glGenBuffers(1, &buf);
	glBindBuffer(GL_ARRAY_BUFFER, buf);
	glBufferData(GL_ARRAY_BUFFER, 64, NULL, GL_STATIC_DRAW);
	glVertexAttribLPointer(0, 2, GL_DOUBLE, 0, NULL);
	glGenQueries(1, &param_query);
	glBeginQuery(GL_SAMPLES_PASSED, param_query);
	glEndQuery(GL_SAMPLES_PASSED);
	param_family("vertex-attrib", vertex_attrib_count, get_vertex_attrib);
	param_family("query-object", query_object_count, get_query_object);
}

/* What a desktop driver answers to glGet that gpupipe refuses (GL_INVALID_ENUM from the
 * library), each with its reason: the state of extensions no desktop context of gpupipe's
 * offers, or a query the library answers itself. */
static const struct {
	uint32_t first, last;
	const char *why;
} get_refused[] = {
        {0x807D, 0x808D, "EXT_vertex_array's array counts: the extension is not offered"},
        {0x80EF, 0x80EF, "GL_PARAMETER_BUFFER_BINDING: ARB_indirect_parameters is not streamed"},
        {0x81A8, 0x81A9, "EXT_compiled_vertex_array's lock: the extension is not offered"},
        {0x82E9, 0x82E9,
         "GL_NUM_SHADING_LANGUAGE_VERSIONS: the library answers it from 4.3 (gles-get.c)"},
        {0x8504, 0x8505, "NV_light_max_exponent's limits: the extension is not offered"},
        {0x855A, 0x855A, "GL_FOG_DISTANCE_MODE_NV: NV_fog_distance is not offered"},
        {0x8758, 0x8758, "GL_PACK_INVERT_MESA: the host's own readback extension, not offered"},
        {0x8910, 0x8911, "EXT_stencil_two_side's state: the extension is not offered"},
        {0x8920, 0x8920, "GL_FRAGMENT_SHADER_ATI: ATI_fragment_shader is not offered"},
        {0x896E, 0x8975, "ATI_fragment_shader's limits: the extension is not offered"},
        {0x9193, 0x9193, "GL_QUERY_BUFFER_BINDING: GL_QUERY_BUFFER is no target of the library's"},
        {0x92BF, 0x92BF,
         "GL_ALPHA_TO_COVERAGE_DITHER_MODE_NV: NV_alpha_to_coverage_dither_control is not "
         "offered"},
        {0x9554, 0x9554, "GL_NUM_SPIR_V_EXTENSIONS: SPIR-V shaders are not offered"},
        {0x9596, 0x9598,
         "EXT_memory_object's device and driver UUIDs: not offered, and they would name the GPU "
         "domain's device to the app"},
};

static bool get_refused_on_purpose(uint32_t pname)
{
	for (size_t i = 0; i < sizeof(get_refused) / sizeof(get_refused[0]); i++) {
		if (pname >= get_refused[i].first && pname <= get_refused[i].last)
			return true;
	}
	return false;
}

/* A pname the driver is not asked: the helper must refuse it. */
#define CHECK_REFUSED(pname)                                                                       \
	do {                                                                                       \
		if (gl_get_count(pname) >= 0) {                                                    \
			fprintf(stderr, "FAIL: get: the helper counts 0x%04X\n", pname);           \
			failures++;                                                                \
		}                                                                                  \
	} while (0)

static void get_integer(uint32_t pname, GLint *v)
{
	glGetIntegerv(pname, v);
}

/* glGet over every pname: gl_get_count gives the count the driver writes, and knows every
 * pname the driver answers but those refused on purpose. Lists whose length is another
 * query (the formats) are capped: at most the helper's cap. */
static void get(void)
{
	int answered = 0;
	for (uint32_t pname = 0; pname < 0x10000; pname++) {
		/* Mesa 22.3's llvmpipe calls a NULL function for GL_DEVICE_LUID_EXT and
		 * GL_DEVICE_NODE_MASK_EXT (EXT_memory_object_win32): a crash here. gpupipe
		 * refuses both in the library and on the host, so its driver is never asked. */
		if (pname == 0x9599 || pname == 0x959A) {
			CHECK_REFUSED(pname);
			continue;
		}
		int64_t helper = gl_get_count(pname);
		int n = param_written(get_integer, pname);
		if (n < 0)
			continue;
		answered++;
		checked++;
		bool capped = pname == GL_COMPRESSED_TEXTURE_FORMATS ||
		              pname == GL_PROGRAM_BINARY_FORMATS ||
		              pname == 0x8DF8; /* GL_SHADER_BINARY_FORMATS */
		if (helper < 0 && !get_refused_on_purpose(pname)) {
			fprintf(stderr,
			        "FAIL: get: the driver answers 0x%04X with %d values, the helper "
			        "refuses it\n",
			        pname, n);
			failures++;
		} else if (helper >= 0 && (capped ? n > helper : n != helper)) {
			fprintf(stderr,
			        "FAIL: get: the driver writes %d values for 0x%04X, the helper "
			        "says %lld\n",
			        n, pname, (long long)helper);
			failures++;
		}
	}
	printf("# get: %d pnames answered by the driver\n", answered);
}

int main(int argc, char **argv)
{
	static const char *const cases[] = {"unpack", "teximage", "params", "get-core",
	                                    "get-compat"};
	size_t c = 0;
	while (argc == 2 && c < sizeof(cases) / sizeof(cases[0]) && strcmp(argv[1], cases[c]))
		c++;
	if (argc != 2 || c == sizeof(cases) / sizeof(cases[0])) {
		fprintf(stderr, "usage: %s unpack|teximage|params|get-core|get-compat\n", argv[0]);
		return 2;
	}
	context(c == 4 ? EGL_CONTEXT_OPENGL_COMPATIBILITY_PROFILE_BIT
	               : EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT);
	if (c == 0)
		unpack();
	else if (c == 1)
		teximage();
	else if (c == 2)
		params();
	else
		get();
	printf("# %d transfers checked, %d failures\n", checked, failures);
	return failures ? 1 : 0;
}
