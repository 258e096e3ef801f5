/*
 * gl-es32-state's checks of the shading-language and render-state ES extensions: each
 * draws into the 4x4 framebuffer (or a texture) and reads back what GL made of it.
 *
 *   depth-clamp            a triangle beyond the far plane is drawn only while clamped
 *   clip-cull-distance     its clip limit; gl_ClipDistance and gl_CullDistance cut a
 *                          triangle; GL_CLIP_DISTANCE0_EXT's enable
 *   clip-control           glClipControlEXT's state; a triangle at z = -0.5 is clipped
 *                          only with GL_ZERO_TO_ONE_EXT
 *   conditional-render     draws kept or dropped by an occlusion query's result; a name
 *                          that is no query is GL_INVALID_VALUE
 *   clear-texture          a whole level, a region, zeros (NULL), a region past the level
 *   blend-coherent         the enable, and two advanced blends with no barrier between
 *   texture-query-lod, texture-shadow-lod, group-vote, integer-mix, implicit-conversions,
 *   integer-functions, noperspective, image-atomic, fetch-depth-stencil: a shader using
 *                          the extension computes a value, green when it is right
 *   android-pack           listed only with every extension it stands for; its shader
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <EGL/egl.h>
#include <GLES3/gl31.h>
#include <GLES2/gl2ext.h>

#include "gl-checks.h"
#include "gl-es32-exts.h"

#define PROC(type, name) type name = (type)eglGetProcAddress(#name)

#define GREEN 0x00ff00u
#define RED 0xff0000u

static unsigned pixel_at(int x, int y)
{
	unsigned char p[4] = {0};
	glReadPixels(x, y, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, p);
	return (unsigned)p[0] << 16 | (unsigned)p[1] << 8 | p[2];
}

static bool pixel_is(const char *check, unsigned want, const char *what)
{
	unsigned got = pixel_at(2, 2);
	return got == want || gc_fail(check, "%s: pixel %06x, expected %06x", what, got, want);
}

static GLuint shader(GLenum type, const char *src)
{
	GLuint s = glCreateShader(type);
	glShaderSource(s, 1, &src, NULL);
	glCompileShader(s);
	GLint ok = 0;
	glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
	if (!ok) {
		char log[512] = "";
		glGetShaderInfoLog(s, sizeof(log), NULL, log);
		printf("info: compile failed: %s\n", log);
		glDeleteShader(s);
		return 0;
	}
	return s;
}

static GLuint link(GLuint a, GLuint b)
{
	if (!a || !b)
		return 0;
	GLuint p = glCreateProgram();
	glAttachShader(p, a);
	glAttachShader(p, b);
	glBindAttribLocation(p, 0, "pos");
	glLinkProgram(p);
	glDeleteShader(a);
	glDeleteShader(b);
	GLint ok = 0;
	glGetProgramiv(p, GL_LINK_STATUS, &ok);
	if (!ok) {
		char log[512] = "";
		glGetProgramInfoLog(p, sizeof(log), NULL, log);
		printf("info: link failed: %s\n", log);
	}
	return ok ? p : 0;
}

static const char vs300[] = "#version 300 es\nin vec3 pos;\n"
                            "void main() { gl_Position = vec4(pos, 1.0); }\n";
static const char vs310[] = "#version 310 es\nin vec3 pos;\n"
                            "void main() { gl_Position = vec4(pos, 1.0); }\n";
static const char fs_flat[] = "#version 300 es\nprecision mediump float;\n"
                              "uniform vec4 color; out vec4 o;\n"
                              "void main() { o = color; }\n";

/* The program of vs300 (or vs310) and `fs`. */
static GLuint with_fs(const char *fs)
{
	bool es310 = strncmp(fs, "#version 310 es", 15) == 0;
	return link(shader(GL_VERTEX_SHADER, es310 ? vs310 : vs300),
	            shader(GL_FRAGMENT_SHADER, fs));
}

