/*
 * The watch of a link's shader cache (shader-cache-watch.h).
 */
#include <errno.h>
#include <ftw.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <gpupipe/log.h>

#include "shader-cache.h"
#include "shader-cache-watch.h"

bool gh_cache_watch_init(struct gh_cache_watch *w, const char *dir)
{
	struct stat st;
	*w = (struct gh_cache_watch){0};
	if (lstat(dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
		gp_log(ERROR, "the shader cache %s cannot be watched: it is not a directory", dir);
		return false;
	}
	w->dir = strdup(dir);
	w->dev = st.st_dev;
	w->ino = st.st_ino;
	if (!w->dir) {
		gp_log(ERROR, "the shader cache %s cannot be watched: out of memory", dir);
		return false;
	}
	return true;
}

void gh_cache_watch_finish(struct gh_cache_watch *w)
{
	free(w->dir);
	free(w->seen);
	*w = (struct gh_cache_watch){0};
}

/* One look's state for the nftw callback, which takes no argument of ours. */
static struct {
	struct gh_cache_file *files;
	size_t n, cap;
	uint64_t bytes;
	bool failed;
} look;

static int note_file(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	if (type != FTW_F)
		return 0;
	look.bytes += (uint64_t)st->st_size;
	if (look.n == look.cap) {
		size_t cap = look.cap ? look.cap * 2 : 16;
		struct gh_cache_file *files = realloc(look.files, cap * sizeof(*files));
		if (!files) {
			look.failed = true;
			return 1;
		}
		look.files = files;
		look.cap = cap;
	}
	look.files[look.n++] = (struct gh_cache_file){st->st_dev, st->st_ino};
	return 0;
}

static bool among(const struct gh_cache_file *files, size_t n, struct gh_cache_file f)
{
	for (size_t i = 0; i < n; i++) {
		if (files[i].dev == f.dev && files[i].ino == f.ino)
			return true;
	}
	return false;
}

enum gh_cache_verdict gh_cache_watch_check(struct gh_cache_watch *w, uint64_t *bytes)
{
	struct stat st;
	*bytes = 0;
	if (lstat(w->dir, &st) < 0 || !S_ISDIR(st.st_mode) || st.st_dev != w->dev ||
	    st.st_ino != w->ino)
		return GH_CACHE_LOST;
	look.n = 0;
	look.bytes = 0;
	look.failed = false;
	/* Symbolic links are not followed: only what is below the directory counts. */
	if (nftw(w->dir, note_file, 16, FTW_PHYS) != 0 || look.failed)
		return GH_CACHE_LOST;
	*bytes = look.bytes;
	for (size_t i = 0; i < w->n_seen; i++) {
		if (!among(look.files, look.n, w->seen[i]))
			return GH_CACHE_LOST;
	}
	/* What is seen now, for the next look (a superset of what was seen before). */
	if (look.n > w->cap) {
		struct gh_cache_file *seen = realloc(w->seen, look.n * sizeof(*seen));
		if (!seen)
			return GH_CACHE_LOST;
		w->seen = seen;
		w->cap = look.n;
	}
	if (look.n)
		memcpy(w->seen, look.files, look.n * sizeof(*w->seen));
	w->n_seen = look.n;
	return *bytes > GH_SHADER_CACHE_LINK_BYTES ? GH_CACHE_OVER : GH_CACHE_OK;
}

void gh_cache_watch_ended(const struct gh_cache_watch *w, enum gh_cache_verdict v, uint64_t bytes,
                          const char *who)
{
	if (v == GH_CACHE_OVER) {
		bool gone = gh_shader_cache_remove(w->dir);
		gp_log(ERROR,
		       "the shader cache in %s grew to %" PRIu64 " MiB, past %llu MiB: %s ended%s",
		       w->dir, bytes >> 20, GH_SHADER_CACHE_LINK_BYTES >> 20, who,
		       gone ? ", the cache removed" : "; the cache could not be removed");
	} else {
		gp_log(ERROR,
		       "the shader cache in %s, or a file of it, was removed or replaced while in "
		       "use: %s ended (what a link holds open could no longer be measured)",
		       w->dir, who);
	}
}
