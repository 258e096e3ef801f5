/*
 * The GL executor on the host's real EGL with glslang in front of the
 * driver's compiler: what the app sees of a compile and a link, and what
 * the driver was handed (its glCompileShader and glLinkProgram are counted,
 * and its own shader objects asked). Each case is one meson test; the
 * program takes the case's name.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "context.h"
#include "executor.h"
#include "gl-harness.h"
#include "map.h"
#include "records.h"
#include "shader-check.h"

static const char vs[] = "attribute vec4 pos;\nvoid main() { gl_Position = pos; }\n";
static const char fs[] = "precision mediump float;\nvoid main() { gl_FragColor = vec4(1.0); }\n";
/* glmark2's "build" scene, as glmark2 hands it to GL (its prologue included). */
static const char glmark2_build_vs[] =
        "#ifdef GL_ES\nprecision mediump float;\n#endif\n"
        "const vec4 LightSourcePosition = vec4(20.0, 20.0, 10.0, 1.0);\n"
        "const vec4 MaterialDiffuse = vec4(0.7, 0.7, 0.7, 1.0);\n"
        "attribute vec3 position;\nattribute vec3 normal;\nattribute vec2 texcoord;\n"
        "uniform mat4 ModelViewProjectionMatrix;\nuniform mat4 NormalMatrix;\n"
        "varying vec4 Color;\nvarying vec2 TextureCoord;\n"
        "void main(void)\n{\n"
        "    vec3 N = normalize(vec3(NormalMatrix * vec4(normal, 1.0)));\n"
        "    vec3 L = normalize(LightSourcePosition.xyz);\n"
        "    float diffuse = max(dot(N, L), 0.0);\n"
        "    Color = vec4(diffuse * MaterialDiffuse.rgb, MaterialDiffuse.a);\n"
        "    TextureCoord = texcoord;\n"
        "    gl_Position = ModelViewProjectionMatrix * vec4(position, 1.0);\n}\n";
static const char glmark2_build_fs[] = "#ifdef GL_ES\nprecision mediump float;\n#endif\n"
                                       "varying vec4 Color;\nvarying vec2 TextureCoord;\n"
                                       "void main(void)\n{\n    gl_FragColor = Color;\n}\n";
/* The use-after-free reproducer's fragment shader (issue 7). */
static const char attribute_fs[] = "attribute vec4 pos; void main(){gl_Position=pos;}";

/* The driver's compile and link entry points, counted; bad_links: links with a shader
 * attached that the driver did not compile (which must never reach its linker). */
static __typeof__(gles_host.glCompileShader) real_compile;
static __typeof__(gles_host.glLinkProgram) real_link;
static unsigned driver_compiles, driver_links, bad_links;
static double driver_compile_s;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void GL_APIENTRY counted_compile(GLuint shader)
{
	driver_compiles++;
	double t0 = now();
	real_compile(shader);
	driver_compile_s += now() - t0;
}

static void GL_APIENTRY counted_link(GLuint program)
{
	driver_links++;
	GLuint shaders[16];
	GLsizei n = 0;
	gles_host.glGetAttachedShaders(program, 16, &n, shaders);
	bool bad = false;
	for (GLsizei i = 0; i < n; i++) {
		GLint compiled = GL_FALSE;
		gles_host.glGetShaderiv(shaders[i], GL_COMPILE_STATUS, &compiled);
		bad = bad || !compiled;
	}
	bad_links += bad;
	real_link(program);
}

static bool ready(struct gt *t)
{
	real_compile = gles_host.glCompileShader;
	real_link = gles_host.glLinkProgram;
	gles_host.glCompileShader = counted_compile;
	gles_host.glLinkProgram = counted_link;
	return gt_init_stream(t, 1) && gt_context(t, 1, 1) &&
	       gt_surface(t, 1, 1, 8, 8, GL_SURFACE_PBUFFER) && gt_current(t, 1, 1, 1);
}

/* The host's name of app shader or program `app` (context 1). */
static GLuint host_name(struct gt *t, enum gl_name_class cls, uint32_t app)
{
	struct gh_gl_context *ctx = gh_gl_map_get_ptr(&t->gl->contexts, 1);
	uintptr_t v = 0;
	if (!ctx || !gh_gl_map_get(&gh_gl_names_of(ctx, cls)->app, app, &v))
		return 0;
	return (GLuint)v;
}

