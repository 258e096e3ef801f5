#!/bin/bash
# gl-compat-lists (tests/gl/gl-compat-lists.c) through gpu-0 (GP_GL_MODE=native: directly on
# weston, rendered by Mesa): the compatibility profile's server attribute stack (texture
# bindings, the active unit and enables restored by glPopAttrib, direct state access and an
# upload after it), evaluators (maps read back, a stride below the components refused, a
# mesh drawn), accumulation, the name stack, feedback (with its overflow), selection and
# display lists (drawn, nested, called by a base and GL_UNSIGNED_BYTE names, a compiled
# texture bind and image landing where the driver binds, GL_COMPILE_AND_EXECUTE) on a 4.5
# compatibility context, each checked in the app. Through gpu-0 the app also runs
# natively first: every check that passes natively must pass through gpu-0, and none may fail.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

gl_check_app "${GPUPIPE_GL_COMPAT_LISTS:-}" gl-compat-lists
