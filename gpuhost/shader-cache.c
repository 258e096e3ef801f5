/*
 * Per-peer shader caches (shader-cache.h).
 *
 * Why per peer: cached entries are the driver's machine code (llvmpipe's) and its compiled
 * programs. A link that writes an entry, compromised or not, runs code in every later link
 * that reads it, so one peer's entries must never reach another's links. Within one peer they
 * reach only that peer's own later links, which run what it sends anyway, in the same
 * sandbox.
 *
 * Who the peer is: a --stdio link's caller names the directory itself (the qrexec service
 * gives each calling qube its own, after $QREXEC_REMOTE_DOMAIN, which the trusted qrexec
 * agent sets); a listener's link on a unix socket is its peer's uid (SO_PEERCRED), a
 * directory uid-N below DIR. TCP and vsock peers get none: an address is not an identity.
 *
 * How it stays inside the sandbox: Mesa's single-file cache (MESA_DISK_CACHE_SINGLE_FILE)
 * opens its three files when the link process initialises its EGL display, which it does
 * before it enters the sandbox; afterwards its threads only lock, read and append to those
 * open files (flock, pread64, write: measured with strace -f on Mesa 22.3). Nothing is opened
 * from inside the sandbox. RLIMIT_FSIZE bounds each file; past it Mesa's writes fail
 * (SIGXFSZ ignored) and the cache stops growing.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>

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
	struct stat st;
	if (lstat(path, &st) < 0 || !S_ISDIR(st.st_mode)) {
		gp_log(WARN, "no shader cache: %s is not a directory", path);
		return false;
	}
	return true;
}

void gh_shader_cache_prepare(const struct gh_options *options, int link_fd)
{
	if (!options->shader_cache)
		return;
	char dir[4096];
	int n;
	if (options->shader_cache_per_uid) {
		struct ucred cred;
		socklen_t len = sizeof(cred);
		if (getsockopt(link_fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) < 0 ||
		    len != sizeof(cred)) {
			gp_log(INFO, "no shader cache for this link: only a unix socket's peer is "
			             "told apart (by its uid)");
			return;
		}
		n = snprintf(dir, sizeof(dir), "%s/uid-%u", options->shader_cache,
		             (unsigned)cred.uid);
	} else {
		n = snprintf(dir, sizeof(dir), "%s", options->shader_cache);
	}
	if (n < 0 || (size_t)n >= sizeof(dir)) {
		gp_log(WARN, "no shader cache: the path is too long");
		return;
	}
	if (!make_dirs(dir))
		return;
	struct rlimit fsize = {GH_SHADER_CACHE_MAX_FILE, GH_SHADER_CACHE_MAX_FILE};
	if (setrlimit(RLIMIT_FSIZE, &fsize) < 0 || signal(SIGXFSZ, SIG_IGN) == SIG_ERR) {
		gp_log(WARN, "no shader cache: cannot bound its size: %s", strerror(errno));
		return;
	}
	setenv("MESA_SHADER_CACHE_DIR", dir, 1);
	setenv("MESA_DISK_CACHE_SINGLE_FILE", "1", 1);
	setenv("MESA_SHADER_CACHE_DISABLE", "false", 1);
	setenv("MESA_GLSL_CACHE_DISABLE", "false", 1);
	gp_log(DEBUG, "shader cache in %s", dir);
}
