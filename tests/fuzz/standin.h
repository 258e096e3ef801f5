/*
 * A compositor stand-in for the session fuzz harness: a real libwayland
 * server (the library weston and sway are built on) in the harness's own
 * process, on one end of a socketpair whose other end is the session's
 * compositor connection.
 *
 * It advertises the globals of a real headless weston 10 or sway 1.7, in
 * their order and under their registry names, so that link streams
 * recorded from real sessions bind the same names here. libwayland itself
 * answers wl_display.sync and wl_registry; the stand-in creates every
 * object a request asks for, destroys them on destructors, and sends what
 * a compositor would to get an app going: wl_shm formats, output modes,
 * seat capabilities and a keymap fd, xdg configures and pings, frame
 * callbacks, buffer releases, presentation feedback, pointer and keyboard
 * focus, clipboard offers and pipes. Requests a real compositor would
 * refuse (a buffer outside its pool, a shrinking pool) get its protocol
 * error.
 *
 * It is also an oracle: what gpupipe-host hands a compositor must hold up
 * (a pool's fd is at least the pool's size). A violation aborts: that is a
 * host bug, whatever the app sent.
 */
#ifndef STANDIN_H
#define STANDIN_H

#include <stdbool.h>

enum standin_profile {
	STANDIN_WESTON, /* headless weston 10: no seat */
	STANDIN_SWAY,   /* headless sway 1.7 with a virtual pointer and keyboard */
};

struct standin;

/* Serves one client on fd (taken). NULL on failure. */
struct standin *standin_create(int fd, enum standin_profile profile);
/* Runs what is ready and flushes; true if anything was ready. */
bool standin_dispatch(struct standin *c);
/* Called when nothing is ready anywhere: sends what a compositor would
 * have sent by then (the delete_id events libwayland holds back); true
 * if it sent anything. */
bool standin_idle(struct standin *c);
void standin_destroy(struct standin *c);

#endif
