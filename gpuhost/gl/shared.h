/*
 * The GL streams' shared memory on the host (shared.c; the contract is
 * gl-stream.h, "Shared memory"): what the executor keeps for it per link,
 * and the calls the stream makes around each command.
 */
#ifndef GH_GL_SHARED_H
#define GH_GL_SHARED_H

#include <stdbool.h>
#include <stdint.h>

#include <gpupipe/gl-stream.h>

struct gh_gl;
struct gl_exec;

/* Shared memory the streams of one link may map together: the library's
 * 16 MiB for each of 32 contexts uploading at once. */
#define GH_GL_MAX_SHARED_BYTES (512ull << 20)
#define GH_GL_MAX_SHARED_TEXT "512 MiB"

/* One link's part (gh_gl.shared). */
struct gh_gl_shared_link {
	bool offered;    /* the link's fd probe came through: GL_HOST_SHARED_MEMORY */
	uint64_t mapped; /* bytes its streams mapped */
	/* The running command's blobs copied out (one command runs at a
	 * time), kept for the next; charged to gh_gl.partial_bytes. */
	struct {
		uint8_t *p;
		uint32_t cap;
	} copies[GL_SHARED_MAX_BLOBS];
	unsigned n_copies;
};

/* After each command: its blobs are done with; the library may reuse them. */
void gh_gl_shared_after(struct gl_exec *x);
/* A stream's memory, when the stream goes. */
void gh_gl_shared_free(struct gl_exec *x);
/* The link's copy buffers (gh_gl_destroy, gh_gl_reset). */
void gh_gl_shared_link_finish(struct gh_gl *gl);

#endif
