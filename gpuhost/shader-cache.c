/*
 * Per-peer shader caches (shader-cache.h).
 *
 * Why per peer: cached entries are the driver's machine code (llvmpipe's) and its compiled
 * programs. A link that writes an entry, compromised or not, runs code in every later link
 * that reads it, so one peer's entries must never reach another's links. Within one peer they
 * reach only that peer's own later links, which run what it sends anyway, in the same
 * sandbox.
 *
 * Who the peer is: a listener's link on a unix socket is its peer's uid (SO_PEERCRED), a
 * directory uid-N below DIR; TCP and vsock peers get none (an address is not an identity, and
 * SO_PEERCRED gives every one of them uid -1). A --stdio link's caller names the directory
 * itself, and answers for it naming one peer. Under qrexec that is the calling qube's name,
 * which qrexec gives and the qube cannot choose, but which can come back for another qube
 * (disposables are named dispN at random; a deleted qube's name can be given again). So the
 * installed service adds the caller's boot id (--peer-boot, the qube's
 * /proc/sys/kernel/random/boot_id, sent as the qrexec argument): each boot of a qube gets a
 * directory of its own, DIR/boot-ID, and the directories of its earlier boots are removed.
 * A boot id is 122 random bits drawn as the qube boots; another qube of that name, earlier
 * or later, cannot guess it, so it can never plant entries that this boot reads, nor read
 * what this boot wrote. The id is the caller's word: a qube that lies about it chooses only
 * among its own name's directories. A uid is whoever connected: a relay (socat) or
 * sandboxed apps of one user are one peer.
 *
 * The directories must be this user's alone (owned by it, no group or other write, no
 * symbolic link as the last component): whoever else could write there could plant entries
 * for a peer, or links for Mesa to follow. Only Mesa's single-file form is used, with none
 * of the operator's other Mesa cache settings.
 *
 * How it stays inside the sandbox: Mesa's single-file cache (MESA_DISK_CACHE_SINGLE_FILE)
 * opens its three files when the link process initialises its EGL display, which it does
 * before it enters the sandbox; afterwards its threads only lock, read and append to those
 * open files (flock, pread64, write: measured with strace -f on Mesa 22.3). Nothing is opened
 * from inside the sandbox; a compromised link can still write what it likes into those open
 * files, which is its own peer's cache.
 *
 * Its size: a peer's cache that has passed GH_SHADER_CACHE_MAX_BYTES when a link starts is
 * removed first, and that link starts it afresh; within one link it grows by what that link
 * compiles. (RLIMIT_FSIZE would bound each file, but it bounds the link's memfds too: frame
 * buffers up to 1 GiB, shm replicas up to WIRE_MAX_SHM_TOTAL.)
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gpupipe/log.h>

#include "session.h"
#include "shader-cache.h"

/* mkdir -p, 0700 for what it makes; true if `path` is then a directory. */
static bool make_dirs(const char *path)
{
	char part[4096];
	size_t n = strlen(path);
	if (n >= sizeof(part))
		return false;
	memcpy(part, path, n + 1);
	for (size_t i = 1; i <= n; i++) {
		if (part[i] != '/' && part[i] != 0)
			continue;
		char c = part[i];
		part[i] = 0;
		if (mkdir(part, 0700) < 0 && errno != EEXIST) {
			gp_log(WARN, "no shader cache: cannot make %s: %s", part, strerror(errno));
			return false;
		}
		part[i] = c;
	}
	return true;
}

/* A directory of our own that nobody else may write: not a symbolic link, owned by this
 * process's user, no write bit for group or others. Anyone else who could write there could
 * plant entries for a peer, or links for Mesa to follow. */
static bool ours(const char *path)
{
	struct stat st;
	if (lstat(path, &st) < 0 || !S_ISDIR(st.st_mode)) {
		gp_log(WARN, "no shader cache: %s is not a directory", path);
		return false;
	}
	if (st.st_uid != geteuid() || (st.st_mode & 022)) {
		gp_log(WARN,
		       "no shader cache: %s must belong to uid %u and be writable by it alone",
		       path, (unsigned)geteuid());
		return false;
	}
	return true;
}

/* The peer's uid, for a link on a unix socket; false for any other link. (SO_PEERCRED
 * answers on TCP sockets too, with uid -1 for every peer.) */
static bool unix_peer_uid(int fd, uid_t *uid)
{
	int domain = 0;
	socklen_t dlen = sizeof(domain);
	struct ucred cred;
	socklen_t len = sizeof(cred);
	if (getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &domain, &dlen) < 0 || domain != AF_UNIX ||
	    getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) < 0 || len != sizeof(cred) ||
	    cred.uid == (uid_t)-1)
		return false;
	*uid = cred.uid;
	return true;
}

static uint64_t tree_bytes;

static int add_size(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	if (type == FTW_F)
		tree_bytes += (uint64_t)st->st_size;
	return 0;
}

static int remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	if (ftw->level > 0)
		(void)remove(path);
	return 0;
}

static uint64_t cache_bytes(const char *dir)
{
	tree_bytes = 0;
	if (nftw(dir, add_size, 16, FTW_PHYS) < 0)
		return 0;
	return tree_bytes;
}

