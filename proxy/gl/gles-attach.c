/*
 * Shaders attached to programs. GL only flags a shader deleted while it is
 * attached to a program: its name stays a shader's (glIsShader, glGetShaderiv
 * with GL_DELETE_STATUS GL_TRUE, glGetAttachedShaders lists it, glDetachShader
 * takes it, deleting it again does nothing) until it is detached from every
 * program, by glDetachShader or by the program's deletion, which waits while
 * the program is current in some context (gles-programs.c).
 *
 * The library keeps which shaders each program has attached, by GL's rules for
 * which glAttachShader holds, with no round trip: GL refuses a shader already
 * attached to the program, and OpenGL ES a second shader of a stage (ES 3.2
 * section 7.3; desktop GL takes any number). gpupipe-host keeps the same book
 * by the same rules (gpuhost/gl/shader-attach.c), so that both forget a name
 * at the same command, whatever the driver does.
 */
#include <stdint.h>
#include <stdlib.h>

#include <gpupipe/gl-api.h>
#include <gpupipe/gl-codec.h>

#include "gles-client.h"
#include "gles-codec.h"
#include "state.h"
#include "stream.h"

/* A shader's word in share->shaders, for those attached or deleted while
 * attached: FLAGGED once deleted while attached, and HOLD times the programs
 * it is attached to. A shader's type is its value in the share group's set
 * of shader names (state.h). */
#define TYPE_MASK 0xffffu
#define FLAGGED ((uintptr_t)1)
#define HOLD ((uintptr_t)2)

/* share->attached's values: the shaders attached to a program, in no order. */
struct ge_attached {
	uint32_t n, cap;
	uint32_t shaders[];
};

static uintptr_t word(struct ge_share *s, uint32_t shader)
{
	return (uintptr_t)ge_map_get(&s->shaders, shader);
}

/* GL's shader types are below 0x10000; a name set by anything but
 * glCreateShader's hook holds names.c's marker, an address above. */
static uint32_t type_of(struct ge_share *s, uint32_t shader)
{
	uintptr_t v = (uintptr_t)ge_map_get(&s->names[GL_NAMES_SHADER], shader);
	return v <= TYPE_MASK ? (uint32_t)v : 0;
}

/* The shader's name goes, with the share group's lock held. */
static void forget(struct ge_share *s, uint32_t shader)
{
	ge_map_remove(&s->shaders, shader);
	ge_map_remove(&s->names[GL_NAMES_SHADER], shader);
}

/* A program lets go of `shader`, with the share group's lock held: a flagged
 * shader's last attachment deletes it. */
static void release(struct ge_share *s, uint32_t shader)
{
	uintptr_t w = word(s, shader);
	if (w < HOLD)
		return;
	w -= HOLD;
	if (w == FLAGGED)
		forget(s, shader);
	else if (w)
		ge_map_put(&s->shaders, shader, (void *)w); /* a replacement: cannot fail */
	else
		ge_map_remove(&s->shaders, shader);
}

/* The type goes where the name is, a replacement in the map (map.h): it
 * cannot fail for want of memory. */
void gl_enc_hook_glCreateShader(struct gl_enc *e, GLenum type, GLuint name)
{
	struct ge_share *s = e->gl->share;
	pthread_mutex_lock(&s->lock);
	if (name && ge_map_get(&s->names[GL_NAMES_SHADER], name))
		ge_map_put(&s->names[GL_NAMES_SHADER], name, (void *)(uintptr_t)(type & TYPE_MASK));
	pthread_mutex_unlock(&s->lock);
}

enum attach { ATTACHED, REFUSED, NO_ROOM };

/* Records `shader` attached to `program` where GL attaches it, with the share
 * group's lock held. */
static enum attach attach(struct ge_share *s, uint32_t program, uint32_t shader, bool es)
{
	uint32_t type = type_of(s, shader);
	struct ge_attached *a = ge_map_get(&s->attached, program);
	for (uint32_t i = 0; a && i < a->n; i++)
		if (a->shaders[i] == shader || (es && type_of(s, a->shaders[i]) == type))
			return REFUSED;
	if (!a || a->n == a->cap) {
		uint32_t cap = a ? a->cap * 2 : 4;
		struct ge_attached *bigger =
		        cap ? realloc(a, sizeof(*a) + (size_t)cap * sizeof(a->shaders[0])) : NULL;
		if (!bigger)
			return NO_ROOM;
		if (!a)
			bigger->n = 0;
		bigger->cap = cap;
		a = bigger;
		/* A replacement when the list was there (it may have moved): cannot fail. */
		if (!ge_map_put(&s->attached, program, a)) {
			free(a);
			return NO_ROOM;
		}
	}
	if (!ge_map_put(&s->shaders, shader, (void *)(word(s, shader) + HOLD)))
		return NO_ROOM;
	a->shaders[a->n++] = shader;
	return ATTACHED;
}

