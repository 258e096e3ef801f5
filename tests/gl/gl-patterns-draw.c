/*
 * The patterns of gl-patterns: one per 64x64 cell of the window, each drawn with a
 * different part of GLES 2, each recording the pixels it guarantees. Cells are numbered
 * column first from the bottom left (GL's origin):
 *
 *   row 3:  copy-tex-image     mipmap            buffer-update    vertex-array-object
 *   row 2:  depth-test         scissor           fbo-texture      fbo-depth-renderbuffer
 *   row 1:  elements-buffer-   texture-rgb-      texture-sub-     blend
 *           client-vertices    align1            image-align8
 *   row 0:  triangle-vbo       client-arrays     elements-client  elements-buffer
 *
 * Every GL object but the programs is made and deleted again each frame, so names are
 * generated, reused and deleted all the time. Vertex positions are in pixels; the vertex
 * shaders scale them to the viewport (u_scale = 2 / size).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gl-patterns.h"

#include <GLES2/gl2ext.h>

/* Per thread: --threads draws from several threads, each in its own context. */
static __thread struct {
	GLuint col, vcol, tex;
	GLint col_color, col_z, col_scale;
	GLint vcol_scale;
	GLint tex_scale, tex_sampler;
	struct gp_exts exts;
	PFNGLMAPBUFFEROESPROC map_buffer;
	PFNGLUNMAPBUFFEROESPROC unmap_buffer;
	PFNGLGENVERTEXARRAYSOESPROC gen_vertex_arrays;
	PFNGLBINDVERTEXARRAYOESPROC bind_vertex_array;
	PFNGLDELETEVERTEXARRAYSOESPROC delete_vertex_arrays;
} P;

static const char *const pos_only[] = {"a_pos", NULL};
static const char *const pos_col[] = {"a_pos", "a_col", NULL};
static const char *const pos_uv[] = {"a_pos", "a_uv", NULL};

static const char col_vs[] =
        "uniform vec2 u_scale;\n"
        "uniform float u_z;\n"
        "attribute vec2 a_pos;\n"
        "void main() { gl_Position = vec4(a_pos * u_scale - 1.0, u_z, 1.0); }\n";
static const char col_fs[] = "precision mediump float;\n"
                             "uniform vec4 u_color;\n"
                             "void main() { gl_FragColor = u_color; }\n";
static const char vcol_vs[] = "uniform vec2 u_scale;\n"
                              "attribute vec2 a_pos;\n"
                              "attribute vec4 a_col;\n"
                              "varying vec4 v_col;\n"
                              "void main() {\n"
                              "  v_col = a_col;\n"
                              "  gl_Position = vec4(a_pos * u_scale - 1.0, 0.0, 1.0);\n"
                              "}\n";
static const char vcol_fs[] = "precision mediump float;\n"
                              "varying vec4 v_col;\n"
                              "void main() { gl_FragColor = v_col; }\n";
static const char tex_vs[] = "uniform vec2 u_scale;\n"
                             "attribute vec2 a_pos;\n"
                             "attribute vec2 a_uv;\n"
                             "varying vec2 v_uv;\n"
                             "void main() {\n"
                             "  v_uv = a_uv;\n"
                             "  gl_Position = vec4(a_pos * u_scale - 1.0, 0.0, 1.0);\n"
                             "}\n";
static const char tex_fs[] = "precision mediump float;\n"
                             "uniform sampler2D u_tex;\n"
                             "varying vec2 v_uv;\n"
                             "void main() { gl_FragColor = texture2D(u_tex, v_uv); }\n";

static GLuint shader(GLenum type, const char *src)
{
	GLuint s = glCreateShader(type);
	/* Two strings, the second with an explicit length: the library concatenates them. */
	const char *parts[2] = {src, "// end\n"};
	GLint lengths[2] = {-1, 7};
	glShaderSource(s, 2, parts, lengths);
	glCompileShader(s);
	GLint ok = 0;
	glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
	if (!ok) {
		char log[1024] = "";
		glGetShaderInfoLog(s, sizeof(log), NULL, log);
		printf("FAIL compile-shader: %s\n", log);
		glDeleteShader(s);
		return 0;
	}
	return s;
}

GLuint gp_program(const char *vs, const char *fs, const char *const *attribs)
{
	GLuint v = shader(GL_VERTEX_SHADER, vs), f = shader(GL_FRAGMENT_SHADER, fs);
	GLuint p = glCreateProgram();
	glAttachShader(p, v);
	glAttachShader(p, f);
	for (GLuint i = 0; attribs[i]; i++)
		glBindAttribLocation(p, i, attribs[i]);
	glLinkProgram(p);
	/* Shaders stay alive while attached: deleting them now is legal GL. */
	glDeleteShader(v);
	glDeleteShader(f);
	GLint ok = 0;
	glGetProgramiv(p, GL_LINK_STATUS, &ok);
	if (!v || !f || !ok) {
		char log[1024] = "";
		glGetProgramInfoLog(p, sizeof(log), NULL, log);
		printf("FAIL link-program: %s\n", log);
		glDeleteProgram(p);
		return 0;
	}
	return p;
}

