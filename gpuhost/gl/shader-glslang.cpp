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

static int parse(glslang::TShader &shader, const struct gh_glslang_input *in, char **log)
{
	const char *strings[] = {in->source};
	const int lengths[] = {(int)in->len};
	shader.setStringsWithLengths(strings, lengths, 1);
	shader.setPreamble(in->preamble);
	EShMessages messages = in->cascading ? EShMsgCascadingErrors : EShMsgDefault;
	static const TBuiltInResource resources = generous_resources();
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
