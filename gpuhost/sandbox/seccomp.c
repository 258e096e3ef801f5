/*
 * The seccomp-bpf allow-list of a link process (step 5 of gh_sandbox_enter),
 * built with libseccomp and synchronised onto every thread, including the
 * driver's.
 *
 * What a link process does while it serves its app: reads and writes the
 * fds it already holds (the link, the compositor connection, shm and
 * frame-buffer memfds, clipboard pipes, the render node), polls them,
 * creates memfds and pipes, maps memory (executable too: llvmpipe compiles
 * shaders to machine code), and lets the driver run threads. Nothing in it
 * opens a path, makes a socket, or starts a program.
 *
 * Calls that must fail, fail politely with an errno, so that a driver that
 * probes for something degrades instead of dying. Any other call outside
 * the list raises SIGSYS: the handler logs the call's number (so a missing
 * entry is found at once) and the process exits.
 */
#include <errno.h>
#include <fcntl.h>
#include <seccomp.h>
#include <signal.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <gpupipe/log.h>

#include "sandbox.h"

/* The two tables are easier to read as lines of related calls. */
/* clang-format off */

/* Used as they are; arguments carry no authority beyond the fds held. */
static const char *const allowed[] = {
	/* fds already held */
	"read", "write", "readv", "writev", "pread64", "pwrite64", "preadv", "pwritev",
	"preadv2", "pwritev2", "close", "dup", "dup2", "dup3", "lseek", "fstat", "fstatfs",
	"ftruncate", "fsync", "fdatasync",
	/* --shader-cache: Mesa's cache files, opened before the sandbox, are locked as its
	 * threads append (gpuhost/shader-cache.c) */
	"flock",
	/* new fds that name no path */
	"memfd_create", "pipe", "pipe2", "eventfd2", "timerfd_create", "timerfd_settime",
	"timerfd_gettime", "epoll_create1",
	/* waiting */
	"epoll_ctl", "epoll_wait", "epoll_pwait", "epoll_pwait2", "poll", "ppoll", "select",
	"pselect6", "nanosleep", "clock_nanosleep", "futex", "futex_waitv", "sched_yield",
	"restart_syscall",
	/* sockets already connected */
	"sendmsg", "recvmsg", "sendto", "recvfrom", "sendmmsg", "recvmmsg", "shutdown",
	"getsockopt", "getsockname", "getpeername",
	/* memory */
	"brk", "mmap", "munmap", "mremap", "mprotect", "madvise", "membarrier", "get_mempolicy",
	/* threads, signals, time, identity */
	"set_robust_list", "get_robust_list", "rseq", "set_tid_address", "exit", "exit_group",
	"gettid", "getpid", "getppid", "sched_getaffinity", "sched_getparam",
	"sched_getscheduler", "sched_get_priority_max", "sched_get_priority_min",
	"rt_sigaction", "rt_sigprocmask", "rt_sigreturn", "rt_sigtimedwait", "sigaltstack",
	"clock_gettime", "clock_getres", "gettimeofday", "time", "getrandom", "uname",
	"getuid", "geteuid", "getgid", "getegid", "getresuid", "getresgid", "getgroups",
	"getrlimit", "getrusage", "sysinfo", "getcpu",
};

/* Refused with an errno: the driver may try them and must get an answer. */
static const struct {
	const char *name;
	int err;
} refused[] = {
	/* paths */
	{"open", EACCES}, {"openat", EACCES}, {"openat2", EACCES}, {"creat", EACCES},
	{"access", EACCES}, {"faccessat", EACCES}, {"faccessat2", EACCES},
	{"readlink", EACCES}, {"readlinkat", EACCES}, {"stat", EACCES}, {"lstat", EACCES},
	{"mkdir", EACCES}, {"mkdirat", EACCES}, {"unlink", EACCES}, {"unlinkat", EACCES},
	{"rename", EACCES}, {"renameat", EACCES}, {"renameat2", EACCES},
	/* sockets */
	{"socket", EACCES}, {"socketpair", EACCES}, {"connect", EACCES}, {"bind", EACCES},
	{"listen", EACCES}, {"accept", EACCES}, {"accept4", EACCES},
	/* other processes */
	{"execve", EPERM}, {"execveat", EPERM}, {"fork", EPERM}, {"vfork", EPERM},
	{"ptrace", EPERM}, {"process_vm_readv", EPERM}, {"process_vm_writev", EPERM},
	{"kill", EPERM},
	/* scheduling (AMD's driver tries; it runs without) */
	{"setpriority", EPERM}, {"sched_setaffinity", EPERM}, {"sched_setscheduler", EPERM},
	/* identity changes: never possible again, said plainly */
	{"setuid", EPERM}, {"setgid", EPERM}, {"setreuid", EPERM}, {"setregid", EPERM},
	{"setresuid", EPERM}, {"setresgid", EPERM}, {"setgroups", EPERM},
	{"setfsuid", EPERM}, {"setfsgid", EPERM}, {"capset", EPERM}, {"unshare", EPERM},
	{"setns", EPERM}, {"chroot", EPERM}, {"mount", EPERM},
	/* glibc tries clone3 first and falls back to clone, whose flags seccomp can see */
	{"clone3", ENOSYS},
};

