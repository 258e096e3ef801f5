/*
 * Declarations standing in for the built-ins of shader extensions glslang
 * 12 lacks (see shader-standins.c for how they are used). Functions are
 * prototypes without a body: glslang only parses, it never links. Every
 * parameter and return value is highp: precision decides no error in
 * GLSL ES, and samplers other than 2D and cube have no default precision.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shader-glslang.h"
#include "shader-standins.h"

/* Room for n more bytes and a NUL. */
static bool reserve(struct gh_standin_text *t, size_t n)
{
	if (t->failed)
		return false;
	if (t->len + n + 1 <= t->cap)
		return true;
	size_t cap = (t->cap ? t->cap * 2 : 1024) + n;
	char *s = realloc(t->s, cap);
	if (!s) {
		t->failed = true;
		return false;
	}
	t->s = s;
	t->cap = cap;
	return true;
}

void gh_standin_append(struct gh_standin_text *t, const char *data, size_t n)
{
	if (!reserve(t, n))
		return;
	memcpy(t->s + t->len, data, n);
	t->len += n;
	t->s[t->len] = 0;
}

void gh_standin_printf(struct gh_standin_text *t, const char *fmt, ...)
{
	if (t->failed)
		return;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		t->failed = true;
	if (n < 0 || !reserve(t, (size_t)n))
		return;
	va_start(ap, fmt);
	vsnprintf(t->s + t->len, t->cap - t->len, fmt, ap);
	va_end(ap);
	t->len += (size_t)n;
}

/* The float, int and uint forms of a sampler and what sampling returns. */
static const struct {
	const char *prefix, *vec4;
} kinds[] = {{"", "vec4"}, {"i", "ivec4"}, {"u", "uvec4"}};

/* The plain (not shadow) sampler types of GLSL ES 3.x with the sizes of
 * their coordinates and offsets. */
static const struct {
	const char *type, *coord, *offset; /* offset NULL: no *Offset form */
	bool cube_array;
} samplers[] = {
        {"sampler2D", "vec2", "ivec2", false},    {"sampler3D", "vec3", "ivec3", false},
        {"samplerCube", "vec3", NULL, false},     {"sampler2DArray", "vec3", "ivec2", false},
        {"samplerCubeArray", "vec4", NULL, true},
};

#define N_SAMPLERS (sizeof(samplers) / sizeof(samplers[0]))

void gh_standins_query_lod(struct gh_standin_text *t, bool cube_arrays)
{
	/* The extension's spelling and GLSL 4's, as Mesa takes both. */
	static const char *const names[] = {"gp_texQueryLOD_", "gp_texQueryLod_"};
	/* Shadow samplers query with their plain coordinates. */
	static const struct {
		const char *type, *coord;
		bool cube_array;
	} shadows[] = {{"sampler2DShadow", "vec2", false},
	               {"samplerCubeShadow", "vec3", false},
	               {"sampler2DArrayShadow", "vec2", false},
	               {"samplerCubeArrayShadow", "vec3", true}};
	for (size_t n = 0; n < 2; n++) {
		for (size_t s = 0; s < N_SAMPLERS; s++) {
			if (samplers[s].cube_array && !cube_arrays)
				continue;
			/* The array layer is not a coordinate of the query. */
			const char *coord = s == 3 ? "vec2" : s == 4 ? "vec3" : samplers[s].coord;
			for (size_t k = 0; k < 3; k++)
				gh_standin_printf(t, " highp vec2 %s(highp %s%s, highp %s);",
				                  names[n], kinds[k].prefix, samplers[s].type,
				                  coord);
		}
		for (size_t s = 0; s < sizeof(shadows) / sizeof(shadows[0]); s++) {
			if (!shadows[s].cube_array || cube_arrays)
				gh_standin_printf(t, " highp vec2 %s(highp %s, highp %s);",
				                  names[n], shadows[s].type, shadows[s].coord);
		}
	}
}

