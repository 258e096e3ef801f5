/*
 * libEGL_gpupipe through glvnd (the app's libEGL and libGLESv2) against a
 * fake gpupipe (egl-fake-host.c): each case checks what the library puts
 * on the GL stream and the Wayland connection for ordinary EGL/GLES use.
 *
 *   egl-vendor CASE    (init, draw, get, map, lost, threads, sync, image, reinit,
 *                       errors, log)
 *
 * Run with __EGL_VENDOR_LIBRARY_FILENAMES=<build>/proxy/egl/gpupipe-egl-vendor.json.
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GLES2/gl2.h>
#include <GLES2/gl2ext.h>
#include <wayland-client.h>
#include <wayland-egl.h>

#include <gpupipe/gl-stream.h>

#include "egl-fake-host.h"
#include "gles-codec.h"

__attribute__((format(printf, 2, 3))) static void check(bool ok, const char *fmt, ...)
{
	if (ok)
		return;
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "FAIL: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, " (EGL error 0x%x)\n", eglGetError());
	va_end(ap);
	exit(1);
}

static uint32_t u32_at(const struct fh_event *e, int i)
{
	uint32_t v;
	check(e->size >= 4u * (uint32_t)(i + 1), "command too short for argument %d", i);
	memcpy(&v, e->payload + 4 * i, 4);
	return v;
}

static const struct fh_event *event(int i)
{
	const struct fh_event *ev;
	int n = fh_events(&ev);
	check(i >= 0 && i < n, "expected event not found");
	return &ev[i];
}

/* ---- the client side ---- */

static struct wl_display *wl;
static struct wl_compositor *compositor;
static EGLDisplay dpy;

static void global(void *data, struct wl_registry *r, uint32_t name, const char *iface,
                   uint32_t version)
{
	if (strcmp(iface, "wl_compositor") == 0)
		compositor = wl_registry_bind(r, name, &wl_compositor_interface, 4);
}

static void global_remove(void *data, struct wl_registry *r, uint32_t name)
{
}

static const struct wl_registry_listener registry_listener = {global, global_remove};

static char runtime_dir[] = "/tmp/egl-vendor.XXXXXX";

/* At exit: the fake host's socket, its lock and their directory. */
static void remove_runtime_dir(void)
{
	char path[sizeof(runtime_dir) + 32];
	snprintf(path, sizeof(path), "%s/fake-gpu", runtime_dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/fake-gpu.lock", runtime_dir);
	unlink(path);
	rmdir(runtime_dir);
}

/* The fake host started, connected, and its display taken by gpupipe. */
static void connect_fake(const struct fh_options *opts)
{
	static bool made;
	if (!made) {
		check(mkdtemp(runtime_dir) != NULL, "mkdtemp");
		atexit(remove_runtime_dir);
		made = true;
	}
	setenv("XDG_RUNTIME_DIR", runtime_dir, 1);
	fh_start("fake-gpu", opts);
	wl = wl_display_connect("fake-gpu");
	check(wl != NULL, "connect to the fake host");
	struct wl_registry *reg = wl_display_get_registry(wl);
	wl_registry_add_listener(reg, &registry_listener, NULL);
	wl_display_roundtrip(wl);
	check(compositor != NULL, "wl_compositor");
	dpy = eglGetPlatformDisplay(EGL_PLATFORM_WAYLAND_KHR, wl, NULL);
	check(dpy != EGL_NO_DISPLAY, "eglGetPlatformDisplay takes a gpupipe display");
}

static void setup_opts(const struct fh_options *opts)
{
	connect_fake(opts);
	EGLint major = 0, minor = 0;
	check(eglInitialize(dpy, &major, &minor), "eglInitialize");
	check(major == 1 && minor == 5, "EGL 1.5, got %d.%d", major, minor);
}

static void setup(uint32_t features)
{
	struct fh_options opts = {.features = features};
	setup_opts(&opts);
}

static EGLConfig choose(EGLint surface_type, EGLint alpha)
{
	const EGLint attribs[] = {
	        EGL_SURFACE_TYPE,    surface_type,       EGL_RED_SIZE, 8, EGL_ALPHA_SIZE, alpha,
	        EGL_RENDERABLE_TYPE, EGL_OPENGL_ES2_BIT, EGL_NONE};
	EGLConfig cfg = NULL;
	EGLint n = 0;
	check(eglChooseConfig(dpy, attribs, &cfg, 1, &n) && n == 1, "eglChooseConfig");
	return cfg;
}

static EGLContext context(EGLConfig cfg)
{
	static const EGLint attribs[] = {EGL_CONTEXT_CLIENT_VERSION, 2, EGL_NONE};
	EGLContext ctx = eglCreateContext(dpy, cfg, EGL_NO_CONTEXT, attribs);
	check(ctx != EGL_NO_CONTEXT, "eglCreateContext");
	return ctx;
}

static EGLSurface pbuffer(EGLConfig cfg)
{
	static const EGLint attribs[] = {EGL_WIDTH, 16, EGL_HEIGHT, 16, EGL_NONE};
	EGLSurface s = eglCreatePbufferSurface(dpy, cfg, attribs);
	check(s != EGL_NO_SURFACE, "eglCreatePbufferSurface");
	return s;
}

/* A context current on a 16x16 pbuffer. */
static EGLContext current_pbuffer(void)
{
	EGLConfig cfg = choose(EGL_PBUFFER_BIT, 8);
	EGLContext ctx = context(cfg);
	EGLSurface s = pbuffer(cfg);
	check(eglMakeCurrent(dpy, s, s, ctx), "eglMakeCurrent on a pbuffer");
	return ctx;
}

/* Waits until the fake host has seen all Wayland requests so far and
 * `swaps` swaps on the streams (the two travel on different sockets). */
static void settle(int swaps)
{
	wl_display_roundtrip(wl);
	check(fh_wait_count(FH_CMD, GL_OP_SWAP, swaps), "%d swaps reach the host", swaps);
}

static uint32_t handle_of_last(uint32_t create_op)
{
	int i = -1, j;
	while ((j = fh_find(i + 1, FH_CMD, create_op)) >= 0)
		i = j;
	return u32_at(event(i), 0);
}

/* ---- cases ---- */

static void case_init(void)
{
	setup(GL_HOST_FENCE_SYNC | GL_HOST_IMAGE);
	check(strcmp(eglQueryString(dpy, EGL_VENDOR), "gpupipe") == 0, "EGL_VENDOR");
	check(strcmp(eglQueryString(dpy, EGL_CLIENT_APIS), "OpenGL_ES") == 0, "client APIs");
	const char *ext = eglQueryString(dpy, EGL_EXTENSIONS);
	check(strstr(ext, "EGL_EXT_buffer_age") && strstr(ext, "EGL_KHR_fence_sync") &&
	              strstr(ext, "EGL_KHR_image_base") && !strstr(ext, "EGL_KHR_wait_sync"),
	      "display extensions follow the host's features: %s", ext);
	check(strstr(eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS), "EGL_EXT_platform_wayland"),
	      "client extensions");
	check(eglGetDisplay((EGLNativeDisplayType)wl) == dpy, "eglGetDisplay gives the same");

	EGLint n = 0;
	check(eglGetConfigs(dpy, NULL, 0, &n) && n == 4, "4 configs, got %d", n);
	const EGLint pb[] = {EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_RENDERABLE_TYPE,
	                     EGL_OPENGL_ES2_BIT, EGL_NONE};
	EGLConfig cfgs[8];
	check(eglChooseConfig(dpy, pb, cfgs, 8, &n) && n == 4, "4 pbuffer configs");
	EGLint ids[4], want[4] = {3, 2, 1, 4}; /* smaller buffers first, then fewer samples */
	for (int i = 0; i < 4; i++) {
		eglGetConfigAttrib(dpy, cfgs[i], EGL_CONFIG_ID, &ids[i]);
		check(ids[i] == want[i], "config %d is id %d, want %d", i, ids[i], want[i]);
	}
	const EGLint win[] = {EGL_RED_SIZE, 8, EGL_RENDERABLE_TYPE, EGL_OPENGL_ES2_BIT, EGL_NONE};
	check(eglChooseConfig(dpy, win, cfgs, 8, &n) && n == 3, "3 window configs, got %d", n);
	eglGetConfigAttrib(dpy, cfgs[0], EGL_CONFIG_ID, &ids[0]);
	/* Only red was asked for: equal red bits, then the smaller buffer. */
	check(ids[0] == 2, "asking for red: XRGB first, got %d", ids[0]);
	EGLint visual = -1;
	eglGetConfigAttrib(dpy, cfgs[0], EGL_NATIVE_VISUAL_ID, &visual);
	check(visual == 1 /* XRGB8888 */, "native visual of an opaque config");
	eglGetConfigAttrib(dpy, cfgs[1], EGL_NATIVE_VISUAL_ID, &visual);
	check(visual == 0 /* ARGB8888 */, "native visual of an alpha config");
	const EGLint es1[] = {EGL_NONE};
	check(eglChooseConfig(dpy, es1, cfgs, 8, &n) && n == 0,
	      "the default EGL_RENDERABLE_TYPE (ES 1) matches nothing");
	const EGLint bad[] = {0x1234, 1, EGL_NONE};
	check(!eglChooseConfig(dpy, bad, cfgs, 8, &n) && eglGetError() == EGL_BAD_ATTRIBUTE,
	      "unknown attribute");

	check(eglCreateContext(dpy, cfgs[0], EGL_NO_CONTEXT, NULL) == EGL_NO_CONTEXT &&
	              eglGetError() == EGL_BAD_MATCH,
	      "no EGL_CONTEXT_CLIENT_VERSION means ES 1: refused");

	setenv("WAYLAND_DISPLAY", "fake-gpu", 1);
	EGLDisplay own = eglGetDisplay(EGL_DEFAULT_DISPLAY);
	check(own != EGL_NO_DISPLAY && own != dpy, "EGL_DEFAULT_DISPLAY: our own connection");
	check(eglInitialize(own, NULL, NULL) && eglTerminate(own), "and it initializes");

	check(eglTerminate(dpy), "eglTerminate");
	check(eglInitialize(dpy, NULL, NULL), "eglInitialize after eglTerminate");
	check(fh_count(FH_CMD, GL_OP_INIT) == 3, "three GL_OP_INIT");
}

