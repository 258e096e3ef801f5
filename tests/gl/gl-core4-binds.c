/*
 * gl-core4's checks of 4.2's 1D immutable storage, 4.4's multi-binds and the transform
 * feedback draws of 4.0 and 4.2 (gl-core4.c runs them; the header there says what each
 * checks).
 */
#define GL_GLEXT_PROTOTYPES 1
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <GL/glcorearb.h>

#include "gl-checks.h"
#include "gl-core4.h"

bool gl4_tex_storage_1d(void)
{
	const char *c = "tex-storage-1d";
	GLuint tex[2];
	glGenTextures(2, tex);
	glBindTexture(GL_TEXTURE_1D, tex[0]);
	glTexStorage1D(GL_TEXTURE_1D, 3, GL_RGBA8, 8);
	unsigned char texels[32], back[33];
	for (int i = 0; i < 32; i++)
		texels[i] = (unsigned char)(i * 7 + 1);
	glTexSubImage1D(GL_TEXTURE_1D, 0, 0, 8, GL_RGBA, GL_UNSIGNED_BYTE, texels);
	memset(back, 0xee, sizeof(back));
	glGetTexImage(GL_TEXTURE_1D, 0, GL_RGBA, GL_UNSIGNED_BYTE, back);
	bool ok = (!memcmp(back, texels, 32) && back[32] == 0xee) ||
	          gc_fail(c, "level 0 read back differs");
	GLint levels = 0, immutable = 0, w2 = 0;
	glGetTexParameteriv(GL_TEXTURE_1D, GL_TEXTURE_IMMUTABLE_LEVELS, &levels);
	glGetTexParameteriv(GL_TEXTURE_1D, GL_TEXTURE_IMMUTABLE_FORMAT, &immutable);
	glGetTexLevelParameteriv(GL_TEXTURE_1D, 2, GL_TEXTURE_WIDTH, &w2);
	if (levels != 3 || !immutable || w2 != 2)
		ok = gc_fail(c, "%d levels, immutable %d, level 2 %d wide", levels, immutable, w2);
	glTexStorage1D(GL_TEXTURE_1D, 1, GL_RGBA8, 8);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "storage of an immutable texture") && ok;
	glBindTexture(GL_TEXTURE_1D_ARRAY, tex[1]);
	glTexStorage2D(GL_TEXTURE_1D_ARRAY, 3, GL_RGBA8, 8, 5);
	GLint w = 0, layers = 0;
	glGetTexLevelParameteriv(GL_TEXTURE_1D_ARRAY, 2, GL_TEXTURE_WIDTH, &w);
	glGetTexLevelParameteriv(GL_TEXTURE_1D_ARRAY, 2, GL_TEXTURE_HEIGHT, &layers);
	if (w != 2 || layers != 5)
		ok = gc_fail(c, "1D array level 2: %d wide, %d layers", w, layers);
	glDeleteTextures(2, tex);
	return gc_error_is(c, GL_NO_ERROR, "the storage") && ok;
}

/* glCopyImageSubData between desktop OpenGL's own targets, which ES lacks: four texels of
 * a 1D texture into row 2 of a rectangle texture, and that row back into another 1D
 * texture, each read back. */
