/*
 * Hostile-link tests for gpupipe-host: each case starts a private headless
 * weston and a gpupipe-host listening on a unix socket beside it, opens a
 * link, says hello, sends one malformed thing built byte by byte, and checks
 * that the host ends that link with a WIRE_CLOSE and a log line naming the
 * problem, that the link's process exits without crashing, and that the host
 * still serves a fresh, well-behaved link.
 *
 * env.c         the processes (weston, gpupipe-host), their logs, children
 * link.c        a raw link: hand-built frames and messages, frame reading
 * check.c       what every case checks afterwards
 * cases-link.c  frames, hello, Wayland messages, objects, binds
 * cases-shm.c   fds, shm regions and copies, dying peers, a valid control
 * cases-gl.c    GL streams and the gpupipe_v1 global, and a valid GL control
 * cases-shared.c  shared memory for uploads (WIRE_GL_SHARED, GL_BLOB_SHARED)
 * main.c        runs one case (meson registers one test per case)
 */
#ifndef HL_HOSTILE_H
#define HL_HOSTILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include <gpupipe/wire.h>
#include <gpupipe/wl-proto.h>

#define CHECK(cond)                                                                                \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);   \
			return false;                                                              \
		}                                                                                  \
	} while (0)

/* As CHECK, with a printf-style explanation. */
#define CHECKF(cond, ...)                                                                          \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "%s:%d: check failed: %s: ", __FILE__, __LINE__, #cond);   \
			fprintf(stderr, __VA_ARGS__);                                              \
			fputc('\n', stderr);                                                       \
			return false;                                                              \
		}                                                                                  \
	} while (0)

/* Bounded waits, in milliseconds. Generous: they only matter when the host
 * misbehaves, and then a clear timeout beats a meson kill at 60 s. */
#define HL_WAIT_MS 5000

/* Exit status of a link process as the host logs it: -1 means killed by a
 * signal (a crash); HL_NO_EXIT that no exit was logged in time. */
#define HL_NO_EXIT (-1000)

/* --- env.c: processes and logs --- */

struct hl_env {
	char dir[64]; /* private XDG_RUNTIME_DIR of weston and the host */
	char host_sock[96];
	char host_log[128];
	char weston_log[128];
	char weston_sock[96];
	pid_t weston;
	pid_t host;
	unsigned n_links; /* links opened so far: the index of the next one */
};

/* Starts weston and gpupipe-host (path in $GPUPIPE_HOST), the host with
 * host_args (NULL-terminated, or NULL) after its own. Exits 77 when weston
 * is missing; returns false with a message when something fails. */
bool hl_env_start(struct hl_env *e, const char *const *host_args);
/* Stops everything started, reaps every descendant and removes the
 * directory (kept with GPUPIPE_KEEP_TMP=1). False if a process was left
 * running or had to be killed. */
bool hl_env_stop(struct hl_env *e);
void hl_env_dump_logs(const struct hl_env *e);

/* Set by a case that cannot run here (hl_gl_skip): main exits 77 with it. */
extern const char *hl_skip_reason;

int64_t hl_now_ms(void);
/* Pauses 10 ms between two checks of a condition in a bounded poll loop
 * (where the condition has no event to wait on: a log line, a process). */
void hl_poll_step(void);

/* True while pid, a child of ours, runs; else says how it ended. */
bool hl_alive(pid_t pid, const char *what);
/* The pid of the process serving link number `index` (from the host's log),
 * or -1 if it was not logged within HL_WAIT_MS. */
pid_t hl_link_pid(struct hl_env *e, unsigned index);
/* Waits for the host to log the exit of link process pid; returns its exit
 * status (-1: killed by a signal) or HL_NO_EXIT. */
int hl_link_exit_status(struct hl_env *e, pid_t pid);
/* True if a line of the host's log contains every needle (NULL-terminated
 * list). Copies the first such line to out when out is not NULL. */
