#!/bin/bash
# The extensions of a desktop OpenGL 3.3 core context through gpu-0: gl-core-extensions
# (tests/gl/gl-core-extensions.c) lists them natively (Mesa in the app, on weston) and through
# gpu-0 (the host's Mesa, the same driver here). Through gpu-0 the list is not empty, is a
# subset of the native one, and holds the extensions piglit's desktop selection needs; every
# extension offered whose "#extension NAME : require" compiles natively compiles through gpu-0
# (the host's shader check lets it through); and where the context is below 4.3, a compute
# dispatch through ARB_compute_shader writes what it should.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

bin=${GPUPIPE_GL_CORE_EXTENSIONS:-}
[[ -x $bin ]] || bin=$(find_built tests/gl/gl-core-extensions) ||
	skip "gl-core-extensions is not built (it needs libegl-dev, libglvnd-dev, libwayland-dev)"

# Core 3.x/4.x extensions piglit's desktop selection requires, which a 3.3 context offers,
# and the classic names of formats and modes that apps and piglit look for on core contexts
# too (gl-annotations.txt, also=glcore).
needed=(GL_EXT_texture_filter_anisotropic GL_EXT_texture_sRGB GL_EXT_framebuffer_sRGB
	GL_EXT_texture_snorm GL_EXT_packed_float GL_EXT_texture_shared_exponent
	GL_EXT_texture_compression_rgtc GL_EXT_texture_integer GL_EXT_abgr
	GL_ARB_explicit_attrib_location GL_ARB_blend_func_extended GL_ARB_sampler_objects
	GL_ARB_uniform_buffer_object GL_ARB_instanced_arrays GL_ARB_draw_elements_base_vertex
	GL_ARB_compute_shader GL_ARB_shader_storage_buffer_object GL_ARB_separate_shader_objects
	GL_ARB_tessellation_shader GL_ARB_texture_view GL_ARB_clear_texture GL_ARB_buffer_storage
	GL_ARB_clip_control GL_ARB_base_instance GL_ARB_clear_buffer_object GL_ARB_draw_indirect
	GL_ARB_invalidate_subdata GL_ARB_program_interface_query GL_ARB_gpu_shader5
	GL_ARB_gpu_shader_fp64 GL_ARB_shader_image_load_store GL_ARB_draw_instanced
	GL_ARB_shader_subroutine GL_ARB_fragment_layer_viewport GL_ARB_arrays_of_arrays
	GL_ARB_cull_distance)

# run MODE: the app's log (the test fails when it does not finish).
run() {
	local name=$1
	if [[ $name == native ]]; then
		start_native_app "$name" "$bin" 3 3
	else
		gl_app "$name" "$bin" 3 3
	fi
	wait_exit "$name" 60 || fail "gl-core-extensions ($name) still runs after 60 s"
	((GP_EXIT_STATUS == 0)) && log_has "$name" '^done$' ||
		fail "gl-core-extensions ($name) exited with status $GP_EXIT_STATUS: $(grep -v '^ext \|^glsl \|^info: ' "$GP_TMP/$name.log" | tail -3)"
}

gl_setup
run native
native=$(sed -n 's/^ext //p' "$GP_TMP/native.log" | sort -u)
[[ -n $native ]] || fail "the native core context offers no extension"
[[ $GP_GL_MODE == gpu0 ]] || {
	note "natively: $(wc -l <<<"$native") extensions"
	exit 0
}
run gpu0
gpu0=$(sed -n 's/^ext //p' "$GP_TMP/gpu0.log" | sort -u)
[[ -n $gpu0 ]] || fail "the core 3.3 context through gpu-0 offers no extension"
extra=$(comm -13 <(echo "$native") <(echo "$gpu0"))
[[ -z $extra ]] || fail "gpu-0 offers extensions the driver does not: $extra"
missing=()
for name in "${needed[@]}"; do
	grep -qxF "$name" <<<"$gpu0" || missing+=("$name")
done
((${#missing[@]} == 0)) || fail "the 3.3 context through gpu-0 lacks ${missing[*]}"
refused=()
while read -r name; do
	grep -qxF "glsl $name 1" "$GP_TMP/native.log" || continue
	grep -qxF "glsl $name 1" "$GP_TMP/gpu0.log" || refused+=("$name")
done <<<"$gpu0"
((${#refused[@]} == 0)) ||
	fail "a shader requiring these compiles natively, not through gpu-0: ${refused[*]}"
if log_has gpu0 '^compute '; then
	log_has gpu0 '^compute 64 of 64 \(link 1, error 0x0\)$' ||
		fail "a compute dispatch through ARB_compute_shader below 4.3: $(grep '^compute ' "$GP_TMP/gpu0.log")"
fi
note "the driver offers $(wc -l <<<"$native"), gpu-0 $(wc -l <<<"$gpu0") ($(grep -c '^glsl .* 1$' "$GP_TMP/gpu0.log") with GLSL); $(grep '^compute ' "$GP_TMP/gpu0.log" || echo 'no compute check')"