static bool has_ext(const char *all, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = all; (p = strstr(p, name)); p += n) {
		if ((p == all || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return true;
	}
	return false;
}

bool gp_draw_init(struct gp_exts *exts)
{
	memset(&P, 0, sizeof(P));
	P.col = gp_program(col_vs, col_fs, pos_only);
	P.vcol = gp_program(vcol_vs, vcol_fs, pos_col);
	P.tex = gp_program(tex_vs, tex_fs, pos_uv);
	if (!P.col || !P.vcol || !P.tex)
		return false;
	P.col_color = glGetUniformLocation(P.col, "u_color");
	P.col_z = glGetUniformLocation(P.col, "u_z");
	P.col_scale = glGetUniformLocation(P.col, "u_scale");
	P.vcol_scale = glGetUniformLocation(P.vcol, "u_scale");
	P.tex_scale = glGetUniformLocation(P.tex, "u_scale");
	P.tex_sampler = glGetUniformLocation(P.tex, "u_tex");

	const char *all = (const char *)glGetString(GL_EXTENSIONS);
	all = all ? all : "";
	P.exts.mapbuffer = has_ext(all, "GL_OES_mapbuffer");
	P.exts.vertex_array = has_ext(all, "GL_OES_vertex_array_object");
	P.exts.element_index_uint = has_ext(all, "GL_OES_element_index_uint");
	P.map_buffer = (PFNGLMAPBUFFEROESPROC)eglGetProcAddress("glMapBufferOES");
	P.unmap_buffer = (PFNGLUNMAPBUFFEROESPROC)eglGetProcAddress("glUnmapBufferOES");
	P.gen_vertex_arrays =
	        (PFNGLGENVERTEXARRAYSOESPROC)eglGetProcAddress("glGenVertexArraysOES");
	P.bind_vertex_array =
	        (PFNGLBINDVERTEXARRAYOESPROC)eglGetProcAddress("glBindVertexArrayOES");
	P.delete_vertex_arrays =
	        (PFNGLDELETEVERTEXARRAYSOESPROC)eglGetProcAddress("glDeleteVertexArraysOES");
	P.exts.mapbuffer = P.exts.mapbuffer && P.map_buffer && P.unmap_buffer;
	P.exts.vertex_array = P.exts.vertex_array && P.gen_vertex_arrays && P.bind_vertex_array &&
	                      P.delete_vertex_arrays;
	if (exts)
		*exts = P.exts;
	return glGetError() == GL_NO_ERROR;
}

void gp_draw_finish(void)
{
	glDeleteProgram(P.col);
	glDeleteProgram(P.vcol);
	glDeleteProgram(P.tex);
}

/* --- drawing helpers --- */

static void set_clear_colour(const struct gp_frame *f)
{
	glClearColor((float)(f->clear_rgb >> 16 & 0xff) / 255.0f,
	             (float)(f->clear_rgb >> 8 & 0xff) / 255.0f,
	             (float)(f->clear_rgb & 0xff) / 255.0f, 1);
}

static void use_col(uint32_t rgb, float alpha, float z, int vw, int vh)
{
	glUseProgram(P.col);
	glUniform2f(P.col_scale, 2.0f / (float)vw, 2.0f / (float)vh);
	glUniform4f(P.col_color, (float)(rgb >> 16 & 0xff) / 255.0f,
	            (float)(rgb >> 8 & 0xff) / 255.0f, (float)(rgb & 0xff) / 255.0f, alpha);
	glUniform1f(P.col_z, z);
}

/* A rectangle from client memory (no buffer bound): the most common path in apps. */
static void rect(float x0, float y0, float x1, float y1)
{
	const GLfloat v[] = {x0, y0, x1, y0, x0, y1, x1, y1};
	glBindBuffer(GL_ARRAY_BUFFER, 0);
	glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, v);
	glEnableVertexAttribArray(0);
	glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

static void rect_col(float x0, float y0, float x1, float y1, uint32_t rgb, float alpha, float z,
                     int vw, int vh)
{
	use_col(rgb, alpha, z, vw, vh);
	rect(x0, y0, x1, y1);
}

/* A textured rectangle (texture unit 0, whatever is bound), uv 0..1. */
static void rect_tex(float x0, float y0, float x1, float y1, int vw, int vh)
{
	const GLfloat v[] = {x0, y0, 0, 0, x1, y0, 1, 0, x0, y1, 0, 1, x1, y1, 1, 1};
	glUseProgram(P.tex);
	glUniform2f(P.tex_scale, 2.0f / (float)vw, 2.0f / (float)vh);
	glUniform1i(P.tex_sampler, 0);
	glBindBuffer(GL_ARRAY_BUFFER, 0);
	glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 4 * sizeof(GLfloat), v);
	glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, 4 * sizeof(GLfloat), v + 2);
	glEnableVertexAttribArray(0);
	glEnableVertexAttribArray(1);
	glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
	glDisableVertexAttribArray(1);
}

