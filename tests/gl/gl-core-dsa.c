/*
 * gl-core-dsa: an OpenGL 4.5 core app (no window: a surfaceless context on the Wayland
 * display, drawing into a 4x4 framebuffer object) that uses direct state access, each
 * check reading back values or pixels:
 *
 *   buffer-data        glCreateBuffers + glNamedBufferData/SubData, glCopyNamedBufferSubData,
 *                      read back with glGetNamedBufferSubData; size and usage as parameters
 *   buffer-storage     glNamedBufferStorage: its flags, a fixed store refusing sub data
 *   unknown-names      named commands on names never made: GL_INVALID_OPERATION
 *   texture            glCreateTextures, glTextureStorage2D/SubImage2D/Parameteri,
 *                      glBindTextureUnit, sampled in a draw; its level's width; read back
 *                      with glGetTextureImage (too small a bufSize refused)
 *   framebuffer        glCreateFramebuffers + glNamedFramebufferTexture, cleared with
 *                      glClearNamedFramebufferfv and blitted with glBlitNamedFramebuffer
 *   vertex-array       a vertex array set up with glVertexArrayVertexBuffer/AttribFormat/
 *                      AttribBinding/ElementBuffer only, drawing indexed
 *   clip-control       glClipControl(GL_UPPER_LEFT): the top of clip space lands on row 0
 *   map-named          glMapNamedBufferRange written, unmapped, drawn from; glMapNamedBuffer read
 *   query-buffer       glCreateQueries, a query's result and availability written into a
 *                      buffer by glGetQueryBufferObjectuiv, read back; past its end refused
 *   created            glCreateTransformFeedbacks/Samplers/ProgramPipelines: objects at once
 *   transform-feedback glTransformFeedbackBufferRange and the glGetTransformFeedback* queries
 *   texture-storage-1d glTextureStorage1D's levels, a region read back by name
 *   texture-sub-image  glGetTextureSubImage of 2D, array and cube map levels, with pack state,
 *                      into a pixel pack buffer; past the level, bufSize or buffer refused
 *   cube-image         glGetTextureImage of a cube map: its six faces as one image, into
 *                      memory and a pack buffer; no image or a face missing refused
 *   compressed-sub-image  glGetCompressedTextureSubImage: blocks of an RGTC1 level (also
 *                         laid out by GL 4.2's compressed block pnames)
 *   parameters         GL_TEXTURE_SWIZZLE_RGBA by name; glGetNamedFramebufferParameteriv's
 *                      4.5 state (samples, read format and type) as glGetIntegerv gives it
 *   glsl-versions      GL_NUM_SHADING_LANGUAGE_VERSIONS and glGetStringi's versions
 *   query-error        a refused glGetProgramiv leaves the app's values
 *
 * Prints "PASS <check>", "FAIL <check>: why" or "SKIP <check>: why" per check, "info: ..."
 * lines, then "done". Exit status 0 when nothing failed, 77 without a core 4.5 context.
 */
#define GL_GLEXT_PROTOTYPES 1
#include <stdio.h>
#include <string.h>

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GL/glcorearb.h>
#include <wayland-client.h>

#include "gl-checks-desktop.h"
#include "gl-checks.h"

static const char *vs_pos =
        "#version 450 core\n"
        "layout(location = 0) in vec2 pos; out vec2 uv;\n"
        "void main() { uv = pos * 0.5 + 0.5; gl_Position = vec4(pos, 0.0, 1.0); }\n";
static const char *fs_green = "#version 450 core\n"
                              "out vec4 o; void main() { o = vec4(0.0, 1.0, 0.0, 1.0); }\n";
static const char *fs_tex = "#version 450 core\n"
                            "layout(binding = 0) uniform sampler2D t; in vec2 uv; out vec4 o;\n"
                            "void main() { o = texture(t, uv); }\n";

/* A triangle over the whole target. */
static const float whole[] = {-1, -1, 3, -1, -1, 3};

static GLuint fb_main, vao_plain;

static void clear_black(void)
{
	static const float black[4] = {0, 0, 0, 1};
	glClearNamedFramebufferfv(fb_main, GL_COLOR, 0, black);
}

static bool buffer_data(void)
{
	const char *c = "buffer-data";
	GLuint b[2];
	glCreateBuffers(2, b);
	unsigned char bytes[16], got[16] = {0};
	for (int i = 0; i < 16; i++)
		bytes[i] = (unsigned char)(i * 7 + 1);
	glNamedBufferData(b[0], 16, bytes, GL_DYNAMIC_DRAW);
	static const unsigned char patch[4] = {0xde, 0xad, 0xbe, 0xef};
	glNamedBufferSubData(b[0], 4, 4, patch);
	memcpy(bytes + 4, patch, 4);
	glGetNamedBufferSubData(b[0], 0, 16, got);
	bool ok = memcmp(got, bytes, 16) == 0 || gc_fail(c, "glGetNamedBufferSubData differs");
	glNamedBufferData(b[1], 16, NULL, GL_STATIC_COPY);
	glCopyNamedBufferSubData(b[0], b[1], 2, 8, 8);
	memset(got, 0, sizeof(got));
	glGetNamedBufferSubData(b[1], 8, 8, got);
	ok = (memcmp(got, bytes + 2, 8) == 0 || gc_fail(c, "the copied bytes differ")) && ok;
	GLint size = 0, usage = 0;
	glGetNamedBufferParameteriv(b[0], GL_BUFFER_SIZE, &size);
	glGetNamedBufferParameteriv(b[1], GL_BUFFER_USAGE, &usage);
	ok = (size == 16 || gc_fail(c, "GL_BUFFER_SIZE %d", size)) && ok;
	ok = (usage == GL_STATIC_COPY || gc_fail(c, "GL_BUFFER_USAGE 0x%x", usage)) && ok;
	ok = gc_no_error(c, "the buffers") && ok;
	glGetNamedBufferSubData(b[0], 12, 8, got);
	ok = gc_error_is(c, GL_INVALID_VALUE, "a read past the end") && ok;
	glDeleteBuffers(2, b);
	return ok;
}

