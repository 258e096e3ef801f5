/*
 * GL object names, allocated by the library (glGen* and glCreate* cost no
 * round trip). Each class has a set of live names and a counter; programs
 * and shaders draw from one counter because GL gives them one name space.
 */
#include <stdlib.h>

#include <GLES2/gl2.h>

#include <gpupipe/gl-codec.h>

#include "state.h"
#include "stream.h"

/* Marker value for name sets. */
static char present;

/* As the host keeps them (gpuhost/gl/names.c): OpenGL ES 3.2 section 5.1
 * shares buffers, renderbuffers, samplers, shaders, programs, syncs and
 * textures; the container objects are the context's. */
bool ge_names_shared(enum gl_name_class cls)
{
	return cls != GL_NAMES_FRAMEBUFFER && cls != GL_NAMES_VERTEX_ARRAY &&
	       cls != GL_NAMES_PROGRAM_PIPELINE && cls != GL_NAMES_QUERY &&
	       cls != GL_NAMES_TRANSFORM_FEEDBACK;
}

static struct ge_map *set_of(struct ge_gl_state *gl, enum gl_name_class cls)
{
	return ge_names_shared(cls) ? &gl->share->names[cls] : &gl->names[cls];
}

static uint32_t *counter_of(struct ge_gl_state *gl, enum gl_name_class cls)
{
	if (cls == GL_NAMES_SHADER)
		cls = GL_NAMES_PROGRAM;
	return ge_names_shared(cls) ? &gl->share->next[cls] : &gl->next[cls];
}

static bool taken(struct ge_gl_state *gl, enum gl_name_class cls, uint32_t name)
{
	if (ge_map_get(set_of(gl, cls), name))
		return true;
	/* A program's name must not also be a shader's, and back. */
	if (cls == GL_NAMES_PROGRAM)
		return ge_map_get(set_of(gl, GL_NAMES_SHADER), name) != NULL;
	if (cls == GL_NAMES_SHADER)
		return ge_map_get(set_of(gl, GL_NAMES_PROGRAM), name) != NULL;
	return false;
}

static void lock(struct ge_gl_state *gl, enum gl_name_class cls)
{
	if (ge_names_shared(cls))
		pthread_mutex_lock(&gl->share->lock);
}

static void unlock(struct ge_gl_state *gl, enum gl_name_class cls)
{
	if (ge_names_shared(cls))
		pthread_mutex_unlock(&gl->share->lock);
}

void gl_enc_names_gen(struct gl_enc *e, enum gl_name_class cls, uint32_t n, uint32_t *names)
{
	struct ge_gl_state *gl = e->gl;
	if (!gl || cls >= GL_NAMES_COUNT)
		return;
	lock(gl, cls);
	uint32_t *next = counter_of(gl, cls);
	for (uint32_t i = 0; i < n; i++) {
		uint32_t name;
		do
			name = ++*next;
		while (!name || taken(gl, cls, name));
		if (!ge_map_put(set_of(gl, cls), name, &present))
			gl_enc_error(e, GL_OUT_OF_MEMORY);
		names[i] = name;
	}
	unlock(gl, cls);
}

bool gl_enc_name_known(struct gl_enc *e, enum gl_name_class cls, uint32_t name)
{
	return ge_gl_name_known(e->gl, cls, name);
}

bool ge_gl_name_known(struct ge_gl_state *gl, enum gl_name_class cls, uint32_t name)
{
	if (!gl || cls >= GL_NAMES_COUNT || !name)
		return false;
	lock(gl, cls);
	bool known = ge_map_get(set_of(gl, cls), name) != NULL;
	unlock(gl, cls);
	return known;
}

void gl_enc_name_add(struct gl_enc *e, enum gl_name_class cls, uint32_t name)
{
	struct ge_gl_state *gl = e->gl;
	if (!gl || cls >= GL_NAMES_COUNT || !name)
		return;
	lock(gl, cls);
	if (!ge_map_put(set_of(gl, cls), name, &present))
		gl_enc_error(e, GL_OUT_OF_MEMORY);
	unlock(gl, cls);
}

bool gl_enc_compat(struct gl_enc *e)
{
	return e->gl && e->gl->api->level.api == GL_API_GL_COMPAT;
}

bool gl_enc_core(struct gl_enc *e)
{
	return e->gl && e->gl->api->level.api == GL_API_GL_CORE;
}

void gl_enc_name_remove(struct gl_enc *e, enum gl_name_class cls, uint32_t name)
{
	struct ge_gl_state *gl = e->gl;
	if (!gl || cls >= GL_NAMES_COUNT || !name)
		return;
	lock(gl, cls);
	ge_map_remove(set_of(gl, cls), name);
	unlock(gl, cls);
}
