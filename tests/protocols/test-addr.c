/*
 * Link addresses: good ones parse into their parts, bad ones are refused
 * with a message that names the bad part and lists the valid forms; and
 * wire_unix_listen replaces only a stale socket, never anything else; TCP
 * links send without Nagle's delay at both ends.
 */
#include <errno.h>
#include <fcntl.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <gpupipe/addr.h>

#include "check.h"

static const char connect_forms[] =
        "; addresses are unix:PATH, tcp:HOST:PORT, vsock:CID:PORT or exec:COMMAND";
static const char listen_forms[] = "; addresses are unix:PATH, tcp:HOST:PORT or vsock:CID:PORT";

/* text is refused (for listening or connecting) with exactly
 * "bad address 'TEXT': DETAIL; addresses are ...". */
static void check_bad(const char *text, bool listening, const char *detail)
{
	struct wire_addr_error err = {{0}};
	char want[sizeof(err.text)];
	snprintf(want, sizeof(want), "bad address '%s': %s%s", text, detail,
	         listening ? listen_forms : connect_forms);
	if (wire_addr_check(text, listening, &err)) {
		fprintf(stderr, "'%s' was accepted (%s)\n", text, listening ? "listen" : "connect");
		failures++;
	} else if (strcmp(err.text, want) != 0) {
		fprintf(stderr, "'%s': got\n  %s\nexpected\n  %s\n", text, err.text, want);
		failures++;
	}
}

static void test_bad_addresses(void)
{
	for (int listening = 0; listening < 2; listening++) {
		check_bad("foo", listening, "unknown kind 'foo'");
		check_bad("", listening, "unknown kind ''");
		check_bad("udp:1.2.3.4:5", listening, "unknown kind 'udp'");
		check_bad("unix:", listening, "the path after 'unix:' is empty");
		check_bad("tcp:nohost", listening, "'nohost' is not HOST:PORT (no port)");
		check_bad("tcp::1", listening, "the host before ':PORT' is empty");
		check_bad("tcp:[]:1", listening, "the host before ':PORT' is empty");
		check_bad("tcp:host:99999", listening,
		          "port '99999' is not a number from 1 to 65535");
		check_bad("tcp:host:65536", listening,
		          "port '65536' is not a number from 1 to 65535");
		check_bad("tcp:host:0", listening, "port '0' is not a number from 1 to 65535");
		check_bad("tcp:host:-1", listening, "port '-1' is not a number from 1 to 65535");
		check_bad("tcp:host: 80", listening, "port ' 80' is not a number from 1 to 65535");
		check_bad("tcp:host:", listening, "port '' is not a number from 1 to 65535");
		check_bad("tcp:nohost.invalid:7070", listening,
		          "cannot resolve host 'nohost.invalid': Name or service not known");
		check_bad("vsock:x:1", listening, "CID 'x' is not a number from 0 to 4294967295");
		check_bad("vsock:1", listening, "'1' is not CID:PORT (no port)");
		check_bad("vsock:4294967296:1", listening,
		          "CID '4294967296' is not a number from 0 to 4294967295");
		check_bad("vsock:3:", listening, "port '' is not a number from 0 to 4294967295");
	}
	char long_path[200] = "unix:/";
	memset(long_path + 6, 'x', 108);
	check_bad(long_path, false, "the path is 109 bytes, a unix socket takes 107");
	check_bad("exec:", false, "the command after 'exec:' is empty");
	check_bad("exec:true", true,
	          "exec: is only for connecting (gpupipe-proxy --connect); gpupipe-host --stdio "
	          "is its other end");
}

static void test_good_addresses(void)
{
	struct wire_addr a;
	struct wire_addr_error err;
	CHECK(wire_addr_parse("unix:/run/x.sock", true, &a, &err) && a.kind == WIRE_ADDR_UNIX &&
	      strcmp(a.path, "/run/x.sock") == 0);
	CHECK(wire_addr_parse("tcp:10.137.0.5:7070", false, &a, &err) && a.kind == WIRE_ADDR_TCP &&
	      strcmp(a.host, "10.137.0.5") == 0 && strcmp(a.port, "7070") == 0);
	CHECK(wire_addr_parse("tcp:[::1]:65535", false, &a, &err) && strcmp(a.host, "::1") == 0 &&
	      strcmp(a.port, "65535") == 0);
	CHECK(wire_addr_parse("exec:qrexec-client-vm sys-gui-gpu gpupipe.Link", false, &a, &err) &&
	      a.kind == WIRE_ADDR_EXEC &&
	      strcmp(a.command, "qrexec-client-vm sys-gui-gpu gpupipe.Link") == 0);
	CHECK(wire_addr_check("tcp:localhost:1", false, &err));
	CHECK(wire_addr_check("tcp:127.0.0.1:7070", true, &err));
	CHECK(wire_addr_check("tcp:[::1]:7070", false, &err));
	CHECK(wire_addr_check("exec:true", false, &err));
#ifdef HAVE_VSOCK
	CHECK(wire_addr_parse("vsock:4294967295:7070", true, &a, &err) &&
	      a.kind == WIRE_ADDR_VSOCK && a.cid == 4294967295u && a.vport == 7070);
#else
	CHECK(!wire_addr_check("vsock:2:7070", false, &err) && strstr(err.text, "no vsock"));
#endif
	CHECK(wire_addr_is_unix("unix:/x") && !wire_addr_is_unix("tcp:a:1"));
}