/* texture(), textureLod(), textureOffset(), textureLodOffset() of the
 * plain samplers, as GLSL ES 3.x has them (bias forms in fragment shaders). */
static void plain_sampling(struct gh_standin_text *t, bool fragment, bool cube_arrays)
{
	for (size_t s = 0; s < N_SAMPLERS; s++) {
		if (samplers[s].cube_array && !cube_arrays)
			continue;
		for (size_t k = 0; k < 3; k++) {
			const char *v = kinds[k].vec4, *p = kinds[k].prefix, *ty = samplers[s].type,
			           *c = samplers[s].coord, *o = samplers[s].offset;
			gh_standin_printf(t, " highp %s gp_texL(highp %s%s, highp %s);", v, p, ty,
			                  c);
			gh_standin_printf(
			        t, " highp %s gp_texLod_(highp %s%s, highp %s, highp float);", v, p,
			        ty, c);
			if (fragment)
				gh_standin_printf(
				        t, " highp %s gp_texL(highp %s%s, highp %s, highp float);",
				        v, p, ty, c);
			if (!o)
				continue;
			gh_standin_printf(t, " highp %s gp_texOffset_(highp %s%s, highp %s, %s);",
			                  v, p, ty, c, o);
			gh_standin_printf(
			        t,
			        " highp %s gp_texLodOffset_(highp %s%s, highp %s, highp float, "
			        "%s);",
			        v, p, ty, c, o);
			if (fragment)
				gh_standin_printf(
				        t,
				        " highp %s gp_texOffset_(highp %s%s, highp %s, %s, highp "
				        "float);",
				        v, p, ty, c, o);
		}
	}
}

/* One prototype returning float of a shadow sampler; `bias` adds a
 * trailing float parameter in fragment shaders only; `fragment` forms are
 * biased ones of their own (the bias comes before another parameter, or
 * the form without it is another function). */
struct shadow_form {
	const char *name, *args;
	bool bias, cube_array, fragment;
};

void gh_standins_shadow_lod(struct gh_standin_text *t, int stage, bool cube_arrays)
{
	static const struct shadow_form forms[] = {
	        /* GLSL ES 3.x's own */
	        {"gp_texL", "highp sampler2DShadow, highp vec3", true, false, false},
	        {"gp_texL", "highp samplerCubeShadow, highp vec4", true, false, false},
	        {"gp_texL", "highp sampler2DArrayShadow, highp vec4", false, false, false},
	        {"gp_texL", "highp samplerCubeArrayShadow, highp vec4, highp float", false, true,
	         false},
	        {"gp_texLod_", "highp sampler2DShadow, highp vec3, highp float", false, false,
	         false},
	        {"gp_texOffset_", "highp sampler2DShadow, highp vec3, ivec2", true, false, false},
	        {"gp_texLodOffset_", "highp sampler2DShadow, highp vec3, highp float, ivec2", false,
	         false, false},
	        /* EXT_texture_shadow_lod's */
	        {"gp_texL", "highp sampler2DArrayShadow, highp vec4, highp float", false, false,
	         true},
	        {"gp_texL", "highp samplerCubeArrayShadow, highp vec4, highp float, highp float",
	         false, true, true},
	        {"gp_texLod_", "highp sampler2DArrayShadow, highp vec4, highp float", false, false,
	         false},
	        {"gp_texLod_", "highp samplerCubeShadow, highp vec4, highp float", false, false,
	         false},
	        {"gp_texLod_", "highp samplerCubeArrayShadow, highp vec4, highp float, highp float",
	         false, true, false},
	        {"gp_texOffset_", "highp sampler2DArrayShadow, highp vec4, ivec2", true, false,
	         false},
	        {"gp_texLodOffset_", "highp sampler2DArrayShadow, highp vec4, highp float, ivec2",
	         false, false, false},
	};
	bool fragment = stage == GH_GLSLANG_FRAGMENT;
	plain_sampling(t, fragment, cube_arrays);
	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		const struct shadow_form *f = &forms[i];
		if ((f->cube_array && !cube_arrays) || (f->fragment && !fragment))
			continue;
		gh_standin_printf(t, " highp float %s(%s);", f->name, f->args);
		if (f->bias && fragment)
			gh_standin_printf(t, " highp float %s(%s, highp float);", f->name, f->args);
	}
}