bool gl4_copy_image_1d_rect(void)
{
	const char *c = "copy-image-1d-rect";
	GLuint tex[3];
	glGenTextures(3, tex);
	unsigned char texels[32], rect[8 * 4 * 4], back[32];
	for (int i = 0; i < 32; i++)
		texels[i] = (unsigned char)(i * 5 + 3);
	glBindTexture(GL_TEXTURE_1D, tex[0]);
	glTexStorage1D(GL_TEXTURE_1D, 1, GL_RGBA8, 8);
	glTexSubImage1D(GL_TEXTURE_1D, 0, 0, 8, GL_RGBA, GL_UNSIGNED_BYTE, texels);
	glBindTexture(GL_TEXTURE_RECTANGLE, tex[1]);
	glTexStorage2D(GL_TEXTURE_RECTANGLE, 1, GL_RGBA8, 8, 4);
	memset(rect, 0, sizeof(rect));
	glTexSubImage2D(GL_TEXTURE_RECTANGLE, 0, 0, 0, 8, 4, GL_RGBA, GL_UNSIGNED_BYTE, rect);
	glBindTexture(GL_TEXTURE_1D, tex[2]);
	glTexStorage1D(GL_TEXTURE_1D, 1, GL_RGBA8, 8);
	glTexSubImage1D(GL_TEXTURE_1D, 0, 0, 8, GL_RGBA, GL_UNSIGNED_BYTE, rect);
	/* Texels 2..5 of the 1D texture to (1, 2)..(4, 2) of the rectangle. */
	glCopyImageSubData(tex[0], GL_TEXTURE_1D, 0, 2, 0, 0, tex[1], GL_TEXTURE_RECTANGLE, 0, 1, 2,
	                   0, 4, 1, 1);
	bool ok = gc_error_is(c, GL_NO_ERROR, "1D to rectangle");
	glBindTexture(GL_TEXTURE_RECTANGLE, tex[1]);
	memset(rect, 0xee, sizeof(rect));
	glGetTexImage(GL_TEXTURE_RECTANGLE, 0, GL_RGBA, GL_UNSIGNED_BYTE, rect);
	for (int y = 0; y < 4; y++) {
		for (int x = 0; x < 8; x++) {
			const unsigned char *p = rect + (y * 8 + x) * 4;
			bool copied = y == 2 && x >= 1 && x < 5;
			unsigned char want = copied ? texels[(x + 1) * 4] : 0;
			if (p[0] != want) {
				ok = gc_fail(c, "rectangle texel (%d, %d) is %u, expected %u", x, y,
				             p[0], want);
				y = 4;
				break;
			}
		}
	}
	/* And the rectangle's row back into the second 1D texture, at texel 4. */
	glCopyImageSubData(tex[1], GL_TEXTURE_RECTANGLE, 0, 1, 2, 0, tex[2], GL_TEXTURE_1D, 0, 4, 0,
	                   0, 4, 1, 1);
	ok = gc_error_is(c, GL_NO_ERROR, "rectangle to 1D") && ok;
	glBindTexture(GL_TEXTURE_1D, tex[2]);
	memset(back, 0xee, sizeof(back));
	glGetTexImage(GL_TEXTURE_1D, 0, GL_RGBA, GL_UNSIGNED_BYTE, back);
	if (memcmp(back + 16, texels + 8, 16) != 0 || back[0] != 0 || back[15] != 0)
		ok = gc_fail(c, "1D texels 4..7 are %u..%u, expected %u..%u", back[16], back[28],
		             texels[8], texels[20]);
	glDeleteTextures(3, tex);
	return ok;
}

static GLint indexed(GLenum pname, GLuint index)
{
	GLint v = -1;
	glGetIntegeri_v(pname, index, &v);
	return v;
}

static GLint integer(GLenum pname)
{
	GLint v = -1;
	glGetIntegerv(pname, &v);
	return v;
}

/* glBindBuffersRange / glBindBuffersBase: the indexed bindings read back and a uniform block
 * drawn from one; the generic binding left alone; past the limit nothing bound; an unknown
 * name skipped, the others bound. */
