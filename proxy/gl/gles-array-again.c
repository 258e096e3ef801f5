/*
 * Client arrays not sent again while the app's bytes are unchanged (GL_OP_CLIENT_ARRAY_AGAIN).
 *
 * An app that keeps its vertices in its own memory (OpenGL ES 1, the compatibility profile,
 * glmark2's build:use-vbo=false) hands GL the same bytes at every draw, and each draw sent
 * them all: half a megabyte a frame in that glmark2 scene, through the sockets of a TCP or
 * exec: link (doc/performance.md, "Client arrays sent once"). The library keeps a copy of
 * what it last sent of each array on the context and compares the next draw's vertices with
 * it, byte for byte: where the header (format, first, count) and every byte match, it sends
 * the header alone, and the host points the array at its scratch buffer, which still holds
 * them. Nothing is assumed from the pointer: an app may write new vertices where the old
 * ones were.
 *
 * Every GL_OP_CLIENT_ARRAY of an array either becomes its copy or forgets it, as the host's
 * scratch buffer takes every one: the two never disagree. Small arrays (glArrayElement's one
 * vertex) are not kept, and a context keeps GE_ARRAY_AGAIN_LIMIT bytes of copies at most.
 *
 * An array that changes at every draw (vertices animated in the app's memory, or draws of
 * other ranges of one array) would pay a copy per draw for nothing: one that differed at
 * GE_ARRAY_AGAIN_MISSES draws in a row is neither compared nor copied for its next
 * GE_ARRAY_AGAIN_REST draws, then tried again.
 */
#include <stdlib.h>
#include <string.h>

#include "arrays.h"
#include "gles-client.h"
#include "state.h"

/* Arrays smaller than this are sent again: the compare would cost about what it saves. */
#define GE_ARRAY_AGAIN_MIN 1024u
/* Copies one context keeps, all arrays together. */
#define GE_ARRAY_AGAIN_LIMIT (64u << 20)
/* Draws in a row that found an array changed before it rests, and how many it rests. */
#define GE_ARRAY_AGAIN_MISSES 4u
#define GE_ARRAY_AGAIN_REST 64u

struct ge_array_copy {
	struct gl_client_array h;
	uint8_t *bytes;
	uint32_t size, cap;
	bool valid;
	uint32_t misses; /* draws in a row whose vertices differed from the copy */
	uint32_t rest;   /* draws left before it is kept again */
};

struct ge_array_copies {
	uint64_t kept; /* bytes of copies (cap) */
	struct ge_array_copy slot[GE_ARRAY_SLOTS];
};

bool ge_array_again(struct ge_gl_state *gl, uint32_t slot, const struct gl_client_array *h,
                    const void *pointer, uint32_t elem, uint32_t stride)
{
	struct ge_array_copies *c = gl->array_copies;
	if (!c || slot >= GE_ARRAY_SLOTS)
		return false;
	struct ge_array_copy *k = &c->slot[slot];
	if (!k->valid || memcmp(&k->h, h, sizeof(*h)) != 0 ||
	    !ge_vertices_equal(k->bytes, pointer, h->first, h->count, elem, stride))
		return false;
	k->misses = 0;
	return true;
}

static void forget(struct ge_array_copies *c, struct ge_array_copy *k)
{
	c->kept -= k->cap;
	free(k->bytes);
	*k = (struct ge_array_copy){0};
}

void ge_array_sent(struct ge_gl_state *gl, uint32_t slot, const struct gl_client_array *h,
                   const uint8_t *packed, uint32_t n)
{
	if (slot >= GE_ARRAY_SLOTS)
		return;
	struct ge_array_copies *c = gl->array_copies;
	if (!c) {
		if (n < GE_ARRAY_AGAIN_MIN)
			return;
		c = gl->array_copies = calloc(1, sizeof(*c));
		if (!c)
			return;
	}
	struct ge_array_copy *k = &c->slot[slot];
	/* Sent whole after a copy was kept: the draw found it changed. */
	uint32_t misses = k->valid ? k->misses + 1 : k->misses, rest = k->rest;
	k->valid = false;
	if (rest || misses >= GE_ARRAY_AGAIN_MISSES) {
		forget(c, k);
		k->rest = rest ? rest - 1 : GE_ARRAY_AGAIN_REST;
		return;
	}
	k->misses = misses;
	if (n < GE_ARRAY_AGAIN_MIN) {
		forget(c, k);
		return;
	}
	/* Grown to the array, and shrunk where it is a quarter of what was kept: the copies
	 * of a context stay near what its arrays need. */
	if (n > k->cap || n < k->cap / 4) {
		if (c->kept - k->cap + n > GE_ARRAY_AGAIN_LIMIT) {
			forget(c, k);
			return;
		}
		uint8_t *bytes = realloc(k->bytes, n);
		if (!bytes) {
			forget(c, k);
			return;
		}
		c->kept = c->kept - k->cap + n;
		k->bytes = bytes;
		k->cap = n;
	}
	memcpy(k->bytes, packed, n);
	k->size = n;
	k->h = *h;
	k->valid = true;
}

void ge_array_copies_free(struct ge_gl_state *gl)
{
	struct ge_array_copies *c = gl->array_copies;
	if (!c)
		return;
	for (uint32_t i = 0; i < GE_ARRAY_SLOTS; i++)
		free(c->slot[i].bytes);
	free(c);
	gl->array_copies = NULL;
}
