/*
 * The runtime the generated GLES codec runs on.
 *
 * protocols/gen-gles.py reads the Khronos registry (gl.xml) and
 * protocols/gles-annotations.txt and writes, at build time:
 * - gles-codec.h: opcodes (GL_OP_GLES_BASE + n), the per-pointer size
 *   functions both sides evaluate, and the command names for logs;
 * - gles-encode.c (linked into libEGL_gpupipe): one encoder per GLES entry
 *   point, and gl_gles_lookup() for the vendor's getProcAddress;
 * - gles-decode.c (linked into gpupipe-host): one bounds-checked decoder
 *   per command and the dispatch table.
 *
 * The generated code calls only what this header declares; each side
 * implements its half (proxy/egl/ the encoder runtime, gpuhost/gl/ the
 * executor runtime). Commands the annotations mark `special` are written
 * by hand on that side under the names given below.
 */
#ifndef GPUPIPE_GL_CODEC_H
#define GPUPIPE_GL_CODEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <gpupipe/gl-stream.h>

/* Kinds of GL object names. Programs and shaders share one name space in
 * GL (the app allocates both from one counter); the host keeps them in
 * separate maps so that a name is only ever used as what it was made as.
 * Framebuffers, vertex arrays, queries, transform feedbacks and program
 * pipelines belong to one context, the others to the context's share
 * group. */
enum gl_name_class {
	GL_NAMES_TEXTURE,
	GL_NAMES_BUFFER,
	GL_NAMES_FRAMEBUFFER,
	GL_NAMES_RENDERBUFFER,
	GL_NAMES_PROGRAM,
	GL_NAMES_SHADER,
	GL_NAMES_VERTEX_ARRAY,
	GL_NAMES_QUERY,
	GL_NAMES_SAMPLER,
	GL_NAMES_TRANSFORM_FEEDBACK,
	GL_NAMES_SYNC, /* GLsync: the library's u32 names as pointers */
	GL_NAMES_PROGRAM_PIPELINE,
	/* ARB_vertex_program/ARB_fragment_program's assembly programs: a
	 * namespace apart from GLSL programs (glGenProgramsARB), shared by
	 * both targets and by the share group. */
	GL_NAMES_ARB_PROGRAM,
	GL_NAMES_COUNT,
};

/* GL_DISPLAY_LIST: a label's identifier in a compatibility context, whose
 * display lists have the driver's own names (never mapped), so it has no
 * class of gl_label_class's. */
#define GL_LABEL_DISPLAY_LIST 0x82E7u

/* The class of a GL_KHR_debug label's identifier (glObjectLabel), -1 for
 * none: the library answers GL_INVALID_ENUM, the host ends the link. */
static inline int gl_label_class(uint32_t identifier)
{
	switch (identifier) {
	case 0x82E0: /* GL_BUFFER */
		return GL_NAMES_BUFFER;
	case 0x82E1: /* GL_SHADER */
		return GL_NAMES_SHADER;
	case 0x82E2: /* GL_PROGRAM */
		return GL_NAMES_PROGRAM;
	case 0x8074: /* GL_VERTEX_ARRAY */
		return GL_NAMES_VERTEX_ARRAY;
	case 0x82E3: /* GL_QUERY */
		return GL_NAMES_QUERY;
	case 0x82E4: /* GL_PROGRAM_PIPELINE */
		return GL_NAMES_PROGRAM_PIPELINE;
	case 0x82E6: /* GL_SAMPLER */
		return GL_NAMES_SAMPLER;
	case 0x1702: /* GL_TEXTURE */
		return GL_NAMES_TEXTURE;
	case 0x8D41: /* GL_RENDERBUFFER */
		return GL_NAMES_RENDERBUFFER;
	case 0x8D40: /* GL_FRAMEBUFFER */
		return GL_NAMES_FRAMEBUFFER;
	case 0x8E22: /* GL_TRANSFORM_FEEDBACK */
		return GL_NAMES_TRANSFORM_FEEDBACK;
	}
	return -1;
}

/* GL_EXT_debug_label's object types: KHR_debug's identifiers under other
 * values for six classes, the same values for the others; 0 for none. */
