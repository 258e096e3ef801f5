/*
 * The query counts of <gpupipe/gl-sizes.h> against a real driver.
 * gpupipe-host allocates the count a helper gives and lets its driver write
 * there, so the count must be exact. For every value 0..0xFFFF of a query's
 * pname, each query entry point is called twice with a buffer pre-filled
 * with two different sentinels; the last element that differs from its
 * sentinel in either call is the number of values written. Both ways:
 * - a value the helper knows must be written with exactly its count (the
 *   driver may refuse it: those are counted and printed);
 * - a value the driver answers must be known to the helper, unless it is
 *   refused on purpose (listed below with the reason, as in gles-sizes-get.c).
 * Each family of queries is one case (argv[1]).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <GLES3/gl32.h>
#include <GLES2/gl2ext.h>
#include <EGL/egl.h>

#include <gpupipe/gl-sizes.h>

#include "es-context.h"

#define MAX_VALUES 4096 /* far above any count, so a miscount shows */
#define ELEM_MAX 8

/* One family: its helper and the entry points (variants) that use it. */
struct family {
	const char *name;
	int64_t (*count)(uint32_t pname);
	int variants;
	const char *const *variant_names;
	size_t elem_size[8];
	void (*call)(int variant, uint32_t pname, void *buf);
	/* The count a value really has where the helper gives a cap or a
	 * code (lists whose length is another query), or -1. */
	int64_t (*expected)(int variant, uint32_t pname, int64_t helper);
};

