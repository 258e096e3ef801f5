/*
 * Clipboard policy. Without --allow-clipboard, wl_data_device_manager is
 * still advertised (several apps will not start without it) but nothing
 * crosses: the app never sees the host's selection, drags or offers, and
 * its own set_selection and start_drag never reach the compositor. This is
 * the Qubes rule: no silent clipboard between domains.
 */
#ifndef GH_CLIPBOARD_H
#define GH_CLIPBOARD_H

#include <stdbool.h>

#include <gpupipe/wl-objects.h>

struct gh_session;

/* True if the request may go to the compositor. */
bool gh_clipboard_request_allowed(struct gh_session *s, const struct wire_object *obj,
                                  const struct wire_msg *msg);
/* True if the event may go to the app (possibly rewritten); objects it
 * creates are hidden otherwise. */
bool gh_clipboard_event_allowed(struct gh_session *s, const struct wire_object *obj,
                                struct wire_msg *msg, struct wire_object *created);

#endif