/* clang-format on */

static void on_sigsys(int sig, siginfo_t *info, void *ucontext)
{
	char line[128];
	int n = snprintf(line, sizeof(line),
	                 "gpupipe-host[%d]: sandbox: system call %d is not allowed; ending the "
	                 "link (run with --no-sandbox to debug)\n",
	                 (int)getpid(), info->si_syscall);
	if (n > 0)
		(void)!write(2, line, (size_t)n);
	_exit(70);
}

/* A fully initialised comparison of argument n (libseccomp's SCMP_An
 * macros leave datum_b to the compiler, which clang warns about). */
static struct scmp_arg_cmp arg(unsigned n, enum scmp_compare op, scmp_datum_t a, scmp_datum_t b)
{
	return (struct scmp_arg_cmp){.arg = n, .op = op, .datum_a = a, .datum_b = b};
}

static bool add(scmp_filter_ctx ctx, uint32_t action, const char *name, unsigned n_args,
                const struct scmp_arg_cmp *args)
{
	int nr = seccomp_syscall_resolve_name(name);
	if (nr == __NR_SCMP_ERROR)
		return true; /* not a call on this architecture */
	int rc = seccomp_rule_add_array(ctx, action, nr, n_args, args);
	if (rc < 0) {
		gp_log(ERROR, "sandbox: seccomp rule for %s: %s", name, strerror(-rc));
		return false;
	}
	return true;
}

/* fcntl: flags, close-on-exec, duplicates and memfd seals. Not F_SETOWN
 * or F_SETSIG: with O_ASYNC they let a write signal any process of the
 * same uid (every other link process), which kill() may not. */
static bool add_fcntl(scmp_filter_ctx ctx)
{
	static const int allowed_cmds[] = {F_GETFD, F_SETFD,         F_GETFL,     F_SETFL,
	                                   F_DUPFD, F_DUPFD_CLOEXEC, F_ADD_SEALS, F_GET_SEALS};
	static const int refused_cmds[] = {F_SETOWN, F_SETOWN_EX, F_SETSIG, F_SETLEASE, F_NOTIFY};
	for (size_t i = 0; i < sizeof(allowed_cmds) / sizeof(allowed_cmds[0]); i++) {
		struct scmp_arg_cmp cmd = arg(1, SCMP_CMP_EQ, (scmp_datum_t)allowed_cmds[i], 0);
		if (!add(ctx, SCMP_ACT_ALLOW, "fcntl", 1, &cmd))
			return false;
	}
	for (size_t i = 0; i < sizeof(refused_cmds) / sizeof(refused_cmds[0]); i++) {
		struct scmp_arg_cmp cmd = arg(1, SCMP_CMP_EQ, (scmp_datum_t)refused_cmds[i], 0);
		if (!add(ctx, SCMP_ACT_ERRNO(EPERM), "fcntl", 1, &cmd))
			return false;
	}
	return true;
}

/* stat of the fd's own file only: glibc's fstat() is fstatat(fd, "",
 * AT_EMPTY_PATH). Its stat() and lstat() are fstatat without the flag:
 * refused politely. (With the flag and a non-empty path the kernel still
 * looks the path up: a compromised process can learn a file's metadata,
 * never its contents; Landlock does not cover stat either.) */
static bool add_stat(scmp_filter_ctx ctx)
{
	struct scmp_arg_cmp empty3 = arg(3, SCMP_CMP_MASKED_EQ, AT_EMPTY_PATH, AT_EMPTY_PATH);
	struct scmp_arg_cmp path3 = arg(3, SCMP_CMP_MASKED_EQ, AT_EMPTY_PATH, 0);
	struct scmp_arg_cmp empty2 = arg(2, SCMP_CMP_MASKED_EQ, AT_EMPTY_PATH, AT_EMPTY_PATH);
	struct scmp_arg_cmp path2 = arg(2, SCMP_CMP_MASKED_EQ, AT_EMPTY_PATH, 0);
	return add(ctx, SCMP_ACT_ALLOW, "newfstatat", 1, &empty3) &&
	       add(ctx, SCMP_ACT_ERRNO(EACCES), "newfstatat", 1, &path3) &&
	       add(ctx, SCMP_ACT_ALLOW, "statx", 1, &empty2) &&
	       add(ctx, SCMP_ACT_ERRNO(EACCES), "statx", 1, &path2);
}