/* Takes back the attachment attach() recorded last, with the share group's lock held. */
static void unattach(struct ge_share *s, uint32_t program, uint32_t shader)
{
	struct ge_attached *a = ge_map_get(&s->attached, program);
	if (a && a->n && a->shaders[a->n - 1] == shader) {
		a->n--;
		release(s, shader);
	}
}

/* A command of two names, where the generic encoder would check them again. */
static bool send_names(struct gl_enc *e, uint32_t op, uint32_t a, uint32_t b, bool two)
{
	uint8_t *p = gl_enc_begin(e, op, two ? 8 : 4);
	if (!p)
		return false;
	p = gles_wr_u32(p, a);
	if (two)
		gles_wr_u32(p, b);
	gl_enc_end(e);
	return true;
}

/* The book changes before the command is sent, under one hold of the lock
 * with the check of the names: two threads that race on one object (which
 * GL leaves to the app to order) still leave the book as GL would. */
void GL_APIENTRY gl_enc_special_glAttachShader(GLuint program, GLuint shader)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glAttachShader);
	if (!e)
		return;
	struct ge_share *s = e->gl->share;
	bool es = !gl_api_desktop(e->gl->api->level.api);
	pthread_mutex_lock(&s->lock);
	bool known = ge_map_get(&s->names[GL_NAMES_PROGRAM], program) &&
	             ge_map_get(&s->names[GL_NAMES_SHADER], shader);
	enum attach r = known ? attach(s, program, shader, es) : REFUSED;
	pthread_mutex_unlock(&s->lock);
	/* Names GL refuses: the plain encoder raises GL's error and sends nothing. */
	if (!known) {
		gl_enc_glAttachShader(program, shader);
		return;
	}
	if (r == NO_ROOM) {
		gl_enc_error(e, GL_OUT_OF_MEMORY);
		return;
	}
	/* A refused one too: the host's driver raises GL's error for it. */
	if (send_names(e, GLES_OP_glAttachShader, program, shader, true) || r != ATTACHED)
		return;
	pthread_mutex_lock(&s->lock);
	unattach(s, program, shader);
	pthread_mutex_unlock(&s->lock);
}

void gl_enc_hook_glDetachShader(struct gl_enc *e, GLuint program, GLuint shader)
{
	struct ge_share *s = e->gl->share;
	pthread_mutex_lock(&s->lock);
	struct ge_attached *a = ge_map_get(&s->attached, program);
	for (uint32_t i = 0; a && i < a->n; i++) {
		if (a->shaders[i] != shader)
			continue;
		a->shaders[i] = a->shaders[--a->n];
		release(s, shader);
		break;
	}
	pthread_mutex_unlock(&s->lock);
}

void GL_APIENTRY gl_enc_special_glDeleteShader(GLuint shader)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glDeleteShader);
	if (!e || !shader)
		return;
	struct ge_share *s = e->gl->share;
	pthread_mutex_lock(&s->lock);
	uintptr_t w = word(s, shader);
	bool known = ge_map_get(&s->names[GL_NAMES_SHADER], shader) != NULL;
	/* Deleted again while attached: GL does nothing. */
	bool again = known && (w & FLAGGED);
	if (known && !again) {
		if (w >= HOLD)
			ge_map_put(&s->shaders, shader, (void *)(w | FLAGGED)); /* a replacement */
		else
			forget(s, shader);
	}
	pthread_mutex_unlock(&s->lock);
	/* Not a shader's name: the plain encoder raises GL's error and sends nothing. */
	if (!known)
		gl_enc_glDeleteShader(shader);
	else if (!again)
		send_names(e, GLES_OP_glDeleteShader, shader, 0, false);
}

void ge_attach_program_gone(struct ge_share *s, uint32_t program)
{
	struct ge_attached *a = ge_map_remove(&s->attached, program);
	for (uint32_t i = 0; a && i < a->n; i++)
		release(s, a->shaders[i]);
	free(a);
}

static void free_attached(uint32_t program, void *val, void *data)
{
	free(val);
}

void ge_attach_free(struct ge_share *s)
{
	ge_map_for_each(&s->attached, free_attached, NULL);
	ge_map_finish(&s->attached);
	ge_map_finish(&s->shaders);
}
