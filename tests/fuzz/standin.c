#include <fcntl.h>
#include <stddef.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wayland-server-core.h>
#include <wayland-server-protocol.h>

#include "pointer-constraints-unstable-v1-server-protocol.h"
#include "presentation-time-server-protocol.h"
#include "primary-selection-unstable-v1-server-protocol.h"
#include "relative-pointer-unstable-v1-server-protocol.h"
#include "standin.h"
#include "viewporter-server-protocol.h"
#include "xdg-decoration-unstable-v1-server-protocol.h"
#include "xdg-output-unstable-v1-server-protocol.h"
#include "xdg-shell-server-protocol.h"

struct profile_global {
	const char *interface;
	int version;
};

/* weston-info on the compositors tools/record-fuzz-corpus records with;
 * names are positions in these lists, counted from 1. */
static const struct profile_global weston_globals[] = {
        {"wl_compositor", 4},
        {"wl_subcompositor", 1},
        {"wp_viewporter", 1},
        {"zxdg_output_manager_v1", 2},
        {"wp_presentation", 1},
        {"zwp_relative_pointer_manager_v1", 1},
        {"zwp_pointer_constraints_v1", 1},
        {"zwp_input_timestamps_manager_v1", 1},
        {"wl_data_device_manager", 3},
        {"wl_shm", 1},
        {"weston_debug_v1", 1},
        {"zwp_linux_explicit_synchronization_v1", 2},
        {"wl_output", 3},
        {"zwp_input_panel_v1", 1},
        {"zwp_text_input_manager_v1", 1},
        {"xdg_wm_base", 3},
        {"weston_desktop_shell", 1},
        {"weston_screenshooter", 1},
        {NULL, 0},
};

static const struct profile_global sway_globals[] = {
        {"wl_shm", 1},
        {"wl_compositor", 4},
        {"wl_subcompositor", 1},
        {"wl_data_device_manager", 3},
        {"zwlr_gamma_control_manager_v1", 1},
        {"zxdg_output_manager_v1", 3},
        {"org_kde_kwin_idle", 1},
        {"zwp_idle_inhibit_manager_v1", 1},
        {"zwlr_layer_shell_v1", 4},
        {"xdg_wm_base", 2},
        {"zwp_tablet_manager_v2", 1},
        {"org_kde_kwin_server_decoration_manager", 1},
        {"zxdg_decoration_manager_v1", 1},
        {"zwp_relative_pointer_manager_v1", 1},
        {"zwp_pointer_constraints_v1", 1},
        {"wp_presentation", 1},
        {"zwlr_output_manager_v1", 2},
        {"zwlr_output_power_manager_v1", 1},
        {"zwp_input_method_manager_v2", 1},
        {"zwp_text_input_manager_v3", 1},
        {"zwlr_foreign_toplevel_manager_v1", 3},
        {"zwlr_export_dmabuf_manager_v1", 1},
        {"zwlr_screencopy_manager_v1", 3},
        {"zwlr_data_control_manager_v1", 2},
        {"zwp_primary_selection_device_manager_v1", 1},
        {"wp_viewporter", 1},
        {"zxdg_exporter_v1", 1},
        {"zxdg_importer_v1", 1},
        {"zxdg_exporter_v2", 1},
        {"zxdg_importer_v2", 1},
        {"xdg_activation_v1", 1},
        {"zwp_virtual_keyboard_manager_v1", 1},
        {"zwlr_virtual_pointer_manager_v1", 2},
        {"zwlr_input_inhibit_manager_v1", 1},
        {"zwp_keyboard_shortcuts_inhibit_manager_v1", 1},
        {"wl_seat", 7},
        {"zwp_pointer_gestures_v1", 3},
        {"wl_output", 4},
        {NULL, 0},
};

/* wl_shm formats, as each compositor lists them (weston with its GL
 * renderer); END ends a list. */
