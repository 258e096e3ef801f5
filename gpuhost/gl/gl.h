/*
 * The GL executor of one link: the app's contexts, surfaces, syncs and
 * images re-created on the host's EGL display (gpuhost/egl/), and the GL
 * streams that drive them (one per channel; see gl-stream.h). Lives in the link's own
 * gpupipe-host process, created while the session sets itself up (before
 * its sandbox: the driver reads its files and starts its threads then).
 *
 * Rendering: every app surface renders into an off-screen back buffer on
 * the host (a pbuffer). GL_OP_SWAP copies it into a frame buffer that the
 * app created through gpupipe_v1.create_memory: a dmabuf from GBM on a
 * render node (blit) or an shm buffer (glReadPixels), whichever
 * gh_gl_create chose.
 */
#ifndef GH_GL_H
#define GH_GL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct gh_session;
struct gh_gl;

/* How frame buffers reach the host compositor. */
enum gh_gl_present {
	GH_GL_PRESENT_SHM,    /* wl_shm pools; glReadPixels into them */
	GH_GL_PRESENT_DMABUF, /* zwp_linux_dmabuf_v1; GBM buffers, blitted */
};

/* Opens the host's EGL: GBM on a render node when there is one, else EGL
 * surfaceless (llvmpipe without a GPU), and makes a context current once so
 * that the driver is fully started. GPUPIPE_RENDER_NODE=/dev/dri/renderD128
 * picks the node, =none forces the shm path. NULL (logged) when no EGL can
 * render GLES 2. */
struct gh_gl *gh_gl_create(struct gh_session *s);

/* Where the executor's output goes: gh_gl_create sends it on the session's
 * link (session-sink.c); tests drive an executor with their own sink. */
struct gh_gl_sink {
	/* Ends the link: `reason` is logged and told to the proxy. */
	void (*fail)(void *data, const char *reason);
	/* Queues `len` bytes of stream `channel` toward the app (any length:
	 * the sink splits them into frames). False when they cannot be queued. */
	bool (*send)(void *data, uint16_t channel, const uint8_t *bytes, uint32_t len);
	/* True while what was sent waits over the link's queue bound: no more
	 * commands run then (gh_gl_stream_data). NULL: never. */
	bool (*congested)(void *data);
};
/* The APIs an executor may offer beside OpenGL ES 2.0-3.2, each as far as
 * the host's driver has it (gpupipe-host --gl-apis): one left out is never
 * described, so apps asking for it render on their own CPU, as without
 * gpupipe, and that part of the driver stays out of the app's reach. */
enum gh_gl_offer {
	GH_GL_OFFER_ES1 = 1u << 0,
	GH_GL_OFFER_CORE = 1u << 1,
	GH_GL_OFFER_COMPAT = 1u << 2,
	GH_GL_OFFER_ALL = GH_GL_OFFER_ES1 | GH_GL_OFFER_CORE | GH_GL_OFFER_COMPAT,
};
/* `use_render_node`: false keeps even a GPU machine on the shm path;
 * `offer`: enum gh_gl_offer bits. */
struct gh_gl *gh_gl_create_with_sink(const struct gh_gl_sink *sink, void *data,
                                     bool use_render_node, unsigned offer);
void gh_gl_destroy(struct gh_gl *gl);
/* Once the app binds gpupipe_v1: dmabufs when the executor can make them
 * and the compositor takes them, else shm. Call before any memory exists. */
enum gh_gl_present gh_gl_choose_present(struct gh_gl *gl, bool compositor_has_dmabuf);
/* Forgets everything the app made (streams, contexts, surfaces, syncs,
 * images, wl_buffer bindings) and keeps the host display, its configs and
 * the present context, as if the executor were new. Frame buffer memory
 * is its creator's: unref it first. For the fuzz harness (tests/fuzz/),
 * which reuses one executor because host EGL initialisation is slow. */
void gh_gl_reset(struct gh_gl *gl);
enum gh_gl_present gh_gl_present_mode(struct gh_gl *gl);

/* What the executor did, counted as it ran (gpuhost/stats.c reads them). */
struct gh_gl_counts {
	uint64_t frames;   /* GL_OP_SWAP run */
	uint64_t commands; /* GL commands run */
	uint64_t replies;  /* replies queued: each one a round trip the app waits for */
	uint64_t copied;   /* bytes the CPU copied: frames (shm readback and flip), blobs
	                      out of shared memory (shared.c) */
	uint64_t swap_ns;  /* time spent in GL_OP_SWAP */
	uint64_t shared;   /* bytes read from streams' shared memory (uploads) */
};
const struct gh_gl_counts *gh_gl_counts(const struct gh_gl *gl);
/* Calls `fn` for each window surface that swapped since the last call,
 * with what it did since then. */
typedef void (*gh_gl_surface_counts_fn)(void *data, uint32_t handle, uint32_t width,
                                        uint32_t height, uint64_t frames, uint64_t swap_ns);