bool gl4_multi_bind_buffers(GLuint vao)
{
	const char *c = "multi-bind-buffers";
	static const char *fs = "#version 440 core\n"
	                        "layout(std140, binding = 2) uniform C { vec4 colour; };\n"
	                        "out vec4 o; void main() { o = colour; }\n";
	GLuint p = gc_program(gl4_vs_full, NULL, fs);
	if (!p)
		return gc_fail(c, "the program did not build");
	GLuint buf[3];
	glGenBuffers(3, buf);
	static const float colours[2][4] = {{1, 0, 0, 1}, {0, 0, 1, 1}};
	for (int i = 0; i < 2; i++) {
		glBindBuffer(GL_UNIFORM_BUFFER, buf[i]);
		glBufferData(GL_UNIFORM_BUFFER, 512, NULL, GL_STATIC_DRAW);
		glBufferSubData(GL_UNIFORM_BUFFER, 256, 16, colours[i]);
	}
	glBindBuffer(GL_UNIFORM_BUFFER, buf[2]);
	GLintptr offsets[2] = {256, 256};
	GLsizeiptr sizes[2] = {16, 16};
	glBindBuffersRange(GL_UNIFORM_BUFFER, 1, 2, buf, offsets, sizes);
	bool ok = gc_error_is(c, GL_NO_ERROR, "glBindBuffersRange");
	if (indexed(GL_UNIFORM_BUFFER_BINDING, 1) != (GLint)buf[0] ||
	    indexed(GL_UNIFORM_BUFFER_BINDING, 2) != (GLint)buf[1] ||
	    indexed(GL_UNIFORM_BUFFER_START, 2) != 256 || indexed(GL_UNIFORM_BUFFER_SIZE, 2) != 16)
		ok = gc_fail(c, "bindings 1, 2: %d %d at %d, %d bytes",
		             indexed(GL_UNIFORM_BUFFER_BINDING, 1),
		             indexed(GL_UNIFORM_BUFFER_BINDING, 2),
		             indexed(GL_UNIFORM_BUFFER_START, 2),
		             indexed(GL_UNIFORM_BUFFER_SIZE, 2));
	if (integer(GL_UNIFORM_BUFFER_BINDING) != (GLint)buf[2])
		ok = gc_fail(c, "the generic binding changed to %d",
		             integer(GL_UNIFORM_BUFFER_BINDING));
	gl4_clear();
	glUseProgram(p);
	glBindVertexArray(vao);
	glDrawArrays(GL_TRIANGLES, 0, 3);
	ok = gc_pixel_is(c, 1, 1, 0x0000ff, "the block of binding 2") && ok;
	/* Past GL_MAX_UNIFORM_BUFFER_BINDINGS: nothing bound. */
	GLint max = integer(GL_MAX_UNIFORM_BUFFER_BINDINGS);
	glBindBuffersBase(GL_UNIFORM_BUFFER, (GLuint)max - 1, 2, buf);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "past the limit") && ok;
	if (indexed(GL_UNIFORM_BUFFER_BINDING, (GLuint)max - 1) != 0)
		ok = gc_fail(c, "past the limit, the last binding was bound");
	/* An unknown name in the middle: its binding stays, the others are bound. */
	GLuint names[3] = {buf[1], 0x7777, buf[0]};
	glBindBuffersBase(GL_UNIFORM_BUFFER, 1, 3, names);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "an unknown name") && ok;
	if (indexed(GL_UNIFORM_BUFFER_BINDING, 1) != (GLint)buf[1] ||
	    indexed(GL_UNIFORM_BUFFER_BINDING, 2) != (GLint)buf[1] ||
	    indexed(GL_UNIFORM_BUFFER_BINDING, 3) != (GLint)buf[0])
		ok = gc_fail(c, "around an unknown name: %d %d %d",
		             indexed(GL_UNIFORM_BUFFER_BINDING, 1),
		             indexed(GL_UNIFORM_BUFFER_BINDING, 2),
		             indexed(GL_UNIFORM_BUFFER_BINDING, 3));
	/* A range past its buffer's end: as glBindBufferRange, not checked against the store
	 * until drawn; a negative size is GL_INVALID_VALUE. */
	sizes[0] = -4;
	glBindBuffersRange(GL_UNIFORM_BUFFER, 4, 1, buf, offsets, sizes);
	ok = gc_error_is(c, GL_INVALID_VALUE, "a negative size") && ok;
	glBindBuffersBase(GL_UNIFORM_BUFFER, 1, 3, NULL);
	if (indexed(GL_UNIFORM_BUFFER_BINDING, 1) || indexed(GL_UNIFORM_BUFFER_BINDING, 3))
		ok = gc_fail(c, "NULL left bindings bound");
	if (integer(GL_UNIFORM_BUFFER_BINDING) != (GLint)buf[2])
		ok = gc_fail(c, "the generic binding changed to %d after unbinding",
		             integer(GL_UNIFORM_BUFFER_BINDING));
	glDeleteBuffers(3, buf);
	glDeleteProgram(p);
	return gc_error_is(c, GL_NO_ERROR, "the buffers") && ok;
}