/* A triangle over the whole framebuffer at depth z, with `prog`. */
static void cover(GLuint prog, float z)
{
	const float tri[] = {-1, -1, z, 3, -1, z, -1, 3, z};
	glUseProgram(prog);
	glBindBuffer(GL_ARRAY_BUFFER, 0);
	glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 0, tri);
	glEnableVertexAttribArray(0);
	glDrawArrays(GL_TRIANGLES, 0, 3);
}

static void flat(GLuint prog, unsigned rgb, float z)
{
	glUseProgram(prog);
	glUniform4f(glGetUniformLocation(prog, "color"), (float)(rgb >> 16) / 255.0f,
	            (float)(rgb >> 8 & 0xff) / 255.0f, (float)(rgb & 0xff) / 255.0f, 1.0f);
	cover(prog, z);
}

static void clear_black(void)
{
	glClearColor(0, 0, 0, 1);
	glClear(GL_COLOR_BUFFER_BIT);
}

static bool depth_clamp(GLuint prog)
{
	const char *c = "depth-clamp";
	glEnable(GL_DEPTH_CLAMP_EXT);
	if (!glIsEnabled(GL_DEPTH_CLAMP_EXT))
		return gc_fail(c, "glIsEnabled(GL_DEPTH_CLAMP_EXT) is false after glEnable");
	clear_black();
	flat(prog, RED, 2.0f);
	bool ok = pixel_is(c, RED, "clamped, beyond the far plane");
	glDisable(GL_DEPTH_CLAMP_EXT);
	clear_black();
	flat(prog, RED, 2.0f);
	return ok && pixel_is(c, 0, "not clamped") && gc_error_is(c, GL_NO_ERROR, "the draws");
}

static bool clip_cull_distance(void)
{
	const char *c = "clip-cull-distance";
	GLint clip = 0, cull = 0, combined = 0;
	glGetIntegerv(GL_MAX_CLIP_DISTANCES_EXT, &clip);
	glGetIntegerv(GL_MAX_CULL_DISTANCES_EXT, &cull);
	glGetIntegerv(GL_MAX_COMBINED_CLIP_AND_CULL_DISTANCES_EXT, &combined);
	GLenum limits_error = glGetError();
	/* Mesa 22.3's ES contexts answer the clip limit only (the others are
	 * 0 with no error): printed, the same through gpu-0 as natively. */
	printf("info: clip/cull distances: %d, %d, %d combined (error 0x%x)\n", clip, cull,
	       combined, limits_error);
	if (clip < 8)
		return gc_fail(c, "GL_MAX_CLIP_DISTANCES_EXT %d (at least 8)", clip);
	static const char vs[] = "#version 300 es\n"
	                         "#extension GL_EXT_clip_cull_distance : require\n"
	                         "in vec3 pos; uniform float d, e;\n"
	                         "void main() { gl_Position = vec4(pos, 1.0);\n"
	                         "  gl_ClipDistance[0] = d; gl_CullDistance[0] = e;\n"
	                         "  gl_ClipDistance[gl_MaxClipDistances - 7] = 1.0; }\n";
	GLuint p = link(shader(GL_VERTEX_SHADER, vs), shader(GL_FRAGMENT_SHADER, fs_flat));
	if (!p)
		return gc_fail(c, "the program did not build");
	glUseProgram(p);
	glUniform4f(glGetUniformLocation(p, "color"), 0, 1, 0, 1);
	GLint d = glGetUniformLocation(p, "d"), e = glGetUniformLocation(p, "e");
	glEnable(GL_CLIP_DISTANCE0_EXT);
	bool ok = glIsEnabled(GL_CLIP_DISTANCE0_EXT) ||
	          gc_fail(c, "glIsEnabled(GL_CLIP_DISTANCE0_EXT) is false after glEnable");
	const struct {
		float d, e;
		unsigned want;
		const char *what;
	} cases[] = {{1, 1, GREEN, "inside"}, {-1, 1, 0, "clipped"}, {1, -1, 0, "culled"}};
	for (size_t i = 0; ok && i < 3; i++) {
		clear_black();
		glUniform1f(d, cases[i].d);
		glUniform1f(e, cases[i].e);
		cover(p, 0.0f);
		ok = pixel_is(c, cases[i].want, cases[i].what);
	}
	/* (llvmpipe keeps clipping a distance the shader writes once the plane
	 * is disabled again: only the state is checked off.) */
	glDisable(GL_CLIP_DISTANCE0_EXT);
	ok = ok && (!glIsEnabled(GL_CLIP_DISTANCE0_EXT) ||
	            gc_fail(c, "glIsEnabled(GL_CLIP_DISTANCE0_EXT) is true after glDisable"));
	glDeleteProgram(p);
	return ok && gc_error_is(c, GL_NO_ERROR, "the draws");
}

