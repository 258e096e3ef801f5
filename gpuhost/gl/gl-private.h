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
 */
#ifndef GH_GL_PRIVATE_H
#define GH_GL_PRIVATE_H

#include <stdbool.h>
#include <stdint.h>
#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GLES2/gl2.h>
#include <GLES2/gl2ext.h>
#include <wayland-util.h>

#include "compat-trackers.h"

#include <gpupipe/gl-codec.h>
#include <gpupipe/gl-sizes.h>
#include <gpupipe/gl-stream.h>
#include <gpupipe/wire.h>

#include "arb-program-check.h"
#include "gl.h"
#include "gles-codec.h"
#include "frames.h"
#include "gles-list-prims.h"
#include "host-egl.h"
#include "map.h"
#include "shared.h"

struct gh_gl_context;
struct gh_gl_debug;
struct gh_gl_surface;
struct gh_gl_memory;
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
#define GH_GL_BGRA 0x80E1 /* a vertex attribute's size (ARB_vertex_array_bgra) */
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

/* ---- quota.c ---- */

/* What the link holds against its gh_gl_limits. Bytes are what the app
 * asked for (sizes x formats), the same on every driver. */
struct gh_gl_quota {
	struct gh_gl_limits limits;
	uint64_t memory, memory_peak; /* bytes of GL memory held */
	uint64_t names, names_peak;   /* live names */
	int64_t logged_ms;            /* the last refusal logged (rate limit) */
	uint32_t unlogged;            /* refusals since, not logged */
};

void gh_gl_quota_init(struct gh_gl_quota *q);
/* An allocation of `bytes` replacing `old` bytes: true when it fits (and
 * it is then charged); false (logged, rate limited) when it would pass the
 * memory quota, which stays unchanged. */
bool gh_gl_quota_charge(struct gh_gl_quota *q, uint64_t old, uint64_t bytes, const char *what);
/* What GL really did, or storage given back: never refused. */
void gh_gl_quota_adjust(struct gh_gl_quota *q, uint64_t old, uint64_t bytes);
/* Live names of a map that is going away. */
void gh_gl_quota_names_gone(struct gh_gl_quota *q, uint32_t n);
/* Logs what the link used at most (at link end). */
void gh_gl_quota_report(const struct gh_gl_quota *q);

/* GL errors for the app that the host knows and the driver does not hold:
 * a refused allocation's GL_OUT_OF_MEMORY, and the driver's own errors
 * taken out of it while checking an allocation (gh_gl_errors_stash). The
 * app's glGetError returns these first, then asks the driver; GL allows
 * any order when several errors are recorded. Bit i is 0x0500 + i. */
void gh_gl_error_record(struct gh_gl_context *ctx, uint32_t error);
/* Moves the driver's recorded errors into ctx's, so that a glGetError
 * right after a command tells whether that command failed. */
void gh_gl_errors_stash(struct gh_gl_context *ctx);
/* After a command: true (and its error stashed) when GL refused it. */
bool gh_gl_command_failed(struct gh_gl_context *ctx);

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

/* ---- names and the records that follow them (declared below with the records) ---- */

struct gh_gl_names {
	struct gh_gl_map app;  /* app name -> host name */
	struct gh_gl_map host; /* host name -> app name */
};

/* A buffer object's host data store, as draws need to know it. Held by the
 * share group's map while the name lives, and by every binding that
 * refers to it (GL keeps a deleted buffer alive while attached). */
struct gh_gl_buffer {
	uint32_t refs;
	uint32_t host;
	struct gh_gl_quota *quota; /* charged with `charged` */
	uint64_t size;             /* bytes in the data store, as GL reports them */
	uint64_t charged;          /* bytes asked for (GL may report fewer than it holds) */
	/* The whole store (size bytes) when `complete`, else NULL: index scans
	 * trust it instead of the driver's store, so it follows only the
	 * writes the driver really applied. A command that writes it
	 * (glBufferData, glBufferStorageEXT, glBufferSubData) writes the copy
	 * first, with the driver's earlier errors stashed (gh_gl_copy_writes),
	 * and the copy is dropped when the driver raised an error
	 * (gh_gl_after_command); what GL refuses is not written at all (a
	 * glBufferSubData out of range, into a store that does not let it
	 * change), and a glBufferSubData while the host maps the buffer
	 * without GL_MAP_PERSISTENT_BIT drops the copy.
	 * GPU writes drop it (gh_gl_buffer_gpu_writes); GL_OP_BUFFER_WRITE goes
	 * through a writable mapping, whose writes always land (persist.c). */
	uint8_t *copy;
	bool complete;
	bool gpu_written;       /* the GPU may write it (buffer-targets.c): never copied */
	bool immutable;         /* glBufferStorageEXT made its store */
	uint32_t storage_flags; /* glBufferStorageEXT's flags */
	/* The host's persistent mapping while the app holds one (persist.c):
	 * persist_length bytes at buffer offset persist_offset, and
	 * persist_copy, the bytes the app holds. */
	uint8_t *persist, *persist_copy;
	uint32_t persist_offset, persist_length;
	bool persist_coherent;
	bool persist_writable;   /* mapped with GL_MAP_WRITE_BIT */
	bool persist_persistent; /* mapped with GL_MAP_PERSISTENT_BIT */
	struct {
		bool valid;
		uint32_t type, count, min, max;
		uint64_t offset;
		uint64_t skip; /* the restart index left out (draw.c) */
	} scan;                /* the last index-range scan of this buffer */
};

/* A program's linked executable: which attribute locations it reads. */
struct gh_gl_program {
	uint32_t refs; /* share group's map + contexts using it */
	uint32_t host;
	uint64_t attribs; /* bit per location, from the last successful link */
	bool beyond;      /* it reads a location over gh_gl.max_attribs */
	bool in_pipeline; /* a pipeline's stage once (pipelines.c): relinks widen attribs */
	bool standin;     /* the host's empty program in a deleted one's place (program-use.c) */
	/* The last glLinkProgram failed here, never reaching the driver (a
	 * shader had not compiled): its info log. NULL when the driver linked. */
	char *link_log;
	uint32_t links; /* glLinkProgram commands run, refused ones too (program-names.c) */
	/* The app's shaders attached to it, by GL's rules, in no order (shader-attach.c). */
	uint32_t *shaders;
	uint32_t n_shaders, cap_shaders;
};

