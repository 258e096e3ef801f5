/*
 * Sending Wayland messages to either side of a session: the compositor
 * (socket form, fds beside it) and the link (link form). Used by the
 * dispatchers and by every hook, so it sits below both.
 */
#ifndef GH_RELAY_H
#define GH_RELAY_H

#include <stdbool.h>

#include <gpupipe/wl-proto.h>

struct gh_session;

/* Queue a message for the compositor (the fds are owned by the call) or
 * for the link. False after ending the link. */
bool gh_to_compositor(struct gh_session *s, const struct wire_msg *msg, const int *fds,
                      unsigned n_fds);
bool gh_to_link(struct gh_session *s, const struct wire_msg *msg);

#endif
