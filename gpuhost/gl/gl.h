/*
 * The GL executor of one link: the host EGL display, the app's contexts,
 * surfaces, syncs and images re-created there, and the GL streams that
 * drive them (one per channel; see gl-stream.h). Lives in the link's own
 * gpupipe-host process, created when the app first binds gpupipe_v1.
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
#include <stdint.h>

struct gh_session;
struct gh_gl;

/* How frame buffers reach the host compositor. */
enum gh_gl_present {
	GH_GL_PRESENT_SHM,    /* wl_shm pools; glReadPixels into them */
	GH_GL_PRESENT_DMABUF, /* zwp_linux_dmabuf_v1; GBM buffers, blitted */
};

/* Opens the host's EGL: GBM on a render node when there is one and
 * `compositor_has_dmabuf`, else EGL surfaceless (llvmpipe without a GPU).
 * GPUPIPE_RENDER_NODE=/dev/dri/renderD128 picks the node, =none forces
 * the shm path. NULL (logged) when no EGL can render GLES 2. */
struct gh_gl *gh_gl_create(struct gh_session *s, bool compositor_has_dmabuf);

/* Where the executor's output goes: gh_gl_create sends it on the session's
 * link (session-sink.c); tests drive an executor with their own sink. */
struct gh_gl_sink {
	/* Ends the link: `reason` is logged and told to the proxy. */
	void (*fail)(void *data, const char *reason);
	/* Queues `len` bytes of stream `channel` toward the app (any length:
	 * the sink splits them into frames). False when they cannot be queued. */
	bool (*send)(void *data, uint16_t channel, const uint8_t *bytes, uint32_t len);
};
struct gh_gl *gh_gl_create_with_sink(const struct gh_gl_sink *sink, void *data,
                                     bool compositor_has_dmabuf);
void gh_gl_destroy(struct gh_gl *gl);
/* Forgets everything the app made (streams, contexts, surfaces, syncs,
 * images, wl_buffer bindings) and keeps the host display, its configs and
 * the present context, as if the executor were new. Frame buffer memory
 * is its creator's: unref it first. For the fuzz harness (tests/fuzz/),
 * which reuses one executor because host EGL initialisation is slow. */
void gh_gl_reset(struct gh_gl *gl);
enum gh_gl_present gh_gl_present_mode(struct gh_gl *gl);

/* Link frames for GL channels. Each returns false after ending the link
 * with gh_session_fail (bad channel, bad command, ...). Replies go out on
 * the session's link as WIRE_GL frames. */
bool gh_gl_stream_open(struct gh_gl *gl, uint16_t channel);
bool gh_gl_stream_data(struct gh_gl *gl, uint16_t channel, const uint8_t *p, uint32_t len);
bool gh_gl_stream_close(struct gh_gl *gl, uint16_t channel);

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

/* width, height and wl_shm format were checked by the caller (1..16384,
 * argb8888 or xrgb8888). NULL (logged) on allocation failure. */
struct gh_gl_memory *gh_gl_memory_create(struct gh_gl *gl, uint32_t width, uint32_t height,
                                         uint32_t shm_format, struct gh_gl_memory_desc *desc);
/* The app's wl_buffer `buffer_id` now shows this memory; GL_OP_SWAP may
 * name it from now on. Takes a reference. */
void gh_gl_memory_bind_buffer(struct gh_gl *gl, struct gh_gl_memory *mem, uint32_t buffer_id);
/* The wl_buffer was destroyed: drops its reference. */
void gh_gl_buffer_destroyed(struct gh_gl *gl, uint32_t buffer_id);
void gh_gl_memory_unref(struct gh_gl_memory *mem);

#endif
