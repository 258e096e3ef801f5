/*
 * gl-core-draw's state and attribute checks (gl-core-draw.h):
 *
 *   query-counter        glQueryCounter timestamps increase; 64-bit results both signs
 *   packed-attributes    glVertexAttribP{1,2,3,4}ui[v] current values, read back and drawn
 *   bgra-attributes      a GL_BGRA colour array in a buffer drawn; unnormalized refused
 *   integer-attributes   glVertexAttribI{1,2,3,4}{i,ui}[v], I4{b,s,ub,us}v read back, and
 *                        compared in a shader
 *   clamp-color          glClampColor's state and a float framebuffer read both ways
 *   active-uniform-name  glGetActiveUniformName as glGetActiveUniform names it
 */
#include <stdio.h>
#include <string.h>

#include "gl-checks.h"
#include "gl-core-draw.h"

static const float quad[] = {-1, -1, 1, -1, -1, 1, 1, 1};

static void query_counter(void)
{
	const char *c = "query-counter";
	GLuint q[2];
	GLint bits = 0;
	glGetQueryiv(GL_TIMESTAMP, GL_QUERY_COUNTER_BITS, &bits);
	glGenQueries(2, q);
	glQueryCounter(q[0], GL_TIMESTAMP);
	cd_bind_target();
	glClear(GL_COLOR_BUFFER_BIT);
	glFinish();
	glQueryCounter(q[1], GL_TIMESTAMP);
	GLuint64 t0 = 0, t1 = 0;
	GLint64 s1 = 0, now = 0;
	glGetQueryObjectui64v(q[0], GL_QUERY_RESULT, &t0);
	glGetQueryObjectui64v(q[1], GL_QUERY_RESULT, &t1);
	glGetQueryObjecti64v(q[1], GL_QUERY_RESULT, &s1);
	GLuint available = 0;
	glGetQueryObjectuiv(q[1], GL_QUERY_RESULT_AVAILABLE, &available);
	glGetInteger64v(GL_TIMESTAMP, &now);
	if (!gc_no_error(c, "two timestamps"))
		;
	else if (bits == 0)
		printf("SKIP %s: GL_QUERY_COUNTER_BITS is 0\n", c);
	else if (!t0 || t1 < t0 || (GLuint64)s1 != t1 || !available)
		gc_fail(c, "timestamps %llu then %llu (signed %lld), available %u",
		        (unsigned long long)t0, (unsigned long long)t1, (long long)s1, available);
	else if (now <= 0)
		gc_fail(c, "GL_TIMESTAMP %lld", (long long)now);
	else
		gc_result(c, true);
	glDeleteQueries(2, q);
}

static bool near_f(const float *got, const float *want)
{
	for (int i = 0; i < 4; i++) {
		float d = got[i] - want[i];
		if (d > 0.01f || d < -0.01f)
			return false;
	}
	return true;
}

/* 2_10_10_10: x in bits 0-9, y 10-19, z 20-29, w 30-31. */
static GLuint pack(unsigned x, unsigned y, unsigned z, unsigned w)
{
	return (GLuint)(x | y << 10 | z << 20 | w << 30);
}

