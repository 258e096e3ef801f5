/*
 * CHECK(cond, fmt, ...): the gpuhost unit tests' assertion. In a function returning bool,
 * prints where and which condition failed, with a message, and returns false.
 */
#ifndef GPUHOST_TEST_CHECK_H
#define GPUHOST_TEST_CHECK_H

#include <stdbool.h>
#include <stdio.h>

#define CHECK(cond, ...)                                                                           \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "%s:%d: check failed: %s: ", __FILE__, __LINE__, #cond);   \
			fprintf(stderr, __VA_ARGS__);                                              \
			fprintf(stderr, "\n");                                                     \
			return false;                                                              \
		}                                                                                  \
	} while (0)

#endif
