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

struct gh_gl;

struct gh_options {
	const char *label;    /* NULL: no label */
	bool allow_clipboard; /* advertise data device globals */
	bool gl;              /* advertise gpupipe_v1 and run GL streams */
};

/* Above this many queued bytes toward one side, stop reading the other. */
#define GH_BACKPRESSURE_BYTES (16u << 20)

struct gh_session {
	const struct gh_options *options;
	struct wl_event_loop *loop;
	struct wire_conn link;       /* to gpupipe-proxy: hostile */
	struct wire_conn compositor; /* to the host compositor */
	struct wire_object_map objects;
	uint64_t features; /* accepted in the handshake */
	bool hello_received;
	struct wl_list globals;     /* gh_global.link: what we advertised */
	struct wl_list shm_regions; /* gh_shm_region.link: proxy-announced */
	uint64_t shm_total;         /* bytes in shm_regions */
	uint32_t next_handle;       /* fd handles we announce (keymaps) */
	struct wire_pipes pipes;    /* clipboard transfers, if allowed */
	struct wl_event_source *hello_timer;
	/* Compositor globals the host itself binds for GL frames (0: none). */
	uint32_t shm_name, dmabuf_name, dmabuf_version;
	struct gh_gl *gl;     /* once the app bound gpupipe_v1 */
	uint32_t gl_memories; /* live gpupipe_memory_v1 objects */
	bool done;
	int exit_status;
};

/* A peer that has not said hello by then is not a gpupipe-proxy. */
#define GH_HELLO_TIMEOUT_MS 10000

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

/* Ends the link because of what the peer did (error) or because a side
 * went away. An error is logged with the reason and sent to the proxy in
 * WIRE_CLOSE; nothing outside this process is affected. */
void gh_session_fail(struct gh_session *s, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));
void gh_session_end(struct gh_session *s, const char *why);

/* requests.c: link -> compositor. */
void gh_link_process(struct gh_session *s);
/* events.c: compositor -> link. */
void gh_compositor_process(struct gh_session *s);

/* Queue a message for the compositor (socket form; fds go beside it and
 * are owned by the call) or for the link (link form). False after ending
 * the link. */
bool gh_to_compositor(struct gh_session *s, const struct wire_msg *msg, const int *fds,
                      unsigned n_fds);
bool gh_to_link(struct gh_session *s, const struct wire_msg *msg);

/* Frees per-object hook state (shm region references). */
void gh_object_destroy(struct wire_object *obj);

#endif
