/*
 * The front colour buffer of an app's window.
 *
 * The app's window is double-buffered: GL_DOUBLEBUFFER is true, GL_BACK is its draw and
 * read buffer at first, and desktop OpenGL lets it draw to and read from GL_FRONT,
 * GL_FRONT_LEFT, GL_LEFT and GL_FRONT_AND_BACK as well (glDrawBuffer, glDrawBuffers,
 * glReadBuffer): piglit's fbo-sys-blit blits the back into the front and reads it back
 * after clearing the back; old apps read the front for screenshots or blit into it. On
 * the host the window is a pbuffer (surface.c), and EGL makes pbuffers single-buffered:
 * Mesa gives one colour buffer, which GL_FRONT and GL_BACK both name. Alone it would give
 * the app its back buffer wherever it names the front.
 *
 * So a window has a second pbuffer of its config, its front, made when a context first
 * names a front buffer of it (as its draw buffer, or a read buffer of the window it reads)
 * and charged to the GL memory quota as the back is. While the context's draw buffer
 * names the front alone, the host makes the front pbuffer its EGL draw surface; while the
 * read buffer of the window it reads from names a front buffer, its EGL read surface (EGL
 * lets the two differ). The app's enums still reach the driver as sent: each pbuffer's
 * one buffer answers every name, so the driver's state (glGet of GL_DRAW_BUFFER, ...) is
 * the app's. Apps that never name the front pay nothing: no second pbuffer, no copy.
 *
 * What the swap does to the front, as Mesa's Wayland platform does natively (measured
 * here, llvmpipe, with tests/gl/gl-front-buffer.c): the front of a window is a buffer of
 * the app's own that eglSwapBuffers never fills, so the swap leaves the front pbuffer
 * alone, which costs no copy per frame.
 *
 * Not done yet: natively, Mesa (llvmpipe's Wayland path) also presents the front when the
 * app flushes after drawing to it (glDrawBuffer(GL_FRONT), a clear, glFlush: the window
 * shows it until the next swap). Through gpu-0 nothing drawn to the front is presented:
 * presenting is the app's EGL library's (it commits the wl_buffers the swaps fill), so it
 * would take a GL stream op that fills a frame buffer from the front pbuffer, sent by the
 * library at glFlush/glFinish when the context drew to the front since (the library sees
 * its glDrawBuffer calls), and the wl_surface commit that goes with it. (Mesa's Wayland
 * path for GPU drivers, which may differ, was not checked here: no GPU.)
 *
 * GL_FRONT_AND_BACK and GL_LEFT name both buffers: the back pbuffer stays the draw
 * surface and a glClear (run, not compiled into a display list) clears the front pbuffer
 * too. Other drawing there reaches the back alone (one EGL draw surface): piglit's
 * gl-1.0-drawbuffer-modes, which draws a rectangle under GL_FRONT_AND_BACK and reads it
 * from both, fails through gpu-0 for that (it did before, with the front the back).
 * Drawing to both is rare outside clears; doing it right would take the window's buffers
 * out of EGL into framebuffer objects of the host's own, behind every query of the
 * default framebuffer.
 *
 * Where GL changes these buffers behind the commands (a display list that runs,
 * glPopAttrib) gh_gl_front_resync reads them back from the driver. Mesa keeps the draw
 * buffer of a window in the context and its read buffer in the window, and so does the
 * host: gh_gl_context.window_draw, gh_gl_surface.window_read.
 */
#include <GLES3/gl32.h>

#include <gpupipe/log.h>

#include "compat-trackers.h"
#include "context.h"
#include "executor.h"
#include "gles-codec.h"
#include "host-egl.h"
#include "quota.h"
#include "stream.h"
#include "surface.h"

#define FRONT_LEFT 0x0400u
#define FRONT_RIGHT 0x0401u
#define FRONT 0x0404u
#define LEFT 0x0406u
#define FRONT_AND_BACK 0x0408u
#define DRAW_BUFFER 0x0C01u

static bool desktop(const struct gh_gl_context *ctx)
{
	return gl_api_desktop(ctx->level.api);
}

/* Drawing to `buf` of a double-buffered window reaches the front alone. */
static bool draws_front_only(GLenum buf)
{
	return buf == FRONT || buf == FRONT_LEFT || buf == FRONT_RIGHT;
}

static bool draws_both(GLenum buf)
{
	return buf == FRONT_AND_BACK || buf == LEFT;
}