/* glBindTextures and glBindSamplers on units 2 and 3: sampled from unit 3, the active unit
 * left alone (a glBindTexture after binds on unit 0), NULL unbinding; past the units nothing
 * bound. */
bool gl4_multi_bind_textures(GLuint vao)
{
	const char *c = "multi-bind-textures";
	GLuint p = gc_program(gl4_vs_full, NULL, gl4_fs_sample);
	if (!p)
		return gc_fail(c, "the program did not build");
	GLuint tex[3], smp[2];
	glGenTextures(3, tex);
	static const unsigned char texel[2][4] = {{255, 0, 0, 255}, {0, 0, 255, 255}};
	for (int i = 0; i < 2; i++) {
		glBindTexture(GL_TEXTURE_2D, tex[i]);
		glTexStorage2D(GL_TEXTURE_2D, 1, GL_RGBA8, 1, 1);
		glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, texel[i]);
	}
	glBindTexture(GL_TEXTURE_2D, 0);
	glGenSamplers(2, smp);
	for (int i = 0; i < 2; i++) {
		glSamplerParameteri(smp[i], GL_TEXTURE_MIN_FILTER, GL_NEAREST);
		glSamplerParameteri(smp[i], GL_TEXTURE_MAG_FILTER, GL_NEAREST);
	}
	glActiveTexture(GL_TEXTURE0);
	glBindTextures(2, 2, tex);
	glBindSamplers(2, 2, smp);
	bool ok = gc_error_is(c, GL_NO_ERROR, "the binds");
	if (integer(GL_ACTIVE_TEXTURE) != GL_TEXTURE0)
		ok = gc_fail(c, "the active unit is 0x%x", integer(GL_ACTIVE_TEXTURE));
	glBindTexture(GL_TEXTURE_2D, tex[2]); /* unit 0's */
	glActiveTexture(GL_TEXTURE3);
	if (integer(GL_TEXTURE_BINDING_2D) != (GLint)tex[1] ||
	    integer(GL_SAMPLER_BINDING) != (GLint)smp[1])
		ok = gc_fail(c, "unit 3 holds %d, sampler %d", integer(GL_TEXTURE_BINDING_2D),
		             integer(GL_SAMPLER_BINDING));
	glActiveTexture(GL_TEXTURE0);
	if (integer(GL_TEXTURE_BINDING_2D) != (GLint)tex[2])
		ok = gc_fail(c, "unit 0 holds %d", integer(GL_TEXTURE_BINDING_2D));
	glUseProgram(p);
	glUniform1i(glGetUniformLocation(p, "t"), 3);
	glBindVertexArray(vao);
	gl4_clear();
	glDrawArrays(GL_TRIANGLES, 0, 3);
	ok = gc_pixel_is(c, 2, 2, 0x0000ff, "sampled from unit 3") && ok;
	/* A named texture command binds on the active unit and back: unit 3 keeps its own. */
	glTextureParameteri(tex[0], GL_TEXTURE_MAX_LEVEL, 0);
	glActiveTexture(GL_TEXTURE2);
	if (integer(GL_TEXTURE_BINDING_2D) != (GLint)tex[0])
		ok = gc_fail(c, "unit 2 holds %d", integer(GL_TEXTURE_BINDING_2D));
	glActiveTexture(GL_TEXTURE0);
	GLint units = integer(GL_MAX_COMBINED_TEXTURE_IMAGE_UNITS);
	glBindTextures((GLuint)units - 1, 2, tex);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "past the units") && ok;
	glBindSamplers((GLuint)units - 1, 2, smp);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "samplers past the units") && ok;
	GLuint unknown[2] = {0x7777, tex[0]};
	glBindTextures(4, 2, unknown);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "an unknown texture") && ok;
	glActiveTexture(GL_TEXTURE5);
	if (integer(GL_TEXTURE_BINDING_2D) != (GLint)tex[0])
		ok = gc_fail(c, "after an unknown name, unit 5 holds %d",
		             integer(GL_TEXTURE_BINDING_2D));
	glActiveTexture(GL_TEXTURE0);
	glBindTextures(2, 4, NULL);
	glBindSamplers(2, 2, NULL);
	glActiveTexture(GL_TEXTURE3);
	if (integer(GL_TEXTURE_BINDING_2D) || integer(GL_SAMPLER_BINDING))
		ok = gc_fail(c, "NULL left unit 3 bound");
	glActiveTexture(GL_TEXTURE0);
	glDeleteSamplers(2, smp);
	glDeleteTextures(3, tex);
	glDeleteProgram(p);
	return gc_error_is(c, GL_NO_ERROR, "the textures") && ok;
}

