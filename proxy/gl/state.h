/*
 * Client-side GL state of a context: what the library must know without
 * asking the host (names it allocated, client vertex arrays, buffer sizes
 * for map emulation, pixel store, the client-detected GL error).
 *
 * Names of textures, buffers, renderbuffers, programs and shaders belong
 * to the share group (struct ge_share, locked: contexts of one group may
 * be current on several threads); framebuffers and vertex arrays to the
 * context. Everything else is the context's, used by its one thread.
 */
#ifndef GE_STATE_H
#define GE_STATE_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include <gpupipe/gl-codec.h>
#include <gpupipe/gl-sizes.h>

#include "client-gl.h"
#include "gl-api.h"
#include "gles-list-prims.h"
#include "map.h"

struct ge_display;
struct ge_debug;
struct gl_enc;

/* Attributes tracked client-side; GL_MAX_VERTEX_ATTRIBS above this is
 * reported as this. */
#define GE_MAX_ATTRIBS 32

struct ge_attrib {
	bool enabled;
	int32_t size;
	uint32_t type;
	bool normalized;
	int32_t stride;
	const void *pointer; /* client memory when buffer == 0, else an offset */
	uint32_t buffer;     /* GL_ARRAY_BUFFER bound at glVertexAttribPointer */
	bool integer;        /* glVertexAttribIPointer */
	uint32_t divisor;    /* glVertexAttribDivisor */
	uint32_t binding;    /* ES 3.1 binding point it reads (glVertexAttribBinding) */
};

/* OpenGL ES 1 fixed-function arrays (ge_vao.ff): vertex, normal, colour,
 * point size, then the texture coordinates of each unit. */
enum ge_ff_array {
	GE_FF_VERTEX,
	GE_FF_NORMAL,
	GE_FF_COLOR,
	GE_FF_POINT_SIZE,
	/* The compatibility profile's (never set in an OpenGL ES 1 context). */
	GE_FF_EDGE_FLAG,
	GE_FF_INDEX,
	GE_FF_FOG_COORD,
	GE_FF_SECONDARY_COLOR,
	GE_FF_TEXCOORD0,
};
/* Texture units tracked; GL_MAX_TEXTURE_UNITS above this is reported as this. */
#define GE_MAX_TEXTURE_UNITS 8
#define GE_FF_ARRAYS (GE_FF_TEXCOORD0 + GE_MAX_TEXTURE_UNITS)
/* A context's client arrays, each a slot of gles-array-again.c: the generic attributes
 * (0..GE_MAX_ATTRIBS-1), then the fixed-function ones (GE_MAX_ATTRIBS + GE_FF_*). */
#define GE_ARRAY_SLOTS (GE_MAX_ATTRIBS + GE_FF_ARRAYS)

/* Client arrays live in the default vertex array only, where GL refuses
 * the ES 3.1 binding commands: there attribute i reads binding point i and
 * `attribs` says everything. A vertex array object's binding points are
 * tracked for what indirect draws must refuse (an enabled array with no
 * buffer). */
struct ge_vao {
	uint32_t element_buffer;
	struct ge_attrib attribs[GE_MAX_ATTRIBS]; /* GLES 2 and later */
	struct ge_attrib ff[GE_FF_ARRAYS];        /* GLES 1, compatibility profile */
	uint32_t binding_buffers[GE_MAX_ATTRIBS]; /* buffer of each binding point */
};

void ge_vao_init(struct ge_vao *vao);

/* A buffer object's size (glBufferData) and its mapping, if mapped. */
/* The library's copy of a buffer's store (gles-buffer-copy.c), held by the buffer's record
 * and by a mapping that is the copy itself. */
struct ge_copy {
	atomic_uint holders;
	uint64_t size;  /* bytes counted against GE_COPY_LIMIT */
	uint8_t *bytes; /* GE_MAP_ALIGNMENT-aligned */
};

