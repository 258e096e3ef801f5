/*
 * Vertex state and what draws read: vertex arrays, attributes, bindings
 * and GLES 1's fixed-function arrays (vertex.c), client arrays in scratch
 * buffers (arrays.c, client-vertices.c, fixed.c), and the checks of a
 * draw's fetches (draw.c, fixed.c, indirect.c, list-draw.c).
 */
#ifndef GH_GL_DRAWS_H
#define GH_GL_DRAWS_H

#include <stdbool.h>
#include <stdint.h>
#include <GLES2/gl2.h>

#include <gpupipe/gl-stream.h>

#include "executor.h"

struct gh_gl_buffer;
struct gh_gl_context;
struct gl_exec;
struct gl_reader;

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
void gh_gl_vao_init(struct gh_gl_vao *vao, uint32_t host);
void gh_gl_vao_finish(struct gh_gl_vao *vao);

/* The header of the last GL_OP_CLIENT_ARRAY a scratch buffer took, whose vertices it
 * still holds (valid: one was taken). */
struct gh_gl_array_sent {
	struct gl_client_array h;
	bool valid;
};

/* ---- vertex.c: vertex state ---- */

/* Bytes of one vertex of an attribute, 0 for a type GL does not take. */
uint32_t gh_gl_attrib_bytes(uint32_t size, uint32_t type);
/* Bytes of one vertex of an attribute of `size` x `type` the context
 * takes (ES 3 types on an ES 3 host context); 0 for none. */
uint32_t gh_gl_any_attrib_bytes(struct gh_gl_context *ctx, uint32_t size, uint32_t type);
/* A type glVertexAttribIPointer takes (no float, fixed, double or packed one). */
bool gh_gl_attrib_integer_type(uint32_t type);

/* Host hooks the executor needs on generic commands (requested in
 * .notes/GL-EXEC-REQUESTS.md); declared here too so that they build before
 * the generator calls them. */
bool gl_exec_hook_glBindBuffer(struct gl_exec *x, GLenum target, GLuint buffer, GLuint app_buffer);
bool gl_exec_hook_glBindVertexArrayOES(struct gl_exec *x, GLuint array, GLuint app_array);
bool gl_exec_hook_glEnableVertexAttribArray(struct gl_exec *x, GLuint index);
bool gl_exec_hook_glDisableVertexAttribArray(struct gl_exec *x, GLuint index);

/* ---- draw.c, fixed.c: what draws read ---- */

/* False (after failing the link) when fixed-function array `i` (`what`:
 * its name) reads past its buffer at vertex `last`. */
bool gh_gl_array_reads_ok(struct gl_exec *x, const char *what, uint32_t i,
                          const struct gh_gl_fixed_array *a, uint64_t last);
/* GLES 1 draws: every enabled fixed-function array is checked for
 * vertices 0..last (none when !any); those with no buffer go in *hide,
 * disabled around the draw by gh_gl_ff_hide. */
bool gh_gl_ff_check(struct gl_exec *x, bool any, uint64_t last, uint32_t *hide);
void gh_gl_ff_hide(struct gl_exec *x, uint32_t hide, bool enable);
/* GL_OP_CLIENT_ARRAY (or _AGAIN: data NULL) of a fixed-function array (h->array is not
 * GL_ARRAY_ATTRIB): checked, placed in the array's scratch buffer. */
bool gh_gl_ff_client_array(struct gl_exec *x, const struct gl_client_array *h, const void *data,
                           uint32_t n);
/* The scratch buffer `*name` (0: made now), with room for `size` bytes
 * and bound to GL_ARRAY_BUFFER; NULL after failing, `what` (its contents) named in the
 * reason (client-vertices.c). */
struct gh_gl_buffer *gh_gl_scratch(struct gl_exec *x, uint32_t *name, uint64_t size,
                                   const char *what);
/* A client array's vertices (h, of `bytes` each) in its scratch buffer `*name`, bound to
 * GL_ARRAY_BUFFER: GL_OP_CLIENT_ARRAY's blob (data, n) copied there and `sent` noted, or
 * for GL_OP_CLIENT_ARRAY_AGAIN (x->op) the ones `sent` says it holds, if h is its header.
 * `what` names the array in a reason (NULL: "attribute <h->index>"). NULL after failing the
 * link (arrays.c). */
struct gh_gl_buffer *gh_gl_client_vertices(struct gl_exec *x, const char *what,
                                           const struct gl_client_array *h, uint32_t bytes,
                                           uint32_t *name, struct gh_gl_array_sent *sent,
                                           const void *data, uint32_t n);

/* ---- arrays.c, list-draw.c ---- */

bool gh_gl_client_array(struct gl_exec *x, struct gl_reader *r);
bool gh_gl_buffer_read(struct gl_exec *x, struct gl_reader *r);
/* GL_OP_LIST_DRAW (list-draw.c): a GL 1.x draw compiled between glBegin and
 * glEnd of a GL_COMPILE_AND_EXECUTE list, given to the driver with no vertex. */
bool gh_gl_list_draw(struct gl_exec *x, struct gl_reader *r);

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
/* A multi-draw's parts: gh_gl_fetch_ok validates one draw's fetches (false after ending
 * the link), gh_gl_draw_hiding runs `draw` (all of them) with the bufferless arrays hidden
 * (false after ending the link: the program reads attributes past those tracked). */
bool gh_gl_fetch_ok(struct gl_exec *x, const struct gh_gl_fetch *f);
bool gh_gl_draw_hiding(struct gl_exec *x, void (*draw)(const void *args), const void *args);
/* Bytes of indices in a buffer one multi-draw may have the host scan for its draws' ranges
 * (each scan a pass over them): past them, GL_OUT_OF_MEMORY and nothing drawn. */
#define GH_GL_MULTI_DRAW_SCAN (256u << 20)
/* The smallest and largest index one draw of `count` indices of `type` fetches (the restart
 * index left out, as gh_gl_element_range): at `offset` of the bound element buffer (data
 * GL_BLOB_NULL), else the n bytes at `indices` (offset 0); false after ending the link
 * where they lie outside either. */
bool gh_gl_indices_range(struct gl_exec *x, GLsizei count, uint32_t type, uint32_t mode,
                         uint64_t offset, const void *indices, uint32_t n, uint32_t *first,
                         uint32_t *last);
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
/* `count` times `bytes` bytes, every `stride` bytes from `offset` (the whole span inside the
 * buffer, checked by the caller), packed into out. */
bool gh_gl_buffer_fetch_strided(struct gl_exec *x, uint32_t target, uint64_t offset, uint32_t count,
                                uint64_t stride, uint32_t bytes, void *out);

#endif
