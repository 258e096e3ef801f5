/*
 * The GL stream, version 1: what travels on one GL channel of a link
 * (WIRE_GL frames, see wire.h), between libEGL_gpupipe in the app
 * (hostile) and the executor in gpupipe-host (trusted).
 *
 * This header is the specification of the stream's framing and of its
 * EGL-level commands. The GLES commands (op >= GL_OP_GLES_BASE) are
 * generated from the Khronos registry and protocols/gles-annotations.txt;
 * their layout is described below and in protocols/README.md.
 *
 * A stream is a sequence of commands from the app; some commands are
 * synchronous and the host answers each of those, in order, with exactly
 * one reply. Nothing else travels host to app.
 *
 * Framing (both directions): a command or reply is a gl_cmd header then
 * `size - 8` payload bytes. size is a multiple of 4, at least 8, at most
 * GL_MAX_COMMAND. The host reassembles a command across WIRE_GL frames,
 * checks size before buffering, and executes it only when it is whole.
 *
 * Payload encoding (commands and replies alike):
 * - Scalars, in declaration order: 4 bytes each (GLenum, GLint, GLuint,
 *   GLsizei, GLfloat, GLboolean as u32 0/1, GLbitfield, GLclampf, object
 *   names, EGL handles; OpenGL ES 1's GLfixed and GLclampx as signed
 *   16.16 fixed point, GLubyte as u32 0..255), 8 bytes for GLintptr, GLsizeiptr, GLint64,
 *   GLuint64 and EGL times. Little-endian, no alignment beyond 4.
 * - Then each pointer argument, in declaration order, as a "blob": a u32
 *   byte count n, then n bytes, then zero padding to a multiple of 4.
 *   n == GL_BLOB_NULL stands for a NULL pointer (where the annotation
 *   allows one) and carries no bytes.
 *   - `in` pointers carry their data. n must equal the annotation's size
 *     expression evaluated on the command's own scalars (and the pixel
 *     store state, see gl-codec.h); the host recomputes it and ends the
 *     link on a mismatch.
 *   - `out` pointers carry n only (the capacity the app gave, again from
 *     the size expression); the reply carries their data.
 * - Object names (textures, buffers, ...) are the app's names. The app
 *   allocates them (glGen*, glCreate* cost no round trip) and the host
 *   maps them per share group (per context for framebuffers and vertex
 *   arrays). A name the app never generated ends the link.
 *
 * The EGL-level commands (op < GL_OP_GLES_BASE) and their replies follow
 * the same rules, spelled out as one declared struct per command (its
 * scalars, the same bytes) then its blobs; see enum gl_op.
 *
 * Replies: a gl_cmd header whose op repeats the command's op, then the
 * return value (if the command has one, as a scalar), then each `out`
 * pointer's blob with the bytes actually written (n <= the capacity).
 *
 * EGL objects (contexts, surfaces, syncs, images) are named by u32
 * handles the app allocates per display, nonzero, unique per kind; the
 * host maps them per link.
 */
#ifndef GPUPIPE_GL_STREAM_H
#define GPUPIPE_GL_STREAM_H

#include <assert.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* 2: API + version + extensions in GL_OP_INIT and GL_OP_CREATE_CONTEXT.
 * 3: GL_OP_INIT and its reply carry the codec's id (GLES_CODEC_ID); a host
 *    answers a library of another version or codec with no API offered
 *    instead of ending the link, whatever that library's GL_OP_INIT holds
 *    after its version. Keep the version the first u32 of GL_OP_INIT and
 *    of its reply for ever, so that every later version can say so too.
 * 4: extension bits are GL_EXT_WORDS (8) u64 words, not 4: gl_api_info.exts
 *    and GL_OP_CREATE_CONTEXT's blob (64 bytes).
 * 5: GL_OP_LIST_DRAW.
 * 6: shared memory for uploads (GL_HOST_SHARED_MEMORY, GL_BLOB_SHARED,
 *    GL_OP_PING).
 * 7: gl_op_swap.flags (GL_SWAP_BOTTOM_UP_OK).
 * 8: GL_OP_CLIENT_ARRAY_AGAIN.
 * 9: GL_OP_PROGRAM_NAMES. */
#define GL_STREAM_VERSION 9u

/* u64 words of extension bits on the wire (gl_api_info.exts, the blob of
 * GL_OP_CREATE_CONTEXT): room for 512 extensions of ours; the codec's
 * GLES_EXT_WORDS is at most this. */
#define GL_EXT_WORDS 8

/* Largest command or reply, header included: a 4096x4096 RGBA texture
 * and then some. Bigger uploads must be split by the app (glTexSubImage2D
 * in bands, glBufferSubData in pieces). */
#define GL_MAX_COMMAND (72u << 20)

/* Most strings one string-array argument carries (glTransformFeedbackVaryings,
 * glGetUniformIndices): the host makes a pointer per string. */
#define GL_MAX_STRINGS 65536

/* Most viewports, scissor boxes or depth ranges (first + count) one array command of
 * OES_viewport_array sets: above every driver's GL_MAX_VIEWPORTS (16 in Mesa, NVIDIA and
 * AMD); each driver answers GL_INVALID_VALUE past its own. first + count is checked in 64
 * bits on both sides, so a driver adding them in 32 bits never sees a sum that wraps. */
#define GL_MAX_VIEWPORT_INDEX 256

/* Every flag glBufferStorageEXT takes (GL_EXT_buffer_storage): map read,
 * write, persistent, coherent, dynamic storage, client storage. */
#define GL_STORAGE_FLAGS_KNOWN 0x3c3u

/* Blob byte count standing for a NULL pointer. */
#define GL_BLOB_NULL 0xffffffffu
/* Blob byte count of pixels that are not in the command: a u64 offset into
 * the bound GL_PIXEL_UNPACK_BUFFER follows (OpenGL ES 3). */