#define END 0xffffffffu
static const uint32_t weston_formats[] = {
        WL_SHM_FORMAT_ARGB8888,      WL_SHM_FORMAT_XRGB8888,      WL_SHM_FORMAT_RGB565,
        WL_SHM_FORMAT_YUV420,        WL_SHM_FORMAT_NV12,          WL_SHM_FORMAT_YUYV,
        WL_SHM_FORMAT_XYUV8888,      WL_SHM_FORMAT_ABGR2101010,   WL_SHM_FORMAT_XBGR2101010,
        WL_SHM_FORMAT_ABGR16161616F, WL_SHM_FORMAT_XBGR16161616F, END,
};
static const uint32_t sway_formats[] = {
        WL_SHM_FORMAT_ARGB8888,    WL_SHM_FORMAT_XRGB8888,    WL_SHM_FORMAT_XBGR8888,
        WL_SHM_FORMAT_ABGR8888,    WL_SHM_FORMAT_RGBA8888,    WL_SHM_FORMAT_RGBX8888,
        WL_SHM_FORMAT_BGRA8888,    WL_SHM_FORMAT_BGRX8888,    WL_SHM_FORMAT_RGB565,
        WL_SHM_FORMAT_BGR565,      WL_SHM_FORMAT_ARGB2101010, WL_SHM_FORMAT_XRGB2101010,
        WL_SHM_FORMAT_ABGR2101010, WL_SHM_FORMAT_XBGR2101010, END,
};

/* The interfaces the stand-in implements; the others of a profile are
 * advertised under their real names with no requests (gpupipe-host hides
 * them all, as it hides them on the real compositors). */
static const struct wl_interface *const known[] = {
        &wl_compositor_interface,
        &wl_subcompositor_interface,
        &wl_shm_interface,
        &wl_seat_interface,
        &wl_output_interface,
        &wl_data_device_manager_interface,
        &xdg_wm_base_interface,
        &wp_viewporter_interface,
        &wp_presentation_interface,
        &zxdg_output_manager_v1_interface,
        &zxdg_decoration_manager_v1_interface,
        &zwp_relative_pointer_manager_v1_interface,
        &zwp_pointer_constraints_v1_interface,
        &zwp_primary_selection_device_manager_v1_interface,
};

#define MAX_GLOBALS 40

struct standin {
	struct wl_display *display;
	struct wl_event_loop *loop;
	struct wl_client *client; /* NULL once it is gone */
	struct wl_listener client_destroy;
	struct wl_interface unknown[MAX_GLOBALS]; /* stand-ins for unimplemented ones */
	const uint32_t *formats;                  /* wl_shm's, up to END */
	/* libwayland queues delete_id without flushing it: it leaves with the
	 * next event. A real compositor sends one soon (a frame callback); the
	 * app waits for it before reusing the id, so the recorded stream
	 * needs it before its next frame (standin_idle). */
	bool delete_queued;
	uint32_t serial;
};

/* Per wl_surface; other objects carry none. */
struct surface {
	struct wl_array frame_callbacks; /* uint32_t ids, done at the next commit */
	struct wl_array feedbacks;       /* uint32_t wp_presentation_feedback ids */
	uint32_t pending_buffer;         /* attached since the last commit; 0: none */
	bool attached;
	uint32_t buffer; /* committed */
	bool role;       /* an xdg_surface was made of it */
	bool entered;    /* focus and output sent */
};

/* Per wl_shm_pool: its fd, kept to check what the host gave us. */
struct pool {
	int fd;
	int32_t size;
};

static int dispatch(const void *impl, void *target, uint32_t opcode, const struct wl_message *msg,
                    union wl_argument *args);

static void on_client_destroy(struct wl_listener *l, void *data);

/* libwayland 1.21 has no client user data: the destroy listener we added
 * leads back to us. */