/* Values the driver answers that the helpers refuse on purpose. */
static const struct {
	const char *family;
	uint32_t pname;
	const char *why;
} refused[] = {
        {"get", 0x8D65, "GL_TEXTURE_EXTERNAL_OES: an ES 1 capability"},
        {"get", 0x92BF, "GL_ALPHA_TO_COVERAGE_DITHER_MODE_NV: desktop GL only"},
        {"get", 0x9554, "GL_NUM_SPIR_V_EXTENSIONS: desktop GL only"},
        {"get", 0x9596, "GL_NUM_DEVICE_UUIDS_EXT: EXT_memory_object, not across a VM"},
        {"get", 0x9597, "GL_DEVICE_UUID_EXT: names the host's GPU"},
        {"get", 0x9598, "GL_DRIVER_UUID_EXT: names the host's driver"},
        {"indexed", 0x0BA8, "GL_TEXTURE_MATRIX: desktop GL only"},
        {"indexed", 0x0BE0, "GL_BLEND_DST: desktop GL only"},
        {"indexed", 0x0BE1, "GL_BLEND_SRC: desktop GL only"},
        {"indexed", 0x84E5, "GL_TRANSPOSE_TEXTURE_MATRIX: desktop GL only"},
        {"indexed", 0x8069, "GL_TEXTURE_BINDING_2D per unit: desktop GL's DSA"},
        {"indexed", 0x806A, "GL_TEXTURE_BINDING_3D per unit: desktop GL's DSA"},
        {"indexed", 0x8514, "GL_TEXTURE_BINDING_CUBE_MAP per unit: desktop GL's DSA"},
        {"indexed", 0x8C1D, "GL_TEXTURE_BINDING_2D_ARRAY per unit: desktop GL's DSA"},
        {"indexed", 0x8C2C, "GL_TEXTURE_BINDING_BUFFER per unit: desktop GL's DSA"},
        {"indexed", 0x900A, "GL_TEXTURE_BINDING_CUBE_MAP_ARRAY per unit: desktop GL's DSA"},
        {"indexed", 0x9596, "GL_NUM_DEVICE_UUIDS_EXT: EXT_memory_object, not across a VM"},
        {"indexed", 0x9597, "GL_DEVICE_UUID_EXT: names the host's GPU"},
        {"indexed", 0x9598, "GL_DRIVER_UUID_EXT: names the host's driver"},
        {"texparam", 0x8E46, "GL_TEXTURE_SWIZZLE_RGBA: desktop GL only"},
        {"texparam", 0x9580, "GL_TEXTURE_TILING_EXT: EXT_memory_object, not across a VM"},
        {"sampler", 0x8501, "GL_TEXTURE_LOD_BIAS: desktop GL only"},
        {"sampler", 0x884F, "GL_TEXTURE_CUBE_MAP_SEAMLESS: desktop GL only"},
        {"framebuffer", 0x0C32, "GL_DOUBLEBUFFER: desktop GL 4.5 only"},
        {"framebuffer", 0x0C33, "GL_STEREO: desktop GL 4.5 only"},
        {"framebuffer", 0x80A8, "GL_SAMPLE_BUFFERS: desktop GL 4.5 only"},
        {"framebuffer", 0x80A9, "GL_SAMPLES: desktop GL 4.5 only"},
        {"framebuffer", 0x8B9A, "GL_IMPLEMENTATION_COLOR_READ_TYPE: desktop GL 4.5 only"},
        {"framebuffer", 0x8B9B, "GL_IMPLEMENTATION_COLOR_READ_FORMAT: desktop GL 4.5 only"},
        {"shader", 0x9552, "GL_SPIR_V_BINARY: desktop GL only"},
        /* Mesa shares the code with glGetActiveAtomicCounterBufferiv, whose
         * indices are a list. */
        {"uniform_block", 0x90ED, "ATOMIC_COUNTER_BUFFER_..._COMPUTE_SHADER: not a block's"},
        {"uniform_block", 0x92C1, "GL_ATOMIC_COUNTER_BUFFER_BINDING: not a block's"},
        {"uniform_block", 0x92C4, "GL_ATOMIC_COUNTER_BUFFER_DATA_SIZE: not a block's"},
        {"uniform_block", 0x92C5, "..._ACTIVE_ATOMIC_COUNTERS: not a block's"},
        {"uniform_block", 0x92C6, "..._ACTIVE_ATOMIC_COUNTER_INDICES: not a block's, a list"},
        {"uniform_block", 0x92C7, "ATOMIC_COUNTER_BUFFER_..._VERTEX_SHADER: not a block's"},
        {"uniform_block", 0x92C8, "ATOMIC_COUNTER_BUFFER_..._TESS_CONTROL: not a block's"},
        {"uniform_block", 0x92C9, "ATOMIC_COUNTER_BUFFER_..._TESS_EVALUATION: not a block's"},
        {"uniform_block", 0x92CA, "ATOMIC_COUNTER_BUFFER_..._GEOMETRY: not a block's"},
        {"uniform_block", 0x92CB, "ATOMIC_COUNTER_BUFFER_..._FRAGMENT: not a block's"},
};

/* Where the driver writes fewer values than GL says (safe: the host's
 * buffer is zeroed and larger), a driver bug, not a helper's. */
static const struct {
	const char *variant;
	uint32_t pname;
	const char *why;
} short_writes[] = {
        {"glGetInteger64i_v", 0x0B70, "GL_DEPTH_RANGE: Mesa 22.3 writes nothing"},
        {"glGetBooleani_v", 0x0B70, "GL_DEPTH_RANGE: Mesa 22.3 writes nothing"},
        {"glGetInteger64i_v", 0x0BA2, "GL_VIEWPORT: Mesa 22.3 writes nothing"},
        {"glGetBooleani_v", 0x0BA2, "GL_VIEWPORT: Mesa 22.3 writes nothing"},
};

static const char *short_write_why(const char *variant, uint32_t pname)
{
	for (size_t i = 0; i < sizeof(short_writes) / sizeof(short_writes[0]); i++) {
		if (short_writes[i].pname == pname && strcmp(short_writes[i].variant, variant) == 0)
			return short_writes[i].why;
	}
	return NULL;
}

/* Never asked: Mesa 22.3's llvmpipe crashes on GL_DEVICE_LUID_EXT (a NULL
 * driver hook); the helpers refuse both, which the test checks. */