static bool buffer_storage(void)
{
	const char *c = "buffer-storage";
	GLuint b;
	glCreateBuffers(1, &b);
	unsigned char bytes[16], got[16] = {0};
	for (int i = 0; i < 16; i++)
		bytes[i] = (unsigned char)(i * 5 + 3);
	glNamedBufferStorage(b, 16, bytes, GL_DYNAMIC_STORAGE_BIT | GL_MAP_READ_BIT);
	static const unsigned char patch[4] = {0xde, 0xad, 0xbe, 0xef};
	glNamedBufferSubData(b, 4, 4, patch);
	memcpy(bytes + 4, patch, 4);
	glGetNamedBufferSubData(b, 0, 16, got);
	bool ok = memcmp(got, bytes, 16) == 0 || gc_fail(c, "glGetNamedBufferSubData differs");
	GLint flags = 0, immutable = 0;
	glGetNamedBufferParameteriv(b, GL_BUFFER_STORAGE_FLAGS, &flags);
	glGetNamedBufferParameteriv(b, GL_BUFFER_IMMUTABLE_STORAGE, &immutable);
	ok = (flags == (GL_DYNAMIC_STORAGE_BIT | GL_MAP_READ_BIT) ||
	      gc_fail(c, "GL_BUFFER_STORAGE_FLAGS 0x%x", flags)) &&
	     ok;
	ok = (immutable == GL_TRUE || gc_fail(c, "not immutable")) && ok;
	/* A store without GL_DYNAMIC_STORAGE_BIT takes no glNamedBufferSubData. */
	GLuint fixed;
	glCreateBuffers(1, &fixed);
	glNamedBufferStorage(fixed, 16, bytes, 0);
	ok = gc_no_error(c, "the buffers") && ok;
	glNamedBufferSubData(fixed, 0, 4, patch);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "sub data into a fixed store") && ok;
	glDeleteBuffers(1, &b);
	glDeleteBuffers(1, &fixed);
	return ok;
}

static bool unknown_names(void)
{
	const char *c = "unknown-names";
	static const unsigned char four[4] = {0};
	glNamedBufferSubData(4242, 0, 4, four);
	bool ok = gc_error_is(c, GL_INVALID_OPERATION, "glNamedBufferSubData of an unknown buffer");
	glTextureParameteri(4242, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "glTextureParameteri of an unknown texture") &&
	     ok;
	glEnableVertexArrayAttrib(4242, 0);
	ok = gc_error_is(c, GL_INVALID_OPERATION,
	                 "glEnableVertexArrayAttrib of an unknown array") &&
	     ok;
	glNamedFramebufferTexture(4242, GL_COLOR_ATTACHMENT0, 0, 0);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "glNamedFramebufferTexture of an unknown one") &&
	     ok;
	GLuint gen;
	glGenTextures(1, &gen);
	glTextureStorage2D(gen, 1, GL_RGBA8, 2, 2);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "glTextureStorage2D of a texture never bound") &&
	     ok;
	glDeleteTextures(1, &gen);
	return ok;
}

static bool texture(GLuint prog_tex)
{
	const char *c = "texture";
	GLuint tex;
	glCreateTextures(GL_TEXTURE_2D, 1, &tex);
	glTextureStorage2D(tex, 1, GL_RGBA8, 2, 2);
	static const unsigned char blue[16] = {0, 0, 255, 255, 0, 0, 255, 255,
	                                       0, 0, 255, 255, 0, 0, 255, 255};
	glTextureSubImage2D(tex, 0, 0, 0, 2, 2, GL_RGBA, GL_UNSIGNED_BYTE, blue);
	glTextureParameteri(tex, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
	glTextureParameteri(tex, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
	GLint width = 0, filter = 0;
	glGetTextureLevelParameteriv(tex, 0, GL_TEXTURE_WIDTH, &width);
	glGetTextureParameteriv(tex, GL_TEXTURE_MIN_FILTER, &filter);
	bool ok = (width == 2 || gc_fail(c, "level 0 width %d", width));
	ok = (filter == GL_NEAREST || gc_fail(c, "min filter 0x%x", filter)) && ok;
	glBindTextureUnit(0, tex);
	glUseProgram(prog_tex);
	glBindVertexArray(vao_plain);
	clear_black();
	glDrawArrays(GL_TRIANGLES, 0, 3);
	ok = gc_pixel_is(c, 2, 2, 0x0000ff, "sampled") && ok;
	unsigned char back[16] = {0};
	glGetTextureImage(tex, 0, GL_RGBA, GL_UNSIGNED_BYTE, sizeof(back), back);
	ok = (memcmp(back, blue, sizeof(back)) == 0 || gc_fail(c, "glGetTextureImage differs")) &&
	     ok;
	glGetTextureImage(tex, 0, GL_RGBA, GL_UNSIGNED_BYTE, sizeof(back) - 1, back);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "glGetTextureImage into too few bytes") && ok;
	GLint units = 0;
	glGetIntegerv(GL_MAX_COMBINED_TEXTURE_IMAGE_UNITS, &units);
	glBindTextureUnit((GLuint)units, tex);
	ok = gc_error_is(c, GL_INVALID_VALUE, "a unit past the limit") && ok;
	glBindTextureUnit(0, 0);
	GLint bound = -1;
	glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
	ok = (bound == 0 || gc_fail(c, "unit 0 still binds %d", bound)) && ok;
	glDeleteTextures(1, &tex);
	return gc_no_error(c, "the texture") && ok;
}

static bool framebuffer(void)
{
	const char *c = "framebuffer";
	GLuint fb, tex;
	glCreateFramebuffers(1, &fb);
	glCreateTextures(GL_TEXTURE_2D, 1, &tex);
	glTextureStorage2D(tex, 1, GL_RGBA8, 4, 4);
	glNamedFramebufferTexture(fb, GL_COLOR_ATTACHMENT0, tex, 0);
	GLenum status = glCheckNamedFramebufferStatus(fb, GL_DRAW_FRAMEBUFFER);
	bool ok = status == GL_FRAMEBUFFER_COMPLETE || gc_fail(c, "status 0x%x", status);
	static const float red[4] = {1, 0, 0, 1};
	glClearNamedFramebufferfv(fb, GL_COLOR, 0, red);
	clear_black();
	glBlitNamedFramebuffer(fb, fb_main, 0, 0, 4, 4, 0, 0, 4, 4, GL_COLOR_BUFFER_BIT,
	                       GL_NEAREST);
	ok = gc_pixel_is(c, 1, 1, 0xff0000, "blitted") && ok;
	GLint type = 0, name = 0;
	glGetNamedFramebufferAttachmentParameteriv(fb, GL_COLOR_ATTACHMENT0,
	                                           GL_FRAMEBUFFER_ATTACHMENT_OBJECT_TYPE, &type);
	glGetNamedFramebufferAttachmentParameteriv(fb, GL_COLOR_ATTACHMENT0,
	                                           GL_FRAMEBUFFER_ATTACHMENT_OBJECT_NAME, &name);
	ok = (type == GL_TEXTURE || gc_fail(c, "attachment type 0x%x", type)) && ok;
	ok = ((GLuint)name == tex || gc_fail(c, "attachment name %d, not %u", name, tex)) && ok;
	GLint bound = -1;
	glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &bound);
	ok = ((GLuint)bound == fb_main || gc_fail(c, "draw framebuffer %d after", bound)) && ok;
	glDeleteFramebuffers(1, &fb);
	glDeleteTextures(1, &tex);
	return gc_no_error(c, "the framebuffer") && ok;
}

