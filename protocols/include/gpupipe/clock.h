/*
 * The monotonic clock, in nanoseconds and in milliseconds: for intervals,
 * deadlines and rates, which a change of the wall clock must not move.
 */
#ifndef GPUPIPE_CLOCK_H
#define GPUPIPE_CLOCK_H

#include <stdint.h>
#include <time.h>

static inline uint64_t gp_now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static inline int64_t gp_now_ms(void)
{
	return (int64_t)(gp_now_ns() / 1000000);
}

#endif
