/*
 * The accept loop of gpupipe-host (see listener.h): who holds each link
 * slot, refusals told to the peer, children reaped, the compositor
 * watched.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gpupipe/link.h>
#include <gpupipe/log.h>

#include "compositor.h"
#include "listener.h"
#include "shader-cache-watch.h"
#include "shader-cache.h"

/* The unix socket to remove on SIGTERM/SIGINT; the handler cleans up and
 * exits itself, since a flag checked around a blocking call would miss a
 * signal that lands just before the call. */
static char socket_path[4096];
/* Link processes alive; a peer that opens links in a loop gets refused
 * past --max-links instead of forking the host to death. */
static volatile sig_atomic_t live_links;

/* Who holds each live link, for --max-links-per-peer: written by the
 * accept loop with SIGCHLD blocked, a slot freed (pid 0) by the handler. */
struct link_slot {
	volatile pid_t pid; /* 0: free */
	struct wire_peer peer;
	struct gh_cache_watch *cache; /* its peer's shader cache, watched; or NULL */
};
static struct link_slot *slots;
static int n_slots;

static void on_signal(int sig)
{
	if (socket_path[0])
		unlink(socket_path);
	_exit(0);
}

static void reap_children(int sig)
{
	int saved = errno, status;
	pid_t pid;
	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		live_links--;
		for (int i = 0; i < n_slots; i++) {
			if (slots[i].pid == pid)
				slots[i].pid = 0;
		}
		/* Async-signal-safe logging of how each link ended; a signal
		 * (a crash in the driver, the sandbox's SIGSYS) is named. */
		char line[128];
		int n = WIFSIGNALED(status)
		                ? snprintf(line, sizeof(line),
		                           "gpupipe-host: link process %d exited (-1): killed "
		                           "by signal %d\n",
		                           (int)pid, WTERMSIG(status))
		                : snprintf(line, sizeof(line),
		                           "gpupipe-host: link process %d exited (%d)\n", (int)pid,
		                           WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		if (n > 0 && gp_log_enabled(GP_LOG_INFO))
			(void)!write(2, line, (size_t)n);
	}
	errno = saved;
}

/* Tells the peer why before closing. */
static void refuse(int fd, const char *reason)
{
	wire_write_close(fd, reason);
	close(fd);
}

static void serve_link(int listen_fd, int compositor_fd, int fd, const struct gh_options *options,
                       const char *cache)
{
	close(listen_fd);
	close(compositor_fd);
	signal(SIGTERM, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	signal(SIGCHLD, SIG_DFL);
	/* accept_link() forked us with SIGCHLD, SIGTERM, SIGINT and SIGUSR1
	 * blocked; SIGUSR1 stays so for the session's signalfd (stats.c). */
	sigset_t usr1;
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	sigprocmask(SIG_SETMASK, &usr1, NULL);
	char name[64];
	snprintf(name, sizeof(name), "gpupipe-host[%d]", (int)getpid());
	gp_log_set_prog(name);
	if (cache)
		gh_shader_cache_use(cache);
	_exit(gh_session_run(fd, fd, options));
}

/* The shader caches of the links (shader-cache-watch.h), looked at every
 * GH_CACHE_WATCH_INTERVAL_MS while links with one live. A cache past its bound, or removed or
 * replaced under its links, ends every link of it; one past its bound is removed. */
static bool any_cache(void)
{
	for (int i = 0; i < n_slots; i++) {
		if (slots[i].pid && slots[i].cache)
			return true;
	}
	return false;
}

static void watch_caches(void)
{
	sigset_t chld, old;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, &old);
	for (int i = 0; i < n_slots; i++) {
		if (!slots[i].pid || !slots[i].cache)
			continue;
		uint64_t bytes;
		enum gh_cache_verdict v = gh_cache_watch_check(slots[i].cache, &bytes);
		if (v == GH_CACHE_OK)
			continue;
		/* Every link of this cache ends, and is watched no more (a second look
		 * would find the cache gone and say so again). */
		struct gh_cache_watch *w = slots[i].cache;
		int ended = 0;
		for (int j = 0; j < n_slots; j++) {
			if (!slots[j].pid || !slots[j].cache)
				continue;
			if (j != i && strcmp(slots[j].cache->dir, w->dir) != 0)
				continue;
			kill(slots[j].pid, SIGKILL);
			ended++;
			if (j != i) {
				gh_cache_watch_finish(slots[j].cache);
				free(slots[j].cache);
				slots[j].cache = NULL;
			}
		}
		char who[96];
		snprintf(who, sizeof(who), "its %d link%s (peer %s) %s", ended,
		         ended == 1 ? "" : "s", slots[i].peer.text, ended == 1 ? "is" : "are");
		gh_cache_watch_ended(w, v, bytes, who);
		gh_cache_watch_finish(w);
		free(w);
		slots[i].cache = NULL;
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
}

static int links_of(const struct wire_peer *peer)
{
	int n = 0;
	for (int i = 0; i < n_slots; i++)
		n += slots[i].pid && strcmp(slots[i].peer.text, peer->text) == 0;
	return n;
}

/* Forks the link's process unless a limit says no (SIGCHLD blocked). */
static void admit(int lfd, int compositor_fd, int fd, const struct gh_listener_limits *lim,
                  const struct gh_options *options)
{
	char reason[128];
	struct wire_peer peer;
	wire_addr_peer(fd, &peer);
	if (live_links >= lim->max_links) {
		gp_log(WARN, "refusing a link: %d links are open (--max-links); it came from %s",
		       lim->max_links, peer.text);
		snprintf(reason, sizeof(reason), "gpupipe-host serves at most %d links at once",
		         lim->max_links);
		refuse(fd, reason);
		return;
	}
	if (links_of(&peer) >= lim->per_peer) {
		gp_log(WARN, "refusing a link: %s has %d links open (--max-links-per-peer)",
		       peer.text, lim->per_peer);
		snprintf(reason, sizeof(reason),
		         "gpupipe-host serves at most %d links at once from one peer (%s)",
		         lim->per_peer, peer.text);
		refuse(fd, reason);
		return;
	}
	/* The cache is made here, before the link process starts, and watched from here. */
	char cache[4096];
	struct gh_cache_watch *watch = NULL;
	if (gh_shader_cache_make(options, fd, cache, sizeof(cache))) {
		watch = malloc(sizeof(*watch));
		if (!watch || !gh_cache_watch_init(watch, cache)) {
			free(watch);
			gp_log(WARN, "refusing a link from %s: its shader cache cannot be watched",
			       peer.text);
			refuse(fd, "gpupipe-host cannot watch this link's shader cache");
			return;
		}
	}
	pid_t pid = fork();
	if (pid == 0)
		serve_link(lfd, compositor_fd, fd, options, watch ? cache : NULL);
	if (pid < 0) {
		gp_log(ERROR, "fork: %s", strerror(errno));
	} else {
		live_links++;
		for (int i = 0; i < n_slots; i++) {
			if (!slots[i].pid) {
				slots[i].peer = peer;
				if (slots[i].cache)
					gh_cache_watch_finish(slots[i].cache);
				free(slots[i].cache);
				slots[i].cache = watch;
				watch = NULL;
				slots[i].pid = pid;
				break;
			}
		}
		gp_log(INFO, "link served by process %d (peer %s)", (int)pid, peer.text);
	}
	if (watch) {
		gh_cache_watch_finish(watch);
		free(watch);
	}
	close(fd);
}

static void accept_link(int lfd, int compositor_fd, const struct gh_listener_limits *lim,
                        const struct gh_options *options)
{
	int fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);
	if (fd < 0) {
		if (errno != EINTR && errno != ECONNABORTED && errno != EAGAIN)
			gp_log(ERROR, "accept: %s", strerror(errno));
		return;
	}
	/* SIGCHLD: the slots change only here meanwhile. SIGTERM, SIGINT: a
	 * child between fork() and resetting the handlers must not run
	 * on_signal, which would remove the listener's socket. */
	sigset_t block, old;
	sigemptyset(&block);
	sigaddset(&block, SIGCHLD);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGINT);
	/* SIGUSR1 stays blocked in the child until its session takes it
	 * (stats.c): a SIGUSR1 before then waits instead of killing it. */
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, &old);
	admit(lfd, compositor_fd, fd, lim, options);
	sigprocmask(SIG_SETMASK, &old, NULL);
}

