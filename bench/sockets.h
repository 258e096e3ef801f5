/*
 * What the socket benchmarks share (socket-round-trip, socket-bandwidth): the clock, the
 * loopback TCP pair gpupipe's TCP links are made of, and how they fail and read numbers.
 * Each tool sets bench_name to its own name for its messages.
 */
#ifndef BENCH_SOCKETS_H
#define BENCH_SOCKETS_H

extern const char *bench_name;

/* Seconds on the monotonic clock. */
double bench_now(void);

/* Prints "NAME: WHAT: strerror(errno)" and exits 1. */
_Noreturn void bench_die(const char *what);

/* A connected pair of loopback TCP sockets with TCP_NODELAY, as gpupipe's links have. */
void bench_tcp_pair(int fds[2]);

/* The whole number in s, from 1 to 100000000, or a message naming option and exit 2. */
long bench_number(const char *s, const char *option);

#endif