#define GL_BLOB_OFFSET 0xfffffffeu
/* Blob byte count of bytes that lie in the stream's shared memory (see
 * "Shared memory" below): the u32 byte count n, then the u64 position of
 * their first byte follow. In place of an `in` blob of a generated command,
 * of pixels of an upload, and of GL_OP_CLIENT_ARRAY's blob. */
#define GL_BLOB_SHARED 0xfffffffdu

/*
 * Shared memory (GL_HOST_SHARED_MEMORY; the link's WIRE_FEATURE_FD_PASSING).
 *
 * Big blobs travel through sockets at the cost of a wakeup of each process
 * per socket buffer (about 200 KiB). Where the link passes fds, a stream may
 * instead put them into memory the library shares with the host, and send
 * only where they lie (GL_BLOB_SHARED).
 *
 * - The memory is a memfd of GL_SHARED_HEADER + d bytes, d in
 *   GL_SHARED_MIN_DATA..GL_SHARED_MAX_DATA, sealed against shrinking
 *   (F_SEAL_SHRINK), on tmpfs (no huge pages): the host refuses any other fd,
 *   and more than 512 MiB of them per link. The library sends it once
 *   per stream, with the first bytes it writes after making it; the proxy
 *   passes it on in a WIRE_GL_SHARED frame before those bytes.
 * - Data byte at position `pos` (a count of bytes the library has placed
 *   since the memory was made, never decreasing) lies at
 *   GL_SHARED_HEADER + pos % d. A blob never wraps: pos % d + n <= d, or
 *   the link ends.
 * - The host copies such a blob out before anything reads it (the app can
 *   write the memory meanwhile), except pixels of uploads (the `unpack` blobs:
 *   glTexImage*, glTexSubImage*, their compressed forms, glDrawPixels, ...)
 *   and GL_OP_CLIENT_ARRAY's vertices. Those it never reads itself (it
 *   checks the command's scalars, as for bytes in the stream), and hands its
 *   driver a pointer to where they lie: a write racing the driver's read
 *   changes only the texels or vertex values the app gets.
 *   A readback's blob (glGetPolygonStipple's) never lies there.
 * - Once the command that names a blob ran, the host stores pos + n in
 *   gl_shared_header.consumed. The library reuses bytes below `consumed`,
 *   and waits for more with GL_OP_PING. The host never reads the header.
 */
#define GL_SHARED_HEADER 4096u
#define GL_SHARED_MIN_DATA (1u << 20)
#define GL_SHARED_MAX_DATA (64u << 20)
/* The largest blob in shared memory, and the most blobs one command may have
 * there: the host copies each out first (but for upload pixels), into room
 * it keeps for them. */
#define GL_SHARED_MAX_BLOB (16u << 20)
#define GL_SHARED_MAX_BLOBS 4
struct gl_shared_header {
	uint64_t consumed; /* written by the host only */
};

struct gl_cmd {
	uint32_t size; /* bytes including this header; multiple of 4, >= 8 */
	uint32_t op;   /* enum gl_op, or a generated GLES opcode */
};
static_assert(sizeof(struct gl_cmd) == 8, "gl_cmd is 8 bytes");

/* Generated GLES opcodes start here (GL_OP_GLES_BASE + index in the
 * generated table; see gles-codec.h in the build tree). */
#define GL_OP_GLES_BASE 0x1000u

/*
 * EGL-level and helper commands. "sync" means the host replies. Each
 * command's fixed part is the wire struct its comment names (declared
 * below the enum, sizes and offsets asserted), then the blobs it lists.
 * EGL errors come back as an EGL error code (EGL_SUCCESS when it worked).
 */
enum gl_op {
	/* sync. struct gl_op_init.
	 * Reply: gl_host_info, then blob gl_config_info[n_configs], then for
	 * each of the n_apis APIs the host offers: blob gl_api_info, blobs of
	 * the host's GL_VENDOR, GL_RENDERER, GL_VERSION,
	 * GL_SHADING_LANGUAGE_VERSION and GL_EXTENSIONS in a context of that
	 * API (no NUL), blob gl_limit[] (immutable values of that API's
	 * contexts). Any stream may ask; the EGL library asks once per
	 * display, on its display stream. A library of another
	 * GL_STREAM_VERSION or GLES_CODEC_ID gets gl_host_info with the host's
	 * version and codec and n_apis = n_configs = 0, and an empty config
	 * blob: no GL, and the link goes on. */
	GL_OP_INIT = 1,

	/* sync. struct gl_op_create_context, then blob of GL_EXT_WORDS u64 (64 bytes):
	 * the extensions of ours the context has (bit i:
	 * gl_gles_extensions[i]; a subset of those the host offers for the
	 * API, gl_api_info.exts).
	 * Reply: struct gl_reply_error. */
	GL_OP_CREATE_CONTEXT = 2,
	/* struct gl_op_handle: the context. It must not be current on any
	 * stream. */
	GL_OP_DESTROY_CONTEXT = 3,

	/* sync. struct gl_op_create_surface.
	 * Reply: struct gl_reply_error. The host renders a surface of either
	 * kind into an off-screen buffer it keeps (its "back buffer"),
	 * preserved between swaps, y up as GL has it. */
	GL_OP_CREATE_SURFACE = 4,
	/* struct gl_op_resize_surface. The next frame renders at the new
	 * size; the back buffer's contents are undefined. */
	GL_OP_RESIZE_SURFACE = 5,
	/* struct gl_op_handle: the surface. It must not be current on any
	 * stream. */
	GL_OP_DESTROY_SURFACE = 6,

	/* struct gl_op_make_current. Makes the context current on this
	 * stream (0, 0, 0: none); surfaces are 0 for a surfaceless context.
	 * The host ends the link if a handle is unknown or the host cannot
	 * make it current. */
	GL_OP_MAKE_CURRENT = 7,

	/* struct gl_op_swap, then blob of n_rects struct gl_rect (GL
	 * coordinates, origin bottom left) of damage since the previous swap,
	 * n_rects == 0 meaning everything. The host copies the back buffer into
	 * the wl_buffer, ending the frame: rows top to bottom, or, where the
	 * library allows it (GL_SWAP_BOTTOM_UP_OK), bottom to top as GL keeps
	 * them, shown the right way up by the buffer transform the host gives
	 * the wl_surface it is committed to. */
	GL_OP_SWAP = 8,

