/*
 * glslang through its C++ interface, because its C interface
 * (glslang_shader_preprocess) resolves #include with DirStackFileIncluder,
 * which opens whatever path a shader names, relative to the current
 * directory: a shader could make the host read a file and show it in the
 * info log. TShader::parse without an includer uses ForbidIncluder.
 */
#include <climits>
#include <cstdlib>
#include <cstring>
#include <new>

#include <GLES3/gl32.h>
#include <GLES2/gl2ext.h>
#include <glslang/Public/ResourceLimits.h>
#include <glslang/Public/ShaderLang.h>

#include "shader-glslang.h"

/* After a failed allocation glslang may hold its global lock or a half-
 * built symbol table: it is not called again. */
static bool broken;
static bool initialized;

bool gh_glslang_init(void)
{
	if (!initialized)
		initialized = glslang::InitializeProcess();
	return initialized;
}

static EShLanguage language(enum gh_glslang_stage stage)
{
	switch (stage) {
	case GH_GLSLANG_VERTEX:
		return EShLangVertex;
	case GH_GLSLANG_TESS_CONTROL:
		return EShLangTessControl;
	case GH_GLSLANG_TESS_EVALUATION:
		return EShLangTessEvaluation;
	case GH_GLSLANG_GEOMETRY:
		return EShLangGeometry;
	case GH_GLSLANG_FRAGMENT:
		return EShLangFragment;
	case GH_GLSLANG_COMPUTE:
		return EShLangCompute;
	}
	return EShLangVertex;
}

static EProfile glslang_profile(enum gh_glslang_profile profile)
{
	switch (profile) {
	case GH_GLSLANG_PROFILE_ES:
		return EEsProfile;
	case GH_GLSLANG_PROFILE_CORE:
		return ECoreProfile;
	case GH_GLSLANG_PROFILE_COMPAT:
		return ECompatibilityProfile;
	case GH_GLSLANG_PROFILE_NONE:
		break;
	}
	return ENoProfile;
}

/* Limits are the driver's to enforce: glslang checks some against these
 * (bindings, offsets, work group and output sizes) and would refuse what
 * the driver allows. glslang's defaults, raised over what drivers offer
 * (llvmpipe included); they also lift every limit of GLSL ES 1.00's
 * appendix A (loops, indexing), as drivers do. */
static TBuiltInResource generous_resources(void)
{
	TBuiltInResource r = *GetDefaultResources();
	r.maxCombinedTextureImageUnits = r.maxTextureImageUnits = 1024;
	r.maxVertexTextureImageUnits = r.maxGeometryTextureImageUnits = 1024;
	r.maxTessControlTextureImageUnits = r.maxTessEvaluationTextureImageUnits = 1024;
	r.maxComputeTextureImageUnits = 1024;
	r.minProgramTexelOffset = -128;
	r.maxProgramTexelOffset = 127;
	r.maxComputeWorkGroupSizeX = r.maxComputeWorkGroupSizeY = 1024;
	r.maxComputeWorkGroupSizeZ = 1024;
	r.maxImageUnits = r.maxCombinedImageUnitsAndFragmentOutputs = 1024;
	r.maxCombinedShaderOutputResources = 1024;
	r.maxImageSamples = r.maxSamples = 64;
	r.maxVertexImageUniforms = r.maxTessControlImageUniforms = 1024;
	r.maxTessEvaluationImageUniforms = r.maxGeometryImageUniforms = 1024;
	r.maxFragmentImageUniforms = r.maxCombinedImageUniforms = r.maxComputeImageUniforms = 1024;
	r.maxGeometryOutputVertices = 4096;
	r.maxGeometryTotalOutputComponents = r.maxGeometryOutputComponents = 65536;
	r.maxVertexAtomicCounters = r.maxTessControlAtomicCounters = 1024;
	r.maxTessEvaluationAtomicCounters = r.maxGeometryAtomicCounters = 1024;
	r.maxFragmentAtomicCounters = r.maxCombinedAtomicCounters = 1024;
	r.maxComputeAtomicCounters = 1024;
	r.maxAtomicCounterBindings = 1024;
	r.maxVertexAtomicCounterBuffers = r.maxTessControlAtomicCounterBuffers = 1024;
	r.maxTessEvaluationAtomicCounterBuffers = r.maxGeometryAtomicCounterBuffers = 1024;
	r.maxFragmentAtomicCounterBuffers = r.maxCombinedAtomicCounterBuffers = 1024;
	r.maxComputeAtomicCounterBuffers = 1024;
	r.maxAtomicCounterBufferSize = 1 << 20;
	r.maxTransformFeedbackBuffers = 64;
	r.maxTransformFeedbackInterleavedComponents = 4096;
	r.maxViewports = 64;
	return r;
}