static GLuint texture(GLenum filter)
{
	GLuint t;
	glGenTextures(1, &t);
	glBindTexture(GL_TEXTURE_2D, t);
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, (GLint)filter);
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
	return t;
}

/* Pixel at the centre of texel i of n texels stretched over `size` pixels. */
static int texel_centre(int i, int n, int size)
{
	return (2 * i + 1) * size / (2 * n);
}

/* Quad vertices 8..11 of a 12-vertex array, after 8 vertices spread over the whole
 * viewport: drawing them by mistake (a wrong index or base) paints other cells. */
static void quad_after_junk(GLfloat v[24], float x0, float y0, float x1, float y1, int w, int h)
{
	for (int i = 0; i < 8; i++) {
		v[2 * i] = (float)((i & 1) ? w : 0);
		v[2 * i + 1] = (float)((i & 2) ? h : 0);
	}
	const GLfloat q[] = {x0, y0, x1, y0, x0, y1, x1, y1};
	memcpy(v + 16, q, sizeof(q));
}

/* --- row 0 --- */

static void triangle_vbo(struct gp_frame *f, int x0, int y0)
{
	const GLfloat v[] = {(float)x0, (float)y0, (float)(x0 + GP_CELL),
	                     (float)y0, (float)x0, (float)(y0 + GP_CELL)};
	GLuint vbo;
	glGenBuffers(1, &vbo);
	glBindBuffer(GL_ARRAY_BUFFER, vbo);
	glBufferData(GL_ARRAY_BUFFER, sizeof(v), v, GL_STATIC_DRAW);
	glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, (const void *)0);
	glEnableVertexAttribArray(0);
	use_col(0xff0000, 1, 0, f->width, f->height);
	glDrawArrays(GL_TRIANGLES, 0, 3);
	glBindBuffer(GL_ARRAY_BUFFER, 0);
	glDeleteBuffers(1, &vbo);
	gp_add_probe(f, "triangle-vbo", x0 + 16, y0 + 16, 0xff0000, 0);
	gp_add_probe(f, "triangle-vbo", x0 + 56, y0 + 56, f->clear_rgb, 0);
	gp_expect_no_error(f, "triangle-vbo");
}

/* Interleaved positions and normalized byte colours from client memory. */
static void client_arrays(struct gp_frame *f, int x0, int y0)
{
	struct {
		GLfloat x, y;
		GLubyte rgba[4];
	} v[4];
	for (int i = 0; i < 4; i++) {
		v[i].x = (float)(x0 + ((i & 1) ? 56 : 8));
		v[i].y = (float)(y0 + ((i & 2) ? 56 : 8));
		memcpy(v[i].rgba, "\x00\xff\x00\xff", 4);
	}
	glUseProgram(P.vcol);
	glUniform2f(P.vcol_scale, 2.0f / (float)f->width, 2.0f / (float)f->height);
	glBindBuffer(GL_ARRAY_BUFFER, 0);
	glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(v[0]), &v[0].x);
	glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(v[0]), v[0].rgba);
	glEnableVertexAttribArray(0);
	glEnableVertexAttribArray(1);
	glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
	glDisableVertexAttribArray(1);
	gp_add_probe(f, "client-arrays", x0 + 32, y0 + 32, 0x00ff00, 0);
	gp_add_probe(f, "client-arrays", x0 + 3, y0 + 3, f->clear_rgb, 0);
	gp_expect_no_error(f, "client-arrays");
}

/* Vertices in a VBO, indices from client memory. */
static void elements_client(struct gp_frame *f, int x0, int y0)
{
	GLfloat v[24];
	quad_after_junk(v, (float)(x0 + 8), (float)(y0 + 8), (float)(x0 + 56), (float)(y0 + 56),
	                f->width, f->height);
	static const GLushort idx[] = {8, 9, 10, 10, 9, 11};
	GLuint vbo;
	glGenBuffers(1, &vbo);
	glBindBuffer(GL_ARRAY_BUFFER, vbo);
	glBufferData(GL_ARRAY_BUFFER, sizeof(v), v, GL_STATIC_DRAW);
	glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, (const void *)0);
	glEnableVertexAttribArray(0);
	use_col(0x0000ff, 1, 0, f->width, f->height);
	glDrawElements(GL_TRIANGLES, 6, GL_UNSIGNED_SHORT, idx);
	glBindBuffer(GL_ARRAY_BUFFER, 0);
	glDeleteBuffers(1, &vbo);
	gp_add_probe(f, "elements-client", x0 + 32, y0 + 32, 0x0000ff, 0);
	gp_add_probe(f, "elements-client", x0 + 4, y0 + 60, f->clear_rgb, 0);
	gp_expect_no_error(f, "elements-client");
}