/* GL reads one buffer: GL_LEFT and GL_FRONT_AND_BACK read the front one. */
static bool reads_front(GLenum buf)
{
	return draws_front_only(buf) || draws_both(buf);
}

/* The window's front pbuffer, made now if it has none. */
static bool make_front(struct gl_exec *x, struct gh_gl_surface *surf)
{
	struct gh_gl *gl = x->gl;
	if (surf->front != EGL_NO_SURFACE)
		return true;
	/* No EGL error to give for a glDrawBuffer: past the quota the link ends,
	 * as for a resize. */
	if (!gh_gl_quota_charge(&gl->quota, 0, surf->bytes, "a window's front buffer"))
		return gh_gl_fail(x,
		                  "the front buffer of surface %u would pass the GL memory "
		                  "quota (--quota-gl-memory)",
		                  surf->handle);
	EGLint attribs[] = {EGL_WIDTH, (EGLint)surf->width, EGL_HEIGHT, (EGLint)surf->height,
	                    EGL_NONE};
	surf->front = eglCreatePbufferSurface(gl->egl.dpy, surf->config->egl, attribs);
	if (surf->front == EGL_NO_SURFACE) {
		gh_gl_quota_adjust(&gl->quota, surf->bytes, 0);
		return gh_gl_fail(x, "the host cannot make the front buffer of surface %u (0x%x)",
		                  surf->handle, eglGetError());
	}
	surf->front_bytes = surf->bytes;
	return true;
}

void gh_gl_front_destroy(struct gh_gl_surface *surf)
{
	if (surf->front == EGL_NO_SURFACE)
		return;
	gh_egl_release(&surf->gl->egl, EGL_NO_CONTEXT, surf->front);
	eglDestroySurface(surf->gl->egl.dpy, surf->front);
	gh_gl_quota_adjust(&surf->gl->quota, surf->front_bytes, 0);
	surf->front = EGL_NO_SURFACE;
	surf->front_bytes = 0;
}

/* The host's EGL draw and read surfaces for what is current on x: a window's front pbuffer
 * where the context's buffers name it (made then, charged to the quota). False after
 * failing the link. */
static bool front_surfaces(struct gl_exec *x, EGLSurface *draw, EGLSurface *read)
{
	struct gh_gl_surface *d = x->draw, *r = x->read;
	*draw = d ? d->egl : EGL_NO_SURFACE;
	*read = r ? r->egl : EGL_NO_SURFACE;
	if (d && d->kind == GL_SURFACE_WINDOW && draws_front_only(x->ctx->window_draw)) {
		if (!make_front(x, d))
			return false;
		*draw = d->front;
	}
	/* An OpenGL ES context reads GL_BACK alone, whatever a desktop one left. */
	if (r && r->kind == GL_SURFACE_WINDOW && desktop(x->ctx) && reads_front(r->window_read)) {
		if (!make_front(x, r))
			return false;
		*read = r->front;
	}
	return true;
}

/* The framebuffer bound to `binding` is the window's. */
static bool on_window(GLenum binding)
{
	GLint fbo = -1;
	gles_host.glGetIntegerv(binding, &fbo);
	return fbo == 0;
}

/* After the host changed its read surface: the driver keeps a read buffer per surface,
 * which the front pbuffer has never been told. */
static void tell_read_buffer(struct gl_exec *x)
{
	if (!x->read || !on_window(GH_GL_READ_FRAMEBUFFER_BINDING))
		return;
	gles_host.glReadBuffer(x->read->window_read);
}

/* Takes the draw and read buffers of the window from the driver (what it accepted of
 * what the app asked) and makes the pbuffers they name current. */
static bool resync(struct gl_exec *x)
{
	if (on_window(GH_GL_DRAW_FRAMEBUFFER_BINDING)) {
		GLint buf = 0;
		gles_host.glGetIntegerv(DRAW_BUFFER, &buf);
		x->ctx->window_draw = (uint32_t)buf;
	}
	if (on_window(GH_GL_READ_FRAMEBUFFER_BINDING)) {
		GLint buf = 0;
		gles_host.glGetIntegerv(GL_READ_BUFFER, &buf);
		x->read->window_read = (uint32_t)buf;
	}
	return gh_gl_stream_make_current(x);
}

bool gh_gl_front_resync(struct gl_exec *x)
{
	if (!desktop(x->ctx) || !x->draw || x->ctx->begin_end)
		return true;
	/* The driver's errors are the app's; these queries add none. */
	gh_gl_errors_stash(x->ctx);
	bool ok = resync(x);
	gh_gl_errors_stash(x->ctx);
	return ok;
}

