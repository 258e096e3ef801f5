/*
 * The records of buffers and programs (records.h) that several owners hold at once (a
 * vertex array's binding, a buffer target, a list, a program pipeline, the name itself):
 * counted references, and what goes with the last one. Below every feature that holds
 * them: this file calls none.
 */
#include <stdlib.h>

#include "quota.h"
#include "records.h"

struct gh_gl_buffer *gh_gl_buffer_ref(struct gh_gl_buffer *buf)
{
	if (buf)
		buf->refs++;
	return buf;
}

void gh_gl_buffer_unref(struct gh_gl_buffer *buf)
{
	if (!buf || --buf->refs)
		return;
	gh_gl_quota_adjust(buf->quota, buf->charged, 0);
	gh_gl_persist_drop(buf);
	free(buf->copy);
	free(buf);
}

void gh_gl_program_unref(struct gh_gl_program *prog)
{
	if (prog && !--prog->refs) {
		free(prog->link_log);
		free(prog->shaders);
		free(prog);
	}
}

/* A buffer whose store the host no longer maps persistently (its deletion, a new store,
 * the last reference): the mapping's charge and the library's copy go (persist.c). */
void gh_gl_persist_drop(struct gh_gl_buffer *buf)
{
	if (buf->persist)
		gh_gl_quota_adjust(buf->quota, buf->persist_length, 0);
	free(buf->persist_copy);
	buf->persist_copy = NULL;
	buf->persist = NULL;
	buf->persist_offset = buf->persist_length = 0;
}