/* Vertices in a VBO, byte indices in an element buffer at an odd offset. */
static void elements_buffer(struct gp_frame *f, int x0, int y0)
{
	GLfloat v[24];
	quad_after_junk(v, (float)(x0 + 8), (float)(y0 + 8), (float)(x0 + 56), (float)(y0 + 56),
	                f->width, f->height);
	static const GLubyte idx[] = {0, 1, 2, 8, 9, 10, 10, 9, 11};
	GLuint b[2];
	glGenBuffers(2, b);
	glBindBuffer(GL_ARRAY_BUFFER, b[0]);
	glBufferData(GL_ARRAY_BUFFER, sizeof(v), v, GL_STATIC_DRAW);
	glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, b[1]);
	glBufferData(GL_ELEMENT_ARRAY_BUFFER, sizeof(idx), idx, GL_STATIC_DRAW);
	glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, (const void *)0);
	glEnableVertexAttribArray(0);
	use_col(0xffff00, 1, 0, f->width, f->height);
	glDrawElements(GL_TRIANGLES, 6, GL_UNSIGNED_BYTE, (const void *)3);
	glBindBuffer(GL_ARRAY_BUFFER, 0);
	glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, 0);
	glDeleteBuffers(2, b);
	gp_add_probe(f, "elements-buffer", x0 + 32, y0 + 32, 0xffff00, 0);
	gp_add_probe(f, "elements-buffer", x0 + 60, y0 + 4, f->clear_rgb, 0);
	gp_expect_no_error(f, "elements-buffer");
}

/* Vertices from client memory, indices in an element buffer: whoever sends the client
 * array must find the index range in the buffer's contents. */
static void elements_buffer_client_vertices(struct gp_frame *f, int x0, int y0)
{
	GLfloat v[24];
	quad_after_junk(v, (float)(x0 + 8), (float)(y0 + 8), (float)(x0 + 56), (float)(y0 + 56),
	                f->width, f->height);
	static const GLushort idx[] = {8, 9, 10, 10, 9, 11};
	GLuint ebo;
	glGenBuffers(1, &ebo);
	glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ebo);
	glBufferData(GL_ELEMENT_ARRAY_BUFFER, sizeof(idx), idx, GL_STATIC_DRAW);
	glBindBuffer(GL_ARRAY_BUFFER, 0);
	glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, v);
	glEnableVertexAttribArray(0);
	use_col(0xff00ff, 1, 0, f->width, f->height);
	glDrawElements(GL_TRIANGLES, 6, GL_UNSIGNED_SHORT, (const void *)0);
	glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, 0);
	glDeleteBuffers(1, &ebo);
	gp_add_probe(f, "elements-buffer-client-vertices", x0 + 32, y0 + 32, 0xff00ff, 0);
	gp_add_probe(f, "elements-buffer-client-vertices", x0 + 4, y0 + 4, f->clear_rgb, 0);
	gp_expect_no_error(f, "elements-buffer-client-vertices");
}

/* --- row 1 --- */

static uint32_t palette(int i, int j)
{
	return (uint32_t)(40 + 50 * i) << 16 | (uint32_t)(60 + 80 * j) << 8 |
	       (uint32_t)(20 + 15 * (i + j));
}

/* A 5x3 RGB texture: 15-byte rows, so only UNPACK_ALIGNMENT 1 reads it right. */
static void texture_rgb_align1(struct gp_frame *f, int x0, int y0)
{
	GLubyte px[3 * 5 * 3];
	for (int j = 0; j < 3; j++) {
		for (int i = 0; i < 5; i++) {
			uint32_t c = palette(i, j);
			GLubyte *p = px + 3 * (5 * j + i);
			p[0] = (GLubyte)(c >> 16);
			p[1] = (GLubyte)(c >> 8);
			p[2] = (GLubyte)c;
		}
	}
	GLuint t = texture(GL_NEAREST);
	glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
	glTexImage2D(GL_TEXTURE_2D, 0, GL_RGB, 5, 3, 0, GL_RGB, GL_UNSIGNED_BYTE, px);
	glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
	rect_tex((float)x0, (float)y0, (float)(x0 + GP_CELL), (float)(y0 + GP_CELL), f->width,
	         f->height);
	glDeleteTextures(1, &t);
	for (int j = 0; j < 3; j++) {
		for (int i = 0; i < 5; i++) {
			gp_add_probe(f, "texture-rgb-align1", x0 + texel_centre(i, 5, GP_CELL),
			             y0 + texel_centre(j, 3, GP_CELL), palette(i, j), 0);
		}
	}
	gp_expect_no_error(f, "texture-rgb-align1");
}