static bool clip_control(GLuint prog)
{
	const char *c = "clip-control";
	PROC(PFNGLCLIPCONTROLEXTPROC, glClipControlEXT);
	if (!glClipControlEXT)
		return gc_fail(c, "no glClipControlEXT");
	glClipControlEXT(GL_LOWER_LEFT_EXT, GL_ZERO_TO_ONE_EXT);
	GLint origin = 0, mode = 0;
	glGetIntegerv(GL_CLIP_ORIGIN_EXT, &origin);
	glGetIntegerv(GL_CLIP_DEPTH_MODE_EXT, &mode);
	if (origin != GL_LOWER_LEFT_EXT || mode != GL_ZERO_TO_ONE_EXT)
		return gc_fail(c, "origin 0x%x, depth mode 0x%x", origin, mode);
	clear_black();
	flat(prog, RED, -0.5f);
	bool ok = pixel_is(c, 0, "z = -0.5 with depth from 0 to 1");
	glClipControlEXT(GL_LOWER_LEFT_EXT, GL_NEGATIVE_ONE_TO_ONE_EXT);
	clear_black();
	flat(prog, RED, -0.5f);
	ok = ok && pixel_is(c, RED, "z = -0.5 with depth from -1 to 1");
	glClipControlEXT(GL_UPPER_LEFT_EXT + 1, GL_NEGATIVE_ONE_TO_ONE_EXT);
	ok = ok && gc_error_is(c, GL_INVALID_ENUM, "an unknown origin");
	glClipControlEXT(GL_UPPER_LEFT_EXT, GL_NEGATIVE_ONE_TO_ONE_EXT);
	glGetIntegerv(GL_CLIP_ORIGIN_EXT, &origin);
	glClipControlEXT(GL_LOWER_LEFT_EXT, GL_NEGATIVE_ONE_TO_ONE_EXT);
	return ok && (origin == GL_UPPER_LEFT_EXT || gc_fail(c, "origin 0x%x", origin)) &&
	       gc_error_is(c, GL_NO_ERROR, "the draws");
}

static bool conditional_render(GLuint prog)
{
	const char *c = "conditional-render";
	PROC(PFNGLBEGINCONDITIONALRENDERNVPROC, glBeginConditionalRenderNV);
	PROC(PFNGLENDCONDITIONALRENDERNVPROC, glEndConditionalRenderNV);
	if (!glBeginConditionalRenderNV || !glEndConditionalRenderNV)
		return gc_fail(c, "no glBegin/EndConditionalRenderNV");
	GLuint q[2];
	glGenQueries(2, q);
	for (int i = 0; i < 2; i++) {
		glBeginQuery(GL_ANY_SAMPLES_PASSED, q[i]);
		flat(prog, RED, i ? 0.0f : 2.0f); /* the first one is clipped away */
		glEndQuery(GL_ANY_SAMPLES_PASSED);
	}
	bool ok = true;
	for (int i = 0; ok && i < 2; i++) {
		clear_black();
		glBeginConditionalRenderNV(q[i], GL_QUERY_WAIT_NV);
		flat(prog, GREEN, 0.0f);
		glEndConditionalRenderNV();
		ok = pixel_is(c, i ? GREEN : 0, i ? "after samples passed" : "after none passed");
	}
	ok = ok && gc_error_is(c, GL_NO_ERROR, "the conditional draws");
	glBeginConditionalRenderNV(q[1] + 1000, GL_QUERY_WAIT_NV);
	ok = ok && gc_error_is(c, GL_INVALID_VALUE, "a name that is no query");
	glDeleteQueries(2, q);
	return ok;
}

