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
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MESSAGE 64

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int die(const char *what)
{
	fprintf(stderr, "socket-round-trip: %s: %s\n", what, strerror(errno));
	exit(1);
}

static void exchange(int fd, char *buf, bool first_write)
{
	for (int step = 0; step < 2; step++) {
		bool writing = (step == 0) == first_write;
		size_t done = 0;
		while (done < MESSAGE) {
			ssize_t n = writing ? write(fd, buf + done, MESSAGE - done)
			                    : read(fd, buf + done, MESSAGE - done);
			if (n <= 0)
				die(writing ? "write" : "read");
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
		die("fork");
	if (child == 0) {
		close(a);
		for (long i = 0; i < count; i++)
			exchange(b, buf, false);
		_exit(0);
	}
	close(b);
	double start = now();
	for (long i = 0; i < count; i++)
		exchange(a, buf, true);
	double us = (now() - start) / (double)count * 1e6;
	close(a);
	int status;
	if (waitpid(child, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status)) {
		fprintf(stderr, "socket-round-trip: the other process failed\n");
		exit(1);
	}
	return us;
}

static void tcp_pair(int fds[2])
{
	int one = 1;
	int l = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in addr = {.sin_family = AF_INET,
	                           .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t len = sizeof(addr);
	if (l < 0 || bind(l, (struct sockaddr *)&addr, sizeof(addr)) || listen(l, 1) ||
	    getsockname(l, (struct sockaddr *)&addr, &len))
		die("listen on loopback");
	fds[0] = socket(AF_INET, SOCK_STREAM, 0);
	if (fds[0] < 0 || connect(fds[0], (struct sockaddr *)&addr, sizeof(addr)))
		die("connect");
	fds[1] = accept(l, NULL, NULL);
	if (fds[1] < 0)
		die("accept");
	close(l);
	for (int i = 0; i < 2; i++)
		setsockopt(fds[i], IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
}

static long number(const char *s, const char *option)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || v < 1 || v > 100000000) {
		fprintf(stderr, "socket-round-trip: %s takes a whole number from 1, not '%s'\n",
		        option, s);
		exit(2);
	}
	return v;
}

int main(int argc, char **argv)
{
	signal(SIGPIPE, SIG_IGN); /* a peer gone is a write error, said as one */
	long rounds = 3, count = 50000;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--rounds") == 0 && i + 1 < argc) {
			rounds = number(argv[++i], "--rounds");
		} else if (strcmp(argv[i], "--count") == 0 && i + 1 < argc) {
			count = number(argv[++i], "--count");
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
			die("socketpair");
		double unix_us = ping_pong(fds[0], fds[1], count);
		tcp_pair(fds);
		double tcp_us = ping_pong(fds[0], fds[1], count);
		printf("%-6ld %14.1f %14.1f %14.1f\n", r, unix_us, tcp_us, tcp_us - unix_us);
	}
	return 0;
}