/* A 5x5 RGB texture with the default alignment (rows padded to 16 bytes), then a 3x2
 * glTexSubImage2D at (1, 1) with UNPACK_ALIGNMENT 8 (rows padded to 16 bytes). Padding
 * bytes hold a colour that must never show. */
static void texture_sub_image_align8(struct gp_frame *f, int x0, int y0)
{
	GLubyte base[16 * 5], sub[16 * 2];
	memset(base, 0xee, sizeof(base));
	memset(sub, 0xee, sizeof(sub));
	for (int j = 0; j < 5; j++)
		memset(base + 16 * j, 0x80, 15);
	for (int j = 0; j < 2; j++) {
		for (int i = 0; i < 3; i++)
			memcpy(sub + 16 * j + 3 * i, "\x00\xff\xff", 3);
	}
	GLuint t = texture(GL_NEAREST);
	glTexImage2D(GL_TEXTURE_2D, 0, GL_RGB, 5, 5, 0, GL_RGB, GL_UNSIGNED_BYTE, base);
	glPixelStorei(GL_UNPACK_ALIGNMENT, 8);
	glTexSubImage2D(GL_TEXTURE_2D, 0, 1, 1, 3, 2, GL_RGB, GL_UNSIGNED_BYTE, sub);
	glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
	rect_tex((float)x0, (float)y0, (float)(x0 + GP_CELL), (float)(y0 + GP_CELL), f->width,
	         f->height);
	glDeleteTextures(1, &t);
	static const int texels[][3] = {{0, 0, 0}, {1, 1, 1}, {3, 2, 1}, {4, 4, 0},
	                                {4, 1, 0}, {1, 3, 0}, {2, 2, 1}, {0, 4, 0}};
	for (size_t k = 0; k < sizeof(texels) / sizeof(texels[0]); k++) {
		gp_add_probe(f, "texture-sub-image-align8", x0 + texel_centre(texels[k][0], 5, 64),
		             y0 + texel_centre(texels[k][1], 5, 64),
		             texels[k][2] ? 0x00ffff : 0x808080, 0);
	}
	gp_expect_no_error(f, "texture-sub-image-align8");
}

static void blend(struct gp_frame *f, int x0, int y0)
{
	glEnable(GL_SCISSOR_TEST);
	glScissor(x0, y0, GP_CELL, GP_CELL);
	glClearColor(0, 0, 1, 1);
	glClear(GL_COLOR_BUFFER_BIT);
	set_clear_colour(f);
	glDisable(GL_SCISSOR_TEST);
	glEnable(GL_BLEND);
	/* Colour blends, alpha stays 1 (twice over: separate blend factors and the colour
	 * mask), so that the window stays opaque. */
	glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ZERO, GL_ONE);
	glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_FALSE);
	rect_col((float)(x0 + 8), (float)(y0 + 8), (float)(x0 + 56), (float)(y0 + 56), 0xff0000,
	         0.5f, 0, f->width, f->height);
	glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
	glDisable(GL_BLEND);
	gp_add_probe(f, "blend", x0 + 32, y0 + 32, 0x800080, 2);
	gp_add_probe(f, "blend", x0 + 4, y0 + 4, 0x0000ff, 0);
	gp_expect_no_error(f, "blend");
}

/* --- row 2 --- */

static void depth_test(struct gp_frame *f, int x0, int y0)
{
	float x1 = (float)(x0 + GP_CELL), y1 = (float)(y0 + GP_CELL);
	glEnable(GL_SCISSOR_TEST);
	glScissor(x0, y0, GP_CELL, GP_CELL);
	glClearDepthf(1);
	glClear(GL_DEPTH_BUFFER_BIT);
	glDisable(GL_SCISSOR_TEST);
	glEnable(GL_DEPTH_TEST);
	glDepthFunc(GL_LESS);
	rect_col((float)x0, (float)y0, x1, y1, 0x00ff00, 1, 0.0f, f->width, f->height);
	rect_col((float)x0, (float)y0, x1, y1, 0xff0000, 1, 0.5f, f->width, f->height);
	rect_col((float)x0, (float)y0, (float)(x0 + 32), y1, 0x0000ff, 1, -0.5f, f->width,
	         f->height);
	glDisable(GL_DEPTH_TEST);
	gp_add_probe(f, "depth-test", x0 + 16, y0 + 32, 0x0000ff, 0);
	gp_add_probe(f, "depth-test", x0 + 48, y0 + 32, 0x00ff00, 0);
	gp_expect_no_error(f, "depth-test");
}