static void swap_checks(EGLSurface surf, uint32_t surface_handle, int width, int height)
{
	int mem = fh_find(0, FH_CREATE_MEMORY, 0);
	check(mem >= 0 && event(mem)->a[0] == width && event(mem)->a[1] == height &&
	              event(mem)->a[2] == 0,
	      "a %dx%d ARGB8888 frame buffer", width, height);
	int buf = fh_find(mem, FH_CREATE_BUFFER, 0);
	int swap = fh_find(0, FH_CMD, GL_OP_SWAP);
	check(buf >= 0 && swap > buf, "the buffer exists before the swap names it");
	check(u32_at(event(swap), 0) == surface_handle, "swap names the surface");
	check((int32_t)u32_at(event(swap), 1) == event(buf)->a[0], "swap names the buffer");
	int attach = fh_find(0, FH_ATTACH, 0);
	check(attach >= 0 && event(attach)->a[0] == event(buf)->a[0], "the buffer is attached");
	check(fh_find(attach, FH_COMMIT, 0) > attach, "and committed");
	check(fh_count(FH_FRAME, 0) >= 1, "interval 1 asks for frame callbacks");
}

/* A window surface and a context current on it. */
struct window {
	struct wl_egl_window *win;
	EGLConfig cfg;
	EGLContext ctx;
	EGLSurface surf;
	uint32_t surface_handle, context_handle;
};

static void window_setup(struct window *w, int width, int height)
{
	struct wl_surface *ws = wl_compositor_create_surface(compositor);
	w->win = wl_egl_window_create(ws, width, height);
	w->cfg = choose(EGL_WINDOW_BIT, 8);
	w->ctx = context(w->cfg);
	w->surf = eglCreateWindowSurface(dpy, w->cfg, (EGLNativeWindowType)w->win, NULL);
	check(w->surf != EGL_NO_SURFACE, "eglCreateWindowSurface");
	check(eglCreateWindowSurface(dpy, w->cfg, (EGLNativeWindowType)w->win, NULL) ==
	                      EGL_NO_SURFACE &&
	              eglGetError() == EGL_BAD_ALLOC,
	      "a second surface on one window");
	w->surface_handle = handle_of_last(GL_OP_CREATE_SURFACE);
	w->context_handle = handle_of_last(GL_OP_CREATE_CONTEXT);
	check(eglMakeCurrent(dpy, w->surf, w->surf, w->ctx), "eglMakeCurrent");
}

/* Client arrays and indices of two draws, then the first swap. */
static void draw_first_frame(struct window *w)
{
	EGLint age = -1;
	check(eglQuerySurface(dpy, w->surf, EGL_BUFFER_AGE_EXT, &age) && age == 0,
	      "age 0 at first");
	float verts[12];
	for (int i = 0; i < 6; i++) {
		verts[2 * i] = (float)i;
		verts[2 * i + 1] = 10.0f + (float)i;
	}
	glClearColor(1, 0, 0, 1);
	glClear(GL_COLOR_BUFFER_BIT);
	glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, verts);
	glEnableVertexAttribArray(0);
	glDrawArrays(GL_TRIANGLES, 2, 3);
	const GLushort idx[3] = {5, 3, 4};
	glDrawElements(GL_TRIANGLES, 3, GL_UNSIGNED_SHORT, idx);
	check(eglSwapBuffers(dpy, w->surf), "eglSwapBuffers");
	check(eglQuerySurface(dpy, w->surf, EGL_BUFFER_AGE_EXT, &age) && age == 1, "age 1 after");
	settle(1);

	int mc = fh_find(0, FH_CMD, GL_OP_MAKE_CURRENT);
	check(mc >= 0 && event(mc)->stream == 1 && u32_at(event(mc), 0) == w->context_handle &&
	              u32_at(event(mc), 1) == w->surface_handle &&
	              u32_at(event(mc), 2) == w->surface_handle,
	      "MAKE_CURRENT(context, surface, surface) starts the context's stream");
	int ca = fh_find(0, FH_CMD, GL_OP_CLIENT_ARRAY);
	check(ca > mc && u32_at(event(ca), 0) == GL_ARRAY_ATTRIB && u32_at(event(ca), 1) == 0 &&
	              u32_at(event(ca), 5) == 2 && u32_at(event(ca), 6) == 3 &&
	              u32_at(event(ca), 7) == 24 &&
	              memcmp(event(ca)->payload + 32, verts + 4, 24) == 0,
	      "glDrawArrays(2, 3) sends vertices 2..4");
	check(fh_find(ca, FH_CMD, GLES_OP_glDrawArrays) == ca + 1, "then the draw");
	int ca2 = fh_find(ca + 1, FH_CMD, GL_OP_CLIENT_ARRAY);
	check(ca2 > ca && u32_at(event(ca2), 5) == 3 && u32_at(event(ca2), 6) == 3 &&
	              memcmp(event(ca2)->payload + 32, verts + 6, 24) == 0,
	      "glDrawElements(5, 3, 4) sends vertices 3..5");
	const struct fh_event *de = event(ca2 + 1);
	check(de->op == GLES_OP_glDrawElements && u32_at(de, 1) == 3 && u32_at(de, 5) == 6 &&
	              memcmp(de->payload + 24, idx, 6) == 0,
	      "client indices travel in the draw");
	swap_checks(w->surf, w->surface_handle, 64, 48);
}

