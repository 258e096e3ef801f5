/*
 * Client-side GL state: share groups, vertex array objects, buffer
 * bindings and sizes, pixel store, the client-detected error; and the
 * codec hooks that keep them in step with what the app sends.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <GLES2/gl2.h>
#include <GLES2/gl2ext.h>

#include <gpupipe/gl-codec.h>

#include "debug.h"
#include "gles-codec.h"
#include "gles-client.h"
#include "state.h"
#include "stream.h"

struct ge_share *ge_share_create(void)
{
	struct ge_share *s = calloc(1, sizeof(*s));
	if (!s)
		return NULL;
	atomic_init(&s->refs, 1);
	pthread_mutex_init(&s->lock, NULL);
	return s;
}

struct ge_share *ge_share_ref(struct ge_share *s)
{
	atomic_fetch_add(&s->refs, 1);
	return s;
}

static void free_buffer(uint32_t name, void *val, void *data)
{
	ge_buffer_unmap(val);
	ge_copy_drop(val);
	free(val);
}

void ge_share_unref(struct ge_share *s)
{
	if (!s || atomic_fetch_sub(&s->refs, 1) != 1)
		return;
	for (int i = 0; i < GL_NAMES_COUNT; i++)
		ge_map_finish(&s->names[i]);
	ge_map_for_each(&s->buffers, free_buffer, NULL);
	ge_map_finish(&s->buffers);
	ge_map_finish(&s->tex_targets);
	ge_map_finish(&s->program_users);
	ge_program_names_free(s);
	ge_attach_free(s);
	ge_map_finish(&s->list_prims);
	pthread_mutex_destroy(&s->lock);
	free(s);
}

struct ge_gl_state *ge_gl_state_create(struct ge_display *d, const struct ge_api *api,
                                       uint32_t flags, struct ge_share *share,
                                       ge_image_handle_fn image_handle)
{
	struct ge_gl_state *gl = calloc(1, sizeof(*gl));
	if (!gl)
		return NULL;
	gl->share = share ? ge_share_ref(share) : ge_share_create();
	if (!gl->share) {
		free(gl);
		return NULL;
	}
	gl->d = d;
	gl->api = api;
	gl->flags = flags;
	gl->image_handle = image_handle;
	gl->serial = ge_copy_next_serial();
	ge_vao_init(&gl->default_vao);
	gl->vao = &gl->default_vao;
	gl->arb_error_position = -1;
	gl->ps.pack_alignment = 4;
	gl->ps.unpack_alignment = 4;
	gl->ps.desktop = gl_api_desktop(api->level.api);
	const struct gl_limit *l = ge_api_limit(api, GL_MAX_VERTEX_ATTRIBS);
	gl->max_attribs = l && l->values[0] >= 1 ? (uint32_t)l->values[0] : 16;
	if (gl->max_attribs > GE_MAX_ATTRIBS)
		gl->max_attribs = GE_MAX_ATTRIBS;
	l = ge_api_limit(api, 0x84E2 /* GL_MAX_TEXTURE_UNITS, GLES 1 */);
	gl->max_texture_units = l && l->values[0] >= 1 ? (uint32_t)l->values[0] : 1;
	/* Compatibility contexts: the texture coordinate sets (GL_MAX_TEXTURE_COORDS)
	 * gpupipe tracks; Mesa and the other drivers have 8. */
	if (gl->max_texture_units > GE_MAX_TEXTURE_UNITS || api->level.api == GL_API_GL_COMPAT)
		gl->max_texture_units = GE_MAX_TEXTURE_UNITS;
	return gl;
}

static void free_val(uint32_t key, void *val, void *data)
{
	free(val);
}

void ge_gl_state_destroy(struct ge_gl_state *gl)
{
	if (!gl)
		return;
	ge_programs_context_gone(gl);
	for (int i = 0; i < GL_NAMES_COUNT; i++)
		ge_map_finish(&gl->names[i]);
	ge_map_for_each(&gl->vaos, free_val, NULL);
	ge_map_finish(&gl->vaos);
	ge_map_finish(&gl->tex_bound);
	ge_map_finish(&gl->tex_known);
	ge_share_unref(gl->share);
	ge_debug_free(gl->debug);
	ge_client_attrib_free(gl);
	ge_array_copies_free(gl);
	free(gl->arb_error_string);
	free(gl);
}

struct ge_share *ge_gl_state_share(const struct ge_gl_state *gl)
{
	return gl->share;
}

struct ge_buffer *ge_share_buffer(struct ge_share *s, uint32_t name, bool create)
{
	struct ge_buffer *b = ge_map_get(&s->buffers, name);
	if (b || !create || !name)
		return b;
	b = calloc(1, sizeof(*b));
	if (b && !ge_map_put(&s->buffers, name, b)) {
		free(b);
		b = NULL;
	}
	return b;
}

/* GL_MIN_MAP_BUFFER_ALIGNMENT is the host driver's (64 in Mesa, at least 64 by the
 * extension): a page covers any power of two a driver would say, at a page's cost per
 * mapping at most. */
