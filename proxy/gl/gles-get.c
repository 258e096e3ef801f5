/*
 * Queries answered on the client where that is exact: strings and limits
 * from GL_OP_INIT, bindings the library tracks, pixel store, the first
 * client-detected error; everything else asks the host.
 *
 * After link loss, glGetError says GL_CONTEXT_LOST (KHR_robustness's
 * value) once per context, then GL_NO_ERROR, so that the usual "drain
 * the errors" loops end; every other GL call does nothing.
 */
#include <stdlib.h>
#include <string.h>

#include "debug.h"
#include "gles-codec.h"
#include "state.h"
#include "stream.h"

#define CONTEXT_LOST 0x0507                  /* GL_CONTEXT_LOST_KHR */
#define NUM_SHADING_LANGUAGE_VERSIONS 0x82E9 /* desktop OpenGL 4.3 */

const GLubyte *GL_APIENTRY gl_enc_special_glGetString(GLenum name)
{
	struct ge_gl_state *gl = ge_gl_current();
	if (!gl)
		return NULL;
	/* Answered here, so the gate of gl_enc_current_op is not passed: GL's
	 * answer between glBegin and glEnd too. */
	if (gl->begin_end) {
		if (gl->error == GL_NO_ERROR)
			gl->error = GL_INVALID_OPERATION;
		return NULL;
	}
	const struct ge_api *api = gl->api;
	switch (name) {
	case GL_VENDOR:
		return (const GLubyte *)"gpupipe";
	case GL_RENDERER:
		return (const GLubyte *)api->host_strings[GE_HOST_RENDERER];
	case GL_VERSION:
		return (const GLubyte *)api->gl_version;
	case GL_SHADING_LANGUAGE_VERSION:
		if (!api->glsl_version)
			break; /* OpenGL ES 1: GL_INVALID_ENUM */
		return (const GLubyte *)api->glsl_version;
	case GL_EXTENSIONS:
		/* Core profiles list them with glGetStringi only. */
		if (api->level.api == GL_API_GL_CORE)
			break;
		return (const GLubyte *)api->gl_extensions;
	}
	const char *program_error = ge_arb_program_string(gl, name);
	if (program_error)
		return (const GLubyte *)program_error;
	if (gl->error == GL_NO_ERROR)
		gl->error = GL_INVALID_ENUM;
	return NULL;
}

GLenum GL_APIENTRY gl_enc_special_glGetError(void)
{
	struct ge_gl_state *gl = ge_gl_current();
	if (!gl)
		return GL_NO_ERROR;
	if (gl->error != GL_NO_ERROR) {
		GLenum error = gl->error;
		gl->error = GL_NO_ERROR;
		return error;
	}
	if (!gl_enc_current()) {
		if (gl->lost_reported)
			return GL_NO_ERROR;
		gl->lost_reported = true;
		return CONTEXT_LOST;
	}
	return gl_enc_glGetError();
}

/* Desktop OpenGL's pixel-store state, which ES lacks. */
static bool desktop_pixel_store(const struct gl_pixel_state *ps, GLenum pname, float *v)
{
	switch (pname) {
	case GL_PACK_IMAGE_HEIGHT_DESKTOP:
		v[0] = (float)ps->pack_image_height;
		return true;
	case GL_PACK_SKIP_IMAGES_DESKTOP:
		v[0] = (float)ps->pack_skip_images;
		return true;
	case GL_PACK_SWAP_BYTES_DESKTOP:
		v[0] = ps->pack_swap_bytes;
		return true;
	case GL_PACK_LSB_FIRST_DESKTOP:
		v[0] = ps->pack_lsb_first;
		return true;
	case GL_UNPACK_SWAP_BYTES_DESKTOP:
		v[0] = ps->unpack_swap_bytes;
		return true;
	case GL_UNPACK_LSB_FIRST_DESKTOP:
		v[0] = ps->unpack_lsb_first;
		return true;
	}
	/* GL_{UNPACK,PACK}_COMPRESSED_BLOCK_{WIDTH,HEIGHT,DEPTH,SIZE}. */
	if (pname >= 0x9127 && pname <= 0x912E) {
		v[0] = (float)(pname >= 0x912B ? ps->pack_block[pname - 0x912B]
		                               : ps->unpack_block[pname - 0x9127]);
		return true;
	}
	return false;
}