/* Texture targets bindings track: 2D, cube map, 3D, 2D array, 2D
 * multisample (and array), cube map array, desktop GL's 1D and 1D array. */
#define GH_GL_TEX_TARGETS 10

struct gh_gl_share {
	uint32_t refs;
	struct gh_gl_quota *quota;
	struct gh_gl_names names[GL_NAMES_COUNT]; /* shared classes only */
	struct gh_gl_map buffers;                 /* host name -> gh_gl_buffer */
	struct gh_gl_map programs;                /* host name -> gh_gl_program */
	struct gh_gl_map textures;                /* host name -> gh_gl_storage */
	struct gh_gl_map renderbuffers;           /* host name -> gh_gl_storage */
	/* The default textures (name 0: 2D, cube map) of its contexts: one
	 * pair for the group, as Mesa keeps them in its shared state, and
	 * kept until the group goes. */
	struct gh_gl_storage *default_tex[GH_GL_TEX_TARGETS];
	/* Host name -> glslang's log (char *, malloc'd), for shaders whose last
	 * glCompileShader glslang refused; the driver never compiled those. */
	struct gh_gl_map refused;
	uint64_t refused_bytes; /* of the logs in `refused` */
	/* App program name -> the count of contexts that have it current as the
	 * app sees it << 1 | flagged for deletion (program-use.c). */
	struct gh_gl_map program_users;
	/* App shader name -> its type, the count of programs it is attached to as
	 * the app sees it, and whether it is flagged for deletion (shader-attach.c). */
	struct gh_gl_map shader_words;
	/* Display lists are the group's (lists.c). */
	struct {
		/* Some list holds a command that changes what the host tracks (a
		 * texture bind, the active unit, the program, glPopAttrib), a texture
		 * image, or a glPushAttrib or glPopAttrib: a call re-reads it from
		 * the driver. Never cleared: a list may be called from another one
		 * made before. */
		bool change_state, images, attribs;
		/* Some list holds a compressed upload: a call replays it under
		 * the default unpack blocks and no unpack buffer
		 * (lists-compressed.c). Never cleared either. */
		bool compressed;
		struct wl_array charged; /* struct gh_gl_list_bytes: what each list holds */
		uint64_t charged_total;
		/* The names charged to the names quota (glGenLists' ranges, the
		 * names glNewList made outside them): struct gh_gl_list_range,
		 * sorted, none adjacent, so never more than the names they hold. */
		struct wl_array ranges;
		uint64_t names;
		/* Per kind, host name -> how many of the group's lists hold a
		 * glBindTexture (glBindProgramARB) of it; and the names of those
		 * the app deleted (-> 1), which a call may make again (lists.c,
		 * "Objects a list binds by name"). */
		struct gh_gl_map listed[GH_GL_LIST_BIND_KINDS], deleted[GH_GL_LIST_BIND_KINDS];
		/* List name -> its glBegin/glEnd flags (gles-list-prims.h), for
		 * the lists that have any; and the group's counts of them. */
		struct gh_gl_map prims;
		struct gles_list_prims_count prim_count;
	} lists;
	/* Contexts of the group with an attribute stack entry a display list
	 * may have pushed (attrib-stack.c): a texture deleted is kept charged
	 * while such an entry may hold it. */
	struct wl_array unknown_stacks; /* struct gh_gl_context * */
};

/* A vertex attribute of the OpenGL ES 3.1 model: its format, and the
 * binding point it fetches from (glVertexAttribFormat,
 * glVertexAttribBinding; glVertexAttribPointer sets both, binding = index). */
struct gh_gl_attrib {
	bool enabled;
	uint32_t size, type;
	uint32_t bytes;    /* of one vertex: size * sizeof(type) */
	uint32_t relative; /* relativeoffset: bytes after the binding's offset */
	uint32_t binding;  /* index in gh_gl_vao.bindings (< GH_GL_MAX_ATTRIBS) */
};

/* A vertex buffer binding point (glBindVertexBuffer). */
struct gh_gl_binding {
	struct gh_gl_buffer *buffer; /* NULL: none (never read: see draw.c) */
	uint64_t offset;
	uint32_t stride;  /* bytes from one vertex to the next, as GL steps (0: the same one) */
	uint32_t divisor; /* 0 per vertex, else per `divisor` instances */
};

/* An OpenGL ES 1 fixed-function array: format and buffer in one (ES 1 has
 * no binding points). */
struct gh_gl_fixed_array {
	bool enabled;
	uint32_t size, type, stride;
	uint32_t bytes; /* of one vertex: size * sizeof(type) */
	uint64_t offset;
	struct gh_gl_buffer *buffer; /* NULL: no buffer (never read: see fixed.c) */
};

/* OpenGL ES 1's fixed-function arrays (gh_gl_vao.ff, fixed.c): vertex,
 * normal, colour, point size, then the texture coordinates of each unit. */
enum gh_gl_ff_array {
	GH_GL_FF_VERTEX,
	GH_GL_FF_NORMAL,
	GH_GL_FF_COLOR,
	GH_GL_FF_POINT_SIZE,
	/* The compatibility profile's (never in an OpenGL ES 1 context). */
	GH_GL_FF_EDGE_FLAG,
	GH_GL_FF_INDEX,
	GH_GL_FF_FOG_COORD,
	GH_GL_FF_SECONDARY_COLOR,
	GH_GL_FF_TEXCOORD0,
};
#define GH_GL_MAX_TEXTURE_UNITS 8u /* GLES 1 units tracked (and advertised) */
#define GH_GL_FF_ARRAYS (GH_GL_FF_TEXCOORD0 + GH_GL_MAX_TEXTURE_UNITS)

