/*
 * EGLDisplays: which native displays we serve, and the detection that
 * decides it. A Wayland display is ours when its registry has the
 * gpupipe_v1 global (only gpupipe-host injects it); any other display is
 * declined with EGL_NO_DISPLAY and no error, so glvnd asks the next
 * vendor (Mesa) and the app renders as it always did.
 *
 * Displays are never freed (their handles must stay valid for glvnd's
 * map); eglTerminate releases what they hold.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gpupipe/log.h>

#include "ge.h"
#include "gpupipe-v1-client-protocol.h"
#include "client-gl.h"

static pthread_mutex_t displays_lock = PTHREAD_MUTEX_INITIALIZER;
static struct wl_list displays = {&displays, &displays};

struct ge_display *ge_display_from_handle(EGLDisplay dpy)
{
	struct ge_display *d, *found = NULL;
	pthread_mutex_lock(&displays_lock);
	wl_list_for_each(d, &displays, link) if ((EGLDisplay)d == dpy) found = d;
	pthread_mutex_unlock(&displays_lock);
	return found;
}

struct ge_display *ge_display_lock(EGLDisplay dpy, bool initialized)
{
	struct ge_display *d = ge_display_from_handle(dpy);
	if (!d) {
		ge_set_error(EGL_BAD_DISPLAY);
		return NULL;
	}
	pthread_mutex_lock(&d->lock);
	if (initialized && !d->initialized) {
		pthread_mutex_unlock(&d->lock);
		ge_set_error(EGL_NOT_INITIALIZED);
		return NULL;
	}
	return d;
}

void ge_display_unlock(struct ge_display *d)
{
	pthread_mutex_unlock(&d->lock);
}

bool ge_display_lost(struct ge_display *d)
{
	return atomic_load_explicit(&d->streams.lost, memory_order_relaxed);
}

uint32_t ge_display_new_handle(struct ge_display *d)
{
	if (!++d->next_handle)
		++d->next_handle;
	return d->next_handle;
}

const struct ge_config *ge_display_config(struct ge_display *d, EGLConfig config)
{
	uintptr_t i = (uintptr_t)config;
	if (!d->initialized || i == 0 || i > d->n_configs)
		return NULL;
	return &d->configs[i - 1];
}

EGLConfig ge_display_config_handle(struct ge_display *d, const struct ge_config *c)
{
	return c ? (EGLConfig)(uintptr_t)(c - d->configs + 1) : EGL_NO_CONFIG_KHR;
}

bool ge_display_flush_wl(struct ge_display *d)
{
	struct pollfd p = {.fd = wl_display_get_fd(d->wl), .events = POLLOUT};
	while (wl_display_flush(d->wl) < 0) {
		if (errno != EAGAIN)
			return false;
		int r = poll(&p, 1, 60000);
		if (r == 0 || (r < 0 && errno != EINTR))
			return false;
	}
	return true;
}

struct gl_enc *ge_stream_open(struct ge_display *d, struct ge_gl_state *gl)
{
	int sv[2];
	if (ge_display_lost(d) || socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0)
		return NULL;
	struct gl_enc *e = ge_stream_new(&d->streams, gl, sv[0]);
	if (e) {
		/* libwayland dups the fd when it marshals the request. */
		gpupipe_v1_open_stream(d->gpupipe, sv[1]);
		if (!ge_display_flush_wl(d))
			ge_stream_lose(e, "Wayland connection failed");
	}
	close(sv[1]);
	return e;
}

/* ---- detection ---- */

static void global(void *data, struct wl_registry *registry, uint32_t name, const char *interface,
                   uint32_t version)
{
	struct ge_display *d = data;
	if (strcmp(interface, gpupipe_v1_interface.name) == 0 && version >= 1 && !d->gpupipe)
		d->gpupipe = wl_registry_bind(registry, name, &gpupipe_v1_interface, 1);
}

static void global_remove(void *data, struct wl_registry *registry, uint32_t name)
{
}

static const struct wl_registry_listener registry_listener = {global, global_remove};

/* Binds gpupipe_v1 on a private queue (the app's own queues never see our
 * events). False: not a gpupipe display, or the connection failed. */
bool ge_display_probe(struct ge_display *d)
{
	if (d->gpupipe)
		return true;
	d->queue = wl_display_create_queue(d->wl);
	struct wl_display *wrapper = d->queue ? wl_proxy_create_wrapper(d->wl) : NULL;
	if (!wrapper)
		goto fail;
	wl_proxy_set_queue((struct wl_proxy *)wrapper, d->queue);
	struct wl_registry *registry = wl_display_get_registry(wrapper);
	wl_proxy_wrapper_destroy(wrapper);
	if (!registry)
		goto fail;
	wl_registry_add_listener(registry, &registry_listener, d);
	int r = wl_display_roundtrip_queue(d->wl, d->queue);
	/* gpupipe_v1 needs nothing more from the registry. */
	wl_registry_destroy(registry);
	if (r < 0 || !d->gpupipe)
		goto fail;
	return true;
fail:
	ge_display_unprobe(d);
	return false;
}