/* Resize between frames, on the rendering thread: at once. */
static void resize(struct window *w)
{
	EGLint width = 0, age = -1;
	wl_egl_window_resize(w->win, 80, 40, 0, 0);
	check(eglQuerySurface(dpy, w->surf, EGL_WIDTH, &width) && width == 80,
	      "EGL_WIDTH follows the window");
	check(eglQuerySurface(dpy, w->surf, EGL_BUFFER_AGE_EXT, &age) && age == 0,
	      "age 0 on resize");
	check(eglSwapBuffers(dpy, w->surf), "eglSwapBuffers after resize");
	settle(2);
	int rs = fh_find(0, FH_CMD, GL_OP_RESIZE_SURFACE);
	check(rs > 0 && u32_at(event(rs), 1) == 80 && u32_at(event(rs), 2) == 40, "RESIZE 80x40");
	check(fh_find(rs, FH_CMD, GL_OP_SWAP) > rs, "before the next swap");
	int mem = fh_find(0, FH_CREATE_MEMORY, 0);
	while (mem >= 0 && event(mem)->a[0] != 80)
		mem = fh_find(mem + 1, FH_CREATE_MEMORY, 0);
	check(mem >= 0 && event(mem)->a[1] == 40, "new-size buffers");
	int aw = 0, ah = 0;
	wl_egl_window_get_attached_size(w->win, &aw, &ah);
	check(aw == 80 && ah == 40, "attached size %dx%d", aw, ah);
}

static void damage_and_interval(struct window *w)
{
	PFNEGLSWAPBUFFERSWITHDAMAGEKHRPROC damage =
	        (PFNEGLSWAPBUFFERSWITHDAMAGEKHRPROC)eglGetProcAddress(
	                "eglSwapBuffersWithDamageKHR");
	check(damage != NULL, "eglSwapBuffersWithDamageKHR");
	EGLint rect[4] = {0, 0, 10, 10};
	int before = fh_count(FH_DAMAGE_BUFFER, 0);
	check(damage(dpy, w->surf, rect, 1), "swap with damage");
	settle(3);
	int last = -1, j;
	while ((j = fh_find(last + 1, FH_DAMAGE_BUFFER, 0)) >= 0)
		last = j;
	check(fh_count(FH_DAMAGE_BUFFER, 0) == before + 1 && event(last)->a[1] == 30,
	      "damage flipped to y down (y %d)", event(last)->a[1]);

	check(eglSwapInterval(dpy, 0), "eglSwapInterval(0)");
	check(eglSwapBuffers(dpy, w->surf), "swap 1");
	settle(4);
	int frames = fh_count(FH_FRAME, 0);
	for (int i = 0; i < 5; i++)
		check(eglSwapBuffers(dpy, w->surf), "swap at interval 0");
	settle(9);
	check(fh_count(FH_FRAME, 0) == frames, "no frame callbacks at interval 0");
	check(fh_count(FH_CREATE_BUFFER, 0) <= 8, "buffers are reused");
}

static void case_draw(void)
{
	struct window w;
	setup(0);
	window_setup(&w, 64, 48);
	draw_first_frame(&w);
	resize(&w);
	damage_and_interval(&w);

	/* glmark2 between scenes: destroys the current context, then makes a
	 * new one current on the same surface. */
	EGLContext ctx2 = context(w.cfg);
	check(eglDestroyContext(dpy, w.ctx), "destroying a current context");
	check(eglMakeCurrent(dpy, w.surf, w.surf, ctx2), "a new context on the same surface");
	check(eglSwapBuffers(dpy, w.surf), "swap with the new context");
	check(fh_wait_count(FH_CMD, GL_OP_DESTROY_CONTEXT, 1), "the old one is destroyed then");

	check(eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT), "release");
	check(eglDestroySurface(dpy, w.surf) && eglDestroyContext(dpy, ctx2), "destroy");
	check(fh_wait_count(FH_CMD, GL_OP_DESTROY_CONTEXT, 2) &&
	              fh_wait_count(FH_CMD, GL_OP_DESTROY_SURFACE, 1),
	      "the host hears of both");
	wl_egl_window_destroy(w.win);
}

static void case_get(void)
{
	setup(0);
	current_pbuffer();
	GLint v = 0, vp[4] = {0};
	glGetIntegerv(GL_MAX_TEXTURE_SIZE, &v);
	check(v == 4096 && fh_count(FH_CMD, GLES_OP_glGetIntegerv) == 0, "a limit, no round trip");
	glGetIntegerv(0x0D32, &v);
	check(v == 8 && glGetError() == GL_NO_ERROR && fh_count(FH_CMD, GLES_OP_glGetError) == 1,
	      "a value only the host's list names");
	glGetIntegerv(0x9597 /* GL_DEVICE_UUID_EXT, refused on purpose */, &v);
	check(glGetError() == GL_INVALID_ENUM && fh_count(FH_CMD, GLES_OP_glGetError) == 1,
	      "an unknown pname is GL_INVALID_ENUM, found by the client");
	glGetIntegerv(GL_VIEWPORT, vp);
	check(vp[3] == 42 && fh_count(FH_CMD, GLES_OP_glGetIntegerv) == 1, "state asks the host");
	GLfloat range[2] = {0};
	glGetFloatv(GL_ALIASED_LINE_WIDTH_RANGE, range);
	check(range[0] == 1 && range[1] == 8, "float limits");
	check(glGetError() == GL_NO_ERROR && fh_count(FH_CMD, GLES_OP_glGetError) == 2,
	      "glGetError asks the host");
	glPixelStorei(GL_UNPACK_ALIGNMENT, 3);
	check(glGetError() == GL_INVALID_VALUE && fh_count(FH_CMD, GLES_OP_glGetError) == 2,
	      "a client-detected error needs no round trip");
	char want[64];
	snprintf(want, sizeof(want), "OpenGL ES %u.%u gpupipe",
	         GL_VERSION_MAJOR(gles_streamed_version[GL_API_GLES2]),
	         GL_VERSION_MINOR(gles_streamed_version[GL_API_GLES2]));
	check(strncmp((const char *)glGetString(GL_VERSION), want, strlen(want)) == 0,
	      "GL_VERSION");
	const char *ext = (const char *)glGetString(GL_EXTENSIONS);
	check(strstr(ext, "GL_OES_mapbuffer") && strstr(ext, "GL_OES_surfaceless_context") &&
	              !strstr(ext, "GL_NV_fence") && !strstr(ext, "GL_OES_EGL_image"),
	      "GL_EXTENSIONS = ours and the host's: %s", ext);
	GLuint b = 0;
	glGenBuffers(1, &b);
	glBindBuffer(GL_ARRAY_BUFFER, b);
	glGetIntegerv(GL_ARRAY_BUFFER_BINDING, &v);
	check(b != 0 && (GLuint)v == b && fh_count(FH_CMD, GLES_OP_glGetIntegerv) == 1,
	      "bindings are answered by the client");
	glDeleteBuffers(1, &b);
	glGetIntegerv(GL_ARRAY_BUFFER_BINDING, &v);
	check(v == 0, "deleting unbinds");
	glFinish();
	check(fh_count(FH_CMD, GLES_OP_glGenBuffers) == 1 &&
	              fh_count(FH_CMD, GLES_OP_glFinish) == 1,
	      "glGenBuffers and glFinish reached the host");
}