static TBuiltInResource resources = generous_resources();

/* The built-in constants a shader reads (gl_MaxVertexUniformVectors, ...)
 * are the host driver's values: a shader may size arrays or test #if on
 * them, and glslang must see what the driver will; those of the geometry
 * and tessellation stages too (ES 3.2's gl_MaxGeometry*, gl_MaxTess*).
 * GL query, resource, divisor (vectors from components). */
static const struct {
	unsigned pname;
	int TBuiltInResource::*field;
	int divisor;
} host_constants[] = {
        {GL_MAX_VERTEX_ATTRIBS, &TBuiltInResource::maxVertexAttribs, 1},
        {GL_MAX_VERTEX_UNIFORM_VECTORS, &TBuiltInResource::maxVertexUniformVectors, 1},
        {GL_MAX_VARYING_VECTORS, &TBuiltInResource::maxVaryingVectors, 1},
        {GL_MAX_VERTEX_OUTPUT_COMPONENTS, &TBuiltInResource::maxVertexOutputVectors, 4},
        {GL_MAX_FRAGMENT_INPUT_COMPONENTS, &TBuiltInResource::maxFragmentInputVectors, 4},
        {GL_MAX_FRAGMENT_UNIFORM_VECTORS, &TBuiltInResource::maxFragmentUniformVectors, 1},
        {GL_MAX_VERTEX_UNIFORM_COMPONENTS, &TBuiltInResource::maxVertexUniformComponents, 1},
        {GL_MAX_FRAGMENT_UNIFORM_COMPONENTS, &TBuiltInResource::maxFragmentUniformComponents, 1},
        {GL_MAX_VARYING_COMPONENTS, &TBuiltInResource::maxVaryingComponents, 1},
        {GL_MAX_DRAW_BUFFERS, &TBuiltInResource::maxDrawBuffers, 1},
        {GL_MAX_VERTEX_TEXTURE_IMAGE_UNITS, &TBuiltInResource::maxVertexTextureImageUnits, 1},
        {GL_MAX_TEXTURE_IMAGE_UNITS, &TBuiltInResource::maxTextureImageUnits, 1},
        {GL_MAX_COMBINED_TEXTURE_IMAGE_UNITS, &TBuiltInResource::maxCombinedTextureImageUnits, 1},
        {GL_MIN_PROGRAM_TEXEL_OFFSET, &TBuiltInResource::minProgramTexelOffset, 1},
        {GL_MAX_PROGRAM_TEXEL_OFFSET, &TBuiltInResource::maxProgramTexelOffset, 1},
        {GL_MAX_IMAGE_UNITS, &TBuiltInResource::maxImageUnits, 1},
        {GL_MAX_VERTEX_IMAGE_UNIFORMS, &TBuiltInResource::maxVertexImageUniforms, 1},
        {GL_MAX_FRAGMENT_IMAGE_UNIFORMS, &TBuiltInResource::maxFragmentImageUniforms, 1},
        {GL_MAX_COMPUTE_IMAGE_UNIFORMS, &TBuiltInResource::maxComputeImageUniforms, 1},
        {GL_MAX_COMBINED_IMAGE_UNIFORMS, &TBuiltInResource::maxCombinedImageUniforms, 1},
        {GL_MAX_COMBINED_SHADER_OUTPUT_RESOURCES,
         &TBuiltInResource::maxCombinedShaderOutputResources, 1},
        {GL_MAX_COMPUTE_UNIFORM_COMPONENTS, &TBuiltInResource::maxComputeUniformComponents, 1},
        {GL_MAX_COMPUTE_TEXTURE_IMAGE_UNITS, &TBuiltInResource::maxComputeTextureImageUnits, 1},
        {GL_MAX_COMPUTE_ATOMIC_COUNTERS, &TBuiltInResource::maxComputeAtomicCounters, 1},
        {GL_MAX_COMPUTE_ATOMIC_COUNTER_BUFFERS, &TBuiltInResource::maxComputeAtomicCounterBuffers,
         1},
        {GL_MAX_VERTEX_ATOMIC_COUNTERS, &TBuiltInResource::maxVertexAtomicCounters, 1},
        {GL_MAX_FRAGMENT_ATOMIC_COUNTERS, &TBuiltInResource::maxFragmentAtomicCounters, 1},
        {GL_MAX_COMBINED_ATOMIC_COUNTERS, &TBuiltInResource::maxCombinedAtomicCounters, 1},
        {GL_MAX_ATOMIC_COUNTER_BUFFER_BINDINGS, &TBuiltInResource::maxAtomicCounterBindings, 1},
        {GL_MAX_VERTEX_ATOMIC_COUNTER_BUFFERS, &TBuiltInResource::maxVertexAtomicCounterBuffers, 1},
        {GL_MAX_FRAGMENT_ATOMIC_COUNTER_BUFFERS, &TBuiltInResource::maxFragmentAtomicCounterBuffers,
         1},
        {GL_MAX_COMBINED_ATOMIC_COUNTER_BUFFERS, &TBuiltInResource::maxCombinedAtomicCounterBuffers,
         1},
        {GL_MAX_ATOMIC_COUNTER_BUFFER_SIZE, &TBuiltInResource::maxAtomicCounterBufferSize, 1},
        {GL_MAX_GEOMETRY_INPUT_COMPONENTS, &TBuiltInResource::maxGeometryInputComponents, 1},
        {GL_MAX_GEOMETRY_OUTPUT_COMPONENTS, &TBuiltInResource::maxGeometryOutputComponents, 1},
        {GL_MAX_GEOMETRY_OUTPUT_VERTICES, &TBuiltInResource::maxGeometryOutputVertices, 1},
        {GL_MAX_GEOMETRY_TOTAL_OUTPUT_COMPONENTS,
         &TBuiltInResource::maxGeometryTotalOutputComponents, 1},
        {GL_MAX_GEOMETRY_UNIFORM_COMPONENTS, &TBuiltInResource::maxGeometryUniformComponents, 1},
        {GL_MAX_GEOMETRY_TEXTURE_IMAGE_UNITS, &TBuiltInResource::maxGeometryTextureImageUnits, 1},
        {GL_MAX_GEOMETRY_IMAGE_UNIFORMS, &TBuiltInResource::maxGeometryImageUniforms, 1},
        {GL_MAX_GEOMETRY_ATOMIC_COUNTERS, &TBuiltInResource::maxGeometryAtomicCounters, 1},
        {GL_MAX_GEOMETRY_ATOMIC_COUNTER_BUFFERS, &TBuiltInResource::maxGeometryAtomicCounterBuffers,
         1},
        {GL_MAX_TESS_CONTROL_INPUT_COMPONENTS, &TBuiltInResource::maxTessControlInputComponents, 1},
        {GL_MAX_TESS_CONTROL_OUTPUT_COMPONENTS, &TBuiltInResource::maxTessControlOutputComponents,
         1},
        {GL_MAX_TESS_CONTROL_TEXTURE_IMAGE_UNITS,
         &TBuiltInResource::maxTessControlTextureImageUnits, 1},
        {GL_MAX_TESS_CONTROL_UNIFORM_COMPONENTS, &TBuiltInResource::maxTessControlUniformComponents,
         1},
        {GL_MAX_TESS_CONTROL_TOTAL_OUTPUT_COMPONENTS,
         &TBuiltInResource::maxTessControlTotalOutputComponents, 1},
        {GL_MAX_TESS_CONTROL_IMAGE_UNIFORMS, &TBuiltInResource::maxTessControlImageUniforms, 1},
        {GL_MAX_TESS_CONTROL_ATOMIC_COUNTERS, &TBuiltInResource::maxTessControlAtomicCounters, 1},
        {GL_MAX_TESS_CONTROL_ATOMIC_COUNTER_BUFFERS,
         &TBuiltInResource::maxTessControlAtomicCounterBuffers, 1},
        {GL_MAX_TESS_EVALUATION_INPUT_COMPONENTS,
         &TBuiltInResource::maxTessEvaluationInputComponents, 1},
        {GL_MAX_TESS_EVALUATION_OUTPUT_COMPONENTS,
         &TBuiltInResource::maxTessEvaluationOutputComponents, 1},
        {GL_MAX_TESS_EVALUATION_TEXTURE_IMAGE_UNITS,
         &TBuiltInResource::maxTessEvaluationTextureImageUnits, 1},
        {GL_MAX_TESS_EVALUATION_UNIFORM_COMPONENTS,
         &TBuiltInResource::maxTessEvaluationUniformComponents, 1},
        {GL_MAX_TESS_EVALUATION_IMAGE_UNIFORMS, &TBuiltInResource::maxTessEvaluationImageUniforms,
         1},
        {GL_MAX_TESS_EVALUATION_ATOMIC_COUNTERS, &TBuiltInResource::maxTessEvaluationAtomicCounters,
         1},
        {GL_MAX_TESS_EVALUATION_ATOMIC_COUNTER_BUFFERS,
         &TBuiltInResource::maxTessEvaluationAtomicCounterBuffers, 1},
        {GL_MAX_TESS_PATCH_COMPONENTS, &TBuiltInResource::maxTessPatchComponents, 1},
        {GL_MAX_TESS_GEN_LEVEL, &TBuiltInResource::maxTessGenLevel, 1},
        {GL_MAX_PATCH_VERTICES, &TBuiltInResource::maxPatchVertices, 1},
        {GL_MAX_SAMPLES, &TBuiltInResource::maxSamples, 1},
        {GL_MAX_VIEWPORTS_OES, &TBuiltInResource::maxViewports, 1},
        /* EXT_clip_cull_distance's constants (stand-ins: shader-standins.c) */
        {GL_MAX_CLIP_DISTANCES_EXT, &TBuiltInResource::maxClipDistances, 1},
        {GL_MAX_CULL_DISTANCES_EXT, &TBuiltInResource::maxCullDistances, 1},
        {GL_MAX_COMBINED_CLIP_AND_CULL_DISTANCES_EXT,
         &TBuiltInResource::maxCombinedClipAndCullDistances, 1},
};

