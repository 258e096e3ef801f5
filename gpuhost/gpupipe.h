/* The gpupipe_v1 global on the host side (see gpupipe.c). */
#ifndef GH_GPUPIPE_H
#define GH_GPUPIPE_H

#include <stdbool.h>
#include <stdint.h>

#include <gpupipe/wire.h>
#include <gpupipe/wl-objects.h>

struct gh_session;

/* The registry name gpupipe-host gives its global: far above the small
 * names compositors hand out, so it never collides with theirs. */
#define GH_GPUPIPE_GLOBAL_NAME 0xfffffe00u

/* Tells a wl_registry of the app about gpupipe_v1 (unless --no-gl), right
 * after the compositor's wl_shm global. */
bool gh_gpupipe_advertise(struct gh_session *s, uint32_t registry_id);
/* Checks a wl_registry.bind to GH_GPUPIPE_GLOBAL_NAME. */
bool gh_gpupipe_check_bind(struct gh_session *s, const struct wire_msg *msg, const char **err);
/* Sends it on as the compositor binding the executor renders into. */
bool gh_gpupipe_bind(struct gh_session *s, struct wire_msg *msg, struct wire_object *created);
/* Its requests and events: the hooks in policy.h. */
/* WIRE_GL_OPEN, WIRE_GL, WIRE_GL_CLOSE. *used: the payload bytes run,
 * fewer than the frame's when a WIRE_GL frame paused on a full queue
 * (s->frame_done bytes of it had run before). */
bool gh_gpupipe_frame(struct gh_session *s, const struct wire_header *hdr, const uint8_t *p,
                      uint32_t *used);

#endif
