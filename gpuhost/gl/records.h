/*
 * Names and the records that follow them: app names to host names
 * (names.c), what follows a name as it comes and goes (name-hooks.c), the
 * share group that holds the shared ones (share-group.c), and the buffer
 * and program records several owners hold, counted (records.c; a buffer's
 * persistent mapping: persist.c).
 */
#ifndef GH_GL_RECORDS_H
#define GH_GL_RECORDS_H

#include <stdbool.h>
#include <stdint.h>
#include <wayland-util.h>

#include <gpupipe/gl-codec.h>

#include "bindings.h"
#include "compat-trackers.h"
#include "gles-list-prims.h"
#include "map.h"

struct gh_gl_context;
struct gh_gl_quota;
struct gh_gl_storage;
struct gl_exec;
struct gl_reader;

struct gh_gl_names {
	struct gh_gl_map app;  /* app name -> host name */
	struct gh_gl_map host; /* host name -> app name */
};

/* A buffer object's host data store, as draws need to know it. Held by the
 * share group's map while the name lives, and by every binding that
 * refers to it (GL keeps a deleted buffer alive while attached). */
struct gh_gl_buffer {
	uint32_t refs;
	uint32_t host;
	struct gh_gl_quota *quota; /* charged with `charged` */
	uint64_t size;             /* bytes in the data store, as GL reports them */
	uint64_t charged;          /* bytes asked for (GL may report fewer than it holds) */
	/* The whole store (size bytes) when `complete`, else NULL: index scans
	 * trust it instead of the driver's store, so it follows only the
	 * writes the driver really applied. A command that writes it
	 * (glBufferData, glBufferStorageEXT, glBufferSubData) writes the copy
	 * first, with the driver's earlier errors stashed (gh_gl_copy_writes),
	 * and the copy is dropped when the driver raised an error
	 * (gh_gl_after_command); what GL refuses is not written at all (a
	 * glBufferSubData out of range, into a store that does not let it
	 * change), and a glBufferSubData while the host maps the buffer
	 * without GL_MAP_PERSISTENT_BIT drops the copy.
	 * GPU writes drop it (gh_gl_buffer_gpu_writes); GL_OP_BUFFER_WRITE goes
	 * through a writable mapping, whose writes always land (persist.c). */
	uint8_t *copy;
	bool complete;
	bool gpu_written;       /* the GPU may write it (buffer-targets.c): never copied */
	bool immutable;         /* glBufferStorageEXT made its store */
	uint32_t storage_flags; /* glBufferStorageEXT's flags */
	/* The host's persistent mapping while the app holds one (persist.c):
	 * persist_length bytes at buffer offset persist_offset, and
	 * persist_copy, the bytes the app holds. */
	uint8_t *persist, *persist_copy;
	uint32_t persist_offset, persist_length;
	bool persist_coherent;
	bool persist_writable;   /* mapped with GL_MAP_WRITE_BIT */
	bool persist_persistent; /* mapped with GL_MAP_PERSISTENT_BIT */
	struct {
		bool valid;
		uint32_t type, count, min, max;
		uint64_t offset;
		uint64_t skip; /* the restart index left out (draw.c) */
	} scan;                /* the last index-range scan of this buffer */
};

/* A program's linked executable: which attribute locations it reads. */
struct gh_gl_program {
	uint32_t refs; /* share group's map + contexts using it */
	uint32_t host;
	uint64_t attribs; /* bit per location, from the last successful link */
	bool beyond;      /* it reads a location over gh_gl.max_attribs */
	bool in_pipeline; /* a pipeline's stage once (pipelines.c): relinks widen attribs */
	bool standin;     /* the host's empty program in a deleted one's place (program-use.c) */
	/* The last glLinkProgram failed here, never reaching the driver (a
	 * shader had not compiled): its info log. NULL when the driver linked. */
	char *link_log;
	uint32_t links; /* glLinkProgram commands run, refused ones too (program-names.c) */
	/* The app's shaders attached to it, by GL's rules, in no order (shader-attach.c). */
	uint32_t *shaders;
	uint32_t n_shaders, cap_shaders;
};

