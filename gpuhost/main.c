/*
 * gpupipe-host: the GPU domain's half. Listens for links from gpupipe-proxy
 * and serves each in its own forked process, so a hostile or crashing app
 * takes down only its own link.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gpupipe/link.h>
#include <gpupipe/log.h>

#include "gl/gl.h"
#include "session.h"

static const char usage[] =
        "Usage: gpupipe-host [OPTIONS]\n"
        "\n"
        "Shows the windows of apps in another VM on this domain's Wayland compositor\n"
        "($WAYLAND_DISPLAY). Each link from gpupipe-proxy is one app, served by its\n"
        "own process; everything the app side sends is checked before use.\n"
        "\n"
        "  -l, --listen ADDR     accept links on ADDR (default\n"
        "                        unix:$XDG_RUNTIME_DIR/gpupipe-host.sock):\n"
        "                          unix:PATH  tcp:HOST:PORT  vsock:CID:PORT\n"
        "      --stdio           serve one link on stdin/stdout and exit (how a Qubes\n"
        "                        qrexec service runs it)\n"
        "  -L, --label NAME      show every window as \"[NAME] title\" and prefix its\n"
        "                        app_id with \"NAME.\"; the app cannot remove it\n"
        "      --allow-clipboard let the clipboard and primary selection cross\n"
        "                        (off by default: no silent clipboard between domains)\n"
        "      --max-links N     refuse links past N at once (default 64)\n"
        "      --max-links-per-peer N\n"
        "                        refuse links past N at once from one peer: a unix\n"
        "                        peer is its uid, a TCP peer its address (its /64 for\n"
        "                        IPv6), a vsock peer its CID (default: half of\n"
        "                        --max-links, so that one peer cannot keep the others\n"
        "                        out); the peer is told why\n"
        "      --setup-timeout S close a link that sends no Wayland request within S\n"
        "                        seconds of its hello (default 30; the hello itself\n"
        "                        must come within 10): a link that only holds a slot.\n"
        "                        Once it has sent one, an idle app keeps its link\n"
        "      --no-gl           do not offer GL rendering (apps then render on their\n"
        "                        own CPU); GPUPIPE_RENDER_NODE=/dev/dri/renderD128\n"
        "                        picks the GPU, =none renders without one\n"
        "  -v, --verbose         more log output (repeat for debug); or GPUPIPE_LOG=\n"
        "                        error|warn|info|debug\n"
        "  -h, --help            this text\n"
        "\n"
        "Quotas of each link, counted from what its app asks for, so that one app\n"
        "cannot exhaust this domain. SIZE is bytes, or a number with K, M or G\n"
        "(512M, 2G). The defaults are far above what real apps use:\n"
        "      --quota-gl-memory SIZE\n"
        "                        GL buffers, textures, renderbuffers, EGL surfaces and\n"
        "                        images one app may hold (default 1G). Past it the\n"
        "                        driver is not asked and the app gets GL_OUT_OF_MEMORY\n"
        "                        (EGL_BAD_ALLOC), as from a full GPU: it goes on\n"
        "      --quota-gl-names N\n"
        "                        live GL object names of one app (default 65536);\n"
        "                        past it the link ends\n"
        "      --quota-frame-memory SIZE\n"
        "                        frame buffers one app shows on the compositor\n"
        "                        (default 2G: several 8K windows); past it the link\n"
        "                        ends\n"
        "      --quota-queued SIZE\n"
        "                        GL replies and Wayland events waiting for the proxy\n"
        "                        to read them (default 16M); past it the link is not\n"
        "                        read until they drain, so an app that never reads\n"
        "                        stalls only itself\n"
        "A refusal is logged with the option's name.\n"
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

/* Who holds each live link, for --max-links-per-peer: written by the
 * accept loop with SIGCHLD blocked, a slot freed (pid 0) by the handler. */
struct link_slot {
	volatile pid_t pid; /* 0: free */
	struct wire_peer peer;
};
static struct link_slot *slots;
static int n_slots;

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
static void refuse(int fd, const char *reason)
{
	size_t n = strnlen(reason, WIRE_MAX_REASON);
	struct wire_header hdr = {.size = (uint32_t)n, .type = WIRE_CLOSE};
	struct iovec iov[2] = {{&hdr, sizeof(hdr)}, {(void *)reason, n}};
	struct msghdr msg = {.msg_iov = iov, .msg_iovlen = 2};
	(void)!sendmsg(fd, &msg, MSG_NOSIGNAL | MSG_DONTWAIT);
	close(fd);
}

