/*
 * gpupipe-host: the GPU domain's half. Parses its options and hands over
 * to the listener (listener.c: one forked, sandboxed process per link) or,
 * with --stdio, serves one link itself (stdio-link.c).
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gpupipe/link.h>
#include <gpupipe/log.h>
#include <gpupipe/version.h>

#include "compositor.h"
#include "egl/host-egl.h"
#include "gl/gl.h"
#include "gles-codec.h"
#include "listener.h"
#include "session.h"
#include "shader-cache.h"
#include "stdio-link.h"

static const char usage[] =
        "Usage: gpupipe-host [OPTIONS]\n"
        "\n"
        "Shows the windows of apps in another VM on this domain's Wayland compositor\n"
        "($WAYLAND_DISPLAY). Each link from gpupipe-proxy is one app, served by its\n"
        "own process, which enters a sandbox before it reads the app's first byte;\n"
        "everything the app side sends is checked before use. It exits (status 1)\n"
        "when the compositor does not answer at start-up, and when it goes away.\n"
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
        "      --no-gl           do not offer GL rendering (apps then render on their\n"
        "                        own CPU); GPUPIPE_RENDER_NODE=/dev/dri/renderD128\n"
        "                        picks the GPU, =none renders without one\n"
        "      --no-shared-memory\n"
        "                        on unix: links too, take uploads through the link\n"
        "                        like other links; by default the EGL library puts\n"
        "                        big uploads (textures, buffer data, client arrays)\n"
        "                        in memory it shares with the link process (man\n"
        "                        gpupipe-host, SHARED MEMORY)\n"
        "      --gl-apis LIST    the OpenGL APIs offered beside OpenGL ES 2.0-3.2,\n"
        "                        comma-separated: es1, core (desktop core profile),\n"
        "                        compat (compatibility profile: immediate mode,\n"
        "                        display lists), or none (default es1,core,compat,\n"
        "                        each as far as this domain's driver has it). Apps\n"
        "                        asking for one left out render on their own CPU,\n"
        "                        as without gpupipe, and that part of the GPU driver\n"
        "                        stays out of their reach\n"
        "      --shader-cache DIR\n"
        "                        keep Mesa's shader cache in DIR, one directory per\n"
        "                        peer: uid-N for a unix link's peer (TCP and vsock\n"
        "                        links get none), DIR itself with --stdio (which must\n"
        "                        then be one peer's alone). Off by default: each link\n"
        "                        compiles every shader afresh. A peer's entries reach\n"
        "                        only its own later links (man gpupipe-host)\n"
        "      --peer-boot ID    with --stdio and --shader-cache: the peer's boot id\n"
        "                        (its /proc/sys/kernel/random/boot_id); its cache is\n"
        "                        DIR/boot-ID and its earlier boots' are removed, so a\n"
        "                        later qube given the same name never reads them (the\n"
        "                        installed qrexec service passes it)\n"
        "      --stats           log each link's figures every second: frames per\n"
        "                        second and, per frame, link bytes each way (GL,\n"
        "                        Wayland, shm), GL writes, commands and round trips,\n"
        "                        syncs, bytes the host copied, swap time (man\n"
        "                        gpupipe-host, STATISTICS); each link logs its totals\n"
        "                        when it ends. With or without it: SIGUSR1 to\n"
        "                        gpupipe-host logs each link's figures so far (the\n"
        "                        end's totals without it only at info: -v)\n"
        "  -v, --verbose         more log output (repeat for debug); or GPUPIPE_LOG=\n"
        "                        error|warn|info|debug\n"
        "  -h, --help            this text\n"
        "      --version         the release, and the link, GL stream and GL codec\n"
        "                        versions it speaks (both sides of a link must match)\n"
        "\n"
        "Links, so that no peer can keep the others out:\n"
        "      --max-links N     refuse links past N at once (default 64)\n"
        "      --max-links-per-peer N\n"
        "                        refuse links past N at once from one peer: a unix\n"
        "                        peer is its uid, a TCP peer its address (its /64 for\n"
        "                        IPv6), a vsock peer its CID (default: half of\n"
        "                        --max-links); the peer is told why\n"
        "      --setup-timeout S close a link that sends no Wayland request within S\n"
        "                        seconds of its hello (default 30; the hello itself\n"
        "                        must come within 10): a link that only holds a slot.\n"
        "                        Once it has sent one, an idle app keeps its link\n"
        "\n"
        "The sandbox of each link process (README, \"Security model\"):\n"
        "      --sandbox-user NAME\n"
        "                        when started as root, link processes run as NAME\n"
        "                        (default nobody; a dedicated user is better)\n"
        "      --sandbox-memory GIB\n"
        "                        address space of each link process, in GiB (default\n"
        "                        16; 0: unlimited): memory a link process can map,\n"
        "                        even a compromised one\n"
        "      --no-sandbox      DEBUGGING ONLY: link processes keep every privilege\n"
        "                        of gpupipe-host, so a compromised app or GPU driver\n"
        "                        reaches all of this domain\n"
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
        "Example (qrexec service /etc/qubes-rpc/gpupipe.Link, called as\n"
        "gpupipe.Link+BOOT_ID; the installed one checks BOOT_ID first and runs\n"
        "without the cache when there is none):\n"
        "  exec gpupipe-host --stdio --label \"$QREXEC_REMOTE_DOMAIN\" \\\n"
        "      --shader-cache \"$HOME/.cache/gpupipe/shaders/$QREXEC_REMOTE_DOMAIN\" \\\n"
        "      --peer-boot \"$QREXEC_SERVICE_ARGUMENT\"\n";

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

/* --gl-apis LIST: enum gh_gl_offer bits; false (with a message) if LIST
 * names something else. */