void *ge_buffer_shadow(int64_t offset, int64_t length, bool zero, void **base)
{
	size_t pad = (size_t)((uint64_t)offset % GE_MAP_ALIGNMENT);
	*base = NULL;
	if (length < 0 || (uint64_t)length > SIZE_MAX - pad ||
	    posix_memalign(base, GE_MAP_ALIGNMENT, pad + (size_t)length + 1) != 0) {
		*base = NULL;
		return NULL;
	}
	if (zero)
		memset(*base, 0, pad + (size_t)length);
	return (uint8_t *)*base + pad;
}

void ge_buffer_unmap(struct ge_buffer *b)
{
	if (b->persist_copy)
		atomic_fetch_sub(&ge_persistent_maps, 1);
	free(b->persist_copy);
	b->persist_copy = NULL;
	free(b->map_base);
	ge_copy_release(b->map_copy);
	b->map_copy = NULL;
	b->map = b->map_base = NULL;
	b->map_offset = b->map_length = 0;
	b->map_access = 0;
}

/* The binding of a target: the vertex array's for elements. */
static uint32_t *binding(struct ge_gl_state *gl, uint32_t target)
{
	int64_t i = gl_buffer_target(target);
	if (i < 0)
		return NULL;
	if (target == GL_ARRAY_BUFFER)
		return &gl->array_buffer;
	if (target == GL_ELEMENT_ARRAY_BUFFER)
		return &gl->vao->element_buffer;
	return &gl->buffers[i];
}

uint32_t ge_gl_bound_buffer(struct ge_gl_state *gl, uint32_t target, bool *ok)
{
	uint32_t *b = binding(gl, target);
	*ok = b != NULL;
	return b ? *b : 0;
}

/* ---- runtime entry points of gl-codec.h ---- */

void gl_enc_error(struct gl_enc *e, uint32_t gl_error)
{
	if (e->gl && e->gl->error == GL_NO_ERROR)
		e->gl->error = gl_error;
	ge_debug_local_error(e, gl_error);
}

const struct gl_pixel_state *gl_enc_pixel_state(struct gl_enc *e)
{
	static const struct gl_pixel_state defaults = {.pack_alignment = 4, .unpack_alignment = 4};
	return e->gl ? &e->gl->ps : &defaults;
}

/* ---- hooks: the generic encoder queued the command, then these run ---- */

uint32_t gl_enc_unpack_buffer(struct gl_enc *e)
{
	return e->gl ? e->gl->buffers[gl_buffer_target(GL_PIXEL_UNPACK_BUFFER)] : 0;
}

/* The targets the GPU writes through (gles-buffer-copy.c); glBindBufferBase/Range
 * come here too. */
static bool gpu_writes(uint32_t target)
{
	return target == GL_TRANSFORM_FEEDBACK_BUFFER || target == GL_SHADER_STORAGE_BUFFER ||
	       target == GL_ATOMIC_COUNTER_BUFFER || target == GL_PIXEL_PACK_BUFFER;
}

void gl_enc_hook_glBindBuffer(struct gl_enc *e, GLenum target, GLuint buffer)
{
	uint32_t *b = binding(e->gl, target);
	if (b)
		*b = buffer;
	if (gpu_writes(target))
		ge_copy_gpu_writes(e->gl, buffer);
}

/* They bind the generic target too. */
void gl_enc_hook_glBindBufferBase(struct gl_enc *e, GLenum target, GLuint index, GLuint buffer)
{
	gl_enc_hook_glBindBuffer(e, target, buffer);
}

void gl_enc_hook_glBindBufferRange(struct gl_enc *e, GLenum target, GLuint index, GLuint buffer,
                                   GLintptr offset, GLsizeiptr size)
{
	gl_enc_hook_glBindBuffer(e, target, buffer);
}

void gl_enc_hook_glBindVertexArray(struct gl_enc *e, GLuint array)
{
	gl_enc_hook_glBindVertexArrayOES(e, array);
}

void gl_enc_hook_glDeleteVertexArrays(struct gl_enc *e, GLsizei n, const GLuint *arrays)
{
	gl_enc_hook_glDeleteVertexArraysOES(e, n, arrays);
}

void ge_vao_init(struct ge_vao *vao)
{
	*vao = (struct ge_vao){0};
	for (uint32_t i = 0; i < GE_MAX_ATTRIBS; i++)
		vao->attribs[i].binding = i;
}

/* ES 3.1: binding point `index` with that divisor. */
void gl_enc_hook_glVertexAttribDivisor(struct gl_enc *e, GLuint index, GLuint divisor)
{
	if (index < GE_MAX_ATTRIBS) {
		e->gl->vao->attribs[index].divisor = divisor;
		e->gl->vao->attribs[index].binding = index;
	}
}

/* ---- ES 3.1 vertex attribute bindings: only in a vertex array object
 * (GL refuses them with the default one bound: nothing to record). ---- */

static struct ge_vao *binding_vao(struct gl_enc *e, GLuint index)
{
	return e->gl->vao_name && index < GE_MAX_ATTRIBS ? e->gl->vao : NULL;
}

