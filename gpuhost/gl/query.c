/*
 * Queries the generic decoder cannot answer alone: those that return
 * object names (host names are mapped back to the app's: a host object the
 * app has no name for, such as a client-array scratch buffer, reads as 0)
 * and glGetUniform*v, whose reply is as long as the uniform's type.
 * The host GL always writes into zeroed scratch memory at least as large
 * as anything it can write; the reply carries exactly what the app asked.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gpupipe/log.h>

#include "gles-codec.h"
#include "records.h"
#include "stream.h"
#include "surface.h"

/* Room for any single glGet* answer (a 4x4 matrix) and for the format
 * lists, which gl_get_count caps at GL_SIZES_MAX_FORMATS (info.c checks
 * the host has no more). */
#define SCRATCH_VALUES (GL_SIZES_MAX_FORMATS > 16 ? GL_SIZES_MAX_FORMATS : 16)

static bool check_out(struct gl_exec *x, const char *cmd, int64_t want, uint32_t cap)
{
	if (want < 0)
		return gl_exec_fail(x, "%s: invalid arguments (size code %lld)", cmd,
		                    (long long)want);
	if (cap != (uint64_t)want)
		return gl_exec_fail(x, "%s: capacity %u, its arguments say %lld", cmd, cap,
		                    (long long)want);
	return true;
}

static bool reply_blob(struct gl_exec *x, const void *data, uint32_t n)
{
	uint8_t *p = gl_exec_reply(x, 4 + ((n + 3) & ~3u));
	if (!p)
		return false;
	memcpy(p, &n, 4);
	memcpy(p + 4, data, n);
	return true;
}

static int binding_class(GLenum pname)
{
	switch (pname) {
	case GL_ARRAY_BUFFER_BINDING:
	case GL_ELEMENT_ARRAY_BUFFER_BINDING:
	case GL_COPY_READ_BUFFER_BINDING:
	case GL_COPY_WRITE_BUFFER_BINDING:
	case GL_PIXEL_PACK_BUFFER_BINDING:
	case GL_PIXEL_UNPACK_BUFFER_BINDING:
	case GL_TRANSFORM_FEEDBACK_BUFFER_BINDING:
	case GL_UNIFORM_BUFFER_BINDING:
	case GL_ATOMIC_COUNTER_BUFFER_BINDING:
	case GL_DISPATCH_INDIRECT_BUFFER_BINDING:
	case GL_DRAW_INDIRECT_BUFFER_BINDING:
	case GL_SHADER_STORAGE_BUFFER_BINDING:
	case GL_TEXTURE_BUFFER_BINDING:
	case GL_VERTEX_BINDING_BUFFER: /* indexed */
		return GL_NAMES_BUFFER;
	case GL_TEXTURE_BINDING_2D:
	case GL_TEXTURE_BINDING_CUBE_MAP:
	case GL_TEXTURE_BINDING_3D:
	case GL_TEXTURE_BINDING_2D_ARRAY:
	case GL_TEXTURE_BINDING_2D_MULTISAMPLE:
	case GL_TEXTURE_BINDING_2D_MULTISAMPLE_ARRAY:
	case GL_TEXTURE_BINDING_CUBE_MAP_ARRAY:
	case GL_TEXTURE_BINDING_BUFFER:
	case GL_TEXTURE_BINDING_1D_DESKTOP:
	case GL_TEXTURE_BINDING_1D_ARRAY_DESKTOP:
	case GL_TEXTURE_BINDING_RECTANGLE_DESKTOP:
	case GL_IMAGE_BINDING_NAME: /* indexed */
		return GL_NAMES_TEXTURE;
	case GL_SAMPLER_BINDING:
		return GL_NAMES_SAMPLER;
	case GL_TRANSFORM_FEEDBACK_BINDING:
		return GL_NAMES_TRANSFORM_FEEDBACK;
	case GL_READ_FRAMEBUFFER_BINDING:
	case GL_FRAMEBUFFER_BINDING: /* and GL_DRAW_FRAMEBUFFER_BINDING */
		return GL_NAMES_FRAMEBUFFER;
	case GL_RENDERBUFFER_BINDING:
		return GL_NAMES_RENDERBUFFER;
	case GL_CURRENT_PROGRAM:
		return GL_NAMES_PROGRAM;
	case GL_VERTEX_ARRAY_BINDING_OES:
		return GL_NAMES_VERTEX_ARRAY;
	case GL_PROGRAM_PIPELINE_BINDING:
		return GL_NAMES_PROGRAM_PIPELINE;
	default:
		return -1;
	}
}

