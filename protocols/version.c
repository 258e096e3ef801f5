#include <inttypes.h>

#include <gpupipe/gl-stream.h>
#include <gpupipe/version.h>
#include <gpupipe/wire.h>

/* GPUPIPE_VERSION comes from meson.build's project(version:). */
const char gp_version[] = GPUPIPE_VERSION;

void gp_print_version(FILE *out, const char *program, uint64_t codec)
{
	fprintf(out,
	        "%s %s\n"
	        "link protocol %u, GL stream %u, GL codec %016" PRIx64
	        " (both sides of a link must match)\n",
	        program, gp_version, WIRE_VERSION, GL_STREAM_VERSION, codec);
}
