/*
 * EGLContexts: OpenGL ES 1.1 and 2.0+, desktop OpenGL's core profile
 * (EGL_KHR_create_context attributes,
 * no-config contexts, share groups), created on the host through the display
 * stream. A context gets its own stream at its first make-current
 * (current.c) and loses it when destroyed.
 */
#include <stdlib.h>

#include <gpupipe/gl-codec.h>

#include "fallback.h"
#include "ge.h"
#include "gles-codec.h"
#include "client-gl.h"

/* A sync round trip on `e`: once it returns, the host has run everything
 * sent on `e`, so later commands on other streams cannot overtake it.
 * GL_OP_INIT is the one sync command with no side effect. */
static void barrier(struct gl_enc *e)
{
	struct gl_op_init init = {.version = GL_STREAM_VERSION, .codec = GLES_CODEC_ID};
	uint32_t size;
	if (ge_stream_op(e, GL_OP_INIT, &init, sizeof(init)))
		gl_enc_reply(e, GL_OP_INIT, &size);
}

void ge_context_destroy_now(struct ge_context *c)
{
	struct ge_display *d = c->d;
	struct gl_op_handle op = {.handle = c->handle};
	if (c->stream) {
		ge_stream_op(c->stream, GL_OP_DESTROY_CONTEXT, &op, sizeof(op));
		barrier(c->stream);
		ge_stream_close(c->stream);
	} else if (d->stream) {
		ge_stream_op(d->stream, GL_OP_DESTROY_CONTEXT, &op, sizeof(op));
		ge_stream_flush(d->stream);
	}
	struct ge_surface *s;
	wl_list_for_each(s, &d->surfaces, link) if (s->last_ctx == c) s->last_ctx = NULL;
	struct ge_sync *y;
	wl_list_for_each(y, &d->syncs, link) if (y->ctx == c) y->ctx = NULL;
	ge_gl_state_destroy(c->gl);
	wl_list_remove(&c->link);
	free(c);
}

/* The version a context asks for; EGL's default is 1.0 (OpenGL ES 1.0, or
 * any desktop OpenGL: EGL_KHR_create_context). */
struct request {
	EGLenum bound; /* the client API bound */
	EGLint major, minor;
	EGLint profile_mask; /* desktop OpenGL 3.2 and later */
	uint32_t flags;
};