static void serve_link(int listen_fd, int fd, const struct gh_options *options)
{
	close(listen_fd);
	signal(SIGTERM, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	signal(SIGCHLD, SIG_DFL);
	/* admit() forked us with SIGCHLD blocked. */
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	char name[64];
	snprintf(name, sizeof(name), "gpupipe-host[%d]", (int)getpid());
	gp_log_set_prog(name);
	_exit(gh_session_run(fd, fd, options));
}

struct limits {
	int max_links, per_peer;
};

static int links_of(const struct wire_peer *peer)
{
	int n = 0;
	for (int i = 0; i < n_slots; i++)
		n += slots[i].pid && strcmp(slots[i].peer.text, peer->text) == 0;
	return n;
}

/* Forks the link's process unless a limit says no (SIGCHLD blocked). */
static void admit(int lfd, int fd, const struct limits *lim, const struct gh_options *options)
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
	pid_t pid = fork();
	if (pid == 0)
		serve_link(lfd, fd, options);
	if (pid < 0) {
		gp_log(ERROR, "fork: %s", strerror(errno));
	} else {
		live_links++;
		for (int i = 0; i < n_slots; i++) {
			if (!slots[i].pid) {
				slots[i].peer = peer;
				slots[i].pid = pid;
				break;
			}
		}
		gp_log(INFO, "link served by process %d (peer %s)", (int)pid, peer.text);
	}
	close(fd);
}

static int listen_loop(const char *addr, const struct limits *lim, const struct gh_options *options)
{
	n_slots = lim->max_links;
	slots = calloc((size_t)n_slots, sizeof(*slots));
	if (!slots) {
		fprintf(stderr, "gpupipe-host: out of memory\n");
		return 1;
	}
	struct wire_addr_error err;
	int lfd = wire_addr_listen(addr, &err);
	if (lfd < 0) {
		fprintf(stderr, "gpupipe-host: %s\n", err.text);
		return 1;
	}
	gp_log(INFO, "listening on %s", addr);
	if (wire_addr_is_unix(addr))
		snprintf(socket_path, sizeof(socket_path), "%s", addr + 5);
	for (;;) {
		int fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);
		if (fd < 0) {
			if (errno != EINTR && errno != ECONNABORTED)
				gp_log(ERROR, "accept: %s", strerror(errno));
			continue;
		}
		sigset_t chld, old;
		sigemptyset(&chld);
		sigaddset(&chld, SIGCHLD);
		sigprocmask(SIG_BLOCK, &chld, &old);
		admit(lfd, fd, lim, options);
		sigprocmask(SIG_SETMASK, &old, NULL);
	}
}

/* SIZE: digits, then K, M or G (powers of 1024); false if it is not one. */
static bool parse_size(const char *text, uint64_t *out)
{
	char *end;
	errno = 0;
	if (*text < '0' || *text > '9')
		return false;
	uint64_t v = strtoull(text, &end, 10);
	unsigned shift = 0;
	if (*end == 'K' || *end == 'k')
		shift = 10, end++;
	else if (*end == 'M' || *end == 'm')
		shift = 20, end++;
	else if (*end == 'G' || *end == 'g')
		shift = 30, end++;
	if (errno || *end || v > (UINT64_MAX >> shift))
		return false;
	*out = v << shift;
	return true;
}

/* The --quota-* options: each within a range that leaves real apps
 * working at the low end and means something at the high end. */