static struct standin *of_client(struct wl_client *client)
{
	struct wl_listener *l = wl_client_get_destroy_listener(client, on_client_destroy);
	struct standin *c = wl_container_of(l, c, client_destroy);
	return c;
}

static struct standin *of(struct wl_resource *r)
{
	return of_client(wl_resource_get_client(r));
}

static void free_surface_data(void *data)
{
	struct surface *s = data;
	wl_array_release(&s->frame_callbacks);
	wl_array_release(&s->feedbacks);
	free(s);
}

static void free_surface(struct wl_resource *r)
{
	free_surface_data(wl_resource_get_user_data(r));
}

static void free_pool_data(void *data)
{
	struct pool *p = data;
	close(p->fd);
	free(p);
}

static void free_pool(struct wl_resource *r)
{
	free_pool_data(wl_resource_get_user_data(r));
}

static struct wl_resource *make(struct wl_client *client, const struct wl_interface *iface,
                                int version, uint32_t id, void *data,
                                wl_resource_destroy_func_t destroy)
{
	struct wl_resource *r = wl_resource_create(client, iface, version, id);
	if (!r) {
		wl_client_post_no_memory(client);
		return NULL;
	}
	wl_resource_set_dispatcher(r, dispatch, NULL, data, destroy);
	return r;
}

/* make(), with data freed by `destroy` (called with a resource) or by
 * hand when no resource could be made. */
static void make_with(struct wl_client *client, const struct wl_interface *iface, int version,
                      uint32_t id, void *data, wl_resource_destroy_func_t destroy,
                      void (*free_data)(void *data))
{
	if (!make(client, iface, version, id, data, destroy))
		free_data(data);
}

/* Request opcodes: server headers name only events, but a request's
 * opcode is its place in the implementation struct they declare. */
