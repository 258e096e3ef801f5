/*
 * GL_OES_framebuffer_object on OpenGL ES 1.1 links: its commands are checked as their
 * ES 2.0 twins are (the same name modes, hooks and guards).
 */
#include "gl-link.h"

/* glBindFramebuffer{,OES}(GL_FRAMEBUFFER, 50) with 50 never generated. */
static void bind_framebuffer_50(struct hl_gl_link *g, uint32_t op)
{
	hl_gl_cmd(g, op, 2, GL_FRAMEBUFFER, 50u);
	hl_gl_send(g, CH, 0);
}

/* The library generates a name on the host before glBind* may create it, so a bind of a
 * name never generated ends the link: on ES 2.0 through glBindFramebuffer, on ES 1.1
 * through glBindFramebufferOES, with the same log line but for the command's name. */
static bool gl_es1_bind_framebuffer_oes_of_a_name_never_generated(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	bind_framebuffer_50(&g, GLES_OP_glBindFramebuffer);
	CHECK(hl_refused(e, &g.l,
	                 "GL stream 1: glBindFramebuffer: framebuffer 50 was never generated"));
	CHECK(hl_gl_ready_es1(e, &g));
	bind_framebuffer_50(&g, GLES_OP_glBindFramebufferOES);
	return hl_refused(e, &g.l,
	                  "GL stream 1: glBindFramebufferOES: framebuffer 50 was never generated");
}

const struct hl_case hl_es1fbo_cases[] = {
        HL_CASE(gl_es1_bind_framebuffer_oes_of_a_name_never_generated),
};
const size_t hl_es1fbo_case_count = sizeof(hl_es1fbo_cases) / sizeof(hl_es1fbo_cases[0]);
