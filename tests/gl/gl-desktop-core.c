/*
 * gl-desktop-app --core-only [4.3]: what a core-profile app (OpenGL 3.3, GLSL 3.30; with 4.3,
 * GLSL 4.30 too) draws, with the features such apps lean on, each to its own probe over the
 * dark blue clear:
 *
 *   middle        a square whose colour comes from a uniform block (yellow)
 *   bottom left,  two squares of one instanced draw, placed by gl_InstanceID (cyan)
 *   bottom right
 *   top           (4.3 and later) a square whose colour a compute shader wrote into a shader
 * storage buffer, after a memory barrier (magenta)
 *
 * Every object lives in vertex array objects and buffers, as the core profile requires.
 */
#define GL_GLEXT_PROTOTYPES 1
#include <stdio.h>

#include <GL/gl.h>
#include <GL/glext.h>

#include "gl-desktop-core.h"
#include "gl-probes.h"

#define SIZE GP_DESKTOP_SIZE

static const char *const vs_ubo = "#version 330 core\n"
                                  "layout(location = 0) in vec2 pos;\n"
                                  "void main() { gl_Position = vec4(pos, 0.0, 1.0); }\n";
static const char *const fs_ubo = "#version 330 core\n"
                                  "layout(std140) uniform Colours { vec4 colour; };\n"
                                  "out vec4 frag;\n"
                                  "void main() { frag = colour; }\n";
static const char *const vs_instanced =
        "#version 330 core\n"
        "layout(location = 0) in vec2 pos;\n"
        "void main() {\n"
        "    vec2 at = vec2(gl_InstanceID == 0 ? -0.6 : 0.6, -0.7);\n"
        "    gl_Position = vec4(pos * 0.4 + at, 0.0, 1.0);\n"
        "}\n";
static const char *const fs_instanced = "#version 330 core\n"
                                        "out vec4 frag;\n"
                                        "void main() { frag = vec4(0.0, 1.0, 1.0, 1.0); }\n";
static const char *const cs_colour = "#version 430 core\n"
                                     "layout(local_size_x = 1) in;\n"
                                     "layout(std430, binding = 2) buffer Out { vec4 colour; };\n"
                                     "void main() { colour = vec4(1.0, 0.0, 1.0, 1.0); }\n";
static const char *const vs_storage =
        "#version 430 core\n"
        "layout(location = 0) in vec2 pos;\n"
        "void main() { gl_Position = vec4(pos * 0.4 + vec2(0.0, 0.7), 0.0, 1.0); }\n";
static const char *const fs_storage =
        "#version 430 core\n"
        "layout(std430, binding = 2) readonly buffer Out { vec4 colour; };\n"
        "out vec4 frag;\n"
        "void main() { frag = colour; }\n";

struct scene {
	bool compute; /* a 4.3 or later context: the compute part too */
	GLuint ubo_program, instanced_program, compute_program, storage_program;
	GLuint vao, vbo, ubo, ssbo;
};

static GLuint shader(GLenum type, const char *src, const char *what)
{
	GLuint s = glCreateShader(type);
	glShaderSource(s, 1, &src, NULL);
	glCompileShader(s);
	GLint ok = 0;
	glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
	if (!ok) {
		char log[512] = "";
		glGetShaderInfoLog(s, sizeof(log), NULL, log);
		printf("FAIL %s-shader: %s\n", what, log);
	}
	return s;
}

static GLuint program(const char *vs, const char *fs, const char *what)
{
	GLuint p = glCreateProgram();
	if (vs)
		glAttachShader(p, shader(GL_VERTEX_SHADER, vs, what));
	glAttachShader(p, shader(vs ? GL_FRAGMENT_SHADER : GL_COMPUTE_SHADER, fs, what));
	glLinkProgram(p);
	GLint ok = 0;
	glGetProgramiv(p, GL_LINK_STATUS, &ok);
	if (!ok)
		printf("FAIL %s-link\n", what);
	return p;
}