static bool never_asked(uint32_t pname)
{
	return pname == GL_DEVICE_LUID_EXT || pname == GL_DEVICE_NODE_MASK_EXT;
}

static const char *refused_why(const char *family, uint32_t pname)
{
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		if (refused[i].pname == pname && strcmp(refused[i].family, family) == 0)
			return refused[i].why;
	}
	return NULL;
}

/* Values written by one call, or -1 if GL raised an error. */
static int written(const struct family *f, int variant, uint32_t pname)
{
	static uint8_t a[MAX_VALUES * ELEM_MAX], b[MAX_VALUES * ELEM_MAX];
	size_t elem = f->elem_size[variant];
	memset(a, 0xa5, sizeof(a));
	memset(b, 0x5a, sizeof(b));
	es_error();
	f->call(variant, pname, a);
	if (es_error() != GL_NO_ERROR)
		return -1;
	f->call(variant, pname, b);
	if (es_error() != GL_NO_ERROR)
		return -1;
	int n = 0;
	for (int i = 0; i < MAX_VALUES; i++) {
		for (size_t k = 0; k < elem; k++) {
			if (a[i * elem + k] != 0xa5 || b[i * elem + k] != 0x5a)
				n = i + 1;
		}
	}
	return n;
}

static void check_value(const struct family *f, uint32_t pname, int *known, int *refused_n)
{
	int64_t helper = f->count(pname);
	bool answered = false;
	for (int v = 0; v < f->variants; v++) {
		int n = written(f, v, pname);
		if (n < 0)
			continue;
		answered = true;
		int64_t want = f->expected ? f->expected(v, pname, helper) : -1;
		if (want < 0)
			want = helper;
		if (want < 0 && !refused_why(f->name, pname))
			FAIL("%s: the driver answers 0x%04X with %d values, the helper refuses it",
			     f->variant_names[v], pname, n);
		else if (want >= 0 && n < want && short_write_why(f->variant_names[v], pname))
			printf("# %s writes %d values of %lld: %s\n", f->variant_names[v], n,
			       (long long)want, short_write_why(f->variant_names[v], pname));
		else if (want >= 0 && n != want)
			FAIL("%s: the driver writes %d values for 0x%04X, the helper says %lld",
			     f->variant_names[v], n, pname, (long long)want);
	}
	if (helper >= 0 || helper == GL_SIZE_INVALID_OPERATION)
		(*known)++;
	if (helper >= 0 && !answered) {
		(*refused_n)++;
		printf("# the driver refuses 0x%04X (helper: %lld)\n", pname, (long long)helper);
	}
	const char *why = refused_why(f->name, pname);
	if (why && answered && helper < 0)
		printf("# refused on purpose: 0x%04X %s\n", pname, why);
	if (why && helper >= 0)
		FAIL("0x%04X is listed as refused on purpose but the helper knows it", pname);
}

static void check_family(const struct family *f)
{
	int known = 0, refused_n = 0;
	for (uint32_t pname = 0; pname < 0x10000; pname++) {
		if (never_asked(pname)) {
			if (f->count(pname) >= 0)
				FAIL("0x%04X is never asked but the helper knows it", pname);
			continue;
		}
		check_value(f, pname, &known, &refused_n);
	}
	printf("# %s: %d values known, %d answered by the driver, %d refused by it\n", f->name,
	       known, known - refused_n, refused_n);
	if (known - refused_n == 0)
		FAIL("%s: the driver answered none of the helper's values", f->name);
}

/* ---- The objects the queries ask about ---- */

static struct {
	GLuint tex, rb, fbo, sampler, buffer, vao, query, pipeline, vs;
	GLuint ms_rb, ms_fbo;
	GLuint programs[5];
} obj;

static GLuint shader(GLenum stage, const char *src)
{
	GLuint s = glCreateShader(stage);
	glShaderSource(s, 1, &src, NULL);
	glCompileShader(s);
	GLint ok = 0;
	glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
	if (!ok) {
		char log[1024] = "";
		glGetShaderInfoLog(s, sizeof(log), NULL, log);
		FAIL("shader does not compile: %s", log);
	}
	return s;
}

