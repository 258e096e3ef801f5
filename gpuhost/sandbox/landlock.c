/*
 * Landlock (step 4 of gh_sandbox_enter): a ruleset that handles every
 * access right the running kernel knows and grants none, so no path can be
 * opened, created, removed or executed, no TCP port bound or connected, and
 * (ABI 6 and later) no abstract unix socket reached and no signal sent
 * outside this process.
 *
 * glibc has no wrappers and Debian 12's kernel headers predate the network
 * and scope fields, so the ABI is spelled out here from the kernel's
 * documentation (Documentation/userspace-api/landlock.rst).
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <gpupipe/log.h>

#include "sandbox.h"

#ifndef __NR_landlock_create_ruleset
#define __NR_landlock_create_ruleset 444
#define __NR_landlock_restrict_self 446
#endif

#define CREATE_RULESET_VERSION (1u << 0)

/* The kernel's struct landlock_ruleset_attr; each ABI appends a field, and
 * the kernel takes any prefix of it (the size says which). */
struct ruleset_attr {
	uint64_t handled_access_fs;  /* ABI 1 */
	uint64_t handled_access_net; /* ABI 4 */
	uint64_t scoped;             /* ABI 6 */
};

/* Filesystem rights: 13 in ABI 1 (execute .. make_sym), then refer (2),
 * truncate (3) and ioctl on devices (5). Rights are checked when a file is
 * opened, so the render node opened during setup keeps working. */
static uint64_t fs_rights(long abi)
{
	uint64_t rights = (1ull << 13) - 1;
	if (abi >= 2)
		rights |= 1ull << 13;
	if (abi >= 3)
		rights |= 1ull << 14;
	if (abi >= 5)
		rights |= 1ull << 15;
	return rights;
}

#define NET_BIND_TCP (1ull << 0)
#define NET_CONNECT_TCP (1ull << 1)
#define SCOPE_ABSTRACT_UNIX_SOCKET (1ull << 0)
#define SCOPE_SIGNAL (1ull << 1)

bool gh_sandbox_landlock(void)
{
	long abi = syscall(__NR_landlock_create_ruleset, NULL, 0, CREATE_RULESET_VERSION);
	if (abi < 1) {
		gp_log(INFO,
		       "sandbox: the kernel has no Landlock (%s); seccomp alone keeps paths "
		       "out of reach",
		       strerror(errno));
		return true;
	}
	struct ruleset_attr attr = {.handled_access_fs = fs_rights(abi)};
	size_t size = sizeof(attr.handled_access_fs);
	if (abi >= 4) {
		attr.handled_access_net = NET_BIND_TCP | NET_CONNECT_TCP;
		size = offsetof(struct ruleset_attr, scoped);
	}
	if (abi >= 6) {
		attr.scoped = SCOPE_ABSTRACT_UNIX_SOCKET | SCOPE_SIGNAL;
		size = sizeof(attr);
	}
	int fd = (int)syscall(__NR_landlock_create_ruleset, &attr, size, 0);
	if (fd < 0) {
		gp_log(ERROR, "sandbox: landlock_create_ruleset (ABI %ld): %s", abi,
		       strerror(errno));
		return false;
	}
	/* landlock_restrict_self needs no_new_privs, set before this step. */
	long rc = syscall(__NR_landlock_restrict_self, fd, 0);
	int saved = errno;
	close(fd);
	if (rc != 0) {
		gp_log(ERROR, "sandbox: landlock_restrict_self: %s", strerror(saved));
		return false;
	}
	gp_log(DEBUG, "sandbox: Landlock ABI %ld: no file access%s%s", abi,
	       abi >= 4 ? ", no TCP" : "", abi >= 6 ? ", scoped signals and abstract sockets" : "");
	return true;
}