static bool clear_texture(GLuint fb)
{
	const char *c = "clear-texture";
	PROC(PFNGLCLEARTEXIMAGEEXTPROC, glClearTexImageEXT);
	PROC(PFNGLCLEARTEXSUBIMAGEEXTPROC, glClearTexSubImageEXT);
	if (!glClearTexImageEXT || !glClearTexSubImageEXT)
		return gc_fail(c, "no glClearTex*ImageEXT");
	static const unsigned char red[4] = {255, 0, 0, 255}, green[4] = {0, 255, 0, 255};
	GLuint tex, tfb;
	glGenTextures(1, &tex);
	glBindTexture(GL_TEXTURE_2D, tex);
	glTexStorage2D(GL_TEXTURE_2D, 2, GL_RGBA8, 4, 4);
	glGenFramebuffers(1, &tfb);
	glBindFramebuffer(GL_FRAMEBUFFER, tfb);
	glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex, 0);
	glClearTexImageEXT(tex, 0, GL_RGBA, GL_UNSIGNED_BYTE, red);
	glClearTexSubImageEXT(tex, 0, 1, 1, 0, 2, 2, 1, GL_RGBA, GL_UNSIGNED_BYTE, green);
	bool ok = gc_error_is(c, GL_NO_ERROR, "the clears");
	unsigned inside = pixel_at(2, 2), outside = pixel_at(0, 3);
	if (ok && (inside != GREEN || outside != RED))
		ok = gc_fail(c, "region %06x, the rest %06x", inside, outside);
	/* Past the level (level 1 is 2x2), then a whole level to zeros. */
	glClearTexSubImageEXT(tex, 1, 1, 0, 0, 2, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, green);
	ok = ok && gc_error_is(c, GL_INVALID_OPERATION, "a region past the level");
	glClearTexImageEXT(tex, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
	ok = ok && pixel_is(c, 0, "cleared to zeros");
	glClearTexImageEXT(tex, 0, GL_RGB, GL_UNSIGNED_SHORT_4_4_4_4, red);
	ok = ok && gc_error_is(c, GL_INVALID_OPERATION, "a type the format does not take") &&
	     pixel_is(c, 0, "after the refused clear");
	glBindFramebuffer(GL_FRAMEBUFFER, fb);
	glDeleteFramebuffers(1, &tfb);
	glDeleteTextures(1, &tex);
	return ok;
}

static bool blend_coherent(void)
{
	const char *c = "blend-coherent";
	if (!glIsEnabled(GL_BLEND_ADVANCED_COHERENT_KHR))
		return gc_fail(c, "off at first (it starts on)");
	glDisable(GL_BLEND_ADVANCED_COHERENT_KHR);
	bool off = !glIsEnabled(GL_BLEND_ADVANCED_COHERENT_KHR);
	glEnable(GL_BLEND_ADVANCED_COHERENT_KHR);
	if (!off || !glIsEnabled(GL_BLEND_ADVANCED_COHERENT_KHR))
		return gc_fail(c, "glEnable/glDisable do not change it");
	GLuint p = with_fs("#version 300 es\n"
	                   "#extension GL_KHR_blend_equation_advanced : require\n"
	                   "precision mediump float;\n"
	                   "layout(blend_support_multiply) out;\n"
	                   "uniform vec4 color; layout(location = 0) out vec4 o;\n"
	                   "void main() { o = color; }\n");
	if (!p)
		return gc_fail(c, "the program did not build");
	glClearColor(1, 1, 1, 1);
	glClear(GL_COLOR_BUFFER_BIT);
	glEnable(GL_BLEND);
	glBlendEquation(GL_MULTIPLY_KHR);
	flat(p, 0xff00ffu, 0.0f);
	/* Coherent: the second blend sees the first with no barrier. */
	flat(p, 0xffff00u, 0.0f);
	glBlendEquation(GL_FUNC_ADD);
	glDisable(GL_BLEND);
	glDeleteProgram(p);
	return pixel_is(c, RED, "magenta times yellow") &&
	       gc_error_is(c, GL_NO_ERROR, "the blends");
}

