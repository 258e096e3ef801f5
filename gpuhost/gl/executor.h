/*
 * Inside the GL executor: the objects of one link and how they relate.
 *
 *   gh_gl (one per link) -- the host's EGL (gh_egl, gpuhost/egl/), its
 *     configs, the present context, the handle tables of the app's EGL
 *     objects, the streams.
 *   gl_exec (one per GL channel) -- a stream: its input reassembly, its
 *     reply, and what is current on it (context, draw and read surface).
 *   gh_gl_context -- a host EGL context; its share group (gh_gl_share) holds
 *     the name maps of shared objects, the context those of framebuffers and
 *     vertex arrays, plus the vertex state that draws are validated against.
 *   gh_gl_surface -- a host pbuffer, the back buffer of an app surface (and
 *     for a window whose front the app names, a second one: front.c).
 *   gh_gl_memory -- a frame buffer the compositor shows (memory.c).
 *   gh_gl_quota (one per link) -- the GL memory and names it holds against
 *     its limits; buffer, texture and renderbuffer records charge it.
 *
 * The host has one thread and several streams: before a stream's GLES
 * command runs, its context and surfaces are made current on the host if
 * another stream's were (gh_gl_stream_make_current).
 *
 * This header holds the link's object (struct gh_gl, gl.c), its configs
 * and host entry points (info.c), its counts (counts.c), and the caps on
 * what one link may make the host keep. The rest of the executor's private
 * interface has a header per concept: quota.h, records.h (names, share
 * groups, buffer and program records), storage.h, bindings.h, context.h,
 * surface.h, stream.h, draws.h, programs.h, debug.h, extensions.h; and
 * frames.h, shared.h, map.h, compat-trackers.h, running.h.
 */
#ifndef GH_GL_EXECUTOR_H
#define GH_GL_EXECUTOR_H

#include <stdbool.h>
#include <stdint.h>
#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GLES2/gl2.h>
#include <GLES2/gl2ext.h>
#include <wayland-util.h>

#include <gpupipe/gl-stream.h>
#include <gpupipe/wire.h>

#include "frames.h"
#include "gl.h"
#include "gles-codec.h"
#include "host-egl.h"
#include "map.h"
#include "quota.h"
#include "shared.h"

struct gh_gl_name_hooks;
struct gl_exec;

/* NV_primitive_restart's client-state enable and its index (compatibility contexts). */
#define GH_GL_PRIMITIVE_RESTART_NV 0x8558
#define GH_GL_PRIMITIVE_RESTART_INDEX_NV 0x8559

/* Caps on what one link may make the host keep. */
#define GH_GL_MAX_NAMES (1u << 20)         /* entries per name map */
#define GH_GL_MAX_EGL_OBJECTS 4096u        /* contexts, surfaces, syncs, images: each */
#define GH_GL_MAX_BUFFERS 4096u            /* wl_buffers bound to memory */
#define GH_GL_MAX_ATTRIBS 32u              /* vertex attributes tracked (and advertised) */
#define GH_GL_MAX_CLIENT_ARRAY (64u << 20) /* bytes of one attribute's scratch buffer */
/* The most values a driver's pixel map may say it holds (GL_MAX_PIXEL_MAP_TABLE is 256
 * in Mesa, 32 at least): a reply stays small. */
#define GH_GL_MAX_PIXEL_MAP 65536
#define GH_GL_DAMAGE_HISTORY 4u /* frames of damage remembered per surface */
/* Bytes of commands being reassembled over all streams of a link: a few
 * whole commands at once (threads uploading together), not one per each
 * of 256 channels. */
#define GH_GL_MAX_PARTIAL_BYTES (4ull * GL_MAX_COMMAND)
/* Bytes of refused shaders' logs one share group keeps; beyond, a refused
 * shader's log is one line saying so. */
#define GH_GL_MAX_REFUSED_LOGS (4ull << 20)
/* Shaders glslang refused that one link logs at info level (then debug). */
#define GH_GL_LOGGED_REFUSALS 100u

/* ES 3 enums the host context understands and we use ourselves. */
#define GH_GL_READ_FRAMEBUFFER 0x8CA8
#define GH_GL_DRAW_FRAMEBUFFER 0x8CA9
#define GH_GL_READ_FRAMEBUFFER_BINDING 0x8CAA
#define GH_GL_DRAW_FRAMEBUFFER_BINDING 0x8CA6
#define GH_GL_MAP_READ_BIT 0x0001
#define GH_GL_HALF_FLOAT 0x140B
#define GH_GL_INT_2_10_10_10_REV 0x8D9F
#define GH_GL_UNSIGNED_INT_2_10_10_10_REV 0x8368
#define GH_GL_BGRA 0x80E1   /* a vertex attribute's size (ARB_vertex_array_bgra) */
#define GH_GL_DOUBLE 0x140A /* desktop vertex attributes */
#define GH_GL_UNSIGNED_INT_10F_11F_11F_REV 0x8C3B /* ... (ARB_vertex_type_10f_11f_11f_rev) */
#define GH_GL_TEXTURE_WIDTH 0x1000
#define GH_GL_TEXTURE_HEIGHT 0x1001

/* Host GL entry points outside the generated table (GLES 3), loaded from
 * eglGetProcAddress; any may be NULL where the host lacks it. */
