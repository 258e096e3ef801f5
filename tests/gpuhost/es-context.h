/*
 * A surfaceless OpenGL ES 3.2 context on the machine's own EGL (llvmpipe
 * here), for tests that check gpupipe's size helpers against a real driver.
 */
#ifndef TESTS_GPUHOST_ES_CONTEXT_H
#define TESTS_GPUHOST_ES_CONTEXT_H

#include <stdbool.h>
#include <stdio.h>

/* Makes an ES 3.2 context current, or exits 77 saying why none exists. */
void es_context_init(void);

/* The GL error since the last call, draining the others. */
unsigned es_error(void);

extern int es_failures;

#define FAIL(...)                                                                                  \
	do {                                                                                       \
		fprintf(stderr, "FAIL: " __VA_ARGS__);                                             \
		fputc('\n', stderr);                                                               \
		es_failures++;                                                                     \
	} while (0)

#endif