struct gh_gl_vao {
	uint32_t host; /* 0: the context's default vertex array */
	struct gh_gl_buffer *element;
	struct gh_gl_attrib attribs[GH_GL_MAX_ATTRIBS]; /* GLES 2 and later */
	struct gh_gl_binding bindings[GH_GL_MAX_ATTRIBS];
	struct gh_gl_fixed_array ff[GH_GL_FF_ARRAYS]; /* GLES 1 */
};

/* A program pipeline (ES 3.1): the program of its vertex stage, which draws
 * with no program current read their attributes from. Per context. */
struct gh_gl_pipeline {
	uint32_t host;
	struct gh_gl_program *vertex; /* referenced; NULL: none */
};

/* ---- names.c: app names to host names; name-hooks.c: what follows them ---- */

void gh_gl_names_init(struct gh_gl_names *names);
void gh_gl_names_finish(struct gh_gl_names *names, struct gh_gl_quota *quota);
struct gh_gl_names *gh_gl_names_of(struct gh_gl_context *ctx, enum gl_name_class cls);
/* The host name's app name in the current context, 0 if none. */
uint32_t gh_gl_reverse(struct gl_exec *x, enum gl_name_class cls, uint32_t host);
/* "texture", "vertex array", ...: for messages. */
const char *gh_gl_name_class_text(enum gl_name_class cls);

/* What follows a name of one class as it comes and goes: the record its class has (the
 * rows of name-hooks.c's table). NULL where nothing does. The executor is made with the
 * table (gh_gl.name_hooks), and names.c calls it. */
struct gh_gl_name_hooks {
	/* Before the name is mapped; false: refused (the link ends, said why). */
	bool (*admit)(struct gl_exec *x, uint32_t host);
	/* After it is mapped: its record; false: the link ends (said why). */
	bool (*added)(struct gl_exec *x, uint32_t host);
	/* After it is unmapped (deleted). */
	void (*removed)(struct gl_exec *x, uint32_t host);
};
extern const struct gh_gl_name_hooks gh_gl_name_hooks[GL_NAMES_COUNT];

/* share-group.c: a share group's state, made with its first context, gone with its last. */
struct gh_gl_share *gh_gl_share_create(struct gh_gl_quota *quota);
void gh_gl_share_unref(struct gh_gl_share *share);

/* records.c: the records several owners hold, counted. */
void gh_gl_buffer_unref(struct gh_gl_buffer *buf);
void gh_gl_program_unref(struct gh_gl_program *prog);
struct gh_gl_buffer *gh_gl_buffer_ref(struct gh_gl_buffer *buf);

/* ---- storage.c, formats.c: GL memory of textures and renderbuffers ---- */

/* One image of a texture (a level of a face) or a renderbuffer's store. */
/* What the GL memory quota charges for each EGL context: llvmpipe's hold
 * about 2.4 MiB each before the app makes anything. */
#define GH_GL_CONTEXT_BYTES (4ull << 20)

struct gh_gl_image_bytes {
	uint32_t face, level;
	uint32_t width, height;
	uint64_t bytes;
	/* What a driver may allocate because this image exists: the whole
	 * mip chain of the base size it implies (a 2x2 level 12 implies an
	 * 8192x8192 base), all six faces for a cube map. 0 where nothing is
	 * implied beyond `bytes` (renderbuffers, mipmaps GL generated). */
	uint64_t implied;
};

/* The storage of a texture or renderbuffer as the quota counts it. Held
 * by its share group's map while the name lives, and by each texture unit,
 * renderbuffer binding and framebuffer attachment that refers to it: GL
 * keeps a deleted object alive while it is bound or attached somewhere,
 * so its bytes stay charged until the last reference goes. */
struct gh_gl_storage {
	uint32_t refs;
	uint32_t host;   /* host name; 0 for a default texture */
	uint32_t target; /* GL_TEXTURE_2D, GL_TEXTURE_CUBE_MAP, another texture
	                    target, or GL_RENDERBUFFER; 0 until first bound */
	bool named;      /* in its share group's map (not deleted yet) */
	struct gh_gl_quota *quota;
	/* A texture view's origin (views.c), referenced: the view has no
	 * storage of its own and keeps its origin's alive and charged. */
	struct gh_gl_storage *shares;
	uint64_t bytes;         /* charged: the sum over images */
	struct wl_array images; /* struct gh_gl_image_bytes */
};

struct gh_gl_storage *gh_gl_storage_create(struct gh_gl_quota *quota, uint32_t host);
struct gh_gl_storage *gh_gl_storage_ref(struct gh_gl_storage *st);
void gh_gl_storage_unref(struct gh_gl_storage *st);
/* Sets *slot to st, holding a reference. */
void gh_gl_storage_set(struct gh_gl_storage **slot, struct gh_gl_storage *st);

/* A change to a storage's images made before GL runs the command that
 * makes it, undone afterwards if GL refused the command. */
struct gh_gl_pending {
	struct gh_gl_storage *storage; /* referenced; NULL: nothing pending */
	struct wl_array saved;         /* its images before */
	uint64_t saved_bytes;
};
/* After the command: keeps or undoes x->pending (stream.c calls it). */
void gh_gl_storage_after(struct gl_exec *x);

/* Bytes per pixel GL may keep for a sized internal format, 0 for an
 * unsized one (GL_RGBA, ...) and 16 (the most) for one we do not know. */
uint32_t gh_gl_format_bytes(uint32_t internalformat);
/* Bytes of a w x h image of a compressed format we know; 0 if unknown. */
uint64_t gh_gl_compressed_bytes(uint32_t internalformat, uint32_t w, uint32_t h);
/* The block of a compressed format we know (all are one texel deep):
 * false if unknown. */
bool gh_gl_compressed_block(uint32_t internalformat, uint32_t *w, uint32_t *h, uint32_t *bytes);
/* ARB_compressed_texture_pixel_storage (compressed-blocks.c): whether the
 * block pnames of the pack or unpack state, as the driver applies them to
 * a compressed image of `dims` dimensions and format `format`, lay it out
 * as gl_blocks_layout does: GL_BLOCKS_OFF or GL_BLOCKS_ON (*l, of a
 * width x height x depth image); -1, GL_INVALID_OPERATION recorded, for
 * pnames that apply partly or do not describe the format's blocks. */