void gh_gl_surface_counts(struct gh_gl *gl, gh_gl_surface_counts_fn fn, void *data);
/* "glGetError 120, glReadPixels 60": the `most` commands that replied most
 * often since the executor began, in `text` (empty: none). */
void gh_gl_round_trips_by_command(const struct gh_gl *gl, char *text, size_t len, int most);

/* What one link may make the host hold, counted from what the app asked
 * for (gpupipe-host --quota-*; README "Security model"). */
struct gh_gl_limits {
	/* Bytes of GL memory: buffer stores, texture and renderbuffer images,
	 * EGL surfaces' back buffers (and windows' front buffers: front.c) and
	 * EGLImages. Past it the allocating call is not made and the app's
	 * glGetError says GL_OUT_OF_MEMORY (EGL_BAD_ALLOC for EGL objects). */
	uint64_t memory;
	/* Live GL object names of every class. Past it the link ends: the app
	 * made the names already (they cost no round trip), so an error code
	 * would leave it using names the host does not have. */
	uint64_t names;
	/* Bytes of frame buffers (gpupipe_v1.create_memory), apart from GL
	 * memory: the compositor maps them, and a refusal ends the link. */
	uint64_t frame_memory;
};
#define GH_GL_DEFAULT_MEMORY (1024ull << 20)
#define GH_GL_DEFAULT_NAMES 65536ull
#define GH_GL_DEFAULT_FRAME_MEMORY (2048ull << 20)
/* Applies to what is allocated from now on; an executor starts with the
 * defaults. */
void gh_gl_set_limits(struct gh_gl *gl, const struct gh_gl_limits *limits);

/* Link frames for GL channels. Each returns false after ending the link
 * with gh_session_fail (bad channel, bad command, ...). Replies go out on
 * the session's link as WIRE_GL frames. gh_gl_stream_data stops after a
 * reply that leaves the sink congested, with *used < len: the caller
 * passes the rest again later (used NULL: it never stops). */
bool gh_gl_stream_open(struct gh_gl *gl, uint16_t channel);
bool gh_gl_stream_data(struct gh_gl *gl, uint16_t channel, const uint8_t *p, uint32_t len,
                       uint32_t *used);
bool gh_gl_stream_close(struct gh_gl *gl, uint16_t channel);
/* Shared memory (gl-stream.h): whether GL_OP_INIT offers it (the link
 * passes fds; off by default), and the memory of one stream (WIRE_GL_SHARED),
 * whose fd it takes. False after ending the link: not offered, a second one
 * for the stream, or an fd that is no sealed memfd of a size in bounds. */
void gh_gl_offer_shared_memory(struct gh_gl *gl, bool offer);
bool gh_gl_stream_shared(struct gh_gl *gl, uint16_t channel, int fd);
/* Open streams that have no shared memory yet. */
unsigned gh_gl_streams_without_shared(const struct gh_gl *gl);

/* Memory for one frame buffer (gpupipe_v1.create_memory). */
struct gh_gl_memory_desc {
	int fd;            /* shm memfd or dmabuf fd; the caller owns it */
	uint32_t size;     /* shm: bytes in the memfd */
	uint32_t stride;   /* bytes per row */
	uint32_t offset;   /* of the first pixel in fd */
	uint32_t fourcc;   /* dmabuf: DRM format */
	uint64_t modifier; /* dmabuf: DRM modifier */
};
struct gh_gl_memory;

/* False when a width x height frame buffer would pass the link's frame
 * memory quota (logged). */
bool gh_gl_frame_memory_fits(struct gh_gl *gl, uint32_t width, uint32_t height);
/* width, height and wl_shm format were checked by the caller (1..16384,
 * argb8888 or xrgb8888). NULL (logged) on allocation failure, or past the
 * frame memory quota. */
struct gh_gl_memory *gh_gl_memory_create(struct gh_gl *gl, uint32_t width, uint32_t height,
                                         uint32_t shm_format, struct gh_gl_memory_desc *desc);
/* The app's wl_buffer `buffer_id` now shows this memory; GL_OP_SWAP may
 * name it from now on. Takes a reference. */
void gh_gl_memory_bind_buffer(struct gh_gl *gl, struct gh_gl_memory *mem, uint32_t buffer_id);
/* The wl_buffer was destroyed: drops its reference. */
void gh_gl_buffer_destroyed(struct gh_gl *gl, uint32_t buffer_id);
/* The height of wl_buffer `buffer_id` when it is a GL frame buffer whose last swap left its
 * rows bottom to top (GL_SWAP_BOTTOM_UP_OK), which the compositor must show flipped; else 0. */
uint32_t gh_gl_buffer_bottom_up(struct gh_gl *gl, uint32_t buffer_id);
void gh_gl_memory_unref(struct gh_gl_memory *mem);

/* Seconds a GL command runs in the driver before the link process says so. */
#define GH_GL_SLOW_S 4
/* Called about once a second from a thread other than the one running the
 * GL streams: logs a command that has run GH_GL_SLOW_S seconds in the
 * driver, again at each fourfold, and when it returns (running.c). */
void gh_gl_running_check(void);

#endif
