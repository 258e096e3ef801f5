/*
 * The GL half of the fallback (see fallback.h): the trampolines generated
 * from gl.xml (gl-trampolines.c, protocols/gles/gen-gl-trampolines.py) and
 * the table of the next vendor's GL functions they call. No GL header here:
 * the generated file brings gl.xml's own types.
 */
#ifndef GE_FALLBACK_GL_H
#define GE_FALLBACK_GL_H

/* The next vendor's GL functions, resolved on first use through its
 * getProcAddress (never in bulk: Mesa's glapi makes a dynamic stub for
 * every unknown name it is asked, and has few). */
struct ge_fb_gl_table {
	void *(*get_proc_address)(const char *name);
	void *fn[]; /* ge_fb_gl_count() entries */
};

/* Non-NULL while the calling thread's current context is the next vendor's
 * (eglMakeCurrent through a fallen-back display): its GL table. Initial-exec
 * so that a trampoline pays one load of it and one branch. Kept with the
 * thread's other state (thread.c). */
extern __thread struct ge_fb_gl_table *ge_fb_gl_current __attribute__((tls_model("initial-exec")));

/* gl-trampolines.c: the trampoline of GL command `name` (our `fn`, NULL if
 * we lack it, is what it calls while no next-vendor context is current);
 * `fn` itself for a name gl.xml does not have. */
void *ge_fb_gl_wrap(const char *name, void *fn);
unsigned ge_fb_gl_count(void);
/* Resolves entry `i` of `t` (its no-op when the vendor lacks it). It lives with the
 * trampolines, whose names and no-ops it reads, so that they call nothing outside
 * their file but the next vendor; out of line, as each entry needs it once. */
__attribute__((noinline)) void *ge_fb_gl_resolve(struct ge_fb_gl_table *t, unsigned i);

static inline void *ge_fb_gl_next(struct ge_fb_gl_table *t, unsigned i)
{
	void *f = __atomic_load_n(&t->fn[i], __ATOMIC_RELAXED);
	return f ? f : ge_fb_gl_resolve(t, i);
}

#endif