/* A 4x4 texture of 3 levels for textureQueryLOD. */
static GLuint mip_texture(void)
{
	GLuint t;
	glGenTextures(1, &t);
	glBindTexture(GL_TEXTURE_2D, t);
	glTexStorage2D(GL_TEXTURE_2D, 3, GL_RGBA8, 4, 4);
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
	return t;
}

/* A 4x4x1 depth array of 0.5, compared with LEQUAL. */
static GLuint depth_array(void)
{
	float depth[16];
	for (int i = 0; i < 16; i++)
		depth[i] = 0.5f;
	GLuint t;
	glGenTextures(1, &t);
	glBindTexture(GL_TEXTURE_2D_ARRAY, t);
	glTexImage3D(GL_TEXTURE_2D_ARRAY, 0, GL_DEPTH_COMPONENT32F, 4, 4, 1, 0, GL_DEPTH_COMPONENT,
	             GL_FLOAT, depth);
	glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
	glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
	glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_COMPARE_MODE, GL_COMPARE_REF_TO_TEXTURE);
	glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_COMPARE_FUNC, GL_LEQUAL);
	return t;
}

/* Fragment shaders that write green where the extension computed what it should. */
static const struct {
	const char *check, *ext, *fs;
} shaders[] = {
        {"texture-query-lod", "GL_EXT_texture_query_lod",
         "#version 300 es\n#extension GL_EXT_texture_query_lod : require\n"
         "precision highp float; uniform sampler2D s; out vec4 o;\n"
         "void main() { vec2 l = textureQueryLOD(s, gl_FragCoord.xy);\n"
         "  o = abs(l.y - 2.0) < 0.01 && abs(l.x - 2.0) < 0.01 ? vec4(0, 1, 0, 1) : "
         "vec4(1, 0, l.y / 4.0, 1); }\n"},
        {"texture-shadow-lod", "GL_EXT_texture_shadow_lod",
         "#version 300 es\n#extension GL_EXT_texture_shadow_lod : require\n"
         "precision highp float; uniform highp sampler2DArrayShadow s; out vec4 o;\n"
         "void main() { float a = textureLod(s, vec4(0.5, 0.5, 0.0, 0.25), 0.0);\n"
         "  float b = texture(s, vec4(0.5, 0.5, 0.0, 0.75), 0.0);\n"
         "  float d = textureOffset(s, vec4(0.5, 0.5, 0.0, 0.25), ivec2(1, 0), 0.0);\n"
         "  o = a == 1.0 && b == 0.0 && d == 1.0 ? vec4(0, 1, 0, 1) : vec4(1, a, b, 1); }\n"},
        {"group-vote", "GL_EXT_shader_group_vote",
         "#version 300 es\n#extension GL_EXT_shader_group_vote : require\n"
         "precision mediump float; out vec4 o;\n"
         "void main() { bool t = gl_FragCoord.x > -1.0;\n"
         "  o = anyInvocationEXT(t) && allInvocationsEXT(t) && allInvocationsEqualEXT(t) && "
         "!anyInvocationEXT(!t) ? vec4(0, 1, 0, 1) : vec4(1, 0, 0, 1); }\n"},
        {"integer-mix", "GL_EXT_shader_integer_mix",
         "#version 300 es\n#extension GL_EXT_shader_integer_mix : require\n"
         "precision mediump float; out vec4 o;\n"
         "void main() { ivec2 x = mix(ivec2(1, 2), ivec2(3, 4), bvec2(true, false));\n"
         "  uvec2 u = mix(uvec2(5u), uvec2(6u), bvec2(false, true));\n"
         "  o = x == ivec2(3, 2) && u == uvec2(5u, 6u) ? vec4(0, 1, 0, 1) : vec4(1, 0, 0, 1); }\n"},
        {"implicit-conversions", "GL_EXT_shader_implicit_conversions",
         "#version 310 es\n#extension GL_EXT_shader_implicit_conversions : require\n"
         "precision highp float; uniform int i; out vec4 o;\n"
         "void main() { float f = i; uint u = i;\n"
         "  o = f == 3.0 && u == 3u ? vec4(0, 1, 0, 1) : vec4(1, 0, 0, 1); }\n"},
        {"integer-functions", "GL_MESA_shader_integer_functions",
         "#version 300 es\n#extension GL_MESA_shader_integer_functions : require\n"
         "precision highp float; uniform highp int i; out vec4 o;\n"
         "void main() { highp uint u = uint(i) * 2u + 1u; highp uint carry;\n"
         "  uint s = uaddCarry(0xffffffffu, u, carry);\n"
         "  o = bitCount(u) == 3 && findMSB(u) == 2 && carry == 1u && s == 6u && "
         "bitfieldExtract(u, 1, 2) == 3u ? vec4(0, 1, 0, 1) : vec4(1, 0, 0, 1); }\n"},
        {"fetch-depth-stencil", "GL_ARM_shader_framebuffer_fetch_depth_stencil",
         "#version 300 es\n#extension GL_ARM_shader_framebuffer_fetch_depth_stencil : require\n"
         "precision highp float; out vec4 o;\n"
         "void main() { o = abs(gl_LastFragDepthARM - 0.25) < 0.01 && gl_LastFragStencilARM "
         "== 5 ? vec4(0, 1, 0, 1) : vec4(1, gl_LastFragDepthARM, "
         "float(gl_LastFragStencilARM) / 255.0, 1); }\n"},
};

