/*
 * gpupipe-proxy: a Wayland compositor facade in the AppVM. Each app that
 * connects to $XDG_RUNTIME_DIR/gpu-0 gets its own forked process and its
 * own link to gpupipe-host, so apps cannot see or disturb each other.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gpupipe/addr.h>
#include <gpupipe/log.h>
#include <gpupipe/version.h>

#include "client.h"
#include "gles-codec.h"

static const char usage[] =
        "Usage: gpupipe-proxy [OPTIONS]\n"
        "\n"
        "Serves Wayland apps in this VM on a socket and forwards each one over its\n"
        "own link to gpupipe-host in the GPU domain, where its windows appear.\n"
        "\n"
        "  -s, --socket NAME     socket name in $XDG_RUNTIME_DIR (default gpu-0) or an\n"
        "                        absolute path; run apps with WAYLAND_DISPLAY=NAME.\n"
        "                        An existing file there is never removed, only a\n"
        "                        stale socket (one nobody listens on) is replaced\n"
        "  -c, --connect ADDR    where gpupipe-host listens, one link per app; a bad\n"
        "                        ADDR exits with status 2:\n"
        "                          unix:PATH        (default "
        "unix:$XDG_RUNTIME_DIR/gpupipe-host.sock)\n"
        "                          tcp:HOST:PORT\n"
        "                          vsock:CID:PORT\n"
        "                          exec:COMMAND     run COMMAND per app, its stdin/stdout\n"
        "                                           is the link (e.g. exec:qrexec-client-vm\n"
        "                                           sys-gui-gpu gpupipe.Link)\n"
        "      --no-fd-passing   never pass fds on the link, as between two VMs: big GL\n"
        "                        uploads travel in the stream instead of the shared\n"
        "                        memory a unix: link offers (shm is always copied)\n"
        "      --stats           log each app's figures every second: frames, the\n"
        "                        wl_display.syncs it waited for and those answered at\n"
        "                        once, link bytes each way (Wayland, GL, shm) (man\n"
        "                        gpupipe-proxy, STATISTICS). With or without it:\n"
        "                        SIGUSR1 to gpupipe-proxy logs each app's figures so far\n"
        "  -v, --verbose         more log output (repeat for debug); or GPUPIPE_LOG=\n"
        "                        error|warn|info|debug\n"
        "  -h, --help            this text\n"
        "      --version         the release, and the link, GL stream and GL codec\n"
        "                        versions it speaks (both sides of a link must match)\n"
        "\n"
        "Each app's process ends with gpupipe-proxy: the app is told and loses its\n"
        "connection, and a restarted gpupipe-proxy takes over the socket.\n"
        "\n"
        "Example:\n"
        "  gpupipe-proxy --connect tcp:10.137.0.5:7070 &\n"
        "  WAYLAND_DISPLAY=gpu-0 foot\n";

struct listener {
	int fd;
	int lock_fd;
	char path[sizeof(((struct sockaddr_un *)0)->sun_path)];
	char lock_path[sizeof(((struct sockaddr_un *)0)->sun_path) + 8];
};

/* The socket to remove on SIGTERM/SIGINT. The handler cleans up and exits
 * itself (unlink and _exit are async-signal-safe): a flag checked around a
 * blocking accept() would miss a signal that lands just before the call. */
static const struct listener *active;

static void on_signal(int sig)
{
	if (active) {
		unlink(active->path);
		unlink(active->lock_path);
	}
	_exit(0);
}

/* Like libwayland's wl_display_add_socket: a lock file guards the name so
 * that two proxies (or a compositor) never take turns replacing each
 * other's socket; wire_unix_listen then replaces only a stale socket and
 * leaves anything else at the path alone. */