static GLuint program(const char *const *srcs, const GLenum *stages, int n, bool separable,
                      bool feedback)
{
	GLuint p = glCreateProgram();
	for (int i = 0; i < n; i++)
		glAttachShader(p, shader(stages[i], srcs[i]));
	if (separable)
		glProgramParameteri(p, GL_PROGRAM_SEPARABLE, GL_TRUE);
	if (feedback) {
		static const char *const varyings[] = {"v"};
		glTransformFeedbackVaryings(p, 1, varyings, GL_INTERLEAVED_ATTRIBS);
	}
	glLinkProgram(p);
	GLint ok = 0;
	glGetProgramiv(p, GL_LINK_STATUS, &ok);
	if (!ok) {
		char log[1024] = "";
		glGetProgramInfoLog(p, sizeof(log), NULL, log);
		FAIL("program does not link: %s", log);
	}
	return p;
}

#define ES32 "#version 320 es\nprecision highp float;\n"

static const char vs_src[] =
        ES32 "layout(std140) uniform B { vec4 a; vec4 b; } blk;\nin vec4 pos;\nout vec4 v;\n"
             "void main() { v = blk.a; gl_Position = pos + blk.b; }\n";
static const char fs_src[] = ES32 "in vec4 v;\nout vec4 c;\nvoid main() { c = v; }\n";

static void make_programs(void)
{
	static const GLenum vf[] = {GL_VERTEX_SHADER, GL_FRAGMENT_SHADER};
	const char *plain[] = {vs_src, fs_src};
	obj.programs[0] = program(plain, vf, 2, false, true);

	static const GLenum cs[] = {GL_COMPUTE_SHADER};
	const char *compute[] = {ES32 "layout(local_size_x = 4, local_size_y = 2) in;\n"
	                              "layout(std430, binding = 0) buffer S { uint x[]; } s;\n"
	                              "layout(binding = 0) uniform atomic_uint n;\n"
	                              "void main() { s.x[0] = atomicCounterIncrement(n); }\n"};
	obj.programs[1] = program(compute, cs, 1, false, false);

	static const GLenum vgf[] = {GL_VERTEX_SHADER, GL_GEOMETRY_SHADER, GL_FRAGMENT_SHADER};
	const char *geometry[] = {
	        vs_src,
	        ES32 "layout(triangles, invocations = 2) in;\n"
	             "layout(line_strip, max_vertices = 3) out;\n"
	             "in vec4 v[];\nout vec4 w;\n"
	             "void main() { w = v[0]; gl_Position = vec4(0); EmitVertex(); }\n",
	        ES32 "in vec4 w;\nout vec4 c;\nvoid main() { c = w; }\n"};
	obj.programs[2] = program(geometry, vgf, 3, false, false);

	static const GLenum vttf[] = {GL_VERTEX_SHADER, GL_TESS_CONTROL_SHADER,
	                              GL_TESS_EVALUATION_SHADER, GL_FRAGMENT_SHADER};
	const char *tess[] = {vs_src,
	                      ES32 "layout(vertices = 3) out;\nin vec4 v[];\nout vec4 t[];\n"
	                           "void main() { t[gl_InvocationID] = v[gl_InvocationID];\n"
	                           "  gl_TessLevelOuter[0] = 1.0; gl_TessLevelInner[0] = 1.0; }\n",
	                      ES32 "layout(triangles, equal_spacing, cw, point_mode) in;\n"
	                           "in vec4 t[];\nout vec4 v;\n"
	                           "void main() { v = t[0]; gl_Position = vec4(0); }\n",
	                      fs_src};
	obj.programs[3] = program(tess, vttf, 4, false, false);

	obj.programs[4] = program(plain, vf, 2, true, false);
	obj.vs = shader(GL_VERTEX_SHADER, vs_src);
	glGenProgramPipelines(1, &obj.pipeline);
	glUseProgramStages(obj.pipeline, GL_ALL_SHADER_BITS, obj.programs[4]);
}

