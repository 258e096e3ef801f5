/*
 * The watch of a link's shader cache from outside its sandbox (shader-cache.h): Mesa holds
 * the cache's files open for writing in the link process, and a compromised one can write
 * them without end, since a sandbox bounds what may be opened, not how much is written to
 * what is open. So the process the link was forked from (the listener, or a --stdio
 * host's parent) looks at the cache every GH_CACHE_WATCH_INTERVAL_MS, and ends the link:
 *   - when the files below the directory pass GH_SHADER_CACHE_LINK_BYTES;
 *   - when the directory, or a file it saw there, is gone or replaced: a file the link may
 *     still hold open would be written where no look could measure it (another link of the
 *     peer starting afresh past GH_SHADER_CACHE_MAX_BYTES, a new boot of the peer, the
 *     qrexec service's pruning).
 * The directory must exist before the link process starts (gh_shader_cache_make), so that
 * nothing the link opens was there before the watch began.
 */
#ifndef GH_SHADER_CACHE_WATCH_H
#define GH_SHADER_CACHE_WATCH_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#define GH_CACHE_WATCH_INTERVAL_MS 100

struct gh_cache_file {
	dev_t dev;
	ino_t ino;
};

struct gh_cache_watch {
	char *dir;
	dev_t dev; /* the directory's identity when the watch began */
	ino_t ino;
	struct gh_cache_file *seen; /* every file seen below it since */
	size_t n_seen, cap;
};

enum gh_cache_verdict {
	GH_CACHE_OK,
	GH_CACHE_OVER, /* past GH_SHADER_CACHE_LINK_BYTES */
	GH_CACHE_LOST, /* the directory or a file seen there is gone or replaced */
};

/* Starts watching `dir`, which must exist: false (logged) when it does not, or memory is
 * out. */
bool gh_cache_watch_init(struct gh_cache_watch *w, const char *dir);
/* One look: the verdict, and the bytes below the directory in *bytes. */
enum gh_cache_verdict gh_cache_watch_check(struct gh_cache_watch *w, uint64_t *bytes);
void gh_cache_watch_finish(struct gh_cache_watch *w);
/* After the links of a cache the watch condemned are killed: removes a cache past its bound,
 * and logs one line saying why `who` ("the link is", "its 2 links are") ended. */
void gh_cache_watch_ended(const struct gh_cache_watch *w, enum gh_cache_verdict v, uint64_t bytes,
                          const char *who);

#endif