static inline uint32_t gl_ext_label_identifier(uint32_t type)
{
	switch (type) {
	case 0x9151: /* GL_BUFFER_OBJECT_EXT */
		return 0x82E0;
	case 0x8B48: /* GL_SHADER_OBJECT_EXT */
		return 0x82E1;
	case 0x8B40: /* GL_PROGRAM_OBJECT_EXT */
		return 0x82E2;
	case 0x9154: /* GL_VERTEX_ARRAY_OBJECT_EXT */
		return 0x8074;
	case 0x9153: /* GL_QUERY_OBJECT_EXT */
		return 0x82E3;
	case 0x8A4F: /* GL_PROGRAM_PIPELINE_OBJECT_EXT */
		return 0x82E4;
	case 0x82E6: /* GL_SAMPLER */
	case 0x1702: /* GL_TEXTURE */
	case 0x8D41: /* GL_RENDERBUFFER */
	case 0x8D40: /* GL_FRAMEBUFFER */
	case 0x8E22: /* GL_TRANSFORM_FEEDBACK */
		return type;
	}
	return 0;
}

/* Pixel-store state that size expressions read (glPixelStorei; GLES 2 has
 * only the alignments, the rest is ES 3's and 0 by default). */
struct gl_pixel_state {
	int32_t pack_alignment;   /* 1, 2, 4 or 8; GL default 4 */
	int32_t unpack_alignment; /* 1, 2, 4 or 8; GL default 4 */
	int32_t pack_row_length, pack_skip_rows, pack_skip_pixels;
	int32_t unpack_row_length, unpack_image_height;
	int32_t unpack_skip_rows, unpack_skip_pixels, unpack_skip_images;
	/* Desktop OpenGL (set where the context is made, from its API): its
	 * pixel transfers take the format/type pairs ES refuses, and the
	 * pack state below, which ES lacks. */
	bool desktop;
	int32_t pack_image_height, pack_skip_images; /* glGetTexImage of 3D levels */
	/* GL_{PACK,UNPACK}_{SWAP_BYTES,LSB_FIRST}: booleans that change no
	 * size (no GL_BITMAP in the core profile), kept for glGet. */
	bool pack_swap_bytes, pack_lsb_first, unpack_swap_bytes, unpack_lsb_first;
	/* GL_{PACK,UNPACK}_COMPRESSED_BLOCK_{WIDTH,HEIGHT,DEPTH,SIZE} (GL 4.2,
	 * ARB_compressed_texture_pixel_storage), in that order: the blocks
	 * compressed images are laid out in (gl_blocks_layout). */
	int32_t pack_block[4], unpack_block[4];
};

/* glPixelStorei on the tracked state: false (state unchanged) for a pname
 * or value GL refuses (GL_INVALID_ENUM, GL_INVALID_VALUE). OpenGL ES 3
 * names, and desktop OpenGL's where ps->desktop: the library and the host
 * track the same. */
bool gl_pixel_store_set(struct gl_pixel_state *ps, uint32_t pname, int32_t value);

/* A reader over one command's payload. Every read is bounds-checked; a
 * short read sets `bad` and returns zeros, so a decoder reads all its
 * arguments, then checks `bad` once. */
struct gl_reader {
	const uint8_t *p;
	uint32_t left;
	bool bad;
	/* The host's stream, which resolves GL_BLOB_SHARED (ending the link
	 * where it has no shared memory); NULL in the library's reply reader,
	 * where such a blob makes the reply bad. */
	struct gl_exec *shared;
};

/* Host side: the n bytes at position pos of the stream's shared memory: where
 * they lie, `in_place` (the app can still write them: only for pixels of
 * uploads and client arrays' vertices, which the driver reads and the host
 * does not), else a copy the host made first, valid until the command ran.
 * NULL after ending the link with the reason. */
const void *gl_exec_shared_blob(struct gl_exec *x, uint32_t n, uint64_t pos, bool in_place);

static inline uint32_t gl_rd_u32(struct gl_reader *r)
{
	uint32_t v = 0;
	if (r->left < 4) {
		r->bad = true;
		r->left = 0;
		return 0;
	}
	memcpy(&v, r->p, 4);
	r->p += 4;
	r->left -= 4;
	return v;
}