static void make_objects(void)
{
	glGenTextures(1, &obj.tex);
	glBindTexture(GL_TEXTURE_2D, obj.tex);
	glTexStorage2D(GL_TEXTURE_2D, 1, GL_RGBA8, 16, 16);
	glGenRenderbuffers(1, &obj.rb);
	glBindRenderbuffer(GL_RENDERBUFFER, obj.rb);
	glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, 16, 16);
	glGenFramebuffers(1, &obj.fbo);
	glBindFramebuffer(GL_FRAMEBUFFER, obj.fbo);
	glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, obj.tex, 0);
	glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER,
	                          obj.rb);
	if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
		FAIL("the test framebuffer is not complete");
	/* A multisampled framebuffer for the sample positions. */
	glGenRenderbuffers(1, &obj.ms_rb);
	glBindRenderbuffer(GL_RENDERBUFFER, obj.ms_rb);
	glRenderbufferStorageMultisample(GL_RENDERBUFFER, 4, GL_RGBA8, 16, 16);
	glGenFramebuffers(1, &obj.ms_fbo);
	glBindFramebuffer(GL_DRAW_FRAMEBUFFER, obj.ms_fbo);
	glFramebufferRenderbuffer(GL_DRAW_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER,
	                          obj.ms_rb);
	glBindFramebuffer(GL_FRAMEBUFFER, obj.fbo);
	glBindRenderbuffer(GL_RENDERBUFFER, obj.rb);
	glGenSamplers(1, &obj.sampler);
	glGenVertexArrays(1, &obj.vao);
	glBindVertexArray(obj.vao);
	glGenBuffers(1, &obj.buffer);
	glBindBuffer(GL_ARRAY_BUFFER, obj.buffer);
	glBufferData(GL_ARRAY_BUFFER, 64, NULL, GL_STATIC_DRAW);
	glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, 0, NULL);
	glGenQueries(1, &obj.query);
	glBeginQuery(GL_ANY_SAMPLES_PASSED, obj.query);
	glEndQuery(GL_ANY_SAMPLES_PASSED);
	make_programs();
	if (es_error() != GL_NO_ERROR)
		FAIL("making the test objects raised a GL error");
}

/* ---- The families ---- */

static void call_get(int v, uint32_t pname, void *buf)
{
	switch (v) {
	case 0:
		glGetIntegerv(pname, buf);
		break;
	case 1:
		glGetInteger64v(pname, buf);
		break;
	case 2:
		glGetFloatv(pname, buf);
		break;
	default:
		glGetBooleanv(pname, buf);
	}
}

/* The lists capped at GL_SIZES_MAX_FORMATS hold GL_NUM_*_FORMATS values. */
static int64_t expected_get(int v, uint32_t pname, int64_t helper)
{
	GLint n = -1;
	if (pname == GL_COMPRESSED_TEXTURE_FORMATS)
		glGetIntegerv(GL_NUM_COMPRESSED_TEXTURE_FORMATS, &n);
	else if (pname == GL_PROGRAM_BINARY_FORMATS)
		glGetIntegerv(GL_NUM_PROGRAM_BINARY_FORMATS, &n);
	else if (pname == GL_SHADER_BINARY_FORMATS)
		glGetIntegerv(GL_NUM_SHADER_BINARY_FORMATS, &n);
	else
		return -1;
	if (helper != GL_SIZES_MAX_FORMATS || n > GL_SIZES_MAX_FORMATS)
		FAIL("0x%04X: %d formats, the helper's cap is %lld", pname, n, (long long)helper);
	return n;
}

static void call_indexed(int v, uint32_t pname, void *buf)
{
	if (v == 0)
		glGetIntegeri_v(pname, 0, buf);
	else if (v == 1)
		glGetInteger64i_v(pname, 0, buf);
	else
		glGetBooleani_v(pname, 0, buf);
}