void gh_standins_clip_cull(struct gh_standin_text *t, bool clip_redeclared, bool cull_redeclared)
{
	gh_standin_printf(t,
	                  "const mediump int gp_MaxClipDistances = %d; const mediump int "
	                  "gp_MaxCullDistances = %d; const mediump int "
	                  "gp_MaxCombinedClipAndCullDistances = %d;",
	                  gh_glslang_max_clip_distances(), gh_glslang_max_cull_distances(),
	                  gh_glslang_max_combined_clip_cull());
	if (!clip_redeclared)
		gh_standin_printf(t, " highp float gp_ClipDistance[gp_MaxClipDistances];");
	if (!cull_redeclared)
		gh_standin_printf(t, " highp float gp_CullDistance[gp_MaxCullDistances];");
}

void gh_standins_group_vote(struct gh_standin_text *t)
{
	gh_standin_printf(t, "bool gp_anyInvocation(bool); bool gp_allInvocations(bool); bool "
	                     "gp_allInvocationsEqual(bool);");
}

/* The integer type of `n` components: int/ivecN, or uint/uvecN. */
static void int_type(char out[8], bool is_unsigned, int n)
{
	if (n == 1)
		snprintf(out, 8, "%s", is_unsigned ? "uint" : "int");
	else
		snprintf(out, 8, "%s%d", is_unsigned ? "uvec" : "ivec", n);
}

void gh_standins_integer_functions(struct gh_standin_text *t, int version)
{
	if (version >= 310) {
		gh_standin_printf(t, "#extension GL_EXT_shader_implicit_conversions : enable");
		return;
	}
	for (int n = 1; n <= 4; n++) {
		char it[8], ut[8], ft[8] = "float";
		int_type(it, false, n);
		int_type(ut, true, n);
		if (n > 1)
			snprintf(ft, sizeof(ft), "vec%d", n);
		gh_standin_printf(t,
		                  " highp %s uaddCarry(highp %s, highp %s, out highp %s); highp %s "
		                  "usubBorrow(highp %s, highp %s, out highp %s);",
		                  ut, ut, ut, ut, ut, ut, ut, ut);
		gh_standin_printf(
		        t,
		        " void umulExtended(highp %s, highp %s, out highp %s, out highp %s);"
		        " void imulExtended(highp %s, highp %s, out highp %s, out highp %s);",
		        ut, ut, ut, ut, it, it, it, it);
		for (int u = 0; u < 2; u++) {
			const char *ty = u ? ut : it;
			gh_standin_printf(t,
			                  " highp %s bitfieldExtract(highp %s, int, int); highp %s "
			                  "bitfieldInsert(highp %s, highp %s, int, int); highp %s "
			                  "bitfieldReverse(highp %s);",
			                  ty, ty, ty, ty, ty, ty, ty);
			/* bitCount, findLSB, findMSB return ints of the argument's size. */
			gh_standin_printf(
			        t,
			        " lowp %s bitCount(highp %s); lowp %s findLSB(highp %s); lowp %s "
			        "findMSB(highp %s);",
			        it, ty, it, ty, it, ty);
		}
		gh_standin_printf(
		        t,
		        " highp %s frexp(highp %s, out highp %s); highp %s ldexp(highp %s, "
		        "highp %s);",
		        ft, ft, it, ft, ft, it);
	}
}

void gh_standins_fetch_depth_stencil(struct gh_standin_text *t)
{
	gh_standin_printf(t, "highp float gp_LastFragDepthARM; lowp int gp_LastFragStencilARM;");
}