static bool vertex_array(GLuint prog_green)
{
	const char *c = "vertex-array";
	/* Two vertices of padding, then the whole-target triangle's. */
	static const float verts[] = {9, 9, 9, 9, -1, -1, 3, -1, -1, 3};
	static const GLushort idx[] = {2, 3, 4};
	GLuint vao, buf[2];
	glCreateVertexArrays(1, &vao);
	glCreateBuffers(2, buf);
	glNamedBufferData(buf[0], sizeof(verts), verts, GL_STATIC_DRAW);
	glNamedBufferData(buf[1], sizeof(idx), idx, GL_STATIC_DRAW);
	glVertexArrayVertexBuffer(vao, 3, buf[0], 0, 8);
	glVertexArrayAttribFormat(vao, 0, 2, GL_FLOAT, GL_FALSE, 0);
	glVertexArrayAttribBinding(vao, 0, 3);
	glEnableVertexArrayAttrib(vao, 0);
	glVertexArrayElementBuffer(vao, buf[1]);
	GLint element = 0, enabled = 0;
	glGetVertexArrayiv(vao, GL_ELEMENT_ARRAY_BUFFER_BINDING, &element);
	glGetVertexArrayIndexediv(vao, 0, GL_VERTEX_ATTRIB_ARRAY_ENABLED, &enabled);
	bool ok = ((GLuint)element == buf[1] || gc_fail(c, "element buffer %d", element));
	ok = (enabled == 1 || gc_fail(c, "attribute 0 not enabled")) && ok;
	GLint current = -1;
	glGetIntegerv(GL_VERTEX_ARRAY_BINDING, &current);
	ok = ((GLuint)current == vao_plain || gc_fail(c, "vertex array %d bound after", current)) &&
	     ok;
	glUseProgram(prog_green);
	glBindVertexArray(vao);
	clear_black();
	glDrawElements(GL_TRIANGLES, 3, GL_UNSIGNED_SHORT, NULL);
	ok = gc_pixel_is(c, 2, 2, 0x00ff00, "indexed draw") && ok;
	glBindVertexArray(vao_plain);
	glDeleteVertexArrays(1, &vao);
	glDeleteBuffers(2, buf);
	return gc_no_error(c, "the vertex array") && ok;
}

static bool clip_control(GLuint prog_green)
{
	const char *c = "clip-control";
	/* The top half of clip space. */
	static const float top[] = {-1, 0, 3, 0, -1, 3};
	GLuint vao, buf;
	glCreateVertexArrays(1, &vao);
	glCreateBuffers(1, &buf);
	glNamedBufferData(buf, sizeof(top), top, GL_STATIC_DRAW);
	glVertexArrayVertexBuffer(vao, 0, buf, 0, 8);
	glVertexArrayAttribFormat(vao, 0, 2, GL_FLOAT, GL_FALSE, 0);
	glEnableVertexArrayAttrib(vao, 0);
	glUseProgram(prog_green);
	glBindVertexArray(vao);
	glClipControl(GL_UPPER_LEFT, GL_NEGATIVE_ONE_TO_ONE);
	GLint origin = 0;
	glGetIntegerv(GL_CLIP_ORIGIN, &origin);
	clear_black();
	glDrawArrays(GL_TRIANGLES, 0, 3);
	glClipControl(GL_LOWER_LEFT, GL_NEGATIVE_ONE_TO_ONE);
	bool ok = origin == GL_UPPER_LEFT || gc_fail(c, "GL_CLIP_ORIGIN 0x%x", origin);
	ok = gc_pixel_is(c, 1, 0, 0x00ff00, "row 0") && ok;
	ok = gc_pixel_is(c, 1, 3, 0x000000, "row 3") && ok;
	glBindVertexArray(vao_plain);
	glDeleteVertexArrays(1, &vao);
	glDeleteBuffers(1, &buf);
	return gc_no_error(c, "clip control") && ok;
}

static bool map_named(GLuint prog_green)
{
	const char *c = "map-named";
	GLuint vao, buf;
	glCreateVertexArrays(1, &vao);
	glCreateBuffers(1, &buf);
	glNamedBufferData(buf, sizeof(whole), NULL, GL_DYNAMIC_DRAW);
	float *p = glMapNamedBufferRange(buf, 0, sizeof(whole),
	                                 GL_MAP_WRITE_BIT | GL_MAP_INVALIDATE_BUFFER_BIT);
	if (!p)
		return gc_fail(c, "no mapping (0x%x)", glGetError());
	memcpy(p, whole, sizeof(whole));
	void *ptr = NULL;
	glGetNamedBufferPointerv(buf, GL_BUFFER_MAP_POINTER, &ptr);
	bool ok = ptr == p || gc_fail(c, "GL_BUFFER_MAP_POINTER differs");
	ok = (glUnmapNamedBuffer(buf) == GL_TRUE || gc_fail(c, "unmap failed")) && ok;
	glVertexArrayVertexBuffer(vao, 0, buf, 0, 8);
	glVertexArrayAttribFormat(vao, 0, 2, GL_FLOAT, GL_FALSE, 0);
	glEnableVertexArrayAttrib(vao, 0);
	glUseProgram(prog_green);
	glBindVertexArray(vao);
	clear_black();
	glDrawArrays(GL_TRIANGLES, 0, 3);
	ok = gc_pixel_is(c, 2, 2, 0x00ff00, "drawn from the mapped writes") && ok;
	float back[6] = {0};
	float *r = glMapNamedBuffer(buf, GL_READ_ONLY);
	if (r)
		memcpy(back, r, sizeof(back));
	glUnmapNamedBuffer(buf);
	ok = (memcmp(back, whole, sizeof(back)) == 0 || gc_fail(c, "read mapping differs")) && ok;
	glBindVertexArray(vao_plain);
	glDeleteVertexArrays(1, &vao);
	glDeleteBuffers(1, &buf);
	return gc_no_error(c, "the mappings") && ok;
}