bool hl_log_has(struct hl_env *e, char *out, size_t cap, ...) __attribute__((sentinel));
/* Like hl_log_has, polling until the line appears or HL_WAIT_MS passes. */
bool hl_log_wait(struct hl_env *e, char *out, size_t cap, ...) __attribute__((sentinel));
/* True if a line of the host's log starts with prefix. */
bool hl_log_line_starts(struct hl_env *e, const char *prefix);
/* Number of live children of the gpupipe-host listener; pids in out. */
unsigned hl_host_children(struct hl_env *e, pid_t *out, unsigned cap);
/* Waits until the listener has no child left. */
bool hl_wait_no_host_children(struct hl_env *e);
/* True if pid no longer runs (no such process, or a zombie). */
bool hl_pid_gone(pid_t pid);
/* Peak resident memory of pid (VmHWM) in KiB, or -1. */
long hl_peak_rss_kib(pid_t pid);

/* --- link.c: a raw link --- */

/* A growable byte buffer for building frames by hand. */
struct hl_buf {
	uint8_t *data;
	size_t len, cap;
};
void hl_buf_reset(struct hl_buf *b);
void hl_buf_finish(struct hl_buf *b);
void hl_put(struct hl_buf *b, const void *p, size_t n);
void hl_put_u32(struct hl_buf *b, uint32_t v);
/* Wayland string: u32 length counting the NUL, bytes, NUL, zero padding. */
void hl_put_string(struct hl_buf *b, const char *s);
/* Opens a frame header with size 0; hl_frame_end patches the size. */
size_t hl_frame_begin(struct hl_buf *b, uint16_t type, uint16_t channel);
void hl_frame_end(struct hl_buf *b, size_t at);
/* Opens a Wayland message header; hl_msg_end patches size << 16 | opcode. */
size_t hl_msg_begin(struct hl_buf *b, uint32_t object, uint16_t opcode);
void hl_msg_end(struct hl_buf *b, size_t at);
/* A whole frame around a raw payload. */
void hl_put_frame(struct hl_buf *b, uint16_t type, uint16_t channel, const void *payload,
                  uint32_t size);

struct hl_frame {
	struct wire_header hdr;
	const uint8_t *payload; /* valid until the next read on the link */
};

struct hl_link {
	int fd;
	unsigned index; /* order of connection to this host */
	uint8_t *in;
	size_t in_len, in_cap, in_start;
	struct hl_buf out;
};

struct hl_global {
	uint32_t name, version;
	char interface[64];
};
struct hl_globals {
	struct hl_global g[64];
	unsigned n;
};
const struct hl_global *hl_global_find(const struct hl_globals *g, const char *interface);

/* Connects to the host. With hello, also sends a valid hello and checks
 * the host's answer. */
bool hl_link_open(struct hl_env *e, struct hl_link *l, bool hello);
/* Connects and says hello asking for `ask` (enum wire_feature); *granted gets
 * what the host enabled (never more than asked). */
bool hl_link_open_features(struct hl_env *e, struct hl_link *l, uint64_t ask, uint64_t *granted);
/* Bits of `ask` that the hello leaves out: once fd passing is granted,
 * hl_link_open_features sends WIRE_FD_PROBE with an fd, as gpupipe-proxy
 * does, unless told to send none or one without its fd. */
#define HL_NO_FD_PROBE (1ull << 63)
#define HL_FD_PROBE_WITHOUT_FD (1ull << 62)
void hl_link_close(struct hl_link *l);
/* Sends and empties l->out. Errors are reported, not fatal: a host that
 * closes early may make the end of a malformed send fail. */
bool hl_link_flush(struct hl_link *l);
/* As hl_link_flush, with fd attached by SCM_RIGHTS to the first of the bytes
 * (the caller keeps its own copy of fd). */
bool hl_link_flush_fd(struct hl_link *l, int fd);
/* Reads one frame: 1 with *f, 0 at end of stream (EOF or reset), -1 on a
 * timeout, an error, or a frame over WIRE_MAX_PAYLOAD. */
int hl_link_read_frame(struct hl_link *l, struct hl_frame *f, int64_t deadline);

/* Queues a Wayland frame with wl_display.sync(callback). */
void hl_queue_sync(struct hl_link *l, uint32_t callback);
/* Reads until wl_callback.done for callback; fails on a close, EOF, a
 * wl_display.error or a timeout. Globals of registry (0: none) go to g. */
