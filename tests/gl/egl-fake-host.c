#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <wayland-server.h>

#include <gpupipe/gl-stream.h>

#include "egl-fake-host.h"
#include "gles-codec.h"
#include "gpupipe-v1-server-protocol.h"

#define MAX_STREAMS 32
/* Fixed, so that a snapshot from fh_events() stays valid. */
#define MAX_EVENTS 65536

struct stream {
	int fd;
	int index;
	struct wl_event_source *source;
	uint8_t *buf;
	size_t len, cap;
};

static struct {
	struct wl_display *display;
	pthread_t thread;
	struct fh_options opts;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	struct fh_event *events;
	int n_events;
	struct stream streams[MAX_STREAMS];
	int n_streams;
	struct wl_resource *attached;  /* buffer of the pending attach */
	struct wl_resource *displayed; /* buffer the "screen" shows */
	struct wl_list frames;         /* pending frame callbacks */
	struct wl_list bindings;       /* live gpupipe_v1 resources */
} fh = {.lock = PTHREAD_MUTEX_INITIALIZER, .cond = PTHREAD_COND_INITIALIZER};

static void record(struct fh_event ev, const void *payload)
{
	pthread_mutex_lock(&fh.lock);
	if (fh.n_events == MAX_EVENTS) {
		pthread_mutex_unlock(&fh.lock);
		return;
	}
	if (payload && ev.size) {
		ev.payload = malloc(ev.size);
		memcpy(ev.payload, payload, ev.size);
	}
	fh.events[fh.n_events++] = ev;
	pthread_cond_broadcast(&fh.cond);
	pthread_mutex_unlock(&fh.lock);
}

/* ---- GL streams ---- */

static void send_all(struct stream *s, const void *p, size_t n)
{
	const uint8_t *b = p;
	while (n) {
		ssize_t w = send(s->fd, b, n, MSG_NOSIGNAL);
		if (w <= 0)
			return;
		b += w;
		n -= (size_t)w;
	}
}

static uint8_t *put_u32(uint8_t *p, uint32_t v)
{
	memcpy(p, &v, 4);
	return p + 4;
}

static uint8_t *put_blob(uint8_t *p, const void *data, uint32_t n)
{
	p = put_u32(p, n);
	memcpy(p, data, n);
	memset(p + n, 0, ((n + 3) & ~3u) - n);
	return p + ((n + 3) & ~3u);
}

static void reply(struct stream *s, uint32_t op, const void *payload, uint32_t n)
{
	struct gl_cmd h = {8 + n, op};
	send_all(s, &h, 8);
	send_all(s, payload, n);
}

static void reply_u32(struct stream *s, uint32_t op, uint32_t v)
{
	reply(s, op, &v, 4);
}

#define ES_BITS (EGL_OPENGL_ES_BIT | EGL_OPENGL_ES2_BIT | EGL_OPENGL_ES3_BIT)
static const struct gl_config_info configs[] = {
        {1, 8, 8, 8, 8, 24, 8, 0, 0, EGL_NONE, ES_BITS},
        {2, 8, 8, 8, 0, 24, 8, 0, 0, EGL_NONE, ES_BITS},
        {3, 5, 6, 5, 0, 16, 0, 0, 0, EGL_NONE, ES_BITS},
        {4, 8, 8, 8, 8, 24, 8, 4, 1, EGL_NONE, ES_BITS},
};

static const struct gl_limit limits[] = {
        {0x0D33 /* GL_MAX_TEXTURE_SIZE */, 1, {4096}},
        {0x8869 /* GL_MAX_VERTEX_ATTRIBS */, 1, {16}},
        {0x846E /* GL_ALIASED_LINE_WIDTH_RANGE */, 2, {1, 8}},
        {0x0D3A /* GL_MAX_VIEWPORT_DIMS */, 2, {4096, 4096}},
        {0x0D32 /* GL_MAX_CLIP_DISTANCES_EXT: not a GLES 2 pname */, 1, {8}},
};