static bool query_buffer(GLuint prog_green)
{
	const char *c = "query-buffer";
	GLuint q, buf;
	glCreateQueries(GL_SAMPLES_PASSED, 1, &q);
	glCreateBuffers(1, &buf);
	static const GLuint fill[4] = {7, 7, 7, 7};
	glNamedBufferData(buf, sizeof(fill), fill, GL_DYNAMIC_READ);
	glUseProgram(prog_green);
	glBindVertexArray(vao_plain);
	clear_black();
	glBeginQuery(GL_SAMPLES_PASSED, q);
	glDrawArrays(GL_TRIANGLES, 0, 3);
	glEndQuery(GL_SAMPLES_PASSED);
	glGetQueryBufferObjectuiv(q, buf, GL_QUERY_RESULT, 4);
	glGetQueryBufferObjectuiv(q, buf, GL_QUERY_RESULT_AVAILABLE, 8);
	GLuint got[4] = {0};
	glGetNamedBufferSubData(buf, 0, sizeof(got), got);
	bool ok = (got[1] == 16 || gc_fail(c, "samples passed %u, expected 16", got[1]));
	ok = (got[2] == 1 || gc_fail(c, "available %u", got[2])) && ok;
	ok = ((got[0] == 7 && got[3] == 7) || gc_fail(c, "bytes around the results changed")) && ok;
	ok = gc_no_error(c, "the query") && ok;
	glGetQueryBufferObjectuiv(q, buf, GL_QUERY_RESULT, 16);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "a result past the buffer") && ok;
	glDeleteQueries(1, &q);
	glDeleteBuffers(1, &buf);
	return ok;
}

/* glCreate* make the objects at once: glIs* says so before any binding. */
static bool created(void)
{
	const char *c = "created";
	GLuint xfb, sampler, pipeline, gen_xfb, gen_pipeline;
	glCreateTransformFeedbacks(1, &xfb);
	glCreateSamplers(1, &sampler);
	glCreateProgramPipelines(1, &pipeline);
	glGenTransformFeedbacks(1, &gen_xfb);
	glGenProgramPipelines(1, &gen_pipeline);
	bool ok = glIsTransformFeedback(xfb) || gc_fail(c, "transform feedback not made");
	ok = (glIsSampler(sampler) || gc_fail(c, "sampler not made")) && ok;
	ok = (glIsProgramPipeline(pipeline) || gc_fail(c, "program pipeline not made")) && ok;
	ok = (!glIsTransformFeedback(gen_xfb) || gc_fail(c, "a generated name is an object")) && ok;
	ok = (!glIsProgramPipeline(gen_pipeline) ||
	      gc_fail(c, "a generated pipeline name is an object")) &&
	     ok;
	GLint active = -1;
	glGetProgramPipelineiv(pipeline, GL_ACTIVE_PROGRAM, &active);
	ok = (active == 0 || gc_fail(c, "a made pipeline's active program %d", active)) && ok;
	glSamplerParameteri(sampler, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
	GLint filter = 0;
	glGetSamplerParameteriv(sampler, GL_TEXTURE_MIN_FILTER, &filter);
	ok = (filter == GL_NEAREST || gc_fail(c, "sampler filter 0x%x", filter)) && ok;
	glDeleteTransformFeedbacks(1, &xfb);
	glDeleteTransformFeedbacks(1, &gen_xfb);
	glDeleteSamplers(1, &sampler);
	glDeleteProgramPipelines(1, &pipeline);
	glDeleteProgramPipelines(1, &gen_pipeline);
	return gc_no_error(c, "the objects") && ok;
}

/* A transform feedback object's buffer range set by name, read back by name; the generic
 * binding stays as it was. */
static bool transform_feedback(void)
{
	const char *c = "transform-feedback";
	GLuint xfb, buf;
	glCreateTransformFeedbacks(1, &xfb);
	glCreateBuffers(1, &buf);
	glNamedBufferData(buf, 64, NULL, GL_DYNAMIC_COPY);
	glTransformFeedbackBufferRange(xfb, 0, buf, 16, 32);
	GLint bound = 0, active = -1, generic = -1;
	GLint64 start = 0, size = 0;
	glGetTransformFeedbacki_v(xfb, GL_TRANSFORM_FEEDBACK_BUFFER_BINDING, 0, &bound);
	glGetTransformFeedbacki64_v(xfb, GL_TRANSFORM_FEEDBACK_BUFFER_START, 0, &start);
	glGetTransformFeedbacki64_v(xfb, GL_TRANSFORM_FEEDBACK_BUFFER_SIZE, 0, &size);
	glGetTransformFeedbackiv(xfb, GL_TRANSFORM_FEEDBACK_ACTIVE, &active);
	glGetIntegerv(GL_TRANSFORM_FEEDBACK_BUFFER_BINDING, &generic);
	bool ok = (GLuint)bound == buf || gc_fail(c, "buffer %d, not %u", bound, buf);
	ok = ((start == 16 && size == 32) ||
	      gc_fail(c, "range %lld+%lld", (long long)start, (long long)size)) &&
	     ok;
	ok = (active == GL_FALSE || gc_fail(c, "active %d", active)) && ok;
	ok = (generic == 0 || gc_fail(c, "the generic binding is %d", generic)) && ok;
	ok = gc_no_error(c, "the transform feedback object") && ok;
	glTransformFeedbackBufferBase(xfb, 0, 4242);
	ok = gc_error_is(c, GL_INVALID_VALUE, "an unknown buffer") && ok;
	glDeleteTransformFeedbacks(1, &xfb);
	glDeleteBuffers(1, &buf);
	return ok;
}

/* glTextureStorage1D: the named texture's levels; a region of level 0 read back by name. */
static bool texture_storage_1d(void)
{
	const char *c = "texture-storage-1d";
	GLuint tex;
	glCreateTextures(GL_TEXTURE_1D, 1, &tex);
	glTextureStorage1D(tex, 2, GL_RGBA8, 4);
	unsigned char texels[16], back[9];
	for (int i = 0; i < 16; i++)
		texels[i] = (unsigned char)(0x10 + i);
	glTextureSubImage1D(tex, 0, 0, 4, GL_RGBA, GL_UNSIGNED_BYTE, texels);
	GLint w1 = 0, levels = 0;
	glGetTextureLevelParameteriv(tex, 1, GL_TEXTURE_WIDTH, &w1);
	glGetTextureParameteriv(tex, GL_TEXTURE_IMMUTABLE_LEVELS, &levels);
	bool ok = (w1 == 2 && levels == 2) || gc_fail(c, "level 1 %d wide, %d levels", w1, levels);
	memset(back, 0xee, sizeof(back));
	glGetTextureSubImage(tex, 0, 1, 0, 0, 2, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, 8, back);
	ok = ((!memcmp(back, texels + 4, 8) && back[8] == 0xee) ||
	      gc_fail(c, "texels 1..2 read back differ")) &&
	     ok;
	glDeleteTextures(1, &tex);
	return gc_no_error(c, "the 1D texture") && ok;
}

/* RGBA8 texel (x, y, z) of the sub-image checks: each byte tells where it is. */
static void texel_at(unsigned char *p, int x, int y, int z)
{
	p[0] = (unsigned char)x, p[1] = (unsigned char)y, p[2] = (unsigned char)z, p[3] = 0x5a;
}

static bool texels_are(const unsigned char *p, int x0, int y0, int z0, int w, int h, int d, int row,
                       int image)
{
	for (int z = 0; z < d; z++)
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				unsigned char want[4];
				texel_at(want, x0 + x, y0 + y, z0 + z);
				if (memcmp(p + (size_t)(z * image + y * row + x * 4), want, 4))
					return false;
			}
	return true;
}