static void scissor(struct gp_frame *f, int x0, int y0)
{
	glEnable(GL_SCISSOR_TEST);
	glScissor(x0 + 16, y0 + 16, 32, 32);
	glClearColor(1, 1, 0, 1);
	glClear(GL_COLOR_BUFFER_BIT);
	set_clear_colour(f);
	glScissor(x0 + 16, y0 + 4, 32, 8);
	rect_col((float)x0, (float)y0, (float)(x0 + GP_CELL), (float)(y0 + GP_CELL), 0xffffff, 1, 0,
	         f->width, f->height);
	glDisable(GL_SCISSOR_TEST);
	gp_add_probe(f, "scissor", x0 + 32, y0 + 32, 0xffff00, 0);
	gp_add_probe(f, "scissor", x0 + 14, y0 + 32, f->clear_rgb, 0);
	gp_add_probe(f, "scissor", x0 + 48, y0 + 32, f->clear_rgb, 0);
	gp_add_probe(f, "scissor", x0 + 32, y0 + 8, 0xffffff, 0);
	gp_add_probe(f, "scissor", x0 + 8, y0 + 8, f->clear_rgb, 0);
	gp_add_probe(f, "scissor", x0 + 32, y0 + 13, f->clear_rgb, 0);
	gp_expect_no_error(f, "scissor");
}

/* A 32x32 texture as colour attachment of a framebuffer object; NULL initial data. */
static GLuint fbo_with_texture(GLuint *tex)
{
	*tex = texture(GL_NEAREST);
	glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 32, 32, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
	GLuint fb;
	glGenFramebuffers(1, &fb);
	glBindFramebuffer(GL_FRAMEBUFFER, fb);
	glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, *tex, 0);
	return fb;
}

static void check_fbo_complete(struct gp_frame *f, const char *check)
{
	GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
	if (status != GL_FRAMEBUFFER_COMPLETE) {
		printf("FAIL %s%s: framebuffer status 0x%04x\n", f->prefix, check, status);
		f->failures++;
	}
}

/* Reads one pixel of the bound framebuffer and compares it. */
static void expect_pixel(struct gp_frame *f, const char *check, int x, int y, uint32_t rgb)
{
	GLubyte p[4] = {1, 2, 3, 4};
	glReadPixels(x, y, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, p);
	uint32_t got = (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
	if (got != rgb) {
		printf("FAIL %s%s: pixel %d,%d of the framebuffer object is %06x, expected "
		       "%06x\n",
		       f->prefix, check, x, y, got, rgb);
		f->failures++;
	}
}

static void fbo_texture(struct gp_frame *f, int x0, int y0)
{
	GLuint tex, fb = fbo_with_texture(&tex);
	check_fbo_complete(f, "fbo-texture");
	glViewport(0, 0, 32, 32);
	glClearColor(1, 0, 1, 1);
	glClear(GL_COLOR_BUFFER_BIT);
	glEnable(GL_SCISSOR_TEST);
	glScissor(0, 0, 16, 32);
	glClearColor(0, 1, 1, 1);
	glClear(GL_COLOR_BUFFER_BIT);
	glDisable(GL_SCISSOR_TEST);
	glClearColor(0, 0, 0, 1);
	expect_pixel(f, "fbo-texture", 8, 8, 0x00ffff);
	expect_pixel(f, "fbo-texture", 24, 24, 0xff00ff);
	glBindFramebuffer(GL_FRAMEBUFFER, 0);
	glViewport(0, 0, f->width, f->height);
	set_clear_colour(f);
	glDeleteFramebuffers(1, &fb);
	/* The texture outlives its framebuffer. */
	glBindTexture(GL_TEXTURE_2D, tex);
	rect_tex((float)x0, (float)y0, (float)(x0 + GP_CELL), (float)(y0 + GP_CELL), f->width,
	         f->height);
	glDeleteTextures(1, &tex);
	gp_add_probe(f, "fbo-texture", x0 + 16, y0 + 32, 0x00ffff, 0);
	gp_add_probe(f, "fbo-texture", x0 + 48, y0 + 32, 0xff00ff, 0);
	gp_expect_no_error(f, "fbo-texture");
}

static void fbo_depth_renderbuffer(struct gp_frame *f, int x0, int y0)
{
	GLuint tex, fb = fbo_with_texture(&tex);
	GLuint rb;
	glGenRenderbuffers(1, &rb);
	glBindRenderbuffer(GL_RENDERBUFFER, rb);
	glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH_COMPONENT16, 32, 32);
	glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, rb);
	check_fbo_complete(f, "fbo-depth-renderbuffer");
	glViewport(0, 0, 32, 32);
	glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
	glEnable(GL_DEPTH_TEST);
	rect_col(0, 0, 32, 32, 0xff8000, 1, 0.0f, 32, 32);
	rect_col(0, 0, 32, 32, 0x0000ff, 1, 0.5f, 32, 32);
	rect_col(0, 16, 32, 32, 0x00ff00, 1, -0.5f, 32, 32);
	glDisable(GL_DEPTH_TEST);
	glBindFramebuffer(GL_FRAMEBUFFER, 0);
	glViewport(0, 0, f->width, f->height);
	set_clear_colour(f);
	glDeleteFramebuffers(1, &fb);
	glDeleteRenderbuffers(1, &rb);
	glBindTexture(GL_TEXTURE_2D, tex);
	rect_tex((float)x0, (float)y0, (float)(x0 + GP_CELL), (float)(y0 + GP_CELL), f->width,
	         f->height);
	glDeleteTextures(1, &tex);
	gp_add_probe(f, "fbo-depth-renderbuffer", x0 + 32, y0 + 16, 0xff8000, 0);
	gp_add_probe(f, "fbo-depth-renderbuffer", x0 + 32, y0 + 48, 0x00ff00, 0);
	gp_expect_no_error(f, "fbo-depth-renderbuffer");
}

