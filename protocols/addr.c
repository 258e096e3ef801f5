/*
 * Link transports: unix sockets, TCP, vsock, and a command's stdio. The
 * syntax is checked in one place (wire_addr_parse) for both binaries, at
 * start-up and again on every open.
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

#include <gpupipe/addr.h>

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

/* "bad address 'TEXT': DETAIL; addresses are FORMS": what was given, the
 * part that is wrong, and what would have been right. */
static bool bad(struct wire_addr_error *err, const char *text, bool listening, const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));

static bool bad(struct wire_addr_error *err, const char *text, bool listening, const char *fmt, ...)
{
	char detail[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(detail, sizeof(detail), fmt, ap);
	va_end(ap);
	fail(err, "bad address '%.160s': %s; addresses are %s", text, detail,
	     listening ? "unix:PATH, tcp:HOST:PORT or vsock:CID:PORT"
	               : "unix:PATH, tcp:HOST:PORT, vsock:CID:PORT or exec:COMMAND");
	return false;
}

bool wire_addr_is_unix(const char *text)
{
	return strncmp(text, "unix:", 5) == 0;
}

static bool parse_unix(const char *text, bool listening, struct wire_addr *addr,
                       struct wire_addr_error *err)
{
	addr->path = text + 5;
	size_t len = strlen(addr->path);
	if (len == 0)
		return bad(err, text, listening, "the path after 'unix:' is empty");
	if (len >= sizeof(((struct sockaddr_un *)0)->sun_path))
		return bad(err, text, listening, "the path is %zu bytes, a unix socket takes %zu",
		           len, sizeof(((struct sockaddr_un *)0)->sun_path) - 1);
	return true;
}

/* Decimal digits only, no sign or spaces, at most max. */
static bool parse_number(const char *s, size_t len, unsigned long max, unsigned long *out)
{
	unsigned long v = 0;
	if (len == 0 || len > 10)
		return false;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (unsigned long)(s[i] - '0');
	}
	*out = v;
	return v <= max;
}

/* HOST:PORT, split at the last colon; [::1]:PORT brackets allowed. */
static bool parse_tcp(const char *text, bool listening, struct wire_addr *addr,
                      struct wire_addr_error *err)
{
	const char *rest = text + 4;
	const char *colon = strrchr(rest, ':');
	if (!colon)
		return bad(err, text, listening, "'%.100s' is not HOST:PORT (no port)", rest);
	size_t n = (size_t)(colon - rest);
	if (n >= 2 && rest[0] == '[' && rest[n - 1] == ']') {
		rest++;
		n -= 2;
	}
	if (n == 0)
		return bad(err, text, listening, "the host before ':PORT' is empty");
	if (n >= sizeof(addr->host))
		return bad(err, text, listening, "the host is %zu bytes, at most %zu", n,
		           sizeof(addr->host) - 1);
	memcpy(addr->host, rest, n);
	addr->host[n] = '\0';
	unsigned long port;
	const char *p = colon + 1;
	if (!parse_number(p, strlen(p), 65535, &port) || port == 0)
		return bad(err, text, listening, "port '%.20s' is not a number from 1 to 65535", p);
	snprintf(addr->port, sizeof(addr->port), "%lu", port);
	return true;
}

static bool parse_vsock(const char *text, bool listening, struct wire_addr *addr,
                        struct wire_addr_error *err)
{
	const char *rest = text + 6;
	const char *colon = strchr(rest, ':');
	if (!colon)
		return bad(err, text, listening, "'%.100s' is not CID:PORT (no port)", rest);
	unsigned long cid, port;
	if (!parse_number(rest, (size_t)(colon - rest), UINT32_MAX, &cid))
		return bad(err, text, listening, "CID '%.*s' is not a number from 0 to %u",
		           (int)(colon - rest > 20 ? 20 : colon - rest), rest, UINT32_MAX);
	if (!parse_number(colon + 1, strlen(colon + 1), UINT32_MAX, &port))
		return bad(err, text, listening, "port '%.20s' is not a number from 0 to %u",
		           colon + 1, UINT32_MAX);
	addr->cid = (uint32_t)cid;
	addr->vport = (uint32_t)port;
#ifdef HAVE_VSOCK
	return true;
#else
	return bad(err, text, listening, "this build has no vsock support (meson option vsock)");
#endif
}

bool wire_addr_parse(const char *text, bool listening, struct wire_addr *addr,
                     struct wire_addr_error *err)
{
	memset(addr, 0, sizeof(*addr));
	if (strncmp(text, "unix:", 5) == 0) {
		addr->kind = WIRE_ADDR_UNIX;
		return parse_unix(text, listening, addr, err);
	}
	if (strncmp(text, "tcp:", 4) == 0) {
		addr->kind = WIRE_ADDR_TCP;
		return parse_tcp(text, listening, addr, err);
	}
	if (strncmp(text, "vsock:", 6) == 0) {
		addr->kind = WIRE_ADDR_VSOCK;
		return parse_vsock(text, listening, addr, err);
	}
	if (strncmp(text, "exec:", 5) == 0) {
		addr->kind = WIRE_ADDR_EXEC;
		addr->command = text + 5;
		if (listening)
			return bad(err, text, listening,
			           "exec: is only for connecting (gpupipe-proxy --connect); "
			           "gpupipe-host --stdio is its other end");
		if (!*addr->command)
			return bad(err, text, listening, "the command after 'exec:' is empty");
		return true;
	}
	const char *colon = strchr(text, ':');
	int kind_len = colon ? (int)(colon - text) : (int)strlen(text);
	return bad(err, text, listening, "unknown kind '%.*s'", kind_len > 40 ? 40 : kind_len,
	           text);
}

