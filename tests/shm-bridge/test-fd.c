/* Read-only fds by value: sealed memfds and sb_read_fd. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <gpupipe/shm-bridge.h>

#include "sb-test.h"

static const char keymap[] = "xkb_keymap { xkb_keycodes { include \"evdev\" }; };";

static bool sealed_memfd_refuses_every_change(void)
{
	int fd = sb_memfd_from_bytes("keymap", keymap, sizeof(keymap));
	CHECK(fd >= 0);

	int seals = fcntl(fd, F_GET_SEALS);
	CHECK(seals == (F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL));
	CHECK(fcntl(fd, F_GETFD) & FD_CLOEXEC);
	CHECK(write(fd, "x", 1) < 0 && errno == EPERM);
	CHECK(pwrite(fd, "x", 1, 0) < 0 && errno == EPERM);
	CHECK(ftruncate(fd, 1) < 0 && errno == EPERM);
	CHECK(ftruncate(fd, 1 << 20) < 0 && errno == EPERM);
	CHECK(mmap(NULL, sizeof(keymap), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0) == MAP_FAILED);

	/* What a wl_keyboard client does with it. */
	char *map = mmap(NULL, sizeof(keymap), PROT_READ, MAP_PRIVATE, fd, 0);
	CHECK(map != MAP_FAILED);
	CHECK(memcmp(map, keymap, sizeof(keymap)) == 0);
	munmap(map, sizeof(keymap));
	close(fd);
	return true;
}

static bool read_fd_reads_a_sealed_memfd_through_a_read_only_fd(void)
{
	int fd = sb_memfd_from_bytes("keymap", keymap, sizeof(keymap));
	CHECK(fd >= 0);
	char path[64];
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	int ro = open(path, O_RDONLY | O_CLOEXEC);
	CHECK(ro >= 0);
	close(fd);

	void *data = NULL;
	const char *err = NULL;
	CHECKF(sb_read_fd(ro, sizeof(keymap), sizeof(keymap), &data, &err), "%s", err);
	CHECK(memcmp(data, keymap, sizeof(keymap)) == 0);
	free(data);
	CHECK(lseek(ro, 0, SEEK_CUR) == 0);
	close(ro);
	return true;
}

static bool read_fd_falls_back_to_pread_for_unmappable_files(void)
{
	/* procfs files report size 0 and read fine: not mapped, read. */
	char want[4096];
	int fd = open("/proc/version", O_RDONLY | O_CLOEXEC);
	CHECK(fd >= 0);
	ssize_t n = read(fd, want, sizeof(want));
	CHECK(n > 0);

	void *data = NULL;
	const char *err = NULL;
	CHECKF(sb_read_fd(fd, (size_t)n, sizeof(want), &data, &err), "%s", err);
	CHECK(memcmp(data, want, (size_t)n) == 0);
	free(data);
	close(fd);
	return true;
}

static bool read_fd_rejects_a_file_shorter_than_announced(void)
{
	int fd = sb_memfd_from_bytes("short", keymap, 10);
	CHECK(fd >= 0);
	void *data = NULL;
	const char *err = NULL;
	CHECK(!sb_read_fd(fd, 11, 100, &data, &err));
	CHECK(err && strstr(err, "shorter"));
	CHECK(data == NULL);
	close(fd);
	return true;
}

static bool read_fd_rejects_a_size_over_the_limit(void)
{
	int fd = sb_memfd_from_bytes("big", keymap, sizeof(keymap));
	CHECK(fd >= 0);
	void *data = NULL;
	const char *err = NULL;
	CHECK(!sb_read_fd(fd, sizeof(keymap), sizeof(keymap) - 1, &data, &err));
	CHECK(err && strstr(err, "limit"));
	CHECK(data == NULL);
	close(fd);
	return true;
}

static bool empty_files_round_trip(void)
{
	int fd = sb_memfd_from_bytes("empty", NULL, 0);
	CHECK(fd >= 0);
	void *data = NULL;
	const char *err = NULL;
	CHECKF(sb_read_fd(fd, 0, 0, &data, &err), "%s", err);
	CHECK(data != NULL);
	free(data);
	close(fd);
	return true;
}

static const struct sb_test tests[] = {
        SB_TEST(sealed_memfd_refuses_every_change),
        SB_TEST(read_fd_reads_a_sealed_memfd_through_a_read_only_fd),
        SB_TEST(read_fd_falls_back_to_pread_for_unmappable_files),
        SB_TEST(read_fd_rejects_a_file_shorter_than_announced),
        SB_TEST(read_fd_rejects_a_size_over_the_limit),
        SB_TEST(empty_files_round_trip),
};

int main(int argc, char **argv)
{
	return sb_test_main(argc, argv, tests, sizeof(tests) / sizeof(tests[0]));
}
