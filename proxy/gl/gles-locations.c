/*
 * glGetUniformLocation and glGetAttribLocation without a round trip where that is exact
 * (issue 10). An app looks each location up once per name and program, at set-up or, as
 * libmatrix does in glmark2's `ideas`, the first time a frame uses it: each was a round
 * trip. The first lookup of a kind on a linked program asks the host for every active name
 * with the location its driver gives that very name (GL_OP_PROGRAM_NAMES); later lookups
 * of exactly one of those names are answered here, and so is a plain name (no "[", no
 * ".") that is not among them: -1, as GL answers a name that is no active variable (the
 * list holds every active one, and an array's name without its "[0]"). Any other name (an
 * element "a[2]", a member "s.f" the list lacks) goes to the host as before, so nothing is
 * answered that GL would answer otherwise.
 *
 * Locations are fixed from a link until the next: what is kept is forgotten at glLinkProgram,
 * and goes with the program's name when it is deleted (a program deleted while current is
 * still one, with its locations; the library gives no name twice, so a record never
 * outlives its program). A program that is not linked gets nothing kept, and its lookups
 * go to the host, which raises GL's error. Programs are their share group's, and so is what
 * is kept. A link queued on one context's stream may not have run on the host when another
 * context asks for the names (the streams reach the host in no order with each other): the
 * host says how many links of the program it has run, and the names are kept only where
 * that is as many as the library sent (`links`); else the next lookup asks again.
 */
#include <stdlib.h>
#include <string.h>

#include "gles-client.h"
#include "gles-codec.h"
#include "state.h"
#include "stream.h"

struct ge_location {
	char *name;
	int32_t location;
};

/* One program's names, per kind (enum gl_program_names_kind). */
struct ge_program_names {
	uint32_t links; /* glLinkProgram commands the library sent for it */
	struct {
		bool asked;  /* the host was asked since the last link */
		bool linked; /* and answered with the names (else: ask name by name) */
		struct ge_location *entries;
		uint32_t n;
	} kind[2];
};

static void forget_kinds(struct ge_program_names *p)
{
	for (int k = 0; k < 2; k++) {
		for (uint32_t i = 0; i < p->kind[k].n; i++)
			free(p->kind[k].entries[i].name);
		free(p->kind[k].entries);
		p->kind[k].entries = NULL;
		p->kind[k].n = 0;
		p->kind[k].asked = p->kind[k].linked = false;
	}
}

static void free_names(struct ge_program_names *p)
{
	forget_kinds(p);
	free(p);
}

static void free_entry(uint32_t key, void *val, void *data)
{
	free_names(val);
}

void ge_program_names_drop(struct ge_share *s, uint32_t program)
{
	struct ge_program_names *p = ge_map_remove(&s->program_names, program);
	if (p)
		free_names(p);
}

void ge_program_names_free(struct ge_share *s)
{
	ge_map_for_each(&s->program_names, free_entry, NULL);
	ge_map_finish(&s->program_names);
}

/* The reply's entries, checked against its size; NULL (n 0) for none or a reply that does
 * not hold them (the lookups then go to the host). */
static struct ge_location *parse(const uint8_t *reply, uint32_t size, uint32_t *n)
{
	struct gl_reply_program_names head;
	*n = 0;
	if (!reply || size < sizeof(head))
		return NULL;
	memcpy(&head, reply, sizeof(head));
	if (head.status != GL_PROGRAM_NAMES_OK || !head.count ||
	    head.count > (size - sizeof(head)) / 8)
		return NULL;
	/* Entries are a location and a blob, each at least 8 bytes. */
	struct ge_location *out = calloc(head.count, sizeof(*out));
	uint32_t at = sizeof(head), i = 0;
	for (; out && i < head.count; i++) {
		uint32_t len;
		if (size - at < 8)
			break;
		memcpy(&out[i].location, reply + at, 4);
		memcpy(&len, reply + at + 4, 4);
		at += 8;
		if (len > size - at || ((len + 3u) & ~3u) > size - at ||
		    !(out[i].name = malloc(len + 1)))
			break;
		memcpy(out[i].name, reply + at, len);
		out[i].name[len] = 0;
		at += (len + 3u) & ~3u;
	}
	if (out && i == head.count) {
		*n = i;
		return out;
	}
	for (uint32_t j = 0; out && j < i; j++)
		free(out[j].name);
	free(out);
	return NULL;
}