#define REQ(iface, request)                                                                        \
	((uint32_t)(offsetof(struct iface##_interface, request) / sizeof(void (*)(void))))

/* Of our own objects (made with make(): no implementation). */
static bool is(struct wl_resource *r, const struct wl_interface *iface)
{
	return wl_resource_instance_of(r, iface, NULL);
}

/* An object argument is the resource it names (wl_object comes first). */
static struct wl_resource *res(struct wl_object *o)
{
	return (struct wl_resource *)o;
}

/* An object of the client, if it is one of iface. */
static struct wl_resource *object(struct standin *c, uint32_t id, const struct wl_interface *iface)
{
	struct wl_resource *r = c->client && id ? wl_client_get_object(c->client, id) : NULL;
	return r && wl_resource_instance_of(r, iface, NULL) ? r : NULL;
}

static int memfd_with(const char *name, const char *text, size_t len)
{
	int fd = memfd_create(name, MFD_CLOEXEC);
	if (fd >= 0 && write(fd, text, len) != (ssize_t)len) {
		close(fd);
		return -1;
	}
	return fd;
}

/* --- what binding a global sends --- */

static void bound_output(struct wl_resource *r)
{
	wl_output_send_geometry(r, 0, 0, 300, 200, WL_OUTPUT_SUBPIXEL_UNKNOWN, "gpupipe",
	                        "stand-in", WL_OUTPUT_TRANSFORM_NORMAL);
	wl_output_send_mode(r, WL_OUTPUT_MODE_CURRENT | WL_OUTPUT_MODE_PREFERRED, 800, 600, 60000);
	int v = wl_resource_get_version(r);
	if (v >= WL_OUTPUT_SCALE_SINCE_VERSION)
		wl_output_send_scale(r, 1);
	if (v >= WL_OUTPUT_NAME_SINCE_VERSION) {
		wl_output_send_name(r, "HEADLESS-1");
		wl_output_send_description(r, "gpupipe fuzz stand-in output");
	}
	if (v >= WL_OUTPUT_DONE_SINCE_VERSION)
		wl_output_send_done(r);
}

static void bound(struct standin *c, struct wl_resource *r)
{
	if (is(r, &wl_shm_interface)) {
		for (const uint32_t *f = c->formats; *f != END; f++)
			wl_shm_send_format(r, *f);
	} else if (is(r, &wl_seat_interface)) {
		wl_seat_send_capabilities(r,
		                          WL_SEAT_CAPABILITY_POINTER | WL_SEAT_CAPABILITY_KEYBOARD);
		if (wl_resource_get_version(r) >= WL_SEAT_NAME_SINCE_VERSION)
			wl_seat_send_name(r, "seat0");
	} else if (is(r, &wl_output_interface)) {
		bound_output(r);
	} else if (is(r, &xdg_wm_base_interface)) {
		xdg_wm_base_send_ping(r, ++c->serial);
	} else if (is(r, &wp_presentation_interface)) {
		wp_presentation_send_clock_id(r, 1 /* CLOCK_MONOTONIC */);
	}
}

static void bind_global(struct wl_client *client, void *data, uint32_t version, uint32_t id)
{
	const struct wl_interface *iface = data;
	struct wl_resource *r = make(client, iface, (int)version, id, NULL, NULL);
	if (r)
		bound(of_client(client), r);
}

/* --- requests with consequences --- */

static void keyboard(struct standin *c, struct wl_resource *kb)
{
	static const char keymap[] =
	        "xkb_keymap { xkb_keycodes { include \"evdev+aliases(qwerty)\" }; "
	        "xkb_types { include \"complete\" }; "
	        "xkb_compat { include \"complete\" }; "
	        "xkb_symbols { include \"pc+us+inet(evdev)\" }; };";
	int fd = memfd_with("stand-in-keymap", keymap, sizeof(keymap));
	if (fd >= 0) {
		wl_keyboard_send_keymap(kb, WL_KEYBOARD_KEYMAP_FORMAT_XKB_V1, fd, sizeof(keymap));
		close(fd);
	}
	if (wl_resource_get_version(kb) >= WL_KEYBOARD_REPEAT_INFO_SINCE_VERSION)
		wl_keyboard_send_repeat_info(kb, 25, 600);
}

static enum wl_iterator_result focus_one(struct wl_resource *r, void *data)
{
	struct wl_resource *surface = data;
	struct standin *c = of(surface);
	if (is(r, &wl_pointer_interface)) {
		wl_pointer_send_enter(r, ++c->serial, surface, wl_fixed_from_int(10),
		                      wl_fixed_from_int(10));
		wl_pointer_send_motion(r, 1000, wl_fixed_from_int(12), wl_fixed_from_int(11));
		wl_pointer_send_button(r, ++c->serial, 1001, 0x110,
		                       WL_POINTER_BUTTON_STATE_PRESSED);
		if (wl_resource_get_version(r) >= WL_POINTER_FRAME_SINCE_VERSION)
			wl_pointer_send_frame(r);
	} else if (is(r, &wl_keyboard_interface)) {
		struct wl_array keys;
		wl_array_init(&keys);
		uint32_t *k = wl_array_add(&keys, sizeof(*k));
		if (k)
			*k = 30;
		wl_keyboard_send_enter(r, ++c->serial, surface, &keys);
		wl_array_release(&keys);
		wl_keyboard_send_modifiers(r, ++c->serial, 1, 0, 0, 0);
		wl_keyboard_send_key(r, ++c->serial, 1002, 31, WL_KEYBOARD_KEY_STATE_PRESSED);
	} else if (is(r, &wl_output_interface)) {
		wl_surface_send_enter(surface, r);
	}
	return WL_ITERATOR_CONTINUE;
}

static void commit(struct standin *c, struct wl_resource *r)
{
	struct surface *s = wl_resource_get_user_data(r);
	if (s->attached) {
		struct wl_resource *old = object(c, s->buffer, &wl_buffer_interface);
		if (old && s->buffer != s->pending_buffer)
			wl_buffer_send_release(old);
		s->buffer = s->pending_buffer;
		s->attached = false;
	}
	/* By index: wl_array_for_each on an empty array is NULL + 0. */
	uint32_t *ids = s->frame_callbacks.data;
	for (size_t i = 0; i < s->frame_callbacks.size / sizeof(*ids); i++) {
		struct wl_resource *cb = object(c, ids[i], &wl_callback_interface);
		if (cb) {
			wl_callback_send_done(cb, 1003);
			wl_resource_destroy(cb);
		}
	}
	s->frame_callbacks.size = 0;
	ids = s->feedbacks.data;
	for (size_t i = 0; i < s->feedbacks.size / sizeof(*ids); i++) {
		struct wl_resource *fb = object(c, ids[i], &wp_presentation_feedback_interface);
		if (fb) {
			wp_presentation_feedback_send_presented(
			        fb, 0, 1, 0, 16666666, 0, 1, WP_PRESENTATION_FEEDBACK_KIND_VSYNC);
			wl_resource_destroy(fb);
		}
	}
	s->feedbacks.size = 0;
	if (s->role && !s->entered) {
		s->entered = true;
		wl_client_for_each_resource(c->client, focus_one, r);
	}
}

static void push_id(struct wl_resource *surface, bool feedback, uint32_t id)
{
	struct surface *s = wl_resource_get_user_data(surface);
	uint32_t *p = wl_array_add(feedback ? &s->feedbacks : &s->frame_callbacks, sizeof(*p));
	if (p)
		*p = id;
}

/* The host's replica must hold what the pool says: a compositor maps it. */
static void check_pool_fd(int fd, int32_t size)
{
	struct stat st;
	if (fstat(fd, &st) < 0 || st.st_size < size) {
		fprintf(stderr,
		        "stand-in: gpupipe-host gave a wl_shm pool of %d bytes an fd of %lld\n",
		        size, (long long)st.st_size);
		abort();
	}
}

static void create_pool(struct wl_resource *shm, uint32_t id, int fd, int32_t size)
{
	if (size <= 0) {
		close(fd);
		wl_resource_post_error(shm, WL_SHM_ERROR_INVALID_STRIDE, "invalid size (%d)", size);
		return;
	}
	check_pool_fd(fd, size);
	struct pool *p = calloc(1, sizeof(*p));
	if (!p) {
		close(fd);
		wl_resource_post_no_memory(shm);
		return;
	}
	*p = (struct pool){.fd = fd, .size = size};
	make_with(wl_resource_get_client(shm), &wl_shm_pool_interface, wl_resource_get_version(shm),
	          id, p, free_pool, free_pool_data);
}

/* weston's checks (libweston/compositor.c shm pool handling in libwayland). */
static bool buffer_fits(struct wl_resource *pool_res, union wl_argument *a)
{
	struct pool *p = wl_resource_get_user_data(pool_res);
	int32_t offset = a[1].i, w = a[2].i, h = a[3].i, stride = a[4].i;
	uint32_t format = a[5].u;
	const uint32_t *f = of(pool_res)->formats;
	while (*f != END && *f != format)
		f++;
	if (*f == END) {
		wl_resource_post_error(pool_res, WL_SHM_ERROR_INVALID_FORMAT, "invalid format 0x%x",
		                       format);
		return false;
	}
	if (offset < 0 || w <= 0 || h <= 0 || stride < w || INT32_MAX / stride < h ||
	    offset > p->size - stride * h) {
		wl_resource_post_error(pool_res, WL_SHM_ERROR_INVALID_STRIDE,
		                       "invalid width, height or stride (%dx%d, %d)", w, h, stride);
		return false;
	}
	return true;
}

static void resize_pool(struct wl_resource *r, int32_t size)
{
	struct pool *p = wl_resource_get_user_data(r);
	if (size < p->size) {
		wl_resource_post_error(r, WL_SHM_ERROR_INVALID_FD, "shrinking pool invalid");
		return;
	}
	check_pool_fd(p->fd, size);
	p->size = size;
}

static void offer_selection(struct standin *c, struct wl_resource *device)
{
	struct wl_resource *offer = make(c->client, &wl_data_offer_interface,
	                                 wl_resource_get_version(device), 0, NULL, NULL);
	if (!offer)
		return;
	wl_data_device_send_data_offer(device, offer);
	wl_data_offer_send_offer(offer, "text/plain;charset=utf-8");
	wl_data_device_send_selection(device, offer);
}

/* The app's source is asked for its data, as when another app pastes. */
static void selection_set(struct standin *c, uint32_t source_id)
{
	struct wl_resource *source = object(c, source_id, &wl_data_source_interface);
	int fds[2];
	if (!source || pipe2(fds, O_CLOEXEC | O_NONBLOCK) < 0)
		return;
	wl_data_source_send_send(source, "text/plain;charset=utf-8", fds[1]);
	close(fds[1]);
	close(fds[0]);
}

static void receive(int fd)
{
	static const char text[] = "stand-in clipboard";
	fcntl(fd, F_SETFL, O_NONBLOCK);
	(void)!write(fd, text, sizeof(text) - 1);
	close(fd);
}

static void xdg_role(struct standin *c, struct wl_resource *xdg_surface, struct wl_resource *role,
                     bool popup)
{
	if (popup) {
		xdg_popup_send_configure(role, 0, 0, 100, 50);
	} else {
		struct wl_array states;
		wl_array_init(&states);
		uint32_t *st = wl_array_add(&states, sizeof(*st));
		if (st)
			*st = XDG_TOPLEVEL_STATE_ACTIVATED;
		xdg_toplevel_send_configure(role, 0, 0, &states);
		wl_array_release(&states);
	}
	xdg_surface_send_configure(xdg_surface, ++c->serial);
}

/* The object a new_id argument created, if the dispatcher made it. */
static struct wl_resource *created(struct standin *c, const struct wl_message *msg,
                                   union wl_argument *args)
{
	for (int i = 0, a = 0; msg->signature[i]; i++) {
		char t = msg->signature[i];
		if ((t >= '0' && t <= '9') || t == '?')
			continue;
		if (t == 'n')
			return c->client ? wl_client_get_object(c->client, args[a].n) : NULL;
		a++;
	}
	return NULL;
}

static void consequences(struct standin *c, struct wl_resource *r, uint32_t opcode,
                         const struct wl_message *msg, union wl_argument *a)
{
	struct wl_resource *made = created(c, msg, a);
	if (is(r, &wl_surface_interface)) {
		if (opcode == REQ(wl_surface, attach)) {
			struct surface *s = wl_resource_get_user_data(r);
			s->pending_buffer = a[0].o ? wl_resource_get_id(res(a[0].o)) : 0;
			s->attached = true;
		} else if (opcode == REQ(wl_surface, frame)) {
			push_id(r, false, a[0].n);
		} else if (opcode == REQ(wl_surface, commit)) {
			commit(c, r);
		}
	} else if (is(r, &wl_shm_pool_interface) && opcode == REQ(wl_shm_pool, resize)) {
		resize_pool(r, a[0].i);
	} else if (is(r, &wl_seat_interface) && opcode == REQ(wl_seat, get_keyboard) && made) {
		keyboard(c, made);
	} else if (is(r, &xdg_wm_base_interface) && opcode == REQ(xdg_wm_base, get_xdg_surface)) {
		struct surface *s = a[1].o ? wl_resource_get_user_data(res(a[1].o)) : NULL;
		if (s)
			s->role = true;
	} else if (is(r, &xdg_surface_interface) && made &&
	           (opcode == REQ(xdg_surface, get_toplevel) ||
	            opcode == REQ(xdg_surface, get_popup))) {
		xdg_role(c, r, made, opcode == REQ(xdg_surface, get_popup));
	} else if (is(r, &zxdg_decoration_manager_v1_interface) && made) {
		zxdg_toplevel_decoration_v1_send_configure(
		        made, ZXDG_TOPLEVEL_DECORATION_V1_MODE_SERVER_SIDE);
	} else if (is(r, &zxdg_output_manager_v1_interface) && made) {
		zxdg_output_v1_send_logical_position(made, 0, 0);
		zxdg_output_v1_send_logical_size(made, 800, 600);
		zxdg_output_v1_send_done(made);
	} else if (is(r, &wp_presentation_interface) && opcode == REQ(wp_presentation, feedback)) {
		push_id(res(a[0].o), true, a[1].n);
	} else if (is(r, &wl_data_device_manager_interface) && made &&
	           opcode == REQ(wl_data_device_manager, get_data_device)) {
		offer_selection(c, made);
	} else if (is(r, &wl_data_device_interface) &&
	           opcode == REQ(wl_data_device, set_selection)) {
		selection_set(c, a[0].o ? wl_resource_get_id(res(a[0].o)) : 0);
	} else if (is(r, &zwp_pointer_constraints_v1_interface) && made) {
		if (opcode == REQ(zwp_pointer_constraints_v1, lock_pointer))
			zwp_locked_pointer_v1_send_locked(made);
		else
			zwp_confined_pointer_v1_send_confined(made);
	}
}

/* Requests that need their arguments before any object is made. False if
 * the request was refused (a protocol error) or consumed. */
static bool before(struct standin *c, struct wl_resource *r, uint32_t opcode, union wl_argument *a)
{
	if (is(r, &wl_shm_interface) && opcode == REQ(wl_shm, create_pool)) {
		create_pool(r, a[0].n, a[1].h, a[2].i);
		return false;
	}
	if (is(r, &wl_shm_pool_interface) && opcode == REQ(wl_shm_pool, create_buffer))
		return buffer_fits(r, a);
	if ((is(r, &wl_data_offer_interface) && opcode == REQ(wl_data_offer, receive)) ||
	    (is(r, &zwp_primary_selection_offer_v1_interface) &&
	     opcode == REQ(zwp_primary_selection_offer_v1, receive))) {
		receive(a[1].h);
		return false;
	}
	return true;
}

static void close_fds(const struct wl_message *msg, union wl_argument *args)
{
	for (int i = 0, a = 0; msg->signature[i]; i++) {
		char t = msg->signature[i];
		if ((t >= '0' && t <= '9') || t == '?')
			continue;
		if (t == 'h')
			close(args[a].h);
		a++;
	}
}

/* Every new_id of the request becomes an object of its interface. */
static void make_objects(struct standin *c, struct wl_resource *r, const struct wl_message *msg,
                         union wl_argument *args)
{
	int version = wl_resource_get_version(r);
	for (int i = 0, a = 0; msg->signature[i]; i++) {
		char t = msg->signature[i];
		if ((t >= '0' && t <= '9') || t == '?')
			continue;
		if (t == 'n' && msg->types[a]) {
			const struct wl_interface *iface = msg->types[a];
			bool surface = iface == &wl_surface_interface;
			struct surface *s = surface ? calloc(1, sizeof(*s)) : NULL;
			if (s) {
				wl_array_init(&s->frame_callbacks);
				wl_array_init(&s->feedbacks);
			}
			if (surface && !s)
				wl_resource_post_no_memory(r);
			else if (surface)
				make_with(c->client, iface, version, args[a].n, s, free_surface,
				          free_surface_data);
			else
				make(c->client, iface, version, args[a].n, NULL, NULL);
		}
		a++;
	}
}

static int dispatch(const void *impl, void *target, uint32_t opcode, const struct wl_message *msg,
                    union wl_argument *args)
{
	struct wl_resource *r = target;
	struct standin *c = of(r);
	if (!before(c, r, opcode, args))
		return 0;
	close_fds(msg, args);
	make_objects(c, r, msg, args);
	consequences(c, r, opcode, msg, args);
	/* wl_message has no destructor flag; every destructor in the
	 * protocols the host forwards is called one of these. */
	if (strcmp(msg->name, "destroy") == 0 || strcmp(msg->name, "release") == 0) {
		wl_resource_destroy(r);
		c->delete_queued = true;
	}
	return 0;
}

/* --- the display --- */

static const struct wl_interface *find_known(const char *name)
{
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
		if (strcmp(known[i]->name, name) == 0)
			return known[i];
	}
	return NULL;
}

static bool add_globals(struct standin *c, const struct profile_global *list)
{
	for (int i = 0; list[i].interface; i++) {
		const struct wl_interface *iface = find_known(list[i].interface);
		if (!iface) {
			c->unknown[i] = (struct wl_interface){.name = list[i].interface,
			                                      .version = list[i].version};
			iface = &c->unknown[i];
		}
		int version = list[i].version < iface->version ? list[i].version : iface->version;
		if (!wl_global_create(c->display, iface, version, (void *)iface, bind_global))
			return false;
	}
	return true;
}

static void on_client_destroy(struct wl_listener *l, void *data)
{
	struct standin *c = wl_container_of(l, c, client_destroy);
	c->client = NULL;
}

static void quiet(const char *fmt, va_list ap)
{
}

struct standin *standin_create(int fd, enum standin_profile profile)
{
	wl_log_set_handler_server(quiet);
	struct standin *c = calloc(1, sizeof(*c));
	if (!c) {
		close(fd);
		return NULL;
	}
	c->formats = profile == STANDIN_SWAY ? sway_formats : weston_formats;
	c->display = wl_display_create();
	if (!c->display || !add_globals(c, profile == STANDIN_SWAY ? sway_globals : weston_globals))
		goto err;
	c->loop = wl_display_get_event_loop(c->display);
	c->client = wl_client_create(c->display, fd);
	if (!c->client)
		goto err;
	fd = -1; /* the client's now */
	c->client_destroy.notify = on_client_destroy;
	wl_client_add_destroy_listener(c->client, &c->client_destroy);
	return c;
err:
	if (fd >= 0)
		close(fd);
	standin_destroy(c);
	return NULL;
}

bool standin_dispatch(struct standin *c)
{
	struct pollfd pfd = {.fd = wl_event_loop_get_fd(c->loop), .events = POLLIN};
	bool ready = poll(&pfd, 1, 0) > 0;
	if (ready)
		wl_event_loop_dispatch(c->loop, 0);
	wl_display_flush_clients(c->display);
	return ready;
}

/* Any event a compositor may repeat harmlessly carries the queued
 * delete_id events along. */
static enum wl_iterator_result carry_deletes(struct wl_resource *r, void *data)
{
	struct standin *c = data;
	if (is(r, &xdg_wm_base_interface))
		xdg_wm_base_send_ping(r, ++c->serial);
	else if (is(r, &wl_shm_interface))
		wl_shm_send_format(r, WL_SHM_FORMAT_ARGB8888);
	else
		return WL_ITERATOR_CONTINUE;
	c->delete_queued = false;
	return WL_ITERATOR_STOP;
}

bool standin_idle(struct standin *c)
{
	if (!c->delete_queued || !c->client)
		return false;
	wl_client_for_each_resource(c->client, carry_deletes, c);
	c->delete_queued = false; /* nothing to carry them: they wait */
	wl_display_flush_clients(c->display);
	return true;
}

void standin_destroy(struct standin *c)
{
	if (!c)
		return;
	if (c->client)
		wl_client_destroy(c->client);
	if (c->display)
		wl_display_destroy(c->display);
	free(c);
}