/* A value the library knows: *n values in v (floats hold the integers
 * exactly). False: ask the host. */
static bool client_value(struct gl_enc *e, GLenum pname, float *v, int *n)
{
	struct ge_gl_state *gl = e->gl;
	*n = 1;
	if ((ge_gl_is_es1(gl) || ge_gl_is_compat(gl)) && ge_ff_value(gl, pname, v))
		return true;
	if (ge_debug_value(e, pname, v))
		return true;
	if (ge_client_attrib_value(gl, pname, v))
		return true;
	if (ge_arb_program_value(gl, pname, v))
		return true;
	switch (pname) {
	case GL_ARRAY_BUFFER_BINDING:
		v[0] = (float)gl->array_buffer;
		return true;
	case GL_ELEMENT_ARRAY_BUFFER_BINDING:
		v[0] = (float)gl->vao->element_buffer;
		return true;
	case GL_VERTEX_ARRAY_BINDING_OES:
		v[0] = (float)gl->vao_name;
		return true;
	case GL_COPY_READ_BUFFER_BINDING:
	case GL_COPY_WRITE_BUFFER_BINDING:
	case GL_PIXEL_PACK_BUFFER_BINDING:
	case GL_PIXEL_UNPACK_BUFFER_BINDING:
	case GL_TRANSFORM_FEEDBACK_BUFFER_BINDING:
	case GL_UNIFORM_BUFFER_BINDING:
	case GL_TEXTURE_BUFFER_BINDING: {
		static const GLenum targets[] = {
		        GL_COPY_READ_BUFFER,    GL_COPY_WRITE_BUFFER,         GL_PIXEL_PACK_BUFFER,
		        GL_PIXEL_UNPACK_BUFFER, GL_TRANSFORM_FEEDBACK_BUFFER, GL_UNIFORM_BUFFER,
		        GL_TEXTURE_BUFFER};
		static const GLenum bindings[] = {GL_COPY_READ_BUFFER_BINDING,
		                                  GL_COPY_WRITE_BUFFER_BINDING,
		                                  GL_PIXEL_PACK_BUFFER_BINDING,
		                                  GL_PIXEL_UNPACK_BUFFER_BINDING,
		                                  GL_TRANSFORM_FEEDBACK_BUFFER_BINDING,
		                                  GL_UNIFORM_BUFFER_BINDING,
		                                  GL_TEXTURE_BUFFER_BINDING};
		for (size_t i = 0; i < sizeof(targets) / sizeof(targets[0]); i++) {
			bool ok;
			if (bindings[i] == pname)
				v[0] = (float)ge_gl_bound_buffer(gl, targets[i], &ok);
		}
		return true;
	}
	case GL_MAJOR_VERSION:
		v[0] = (float)GL_VERSION_MAJOR(gl->api->level.version);
		return true;
	case GL_MINOR_VERSION:
		v[0] = (float)GL_VERSION_MINOR(gl->api->level.version);
		return true;
	case GL_NUM_EXTENSIONS:
		v[0] = (float)ge_api_extension_count(gl->api);
		return true;
	case NUM_SHADING_LANGUAGE_VERSIONS: {
		uint32_t versions = 0;
		ge_api_glsl_version(gl->api, 0, &versions);
		if (!versions)
			break; /* below desktop OpenGL 4.3: the host's GL_INVALID_ENUM */
		v[0] = (float)versions;
		return true;
	}
	case GL_UNPACK_ROW_LENGTH:
		v[0] = (float)gl->ps.unpack_row_length;
		return true;
	case GL_UNPACK_IMAGE_HEIGHT:
		v[0] = (float)gl->ps.unpack_image_height;
		return true;
	case GL_UNPACK_SKIP_ROWS:
		v[0] = (float)gl->ps.unpack_skip_rows;
		return true;
	case GL_UNPACK_SKIP_PIXELS:
		v[0] = (float)gl->ps.unpack_skip_pixels;
		return true;
	case GL_UNPACK_SKIP_IMAGES:
		v[0] = (float)gl->ps.unpack_skip_images;
		return true;
	case GL_PACK_ROW_LENGTH:
		v[0] = (float)gl->ps.pack_row_length;
		return true;
	case GL_PACK_SKIP_ROWS:
		v[0] = (float)gl->ps.pack_skip_rows;
		return true;
	case GL_PACK_SKIP_PIXELS:
		v[0] = (float)gl->ps.pack_skip_pixels;
		return true;
	case GL_PACK_ALIGNMENT:
		v[0] = (float)gl->ps.pack_alignment;
		return true;
	case GL_UNPACK_ALIGNMENT:
		v[0] = (float)gl->ps.unpack_alignment;
		return true;
	case GL_MAX_VERTEX_ATTRIBS:
		v[0] = (float)gl->max_attribs;
		return true;
	}
	if (gl->ps.desktop && desktop_pixel_store(&gl->ps, pname, v))
		return true;
	/* The host may also list values GLES 2 does not name but apps query
	 * anyway (e.g. GL_MAX_CLIP_DISTANCES_EXT, which Mesa's GLES 3 context
	 * answers natively): they are answered here and never travel. */
	const struct gl_limit *l = ge_api_limit(gl->api, pname);
	int64_t count = gl_get_count(pname);
	if (!l || l->count < 1 || l->count > 4 || (count > 0 && l->count != count))
		return false;
	*n = (int)l->count;
	for (int i = 0; i < *n; i++)
		v[i] = l->values[i];
	return true;
}

