/*
 * A link process ends with its link, even while its main thread is held in
 * the GL driver, and names a GL command the driver holds for seconds
 * (link-watchdog.c).
 */
#ifndef GH_LINK_WATCHDOG_H
#define GH_LINK_WATCHDOG_H

#include <stdbool.h>

/* Seconds a link process may still run after its link closed. */
#define GH_LINK_GRACE_S 5

/* Starts the thread that watches the link's fd `fd` (the one the link is
 * read from) for its close, and the GL command running once a second; false
 * (said why) when it could not start. */
bool gh_link_watchdog_start(int fd);

#endif
