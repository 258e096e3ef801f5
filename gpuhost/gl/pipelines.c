/*
 * Program pipelines (OpenGL ES 3.1 separate shader objects), per context.
 *
 * With no program current (glUseProgram), a draw runs the bound
 * pipeline's stages: its attributes are those the pipeline's vertex
 * program reads, and draw.c checks them as for a current program. Each
 * pipeline record holds its vertex program (a deleted program lives on
 * while a pipeline uses it, as in GL). glUseProgramStages is recorded as
 * GL took it: the driver's answer, then its vertex stage asked back.
 */
#include <stdlib.h>

#include <gpupipe/log.h>

#include "context.h"
#include "gles-codec.h"
#include "map.h"
#include "programs.h"
#include "quota.h"
#include "records.h"
#include "stream.h"

struct gh_gl_program *gh_gl_vertex_program(struct gh_gl_context *ctx)
{
	if (ctx->program)
		return ctx->program;
	return ctx->pipeline ? ctx->pipeline->vertex : NULL;
}

void gh_gl_pipeline_free(struct gh_gl_pipeline *pipe)
{
	if (!pipe)
		return;
	gh_gl_program_unref(pipe->vertex);
	free(pipe);
}

static struct gh_gl_pipeline *pipeline(struct gl_exec *x, GLuint host, GLuint app)
{
	struct gh_gl_pipeline *pipe = gh_gl_map_get_ptr(&x->ctx->pipelines, host);
	if (!pipe)
		gh_gl_fail(x, "program pipeline %u has no host object", app);
	return pipe;
}

bool gl_exec_hook_glBindProgramPipeline(struct gl_exec *x, GLuint host, GLuint app)
{
	struct gh_gl_pipeline *pipe = NULL;
	if (host && !(pipe = pipeline(x, host, app)))
		return false;
	x->ctx->pipeline = pipe;
	return true;
}

/* GL's functions of glUseProgramStages: ES 3.1's or GL_EXT_separate_shader_objects'. */
struct stage_fns {
	PFNGLUSEPROGRAMSTAGESPROC use;
	PFNGLGETPROGRAMPIPELINEIVPROC get;
};

static bool use_stages(struct gl_exec *x, const struct stage_fns *fn, GLuint host,
                       GLbitfield stages, GLuint program, GLuint app, GLuint app_program)
{
	struct gh_gl_pipeline *pipe = pipeline(x, host, app);
	if (!pipe)
		return false;
	struct gh_gl_program *prog = NULL;
	if (program && !(prog = gh_gl_map_get_ptr(&x->ctx->share->programs, program)))
		return gh_gl_fail(x, "program %u has no host object", app_program);
	/* Its last link was refused here (shaders.c): GL refuses a program
	 * whose last link failed, though the driver may still hold the
	 * executable of an earlier one. */
	if (prog && prog->link_log) {
		gh_gl_error_record(x->ctx, GL_INVALID_OPERATION);
		return true;
	}
	gh_gl_errors_stash(x->ctx);
	fn->use(host, stages, program);
	if (gh_gl_command_failed(x->ctx) || !(stages & GL_VERTEX_SHADER_BIT))
		return true;
	/* A program without a vertex stage leaves the pipeline none. */
	GLint vertex = 0;
	fn->get(host, GL_VERTEX_SHADER, &vertex);
	struct gh_gl_program *now = NULL;
	if (vertex) {
		if ((GLuint)vertex != program || !prog)
			return gh_gl_fail(x, "the host's pipeline %u runs program %d, not %u", app,
			                  vertex, program);
		now = prog;
		now->refs++;
		/* Its relinks may change what a draw through here reads while
		 * the pipeline runs the old executable (vertex.c). */
		now->in_pipeline = true;
	}
	gh_gl_program_unref(pipe->vertex);
	pipe->vertex = now;
	return true;
}

bool gl_exec_wrap_glUseProgramStages(struct gl_exec *x, GLuint host, GLbitfield stages,
                                     GLuint program, GLuint app, GLuint app_program)
{
	struct stage_fns fn = {gles_host.glUseProgramStages, gles_host.glGetProgramPipelineiv};
	return use_stages(x, &fn, host, stages, program, app, app_program);
}

/* GL_EXT_separate_shader_objects: ES 2's names of the same pipelines. */
bool gl_exec_wrap_glUseProgramStagesEXT(struct gl_exec *x, GLuint host, GLbitfield stages,
                                        GLuint program, GLuint app, GLuint app_program)
{
	struct stage_fns fn = {gles_host.glUseProgramStagesEXT,
	                       gles_host.glGetProgramPipelineivEXT};
	return use_stages(x, &fn, host, stages, program, app, app_program);
}

bool gl_exec_hook_glBindProgramPipelineEXT(struct gl_exec *x, GLuint host, GLuint app)
{
	return gl_exec_hook_glBindProgramPipeline(x, host, app);
}

static bool is_stage(GLenum pname)
{
	switch (pname) {
	case GL_ACTIVE_PROGRAM:
	case GL_VERTEX_SHADER:
	case GL_FRAGMENT_SHADER:
	case GL_COMPUTE_SHADER:
	case GL_GEOMETRY_SHADER:
	case GL_TESS_CONTROL_SHADER:
	case GL_TESS_EVALUATION_SHADER:
		return true;
	}
	return false;
}

/* Stages answer with the app's program names. */
bool gl_exec_wrap_glGetProgramPipelineiv(struct gl_exec *x, GLuint host, GLenum pname,
                                         GLint *params, GLuint app)
{
	gles_host.glGetProgramPipelineiv(host, pname, params);
	if (is_stage(pname))
		params[0] = (GLint)gh_gl_reverse(x, GL_NAMES_PROGRAM, (uint32_t)params[0]);
	return true;
}

bool gl_exec_wrap_glGetProgramPipelineivEXT(struct gl_exec *x, GLuint host, GLenum pname,
                                            GLint *params, GLuint app)
{
	gles_host.glGetProgramPipelineivEXT(host, pname, params);
	if (is_stage(pname))
		params[0] = (GLint)gh_gl_reverse(x, GL_NAMES_PROGRAM, (uint32_t)params[0]);
	return true;
}