int gh_gl_blocks(struct gl_exec *x, bool pack, int dims, uint32_t format, int64_t width,
                 int64_t height, int64_t depth, struct gl_block_layout *l);
/* gh_gl_blocks of a compressed upload's unpack state: GL_GUARD_SKIP
 * where it is -1. */
enum gl_guard gh_gl_compressed_unpack_guard(struct gl_exec *x, const char *cmd, int dims,
                                            uint32_t format);
/* Compressed uploads in display lists (lists-compressed.c): in a list being
 * made, GL_GUARD_CALL only with no unpack block pname set and no pixel
 * unpack buffer bound (else the link ends, GL_GUARD_FAIL). */
enum gl_guard gh_gl_list_compressed_guard(struct gl_exec *x, const char *cmd);
/* Around glCallList(s): the unpack state cleared in the driver, where a
 * list may replay a compressed upload under it; false (GL_INVALID_OPERATION
 * recorded): the call must not run (between glBegin and glEnd, or
 * `ends_inside`: the call may leave the driver there, where the state
 * could not be restored). */
struct gh_gl_list_replay {
	bool blocks;
	struct gh_gl_buffer *buffer;
};
bool gh_gl_list_replay_begin(struct gl_exec *x, struct gh_gl_list_replay *r, bool ends_inside);
void gh_gl_list_replay_end(struct gl_exec *x, const struct gh_gl_list_replay *r);
/* OpenGL ES 1's GL_PALETTE4_RGB8_OES..GL_PALETTE8_RGB5_A1_OES. */
bool gh_gl_format_is_paletted(uint32_t internalformat);

/* EGLImages of a texture level (face 0) or a renderbuffer: what the image
 * would hold, from the storage of host name `host` in ctx's share group
 * ({0} if none). An image keeps that storage alive on its own, so it is
 * charged apart, as is every texture or renderbuffer made from an image:
 * shared storage counts once per holder, never less than it holds. */
struct gh_gl_image_bytes gh_gl_storage_find_image(struct gh_gl_context *ctx, bool texture,
                                                  uint32_t host, uint32_t level);
/* glEGLImageTarget*OES: the texture or renderbuffer bound to `target`
 * becomes `image`. GL_GUARD_SKIP when refused (the GL error recorded). */
enum gl_guard gh_gl_storage_from_image(struct gl_exec *x, bool texture, uint32_t target,
                                       const struct gh_gl_image_bytes *image);

/* ---- bindings.c: what is bound, for the storage records ---- */

/* A framebuffer's attachments: colours 0..15, depth, stencil. */
#define GH_GL_ATTACHMENTS 18u

struct gh_gl_fbo {
	uint32_t host;
	struct gh_gl_storage *att[GH_GL_ATTACHMENTS];
};

struct gh_gl_bindings {
	uint32_t active_unit;         /* glActiveTexture - GL_TEXTURE0 */
	struct gh_gl_storage **units; /* [unit * GH_GL_TEX_TARGETS + target], lazily */
	uint32_t n_units;             /* in units */
	struct gh_gl_storage *default_tex[GH_GL_TEX_TARGETS]; /* name 0 of each target */
	struct gh_gl_storage *renderbuffer;                   /* GL_RENDERBUFFER binding */
	struct gh_gl_map fbos;                                /* host name -> gh_gl_fbo */
	struct gh_gl_fbo *draw_fbo, *read_fbo;                /* NULL: the default framebuffer */
};

void gh_gl_bindings_init(struct gh_gl_bindings *b);
void gh_gl_bindings_finish(struct gh_gl_bindings *b);
/* The storage bound to a glTexImage2D target (a 2D target or cube face)
 * on the active unit; NULL for a target that is neither. *face is set. */
struct gh_gl_storage *gh_gl_bound_texture(struct gh_gl_context *ctx, uint32_t target,
                                          uint32_t *face);
/* The glBindTexture targets we track, by index; and a target's index, 0..GH_GL_TEX_TARGETS-1,
 * or -1 for one we do not track. */
extern const uint32_t gh_gl_texture_targets[GH_GL_TEX_TARGETS];
int gh_gl_texture_target_index(uint32_t target);
/* Names going away (glDelete*), before GL deletes them: GL's unbinding in
 * the current context is mirrored; attachments are checked afterwards. */
void gh_gl_bindings_forget(struct gl_exec *x, enum gl_name_class cls, uint32_t host);
/* After the command: attachments GL changed (stream.c calls it). */
void gh_gl_bindings_after(struct gl_exec *x);

/* ---- context.c ---- */

/* Display lists of a context (lists.c). `mode`: the list being made, 0 (none),
 * GL_COMPILE or GL_COMPILE_AND_EXECUTE, as the driver says after glNewList. */
#define GH_GL_LIST_CALLS 16
struct gh_gl_lists {
	uint32_t mode, name;
	bool fresh;      /* `name` was charged to the names quota by this glNewList */
	uint64_t making; /* the images of the list being made, charged */
	/* The list being made: its glBegin/glEnd flags so far (gles-list-prims.h);
	 * the lists it calls (glCallList's names, up to GH_GL_LIST_CALLS; past
	 * them, or with a glCallLists, `calls_unknown`), and whether one was
	 * called inside a primitive of the list (lists.c, crash_ahead). */
	uint32_t prims;
	uint32_t calls[GH_GL_LIST_CALLS], n_calls;
	bool calls_unknown, call_in_primitive;
	/* GL_LIST_BASE, read at a glBegin run while the list is made
	 * (array-element.c): GL answers no query inside the primitive. */
	uint32_t base;
	bool base_known;
	/* Per kind, the host names the list being made binds (-> 1), or NULL. */
	struct gh_gl_map *binds[GH_GL_LIST_BIND_KINDS];
	/* Lists ran between glBegin and glEnd, where GL answers no query: the
	 * re-read of what they changed waits for the first command after
	 * glEnd, `worst` staying charged till then. */
	bool reread_pending;
	uint64_t pending_worst;
};
/* Before a command outside glBegin/glEnd: the re-read lists left pending. */
bool gh_gl_lists_reread_pending(struct gl_exec *x);