static void call_texparam(int v, uint32_t pname, void *buf)
{
	glBindTexture(GL_TEXTURE_2D, obj.tex);
	if (v == 0)
		glGetTexParameteriv(GL_TEXTURE_2D, pname, buf);
	else if (v == 1)
		glGetTexParameterfv(GL_TEXTURE_2D, pname, buf);
	else
		glGetTexParameterIiv(GL_TEXTURE_2D, pname, buf);
}

static void call_texlevel(int v, uint32_t pname, void *buf)
{
	glBindTexture(GL_TEXTURE_2D, obj.tex);
	if (v == 0)
		glGetTexLevelParameteriv(GL_TEXTURE_2D, 0, pname, buf);
	else
		glGetTexLevelParameterfv(GL_TEXTURE_2D, 0, pname, buf);
}

static void call_sampler(int v, uint32_t pname, void *buf)
{
	if (v == 0)
		glGetSamplerParameteriv(obj.sampler, pname, buf);
	else if (v == 1)
		glGetSamplerParameterfv(obj.sampler, pname, buf);
	else
		glGetSamplerParameterIiv(obj.sampler, pname, buf);
}

static void call_buffer(int v, uint32_t pname, void *buf)
{
	if (v == 0)
		glGetBufferParameteriv(GL_ARRAY_BUFFER, pname, buf);
	else
		glGetBufferParameteri64v(GL_ARRAY_BUFFER, pname, buf);
}

static void call_renderbuffer(int v, uint32_t pname, void *buf)
{
	glGetRenderbufferParameteriv(GL_RENDERBUFFER, pname, buf);
}

/* A texture attachment and a renderbuffer one: some values are for one kind. */
static void call_attachment(int v, uint32_t pname, void *buf)
{
	glGetFramebufferAttachmentParameteriv(
	        GL_FRAMEBUFFER, v == 0 ? GL_COLOR_ATTACHMENT0 : GL_DEPTH_ATTACHMENT, pname, buf);
}

static void call_framebuffer(int v, uint32_t pname, void *buf)
{
	glGetFramebufferParameteriv(GL_FRAMEBUFFER, pname, buf);
}

/* Every stage's values are only answered for a program with that stage. */
static void call_program(int v, uint32_t pname, void *buf)
{
	glGetProgramiv(obj.programs[v], pname, buf);
}

static void call_shader(int v, uint32_t pname, void *buf)
{
	glGetShaderiv(obj.vs, pname, buf);
}

static void call_pipeline(int v, uint32_t pname, void *buf)
{
	glGetProgramPipelineiv(obj.pipeline, pname, buf);
}

static const GLenum interfaces[] = {GL_UNIFORM,
                                    GL_UNIFORM_BLOCK,
                                    GL_PROGRAM_INPUT,
                                    GL_PROGRAM_OUTPUT,
                                    GL_TRANSFORM_FEEDBACK_VARYING,
                                    GL_BUFFER_VARIABLE,
                                    GL_SHADER_STORAGE_BLOCK,
                                    GL_ATOMIC_COUNTER_BUFFER};

static void call_interface(int v, uint32_t pname, void *buf)
{
	/* The compute program has the buffer and atomic counter interfaces. */
	GLuint p = v >= 5 ? obj.programs[1] : obj.programs[0];
	glGetProgramInterfaceiv(p, interfaces[v], pname, buf);
}

static void call_attrib(int v, uint32_t pname, void *buf)
{
	if (v == 0)
		glGetVertexAttribiv(0, pname, buf);
	else if (v == 1)
		glGetVertexAttribfv(0, pname, buf);
	else
		glGetVertexAttribIiv(0, pname, buf);
}

static void call_block(int v, uint32_t pname, void *buf)
{
	glGetActiveUniformBlockiv(obj.programs[0], 0, pname, buf);
}