/* GL_COMPRESSED_TEXTURE_FORMATS and GL_SHADER_BINARY_FORMATS: the host
 * answers into an array of the wire's fixed capacity; the app's array
 * holds only GL_NUM_*_FORMATS values. Returns how many `out` got, -1 for
 * any other pname. */
static int formats(GLenum pname, GLint out[GL_SIZES_MAX_FORMATS])
{
	GLenum num_pname;
	if (pname == GL_COMPRESSED_TEXTURE_FORMATS)
		num_pname = GL_NUM_COMPRESSED_TEXTURE_FORMATS;
	else if (pname == GL_SHADER_BINARY_FORMATS)
		num_pname = GL_NUM_SHADER_BINARY_FORMATS;
	else if (pname == GL_PROGRAM_BINARY_FORMATS)
		num_pname = GL_NUM_PROGRAM_BINARY_FORMATS;
	else
		return -1;
	GLint num = 0;
	gl_enc_special_glGetIntegerv(num_pname, &num);
	memset(out, 0, GL_SIZES_MAX_FORMATS * sizeof(*out));
	/* None offered (binaries: gpupipe takes none): nothing to ask. */
	if (num > 0)
		gl_enc_glGetIntegerv(pname, out);
	return num < 0 ? 0 : num > GL_SIZES_MAX_FORMATS ? GL_SIZES_MAX_FORMATS : num;
}

/* Pnames whose value is an object name: the host maps names back to the
 * app's only in glGetIntegerv, so the float and boolean queries go there.
 * GL_DOUBLEBUFFER too: the host answers the window's there, not its
 * single-buffered pbuffer's (gpuhost/gl/front.c). */
static bool is_binding(GLenum pname)
{
	switch (pname) {
	case 0x0C32: /* GL_DOUBLEBUFFER */
	case GL_CURRENT_PROGRAM:
	case GL_FRAMEBUFFER_BINDING:
	case GL_RENDERBUFFER_BINDING:
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
	case GL_READ_FRAMEBUFFER_BINDING:
	case GL_SAMPLER_BINDING:
	case GL_TRANSFORM_FEEDBACK_BINDING:
		return true;
	}
	return false;
}

enum get_kind { GET_INT, GET_FLOAT, GET_BOOL, GET_FIXED, GET_DOUBLE };

/* Stores value i of a query as the variant the app called wants it. */
static void put(void *data, enum get_kind kind, int i, double v)
{
	switch (kind) {
	case GET_INT:
		((GLint *)data)[i] = (GLint)(v >= 0 ? v + 0.5 : v - 0.5);
		break;
	case GET_FLOAT:
		((GLfloat *)data)[i] = (GLfloat)v;
		break;
	case GET_DOUBLE:
		((double *)data)[i] = v;
		break;
	case GET_BOOL:
		((GLboolean *)data)[i] = v != 0 ? GL_TRUE : GL_FALSE;
		break;
	case GET_FIXED: /* 16.16, saturated as GL converts */
		v *= 65536.0;
		((GLfixed *)data)[i] = v >= 2147483647.0    ? INT32_MAX
		                       : v <= -2147483648.0 ? INT32_MIN
		                                            : (GLfixed)(v >= 0 ? v + 0.5 : v - 0.5);
		break;
	}
}

