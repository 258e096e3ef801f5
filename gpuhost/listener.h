/*
 * The listening gpupipe-host: accepts links and forks one process per link
 * (session-run.c serves it), within --max-links and --max-links-per-peer, for
 * as long as the compositor is there. It never reads a byte of a link.
 */
#ifndef GH_LISTENER_H
#define GH_LISTENER_H

#include "session.h"

struct gh_listener_limits {
	int max_links; /* links at once */
	int per_peer;  /* links at once from one peer (uid, TCP address, vsock CID) */
};

/* Listens on `addr` and serves links until the compositor connection
 * `compositor_fd` (the start-up check's, kept idle) hangs up, or SIGTERM.
 * Returns the process's exit status. */
int gh_listener_run(const char *addr, int compositor_fd, const struct gh_listener_limits *lim,
                    const struct gh_options *options);

#endif