void ge_display_unprobe(struct ge_display *d)
{
	if (d->gpupipe)
		gpupipe_v1_destroy(d->gpupipe);
	d->gpupipe = NULL;
	if (d->queue)
		wl_event_queue_destroy(d->queue);
	d->queue = NULL;
}

static struct ge_display *find_or_add(void *native)
{
	struct ge_display *d;
	wl_list_for_each(d, &displays, link) if (d->native == native) return d;
	d = calloc(1, sizeof(*d));
	if (!d)
		return NULL;
	d->native = native;
	pthread_mutex_init(&d->lock, NULL);
	atomic_init(&d->streams.lost, false);
	d->streams.host = &d->host;
	wl_list_init(&d->contexts);
	wl_list_init(&d->surfaces);
	wl_list_init(&d->syncs);
	wl_list_init(&d->images);
	wl_list_insert(displays.prev, &d->link);
	return d;
}

/* Our own connection, for EGL_DEFAULT_DISPLAY: only when the app lives
 * on a Wayland session at all. */
static struct wl_display *connect_default(void)
{
	const char *name = getenv("WAYLAND_DISPLAY");
	if (!name || !*name)
		return NULL;
	return wl_display_connect(NULL);
}

EGLDisplay ge_get_platform_display(EGLenum platform, void *native, const EGLAttrib *attribs)
{
	/* Declining is never an error: another vendor may take it. */
	ge_set_error(EGL_SUCCESS);
	if (platform != EGL_PLATFORM_WAYLAND_KHR && platform != EGL_NONE) {
		gp_log(INFO, "EGL platform 0x%x is not gpupipe's: the next vendor serves it",
		       platform);
		return EGL_NO_DISPLAY;
	}
	if (platform == EGL_NONE && native != EGL_DEFAULT_DISPLAY)
		return EGL_NO_DISPLAY;

	pthread_mutex_lock(&displays_lock);
	struct ge_display *d = find_or_add(native);
	pthread_mutex_unlock(&displays_lock);
	if (!d)
		return EGL_NO_DISPLAY;
	/* Fallen back (fallback.h): the next vendor's for good, never probed again. */
	if (atomic_load(&d->fb))
		return (EGLDisplay)d;

	pthread_mutex_lock(&d->lock);
	bool ok = true;
	if (!d->wl) {
		d->wl = native ? native : connect_default();
		d->own_connection = !native;
		ok = d->wl != NULL;
	}
	if (ok && !d->initialized)
		ok = ge_display_probe(d);
	if (!ok && d->own_connection && d->wl) {
		wl_display_disconnect(d->wl);
		d->wl = NULL;
	}
	pthread_mutex_unlock(&d->lock);
	return ok ? (EGLDisplay)d : EGL_NO_DISPLAY;
}

void ge_send_ordered(struct ge_display *d, struct ge_context *after, uint32_t op, const void *fixed,
                     uint32_t size)
{
	struct gl_enc *e = after ? after->stream : NULL;
	if (e && after->current && after != ge_current_context()) {
		/* Another thread owns that stream: it sends this at its next
		 * sync point, after what it queued before. */
		uint8_t cmd[sizeof(struct gl_cmd) + 32];
		struct gl_cmd h = {.size = (uint32_t)sizeof(h) + size, .op = op};
		if (size > sizeof(cmd) - sizeof(h))
			return;
		__builtin_memcpy(cmd, &h, sizeof(h));
		__builtin_memcpy(cmd + sizeof(h), fixed, size);
		ge_stream_post(e, cmd, h.size);
		return;
	}
	if (!e)
		e = d->stream;
	if (e && ge_stream_op(e, op, fixed, size) && !(after && after->current))
		ge_stream_flush(e);
}

/* ---- the display's objects by handle (display locked) ---- */

struct ge_context *ge_context_lookup(struct ge_display *d, EGLContext ctx)
{
	struct ge_context *c;
	wl_list_for_each(c, &d->contexts, link) if ((EGLContext)c == ctx && !c->destroyed) return c;
	return NULL;
}

struct ge_surface *ge_surface_lookup(struct ge_display *d, EGLSurface surf)
{
	struct ge_surface *s;
	wl_list_for_each(s, &d->surfaces,
	                 link) if ((EGLSurface)s == surf && !s->destroyed) return s;
	return NULL;
}