static inline uint64_t gl_rd_u64(struct gl_reader *r)
{
	uint64_t lo = gl_rd_u32(r);
	uint64_t hi = gl_rd_u32(r);
	return lo | hi << 32;
}

static inline float gl_rd_f32(struct gl_reader *r)
{
	uint32_t u = gl_rd_u32(r);
	float f;
	memcpy(&f, &u, 4);
	return f;
}

static inline double gl_rd_f64(struct gl_reader *r)
{
	uint64_t u = gl_rd_u64(r);
	double d;
	memcpy(&d, &u, 8);
	return d;
}

/* A wire struct of gl-stream.h (an EGL-level command's fixed part), read
 * whole: its bytes are the wire's, little-endian as the host is. A short
 * payload sets `bad` and zeroes *s, as the scalar reads do. */
static inline void gl_rd_struct(struct gl_reader *r, void *s, uint32_t size)
{
	if (r->left < size) {
		r->bad = true;
		r->left = 0;
		memset(s, 0, size);
		return;
	}
	memcpy(s, r->p, size);
	r->p += size;
	r->left -= size;
}

/* A blob in the stream's shared memory (after its GL_BLOB_SHARED): *n gets
 * its byte count. */
static inline const void *gl_rd_shared(struct gl_reader *r, uint32_t *n, bool in_place)
{
	*n = gl_rd_u32(r);
	uint64_t pos = gl_rd_u64(r);
	const void *data = NULL;
	if (!r->bad && r->shared)
		data = gl_exec_shared_blob(r->shared, *n, pos, in_place);
	if (!data) {
		r->bad = true;
		r->left = 0;
		*n = 0;
	}
	return data;
}

/* A blob: *n gets its byte count (GL_BLOB_NULL for NULL, which returns
 * NULL). The bytes stay in the command buffer (aligned to 4), or in the
 * host's copy of them from shared memory (GL_BLOB_SHARED), valid until the
 * decoder returns. */
static inline const void *gl_rd_blob(struct gl_reader *r, uint32_t *n)
{
	*n = gl_rd_u32(r);
	if (r->bad || *n == GL_BLOB_NULL)
		return NULL;
	if (*n == GL_BLOB_SHARED)
		return gl_rd_shared(r, n, false);
	uint32_t padded = (*n + 3u) & ~3u;
	if (*n > r->left || padded > r->left) {
		r->bad = true;
		r->left = 0;
		*n = 0;
		return NULL;
	}
	const void *data = r->p;
	r->p += padded;
	r->left -= padded;
	return data;
}

/* A blob gpupipe-host hands its driver without reading a byte of it itself
 * (an upload's pixels, a client array's vertices): as gl_rd_blob, except
 * that one in shared memory (GL_BLOB_SHARED) is returned where it lies,
 * not copied out. */
static inline const void *gl_rd_blob_unread(struct gl_reader *r, uint32_t *n)
{
	uint32_t mark = 0;
	if (r->left >= 4)
		memcpy(&mark, r->p, 4);
	if (mark != GL_BLOB_SHARED)
		return gl_rd_blob(r, n);
	gl_rd_u32(r);
	return gl_rd_shared(r, n, true);
}

/* Pixels of an upload (annotation flag `unpack`): a blob; or, while the app
 * has a GL_PIXEL_UNPACK_BUFFER bound, GL_BLOB_OFFSET then the u64 offset
 * into that buffer (*n == GL_BLOB_OFFSET, NULL returned); or GL_BLOB_SHARED,
 * the byte count and the position in the stream's shared memory, where the
 * driver reads them (returned as a blob would be). */
static inline const void *gl_rd_pixels(struct gl_reader *r, uint32_t *n, uint64_t *offset)
{
	*offset = 0;
	uint32_t mark = 0;
	if (r->left >= 4)
		memcpy(&mark, r->p, 4);
	if (mark == GL_BLOB_OFFSET) {
		*n = gl_rd_u32(r);
		*offset = gl_rd_u64(r);
		return NULL;
	}
	return gl_rd_blob_unread(r, n);
}

