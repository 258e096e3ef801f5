/*
 * Programs deleted while in use. GL only flags a program deleted while it
 * is current in some context: its name stays valid (GL_DELETE_STATUS is
 * GL_TRUE, deleting it again does nothing) until no context has it
 * current. The library keeps the name as long, by the same rule as the
 * host (gpuhost/gl/program-use.c): each context's current program is the
 * one of the app's last glUseProgram run there (not one compiled in
 * GL_COMPILE mode; none once the context is destroyed, GL letting go of
 * it then as of a glUseProgram(0)), and the share group counts the
 * contexts that have each program current. (A glUseProgram GL refuses, or
 * a list that changes the program, leaves the driver's current program
 * another one: the name then outlives the driver's object, which the host
 * answers for as GL does for a deleted name.)
 */
#include <stdint.h>

#include <gpupipe/gl-codec.h>

#include "gles-client.h"
#include "gles-codec.h"
#include "state.h"
#include "stream.h"

#define COMPILE 0x1300u /* GL_COMPILE */

/* program_users' values: the count of contexts << 1 | flagged for deletion. */
#define FLAGGED ((uintptr_t)1)

static uintptr_t users(struct ge_share *s, uint32_t program)
{
	return (uintptr_t)ge_map_get(&s->program_users, program);
}

/* With the share group's lock held. */
static void set_users(struct ge_share *s, uint32_t program, uintptr_t v)
{
	if (v >> 1)
		ge_map_put(&s->program_users, program, (void *)v);
	else
		ge_map_remove(&s->program_users, program);
}

/* A context lets go of `old`, with the share group's lock held. */
static void let_go(struct ge_share *s, uint32_t old)
{
	uintptr_t v = users(s, old) - 2;
	set_users(s, old, v);
	/* The last context using it let it go: GL deletes it now. */
	if (!(v >> 1) && (v & FLAGGED)) {
		ge_map_remove(&s->names[GL_NAMES_PROGRAM], old);
		ge_program_names_drop(s, old);
		ge_attach_program_gone(s, old);
	}
}

void gl_enc_hook_glUseProgram(struct gl_enc *e, GLuint program)
{
	struct ge_gl_state *gl = e->gl;
	uint32_t old = gl->program;
	if (gl->list_mode == COMPILE || old == program)
		return;
	struct ge_share *s = gl->share;
	pthread_mutex_lock(&s->lock);
	bool room = true;
	if (program) {
		uintptr_t v = users(s, program) + 2;
		room = ge_map_put(&s->program_users, program, (void *)v);
	}
	if (room) {
		gl->program = program;
		if (old)
			let_go(s, old);
	}
	pthread_mutex_unlock(&s->lock);
	if (!room)
		gl_enc_error(e, GL_OUT_OF_MEMORY);
}

void ge_programs_context_gone(struct ge_gl_state *gl)
{
	uint32_t old = gl ? gl->program : 0;
	if (!old)
		return;
	struct ge_share *s = gl->share;
	pthread_mutex_lock(&s->lock);
	gl->program = 0;
	let_go(s, old);
	pthread_mutex_unlock(&s->lock);
}

void GL_APIENTRY gl_enc_special_glDeleteProgram(GLuint program)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glDeleteProgram);
	if (!e || !program)
		return;
	if (!gl_enc_name_known(e, GL_NAMES_PROGRAM, program)) {
		bool shader = gl_enc_name_known(e, GL_NAMES_SHADER, program);
		gl_enc_error(e, shader ? GL_INVALID_OPERATION : GL_INVALID_VALUE);
		return;
	}
	gl_enc_glDeleteProgram(program);
	struct ge_share *s = e->gl->share;
	pthread_mutex_lock(&s->lock);
	uintptr_t v = users(s, program);
	/* Deleted while current, it is still a program and its locations hold: what is
	 * kept of it goes with its name (let_go). */
	if (v) {
		set_users(s, program, v | FLAGGED);
	} else {
		ge_map_remove(&s->names[GL_NAMES_PROGRAM], program);
		ge_program_names_drop(s, program);
		ge_attach_program_gone(s, program);
	}
	pthread_mutex_unlock(&s->lock);
}
