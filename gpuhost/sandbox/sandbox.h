/*
 * The sandbox of a link process: what code steered by the app can reach
 * once the process serves the link.
 *
 * A link process first sets itself up with the privileges gpupipe-host was
 * started with: it connects to the compositor, opens the host's EGL display
 * (the render node, the driver's files) and makes a context current once,
 * so the driver has read every file and started every thread it needs.
 * Then, before the first byte from the link is read, gh_sandbox_enter()
 * takes away everything else, in this order:
 *
 *   1. resource limits: no core files, no more fds than the soft limit, and
 *      an address space of at most --sandbox-memory GiB. gpupipe's quotas
 *      are what a well-behaved link process keeps to; these are what the
 *      kernel holds a compromised one to (except memfd pages written
 *      without a mapping: a service manager's MemoryMax= bounds those);
 *   2. not dumpable (no ptrace or /proc/PID/mem from the same uid); when
 *      started as root: every capability out of the bounding set, the
 *      supplementary groups dropped, uid and gid switched to an unprivileged
 *      user (--sandbox-user, default "nobody"); then no capabilities at all,
 *      whatever the uid;
 *   3. no new privileges (setuid binaries and file capabilities are inert);
 *   4. Landlock, where the kernel has it: no path-based file access, no TCP
 *      bind or connect, no abstract unix sockets or signals beyond the
 *      process (kernel ABI 6 and later). Landlock binds the calling thread
 *      and the threads it creates later; the driver's threads that already
 *      run are bound by step 5 alone;
 *   5. a seccomp-bpf allow-list on every thread (libseccomp, TSYNC): reading,
 *      writing and polling the fds it holds, memory (including executable
 *      mappings for the driver's shader JIT), threads but not processes,
 *      DRM and dma-buf ioctls. Opening any path, creating sockets, exec and
 *      fork fail with an error (the driver can cope with a refused call);
 *      any other call the list does not name logs its number and ends the
 *      process.
 *
 * No mount namespace: unshare(CLONE_NEWNS) needs a single-threaded process,
 * and the driver's threads run by then; entering one before the driver
 * starts would hide the files it reads when its first context is created.
 * Step 5 already refuses every call that resolves a path to open it.
 */
#ifndef GH_SANDBOX_H
#define GH_SANDBOX_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct gh_sandbox {
	bool enabled;     /* false: --no-sandbox, nothing is restricted */
	bool switch_user; /* started as root: become uid/gid below */
	uid_t uid;
	gid_t gid;
	char user[64];          /* for log lines */
	uint64_t address_space; /* RLIMIT_AS in bytes; 0: unlimited */
};

/* The default of --sandbox-memory, in GiB: glmark2's heaviest scenes peak
 * at ~0.65 GiB of address space in a link process here (llvmpipe, textures
 * and buffers in process memory), and the per-link quotas together allow a
 * few GiB; 16 leaves room for many-core machines' driver threads. */
#define GH_SANDBOX_DEFAULT_MEMORY_GIB 16

/* Resolves --sandbox-user (NULL: "nobody") at start-up, while files can
 * still be read. False with a message in `err` when the user is unknown or
 * is root. Not root at start: the user stays as it is, the rest applies.
 * memory_gib: the address space limit (0: none). */
bool gh_sandbox_configure(struct gh_sandbox *sb, bool enabled, const char *user,
                          unsigned memory_gib, char *err, size_t err_len);

/* Enters the sandbox in a link process (see above). False, logged, when a
 * step failed: the caller must then not serve the link. */
bool gh_sandbox_enter(const struct gh_sandbox *sb);

#ifdef GPUPIPE_TEST_HOOKS
/* probe.c: with GPUPIPE_TEST_SANDBOX_PROBE=1, tries what a compromised link
 * process would and logs each outcome. Test builds only. */
void gh_sandbox_probe(void);
#endif

/* seccomp.c: step 5. */
bool gh_sandbox_seccomp(void);
/* landlock.c: step 4; true when the kernel lacks Landlock (logged). */
bool gh_sandbox_landlock(void);

#endif