/* No TBuiltInResource field: the extension's minimum until the host says. */
static int interpolation_offset_bits = 4;

void gh_glslang_set_limits(int (*query)(unsigned pname, int *value, void *data), void *data)
{
	for (const auto &c : host_constants) {
		int v = 0;
		/* What the host does not answer keeps its generous default. */
		if (query(c.pname, &v, data) && (v > 0 || c.pname == GL_MIN_PROGRAM_TEXEL_OFFSET))
			resources.*c.field = v / c.divisor;
	}
	int bits = 0;
	if (query(GL_FRAGMENT_INTERPOLATION_OFFSET_BITS, &bits, data) && bits > 0)
		interpolation_offset_bits = bits;
	int count[3], size[3];
	bool all = true;
	for (unsigned i = 0; i < 3; i++)
		all = all && query(GL_MAX_COMPUTE_WORK_GROUP_COUNT | i << 24, &count[i], data) &&
		      query(GL_MAX_COMPUTE_WORK_GROUP_SIZE | i << 24, &size[i], data);
	if (all) {
		resources.maxComputeWorkGroupCountX = count[0];
		resources.maxComputeWorkGroupCountY = count[1];
		resources.maxComputeWorkGroupCountZ = count[2];
		resources.maxComputeWorkGroupSizeX = size[0];
		resources.maxComputeWorkGroupSizeY = size[1];
		resources.maxComputeWorkGroupSizeZ = size[2];
	}
}

