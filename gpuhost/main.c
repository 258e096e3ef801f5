/*
 * gpupipe-host: the GPU domain's half. Listens for links from gpupipe-proxy
 * and serves each in its own forked process, so a hostile or crashing app
 * takes down only its own link.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gpupipe/link.h>
#include <gpupipe/log.h>

#include "compositor.h"
#include "gl/gl.h"
#include "session.h"

static const char usage[] =
        "Usage: gpupipe-host [OPTIONS]\n"
        "\n"
        "Shows the windows of apps in another VM on this domain's Wayland compositor\n"
        "($WAYLAND_DISPLAY). Each link from gpupipe-proxy is one app, served by its\n"
        "own process; everything the app side sends is checked before use.\n"
        "It exits (status 1) when the compositor does not answer at start-up, and\n"
        "when the compositor goes away.\n"
        "\n"
        "  -l, --listen ADDR     accept links on ADDR (default\n"
        "                        unix:$XDG_RUNTIME_DIR/gpupipe-host.sock):\n"
        "                          unix:PATH  tcp:HOST:PORT  vsock:CID:PORT\n"
        "                        a bad ADDR exits with status 2; an existing file at\n"
        "                        PATH is never removed, only a stale socket (one\n"
        "                        nobody listens on) is replaced\n"
        "      --stdio           serve one link on stdin/stdout and exit (how a Qubes\n"
        "                        qrexec service runs it); both must be a pipe or a\n"
        "                        socket\n"
        "  -L, --label NAME      show every window as \"[NAME] title\" and prefix its\n"
        "                        app_id with \"NAME.\"; the app cannot remove it\n"
        "      --allow-clipboard let the clipboard and primary selection cross\n"
        "                        (off by default: no silent clipboard between domains)\n"
        "      --max-links N     refuse links past N at once (default 64)\n"
        "      --no-gl           do not offer GL rendering (apps then render on their\n"
        "                        own CPU); GPUPIPE_RENDER_NODE=/dev/dri/renderD128\n"
        "                        picks the GPU, =none renders without one\n"
        "      --sandbox-user NAME\n"
        "                        when started as root, link processes run as NAME\n"
        "                        (default nobody; a dedicated user is better)\n"
        "      --sandbox-memory GIB\n"
        "                        address space of each link process, in GiB (default\n"
        "                        16; 0: unlimited); what the kernel holds even a\n"
        "                        compromised link process to\n"
        "      --no-sandbox      DEBUGGING ONLY: link processes keep every privilege\n"
        "                        of gpupipe-host, so a compromised app or GPU driver\n"
        "                        reaches all of this domain\n"
        "  -v, --verbose         more log output (repeat for debug); or GPUPIPE_LOG=\n"
        "                        error|warn|info|debug\n"
        "  -h, --help            this text\n"
        "\n"
        "Example (qrexec service /etc/qubes-rpc/gpupipe.Link):\n"
        "  exec gpupipe-host --stdio --label \"$QREXEC_REMOTE_DOMAIN\"\n";

/* The unix socket to remove on SIGTERM/SIGINT; the handler cleans up and
 * exits itself, since a flag checked around a blocking accept() would miss
 * a signal that lands just before the call. */
static char socket_path[4096];
/* Link processes alive; a peer that opens links in a loop gets refused
 * past --max-links instead of forking the host to death. */
static volatile sig_atomic_t live_links;

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
		/* Async-signal-safe logging of how each link ended. */
		char line[96];
		int n = snprintf(line, sizeof(line), "gpupipe-host: link process %d exited (%d)\n",
		                 (int)pid, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		if (n > 0 && gp_log_enabled(GP_LOG_INFO))
			(void)!write(2, line, (size_t)n);
	}
	errno = saved;
}

/* Tells the peer why before closing; the socket is fresh, so the small
 * frame fits in its buffer and this never blocks. */
static void refuse(int fd, int max_links)
{
	char reason[96];
	int n = snprintf(reason, sizeof(reason), "gpupipe-host serves at most %d links at once",
	                 max_links);
	struct wire_header hdr = {.size = (uint32_t)n, .type = WIRE_CLOSE};
	struct iovec iov[2] = {{&hdr, sizeof(hdr)}, {reason, (size_t)n}};
	struct msghdr msg = {.msg_iov = iov, .msg_iovlen = 2};
	(void)!sendmsg(fd, &msg, MSG_NOSIGNAL | MSG_DONTWAIT);
	close(fd);
}

