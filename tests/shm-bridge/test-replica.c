/* sb_replica: the host's checks on WIRE_SHM_COPY, and growth. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gpupipe/shm-bridge.h>
#include <gpupipe/wire.h>

#include "sb-test.h"

#define REGION 4096u

/* A replica filled with a known pattern through a valid copy. */
static struct sb_replica *patterned_replica(uint8_t seed)
{
	uint8_t data[REGION];
	struct wire_shm_copy c = {
	        .handle = 1, .offset = 0, .stride = REGION, .row_bytes = REGION, .rows = 1};
	const char *err = NULL;

	for (uint32_t i = 0; i < REGION; i++)
		data[i] = (uint8_t)(i * 7 + seed);
	struct sb_replica *r = sb_replica_create(REGION, &err);
	if (!r || !sb_replica_apply(r, &c, data, sizeof(data), &err)) {
		fprintf(stderr, "setting up a replica: %s\n", err);
		sb_replica_destroy(r);
		return NULL;
	}
	return r;
}

/* What the compositor would see: the replica's fd mapped anew. */
static bool replica_bytes(const struct sb_replica *r, uint8_t *out)
{
	size_t size = sb_replica_size(r);
	void *map = mmap(NULL, size, PROT_READ, MAP_SHARED, sb_replica_fd(r), 0);
	if (map == MAP_FAILED)
		return false;
	memcpy(out, map, size);
	munmap(map, size);
	return true;
}

/* Applies a malformed copy: it must fail, name `rule`, and write nothing. */
static bool rejects(struct wire_shm_copy c, size_t data_len, const char *rule)
{
	static uint8_t before[REGION], after[REGION];
	struct sb_replica *r = patterned_replica(3);
	CHECK(r);
	CHECK(replica_bytes(r, before));

	uint8_t *data = malloc(data_len ? data_len : 1);
	CHECK(data);
	memset(data, 0xee, data_len);
	const char *err = NULL;
	bool applied = sb_replica_apply(r, &c, data, data_len, &err);
	free(data);

	CHECK(!applied);
	CHECK(err);
	CHECKF(strstr(err, rule), "error \"%s\" does not name \"%s\"", err, rule);
	CHECK(replica_bytes(r, after));
	CHECK(memcmp(before, after, REGION) == 0);
	sb_replica_destroy(r);
	return true;
}

static bool copy_with_zero_rows_is_rejected(void)
{
	struct wire_shm_copy c = {.offset = 0, .stride = 16, .row_bytes = 16, .rows = 0};
	return rejects(c, 0, "zero rows");
}

static bool copy_with_zero_row_bytes_is_rejected(void)
{
	struct wire_shm_copy c = {.offset = 0, .stride = 16, .row_bytes = 0, .rows = 4};
	return rejects(c, 0, "zero row_bytes");
}

static bool copy_past_the_end_is_rejected(void)
{
	/* Last row ends one byte past the region. */
	struct wire_shm_copy c = {
	        .offset = REGION - 3 * 64 - 31, .stride = 64, .row_bytes = 32, .rows = 4};
	CHECK(rejects(c, 4 * 32, "ends past the region"));

	/* Starts past the end. */
	struct wire_shm_copy d = {.offset = REGION, .stride = 1, .row_bytes = 1, .rows = 1};
	return rejects(d, 1, "ends past the region");
}

static bool copy_whose_end_wraps_32_bits_is_rejected(void)
{
	/* (rows - 1) * stride = 2^32: wraps to 0 in 32-bit arithmetic. */
	struct wire_shm_copy c = {.offset = 0, .stride = 0x10000, .row_bytes = 16, .rows = 0x10001};
	CHECK(rejects(c, (size_t)0x10001 * 16, "ends past the region"));

	/* offset + row_bytes wraps to 0x10. */
	struct wire_shm_copy d = {
	        .offset = 0xfffffff0u, .stride = 0x20, .row_bytes = 0x20, .rows = 1};
	CHECK(rejects(d, 0x20, "ends past the region"));

	/* Everything at its maximum: the 64-bit sum must not wrap either. */
	struct wire_shm_copy e = {
	        .offset = UINT32_MAX, .stride = UINT32_MAX, .row_bytes = 1, .rows = UINT32_MAX};
	return rejects(e, 1, "ends past the region");
}

static bool copy_with_row_bytes_over_stride_is_rejected(void)
{
	/* Ends inside the region, but rows would overlap. */
	struct wire_shm_copy c = {.offset = 0, .stride = 8, .row_bytes = 16, .rows = 2};
	return rejects(c, 32, "row_bytes 16 > stride 8");
}