bool wire_addr_check(const char *text, bool listening, struct wire_addr_error *err)
{
	struct wire_addr addr;
	if (!wire_addr_parse(text, listening, &addr, err))
		return false;
	if (addr.kind != WIRE_ADDR_TCP)
		return true;
	struct addrinfo hints = {.ai_socktype = SOCK_STREAM,
	                         .ai_flags = AI_NUMERICSERV | (listening ? AI_PASSIVE : 0)};
	struct addrinfo *res;
	int rc = getaddrinfo(addr.host, addr.port, &hints, &res);
	if (rc)
		return bad(err, text, listening, "cannot resolve host '%s': %s", addr.host,
		           rc == EAI_SYSTEM ? strerror(errno) : gai_strerror(rc));
	freeaddrinfo(res);
	return true;
}

static int unix_connect(const char *path, struct wire_addr_error *err)
{
	struct sockaddr_un sun = {.sun_family = AF_UNIX};
	/* wire_addr_parse checked that it fits. */
	memcpy(sun.sun_path, path, strlen(path) + 1);
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return fail(err, "socket: %s", strerror(errno));
	if (connect(fd, (struct sockaddr *)&sun, sizeof(sun)) < 0) {
		fail(err, "cannot connect to %s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

static int tcp_open(const struct wire_addr *addr, bool listening, struct wire_addr_error *err)
{
	struct addrinfo hints = {.ai_socktype = SOCK_STREAM,
	                         .ai_flags = AI_NUMERICSERV | (listening ? AI_PASSIVE : 0)};
	struct addrinfo *res;
	int rc = getaddrinfo(addr->host, addr->port, &hints, &res);
	if (rc)
		return fail(err, "cannot resolve %s:%s: %s", addr->host, addr->port,
		            gai_strerror(rc));
	int fd = -1;
	for (struct addrinfo *ai = res; ai && fd < 0; ai = ai->ai_next) {
		fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
		if (fd < 0)
			continue;
		int one = 1;
		/* Both ends send without Nagle's delay: a link's messages are
		 * small and each waits for nothing. Accepted sockets inherit it
		 * from the listening one. */
		setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		if (listening) {
			setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
			rc = bind(fd, ai->ai_addr, ai->ai_addrlen) || listen(fd, 64);
		} else {
			rc = connect(fd, ai->ai_addr, ai->ai_addrlen);
		}
		if (rc) {
			fail(err, "tcp %s:%s: %s", addr->host, addr->port, strerror(errno));
			close(fd);
			fd = -1;
		}
	}
	freeaddrinfo(res);
	return fd;
}

static int vsock_open(const struct wire_addr *addr, bool listening, struct wire_addr_error *err)
{
#ifdef HAVE_VSOCK
	struct sockaddr_vm svm = {
	        .svm_family = AF_VSOCK,
	        .svm_cid = addr->cid,
	        .svm_port = addr->vport,
	};
	int fd = socket(AF_VSOCK, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return fail(err, "vsock socket: %s", strerror(errno));
	int rc = listening ? (bind(fd, (struct sockaddr *)&svm, sizeof(svm)) || listen(fd, 64))
	                   : connect(fd, (struct sockaddr *)&svm, sizeof(svm));
	if (rc) {
		fail(err, "vsock %u:%u: %s", addr->cid, addr->vport, strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
#else
	(void)addr;
	(void)listening;
	return fail(err, "this build has no vsock support (meson option vsock)");
#endif
}

/* Runs `sh -c command` with one end of a socketpair as its stdin and
 * stdout; the other end is the link. */
static int exec_open(const char *command, pid_t *child, struct wire_addr_error *err)
{
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
		/* The command starts clean: the caller may have blocked signals
		 * for its event loop (a signal mask survives exec). */
		sigset_t none;
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
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

int wire_addr_connect(const char *text, pid_t *child, struct wire_addr_error *err)
{
	struct wire_addr addr;
	if (child)
		*child = -1;
	if (!wire_addr_parse(text, false, &addr, err))
		return -1;
	switch (addr.kind) {
	case WIRE_ADDR_UNIX:
		return unix_connect(addr.path, err);
	case WIRE_ADDR_TCP:
		return tcp_open(&addr, false, err);
	case WIRE_ADDR_VSOCK:
		return vsock_open(&addr, false, err);
	case WIRE_ADDR_EXEC:
		return exec_open(addr.command, child, err);
	}
	return fail(err, "unknown address kind");
}

int wire_addr_listen(const char *text, struct wire_addr_error *err)
{
	struct wire_addr addr;
	if (!wire_addr_parse(text, true, &addr, err))
		return -1;
	switch (addr.kind) {
	case WIRE_ADDR_UNIX:
		return wire_unix_listen(addr.path, 64, err);
	case WIRE_ADDR_TCP:
		return tcp_open(&addr, true, err);
	case WIRE_ADDR_VSOCK:
		return vsock_open(&addr, true, err);
	case WIRE_ADDR_EXEC:
		break;
	}
	return fail(err, "exec: addresses can only be connected to");
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