/* glBindImageTextures: level 0, layered for an array, read-write, the format of level 0;
 * NULL resets the units; a texture with no level 0 is an error of its unit alone. */
bool gl4_multi_bind_image_textures(void)
{
	const char *c = "multi-bind-image-textures";
	GLuint tex[3];
	glGenTextures(3, tex);
	glBindTexture(GL_TEXTURE_2D, tex[0]);
	glTexStorage2D(GL_TEXTURE_2D, 1, GL_RGBA8, 4, 4);
	glBindTexture(GL_TEXTURE_2D_ARRAY, tex[1]);
	glTexStorage3D(GL_TEXTURE_2D_ARRAY, 1, GL_R32F, 4, 4, 2);
	glBindTexture(GL_TEXTURE_2D, tex[2]); /* no image */
	glBindTexture(GL_TEXTURE_2D, 0);
	glBindImageTextures(1, 2, tex);
	bool ok = gc_error_is(c, GL_NO_ERROR, "two textures");
	if (indexed(GL_IMAGE_BINDING_NAME, 1) != (GLint)tex[0] ||
	    indexed(GL_IMAGE_BINDING_FORMAT, 1) != GL_RGBA8 ||
	    indexed(GL_IMAGE_BINDING_LAYERED, 1) != GL_FALSE ||
	    indexed(GL_IMAGE_BINDING_ACCESS, 1) != GL_READ_WRITE)
		ok = gc_fail(c, "unit 1: %d, format 0x%x, layered %d, access 0x%x",
		             indexed(GL_IMAGE_BINDING_NAME, 1), indexed(GL_IMAGE_BINDING_FORMAT, 1),
		             indexed(GL_IMAGE_BINDING_LAYERED, 1),
		             indexed(GL_IMAGE_BINDING_ACCESS, 1));
	if (indexed(GL_IMAGE_BINDING_NAME, 2) != (GLint)tex[1] ||
	    indexed(GL_IMAGE_BINDING_FORMAT, 2) != GL_R32F ||
	    indexed(GL_IMAGE_BINDING_LAYERED, 2) != GL_TRUE)
		ok = gc_fail(c, "unit 2: %d, format 0x%x, layered %d",
		             indexed(GL_IMAGE_BINDING_NAME, 2), indexed(GL_IMAGE_BINDING_FORMAT, 2),
		             indexed(GL_IMAGE_BINDING_LAYERED, 2));
	GLuint some[2] = {tex[2], tex[0]};
	glBindImageTextures(3, 2, some);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "a texture with no level 0") && ok;
	if (indexed(GL_IMAGE_BINDING_NAME, 3) != 0 ||
	    indexed(GL_IMAGE_BINDING_NAME, 4) != (GLint)tex[0])
		ok = gc_fail(c, "units 3, 4: %d %d", indexed(GL_IMAGE_BINDING_NAME, 3),
		             indexed(GL_IMAGE_BINDING_NAME, 4));
	GLint max = integer(GL_MAX_IMAGE_UNITS);
	glBindImageTextures((GLuint)max, 1, tex);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "past the image units") && ok;
	glBindImageTextures(1, 4, NULL);
	if (indexed(GL_IMAGE_BINDING_NAME, 1) || indexed(GL_IMAGE_BINDING_NAME, 4) ||
	    indexed(GL_IMAGE_BINDING_FORMAT, 2) != GL_R8)
		ok = gc_fail(c, "NULL: units 1, 4 hold %d %d, unit 2's format 0x%x",
		             indexed(GL_IMAGE_BINDING_NAME, 1), indexed(GL_IMAGE_BINDING_NAME, 4),
		             indexed(GL_IMAGE_BINDING_FORMAT, 2));
	glDeleteTextures(3, tex);
	return gc_error_is(c, GL_NO_ERROR, "the images") && ok;
}