bool gh_shader_cache_remove(const char *dir)
{
	nftw(dir, remove_entry, 16, FTW_PHYS | FTW_DEPTH);
	return rmdir(dir) == 0;
}

/* A cache past its bound is removed (only what is below `dir`; symbolic links are not
 * followed), for Mesa to start afresh. */
static void bound(const char *dir)
{
	if (cache_bytes(dir) <= GH_SHADER_CACHE_MAX_BYTES)
		return;
	gp_log(INFO, "the shader cache in %s passed %llu MiB: it starts afresh", dir,
	       GH_SHADER_CACHE_MAX_BYTES >> 20);
	nftw(dir, remove_entry, 16, FTW_PHYS | FTW_DEPTH);
}

bool gh_shader_cache_boot_ok(const char *id)
{
	static const char form[] = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";
	if (strlen(id) != sizeof(form) - 1)
		return false;
	for (size_t i = 0; form[i]; i++) {
		char c = id[i];
		bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
		if (form[i] == '-' ? c != '-' : !hex)
			return false;
	}
	return true;
}

/* The peer's earlier boots: every boot-* directory in `dir` but `keep` is removed (what is
 * below it first; symbolic links are not followed, and are not boots). */
static void forget_other_boots(const char *dir, const char *keep)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	unsigned removed = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		char path[4096];
		struct stat st;
		if (strncmp(e->d_name, "boot-", 5) != 0 || strcmp(e->d_name, keep) == 0 ||
		    snprintf(path, sizeof(path), "%s/%s", dir, e->d_name) >= (int)sizeof(path) ||
		    lstat(path, &st) < 0 || !S_ISDIR(st.st_mode))
			continue;
		if (gh_shader_cache_remove(path))
			removed++;
	}
	closedir(d);
	if (removed)
		gp_log(INFO, "shader cache: removed %u earlier boot%s of this peer in %s", removed,
		       removed == 1 ? "" : "s", dir);
}

/* The directory of the peer of the link on `link_fd`, without making it: false when that
 * link gets none (no --shader-cache, a peer not told apart, a path too long). */
static bool peer_dir(const struct gh_options *options, int link_fd, char *dir, size_t size)
{
	uid_t uid;
	int n;
	if (!options->shader_cache)
		return false;
	if (options->shader_cache_per_uid) {
		if (!unix_peer_uid(link_fd, &uid))
			return false;
		n = snprintf(dir, size, "%s/uid-%u", options->shader_cache, (unsigned)uid);
	} else if (options->shader_cache_boot) {
		n = snprintf(dir, size, "%s/boot-%s", options->shader_cache,
		             options->shader_cache_boot);
	} else {
		n = snprintf(dir, size, "%s", options->shader_cache);
	}
	return n >= 0 && (size_t)n < size;
}

bool gh_shader_cache_make(const struct gh_options *options, int link_fd, char *dir, size_t size)
{
	uid_t uid;
	if (!options->shader_cache)
		return false;
	if (options->shader_cache_per_uid && !unix_peer_uid(link_fd, &uid)) {
		gp_log(INFO, "no shader cache for this link: only a unix socket's peer is "
		             "told apart (by its uid)");
		return false;
	}
	if (!peer_dir(options, link_fd, dir, size)) {
		gp_log(WARN, "no shader cache: the path is too long");
		return false;
	}
	if (!make_dirs(dir) || !ours(options->shader_cache) || !ours(dir))
		return false;
	if (options->shader_cache_boot)
		forget_other_boots(options->shader_cache, strrchr(dir, '/') + 1);
	/* Marks the peer's directory used now: the qrexec service removes those unused for 30
	 * days (a qube that no longer calls, or no longer is). */
	(void)utimensat(AT_FDCWD, options->shader_cache, NULL, 0);
	bound(dir);
	return true;
}

void gh_shader_cache_use(const char *dir)
{
	/* Only this directory, in the form whose files are opened now: none of the operator's
	 * other cache settings (read-only databases named relative to it, a list that a thread
	 * reopens later, the multi-file form that opens a file per entry). */
	static const char *const others[] = {
	        "MESA_DISK_CACHE_READ_ONLY_FOZ_DBS",
	        "MESA_DISK_CACHE_READ_ONLY_FOZ_DBS_DYNAMIC_LIST",
	        "MESA_DISK_CACHE_MULTI_FILE",
	        "MESA_DISK_CACHE_DATABASE",
	        "MESA_SHADER_CACHE_MAX_SIZE",
	};
	for (size_t i = 0; i < sizeof(others) / sizeof(others[0]); i++)
		unsetenv(others[i]);
	setenv("MESA_SHADER_CACHE_DIR", dir, 1);
	setenv("MESA_DISK_CACHE_SINGLE_FILE", "1", 1);
	setenv("MESA_SHADER_CACHE_DISABLE", "false", 1);
	setenv("MESA_GLSL_CACHE_DISABLE", "false", 1);
	gp_log(DEBUG, "shader cache in %s", dir);
}

const char *gh_shader_cache_prepare(const struct gh_options *options, int link_fd)
{
	static char dir[4096];
	if (!gh_shader_cache_make(options, link_fd, dir, sizeof(dir)))
		return NULL;
	gh_shader_cache_use(dir);
	return dir;
}
