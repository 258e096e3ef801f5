/*
 * shm-bridge: wl_shm pools and read-only fds carried across the link as
 * bytes, never as fds.
 *
 * The app and the host compositor cannot share memory (they live in
 * different VMs), so each side keeps its own copy:
 *
 *   app's pool fd --mmap--> sb_source (proxy, read-only view, and a
 *        shadow of what the host's replica holds)
 *        sb_buffer (proxy) tracks the damage per wl_buffer and emits
 *        WIRE_SHM_COPY frames of only the damaged bytes that differ from
 *        the shadow
 *   --link--> sb_replica (host): a memfd the host compositor maps, written
 *        by those frames after checking each one against the region
 *
 * Keymaps travel the other way as WIRE_BLOB: sb_read_fd on the host reads
 * the compositor's fd, sb_memfd_from_bytes on the proxy turns the bytes back
 * into a sealed fd for the app.
 *
 * Include this header for the whole API, or the per-concept headers.
 */
#ifndef GPUPIPE_SHM_BRIDGE_H
#define GPUPIPE_SHM_BRIDGE_H

#include <gpupipe/sb-replica.h>
#include <gpupipe/sb-source.h>
#include <gpupipe/sb-buffer.h>
#include <gpupipe/sb-fd.h>

#endif