/* glGet{Shader,Program}iv(name, pname) as the app sees it. */
static bool get_iv(struct gt *t, uint32_t op, uint32_t name, uint32_t pname, int32_t *v)
{
	gt_cmd(t, op, 3, name, pname, 4);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	uint32_t size, n;
	const uint8_t *p = gt_reply(t, 1, op, &size), *end = p + size;
	CHECK(p, "no reply");
	const uint8_t *data = gt_blob_at(&p, end, &n);
	CHECK(data && n == 4 && p == end, "blob of %u bytes", n);
	memcpy(v, data, 4);
	return true;
}

/* glGet{Shader,Program}InfoLog(name, cap) as the app sees it; *len is what
 * GL says it wrote. */
static bool get_log(struct gt *t, uint32_t op, uint32_t name, int32_t cap, char *out, int32_t *len)
{
	gt_cmd(t, op, 4, name, cap, 4, cap);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	uint32_t size, n;
	const uint8_t *p = gt_reply(t, 1, op, &size), *end = p + size;
	CHECK(p, "no reply");
	const uint8_t *l = gt_blob_at(&p, end, &n);
	CHECK(l && n == 4, "length blob of %u bytes", n);
	memcpy(len, l, 4);
	const uint8_t *text = gt_blob_at(&p, end, &n);
	CHECK(text && n <= (uint32_t)cap && p == end, "log blob of %u bytes", n);
	memcpy(out, text, n);
	out[n ? n - 1 : 0] = 0;
	return true;
}

static bool compile_status(struct gt *t, uint32_t shader, int32_t want)
{
	int32_t v;
	if (!get_iv(t, GLES_OP_glGetShaderiv, shader, GL_COMPILE_STATUS, &v))
		return false;
	CHECK(v == want, "shader %u: GL_COMPILE_STATUS %d, expected %d", shader, v, want);
	return true;
}

static bool link_status(struct gt *t, uint32_t program, int32_t want)
{
	int32_t v;
	if (!get_iv(t, GLES_OP_glGetProgramiv, program, GL_LINK_STATUS, &v))
		return false;
	CHECK(v == want, "program %u: GL_LINK_STATUS %d, expected %d", program, v, want);
	return true;
}

/* The app's view of a refused shader: glslang's log, in full and cut. */
static bool shows_glslang_log(struct gt *t, uint32_t shader, const char *src, uint32_t type)
{
	char *want, got[4096];
	CHECK(gh_shader_check(GH_SHADER_API_GLES, type, src, strlen(src), &want) ==
	              GH_SHADER_REFUSED,
	      "glslang accepts it");
	int32_t loglen, len;
	bool ok = get_iv(t, GLES_OP_glGetShaderiv, shader, GL_INFO_LOG_LENGTH, &loglen) &&
	          get_log(t, GLES_OP_glGetShaderInfoLog, shader, sizeof(got), got, &len);
	size_t n = strlen(want);
	ok = ok && loglen == (int32_t)n + 1 && len == (int32_t)n && strcmp(got, want) == 0;
	if (ok && !get_log(t, GLES_OP_glGetShaderInfoLog, shader, 8, got, &len))
		ok = false;
	ok = ok && len == 7 && strncmp(got, want, 7) == 0 && got[7] == 0;
	if (!ok)
		fprintf(stderr, "the app saw another log (%d bytes):\n%s\nglslang's:\n%s", loglen,
		        got, want);
	free(want);
	return ok;
}

/* The driver's own shader object never compiled: no status, no log. */
static bool driver_never_compiled(struct gt *t, uint32_t shader)
{
	GLuint host = host_name(t, GL_NAMES_SHADER, shader);
	GLint status = -1, log = -1, source = -1;
	CHECK(host, "shader %u has no host name", shader);
	gles_host.glGetShaderiv(host, GL_COMPILE_STATUS, &status);
	gles_host.glGetShaderiv(host, GL_INFO_LOG_LENGTH, &log);
	gles_host.glGetShaderiv(host, GL_SHADER_SOURCE_LENGTH, &source);
	CHECK(status == GL_FALSE && log == 0 && source > 0,
	      "driver shader: status %d, log %d bytes, source %d bytes", status, log, source);
	return true;
}