/* The server attribute stack of a context (attrib-stack.c): an entry per
 * level the driver has, holding the textures its glPushAttrib saved. */
struct gh_gl_attrib_stack {
	struct wl_array entries; /* struct gh_gl_attrib_entry, bottom first */
	uint32_t unknown;        /* entries a display list may have pushed */
	uint64_t bytes;          /* charged to the GL memory quota */
};

/* The header of the last GL_OP_CLIENT_ARRAY a scratch buffer took, whose vertices it
 * still holds (valid: one was taken). */
struct gh_gl_array_sent {
	struct gl_client_array h;
	bool valid;
};

struct gh_gl_context {
	struct gh_gl *gl;
	uint32_t handle;
	uint32_t refs; /* the handle table + the stream it is current on */
	EGLContext egl;
	struct gh_gl_config *config; /* NULL: EGL_NO_CONFIG_KHR */
	struct gh_gl_share *share;
	struct gh_gl_names names[GL_NAMES_COUNT]; /* per-context classes only */
	struct gh_gl_map vaos;                    /* host name -> gh_gl_vao */
	struct gh_gl_vao default_vao;
	struct gh_gl_vao *vao; /* bound: default_vao or one in vaos */
	struct gh_gl_buffer *array_buffer;
	struct gh_gl_buffer *buffers[GL_BUFFER_TARGETS]; /* the other targets (buffer-targets.c) */
	struct gh_gl_program *program;
	uint32_t app_program;            /* the app's last glUseProgram run here (program-use.c) */
	struct gh_gl_map pipelines;      /* host name -> gh_gl_pipeline */
	struct gh_gl_pipeline *pipeline; /* bound (glBindProgramPipeline), NULL: none */
	struct gl_pixel_state ps;
	struct gles_level level; /* API, version, extensions: what the app may call */
	bool es3;                /* the host made it GLES 3 or later (its types differ) */
	bool fixed_restart;      /* the host context has GL_PRIMITIVE_RESTART_FIXED_INDEX */
	bool app_restart;        /* and GL_PRIMITIVE_RESTART (desktop 3.1) */
	bool nv_restart;         /* and NV_primitive_restart (compatibility contexts) */
	bool initialized;        /* made current once: es3 is known */
	/* The draw buffer of the windows it draws to (desktop GL; GL_BACK at
	 * first), and the host's read surface it last had (front.c). */
	uint32_t window_draw;
	EGLSurface egl_read;
	uint32_t scratch[GH_GL_MAX_ATTRIBS];  /* host buffers for client arrays */
	uint32_t scratch_ff[GH_GL_FF_ARRAYS]; /* the same for GLES 1's arrays */
	/* What each scratch buffer holds: GL_OP_CLIENT_ARRAY_AGAIN names it. */
	struct gh_gl_array_sent scratch_sent[GH_GL_MAX_ATTRIBS];
	struct gh_gl_array_sent scratch_ff_sent[GH_GL_FF_ARRAYS];
	uint32_t client_unit; /* GLES 1: glClientActiveTexture - GL_TEXTURE0 */
	struct gl_exec *current_on;
	uint32_t errors; /* see gh_gl_error_record */
	struct gh_gl_bindings bind;
	struct gh_gl_debug *debug; /* its driver's debug messages (debug.c); NULL: none */
	struct gh_gl_xfb *xfb;     /* what transform feedback captured (xfb-draw.c), lazily */
	/* glFeedbackBuffer's and glSelectBuffer's host buffers, `size` values each, charged
	 * to the quota while the driver may write them (feedback.c). */
	struct {
		void *values;
		uint32_t size;
	} feedback, select;
	struct gh_gl_lists lists;         /* display lists (lists.c) */
	struct gh_gl_attrib_stack attrib; /* glPushAttrib's levels (attrib-stack.c) */
	/* The driver's limits the check of ARB program text takes, queried at
	 * the first glProgramStringARB (arb-program.c): [0] vertex, [1] fragment. */
	struct {
		bool limits_known;
		struct gh_arb_program_limits limits[2];
	} arb_program;
	/* Between an executed glBegin and glEnd (array-element.c): the driver
	 * refuses all but the vertex commands there, so nothing else may pass
	 * for the trackers to follow. Also while a list call may have left the
	 * driver there (`begin_end_unknown`, gles-list-prims.h), until the
	 * app's own next glBegin or glEnd. */
	bool begin_end, begin_end_unknown;
};

/* False after failing the link; else *err is the EGL error for the app. */
struct gh_gl_context_args {
	uint32_t handle, config_id, share_handle, flags;
	struct gles_level level;
};
bool gh_gl_context_create(struct gl_exec *x, const struct gh_gl_context_args *args, uint32_t *err);
bool gh_gl_context_destroy(struct gl_exec *x, uint32_t handle);
void gh_gl_context_unref(struct gh_gl_context *ctx);
void gh_gl_vao_init(struct gh_gl_vao *vao, uint32_t host);
/* xfb-draw.c: frees the context's transform feedback records (its GL
 * objects went with it). */
void gh_gl_xfb_free(struct gh_gl_context *ctx);
void gh_gl_vao_finish(struct gh_gl_vao *vao);

/* ---- surface.c ---- */

struct gh_gl_surface {
	struct gh_gl *gl;
	uint32_t handle;
	uint32_t refs; /* the handle table + each stream it is current on */
	enum gl_surface_kind kind;
	struct gh_gl_config *config;
	uint32_t width, height;
	EGLSurface egl;
	uint64_t bytes; /* charged to the GL memory quota */
	/* A window's front buffer (front.c): EGL_NO_SURFACE until a context names
	 * it; front_bytes charged to the quota. window_read: the read buffer of
	 * the window (the driver keeps one per surface), GL_BACK at first. */
	EGLSurface front;
	uint64_t front_bytes;
	uint32_t window_read;
	/* Frame buffer contents: a memory holding frame `frame` of `serial`
	 * is that surface's frame; `serial` changes at each resize. */
	uint64_t serial, frame;
	uint32_t damage_top[GH_GL_DAMAGE_HISTORY]; /* rows (y down) changed by frame - i */
	uint32_t damage_bottom[GH_GL_DAMAGE_HISTORY];
	uint64_t swaps, swap_ns;      /* counted for gh_gl_surface_counts */
	uint64_t told_swaps, told_ns; /* what it last reported */
};