#define N_SHADERS (sizeof(shaders) / sizeof(shaders[0]))

/* The set-up one shader check needs before its draw; what to undo after. */
static GLuint prepare(size_t i, GLuint prog, GLuint *rb)
{
	GLuint t = 0;
	*rb = 0;
	if (i == 0)
		t = mip_texture();
	if (i == 1)
		t = depth_array();
	if (i == 4 || i == 5)
		glUniform1i(glGetUniformLocation(prog, "i"), 3);
	if (i == 6) {
		glGenRenderbuffers(1, rb);
		glBindRenderbuffer(GL_RENDERBUFFER, *rb);
		glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, 4, 4);
		glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT,
		                          GL_RENDERBUFFER, *rb);
		glClearDepthf(0.25f);
		glClearStencil(5);
		glClear(GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
		glClearDepthf(1.0f);
		glClearStencil(0);
		/* llvmpipe reads the depth and stencil buffers for the shader
		 * only while their tests are on. */
		glEnable(GL_DEPTH_TEST);
		glDepthFunc(GL_ALWAYS);
		glDepthMask(GL_FALSE);
		glEnable(GL_STENCIL_TEST);
		glStencilFunc(GL_ALWAYS, 0, 0xff);
		glStencilOp(GL_KEEP, GL_KEEP, GL_KEEP);
	}
	return t;
}