/* SIGUSR1: each link process logs its figures so far (stats.c). */
static void forward_to_links(int sig)
{
	int saved = errno;
	for (int i = 0; i < n_slots; i++) {
		if (slots[i].pid > 0)
			kill(slots[i].pid, sig);
	}
	errno = saved;
}

static void install_handlers(void)
{
	struct sigaction usr = {.sa_handler = forward_to_links, .sa_flags = SA_RESTART};
	sigaction(SIGUSR1, &usr, NULL);
	struct sigaction sa = {.sa_handler = on_signal};
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	struct sigaction chld = {.sa_handler = reap_children,
	                         .sa_flags = SA_RESTART | SA_NOCLDSTOP};
	sigaction(SIGCHLD, &chld, NULL);
}

int gh_listener_run(const char *addr, int compositor_fd, const struct gh_listener_limits *lim,
                    const struct gh_options *options)
{
	n_slots = lim->max_links;
	slots = calloc((size_t)n_slots, sizeof(*slots));
	if (!slots) {
		gp_log(ERROR, "out of memory");
		return 1;
	}
	install_handlers();
	struct wire_addr_error err;
	int lfd = wire_addr_listen(addr, &err);
	if (lfd < 0) {
		fprintf(stderr, "gpupipe-host: %s\n", err.text);
		return 1;
	}
	/* poll() may report a link that the peer has dropped by accept(). */
	fcntl(lfd, F_SETFL, fcntl(lfd, F_GETFL) | O_NONBLOCK);
	gp_log(INFO, "listening on %s", addr);
	if (wire_addr_is_unix(addr))
		snprintf(socket_path, sizeof(socket_path), "%s", addr + 5);
	for (;;) {
		struct pollfd pfd[2] = {{.fd = lfd, .events = POLLIN},
		                        {.fd = compositor_fd, .events = POLLIN}};
		if (poll(pfd, 2, any_cache() ? GH_CACHE_WATCH_INTERVAL_MS : -1) < 0) {
			if (errno == EINTR) {
				watch_caches();
				continue;
			}
			gp_log(ERROR, "poll: %s", strerror(errno));
			return 1;
		}
		struct gh_compositor_error cerr;
		if (pfd[1].revents && !gh_compositor_alive(compositor_fd, &cerr)) {
			gp_log(ERROR,
			       "lost the compositor (%s): no more links can be served; exiting",
			       cerr.text);
			if (socket_path[0])
				unlink(socket_path);
			return 1;
		}
		if (pfd[0].revents)
			accept_link(lfd, compositor_fd, lim, options);
		watch_caches();
	}
}