bool gh_gl_surface_create(struct gl_exec *x, uint32_t handle, uint32_t config_id, uint32_t width,
                          uint32_t height, uint32_t kind, uint32_t *err);
bool gh_gl_surface_resize(struct gl_exec *x, uint32_t handle, uint32_t width, uint32_t height);
bool gh_gl_surface_destroy(struct gl_exec *x, uint32_t handle);
void gh_gl_surface_unref(struct gh_gl_surface *surf);

/* ---- front.c: a window's front buffer ---- */

/* Makes the stream's context current on the host thread, with the host's EGL draw and
 * read surfaces for it: a window's front pbuffer where the context's buffers name it (made
 * then, charged to the quota); a new read surface is told the window's read buffer. False
 * after failing the link. */
bool gh_gl_stream_make_current(struct gl_exec *x);
/* After GL may have changed the window's draw or read buffer behind the commands (a
 * display list ran, glPopAttrib): reads them from the driver. False after failing the
 * link. */
bool gh_gl_front_resync(struct gl_exec *x);
/* glGetIntegerv's answer where the driver's is the pbuffer's, not the window's. */
void gh_gl_front_answer_get(struct gl_exec *x, GLenum pname, GLint *v);
void gh_gl_front_answer_framebuffer_param(struct gl_exec *x, GLenum target, GLenum pname, GLint *v);
void gh_gl_front_destroy(struct gh_gl_surface *surf);

/* ---- counts.c ---- */

bool gh_gl_counts_init(struct gh_gl *gl);
void gh_gl_counts_finish(struct gh_gl *gl);
void gh_gl_count_command(struct gh_gl *gl, uint32_t op, bool replied);

/* ---- stream.c ---- */

struct gl_exec {
	struct gh_gl *gl;
	uint16_t channel;
	uint8_t *in; /* a command being reassembled */
	uint32_t in_len, in_cap;
	uint64_t commands;    /* executed on this stream */
	uint64_t big_used_at; /* commands when a buffer last needed > KEEP_BUFFER */
	size_t reply_kept;    /* reply.alloc charged to gh_gl.kept_reply_bytes */
	uint32_t op;          /* the command being executed */
	struct wl_array reply;
	bool replied;
	struct gh_gl_context *ctx;
	struct gh_gl_surface *draw, *read;
	/* Bookkeeping that needs GL's result: done after the command ran. */
	struct gh_gl_buffer *after_buffer_data; /* glBufferData: the buffer */
	uint32_t after_buffer_target;
	uint64_t after_buffer_size;
	struct gh_gl_program *after_link;      /* glLinkProgram: the program */
	struct gh_gl_buffer *after_copy_write; /* its copy written before the call */
	struct gh_gl_pending pending;          /* storage allocated by this command */
	/* glFramebuffer{Texture2D,Renderbuffer}: what the slots become if GL
	 * takes it. */
	struct {
		struct gh_gl_fbo *fbo; /* NULL: nothing pending */
		uint32_t first, count; /* slots */
		struct gh_gl_storage *storage;
	} after_attach;
	/* glBindTexture of a texture never bound: its target, if GL takes it. */
	struct {
		struct gh_gl_storage *storage; /* NULL: nothing pending */
		uint32_t target;
		struct gh_gl_storage **slot; /* set to storage; back to prev if refused */
		struct gh_gl_storage *prev;
	} after_bind;
	bool after_detach;           /* textures or renderbuffers deleted */
	struct gh_gl_shared *shared; /* the stream's shared memory (shared.c), or NULL */
};

void gh_gl_stream_free(struct gl_exec *x);

/* ---- stream-buffers.c: a stream's reassembly and reply buffers ---- */

/* Grows x->in to hold `need` bytes of a command of `want`, within GH_GL_MAX_PARTIAL_BYTES
 * for the link. False after failing the link. */
bool gh_gl_input_grow(struct gl_exec *x, uint32_t need, uint32_t want);
/* After each command (`reassembled`: the bytes of one gathered in x->in): a big buffer used
 * by this one is kept, one unused for a while is freed. */
void gh_gl_buffers_after_command(struct gl_exec *x, uint32_t reassembled);
/* Frees the reassembly buffers streams keep between commands, all but
 * `except`'s (the running command may lie in it): called before bytes
 * would be refused for want of GH_GL_MAX_PARTIAL_BYTES. */
void gh_gl_free_idle_input(struct gh_gl *gl, const struct gl_exec *except);
/* Both buffers, as the stream ends. */
void gh_gl_buffers_free(struct gl_exec *x);

/* ---- exec.c: what a command may ask of its stream ---- */

/* Ends the link: "GL stream N: <command>: <what>". Returns false.
 * (gl_exec_fail, for the generated code, leaves the naming to the caller.) */
