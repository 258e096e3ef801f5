/*
 * Link transports: unix sockets, TCP, vsock, and a command's stdio.
 */
#include <errno.h>
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#ifdef HAVE_VSOCK
#include <linux/vm_sockets.h>
#endif

#include <gpupipe/link.h>

static int fail(struct wire_addr_error *err, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));

static int fail(struct wire_addr_error *err, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->text, sizeof(err->text), fmt, ap);
	va_end(ap);
	return -1;
}

bool wire_addr_peer(int fd, struct wire_peer *peer)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);
	snprintf(peer->text, sizeof(peer->text), "unknown");
	if (getpeername(fd, (struct sockaddr *)&ss, &len) < 0)
		return false;
	if (ss.ss_family == AF_UNIX) {
		struct ucred cred;
		socklen_t clen = sizeof(cred);
		if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &clen) < 0)
			return false;
		snprintf(peer->text, sizeof(peer->text), "uid %u", (unsigned)cred.uid);
		return true;
	}
	char host[INET6_ADDRSTRLEN];
	if (ss.ss_family == AF_INET) {
		const struct sockaddr_in *sin = (const struct sockaddr_in *)&ss;
		if (!inet_ntop(AF_INET, &sin->sin_addr, host, sizeof(host)))
			return false;
		snprintf(peer->text, sizeof(peer->text), "tcp %.46s", host);
		return true;
	}
	if (ss.ss_family == AF_INET6) {
		struct in6_addr a = ((const struct sockaddr_in6 *)&ss)->sin6_addr;
		if (IN6_IS_ADDR_V4MAPPED(&a)) {
			if (!inet_ntop(AF_INET, &a.s6_addr[12], host, sizeof(host)))
				return false;
			snprintf(peer->text, sizeof(peer->text), "tcp %.46s", host);
			return true;
		}
		/* One host usually holds a whole /64: counted as one peer. */
		memset(&a.s6_addr[8], 0, 8);
		if (!inet_ntop(AF_INET6, &a, host, sizeof(host)))
			return false;
		snprintf(peer->text, sizeof(peer->text), "tcp %.46s/64", host);
		return true;
	}
#ifdef HAVE_VSOCK
	if (ss.ss_family == AF_VSOCK) {
		const struct sockaddr_vm *svm = (const struct sockaddr_vm *)&ss;
		snprintf(peer->text, sizeof(peer->text), "vsock cid %u", (unsigned)svm->svm_cid);
		return true;
	}
#endif
	return false;
}

bool wire_addr_is_unix(const char *addr)
{
	return strncmp(addr, "unix:", 5) == 0;
}

static bool unix_sockaddr(const char *path, struct sockaddr_un *sun, struct wire_addr_error *err)
{
	memset(sun, 0, sizeof(*sun));
	sun->sun_family = AF_UNIX;
	if (!*path || strlen(path) >= sizeof(sun->sun_path)) {
		fail(err, "unix socket path '%s' is empty or too long", path);
		return false;
	}
	strcpy(sun->sun_path, path);
	return true;
}

