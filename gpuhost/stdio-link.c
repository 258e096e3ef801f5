/*
 * gpupipe-host --stdio (see stdio-link.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <gpupipe/link.h>
#include <gpupipe/log.h>

#include "compositor.h"
#include "shader-cache.h"
#include "stdio-link.h"

static const char *file_kind(mode_t mode)
{
	if (S_ISREG(mode))
		return "a regular file";
	if (S_ISDIR(mode))
		return "a directory";
	if (S_ISCHR(mode))
		return "a character device";
	if (S_ISBLK(mode))
		return "a block device";
	return "not a pipe or a socket";
}

/* stdin and stdout are the link: the event loop must be able to wait on
 * them (epoll refuses regular files, directories and /dev/null), stdin
 * open for reading and stdout for writing. */
static bool stdio_usable(int fd, const char *name, int access)
{
	static const char must[] = "--stdio needs stdin and stdout to be a socket or a pipe "
	                           "(as qrexec and gpupipe-proxy's exec: give them)";
	struct stat st;
	if (fstat(fd, &st) < 0) {
		gp_log(ERROR, "%s is not open (%s); %s", name, strerror(errno), must);
		return false;
	}
	int ep = epoll_create1(EPOLL_CLOEXEC);
	struct epoll_event ev = {.events = 0};
	bool pollable = ep >= 0 && epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) == 0;
	if (ep >= 0)
		close(ep);
	if (!pollable) {
		gp_log(ERROR, "%s is %s, which cannot be waited on; %s", name,
		       file_kind(st.st_mode), must);
		return false;
	}
	int mode = fcntl(fd, F_GETFL) & O_ACCMODE;
	if (mode != O_RDWR && mode != access) {
		gp_log(ERROR, "%s is not open for %s; %s", name,
		       access == O_RDONLY ? "reading" : "writing", must);
		return false;
	}
	return true;
}

/* How often the cache of a watched link is measured: what a link writing as fast as a disk
 * takes can add between two looks. */
#define WATCH_INTERVAL_NS (100 * 1000 * 1000)

/* The signals this process passes on to the link it watches. */
static void watched_signals(sigset_t *set)
{
	sigemptyset(set);
	sigaddset(set, SIGCHLD);
	sigaddset(set, SIGTERM);
	sigaddset(set, SIGINT);
	sigaddset(set, SIGHUP);
	sigaddset(set, SIGUSR1);
}

static int exit_status(int status)
{
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* This process, outside the link's sandbox, until the link ends: it passes signals on, and
 * ends the link and removes the cache if the cache passes GH_SHADER_CACHE_LINK_BYTES. */
static int watch(pid_t link, const sigset_t *set, const char *cache)
{
	const struct timespec tick = {.tv_nsec = WATCH_INTERVAL_NS};
	for (;;) {
		int sig = sigtimedwait(set, NULL, &tick);
		if (sig > 0 && sig != SIGCHLD)
			kill(link, sig);
		int status;
		if (waitpid(link, &status, WNOHANG) == link)
			return exit_status(status);
		uint64_t bytes = gh_shader_cache_bytes(cache);
		if (bytes <= GH_SHADER_CACHE_LINK_BYTES)
			continue;
		kill(link, SIGKILL);
		waitpid(link, &status, 0);
		bool gone = gh_shader_cache_remove(cache);
		gp_log(ERROR,
		       "the link's shader cache in %s grew to %" PRIu64 " MiB, past %llu MiB: the "
		       "link is ended%s",
		       cache, bytes >> 20, GH_SHADER_CACHE_LINK_BYTES >> 20,
		       gone ? " and the cache removed" : ", the cache could not be removed");
		return 1;
	}
}

/* With a shader cache, Mesa holds its files open for writing in the link process, which a
 * compromised link can write without end (a sandbox bounds what it may open, not how much
 * it writes to what is open). So the link runs in a child, and this process stays outside
 * its sandbox to watch how big the cache grows. */
static int run_watched(const struct gh_options *options, const char *cache)
{
	sigset_t set, old;
	watched_signals(&set);
	sigprocmask(SIG_BLOCK, &set, &old);
	pid_t link = fork();
	if (link < 0) {
		gp_log(ERROR, "cannot start the link process: fork: %s", strerror(errno));
		return 1;
	}
	if (link == 0) {
		sigprocmask(SIG_SETMASK, &old, NULL);
		return gh_session_run(0, 1, options);
	}
	/* The link is the child's: the proxy sees it end when the child ends. */
	int null = open("/dev/null", O_RDWR | O_CLOEXEC);
	if (null >= 0) {
		dup2(null, 0);
		dup2(null, 1);
		close(null);
	}
	return watch(link, &set, cache);
}

int gh_stdio_link_run(const struct gh_options *options)
{
	if (!stdio_usable(0, "stdin", O_RDONLY) || !stdio_usable(1, "stdout", O_WRONLY))
		return 1;
	struct gh_compositor_error cerr;
	int fd = gh_compositor_check(GH_COMPOSITOR_CHECK_MS, &cerr);
	if (fd < 0) {
		gp_log(ERROR, "cannot reach the compositor: %s", cerr.text);
		/* The peer learns why before the first byte of the link is
		 * read; stdout of --stdio is a fresh pipe or socket. */
		wire_write_close(1, "gpupipe-host cannot reach its compositor");
		return 1;
	}
	/* The session makes its own connection, in which the app's ids are
	 * the only ones. */
	close(fd);
	/* A TCP socket handed over by inetd or systemd (Accept=yes) sends
	 * without Nagle's delay, as gpupipe's own TCP links do; anything
	 * else refuses the option, which is fine. */
	int one = 1;
	setsockopt(0, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	setsockopt(1, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	const char *cache = gh_shader_cache_prepare(options, 0);
	if (cache)
		return run_watched(options, cache);
	return gh_session_run(0, 1, options);
}