static bool valid_es100_shader_goes_through_glslang_to_the_driver(struct gt *t)
{
	if (!ready(t))
		return false;
	gt_shader(t, 5, GL_VERTEX_SHADER, vs);
	if (!compile_status(t, 5, GL_TRUE))
		return false;
	CHECK(driver_compiles == 1, "the driver compiled %u shaders", driver_compiles);
	GLint status = GL_FALSE;
	gles_host.glGetShaderiv(host_name(t, GL_NAMES_SHADER, 5), GL_COMPILE_STATUS, &status);
	CHECK(status == GL_TRUE, "the driver's shader did not compile");
	return true;
}

static bool refused_shader_never_reaches_the_driver(struct gt *t)
{
	if (!ready(t))
		return false;
	gt_shader(t, 5, GL_FRAGMENT_SHADER, attribute_fs);
	if (!compile_status(t, 5, GL_FALSE) ||
	    !shows_glslang_log(t, 5, attribute_fs, GL_FRAGMENT_SHADER) ||
	    !driver_never_compiled(t, 5))
		return false;
	CHECK(driver_compiles == 0, "the driver compiled %u shaders", driver_compiles);
	CHECK(!t->failed, "the link ended: %s", t->reason);
	/* The same shader, fixed: compiled by the driver, its log the driver's. */
	gt_shader(t, 6, GL_FRAGMENT_SHADER, fs);
	int32_t loglen = -1;
	gt_begin(t, GLES_OP_glShaderSource);
	int32_t len = (int32_t)strlen(fs);
	gt_u32(t, 5);
	gt_u32(t, 1);
	gt_blob(t, &len, 4);
	gt_blob(t, fs, (uint32_t)len);
	gt_end(t);
	gt_cmd(t, GLES_OP_glCompileShader, 1, 5);
	if (!compile_status(t, 5, GL_TRUE) ||
	    !get_iv(t, GLES_OP_glGetShaderiv, 5, GL_INFO_LOG_LENGTH, &loglen))
		return false;
	CHECK(loglen <= 1, "a log of %d bytes after a good compile", loglen);
	CHECK(driver_compiles == 2, "the driver compiled %u shaders", driver_compiles);
	return true;
}

/* Issue 7's heap use-after-free in Mesa 22.3's linker: a fragment shader
 * with an attribute, attached, an attribute location bound, linked. */
static bool use_after_free_reproducer_fails_compile_and_link(struct gt *t)
{
	if (!ready(t))
		return false;
	gt_shader(t, 21, GL_FRAGMENT_SHADER, attribute_fs);
	gt_cmd(t, GLES_OP_glCreateProgram, 1, 20);
	gt_cmd(t, GLES_OP_glAttachShader, 2, 20, 21);
	gt_begin(t, GLES_OP_glBindAttribLocation);
	gt_u32(t, 20);
	gt_u32(t, 0);
	gt_blob(t, "pos", 4);
	gt_end(t);
	gt_cmd(t, GLES_OP_glLinkProgram, 1, 20);
	if (!compile_status(t, 21, GL_FALSE) || !link_status(t, 20, GL_FALSE))
		return false;
	char log[256];
	int32_t loglen, len;
	if (!get_iv(t, GLES_OP_glGetProgramiv, 20, GL_INFO_LOG_LENGTH, &loglen) ||
	    !get_log(t, GLES_OP_glGetProgramInfoLog, 20, sizeof(log), log, &len))
		return false;
	CHECK(strcmp(log, "error: shader 21 did not compile\n") == 0 &&
	              len == (int32_t)strlen(log) && loglen == len + 1,
	      "program log (%d, %d): %s", loglen, len, log);
	CHECK(driver_compiles == 0 && driver_links == 0, "the driver compiled %u, linked %u",
	      driver_compiles, driver_links);
	/* glUseProgram of it fails as GL says; the stream goes on and draws. */
	int32_t current = -1;
	gt_cmd(t, GLES_OP_glUseProgram, 1, 20);
	gt_cmd(t, GLES_OP_glGetError, 0);
	uint32_t err;
	if (!gt_sync_u32(t, 1, GLES_OP_glGetError, &err))
		return false;
	CHECK(err == GL_INVALID_OPERATION, "glUseProgram: GL error 0x%x", err);
	gt_cmd(t, GLES_OP_glGetIntegerv, 2, GL_CURRENT_PROGRAM, 4);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	uint32_t size, n;
	const uint8_t *p = gt_reply(t, 1, GLES_OP_glGetIntegerv, &size), *end = p + size;
	const uint8_t *v = p ? gt_blob_at(&p, end, &n) : NULL;
	CHECK(v && n == 4, "glGetIntegerv reply");
	memcpy(&current, v, 4);
	CHECK(current == 0, "current program %d", current);
	if (!gt_program(t, 1, 30, 0, 1, 0))
		return false;
	CHECK(driver_links == 1 && !t->failed, "links %u, failed %d", driver_links, t->failed);
	return true;
}