struct gh_gl_share {
	uint32_t refs;
	struct gh_gl_quota *quota;
	struct gh_gl_names names[GL_NAMES_COUNT]; /* shared classes only */
	struct gh_gl_map buffers;                 /* host name -> gh_gl_buffer */
	struct gh_gl_map programs;                /* host name -> gh_gl_program */
	struct gh_gl_map textures;                /* host name -> gh_gl_storage */
	struct gh_gl_map renderbuffers;           /* host name -> gh_gl_storage */
	/* The default textures (name 0: 2D, cube map) of its contexts: one
	 * pair for the group, as Mesa keeps them in its shared state, and
	 * kept until the group goes. */
	struct gh_gl_storage *default_tex[GH_GL_TEX_TARGETS];
	/* Host name -> glslang's log (char *, malloc'd), for shaders whose last
	 * glCompileShader glslang refused; the driver never compiled those. */
	struct gh_gl_map refused;
	uint64_t refused_bytes; /* of the logs in `refused` */
	/* App program name -> the count of contexts that have it current as the
	 * app sees it << 1 | flagged for deletion (program-use.c). */
	struct gh_gl_map program_users;
	/* App shader name -> its type, the count of programs it is attached to as
	 * the app sees it, and whether it is flagged for deletion (shader-attach.c). */
	struct gh_gl_map shader_words;
	/* Display lists are the group's (lists.c). */
	struct {
		/* Some list holds a command that changes what the host tracks (a
		 * texture bind, the active unit, the program, glPopAttrib), a texture
		 * image, or a glPushAttrib or glPopAttrib: a call re-reads it from
		 * the driver. Never cleared: a list may be called from another one
		 * made before. */
		bool change_state, images, attribs;
		/* Some list holds a compressed upload: a call replays it under
		 * the default unpack blocks and no unpack buffer
		 * (lists-compressed.c). Never cleared either. */
		bool compressed;
		struct wl_array charged; /* struct gh_gl_list_bytes: what each list holds */
		uint64_t charged_total;
		/* The names charged to the names quota (glGenLists' ranges, the
		 * names glNewList made outside them): struct gh_gl_list_range,
		 * sorted, none adjacent, so never more than the names they hold. */
		struct wl_array ranges;
		uint64_t names;
		/* Per kind, host name -> how many of the group's lists hold a
		 * glBindTexture (glBindProgramARB) of it; and the names of those
		 * the app deleted (-> 1), which a call may make again (lists.c,
		 * "Objects a list binds by name"). */
		struct gh_gl_map listed[GH_GL_LIST_BIND_KINDS], deleted[GH_GL_LIST_BIND_KINDS];
		/* List name -> its glBegin/glEnd flags (gles-list-prims.h), for
		 * the lists that have any; and the group's counts of them. */
		struct gh_gl_map prims;
		struct gles_list_prims_count prim_count;
	} lists;
	/* Contexts of the group with an attribute stack entry a display list
	 * may have pushed (attrib-stack.c): a texture deleted is kept charged
	 * while such an entry may hold it. */
	struct wl_array unknown_stacks; /* struct gh_gl_context * */
};

/* ---- names.c: app names to host names; name-hooks.c: what follows them ---- */

void gh_gl_names_init(struct gh_gl_names *names);
void gh_gl_names_finish(struct gh_gl_names *names, struct gh_gl_quota *quota);
struct gh_gl_names *gh_gl_names_of(struct gh_gl_context *ctx, enum gl_name_class cls);
/* The host name's app name in the current context, 0 if none. */
uint32_t gh_gl_reverse(struct gl_exec *x, enum gl_name_class cls, uint32_t host);
/* "texture", "vertex array", ...: for messages. */
const char *gh_gl_name_class_text(enum gl_name_class cls);

/* What follows a name of one class as it comes and goes: the record its class has (the
 * rows of name-hooks.c's table). NULL where nothing does. The executor is made with the
 * table (gh_gl.name_hooks), and names.c calls it. */
struct gh_gl_name_hooks {
	/* Before the name is mapped; false: refused (the link ends, said why). */
	bool (*admit)(struct gl_exec *x, uint32_t host);
	/* After it is mapped: its record; false: the link ends (said why). */
	bool (*added)(struct gl_exec *x, uint32_t host);
	/* After it is unmapped (deleted). */
	void (*removed)(struct gl_exec *x, uint32_t host);
};
extern const struct gh_gl_name_hooks gh_gl_name_hooks[GL_NAMES_COUNT];

/* share-group.c: a share group's state, made with its first context, gone with its last. */
struct gh_gl_share *gh_gl_share_create(struct gh_gl_quota *quota);
void gh_gl_share_unref(struct gh_gl_share *share);

/* records.c: the records several owners hold, counted. */
void gh_gl_buffer_unref(struct gh_gl_buffer *buf);
void gh_gl_program_unref(struct gh_gl_program *prog);
struct gh_gl_buffer *gh_gl_buffer_ref(struct gh_gl_buffer *buf);

/* ---- persist.c: the host's persistent mappings of buffers ---- */

/* GL_OP_BUFFER_PERSIST, _UNPERSIST, _WRITE, _PULL (persist.c). */
bool gh_gl_persist_op(struct gl_exec *x, struct gl_reader *r);
/* Forgets the host's persistent mapping of buf (its name is gone; records.c). */
void gh_gl_persist_drop(struct gh_gl_buffer *buf);

#endif
