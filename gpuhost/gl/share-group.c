/*
 * A share group's state on the host (records.h, struct gh_gl_share): the names of the
 * shared classes (names.c maps them), the records that follow them, the default textures,
 * the shaders and display lists, held by every context of the group and gone with the
 * last one (context.c).
 */
#include <stdlib.h>

#include <gpupipe/gl-codec.h>

#include "bindings.h"
#include "compat-trackers.h"
#include "executor.h"
#include "map.h"
#include "programs.h"
#include "quota.h"
#include "records.h"
#include "storage.h"

struct gh_gl_share *gh_gl_share_create(struct gh_gl_quota *quota)
{
	struct gh_gl_share *share = calloc(1, sizeof(*share));
	if (!share)
		return NULL;
	share->refs = 1;
	share->quota = quota;
	for (int i = 0; i < GL_NAMES_COUNT; i++)
		gh_gl_names_init(&share->names[i]);
	gh_gl_map_init(&share->buffers, GH_GL_MAX_NAMES);
	gh_gl_map_init(&share->programs, GH_GL_MAX_NAMES);
	gh_gl_map_init(&share->textures, GH_GL_MAX_NAMES);
	gh_gl_map_init(&share->renderbuffers, GH_GL_MAX_NAMES);
	gh_gl_map_init(&share->refused, GH_GL_MAX_NAMES);
	gh_gl_map_init(&share->program_users, GH_GL_MAX_NAMES);
	gh_gl_map_init(&share->shader_words, GH_GL_MAX_NAMES);
	for (int i = 0; i < GH_GL_LIST_BIND_KINDS; i++) {
		gh_gl_map_init(&share->lists.listed[i], GH_GL_MAX_NAMES);
		gh_gl_map_init(&share->lists.deleted[i], GH_GL_MAX_NAMES);
	}
	gh_gl_map_init(&share->lists.prims, GH_GL_MAX_NAMES);
	for (int i = 0; i < GH_GL_TEX_TARGETS; i++) {
		share->default_tex[i] = gh_gl_storage_create(quota, 0);
		if (!share->default_tex[i]) {
			gh_gl_share_unref(share);
			return NULL;
		}
		share->default_tex[i]->target = gh_gl_texture_targets[i];
	}
	return share;
}

static void unref_buffer_entry(uint32_t key, uintptr_t val, void *data)
{
	gh_gl_buffer_unref((struct gh_gl_buffer *)val);
}

static void unref_program_entry(uint32_t key, uintptr_t val, void *data)
{
	gh_gl_program_unref((struct gh_gl_program *)val);
}

static void unref_storage_entry(uint32_t key, uintptr_t val, void *data)
{
	gh_gl_storage_unref((struct gh_gl_storage *)val);
}

void gh_gl_share_unref(struct gh_gl_share *share)
{
	if (!share || --share->refs)
		return;
	gh_gl_map_for_each(&share->buffers, unref_buffer_entry, NULL);
	gh_gl_map_for_each(&share->programs, unref_program_entry, NULL);
	gh_gl_map_for_each(&share->textures, unref_storage_entry, NULL);
	gh_gl_map_for_each(&share->renderbuffers, unref_storage_entry, NULL);
	gh_gl_map_finish(&share->buffers);
	gh_gl_map_finish(&share->programs);
	gh_gl_map_finish(&share->textures);
	gh_gl_map_finish(&share->renderbuffers);
	gh_gl_map_finish(&share->program_users);
	gh_gl_map_finish(&share->shader_words);
	for (int i = 0; i < GH_GL_TEX_TARGETS; i++)
		gh_gl_storage_unref(share->default_tex[i]);
	gh_gl_shaders_finish(share);
	gh_gl_share_lists_finish(share);
	wl_array_release(&share->unknown_stacks); /* its contexts went before */
	for (int i = 0; i < GL_NAMES_COUNT; i++)
		gh_gl_names_finish(&share->names[i], share->quota);
	free(share);
}