/* glGetTextureSubImage: regions of 2D, 2D array and cube map levels, with the pack state's
 * row length and skips (the bytes between left as they were), into a pixel pack buffer; past
 * the level GL_INVALID_VALUE, over bufSize or the pack buffer GL_INVALID_OPERATION, nothing
 * written. */
static bool texture_sub_image(void)
{
	const char *c = "texture-sub-image";
	GLuint tex[3];
	unsigned char img[4 * 4 * 3 * 4], back[256];
	glCreateTextures(GL_TEXTURE_2D, 1, &tex[0]);
	glCreateTextures(GL_TEXTURE_2D_ARRAY, 1, &tex[1]);
	glCreateTextures(GL_TEXTURE_CUBE_MAP, 1, &tex[2]);
	for (int z = 0; z < 3; z++)
		for (int y = 0; y < 4; y++)
			for (int x = 0; x < 4; x++)
				texel_at(img + ((z * 4 + y) * 4 + x) * 4, x, y, z);
	glTextureStorage2D(tex[0], 1, GL_RGBA8, 4, 4);
	glTextureSubImage2D(tex[0], 0, 0, 0, 4, 4, GL_RGBA, GL_UNSIGNED_BYTE, img);
	glTextureStorage3D(tex[1], 1, GL_RGBA8, 4, 4, 3);
	glTextureSubImage3D(tex[1], 0, 0, 0, 0, 4, 4, 3, GL_RGBA, GL_UNSIGNED_BYTE, img);
	glTextureStorage2D(tex[2], 1, GL_RGBA8, 4, 4);
	/* A cube map's faces are glTextureSubImage3D's layers (zoffset the first): faces 0..2
	 * in one call, 3..5 in another. */
	unsigned char faces[6 * 64];
	for (int f = 0; f < 6; f++)
		for (int i = 0; i < 16; i++)
			texel_at(faces + (f * 16 + i) * 4, i % 4, i / 4, f);
	glTextureSubImage3D(tex[2], 0, 0, 0, 0, 4, 4, 3, GL_RGBA, GL_UNSIGNED_BYTE, faces);
	glTextureSubImage3D(tex[2], 0, 0, 0, 3, 4, 4, 3, GL_RGBA, GL_UNSIGNED_BYTE, faces + 3 * 64);
	bool ok = gc_no_error(c, "the textures");
	memset(back, 0xee, sizeof(back));
	glGetTextureSubImage(tex[0], 0, 1, 2, 0, 2, 2, 1, GL_RGBA, GL_UNSIGNED_BYTE, 16, back);
	ok = ((texels_are(back, 1, 2, 0, 2, 2, 1, 8, 0) && back[16] == 0xee) ||
	      gc_fail(c, "2x2 at (1, 2) differs")) &&
	     ok;
	/* Rows of 5 texels, the region one row and one texel in. */
	glPixelStorei(GL_PACK_ALIGNMENT, 1);
	glPixelStorei(GL_PACK_ROW_LENGTH, 5);
	glPixelStorei(GL_PACK_SKIP_ROWS, 1);
	glPixelStorei(GL_PACK_SKIP_PIXELS, 1);
	memset(back, 0xee, sizeof(back));
	glGetTextureSubImage(tex[0], 0, 0, 1, 0, 3, 2, 1, GL_RGBA, GL_UNSIGNED_BYTE, 64, back);
	ok = ((texels_are(back + 24, 0, 1, 0, 3, 2, 1, 20, 0) && back[20] == 0xee &&
	       back[36] == 0xee && back[56] == 0xee) ||
	      gc_fail(c, "with a row length and skips")) &&
	     ok;
	glPixelStorei(GL_PACK_ALIGNMENT, 4);
	glPixelStorei(GL_PACK_ROW_LENGTH, 0);
	glPixelStorei(GL_PACK_SKIP_ROWS, 0);
	glPixelStorei(GL_PACK_SKIP_PIXELS, 0);
	memset(back, 0xee, sizeof(back));
	glGetTextureSubImage(tex[1], 0, 2, 1, 1, 2, 3, 2, GL_RGBA, GL_UNSIGNED_BYTE, 48, back);
	ok = ((texels_are(back, 2, 1, 1, 2, 3, 2, 8, 24) && back[48] == 0xee) ||
	      gc_fail(c, "layers 1..2 of the array differ")) &&
	     ok;
	memset(back, 0xee, sizeof(back));
	glGetTextureSubImage(tex[2], 0, 3, 3, 4, 1, 1, 2, GL_RGBA, GL_UNSIGNED_BYTE, 8, back);
	ok = ((texels_are(back, 3, 3, 4, 1, 1, 2, 4, 4) && back[8] == 0xee) ||
	      gc_fail(c, "faces 4..5 of the cube map differ")) &&
	     ok;
	ok = gc_no_error(c, "the regions") && ok;
	/* Errors: nothing written. */
	memset(back, 0xee, sizeof(back));
	glGetTextureSubImage(tex[0], 0, 3, 0, 0, 2, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, 64, back);
	ok = gc_error_is(c, GL_INVALID_VALUE, "a region past the level") && ok;
	glGetTextureSubImage(tex[1], 0, 0, 0, 2, 1, 1, 2, GL_RGBA, GL_UNSIGNED_BYTE, 64, back);
	ok = gc_error_is(c, GL_INVALID_VALUE, "layers past the array") && ok;
	glGetTextureSubImage(tex[0], 0, 0, 0, 0, 2, 2, 1, GL_RGBA, GL_UNSIGNED_BYTE, 15, back);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "into 15 of 16 bytes") && ok;
	ok = (back[0] == 0xee || gc_fail(c, "an error wrote pixels")) && ok;
	/* Into a pixel pack buffer at offset 4. */
	GLuint pbo;
	glCreateBuffers(1, &pbo);
	glNamedBufferData(pbo, 24, NULL, GL_STREAM_READ);
	glBindBuffer(GL_PIXEL_PACK_BUFFER, pbo);
	glGetTextureSubImage(tex[0], 0, 2, 3, 0, 2, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, 8, (void *)4);
	ok = gc_no_error(c, "into a pack buffer") && ok;
	glGetTextureSubImage(tex[0], 0, 0, 0, 0, 2, 2, 1, GL_RGBA, GL_UNSIGNED_BYTE, 16,
	                     (void *)12);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "past the pack buffer") && ok;
	glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
	memset(back, 0, sizeof(back));
	glGetNamedBufferSubData(pbo, 4, 8, back);
	ok = (texels_are(back, 2, 3, 0, 2, 1, 1, 8, 0) || gc_fail(c, "the pack buffer's texels")) &&
	     ok;
	glDeleteBuffers(1, &pbo);
	glDeleteTextures(3, tex);
	return gc_no_error(c, "the sub-images") && ok;
}

