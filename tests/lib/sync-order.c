/*
 * sync-order: checks the promise of wl_display.sync that gpupipe-proxy must keep when it
 * answers syncs itself (proxy/sync.c): when a roundtrip returns, every event the compositor
 * sent in response to the requests before it has arrived.
 *
 * It shows a 16x16 shm buffer on a surface with no role, then makes FRAMES frames (attach,
 * damage, commit, wl_display_roundtrip: glmark2's loop, which the proxy answers itself),
 * and between them binds wl_output (and wl_seat, where the compositor has one) and makes a
 * roundtrip: the output's geometry, mode and done (and the seat's capabilities) must all
 * have arrived when it returns (the proxy must have relayed that sync). Prints "ok" and exits 0, or
 * says what was missing and exits 1. The same client runs natively, so the check is of the
 * protocol, not of gpupipe's way.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <wayland-client.h>

#define FRAMES 200
#define SIZE 16

struct state {
	struct wl_compositor *compositor;
	struct wl_shm *shm;
	uint32_t output_name, seat_name;
	/* What arrived from the output and the seat bound late. */
	bool geometry, mode, output_done, capabilities;
};

static void global_added(void *data, struct wl_registry *registry, uint32_t name,
                         const char *interface, uint32_t version)
{
	struct state *s = data;
	if (!strcmp(interface, wl_compositor_interface.name))
		s->compositor = wl_registry_bind(registry, name, &wl_compositor_interface, 1);
	else if (!strcmp(interface, wl_shm_interface.name))
		s->shm = wl_registry_bind(registry, name, &wl_shm_interface, 1);
	else if (!strcmp(interface, wl_output_interface.name) && version >= 2 && !s->output_name)
		s->output_name = name;
	else if (!strcmp(interface, wl_seat_interface.name) && !s->seat_name)
		s->seat_name = name;
}

static void global_removed(void *data, struct wl_registry *registry, uint32_t name)
{
}

static const struct wl_registry_listener registry_listener = {global_added, global_removed};

static void output_geometry(void *data, struct wl_output *o, int32_t x, int32_t y, int32_t pw,
                            int32_t ph, int32_t subpixel, const char *make, const char *model,
                            int32_t transform)
{
	((struct state *)data)->geometry = true;
}

static void output_mode(void *data, struct wl_output *o, uint32_t flags, int32_t w, int32_t h,
                        int32_t refresh)
{
	((struct state *)data)->mode = true;
}

static void output_done(void *data, struct wl_output *o)
{
	((struct state *)data)->output_done = true;
}

static void output_scale(void *data, struct wl_output *o, int32_t factor)
{
}

static const struct wl_output_listener output_listener = {
        .geometry = output_geometry,
        .mode = output_mode,
        .done = output_done,
        .scale = output_scale,
};

static void seat_capabilities(void *data, struct wl_seat *seat, uint32_t caps)
{
	((struct state *)data)->capabilities = true;
}

static void seat_name(void *data, struct wl_seat *seat, const char *name)
{
}

static const struct wl_seat_listener seat_listener = {
        .capabilities = seat_capabilities,
        .name = seat_name,
};

static struct wl_buffer *make_buffer(struct wl_shm *shm)
{
	int fd = memfd_create("sync-order", MFD_CLOEXEC);
	if (fd < 0 || ftruncate(fd, SIZE * SIZE * 4) < 0)
		return NULL;
	struct wl_shm_pool *pool = wl_shm_create_pool(shm, fd, SIZE * SIZE * 4);
	struct wl_buffer *b =
	        wl_shm_pool_create_buffer(pool, 0, SIZE, SIZE, SIZE * 4, WL_SHM_FORMAT_ARGB8888);
	wl_shm_pool_destroy(pool);
	close(fd);
	return b;
}

static int fail(const char *why)
{
	fprintf(stderr, "sync-order: %s\n", why);
	return 1;
}

int main(void)
{
	struct state s = {0};
	struct wl_display *display = wl_display_connect(NULL);
	if (!display)
		return fail("cannot connect to the compositor");
	struct wl_registry *registry = wl_display_get_registry(display);
	wl_registry_add_listener(registry, &registry_listener, &s);
	if (wl_display_roundtrip(display) < 0)
		return fail("the first roundtrip failed");
	if (!s.compositor || !s.shm || !s.output_name)
		return fail("the compositor lacks wl_compositor, wl_shm or wl_output v2");
	struct wl_surface *surface = wl_compositor_create_surface(s.compositor);
	struct wl_buffer *buffer = make_buffer(s.shm);
	if (!buffer)
		return fail("cannot make a shm buffer");
	for (int frame = 0; frame < FRAMES; frame++) {
		wl_surface_attach(surface, buffer, 0, 0);
		wl_surface_damage(surface, 0, 0, SIZE, SIZE);
		wl_surface_commit(surface);
		if (wl_display_roundtrip(display) < 0)
			return fail("a frame's roundtrip failed");
		if (frame != FRAMES / 2)
			continue;
		/* Requests with events in response, between quiet frames. */
		struct wl_output *output =
		        wl_registry_bind(registry, s.output_name, &wl_output_interface, 2);
		wl_output_add_listener(output, &output_listener, &s);
		if (s.seat_name) {
			struct wl_seat *seat =
			        wl_registry_bind(registry, s.seat_name, &wl_seat_interface, 1);
			wl_seat_add_listener(seat, &seat_listener, &s);
		}
		if (wl_display_roundtrip(display) < 0)
			return fail("the roundtrip after the binds failed");
		if (!s.geometry || !s.mode || !s.output_done)
			return fail("the roundtrip after binding wl_output returned before its "
			            "geometry, mode and done");
		if (s.seat_name && !s.capabilities)
			return fail("the roundtrip after binding wl_seat returned before its "
			            "capabilities");
	}
	printf("ok\n");
	wl_display_disconnect(display);
	return 0;
}