static EGLint parse_attribs(struct ge_display *d, EGLenum bound, const EGLint *a,
                            struct request *req)
{
	uint32_t *flags = &req->flags;
	bool desktop = bound == EGL_OPENGL_API;
	*req = (struct request){.bound = bound,
	                        .major = 1,
	                        .minor = 0,
	                        .profile_mask = EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT};
	for (; a && a[0] != EGL_NONE; a += 2) {
		switch (a[0]) {
		case EGL_CONTEXT_MAJOR_VERSION:
			req->major = a[1];
			break;
		case EGL_CONTEXT_MINOR_VERSION:
			req->minor = a[1];
			break;
		case EGL_CONTEXT_OPENGL_PROFILE_MASK:
			if (!desktop)
				return ge_refuse(
				        EGL_BAD_ATTRIBUTE,
				        "eglCreateContext: a profile is for desktop OpenGL");
			req->profile_mask = a[1];
			break;
		case EGL_CONTEXT_OPENGL_FORWARD_COMPATIBLE:
			if (!desktop || (a[1] != EGL_TRUE && a[1] != EGL_FALSE))
				return ge_refuse(
				        EGL_BAD_ATTRIBUTE,
				        "eglCreateContext: EGL_CONTEXT_OPENGL_FORWARD_COMPATIBLE "
				        "%d: for desktop OpenGL, a boolean",
				        a[1]);
			*flags |= a[1] ? GL_CONTEXT_FLAG_FORWARD_COMPATIBLE : 0;
			break;
		case EGL_CONTEXT_FLAGS_KHR:
			/* Forward compatibility is an OpenGL notion. */
			if (a[1] & ~(EGL_CONTEXT_OPENGL_DEBUG_BIT_KHR |
			             EGL_CONTEXT_OPENGL_ROBUST_ACCESS_BIT_KHR |
			             (desktop ? EGL_CONTEXT_OPENGL_FORWARD_COMPATIBLE_BIT_KHR : 0)))
				return ge_refuse(EGL_BAD_ATTRIBUTE,
				                 "eglCreateContext: EGL_CONTEXT_FLAGS_KHR 0x%x has "
				                 "bits other than debug, robust access%s",
				                 a[1], desktop ? " and forward compatible" : "");
			if (a[1] & EGL_CONTEXT_OPENGL_DEBUG_BIT_KHR)
				*flags |= GL_CONTEXT_FLAG_DEBUG;
			if (a[1] & EGL_CONTEXT_OPENGL_ROBUST_ACCESS_BIT_KHR)
				*flags |= GL_CONTEXT_FLAG_ROBUST;
			if (a[1] & EGL_CONTEXT_OPENGL_FORWARD_COMPATIBLE_BIT_KHR)
				*flags |= GL_CONTEXT_FLAG_FORWARD_COMPATIBLE;
			break;
		case EGL_CONTEXT_OPENGL_DEBUG:
			if (a[1] != EGL_TRUE && a[1] != EGL_FALSE)
				return ge_refuse(EGL_BAD_ATTRIBUTE,
				                 "eglCreateContext: EGL_CONTEXT_OPENGL_DEBUG %d is "
				                 "not a boolean",
				                 a[1]);
			*flags |= a[1] ? GL_CONTEXT_FLAG_DEBUG : 0;
			break;
		case EGL_CONTEXT_OPENGL_ROBUST_ACCESS:
		case EGL_CONTEXT_OPENGL_ROBUST_ACCESS_EXT:
			if (a[1] != EGL_TRUE && a[1] != EGL_FALSE)
				return ge_refuse(
				        EGL_BAD_ATTRIBUTE,
				        "eglCreateContext: EGL_CONTEXT_OPENGL_ROBUST_ACCESS "
				        "%d is not a boolean",
				        a[1]);
			*flags |= a[1] ? GL_CONTEXT_FLAG_ROBUST : 0;
			break;
		case EGL_CONTEXT_OPENGL_RESET_NOTIFICATION_STRATEGY:
		case EGL_CONTEXT_OPENGL_RESET_NOTIFICATION_STRATEGY_EXT:
			/* The host context gets the strategy (EXT_create_context_robustness
			 * on the host): glGetGraphicsResetStatus says what its driver says. */
			if (a[1] == EGL_LOSE_CONTEXT_ON_RESET &&
			    d->host.features & GL_HOST_ROBUSTNESS)
				*flags |= GL_CONTEXT_FLAG_LOSE_ON_RESET;
			else if (a[1] != EGL_NO_RESET_NOTIFICATION)
				return ge_refuse(EGL_BAD_ATTRIBUTE,
				                 "eglCreateContext: reset notification 0x%x: the "
				                 "host has %s",
				                 a[1],
				                 d->host.features & GL_HOST_ROBUSTNESS
				                         ? "no such strategy"
				                         : "no robust contexts");
			break;
		default:
			return ge_refuse(EGL_BAD_ATTRIBUTE,
			                 "eglCreateContext: attribute 0x%x is not accepted for %s",
			                 a[0], desktop ? "desktop OpenGL" : "OpenGL ES");
		}
	}
	if (*flags & GL_CONTEXT_FLAG_ROBUST && !(d->host.features & GL_HOST_ROBUSTNESS))
		return ge_refuse(EGL_BAD_MATCH,
		                 "eglCreateContext: robust access asked, the host has no robust "
		                 "contexts");
	return EGL_SUCCESS;
}

/*
 * The API a request gets: ES 1.x from GL_API_GLES1, ES 2.0 and later from
 * GL_API_GLES2 at the highest version offered (ES 3.x is backward
 * compatible with 2.0, and Mesa and NVIDIA give the highest too). ES 1.0
 * and 1.1 requests alike get the ES 1.1 context the host offers (1.1 is a
 * superset of 1.0, and Mesa does the same): GL_OP_INIT and
 * GL_OP_CREATE_CONTEXT say 1.1 for GL_API_GLES1, never 1.0. The
 * config must render that API (EGL_RENDERABLE_TYPE), else EGL_BAD_MATCH.
 */
/* A desktop OpenGL request: the profile it asks for at the highest version
 * offered (a later version runs every earlier one's programs, and Mesa gives
 * the highest too), when the request can have it (ge_desktop_request). */