/* glGetTextureImage of a cube map of immutable storage: its six faces, +X to -Z, as one
 * image of depth 6, into the app's memory and into a pixel pack buffer; a cube map with no
 * image, or one face missing, is GL_INVALID_OPERATION. */
static bool cube_image(void)
{
	enum { S = 4, FACE = S * S * 4 };
	GLuint tex;
	unsigned char faces[6][FACE], got[6 * FACE + 8];
	for (int f = 0; f < 6; f++) {
		for (int i = 0; i < FACE; i++)
			faces[f][i] = (unsigned char)(f * 40 + i);
	}
	glCreateTextures(GL_TEXTURE_CUBE_MAP, 1, &tex);
	glGetTextureImage(tex, 0, GL_RGBA, GL_UNSIGNED_BYTE, sizeof(got), got);
	bool ok = gc_error_is("cube-image", GL_INVALID_OPERATION, "a cube map with no image");
	glTextureStorage2D(tex, 1, GL_RGBA8, S, S);
	glTextureSubImage3D(tex, 0, 0, 0, 0, S, S, 6, GL_RGBA, GL_UNSIGNED_BYTE, faces);
	memset(got, 0xee, sizeof(got));
	glGetTextureImage(tex, 0, GL_RGBA, GL_UNSIGNED_BYTE, sizeof(got), got);
	ok = gc_no_error("cube-image", "glGetTextureImage of a cube map") && ok;
	if (ok && (memcmp(got, faces, sizeof(faces)) != 0 || got[6 * FACE] != 0xee))
		ok = gc_fail("cube-image", "the six faces read back differ (face 5 byte 0: %u)",
		             got[5 * FACE]);
	glGetTextureImage(tex, 0, GL_RGBA, GL_UNSIGNED_BYTE, 6 * FACE - 1, got);
	ok = gc_error_is("cube-image", GL_INVALID_OPERATION, "a bufSize one byte short") && ok;
	GLuint pbo;
	glCreateBuffers(1, &pbo);
	glNamedBufferData(pbo, 6 * FACE, NULL, GL_STREAM_READ);
	glBindBuffer(GL_PIXEL_PACK_BUFFER, pbo);
	glGetTextureImage(tex, 0, GL_RGBA, GL_UNSIGNED_BYTE, 6 * FACE, NULL);
	glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
	memset(got, 0, sizeof(got));
	glGetNamedBufferSubData(pbo, 0, 6 * FACE, got);
	ok = gc_no_error("cube-image", "into a pixel pack buffer") && ok;
	if (ok && memcmp(got, faces, sizeof(faces)) != 0)
		ok = gc_fail("cube-image", "the six faces read into a pack buffer differ");
	glDeleteBuffers(1, &pbo);
	glDeleteTextures(1, &tex);
	GLuint partial;
	glCreateTextures(GL_TEXTURE_CUBE_MAP, 1, &partial);
	glBindTexture(GL_TEXTURE_CUBE_MAP, partial);
	for (int f = 0; f < 6; f++) {
		if (f != 3)
			glTexImage2D(GL_TEXTURE_CUBE_MAP_POSITIVE_X + f, 0, GL_RGBA8, S, S, 0,
			             GL_RGBA, GL_UNSIGNED_BYTE, faces[f]);
	}
	glGetTextureImage(partial, 0, GL_RGBA, GL_UNSIGNED_BYTE, sizeof(got), got);
	ok = gc_error_is("cube-image", GL_INVALID_OPERATION, "a cube map without its -Y face") &&
	     ok;
	glBindTexture(GL_TEXTURE_CUBE_MAP, 0);
	glDeleteTextures(1, &partial);
	return ok;
}

