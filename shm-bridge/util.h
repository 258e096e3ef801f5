/* Private helpers shared by shm-bridge's files. */
#ifndef SB_UTIL_H
#define SB_UTIL_H

#include <stdbool.h>
#include <stddef.h>

/* Reports a failure through an optional `const char **err` out-parameter. */
static inline bool fail(const char **err, const char *msg)
{
	if (err)
		*err = msg;
	return false;
}

/* As fail, for functions that return a pointer. */
static inline void *fail_null(const char **err, const char *msg)
{
	fail(err, msg);
	return NULL;
}

#endif