/* The 64-bit and indexed variants answer bindings as host names too. */
static void get_integer64(struct gl_exec *x, PFNGLGETINTEGER64VPROC get, GLenum pname,
                          GLint64 *data)
{
	get(pname, data);
	int cls = binding_class(pname);
	if (cls >= 0)
		data[0] = (GLint64)gh_gl_reverse(x, (enum gl_name_class)cls, (uint32_t)data[0]);
}

bool gl_exec_wrap_glGetInteger64v(struct gl_exec *x, GLenum pname, GLint64 *data)
{
	get_integer64(x, gles_host.glGetInteger64v, pname, data);
	return true;
}

/* GL_EXT_disjoint_timer_query's name of it (ES 2). */
bool gl_exec_wrap_glGetInteger64vEXT(struct gl_exec *x, GLenum pname, GLint64 *data)
{
	get_integer64(x, gles_host.glGetInteger64vEXT, pname, data);
	return true;
}

bool gl_exec_wrap_glGetIntegeri_v(struct gl_exec *x, GLenum target, GLuint index, GLint *data)
{
	gles_host.glGetIntegeri_v(target, index, data);
	int cls = binding_class(target);
	if (cls >= 0)
		data[0] = (GLint)gh_gl_reverse(x, (enum gl_name_class)cls, (uint32_t)data[0]);
	return true;
}

bool gl_exec_wrap_glGetInteger64i_v(struct gl_exec *x, GLenum target, GLuint index, GLint64 *data)
{
	gles_host.glGetInteger64i_v(target, index, data);
	int cls = binding_class(target);
	if (cls >= 0)
		data[0] = (GLint64)gh_gl_reverse(x, (enum gl_name_class)cls, (uint32_t)data[0]);
	return true;
}

bool gl_exec_wrap_glGetQueryiv(struct gl_exec *x, GLenum target, GLenum pname, GLint *params)
{
	gles_host.glGetQueryiv(target, pname, params);
	if (pname == GL_CURRENT_QUERY)
		params[0] = (GLint)gh_gl_reverse(x, GL_NAMES_QUERY, (uint32_t)params[0]);
	return true;
}

/* Desktop OpenGL 4.0: the query of a vertex stream. */
bool gl_exec_wrap_glGetQueryIndexediv(struct gl_exec *x, GLenum target, GLuint index, GLenum pname,
                                      GLint *params)
{
	gles_host.glGetQueryIndexediv(target, index, pname, params);
	if (pname == GL_CURRENT_QUERY)
		params[0] = (GLint)gh_gl_reverse(x, GL_NAMES_QUERY, (uint32_t)params[0]);
	return true;
}

/* Desktop OpenGL 4.1: the buffer behind the array answers the app's name. */
bool gl_exec_wrap_glGetVertexAttribLdv(struct gl_exec *x, GLuint index, GLenum pname,
                                       GLdouble *params)
{
	gles_host.glGetVertexAttribLdv(index, pname, params);
	if (pname == GL_VERTEX_ATTRIB_ARRAY_BUFFER_BINDING)
		params[0] = (GLdouble)gh_gl_reverse(x, GL_NAMES_BUFFER, (uint32_t)params[0]);
	return true;
}

/* GL_EXT_occlusion_query_boolean / GL_EXT_disjoint_timer_query: the same
 * query objects (GL_CURRENT_QUERY_EXT is GL_CURRENT_QUERY). */