static EGLint resolve_desktop(struct ge_display *d, const struct ge_config *cfg,
                              const struct request *req, const struct ge_api **out)
{
	const char *why = NULL;
	uint32_t api;
	if (!ge_desktop_request(d, req->major, req->minor, req->profile_mask,
	                        req->flags & GL_CONTEXT_FLAG_FORWARD_COMPATIBLE, &api, &why))
		return ge_refuse(EGL_BAD_MATCH, "eglCreateContext: %s", why);
	if (cfg && !(cfg->renderable & EGL_OPENGL_BIT))
		return ge_refuse(EGL_BAD_MATCH,
		                 "eglCreateContext: config 0x%x does not render desktop OpenGL "
		                 "(EGL_RENDERABLE_TYPE 0x%x)",
		                 cfg->config_id, cfg->renderable);
	*out = &d->apis[api];
	return EGL_SUCCESS;
}

static EGLint resolve(struct ge_display *d, const struct ge_config *cfg, const struct request *req,
                      const struct ge_api **out)
{
	if (req->bound == EGL_OPENGL_API)
		return resolve_desktop(d, cfg, req, out);
	uint32_t api = req->major == 1 ? GL_API_GLES1 : GL_API_GLES2;
	uint32_t want = GL_VERSION_CODE(req->major < 0 ? 0 : req->major & 0xff,
	                                req->minor < 0 ? 0 : req->minor & 0xff);
	const struct ge_api *a = &d->apis[api];
	/* OpenGL ES 1.0, 1.1, 2.0, 3.0, 3.1, 3.2. */
	static const EGLint last_minor[4] = {-1, 1, 0, 2};
	if (req->major < 1 || req->major > 3 || req->minor < 0 ||
	    req->minor > last_minor[req->major]) {
		return ge_refuse(EGL_BAD_MATCH, "eglCreateContext: OpenGL ES %d.%d does not exist",
		                 req->major, req->minor);
	}
	if (!a->level.version || want > a->level.version) {
		return ge_refuse(
		        EGL_BAD_MATCH,
		        "eglCreateContext: OpenGL ES %d.%d is not streamed by this host (%s)",
		        req->major, req->minor,
		        a->level.version ? "it offers up to a lower version"
		                         : "no OpenGL ES of that major version");
	}
	EGLint bit = req->major == 1   ? EGL_OPENGL_ES_BIT
	             : req->major == 2 ? EGL_OPENGL_ES2_BIT
	                               : EGL_OPENGL_ES3_BIT;
	if (cfg && !(cfg->renderable & bit)) {
		return ge_refuse(EGL_BAD_MATCH,
		                 "eglCreateContext: config 0x%x does not render OpenGL ES %d "
		                 "(EGL_RENDERABLE_TYPE 0x%x)",
		                 cfg->config_id, req->major, cfg->renderable);
	}
	*out = a;
	return EGL_SUCCESS;
}

/* Display locked. */
static EGLint create(struct ge_display *d, const struct ge_config *cfg, struct ge_context *share,
                     const struct ge_api *api, uint32_t flags, struct ge_context **out)
{
	/* EGL: sharing across client APIs is EGL_BAD_MATCH. */
	if (share && share->api != api)
		return EGL_BAD_MATCH;
	struct ge_context *c = calloc(1, sizeof(*c));
	if (!c ||
	    !(c->gl = ge_gl_state_create(d, api, flags, share ? ge_gl_state_share(share->gl) : NULL,
	                                 ge_image_handle))) {
		free(c);
		return EGL_BAD_ALLOC;
	}
	c->d = d;
	c->config = cfg;
	c->flags = flags;
	c->api = api;
	c->handle = ge_display_new_handle(d);
	struct gl_op_create_context op = {
	        .handle = c->handle,
	        .config_id = cfg ? (uint32_t)cfg->config_id : 0,
	        .share = share ? share->handle : 0,
	        .api = api->level.api,
	        .version = api->level.version,
	        .flags = flags,
	};
	/* The extension bits: GL_EXT_WORDS words whatever GLES_EXT_WORDS is. */
	uint64_t exts[GL_EXT_WORDS] = {0};
	static_assert(sizeof(api->level.exts) <= sizeof(exts), "extension words fit the blob");
	__builtin_memcpy(exts, api->level.exts, sizeof(api->level.exts));
	struct gl_reply_error reply = {.error = EGL_CONTEXT_LOST};
	if (ge_stream_op_blob(d->stream, GL_OP_CREATE_CONTEXT, &op, sizeof(op), exts, sizeof(exts)))
		ge_stream_reply_fixed(d->stream, GL_OP_CREATE_CONTEXT, &reply, sizeof(reply),
		                      "malformed GL_OP_CREATE_CONTEXT reply");
	uint32_t error = reply.error;
	if (error != EGL_SUCCESS) {
		ge_gl_state_destroy(c->gl);
		free(c);
		return ge_refuse((EGLint)error, "eglCreateContext: refused by the host");
	}
	wl_list_insert(&d->contexts, &c->link);
	*out = c;
	return EGL_SUCCESS;
}