	/* sync. struct gl_op_sync_create.
	 * Reply: struct gl_reply_error. */
	GL_OP_SYNC_CREATE = 9,
	/* sync. struct gl_op_sync_client_wait (the host waits at most
	 * GL_MAX_SYNC_WAIT_NS per call; the library repeats for longer
	 * timeouts).
	 * Reply: struct gl_reply_sync_wait, whose error travels only when
	 * status is 0 (4 bytes otherwise). */
	GL_OP_SYNC_CLIENT_WAIT = 10,
	/* struct gl_op_handle: the sync. The host's GPU waits
	 * (eglWaitSyncKHR). */
	GL_OP_SYNC_SERVER_WAIT = 11,
	/* struct gl_op_handle: the sync. */
	GL_OP_SYNC_DESTROY = 12,

	/* sync. struct gl_op_image_create.
	 * Reply: struct gl_reply_error. */
	GL_OP_IMAGE_CREATE = 13,
	/* struct gl_op_handle: the image. */
	GL_OP_IMAGE_DESTROY = 14,

	/* Client-side vertex data for the next draw on this stream: struct
	 * gl_client_array (which array, its format, the vertex range), then a
	 * blob of count * element bytes, tightly packed (element bytes =
	 * size * sizeof(type)). The host places it at vertex `first` of a
	 * scratch buffer it owns and points the array there, so the draw's
	 * own indices work unchanged (an instanced attribute, divisor d, sends
	 * first 0 and the instances' count, ceil(instances / d)). Generic
	 * attributes (GL_ARRAY_ATTRIB)
	 * only in contexts of GL_API_GLES2, the fixed-function arrays only in
	 * GL_API_GLES1 ones; an array of another API, a format the array
	 * cannot have or a blob of another size ends the link. */
	GL_OP_CLIENT_ARRAY = 15,

	/* sync. struct gl_op_buffer_read: the bound buffer's bytes (for
	 * glMapBufferRange with GL_MAP_READ_BIT; any target of
	 * gl_buffer_target). Reply: blob. */
	GL_OP_BUFFER_READ = 16,

	/* sync. struct gl_op_debug_fetch: the oldest debug messages the
	 * host's driver gave the current context (GL_KHR_debug; the host
	 * registers a callback of its own per context and queues them, a
	 * bounded queue that drops its oldest past the bound). A capacity
	 * outside 1..GL_DEBUG_FETCH_MAX_MESSAGES messages or
	 * GL_DEBUG_FETCH_MIN_BYTES..GL_DEBUG_FETCH_MAX_BYTES bytes ends the
	 * link. Reply: struct gl_reply_debug_fetch, then `count` messages,
	 * each a struct gl_debug_message and its `length` bytes of text (no
	 * NUL), zero-padded to 4; all of it at most `bytes` bytes. The
	 * messages taken leave the host's queue. */
	GL_OP_DEBUG_FETCH = 17,

	/* GL_EXT_buffer_storage's persistent mappings (proxy/egl/README.md):
	 * the host maps the buffer too, and bytes travel both ways through
	 * that mapping. Every range is checked against it; a range outside,
	 * or a buffer the host has not mapped, ends the link. */
	/* sync. struct gl_op_buffer_persist: maps that range of the buffer
	 * bound to `target` (named `name`) on the host, for as long as the
	 * app's mapping lives (every mapping of a glBufferStorageEXT store).
	 * The host's copy of the bytes the app holds starts as zeros, as the
	 * library's does: its first GL_OP_BUFFER_PULL brings the bytes.
	 * Reply: u32 1 when mapped, 0 when the driver refused (or the quota
	 * the copy is charged to): the app's map fails. */
	GL_OP_BUFFER_PERSIST = 18,
	/* struct gl_op_buffer_name: the host's persistent mapping of that
	 * buffer ends (the app's glUnmapBuffer). */
	GL_OP_BUFFER_UNPERSIST = 19,
	/* struct gl_op_buffer_range, then a blob of `length` bytes: written
	 * into the host's mapping at buffer offset `offset` (the app's CPU
	 * writes; length at most GL_BUFFER_PIECE). */
	GL_OP_BUFFER_WRITE = 20,
	/* sync. struct gl_op_buffer_range (length at most GL_BUFFER_PIECE):
	 * the bytes of that range the GPU changed since they last travelled.
	 * Reply: u32 count, then `count` runs, each a struct gl_buffer_run
	 * and its `length` bytes zero-padded to 4, ascending, inside the
	 * range. */
	GL_OP_BUFFER_PULL = 21,

	/* struct gl_op_list_draw: a draw of GL 1.x (glDrawArrays,
	 * glDrawElements, glDrawRangeElements, glMultiDrawArrays,
	 * glMultiDrawElements) between glBegin and glEnd while a list is
	 * being made in GL_COMPILE_AND_EXECUTE mode. GL compiles it and
	 * refuses to run it, now and whenever the list runs
	 * (GL_INVALID_OPERATION, nothing drawn), so none of its arrays or
	 * indices travel: the host gives its driver the draw with no vertex.
	 * Anywhere else it ends the link. */
	GL_OP_LIST_DRAW = 22,

	/* sync. No payload. Reply: none but the header, sent once every
	 * command before it has run: the library waits for shared memory
	 * (gl_shared_header.consumed) with it. */
	GL_OP_PING = 23,

	/* struct gl_client_array alone, no blob: the same vertices again. The
	 * last GL_OP_CLIENT_ARRAY of this array (kind and index) on the
	 * stream's current context had this very header, first and count
	 * included, and the library knows the app's bytes are still the ones
	 * it sent then (it compares them): the host points the array at its
	 * scratch buffer, which still holds them, and nothing is copied. A
	 * header that differs from that command's, or an array never sent on
	 * the context, ends the link. */
	GL_OP_CLIENT_ARRAY_AGAIN = 24,

