/* Read-only files by value: sealed memfds out of bytes, and bytes out of fds. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gpupipe/sb-fd.h>

#include "util.h"

static bool write_all(int fd, const void *data, size_t len)
{
	const uint8_t *p = data;

	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		p += n;
		len -= (size_t)n;
	}
	return true;
}

int sb_memfd_from_bytes(const char *name, const void *data, size_t len)
{
	int saved_errno;
	int fd = memfd_create(name, MFD_CLOEXEC | MFD_ALLOW_SEALING);
	if (fd < 0)
		return -1;
	if (!write_all(fd, data, len))
		goto err_close;
	/* Readers get the file from its start, whatever they do with the offset. */
	if (lseek(fd, 0, SEEK_SET) < 0)
		goto err_close;
	if (fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL) < 0)
		goto err_close;
	return fd;

err_close:
	saved_errno = errno;
	close(fd);
	errno = saved_errno;
	return -1;
}

/* Whether fd is a regular file of at least size bytes, safe to map. The
 * host reads its compositor's fds, which are trusted: a file truncated
 * between this fstat and the copy would still raise SIGBUS. */
static bool mappable(int fd, size_t size)
{
	struct stat st;

	return fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 0 &&
	       (uint64_t)st.st_size >= size;
}

static bool pread_all(int fd, uint8_t *buf, size_t size, const char **err)
{
	size_t done = 0;

	while (done < size) {
		ssize_t n = pread(fd, buf + done, size - done, (off_t)done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return fail(err, "cannot read the fd");
		if (n == 0)
			return fail(err, "the fd's file is shorter than its announced size");
		done += (size_t)n;
	}
	return true;
}

bool sb_read_fd(int fd, size_t size, size_t max, void **data_out, const char **err)
{
	if (size > max)
		return fail(err, "fd size exceeds the limit");
	uint8_t *buf = malloc(size ? size : 1);
	if (!buf)
		return fail(err, "out of memory");

	if (size > 0 && mappable(fd, size)) {
		void *map = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
		if (map != MAP_FAILED) {
			memcpy(buf, map, size);
			munmap(map, size);
			*data_out = buf;
			return true;
		}
	}
	if (!pread_all(fd, buf, size, err)) {
		free(buf);
		return false;
	}
	*data_out = buf;
	return true;
}