static bool shader_check(size_t i)
{
	const char *c = shaders[i].check;
	GLuint p = with_fs(shaders[i].fs);
	if (!p)
		return gc_fail(c, "the program did not build");
	glUseProgram(p);
	GLuint rb, t = prepare(i, p, &rb);
	clear_black();
	cover(p, 0.0f);
	bool ok = pixel_is(c, GREEN, "what the shader computed");
	if (rb) {
		glDisable(GL_DEPTH_TEST);
		glDisable(GL_STENCIL_TEST);
		glDepthFunc(GL_LESS);
		glDepthMask(GL_TRUE);
		glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT,
		                          GL_RENDERBUFFER, 0);
		glDeleteRenderbuffers(1, &rb);
	}
	glDeleteTextures(1, &t);
	glDeleteProgram(p);
	return ok && gc_error_is(c, GL_NO_ERROR, "the draw");
}

/* noperspective: a varying interpolated in screen space, constant here. */
static bool noperspective(void)
{
	const char *c = "noperspective";
	static const char vs[] =
	        "#version 300 es\n"
	        "#extension GL_NV_shader_noperspective_interpolation : require\n"
	        "in vec3 pos; noperspective out vec4 v;\n"
	        "void main() { v = vec4(0, 1, 0, 1); gl_Position = vec4(pos, 1.0); "
	        "}\n";
	static const char fs[] = "#version 300 es\n"
	                         "#extension GL_NV_shader_noperspective_interpolation : require\n"
	                         "precision mediump float; noperspective in vec4 v; out vec4 o;\n"
	                         "void main() { o = v; }\n";
	GLuint p = link(shader(GL_VERTEX_SHADER, vs), shader(GL_FRAGMENT_SHADER, fs));
	if (!p)
		return gc_fail(c, "the program did not build");
	clear_black();
	cover(p, 0.0f);
	glDeleteProgram(p);
	return pixel_is(c, GREEN, "the varying");
}

/* OES_shader_image_atomic: eight invocations add 1 to one texel. */
static bool image_atomic(GLuint fb)
{
	const char *c = "image-atomic";
	static const char cs[] = "#version 310 es\n"
	                         "#extension GL_OES_shader_image_atomic : require\n"
	                         "layout(local_size_x = 4) in;\n"
	                         "layout(r32ui, binding = 0) uniform highp uimage2D img;\n"
	                         "void main() { imageAtomicAdd(img, ivec2(0), 1u); }\n";
	GLuint s = shader(GL_COMPUTE_SHADER, cs), p = glCreateProgram();
	if (!s)
		return gc_fail(c, "the compute shader did not compile");
	glAttachShader(p, s);
	glLinkProgram(p);
	glDeleteShader(s);
	GLuint t, tfb, zero = 0, got[4] = {0};
	glGenTextures(1, &t);
	glBindTexture(GL_TEXTURE_2D, t);
	glTexStorage2D(GL_TEXTURE_2D, 1, GL_R32UI, 1, 1);
	glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, 1, 1, GL_RED_INTEGER, GL_UNSIGNED_INT, &zero);
	glBindImageTexture(0, t, 0, GL_FALSE, 0, GL_READ_WRITE, GL_R32UI);
	glUseProgram(p);
	glDispatchCompute(2, 1, 1);
	glMemoryBarrier(GL_FRAMEBUFFER_BARRIER_BIT);
	glGenFramebuffers(1, &tfb);
	glBindFramebuffer(GL_FRAMEBUFFER, tfb);
	glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, t, 0);
	glReadPixels(0, 0, 1, 1, GL_RGBA_INTEGER, GL_UNSIGNED_INT, got);
	glBindFramebuffer(GL_FRAMEBUFFER, fb);
	glDeleteFramebuffers(1, &tfb);
	glDeleteTextures(1, &t);
	glDeleteProgram(p);
	return (got[0] == 8 || gc_fail(c, "the texel is %u, expected 8", got[0])) &&
	       gc_error_is(c, GL_NO_ERROR, "the dispatch");
}