bool gl_exec_wrap_glGetQueryivEXT(struct gl_exec *x, GLenum target, GLenum pname, GLint *params)
{
	gles_host.glGetQueryivEXT(target, pname, params);
	if (pname == GL_CURRENT_QUERY)
		params[0] = (GLint)gh_gl_reverse(x, GL_NAMES_QUERY, (uint32_t)params[0]);
	return true;
}

bool gl_exec_special_glGetIntegerv(struct gl_exec *x, struct gl_reader *r)
{
	GLenum pname = gl_rd_u32(r);
	uint32_t cap = gl_rd_u32(r);
	if (!gles_reader_end(x, r, "glGetIntegerv") ||
	    !check_out(x, "glGetIntegerv",
	               gles_size_glGetIntegerv_data(gl_exec_pixel_state(x), pname), cap))
		return false;
	GLint v[SCRATCH_VALUES] = {0};
	if (cap > sizeof(v))
		return gl_exec_fail(x, "glGetIntegerv: %u bytes for pname 0x%x", cap, pname);
	gles_host.glGetIntegerv(pname, v);
	int cls = binding_class(pname);
	if (cls >= 0)
		v[0] = (GLint)gh_gl_reverse(x, (enum gl_name_class)cls, (uint32_t)v[0]);
	gh_gl_front_answer_get(x, pname, v);
	return reply_blob(x, v, cap);
}

enum attrib_kind { ATTRIB_INT, ATTRIB_IINT, ATTRIB_IUINT };

static bool get_vertex_attrib(struct gl_exec *x, struct gl_reader *r, const char *cmd,
                              enum attrib_kind kind)
{
	GLuint index = gl_rd_u32(r);
	GLenum pname = gl_rd_u32(r);
	uint32_t cap = gl_rd_u32(r);
	/* The three have the same counts. */
	if (!gles_reader_end(x, r, cmd) ||
	    !check_out(x, cmd,
	               gles_size_glGetVertexAttribiv_params(gl_exec_pixel_state(x), index, pname),
	               cap))
		return false;
	GLint v[16] = {0};
	if (cap > sizeof(v))
		return gl_exec_fail(x, "%s: %u bytes for pname 0x%x", cmd, cap, pname);
	if (kind == ATTRIB_IINT)
		gles_host.glGetVertexAttribIiv(index, pname, v);
	else if (kind == ATTRIB_IUINT)
		gles_host.glGetVertexAttribIuiv(index, pname, (GLuint *)v);
	else
		gles_host.glGetVertexAttribiv(index, pname, v);
	if (pname == GL_VERTEX_ATTRIB_ARRAY_BUFFER_BINDING)
		v[0] = (GLint)gh_gl_reverse(x, GL_NAMES_BUFFER, (uint32_t)v[0]);
	return reply_blob(x, v, cap);
}

bool gl_exec_special_glGetVertexAttribiv(struct gl_exec *x, struct gl_reader *r)
{
	return get_vertex_attrib(x, r, "glGetVertexAttribiv", ATTRIB_INT);
}

bool gl_exec_special_glGetVertexAttribIiv(struct gl_exec *x, struct gl_reader *r)
{
	return get_vertex_attrib(x, r, "glGetVertexAttribIiv", ATTRIB_IINT);
}

bool gl_exec_special_glGetVertexAttribIuiv(struct gl_exec *x, struct gl_reader *r)
{
	return get_vertex_attrib(x, r, "glGetVertexAttribIuiv", ATTRIB_IUINT);
}

/* glGetFramebufferAttachmentParameteriv and its GL_OES_framebuffer_object
 * twin (OpenGL ES 1.1): the name attached answers the app's name. */