bool gh_gl_fail(struct gl_exec *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Same for failures outside any stream. */
void gh_gl_fail_link(struct gh_gl *gl, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
const char *gh_gl_op_name(uint32_t op);
/* Checks that the reader was used up exactly. */
bool gh_gl_reader_done(struct gl_exec *x, struct gl_reader *r);
/* Replies struct gl_reply_error (the creating commands). */
bool gh_gl_reply_error(struct gl_exec *x, uint32_t error);

/* ---- ops.c: the EGL-level commands ---- */

bool gh_gl_exec_egl_op(struct gl_exec *x, struct gl_reader *r);
bool gh_gl_make_current(struct gl_exec *x, uint32_t ctx, uint32_t draw, uint32_t read);
void gh_gl_stream_release(struct gl_exec *x);

/* ---- info.c ---- */

bool gh_gl_configs_load(struct gh_gl *gl);
/* With a context current: limits, strings, the GL_OP_INIT reply. */
bool gh_gl_info_init(struct gh_gl *gl);
struct gh_gl_config *gh_gl_config_find(struct gh_gl *gl, uint32_t config_id);

/* ---- draw.c, fixed.c: what draws read ---- */

/* False (after failing the link) when fixed-function array `i` (`what`:
 * its name) reads past its buffer at vertex `last`. */
bool gh_gl_array_reads_ok(struct gl_exec *x, const char *what, uint32_t i,
                          const struct gh_gl_fixed_array *a, uint64_t last);
/* GLES 1 draws: every enabled fixed-function array is checked for
 * vertices 0..last (none when !any); those with no buffer go in *hide,
 * disabled around the draw by gh_gl_ff_hide. */
/* `size` bytes at `offset` in the bound pixel pack buffer: GL_GUARD_CALL when
 * they lie inside it, GL_GUARD_SKIP (GL_INVALID_OPERATION recorded) when they
 * do not, GL_GUARD_FAIL (the link ends) when none is bound (pixels.c). */
enum gl_guard gh_gl_pack_range(struct gl_exec *x, const char *cmd, uint64_t offset, int64_t size);

bool gh_gl_ff_check(struct gl_exec *x, bool any, uint64_t last, uint32_t *hide);
void gh_gl_ff_hide(struct gl_exec *x, uint32_t hide, bool enable);
/* GL_OP_CLIENT_ARRAY (or _AGAIN: data NULL) of a fixed-function array (h->array is not
 * GL_ARRAY_ATTRIB): checked, placed in the array's scratch buffer. */
bool gh_gl_ff_client_array(struct gl_exec *x, const struct gl_client_array *h, const void *data,
                           uint32_t n);
/* The scratch buffer `*name` (0: made now), with room for `size` bytes
 * and bound to GL_ARRAY_BUFFER; NULL after failing (arrays.c). */
struct gh_gl_buffer *gh_gl_scratch(struct gl_exec *x, uint32_t *name, uint64_t size);
/* A client array's vertices (h, of `bytes` each) in its scratch buffer `*name`, bound to
 * GL_ARRAY_BUFFER: GL_OP_CLIENT_ARRAY's blob (data, n) copied there and `sent` noted, or
 * for GL_OP_CLIENT_ARRAY_AGAIN (x->op) the ones `sent` says it holds, if h is its header.
 * `what` names the array in a reason (NULL: "attribute <h->index>"). NULL after failing the
 * link (arrays.c). */
struct gh_gl_buffer *gh_gl_client_vertices(struct gl_exec *x, const char *what,
                                           const struct gl_client_array *h, uint32_t bytes,
                                           uint32_t *name, struct gh_gl_array_sent *sent,
                                           const void *data, uint32_t n);

/* ---- sync.c, image.c, arrays.c ---- */

bool gh_gl_sync_op(struct gl_exec *x, struct gl_reader *r);
bool gh_gl_image_op(struct gl_exec *x, struct gl_reader *r);
void gh_gl_syncs_finish(struct gh_gl *gl);
void gh_gl_images_finish(struct gh_gl *gl);
EGLImageKHR gh_gl_image_lookup(struct gh_gl *gl, uint32_t handle);
bool gh_gl_client_array(struct gl_exec *x, struct gl_reader *r);
bool gh_gl_buffer_read(struct gl_exec *x, struct gl_reader *r);
/* GL_OP_LIST_DRAW (list-draw.c): a GL 1.x draw compiled between glBegin and
 * glEnd of a GL_COMPILE_AND_EXECUTE list, given to the driver with no vertex. */
bool gh_gl_list_draw(struct gl_exec *x, struct gl_reader *r);
/* GL_OP_BUFFER_PERSIST, _UNPERSIST, _WRITE, _PULL (persist.c). */
bool gh_gl_persist_op(struct gl_exec *x, struct gl_reader *r);
/* GL_OP_PROGRAM_NAMES (program-names.c): a linked program's active names and their
 * locations. */
bool gh_gl_program_names(struct gl_exec *x, struct gl_reader *r);
/* Forgets the host's persistent mapping of buf (its name is gone; records.c). */
void gh_gl_persist_drop(struct gh_gl_buffer *buf);

/* ---- shader-refusals.c: the logs of the shaders glslang refused ---- */

/* glslang's log of the host's `shader`, NULL where it did not refuse its last compile. */
const char *gh_gl_shader_refusal(struct gh_gl_share *share, uint32_t shader);
/* Keeps `log` (malloc'd, taken) as glslang's refusal of `shader`; false when the link
 * ends (out of memory). */
bool gh_gl_shader_keep_refusal(struct gl_exec *x, uint32_t shader, char *log);
/* A shader host name was compiled again, deleted, handed out anew, or its share group
 * ends. */
void gh_gl_shader_forget(struct gh_gl_share *share, uint32_t host);
void gh_gl_shaders_finish(struct gh_gl_share *share);

/* ---- shader-attach.c: shaders attached to programs ---- */

/* The driver made shader `host` (a name hook): its record, with its type. */
bool gh_gl_shader_created(struct gl_exec *x, uint32_t host);
/* Whether the app deleted `app_shader` while it was attached (GL_DELETE_STATUS). */
bool gh_gl_shader_flagged(struct gh_gl_share *share, uint32_t app_shader);
/* The program's name went: its shaders are detached, each flagged one deleted with its
 * last attachment (by the driver where `driver`: a context of the group is current). */
void gh_gl_attach_program_gone(struct gh_gl *gl, struct gh_gl_share *share,
                               struct gh_gl_program *prog, bool driver);

/* ---- vertex.c: vertex state ---- */

/* Bytes of one vertex of an attribute, 0 for a type GL does not take. */
uint32_t gh_gl_attrib_bytes(uint32_t size, uint32_t type);
/* Bytes of one vertex of an attribute of `size` x `type` the context
 * takes (ES 3 types on an ES 3 host context); 0 for none. */
uint32_t gh_gl_any_attrib_bytes(struct gh_gl_context *ctx, uint32_t size, uint32_t type);

/* ---- draw.c, indirect.c ---- */

/* What one draw fetches: vertices first..last (none when !any) of the
 * per-vertex attributes, instances 0..instances - 1 of the instanced ones. */
struct gh_gl_fetch {
	bool any;
	int64_t first, last; /* base vertex added: may be negative */
	uint64_t instances;
	uint32_t base_instance; /* instanced attributes fetch from here on */
};

/* Validates a draw's attribute fetches against their buffers and runs
 * `draw` (a direct draw of the host GL) with unused bufferless arrays
 * hidden. False after ending the link. */
bool gh_gl_draw_checked(struct gl_exec *x, const struct gh_gl_fetch *f,
                        void (*draw)(const void *args), const void *args);
/* The smallest and largest index of `count` indices of `type` at `offset`
 * in the bound element buffer (its size checked by the caller), the
 * restart index left out where it fetches nothing (never for GL_PATCHES:
 * `mode` is the draw's). */
bool gh_gl_element_range(struct gl_exec *x, uint64_t offset, uint32_t count, uint32_t type,
                         uint32_t mode, uint32_t *min, uint32_t *max);
/* `bytes` bytes at `offset` of the buffer bound to `target` (a whole
 * range inside it, checked by the caller), read from the host's store. */
bool gh_gl_buffer_fetch(struct gl_exec *x, uint32_t target, uint64_t offset, uint32_t bytes,
                        void *out);

/* ---- gl3-core.c ---- */

/* Sets ctx's fixed_restart and app_restart from its host context (current,
 * its es3 known). */
void gh_gl_host_restart_caps(struct gh_gl_context *ctx);

/* ---- pipelines.c ---- */

/* The program whose vertex stage draws run: the current program, else the
 * bound pipeline's vertex program; NULL for none. */
struct gh_gl_program *gh_gl_vertex_program(struct gh_gl_context *ctx);
void gh_gl_pipeline_free(struct gh_gl_pipeline *pipe);

/* ---- debug.c: GL_KHR_debug ---- */

/* With ctx current on the host thread for the first time: our callback
 * queues what its driver says (where the driver has KHR_debug). */
void gh_gl_debug_attach(struct gh_gl_context *ctx);
/* While muted, the driver's debug messages are not the app's: they come of calls the host
 * makes of its own (shaders.c's failing link), and are dropped. */
void gh_gl_debug_mute(struct gh_gl_context *ctx, bool muted);
/* After the host context is destroyed. */
void gh_gl_debug_free(struct gh_gl_context *ctx);
/* GL_OP_DEBUG_FETCH. */
bool gh_gl_debug_fetch(struct gl_exec *x, struct gl_reader *r);

/* ---- extensions.c: what a context's extensions of ours change here ---- */

/* The context was given that extension of ours (by name). */
bool gh_gl_ctx_has_extension(const struct gh_gl_context *ctx, const char *name);
/* Takes an umbrella extension (ANDROID_extension_pack_es31a) out of `l`
 * unless `l` has every extension it stands for. */
void gh_gl_ext_drop_incomplete_packs(struct gles_level *l);
/* Bytes of one vertex of a type an extension of the context adds
 * (GL_HALF_FLOAT_OES); 0 for none. */
uint32_t gh_gl_ext_attrib_bytes(const struct gh_gl_context *ctx, uint32_t size, uint32_t type);

/* ---- buffer-targets.c ---- */

/* The buffer bound to any target of gl_buffer_target(), NULL for none. */
struct gh_gl_buffer *gh_gl_bound_buffer(struct gh_gl_context *ctx, uint32_t target);
/* glBindBuffer's bookkeeping (target checked: a bad one ends the link). */
bool gh_gl_bind_buffer(struct gl_exec *x, uint32_t target, uint32_t host, uint32_t app);
/* The buffer may be written by the GPU from now on: no CPU copy. */
void gh_gl_buffer_gpu_writes(struct gh_gl_buffer *buf);
/* A deleted buffer leaves the context's targets. */
void gh_gl_unbind_buffer(struct gh_gl_context *ctx, struct gh_gl_buffer *buf);
void gh_gl_buffer_targets_finish(struct gh_gl_context *ctx);
void gh_gl_after_command(struct gl_exec *x);
/* The command about to run writes buf's element copy: the driver's earlier
 * errors are stashed, and its error after the call drops the copy. */
void gh_gl_copy_writes(struct gl_exec *x, struct gh_gl_buffer *buf);

/* Host hooks the executor needs on generic commands (requested in
 * .notes/GL-EXEC-REQUESTS.md); declared here too so that they build before
 * the generator calls them. */
bool gl_exec_hook_glBindBuffer(struct gl_exec *x, GLenum target, GLuint buffer, GLuint app_buffer);
bool gl_exec_hook_glBindVertexArrayOES(struct gl_exec *x, GLuint array, GLuint app_array);
bool gl_exec_hook_glEnableVertexAttribArray(struct gl_exec *x, GLuint index);
bool gl_exec_hook_glDisableVertexAttribArray(struct gl_exec *x, GLuint index);
/* glUseProgram's and glLinkProgram's bookkeeping, before the real call. */
bool gh_gl_use_program(struct gl_exec *x, GLuint program, GLuint app_program);
/* program-use.c: the app's glUseProgram run (not compiled in GL_COMPILE mode)
 * makes app_program current in the context as the library sees it; a
 * program deleted meanwhile is forgotten when its last context lets it go. */
bool gh_gl_app_use_program(struct gl_exec *x, uint32_t app_program);
/* The context goes (its last reference, before the driver's context):
 * GL lets go of its program as a glUseProgram(0) would, and so does the
 * library when it destroys the context. */
void gh_gl_program_context_gone(struct gh_gl_context *ctx);
/* Before the driver's new program or shader `host` is recorded: a deleted
 * program whose name the library keeps (flagged) but whose driver object
 * went (its glUseProgram failed) may hold that name; it gets a stand-in. */
bool gh_gl_program_reused(struct gl_exec *x, uint32_t host);
bool gh_gl_link_program(struct gl_exec *x, GLuint program, GLuint app_program);

#endif