/* After the host made x's context current with `read`: a new read surface is told the
 * window's read buffer. */
static void made_current(struct gl_exec *x, EGLSurface read)
{
	struct gh_gl_context *ctx = x->ctx;
	if (ctx->egl_read == read)
		return;
	ctx->egl_read = read;
	if (desktop(ctx) && x->read && x->read->kind == GL_SURFACE_WINDOW && !ctx->begin_end) {
		gh_gl_errors_stash(ctx);
		tell_read_buffer(x);
		gh_gl_errors_stash(ctx);
	}
}

/* The stream's context current on the host thread, with the EGL surfaces its draw and
 * read buffers name (the front pbuffer where they name the front). */
bool gh_gl_stream_make_current(struct gl_exec *x)
{
	if (!x->ctx)
		return true;
	EGLSurface draw, read;
	if (!front_surfaces(x, &draw, &read))
		return false;
	if (!gh_egl_make_current(&x->gl->egl, x->ctx->egl, draw, read))
		return gh_gl_fail(x, "the host cannot make context %u current (EGL error 0x%x)",
		                  x->ctx->handle, eglGetError());
	made_current(x, read);
	return true;
}

/* Compiled into a list, a command changes nothing now: the list's run re-reads. */
static bool runs_now(struct gl_exec *x)
{
	return !gh_gl_list_compiles(x->ctx);
}

bool gl_exec_wrap_glDrawBuffer(struct gl_exec *x, GLenum buf)
{
	gles_host.glDrawBuffer(buf);
	return !runs_now(x) || gh_gl_front_resync(x);
}

bool gl_exec_wrap_glDrawBuffers(struct gl_exec *x, GLsizei n, const GLenum *bufs)
{
	gles_host.glDrawBuffers(n, bufs);
	return !runs_now(x) || gh_gl_front_resync(x);
}

bool gl_exec_wrap_glReadBuffer(struct gl_exec *x, GLenum buf)
{
	gles_host.glReadBuffer(buf);
	return !runs_now(x) || gh_gl_front_resync(x);
}

bool gl_exec_wrap_glClear(struct gl_exec *x, GLbitfield mask)
{
	gles_host.glClear(mask);
	struct gh_gl_context *ctx = x->ctx;
	struct gh_gl_surface *d = x->draw;
	if (!(mask & GL_COLOR_BUFFER_BIT) || !draws_both(ctx->window_draw) || !d ||
	    d->kind != GL_SURFACE_WINDOW || !runs_now(x) || ctx->begin_end)
		return true;
	gh_gl_errors_stash(ctx);
	if (!on_window(GH_GL_DRAW_FRAMEBUFFER_BINDING))
		return true;
	/* Both buffers: the front pbuffer's clear too, with the same state. */
	if (!make_front(x, d))
		return false;
	EGLSurface read = ctx->egl_read;
	if (!gh_egl_make_current(&x->gl->egl, ctx->egl, d->front, read))
		return gh_gl_fail(x, "the host cannot clear the front buffer of surface %u (0x%x)",
		                  d->handle, eglGetError());
	gles_host.glClear(GL_COLOR_BUFFER_BIT);
	return gh_gl_stream_make_current(x);
}

void gh_gl_front_answer_get(struct gl_exec *x, GLenum pname, GLint *v)
{
	/* GL_DOUBLEBUFFER (state of the draw framebuffer): the driver says a
	 * pbuffer's; the app's window is double-buffered. */
	if (pname == 0x0C32 && x->ctx && desktop(x->ctx) && x->draw &&
	    x->draw->kind == GL_SURFACE_WINDOW && on_window(GH_GL_DRAW_FRAMEBUFFER_BINDING))
		v[0] = 1;
}

void gh_gl_front_answer_framebuffer_param(struct gl_exec *x, GLenum target, GLenum pname, GLint *v)
{
	/* glGetFramebufferParameteriv of the default framebuffer: the same
	 * GL_DOUBLEBUFFER as glGetIntegerv, of the window `target` names. */
	bool read = target == GH_GL_READ_FRAMEBUFFER;
	struct gh_gl_surface *s = read ? x->read : x->draw;
	if (pname == 0x0C32 && x->ctx && desktop(x->ctx) && s && s->kind == GL_SURFACE_WINDOW &&
	    on_window(read ? GH_GL_READ_FRAMEBUFFER_BINDING : GH_GL_DRAW_FRAMEBUFFER_BINDING))
		v[0] = 1;
}