/* ---- App side: implemented by libEGL_gpupipe (proxy/egl/) ---- */

struct gl_enc;

/* The calling thread's current context's stream, or NULL when no context
 * is current or the link is lost: the generated entry point then does
 * nothing and returns zeros. */
struct gl_enc *gl_enc_current(void);
/* The same for the entry point of GLES opcode `op`; also NULL, after
 * recording GL_INVALID_OPERATION, when the current context's API version
 * and extensions lack that command (see <gpupipe/gl-api.h>). */
struct gl_enc *gl_enc_current_op(uint32_t op);
/* The buffer bound to GL_PIXEL_UNPACK_BUFFER in the current context, 0 for
 * none: uploads then send an offset instead of pixels. */
uint32_t gl_enc_unpack_buffer(struct gl_enc *e);

/* Room for one command of `payload` bytes (a multiple of 4, header not
 * included) at the end of the stream buffer; the caller fills all of it,
 * then calls gl_enc_end. NULL when the stream is lost. Never fails for
 * payloads up to GL_MAX_COMMAND - 8; the generated code refuses larger
 * ones with GL_OUT_OF_MEMORY before calling. */
uint8_t *gl_enc_begin(struct gl_enc *e, uint32_t op, uint32_t payload);
void gl_enc_end(struct gl_enc *e);

/* A blob of GL_DIRECT_MIN bytes or more that travels in the stream (not
 * in shared memory) is written from the app's memory by gl_enc_end, not
 * copied into the stream buffer first: one copy of every such byte fewer,
 * and no buffer the size of the upload. gl_enc_begin_direct is
 * gl_enc_begin for a command holding one such blob of `direct` bytes
 * (0: none); gl_enc_write_direct writes it at p in place of
 * gles_wr_blob. One per command. */
#define GL_DIRECT_MIN (64u << 10)
uint8_t *gl_enc_begin_direct(struct gl_enc *e, uint32_t op, uint32_t payload, uint32_t direct);
uint8_t *gl_enc_write_direct(struct gl_enc *e, uint8_t *p, const void *data, uint32_t n);

/* For a command the host answers: sends everything queued and waits for
 * the reply to `op`. Returns the reply's payload (header stripped), valid
 * until the next gl_enc_* call, or NULL if the link was lost. */
const uint8_t *gl_enc_reply(struct gl_enc *e, uint32_t op, uint32_t *size);

/* Puts the n bytes of an upload into the stream's shared memory (gl-stream.h,
 * "Shared memory") and gives their position: true where the host offers it
 * and n is big enough to gain by it; before gl_enc_begin of the command
 * that names them (it may wait for room). False: send them in the command. */
bool gl_enc_shared_put(struct gl_enc *e, const void *data, uint32_t n, uint64_t *pos);

/* Sends what is queued without waiting (glFlush). */
void gl_enc_flush(struct gl_enc *e);

/* Records a GL error the library detected itself (the first one sticks
 * until glGetError, as in GL). */
void gl_enc_error(struct gl_enc *e, uint32_t gl_error);

const struct gl_pixel_state *gl_enc_pixel_state(struct gl_enc *e);

/* Names: the library allocates them; see enum gl_name_class. */
void gl_enc_names_gen(struct gl_enc *e, enum gl_name_class cls, uint32_t n, uint32_t *names);
bool gl_enc_name_known(struct gl_enc *e, enum gl_name_class cls, uint32_t name);
/* Makes `name` known (GLES 2 lets glBind* create names never generated;
 * the library then generates it on the host first). */
void gl_enc_name_add(struct gl_enc *e, enum gl_name_class cls, uint32_t name);
void gl_enc_name_remove(struct gl_enc *e, enum gl_name_class cls, uint32_t name);
/* Whether the context is a compatibility-profile one (names GL creates on first use
 * there: the `compatbind` annotation). */
bool gl_enc_compat(struct gl_enc *e);
/* Whether it is a core-profile one (which binds generated names only: `bind`). */
bool gl_enc_core(struct gl_enc *e);

/* ---- Host side: implemented by gpupipe-host (gpuhost/gl/) ---- */