static bool get_fb_attachment(struct gl_exec *x, struct gl_reader *r, const char *cmd,
                              gles_pfn_glGetFramebufferAttachmentParameteriv get)
{
	GLenum target = gl_rd_u32(r), attachment = gl_rd_u32(r), pname = gl_rd_u32(r);
	uint32_t cap = gl_rd_u32(r);
	if (!gles_reader_end(x, r, cmd) ||
	    !check_out(x, cmd,
	               gles_size_glGetFramebufferAttachmentParameteriv_params(
	                       gl_exec_pixel_state(x), target, attachment, pname),
	               cap))
		return false;
	GLint v[16] = {0};
	if (cap > sizeof(v))
		return gl_exec_fail(x, "%s: %u bytes for pname 0x%x", cmd, cap, pname);
	get(target, attachment, pname, v);
	if (pname == GL_FRAMEBUFFER_ATTACHMENT_OBJECT_NAME) {
		GLint type = GL_NONE;
		get(target, attachment, GL_FRAMEBUFFER_ATTACHMENT_OBJECT_TYPE, &type);
		if (type == GL_TEXTURE)
			v[0] = (GLint)gh_gl_reverse(x, GL_NAMES_TEXTURE, (uint32_t)v[0]);
		else if (type == GL_RENDERBUFFER)
			v[0] = (GLint)gh_gl_reverse(x, GL_NAMES_RENDERBUFFER, (uint32_t)v[0]);
		else
			v[0] = 0;
	}
	return reply_blob(x, v, cap);
}

bool gl_exec_special_glGetFramebufferAttachmentParameteriv(struct gl_exec *x, struct gl_reader *r)
{
	return get_fb_attachment(x, r, "glGetFramebufferAttachmentParameteriv",
	                         gles_host.glGetFramebufferAttachmentParameteriv);
}

bool gl_exec_special_glGetFramebufferAttachmentParameterivOES(struct gl_exec *x,
                                                              struct gl_reader *r)
{
	return get_fb_attachment(x, r, "glGetFramebufferAttachmentParameterivOES",
	                         gles_host.glGetFramebufferAttachmentParameterivOES);
}

bool gl_exec_special_glGetAttachedShaders(struct gl_exec *x, struct gl_reader *r)
{
	GLuint program = gl_rd_u32(r);
	GLsizei max = (GLsizei)gl_rd_u32(r);
	uint32_t count_cap = gl_rd_u32(r), shaders_cap = gl_rd_u32(r);
	const struct gl_pixel_state *ps = gl_exec_pixel_state(x);
	GLuint host;
	if (!gles_reader_end(x, r, "glGetAttachedShaders") ||
	    (count_cap != GL_BLOB_NULL &&
	     !check_out(x, "glGetAttachedShaders",
	                gles_size_glGetAttachedShaders_count(ps, program, max), count_cap)) ||
	    !check_out(x, "glGetAttachedShaders",
	               gles_size_glGetAttachedShaders_shaders(ps, program, max), shaders_cap) ||
	    !gl_exec_map(x, GL_NAMES_PROGRAM, program, &host))
		return false;
	GLint attached = 0;
	gles_host.glGetProgramiv(host, GL_ATTACHED_SHADERS, &attached);
	GLsizei room = attached < max ? attached : max;
	GLuint *names = calloc(room > 0 ? (size_t)room : 1, sizeof(*names));
	if (!names)
		return gl_exec_fail(x, "glGetAttachedShaders: out of memory");
	GLsizei got = 0;
	gles_host.glGetAttachedShaders(host, room, &got, names);
	got = got < 0 ? 0 : got > room ? room : got;
	for (GLsizei i = 0; i < got; i++)
		names[i] = gh_gl_reverse(x, GL_NAMES_SHADER, names[i]);
	uint32_t bytes = (uint32_t)got * 4;
	uint8_t *p = gl_exec_reply(x, 4 + (count_cap == GL_BLOB_NULL ? 0 : 4) + 4 + bytes);
	if (p) {
		uint32_t four = 4, null = GL_BLOB_NULL;
		if (count_cap == GL_BLOB_NULL) {
			memcpy(p, &null, 4);
			p += 4;
		} else {
			memcpy(p, &four, 4);
			memcpy(p + 4, &got, 4);
			p += 8;
		}
		memcpy(p, &bytes, 4);
		memcpy(p + 4, names, bytes);
	}
	free(names);
	return p != NULL;
}