static void packed_attributes(void)
{
	const char *c = "packed-attributes";
	static const char *vs = "#version 330 core\n"
	                        "in vec2 pos; in vec4 color; out vec4 c;\n"
	                        "void main() { c = color; gl_Position = vec4(pos, 0.0, 1.0); }\n";
	static const char *fs = "#version 330 core\n"
	                        "in vec4 c; out vec4 o;\n"
	                        "void main() { o = c; }\n";
	GLuint prog = cd_program(vs, fs, NULL);
	if (!prog) {
		gc_fail(c, "the program did not build");
		return;
	}
	GLuint vao = cd_arrays(quad, NULL, 4);
	float v[4][4];
	GLuint one = pack(1023, 0, 0, 3);
	glVertexAttribP1ui(1, GL_UNSIGNED_INT_2_10_10_10_REV, GL_TRUE, one);
	glGetVertexAttribfv(1, GL_CURRENT_VERTEX_ATTRIB, v[0]);
	GLuint two = pack(0, 1023, 0, 0);
	glVertexAttribP2uiv(1, GL_UNSIGNED_INT_2_10_10_10_REV, GL_TRUE, &two);
	glGetVertexAttribfv(1, GL_CURRENT_VERTEX_ATTRIB, v[1]);
	GLuint three = pack(5, 6, 7, 0);
	glVertexAttribP3ui(1, GL_UNSIGNED_INT_2_10_10_10_REV, GL_FALSE, three);
	glGetVertexAttribfv(1, GL_CURRENT_VERTEX_ATTRIB, v[2]);
	/* Signed: 511 is 1.0, 0x201 (-511) is -1.0 */
	GLuint four = pack(511, 0, 0x201, 1);
	glVertexAttribP4uiv(1, GL_INT_2_10_10_10_REV, GL_TRUE, &four);
	glGetVertexAttribfv(1, GL_CURRENT_VERTEX_ATTRIB, v[3]);
	static const float want[4][4] = {{1, 0, 0, 1}, {0, 1, 0, 1}, {5, 6, 7, 1}, {1, 0, -1, 1}};
	/* Drawn with the last: red, no blue (clamped), opaque. */
	cd_bind_target();
	glClearColor(0, 0, 1, 1);
	glClear(GL_COLOR_BUFFER_BIT);
	glUseProgram(prog);
	glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
	unsigned px = gc_pixel(4, 4);
	if (!gc_no_error(c, "packed current values"))
		goto out;
	for (int i = 0; i < 4; i++)
		if (!near_f(v[i], want[i])) {
			gc_fail(c, "P%d: %g %g %g %g", i + 1, v[i][0], v[i][1], v[i][2], v[i][3]);
			goto out;
		}
	if (px != 0xff0000)
		gc_fail(c, "drawn 0x%06x", px);
	else
		gc_result(c, true);
out:
	glDeleteVertexArrays(1, &vao);
	glDeleteProgram(prog);
}

/* ARB_vertex_array_bgra: a colour array of size GL_BGRA in a buffer reads B, G, R, A; an
 * unnormalized one, or an integer one, is refused. */
static void bgra_attributes(void)
{
	const char *c = "bgra-attributes";
	static const char *vs = "#version 330 core\n"
	                        "in vec2 pos; in vec4 color; out vec4 c;\n"
	                        "void main() { c = color; gl_Position = vec4(pos, 0.0, 1.0); }\n";
	static const char *fs = "#version 330 core\n"
	                        "in vec4 c; out vec4 o;\n"
	                        "void main() { o = c; }\n";
	GLuint prog = cd_program(vs, fs, NULL);
	if (!prog) {
		gc_fail(c, "the program did not build");
		return;
	}
	GLuint vao = cd_arrays(quad, NULL, 4), buf;
	/* B, G, R, A bytes: red. */
	static const GLubyte bgra[4][4] = {
	        {0, 0, 255, 255}, {0, 0, 255, 255}, {0, 0, 255, 255}, {0, 0, 255, 255}};
	glGenBuffers(1, &buf);
	glBindBuffer(GL_ARRAY_BUFFER, buf);
	glBufferData(GL_ARRAY_BUFFER, sizeof(bgra), bgra, GL_STATIC_DRAW);
	glVertexAttribPointer(1, GL_BGRA, GL_UNSIGNED_BYTE, GL_TRUE, 0, NULL);
	glEnableVertexAttribArray(1);
	bool ok = gc_no_error(c, "a GL_BGRA array");
	glVertexAttribPointer(1, GL_BGRA, GL_UNSIGNED_BYTE, GL_FALSE, 0, NULL);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "unnormalized") && ok;
	glVertexAttribIPointer(1, GL_BGRA, GL_UNSIGNED_BYTE, 0, NULL);
	ok = gc_error_is(c, GL_INVALID_VALUE, "integer") && ok;
	cd_bind_target();
	glClearColor(0, 0, 1, 1);
	glClear(GL_COLOR_BUFFER_BIT);
	glUseProgram(prog);
	glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
	unsigned px = gc_pixel(4, 4);
	if (px != 0xff0000)
		ok = gc_fail(c, "drawn 0x%06x", px);
	if (gc_no_error(c, "the draw") && ok)
		gc_result(c, true);
	glDeleteBuffers(1, &buf);
	glDeleteVertexArrays(1, &vao);
	glDeleteProgram(prog);
}

static bool ints_are(const GLint *got, GLint x, GLint y, GLint z, GLint w)
{
	return got[0] == x && got[1] == y && got[2] == z && got[3] == w;
}

