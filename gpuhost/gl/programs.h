/*
 * Shaders and programs: the logs of the shaders glslang refused
 * (shader-refusals.c), shaders attached to programs (shader-attach.c),
 * program pipelines (pipelines.c), glUseProgram's and glLinkProgram's
 * bookkeeping (vertex.c, program-use.c) and a program's active names
 * (program-names.c).
 */
#ifndef GH_GL_PROGRAMS_H
#define GH_GL_PROGRAMS_H

#include <stdbool.h>
#include <stdint.h>
#include <GLES2/gl2.h>

struct gh_gl;
struct gh_gl_context;
struct gh_gl_program;
struct gh_gl_share;
struct gl_exec;
struct gl_reader;

/* A program pipeline (ES 3.1): the program of its vertex stage, which draws
 * with no program current read their attributes from. Per context. */
struct gh_gl_pipeline {
	uint32_t host;
	struct gh_gl_program *vertex; /* referenced; NULL: none */
};

/* ---- shader-refusals.c: the logs of the shaders glslang refused ---- */

/* glslang's log of the host's `shader`, NULL where it did not refuse its last compile. */
const char *gh_gl_shader_refusal(struct gh_gl_share *share, uint32_t shader);
/* Keeps `log` (malloc'd, taken) as glslang's refusal of `shader`; false when the link
 * ends (out of memory). */
bool gh_gl_shader_keep_refusal(struct gl_exec *x, uint32_t shader, char *log);
/* A shader host name was compiled again, deleted, handed out anew, or its share group
 * ends. */
void gh_gl_shader_forget(struct gh_gl_share *share, uint32_t host);
void gh_gl_shaders_finish(struct gh_gl_share *share);

/* ---- shader-attach.c: shaders attached to programs ---- */

/* The driver made shader `host` (a name hook): its record, with its type. */
bool gh_gl_shader_created(struct gl_exec *x, uint32_t host);
/* Whether the app deleted `app_shader` while it was attached (GL_DELETE_STATUS). */
bool gh_gl_shader_flagged(struct gh_gl_share *share, uint32_t app_shader);
/* The program's name went: its shaders are detached, each flagged one deleted with its
 * last attachment (by the driver where `driver`: a context of the group is current). */
void gh_gl_attach_program_gone(struct gh_gl *gl, struct gh_gl_share *share,
                               struct gh_gl_program *prog, bool driver);

/* ---- pipelines.c ---- */

/* The program whose vertex stage draws run: the current program, else the
 * bound pipeline's vertex program; NULL for none. */
struct gh_gl_program *gh_gl_vertex_program(struct gh_gl_context *ctx);
void gh_gl_pipeline_free(struct gh_gl_pipeline *pipe);

/* ---- vertex.c, program-use.c: glUseProgram and glLinkProgram ---- */

/* glUseProgram's and glLinkProgram's bookkeeping, before the real call. */
bool gh_gl_use_program(struct gl_exec *x, GLuint program, GLuint app_program);
/* program-use.c: the app's glUseProgram run (not compiled in GL_COMPILE mode)
 * makes app_program current in the context as the library sees it; a
 * program deleted meanwhile is forgotten when its last context lets it go. */
bool gh_gl_app_use_program(struct gl_exec *x, uint32_t app_program);
/* The context goes (its last reference, before the driver's context):
 * GL lets go of its program as a glUseProgram(0) would, and so does the
 * library when it destroys the context. */
void gh_gl_program_context_gone(struct gh_gl_context *ctx);
/* Before the driver's new program or shader `host` is recorded: a deleted
 * program whose name the library keeps (flagged) but whose driver object
 * went (its glUseProgram failed) may hold that name; it gets a stand-in. */
bool gh_gl_program_reused(struct gl_exec *x, uint32_t host);
bool gh_gl_link_program(struct gl_exec *x, GLuint program, GLuint app_program);

/* ---- program-names.c ---- */

/* GL_OP_PROGRAM_NAMES (program-names.c): a linked program's active names and their
 * locations. */
bool gh_gl_program_names(struct gl_exec *x, struct gl_reader *r);

#endif