/* glGetIntegerv, glGetFloatv, glGetBooleanv and glGetFixedv: the client's answer when
 * it has one, else the host's through the variant asked. */
static void get(GLenum pname, void *data, enum get_kind kind)
{
	struct gl_enc *e = gl_enc_current();
	GLint list[GL_SIZES_MAX_FORMATS];
	float v[4];
	int n;
	if (!e || !data)
		return;
	if (client_value(e, pname, v, &n)) {
		for (int i = 0; i < n; i++)
			put(data, kind, i, v[i]);
	} else if (kind != GET_INT && is_binding(pname)) {
		list[0] = 0;
		gl_enc_glGetIntegerv(pname, list);
		put(data, kind, 0, (GLuint)list[0]);
	} else if ((n = formats(pname, list)) >= 0) {
		for (int i = 0; i < n; i++)
			put(data, kind, i, list[i]);
	} else if (kind == GET_INT) {
		gl_enc_glGetIntegerv(pname, data);
	} else if (kind == GET_FLOAT) {
		gl_enc_glGetFloatv(pname, data);
	} else if (kind == GET_FIXED) {
		gl_enc_glGetFixedv(pname, data);
	} else if (kind == GET_DOUBLE) {
		gl_enc_glGetDoublev(pname, data);
	} else {
		gl_enc_glGetBooleanv(pname, data);
	}
}

void GL_APIENTRY gl_enc_special_glGetIntegerv(GLenum pname, GLint *data)
{
	get(pname, data, GET_INT);
}

void GL_APIENTRY gl_enc_special_glGetFloatv(GLenum pname, GLfloat *data)
{
	get(pname, data, GET_FLOAT);
}

/* Desktop OpenGL only: gl_enc_current_op refuses it in other contexts. */
void GL_APIENTRY gl_enc_special_glGetDoublev(GLenum pname, GLdouble *data)
{
	if (gl_enc_current_op(GLES_OP_glGetDoublev))
		get(pname, data, GET_DOUBLE);
}

void GL_APIENTRY gl_enc_special_glGetBooleanv(GLenum pname, GLboolean *data)
{
	get(pname, data, GET_BOOL);
}

/* OpenGL ES 1 only: gl_enc_current_op refuses it in other contexts. */
void GL_APIENTRY gl_enc_special_glGetFixedv(GLenum pname, GLfixed *params)
{
	if (gl_enc_current_op(GLES_OP_glGetFixedv))
		get(pname, params, GET_FIXED);
}

void GL_APIENTRY gl_enc_special_glGetVertexAttribPointerv(GLuint index, GLenum pname,
                                                          void **pointer)
{
	struct gl_enc *e = gl_enc_current();
	if (!e || !pointer)
		return;
	if (pname != GL_VERTEX_ATTRIB_ARRAY_POINTER) {
		gl_enc_error(e, GL_INVALID_ENUM);
		return;
	}
	if (index >= e->gl->max_attribs) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return;
	}
	*pointer = (void *)e->gl->vao->attribs[index].pointer;
}

void GL_APIENTRY gl_enc_special_glGetBufferPointervOES(GLenum target, GLenum pname, void **params)
{
	struct gl_enc *e = gl_enc_current();
	bool ok;
	if (!e || !params)
		return;
	uint32_t name = ge_gl_bound_buffer(e->gl, target, &ok);
	if (!ok || pname != GL_BUFFER_MAP_POINTER_OES) {
		gl_enc_error(e, GL_INVALID_ENUM);
		return;
	}
	if (!name) {
		gl_enc_error(e, GL_INVALID_OPERATION);
		return;
	}
	pthread_mutex_lock(&e->gl->share->lock);
	struct ge_buffer *b = ge_share_buffer(e->gl->share, name, false);
	*params = b ? b->map : NULL;
	pthread_mutex_unlock(&e->gl->share->lock);
}