/* Values of a uniform of `type`. */
static uint32_t uniform_components(GLenum type)
{
	switch (type) {
	case GL_FLOAT_VEC2:
	case GL_INT_VEC2:
	case GL_BOOL_VEC2:
	case 0x8DC6: /* GL_UNSIGNED_INT_VEC2 */
	case 0x8FFC: /* GL_DOUBLE_VEC2 */
		return 2;
	case GL_FLOAT_VEC3:
	case GL_INT_VEC3:
	case GL_BOOL_VEC3:
	case 0x8DC7: /* GL_UNSIGNED_INT_VEC3 */
	case 0x8FFD: /* GL_DOUBLE_VEC3 */
		return 3;
	case GL_FLOAT_VEC4:
	case GL_INT_VEC4:
	case GL_BOOL_VEC4:
	case 0x8DC8: /* GL_UNSIGNED_INT_VEC4 */
	case GL_FLOAT_MAT2:
	case 0x8FFE: /* GL_DOUBLE_VEC4 */
	case 0x8F46: /* GL_DOUBLE_MAT2 */
		return 4;
	case 0x8B65: /* GL_FLOAT_MAT2x3 */
	case 0x8B67: /* GL_FLOAT_MAT3x2 */
	case 0x8F49: /* GL_DOUBLE_MAT2x3 */
	case 0x8F4B: /* GL_DOUBLE_MAT3x2 */
		return 6;
	case 0x8B66: /* GL_FLOAT_MAT2x4 */
	case 0x8B69: /* GL_FLOAT_MAT4x2 */
	case 0x8F4A: /* GL_DOUBLE_MAT2x4 */
	case 0x8F4D: /* GL_DOUBLE_MAT4x2 */
		return 8;
	case GL_FLOAT_MAT3:
	case 0x8F47: /* GL_DOUBLE_MAT3 */
		return 9;
	case 0x8B68: /* GL_FLOAT_MAT3x4 */
	case 0x8B6A: /* GL_FLOAT_MAT4x3 */
	case 0x8F4C: /* GL_DOUBLE_MAT3x4 */
	case 0x8F4E: /* GL_DOUBLE_MAT4x3 */
		return 12;
	case GL_FLOAT_MAT4:
	case 0x8F48: /* GL_DOUBLE_MAT4 */
		return 16;
	default:
		return 1; /* scalars and samplers */
	}
}

/* The components of the uniform at `location` of a linked program, 0 if
 * no active uniform (or array element) is there. */
static uint32_t uniform_at(GLuint program, GLint location)
{
	GLint n = 0, max_len = 0;
	gles_host.glGetProgramiv(program, GL_ACTIVE_UNIFORMS, &n);
	gles_host.glGetProgramiv(program, GL_ACTIVE_UNIFORM_MAX_LENGTH, &max_len);
	if (location < 0 || n <= 0 || max_len <= 0)
		return 0;
	size_t room = (size_t)max_len + 16;
	char *name = malloc(room);
	uint32_t found = 0;
	for (GLint i = 0; name && i < n && !found; i++) {
		GLint size = 0;
		GLenum type = 0;
		name[0] = 0;
		gles_host.glGetActiveUniform(program, (GLuint)i, max_len, NULL, &size, &type, name);
		if (gles_host.glGetUniformLocation(program, name) == location) {
			found = uniform_components(type);
			break;
		}
		/* Arrays are reported as "name[0]": try each element. */
		char *bracket = strrchr(name, '[');
		for (GLint k = 1; bracket && k < size && !found; k++) {
			snprintf(bracket, room - (size_t)(bracket - name), "[%d]", k);
			if (gles_host.glGetUniformLocation(program, name) == location)
				found = uniform_components(type);
		}
	}
	free(name);
	return found;
}