/* GL_OP_PROGRAM_NAMES' status and link count for `program`'s uniforms. */
static bool names_status(struct gt *t, uint32_t program, uint32_t *status, uint32_t *links)
{
	gt_cmd(t, GL_OP_PROGRAM_NAMES, 2, program, GL_PROGRAM_NAMES_UNIFORMS);
	CHECK(gt_send(t, 1, 0, 0), "GL_OP_PROGRAM_NAMES: %s", t->reason);
	uint32_t size;
	const uint8_t *p = gt_reply(t, 1, GL_OP_PROGRAM_NAMES, &size);
	CHECK(p && size >= 12, "GL_OP_PROGRAM_NAMES reply of %u bytes", size);
	memcpy(status, p, 4);
	memcpy(links, p + 8, 4);
	return true;
}

/* The app's glGetAttribLocation(program, name) and the GL error after it. */
static bool attrib_location(struct gt *t, uint32_t program, const char *name, int32_t *loc,
                            uint32_t *err)
{
	gt_begin(t, GLES_OP_glGetAttribLocation);
	gt_u32(t, program);
	gt_blob(t, name, (uint32_t)strlen(name) + 1);
	gt_end(t);
	uint32_t v;
	CHECK(gt_sync_u32(t, 1, GLES_OP_glGetAttribLocation, &v), "%s", t->reason);
	*loc = (int32_t)v;
	gt_cmd(t, GLES_OP_glGetError, 0);
	CHECK(gt_sync_u32(t, 1, GLES_OP_glGetError, err), "%s", t->reason);
	return true;
}

/* What the app sees of program 40 after its link failed: the lookups and glUseProgram
 * raise GL_INVALID_OPERATION, as GL says for a program whose last link failed, though the
 * driver had linked it before; no shader that did not compile reached the driver's
 * linker. */
static bool unlinked_to_the_app(struct gt *t)
{
	int32_t loc;
	uint32_t err;
	if (!attrib_location(t, 40, "pos", &loc, &err))
		return false;
	CHECK(loc == -1 && err == GL_INVALID_OPERATION,
	      "glGetAttribLocation after the failed link: %d, error 0x%x", loc, err);
	gt_cmd(t, GLES_OP_glUseProgram, 1, 40);
	gt_cmd(t, GLES_OP_glGetError, 0);
	CHECK(gt_sync_u32(t, 1, GLES_OP_glGetError, &err), "%s", t->reason);
	CHECK(err == GL_INVALID_OPERATION, "glUseProgram after the failed link: error 0x%x", err);
	CHECK(bad_links == 0, "the driver linked %u programs with a shader it did not compile",
	      bad_links);
	return true;
}

/* A program linked, then relinked with a shader glslang refuses: the link fails, in the
 * driver too (with none of the app's shaders), the app is told so. */