bool hl_wait_done(struct hl_link *l, uint32_t callback, uint32_t registry, struct hl_globals *g);
/* get_registry(2) and sync(3) on a fresh link: fills g. New ids from 4 on
 * are free afterwards. */
bool hl_registry_roundtrip(struct hl_link *l, struct hl_globals *g);

/* The globals weston itself offers, seen by a plain Wayland client: what
 * the host's allow-list hides is among them. */
bool hl_compositor_globals(struct hl_env *e, struct hl_globals *g);

/* What a link said before it ended. */
struct hl_ending {
	bool ended;          /* EOF or reset seen within HL_WAIT_MS */
	bool closed;         /* a WIRE_CLOSE came */
	bool after_close;    /* a frame came after WIRE_CLOSE */
	uint16_t after_type; /* the type of the first such frame */
	bool long_reason;    /* a close reason over WIRE_MAX_REASON */
	unsigned hellos;     /* WIRE_HELLO frames seen while waiting */
	char reason[WIRE_MAX_REASON + 1];
};
void hl_read_until_end(struct hl_link *l, struct hl_ending *end);

/* --- check.c: what every case checks --- */

/* The host must end link l over `phrase`: a WIRE_CLOSE whose reason holds
 * it, then end of stream; an error line from the link's process holding it;
 * that process exited with status 1 (not a crash); and then
 * hl_still_serving. Closes l. */
bool hl_refused(struct hl_env *e, struct hl_link *l, const char *phrase);
/* Link process pid logged a line holding every phrase (NULL-terminated), printed as a
 * "# log:" line; else says which process was silent. */
bool hl_link_logged(struct hl_env *e, pid_t pid, ...) __attribute__((sentinel));
/* The listener and weston are alive, a fresh link gets a hello and a
 * registry round trip, its process exits 0 after our WIRE_CLOSE, and no
 * link process is left. */
bool hl_still_serving(struct hl_env *e);
/* Opens a link with hello and does the registry round trip (ids 2, 3). */
bool hl_open_with_registry(struct hl_env *e, struct hl_link *l, struct hl_globals *g);

/* Queues one Wayland request of n u32 arguments into l->out (no frame). */
void hl_request(struct hl_link *l, uint32_t object, uint16_t opcode, unsigned n, ...);
/* Queues wl_registry.bind on registry 2 (no frame). */
void hl_bind(struct hl_link *l, uint32_t name, const char *interface, uint32_t version,
             uint32_t id);
/* Sends one WIRE_WAYLAND frame holding one request of n u32 arguments. */
bool hl_send_request(struct hl_link *l, uint32_t object, uint16_t opcode, unsigned n, ...);
/* Sends a WIRE_SHM_CREATE frame. */
bool hl_send_shm_create(struct hl_link *l, uint32_t handle, uint32_t size);

/* --- the cases --- */

struct hl_case {
	const char *name;
	bool (*run)(struct hl_env *e);
	const char *const *host_args; /* extra gpupipe-host options, or NULL */
	bool landing; /* its host offers what lands in steps (GPUPIPE_TEST_OFFER_PENDING) */
};
#define HL_CASE(fn)                                                                                \
	{                                                                                          \
#fn, fn, NULL, false                                                               \
	}
/* A case whose gpupipe-host runs with these options (small quotas, ...). */
#define HL_CASE_ARGS(fn, ...)                                                                      \
	{                                                                                          \
#fn, fn, (const char *const[]){__VA_ARGS__, NULL }, false                          \
	}
/* A case of what lands in steps: its gpupipe-host runs with GPUPIPE_TEST_OFFER_PENDING, so
 * it offers an extension still `landing` (gl-compat-annotations.txt). */
#define HL_CASE_LANDING(fn)                                                                        \
	{                                                                                          \
#fn, fn, NULL, true                                                                \
	}
