#!/bin/bash
# gl-shader-objects (tests/gl/gl-shader-objects.c) through gpu-0 (GP_GL_MODE=native: directly
# on weston, rendered by Mesa): shaders deleted while attached to programs, on an OpenGL ES
# 2.0 context and a core 3.2 one, each checked in the app: the name stays a shader's until
# the shader is detached from every program (glDetachShader, the program deleted, a deleted
# program's last context letting go), and what GL refuses to attach is not attached (ES
# takes one shader of a stage). Through gpu-0 the app also runs natively first: every check
# that passes natively must pass through gpu-0, and none may fail.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

gl_check_app "${GPUPIPE_GL_SHADER_OBJECTS:-}" gl-shader-objects