	/* sync. struct gl_op_program_names: the active uniforms
	 * (GL_PROGRAM_NAMES_UNIFORMS) or attributes (_ATTRIBUTES) of the
	 * program the app calls `program` on the current context, each with
	 * the location the host's driver gives that very name, so that the
	 * library answers glGetUniformLocation and glGetAttribLocation of
	 * exactly those names without a round trip until the program is
	 * linked again. An array's name comes as the driver lists it ("a[0]")
	 * and without its "[0]", each with the driver's own answer. Refused
	 * between glBegin and glEnd, as the queries it makes are. Reply:
	 * struct gl_reply_program_names, then `count` entries: an i32
	 * location, then a blob of the name's bytes (no NUL). Status other
	 * than GL_PROGRAM_NAMES_OK: count 0, and the library asks name by
	 * name, as without it. A kind of neither value, or a context without
	 * programs (OpenGL ES 1), ends the link. */
	GL_OP_PROGRAM_NAMES = 25,

	GL_OP_EGL_COUNT,
};

/*
 * The fixed parts of the EGL-level commands and replies. Every field is
 * a u32 (or u64 where noted, at an offset that is a multiple of 8, so
 * there is no padding) and the structs travel as they are in memory:
 * little-endian is assumed project-wide (meson refuses other hosts). The
 * asserts pin each struct to the layout its comment documents.
 */