struct ge_buffer {
	int64_t size;
	/* The mapped range: in shadow memory (ge_buffer_shadow; map_base is its allocation,
	 * which ge_buffer_unmap frees), or in the copy the mapping holds (map_copy). */
	void *map;
	void *map_base;
	struct ge_copy *map_copy;
	int64_t map_offset, map_length;
	uint32_t map_access; /* GL_MAP_*_BIT_EXT */
	/* GL_EXT_buffer_storage: an immutable store, its flags, and while it
	 * is mapped (the host maps it too: gles-persist.c) the bytes last
	 * exchanged with the host, map_length of them. */
	bool immutable;
	uint32_t storage_flags;
	uint8_t *persist_copy;
	/* The library's copy of the store (gles-buffer-copy.c): `size` bytes as
	 * the host holds them, or NULL; no_copy: the host may change the store
	 * without the library knowing the bytes, so it never gets one;
	 * writer: the serial of the one context whose writes and maps a copy may
	 * follow (0: none yet); undefined: the store's bytes are undefined in GL
	 * (glBufferData without data) and nothing has been written since. */
	struct ge_copy *copy;
	bool no_copy;
	bool undefined;
	uint64_t writer;
};

/* Mappings of immutable stores in this process (gles-persist.c): while
 * there are none, no command looks for one. */
extern atomic_int ge_persistent_maps;

struct ge_share {
	atomic_int refs;
	pthread_mutex_t lock;
	/* Shared classes only; the value of a shader's name is its type (gles-attach.c). */
	struct ge_map names[GL_NAMES_COUNT];
	uint32_t next[GL_NAMES_COUNT]; /* programs and shaders use PROGRAM's */
	struct ge_map buffers;         /* name -> struct ge_buffer */
	/* Texture name -> its target (uintptr_t), from its first binding or
	 * glCreateTextures: where direct state access binds it (gl-dsa-tex.c). */
	struct ge_map tex_targets;
	/* Program name -> how many contexts have it current (uintptr_t), as the
	 * app sees it: a program deleted while it is current is only flagged
	 * (gles-programs.c). */
	struct ge_map program_users;
	/* Program name -> the locations of its names, kept from the host's answer
	 * (struct ge_program_names, gles-locations.c). */
	struct ge_map program_names;
	/* Shader name -> its attachments and whether it was deleted while
	 * attached (uintptr_t), for those attached or flagged; program name ->
	 * the shaders attached to it (struct ge_attached). As the app sees them
	 * (gles-attach.c). */
	struct ge_map shaders, attached;
	/* List name -> its glBegin/glEnd flags (uintptr_t, gles-list-prims.h),
	 * for the lists that have any, and the group's counts of them, as the
	 * host keeps them (gl-lists.c). `lists_lost`: a record could not be
	 * kept, so every call is taken to leave glBegin/glEnd unknown. */
	struct ge_map list_prims;
	struct gles_list_prims_count list_prim_count;
	bool lists_lost;
};