struct gl_exec;

/* Ends the link with a reason naming the command; returns false so that
 * decoders can `return gl_exec_fail(...)`. */
bool gl_exec_fail(struct gl_exec *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

const struct gl_pixel_state *gl_exec_pixel_state(struct gl_exec *x);

/* App name -> host name in the current context's maps. 0 maps to 0.
 * A name that was never generated ends the link (returns false). */
bool gl_exec_map(struct gl_exec *x, enum gl_name_class cls, uint32_t app, uint32_t *host);
/* For glIs*: like gl_exec_map, but an unknown name gives *host = 0 and
 * true (the app may ask about any name). */
bool gl_exec_map_query(struct gl_exec *x, enum gl_name_class cls, uint32_t app, uint32_t *host);
/* Before the real glGen* or glCreate* makes `n` names of class cls: false
 * (after ending the link) when they would pass the link's names quota. */
bool gl_exec_names_reserve(struct gl_exec *x, enum gl_name_class cls, uint32_t n);
/* Records names made by the real glGen* and glCreate*: each app name must be
 * nonzero and not mapped yet, or the link ends. */
bool gl_exec_names_add(struct gl_exec *x, enum gl_name_class cls, uint32_t n, const uint32_t *app,
                       const uint32_t *host);
/* Forgets names for glDelete*: host[i] gets the host name, or 0 where the
 * app name was unknown (glDelete* ignores those, as GL does). */
void gl_exec_names_remove(struct gl_exec *x, enum gl_name_class cls, uint32_t n,
                          const uint32_t *app, uint32_t *host);

/* Around the real call of a query (a command with out parameters): GL writes nothing
 * where the call fails, so neither does the reply (its out parameters carry 0 bytes and
 * the app's memory keeps what it held). gl_exec_errors_begin stashes the errors pending
 * before the call for the app's glGetError and returns the ones held; gl_exec_errors_raised
 * says whether the call (the driver, or the host in its place) raised one since. */
uint32_t gl_exec_errors_begin(struct gl_exec *x);
bool gl_exec_errors_raised(struct gl_exec *x, uint32_t before);

/* What a guard (gles-codec.h) tells the decoder to do with the command. */
enum gl_guard {
	GL_GUARD_FAIL, /* the link ended (gl_exec_fail) */
	GL_GUARD_CALL, /* run it */
	GL_GUARD_SKIP, /* do not run it: the guard recorded a GL error for the app */
};

/* The reply for the command being decoded: `payload` bytes (a multiple of
 * 4) to fill completely; the header is written for the caller and the
 * reply is sent after the decoder returns true. NULL (after failing the
 * link) when payload is over GL_MAX_COMMAND - 8. */
uint8_t *gl_exec_reply(struct gl_exec *x, uint32_t payload);

/* True when a context is current on this stream. GLES commands without
 * one end the link (the library never sends them). */
bool gl_exec_has_context(struct gl_exec *x);
/* True when the current context has the command `op` (gles_level_has on
 * its level); the decoder ends the link otherwise. */
bool gl_exec_context_has(struct gl_exec *x, uint32_t op);

/* An upload's pixels (`unpack`): in the command (offset_mode false: no
 * GL_PIXEL_UNPACK_BUFFER may be bound, or the link ends) or at `offset`
 * in the bound unpack buffer, where `size` bytes must lie inside it (else
 * GL_INVALID_OPERATION for the app and GL_GUARD_SKIP, as GL says; none
 * bound ends the link). */
enum gl_guard gl_exec_unpack(struct gl_exec *x, const char *cmd, bool offset_mode, uint64_t offset,
                             int64_t size);

/* Sync objects (GLsync): the app's u32 names, per share group. */
bool gl_exec_sync_map(struct gl_exec *x, uint32_t app, void **host);
bool gl_exec_sync_map_query(struct gl_exec *x, uint32_t app, void **host);
bool gl_exec_sync_add(struct gl_exec *x, uint32_t app, void *host);
/* Forgets `app` (unknown: *host = NULL, which glDeleteSync ignores). */
void gl_exec_sync_remove(struct gl_exec *x, uint32_t app, void **host);

#endif