/* The active uniform indices: as many as the block's active uniforms. */
static int64_t expected_block(int v, uint32_t pname, int64_t helper)
{
	if (pname != GL_UNIFORM_BLOCK_ACTIVE_UNIFORM_INDICES)
		return -1;
	GLint n = -1;
	glGetActiveUniformBlockiv(obj.programs[0], 0, GL_UNIFORM_BLOCK_ACTIVE_UNIFORMS, &n);
	if (helper != GL_SIZE_INVALID_OPERATION || n != 2)
		FAIL("active uniform indices: helper %lld, %d uniforms", (long long)helper, n);
	return n;
}

static const GLenum query_targets[] = {GL_ANY_SAMPLES_PASSED,
                                       GL_ANY_SAMPLES_PASSED_CONSERVATIVE,
                                       GL_TRANSFORM_FEEDBACK_PRIMITIVES_WRITTEN,
                                       GL_PRIMITIVES_GENERATED,
                                       GL_TIME_ELAPSED_EXT,
                                       GL_TIMESTAMP_EXT};

static void call_query(int v, uint32_t pname, void *buf)
{
	glGetQueryiv(query_targets[v], pname, buf);
}

static void call_query_object(int v, uint32_t pname, void *buf)
{
	static PFNGLGETQUERYOBJECTUI64VEXTPROC get64;
	if (!get64)
		get64 = (PFNGLGETQUERYOBJECTUI64VEXTPROC)eglGetProcAddress(
		        "glGetQueryObjectui64vEXT");
	if (v == 0)
		glGetQueryObjectuiv(obj.query, pname, buf);
	else if (get64)
		get64(obj.query, pname, buf);
	else
		glGetQueryObjectuiv(obj.query, pname, buf);
}

static void call_multisample(int v, uint32_t pname, void *buf)
{
	glBindFramebuffer(GL_FRAMEBUFFER, obj.ms_fbo);
	glGetMultisamplefv(pname, 0, buf);
	glBindFramebuffer(GL_FRAMEBUFFER, obj.fbo);
}

static const char *const get_names[] = {"glGetIntegerv", "glGetInteger64v", "glGetFloatv",
                                        "glGetBooleanv"};
static const char *const indexed_names[] = {"glGetIntegeri_v", "glGetInteger64i_v",
                                            "glGetBooleani_v"};
static const char *const tex_names[] = {"glGetTexParameteriv", "glGetTexParameterfv",
                                        "glGetTexParameterIiv"};
static const char *const texlevel_names[] = {"glGetTexLevelParameteriv",
                                             "glGetTexLevelParameterfv"};
static const char *const sampler_names[] = {"glGetSamplerParameteriv", "glGetSamplerParameterfv",
                                            "glGetSamplerParameterIiv"};
static const char *const buffer_names[] = {"glGetBufferParameteriv", "glGetBufferParameteri64v"};
static const char *const rb_names[] = {"glGetRenderbufferParameteriv"};
static const char *const attachment_names[] = {"glGetFramebufferAttachmentParameteriv(color)",
                                               "glGetFramebufferAttachmentParameteriv(depth)"};
static const char *const fb_names[] = {"glGetFramebufferParameteriv"};
static const char *const program_names[] = {
        "glGetProgramiv(vertex+fragment)", "glGetProgramiv(compute)", "glGetProgramiv(geometry)",
        "glGetProgramiv(tessellation)", "glGetProgramiv(separable)"};
static const char *const shader_names[] = {"glGetShaderiv"};
static const char *const pipeline_names[] = {"glGetProgramPipelineiv"};
static const char *const interface_names[] = {"glGetProgramInterfaceiv(UNIFORM)",
                                              "glGetProgramInterfaceiv(UNIFORM_BLOCK)",
                                              "glGetProgramInterfaceiv(PROGRAM_INPUT)",
                                              "glGetProgramInterfaceiv(PROGRAM_OUTPUT)",
                                              "glGetProgramInterfaceiv(TRANSFORM_FEEDBACK_VARYING)",
                                              "glGetProgramInterfaceiv(BUFFER_VARIABLE)",
                                              "glGetProgramInterfaceiv(SHADER_STORAGE_BLOCK)",
                                              "glGetProgramInterfaceiv(ATOMIC_COUNTER_BUFFER)"};