struct ge_gl_state {
	struct ge_share *share;
	uint64_t serial; /* this context's, unique in the process (gles-buffer-copy.c) */
	struct ge_display *d;
	const struct ge_api *api; /* the context's: strings, limits, level */
	uint32_t flags;           /* the context's enum gl_context_flags */
	/* What the GL side asks of EGL, which gives it (context.c): the host handle of
	 * an EGLImage of display d, 0 for none (image.c). */
	ge_image_handle_fn image_handle;
	struct ge_map names[GL_NAMES_COUNT]; /* per-context classes only */
	uint32_t next[GL_NAMES_COUNT];
	uint32_t program;   /* the app's last glUseProgram run here (gles-programs.c) */
	struct ge_map vaos; /* name -> struct ge_vao */
	struct ge_vao default_vao;
	struct ge_vao *vao;
	uint32_t vao_name;
	uint32_t array_buffer;
	uint32_t buffers[GL_BUFFER_TARGETS]; /* the other targets' bindings */
	struct gl_pixel_state ps;
	uint32_t error;     /* first client-detected error, GL_NO_ERROR if none */
	bool lost_reported; /* glGetError said GL_CONTEXT_LOST once */
	uint32_t max_attribs;
	uint32_t max_texture_units; /* GLES 1: min(GL_MAX_TEXTURE_UNITS, GE_MAX_TEXTURE_UNITS) */
	uint32_t client_unit;       /* GLES 1: glClientActiveTexture - GL_TEXTURE0 */
	struct ge_debug *debug;     /* GL_KHR_debug (debug.h), made on first use */
	/* What direct state access binds back (gl-dsa-*.c): the active texture
	 * unit, each unit's bindings ((unit * GE_TEX_TARGETS + target index + 1)
	 * -> name, uintptr_t), the framebuffers and the renderbuffer bound. */
	uint32_t active_unit;
	struct ge_map tex_bound;
	/* A glPopAttrib restored bindings behind the hooks (gl-attrib.c):
	 * tex_stale until the active unit is asked again; then tex_bound holds
	 * only the keys of tex_known, each other one asked at its first use. */
	bool tex_stale, tex_lazy;
	struct ge_map tex_known;
	/* Display lists (gl-lists.c): the mode of the list being made (0: none,
	 * GL_COMPILE: listable commands do not run, so the hooks above do not
	 * follow them), and whether some list binds textures or sets the
	 * active unit (a call then makes tex_stale). */
	uint32_t list_mode, list_name;
	bool lists_change;
	/* The app's feedback and selection buffers (gl-feedback.c): glRenderMode's reply
	 * fills the one of the mode left; render_mode is GL's (0: GL_RENDER). */
	void *feedback;
	uint32_t feedback_size;
	void *select;
	uint32_t select_size;
	uint32_t render_mode;
	/* ARB assembly programs (gl-arb-program.c): GL_PROGRAM_ERROR_POSITION_ARB and
	 * GL_PROGRAM_ERROR_STRING_ARB after the last glProgramStringARB (-1 and NULL
	 * for "" before any), as its reply gave them. */
	int32_t arb_error_position;
	char *arb_error_string;
	uint32_t draw_fbo, read_fbo, renderbuffer;
	uint32_t transform_feedback; /* glBindTransformFeedback's */
	/* The indexed binding points' counts multi-binds check (gl-multibind.c),
	 * asked of the host once each; 0 until then. */
	uint32_t bind_limits[5];
	/* The compatibility profile's client attribute stack (gl-client-attrib.c),
	 * made on first use. */
	struct ge_client_attrib *client_stack;
	uint32_t client_depth;
	/* Between glBegin and glEnd, as the app's glBegin/glEnd went by
	 * (gl-array-element.c: glArrayElement's arrays must not mix there),
	 * or maybe there after a list call (`begin_end_unknown`, gl-lists.c),
	 * until the app's own next glBegin or glEnd. */
	bool begin_end, begin_end_unknown;
	/* The list being made: its glBegin/glEnd flags so far (gl-lists.c). */
	uint32_t list_prims;
	/* NV_primitive_restart's client state (gl-restart-nv.c); stale: to be
	 * asked of the host again before its next use. */
	bool nv_restart, nv_restart_stale;
	uint32_t nv_restart_index;
	/* What each client array last sent (gles-array-again.c), made on first use. */
	struct ge_array_copies *array_copies;
};

/* ---- gl-restart-nv.c ---- */

#define GE_PRIMITIVE_RESTART_NV 0x8558
#define GE_PRIMITIVE_RESTART_INDEX_NV 0x8559
#define GE_PRIMITIVE_RESTART 0x8F9D
/* What may have changed the driver's NV state behind the library (a server
 * GL_PRIMITIVE_RESTART command, a glPopAttrib, a list run): marks the copy
 * stale in a context that has NV_primitive_restart. */
void ge_restart_nv_stale(struct ge_gl_state *gl);
/* Asks the host the NV state again where it is stale (not between glBegin
 * and glEnd, where GL answers no query). */
void ge_restart_nv_fresh(struct ge_gl_state *gl);
/* A glEnable/DisableClientState of GL_PRIMITIVE_RESTART_NV in a context that
 * has NV_primitive_restart: followed (true); any other cap: false. */
bool ge_restart_nv_cap(struct ge_gl_state *gl, uint32_t cap, bool enabled);
/* The index at which a draw of `mode` with indices of `isize` bytes
 * restarts as the library knows (gl_restart_index), GL_NO_RESTART for none;
 * asks the host first where the NV state is stale. */
uint64_t ge_restart_index(struct ge_gl_state *gl, uint32_t isize, uint32_t mode);

/* GL_MAX_CLIENT_ATTRIB_STACK_DEPTH: the spec's minimum, and Mesa's. */
#define GE_CLIENT_ATTRIB_STACK_DEPTH 16
void ge_client_attrib_free(struct ge_gl_state *gl);
/* GL_CLIENT_ATTRIB_STACK_DEPTH, answered by the library in compatibility contexts. */
bool ge_client_attrib_value(const struct ge_gl_state *gl, uint32_t pname, float *v);