static bool relink_with_a_refused_shader_fails(struct gt *t)
{
	if (!ready(t) || !gt_program(t, 1, 40, 1, 0, 0) || !link_status(t, 40, GL_TRUE))
		return false;
	gt_begin(t, GLES_OP_glShaderSource);
	int32_t len = (int32_t)strlen(attribute_fs);
	gt_u32(t, 42);
	gt_u32(t, 1);
	gt_blob(t, &len, 4);
	gt_blob(t, attribute_fs, (uint32_t)len);
	gt_end(t);
	gt_cmd(t, GLES_OP_glCompileShader, 1, 42);
	gt_cmd(t, GLES_OP_glLinkProgram, 1, 40);
	int32_t validate;
	if (!compile_status(t, 42, GL_FALSE) || !link_status(t, 40, GL_FALSE) ||
	    !get_iv(t, GLES_OP_glGetProgramiv, 40, GL_VALIDATE_STATUS, &validate))
		return false;
	CHECK(validate == GL_FALSE, "GL_VALIDATE_STATUS %d", validate);
	/* The first link, and the one that failed with none of the app's shaders. */
	CHECK(driver_links == 2, "the driver linked %u programs", driver_links);
	uint32_t status, links;
	if (!names_status(t, 40, &status, &links) || !unlinked_to_the_app(t))
		return false;
	CHECK(status == GL_PROGRAM_NAMES_UNLINKED && links == 2, "names: status %u, %u links",
	      status, links);
	/* Fixed and linked again: the driver links it, the app sees it linked. */
	gt_shader(t, 43, GL_FRAGMENT_SHADER, fs);
	gt_cmd(t, GLES_OP_glDetachShader, 2, 40, 42);
	gt_cmd(t, GLES_OP_glAttachShader, 2, 40, 43);
	gt_cmd(t, GLES_OP_glLinkProgram, 1, 40);
	if (!link_status(t, 40, GL_TRUE) || !names_status(t, 40, &status, &links))
		return false;
	CHECK(status == GL_PROGRAM_NAMES_OK && links == 3, "names: status %u, %u links", status,
	      links);
	CHECK(driver_links == 3 && !t->failed, "links %u, failed %d", driver_links, t->failed);
	int32_t loc;
	uint32_t err;
	if (!attrib_location(t, 40, "pos", &loc, &err))
		return false;
	CHECK(loc == 0 && err == GL_NO_ERROR, "pos at %d after linking again, error 0x%x", loc,
	      err);
	return true;
}

/* The same in the compatibility profile, where a program with no shader links (fixed
 * function): the driver's link must fail all the same. */
static bool compat_relink_with_a_refused_shader_fails(struct gt *t)
{
	real_compile = gles_host.glCompileShader;
	real_link = gles_host.glLinkProgram;
	gles_host.glCompileShader = counted_compile;
	gles_host.glLinkProgram = counted_link;
	if (!gt_compat_window(t, 8, 8))
		return false;
	static const char compat_vs[] = "#version 120\nattribute vec4 pos;\n"
	                                "void main() { gl_Position = pos; }\n";
	static const char compat_fs[] = "#version 120\nvoid main() { gl_FragColor = vec4(1.0); }\n";
	if (!gt_program_src(t, 1, 40, compat_vs, compat_fs) || !link_status(t, 40, GL_TRUE))
		return false;
	/* gt_program_src made shaders 41 and 42; 43 does not compile. */
	gt_shader(t, 43, GL_FRAGMENT_SHADER, "#version 120\nvoid main() { gl_FragColor = 1; }\n");
	gt_cmd(t, GLES_OP_glDetachShader, 2, 40, 42);
	gt_cmd(t, GLES_OP_glAttachShader, 2, 40, 43);
	gt_cmd(t, GLES_OP_glLinkProgram, 1, 40);
	if (!compile_status(t, 43, GL_FALSE) || !link_status(t, 40, GL_FALSE))
		return false;
	CHECK(driver_links == 2, "the driver linked %u programs", driver_links);
	return unlinked_to_the_app(t);
}

/* Qt 5's shaders begin as below. The driver defines GL_KHR_blend_equation_advanced where its
 * context has the extension, in a desktop context too, where gpupipe does not offer it to
 * the app; glslang defines it everywhere. Both define it alike, so the shader compiles, on a
 * compatibility context (GL_EXTENSIONS) and on a core one (glGetStringi). Refused with
 * "cannot tell whether the driver defines this macro" while the check asked gpupipe's offer. */
static const char qt5_preamble[] = "#ifdef GL_KHR_blend_equation_advanced\n"
                                   "#extension GL_ARB_fragment_coord_conventions : enable\n"
                                   "#extension GL_KHR_blend_equation_advanced : enable\n"
                                   "#endif\n";