/* Asks the host for the names of `kind`; share group unlocked. */
static void ask(struct gl_enc *e, uint32_t program, uint32_t kind)
{
	struct gl_op_program_names op = {.program = program, .kind = kind};
	uint32_t size = 0, n = 0;
	const uint8_t *reply = NULL;
	if (ge_stream_op(e, GL_OP_PROGRAM_NAMES, &op, sizeof(op)))
		reply = gl_enc_reply(e, GL_OP_PROGRAM_NAMES, &size);
	struct ge_location *entries = reply ? parse(reply, size, &n) : NULL;
	struct gl_reply_program_names head = {.status = GL_PROGRAM_NAMES_UNKNOWN};
	if (reply && size >= sizeof(head))
		memcpy(&head, reply, sizeof(head));
	struct ge_share *s = e->gl->share;
	pthread_mutex_lock(&s->lock);
	struct ge_program_names *p = ge_map_get(&s->program_names, program);
	/* An answer of another link than the library's last is not kept: not asked, the
	 * next lookup asks again. */
	if (p && !p->kind[kind].asked && head.links == p->links) {
		p->kind[kind].asked = true;
		p->kind[kind].linked =
		        head.status == GL_PROGRAM_NAMES_OK && (entries || !head.count);
		p->kind[kind].entries = p->kind[kind].linked ? entries : NULL;
		p->kind[kind].n = p->kind[kind].linked ? n : 0;
		if (p->kind[kind].linked)
			entries = NULL;
	}
	pthread_mutex_unlock(&s->lock);
	for (uint32_t i = 0; entries && i < n; i++)
		free(entries[i].name);
	free(entries);
}

/* The location kept for `name`, if any: true and *location set. */
static bool kept(struct ge_share *s, uint32_t program, uint32_t kind, const char *name,
                 int32_t *location, bool *asked)
{
	struct ge_program_names *p = ge_map_get(&s->program_names, program);
	if (!p) {
		p = calloc(1, sizeof(*p));
		if (!p || !ge_map_put(&s->program_names, program, p)) {
			free(p);
			*asked = true; /* no room to keep any: ask name by name */
			return false;
		}
	}
	*asked = p->kind[kind].asked;
	if (!p->kind[kind].linked)
		return false;
	for (uint32_t i = 0; i < p->kind[kind].n; i++) {
		if (strcmp(p->kind[kind].entries[i].name, name) == 0) {
			*location = p->kind[kind].entries[i].location;
			return true;
		}
	}
	/* No active variable has this name. */
	if (!strpbrk(name, "[.")) {
		*location = -1;
		return true;
	}
	return false;
}

/* The answer without a round trip, where one is kept (true, *location set). */
static bool answer(struct gl_enc *e, uint32_t program, uint32_t kind, const char *name,
                   int32_t *location)
{
	if (!program || !name || !gl_enc_name_known(e, GL_NAMES_PROGRAM, program))
		return false;
	struct ge_share *s = e->gl->share;
	bool asked = false;
	pthread_mutex_lock(&s->lock);
	bool found = kept(s, program, kind, name, location, &asked);
	pthread_mutex_unlock(&s->lock);
	if (found || asked)
		return found;
	ask(e, program, kind);
	pthread_mutex_lock(&s->lock);
	found = kept(s, program, kind, name, location, &asked);
	pthread_mutex_unlock(&s->lock);
	return found;
}

/* The host's answer, or -1 where `program` is no program the library knows: the encoder
 * recorded GL's error (GL_INVALID_VALUE, or GL_INVALID_OPERATION for a shader) and sent
 * nothing, and GL answers -1 then. */
static GLint host_answer(struct gl_enc *e, GLuint program, GLint answer)
{
	return program && gl_enc_name_known(e, GL_NAMES_PROGRAM, program) ? answer : -1;
}

GLint GL_APIENTRY gl_enc_special_glGetUniformLocation(GLuint program, const GLchar *name)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glGetUniformLocation);
	int32_t location;
	if (!e)
		return -1;
	if (answer(e, program, GL_PROGRAM_NAMES_UNIFORMS, name, &location))
		return location;
	return host_answer(e, program, gl_enc_glGetUniformLocation(program, name));
}

GLint GL_APIENTRY gl_enc_special_glGetAttribLocation(GLuint program, const GLchar *name)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glGetAttribLocation);
	int32_t location;
	if (!e)
		return -1;
	if (answer(e, program, GL_PROGRAM_NAMES_ATTRIBUTES, name, &location))
		return location;
	return host_answer(e, program, gl_enc_glGetAttribLocation(program, name));
}

void gl_enc_hook_glLinkProgram(struct gl_enc *e, GLuint program)
{
	struct ge_share *s = e->gl->share;
	pthread_mutex_lock(&s->lock);
	struct ge_program_names *p = program ? ge_map_get(&s->program_names, program) : NULL;
	if (!p && program && (p = calloc(1, sizeof(*p))) &&
	    !ge_map_put(&s->program_names, program, p)) {
		free(p);
		p = NULL;
	}
	if (p) {
		p->links++;
		forget_kinds(p);
	}
	pthread_mutex_unlock(&s->lock);
}