int gh_glslang_max_viewports(void)
{
	return resources.maxViewports;
}

int gh_glslang_max_samples(void)
{
	return resources.maxSamples;
}

int gh_glslang_max_clip_distances(void)
{
	return resources.maxClipDistances;
}

int gh_glslang_max_cull_distances(void)
{
	return resources.maxCullDistances;
}

int gh_glslang_max_combined_clip_cull(void)
{
	return resources.maxCombinedClipAndCullDistances;
}

int gh_glslang_interpolation_offset_bits(void)
{
	return interpolation_offset_bits;
}

static int parse(glslang::TShader &shader, const struct gh_glslang_input *in, char **log)
{
	const char *strings[] = {in->source};
	const int lengths[] = {(int)in->len};
	shader.setStringsWithLengths(strings, lengths, 1);
	shader.setPreamble(in->preamble);
	EShMessages messages = in->cascading ? EShMsgCascadingErrors : EShMsgDefault;
	if (shader.parse(&resources, in->version, glslang_profile(in->profile), true, false,
	                 messages))
		return 1;
	const char *info = shader.getInfoLog();
	*log = strdup(info && *info ? info : "ERROR: glslang refused the shader\n");
	return *log ? 0 : -1;
}

int gh_glslang_parse(const struct gh_glslang_input *in, char **log)
{
	*log = nullptr;
	if (!initialized || broken || in->len > INT_MAX)
		return -1;
	try {
		glslang::TShader shader(language(in->stage));
		return parse(shader, in, log);
	} catch (const std::bad_alloc &) {
		broken = true;
		return -1;
	}
}