/* Whether the host's driver lists `name` in the current context. */
static bool driver_lists(const char *name, bool core)
{
	if (!core) {
		const char *all = (const char *)gles_host.glGetString(GL_EXTENSIONS);
		size_t n = strlen(name);
		for (const char *p = all; p && (p = strstr(p, name)); p += n) {
			if ((p == all || p[-1] == ' ') && (p[n] == ' ' || p[n] == 0))
				return true;
		}
		return false;
	}
	GLint count = 0;
	gles_host.glGetIntegerv(GL_NUM_EXTENSIONS, &count);
	for (GLint i = 0; i < count; i++) {
		const char *e = (const char *)gles_host.glGetStringi(GL_EXTENSIONS, (GLuint)i);
		if (e && strcmp(e, name) == 0)
			return true;
	}
	return false;
}

static bool macro_the_driver_defines_unoffered(struct gt *t, bool core)
{
	if (!(core ? gt_core_window(t, 8, 8) : gt_compat_window(t, 8, 8)))
		return false;
	char src[512];
	snprintf(src, sizeof(src), "%s%s%s", core ? "#version 150\n" : "", qt5_preamble,
	         core ? "out vec4 colour;\nvoid main() { colour = vec4(1.0); }\n"
	              : "#define lowp\nvarying lowp vec4 color;\n"
	                "void main() { gl_FragColor = color; }\n");
	gt_shader(t, 60, GL_FRAGMENT_SHADER, src);
	if (driver_lists("GL_KHR_blend_equation_advanced", core)) {
		if (!compile_status(t, 60, GL_TRUE))
			return false;
		/* The app's shader, and the check's probe of the driver's preprocessor. */
		GLint status = GL_FALSE;
		gles_host.glGetShaderiv(host_name(t, GL_NAMES_SHADER, 60), GL_COMPILE_STATUS,
		                        &status);
		CHECK(status == GL_TRUE && driver_compiles == 2,
		      "the driver compiled %u shaders, the app's with status %d", driver_compiles,
		      status);
		return true;
	}
	/* A driver without it leaves the macro undefined where glslang defines it: refused. */
	printf("the host's driver lacks GL_KHR_blend_equation_advanced: the shader must be "
	       "refused\n");
	return compile_status(t, 60, GL_FALSE) && driver_never_compiled(t, 60);
}

/* Mesa lists GL_ARB_gpu_shader_fp64 in a 4.5 compatibility context but leaves its macro
 * undefined in a GLSL 1.10 shader; glslang defines it there. Asked whether the context
 * lists (or offers) the extension, the check took the #ifdef branch glslang read while the
 * driver would compile the other, unchecked; asked of the driver's preprocessor, it
 * refuses the shader ("cannot tell") and the driver never compiles it. */
static bool compat_shader_tests_a_macro_the_driver_leaves_undefined_at_its_version(struct gt *t)
{
	real_compile = gles_host.glCompileShader;
	gles_host.glCompileShader = counted_compile;
	if (!gt_compat_window(t, 8, 8))
		return false;
	if (!driver_lists("GL_ARB_gpu_shader_fp64", false))
		return true; /* nothing to tell apart: glslang alone defines it */
	static const char src[] = "#version 110\n#ifdef GL_ARB_gpu_shader_fp64\n"
	                          "void main() { gl_FragColor = vec4(1.0); }\n#else\n"
	                          "void main() { gl_FragColor = vec4(0.0); }\n#endif\n";
	gt_shader(t, 61, GL_FRAGMENT_SHADER, src);
	if (!compile_status(t, 61, GL_FALSE) || !driver_never_compiled(t, 61))
		return false;
	char log[512];
	int32_t len = 0;
	CHECK(get_log(t, GLES_OP_glGetShaderInfoLog, 61, sizeof(log), log, &len) &&
	              strstr(log, "cannot tell whether the driver defines this macro"),
	      "the log: %s", log);
	return true;
}

static bool compat_shader_tests_a_macro_the_driver_defines_unoffered(struct gt *t)
{
	real_compile = gles_host.glCompileShader;
	gles_host.glCompileShader = counted_compile;
	return macro_the_driver_defines_unoffered(t, false);
}

static bool core_shader_tests_a_macro_the_driver_defines_unoffered(struct gt *t)
{
	real_compile = gles_host.glCompileShader;
	gles_host.glCompileShader = counted_compile;
	return macro_the_driver_defines_unoffered(t, true);
}