static EGLContext egl_create_context(EGLDisplay dpy, EGLConfig config, EGLContext share_ctx,
                                     const EGLint *attribs)
{
	struct ge_display *d = ge_display_lock(dpy, true);
	if (!d)
		return EGL_NO_CONTEXT;
	const struct ge_config *cfg = NULL;
	const struct ge_api *api = NULL;
	struct ge_context *share = NULL, *c = NULL;
	struct request req;
	EGLint error = EGL_SUCCESS;
	EGLenum bound = ge_current_api();
	if (bound != EGL_OPENGL_ES_API && bound != EGL_OPENGL_API)
		error = ge_refuse(EGL_BAD_MATCH,
		                  "eglCreateContext: that client API is not streamed");
	else if (config != EGL_NO_CONFIG_KHR && !(cfg = ge_display_config(d, config)))
		error = ge_refuse(EGL_BAD_CONFIG, "eglCreateContext: %p is not a config", config);
	else if (share_ctx != EGL_NO_CONTEXT && !(share = ge_context_lookup(d, share_ctx)))
		error = ge_refuse(EGL_BAD_CONTEXT,
		                  "eglCreateContext: share context %p is not a live context",
		                  share_ctx);
	else if (ge_display_lost(d))
		error = ge_refuse(EGL_CONTEXT_LOST, "eglCreateContext: the GL link is lost");
	if (error == EGL_SUCCESS)
		error = parse_attribs(d, bound, attribs, &req);
	if (error == EGL_SUCCESS)
		error = resolve(d, cfg, &req, &api);
	if (error == EGL_SUCCESS)
		error = create(d, cfg, share, api, req.flags, &c);
	ge_display_unlock(d);
	ge_set_error(error);
	return error == EGL_SUCCESS ? (EGLContext)c : EGL_NO_CONTEXT;
}

static EGLBoolean egl_destroy_context(EGLDisplay dpy, EGLContext ctx)
{
	struct ge_display *d = ge_display_lock(dpy, true);
	if (!d)
		return EGL_FALSE;
	struct ge_context *c = ge_context_lookup(d, ctx);
	if (c && c->current)
		c->destroyed = true; /* destroyed at its release */
	else if (c)
		ge_context_destroy_now(c);
	ge_display_unlock(d);
	return c ? ge_ok() : ge_fail(EGL_BAD_CONTEXT);
}

static EGLBoolean egl_query_context(EGLDisplay dpy, EGLContext ctx, EGLint attribute, EGLint *value)
{
	struct ge_display *d = ge_display_lock(dpy, true);
	if (!d)
		return EGL_FALSE;
	struct ge_context *c = ge_context_lookup(d, ctx);
	EGLint error = c ? EGL_SUCCESS : EGL_BAD_CONTEXT, v = 0;
	if (c) {
		switch (attribute) {
		case EGL_CONFIG_ID:
			v = c->config ? c->config->config_id : 0;
			break;
		case EGL_CONTEXT_CLIENT_TYPE:
			v = c->api->level.api == GL_API_GL_CORE ||
			                    c->api->level.api == GL_API_GL_COMPAT
			            ? EGL_OPENGL_API
			            : EGL_OPENGL_ES_API;
			break;
		case EGL_CONTEXT_CLIENT_VERSION:
			v = (EGLint)GL_VERSION_MAJOR(c->api->level.version);
			break;
		case EGL_RENDER_BUFFER:
			v = c->draw ? EGL_BACK_BUFFER : EGL_NONE;
			break;
		default:
			error = EGL_BAD_ATTRIBUTE;
		}
	}
	if (error == EGL_SUCCESS && value)
		*value = v;
	ge_display_unlock(d);
	return error == EGL_SUCCESS ? ge_ok() : ge_fail(error);
}

const struct ge_proc ge_context_procs[] = {
        {"eglCreateContext", (void *)egl_create_context},
        {"eglDestroyContext", (void *)egl_destroy_context},
        {"eglQueryContext", (void *)egl_query_context},
        {NULL, NULL},
};