/* The OpenGL ES 1.1 block of GL_OP_INIT. */
static uint8_t *put_gles1(uint8_t *p)
{
	static const struct gl_limit es1_limits[] = {
	        {0x0D31 /* GL_MAX_LIGHTS */, 1, {8}},
	        {0x84E2 /* GL_MAX_TEXTURE_UNITS */, 1, {4}},
	        {0x0D33 /* GL_MAX_TEXTURE_SIZE */, 1, {2048}},
	};
	const char *strings[5] = {"FakeVendor", "FakeRenderer", "OpenGL ES-CM 1.1 Fake", "",
	                          "GL_OES_point_size_array GL_OES_point_sprite"};
	struct gles_level offered = {.api = GL_API_GLES1,
	                             .version = gles_streamed_version[GL_API_GLES1]};
	gles_level_add_extension(&offered, gles_extension_index("GL_OES_point_size_array"));
	gles_level_add_extension(&offered, gles_extension_index("GL_OES_point_sprite"));
	struct gl_api_info api = {.api = GL_API_GLES1, .version = offered.version};
	memcpy(api.exts, offered.exts, sizeof(offered.exts));
	p = put_blob(p, &api, sizeof(api));
	for (int i = 0; i < 5; i++)
		p = put_blob(p, strings[i], (uint32_t)strlen(strings[i]));
	return put_blob(p, es1_limits, sizeof(es1_limits));
}

static void reply_init(struct stream *s)
{
	const char *strings[5] = {"FakeVendor", "FakeRenderer", "OpenGL ES 3.2 Fake",
	                          "OpenGL ES GLSL ES 3.20", fh.opts.extensions};
	uint8_t *buf = calloc(1, 8192), *p = buf;
	struct gl_host_info info = {GL_STREAM_VERSION,
	                            sizeof(configs) / sizeof(configs[0]),
	                            fh.opts.gles1 ? 2 : 1,
	                            fh.opts.features,
	                            4096,
	                            4096,
	                            fh.opts.codec ? fh.opts.codec : GLES_CODEC_ID};
	/* The highest OpenGL ES the library streams, with every extension of
	 * ours in the fake's extension string. */
	struct gles_level offered = {.api = GL_API_GLES2,
	                             .version = gles_streamed_version[GL_API_GLES2]};
	char *exts = strdup(fh.opts.extensions), *save = NULL;
	for (char *w = strtok_r(exts, " ", &save); w; w = strtok_r(NULL, " ", &save))
		gles_level_add_extension(&offered, gles_extension_index(w));
	free(exts);
	struct gl_api_info api = {.api = GL_API_GLES2, .version = offered.version};
	memcpy(api.exts, offered.exts, sizeof(offered.exts));
	memcpy(p, &info, sizeof(info));
	p += sizeof(info);
	p = put_blob(p, configs, sizeof(configs));
	p = put_blob(p, &api, sizeof(api));
	for (int i = 0; i < 5; i++)
		p = put_blob(p, strings[i], (uint32_t)strlen(strings[i]));
	p = put_blob(p, limits, sizeof(limits));
	if (fh.opts.gles1)
		p = put_gles1(p);
	reply(s, GL_OP_INIT, buf, (uint32_t)(p - buf));
	free(buf);
}

/* BUFFER_READ answers byte i of the buffer with (i & 0xff). */
static void reply_buffer_read(struct stream *s, const uint8_t *p)
{
	uint32_t a[3];
	memcpy(a, p, sizeof(a));
	uint8_t *buf = malloc(4 + ((a[2] + 3) & ~3u) + 4);
	uint8_t *q = put_u32(buf, a[2]);
	for (uint32_t i = 0; i < a[2]; i++)
		q[i] = (uint8_t)(a[1] + i);
	memset(q + a[2], 0, ((a[2] + 3) & ~3u) - a[2]);
	reply(s, GL_OP_BUFFER_READ, buf, 4 + ((a[2] + 3) & ~3u));
	free(buf);
}

/* A glGet*v: u32 pname, blob capacity n; the reply fills it with 42s. */
static void reply_get(struct stream *s, uint32_t op, const uint8_t *p, bool is_float)
{
	uint32_t n;
	memcpy(&n, p + 4, 4);
	uint8_t *buf = calloc(1, 4 + ((n + 3) & ~3u)), *q = put_u32(buf, n);
	for (uint32_t i = 0; i + 4 <= n; i += 4) {
		float f = 42;
		int32_t v = 42;
		memcpy(q + i, is_float ? (void *)&f : (void *)&v, 4);
	}
	reply(s, op, buf, 4 + ((n + 3) & ~3u));
	free(buf);
}