struct ge_share *ge_share_create(void);
struct ge_share *ge_share_ref(struct ge_share *s);
void ge_share_unref(struct ge_share *s);

/* The context is destroyed (ge_gl_state_destroy): GL lets go of its program as of a
 * glUseProgram(0) (gles-programs.c). */
void ge_programs_context_gone(struct ge_gl_state *gl);

/* Class -> whose table: the share group's or the context's. */
bool ge_names_shared(enum gl_name_class cls);

/* The buffer bound to `target` (any of gl_buffer_target), or 0; *ok false
 * for any other target. */
uint32_t ge_gl_bound_buffer(struct ge_gl_state *gl, uint32_t target, bool *ok);
/* Buffer info of `name`, created on demand; call with share->lock held. */
struct ge_buffer *ge_share_buffer(struct ge_share *s, uint32_t name, bool create);
void ge_buffer_unmap(struct ge_buffer *b);
/* Shadow memory for a mapping of `length` bytes at `offset` (zeroed where `zero`): the
 * pointer minus `offset` is a multiple of GE_MAP_ALIGNMENT, as ARB_map_buffer_alignment
 * (desktop 4.2) promises apps for GL_MIN_MAP_BUFFER_ALIGNMENT. *base is what to free
 * (NULL on failure, the result NULL too). */
#define GE_MAP_ALIGNMENT 4096u
void *ge_buffer_shadow(int64_t offset, int64_t length, bool zero, void **base);

/* ---- gles-buffer-copy.c: the library's copy of a mapped buffer's store ---- */

/* The copies in this process hold at most this many bytes together. */
#define GE_COPY_LIMIT (256u << 20)
/* The next context's serial (1, 2, ...). */
uint64_t ge_copy_next_serial(void);
/* A map of [offset, offset + length) of `b`'s store, bound to `target`, needs the bytes
 * there (`reads`: the app reads them too): copies them into `out` from the copy, making it
 * first (the whole store fetched) where `b` may have one; else fetches the range as before
 * copies. Share locked. False when the host did not answer. */
bool ge_copy_map_bytes(struct gl_enc *e, uint32_t target, struct ge_buffer *b, int64_t offset,
                       int64_t length, bool reads, void *out);
/* A map that writes back all it maps at the unmap maps the copy itself: `b`'s copy (made
 * as ge_copy_map_bytes makes it), held for the mapping, or NULL where `b` may have none
 * (*failed: the host did not answer). Share locked. */
struct ge_copy *ge_copy_lend(struct gl_enc *e, uint32_t target, struct ge_buffer *b, int64_t offset,
                             int64_t length, bool reads, bool *failed);
/* Lets go of a copy a mapping held; the last holder frees it. */
void ge_copy_release(struct ge_copy *c);
/* glBufferData of `b` (not immutable, unmapped) from `gl`: its new size, and its bytes
 * (NULL: undefined). Share locked. */
void ge_copy_store(struct ge_gl_state *gl, struct ge_buffer *b, int64_t size, const void *data);
/* The library sent `length` bytes of `data` (NULL: bytes it does not keep) into `name`'s
 * store at `offset` from `gl`'s stream: glBufferSubData, a map's write-back. */
void ge_copy_sent(struct ge_gl_state *gl, uint32_t name, int64_t offset, int64_t length,
                  const void *data);
/* The host changes bytes of `name`'s store once, the library not knowing which (a copy
 * into it, a clear, an invalidation; `undefined`: GL leaves the whole store undefined). */
void ge_copy_host_writes(struct ge_gl_state *gl, uint32_t name, bool undefined);
/* `name` is bound or named where the GPU may write it, from now on. */
void ge_copy_gpu_writes(struct ge_gl_state *gl, uint32_t name);
/* Frees `b`'s copy (before its size changes, or it goes). Share locked. */
void ge_copy_drop(struct ge_buffer *b);

/* ---- gl-dsa-tex.c ---- */