/* UNIFORM_DOUBLE: desktop OpenGL 4.0's glGetUniformdv, 8 bytes a value. */
enum uniform_kind { UNIFORM_FLOAT, UNIFORM_INT, UNIFORM_UINT, UNIFORM_DOUBLE };

/* glGetUniform*v, and glGetnUniform*v (ES 3.2, GL_KHR/EXT_robustness),
 * which carry a bufSize and answer through the host's function of their
 * name: `getn` non-NULL. */
typedef void(GL_APIENTRY *getn_fn)(GLuint, GLint, GLsizei, void *);

struct uniform_call {
	const char *cmd;
	enum uniform_kind kind;
	getn_fn getn;
};

static void run_get_uniform(const struct uniform_call *c, GLuint host, GLint location, uint32_t cap,
                            GLint *v)
{
	if (c->getn)
		c->getn(host, location, (GLsizei)cap, v);
	else if (c->kind == UNIFORM_INT)
		gles_host.glGetUniformiv(host, location, v);
	else if (c->kind == UNIFORM_UINT)
		gles_host.glGetUniformuiv(host, location, (GLuint *)v);
	else if (c->kind == UNIFORM_DOUBLE)
		gles_host.glGetUniformdv(host, location, (GLdouble *)v);
	else
		gles_host.glGetUniformfv(host, location, (GLfloat *)v);
}

static bool get_uniform(struct gl_exec *x, struct gl_reader *r, const struct uniform_call *c)
{
	GLuint program = gl_rd_u32(r);
	GLint location = (GLint)gl_rd_u32(r);
	GLsizei buf_size = c->getn ? (GLsizei)gl_rd_u32(r) : 0;
	uint32_t cap = gl_rd_u32(r);
	GLuint host;
	/* Every kind answers up to 16 values (a 4x4 matrix); the bounded ones
	 * up to bufSize bytes of them. */
	const struct gl_pixel_state *ps = gl_exec_pixel_state(x);
	uint32_t unit = c->kind == UNIFORM_DOUBLE ? 8 : 4;
	int64_t want = c->getn && unit == 8
	                       ? gles_size_glGetnUniformdv_params(ps, program, location, buf_size)
	               : c->getn ? gles_size_glGetnUniformfv_params(ps, program, location, buf_size)
	               : unit == 8 ? gles_size_glGetUniformdv_params(ps, program, location)
	                           : gles_size_glGetUniformiv_params(ps, program, location);
	if (!gles_reader_end(x, r, c->cmd) || !check_out(x, c->cmd, want, cap) ||
	    !gl_exec_map(x, GL_NAMES_PROGRAM, program, &host))
		return false;
	GLint linked = GL_FALSE;
	gles_host.glGetProgramiv(host, GL_LINK_STATUS, &linked);
	uint32_t n = linked ? uniform_at(host, location) : 0;
	GLint v[32] = {0};
	/* Called even when nothing is there: GL sets the app's error. */
	run_get_uniform(c, host, location, cap, v);
	/* Over the capacity: the bounded commands wrote nothing (GL's
	 * GL_INVALID_OPERATION); the others' capacity is a whole matrix. */
	if (n * unit > cap)
		n = c->getn ? 0 : cap / unit;
	return reply_blob(x, v, n * unit);
}

bool gl_exec_special_glGetUniformfv(struct gl_exec *x, struct gl_reader *r)
{
	static const struct uniform_call c = {"glGetUniformfv", UNIFORM_FLOAT, NULL};
	return get_uniform(x, r, &c);
}

bool gl_exec_special_glGetUniformiv(struct gl_exec *x, struct gl_reader *r)
{
	static const struct uniform_call c = {"glGetUniformiv", UNIFORM_INT, NULL};
	return get_uniform(x, r, &c);
}

bool gl_exec_special_glGetUniformdv(struct gl_exec *x, struct gl_reader *r)
{
	static const struct uniform_call c = {"glGetUniformdv", UNIFORM_DOUBLE, NULL};
	return get_uniform(x, r, &c);
}

