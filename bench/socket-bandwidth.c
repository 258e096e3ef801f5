/*
 * socket-bandwidth: the floor under an upload that travels in the GL stream (TCP, vsock and
 * exec: links; doc/performance.md, "Uploads in the stream"). Writes of 4 MiB, as
 * tests/gl/gl-upload-bench uploads, cross the sockets and processes a GL stream crosses,
 * with nothing else done to them; each path's bandwidth is printed beside a memcpy of the
 * same 4 MiB in this process, and their ratio, the paths taking turns for --rounds rounds:
 *
 *   unix       one unix socket pair: the app's GL stream into gpupipe-proxy
 *   tcp        one loopback TCP connection (TCP_NODELAY)
 *   unix+tcp   writer -> socket pair -> relay -> loopback TCP -> reader: a TCP link's path,
 *              app -> gpupipe-proxy -> gpupipe-host
 *   unix+unix  the same with a second socket pair: an exec: link's path (gpupipe-proxy runs
 *              the link's command with a socket pair as its stdin and stdout)
 *   splice:unix+tcp, splice:unix+unix
 *              the same two with a relay that moves the bytes with splice(2) through a
 *              pipe instead of reading them into its memory and writing them out: what
 *              gpupipe-proxy would gain by relaying a GL stream that way
 *
 * The relay reads up to 256 KiB at a time, as gpupipe-proxy reads a GL stream into the link,
 * and the reader 64 KiB, as gpupipe-host reads its link. Through gpu-0 the host also copies
 * each upload once as it gathers the command and the driver once into the texture, so
 * bench/compare-upload's figure for a link can come near its path's here, not pass it.
 *
 *   socket-bandwidth [--rounds N] [--mib N] [--paths LIST]
 *
 * bench/compare-upload runs it for a TCP or exec: link's path beside gpu-0's uploads.
 */
#include "sockets.h"

#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#define WRITE_BYTES (4u << 20)
#define RELAY_READ (256u << 10)
#define READER_READ (64u << 10)
#define MAX_HOPS 2

const char *bench_name = "socket-bandwidth";

struct path {
	const char *name;
	int hops;
	bool tcp[MAX_HOPS]; /* each hop: loopback TCP, else a unix socket pair */
	bool splice;        /* the relay splices through a pipe instead of read and write */
};

static const struct path paths[] = {
        {"unix", 1, {false}, false},
        {"tcp", 1, {true}, false},
        {"unix+tcp", 2, {false, true}, false},
        {"unix+unix", 2, {false, false}, false},
        {"splice:unix+tcp", 2, {false, true}, true},
        {"splice:unix+unix", 2, {false, false}, true},
};

static void write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t k = write(fd, p, n);
		if (k <= 0)
			bench_die("write");
		p += k;
		n -= (size_t)k;
	}
}

static char *buffer(size_t size, int fill)
{
	char *p = malloc(size);
	if (!p)
		bench_die("malloc");
	memset(p, fill, size); /* faulted in before the clock starts */
	return p;
}

/* In a child: closes every end of hop[] but keep_in and keep_out, runs, exits. */
static void close_others(int hop[][2], int hops, int keep_in, int keep_out)
{
	for (int i = 0; i < hops; i++)
		for (int e = 0; e < 2; e++)
			if (hop[i][e] != keep_in && hop[i][e] != keep_out)
				close(hop[i][e]);
}

static pid_t spawn_writer(int hop[][2], int hops, size_t total)
{
	pid_t pid = fork();
	if (pid < 0)
		bench_die("fork");
	if (pid == 0) {
		close_others(hop, hops, -1, hop[0][0]);
		char *data = buffer(WRITE_BYTES, 1);
		for (size_t done = 0; done < total; done += WRITE_BYTES)
			write_all(hop[0][0], data, WRITE_BYTES);
		_exit(0);
	}
	return pid;
}

/* Moves up to RELAY_READ bytes at a time from `in` to `out` through a pipe, never into this
 * process's memory, until the end. */
static void splice_relay(int in, int out)
{
	int pipe_fds[2];
	if (pipe2(pipe_fds, O_CLOEXEC) < 0)
		bench_die("pipe2");
	fcntl(pipe_fds[1], F_SETPIPE_SZ, (int)RELAY_READ);
	ssize_t n;
	while ((n = splice(in, NULL, pipe_fds[1], NULL, RELAY_READ, SPLICE_F_MOVE)) > 0) {
		while (n > 0) {
			ssize_t m = splice(pipe_fds[0], NULL, out, NULL, (size_t)n, SPLICE_F_MOVE);
			if (m <= 0)
				bench_die("splice out");
			n -= m;
		}
	}
	if (n < 0)
		bench_die("splice in");
}

/* Relays hop h-1's bytes into hop h until the end. */
static pid_t spawn_relay(int hop[][2], int hops, int h, bool use_splice)
{
	pid_t pid = fork();
	if (pid < 0)
		bench_die("fork");
	if (pid == 0) {
		int in = hop[h - 1][1], out = hop[h][0];
		close_others(hop, hops, in, out);
		if (use_splice) {
			splice_relay(in, out);
			_exit(0);
		}
		char *data = buffer(RELAY_READ, 0);
		ssize_t n;
		while ((n = read(in, data, RELAY_READ)) > 0)
			write_all(out, data, (size_t)n);
		if (n < 0)
			bench_die("relay read");
		_exit(0);
	}
	return pid;
}