static bool same_bytes(const char *path, const char *want)
{
	char buf[256];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n = fd >= 0 ? read(fd, buf, sizeof(buf)) : -1;
	if (fd >= 0)
		close(fd);
	return n == (ssize_t)strlen(want) && memcmp(buf, want, (size_t)n) == 0;
}

static int bind_at(const char *path, bool listening)
{
	struct sockaddr_un sun = {.sun_family = AF_UNIX};
	snprintf(sun.sun_path, sizeof(sun.sun_path), "%s", path);
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sun, sizeof(sun)) < 0 ||
	    (listening && listen(fd, 1) < 0)) {
		perror(path);
		exit(1);
	}
	return fd;
}

static void test_unix_listen(const char *dir)
{
	char path[256];
	struct wire_addr_error err;
	struct stat st;

	/* A regular file: refused, and not a byte of it changes. */
	snprintf(path, sizeof(path), "%s/notes", dir);
	static const char notes[] = "my notes\n";
	FILE *f = fopen(path, "w");
	CHECK(f && fputs(notes, f) >= 0 && fclose(f) == 0);
	CHECK(wire_unix_listen(path, 4, &err) < 0);
	CHECK(strstr(err.text, "exists and is a regular file, not a socket; it is left as it is"));
	CHECK(same_bytes(path, notes));

	/* A directory, and a symbolic link to a socket: refused. */
	snprintf(path, sizeof(path), "%s/dir", dir);
	CHECK(mkdir(path, 0700) == 0);
	CHECK(wire_unix_listen(path, 4, &err) < 0 && strstr(err.text, "is a directory"));
	char target[256];
	snprintf(target, sizeof(target), "%s/target.sock", dir);
	close(bind_at(target, false));
	snprintf(path, sizeof(path), "%s/link", dir);
	CHECK(symlink(target, path) == 0);
	CHECK(wire_unix_listen(path, 4, &err) < 0 && strstr(err.text, "is a symbolic link"));
	CHECK(lstat(path, &st) == 0 && S_ISLNK(st.st_mode));

	/* A live socket: refused, still there. */
	snprintf(path, sizeof(path), "%s/live.sock", dir);
	int live = bind_at(path, true);
	CHECK(wire_unix_listen(path, 4, &err) < 0 && strstr(err.text, "is already in use"));
	CHECK(lstat(path, &st) == 0 && S_ISSOCK(st.st_mode));
	close(live);

	/* Now stale (its listener closed without unlinking): replaced. */
	int fd = wire_unix_listen(path, 4, &err);
	CHECK(fd >= 0);
	if (fd >= 0)
		close(fd);

	/* Nothing there: bound. */
	snprintf(path, sizeof(path), "%s/fresh.sock", dir);
	fd = wire_unix_listen(path, 4, &err);
	CHECK(fd >= 0 && lstat(path, &st) == 0 && S_ISSOCK(st.st_mode));
	if (fd >= 0)
		close(fd);

	/* Through wire_addr_listen too. */
	snprintf(path, sizeof(path), "unix:%s/notes", dir);
	CHECK(wire_addr_listen(path, &err) < 0 && strstr(err.text, "is a regular file"));
	snprintf(path, sizeof(path), "%s/notes", dir);
	CHECK(same_bytes(path, notes));
}

static bool no_delay(int fd)
{
	int on = 0;
	socklen_t len = sizeof(on);
	return getsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, &len) == 0 && on;
}

/* Nagle's algorithm holds a small write while an earlier one is unacked:
 * with delayed acks, a reply of the host could wait for the app's next
 * request. Both the connecting end and the accepted one must turn it off. */
static void test_tcp_no_delay(void)
{
	struct wire_addr_error err;
	char text[64];
	/* A free port, as the kernel picks one (the parser takes no port 0). */
	struct sockaddr_in sin = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t len = sizeof(sin);
	int probe = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (probe < 0 || bind(probe, (struct sockaddr *)&sin, sizeof(sin)) < 0 ||
	    getsockname(probe, (struct sockaddr *)&sin, &len) < 0) {
		fprintf(stderr, "# no IPv4 loopback here (%s): TCP_NODELAY not checked\n",
		        strerror(errno));
		if (probe >= 0)
			close(probe);
		return;
	}
	close(probe);
	snprintf(text, sizeof(text), "tcp:127.0.0.1:%u", (unsigned)ntohs(sin.sin_port));
	int lfd = wire_addr_listen(text, &err);
	CHECK(lfd >= 0);
	if (lfd < 0) {
		fprintf(stderr, "# %s: %s\n", text, err.text);
		return;
	}
	int cfd = wire_addr_connect(text, NULL, &err);
	CHECK(cfd >= 0);
	if (cfd < 0) {
		fprintf(stderr, "# %s: %s\n", text, err.text);
		close(lfd);
		return;
	}
	int afd = accept(lfd, NULL, NULL);
	CHECK(afd >= 0);
	CHECK(no_delay(cfd));
	CHECK(no_delay(afd));
	close(afd);
	close(cfd);
	close(lfd);
}

int main(void)
{
	char dir[] = "/tmp/gpupipe-test-addr.XXXXXX";
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	test_bad_addresses();
	test_good_addresses();
	test_unix_listen(dir);
	test_tcp_no_delay();
	char cmd[64];
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", dir);
	if (failures)
		fprintf(stderr, "%d checks failed\n", failures);
	return failures ? 1 : 0;
}