/* glBindVertexBuffers: attribute 0 read through binding point 1, drawn; offsets and strides
 * read back; GL_ARRAY_BUFFER left alone; NULL unbinds. */
bool gl4_multi_bind_vertex_buffers(void)
{
	const char *c = "multi-bind-vertex-buffers";
	GLuint p = gc_program(gl4_vs_pos, NULL, gl4_fs_green);
	if (!p)
		return gc_fail(c, "the program did not build");
	GLuint vao, buf[2];
	glGenVertexArrays(1, &vao);
	glBindVertexArray(vao);
	glGenBuffers(2, buf);
	static const float off[6] = {0.8f, 0.8f, 0.9f, 0.8f, 0.9f, 0.9f};
	static const float full[8] = {0, 0, -1, -1, 3, -1, -1, 3};
	glBindBuffer(GL_ARRAY_BUFFER, buf[0]);
	glBufferData(GL_ARRAY_BUFFER, sizeof(off), off, GL_STATIC_DRAW);
	glBindBuffer(GL_ARRAY_BUFFER, buf[1]);
	glBufferData(GL_ARRAY_BUFFER, sizeof(full), full, GL_STATIC_DRAW);
	glBindBuffer(GL_ARRAY_BUFFER, buf[0]);
	glVertexAttribFormat(0, 2, GL_FLOAT, GL_FALSE, 0);
	glVertexAttribBinding(0, 1);
	glEnableVertexAttribArray(0);
	GLintptr offsets[2] = {0, 8};
	GLsizei strides[2] = {8, 8};
	glBindVertexBuffers(0, 2, buf, offsets, strides);
	bool ok = gc_error_is(c, GL_NO_ERROR, "glBindVertexBuffers");
	if (indexed(GL_VERTEX_BINDING_BUFFER, 1) != (GLint)buf[1] ||
	    indexed(GL_VERTEX_BINDING_OFFSET, 1) != 8 || indexed(GL_VERTEX_BINDING_STRIDE, 1) != 8)
		ok = gc_fail(
		        c, "binding 1: %d at %d, stride %d", indexed(GL_VERTEX_BINDING_BUFFER, 1),
		        indexed(GL_VERTEX_BINDING_OFFSET, 1), indexed(GL_VERTEX_BINDING_STRIDE, 1));
	if (integer(GL_ARRAY_BUFFER_BINDING) != (GLint)buf[0])
		ok = gc_fail(c, "GL_ARRAY_BUFFER changed to %d", integer(GL_ARRAY_BUFFER_BINDING));
	glUseProgram(p);
	gl4_clear();
	glDrawArrays(GL_TRIANGLES, 0, 3);
	ok = gc_pixel_is(c, 2, 2, 0x00ff00, "through binding point 1") && ok;
	GLint max = integer(GL_MAX_VERTEX_ATTRIB_BINDINGS);
	glBindVertexBuffers((GLuint)max - 1, 2, buf, offsets, strides);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "past the binding points") && ok;
	GLuint unknown[2] = {0x7777, buf[0]};
	const GLintptr zero[2] = {0, 0};
	glBindVertexBuffers(0, 2, unknown, zero, strides);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "an unknown buffer") && ok;
	if (indexed(GL_VERTEX_BINDING_BUFFER, 1) != (GLint)buf[0])
		ok = gc_fail(c, "after an unknown name, binding 1 holds %d",
		             indexed(GL_VERTEX_BINDING_BUFFER, 1));
	gl4_clear();
	glDrawArrays(GL_TRIANGLES, 0, 3);
	ok = gc_pixel_is(c, 2, 2, 0x000000, "binding point 1 off centre") && ok;
	glBindVertexBuffers(0, 2, NULL, NULL, NULL);
	if (indexed(GL_VERTEX_BINDING_BUFFER, 0) || indexed(GL_VERTEX_BINDING_BUFFER, 1))
		ok = gc_fail(c, "NULL left binding points bound");
	glBindVertexArray(0);
	glBindVertexBuffers(0, 1, buf, offsets, strides);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "with no vertex array bound") && ok;
	glDeleteBuffers(2, buf);
	glDeleteVertexArrays(1, &vao);
	glDeleteProgram(p);
	return gc_error_is(c, GL_NO_ERROR, "the vertex buffers") && ok;
}

