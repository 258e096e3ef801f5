/*
 * Shared memory of a GL stream (gl-stream.h, "Shared memory"): the big
 * blobs of commands (uploads' pixels, buffer data, client arrays), placed
 * there by the library instead of in the stream, where the link can pass
 * fds.
 *
 * The app can write the memory at any time, so a blob is copied out first,
 * before anything checks or uses it, as DESIGN.md's rule for shared memory
 * says. Pixels of uploads and client arrays' vertices are the exception:
 * gpupipe-host never reads them itself (it checks the command's scalars),
 * so it hands the driver a pointer to where they lie, as it would hand it
 * the stream's bytes, and saves a copy of every byte (gl_rd_blob_unread).
 * A write racing the driver's read changes only the texels or vertex values
 * the app gets, which it could have sent anyway. The memfd is sealed
 * against shrinking and on tmpfs, so the mapping keeps its pages whatever
 * the app does.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <linux/magic.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <gpupipe/gl-codec.h>
#include <gpupipe/gl-stream.h>
#include <gpupipe/wire.h>

#include "executor.h"
#include "gl.h"
#include "shared.h"
#include "stream.h"

struct gh_gl_shared {
	uint8_t *map; /* GL_SHARED_HEADER + data bytes */
	size_t map_size;
	uint64_t data_size;
	/* The running command read blobs, up to reading_end (the furthest
	 * pos + n): the library may reuse those bytes once the command ran. */
	unsigned reads;
	uint64_t reading_end;
};

/* A copy buffer bigger than this is freed after its command. */
#define KEEP_COPY (4u << 20)

void gh_gl_offer_shared_memory(struct gh_gl *gl, bool offer)
{
	gl->shared.offered = offer;
}

static bool refuse(struct gh_gl *gl, uint16_t channel, int fd, const char *why)
{
	close(fd);
	gh_gl_fail_link(gl, "GL stream %u: shared memory: %s", channel, why);
	return false;
}

bool gh_gl_stream_shared(struct gh_gl *gl, uint16_t channel, int fd)
{
	if (gl->failed)
		return close(fd), false;
	if (!gl->shared.offered)
		return refuse(gl, channel, fd, "not offered on this link");
	if (channel == 0 || channel > WIRE_MAX_GL_CHANNEL || !gl->streams[channel])
		return refuse(gl, channel, fd, "the stream is not open");
	struct gl_exec *x = gl->streams[channel];
	if (x->shared)
		return refuse(gl, channel, fd, "the stream has shared memory already");
	/* Only a memfd can be sealed; the seal keeps its size. And only one on
	 * tmpfs: a hugetlbfs memfd whose hole the app punched and whose pool
	 * it drained would fault (SIGBUS) under the driver, where tmpfs gives
	 * a fresh page. */
	int seals = fcntl(fd, F_GET_SEALS);
	if (seals < 0 || !(seals & F_SEAL_SHRINK))
		return refuse(gl, channel, fd, "not a memfd sealed against shrinking");
	struct statfs fs;
	if (fstatfs(fd, &fs) < 0 || fs.f_type != TMPFS_MAGIC)
		return refuse(gl, channel, fd, "not a memfd of ordinary memory (tmpfs)");
	struct stat st;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))
		return refuse(gl, channel, fd, "not a regular file");
	if (st.st_size < (off_t)(GL_SHARED_HEADER + GL_SHARED_MIN_DATA) ||
	    st.st_size > (off_t)(GL_SHARED_HEADER + (uint64_t)GL_SHARED_MAX_DATA))
		return refuse(gl, channel, fd, "size outside its bounds");
	/* Its pages are the app's until the driver reads them, then the
	 * link's: bounded per link apart from the GL memory quota. */
	if ((uint64_t)st.st_size > GH_GL_MAX_SHARED_BYTES - gl->shared.mapped)
		return refuse(gl, channel, fd,
		              "the link's streams would share more than " GH_GL_MAX_SHARED_TEXT);
	struct gh_gl_shared *sh = calloc(1, sizeof(*sh));
	if (!sh)
		return refuse(gl, channel, fd, "out of memory");
	sh->map_size = (size_t)st.st_size;
	sh->data_size = (uint64_t)st.st_size - GL_SHARED_HEADER;
	sh->map = mmap(NULL, sh->map_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	if (sh->map == MAP_FAILED) {
		free(sh);
		gh_gl_fail_link(gl, "GL stream %u: shared memory: cannot map it: %s", channel,
		                strerror(errno));
		return false;
	}
	x->shared = sh;
	gl->shared.mapped += sh->map_size;
	return true;
}

/* Copy buffer i freed, and its bytes no longer charged. */
static void drop_copy(struct gh_gl *gl, unsigned i)
{
	free(gl->shared.copies[i].p);
	gl->partial_bytes -= gl->shared.copies[i].cap;
	gl->shared.copies[i].p = NULL;
	gl->shared.copies[i].cap = 0;
}