static bool parse_gl_apis(const char *list, unsigned *out)
{
	static const struct {
		const char *name;
		unsigned bit;
	} apis[] = {
	        {"es1", GH_GL_OFFER_ES1},
	        {"core", GH_GL_OFFER_CORE},
	        {"compat", GH_GL_OFFER_COMPAT},
	};
	*out = 0;
	if (strcmp(list, "none") == 0)
		return true;
	for (const char *p = list;;) {
		size_t len = strcspn(p, ",");
		size_t i = 0;
		while (i < sizeof(apis) / sizeof(apis[0]) &&
		       (strlen(apis[i].name) != len || strncmp(p, apis[i].name, len) != 0))
			i++;
		if (i == sizeof(apis) / sizeof(apis[0])) {
			fprintf(stderr,
			        "gpupipe-host: --gl-apis takes es1, core and compat, "
			        "comma-separated, "
			        "or none; not \"%.*s\"\n",
			        (int)len, p);
			return false;
		}
		*out |= apis[i].bit;
		if (!p[len])
			return true;
		p += len + 1;
	}
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
	        {"no-shared-memory", no_argument, NULL, 'H'},
	        {"gl-apis", required_argument, NULL, 'A'},
	        {"stats", no_argument, NULL, 's'},
	        {"shader-cache", required_argument, NULL, 'K'},
	        {"peer-boot", required_argument, NULL, 'B'},
	        {"sandbox-user", required_argument, NULL, 'u'},
	        {"sandbox-memory", required_argument, NULL, 'm'},
	        {"no-sandbox", no_argument, NULL, 'n'},
	        {"verbose", no_argument, NULL, 'v'},
	        {"help", no_argument, NULL, 'h'},
	        {"version", no_argument, NULL, 'V'},
	        {0},
	};
	struct gh_options options = {.gl = true, .gl_apis = GH_GL_OFFER_ALL};
	const char *listen_addr = NULL, *sandbox_user = NULL;
	bool stdio = false, sandbox = true;
	int verbose = 0, c;
	long sandbox_memory = GH_SANDBOX_DEFAULT_MEMORY_GIB;
	struct gh_listener_limits lim = {.max_links = 64, .per_peer = 0};
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
		case 'H':
			options.no_shared_memory = true;
			break;
		case 's':
			options.stats = true;
			break;
		case 'K':
			if (optarg[0] != '/') {
				fprintf(stderr,
				        "gpupipe-host: --shader-cache takes an absolute path, "
				        "not %s\n",
				        optarg);
				return 2;
			}
			options.shader_cache = optarg;
			break;
		case 'B':
			if (!gh_shader_cache_boot_ok(optarg)) {
				fprintf(stderr,
				        "gpupipe-host: --peer-boot takes a boot id as "
				        "/proc/sys/kernel/random/boot_id gives it (36 characters: "
				        "lower-case hex and dashes), not '%s'\n",
				        optarg);
				return 2;
			}
			options.shader_cache_boot = optarg;
			break;
		case 'A':
			if (!parse_gl_apis(optarg, &options.gl_apis))
				return 2;
			break;
		case 'u':
			sandbox_user = optarg;
			break;
		case 'n':
			sandbox = false;
			break;
		case 'm':
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
		case 'V':
			gp_print_version(stdout, "gpupipe-host", GLES_CODEC_ID);
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
	/* A listener tells its peers apart by uid; a --stdio link's caller names the peer's
	 * directory itself (shader-cache.c). */
	options.shader_cache_per_uid = !stdio;
	if (options.shader_cache_boot && (!stdio || !options.shader_cache)) {
		fprintf(stderr, "gpupipe-host: --peer-boot goes with --stdio and --shader-cache "
		                "(it names one boot of the peer whose cache that is)\n");
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
		return gh_stdio_link_run(&options);

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
	if (options.gl && !gh_egl_preload()) {
		gp_log(WARN, "the host's EGL cannot render GLES: apps are not offered GL and "
		             "render by themselves");
		options.gl = false;
	}
	return gh_listener_run(listen_addr, compositor_fd, &lim, &options);
}