/* Calls allowed only with some arguments. */
static bool add_conditional(scmp_filter_ctx ctx)
{
	pid_t self = getpid();
	/* Threads (the driver's), never processes. */
	struct scmp_arg_cmp thread = arg(0, SCMP_CMP_MASKED_EQ, CLONE_THREAD, CLONE_THREAD);
	struct scmp_arg_cmp process = arg(0, SCMP_CMP_MASKED_EQ, CLONE_THREAD, 0);
	/* Signals to its own threads only (raise, abort). */
	struct scmp_arg_cmp own = arg(0, SCMP_CMP_EQ, (scmp_datum_t)self, 0);
	/* Reading its own limits. */
	struct scmp_arg_cmp no_new_limit[] = {arg(0, SCMP_CMP_EQ, 0, 0), arg(2, SCMP_CMP_EQ, 0, 0)};
	/* Thread names, and the two queries some drivers make. */
	struct scmp_arg_cmp set_name = arg(0, SCMP_CMP_EQ, PR_SET_NAME, 0);
	struct scmp_arg_cmp get_name = arg(0, SCMP_CMP_EQ, PR_GET_NAME, 0);
	struct scmp_arg_cmp get_dumpable = arg(0, SCMP_CMP_EQ, PR_GET_DUMPABLE, 0);
	/* The ioctls of the fds a driver holds: DRM ('d'), dma-buf ('b') and
	 * sync_file ('>') on the render node and frame buffers. */
	struct scmp_arg_cmp drm = arg(1, SCMP_CMP_MASKED_EQ, 0xff00, 'd' << 8);
	struct scmp_arg_cmp dma_buf = arg(1, SCMP_CMP_MASKED_EQ, 0xff00, 'b' << 8);
	struct scmp_arg_cmp sync_file = arg(1, SCMP_CMP_MASKED_EQ, 0xff00, '>' << 8);
	/* Blocking mode and close-on-exec, the generic ioctls drivers use. */
	struct scmp_arg_cmp fionbio = arg(1, SCMP_CMP_EQ, FIONBIO, 0);
	struct scmp_arg_cmp fioclex = arg(1, SCMP_CMP_EQ, FIOCLEX, 0);
	/* isatty(): not a terminal. */
	struct scmp_arg_cmp tcgets = arg(1, SCMP_CMP_EQ, TCGETS, 0);
	/* amdgpu compares its own fds with kcmp(KCMP_FILE). */
	struct scmp_arg_cmp kcmp_self[] = {arg(0, SCMP_CMP_EQ, (scmp_datum_t)self, 0),
	                                   arg(1, SCMP_CMP_EQ, (scmp_datum_t)self, 0)};
	return add(ctx, SCMP_ACT_ALLOW, "clone", 1, &thread) &&
	       add(ctx, SCMP_ACT_ERRNO(EPERM), "clone", 1, &process) &&
	       add(ctx, SCMP_ACT_ALLOW, "tgkill", 1, &own) &&
	       add(ctx, SCMP_ACT_ALLOW, "prlimit64", 2, no_new_limit) &&
	       add(ctx, SCMP_ACT_ALLOW, "prctl", 1, &set_name) &&
	       add(ctx, SCMP_ACT_ALLOW, "prctl", 1, &get_name) &&
	       add(ctx, SCMP_ACT_ALLOW, "prctl", 1, &get_dumpable) &&
	       add(ctx, SCMP_ACT_ALLOW, "ioctl", 1, &drm) &&
	       add(ctx, SCMP_ACT_ALLOW, "ioctl", 1, &dma_buf) &&
	       add(ctx, SCMP_ACT_ALLOW, "ioctl", 1, &sync_file) &&
	       add(ctx, SCMP_ACT_ALLOW, "ioctl", 1, &fionbio) &&
	       add(ctx, SCMP_ACT_ALLOW, "ioctl", 1, &fioclex) &&
	       add(ctx, SCMP_ACT_ERRNO(ENOTTY), "ioctl", 1, &tcgets) &&
	       add(ctx, SCMP_ACT_ALLOW, "kcmp", 2, kcmp_self);
}

static bool add_lists(scmp_filter_ctx ctx)
{
	for (size_t i = 0; i < sizeof(allowed) / sizeof(allowed[0]); i++) {
		if (!add(ctx, SCMP_ACT_ALLOW, allowed[i], 0, NULL))
			return false;
	}
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		if (!add(ctx, SCMP_ACT_ERRNO(refused[i].err), refused[i].name, 0, NULL))
			return false;
	}
	return add_conditional(ctx) && add_fcntl(ctx) && add_stat(ctx);
}

bool gh_sandbox_seccomp(void)
{
	struct sigaction sa = {.sa_sigaction = on_sigsys, .sa_flags = SA_SIGINFO};
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGSYS, &sa, NULL) < 0) {
		gp_log(ERROR, "sandbox: SIGSYS handler: %s", strerror(errno));
		return false;
	}
	scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_TRAP);
	if (!ctx) {
		gp_log(ERROR, "sandbox: seccomp_init failed");
		return false;
	}
	int rc = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_TSYNC, 1);
	/* A binary tree instead of a list: every system call of the driver's
	 * threads runs the filter. Older kernels or libseccomp: a list. */
	(void)seccomp_attr_set(ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2);
	if (rc == 0 && !add_lists(ctx))
		rc = -EINVAL;
	if (rc == 0)
		rc = seccomp_load(ctx);
	seccomp_release(ctx);
	if (rc < 0) {
		gp_log(ERROR, "sandbox: cannot load the seccomp filter: %s", strerror(-rc));
		return false;
	}
	return true;
}