/* glVertexAttribPointer of desktop OpenGL's float formats: GL_DOUBLE positions (converted to
 * float) and a colour of ARB_vertex_type_10f_11f_11f_rev's three packed floats, drawn. */
bool gl4_attrib_desktop_formats(void)
{
	const char *c = "attrib-desktop-formats";
	static const char vs[] = "#version 440 core\n"
	                         "layout(location = 0) in vec2 pos;\n"
	                         "layout(location = 1) in vec3 colour;\n"
	                         "out vec3 v;\n"
	                         "void main() { v = colour; gl_Position = vec4(pos, 0.0, 1.0); }\n";
	static const char fs[] = "#version 440 core\nin vec3 v;\nout vec4 o;\n"
	                         "void main() { o = vec4(v, 1.0); }\n";
	GLuint p = gc_program(vs, NULL, fs);
	if (!p)
		return gc_fail(c, "the program did not build");
	static const double pos[6] = {-1, -1, 3, -1, -1, 3};
	/* R 0.0, G 1.0, B 0.0 as 11-, 11- and 10-bit floats: 1.0 is exponent 15, mantissa 0. */
	const GLuint green = 15u << 17;
	const GLuint colours[3] = {green, green, green};
	GLuint vao, buf[2];
	glGenVertexArrays(1, &vao);
	glBindVertexArray(vao);
	glGenBuffers(2, buf);
	glBindBuffer(GL_ARRAY_BUFFER, buf[0]);
	glBufferData(GL_ARRAY_BUFFER, sizeof(pos), pos, GL_STATIC_DRAW);
	glVertexAttribPointer(0, 2, GL_DOUBLE, GL_FALSE, 0, NULL);
	glBindBuffer(GL_ARRAY_BUFFER, buf[1]);
	glBufferData(GL_ARRAY_BUFFER, sizeof(colours), colours, GL_STATIC_DRAW);
	glVertexAttribPointer(1, 3, GL_UNSIGNED_INT_10F_11F_11F_REV, GL_FALSE, 0, NULL);
	bool ok = gc_error_is(c, GL_NO_ERROR, "the two formats");
	glVertexAttribPointer(1, 4, GL_UNSIGNED_INT_10F_11F_11F_REV, GL_FALSE, 0, NULL);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "10F_11F_11F_REV of size 4") && ok;
	glEnableVertexAttribArray(0);
	glEnableVertexAttribArray(1);
	glUseProgram(p);
	gl4_clear();
	glDrawArrays(GL_TRIANGLES, 0, 3);
	ok = gc_pixel_is(c, 2, 2, 0x00ff00, "double positions, packed float colours") && ok;
	GLint type = 0;
	glGetVertexAttribiv(0, GL_VERTEX_ATTRIB_ARRAY_TYPE, &type);
	if (type != GL_DOUBLE)
		ok = gc_fail(c, "attribute 0's type reads back as 0x%x", (unsigned)type);
	glUseProgram(0);
	glBindVertexArray(0);
	glDeleteBuffers(2, buf);
	glDeleteVertexArrays(1, &vao);
	glDeleteProgram(p);
	return gc_error_is(c, GL_NO_ERROR, "the draw") && ok;
}

/* A full-target triangle captured into a transform feedback object's buffer (rasterizer
 * discard on), then drawn from that buffer with the count the object recorded: green, then
 * instanced with the last instance blue; an object never captured draws nothing. */