/* A deleted shader still attached keeps its refusal until the link. */
static bool deleted_refused_shader_still_fails_the_link(struct gt *t)
{
	if (!ready(t))
		return false;
	gt_shader(t, 51, GL_VERTEX_SHADER, vs);
	gt_shader(t, 52, GL_FRAGMENT_SHADER, attribute_fs);
	gt_cmd(t, GLES_OP_glCreateProgram, 1, 50);
	gt_cmd(t, GLES_OP_glAttachShader, 2, 50, 51);
	gt_cmd(t, GLES_OP_glAttachShader, 2, 50, 52);
	gt_cmd(t, GLES_OP_glDeleteShader, 1, 52);
	gt_cmd(t, GLES_OP_glLinkProgram, 1, 50);
	char log[256];
	int32_t len;
	if (!link_status(t, 50, GL_FALSE) ||
	    !get_log(t, GLES_OP_glGetProgramInfoLog, 50, sizeof(log), log, &len))
		return false;
	CHECK(strstr(log, "did not compile"), "program log: %s", log);
	CHECK(driver_links == 0, "the driver linked %u programs", driver_links);
	return true;
}

/* GL_DELETE_STATUS of app shader `shader` is `want`, as the app sees it. */
static bool delete_status(struct gt *t, uint32_t shader, int32_t want)
{
	int32_t v;
	if (!get_iv(t, GLES_OP_glGetShaderiv, shader, GL_DELETE_STATUS, &v))
		return false;
	CHECK(v == want, "shader %u: GL_DELETE_STATUS %d, expected %d", shader, v, want);
	return true;
}

/* A shader deleted while attached keeps its name and its driver object (which the driver
 * is not told of: shader-attach.c) until its last detach; one GL refused to attach (an
 * ES program's second vertex shader) goes at once. */
static bool shader_deleted_while_attached_lives_until_its_last_detach(struct gt *t)
{
	if (!ready(t))
		return false;
	gt_shader(t, 61, GL_VERTEX_SHADER, vs);
	gt_shader(t, 62, GL_VERTEX_SHADER, vs);
	gt_cmd(t, GLES_OP_glCreateProgram, 1, 60);
	gt_cmd(t, GLES_OP_glCreateProgram, 1, 63);
	gt_cmd(t, GLES_OP_glAttachShader, 2, 60, 61);
	gt_cmd(t, GLES_OP_glAttachShader, 2, 63, 61);
	gt_cmd(t, GLES_OP_glAttachShader, 2, 60, 62); /* refused: a second vertex shader */
	gt_cmd(t, GLES_OP_glDeleteShader, 1, 61);
	gt_cmd(t, GLES_OP_glDeleteShader, 1, 62);
	gt_cmd(t, GLES_OP_glDetachShader, 2, 60, 61);
	gt_cmd(t, GLES_OP_glDeleteShader, 1, 61); /* again: nothing */
	if (!delete_status(t, 61, GL_TRUE))
		return false;
	GLuint host = host_name(t, GL_NAMES_SHADER, 61);
	CHECK(host && gles_host.glIsShader(host), "shader 61's driver object went while attached");
	GLint driver_status = GL_TRUE;
	gles_host.glGetShaderiv(host, GL_DELETE_STATUS, &driver_status);
	CHECK(driver_status == GL_FALSE, "the driver was told of the deletion while attached");
	CHECK(!host_name(t, GL_NAMES_SHADER, 62), "shader 62, refused and deleted, kept its name");
	gt_cmd(t, GLES_OP_glDetachShader, 2, 63, 61);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	CHECK(!host_name(t, GL_NAMES_SHADER, 61), "shader 61 kept its name after its last detach");
	CHECK(!gles_host.glIsShader(host), "shader 61's driver object outlived its name");
	/* Its name may be made again. */
	gt_shader(t, 61, GL_FRAGMENT_SHADER, fs);
	return compile_status(t, 61, GL_TRUE) && delete_status(t, 61, GL_FALSE);
}

/* Why the driver is not told of a shader's deletion while it is attached: a program the app
 * has current where the driver does not (its glUseProgram failed: never linked) is freed by
 * the driver at its glDeleteProgram, while GL keeps it, and its shaders with it, until the
 * app lets go. The flagged shader's driver object must outlive its app name. */
