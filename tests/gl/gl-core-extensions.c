/*
 * gl-core-extensions MAJOR MINOR: the extensions a desktop OpenGL core-profile context of that
 * version offers (GL_NUM_EXTENSIONS, glGetStringi), one "ext NAME" line each, and for each
 * the verdict of a fragment shader that requires it (#version 330 core, "#extension NAME :
 * require"): "glsl NAME 1" where it compiles, "glsl NAME 0" where not (an extension with no
 * GLSL has no #extension name). Then, where the context has GL_ARB_compute_shader and
 * GL_ARB_shader_storage_buffer_object below 4.3, "compute N" with what a dispatch wrote: the
 * commands of a core version above the context's, reached through the extension.
 *
 * tests/integration/gl-core-extensions-offered.sh runs it natively and through gpu-0 and
 * compares. No window: the context is made current with no surface.
 */
#define GL_GLEXT_PROTOTYPES 1
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GL/gl.h>
#include <GL/glext.h>
#include <wayland-client.h>

static bool compiles(const char *ext)
{
	char src[256];
	snprintf(src, sizeof(src),
	         "#version 330 core\n#extension %s : require\nout vec4 c;\n"
	         "void main() { c = vec4(1.0); }\n",
	         ext);
	const char *p = src;
	GLuint sh = glCreateShader(GL_FRAGMENT_SHADER);
	glShaderSource(sh, 1, &p, NULL);
	glCompileShader(sh);
	GLint ok = 0;
	glGetShaderiv(sh, GL_COMPILE_STATUS, &ok);
	glDeleteShader(sh);
	return ok;
}

static bool has(GLint n, const char *ext)
{
	for (GLint i = 0; i < n; i++)
		if (strcmp((const char *)glGetStringi(GL_EXTENSIONS, (GLuint)i), ext) == 0)
			return true;
	return false;
}

/* A compute shader writing 64 values into a storage buffer, dispatched in 2 groups of 32. */
static void compute(void)
{
	static const char cs[] =
	        "#version 330 core\n"
	        "#extension GL_ARB_compute_shader : require\n"
	        "#extension GL_ARB_shader_storage_buffer_object : require\n"
	        "layout(local_size_x = 32) in;\n"
	        "layout(std430, binding = 0) buffer Out { uint v[]; };\n"
	        "void main() { uint i = gl_GlobalInvocationID.x; v[i] = i * 3u; }\n";
	const char *p = cs;
	GLuint sh = glCreateShader(GL_COMPUTE_SHADER);
	glShaderSource(sh, 1, &p, NULL);
	glCompileShader(sh);
	GLint ok = 0;
	glGetShaderiv(sh, GL_COMPILE_STATUS, &ok);
	if (!ok) {
		char log[512] = "";
		glGetShaderInfoLog(sh, sizeof(log), NULL, log);
		printf("compute shader-refused %s\n", log);
		return;
	}
	GLuint prog = glCreateProgram();
	glAttachShader(prog, sh);
	glLinkProgram(prog);
	glGetProgramiv(prog, GL_LINK_STATUS, &ok);
	GLuint buf;
	glGenBuffers(1, &buf);
	glBindBuffer(GL_SHADER_STORAGE_BUFFER, buf);
	glBufferData(GL_SHADER_STORAGE_BUFFER, 64 * 4, NULL, GL_DYNAMIC_READ);
	glBindBufferBase(GL_SHADER_STORAGE_BUFFER, 0, buf);
	glUseProgram(prog);
	glDispatchCompute(2, 1, 1);
	glMemoryBarrier(GL_BUFFER_UPDATE_BARRIER_BIT);
	GLuint v[64] = {0};
	glGetBufferSubData(GL_SHADER_STORAGE_BUFFER, 0, sizeof(v), v);
	unsigned right = 0;
	for (unsigned i = 0; i < 64; i++)
		right += v[i] == i * 3u;
	printf("compute %u of 64 (link %d, error 0x%x)\n", right, ok, glGetError());
}

int main(int argc, char **argv)
{
	int major = argc == 3 ? atoi(argv[1]) : 0, minor = argc == 3 ? atoi(argv[2]) : -1;
	if (major < 3 || minor < 0) {
		fprintf(stderr,
		        "usage: gl-core-extensions MAJOR MINOR (a core version: 3 3, 4 5)\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	struct wl_display *wl = wl_display_connect(NULL);
	if (!wl)
		return fprintf(stderr, "gl-core-extensions: no Wayland display\n"), 1;
	EGLDisplay dpy = eglGetPlatformDisplay(EGL_PLATFORM_WAYLAND_KHR, wl, NULL);
	EGLint n = 0;
	EGLConfig config;
	const EGLint want[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_NONE};
	if (!eglInitialize(dpy, NULL, NULL) || !eglBindAPI(EGL_OPENGL_API) ||
	    !eglChooseConfig(dpy, want, &config, 1, &n) || n < 1)
		return fprintf(stderr, "gl-core-extensions: no config for desktop OpenGL\n"), 77;
	const EGLint attribs[] = {EGL_CONTEXT_MAJOR_VERSION,
	                          major,
	                          EGL_CONTEXT_MINOR_VERSION,
	                          minor,
	                          EGL_CONTEXT_OPENGL_PROFILE_MASK,
	                          EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
	                          EGL_NONE};
	EGLContext ctx = eglCreateContext(dpy, config, EGL_NO_CONTEXT, attribs);
	if (ctx == EGL_NO_CONTEXT || !eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, ctx))
		return fprintf(stderr, "gl-core-extensions: no core %d.%d context (0x%x)\n", major,
		               minor, eglGetError()),
		       77;
	printf("info: GL_VERSION %s\n", (const char *)glGetString(GL_VERSION));
	GLint count = -1;
	glGetIntegerv(GL_NUM_EXTENSIONS, &count);
	if (count < 0 || glGetError() != GL_NO_ERROR)
		return fprintf(stderr, "gl-core-extensions: GL_NUM_EXTENSIONS failed\n"), 1;
	for (GLint i = 0; i < count; i++) {
		const char *ext = (const char *)glGetStringi(GL_EXTENSIONS, (GLuint)i);
		if (!ext)
			return fprintf(stderr, "gl-core-extensions: extension %d is NULL\n", i), 1;
		printf("ext %s\n", ext);
		printf("glsl %s %d\n", ext, compiles(ext));
	}
	/* One past the list is GL_INVALID_VALUE. */
	if (glGetStringi(GL_EXTENSIONS, (GLuint)count) || glGetError() != GL_INVALID_VALUE)
		return fprintf(stderr, "gl-core-extensions: index %d answered\n", count), 1;
	GLint version_major = 0;
	glGetIntegerv(GL_MAJOR_VERSION, &version_major);
	GLint version_minor = 0;
	glGetIntegerv(GL_MINOR_VERSION, &version_minor);
	if (version_major * 10 + version_minor < 43 && has(count, "GL_ARB_compute_shader") &&
	    has(count, "GL_ARB_shader_storage_buffer_object"))
		compute();
	printf("done\n");
	eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
	eglDestroyContext(dpy, ctx);
	eglTerminate(dpy);
	wl_display_disconnect(wl);
	return 0;
}