static void case_map(void)
{
	setup(0);
	current_pbuffer();
	PFNGLMAPBUFFERRANGEEXTPROC map_range =
	        (PFNGLMAPBUFFERRANGEEXTPROC)eglGetProcAddress("glMapBufferRangeEXT");
	PFNGLMAPBUFFEROESPROC map = (PFNGLMAPBUFFEROESPROC)eglGetProcAddress("glMapBufferOES");
	PFNGLUNMAPBUFFEROESPROC unmap =
	        (PFNGLUNMAPBUFFEROESPROC)eglGetProcAddress("glUnmapBufferOES");
	check(map_range && map && unmap, "map entry points");
	GLuint b;
	glGenBuffers(1, &b);
	glBindBuffer(GL_ARRAY_BUFFER, b);
	glBufferData(GL_ARRAY_BUFFER, 64, NULL, GL_STATIC_DRAW);
	const uint8_t *r = map_range(GL_ARRAY_BUFFER, 8, 16, GL_MAP_READ_BIT_EXT);
	check(r && r[0] == 8 && r[15] == 23, "a read map holds the host's bytes");
	check(unmap(GL_ARRAY_BUFFER) && fh_count(FH_CMD, GLES_OP_glBufferSubData) == 0,
	      "unmapping a read map writes nothing");
	uint8_t *w = map(GL_ARRAY_BUFFER, GL_WRITE_ONLY_OES);
	check(w && w[63] == 63, "glMapBufferOES keeps the buffer's bytes");
	w[0] = 0xaa;
	check(unmap(GL_ARRAY_BUFFER), "unmap");
	glFinish();
	int sub = fh_find(0, FH_CMD, GLES_OP_glBufferSubData);
	check(sub >= 0 && event(sub)->payload[24] == 0xaa, "written bytes go back");
	check(map_range(GL_ARRAY_BUFFER, 60, 8, GL_MAP_WRITE_BIT_EXT) == NULL &&
	              glGetError() == GL_INVALID_VALUE,
	      "a range past the end");
	check(!unmap(GL_ARRAY_BUFFER) && glGetError() == GL_INVALID_OPERATION, "unmap unmapped");
}

static void case_lost(void)
{
	setup(0);
	struct wl_surface *ws = wl_compositor_create_surface(compositor);
	struct wl_egl_window *win = wl_egl_window_create(ws, 32, 32);
	EGLConfig cfg = choose(EGL_WINDOW_BIT, 8);
	EGLContext ctx = context(cfg);
	EGLSurface surf = eglCreateWindowSurface(dpy, cfg, (EGLNativeWindowType)win, NULL);
	check(eglMakeCurrent(dpy, surf, surf, ctx), "eglMakeCurrent");
	check(eglSwapBuffers(dpy, surf), "a swap before the loss");
	fh_close_streams();
	for (int i = 0; i < 1000; i++)
		glClear(GL_COLOR_BUFFER_BIT); /* never SIGPIPE, never block */
	glFlush();
	check(glGetError() == 0x0507, "GL_CONTEXT_LOST once");
	check(glGetError() == GL_NO_ERROR, "then no error");
	check(!eglSwapBuffers(dpy, surf) && eglGetError() == EGL_CONTEXT_LOST,
	      "eglSwapBuffers says EGL_CONTEXT_LOST");
	check(eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT), "release");
	check(!eglMakeCurrent(dpy, surf, surf, ctx) && eglGetError() == EGL_CONTEXT_LOST,
	      "eglMakeCurrent says EGL_CONTEXT_LOST");
	check(eglCreateContext(dpy, cfg, EGL_NO_CONTEXT, NULL) == EGL_NO_CONTEXT, "no new context");
}

static void *thread_main(void *data)
{
	EGLConfig cfg = choose(EGL_PBUFFER_BIT, 8);
	EGLContext ctx = context(cfg);
	EGLSurface s = pbuffer(cfg);
	check(eglMakeCurrent(dpy, s, s, ctx), "eglMakeCurrent in a thread");
	for (int i = 0; i < 100; i++) {
		glClearColor((float)i / 100, 0, 0, 1);
		glClear(GL_COLOR_BUFFER_BIT);
		if (i % 10 == 0)
			glFinish();
	}
	check(eglGetCurrentContext() == ctx, "each thread keeps its context");
	check(eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT), "release");
	return NULL;
}

static void case_threads(void)
{
	setup(0);
	pthread_t t[4];
	for (int i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, thread_main, NULL);
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	check(fh_count(FH_STREAM_OPEN, 0) == 5, "one stream per context and the display's");
	check(fh_count(FH_CMD, GLES_OP_glFinish) == 40, "every glFinish answered");
	check(fh_wait_count(FH_CMD, GLES_OP_glClear, 400), "every glClear arrived");
}

