#!/bin/bash
# gl-compat-ext (tests/gl/gl-compat-ext.c) through gpu-0 (GP_GL_MODE=native: directly on
# weston, rendered by Mesa): a compatibility context's GL_EXTENSIONS (glGetString answers it,
# the list glGetStringi gives, with ARB_multitexture, ARB_vertex_buffer_object and
# ARB_point_parameters) and the classic extensions' ARB/EXT entry points fetched with
# eglGetProcAddress (multitexture, vertex buffer objects, point parameters, EXT framebuffer
# objects, EXT blending, EXT provoking vertex, NV texture barrier, NV combine4, EXT texture
# swizzle, EXT_gpu_shader4's commands and GLSL 1.20, NV primitive restart, ARB assembly
# programs), each checked in the app. Through gpu-0 the app also runs natively
# first: every check that passes natively must pass through gpu-0, and none may fail.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

gl_check_app "${GPUPIPE_GL_COMPAT_EXT:-}" gl-compat-ext
for log in native gpu0; do
	[[ -f $GP_TMP/$log.log ]] || continue
	note "$log: $(sed -n 's/^info: \([0-9]* extensions\)/\1/p' "$GP_TMP/$log.log")"
done
