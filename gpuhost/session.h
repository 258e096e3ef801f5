/*
 * One link, served by its own gpupipe-host process: the link to the proxy
 * (hostile: every byte checked), a Wayland connection to the host
 * compositor (trusted), and the app's objects re-created there.
 *
 * App object ids are used unchanged on the compositor connection: the
 * session is the compositor's only client on that connection, so the app's
 * id space is exactly the one the compositor expects, and no id is ever
 * translated. The session's job is to refuse what the compositor must not
 * see (unknown objects, wrong types, globals outside the allow-list) and to
 * turn link resources into fds and back.
 */
#ifndef GH_SESSION_H
#define GH_SESSION_H

#include <stdbool.h>
#include <stdint.h>
#include <wayland-server-core.h>

#include <gpupipe/conn.h>
#include <gpupipe/pipes.h>
#include <gpupipe/wl-objects.h>

#include "sandbox/sandbox.h"
#include "stats.h"

struct gh_gl;

struct gh_options {
	const char *label;     /* NULL: no label */
	bool allow_clipboard;  /* advertise data device globals */
	bool gl;               /* advertise gpupipe_v1 and run GL streams */
	unsigned gl_apis;      /* enum gh_gl_offer: what GL streams may ask beside ES 2-3 */
	bool stats;            /* a line of the link's figures every second (stats.h) */
	bool no_shared_memory; /* never grant WIRE_FEATURE_FD_PASSING */
	/* --shader-cache DIR (NULL: none): Mesa's cache in DIR (--stdio), or in DIR/uid-N per
	 * unix peer (a listener's links: shader_cache_per_uid). shader-cache.h. */
	const char *shader_cache;
	bool shader_cache_per_uid;
	/* --peer-boot ID (--stdio only; NULL: none): the peer's boot, as it says. Its cache is
	 * DIR/boot-ID, and its earlier boots' directories in DIR are removed. shader-cache.h. */
	const char *shader_cache_boot;
	/* Per-link quotas (gpupipe-host --quota-*; README "Security model");
	 * 0 stands for the default of each. */
	uint64_t quota_gl_memory;    /* bytes: gh_gl_limits.memory */
	uint64_t quota_gl_names;     /* gh_gl_limits.names */
	uint64_t quota_frame_memory; /* bytes: gh_gl_limits.frame_memory */
	uint64_t quota_queued;       /* bytes: see GH_DEFAULT_QUEUED_BYTES */
	uint32_t setup_timeout_ms;   /* GH_FIRST_REQUEST_TIMEOUT_MS if 0 */
	struct gh_sandbox sandbox;   /* entered once the session is set up */
};

/* Bytes queued toward one side (GL replies and Wayland events toward the
 * proxy, requests toward the compositor) above which the link is no
 * longer read, nor its already received frames run, until the queue
 * drains to half; the compositor is not read either while the proxy's
 * queue is over it. So an app that never reads its replies stalls itself
 * and costs the host this much, not what it sends. */
#define GH_DEFAULT_QUEUED_BYTES (16u << 20)

struct gh_session {
	const struct gh_options *options;
	struct wl_event_loop *loop;
	struct wire_conn link;       /* to gpupipe-proxy: hostile */
	struct wire_conn compositor; /* to the host compositor */
	struct wire_object_map objects;
	uint64_t features; /* accepted in the handshake */
	bool fd_probed;    /* WIRE_FD_PROBE came (with its fd or not) */
	bool hello_received;
	struct wl_list globals;              /* gh_global.link: what we advertised */
	struct wl_list shm_regions;          /* gh_shm_region.link: proxy-announced */
	uint64_t shm_total;                  /* bytes in shm_regions */
	uint32_t next_handle;                /* fd handles we announce (keymaps) */
	struct wire_pipes pipes;             /* clipboard transfers, if allowed */
	struct wl_event_source *hello_timer; /* then: the first Wayland request's */
	bool first_request;                  /* a Wayland request came */
	size_t queue_bound;                  /* bytes: options->quota_queued */
	uint32_t frame_done; /* bytes of the first WIRE_GL frame already run (paused) */
	struct gh_stats stats;
	/* Compositor globals the host itself binds for GL frames (0: none). */
	uint32_t shm_name, dmabuf_name, dmabuf_version;
	struct gh_gl *gl;     /* the GL executor, set up with the session; NULL without GL */
	bool gl_bound;        /* the app has bound gpupipe_v1 (GL frames allowed from then on) */
	bool gl_binding;      /* a gpupipe_v1 object of the app is alive now */
	uint32_t gl_memories; /* live gpupipe_memory_v1 objects */
	bool done;
	int exit_status;
};

/* A peer that has not said hello by then is not a gpupipe-proxy. */
#define GH_HELLO_TIMEOUT_MS 10000
/* Nor one that said hello and sends no Wayland request by then (from the
 * hello; --setup-timeout): an app's library asks for the registry right
 * after connecting, so only a link that does nothing at all is ended (it
 * would hold a --max-links slot). After its first request a link may stay
 * idle for ever, as an idle app does. */
#define GH_FIRST_REQUEST_TIMEOUT_MS 30000

/* ---- session-run.c: a link process's life ---- */

/* Serves one link until it ends; takes the fds (in == out for sockets).
 * Connects to $WAYLAND_DISPLAY, then gh_session_init, the event loop until
 * the session is done, gh_session_finish. */
int gh_session_run(int link_in, int link_out, const struct gh_options *options);

/* The steps of gh_session_run, for a caller that runs s->loop itself (the
 * fuzz harness in tests/fuzz/, with a compositor stand-in). Init takes the
 * link fds and the compositor's connected socket, even when it fails
 * (compositor_fd < 0: the compositor could not be reached, which the link
 * is told); the session is served while s->loop is dispatched, until
 * s->done. Finish frees everything, and must follow every init. */
bool gh_session_init(struct gh_session *s, int link_in, int link_out, int compositor_fd,
                     const struct gh_options *options);
void gh_session_finish(struct gh_session *s);

/* ---- session.c: what every part may do to the session ---- */

/* Ends the link because of what the peer did (error) or because a side
 * went away. An error is logged with the reason and sent to the proxy in
 * WIRE_CLOSE; nothing outside this process is affected. */
void gh_session_fail(struct gh_session *s, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));
void gh_session_end(struct gh_session *s, const char *why);
/* Whether the link may carry fds (WIRE_FEATURE_FD_PASSING): a unix socket,
 * GL on, and no --no-shared-memory. */
bool gh_session_link_passes_fds(const struct gh_session *s);
/* True while a queue is over the bound: no more link frames are run. */
bool gh_session_congested(const struct gh_session *s);
/* Stops reading the link or the compositor where a queue is over the
 * bound (logged at debug level). */
void gh_session_throttle(struct gh_session *s);
/* Clipboard transfers from the compositor, which wait while the link queues more than
 * the bound, go on once it is down to half. */
void gh_session_resume_pipes(struct gh_session *s);

/* ---- the dispatchers, which session-run.c calls ---- */

/* requests.c: link -> compositor. Runs the frames received, up to the
 * queue bound (gh_session_congested). */
void gh_link_process(struct gh_session *s);
/* events.c: compositor -> link. */
void gh_compositor_process(struct gh_session *s);

#endif