static void handle(struct stream *s, uint32_t op, const uint8_t *p, uint32_t n)
{
	record((struct fh_event){.kind = FH_CMD, .stream = s->index, .op = op, .size = n}, p);
	switch (op) {
	case GL_OP_INIT:
		reply_init(s);
		break;
	case GL_OP_CREATE_CONTEXT:
	case GL_OP_CREATE_SURFACE:
	case GL_OP_SYNC_CREATE:
	case GL_OP_IMAGE_CREATE:
		reply_u32(s, op, EGL_SUCCESS);
		break;
	case GL_OP_SYNC_CLIENT_WAIT:
		reply_u32(s, op, EGL_CONDITION_SATISFIED);
		break;
	case GL_OP_BUFFER_READ:
		reply_buffer_read(s, p);
		break;
	case GLES_OP_glGetError:
		reply_u32(s, op, 0);
		break;
	case GLES_OP_glFinish:
		reply(s, op, NULL, 0);
		break;
	case GLES_OP_glGetIntegerv:
	case GLES_OP_glGetBooleanv:
		reply_get(s, op, p, false);
		break;
	case GLES_OP_glGetFloatv:
		reply_get(s, op, p, true);
		break;
	}
}

static void stream_close(struct stream *s)
{
	if (s->source)
		wl_event_source_remove(s->source);
	s->source = NULL;
	pthread_mutex_lock(&fh.lock);
	close(s->fd);
	s->fd = -1;
	pthread_mutex_unlock(&fh.lock);
}

static int stream_readable(int fd, uint32_t mask, void *data)
{
	struct stream *s = data;
	if (s->cap - s->len < 65536) {
		s->cap = s->cap * 2 + 65536;
		s->buf = realloc(s->buf, s->cap);
	}
	ssize_t r = recv(fd, s->buf + s->len, s->cap - s->len, MSG_DONTWAIT);
	if (r <= 0) {
		if (r == 0 || (errno != EAGAIN && errno != EINTR))
			stream_close(s);
		return 0;
	}
	s->len += (size_t)r;
	size_t off = 0;
	while (s->len - off >= 8) {
		struct gl_cmd h;
		memcpy(&h, s->buf + off, 8);
		if (h.size < 8 || h.size % 4) {
			fprintf(stderr, "fake host: bad command size %u\n", h.size);
			stream_close(s);
			return 0;
		}
		if (s->len - off < h.size)
			break;
		handle(s, h.op, s->buf + off + 8, h.size - 8);
		off += h.size;
	}
	memmove(s->buf, s->buf + off, s->len - off);
	s->len -= off;
	return 0;
}

/* ---- gpupipe_v1 ---- */

struct memory {
	int32_t width, height;
	uint32_t format;
};

static void resource_destroy(struct wl_client *c, struct wl_resource *r)
{
	wl_resource_destroy(r);
}

static const struct wl_buffer_interface buffer_impl = {resource_destroy};

static void buffer_gone(struct wl_resource *r)
{
	if (fh.attached == r)
		fh.attached = NULL;
	if (fh.displayed == r)
		fh.displayed = NULL;
}

static void memory_create_buffer(struct wl_client *c, struct wl_resource *r, uint32_t id)
{
	struct wl_resource *b = wl_resource_create(c, &wl_buffer_interface, 1, id);
	wl_resource_set_implementation(b, &buffer_impl, NULL, buffer_gone);
	record((struct fh_event){.kind = FH_CREATE_BUFFER, .a = {(int32_t)id}}, NULL);
}

static const struct gpupipe_memory_v1_interface memory_impl = {resource_destroy,
                                                               memory_create_buffer};

static void gp_open_stream(struct wl_client *c, struct wl_resource *r, int32_t fd)
{
	if (fh.n_streams == MAX_STREAMS) {
		close(fd);
		return;
	}
	pthread_mutex_lock(&fh.lock);
	struct stream *s = &fh.streams[fh.n_streams];
	s->fd = fd;
	s->index = fh.n_streams++;
	pthread_mutex_unlock(&fh.lock);
	s->source = wl_event_loop_add_fd(wl_display_get_event_loop(fh.display), fd,
	                                 WL_EVENT_READABLE, stream_readable, s);
	record((struct fh_event){.kind = FH_STREAM_OPEN, .stream = s->index}, NULL);
}

