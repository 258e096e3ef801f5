/*
 * Pipe relays for clipboard and drag-and-drop data (WIRE_PIPE, see
 * wire.h), the same on both halves of the link.
 *
 * Wayland hands a data transfer to the side that must write: the fd in
 * wl_data_offer.receive and wl_data_source.send is a write end. The side
 * that received that fd keeps it as a *destination* and announces a handle;
 * the other side makes a pipe, gives its write end to its own peer in place
 * of the handle, and relays what it reads from the read end (a *source*) as
 * WIRE_PIPE_DATA, then WIRE_PIPE_CLOSE.
 */
#ifndef GPUPIPE_PIPES_H
#define GPUPIPE_PIPES_H

#include <stdbool.h>
#include <stdint.h>
#include <wayland-server-core.h>

#include <gpupipe/conn.h>

/* Transfers open at once per link, each direction. */
#define WIRE_MAX_PIPES 64
/* Bytes queued toward one destination before the transfer is cut. */
#define WIRE_MAX_PIPE_QUEUE (64u << 20)

struct wire_pipes {
	struct wl_event_loop *loop;
	struct wire_conn *link;
	struct wl_list dests;         /* wire_pipe_dest.link: handles we announced */
	struct wl_list sources;       /* wire_pipe_source.link: pipes we read */
	struct wl_array peer_handles; /* uint32_t: announced by the peer, unused */
	uint32_t next_handle;
	char error[160]; /* why the last call failed */
	/* A source is read only while the link queues at most this many
	 * bytes (0: no bound); then it waits for wire_pipes_resume, and so
	 * does the program writing into it. */
	size_t link_bound;
	/* Called after a source's bytes were flushed on the link, where the
	 * owner resumes what waited for room there; NULL for none. */
	void (*link_flushed)(void *data);
	void *link_flushed_data;
};

void wire_pipes_init(struct wire_pipes *pipes, struct wl_event_loop *loop, struct wire_conn *link);
void wire_pipes_finish(struct wire_pipes *pipes);

/* We got a write end (fd, taken): announce it and return its handle, 0 on
 * failure. */
uint32_t wire_pipes_announce(struct wire_pipes *pipes, int fd);
/* A message names a handle the peer announced: returns the write end of a
 * new pipe whose read end we relay, or -1 (unknown handle; see error). */
int wire_pipes_accept(struct wire_pipes *pipes, uint32_t handle);
/* WIRE_PIPE, WIRE_PIPE_DATA, WIRE_PIPE_CLOSE from the peer. False if the
 * frame is invalid (see error): the caller decides what that costs. */
bool wire_pipes_frame(struct wire_pipes *pipes, uint16_t type, const uint8_t *payload,
                      uint32_t size);
/* The link's queue went down: sources that waited for it (link_bound)
 * are read again. */
void wire_pipes_resume(struct wire_pipes *pipes);

#endif
