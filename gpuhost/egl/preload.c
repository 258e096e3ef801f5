/*
 * The listening gpupipe-host starts its GL driver once, so that each link
 * process it forks starts from a driver already loaded and linked: on this
 * project's 2-core test machine a link's EGL set-up falls from ~145 ms to
 * ~45 ms (llvmpipe's driver links libLLVM, which is most of that).
 *
 * Only code is shared. The display opened here is terminated before any
 * fork, so no device fd, GPU context or driver thread crosses into a link
 * process: every link opens the render node and its own display afresh.
 * What stays are the libraries the driver loaded, held by references of
 * our own (RTLD_NOLOAD), since eglTerminate lets Mesa unload them.
 */
#include <dlfcn.h>
#include <link.h>
#include <stdlib.h>
#include <string.h>

#include <gpupipe/log.h>

#include "host-egl.h"

struct loaded {
	char **names;
	size_t n, cap;
};

static int collect(struct dl_phdr_info *info, size_t size, void *data)
{
	struct loaded *l = data;
	if (!info->dlpi_name || !info->dlpi_name[0])
		return 0;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		char **names = realloc(l->names, cap * sizeof(*names));
		if (!names)
			return 1;
		l->names = names;
		l->cap = cap;
	}
	l->names[l->n] = strdup(info->dlpi_name);
	if (l->names[l->n])
		l->n++;
	return 0;
}

static bool was_loaded(const struct loaded *before, const char *name)
{
	for (size_t i = 0; i < before->n; i++) {
		if (strcmp(before->names[i], name) == 0)
			return true;
	}
	return false;
}

static void free_loaded(struct loaded *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->names[i]);
	free(l->names);
}

bool gh_egl_preload(void)
{
	struct loaded before = {0}, after = {0};
	dl_iterate_phdr(collect, &before);
	struct gh_egl egl;
	bool ok = gh_egl_open(&egl, true);
	if (ok) {
		dl_iterate_phdr(collect, &after);
		/* A second reference to each library the driver brought in. */
		for (size_t i = 0; i < after.n; i++) {
			if (!was_loaded(&before, after.names[i]))
				dlopen(after.names[i], RTLD_NOW | RTLD_NOLOAD);
		}
	}
	if (ok)
		gh_egl_close(&egl);
	free_loaded(&before);
	free_loaded(&after);
	return ok;
}
