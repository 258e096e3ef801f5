/*
 * The server attribute stack of the compatibility profile: glPopAttrib
 * restores texture bindings and the active unit (GL_TEXTURE_BIT) with no
 * glBindTexture or glActiveTexture going by, so what the library keeps of
 * them for direct state access (gl-dsa-tex.c) is stale after it. The library
 * then asks the host: the active unit at the next use, each unit's binding
 * at its first use (one round trip each), until the next glPopAttrib.
 * doc/desktop-gl-design.md ("State tracked behind the tracker's back").
 */
#include <stdint.h>

#include "gles-client.h"
#include "gles-codec.h"
#include "state.h"
#include "stream.h"

void gl_enc_hook_glPopAttrib(struct gl_enc *e)
{
	if (!ge_list_compiles(e->gl)) {
		e->gl->tex_stale = true;
		ge_restart_nv_stale(e->gl); /* GL_PRIMITIVE_RESTART's enable */
	}
}

void ge_tex_fresh(struct ge_gl_state *gl)
{
	if (!gl->tex_stale)
		return;
	gl->tex_stale = false;
	GLint active = GL_TEXTURE0;
	gl_enc_glGetIntegerv(GL_ACTIVE_TEXTURE, &active);
	/* A lost link answers 0: unit 0, as good as any. */
	gl->active_unit = active >= GL_TEXTURE0 ? (uint32_t)active - GL_TEXTURE0 : 0;
	ge_map_finish(&gl->tex_bound);
	ge_map_finish(&gl->tex_known);
	gl->tex_lazy = true;
}

/* The binding pname of a target gl-dsa-tex.c follows, 0 for another. */
static GLenum binding_of(GLenum target)
{
	switch (target) {
	case GL_TEXTURE_2D:
		return GL_TEXTURE_BINDING_2D;
	case GL_TEXTURE_3D:
		return GL_TEXTURE_BINDING_3D;
	case GL_TEXTURE_2D_ARRAY:
		return GL_TEXTURE_BINDING_2D_ARRAY;
	case GL_TEXTURE_CUBE_MAP:
		return GL_TEXTURE_BINDING_CUBE_MAP;
	case GL_TEXTURE_CUBE_MAP_ARRAY:
		return GL_TEXTURE_BINDING_CUBE_MAP_ARRAY;
	case GL_TEXTURE_2D_MULTISAMPLE:
		return GL_TEXTURE_BINDING_2D_MULTISAMPLE;
	case GL_TEXTURE_2D_MULTISAMPLE_ARRAY:
		return GL_TEXTURE_BINDING_2D_MULTISAMPLE_ARRAY;
	case GL_TEXTURE_BUFFER:
		return GL_TEXTURE_BINDING_BUFFER;
	case 0x84F5: /* GL_TEXTURE_RECTANGLE */
		return 0x84F6;
	case GL_TEXTURE_1D_DESKTOP:
		return GL_TEXTURE_BINDING_1D_DESKTOP;
	case GL_TEXTURE_1D_ARRAY_DESKTOP:
		return GL_TEXTURE_BINDING_1D_ARRAY_DESKTOP;
	}
	return 0;
}

void ge_tex_ask(struct ge_gl_state *gl, uint32_t unit, GLenum target, uint32_t key)
{
	GLenum pname = binding_of(target);
	if (!pname || ge_map_get(&gl->tex_known, key))
		return;
	uint32_t active = gl->active_unit;
	if (unit != active)
		gl_enc_glActiveTexture(GL_TEXTURE0 + unit);
	GLint name = 0;
	gl_enc_glGetIntegerv(pname, &name);
	if (unit != active)
		gl_enc_glActiveTexture(GL_TEXTURE0 + active);
	ge_map_put(&gl->tex_known, key, (void *)1);
	if (name)
		ge_map_put(&gl->tex_bound, key, (void *)(uintptr_t)(uint32_t)name);
	else
		ge_map_remove(&gl->tex_bound, key);
}
