/*
 * The logs of the shaders glslang refused (shaders.c), kept by the share group
 * per host shader name until the shader is compiled again or goes: what
 * glGetShaderiv and glGetShaderInfoLog answer for a compile the driver never
 * ran. At most GH_GL_MAX_REFUSED_LOGS bytes of them; past that a refusal
 * keeps a fixed log.
 */
#include <stdlib.h>
#include <string.h>

#include "context.h"
#include "executor.h"
#include "map.h"
#include "programs.h"
#include "records.h"
#include "stream.h"

static const char no_room_log[] =
        "ERROR: refused by gpupipe's shader check (no room left for its log)\n";

const char *gh_gl_shader_refusal(struct gh_gl_share *share, uint32_t shader)
{
	return shader ? gh_gl_map_get_ptr(&share->refused, shader) : NULL;
}

static void free_refusal(struct gh_gl_share *share, char *log)
{
	if (log == no_room_log)
		return;
	share->refused_bytes -= strlen(log) + 1;
	free(log);
}

bool gh_gl_shader_keep_refusal(struct gl_exec *x, uint32_t shader, char *log)
{
	struct gh_gl_share *share = x->ctx->share;
	size_t bytes = strlen(log) + 1;
	if (share->refused_bytes + bytes > GH_GL_MAX_REFUSED_LOGS) {
		free(log);
		log = (char *)no_room_log;
		bytes = 0;
	}
	if (!gh_gl_map_put(&share->refused, shader, (uintptr_t)log)) {
		if (log != no_room_log)
			free(log);
		return gh_gl_fail(x, "out of memory for a refused shader's log");
	}
	share->refused_bytes += bytes;
	return true;
}

void gh_gl_shader_forget(struct gh_gl_share *share, uint32_t host)
{
	uintptr_t v;
	if (gh_gl_map_remove(&share->refused, host, &v))
		free_refusal(share, (char *)v);
}

static void free_refused_entry(uint32_t key, uintptr_t val, void *data)
{
	free_refusal(data, (char *)val);
}

void gh_gl_shaders_finish(struct gh_gl_share *share)
{
	gh_gl_map_for_each(&share->refused, free_refused_entry, share);
	gh_gl_map_finish(&share->refused);
	share->refused_bytes = 0;
}
