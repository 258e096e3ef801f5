/*
 * libFuzzer harness: ARB assembly program text into the host's check
 * (gpuhost/shader-check/arb-program-check.h), the gate every glProgramStringARB text
 * passes before the driver sees it.
 *
 * Input: one byte of choices, then the text. Bit 0 picks the target
 * (vertex or fragment program), bit 1 prefixes the right "!!ARB..1.0"
 * header (so the fuzzer reaches the grammar without having to find it),
 * bits 2-3 pick small or llvmpipe-sized limits. The text is copied into a
 * buffer of its exact length: ASan sees any read past it. A refusal must
 * point inside the text and carry a message.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arb-program-check.h"

static const struct gh_arb_program_limits big = {
        .instructions = 16384,
        .temporaries = 4096,
        .parameters = 4096,
        .attribs = 16,
        .address_registers = 1,
        .env_parameters = 256,
        .local_parameters = 4096,
        .vertex_attribs = 16,
        .texture_coords = 8,
        .texture_units = 8,
        .texture_image_units = 80,
        .lights = 8,
        .clip_planes = 8,
        .program_matrices = 8,
        .draw_buffers = 8,
        .options = GH_ARB_OPTION_FRAGMENT_PROGRAM_SHADOW | GH_ARB_OPTION_DRAW_BUFFERS |
                   GH_ARB_OPTION_FRAGMENT_COORD_CONVENTIONS | GH_ARB_OPTION_TEXTURE_RECTANGLE,
};

static const struct gh_arb_program_limits small = {
        .instructions = 8,
        .temporaries = 2,
        .parameters = 4,
        .attribs = 2,
        .address_registers = 1,
        .env_parameters = 2,
        .local_parameters = 2,
        .vertex_attribs = 2,
        .texture_coords = 2,
        .texture_units = 2,
        .texture_image_units = 2,
        .lights = 1,
        .clip_planes = 1,
        .program_matrices = 1,
        .draw_buffers = 1,
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	uint8_t choice = data[0];
	data++;
	size--;
	enum gh_arb_program_target target =
	        choice & 1 ? GH_ARB_FRAGMENT_PROGRAM : GH_ARB_VERTEX_PROGRAM;
	const char *header = choice & 1 ? "!!ARBfp1.0\n" : "!!ARBvp1.0\n";
	size_t head = choice & 2 ? strlen(header) : 0;
	size_t len = head + size;
	char *text = malloc(len ? len : 1);
	if (!text)
		return 0;
	memcpy(text, header, head);
	if (size)
		memcpy(text + head, data, size);
	struct gh_arb_program_verdict err;
	bool ok = gh_arb_program_check(target, choice & 12 ? &big : &small, text, len, &err);
	if (!ok &&
	    (err.position > len || !err.message[0] || !memchr(err.message, 0, sizeof(err.message))))
		abort();
	free(text);
	return 0;
}
