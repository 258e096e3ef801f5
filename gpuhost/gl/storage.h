/*
 * GL memory of textures and renderbuffers as the quota counts it: the
 * storage records and their images (storage.c), the bytes of formats
 * (formats.c), compressed blocks in pixel storage (compressed-blocks.c)
 * and in display lists (lists-compressed.c).
 */
#ifndef GH_GL_STORAGE_H
#define GH_GL_STORAGE_H

#include <stdbool.h>
#include <stdint.h>
#include <wayland-util.h>

#include <gpupipe/gl-codec.h>

struct gh_gl_buffer;
struct gh_gl_context;
struct gh_gl_quota;
struct gl_block_layout;
struct gl_exec;

/* One image of a texture (a level of a face) or a renderbuffer's store. */
struct gh_gl_image_bytes {
	uint32_t face, level;
	uint32_t width, height;
	uint64_t bytes;
	/* What a driver may allocate because this image exists: the whole
	 * mip chain of the base size it implies (a 2x2 level 12 implies an
	 * 8192x8192 base), all six faces for a cube map. 0 where nothing is
	 * implied beyond `bytes` (renderbuffers, mipmaps GL generated). */
	uint64_t implied;
};

/* The storage of a texture or renderbuffer as the quota counts it. Held
 * by its share group's map while the name lives, and by each texture unit,
 * renderbuffer binding and framebuffer attachment that refers to it: GL
 * keeps a deleted object alive while it is bound or attached somewhere,
 * so its bytes stay charged until the last reference goes. */
struct gh_gl_storage {
	uint32_t refs;
	uint32_t host;   /* host name; 0 for a default texture */
	uint32_t target; /* GL_TEXTURE_2D, GL_TEXTURE_CUBE_MAP, another texture
	                    target, or GL_RENDERBUFFER; 0 until first bound */
	bool named;      /* in its share group's map (not deleted yet) */
	struct gh_gl_quota *quota;
	/* A texture view's origin (views.c), referenced: the view has no
	 * storage of its own and keeps its origin's alive and charged. */
	struct gh_gl_storage *shares;
	uint64_t bytes;         /* charged: the sum over images */
	struct wl_array images; /* struct gh_gl_image_bytes */
};

struct gh_gl_storage *gh_gl_storage_create(struct gh_gl_quota *quota, uint32_t host);
struct gh_gl_storage *gh_gl_storage_ref(struct gh_gl_storage *st);
void gh_gl_storage_unref(struct gh_gl_storage *st);
/* Sets *slot to st, holding a reference. */
void gh_gl_storage_set(struct gh_gl_storage **slot, struct gh_gl_storage *st);

/* A change to a storage's images made before GL runs the command that
 * makes it, undone afterwards if GL refused the command. */
struct gh_gl_pending {
	struct gh_gl_storage *storage; /* referenced; NULL: nothing pending */
	struct wl_array saved;         /* its images before */
	uint64_t saved_bytes;
};
/* After the command: keeps or undoes x->pending (stream.c calls it). */
void gh_gl_storage_after(struct gl_exec *x);

/* Bytes per pixel GL may keep for a sized internal format, 0 for an
 * unsized one (GL_RGBA, ...) and 16 (the most) for one we do not know. */
uint32_t gh_gl_format_bytes(uint32_t internalformat);
/* Bytes of a w x h image of a compressed format we know; 0 if unknown. */
uint64_t gh_gl_compressed_bytes(uint32_t internalformat, uint32_t w, uint32_t h);
/* The block of a compressed format we know (all are one texel deep):
 * false if unknown. */
bool gh_gl_compressed_block(uint32_t internalformat, uint32_t *w, uint32_t *h, uint32_t *bytes);
/* ARB_compressed_texture_pixel_storage (compressed-blocks.c): whether the
 * block pnames of the pack or unpack state, as the driver applies them to
 * a compressed image of `dims` dimensions and format `format`, lay it out
 * as gl_blocks_layout does: GL_BLOCKS_OFF or GL_BLOCKS_ON (*l, of a
 * width x height x depth image); -1, GL_INVALID_OPERATION recorded, for
 * pnames that apply partly or do not describe the format's blocks. */
int gh_gl_blocks(struct gl_exec *x, bool pack, int dims, uint32_t format, int64_t width,
                 int64_t height, int64_t depth, struct gl_block_layout *l);
/* gh_gl_blocks of a compressed upload's unpack state: GL_GUARD_SKIP
 * where it is -1. */
enum gl_guard gh_gl_compressed_unpack_guard(struct gl_exec *x, const char *cmd, int dims,
                                            uint32_t format);
/* Compressed uploads in display lists (lists-compressed.c): in a list being
 * made, GL_GUARD_CALL only with no unpack block pname set and no pixel
 * unpack buffer bound (else the link ends, GL_GUARD_FAIL). */
enum gl_guard gh_gl_list_compressed_guard(struct gl_exec *x, const char *cmd);
/* Around glCallList(s): the unpack state cleared in the driver, where a
 * list may replay a compressed upload under it; false (GL_INVALID_OPERATION
 * recorded): the call must not run (between glBegin and glEnd, or
 * `ends_inside`: the call may leave the driver there, where the state
 * could not be restored). */
struct gh_gl_list_replay {
	bool blocks;
	struct gh_gl_buffer *buffer;
};
bool gh_gl_list_replay_begin(struct gl_exec *x, struct gh_gl_list_replay *r, bool ends_inside);
void gh_gl_list_replay_end(struct gl_exec *x, const struct gh_gl_list_replay *r);
/* OpenGL ES 1's GL_PALETTE4_RGB8_OES..GL_PALETTE8_RGB5_A1_OES. */
bool gh_gl_format_is_paletted(uint32_t internalformat);

/* EGLImages of a texture level (face 0) or a renderbuffer: what the image
 * would hold, from the storage of host name `host` in ctx's share group
 * ({0} if none). An image keeps that storage alive on its own, so it is
 * charged apart, as is every texture or renderbuffer made from an image:
 * shared storage counts once per holder, never less than it holds. */
struct gh_gl_image_bytes gh_gl_storage_find_image(struct gh_gl_context *ctx, bool texture,
                                                  uint32_t host, uint32_t level);
/* glEGLImageTarget*OES: the texture or renderbuffer bound to `target`
 * becomes `image`. GL_GUARD_SKIP when refused (the GL error recorded). */
enum gl_guard gh_gl_storage_from_image(struct gl_exec *x, bool texture, uint32_t target,
                                       const struct gh_gl_image_bytes *image);

#endif