/* --- row 3 --- */

/* Copies cell (0, 0), drawn earlier this frame, into a texture and draws it here. */
static void copy_tex_image(struct gp_frame *f, int x0, int y0)
{
	GLuint t = texture(GL_NEAREST);
	glCopyTexImage2D(GL_TEXTURE_2D, 0, GL_RGB, 0, 0, GP_CELL, GP_CELL, 0);
	rect_tex((float)x0, (float)y0, (float)(x0 + GP_CELL), (float)(y0 + GP_CELL), f->width,
	         f->height);
	glDeleteTextures(1, &t);
	gp_add_probe(f, "copy-tex-image", x0 + 16, y0 + 16, 0xff0000, 0);
	gp_add_probe(f, "copy-tex-image", x0 + 56, y0 + 56, f->clear_rgb, 0);
	gp_expect_no_error(f, "copy-tex-image");
}

/* A 16x16 one-texel checkerboard with mipmaps: magnified 2x it shows its texels, shrunk
 * to 4x4 pixels (level 2) it is grey. */
static void mipmap(struct gp_frame *f, int x0, int y0)
{
	GLubyte px[16 * 16 * 3];
	for (int j = 0; j < 16; j++) {
		for (int i = 0; i < 16; i++)
			memset(px + 3 * (16 * j + i), (i + j) % 2 ? 0x00 : 0xff, 3);
	}
	GLuint t = texture(GL_LINEAR_MIPMAP_NEAREST);
	glTexImage2D(GL_TEXTURE_2D, 0, GL_RGB, 16, 16, 0, GL_RGB, GL_UNSIGNED_BYTE, px);
	glGenerateMipmap(GL_TEXTURE_2D);
	rect_tex((float)x0, (float)y0, (float)(x0 + 32), (float)(y0 + 32), f->width, f->height);
	rect_tex((float)(x0 + 40), (float)(y0 + 40), (float)(x0 + 44), (float)(y0 + 44), f->width,
	         f->height);
	glDeleteTextures(1, &t);
	gp_add_probe(f, "mipmap", x0 + 1, y0 + 1, 0xffffff, 0);
	gp_add_probe(f, "mipmap", x0 + 3, y0 + 1, 0x000000, 0);
	gp_add_probe(f, "mipmap", x0 + 29, y0 + 31, 0x000000, 0);
	gp_add_probe(f, "mipmap", x0 + 42, y0 + 42, 0x808080, 4);
	gp_expect_no_error(f, "mipmap");
}

/* A VBO written piecewise: glBufferSubData, then glMapBufferOES where there is one. */
static void buffer_update(struct gp_frame *f, int x0, int y0)
{
	GLfloat v[8] = {0};
	const GLfloat q[8] = {(float)(x0 + 8),  (float)(y0 + 8), (float)(x0 + 56),
	                      (float)(y0 + 8),  (float)(x0 + 8), (float)(y0 + 56),
	                      (float)(x0 + 56), (float)(y0 + 56)};
	GLuint vbo;
	glGenBuffers(1, &vbo);
	glBindBuffer(GL_ARRAY_BUFFER, vbo);
	glBufferData(GL_ARRAY_BUFFER, sizeof(v), v, GL_DYNAMIC_DRAW);
	glBufferSubData(GL_ARRAY_BUFFER, 0, 4 * sizeof(GLfloat), q);
	GLfloat *m = P.exts.mapbuffer ? P.map_buffer(GL_ARRAY_BUFFER, GL_WRITE_ONLY_OES) : NULL;
	if (m) {
		memcpy(m + 4, q + 4, 4 * sizeof(GLfloat));
		if (!P.unmap_buffer(GL_ARRAY_BUFFER)) {
			printf("FAIL %sbuffer-update: glUnmapBufferOES returned false\n",
			       f->prefix);
			f->failures++;
		}
	} else {
		if (P.exts.mapbuffer) {
			printf("FAIL %sbuffer-update: glMapBufferOES returned NULL\n", f->prefix);
			f->failures++;
		}
		glBufferSubData(GL_ARRAY_BUFFER, 4 * sizeof(GLfloat), 4 * sizeof(GLfloat), q + 4);
	}
	GLint size = 0;
	glGetBufferParameteriv(GL_ARRAY_BUFFER, GL_BUFFER_SIZE, &size);
	if (size != (GLint)sizeof(v)) {
		printf("FAIL %sbuffer-update: GL_BUFFER_SIZE is %d, expected %zu\n", f->prefix,
		       size, sizeof(v));
		f->failures++;
	}
	glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, (const void *)0);
	glEnableVertexAttribArray(0);
	use_col(0x8000ff, 1, 0, f->width, f->height);
	glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
	glBindBuffer(GL_ARRAY_BUFFER, 0);
	glDeleteBuffers(1, &vbo);
	gp_add_probe(f, "buffer-update", x0 + 32, y0 + 32, 0x8000ff, 0);
	gp_add_probe(f, "buffer-update", x0 + 4, y0 + 4, f->clear_rgb, 0);
	gp_expect_no_error(f, "buffer-update");
}