/* MiB/s through the path: a writer, a relay per hop past the first, this process reading. */
static double measure(const struct path *path, size_t total)
{
	int hop[MAX_HOPS][2]; /* [0] the writing end, [1] the reading end */
	for (int i = 0; i < path->hops; i++) {
		if (path->tcp[i])
			bench_tcp_pair(hop[i]);
		else if (socketpair(AF_UNIX, SOCK_STREAM, 0, hop[i]))
			bench_die("socketpair");
	}
	fflush(stdout); /* not printed twice by a child that fails */
	/* From before the writer starts: the sockets' buffers fill in the time measured. */
	double start = bench_now();
	pid_t pids[MAX_HOPS];
	int children = 0;
	pids[children++] = spawn_writer(hop, path->hops, total);
	for (int h = 1; h < path->hops; h++)
		pids[children++] = spawn_relay(hop, path->hops, h, path->splice);
	int in = hop[path->hops - 1][1];
	close_others(hop, path->hops, in, -1);
	char *data = buffer(READER_READ, 0);
	size_t got = 0;
	ssize_t n;
	while ((n = read(in, data, READER_READ)) > 0)
		got += (size_t)n;
	double seconds = bench_now() - start;
	if (n < 0)
		bench_die("read");
	close(in);
	free(data);
	for (int i = 0; i < children; i++) {
		int status;
		if (waitpid(pids[i], &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status)) {
			fprintf(stderr, "socket-bandwidth: a writer or relay failed\n");
			exit(1);
		}
	}
	if (got != total) {
		fprintf(stderr, "socket-bandwidth: %s carried %zu of %zu bytes\n", path->name, got,
		        total);
		exit(1);
	}
	return (double)got / (1024.0 * 1024.0) / seconds;
}

/* MiB/s of memcpy between two 4 MiB buffers of this process, for total bytes. */
static double measure_memcpy(size_t total)
{
	char *src = buffer(WRITE_BYTES, 1), *dst = buffer(WRITE_BYTES, 0);
	double start = bench_now();
	for (size_t done = 0; done < total; done += WRITE_BYTES) {
		memcpy(dst, src, WRITE_BYTES);
		__asm__ volatile("" : : "r"(dst) : "memory"); /* the copy is kept */
	}
	double seconds = bench_now() - start;
	free(src);
	free(dst);
	return (double)total / (1024.0 * 1024.0) / seconds;
}

#define PATHS (sizeof(paths) / sizeof(paths[0]))

/* Marks in chosen[] the paths named in list (comma-separated), or says which is unknown. */
static bool choose(const char *list, bool chosen[PATHS])
{
	memset(chosen, 0, PATHS * sizeof(bool));
	for (const char *p = list;;) {
		size_t len = strcspn(p, ",");
		size_t i = 0;
		while (i < PATHS &&
		       (strlen(paths[i].name) != len || strncmp(paths[i].name, p, len)))
			i++;
		if (i == PATHS) {
			fprintf(stderr,
			        "socket-bandwidth: --paths takes unix, tcp, unix+tcp, unix+unix, "
			        "splice:unix+tcp and splice:unix+unix, not '%.*s'\n",
			        (int)len, p);
			return false;
		}
		chosen[i] = true;
		if (!p[len])
			return true;
		p += len + 1;
	}
}

int main(int argc, char **argv)
{
	signal(SIGPIPE, SIG_IGN); /* a reader gone is a write error, said as one */
	long rounds = 3, mib = 2048;
	bool chosen[PATHS];
	for (size_t p = 0; p < PATHS; p++)
		chosen[p] = true;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--rounds") == 0 && i + 1 < argc) {
			rounds = bench_number(argv[++i], "--rounds");
		} else if (strcmp(argv[i], "--mib") == 0 && i + 1 < argc) {
			mib = bench_number(argv[++i], "--mib");
		} else if (strcmp(argv[i], "--paths") == 0 && i + 1 < argc) {
			if (!choose(argv[++i], chosen))
				return 2;
		} else {
			fprintf(stderr,
			        "usage: socket-bandwidth [--rounds N] [--mib N] [--paths LIST]\n"
			        "  --rounds N  every path measured in turn N times (default 3)\n"
			        "  --mib N     MiB through each path per measurement, rounded up "
			        "to\n"
			        "              4 MiB writes (default 2048)\n"
			        "  --paths LIST  comma-separated among unix, tcp, unix+tcp (a TCP\n"
			        "              link's path), unix+unix (an exec: link's), and the\n"
			        "              last two with a splicing relay, splice:unix+tcp "
			        "and\n"
			        "              splice:unix+unix (default all)\n");
			return strcmp(argv[i], "--help") == 0 ? 0 : 2;
		}
	}
	size_t total = ((size_t)mib * (1u << 20) + WRITE_BYTES - 1) / WRITE_BYTES * WRITE_BYTES;
	printf("%-6s %-16s %12s %12s %8s\n", "round", "path", "MiB/s", "memcpy", "ratio");
	for (long r = 0; r < rounds; r++) {
		for (size_t p = 0; p < PATHS; p++) {
			if (!chosen[p])
				continue;
			double copy = measure_memcpy(total);
			double through = measure(&paths[p], total);
			printf("%-6ld %-16s %12.0f %12.0f %8.3f\n", r, paths[p].name, through, copy,
			       through / copy);
		}
	}
	return 0;
}