bool gl4_xfb_draw(void)
{
	const char *c = "xfb-draw";
	static const char *vs_cap = "#version 440 core\n"
	                            "out vec4 cap;\n"
	                            "void main() {\n"
	                            "  cap = vec4(gl_VertexID == 1 ? 3.0 : -1.0,\n"
	                            "             gl_VertexID == 2 ? 3.0 : -1.0, 0.0, 1.0);\n"
	                            "  gl_Position = cap;\n"
	                            "}\n";
	static const char *vs_draw = "#version 440 core\n"
	                             "layout(location = 0) in vec4 pos; flat out int inst;\n"
	                             "void main() { inst = gl_InstanceID; gl_Position = pos; }\n";
	static const char *fs_inst = "#version 440 core\nflat in int inst; out vec4 o;\n"
	                             "void main() { o = inst == 0 ? vec4(0, 1, 0, 1) : "
	                             "vec4(0, 0, 1, 1); }\n";
	GLuint cap = glCreateProgram();
	GLuint vs = gc_shader(GL_VERTEX_SHADER, vs_cap);
	GLuint fs = gc_shader(GL_FRAGMENT_SHADER, gl4_fs_green);
	if (!vs || !fs)
		return gc_fail(c, "the capturing shaders did not build");
	glAttachShader(cap, vs);
	glAttachShader(cap, fs);
	const char *varying = "cap";
	glTransformFeedbackVaryings(cap, 1, &varying, GL_INTERLEAVED_ATTRIBS);
	glLinkProgram(cap);
	GLint linked = 0;
	glGetProgramiv(cap, GL_LINK_STATUS, &linked);
	GLuint draw = gc_program(vs_draw, NULL, fs_inst);
	if (!linked || !draw)
		return gc_fail(c, "the programs did not build");
	GLuint vao, buf, tf[2];
	glGenVertexArrays(1, &vao);
	glBindVertexArray(vao);
	glGenBuffers(1, &buf);
	glBindBuffer(GL_ARRAY_BUFFER, buf);
	glBufferData(GL_ARRAY_BUFFER, 64 * 16, NULL, GL_STATIC_DRAW);
	glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, 0, NULL);
	glEnableVertexAttribArray(0);
	glGenTransformFeedbacks(2, tf);
	glBindTransformFeedback(GL_TRANSFORM_FEEDBACK, tf[0]);
	glBindBufferBase(GL_TRANSFORM_FEEDBACK_BUFFER, 0, buf);
	glUseProgram(cap);
	glEnable(GL_RASTERIZER_DISCARD);
	glBeginTransformFeedback(GL_TRIANGLES);
	glDrawArrays(GL_TRIANGLES, 0, 3);
	glEndTransformFeedback();
	glDisable(GL_RASTERIZER_DISCARD);
	glBindTransformFeedback(GL_TRANSFORM_FEEDBACK, 0);
	bool ok = gc_error_is(c, GL_NO_ERROR, "the capture");
	glUseProgram(draw);
	gl4_clear();
	glDrawTransformFeedback(GL_TRIANGLES, tf[0]);
	ok = gc_pixel_is(c, 2, 2, 0x00ff00, "glDrawTransformFeedback") && ok;
	gl4_clear();
	glDrawTransformFeedbackInstanced(GL_TRIANGLES, tf[0], 2);
	ok = gc_pixel_is(c, 2, 2, 0x0000ff, "glDrawTransformFeedbackInstanced, 2 instances") && ok;
	ok = gc_error_is(c, GL_NO_ERROR, "the draws") && ok;
	gl4_clear();
	glDrawTransformFeedback(GL_TRIANGLES, tf[1]);
	ok = gc_error_is(c, GL_INVALID_VALUE, "a name never bound") && ok;
	glBindTransformFeedback(GL_TRANSFORM_FEEDBACK, tf[1]);
	glBindTransformFeedback(GL_TRANSFORM_FEEDBACK, 0);
	glDrawTransformFeedback(GL_TRIANGLES, tf[1]);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "an object never captured") && ok;
	ok = gc_pixel_is(c, 2, 2, 0x000000, "an object never captured") && ok;
	glDeleteTransformFeedbacks(2, tf);
	glDeleteBuffers(1, &buf);
	glDeleteVertexArrays(1, &vao);
	glDeleteProgram(cap);
	glDeleteProgram(draw);
	glDeleteShader(vs);
	glDeleteShader(fs);
	return ok;
}
