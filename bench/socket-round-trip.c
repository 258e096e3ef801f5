/*
 * socket-round-trip: the floor under a link's round trip on this machine. Two processes
 * pass 64 bytes back and forth, over a unix socket pair and over loopback TCP (with
 * TCP_NODELAY, as gpupipe's links have it), and the round trip's mean is printed for each,
 * the two alternating for --rounds rounds. A GL round trip through gpu-0 crosses the link
 * once each way, so the TCP line minus the unix line is what a TCP link adds at the least
 * (doc/performance.md, "Round trips over TCP").
 *
 *   socket-round-trip [--rounds N] [--count N]
 */
#include "sockets.h"

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#define MESSAGE 64

const char *bench_name = "socket-round-trip";

static void exchange(int fd, char *buf, bool first_write)
{
	for (int step = 0; step < 2; step++) {
		bool writing = (step == 0) == first_write;
		size_t done = 0;
		while (done < MESSAGE) {
			ssize_t n = writing ? write(fd, buf + done, MESSAGE - done)
			                    : read(fd, buf + done, MESSAGE - done);
			if (n <= 0)
				bench_die(writing ? "write" : "read");
			done += (size_t)n;
		}
	}
}

/* Microseconds per round trip between this process and a child on a and b. */
static double ping_pong(int a, int b, long count)
{
	char buf[MESSAGE] = {0};
	fflush(stdout); /* not printed twice by a child that fails */
	pid_t child = fork();
	if (child < 0)
		bench_die("fork");
	if (child == 0) {
		close(a);
		for (long i = 0; i < count; i++)
			exchange(b, buf, false);
		_exit(0);
	}
	close(b);
	double start = bench_now();
	for (long i = 0; i < count; i++)
		exchange(a, buf, true);
	double us = (bench_now() - start) / (double)count * 1e6;
	close(a);
	int status;
	if (waitpid(child, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status)) {
		fprintf(stderr, "socket-round-trip: the other process failed\n");
		exit(1);
	}
	return us;
}

int main(int argc, char **argv)
{
	signal(SIGPIPE, SIG_IGN); /* a peer gone is a write error, said as one */
	long rounds = 3, count = 50000;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--rounds") == 0 && i + 1 < argc) {
			rounds = bench_number(argv[++i], "--rounds");
		} else if (strcmp(argv[i], "--count") == 0 && i + 1 < argc) {
			count = bench_number(argv[++i], "--count");
		} else {
			fprintf(stderr,
			        "usage: socket-round-trip [--rounds N] [--count N]\n"
			        "  --rounds N  unix and TCP measured in turn N times (default 3)\n"
			        "  --count N   round trips per measurement (default 50000)\n");
			return strcmp(argv[i], "--help") == 0 ? 0 : 2;
		}
	}
	printf("%-6s %14s %14s %14s\n", "round", "unix us", "tcp us", "tcp - unix");
	for (long r = 0; r < rounds; r++) {
		int fds[2];
		if (socketpair(AF_UNIX, SOCK_STREAM, 0, fds))
			bench_die("socketpair");
		double unix_us = ping_pong(fds[0], fds[1], count);
		bench_tcp_pair(fds);
		double tcp_us = ping_pong(fds[0], fds[1], count);
		printf("%-6ld %14.1f %14.1f %14.1f\n", r, unix_us, tcp_us, tcp_us - unix_us);
	}
	return 0;
}