bool gl_exec_special_glGetUniformuiv(struct gl_exec *x, struct gl_reader *r)
{
	static const struct uniform_call c = {"glGetUniformuiv", UNIFORM_UINT, NULL};
	return get_uniform(x, r, &c);
}

/* The host's functions are resolved at run time: the table is built per
 * call. The kind only matters for the unbounded ones. */
#define GETN_UNIFORM(name, k)                                                                      \
	bool gl_exec_special_##name(struct gl_exec *x, struct gl_reader *r)                        \
	{                                                                                          \
		struct uniform_call c = {#name, k, (getn_fn)gles_host.name};                       \
		if (!c.getn)                                                                       \
			return gl_exec_fail(x, #name ": the host has no function");                \
		return get_uniform(x, r, &c);                                                      \
	}

GETN_UNIFORM(glGetnUniformfv, UNIFORM_FLOAT)
GETN_UNIFORM(glGetnUniformiv, UNIFORM_INT)
GETN_UNIFORM(glGetnUniformuiv, UNIFORM_UINT)
GETN_UNIFORM(glGetnUniformfvKHR, UNIFORM_FLOAT)
GETN_UNIFORM(glGetnUniformivKHR, UNIFORM_INT)
GETN_UNIFORM(glGetnUniformuivKHR, UNIFORM_UINT)
GETN_UNIFORM(glGetnUniformfvEXT, UNIFORM_FLOAT)
GETN_UNIFORM(glGetnUniformivEXT, UNIFORM_INT)
/* OpenGL 4.5: up to a dmat4 (128 bytes), as glGetUniformdv. */
GETN_UNIFORM(glGetnUniformdv, UNIFORM_DOUBLE)

/* A uniform block's parameters; GL_UNIFORM_BLOCK_ACTIVE_UNIFORM_INDICES
 * writes as many indices as the block has uniforms, asked first. */
bool gl_exec_special_glGetActiveUniformBlockiv(struct gl_exec *x, struct gl_reader *r)
{
	GLuint program = gl_rd_u32(r), block = gl_rd_u32(r);
	GLenum pname = gl_rd_u32(r);
	uint32_t cap = gl_rd_u32(r);
	GLuint host;
	int64_t want = gles_size_glGetActiveUniformBlockiv_params(gl_exec_pixel_state(x), program,
	                                                          block, pname);
	if (!gles_reader_end(x, r, "glGetActiveUniformBlockiv") ||
	    !check_out(x, "glGetActiveUniformBlockiv", want, cap) ||
	    !gl_exec_map(x, GL_NAMES_PROGRAM, program, &host))
		return false;
	uint32_t n = 1;
	if (pname == GL_UNIFORM_BLOCK_ACTIVE_UNIFORM_INDICES) {
		GLint count = 0;
		gles_host.glGetActiveUniformBlockiv(host, block, GL_UNIFORM_BLOCK_ACTIVE_UNIFORMS,
		                                    &count);
		if (count < 0 || (uint64_t)count * 4 > cap)
			return gl_exec_fail(x, "glGetActiveUniformBlockiv: %d uniforms in block %u",
			                    count, block);
		n = (uint32_t)count;
	}
	GLint *v = calloc(n ? n : 1, sizeof(*v));
	if (!v)
		return gl_exec_fail(x, "glGetActiveUniformBlockiv: out of memory");
	gles_host.glGetActiveUniformBlockiv(host, block, pname, v);
	bool ok = reply_blob(x, v, n * 4);
	free(v);
	return ok;
}

/* The default framebuffer's GL_DOUBLEBUFFER is a window's, as glGetIntegerv's
 * (front.c); every other answer is the driver's. */
bool gl_exec_wrap_glGetFramebufferParameteriv(struct gl_exec *x, GLenum target, GLenum pname,
                                              GLint *params)
{
	gles_host.glGetFramebufferParameteriv(target, pname, params);
	gh_gl_front_answer_framebuffer_param(x, target, pname, params);
	return true;
}