struct gh_gl_fns {
	void(GL_APIENTRY *BlitFramebuffer)(GLint, GLint, GLint, GLint, GLint, GLint, GLint, GLint,
	                                   GLbitfield, GLenum);
	void *(GL_APIENTRY *MapBufferRange)(GLenum, GLintptr, GLsizeiptr, GLbitfield);
	GLboolean(GL_APIENTRY *UnmapBuffer)(GLenum);
	void(GL_APIENTRY *GetTexLevelParameteriv)(GLenum, GLint, GLenum, GLint *);
	void(GL_APIENTRY *EGLImageTargetRenderbufferStorageOES)(GLenum, GLeglImageOES);
	void(GL_APIENTRY *DrawElementsInstancedBaseVertex)(GLenum, GLsizei, GLenum, const void *,
	                                                   GLsizei, GLint);
};

struct gh_gl_config {
	EGLConfig egl;
	struct gl_config_info info;
};

struct gh_gl {
	const struct gh_gl_sink *sink;
	void *sink_data;
	/* What follows a name (gh_gl_name_hooks): given at creation, so that names.c, which
	 * the features call, calls none of them. */
	const struct gh_gl_name_hooks *name_hooks;
	bool failed; /* the link is ending: nothing more runs */

	struct gh_egl egl; /* the display, what is current (host-egl.h) */
	enum gh_gl_present
	        present; /* dmabufs only where egl.dmabuf and the compositor takes them */
	struct gh_gl_fns fns;
	bool read_bgra;              /* GL_EXT_read_format_bgra: glReadPixels gives B, G, R, A */
	bool compat_imaging;         /* the compatibility profile has GL_ARB_imaging */
	bool pack_reverse_row_order; /* OpenGL ES has GL_ANGLE_pack_reverse_row_order */
	unsigned offer;              /* enum gh_gl_offer: the APIs described beside ES 2.0-3.2 */
	struct gh_gl_counts counts;
	uint32_t *replies_by_op; /* counts.c: replies per command */

	struct gh_gl_config *configs;
	uint32_t n_configs;
	uint32_t max_width, max_height; /* largest back buffer (GL limits) */
	uint32_t max_attribs;           /* min(host GL_MAX_VERTEX_ATTRIBS, GH_GL_MAX_ATTRIBS) */
	uint32_t host_max_attribs;      /* the host's GL_MAX_VERTEX_ATTRIBS */
	uint32_t ff_units; /* GLES 1: min(GL_MAX_TEXTURE_UNITS, GH_GL_MAX_TEXTURE_UNITS) */
	/* Compatibility profile: min(GL_MAX_TEXTURE_COORDS, GH_GL_MAX_TEXTURE_UNITS) */
	uint32_t coord_units, host_coord_units;
	uint32_t host_ff_units; /* the host's GLES 1 GL_MAX_TEXTURE_UNITS */
	uint32_t max_bindings;  /* the same for GL_MAX_VERTEX_ATTRIB_BINDINGS (ES 3.1) */
	uint32_t host_max_bindings;
	struct gles_level apis[GL_API_COUNT]; /* what a context may have; version 0: none */
	uint8_t *init_reply;                  /* the GL_OP_INIT reply payload, built once */
	uint32_t init_reply_size;
	bool warned_codec;               /* logged a GL_OP_INIT of another release */
	struct gh_gl_shared_link shared; /* the streams' shared memory (shared.h) */

	struct gh_gl_frames frames; /* how swaps fill frame buffers (frames.h) */

	struct gl_exec *streams[WIRE_MAX_GL_CHANNEL + 1];
	struct gh_gl_map contexts; /* handle -> gh_gl_context */
	struct gh_gl_map surfaces; /* handle -> gh_gl_surface */
	struct gh_gl_map syncs;    /* handle -> EGLSyncKHR */
	struct gh_gl_map images;   /* handle -> EGLImageKHR */
	struct gh_gl_map buffers;  /* wl_buffer id -> gh_gl_memory */
	struct wl_list memories;   /* gh_gl_memory.link */
	uint64_t memory_bytes;     /* width * height * 4 over memories */
	uint64_t next_serial;      /* surface contents identity (surface.c) */
	struct gh_gl_quota quota;
	uint64_t partial_bytes;    /* reassembly buffers of all streams */
	uint64_t kept_reply_bytes; /* reply buffers kept between commands (stream-buffers.c) */
	/* GL limits the quota's bookkeeping relies on (from GL_OP_INIT's). */
	uint32_t max_texture_units; /* GL_MAX_COMBINED_TEXTURE_IMAGE_UNITS */
	uint32_t max_texture_size, max_cube_size, max_renderbuffer_size;
	uint32_t max_3d_texture_size, max_array_layers; /* 0 on an ES 2 host */
	uint32_t shader_refusals;                       /* by glslang, on this link (shaders.c) */
};

/* ---- counts.c ---- */

bool gh_gl_counts_init(struct gh_gl *gl);
void gh_gl_counts_finish(struct gh_gl *gl);
void gh_gl_count_command(struct gh_gl *gl, uint32_t op, bool replied);

/* ---- info.c ---- */

bool gh_gl_configs_load(struct gh_gl *gl);
/* With a context current: limits, strings, the GL_OP_INIT reply. */
bool gh_gl_info_init(struct gh_gl *gl);
struct gh_gl_config *gh_gl_config_find(struct gh_gl *gl, uint32_t config_id);

#endif
