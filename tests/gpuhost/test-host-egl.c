/*
 * gpuhost/egl/ on its own: which display a link process opens, that what it
 * opened is closed again, and that what is current is switched only when it
 * must be. On the host's real EGL (llvmpipe here, surfaceless); a machine
 * whose EGL renders nothing skips (77). Each case is one meson test; the
 * program takes the case's name.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "host-egl.h"

#define SKIP 77

static bool closed(const struct gh_egl *egl)
{
	CHECK(egl->dpy == EGL_NO_DISPLAY, "the display is still set");
	CHECK(egl->drm_fd == -1, "the render node fd %d is still set", egl->drm_fd);
	CHECK(!egl->gbm, "the GBM device is still set");
	CHECK(!egl->dmabuf, "dmabufs are still offered");
	CHECK(egl->cur_ctx == EGL_NO_CONTEXT && egl->cur_draw == EGL_NO_SURFACE &&
	              egl->cur_read == EGL_NO_SURFACE,
	      "something is still recorded current");
	return true;
}

/* Opens a display (the render node only when use_render_node), runs
 * `body` on it, closes it and checks that nothing is left: 0, 1, or 77
 * where no display renders GLES here. */
static int with_display(bool use_render_node, bool (*body)(struct gh_egl *egl))
{
	struct gh_egl egl;
	if (!gh_egl_open(&egl, use_render_node)) {
		fprintf(stderr, "skipped: no host EGL display renders GLES here\n");
		return SKIP;
	}
	bool ok = body(&egl);
	gh_egl_close(&egl);
	return ok && closed(&egl) ? 0 : 1;
}

static bool holds_no_node(struct gh_egl *egl)
{
	CHECK(!egl->dmabuf && egl->drm_fd == -1 && !egl->gbm,
	      "the display holds a node: fd %d, gbm %p, dmabuf %d", egl->drm_fd, (void *)egl->gbm,
	      egl->dmabuf);
	return true;
}

/* Without the render node: frames through shm, no node held. */
static int display_without_a_node_holds_none(void)
{
	return with_display(false, holds_no_node);
}

/* GPUPIPE_RENDER_NODE naming a node that cannot be opened: the shm path,
 * with nothing of the attempt left open. */
static int node_that_cannot_open_falls_back_to_shm(void)
{
	setenv("GPUPIPE_RENDER_NODE", "/nonexistent/renderD128", 1);
	return with_display(true, holds_no_node);
}

/* GPUPIPE_RENDER_NODE=none: never the dmabuf path, even if the machine has a node. */
static int node_none_forces_shm(void)
{
	setenv("GPUPIPE_RENDER_NODE", "none", 1);
	return with_display(true, holds_no_node);
}

/* A GLES 2 context and a 4x4 pbuffer of one config on `egl`. */
static bool make_objects(struct gh_egl *egl, EGLContext *ctx, EGLSurface *surf)
{
	static const EGLint config_attribs[] = {EGL_SURFACE_TYPE, EGL_PBUFFER_BIT,
	                                        EGL_RENDERABLE_TYPE, EGL_OPENGL_ES2_BIT, EGL_NONE};
	static const EGLint ctx_attribs[] = {EGL_CONTEXT_CLIENT_VERSION, 2, EGL_NONE};
	static const EGLint surf_attribs[] = {EGL_WIDTH, 4, EGL_HEIGHT, 4, EGL_NONE};
	EGLConfig config;
	EGLint n = 0;
	CHECK(eglChooseConfig(egl->dpy, config_attribs, &config, 1, &n) && n == 1,
	      "no GLES 2 pbuffer config");
	*ctx = eglCreateContext(egl->dpy, config, EGL_NO_CONTEXT, ctx_attribs);
	CHECK(*ctx != EGL_NO_CONTEXT, "eglCreateContext: 0x%x", eglGetError());
	*surf = eglCreatePbufferSurface(egl->dpy, config, surf_attribs);
	CHECK(*surf != EGL_NO_SURFACE, "eglCreatePbufferSurface: 0x%x", eglGetError());
	return true;
}

static bool current_is(const struct gh_egl *egl, EGLContext ctx, EGLSurface surf)
{
	CHECK(egl->cur_ctx == ctx && egl->cur_draw == surf && egl->cur_read == surf,
	      "recorded current: %p %p %p", egl->cur_ctx, egl->cur_draw, egl->cur_read);
	CHECK(eglGetCurrentContext() == ctx, "EGL's current context is %p, not %p",
	      eglGetCurrentContext(), ctx);
	CHECK(eglGetCurrentSurface(EGL_DRAW) == surf, "EGL's draw surface is %p, not %p",
	      eglGetCurrentSurface(EGL_DRAW), surf);
	return true;
}

