/*
 * The addresses a link runs over, shared by gpupipe-host (--listen) and
 * gpupipe-proxy (--connect):
 *
 *   unix:PATH       a unix socket (the only one where fd passing could work)
 *   tcp:HOST:PORT   HOST a name or an address ([::1] for IPv6), PORT 1..65535
 *   vsock:CID:PORT  decimal CID and port (only in builds with vsock support)
 *   exec:COMMAND    connect only: runs COMMAND with `sh -c`, its stdin and
 *                   stdout joined into the link
 *
 * Both binaries check their addresses at start-up with wire_addr_check, so
 * a typo is an error when the user starts the program, not a failure of
 * every app later.
 */
#ifndef GPUPIPE_ADDR_H
#define GPUPIPE_ADDR_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

struct wire_addr_error {
	char text[512];
};

enum wire_addr_kind {
	WIRE_ADDR_UNIX,
	WIRE_ADDR_TCP,
	WIRE_ADDR_VSOCK,
	WIRE_ADDR_EXEC,
};

/* An address taken apart. path and command point into the text that was
 * parsed, which must outlive this. */
struct wire_addr {
	enum wire_addr_kind kind;
	const char *path;    /* unix: non-empty, fits in sockaddr_un */
	char host[256];      /* tcp: without IPv6 brackets */
	char port[6];        /* tcp: decimal, 1..65535 */
	uint32_t cid, vport; /* vsock */
	const char *command; /* exec: non-empty */
};

/* Takes text apart and checks its syntax (listening: exec: is refused).
 * On failure err names the part that is wrong and lists the valid forms. */
bool wire_addr_parse(const char *text, bool listening, struct wire_addr *addr,
                     struct wire_addr_error *err);
/* wire_addr_parse, and for tcp: that HOST resolves. Touches no socket. */
bool wire_addr_check(const char *text, bool listening, struct wire_addr_error *err);

/* Returns a connected or listening fd (close-on-exec), or -1 with a message
 * in err. exec: gives *child the command's pid (else -1). A unix: listen
 * goes through wire_unix_listen. */
int wire_addr_connect(const char *text, pid_t *child, struct wire_addr_error *err);
int wire_addr_listen(const char *text, struct wire_addr_error *err);
/* True for addresses on which SCM_RIGHTS could work (unix:). */
bool wire_addr_is_unix(const char *text);

/*
 * Listens on a unix socket at path without ever removing what is not a
 * stale socket: an absent path is bound; a socket nobody listens on (a
 * connect() is refused) is replaced; anything else (a live socket, a
 * regular file, a directory, a link, ...) is an error naming the path and
 * what is there, and is left exactly as it was.
 */
int wire_unix_listen(const char *path, int backlog, struct wire_addr_error *err);

/* Who is at the other end of an accepted link, as a listener can tell:
 * the uid of a unix peer (SO_PEERCRED), the address of a TCP peer without
 * its port, the CID of a vsock peer. Two links from the same peer have
 * the same text. */
struct wire_peer {
	char text[64]; /* "uid 1000", "tcp 10.0.0.5", "vsock cid 3" */
};
/* False (text says "unknown") when the socket does not say. */
bool wire_addr_peer(int fd, struct wire_peer *peer);

#endif