static bool listen_socket(struct listener *l, const char *name)
{
	const char *dir = getenv("XDG_RUNTIME_DIR");
	if (name[0] != '/' && (!dir || !*dir)) {
		fprintf(stderr, "gpupipe-proxy: XDG_RUNTIME_DIR is not set\n");
		return false;
	}
	int n = name[0] == '/' ? snprintf(l->path, sizeof(l->path), "%s", name)
	                       : snprintf(l->path, sizeof(l->path), "%s/%s", dir, name);
	if (n < 0 || (size_t)n >= sizeof(l->path)) {
		fprintf(stderr, "gpupipe-proxy: socket path for '%s' is too long\n", name);
		return false;
	}
	snprintf(l->lock_path, sizeof(l->lock_path), "%s.lock", l->path);
	l->lock_fd = open(l->lock_path, O_CREAT | O_CLOEXEC | O_RDWR, 0640);
	if (l->lock_fd < 0) {
		fprintf(stderr, "gpupipe-proxy: cannot open the lock file %s: %s\n", l->lock_path,
		        strerror(errno));
		return false;
	}
	if (flock(l->lock_fd, LOCK_EX | LOCK_NB) < 0) {
		fprintf(stderr, "gpupipe-proxy: %s is in use by another compositor or proxy\n",
		        l->path);
		return false;
	}
	struct wire_addr_error err;
	l->fd = wire_unix_listen(l->path, 128, &err);
	if (l->fd < 0) {
		fprintf(stderr, "gpupipe-proxy: %s\n", err.text);
		return false;
	}
	return true;
}

/* An app's process ends with the proxy: a proxy that is gone serves no
 * app, and a restarted one is alone on its socket. The parent-death
 * signal is SIGHUP, blocked here so that px_client_run takes it in its
 * event loop, whenever it comes, and tells the app why it ends. */
static void end_with_parent(pid_t parent)
{
	sigset_t hup;
	sigemptyset(&hup);
	sigaddset(&hup, SIGHUP);
	sigprocmask(SIG_BLOCK, &hup, NULL);
	signal(SIGHUP, SIG_DFL);
	if (prctl(PR_SET_PDEATHSIG, SIGHUP) < 0)
		gp_log(WARN, "PR_SET_PDEATHSIG: %s", strerror(errno));
	/* The parent may have died before prctl: then nobody sends it. */
	if (getppid() != parent)
		raise(SIGHUP);
}

/* The apps' processes, for SIGUSR1 to reach each one (and no link command an exec: address
 * started: qrexec-client-vm would die of it). Changed only with SIGUSR1 and SIGCHLD blocked;
 * a slot of 0 is free. */
static pid_t *apps;
static size_t n_apps;

static void forget_app(pid_t pid)
{
	for (size_t i = 0; i < n_apps; i++) {
		if (apps[i] == pid)
			apps[i] = 0;
	}
}

static void remember_app(pid_t pid)
{
	for (size_t i = 0; i < n_apps; i++) {
		if (apps[i] == 0) {
			apps[i] = pid;
			return;
		}
	}
	pid_t *more = realloc(apps, (n_apps + 16) * sizeof(*apps));
	if (!more) {
		gp_log(WARN, "out of memory: SIGUSR1 will not reach app process %d", (int)pid);
		return;
	}
	apps = more;
	memset(apps + n_apps, 0, 16 * sizeof(*apps));
	apps[n_apps] = pid;
	n_apps += 16;
}

/* SIGUSR1: each app's process logs its figures so far (stats.c). */
static void forward_to_apps(int sig)
{
	int saved = errno;
	for (size_t i = 0; i < n_apps; i++) {
		if (apps[i] > 0)
			kill(apps[i], sig);
	}
	errno = saved;
}