static bool quota_option(int c, const char *arg, struct gh_options *o)
{
	static const struct {
		int c;
		const char *name;
		uint64_t min, max;
		bool size;
	} q[] = {
	        {'Q', "--quota-gl-memory", 16ull << 20, 1ull << 40, true},
	        {'N', "--quota-gl-names", 1024, 1ull << 24, false},
	        {'F', "--quota-frame-memory", 16ull << 20, 1ull << 40, true},
	        {'U', "--quota-queued", 256ull << 10, 1ull << 30, true},
	};
	for (size_t i = 0; i < sizeof(q) / sizeof(q[0]); i++) {
		if (q[i].c != c)
			continue;
		uint64_t v;
		char *end;
		bool ok = q[i].size ? parse_size(arg, &v)
		                    : (*arg >= '0' && *arg <= '9' &&
		                       (v = strtoull(arg, &end, 10), !*end));
		if (!ok || v < q[i].min || v > q[i].max) {
			fprintf(stderr,
			        "gpupipe-host: %s takes %s%" PRIu64 " to %" PRIu64 "%s, not '%s'\n",
			        q[i].name, q[i].size ? "a size of " : "", q[i].min, q[i].max,
			        q[i].size ? " bytes (or with K, M, G)" : "", arg);
			return false;
		}
		uint64_t *field[] = {&o->quota_gl_memory, &o->quota_gl_names,
		                     &o->quota_frame_memory, &o->quota_queued};
		*field[i] = v;
		return true;
	}
	return false;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
	        {"listen", required_argument, NULL, 'l'},
	        {"stdio", no_argument, NULL, 'S'},
	        {"label", required_argument, NULL, 'L'},
	        {"allow-clipboard", no_argument, NULL, 'C'},
	        {"max-links", required_argument, NULL, 'M'},
	        {"max-links-per-peer", required_argument, NULL, 'P'},
	        {"quota-gl-memory", required_argument, NULL, 'Q'},
	        {"quota-gl-names", required_argument, NULL, 'N'},
	        {"quota-frame-memory", required_argument, NULL, 'F'},
	        {"quota-queued", required_argument, NULL, 'U'},
	        {"setup-timeout", required_argument, NULL, 'T'},
	        {"no-gl", no_argument, NULL, 'G'},
	        {"verbose", no_argument, NULL, 'v'},
	        {"help", no_argument, NULL, 'h'},
	        {0},
	};
	struct gh_options options = {.gl = true};
	const char *listen_addr = NULL;
	bool stdio = false;
	int verbose = 0, c;
	struct limits lim = {.max_links = 64, .per_peer = 0};
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
		case 'M':
			lim.max_links = (int)strtol(optarg, &end, 10);
			if (*end || lim.max_links < 1 || lim.max_links > 4096) {
				fprintf(stderr, "gpupipe-host: --max-links takes 1 to 4096\n");
				return 2;
			}
			break;
		case 'P':
			lim.per_peer = (int)strtol(optarg, &end, 10);
			if (*end || lim.per_peer < 1 || lim.per_peer > 4096) {
				fprintf(stderr,
				        "gpupipe-host: --max-links-per-peer takes 1 to 4096\n");
				return 2;
			}
			break;
		case 'T': {
			long sec = strtol(optarg, &end, 10);
			if (*end || end == optarg || sec < 1 || sec > 3600) {
				fprintf(stderr,
				        "gpupipe-host: --setup-timeout takes 1 to 3600 seconds\n");
				return 2;
			}
			options.setup_timeout_ms = (uint32_t)sec * 1000;
			break;
		}
		case 'Q':
		case 'N':
		case 'F':
		case 'U':
			if (!quota_option(c, optarg, &options))
				return 2;
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
	if (!lim.per_peer)
		lim.per_peer = lim.max_links > 1 ? lim.max_links / 2 : 1;
	if (lim.per_peer > lim.max_links) {
		fprintf(stderr, "gpupipe-host: --max-links-per-peer %d is over --max-links %d\n",
		        lim.per_peer, lim.max_links);
		return 2;
	}
	if (options.label && (!*options.label || strlen(options.label) > 64)) {
		fprintf(stderr, "gpupipe-host: --label must be 1 to 64 characters\n");
		return 2;
	}
	gp_log_init("gpupipe-host", verbose);
	signal(SIGPIPE, SIG_IGN);
	if (stdio)
		return gh_session_run(0, 1, &options);

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
	struct sigaction sa = {.sa_handler = on_signal};
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	struct sigaction chld = {.sa_handler = reap_children,
	                         .sa_flags = SA_RESTART | SA_NOCLDSTOP};
	sigaction(SIGCHLD, &chld, NULL);
	return listen_loop(listen_addr, &lim, &options);
}
