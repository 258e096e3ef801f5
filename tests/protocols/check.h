/*
 * CHECK(cond): the protocols unit tests' assertion. Prints where and which condition
 * failed, counts it in `failures` and goes on, so that one run shows every failure; the
 * test's main returns non-zero when `failures` is. One test program is one file, so the
 * counter is that file's own.
 */
#ifndef PROTOCOLS_TEST_CHECK_H
#define PROTOCOLS_TEST_CHECK_H

#include <stdio.h>

static int failures;

#define CHECK(cond)                                                                                \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);   \
			failures++;                                                                \
		}                                                                                  \
	} while (0)

#endif