static bool shader_of_a_program_the_driver_freed_first_outlives_it(struct gt *t)
{
	if (!ready(t))
		return false;
	gt_shader(t, 71, GL_VERTEX_SHADER, vs);
	gt_cmd(t, GLES_OP_glCreateProgram, 1, 70);
	gt_cmd(t, GLES_OP_glAttachShader, 2, 70, 71);
	gt_cmd(t, GLES_OP_glUseProgram, 1, 70); /* refused by the driver: never linked */
	gt_cmd(t, GLES_OP_glDeleteShader, 1, 71);
	gt_cmd(t, GLES_OP_glDeleteProgram, 1, 70);
	if (!delete_status(t, 71, GL_TRUE))
		return false;
	GLuint host = host_name(t, GL_NAMES_SHADER, 71);
	CHECK(host && gles_host.glIsShader(host),
	      "shader 71's driver object went with the program the driver freed");
	gt_cmd(t, GLES_OP_glUseProgram, 1, 0);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	CHECK(!host_name(t, GL_NAMES_SHADER, 71), "shader 71 kept its name once its program went");
	CHECK(!gles_host.glIsShader(host), "shader 71's driver object outlived its name");
	return true;
}

/* What the check adds to a glCompileShader, next to the driver's own
 * compile, for the shaders of glmark2's build scene; the least of a few
 * rounds (the machine may be busy). */
static bool compile_cost(struct gt *t)
{
	enum { ROUNDS = 5, N = 40 };
	if (!ready(t))
		return false;
	double best_total = 1e9, best_driver = 1e9;
	uint32_t name = 100;
	long salt = (long)(now() * 1e6); /* its disk cache outlives this process */
	for (int r = 0; r < ROUNDS; r++) {
		driver_compile_s = 0;
		double t0 = now();
		for (int i = 0; i < N; i++, name += 2) {
			/* A source of its own each: Mesa skips a compile whose
			 * source its shader cache knows. */
			char vs_n[sizeof(glmark2_build_vs) + 40],
			        fs_n[sizeof(glmark2_build_fs) + 40];
			snprintf(vs_n, sizeof(vs_n), "%s// %ld %u\n", glmark2_build_vs, salt, name);
			snprintf(fs_n, sizeof(fs_n), "%s// %ld %u\n", glmark2_build_fs, salt, name);
			gt_shader(t, name, GL_VERTEX_SHADER, vs_n);
			gt_shader(t, name + 1, GL_FRAGMENT_SHADER, fs_n);
		}
		CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
		double total = now() - t0;
		if (total < best_total) {
			best_total = total;
			best_driver = driver_compile_s;
		}
	}
	CHECK(driver_compiles == 2 * N * ROUNDS, "the driver compiled %u shaders", driver_compiles);
	printf("glCompileShader of glmark2's build shaders through the executor: %.0f us each: "
	       "the driver %.0f us, the check (reading the source back, glslang) %.0f us\n",
	       best_total / (2 * N) * 1e6, best_driver / (2 * N) * 1e6,
	       (best_total - best_driver) / (2 * N) * 1e6);
	return compile_status(t, 100, GL_TRUE) && compile_status(t, 101, GL_TRUE);
}

static const struct gt_case cases[] = {
        GT_CASE(valid_es100_shader_goes_through_glslang_to_the_driver),
        GT_CASE(refused_shader_never_reaches_the_driver),
        GT_CASE(use_after_free_reproducer_fails_compile_and_link),
        GT_CASE(relink_with_a_refused_shader_fails),
        GT_CASE(compat_relink_with_a_refused_shader_fails),
        GT_CASE(compat_shader_tests_a_macro_the_driver_defines_unoffered),
        GT_CASE(compat_shader_tests_a_macro_the_driver_leaves_undefined_at_its_version),
        GT_CASE(core_shader_tests_a_macro_the_driver_defines_unoffered),
        GT_CASE(deleted_refused_shader_still_fails_the_link),
        GT_CASE(shader_deleted_while_attached_lives_until_its_last_detach),
        GT_CASE(shader_of_a_program_the_driver_freed_first_outlives_it),
        GT_CASE(compile_cost),
};

int main(int argc, char **argv)
{
	return gt_main(argc, argv, cases, sizeof(cases) / sizeof(cases[0]), false);
}