/* Each form, read back as the driver holds it. */
static bool integer_forms(const char *c)
{
	GLint i[4];
	static const GLint iv[4] = {-4, 5, -6, 7};
	static const GLuint uiv[4] = {8, 9, 10, 11};
	static const GLbyte bv[4] = {-1, 2, -3, 4};
	static const GLshort sv[4] = {-300, 301, -302, 303};
	static const GLubyte ubv[4] = {200, 201, 202, 203};
	static const GLushort usv[4] = {60000, 60001, 60002, 60003};
	struct {
		const char *name;
		GLint want[4];
	} forms[] = {{"I1i", {-2, 0, 0, 1}},          {"I2i", {-2, 3, 0, 1}},
	             {"I3i", {-2, 3, -4, 1}},         {"I1ui", {5, 0, 0, 1}},
	             {"I2ui", {5, 6, 0, 1}},          {"I3ui", {5, 6, 7, 1}},
	             {"I1iv", {-4, 0, 0, 1}},         {"I2iv", {-4, 5, 0, 1}},
	             {"I3iv", {-4, 5, -6, 1}},        {"I1uiv", {8, 0, 0, 1}},
	             {"I2uiv", {8, 9, 0, 1}},         {"I3uiv", {8, 9, 10, 1}},
	             {"I4bv", {-1, 2, -3, 4}},        {"I4sv", {-300, 301, -302, 303}},
	             {"I4ubv", {200, 201, 202, 203}}, {"I4usv", {60000, 60001, 60002, 60003}}};
	for (int f = 0; f < 16; f++) {
		switch (f) {
		case 0:
			glVertexAttribI1i(2, -2);
			break;
		case 1:
			glVertexAttribI2i(2, -2, 3);
			break;
		case 2:
			glVertexAttribI3i(2, -2, 3, -4);
			break;
		case 3:
			glVertexAttribI1ui(2, 5);
			break;
		case 4:
			glVertexAttribI2ui(2, 5, 6);
			break;
		case 5:
			glVertexAttribI3ui(2, 5, 6, 7);
			break;
		case 6:
			glVertexAttribI1iv(2, iv);
			break;
		case 7:
			glVertexAttribI2iv(2, iv);
			break;
		case 8:
			glVertexAttribI3iv(2, iv);
			break;
		case 9:
			glVertexAttribI1uiv(2, uiv);
			break;
		case 10:
			glVertexAttribI2uiv(2, uiv);
			break;
		case 11:
			glVertexAttribI3uiv(2, uiv);
			break;
		case 12:
			glVertexAttribI4bv(2, bv);
			break;
		case 13:
			glVertexAttribI4sv(2, sv);
			break;
		case 14:
			glVertexAttribI4ubv(2, ubv);
			break;
		default:
			glVertexAttribI4usv(2, usv);
			break;
		}
		glGetVertexAttribIiv(2, GL_CURRENT_VERTEX_ATTRIB, i);
		const GLint *w = forms[f].want;
		if (!ints_are(i, w[0], w[1], w[2], w[3]))
			return gc_fail(c, "%s read back %d %d %d %d", forms[f].name, i[0], i[1],
			               i[2], i[3]);
	}
	return true;
}

static void bind_ints(GLuint p)
{
	glBindAttribLocation(p, 2, "ia");
	glBindAttribLocation(p, 3, "ua");
}

static void integer_attributes(void)
{
	const char *c = "integer-attributes";
	static const char *vs =
	        "#version 330 core\n"
	        "in vec2 pos; in ivec4 ia; in uvec4 ua; flat out int ok;\n"
	        "void main() {\n"
	        "  ok = int(ia == ivec4(-1, 2, -3, 4) && ua == uvec4(60000u, 60001u, "
	        "60002u, 60003u));\n"
	        "  gl_Position = vec4(pos, 0.0, 1.0);\n"
	        "}\n";
	static const char *fs =
	        "#version 330 core\n"
	        "flat in int ok; out vec4 o;\n"
	        "void main() { o = ok == 1 ? vec4(0, 1, 0, 1) : vec4(1, 0, 0, 1); }\n";
	GLuint prog = cd_program(vs, fs, bind_ints);
	if (!prog) {
		gc_fail(c, "the program did not build");
		return;
	}
	GLuint vao = cd_arrays(quad, NULL, 4);
	if (!integer_forms(c))
		goto out;
	static const GLbyte bv[4] = {-1, 2, -3, 4};
	static const GLushort usv[4] = {60000, 60001, 60002, 60003};
	glVertexAttribI4bv(2, bv);
	glVertexAttribI4usv(3, usv);
	cd_bind_target();
	glClearColor(0, 0, 1, 1);
	glClear(GL_COLOR_BUFFER_BIT);
	glUseProgram(prog);
	glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
	unsigned px = gc_pixel(4, 4);
	if (!gc_no_error(c, "integer current values"))
		;
	else if (px != 0x00ff00)
		gc_fail(c, "the shader saw other values (0x%06x)", px);
	else
		gc_result(c, true);
out:
	glDeleteVertexArrays(1, &vao);
	glDeleteProgram(prog);
}

