/*
 * gh_sandbox_enter: the order of the steps, the identity and the limits.
 * See sandbox.h for what each step keeps out and why in this order.
 */
#include <errno.h>
#include <grp.h>
#include <linux/capability.h>
#include <pwd.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <gpupipe/log.h>

#include "sandbox.h"

/* Empty effective, permitted and inheritable sets, and no ambient ones;
 * for a process that was not root but had file capabilities. */
static bool drop_capabilities(void)
{
	struct __user_cap_header_struct hdr = {.version = _LINUX_CAPABILITY_VERSION_3};
	struct __user_cap_data_struct data[2] = {{0}};
	if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) < 0 && errno != EINVAL)
		return false;
	return syscall(SYS_capset, &hdr, data) == 0;
}

bool gh_sandbox_configure(struct gh_sandbox *sb, bool enabled, const char *user,
                          unsigned memory_gib, char *err, size_t err_len)
{
	*sb = (struct gh_sandbox){.enabled = enabled, .address_space = (uint64_t)memory_gib << 30};
	if (!enabled)
		return true;
	if (geteuid() != 0) {
		/* Capabilities are per thread, and the driver's threads start
		 * before the sandbox: a non-root gpupipe-host (file or ambient
		 * capabilities) gives them up now, while it has one thread. */
		if (!drop_capabilities()) {
			snprintf(err, err_len, "cannot drop capabilities: %s", strerror(errno));
			return false;
		}
		return true;
	}
	if (!user)
		user = "nobody";
	errno = 0;
	struct passwd *pw = getpwnam(user);
	if (!pw) {
		snprintf(err, err_len, "--sandbox-user %s: no such user%s%s", user,
		         errno ? ": " : "", errno ? strerror(errno) : "");
		return false;
	}
	if (pw->pw_uid == 0 || pw->pw_gid == 0) {
		snprintf(err, err_len, "--sandbox-user %s: the user or its group is root", user);
		return false;
	}
	sb->switch_user = true;
	sb->uid = pw->pw_uid;
	sb->gid = pw->pw_gid;
	snprintf(sb->user, sizeof(sb->user), "%s", user);
	return true;
}

/* Lowers a limit, soft and hard, to at most `max`. */
static bool lower(int resource, const char *name, rlim_t max)
{
	struct rlimit lim;
	if (getrlimit(resource, &lim) < 0)
		goto err;
	if (lim.rlim_max == RLIM_INFINITY || lim.rlim_max > max)
		lim.rlim_max = max;
	if (lim.rlim_cur == RLIM_INFINITY || lim.rlim_cur > lim.rlim_max)
		lim.rlim_cur = lim.rlim_max;
	if (setrlimit(resource, &lim) < 0)
		goto err;
	return true;
err:
	gp_log(ERROR, "sandbox: %s: %s", name, strerror(errno));
	return false;
}

/* No core files (they would hold the app's data); no more fds than the
 * soft limit, which the process can no longer raise; the address space. */
static bool limit_resources(const struct gh_sandbox *sb)
{
	struct rlimit files;
	if (getrlimit(RLIMIT_NOFILE, &files) < 0)
		return false;
	return lower(RLIMIT_CORE, "RLIMIT_CORE", 0) &&
	       lower(RLIMIT_NOFILE, "RLIMIT_NOFILE", files.rlim_cur) &&
	       (!sb->address_space || lower(RLIMIT_AS, "RLIMIT_AS", sb->address_space));
}

static bool switch_user(const struct gh_sandbox *sb)
{
	/* The bounding set goes first: dropping from it needs CAP_SETPCAP. */
	for (int cap = 0; cap <= CAP_LAST_CAP; cap++) {
		if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) < 0 && errno != EINVAL) {
			gp_log(ERROR, "sandbox: dropping capability %d: %s", cap, strerror(errno));
			return false;
		}
	}
	if (setgroups(0, NULL) < 0 || setresgid(sb->gid, sb->gid, sb->gid) < 0 ||
	    setresuid(sb->uid, sb->uid, sb->uid) < 0) {
		gp_log(ERROR, "sandbox: cannot become %s (%u:%u): %s", sb->user, (unsigned)sb->uid,
		       (unsigned)sb->gid, strerror(errno));
		return false;
	}
	/* Paranoia: root must be out of reach for good. */
	if (setuid(0) == 0 || geteuid() == 0) {
		gp_log(ERROR, "sandbox: still able to become root");
		return false;
	}
	return true;
}

bool gh_sandbox_enter(const struct gh_sandbox *sb)
{
	if (!sb->enabled)
		return true;
	/* A parent-death signal (a watched --stdio link: stdio-link.c) outlives the change of
	 * user, which clears it. */
	int pdeath = 0;
	prctl(PR_GET_PDEATHSIG, &pdeath);
	if (!limit_resources(sb) || (sb->switch_user && !switch_user(sb)))
		goto err;
	if (pdeath && prctl(PR_SET_PDEATHSIG, pdeath) < 0) {
		gp_log(ERROR, "sandbox: PR_SET_PDEATHSIG: %s", strerror(errno));
		goto err;
	}
	/* After the switch: a change of uid resets it to fs.suid_dumpable. */
	if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) < 0) {
		gp_log(ERROR, "sandbox: PR_SET_DUMPABLE: %s", strerror(errno));
		goto err;
	}
	if (!drop_capabilities()) {
		gp_log(ERROR, "sandbox: cannot drop capabilities: %s", strerror(errno));
		goto err;
	}
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) {
		gp_log(ERROR, "sandbox: no_new_privs: %s", strerror(errno));
		goto err;
	}
	if (!gh_sandbox_landlock() || !gh_sandbox_seccomp())
		goto err;
	gp_log(INFO, "sandbox entered: uid %u, no capabilities, seccomp allow-list",
	       (unsigned)getuid());
	return true;
err:
	gp_log(ERROR, "cannot enter the sandbox; not serving this link");
	return false;
}