static void case_sync(void)
{
	setup(GL_HOST_FENCE_SYNC | GL_HOST_WAIT_SYNC);
	current_pbuffer();
	PFNEGLCREATESYNCKHRPROC create =
	        (PFNEGLCREATESYNCKHRPROC)eglGetProcAddress("eglCreateSyncKHR");
	PFNEGLCLIENTWAITSYNCKHRPROC wait =
	        (PFNEGLCLIENTWAITSYNCKHRPROC)eglGetProcAddress("eglClientWaitSyncKHR");
	PFNEGLGETSYNCATTRIBKHRPROC attrib =
	        (PFNEGLGETSYNCATTRIBKHRPROC)eglGetProcAddress("eglGetSyncAttribKHR");
	PFNEGLDESTROYSYNCKHRPROC destroy =
	        (PFNEGLDESTROYSYNCKHRPROC)eglGetProcAddress("eglDestroySyncKHR");
	PFNEGLWAITSYNCKHRPROC server_wait =
	        (PFNEGLWAITSYNCKHRPROC)eglGetProcAddress("eglWaitSyncKHR");
	check(create && wait && attrib && destroy && server_wait, "fence sync entry points");
	EGLSyncKHR s = create(dpy, EGL_SYNC_FENCE_KHR, NULL);
	check(s != EGL_NO_SYNC_KHR, "eglCreateSyncKHR");
	check(fh_find(0, FH_CMD, GL_OP_SYNC_CREATE) >= 0 &&
	              event(fh_find(0, FH_CMD, GL_OP_SYNC_CREATE))->stream == 1,
	      "the fence goes into the context's stream");
	check(server_wait(dpy, s, 0) == EGL_TRUE, "eglWaitSyncKHR");
	check(wait(dpy, s, EGL_SYNC_FLUSH_COMMANDS_BIT_KHR, EGL_FOREVER_KHR) ==
	              EGL_CONDITION_SATISFIED_KHR,
	      "eglClientWaitSyncKHR");
	EGLint status = 0;
	check(attrib(dpy, s, EGL_SYNC_STATUS_KHR, &status) && status == EGL_SIGNALED_KHR, "status");
	check(fh_count(FH_CMD, GL_OP_SYNC_CLIENT_WAIT) == 1, "a signalled sync is not asked again");
	check(destroy(dpy, s), "eglDestroySyncKHR");
	EGLSync s2 = eglCreateSync(dpy, EGL_SYNC_FENCE, NULL);
	check(s2 != EGL_NO_SYNC && eglClientWaitSync(dpy, s2, 0, 0) == EGL_CONDITION_SATISFIED,
	      "EGL 1.5 syncs");
	check(eglDestroySync(dpy, s2), "eglDestroySync");
	glFlush();
	check(fh_wait_count(FH_CMD, GL_OP_SYNC_DESTROY, 2), "both destroyed on the host");
}

static void case_image(void)
{
	setup(GL_HOST_IMAGE);
	EGLContext ctx = current_pbuffer();
	GLuint tex, tex2;
	glGenTextures(1, &tex);
	glBindTexture(GL_TEXTURE_2D, tex);
	glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 4, 4, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
	PFNEGLCREATEIMAGEKHRPROC create =
	        (PFNEGLCREATEIMAGEKHRPROC)eglGetProcAddress("eglCreateImageKHR");
	PFNEGLDESTROYIMAGEKHRPROC destroy =
	        (PFNEGLDESTROYIMAGEKHRPROC)eglGetProcAddress("eglDestroyImageKHR");
	PFNGLEGLIMAGETARGETTEXTURE2DOESPROC target =
	        (PFNGLEGLIMAGETARGETTEXTURE2DOESPROC)eglGetProcAddress(
	                "glEGLImageTargetTexture2DOES");
	check(create && destroy && target, "image entry points");
	EGLImageKHR img =
	        create(dpy, ctx, EGL_GL_TEXTURE_2D_KHR, (EGLClientBuffer)(uintptr_t)tex, NULL);
	check(img != EGL_NO_IMAGE_KHR, "eglCreateImageKHR");
	int ic = fh_find(0, FH_CMD, GL_OP_IMAGE_CREATE);
	check(ic > fh_find(0, FH_CMD, GLES_OP_glTexImage2D) && event(ic)->stream == 1 &&
	              u32_at(event(ic), 3) == tex,
	      "IMAGE_CREATE follows the texture on the context's stream");
	check(create(dpy, ctx, EGL_GL_TEXTURE_2D_KHR, (EGLClientBuffer)(uintptr_t)999, NULL) ==
	              EGL_NO_IMAGE_KHR,
	      "a texture the app never made");
	glGenTextures(1, &tex2);
	glBindTexture(GL_TEXTURE_2D, tex2);
	target(GL_TEXTURE_2D, img);
	target(GL_TEXTURE_2D, (GLeglImageOES)(uintptr_t)0x1234);
	check(glGetError() == GL_INVALID_VALUE, "an unknown image");
	check(destroy(dpy, img), "eglDestroyImageKHR");
	glFinish();
	int t = fh_find(0, FH_CMD, GLES_OP_glEGLImageTargetTexture2DOES);
	check(t > ic && u32_at(event(t), 1) == u32_at(event(ic), 0),
	      "the image travels as its handle");
	check(fh_count(FH_CMD, GL_OP_IMAGE_DESTROY) == 1, "IMAGE_DESTROY");
}

/* ---- eglTerminate and eglInitialize ---- */

/* Draws one frame of `red` into a fresh window surface and context, then
 * releases them: what each cycle of an app that re-initialises does. */
static void window_cycle(struct wl_egl_window *win, float red, int cycle)
{
	EGLConfig cfg = choose(EGL_WINDOW_BIT, 8);
	EGLContext ctx = context(cfg);
	EGLSurface surf = eglCreateWindowSurface(dpy, cfg, (EGLNativeWindowType)win, NULL);
	check(surf != EGL_NO_SURFACE, "a window surface in cycle %d", cycle);
	check(eglMakeCurrent(dpy, surf, surf, ctx), "eglMakeCurrent in cycle %d", cycle);
	glClearColor(red, 0, 0, 1);
	glClear(GL_COLOR_BUFFER_BIT);
	check(eglSwapBuffers(dpy, surf), "eglSwapBuffers in cycle %d", cycle);
	check(eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT), "release");
	check(eglTerminate(dpy), "eglTerminate in cycle %d", cycle);
	EGLint v;
	check(!eglQueryContext(dpy, ctx, EGL_CONFIG_ID, &v) && eglGetError() == EGL_NOT_INITIALIZED,
	      "a terminated display says EGL_NOT_INITIALIZED");
}

/* Every gpupipe_v1 binding the fake host saw was the client's only live one. */
static void check_one_binding_at_a_time(void)
{
	const struct fh_event *ev;
	int n = fh_events(&ev);
	for (int i = 0; i < n; i++)
		check(ev[i].kind != FH_BIND || ev[i].a[0] == 1, "two live gpupipe_v1 bindings");
	check(wl_display_get_error(wl) == 0, "no Wayland protocol error");
}

static void terminate_with_nothing_current(void)
{
	struct wl_surface *ws = wl_compositor_create_surface(compositor);
	struct wl_egl_window *win = wl_egl_window_create(ws, 32, 32);
	for (int i = 0; i < 5; i++) {
		window_cycle(win, (float)i / 4, i);
		wl_display_roundtrip(wl);
		check(fh_count(FH_UNBIND, 0) == i + 1, "eglTerminate destroys the binding");
		EGLint major = 0, minor = 0;
		check(eglInitialize(dpy, NULL, NULL), "eglInitialize after eglTerminate, cycle %d",
		      i);
		check(eglInitialize(dpy, &major, &minor) && major == 1 && minor == 5,
		      "eglInitialize of an initialized display gives the version");
	}
	check(fh_count(FH_BIND, 0) == 6, "one binding per initialization, got %d",
	      fh_count(FH_BIND, 0));
	check(fh_wait_count(FH_CMD, GL_OP_DESTROY_CONTEXT, 5) &&
	              fh_wait_count(FH_CMD, GL_OP_DESTROY_SURFACE, 5),
	      "each cycle's context and surface are destroyed on the host");
	check(fh_count(FH_CMD, GL_OP_SWAP) == 5, "a frame per cycle");
	wl_egl_window_destroy(win);
	wl_surface_destroy(ws);
}

