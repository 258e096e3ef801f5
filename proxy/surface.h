/*
 * The proxy's shm hooks: wl_shm pools become replicated regions
 * (WIRE_SHM_CREATE), and each wl_surface.commit of an shm buffer first
 * sends the bytes the host's replica lacks (WIRE_SHM_COPY), computed from
 * the damage the app declared.
 */
#ifndef PX_SURFACE_H
#define PX_SURFACE_H

#include <stdbool.h>

#include <gpupipe/wl-objects.h>

struct px_client;

/* wl_shm.create_pool: maps fd (taken), announces the region and puts its
 * handle in the message in place of the fd. */
bool px_shm_pool_create(struct px_client *client, struct wire_msg *msg, int fd);

/* Runs before a request is forwarded; `created` is the object the request
 * made, if any. False when the client was closed. */
bool px_surface_request(struct px_client *client, struct wire_object *obj,
                        const struct wire_msg *msg, struct wire_object *created);

#endif