static void setup(struct scene *s)
{
	static const GLfloat square[] = {-0.25f, -0.25f, 0.25f, -0.25f,
	                                 -0.25f, 0.25f,  0.25f, 0.25f};
	static const GLfloat yellow[4] = {1, 1, 0, 1};
	s->ubo_program = program(vs_ubo, fs_ubo, "ubo");
	glUniformBlockBinding(s->ubo_program, glGetUniformBlockIndex(s->ubo_program, "Colours"), 1);
	s->instanced_program = program(vs_instanced, fs_instanced, "instanced");
	glGenVertexArrays(1, &s->vao);
	glBindVertexArray(s->vao);
	glGenBuffers(1, &s->vbo);
	glBindBuffer(GL_ARRAY_BUFFER, s->vbo);
	glBufferData(GL_ARRAY_BUFFER, sizeof(square), square, GL_STATIC_DRAW);
	glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, NULL);
	glEnableVertexAttribArray(0);
	glGenBuffers(1, &s->ubo);
	glBindBufferBase(GL_UNIFORM_BUFFER, 1, s->ubo);
	glBufferData(GL_UNIFORM_BUFFER, sizeof(yellow), yellow, GL_STATIC_DRAW);
	if (!s->compute)
		return;
	s->compute_program = program(NULL, cs_colour, "compute");
	s->storage_program = program(vs_storage, fs_storage, "storage");
	glGenBuffers(1, &s->ssbo);
	glBindBufferBase(GL_SHADER_STORAGE_BUFFER, 2, s->ssbo);
	/* Black until the compute shader writes it. */
	static const GLfloat black[4] = {0, 0, 0, 1};
	glBufferData(GL_SHADER_STORAGE_BUFFER, sizeof(black), black, GL_DYNAMIC_COPY);
}

static void draw(struct gp_frame *f, const struct scene *s)
{
	glViewport(0, 0, SIZE, SIZE);
	glClearColor(0x10 / 255.0f, 0x20 / 255.0f, 0x40 / 255.0f, 1);
	glClear(GL_COLOR_BUFFER_BIT);
	glBindVertexArray(s->vao);
	glUseProgram(s->ubo_program);
	glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
	glUseProgram(s->instanced_program);
	glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, 2);
	if (s->compute) {
		glUseProgram(s->compute_program);
		glDispatchCompute(1, 1, 1);
		glMemoryBarrier(GL_SHADER_STORAGE_BARRIER_BIT);
		glUseProgram(s->storage_program);
		glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
		gp_add_probe(f, "core-compute", 128, 218, 0xff00ff, 2);
	}
	gp_expect_no_error(f, "core-draw");
	/* GL coordinates: x = (ndc + 1) * 128. */
	gp_add_probe(f, "core-ubo", 128, 128, 0xffff00, 2);
	gp_add_probe(f, "core-instance-0", 51, 38, 0x00ffff, 2);
	gp_add_probe(f, "core-instance-1", 205, 38, 0x00ffff, 2);
	gp_add_probe(f, "clear", 8, 8, GP_DESKTOP_CLEAR, 2);
	gp_add_probe(f, "clear", 248, 248, GP_DESKTOP_CLEAR, 2);
}

int gp_desktop_core_only(struct gp_app *app, int major, int minor)
{
	bool compute = major > 4 || (major == 4 && minor >= 3);
	const EGLint attribs[] = {EGL_CONTEXT_OPENGL_PROFILE_MASK,
	                          EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
	                          EGL_CONTEXT_MAJOR_VERSION,
	                          major,
	                          EGL_CONTEXT_MINOR_VERSION,
	                          minor,
	                          EGL_NONE};
	EGLContext core = eglCreateContext(app->egl, app->window_config, EGL_NO_CONTEXT, attribs);
	if (core == EGL_NO_CONTEXT) {
		fprintf(stderr, "gl-desktop-app: eglCreateContext (OpenGL %d.%d core): %s\n", major,
		        minor, gp_egl_error_name(eglGetError()));
		return 2;
	}
	struct gp_window *w = gp_window_create(app, SIZE, SIZE, "gl-desktop-app");
	EGLSurface surf = w ? gp_window_egl_surface(w) : EGL_NO_SURFACE;
	if (!w || !eglMakeCurrent(app->egl, surf, surf, core))
		return 2;
	printf("info: core GL_VERSION %s\n", (const char *)glGetString(GL_VERSION));
	gp_print_gl_info();
	/* A core profile has no glGetString(GL_EXTENSIONS): GL_INVALID_ENUM, as it must. */
	GLenum error = glGetError();
	printf("%s core-extensions-string: error 0x%04x\n",
	       error == GL_INVALID_ENUM ? "PASS" : "FAIL", error);
	GLint n = 0;
	glGetIntegerv(GL_NUM_EXTENSIONS, &n);
	printf("info: core GL_NUM_EXTENSIONS %d, first %s\n", n,
	       n > 0 ? (const char *)glGetStringi(GL_EXTENSIONS, 0) : "(none)");
	struct scene s = {.compute = compute};
	setup(&s);
	int failures = 0;
	for (int frame = 0; frame < 3; frame++) {
		struct gp_frame f = {
		        .width = SIZE, .height = SIZE, .clear_rgb = GP_DESKTOP_CLEAR, .prefix = ""};
		draw(&f, &s);
		failures += gp_check_frame(&f, frame != 2);
		if (!eglSwapBuffers(app->egl, surf)) {
			printf("FAIL swap: %s\n", gp_egl_error_name(eglGetError()));
			failures++;
		}
	}
	gp_app_hold(app, w);
	return failures ? 1 : 0;
}
