/*
 * What `--version` says: the release and the wire versions it speaks, so a
 * user can tell whether the two sides of a link can talk (they must have the
 * same link protocol and GL stream versions).
 */
#pragma once

#include <stdint.h>
#include <stdio.h>

/* The release (meson's project version). */
extern const char gp_version[];

/* Writes "PROGRAM VERSION" and the wire versions to out; codec is the GL
 * codec's GLES_CODEC_ID (gles-codec.h, generated). */
void gp_print_version(FILE *out, const char *program, uint64_t codec);