static void gp_create_memory(struct wl_client *c, struct wl_resource *r, uint32_t id,
                             uint32_t width, uint32_t height, uint32_t format)
{
	struct wl_resource *m = wl_resource_create(c, &gpupipe_memory_v1_interface, 1, id);
	wl_resource_set_implementation(m, &memory_impl, NULL, NULL);
	record((struct fh_event){.kind = FH_CREATE_MEMORY,
	                         .a = {(int32_t)width, (int32_t)height, (int32_t)format}},
	       NULL);
}

static const struct gpupipe_v1_interface gp_impl = {resource_destroy, gp_open_stream,
                                                    gp_create_memory};

static void gp_gone(struct wl_resource *r)
{
	wl_list_remove(wl_resource_get_link(r));
	record((struct fh_event){.kind = FH_UNBIND}, NULL);
}

static void gp_bind(struct wl_client *c, void *data, uint32_t version, uint32_t id)
{
	struct wl_resource *r = wl_resource_create(c, &gpupipe_v1_interface, 1, id), *other;
	int live = 1;
	wl_resource_for_each(other, &fh.bindings) live += wl_resource_get_client(other) == c;
	wl_resource_set_implementation(r, &gp_impl, NULL, gp_gone);
	wl_list_insert(&fh.bindings, wl_resource_get_link(r));
	record((struct fh_event){.kind = FH_BIND, .a = {live}}, NULL);
	if (live > 1)
		wl_resource_post_error(r, 0, "gpupipe_v1 bound twice");
}

/* ---- wl_compositor: just enough surface ---- */

static void surface_attach(struct wl_client *c, struct wl_resource *r, struct wl_resource *buffer,
                           int32_t x, int32_t y)
{
	fh.attached = buffer;
	record((struct fh_event){.kind = FH_ATTACH,
	                         .a = {buffer ? (int32_t)wl_resource_get_id(buffer) : 0, x, y}},
	       NULL);
}

static void surface_damage(struct wl_client *c, struct wl_resource *r, int32_t x, int32_t y,
                           int32_t w, int32_t h)
{
}

static void surface_damage_buffer(struct wl_client *c, struct wl_resource *r, int32_t x, int32_t y,
                                  int32_t w, int32_t h)
{
	record((struct fh_event){.kind = FH_DAMAGE_BUFFER, .a = {x, y, w, h}}, NULL);
}

static void callback_gone(struct wl_resource *r)
{
	wl_list_remove(wl_resource_get_link(r));
}

static void surface_frame(struct wl_client *c, struct wl_resource *r, uint32_t id)
{
	struct wl_resource *cb = wl_resource_create(c, &wl_callback_interface, 1, id);
	wl_resource_set_implementation(cb, NULL, NULL, callback_gone);
	wl_list_insert(fh.frames.prev, wl_resource_get_link(cb));
	record((struct fh_event){.kind = FH_FRAME}, NULL);
}

static void surface_region(struct wl_client *c, struct wl_resource *r, struct wl_resource *reg)
{
}

/* The new buffer goes on "screen": the old one is released, and the frame
 * callbacks are done at once (an output that refreshes instantly). */
static void surface_commit(struct wl_client *c, struct wl_resource *r)
{
	if (fh.attached && fh.attached != fh.displayed) {
		if (fh.displayed)
			wl_buffer_send_release(fh.displayed);
		fh.displayed = fh.attached;
	}
	fh.attached = NULL;
	struct wl_resource *cb, *tmp;
	wl_resource_for_each_safe(cb, tmp, &fh.frames)
	{
		wl_callback_send_done(cb, 0);
		wl_resource_destroy(cb);
	}
	record((struct fh_event){.kind = FH_COMMIT}, NULL);
}

static void surface_int(struct wl_client *c, struct wl_resource *r, int32_t v)
{
}

static const struct wl_surface_interface surface_impl = {
        .destroy = resource_destroy,
        .attach = surface_attach,
        .damage = surface_damage,
        .frame = surface_frame,
        .set_opaque_region = surface_region,
        .set_input_region = surface_region,
        .commit = surface_commit,
        .set_buffer_transform = surface_int,
        .set_buffer_scale = surface_int,
        .damage_buffer = surface_damage_buffer,
};