static void terminate_with_a_current_context(void)
{
	EGLConfig cfg = choose(EGL_PBUFFER_BIT, 8);
	EGLContext old = context(cfg);
	EGLSurface pb = pbuffer(cfg);
	check(eglMakeCurrent(dpy, pb, pb, old), "eglMakeCurrent");
	uint32_t old_handle = handle_of_last(GL_OP_CREATE_CONTEXT);
	int binds = fh_count(FH_BIND, 0), finishes = fh_count(FH_CMD, GLES_OP_glFinish);
	check(eglTerminate(dpy), "eglTerminate with a context current");
	glClear(GL_COLOR_BUFFER_BIT);
	glFinish();
	check(fh_count(FH_CMD, GLES_OP_glFinish) == finishes + 1 && glGetError() == GL_NO_ERROR,
	      "the current context still renders after eglTerminate");
	check(eglGetCurrentContext() == old, "and is still current");

	check(eglInitialize(dpy, NULL, NULL), "eglInitialize while it is current");
	check(fh_count(FH_BIND, 0) == binds, "the binding it holds serves the new initialization");
	EGLint v;
	check(!eglQueryContext(dpy, old, EGL_CONFIG_ID, &v) && eglGetError() == EGL_BAD_CONTEXT,
	      "the terminated context's handle is no longer valid");
	check(!eglQuerySurface(dpy, pb, EGL_WIDTH, &v) && eglGetError() == EGL_BAD_SURFACE,
	      "nor its surface's");

	int destroyed = fh_count(FH_CMD, GL_OP_DESTROY_CONTEXT);
	cfg = choose(EGL_PBUFFER_BIT, 8);
	EGLContext fresh = context(cfg);
	EGLSurface pb2 = pbuffer(cfg);
	check(eglMakeCurrent(dpy, pb2, pb2, fresh), "a context made after re-initialization");
	glClear(GL_COLOR_BUFFER_BIT);
	glFinish();
	check(fh_wait_count(FH_CMD, GL_OP_DESTROY_CONTEXT, destroyed + 1),
	      "the terminated context is destroyed at its release");
	int d = fh_find(0, FH_CMD, GL_OP_DESTROY_CONTEXT);
	for (int i = 0; i < destroyed; i++)
		d = fh_find(d + 1, FH_CMD, GL_OP_DESTROY_CONTEXT);
	check(u32_at(event(d), 0) == old_handle, "and it is the one destroyed");

	/* Terminated while current, then released: everything goes, and the
	 * next initialization binds again. */
	check(eglTerminate(dpy), "eglTerminate");
	wl_display_roundtrip(wl);
	int unbinds = fh_count(FH_UNBIND, 0);
	check(eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT),
	      "a release on a terminated display");
	wl_display_roundtrip(wl);
	check(fh_count(FH_UNBIND, 0) == unbinds + 1, "the binding goes with the last release");
	check(eglInitialize(dpy, NULL, NULL), "eglInitialize after the release");
	check(fh_count(FH_BIND, 0) == binds + 1, "a new binding");
	current_pbuffer();
	glFinish();
	check(eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT), "release");
}

static void case_reinit(void)
{
	setup(GL_HOST_FENCE_SYNC);
	terminate_with_nothing_current();
	terminate_with_a_current_context();
	check_one_binding_at_a_time();
}

/* ---- error codes (EGL 1.5, chapter 3) ---- */

static void expect_error(bool failed, EGLint want, const char *what)
{
	EGLint got = eglGetError();
	check(failed && got == want, "%s: want error 0x%x, got 0x%x", what, want, got);
}

static void case_errors(void)
{
	setup(0);
	EGLConfig cfg = choose(EGL_WINDOW_BIT, 8), bad_cfg = (EGLConfig)(uintptr_t)999;
	EGLSurface pb = pbuffer(cfg), bad_surf = (EGLSurface)(uintptr_t)0x1234;
	expect_error(!eglCreatePixmapSurface(dpy, bad_cfg, 0, NULL), EGL_BAD_CONFIG,
	             "pixmap surface of no config");
	expect_error(!eglCreatePixmapSurface(dpy, cfg, 0, NULL), EGL_BAD_MATCH,
	             "pixmap surface of a config without EGL_PIXMAP_BIT");
	expect_error(!eglCreatePlatformPixmapSurface(dpy, cfg, NULL, NULL), EGL_BAD_PARAMETER,
	             "platform pixmap surface on Wayland");
	expect_error(!eglCopyBuffers(dpy, bad_surf, 0), EGL_BAD_SURFACE, "copy from no surface");
	expect_error(!eglCopyBuffers(dpy, pb, 0), EGL_BAD_NATIVE_PIXMAP, "copy to no pixmap");
	expect_error(!eglBindTexImage(dpy, bad_surf, EGL_BACK_BUFFER), EGL_BAD_SURFACE,
	             "bind of no surface");
	expect_error(!eglBindTexImage(dpy, pb, 0x1234), EGL_BAD_PARAMETER, "bind of no buffer");
	expect_error(!eglBindTexImage(dpy, pb, EGL_BACK_BUFFER), EGL_BAD_MATCH,
	             "bind of an EGL_NO_TEXTURE pbuffer");
	expect_error(!eglReleaseTexImage(dpy, pb, EGL_BACK_BUFFER), EGL_BAD_MATCH,
	             "release of an EGL_NO_TEXTURE pbuffer");
	expect_error(!eglCreatePbufferFromClientBuffer(dpy, EGL_OPENVG_IMAGE, NULL, cfg, NULL),
	             EGL_BAD_PARAMETER, "pbuffer from an OpenVG image");
	const EGLint bad_format[] = {EGL_TEXTURE_FORMAT, 0x1234, EGL_NONE};
	expect_error(!eglCreatePbufferSurface(dpy, cfg, bad_format), EGL_BAD_ATTRIBUTE,
	             "EGL_TEXTURE_FORMAT that does not exist");
	const EGLint rgba[] = {EGL_TEXTURE_FORMAT, EGL_TEXTURE_RGBA, EGL_TEXTURE_TARGET,
	                       EGL_TEXTURE_2D, EGL_NONE};
	expect_error(!eglCreatePbufferSurface(dpy, cfg, rgba), EGL_BAD_MATCH,
	             "EGL_TEXTURE_RGBA with a config that binds no texture");
	expect_error(
	        !eglSurfaceAttrib(dpy, pb, EGL_MULTISAMPLE_RESOLVE, EGL_MULTISAMPLE_RESOLVE_BOX),
	        EGL_BAD_MATCH, "box resolve without EGL_MULTISAMPLE_RESOLVE_BOX_BIT");
	expect_error(!eglSurfaceAttrib(dpy, pb, EGL_MULTISAMPLE_RESOLVE, 0x1234), EGL_BAD_PARAMETER,
	             "a resolve that does not exist");

	check(eglTerminate(dpy), "eglTerminate");
	expect_error(!eglCreatePixmapSurface(dpy, cfg, 0, NULL), EGL_NOT_INITIALIZED,
	             "pixmap surface on a terminated display");
	expect_error(!eglCreatePlatformPixmapSurface(dpy, cfg, NULL, NULL), EGL_NOT_INITIALIZED,
	             "platform pixmap surface on a terminated display");
	expect_error(!eglCopyBuffers(dpy, pb, 0), EGL_NOT_INITIALIZED,
	             "copy on a terminated display");
	expect_error(!eglBindTexImage(dpy, pb, EGL_BACK_BUFFER), EGL_NOT_INITIALIZED,
	             "bind on a terminated display");
	expect_error(!eglCreatePbufferFromClientBuffer(dpy, EGL_OPENVG_IMAGE, NULL, cfg, NULL),
	             EGL_NOT_INITIALIZED, "client buffer on a terminated display");
	expect_error(!eglCreateContext(dpy, cfg, EGL_NO_CONTEXT, NULL), EGL_NOT_INITIALIZED,
	             "context on a terminated display");
}