extern const struct hl_case hl_link_cases[];
extern const size_t hl_link_case_count;
extern const struct hl_case hl_shm_cases[];
extern const size_t hl_shm_case_count;
extern const struct hl_case hl_gl_cases[];
extern const size_t hl_gl_case_count;
extern const struct hl_case hl_quota_cases[];
extern const size_t hl_quota_case_count;
extern const struct hl_case hl_es3_cases[];
extern const size_t hl_es3_case_count;
/* OpenGL ES 3.1: indirect draws and dispatches, vertex binding points (cases-indirect.c). */
extern const struct hl_case hl_indirect_cases[];
extern const size_t hl_indirect_case_count;
/* OpenGL ES 3.2: geometry and tessellation shaders, texture buffers (cases-geotess.c). */
extern const struct hl_case hl_geotess_cases[];
extern const size_t hl_geotess_case_count;
/* cases-es32.c */
extern const struct hl_case hl_es32_cases[];
extern const size_t hl_es32_case_count;
/* GL_KHR_debug: the debug message fetch, labels (cases-debug.c). */
extern const struct hl_case hl_debug_cases[];
extern const size_t hl_debug_case_count;
/* ES 2 extension commands: multi-draws, 3D images, EGL image storage
 * (cases-ext-commands.c). */
extern const struct hl_case hl_ext_commands_cases[];
extern const size_t hl_ext_commands_case_count;
extern const struct hl_case hl_compat_arrays_cases[];
extern const size_t hl_compat_arrays_case_count;
extern const struct hl_case hl_gl_core_cases[];
extern const size_t hl_gl_core_case_count;
/* Desktop OpenGL 4.0 to 4.4 on a core context (cases-core4.c). */
extern const struct hl_case hl_core4_cases[];
extern const size_t hl_core4_case_count;
/* Desktop OpenGL 3.0-3.3: primitive restart, multisample images, desktop-only commands
 * (cases-gl3.c). */
extern const struct hl_case hl_gl3_cases[];
extern const size_t hl_gl3_case_count;
/* The rest of desktop OpenGL 4.2-4.5: 1D storage, multi-binds, sub-image readbacks
 * (cases-gl4-rest.c). */
extern const struct hl_case hl_gl4_rest_cases[];
extern const size_t hl_gl4_rest_case_count;
/* The compatibility profile's immediate mode and fixed-function state (cases-compat-ff.c). */
extern const struct hl_case hl_compat_ff_cases[];
extern const size_t hl_compat_ff_case_count;
/* Desktop OpenGL's transform feedback draws, 4.0 and 4.2 (cases-xfb-draw.c). */
extern const struct hl_case hl_xfb_draw_cases[];
extern const size_t hl_xfb_draw_case_count;
extern const struct hl_case hl_multi_draw_cases[];
extern const size_t hl_multi_draw_case_count;
/* The compatibility profile's evaluators and attribute stack (cases-compat-ls.c). */
extern const struct hl_case hl_arb_program_cases[];
extern const size_t hl_arb_program_case_count;
extern const struct hl_case hl_compat_ls_cases[];
extern const size_t hl_compat_ls_case_count;
/* Compressed texture uploads in display lists (cases-compat-lists-compressed.c). */
extern const struct hl_case hl_compat_lists_compressed_cases[];
extern const size_t hl_compat_lists_compressed_case_count;
extern const struct hl_case hl_compat_quota_cases[];
extern const size_t hl_compat_quota_case_count;
/* ES 3.1 extensions: texture views, viewport arrays (cases-views.c). */
extern const struct hl_case hl_views_cases[];
extern const size_t hl_views_case_count;
/* OpenGL 4.5 direct state access on a core context (cases-dsa.c). */
extern const struct hl_case hl_dsa_cases[];
extern const size_t hl_dsa_case_count;
/* Render-state extensions with data or names: clear texture, conditional render
 * (cases-shaders.c). */
extern const struct hl_case hl_shaders_cases[];
extern const size_t hl_shaders_case_count;
extern const struct hl_case hl_es1fbo_cases[];
extern const size_t hl_es1fbo_case_count;
/* Shared memory for uploads: WIRE_GL_SHARED, GL_BLOB_SHARED (cases-shared.c). */
extern const struct hl_case hl_shared_cases[];
extern const size_t hl_shared_case_count;
/* GL_EXT_buffer_storage's mappings (cases-bufstore.c). */
extern const struct hl_case hl_bufstore_cases[];
extern const size_t hl_bufstore_case_count;

#endif