/* GL 4.2's compressed block pnames (ARB_compressed_texture_pixel_storage) on the level of
 * compressed_sub_image: its 2 x 2 RGTC1 blocks (8 bytes each) read back into rows of 4 blocks
 * after one skipped block, the app's bytes between them kept; one block uploaded from such
 * rows after a skipped row and block, and read back plain. */
static bool compressed_blocks(GLuint tex, const unsigned char *blocks)
{
	const char *c = "compressed-sub-image";
	unsigned char back[64], src[64];
	glPixelStorei(GL_PACK_COMPRESSED_BLOCK_WIDTH, 4);
	glPixelStorei(GL_PACK_COMPRESSED_BLOCK_HEIGHT, 4);
	glPixelStorei(GL_PACK_COMPRESSED_BLOCK_SIZE, 8);
	glPixelStorei(GL_PACK_ROW_LENGTH, 16);
	glPixelStorei(GL_PACK_SKIP_PIXELS, 4);
	memset(back, 0xee, sizeof(back));
	glGetCompressedTextureSubImage(tex, 0, 0, 0, 0, 8, 8, 1, 64, back);
	bool ok = (!memcmp(back + 8, blocks, 16) && !memcmp(back + 40, blocks + 16, 16) &&
	           back[7] == 0xee && back[24] == 0xee && back[39] == 0xee && back[56] == 0xee) ||
	          gc_fail(c, "blocks read back in rows of 4 blocks differ");
	GLint v = 0;
	glGetIntegerv(GL_PACK_COMPRESSED_BLOCK_SIZE, &v);
	ok = (v == 8 || gc_fail(c, "GL_PACK_COMPRESSED_BLOCK_SIZE is %d", v)) && ok;
	glPixelStorei(GL_PACK_COMPRESSED_BLOCK_WIDTH, 0);
	glPixelStorei(GL_PACK_COMPRESSED_BLOCK_HEIGHT, 0);
	glPixelStorei(GL_PACK_COMPRESSED_BLOCK_SIZE, 0);
	glPixelStorei(GL_PACK_ROW_LENGTH, 0);
	glPixelStorei(GL_PACK_SKIP_PIXELS, 0);
	for (int i = 0; i < 64; i++)
		src[i] = (unsigned char)(i * 7 + 3);
	glPixelStorei(GL_UNPACK_COMPRESSED_BLOCK_WIDTH, 4);
	glPixelStorei(GL_UNPACK_COMPRESSED_BLOCK_HEIGHT, 4);
	glPixelStorei(GL_UNPACK_COMPRESSED_BLOCK_SIZE, 8);
	glPixelStorei(GL_UNPACK_ROW_LENGTH, 16);
	glPixelStorei(GL_UNPACK_SKIP_ROWS, 4);
	glPixelStorei(GL_UNPACK_SKIP_PIXELS, 4);
	glCompressedTextureSubImage2D(tex, 0, 4, 4, 4, 4, GL_COMPRESSED_RED_RGTC1, 8, src);
	glPixelStorei(GL_UNPACK_COMPRESSED_BLOCK_WIDTH, 0);
	glPixelStorei(GL_UNPACK_COMPRESSED_BLOCK_HEIGHT, 0);
	glPixelStorei(GL_UNPACK_COMPRESSED_BLOCK_SIZE, 0);
	glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
	glPixelStorei(GL_UNPACK_SKIP_ROWS, 0);
	glPixelStorei(GL_UNPACK_SKIP_PIXELS, 0);
	memset(back, 0xee, sizeof(back));
	glGetCompressedTextureSubImage(tex, 0, 4, 4, 0, 4, 4, 1, 8, back);
	ok = (!memcmp(back, src + 40, 8) || gc_fail(c, "a block uploaded in rows differs")) && ok;
	return gc_no_error(c, "the block pnames") && ok;
}

/* glGetCompressedTextureSubImage: one RGTC1 block of four, as uploaded. */
static bool compressed_sub_image(void)
{
	const char *c = "compressed-sub-image";
	GLuint tex;
	glCreateTextures(GL_TEXTURE_2D, 1, &tex);
	glTextureStorage2D(tex, 1, GL_COMPRESSED_RED_RGTC1, 8, 8);
	unsigned char blocks[32], back[17];
	for (int i = 0; i < 32; i++)
		blocks[i] = (unsigned char)(i * 13 + 5);
	glCompressedTextureSubImage2D(tex, 0, 0, 0, 8, 8, GL_COMPRESSED_RED_RGTC1, 32, blocks);
	bool ok = gc_no_error(c, "the blocks");
	memset(back, 0xee, sizeof(back));
	glGetCompressedTextureSubImage(tex, 0, 4, 4, 0, 4, 4, 1, 16, back);
	ok = ((!memcmp(back, blocks + 24, 8) && back[8] == 0xee) ||
	      gc_fail(c, "block (1, 1) read back differs")) &&
	     ok;
	memset(back, 0xee, sizeof(back));
	glGetCompressedTextureSubImage(tex, 0, 0, 4, 0, 8, 4, 1, 16, back);
	ok = ((!memcmp(back, blocks + 16, 16) && back[16] == 0xee) ||
	      gc_fail(c, "blocks of row 1 read back differ")) &&
	     ok;
	glGetCompressedTextureSubImage(tex, 0, 4, 4, 0, 8, 4, 1, 64, back);
	ok = gc_error_is(c, GL_INVALID_VALUE, "blocks past the level") && ok;
	glGetCompressedTextureSubImage(tex, 0, 0, 0, 0, 8, 8, 1, 31, back);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "into 31 of 32 bytes") && ok;
	ok = compressed_blocks(tex, blocks) && ok;
	glDeleteTextures(1, &tex);
	return gc_no_error(c, "the compressed texture") && ok;
}

/* Desktop GL's own parameters through the named queries: the four swizzles at once, and
 * 4.5's framebuffer-dependent state as glGetIntegerv gives it for the bound framebuffer. */