/* ---- why something was refused (GPUPIPE_LOG=info) ---- */

static void case_log(void)
{
	setenv("GPUPIPE_LOG", "info", 1); /* read when glvnd loads the vendor */
	char path[] = "/tmp/egl-vendor-log.XXXXXX";
	int fd = mkstemp(path), saved = dup(2);
	check(fd >= 0 && saved >= 0, "a log file");
	fflush(stderr);
	dup2(fd, 2);
	setup(0);
	EGLConfig cfg;
	EGLint n = -1;
	const EGLint vg[] = {EGL_RENDERABLE_TYPE, EGL_OPENVG_BIT, EGL_NONE};
	const EGLint deep[] = {EGL_RED_SIZE, 16, EGL_RENDERABLE_TYPE, EGL_OPENGL_ES2_BIT, EGL_NONE};
	bool vg_none = eglChooseConfig(dpy, vg, &cfg, 1, &n) && n == 0;
	bool deep_none = eglChooseConfig(dpy, deep, &cfg, 1, &n) && n == 0;
	cfg = choose(EGL_PBUFFER_BIT, 8);
	const EGLint bad[] = {EGL_CONTEXT_CLIENT_VERSION, 2, 0x1234, 1, EGL_NONE};
	bool ctx_refused = eglCreateContext(dpy, cfg, EGL_NO_CONTEXT, bad) == EGL_NO_CONTEXT &&
	                   eglGetError() == EGL_BAD_ATTRIBUTE;
	const EGLint rgb565[] = {EGL_CONFIG_ID, 3, EGL_NONE};
	check(eglChooseConfig(dpy, rgb565, &cfg, 1, &n) && n == 1, "config 3");
	struct wl_surface *ws = wl_compositor_create_surface(compositor);
	struct wl_egl_window *win = wl_egl_window_create(ws, 32, 32);
	bool surf_refused = eglCreateWindowSurface(dpy, cfg, (EGLNativeWindowType)win, NULL) ==
	                            EGL_NO_SURFACE &&
	                    eglGetError() == EGL_BAD_MATCH;
	fflush(stderr);
	dup2(saved, 2);

	char text[16384] = "";
	ssize_t got = pread(fd, text, sizeof(text) - 1, 0);
	text[got > 0 ? got : 0] = '\0';
	close(fd);
	unlink(path);
	fprintf(stderr, "--- the library's log ---\n%s---\n", text);
	check(vg_none && deep_none && ctx_refused && surf_refused, "the refusals themselves");
	static const char *const lines[] = {
	        "info: eglChooseConfig: no config with EGL_RENDERABLE_TYPE 0x2 (configs offer 0x",
	        "info: eglChooseConfig: no config with EGL_RED_SIZE at least 16 (configs offer at "
	        "most 8)",
	        "info: eglCreateContext: attribute 0x1234 is not accepted for OpenGL ES "
	        "(EGL_BAD_ATTRIBUTE)",
	        "info: eglCreateWindowSurface: config 3 has no EGL_WINDOW_BIT (R5G6B5A0 is not a "
	        "wl_shm format) (EGL_BAD_MATCH)",
	};
	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
		check(strstr(text, lines[i]) != NULL, "the log says \"%s\"", lines[i]);
}

/* OpenGL ES 1.1 where the host offers it: EGL's defaults (no
 * EGL_RENDERABLE_TYPE, no EGL_CONTEXT_CLIENT_VERSION) mean ES 1 and now
 * find configs and make contexts; the strings are ES-CM's; fixed-function
 * client arrays travel with their kind; ES 2 commands are
 * GL_INVALID_OPERATION. GL functions through eglGetProcAddress (the test
 * links glvnd's libGLESv2 only). */
