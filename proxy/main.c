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
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gpupipe/log.h>

#include "client.h"

static const char usage[] =
        "Usage: gpupipe-proxy [OPTIONS]\n"
        "\n"
        "Serves Wayland apps in this VM on a socket and forwards each one over its\n"
        "own link to gpupipe-host in the GPU domain, where its windows appear.\n"
        "\n"
        "  -s, --socket NAME     socket name in $XDG_RUNTIME_DIR (default gpu-0);\n"
        "                        run apps with WAYLAND_DISPLAY=NAME\n"
        "  -c, --connect ADDR    where gpupipe-host listens, one link per app:\n"
        "                          unix:PATH        (default "
        "unix:$XDG_RUNTIME_DIR/gpupipe-host.sock)\n"
        "                          tcp:HOST:PORT\n"
        "                          vsock:CID:PORT\n"
        "                          exec:COMMAND     run COMMAND per app, its stdin/stdout\n"
        "                                           is the link (e.g. exec:qrexec-client-vm\n"
        "                                           sys-gui-gpu gpupipe.Link)\n"
        "      --no-fd-passing   never pass fds on the link (the default and only mode\n"
        "                        of link version 1: shm is always copied)\n"
        "  -v, --verbose         more log output (repeat for debug); or GPUPIPE_LOG=\n"
        "                        error|warn|info|debug\n"
        "  -h, --help            this text\n"
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
 * a stale socket is replaced and a live one is never stolen. */
static bool listen_socket(struct listener *l, const char *name)
{
	const char *dir = getenv("XDG_RUNTIME_DIR");
	if (!dir || !*dir) {
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
	if (l->lock_fd < 0 || flock(l->lock_fd, LOCK_EX | LOCK_NB) < 0) {
		fprintf(stderr, "gpupipe-proxy: %s is in use by another compositor or proxy\n",
		        l->path);
		return false;
	}
	unlink(l->path);
	struct sockaddr_un sun = {.sun_family = AF_UNIX};
	memcpy(sun.sun_path, l->path, strlen(l->path) + 1);
	l->fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (l->fd < 0 || bind(l->fd, (struct sockaddr *)&sun, sizeof(sun)) < 0 ||
	    listen(l->fd, 128) < 0) {
		fprintf(stderr, "gpupipe-proxy: cannot listen on %s: %s\n", l->path,
		        strerror(errno));
		return false;
	}
	return true;
}

static void serve_client(int listen_fd, int app_fd, const struct px_options *options)
{
	close(listen_fd);
	signal(SIGTERM, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	char name[64];
	snprintf(name, sizeof(name), "gpupipe-proxy[%d]", (int)getpid());
	gp_log_set_prog(name);
	_exit(px_client_run(app_fd, options));
}

static void accept_loop(struct listener *l, const struct px_options *options)
{
	for (;;) {
		int fd = accept4(l->fd, NULL, NULL, SOCK_CLOEXEC);
		if (fd < 0) {
			if (errno != EINTR && errno != ECONNABORTED)
				gp_log(ERROR, "accept: %s", strerror(errno));
			continue;
		}
		pid_t pid = fork();
		if (pid == 0)
			serve_client(l->fd, fd, options);
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
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
	errno = saved;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
	        {"socket", required_argument, NULL, 's'},
	        {"connect", required_argument, NULL, 'c'},
	        {"no-fd-passing", no_argument, NULL, 'N'},
	        {"verbose", no_argument, NULL, 'v'},
	        {"help", no_argument, NULL, 'h'},
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
			/* Accepted for scripts: link version 1 always copies. */
			break;
		case 'v':
			verbose++;
			break;
		case 'h':
			fputs(usage, stdout);
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

	struct listener l = {.fd = -1, .lock_fd = -1};
	if (!listen_socket(&l, socket_name))
		return 1;
	active = &l;
	struct sigaction sa = {.sa_handler = on_signal};
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	struct sigaction chld = {.sa_handler = reap_children,
	                         .sa_flags = SA_RESTART | SA_NOCLDSTOP};
	sigaction(SIGCHLD, &chld, NULL);
	signal(SIGPIPE, SIG_IGN);

	gp_log(INFO, "serving %s, links to %s", l.path, options.connect_addr);
	accept_loop(&l, &options);
}
