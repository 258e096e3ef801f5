/* GL streams of one app, relayed as link channels (see gl-streams.c). */
#ifndef PX_GL_STREAMS_H
#define PX_GL_STREAMS_H

#include <stdbool.h>
#include <stdint.h>

struct px_client;

/* Relays everything the app's GL streams hold; call after reading the
 * app's Wayland socket and before forwarding what was read. */
bool px_gl_streams_drain(struct px_client *client);
/* WIRE_GL from the host: reply bytes for the app. */
bool px_gl_stream_reply(struct px_client *client, uint16_t channel, const uint8_t *p, uint32_t len);
void px_gl_streams_finish(struct px_client *client);

#endif