static bool copy_with_wrong_data_length_is_rejected(void)
{
	struct wire_shm_copy c = {.offset = 64, .stride = 64, .row_bytes = 32, .rows = 4};
	CHECK(rejects(c, 4 * 32 - 1, "carries 127 bytes"));
	CHECK(rejects(c, 4 * 32 + 1, "carries 129 bytes"));
	return rejects(c, 0, "carries 0 bytes");
}

static bool valid_copies_land_on_their_rows_only(void)
{
	static uint8_t before[REGION], after[REGION];
	struct sb_replica *r = patterned_replica(5);
	CHECK(r);
	CHECK(replica_bytes(r, before));

	/* 3 rows of 10 bytes, 100 apart, from 1000; then the last 16 bytes
	 * exactly, and a single row longer than its stride (allowed). */
	uint8_t data[30];
	for (int i = 0; i < 30; i++)
		data[i] = (uint8_t)(0xa0 + i);
	struct wire_shm_copy c = {.offset = 1000, .stride = 100, .row_bytes = 10, .rows = 3};
	const char *err = NULL;
	CHECKF(sb_replica_apply(r, &c, data, sizeof(data), &err), "%s", err);
	struct wire_shm_copy tail = {
	        .offset = REGION - 16, .stride = 1, .row_bytes = 16, .rows = 1};
	CHECKF(sb_replica_apply(r, &tail, data, 16, &err), "%s", err);

	CHECK(replica_bytes(r, after));
	for (uint32_t i = 0; i < 3; i++)
		memcpy(before + 1000 + i * 100, data + i * 10, 10);
	memcpy(before + REGION - 16, data, 16);
	CHECK(memcmp(before, after, REGION) == 0);
	sb_replica_destroy(r);
	return true;
}

static bool grow_keeps_content_and_zeroes_the_tail(void)
{
	static uint8_t before[REGION], after[3 * REGION];
	struct sb_replica *r = patterned_replica(9);
	CHECK(r);
	CHECK(replica_bytes(r, before));
	int fd = sb_replica_fd(r);
	const char *err = NULL;

	CHECK(!sb_replica_grow(r, REGION - 1, &err));
	CHECK(strstr(err, "shrink"));
	CHECK(sb_replica_grow(r, REGION, &err));
	CHECKF(sb_replica_grow(r, 3 * REGION, &err), "%s", err);
	CHECK(sb_replica_size(r) == 3 * REGION);
	CHECK(sb_replica_fd(r) == fd);
	struct stat st;
	CHECK(fstat(fd, &st) == 0 && st.st_size == 3 * REGION);

	CHECK(replica_bytes(r, after));
	CHECK(memcmp(before, after, REGION) == 0);
	for (uint32_t i = REGION; i < 3 * REGION; i++)
		CHECK(after[i] == 0);

	/* The grown part takes copies; past it still does not. */
	uint8_t byte = 0x5a;
	struct wire_shm_copy c = {.offset = 3 * REGION - 1, .stride = 1, .row_bytes = 1, .rows = 1};
	CHECKF(sb_replica_apply(r, &c, &byte, 1, &err), "%s", err);
	c.offset = 3 * REGION;
	CHECK(!sb_replica_apply(r, &c, &byte, 1, &err));
	sb_replica_destroy(r);
	return true;
}

static bool replica_cannot_be_shrunk_through_its_fd(void)
{
	const char *err = NULL;
	struct sb_replica *r = sb_replica_create(REGION, &err);
	CHECKF(r, "%s", err);
	CHECK(ftruncate(sb_replica_fd(r), REGION / 2) < 0 && errno == EPERM);
	CHECK(fcntl(sb_replica_fd(r), F_GETFD) & FD_CLOEXEC);
	sb_replica_destroy(r);
	return true;
}

static bool replica_of_size_zero_is_refused(void)
{
	const char *err = NULL;
	CHECK(!sb_replica_create(0, &err));
	CHECK(err && strstr(err, "size is 0"));
	sb_replica_destroy(NULL);
	return true;
}

static const struct sb_test tests[] = {
        SB_TEST(copy_with_zero_rows_is_rejected),
        SB_TEST(copy_with_zero_row_bytes_is_rejected),
        SB_TEST(copy_past_the_end_is_rejected),
        SB_TEST(copy_whose_end_wraps_32_bits_is_rejected),
        SB_TEST(copy_with_row_bytes_over_stride_is_rejected),
        SB_TEST(copy_with_wrong_data_length_is_rejected),
        SB_TEST(valid_copies_land_on_their_rows_only),
        SB_TEST(grow_keeps_content_and_zeroes_the_tail),
        SB_TEST(replica_cannot_be_shrunk_through_its_fd),
        SB_TEST(replica_of_size_zero_is_refused),
};

int main(int argc, char **argv)
{
	return sb_test_main(argc, argv, tests, sizeof(tests) / sizeof(tests[0]));
}
