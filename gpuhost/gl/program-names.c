/*
 * GL_OP_PROGRAM_NAMES (gl-stream.h): a linked program's active uniform or attribute names,
 * each with the location this driver gives that very name, so that the library answers
 * glGetUniformLocation and glGetAttribLocation of those names without a round trip until
 * the program is linked again (issue 10: replies answered locally wherever that is exact).
 * Each location is the driver's own answer to the same string after the same link, not
 * a rule of ours: what the library answers from it is what the driver would have said.
 *
 * The queries raise no GL error on a linked program; the app's errors the driver holds
 * are moved aside first (gh_gl_errors_stash), so that any the queries raised are theirs
 * and go.
 */
#include <stdlib.h>
#include <string.h>

#include "context.h"
#include "gles-codec.h"
#include "map.h"
#include "programs.h"
#include "quota.h"
#include "records.h"
#include "stream.h"

/* Adds one entry (location, then the name as a blob) at *at; false when it would pass
 * GL_PROGRAM_NAMES_MAX_BYTES. */
static bool add(uint8_t *out, uint32_t *at, const char *name, uint32_t len, GLint location)
{
	uint32_t need = 4 + 4 + ((len + 3u) & ~3u);
	if (need > GL_PROGRAM_NAMES_MAX_BYTES - *at)
		return false;
	uint8_t *p = out + *at;
	int32_t loc = location;
	memcpy(p, &loc, 4);
	memcpy(p + 4, &len, 4);
	memcpy(p + 8, name, len);
	memset(p + 8 + len, 0, need - 8 - len);
	*at += need;
	return true;
}

/* The entries of `program` (host name, linked) into out; the status. */
static uint32_t collect(GLuint program, uint32_t kind, uint8_t *out, uint32_t *bytes,
                        uint32_t *count)
{
	bool uniforms = kind == GL_PROGRAM_NAMES_UNIFORMS;
	GLint n = 0, max_len = 0;
	gles_host.glGetProgramiv(program, uniforms ? GL_ACTIVE_UNIFORMS : GL_ACTIVE_ATTRIBUTES, &n);
	gles_host.glGetProgramiv(
	        program, uniforms ? GL_ACTIVE_UNIFORM_MAX_LENGTH : GL_ACTIVE_ATTRIBUTE_MAX_LENGTH,
	        &max_len);
	if (n <= 0)
		return GL_PROGRAM_NAMES_OK;
	if (max_len <= 0 || max_len > (GLint)GL_PROGRAM_NAMES_MAX_BYTES)
		return GL_PROGRAM_NAMES_TOO_MANY;
	char *name = malloc((size_t)max_len + 1);
	if (!name)
		return GL_PROGRAM_NAMES_TOO_MANY;
	uint32_t status = GL_PROGRAM_NAMES_OK;
	for (GLint i = 0; i < n && status == GL_PROGRAM_NAMES_OK; i++) {
		GLsizei len = 0;
		GLint size = 0;
		GLenum type = 0;
		name[0] = 0;
		/* Room for one byte more than the driver said a name takes: a name that
		 * fills it was cut short, and a list without it would make the library
		 * answer -1 for an active variable. */
		if (uniforms)
			gles_host.glGetActiveUniform(program, (GLuint)i, max_len + 1, &len, &size,
			                             &type, name);
		else
			gles_host.glGetActiveAttrib(program, (GLuint)i, max_len + 1, &len, &size,
			                            &type, name);
		if (len <= 0 || len >= max_len) {
			status = GL_PROGRAM_NAMES_TOO_MANY;
			break;
		}
		name[len] = 0;
		GLint (*locate)(GLuint, const GLchar *) =
		        uniforms ? gles_host.glGetUniformLocation : gles_host.glGetAttribLocation;
		if (!add(out, bytes, name, (uint32_t)len, locate(program, name))) {
			status = GL_PROGRAM_NAMES_TOO_MANY;
			break;
		}
		++*count;
		/* An array is listed as "a[0]"; "a" names its first element too. */
		if (len > 3 && strcmp(name + len - 3, "[0]") == 0) {
			name[len - 3] = 0;
			if (!add(out, bytes, name, (uint32_t)len - 3, locate(program, name)))
				status = GL_PROGRAM_NAMES_TOO_MANY;
			else
				++*count;
		}
	}
	free(name);
	return status;
}

bool gh_gl_program_names(struct gl_exec *x, struct gl_reader *r)
{
	struct gl_op_program_names op;
	gl_rd_struct(r, &op, sizeof(op));
	if (!gh_gl_reader_done(x, r))
		return false;
	if (op.kind != GL_PROGRAM_NAMES_UNIFORMS && op.kind != GL_PROGRAM_NAMES_ATTRIBUTES)
		return gh_gl_fail(x, "program names of kind %u", op.kind);
	if (!gl_exec_context_has(x, GLES_OP_glGetUniformLocation))
		return gh_gl_fail(x, "program names asked in a context without programs");
	GLuint host = 0;
	if (!gl_exec_map_query(x, GL_NAMES_PROGRAM, op.program, &host))
		return false;
	struct gh_gl_program *prog =
	        host ? gh_gl_map_get_ptr(&x->ctx->share->programs, host) : NULL;
	uint32_t status = prog ? GL_PROGRAM_NAMES_OK : GL_PROGRAM_NAMES_UNKNOWN;
	/* glslang refused its last link: GL_LINK_STATUS is GL_FALSE to the app, whatever
	 * the driver still holds (shaders.c). */
	if (prog && prog->link_log)
		status = GL_PROGRAM_NAMES_UNLINKED;
	uint8_t *entries = NULL;
	uint32_t bytes = 0, count = 0;
	if (status == GL_PROGRAM_NAMES_OK) {
		gh_gl_errors_stash(x->ctx);
		GLint linked = GL_FALSE;
		gles_host.glGetProgramiv(host, GL_LINK_STATUS, &linked);
		entries = linked ? malloc(GL_PROGRAM_NAMES_MAX_BYTES) : NULL;
		if (!linked)
			status = GL_PROGRAM_NAMES_UNLINKED;
		else if (!entries)
			status = GL_PROGRAM_NAMES_TOO_MANY;
		else
			status = collect(host, op.kind, entries, &bytes, &count);
		/* Raised by these queries, not by the app's commands: they go. */
		for (int i = 0; i < 8 && gles_host.glGetError() != GL_NO_ERROR; i++)
			;
	}
	if (status != GL_PROGRAM_NAMES_OK)
		bytes = count = 0;
	struct gl_reply_program_names reply = {
	        .status = status, .count = count, .links = prog ? prog->links : 0};
	uint8_t *p = gl_exec_reply(x, (uint32_t)sizeof(reply) + bytes);
	if (p) {
		memcpy(p, &reply, sizeof(reply));
		if (bytes)
			memcpy(p + sizeof(reply), entries, bytes);
	}
	free(entries);
	return p != NULL;
}
