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

/* The default resources lift every limit of GLSL ES 1.00's appendix A
 * and are generous elsewhere: limits are the driver's to enforce. */
static int parse(glslang::TShader &shader, int version, enum gh_glslang_profile profile,
                 const char *source, size_t len, char **log)
{
	const char *strings[] = {source};
	const int lengths[] = {(int)len};
	shader.setStringsWithLengths(strings, lengths, 1);
	if (shader.parse(GetDefaultResources(), version, glslang_profile(profile), true, false,
	                 EShMsgDefault))
		return 1;
	const char *info = shader.getInfoLog();
	*log = strdup(info && *info ? info : "ERROR: glslang refused the shader\n");
	return *log ? 0 : -1;
}

int gh_glslang_parse(enum gh_glslang_stage stage, int version, enum gh_glslang_profile profile,
                     const char *source, size_t len, char **log)
{
	*log = nullptr;
	if (!initialized || broken || len > INT_MAX)
		return -1;
	try {
		glslang::TShader shader(language(stage));
		return parse(shader, version, profile, source, len, log);
	} catch (const std::bad_alloc &) {
		broken = true;
		return -1;
	}
}