static void clamp_color(void)
{
	const char *c = "clamp-color";
	GLint initial = 0, off = 0, on = 0;
	glGetIntegerv(GL_CLAMP_READ_COLOR, &initial);
	GLuint rb, fb;
	glGenRenderbuffers(1, &rb);
	glBindRenderbuffer(GL_RENDERBUFFER, rb);
	glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA32F, 2, 2);
	glGenFramebuffers(1, &fb);
	glBindFramebuffer(GL_FRAMEBUFFER, fb);
	glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb);
	glClearColor(2.0f, -1.0f, 0.5f, 1.0f);
	glClear(GL_COLOR_BUFFER_BIT);
	float unclamped[4] = {0}, clamped[4] = {0};
	glClampColor(GL_CLAMP_READ_COLOR, GL_FALSE);
	glGetIntegerv(GL_CLAMP_READ_COLOR, &off);
	glReadPixels(0, 0, 1, 1, GL_RGBA, GL_FLOAT, unclamped);
	glClampColor(GL_CLAMP_READ_COLOR, GL_TRUE);
	glGetIntegerv(GL_CLAMP_READ_COLOR, &on);
	glReadPixels(0, 0, 1, 1, GL_RGBA, GL_FLOAT, clamped);
	glClampColor(GL_CLAMP_READ_COLOR, GL_FIXED_ONLY);
	glClampColor(0x891A, GL_TRUE); /* GL_CLAMP_VERTEX_COLOR: compatibility only */
	bool refused = glGetError() == GL_INVALID_ENUM;
	static const float want_off[4] = {2.0f, -1.0f, 0.5f, 1.0f}, want_on[4] = {1, 0, 0.5f, 1};
	if (!gc_no_error(c, "clamped and unclamped reads"))
		;
	else if (initial != GL_FIXED_ONLY || off != GL_FALSE || on != GL_TRUE)
		gc_fail(c, "GL_CLAMP_READ_COLOR 0x%x, then 0x%x, 0x%x", initial, off, on);
	else if (!near_f(unclamped, want_off) || !near_f(clamped, want_on))
		gc_fail(c, "read %g %g unclamped, %g %g clamped", unclamped[0], unclamped[1],
		        clamped[0], clamped[1]);
	else if (!refused)
		gc_fail(c, "GL_CLAMP_VERTEX_COLOR taken in a core context");
	else
		gc_result(c, true);
	glDeleteFramebuffers(1, &fb);
	glDeleteRenderbuffers(1, &rb);
}

static void active_uniform_name(void)
{
	const char *c = "active-uniform-name";
	static const char *vs = "#version 330 core\n"
	                        "in vec2 pos; uniform vec2 shift_by;\n"
	                        "void main() { gl_Position = vec4(pos + shift_by, 0.0, 1.0); }\n";
	static const char *fs = "#version 330 core\n"
	                        "uniform vec4 tint_colour; out vec4 o;\n"
	                        "void main() { o = tint_colour; }\n";
	GLuint prog = cd_program(vs, fs, NULL);
	if (!prog) {
		gc_fail(c, "the program did not build");
		return;
	}
	GLint count = 0;
	glGetProgramiv(prog, GL_ACTIVE_UNIFORMS, &count);
	bool ok = count == 2;
	for (GLint i = 0; ok && i < count; i++) {
		char a[64] = "", b[64] = "", shortb[4] = "xyz";
		GLsizei alen = 0, blen = -1, slen = -1, size;
		GLenum type;
		glGetActiveUniform(prog, (GLuint)i, sizeof(a), &alen, &size, &type, a);
		glGetActiveUniformName(prog, (GLuint)i, sizeof(b), &blen, b);
		glGetActiveUniformName(prog, (GLuint)i, sizeof(shortb), &slen, shortb);
		ok = strcmp(a, b) == 0 && alen == blen && slen == 3 && strncmp(shortb, a, 3) == 0;
		if (!ok)
			gc_fail(c, "uniform %d: \"%s\" (%d) vs \"%s\" (%d), cut \"%s\" (%d)", i, a,
			        alen, b, blen, shortb, slen);
	}
	if (gc_no_error(c, "uniform names") && ok)
		gc_result(c, true);
	else if (count != 2)
		gc_fail(c, "%d active uniforms", count);
	glDeleteProgram(prog);
}

void cd_state_checks(void)
{
	query_counter();
	packed_attributes();
	bgra_attributes();
	integer_attributes();
	clamp_color();
	active_uniform_name();
}