/* ANDROID_extension_pack_es31a stands for these: listed only with all of them. */
static bool android_pack(void)
{
	static const char *const parts[] = {
	        "GL_KHR_debug",
	        "GL_KHR_texture_compression_astc_ldr",
	        "GL_KHR_blend_equation_advanced",
	        "GL_OES_sample_shading",
	        "GL_OES_sample_variables",
	        "GL_OES_shader_image_atomic",
	        "GL_OES_shader_multisample_interpolation",
	        "GL_OES_texture_stencil8",
	        "GL_OES_texture_storage_multisample_2d_array",
	        "GL_EXT_copy_image",
	        "GL_EXT_draw_buffers_indexed",
	        "GL_EXT_geometry_shader",
	        "GL_EXT_gpu_shader5",
	        "GL_EXT_primitive_bounding_box",
	        "GL_EXT_shader_io_blocks",
	        "GL_EXT_tessellation_shader",
	        "GL_EXT_texture_border_clamp",
	        "GL_EXT_texture_buffer",
	        "GL_EXT_texture_cube_map_array",
	        "GL_EXT_texture_sRGB_decode",
	};
	const char *c = "android-pack";
	if (!gc_has("GL_ANDROID_extension_pack_es31a")) {
		printf("info: GL_ANDROID_extension_pack_es31a not listed\n");
		return true;
	}
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		if (!gc_has(parts[i]))
			return gc_fail(c, "listed without %s", parts[i]);
	}
	GLuint p = with_fs("#version 310 es\n#extension GL_ANDROID_extension_pack_es31a : require\n"
	                   "precision mediump float; out vec4 o;\n"
	                   "void main() { o = vec4(0, gl_SampleID == 0 ? 1 : 0, 0, 1); }\n");
	if (!p)
		return gc_fail(c, "its shader did not build");
	clear_black();
	cover(p, 0.0f);
	glDeleteProgram(p);
	return pixel_is(c, GREEN, "gl_SampleID of a single-sampled buffer");
}

static void report(const char *check, const char *ext, bool (*run)(void))
{
	if (ext && !gc_has(ext)) {
		printf("SKIP %s: %s not listed\n", check, ext);
		return;
	}
	if (run())
		printf("PASS %s\n", check);
}

static GLuint flat_prog, target_fb;
static size_t shader_index;

static bool run_depth_clamp(void)
{
	return depth_clamp(flat_prog);
}

static bool run_clip_control(void)
{
	return clip_control(flat_prog);
}

static bool run_conditional_render(void)
{
	return conditional_render(flat_prog);
}

static bool run_clear_texture(void)
{
	return clear_texture(target_fb);
}

static bool run_image_atomic(void)
{
	return image_atomic(target_fb);
}

static bool run_shader(void)
{
	return shader_check(shader_index);
}

void es32_ext_checks(GLuint fb)
{
	target_fb = fb;
	flat_prog = with_fs(fs_flat);
	if (!flat_prog) {
		gc_fail("ext-setup", "the flat program did not build");
		return;
	}
	glDisable(GL_DEPTH_TEST);
	glDisable(GL_BLEND);
	report("depth-clamp", "GL_EXT_depth_clamp", run_depth_clamp);
	report("clip-cull-distance", "GL_EXT_clip_cull_distance", clip_cull_distance);
	report("clip-control", "GL_EXT_clip_control", run_clip_control);
	report("conditional-render", "GL_NV_conditional_render", run_conditional_render);
	report("clear-texture", "GL_EXT_clear_texture", run_clear_texture);
	report("blend-coherent", "GL_KHR_blend_equation_advanced_coherent", blend_coherent);
	for (shader_index = 0; shader_index < N_SHADERS; shader_index++)
		report(shaders[shader_index].check, shaders[shader_index].ext, run_shader);
	report("noperspective", "GL_NV_shader_noperspective_interpolation", noperspective);
	report("image-atomic", "GL_OES_shader_image_atomic", run_image_atomic);
	report("android-pack", NULL, android_pack);
	glDeleteProgram(flat_prog);
	glDisableVertexAttribArray(0);
}