static int unix_open(const char *path, bool listening, struct wire_addr_error *err)
{
	struct sockaddr_un sun;
	if (!unix_sockaddr(path, &sun, err))
		return -1;
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return fail(err, "socket: %s", strerror(errno));
	if (listening) {
		/* A stale socket from a dead host is replaced; a live one
		 * refuses (connect succeeds) so two hosts never share it. */
		int probe = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
		if (probe >= 0 && connect(probe, (struct sockaddr *)&sun, sizeof(sun)) == 0) {
			close(probe);
			close(fd);
			return fail(err, "%s is in use by a running process", path);
		}
		if (probe >= 0)
			close(probe);
		unlink(path);
		if (bind(fd, (struct sockaddr *)&sun, sizeof(sun)) < 0 || listen(fd, 64) < 0) {
			fail(err, "cannot listen on %s: %s", path, strerror(errno));
			close(fd);
			return -1;
		}
		return fd;
	}
	if (connect(fd, (struct sockaddr *)&sun, sizeof(sun)) < 0) {
		fail(err, "cannot connect to %s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

/* Splits "HOST:PORT" at the last colon ([::1]:PORT brackets allowed). */
static bool split_host_port(const char *rest, char *host, size_t host_len, const char **port)
{
	const char *colon = strrchr(rest, ':');
	if (!colon || colon == rest || !colon[1])
		return false;
	size_t n = (size_t)(colon - rest);
	if (rest[0] == '[' && n >= 2 && rest[n - 1] == ']') {
		rest++;
		n -= 2;
	}
	if (n >= host_len)
		return false;
	memcpy(host, rest, n);
	host[n] = '\0';
	*port = colon + 1;
	return true;
}

static int tcp_open(const char *rest, bool listening, struct wire_addr_error *err)
{
	char host[256];
	const char *port;
	if (!split_host_port(rest, host, sizeof(host), &port))
		return fail(err, "tcp address '%s' is not HOST:PORT", rest);
	struct addrinfo hints = {.ai_socktype = SOCK_STREAM,
	                         .ai_flags = listening ? AI_PASSIVE : 0};
	struct addrinfo *res;
	int rc = getaddrinfo(host, port, &hints, &res);
	if (rc)
		return fail(err, "cannot resolve %s:%s: %s", host, port, gai_strerror(rc));
	int fd = -1;
	for (struct addrinfo *ai = res; ai && fd < 0; ai = ai->ai_next) {
		fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
		if (fd < 0)
			continue;
		int one = 1;
		if (listening) {
			setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
			rc = bind(fd, ai->ai_addr, ai->ai_addrlen) || listen(fd, 64);
		} else {
			rc = connect(fd, ai->ai_addr, ai->ai_addrlen);
			setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		}
		if (rc) {
			fail(err, "tcp %s:%s: %s", host, port, strerror(errno));
			close(fd);
			fd = -1;
		}
	}
	freeaddrinfo(res);
	return fd;
}

static int vsock_open(const char *rest, bool listening, struct wire_addr_error *err)
{
#ifdef HAVE_VSOCK
	char *end;
	errno = 0;
	unsigned long cid = strtoul(rest, &end, 10);
	if (errno || *end != ':' || cid > UINT32_MAX)
		return fail(err, "vsock address '%s' is not CID:PORT", rest);
	unsigned long port = strtoul(end + 1, &end, 10);
	if (errno || *end || port > UINT32_MAX)
		return fail(err, "vsock address '%s' is not CID:PORT", rest);
	struct sockaddr_vm svm = {
	        .svm_family = AF_VSOCK,
	        .svm_cid = (unsigned)cid,
	        .svm_port = (unsigned)port,
	};
	int fd = socket(AF_VSOCK, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return fail(err, "vsock socket: %s", strerror(errno));
	int rc = listening ? (bind(fd, (struct sockaddr *)&svm, sizeof(svm)) || listen(fd, 64))
	                   : connect(fd, (struct sockaddr *)&svm, sizeof(svm));
	if (rc) {
		fail(err, "vsock %s: %s", rest, strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
#else
	return fail(err, "this build has no vsock support (meson option vsock)");
#endif
}

/* Runs `sh -c command` with one end of a socketpair as its stdin and
 * stdout; the other end is the link. */
static int exec_open(const char *command, pid_t *child, struct wire_addr_error *err)
{
	if (!*command)
		return fail(err, "exec: needs a command");
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0)
		return fail(err, "socketpair: %s", strerror(errno));
	pid_t pid = fork();
	if (pid < 0) {
		close(sv[0]);
		close(sv[1]);
		return fail(err, "fork: %s", strerror(errno));
	}
	if (pid == 0) {
		signal(SIGPIPE, SIG_DFL);
		if (dup2(sv[1], 0) < 0 || dup2(sv[1], 1) < 0)
			_exit(127);
		execl("/bin/sh", "sh", "-c", command, (char *)NULL);
		_exit(127);
	}
	close(sv[1]);
	if (child)
		*child = pid;
	return sv[0];
}

static int open_addr(const char *addr, bool listening, pid_t *child, struct wire_addr_error *err)
{
	if (strncmp(addr, "unix:", 5) == 0)
		return unix_open(addr + 5, listening, err);
	if (strncmp(addr, "tcp:", 4) == 0)
		return tcp_open(addr + 4, listening, err);
	if (strncmp(addr, "vsock:", 6) == 0)
		return vsock_open(addr + 6, listening, err);
	if (strncmp(addr, "exec:", 5) == 0) {
		if (listening)
			return fail(err, "exec: addresses can only be connected to");
		return exec_open(addr + 5, child, err);
	}
	return fail(err, "unknown address '%s' (use unix:PATH, tcp:HOST:PORT, vsock:CID:PORT%s)",
	            addr, listening ? "" : " or exec:COMMAND");
}

int wire_addr_connect(const char *addr, pid_t *child, struct wire_addr_error *err)
{
	if (child)
		*child = -1;
	return open_addr(addr, false, child, err);
}

int wire_addr_listen(const char *addr, struct wire_addr_error *err)
{
	return open_addr(addr, true, NULL, err);
}
