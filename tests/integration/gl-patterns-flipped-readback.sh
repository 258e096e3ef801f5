#!/bin/bash
# gl-patterns through gpu-0 with the host reading shm frames the long way (test builds:
# GPUPIPE_TEST_READBACK=flip): bottom-up into a scratch buffer, then flipped into shared
# memory, as on a driver without GL_MESA_pack_invert (gpuhost/gl/readback.c). Every probed
# pixel on screen is the colour glReadPixels saw, as gl-patterns.sh checks for the direct way.
[[ ${GPUPIPE_TEST_HOOKS:-} == true ]] ||
	{ echo "SKIP: needs a build with -Dtest_hooks=true (GPUPIPE_TEST_READBACK)"; exit 77; }
export GPUPIPE_TEST_READBACK=flip
# shellcheck source=gl-patterns.sh
. "$(dirname "$0")/gl-patterns.sh"