static void serve_link(int listen_fd, int compositor_fd, int fd, const struct gh_options *options)
{
	close(listen_fd);
	close(compositor_fd);
	signal(SIGTERM, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	signal(SIGCHLD, SIG_DFL);
	char name[64];
	snprintf(name, sizeof(name), "gpupipe-host[%d]", (int)getpid());
	gp_log_set_prog(name);
	_exit(gh_session_run(fd, fd, options));
}

static void accept_link(int lfd, int compositor_fd, int max_links, const struct gh_options *options)
{
	int fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);
	if (fd < 0) {
		if (errno != EINTR && errno != ECONNABORTED && errno != EAGAIN)
			gp_log(ERROR, "accept: %s", strerror(errno));
		return;
	}
	if (live_links >= max_links) {
		gp_log(WARN, "refusing a link: %d links are open (--max-links)", max_links);
		refuse(fd, max_links);
		return;
	}
	pid_t pid = fork();
	if (pid == 0)
		serve_link(lfd, compositor_fd, fd, options);
	if (pid < 0) {
		gp_log(ERROR, "fork: %s", strerror(errno));
	} else {
		live_links++;
		gp_log(INFO, "link served by process %d", (int)pid);
	}
	close(fd);
}

/* Serves links until the compositor goes away: every link after that
 * could only fail. compositor_fd is the start-up check's connection, kept
 * open (and idle) to notice that. */