static void serve_client(const struct listener *l, pid_t parent, int app_fd,
                         const struct px_options *options)
{
	/* The flock stays with the parent alone: closing this copy of the
	 * descriptor does not release it (LOCK_UN would). */
	close(l->fd);
	close(l->lock_fd);
	/* The parent's handlers are not the app's; the signals blocked across the fork come
	 * once they are gone, but SIGUSR1, which stays blocked until the app's event loop
	 * takes it (stats.c). */
	signal(SIGTERM, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	signal(SIGUSR1, SIG_DFL);
	signal(SIGCHLD, SIG_DFL);
	sigset_t unblock;
	sigemptyset(&unblock);
	sigaddset(&unblock, SIGCHLD);
	sigaddset(&unblock, SIGTERM);
	sigaddset(&unblock, SIGINT);
	sigprocmask(SIG_UNBLOCK, &unblock, NULL);
	char name[64];
	snprintf(name, sizeof(name), "gpupipe-proxy[%d]", (int)getpid());
	gp_log_set_prog(name);
	end_with_parent(parent);
	_exit(px_client_run(app_fd, options));
}

static void accept_loop(struct listener *l, const struct px_options *options)
{
	pid_t self = getpid();
	for (;;) {
		int fd = accept4(l->fd, NULL, NULL, SOCK_CLOEXEC);
		if (fd < 0) {
			if (errno != EINTR && errno != ECONNABORTED)
				gp_log(ERROR, "accept: %s", strerror(errno));
			continue;
		}
		/* Blocked across the fork: the child keeps SIGUSR1 blocked until its loop takes
		 * it, no SIGCHLD forgets the child before it is remembered, and no SIGTERM runs
		 * the parent's handler in the child (it would remove the parent's socket). */
		sigset_t block, old;
		sigemptyset(&block);
		sigaddset(&block, SIGUSR1);
		sigaddset(&block, SIGCHLD);
		sigaddset(&block, SIGTERM);
		sigaddset(&block, SIGINT);
		sigprocmask(SIG_BLOCK, &block, &old);
		pid_t pid = fork();
		if (pid == 0)
			serve_client(l, self, fd, options);
		if (pid > 0)
			remember_app(pid);
		sigprocmask(SIG_SETMASK, &old, NULL);
		if (pid < 0)
			gp_log(ERROR, "fork: %s", strerror(errno));
		else
			gp_log(INFO, "app client served by process %d", (int)pid);
		close(fd);
	}
}

static void reap_children(int sig)
{
	int saved = errno;
	pid_t pid;
	while ((pid = waitpid(-1, NULL, WNOHANG)) > 0)
		forget_app(pid);
	errno = saved;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
	        {"socket", required_argument, NULL, 's'},
	        {"connect", required_argument, NULL, 'c'},
	        {"no-fd-passing", no_argument, NULL, 'N'},
	        {"stats", no_argument, NULL, 'S'},
	        {"verbose", no_argument, NULL, 'v'},
	        {"help", no_argument, NULL, 'h'},
	        {"version", no_argument, NULL, 'V'},
	        {0},
	};
	const char *socket_name = "gpu-0";
	char default_addr[4096];
	struct px_options options = {0};
	int verbose = 0, c;
	while ((c = getopt_long(argc, argv, "s:c:vh", opts, NULL)) != -1) {
		switch (c) {
		case 's':
			socket_name = optarg;
			break;
		case 'c':
			options.connect_addr = optarg;
			break;
		case 'N':
			options.no_fd_passing = true;
			break;
		case 'S':
			options.stats = true;
			break;
		case 'v':
			verbose++;
			break;
		case 'h':
			fputs(usage, stdout);
			return 0;
		case 'V':
			gp_print_version(stdout, "gpupipe-proxy", GLES_CODEC_ID);
			return 0;
		default:
			fputs(usage, stderr);
			return 2;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "gpupipe-proxy: unexpected argument '%s'\n\n%s", argv[optind],
		        usage);
		return 2;
	}
	gp_log_init("gpupipe-proxy", verbose);
	if (!options.connect_addr) {
		const char *dir = getenv("XDG_RUNTIME_DIR");
		if (!dir) {
			fprintf(stderr,
			        "gpupipe-proxy: XDG_RUNTIME_DIR is not set; give --connect\n");
			return 2;
		}
		snprintf(default_addr, sizeof(default_addr), "unix:%s/gpupipe-host.sock", dir);
		options.connect_addr = default_addr;
	}
	/* Every app would fail on a bad address: say so now, once. */
	struct wire_addr_error err;
	if (!wire_addr_check(options.connect_addr, false, &err)) {
		fprintf(stderr, "gpupipe-proxy: --connect: %s\n", err.text);
		return 2;
	}

	/* Each handler blocks the other: one reads the apps' pids, the other forgets them.
	 * Before the socket: a SIGUSR1 then must not end the proxy. */
	struct sigaction chld = {.sa_handler = reap_children,
	                         .sa_flags = SA_RESTART | SA_NOCLDSTOP};
	sigemptyset(&chld.sa_mask);
	sigaddset(&chld.sa_mask, SIGUSR1);
	sigaction(SIGCHLD, &chld, NULL);
	struct sigaction usr = {.sa_handler = forward_to_apps, .sa_flags = SA_RESTART};
	sigemptyset(&usr.sa_mask);
	sigaddset(&usr.sa_mask, SIGCHLD);
	sigaction(SIGUSR1, &usr, NULL);
	signal(SIGPIPE, SIG_IGN);

	struct listener l = {.fd = -1, .lock_fd = -1};
	if (!listen_socket(&l, socket_name))
		return 1;
	active = &l;
	struct sigaction sa = {.sa_handler = on_signal};
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);

	gp_log(INFO, "serving %s, links to %s", l.path, options.connect_addr);
	accept_loop(&l, &options);
}