static void case_es1(void)
{
	struct fh_options opts = {.features = GL_HOST_FENCE_SYNC, .gles1 = true};
	setup_opts(&opts);
	EGLConfig cfgs[8];
	EGLint n = 0, v = 0;
	const EGLint defaults[] = {EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_NONE};
	check(eglChooseConfig(dpy, defaults, cfgs, 8, &n) && n == 4,
	      "the default EGL_RENDERABLE_TYPE (ES 1) finds the 4 configs, got %d", n);
	check(eglGetConfigAttrib(dpy, cfgs[0], EGL_RENDERABLE_TYPE, &v) && (v & EGL_OPENGL_ES_BIT),
	      "configs render ES 1");
	EGLContext ctx = eglCreateContext(dpy, cfgs[0], EGL_NO_CONTEXT, NULL);
	check(ctx != EGL_NO_CONTEXT, "no EGL_CONTEXT_CLIENT_VERSION: an ES 1 context");
	check(eglQueryContext(dpy, ctx, EGL_CONTEXT_CLIENT_VERSION, &v) && v == 1,
	      "EGL_CONTEXT_CLIENT_VERSION 1, got %d", v);
	int create = fh_find(0, FH_CMD, GL_OP_CREATE_CONTEXT);
	check(create >= 0 && u32_at(event(create), 3) == GL_API_GLES1 &&
	              u32_at(event(create), 4) == GL_VERSION_CODE(1, 1),
	      "GL_OP_CREATE_CONTEXT asks for GL_API_GLES1 1.1");
	const EGLint es10[] = {EGL_CONTEXT_MAJOR_VERSION, 1, EGL_CONTEXT_MINOR_VERSION, 0,
	                       EGL_NONE};
	const EGLint es12[] = {EGL_CONTEXT_MAJOR_VERSION, 1, EGL_CONTEXT_MINOR_VERSION, 2,
	                       EGL_NONE};
	EGLContext c10 = eglCreateContext(dpy, cfgs[0], EGL_NO_CONTEXT, es10);
	check(c10 != EGL_NO_CONTEXT && eglDestroyContext(dpy, c10), "ES 1.0 gets ES 1.1");
	check(eglCreateContext(dpy, cfgs[0], EGL_NO_CONTEXT, es12) == EGL_NO_CONTEXT &&
	              eglGetError() == EGL_BAD_MATCH,
	      "ES 1.2 does not exist");
	const EGLint es2[] = {EGL_CONTEXT_CLIENT_VERSION, 2, EGL_NONE};
	EGLContext c2 = eglCreateContext(dpy, cfgs[0], EGL_NO_CONTEXT, es2);
	check(eglCreateContext(dpy, cfgs[0], c2, NULL) == EGL_NO_CONTEXT &&
	              eglGetError() == EGL_BAD_MATCH,
	      "no sharing between ES 1 and ES 2");
	eglDestroyContext(dpy, c2);

	EGLSurface surf = pbuffer(cfgs[0]);
	check(eglMakeCurrent(dpy, surf, surf, ctx), "eglMakeCurrent");
	const char *version = (const char *)glGetString(GL_VERSION);
	check(version && strncmp(version, "OpenGL ES-CM 1.1 gpupipe", 24) == 0, "GL_VERSION %s",
	      version ? version : "(null)");
	check(!glGetString(GL_SHADING_LANGUAGE_VERSION) && glGetError() == GL_INVALID_ENUM,
	      "no shading language in ES 1");
	const char *exts = (const char *)glGetString(GL_EXTENSIONS);
	check(exts && strstr(exts, "GL_OES_point_size_array") &&
	              strstr(exts, "GL_OES_point_sprite"),
	      "ES 1 extensions: %s", exts ? exts : "(null)");
	GLint units = 0, lights = 0;
	glGetIntegerv(GL_MAX_TEXTURE_UNITS, &units);
	glGetIntegerv(GL_MAX_LIGHTS, &lights);
	check(units == 4 && lights == 8, "ES 1 limits from GL_OP_INIT: %d units, %d lights", units,
	      lights);

	typedef void(GL_APIENTRY * pointer_fn)(GLint, GLenum, GLsizei, const void *);
	typedef void(GL_APIENTRY * state_fn)(GLenum);
	typedef void(GL_APIENTRY * getp_fn)(GLenum, void **);
	pointer_fn vertex_pointer = (pointer_fn)eglGetProcAddress("glVertexPointer");
	pointer_fn tex_pointer = (pointer_fn)eglGetProcAddress("glTexCoordPointer");
	state_fn enable_cs = (state_fn)eglGetProcAddress("glEnableClientState");
	state_fn client_active = (state_fn)eglGetProcAddress("glClientActiveTexture");
	getp_fn get_pointer = (getp_fn)eglGetProcAddress("glGetPointerv");
	check(vertex_pointer && tex_pointer && enable_cs && client_active && get_pointer,
	      "ES 1 entry points");
	static const float xy[5][2] = {{0, 0}, {1, 0}, {2, 0}, {3, 0}, {4, 0}};
	static const short st[5][4] = {
	        {1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}, {13, 14, 15, 16}, {17, 18, 19, 20}};
	vertex_pointer(2, GL_FLOAT, 0, xy);
	enable_cs(GL_VERTEX_ARRAY);
	client_active(GL_TEXTURE0 + 2);
	tex_pointer(2, GL_SHORT, 8, st); /* every other pair: a stride */
	enable_cs(GL_TEXTURE_COORD_ARRAY);
	void *got = NULL;
	get_pointer(GL_TEXTURE_COORD_ARRAY_POINTER, &got);
	GLint stride = 0, active = 0;
	glGetIntegerv(GL_TEXTURE_COORD_ARRAY_STRIDE, &stride);
	glGetIntegerv(GL_CLIENT_ACTIVE_TEXTURE, &active);
	check(got == st && stride == 8 && active == (GLint)GL_TEXTURE0 + 2,
	      "array state answered on the client: %d 0x%x", stride, active);
	vertex_pointer(5, GL_FLOAT, 0, xy);
	check(glGetError() == GL_INVALID_VALUE, "glVertexPointer size 5: GL_INVALID_VALUE");
	vertex_pointer(2, GL_UNSIGNED_BYTE, 0, xy);
	check(glGetError() == GL_INVALID_ENUM, "glVertexPointer of bytes: GL_INVALID_ENUM");
	glDrawArrays(GL_TRIANGLES, 1, 3);
	check(glCreateShader(GL_VERTEX_SHADER) == 0 && glGetError() == GL_INVALID_OPERATION,
	      "an ES 2 command in an ES 1 context: GL_INVALID_OPERATION");
	glFinish();

	int ca = fh_find(0, FH_CMD, GL_OP_CLIENT_ARRAY);
	check(ca >= 0 && u32_at(event(ca), 0) == GL_ARRAY_VERTEX && u32_at(event(ca), 5) == 1 &&
	              u32_at(event(ca), 6) == 3 && u32_at(event(ca), 7) == 24 &&
	              memcmp(event(ca)->payload + 32, xy[1], 24) == 0,
	      "the vertex array's vertices 1..3 travel");
	int tc = fh_find(ca + 1, FH_CMD, GL_OP_CLIENT_ARRAY);
	const short want[3][2] = {{5, 6}, {9, 10}, {13, 14}};
	check(tc > ca && u32_at(event(tc), 0) == GL_ARRAY_TEXCOORD && u32_at(event(tc), 1) == 2 &&
	              u32_at(event(tc), 7) == 12 && memcmp(event(tc)->payload + 32, want, 12) == 0,
	      "unit 2's coordinates travel packed");
	check(fh_find(tc, FH_CMD, GLES_OP_glDrawArrays) == tc + 1, "then the draw");
	eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
}

/* A host of another release (its GL_OP_INIT reply names another codec):
 * eglInitialize fails with EGL_NOT_INITIALIZED and the app's Wayland
 * connection goes on, as without GL. */
static void case_release(void)
{
	struct fh_options opts = {.codec = GLES_CODEC_ID ^ 1};
	connect_fake(&opts);
	check(!eglInitialize(dpy, NULL, NULL), "eglInitialize fails");
	check(eglGetError() == EGL_NOT_INITIALIZED, "with EGL_NOT_INITIALIZED");
	check(!eglInitialize(dpy, NULL, NULL), "and again (asked again, same answer)");
	check(fh_count(FH_CMD, GL_OP_INIT) == 2, "each asked the host");
	check(fh_count(FH_CMD, GL_OP_CREATE_CONTEXT) == 0, "nothing else was sent");
	check(wl_display_roundtrip(wl) >= 0, "the Wayland connection goes on");
	wl_display_disconnect(wl);
	fh_stop();
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		void (*fn)(void);
	} cases[] = {
	        {"init", case_init},       {"draw", case_draw},   {"get", case_get},
	        {"map", case_map},         {"lost", case_lost},   {"threads", case_threads},
	        {"sync", case_sync},       {"image", case_image}, {"reinit", case_reinit},
	        {"errors", case_errors},   {"log", case_log},     {"es1", case_es1},
	        {"release", case_release},
	};
	if (!getenv("__EGL_VENDOR_LIBRARY_FILENAMES")) {
		fprintf(stderr, "SKIP: set __EGL_VENDOR_LIBRARY_FILENAMES to gpupipe's JSON\n");
		return 77;
	}
	for (size_t i = 0; argc == 2 && i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (strcmp(argv[1], cases[i].name) == 0) {
			cases[i].fn();
			printf("ok: %s\n", argv[1]);
			return 0;
		}
	}
	fprintf(stderr, "usage: egl-vendor CASE\n");
	return 2;
}