#define GL_WIRE_FIELD(type, field, off)                                                            \
	static_assert(offsetof(struct type, field) == (off), #type "." #field " at byte " #off)

/* GL_OP_INIT. */
struct gl_op_init {
	uint32_t version;  /* GL_STREAM_VERSION: always the first u32 */
	uint32_t reserved; /* 0 */
	uint64_t codec;    /* GLES_CODEC_ID */
};
static_assert(sizeof(struct gl_op_init) == 16, "gl_op_init is 16 bytes");
GL_WIRE_FIELD(gl_op_init, codec, 8);

/* GL_OP_DESTROY_CONTEXT, GL_OP_DESTROY_SURFACE, GL_OP_SYNC_SERVER_WAIT,
 * GL_OP_SYNC_DESTROY, GL_OP_IMAGE_DESTROY: one object, by handle. */
struct gl_op_handle {
	uint32_t handle;
};
static_assert(sizeof(struct gl_op_handle) == 4, "gl_op_handle is 4 bytes");

/* GL_OP_CREATE_CONTEXT, before its extension blob. */
struct gl_op_create_context {
	uint32_t handle;    /* the new context's handle */
	uint32_t config_id; /* from gl_config_info */
	uint32_t share;     /* context handle to share with, or 0 */
	uint32_t api;       /* enum gl_api */
	uint32_t version;   /* GL_VERSION_CODE, at most the gl_api_info's */
	uint32_t flags;     /* enum gl_context_flags */
};
static_assert(sizeof(struct gl_op_create_context) == 24, "gl_op_create_context is 24 bytes");
GL_WIRE_FIELD(gl_op_create_context, config_id, 4);
GL_WIRE_FIELD(gl_op_create_context, share, 8);
GL_WIRE_FIELD(gl_op_create_context, api, 12);
GL_WIRE_FIELD(gl_op_create_context, version, 16);
GL_WIRE_FIELD(gl_op_create_context, flags, 20);

/* GL_OP_CREATE_SURFACE. */
struct gl_op_create_surface {
	uint32_t handle;    /* the new surface's handle */
	uint32_t config_id; /* from gl_config_info */
	uint32_t width;     /* 1..GL_MAX_SURFACE_SIZE */
	uint32_t height;    /* 1..GL_MAX_SURFACE_SIZE */
	uint32_t kind;      /* enum gl_surface_kind */
};
static_assert(sizeof(struct gl_op_create_surface) == 20, "gl_op_create_surface is 20 bytes");
GL_WIRE_FIELD(gl_op_create_surface, config_id, 4);
GL_WIRE_FIELD(gl_op_create_surface, width, 8);
GL_WIRE_FIELD(gl_op_create_surface, height, 12);
GL_WIRE_FIELD(gl_op_create_surface, kind, 16);

/* GL_OP_RESIZE_SURFACE. */
struct gl_op_resize_surface {
	uint32_t handle;
	uint32_t width; /* 1..GL_MAX_SURFACE_SIZE */
	uint32_t height;
};
static_assert(sizeof(struct gl_op_resize_surface) == 12, "gl_op_resize_surface is 12 bytes");
GL_WIRE_FIELD(gl_op_resize_surface, width, 4);
GL_WIRE_FIELD(gl_op_resize_surface, height, 8);

/* GL_OP_MAKE_CURRENT. */
struct gl_op_make_current {
	uint32_t context; /* handle, or 0: release the current one */
	uint32_t draw;    /* surface handle, or 0 */
	uint32_t read;    /* surface handle, or 0 (both or neither) */
};
static_assert(sizeof(struct gl_op_make_current) == 12, "gl_op_make_current is 12 bytes");
GL_WIRE_FIELD(gl_op_make_current, draw, 4);
GL_WIRE_FIELD(gl_op_make_current, read, 8);

/* GL_OP_SWAP, before its damage blob. */
struct gl_op_swap {
	uint32_t surface; /* the current draw surface, a window */
	uint32_t buffer;  /* wl_buffer object id: a buffer made by
	                   * gpupipe_memory_v1.create_buffer of the surface's
	                   * size and not in use by the compositor */
	uint32_t n_rects; /* struct gl_rect in the blob; 0: everything */
	uint32_t flags;   /* enum gl_swap_flags; any other bit ends the link */
};
static_assert(sizeof(struct gl_op_swap) == 16, "gl_op_swap is 16 bytes");
GL_WIRE_FIELD(gl_op_swap, buffer, 4);
GL_WIRE_FIELD(gl_op_swap, n_rects, 8);
GL_WIRE_FIELD(gl_op_swap, flags, 12);

enum gl_swap_flags {
	/* The wl_surface the buffer goes to takes wl_surface.set_buffer_transform
	 * (version 2 or later): the host may leave the frame's rows bottom to
	 * top, one copy of the frame on hosts that read frames back where two
	 * or three were (gpupipe-host(1), FRAMES), and then makes the compositor
	 * show them flipped. */
	GL_SWAP_BOTTOM_UP_OK = 1u << 0,
};
#define GL_SWAP_FLAGS_KNOWN GL_SWAP_BOTTOM_UP_OK

/* One damage rectangle of GL_OP_SWAP, GL coordinates. */
struct gl_rect {
	int32_t x, y, width, height;
};
static_assert(sizeof(struct gl_rect) == 16, "gl_rect is 16 bytes");

/* GL_OP_SYNC_CREATE. */
struct gl_op_sync_create {
	uint32_t handle; /* the new sync's handle */
	uint32_t type;   /* EGL_SYNC_FENCE_KHR */
};
static_assert(sizeof(struct gl_op_sync_create) == 8, "gl_op_sync_create is 8 bytes");
GL_WIRE_FIELD(gl_op_sync_create, type, 4);

/* GL_OP_SYNC_CLIENT_WAIT. */
struct gl_op_sync_client_wait {
	uint32_t handle;
	uint32_t flags;      /* EGL_SYNC_FLUSH_COMMANDS_BIT_KHR or 0 */
	uint64_t timeout_ns; /* the host caps it at GL_MAX_SYNC_WAIT_NS */
};
static_assert(sizeof(struct gl_op_sync_client_wait) == 16, "gl_op_sync_client_wait is 16 bytes");
GL_WIRE_FIELD(gl_op_sync_client_wait, flags, 4);
GL_WIRE_FIELD(gl_op_sync_client_wait, timeout_ns, 8);

/* GL_OP_IMAGE_CREATE. */
struct gl_op_image_create {
	uint32_t handle;  /* the new image's handle */
	uint32_t context; /* the context whose object it is */
	uint32_t target;  /* EGL_GL_TEXTURE_2D_KHR, EGL_GL_RENDERBUFFER_KHR */
	uint32_t name;    /* app name of the texture or renderbuffer */
	uint32_t level;   /* mip level */
};
static_assert(sizeof(struct gl_op_image_create) == 20, "gl_op_image_create is 20 bytes");
GL_WIRE_FIELD(gl_op_image_create, context, 4);
GL_WIRE_FIELD(gl_op_image_create, target, 8);
GL_WIRE_FIELD(gl_op_image_create, name, 12);
GL_WIRE_FIELD(gl_op_image_create, level, 16);

/* GL_OP_BUFFER_READ. */
struct gl_op_buffer_read {
	uint32_t target; /* a target of gl_buffer_target, a buffer bound there */
	uint32_t offset; /* bytes into that buffer */
	uint32_t length; /* bytes wanted */
};
static_assert(sizeof(struct gl_op_buffer_read) == 12, "gl_op_buffer_read is 12 bytes");
GL_WIRE_FIELD(gl_op_buffer_read, offset, 4);
GL_WIRE_FIELD(gl_op_buffer_read, length, 8);

/* Most bytes one GL_OP_BUFFER_WRITE or GL_OP_BUFFER_PULL covers: a pull's
 * reply (runs at least 8 bytes apart, 8 bytes of header each) stays under
 * 2 * GL_BUFFER_PIECE + 8. */
#define GL_BUFFER_PIECE (16u << 20)

/* GL_OP_BUFFER_PERSIST. */
struct gl_op_buffer_persist {
	uint32_t name;   /* the app's buffer name, bound to target */
	uint32_t target; /* a target of gl_buffer_target */
	uint32_t offset; /* the mapped range, inside the buffer */
	uint32_t length; /* > 0 */
	uint32_t access; /* GL_MAP_READ_BIT, _WRITE_BIT, _PERSISTENT_BIT, _COHERENT_BIT */
};
static_assert(sizeof(struct gl_op_buffer_persist) == 20, "gl_op_buffer_persist is 20 bytes");
GL_WIRE_FIELD(gl_op_buffer_persist, target, 4);
GL_WIRE_FIELD(gl_op_buffer_persist, offset, 8);
GL_WIRE_FIELD(gl_op_buffer_persist, length, 12);
GL_WIRE_FIELD(gl_op_buffer_persist, access, 16);

/* GL_OP_BUFFER_UNPERSIST. */
struct gl_op_buffer_name {
	uint32_t name;
};
static_assert(sizeof(struct gl_op_buffer_name) == 4, "gl_op_buffer_name is 4 bytes");

/* GL_OP_BUFFER_WRITE, GL_OP_BUFFER_PULL. */
struct gl_op_buffer_range {
	uint32_t name;   /* a buffer the host maps persistently */
	uint32_t offset; /* bytes into the buffer, inside the mapped range */
	uint32_t length; /* 1..GL_BUFFER_PIECE, inside the mapped range */
};
static_assert(sizeof(struct gl_op_buffer_range) == 12, "gl_op_buffer_range is 12 bytes");
GL_WIRE_FIELD(gl_op_buffer_range, offset, 4);
GL_WIRE_FIELD(gl_op_buffer_range, length, 8);

/* One run of a GL_OP_BUFFER_PULL reply, before its bytes. */
struct gl_buffer_run {
	uint32_t offset; /* bytes into the buffer */
	uint32_t length; /* > 0 */
};
static_assert(sizeof(struct gl_buffer_run) == 8, "gl_buffer_run is 8 bytes");
GL_WIRE_FIELD(gl_buffer_run, length, 4);

/* GL_OP_DEBUG_FETCH. */
struct gl_op_debug_fetch {
	uint32_t messages; /* most messages wanted: 1..GL_DEBUG_FETCH_MAX_MESSAGES */
	uint32_t bytes;    /* most bytes of messages (records and texts) the reply
	                    * may carry: GL_DEBUG_FETCH_MIN_BYTES..GL_DEBUG_FETCH_MAX_BYTES */
};
static_assert(sizeof(struct gl_op_debug_fetch) == 8, "gl_op_debug_fetch is 8 bytes");
GL_WIRE_FIELD(gl_op_debug_fetch, bytes, 4);

/* Longest text of a debug message on the wire, without its NUL (the host
 * cuts longer ones; GL_MAX_DEBUG_MESSAGE_LENGTH counts the NUL too). */
#define GL_DEBUG_MAX_TEXT 4095u
#define GL_DEBUG_FETCH_MAX_MESSAGES 256u
/* The least capacity: one message of the longest text always fits. */
#define GL_DEBUG_FETCH_MIN_BYTES (20u + ((GL_DEBUG_MAX_TEXT + 3u) & ~3u))
#define GL_DEBUG_FETCH_MAX_BYTES (1u << 20)

/* Reply to GL_OP_DEBUG_FETCH, before its messages. */
struct gl_reply_debug_fetch {
	uint32_t count;   /* messages that follow, at most the messages asked for */
	uint32_t dropped; /* messages the host dropped (queue full) since the last fetch */
	uint32_t left;    /* messages still queued after these */
};
static_assert(sizeof(struct gl_reply_debug_fetch) == 12, "gl_reply_debug_fetch is 12 bytes");
GL_WIRE_FIELD(gl_reply_debug_fetch, dropped, 4);
GL_WIRE_FIELD(gl_reply_debug_fetch, left, 8);

/* One message of a GL_OP_DEBUG_FETCH reply, before its text. */
struct gl_debug_message {
	uint32_t source;   /* GL_DEBUG_SOURCE_* as the driver gave it */
	uint32_t type;     /* GL_DEBUG_TYPE_* */
	uint32_t id;       /* the driver's id */
	uint32_t severity; /* GL_DEBUG_SEVERITY_* */
	uint32_t length;   /* bytes of text that follow: 0..GL_DEBUG_MAX_TEXT, no NUL */
};
static_assert(sizeof(struct gl_debug_message) == 20, "gl_debug_message is 20 bytes");
GL_WIRE_FIELD(gl_debug_message, type, 4);
GL_WIRE_FIELD(gl_debug_message, id, 8);
GL_WIRE_FIELD(gl_debug_message, severity, 12);
GL_WIRE_FIELD(gl_debug_message, length, 16);

/* GL_OP_PROGRAM_NAMES. */
enum gl_program_names_kind {
	GL_PROGRAM_NAMES_UNIFORMS = 0,
	GL_PROGRAM_NAMES_ATTRIBUTES = 1,
};
struct gl_op_program_names {
	uint32_t program; /* the app's name */
	uint32_t kind;    /* enum gl_program_names_kind */
};
static_assert(sizeof(struct gl_op_program_names) == 8, "gl_op_program_names is 8 bytes");
GL_WIRE_FIELD(gl_op_program_names, kind, 4);

enum gl_program_names_status {
	GL_PROGRAM_NAMES_OK = 0,
	GL_PROGRAM_NAMES_UNKNOWN = 1,  /* not a program of this context's share group */
	GL_PROGRAM_NAMES_UNLINKED = 2, /* its last link failed, or it never had one */
	/* The host cannot list them whole: they pass GL_PROGRAM_NAMES_MAX_BYTES, or the
	 * driver gives a name cut short. */
	GL_PROGRAM_NAMES_TOO_MANY = 3,
};
/* The reply's entries, all together, at most (a program of a few hundred names). */
#define GL_PROGRAM_NAMES_MAX_BYTES (64u << 10)
struct gl_reply_program_names {
	uint32_t status; /* enum gl_program_names_status */
	uint32_t count;  /* entries that follow */
	/* The program's glLinkProgram commands the host has run, refused ones too: the
	 * library keeps the names only where it sent as many (a link queued on another
	 * context's stream may not have run yet). */
	uint32_t links;
};
static_assert(sizeof(struct gl_reply_program_names) == 12, "gl_reply_program_names is 12 bytes");
GL_WIRE_FIELD(gl_reply_program_names, count, 4);
GL_WIRE_FIELD(gl_reply_program_names, links, 8);

/* Reply to GL_OP_CREATE_CONTEXT, GL_OP_CREATE_SURFACE, GL_OP_SYNC_CREATE
 * and GL_OP_IMAGE_CREATE. */
struct gl_reply_error {
	uint32_t error; /* EGL error, EGL_SUCCESS when it worked */
};
static_assert(sizeof(struct gl_reply_error) == 4, "gl_reply_error is 4 bytes");

/* Reply to GL_OP_SYNC_CLIENT_WAIT: status only (4 bytes) when the wait
 * ended, status 0 and the error (8 bytes) when it failed. */
struct gl_reply_sync_wait {
	uint32_t status; /* EGL_CONDITION_SATISFIED_KHR, EGL_TIMEOUT_EXPIRED_KHR, or 0 */
	uint32_t error;  /* EGL error; only when status is 0 */
};
static_assert(sizeof(struct gl_reply_sync_wait) == 8, "gl_reply_sync_wait is 8 bytes");
GL_WIRE_FIELD(gl_reply_sync_wait, error, 4);

/* GL_OP_LIST_DRAW. */
enum gl_list_draw_kind {
	GL_LIST_DRAW_ARRAYS = 0,   /* glDrawArrays, glMultiDrawArrays */
	GL_LIST_DRAW_ELEMENTS = 1, /* glDrawElements, glDrawRangeElements, glMultiDrawElements */
};
struct gl_op_list_draw {
	uint32_t kind; /* enum gl_list_draw_kind */
};
static_assert(sizeof(struct gl_op_list_draw) == 4, "gl_op_list_draw is 4 bytes");

/* How the host points an attribute at a client array's data. */
enum gl_client_array_mode {
	GL_CLIENT_ARRAY_FLOAT = 0,      /* glVertexAttribPointer, not normalized */
	GL_CLIENT_ARRAY_NORMALIZED = 1, /* glVertexAttribPointer, normalized */
	GL_CLIENT_ARRAY_INTEGER = 2,    /* glVertexAttribIPointer */
};

/* The arrays GL_OP_CLIENT_ARRAY fills (gl_client_array.array). */
enum gl_client_array_kind {
	GL_ARRAY_ATTRIB = 0,     /* glVertexAttribPointer; index: the attribute */
	GL_ARRAY_VERTEX = 1,     /* glVertexPointer: size 2..4 */
	GL_ARRAY_NORMAL = 2,     /* glNormalPointer: size 3 */
	GL_ARRAY_COLOR = 3,      /* glColorPointer: size 4 */
	GL_ARRAY_TEXCOORD = 4,   /* glTexCoordPointer; index: the texture unit, size 2..4 */
	GL_ARRAY_POINT_SIZE = 5, /* glPointSizePointerOES: size 1 */
	/* Desktop OpenGL's compatibility profile (which has every kind but
	 * GL_ARRAY_POINT_SIZE, generic attributes included). */
	GL_ARRAY_EDGE_FLAG = 6,       /* glEdgeFlagPointer: size 1, GL_UNSIGNED_BYTE */
	GL_ARRAY_INDEX = 7,           /* glIndexPointer: size 1 */
	GL_ARRAY_FOG_COORD = 8,       /* glFogCoordPointer: size 1 */
	GL_ARRAY_SECONDARY_COLOR = 9, /* glSecondaryColorPointer: size 3 or GL_BGRA */
	GL_ARRAY_KIND_COUNT,
};

/* The scalars of GL_OP_CLIENT_ARRAY, before its blob. */
struct gl_client_array {
	uint32_t array; /* enum gl_client_array_kind */
	uint32_t index; /* attribute (GL_ARRAY_ATTRIB), unit (GL_ARRAY_TEXCOORD), else 0 */
	uint32_t size;  /* components per vertex, as the app's *Pointer call gave */
	uint32_t type;  /* GL_BYTE, GL_UNSIGNED_BYTE, GL_SHORT, GL_FIXED, GL_FLOAT, ... */
	uint32_t mode;  /* enum gl_client_array_mode; GL_ARRAY_ATTRIB only, else 0 */
	uint32_t first; /* first vertex the draw reads */
	uint32_t count; /* vertices in the blob */
};
static_assert(sizeof(struct gl_client_array) == 28, "gl_client_array is 28 bytes");
GL_WIRE_FIELD(gl_client_array, index, 4);
GL_WIRE_FIELD(gl_client_array, size, 8);
GL_WIRE_FIELD(gl_client_array, type, 12);
GL_WIRE_FIELD(gl_client_array, mode, 16);
GL_WIRE_FIELD(gl_client_array, first, 20);
GL_WIRE_FIELD(gl_client_array, count, 24);

/* OpenGL ES 1.1's rules for the fixed-function arrays (both sides check
 * them: the library answers GL errors, the host ends the link): the
 * component counts and types each array takes. */
static inline bool gl_client_array_size_ok(uint32_t array, uint32_t size)
{
	switch (array) {
	case GL_ARRAY_VERTEX:
	case GL_ARRAY_TEXCOORD:
		return size >= 2 && size <= 4;
	case GL_ARRAY_NORMAL:
		return size == 3;
	case GL_ARRAY_COLOR:
		return size == 4;
	case GL_ARRAY_POINT_SIZE:
		return size == 1;
	}
	return false;
}

static inline bool gl_client_array_type_ok(uint32_t array, uint32_t type)
{
	enum { BYTE = 0x1400, UBYTE = 0x1401, SHORT = 0x1402, FLOAT = 0x1406, FIXED = 0x140C };
	switch (array) {
	case GL_ARRAY_VERTEX:
	case GL_ARRAY_NORMAL:
	case GL_ARRAY_TEXCOORD:
		return type == BYTE || type == SHORT || type == FIXED || type == FLOAT;
	case GL_ARRAY_COLOR:
		return type == UBYTE || type == FIXED || type == FLOAT;
	case GL_ARRAY_POINT_SIZE:
		return type == FIXED || type == FLOAT;
	}
	return false;
}

/* The compatibility profile's rules for the same arrays (GL 4.5
 * compatibility, table 10.3): the bytes of one element of `size` x `type`
 * for array `array`, 0 where GL refuses the pair. `size` may be GL_BGRA
 * (colours), four components. Both sides size client arrays with it. */
static inline uint32_t gl_client_array_compat_bytes(uint32_t array, uint32_t size, uint32_t type)
{
	enum {
		BYTE = 0x1400,
		UBYTE = 0x1401,
		SHORT = 0x1402,
		USHORT = 0x1403,
		INT = 0x1404,
		UINT = 0x1405,
		FLOAT = 0x1406,
		DOUBLE = 0x140A,
		HALF = 0x140B,
		BGRA = 0x80E1,
		I2101010 = 0x8D9F,
		U2101010 = 0x8368,
		U10F11F11F = 0x8C3B,
	};
	uint32_t unit = 0, comps = size == BGRA ? 4 : size;
	bool packed = type == I2101010 || type == U2101010;
	switch (type) {
	case BYTE:
	case UBYTE:
		unit = 1;
		break;
	case SHORT:
	case USHORT:
	case HALF:
		unit = 2;
		break;
	case INT:
	case UINT:
	case FLOAT:
		unit = 4;
		break;
	case DOUBLE:
		unit = 8;
		break;
	}
	bool common =
	        type == SHORT || type == INT || type == FLOAT || type == HALF || type == DOUBLE;
	switch (array) {
	case GL_ARRAY_VERTEX:
		if (type == U10F11F11F)
			return size == 3 ? 4 : 0;
		return size >= 2 && size <= 4 ? (packed   ? (size == 4 ? 4 : 0)
		                                 : common ? size * unit
		                                          : 0)
		                              : 0;
	case GL_ARRAY_TEXCOORD:
		if (type == U10F11F11F)
			return size == 3 ? 4 : 0;
		return size >= 1 && size <= 4 ? (packed   ? (size == 4 ? 4 : 0)
		                                 : common ? size * unit
		                                          : 0)
		                              : 0;
	case GL_ARRAY_NORMAL:
		if (packed || type == U10F11F11F)
			return size == 3 ? 4 : 0;
		return size == 3 && (common || type == BYTE) ? 3 * unit : 0;
	case GL_ARRAY_COLOR:
	case GL_ARRAY_SECONDARY_COLOR:
		if (packed)
			return comps == 4 ? 4 : 0;
		if (type == U10F11F11F)
			return size == 3 ? 4 : 0;
		if (size == BGRA)
			return type == UBYTE ? 4 : 0;
		if (array == GL_ARRAY_COLOR ? size < 3 || size > 4 : size != 3)
			return 0;
		return unit ? comps * unit : 0;
	case GL_ARRAY_INDEX:
		return size == 1 && (type == UBYTE || type == SHORT || type == INT ||
		                     type == FLOAT || type == DOUBLE)
		               ? unit
		               : 0;
	case GL_ARRAY_FOG_COORD:
		return size == 1 && (type == FLOAT || type == HALF || type == DOUBLE) ? unit : 0;
	case GL_ARRAY_EDGE_FLAG:
		return size == 1 && type == UBYTE ? 1 : 0;
	}
	return 0;
}

enum gl_context_flags {
	GL_CONTEXT_FLAG_DEBUG = 1u << 0,
	GL_CONTEXT_FLAG_ROBUST = 1u << 1,
	/* EGL_LOSE_CONTEXT_ON_RESET: the host context is made so (needs
	 * GL_HOST_ROBUSTNESS); otherwise EGL_NO_RESET_NOTIFICATION. */
	GL_CONTEXT_FLAG_LOSE_ON_RESET = 1u << 2,
	/* Desktop OpenGL core profile, forward-compatible (wide lines refused). */
	GL_CONTEXT_FLAG_FORWARD_COMPATIBLE = 1u << 3,
};

enum gl_surface_kind {
	GL_SURFACE_WINDOW = 1,  /* presented with GL_OP_SWAP */
	GL_SURFACE_PBUFFER = 2, /* never presented */
};

#define GL_MAX_SURFACE_SIZE 16384u
#define GL_MAX_SYNC_WAIT_NS 100000000ull /* 100 ms */

/* What the host can render; reply to GL_OP_INIT. */
struct gl_host_info {
	uint32_t version;    /* GL_STREAM_VERSION */
	uint32_t n_configs;  /* entries in the config blob */
	uint32_t n_apis;     /* APIs described after the configs, 0..GL_API_COUNT */
	uint32_t features;   /* enum gl_host_features */
	uint32_t max_width;  /* largest surface, <= GL_MAX_SURFACE_SIZE */
	uint32_t max_height; /* largest surface */
	uint64_t codec;      /* GLES_CODEC_ID */
};
static_assert(sizeof(struct gl_host_info) == 32, "gl_host_info is 32 bytes");
GL_WIRE_FIELD(gl_host_info, n_apis, 8);
GL_WIRE_FIELD(gl_host_info, max_height, 20);
GL_WIRE_FIELD(gl_host_info, codec, 24);

enum gl_host_features {
	GL_HOST_DMABUF = 1u << 0,        /* frames are dmabufs on a render node */
	GL_HOST_FENCE_SYNC = 1u << 1,    /* GL_OP_SYNC_* work */
	GL_HOST_WAIT_SYNC = 1u << 2,     /* GL_OP_SYNC_SERVER_WAIT works */
	GL_HOST_IMAGE = 1u << 3,         /* GL_OP_IMAGE_* work (texture and renderbuffer) */
	GL_HOST_ROBUSTNESS = 1u << 4,    /* GL_CONTEXT_FLAG_ROBUST is honoured */
	GL_HOST_SHARED_MEMORY = 1u << 5, /* streams may send shared memory (GL_BLOB_SHARED) */
};

/* One host EGL config usable for GLES 2 with pbuffers. */
struct gl_config_info {
	uint32_t config_id; /* the host's EGL_CONFIG_ID */
	uint8_t red, green, blue, alpha;
	uint8_t depth, stencil, samples, sample_buffers;
	uint32_t caveat;     /* EGL_NONE, EGL_SLOW_CONFIG, ... */
	uint32_t renderable; /* the host's EGL_RENDERABLE_TYPE bits */
};
static_assert(sizeof(struct gl_config_info) == 20, "gl_config_info is 20 bytes");
GL_WIRE_FIELD(gl_config_info, red, 4);
GL_WIRE_FIELD(gl_config_info, depth, 8);
GL_WIRE_FIELD(gl_config_info, caveat, 12);
GL_WIRE_FIELD(gl_config_info, renderable, 16);

/* One API the host offers (GL_OP_INIT). */
struct gl_api_info {
	uint32_t api;                /* enum gl_api, each at most once */
	uint32_t version;            /* GL_VERSION_CODE: the highest the library may ask for;
	                              * GL_API_GLES1: 1.1, the one ES 1 streamed (ES 1.0
	                              * requests get it too) */
	uint64_t exts[GL_EXT_WORDS]; /* the extensions of ours it may give (bit
	                              * i: gl_gles_extensions[i]); GLES_EXT_WORDS
	                              * <= GL_EXT_WORDS */
};
static_assert(sizeof(struct gl_api_info) == 72, "gl_api_info is 72 bytes");
GL_WIRE_FIELD(gl_api_info, exts, 8);

/* An immutable glGet value of the host's contexts (GL_MAX_TEXTURE_SIZE,
 * GL_ALIASED_LINE_WIDTH_RANGE, ...), answered by the library without a
 * round trip. Up to 4 values; unused ones are 0. */
struct gl_limit {
	uint32_t pname;
	uint32_t count;
	float values[4];
};
static_assert(sizeof(struct gl_limit) == 24, "gl_limit is 24 bytes");
GL_WIRE_FIELD(gl_limit, values, 8);

#endif