static bool parameters(void)
{
	const char *c = "parameters";
	GLuint tex, fb, rb;
	glCreateTextures(GL_TEXTURE_2D, 1, &tex);
	const GLuint swizzle[4] = {GL_RED, GL_BLUE, GL_ONE, GL_ZERO};
	GLuint got[4] = {0};
	glTextureParameterIuiv(tex, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
	glGetTextureParameterIuiv(tex, GL_TEXTURE_SWIZZLE_RGBA, got);
	bool ok = !memcmp(got, swizzle, sizeof(got)) ||
	          gc_fail(c, "swizzles 0x%x 0x%x 0x%x 0x%x", got[0], got[1], got[2], got[3]);
	glCreateRenderbuffers(1, &rb);
	glNamedRenderbufferStorage(rb, GL_RGBA8, 4, 4);
	glCreateFramebuffers(1, &fb);
	glNamedFramebufferRenderbuffer(fb, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb);
	static const GLenum pnames[] = {GL_SAMPLES, GL_SAMPLE_BUFFERS,
	                                GL_IMPLEMENTATION_COLOR_READ_FORMAT,
	                                GL_IMPLEMENTATION_COLOR_READ_TYPE};
	GLint old = 0;
	glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &old);
	glBindFramebuffer(GL_FRAMEBUFFER, fb);
	for (size_t i = 0; i < sizeof(pnames) / sizeof(pnames[0]); i++) {
		GLint want = -1, named = -2;
		glGetIntegerv(pnames[i], &want);
		glGetNamedFramebufferParameteriv(fb, pnames[i], &named);
		if (named != want)
			ok = gc_fail(c, "0x%x: %d by name, %d from glGetIntegerv", pnames[i], named,
			             want);
	}
	GLint doublebuffer = -1;
	glGetNamedFramebufferParameteriv(fb, GL_DOUBLEBUFFER, &doublebuffer);
	ok = (doublebuffer == GL_FALSE || gc_fail(c, "a framebuffer object double-buffered")) && ok;
	glBindFramebuffer(GL_FRAMEBUFFER, (GLuint)old);
	glDeleteFramebuffers(1, &fb);
	glDeleteRenderbuffers(1, &rb);
	glDeleteTextures(1, &tex);
	return gc_no_error(c, "the parameters") && ok;
}

/* 4.3's list of GLSL versions: 4.50 among them, each a version string or empty (1.10). */
static bool glsl_versions(void)
{
	const char *c = "glsl-versions";
	GLint n = 0;
	glGetIntegerv(GL_NUM_SHADING_LANGUAGE_VERSIONS, &n);
	bool ok = gc_no_error(c, "GL_NUM_SHADING_LANGUAGE_VERSIONS");
	bool has450 = false;
	for (GLint i = 0; i < n; i++) {
		const char *v = (const char *)glGetStringi(GL_SHADING_LANGUAGE_VERSION, (GLuint)i);
		if (!v || (*v && (*v < '1' || *v > '9')))
			ok = gc_fail(c, "version %d is %s", i, v ? v : "NULL");
		else if (strncmp(v, "450", 3) == 0)
			has450 = true;
	}
	ok = (has450 || gc_fail(c, "%d versions, none 450", n)) && ok;
	ok = gc_no_error(c, "the versions") && ok;
	glGetStringi(GL_SHADING_LANGUAGE_VERSION, (GLuint)n);
	return gc_error_is(c, GL_INVALID_VALUE, "one past the end") && ok;
}

/* A query GL refuses writes nothing: the app's values stay. */
static bool query_error(void)
{
	const char *c = "query-error";
	GLuint prog = glCreateProgram();
	GLint size[3] = {7, 8, 9};
	glGetProgramiv(prog, GL_COMPUTE_WORK_GROUP_SIZE, size);
	bool ok = gc_error_is(c, GL_INVALID_OPERATION, "an unlinked program's group size");
	if (size[0] != 7 || size[1] != 8 || size[2] != 9)
		ok = gc_fail(c, "wrote %d %d %d", size[0], size[1], size[2]);
	glDeleteProgram(prog);
	return ok;
}

static void run_checks(GLuint prog_green, GLuint prog_tex)
{
	gc_result("buffer-data", buffer_data());
	gc_result("buffer-storage", buffer_storage());
	gc_result("unknown-names", unknown_names());
	gc_result("texture", texture(prog_tex));
	gc_result("framebuffer", framebuffer());
	gc_result("vertex-array", vertex_array(prog_green));
	gc_result("clip-control", clip_control(prog_green));
	gc_result("map-named", map_named(prog_green));
	gc_result("query-buffer", query_buffer(prog_green));
	gc_result("created", created());
	gc_result("transform-feedback", transform_feedback());
	gc_result("texture-storage-1d", texture_storage_1d());
	gc_result("texture-sub-image", texture_sub_image());
	gc_result("cube-image", cube_image());
	gc_result("compressed-sub-image", compressed_sub_image());
	gc_result("parameters", parameters());
	gc_result("glsl-versions", glsl_versions());
	gc_result("query-error", query_error());
}

int main(void)
{
	struct gc_desktop d;
	int status;
	if (!gc_desktop_open(&d, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, 4, 5, &status))
		return status;
	GLuint rb;
	glCreateRenderbuffers(1, &rb);
	glNamedRenderbufferStorage(rb, GL_RGBA8, 4, 4);
	glCreateFramebuffers(1, &fb_main);
	glNamedFramebufferRenderbuffer(fb_main, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb);
	glBindFramebuffer(GL_FRAMEBUFFER, fb_main);
	glViewport(0, 0, 4, 4);
	glCreateVertexArrays(1, &vao_plain);
	glBindVertexArray(vao_plain);
	GLuint whole_buf;
	glCreateBuffers(1, &whole_buf);
	glNamedBufferData(whole_buf, sizeof(whole), whole, GL_STATIC_DRAW);
	glVertexArrayVertexBuffer(vao_plain, 0, whole_buf, 0, 8);
	glVertexArrayAttribFormat(vao_plain, 0, 2, GL_FLOAT, GL_FALSE, 0);
	glEnableVertexArrayAttrib(vao_plain, 0);
	GLuint prog_green = gc_program(vs_pos, NULL, fs_green),
	       prog_tex = gc_program(vs_pos, NULL, fs_tex);
	if (!prog_green || !prog_tex)
		return printf("FAIL setup: the programs did not build\n"), 1;
	if (!gc_no_error("setup", "the framebuffer and vertex array"))
		return 1;
	run_checks(prog_green, prog_tex);
	return gc_desktop_close(&d);
}
