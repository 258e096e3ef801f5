/*
 * The GL command the link process's main thread runs now, marked around each
 * command for another thread to read (running.c). Three plain stores a
 * command on x86 (the release one too): no lock, nothing the main thread
 * waits on.
 */
#ifndef GH_GL_RUNNING_H
#define GH_GL_RUNNING_H

#include <stdatomic.h>
#include <stdint.h>

/* Commands begun in this process: the stamp of the one running. */
extern _Atomic uint64_t gh_gl_running_stamp;
/* The command running, as op | channel << 16; 0 between commands. */
extern _Atomic uint32_t gh_gl_running_what;

static inline void gh_gl_running_begin(uint16_t channel, uint32_t op)
{
	/* One thread writes: a load and a store, not a locked add. */
	uint64_t stamp = atomic_load_explicit(&gh_gl_running_stamp, memory_order_relaxed);
	atomic_store_explicit(&gh_gl_running_stamp, stamp + 1, memory_order_relaxed);
	/* Release: a thread that reads this command reads its stamp too. */
	atomic_store_explicit(&gh_gl_running_what, (op & 0xffffu) | (uint32_t)channel << 16,
	                      memory_order_release);
}

static inline void gh_gl_running_end(void)
{
	atomic_store_explicit(&gh_gl_running_what, 0, memory_order_relaxed);
}

#endif