static const char *const attrib_names[] = {"glGetVertexAttribiv", "glGetVertexAttribfv",
                                           "glGetVertexAttribIiv"};
static const char *const block_names[] = {"glGetActiveUniformBlockiv"};
static const char *const query_names[] = {"glGetQueryiv(ANY_SAMPLES_PASSED)",
                                          "glGetQueryiv(ANY_SAMPLES_PASSED_CONSERVATIVE)",
                                          "glGetQueryiv(TRANSFORM_FEEDBACK_PRIMITIVES_WRITTEN)",
                                          "glGetQueryiv(PRIMITIVES_GENERATED)",
                                          "glGetQueryiv(TIME_ELAPSED_EXT)",
                                          "glGetQueryiv(TIMESTAMP_EXT)"};
static const char *const query_object_names[] = {"glGetQueryObjectuiv", "glGetQueryObjectui64vEXT"};

static const char *const multisample_names[] = {"glGetMultisamplefv"};

static const struct family families[] = {
        {"get", gl_get_count, 4, get_names, {4, 8, 4, 1}, call_get, expected_get},
        {"indexed", gl_get_indexed_count, 3, indexed_names, {4, 8, 1}, call_indexed, NULL},
        {"texparam", gl_texparam_count, 3, tex_names, {4, 4, 4}, call_texparam, NULL},
        {"texlevelparam", gl_texlevelparam_count, 2, texlevel_names, {4, 4}, call_texlevel, NULL},
        {"sampler", gl_sampler_param_count, 3, sampler_names, {4, 4, 4}, call_sampler, NULL},
        {"bufparam", gl_bufparam_count, 2, buffer_names, {4, 8}, call_buffer, NULL},
        {"rbparam", gl_rbparam_count, 1, rb_names, {4}, call_renderbuffer, NULL},
        {"fb_attachment",
         gl_fb_attachment_count,
         2,
         attachment_names,
         {4, 4},
         call_attachment,
         NULL},
        {"framebuffer", gl_framebuffer_param_count, 1, fb_names, {4}, call_framebuffer, NULL},
        {"program", gl_program_param_count, 5, program_names, {4, 4, 4, 4, 4}, call_program, NULL},
        {"shader", gl_shader_param_count, 1, shader_names, {4}, call_shader, NULL},
        {"pipeline", gl_program_pipeline_param_count, 1, pipeline_names, {4}, call_pipeline, NULL},
        {"interface",
         gl_program_interface_param_count,
         8,
         interface_names,
         {4, 4, 4, 4, 4, 4, 4, 4},
         call_interface,
         NULL},
        {"vertex_attrib", gl_vertex_attrib_count, 3, attrib_names, {4, 4, 4}, call_attrib, NULL},
        {"uniform_block",
         gl_uniform_block_param_count,
         1,
         block_names,
         {4},
         call_block,
         expected_block},
        {"query", gl_query_param_count, 6, query_names, {4, 4, 4, 4, 4, 4}, call_query, NULL},
        {"query_object",
         gl_query_object_count,
         2,
         query_object_names,
         {4, 8},
         call_query_object,
         NULL},
        {"multisample", gl_multisample_count, 1, multisample_names, {4}, call_multisample, NULL},
};

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s FAMILY\n", argv[0]);
		return 2;
	}
	const struct family *f = NULL;
	for (size_t i = 0; i < sizeof(families) / sizeof(families[0]); i++) {
		if (strcmp(families[i].name, argv[1]) == 0)
			f = &families[i];
	}
	if (!f) {
		fprintf(stderr, "unknown family %s\n", argv[1]);
		return 2;
	}
	es_context_init();
	make_objects();
	check_family(f);
	if (es_failures) {
		fprintf(stderr, "%d failures\n", es_failures);
		return 1;
	}
	return 0;
}