/* A vertex array object holding a VBO attribute and an element buffer of 32-bit indices
 * (16-bit without GL_OES_element_index_uint); the default object's state in between
 * must not leak into it. */
static void vertex_array_object(struct gp_frame *f, int x0, int y0)
{
	if (!P.exts.vertex_array) {
		printf("SKIP %svertex-array-object: no GL_OES_vertex_array_object\n", f->prefix);
		rect_col((float)(x0 + 8), (float)(y0 + 8), (float)(x0 + 56), (float)(y0 + 56),
		         0x00c0c0, 1, 0, f->width, f->height);
	} else {
		GLfloat v[24];
		quad_after_junk(v, (float)(x0 + 8), (float)(y0 + 8), (float)(x0 + 56),
		                (float)(y0 + 56), f->width, f->height);
		static const GLuint idx32[] = {8, 9, 10, 10, 9, 11};
		static const GLushort idx16[] = {8, 9, 10, 10, 9, 11};
		bool u32 = P.exts.element_index_uint;
		GLuint vao, b[2];
		P.gen_vertex_arrays(1, &vao);
		glGenBuffers(2, b);
		P.bind_vertex_array(vao);
		glBindBuffer(GL_ARRAY_BUFFER, b[0]);
		glBufferData(GL_ARRAY_BUFFER, sizeof(v), v, GL_STATIC_DRAW);
		glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, b[1]);
		glBufferData(GL_ELEMENT_ARRAY_BUFFER, u32 ? sizeof(idx32) : sizeof(idx16),
		             u32 ? (const void *)idx32 : (const void *)idx16, GL_STATIC_DRAW);
		glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, (const void *)0);
		glEnableVertexAttribArray(0);
		P.bind_vertex_array(0);
		glBindBuffer(GL_ARRAY_BUFFER, 0);
		glDisableVertexAttribArray(0);
		P.bind_vertex_array(vao);
		use_col(0x00c0c0, 1, 0, f->width, f->height);
		glDrawElements(GL_TRIANGLES, 6, u32 ? GL_UNSIGNED_INT : GL_UNSIGNED_SHORT,
		               (const void *)0);
		P.bind_vertex_array(0);
		P.delete_vertex_arrays(1, &vao);
		glDeleteBuffers(2, b);
	}
	gp_add_probe(f, "vertex-array-object", x0 + 32, y0 + 32, 0x00c0c0, 0);
	gp_add_probe(f, "vertex-array-object", x0 + 60, y0 + 60, f->clear_rgb, 0);
	gp_expect_no_error(f, "vertex-array-object");
}

typedef void (*pattern_fn)(struct gp_frame *f, int x0, int y0);

static const pattern_fn patterns[4][4] = {
        {triangle_vbo, client_arrays, elements_client, elements_buffer},
        {elements_buffer_client_vertices, texture_rgb_align1, texture_sub_image_align8, blend},
        {depth_test, scissor, fbo_texture, fbo_depth_renderbuffer},
        {copy_tex_image, mipmap, buffer_update, vertex_array_object},
};

void gp_draw_frame(struct gp_frame *f, int width, int height)
{
	f->width = width;
	f->height = height;
	f->n_probes = 0;
	f->failures = 0;
	glViewport(0, 0, width, height);
	set_clear_colour(f);
	glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
	glActiveTexture(GL_TEXTURE0);
	for (int row = 0; row < 4; row++) {
		for (int col = 0; col < 4; col++)
			patterns[row][col](f, col * GP_CELL, row * GP_CELL);
	}
	GLint vp[4] = {0};
	glGetIntegerv(GL_VIEWPORT, vp);
	if (vp[0] != 0 || vp[1] != 0 || vp[2] != width || vp[3] != height) {
		printf("FAIL %sget-viewport: %d %d %d %d, expected 0 0 %d %d\n", f->prefix, vp[0],
		       vp[1], vp[2], vp[3], width, height);
		f->failures++;
	}
	/* The window is opaque whatever a pattern left in alpha (for configs with alpha). */
	glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_TRUE);
	glClearColor(0, 0, 0, 1);
	glClear(GL_COLOR_BUFFER_BIT);
	glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
	set_clear_colour(f);
}
