/* A small harness for shm-bridge's unit tests: each case is a function that
 * returns false at the first failed CHECK; main runs the case named by
 * argv[1] (or all of them) and fails a case that leaks an fd. */
#ifndef SB_TEST_H
#define SB_TEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define CHECK(cond)                                                                                \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);   \
			return false;                                                              \
		}                                                                                  \
	} while (0)

/* As CHECK, with a printf-style explanation. */
#define CHECKF(cond, ...)                                                                          \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "%s:%d: check failed: %s: ", __FILE__, __LINE__, #cond);   \
			fprintf(stderr, __VA_ARGS__);                                              \
			fputc('\n', stderr);                                                       \
			return false;                                                              \
		}                                                                                  \
	} while (0)

struct sb_test {
	const char *name;
	bool (*run)(void);
};

#define SB_TEST(fn)                                                                                \
	{                                                                                          \
#fn, fn                                                                            \
	}

int sb_test_main(int argc, char **argv, const struct sb_test *tests, size_t count);

#endif