static void compositor_create_surface(struct wl_client *c, struct wl_resource *r, uint32_t id)
{
	struct wl_resource *s = wl_resource_create(c, &wl_surface_interface, 4, id);
	wl_resource_set_implementation(s, &surface_impl, NULL, NULL);
}

static const struct wl_region_interface region_impl = {resource_destroy, NULL, NULL};

static void compositor_create_region(struct wl_client *c, struct wl_resource *r, uint32_t id)
{
	struct wl_resource *g = wl_resource_create(c, &wl_region_interface, 1, id);
	wl_resource_set_implementation(g, &region_impl, NULL, NULL);
}

static const struct wl_compositor_interface compositor_impl = {compositor_create_surface,
                                                               compositor_create_region};

static void compositor_bind(struct wl_client *c, void *data, uint32_t version, uint32_t id)
{
	struct wl_resource *r = wl_resource_create(c, &wl_compositor_interface, 4, id);
	wl_resource_set_implementation(r, &compositor_impl, NULL, NULL);
}

/* ---- the server ---- */

static void *run(void *data)
{
	wl_display_run(fh.display);
	return NULL;
}

void fh_start(const char *socket, const struct fh_options *opts)
{
	fh.opts = *opts;
	if (!fh.opts.extensions)
		fh.opts.extensions = "GL_OES_mapbuffer GL_EXT_map_buffer_range "
		                     "GL_OES_vertex_array_object GL_OES_depth24 GL_OES_EGL_image "
		                     "GL_OES_surfaceless_context GL_NV_fence";
	wl_list_init(&fh.frames);
	wl_list_init(&fh.bindings);
	fh.events = calloc(MAX_EVENTS, sizeof(*fh.events));
	fh.display = wl_display_create();
	if (!fh.display || wl_display_add_socket(fh.display, socket) < 0) {
		fprintf(stderr, "fake host: cannot listen on %s\n", socket);
		exit(1);
	}
	wl_global_create(fh.display, &wl_compositor_interface, 4, NULL, compositor_bind);
	wl_global_create(fh.display, &gpupipe_v1_interface, 1, NULL, gp_bind);
	pthread_create(&fh.thread, NULL, run, NULL);
}

void fh_stop(void)
{
	wl_display_terminate(fh.display);
	pthread_join(fh.thread, NULL);
}

void fh_close_streams(void)
{
	/* The server thread sees EOF and lets go of them. */
	pthread_mutex_lock(&fh.lock);
	for (int i = 0; i < fh.n_streams; i++)
		if (fh.streams[i].fd >= 0)
			shutdown(fh.streams[i].fd, SHUT_RDWR);
	pthread_mutex_unlock(&fh.lock);
}

int fh_events(const struct fh_event **events)
{
	pthread_mutex_lock(&fh.lock);
	int n = fh.n_events;
	*events = fh.events;
	pthread_mutex_unlock(&fh.lock);
	return n;
}

static bool matches(const struct fh_event *e, enum fh_kind kind, uint32_t op)
{
	return e->kind == kind && (kind != FH_CMD || !op || e->op == op);
}

int fh_find(int from, enum fh_kind kind, uint32_t op)
{
	const struct fh_event *ev;
	int n = fh_events(&ev);
	for (int i = from < 0 ? 0 : from; i < n; i++)
		if (matches(&ev[i], kind, op))
			return i;
	return -1;
}

int fh_count(enum fh_kind kind, uint32_t op)
{
	const struct fh_event *ev;
	int n = fh_events(&ev), k = 0;
	for (int i = 0; i < n; i++)
		k += matches(&ev[i], kind, op);
	return k;
}

bool fh_wait_count(enum fh_kind kind, uint32_t op, int n)
{
	struct timespec deadline;
	clock_gettime(CLOCK_REALTIME, &deadline);
	deadline.tv_sec += 2;
	pthread_mutex_lock(&fh.lock);
	for (;;) {
		int k = 0;
		for (int i = 0; i < fh.n_events; i++)
			k += matches(&fh.events[i], kind, op);
		if (k >= n || pthread_cond_timedwait(&fh.cond, &fh.lock, &deadline) == ETIMEDOUT) {
			pthread_mutex_unlock(&fh.lock);
			return k >= n;
		}
	}
}
