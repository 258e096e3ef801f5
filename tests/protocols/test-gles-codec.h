/*
 * What test-gles-codec.c shares with its parts in other files (test-gles-codec-compat.c).
 */
#ifndef TEST_GLES_CODEC_H
#define TEST_GLES_CODEC_H

#include <stdbool.h>
#include <stdint.h>

/* Both halves of the codec back to their state after init. */
void codec_reset(void);
/* Runs one hand-made command (op, then n words) through the host's decoder. */
bool codec_host_cmd(uint32_t op, const uint32_t *words, uint32_t n);
/* The host refuses op with words, its reason containing `why`. */
void codec_refused(uint32_t op, const uint32_t *words, uint32_t n, const char *why);

/* The compatibility profile's parts (test-gles-codec-compat.c). */
void test_sizes(void);
void test_compat_ff(void);
void test_compat(void);
void test_compat_ls(void);
void test_arb_program_names(void);
void test_compat_restart_nv(void);

#endif
