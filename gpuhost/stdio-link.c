/*
 * gpupipe-host --stdio (see stdio-link.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <gpupipe/link.h>
#include <gpupipe/log.h>

#include "compositor.h"
#include "shader-cache-watch.h"
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

/* Ends this process as the link's did: its exit status, or its signal raised again (a
 * service manager tells a link ended by SIGTERM from one that failed). */
static int end_as(int status)
{
	if (WIFSIGNALED(status)) {
		int sig = WTERMSIG(status);
		signal(sig, SIG_DFL);
		sigset_t set;
		sigemptyset(&set);
		sigaddset(&set, sig);
		sigprocmask(SIG_UNBLOCK, &set, NULL);
		raise(sig);
		return 128 + sig;
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

/* This process, outside the link's sandbox, until the link ends: it passes signals on, and
 * ends the link when the watch says so (shader-cache-watch.h). */
static int watch(pid_t link, const sigset_t *set, struct gh_cache_watch *w)
{
	const struct timespec tick = {.tv_nsec = GH_CACHE_WATCH_INTERVAL_MS * 1000000L};
	for (;;) {
		int sig = sigtimedwait(set, NULL, &tick);
		if (sig > 0 && sig != SIGCHLD)
			kill(link, sig);
		int status;
		pid_t done = waitpid(link, &status, WNOHANG);
		if (done == link)
			return end_as(status);
		if (done < 0 && errno == ECHILD)
			return 1;
		uint64_t bytes;
		enum gh_cache_verdict v = gh_cache_watch_check(w, &bytes);
		if (v == GH_CACHE_OK)
			continue;
		kill(link, SIGKILL);
		waitpid(link, &status, 0);
		gh_cache_watch_ended(w, v, bytes, "the link is");
		return 1;
	}
}

/* With a shader cache, Mesa holds its files open for writing in the link process, which a
 * compromised link can write without end (a sandbox bounds what it may open, not how much
 * it writes to what is open). So the link runs in a child, and this process stays outside
 * its sandbox to watch the cache (shader-cache-watch.h); the child dies with it. */
static int run_watched(const struct gh_options *options, const char *cache)
{
	struct gh_cache_watch w;
	if (!gh_cache_watch_init(&w, cache)) {
		wire_write_close(1, "gpupipe-host cannot watch this link's shader cache");
		return 1;
	}
	sigset_t set, old;
	watched_signals(&set);
	signal(SIGCHLD, SIG_DFL); /* waitpid must see the link end */
	sigprocmask(SIG_BLOCK, &set, &old);
	pid_t parent = getpid();
	pid_t link = fork();
	if (link < 0) {
		gp_log(ERROR, "cannot start the link process: fork: %s", strerror(errno));
		wire_write_close(1, "gpupipe-host cannot start a link process");
		return 1;
	}
	if (link == 0) {
		/* Unwatched, the link must not go on; the sandbox keeps this across its change
		 * of user. */
		if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0 || getppid() != parent)
			_exit(1);
		/* SIGUSR1 stays blocked until the session takes it (stats.c): one passed on
		 * before then waits instead of killing the link. */
		sigaddset(&old, SIGUSR1);
		sigprocmask(SIG_SETMASK, &old, NULL);
		gh_cache_watch_finish(&w);
		return gh_session_run(0, 1, options);
	}
	/* The link is the child's: the proxy sees it end when the child ends. */
	int null = open("/dev/null", O_RDWR | O_CLOEXEC);
	if (null >= 0) {
		dup2(null, 0);
		dup2(null, 1);
		close(null);
	}
	int status = watch(link, &set, &w);
	gh_cache_watch_finish(&w);
	return status;
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
