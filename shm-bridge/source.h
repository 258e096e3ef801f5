/* Private to shm-bridge: sb_source's fields, shared by source.c and buffer.c
 * (sb_buffer_flush reads the shadow and writes what it sends into it). */
#ifndef SB_SOURCE_H
#define SB_SOURCE_H

#include <stdint.h>

struct sb_source {
	int fd;
	const uint8_t *data; /* the app's pool, size bytes, read-only */
	uint32_t size;
	/*
	 * What the host's replica holds, byte for byte: zero at creation, as
	 * the replica's memfd; the tail a resize adds is zero, as the grown
	 * replica's; and every WIRE_SHM_COPY flush emits is written here from
	 * the frame's own payload (never read again from the app's memory,
	 * which may change meanwhile). A private anonymous mapping with
	 * MAP_NORESERVE: pages never written read as the shared zero page and
	 * cost nothing, so it weighs what the replica weighs.
	 */
	uint8_t *shadow;
	uint32_t shadow_size; /* >= size; larger only after a failed resize */
};

#endif