static int listen_loop(const char *addr, int compositor_fd, int max_links,
                       const struct gh_options *options)
{
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
		if (poll(pfd, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
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
			accept_link(lfd, compositor_fd, max_links, options);
	}
}

/* Tells the peer why it will not be served, in a CLOSE frame, before the
 * first byte of the link is read. stdout of --stdio is a fresh pipe or
 * socket, so a frame this small never blocks. */
static void tell_peer(int fd, const char *reason)
{
	size_t n = strnlen(reason, WIRE_MAX_REASON);
	struct wire_header hdr = {.size = (uint32_t)n, .type = WIRE_CLOSE};
	struct iovec iov[2] = {{&hdr, sizeof(hdr)}, {(void *)reason, n}};
	(void)!writev(fd, iov, 2);
}

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

static int serve_stdio(const struct gh_options *options)
{
	if (!stdio_usable(0, "stdin", O_RDONLY) || !stdio_usable(1, "stdout", O_WRONLY))
		return 1;
	struct gh_compositor_error cerr;
	int fd = gh_compositor_check(GH_COMPOSITOR_CHECK_MS, &cerr);
	if (fd < 0) {
		gp_log(ERROR, "cannot reach the compositor: %s", cerr.text);
		tell_peer(1, "gpupipe-host cannot reach its compositor");
		return 1;
	}
	/* The session makes its own connection, in which the app's ids are
	 * the only ones. */
	close(fd);
	return gh_session_run(0, 1, options);
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
	        {"listen", required_argument, NULL, 'l'},
	        {"stdio", no_argument, NULL, 'S'},
	        {"label", required_argument, NULL, 'L'},
	        {"allow-clipboard", no_argument, NULL, 'C'},
	        {"max-links", required_argument, NULL, 'M'},
	        {"no-gl", no_argument, NULL, 'G'},
	        {"sandbox-user", required_argument, NULL, 'U'},
	        {"no-sandbox", no_argument, NULL, 'N'},
	        {"sandbox-memory", required_argument, NULL, 'A'},
	        {"verbose", no_argument, NULL, 'v'},
	        {"help", no_argument, NULL, 'h'},
	        {0},
	};
	struct gh_options options = {.gl = true};
	const char *listen_addr = NULL, *sandbox_user = NULL;
	bool stdio = false, sandbox = true;
	int verbose = 0, c, max_links = 64;
	long sandbox_memory = GH_SANDBOX_DEFAULT_MEMORY_GIB;
	char *end;
	while ((c = getopt_long(argc, argv, "l:L:vh", opts, NULL)) != -1) {
		switch (c) {
		case 'l':
			listen_addr = optarg;
			break;
		case 'S':
			stdio = true;
			break;
		case 'L':
			options.label = optarg;
			break;
		case 'C':
			options.allow_clipboard = true;
			break;
		case 'G':
			options.gl = false;
			break;
		case 'U':
			sandbox_user = optarg;
			break;
		case 'N':
			sandbox = false;
			break;
		case 'A':
			sandbox_memory = strtol(optarg, &end, 10);
			if (*end || end == optarg || sandbox_memory < 0 ||
			    sandbox_memory > 1 << 20) {
				fprintf(stderr,
				        "gpupipe-host: --sandbox-memory takes 0 (no limit) to "
				        "1048576 GiB\n");
				return 2;
			}
			break;
		case 'M':
			max_links = (int)strtol(optarg, &end, 10);
			if (*end || max_links < 1 || max_links > 4096) {
				fprintf(stderr, "gpupipe-host: --max-links takes 1 to 4096\n");
				return 2;
			}
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
	if (optind < argc || (stdio && listen_addr)) {
		fprintf(stderr, "gpupipe-host: %s\n\n%s",
		        optind < argc ? "unexpected argument"
		                      : "--stdio and --listen exclude each other",
		        usage);
		return 2;
	}
	if (options.label && (!*options.label || strlen(options.label) > 64)) {
		fprintf(stderr, "gpupipe-host: --label must be 1 to 64 characters\n");
		return 2;
	}
	gp_log_init("gpupipe-host", verbose);
	char sandbox_err[256];
	if (!gh_sandbox_configure(&options.sandbox, sandbox, sandbox_user, (unsigned)sandbox_memory,
	                          sandbox_err, sizeof(sandbox_err))) {
		fprintf(stderr, "gpupipe-host: %s\n", sandbox_err);
		return 2;
	}
	if (!sandbox)
		gp_log(WARN, "--no-sandbox: link processes run UNCONFINED, with every privilege "
		             "of this process; use it only to debug");
	/* Mesa's shader cache would be written by every link into the home of
	 * whoever runs gpupipe-host, and read back by the next link: a channel
	 * between apps, and files steered by an app. Links compile afresh. */
	setenv("MESA_SHADER_CACHE_DISABLE", "true", 1);
	setenv("MESA_GLSL_CACHE_DISABLE", "true", 1);
	signal(SIGPIPE, SIG_IGN);
	if (stdio)
		return serve_stdio(&options);

	char default_addr[4096];
	if (!listen_addr) {
		const char *dir = getenv("XDG_RUNTIME_DIR");
		if (!dir) {
			fprintf(stderr,
			        "gpupipe-host: XDG_RUNTIME_DIR is not set; give --listen\n");
			return 2;
		}
		snprintf(default_addr, sizeof(default_addr), "unix:%s/gpupipe-host.sock", dir);
		listen_addr = default_addr;
	}
	struct wire_addr_error err;
	if (!wire_addr_check(listen_addr, true, &err)) {
		fprintf(stderr, "gpupipe-host: --listen: %s\n", err.text);
		return 2;
	}
	/* Without a compositor every link would fail: say so now, and keep
	 * the connection to notice when the compositor goes away. */
	struct gh_compositor_error cerr;
	int compositor_fd = gh_compositor_check(GH_COMPOSITOR_CHECK_MS, &cerr);
	if (compositor_fd < 0) {
		gp_log(ERROR, "cannot reach the compositor: %s", cerr.text);
		return 1;
	}
	if (options.gl && !gh_gl_preload()) {
		gp_log(WARN, "the host's EGL cannot render GLES: apps are not offered GL and "
		             "render by themselves");
		options.gl = false;
	}
	struct sigaction sa = {.sa_handler = on_signal};
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	struct sigaction chld = {.sa_handler = reap_children,
	                         .sa_flags = SA_RESTART | SA_NOCLDSTOP};
	sigaction(SIGCHLD, &chld, NULL);
	return listen_loop(listen_addr, compositor_fd, max_links, &options);
}