/* Texture targets whose bindings the library follows. */
#define GE_TEX_TARGETS 11
/* 0..GE_TEX_TARGETS-1 for a glBindTexture target, else -1. */
int ge_tex_target_index(uint32_t target);
struct gl_enc;
/* gl-dsa-tex.c: a texture's target (its first binding's), 0 when unknown or never bound. */
uint32_t ge_tex_target_of(struct gl_enc *e, uint32_t texture);
/* GL_MAX_COMBINED_TEXTURE_IMAGE_UNITS, as the host's driver says. */
uint32_t ge_tex_units(struct ge_gl_state *gl);
/* Binds `texture` to its target on the active unit; 0 unbinds each target of it. */
void ge_tex_bind_active(struct gl_enc *e, uint32_t target, uint32_t texture);
/* glGetTexLevelParameteriv(pname) of level 0 (a cube map's +X face) of `texture`, of `target`,
 * bound on the active unit for it and bound back (a round trip). */
int32_t ge_tex_level_value(struct gl_enc *e, uint32_t texture, uint32_t target, uint32_t pname);
/* After a glPopAttrib (gl-attrib.c): asks the host the active unit again. */
void ge_tex_fresh(struct ge_gl_state *gl);
/* The same for one unit's binding of `target` (its key in tex_bound),
 * unless known since. */
void ge_tex_ask(struct ge_gl_state *gl, uint32_t unit, uint32_t target, uint32_t key);
/* gl-lists.c: a listable command the library follows goes by: true when a
 * GL_COMPILE list is being made, or a GL_COMPILE_AND_EXECUTE one between
 * glBegin and glEnd (compiled, not run or run only to fail: the hook
 * follows nothing); notes that lists change what the library keeps. */
bool ge_list_compiles(struct ge_gl_state *gl);
/* gl-lists-compressed.c: false (GL_INVALID_OPERATION recorded) for a
 * compressed upload GL's driver cannot compile into the list being made
 * (block pnames set, or a pixel unpack buffer bound). */
bool ge_list_compressed_ok(struct gl_enc *e);
/* Between glBegin and glEnd: true for a command a GL_COMPILE_AND_EXECUTE
 * list being made compiles there (gles_compiled_in_primitive), which the
 * library then sends; GL_INVALID_OPERATION when it runs. */
bool ge_list_compiles_in_primitive(struct ge_gl_state *gl, uint32_t op);
/* Between glBegin and glEnd: true when `op`, a draw of GL 1.x, went as
 * GL_OP_LIST_DRAW, which a GL_COMPILE_AND_EXECUTE list being made compiles
 * there (GL_INVALID_OPERATION when it runs, recorded by the host). */
bool ge_list_draw(struct gl_enc *e, uint32_t op);
/* Where glBegin/glEnd stands (begin_end and begin_end_unknown), as
 * gles-list-prims.h names it, and setting it. */
enum gles_prim ge_prim(const struct ge_gl_state *gl);
void ge_prim_set(struct ge_gl_state *gl, enum gles_prim p);

/* ---- GLES 1 (gles1.c) ---- */

/* True for a context of OpenGL ES 1. */
bool ge_gl_is_es1(const struct ge_gl_state *gl);
/* A desktop OpenGL compatibility-profile context (fixed-function arrays and generic ones). */
bool ge_gl_is_compat(const struct ge_gl_state *gl);
/* The array and its wire kind (enum gl_client_array_kind) and index. */
void ge_ff_wire(uint32_t slot, uint32_t *kind, uint32_t *index);
/* Array state of GLES 1 answered on the client (sizes, types, strides,
 * buffer bindings, enables, the client active texture): false for any
 * other pname. */
bool ge_ff_value(const struct ge_gl_state *gl, uint32_t pname, float *v);
/* ARB assembly programs (gl-arb-program.c): GL_PROGRAM_ERROR_POSITION_ARB's
 * value, GL_PROGRAM_ERROR_STRING_ARB's string, where the context has them
 * (false, NULL: another pname, or neither extension). */
bool ge_arb_program_value(const struct ge_gl_state *gl, uint32_t pname, float *v);
const char *ge_arb_program_string(const struct ge_gl_state *gl, uint32_t name);
/* glGetPointerv and glGetPointervKHR: ES 1's arrays, KHR_debug's callback. */
void ge_get_pointer(struct gl_enc *e, uint32_t pname, void **params);

#endif
