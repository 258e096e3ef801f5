/* sb_source: the proxy's read-only view of an app's pool fd. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <gpupipe/shm-bridge.h>

#include "sb-test.h"

#define POOL 8192u

/* The app's pool: a memfd of `size` bytes, mapped writable into *map. */
static int app_pool(uint32_t size, uint8_t **map)
{
	int fd = memfd_create("app-pool", MFD_CLOEXEC);
	if (fd < 0 || ftruncate(fd, size) < 0)
		return -1;
	*map = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	return *map == MAP_FAILED ? -1 : fd;
}

static bool fd_is_closed(int fd)
{
	return fcntl(fd, F_GETFD) < 0 && errno == EBADF;
}

static bool source_sees_the_apps_writes(void)
{
	uint8_t *app;
	int fd = app_pool(POOL, &app);
	CHECK(fd >= 0);
	const char *err = NULL;
	struct sb_source *s = sb_source_create(fd, POOL, &err);
	CHECKF(s, "%s", err);
	CHECK(sb_source_size(s) == POOL);
	CHECK(sb_source_check(s));
	/* The shadow starts zero, as the replica. */
	CHECK(sb_source_shadow(s)[0] == 0 && sb_source_shadow(s)[POOL - 1] == 0);

	memset(app, 0x42, POOL);
	app[POOL - 1] = 0x17;
	CHECK(sb_source_data(s)[0] == 0x42 && sb_source_data(s)[POOL - 1] == 0x17);

	sb_source_destroy(s);
	CHECK(fd_is_closed(fd));
	munmap(app, POOL);
	sb_source_destroy(NULL);
	return true;
}

static bool source_resize_follows_the_grown_pool(void)
{
	uint8_t *app;
	int fd = app_pool(POOL, &app);
	CHECK(fd >= 0);
	const char *err = NULL;
	struct sb_source *s = sb_source_create(fd, POOL, &err);
	CHECKF(s, "%s", err);
	memset(app, 1, POOL);

	CHECK(ftruncate(fd, 4 * POOL) == 0);
	uint8_t *grown = mmap(NULL, 4 * POOL, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(grown != MAP_FAILED);
	grown[4 * POOL - 1] = 0x99;

	CHECK(!sb_source_resize(s, POOL - 1, &err));
	CHECK(strstr(err, "shrink"));
	CHECK(sb_source_resize(s, POOL, &err));
	CHECKF(sb_source_resize(s, 4 * POOL, &err), "%s", err);
	CHECK(sb_source_size(s) == 4 * POOL);
	CHECK(sb_source_data(s)[0] == 1);
	CHECK(sb_source_data(s)[4 * POOL - 1] == 0x99);
	CHECK(sb_source_check(s));
	/* The shadow grows with a zero tail (flush fills it: test-diff). */
	CHECK(sb_source_shadow(s)[4 * POOL - 1] == 0);

	sb_source_destroy(s);
	munmap(grown, 4 * POOL);
	munmap(app, POOL);
	return true;
}

static bool source_check_detects_a_truncated_pool(void)
{
	uint8_t *app;
	int fd = app_pool(POOL, &app);
	CHECK(fd >= 0);
	munmap(app, POOL);
	const char *err = NULL;
	struct sb_source *s = sb_source_create(fd, POOL, &err);
	CHECKF(s, "%s", err);

	CHECK(ftruncate(fd, POOL - 1) == 0);
	CHECK(!sb_source_check(s));
	CHECK(ftruncate(fd, POOL) == 0);
	CHECK(sb_source_check(s));
	sb_source_destroy(s);
	return true;
}

static bool source_refuses_unmappable_fds_and_closes_them(void)
{
	int p[2];
	CHECK(pipe2(p, O_CLOEXEC) == 0);
	const char *err = NULL;
	CHECK(!sb_source_create(p[0], POOL, &err));
	CHECK(err && strstr(err, "cannot map"));
	CHECK(fd_is_closed(p[0]));

	err = NULL;
	CHECK(!sb_source_create(p[1], 0, &err));
	CHECK(err && strstr(err, "size is 0"));
	CHECK(fd_is_closed(p[1]));
	return true;
}

static const struct sb_test tests[] = {
        SB_TEST(source_sees_the_apps_writes),
        SB_TEST(source_resize_follows_the_grown_pool),
        SB_TEST(source_check_detects_a_truncated_pool),
        SB_TEST(source_refuses_unmappable_fds_and_closes_them),
};

int main(int argc, char **argv)
{
	return sb_test_main(argc, argv, tests, sizeof(tests) / sizeof(tests[0]));
}