static bool release_only_what_is_current(struct gh_egl *egl)
{
	EGLContext ctx, other_ctx;
	EGLSurface surf, other_surf;
	if (!make_objects(egl, &ctx, &surf) || !make_objects(egl, &other_ctx, &other_surf))
		return false;
	CHECK(gh_egl_make_current(egl, ctx, surf, surf), "make current: 0x%x", eglGetError());
	if (!current_is(egl, ctx, surf))
		return false;
	/* The same again: nothing to do, and nothing undone. */
	CHECK(gh_egl_make_current(egl, ctx, surf, surf), "make current again");
	if (!current_is(egl, ctx, surf))
		return false;
	/* Objects that are not current going away leave the binding alone. */
	gh_egl_release(egl, other_ctx, other_surf);
	gh_egl_release(egl, EGL_NO_CONTEXT, EGL_NO_SURFACE);
	if (!current_is(egl, ctx, surf))
		return false;
	/* The current surface going away releases everything. */
	gh_egl_release(egl, EGL_NO_CONTEXT, surf);
	if (!current_is(egl, EGL_NO_CONTEXT, EGL_NO_SURFACE))
		return false;
	/* And the current context going away does too. */
	CHECK(gh_egl_make_current(egl, ctx, EGL_NO_SURFACE, EGL_NO_SURFACE) || !egl->surfaceless,
	      "surfaceless make current: 0x%x", eglGetError());
	if (egl->surfaceless) {
		gh_egl_release(egl, ctx, EGL_NO_SURFACE);
		if (!current_is(egl, EGL_NO_CONTEXT, EGL_NO_SURFACE))
			return false;
	}
	eglDestroySurface(egl->dpy, surf);
	eglDestroySurface(egl->dpy, other_surf);
	eglDestroyContext(egl->dpy, ctx);
	eglDestroyContext(egl->dpy, other_ctx);
	return true;
}

static int current_is_switched_only_when_it_must_be(void)
{
	return with_display(false, release_only_what_is_current);
}

/* EGL keeps the binding it had when eglMakeCurrent fails: so does the record. */
static bool refusal_keeps_the_binding(struct gh_egl *egl)
{
	EGLContext ctx;
	EGLSurface surf;
	if (!make_objects(egl, &ctx, &surf))
		return false;
	CHECK(gh_egl_make_current(egl, ctx, surf, surf), "make current: 0x%x", eglGetError());
	/* A context destroyed while not current is no context any more. */
	EGLContext gone;
	EGLSurface gone_surf;
	if (!make_objects(egl, &gone, &gone_surf))
		return false;
	eglDestroyContext(egl->dpy, gone);
	CHECK(!gh_egl_make_current(egl, gone, surf, surf), "a destroyed context was made current");
	if (!current_is(egl, ctx, surf))
		return false;
	gh_egl_release(egl, ctx, surf);
	eglDestroySurface(egl->dpy, surf);
	eglDestroySurface(egl->dpy, gone_surf);
	eglDestroyContext(egl->dpy, ctx);
	return true;
}

static int refused_make_current_keeps_what_was_current(void)
{
	return with_display(false, refusal_keeps_the_binding);
}

static bool names_are_whole_words(void)
{
	const char *list = "EGL_KHR_fence_sync_x EGL_EXT_a EGL_KHR_fence_sync";
	CHECK(gh_egl_has_extension(list, "EGL_KHR_fence_sync"), "the last name");
	CHECK(gh_egl_has_extension(list, "EGL_EXT_a"), "a name in the middle");
	CHECK(!gh_egl_has_extension("EGL_KHR_fence_sync_x", "EGL_KHR_fence_sync"),
	      "a longer name's start");
	CHECK(!gh_egl_has_extension("xEGL_KHR_fence_sync", "EGL_KHR_fence_sync"),
	      "a longer name's end");
	CHECK(!gh_egl_has_extension("GL_EXT_ab GL_EXT_abc", "GL_EXT_a"), "prefixes only");
	CHECK(gh_egl_has_extension("GL_EXT_a", "GL_EXT_a"), "the whole list");
	CHECK(!gh_egl_has_extension(NULL, "GL_EXT_a"), "a NULL list");
	CHECK(!gh_egl_has_extension("", "GL_EXT_a"), "an empty list");
	return true;
}

static int extension_names_are_whole_words(void)
{
	return names_are_whole_words() ? 0 : 1;
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*run)(void);
	} cases[] = {
	        {"display_without_a_node_holds_none", display_without_a_node_holds_none},
	        {"node_that_cannot_open_falls_back_to_shm",
	         node_that_cannot_open_falls_back_to_shm},
	        {"node_none_forces_shm", node_none_forces_shm},
	        {"current_is_switched_only_when_it_must_be",
	         current_is_switched_only_when_it_must_be},
	        {"refused_make_current_keeps_what_was_current",
	         refused_make_current_keeps_what_was_current},
	        {"extension_names_are_whole_words", extension_names_are_whole_words},
	};
	unsetenv("GPUPIPE_RENDER_NODE");
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (argc == 2 && !strcmp(argv[1], cases[i].name))
			return cases[i].run();
	}
	fprintf(stderr, "usage: %s CASE\n", argv[0]);
	return 2;
}