void gh_gl_shared_link_finish(struct gh_gl *gl)
{
	for (unsigned i = 0; i < GL_SHARED_MAX_BLOBS; i++)
		drop_copy(gl, i);
	gl->shared.n_copies = 0;
}

unsigned gh_gl_streams_without_shared(const struct gh_gl *gl)
{
	unsigned n = 0;
	for (uint32_t c = 1; c <= WIRE_MAX_GL_CHANNEL; c++)
		n += gl->streams[c] && !gl->streams[c]->shared;
	return n;
}

/* A copy of n bytes at `from`, in the link's next copy buffer (one set per
 * link: one command runs at a time), charged with the reassembly buffers. */
static const void *copy_out(struct gl_exec *x, const uint8_t *from, uint32_t n)
{
	struct gh_gl *gl = x->gl;
	unsigned i = gl->shared.n_copies;
	if (n > gl->shared.copies[i].cap) {
		if (gl->partial_bytes - gl->shared.copies[i].cap + n > GH_GL_MAX_PARTIAL_BYTES)
			gh_gl_free_idle_input(gl, x); /* not x: its command may lie in x->in */
		if (gl->partial_bytes - gl->shared.copies[i].cap + n > GH_GL_MAX_PARTIAL_BYTES)
			return gl_exec_fail(
			               x,
			               "%s: commands being received and copied would hold over "
			               "%llu bytes",
			               gh_gl_op_name(x->op),
			               (unsigned long long)GH_GL_MAX_PARTIAL_BYTES),
			       NULL;
		/* Its old bytes are not wanted: no realloc's copy of them. */
		drop_copy(gl, i);
		gl->shared.copies[i].p = malloc(n);
		if (!gl->shared.copies[i].p)
			return gl_exec_fail(x, "%s: out of memory for %u shared bytes",
			                    gh_gl_op_name(x->op), n),
			       NULL;
		gl->shared.copies[i].cap = n;
		gl->partial_bytes += n;
	}
	memcpy(gl->shared.copies[i].p, from, n);
	gl->shared.n_copies++;
	gl->counts.copied += n;
	return gl->shared.copies[i].p;
}

const void *gl_exec_shared_blob(struct gl_exec *x, uint32_t n, uint64_t pos, bool in_place)
{
	struct gh_gl_shared *sh = x->shared;
	if (!sh)
		return gl_exec_fail(x, "%s: a blob in shared memory the stream does not have",
		                    gh_gl_op_name(x->op)),
		       NULL;
	if (sh->reads == GL_SHARED_MAX_BLOBS)
		return gl_exec_fail(x, "%s: more than %d blobs in shared memory",
		                    gh_gl_op_name(x->op), GL_SHARED_MAX_BLOBS),
		       NULL;
	if (n > GL_SHARED_MAX_BLOB)
		return gl_exec_fail(x, "%s: a blob of %u bytes in shared memory, over %u",
		                    gh_gl_op_name(x->op), n, GL_SHARED_MAX_BLOB),
		       NULL;
	uint64_t at = pos % sh->data_size;
	if (n == 0 || n > sh->data_size - at)
		return gl_exec_fail(x,
		                    "%s: %u bytes at position %llu run past the shared memory's "
		                    "%llu",
		                    gh_gl_op_name(x->op), n, (unsigned long long)pos,
		                    (unsigned long long)sh->data_size),
		       NULL;
	const uint8_t *at_p = sh->map + GL_SHARED_HEADER + at;
	const void *data = in_place ? at_p : copy_out(x, at_p, n);
	if (!data)
		return NULL;
	if (!sh->reads || pos + n > sh->reading_end)
		sh->reading_end = pos + n;
	sh->reads++;
	x->gl->counts.shared += n;
	return data;
}

void gh_gl_shared_after(struct gl_exec *x)
{
	struct gh_gl_shared *sh = x->shared;
	if (!sh || !sh->reads)
		return;
	struct gh_gl *gl = x->gl;
	for (unsigned i = 0; i < gl->shared.n_copies; i++) {
		if (gl->shared.copies[i].cap > KEEP_COPY)
			drop_copy(gl, i);
	}
	gl->shared.n_copies = 0;
	/* A release store: the library's reuse of the bytes follows the
	 * driver's read of them. */
	struct gl_shared_header *h = (struct gl_shared_header *)sh->map;
	__atomic_store_n(&h->consumed, sh->reading_end, __ATOMIC_RELEASE);
	sh->reads = 0;
}

void gh_gl_shared_free(struct gl_exec *x)
{
	struct gh_gl_shared *sh = x->shared;
	if (!sh)
		return;
	munmap(sh->map, sh->map_size);
	x->gl->shared.mapped -= sh->map_size;
	free(sh);
	x->shared = NULL;
}