void gl_enc_hook_glBindVertexBuffer(struct gl_enc *e, GLuint bindingindex, GLuint buffer,
                                    GLintptr offset, GLsizei stride)
{
	struct ge_vao *v = binding_vao(e, bindingindex);
	if (v && offset >= 0 && stride >= 0)
		v->binding_buffers[bindingindex] = buffer;
}

void gl_enc_hook_glVertexAttribBinding(struct gl_enc *e, GLuint attribindex, GLuint bindingindex)
{
	struct ge_vao *v = binding_vao(e, attribindex);
	if (v && bindingindex < GE_MAX_ATTRIBS)
		v->attribs[attribindex].binding = bindingindex;
}

void gl_enc_hook_glBindVertexArrayOES(struct gl_enc *e, GLuint array)
{
	struct ge_gl_state *gl = e->gl;
	if (!array) {
		gl->vao = &gl->default_vao;
		gl->vao_name = 0;
		return;
	}
	struct ge_vao *v = ge_map_get(&gl->vaos, array);
	if (!v) {
		v = malloc(sizeof(*v));
		if (v)
			ge_vao_init(v);
		if (!v || !ge_map_put(&gl->vaos, array, v)) {
			free(v);
			gl_enc_error(e, GL_OUT_OF_MEMORY);
			return;
		}
	}
	gl->vao = v;
	gl->vao_name = array;
}

void gl_enc_hook_glDeleteVertexArraysOES(struct gl_enc *e, GLsizei n, const GLuint *arrays)
{
	struct ge_gl_state *gl = e->gl;
	for (GLsizei i = 0; arrays && i < n; i++) {
		if (!arrays[i])
			continue;
		if (arrays[i] == gl->vao_name) {
			gl->vao = &gl->default_vao;
			gl->vao_name = 0;
		}
		free(ge_map_remove(&gl->vaos, arrays[i]));
	}
}

void gl_enc_hook_glDeleteBuffers(struct gl_enc *e, GLsizei n, const GLuint *buffers)
{
	struct ge_gl_state *gl = e->gl;
	pthread_mutex_lock(&gl->share->lock);
	for (GLsizei i = 0; buffers && i < n; i++) {
		uint32_t name = buffers[i];
		if (!name)
			continue;
		/* GL resets this context's bindings of a deleted buffer. */
		if (gl->array_buffer == name)
			gl->array_buffer = 0;
		if (gl->vao->element_buffer == name)
			gl->vao->element_buffer = 0;
		for (int b = 0; b < GE_MAX_ATTRIBS; b++) {
			if (gl->vao->binding_buffers[b] == name)
				gl->vao->binding_buffers[b] = 0;
		}
		for (int t = 0; t < GL_BUFFER_TARGETS; t++) {
			if (gl->buffers[t] == name)
				gl->buffers[t] = 0;
		}
		struct ge_buffer *b = ge_map_remove(&gl->share->buffers, name);
		if (b) {
			ge_buffer_unmap(b);
			ge_copy_drop(b);
			free(b);
		}
	}
	pthread_mutex_unlock(&gl->share->lock);
}

void gl_enc_hook_glEnableVertexAttribArray(struct gl_enc *e, GLuint index)
{
	if (index < GE_MAX_ATTRIBS)
		e->gl->vao->attribs[index].enabled = true;
}

void gl_enc_hook_glDisableVertexAttribArray(struct gl_enc *e, GLuint index)
{
	if (index < GE_MAX_ATTRIBS)
		e->gl->vao->attribs[index].enabled = false;
}

void gl_enc_hook_glBufferData(struct gl_enc *e, GLenum target, GLsizeiptr size, const void *data,
                              GLenum usage)
{
	struct ge_gl_state *gl = e->gl;
	bool ok;
	uint32_t name = ge_gl_bound_buffer(gl, target, &ok);
	if (!ok || !name || size < 0)
		return;
	pthread_mutex_lock(&gl->share->lock);
	struct ge_buffer *b = ge_share_buffer(gl->share, name, true);
	if (b && !b->immutable) { /* an immutable store: the driver refuses */
		/* New data store: a mapping of the old one ends. */
		ge_buffer_unmap(b);
		ge_copy_store(gl, b, size, data);
	}
	pthread_mutex_unlock(&gl->share->lock);
}

/* GL_EXT_buffer_storage: the store is immutable from now on (size and flags
 * checked by the generated code; a second store is the driver's error). */
void gl_enc_hook_glBufferStorageEXT(struct gl_enc *e, GLenum target, GLsizeiptr size,
                                    const void *data, GLbitfield flags)
{
	struct ge_gl_state *gl = e->gl;
	bool ok;
	uint32_t name = ge_gl_bound_buffer(gl, target, &ok);
	if (!ok || !name)
		return;
	pthread_mutex_lock(&gl->share->lock);
	struct ge_buffer *b = ge_share_buffer(gl->share, name, true);
	if (b && !b->immutable) {
		ge_buffer_unmap(b);
		ge_copy_drop(b);
		b->size = size;
		b->immutable = true;
		b->storage_flags = flags;
	}
	pthread_mutex_unlock(&gl->share->lock);
}
