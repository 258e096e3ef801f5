#!/bin/bash
# The folders that are layers keep to them: a lower one includes nothing of the one above
# it, and the one above includes only the lower one's public header. A quoted include names
# a file of the includer's folder or of the include path, so a header is taken to be a
# folder's when that folder has a file of that name.
#   check-layers.sh SOURCE_ROOT
set -u
root=$1
failed=0

# includes DIR: every quoted #include of the C files in DIR, as "file: header".
includes() {
	grep -oE '^#include "[^"]+"' "$root/$1"/*.[ch] | sed -E "s|^$root/||; s|:#include \"(.*)\"|: \\1|"
}

# layer UPPER LOWER PUBLIC...: UPPER may include of LOWER only its PUBLIC headers, and
# LOWER nothing of UPPER.
layer() {
	local upper=$1 lower=$2 file header
	shift 2
	while read -r file header; do
		file=${file%:}
		[[ -e $root/$lower/$header ]] || continue
		[[ " $* " == *" $header "* ]] && continue
		echo "FAIL $file includes $lower/$header: $upper may include only $* of $lower"
		failed=1
	done < <(includes "$upper")
	while read -r file header; do
		file=${file%:}
		[[ -e $root/$upper/$header && ! -e $root/$lower/$header ]] || continue
		echo "FAIL $file includes $upper/$header: $lower is below $upper and includes nothing of it"
		failed=1
	done < <(includes "$lower")
}

layer proxy/egl proxy/gl client-gl.h gl-api.h
layer gpuhost/gl gpuhost/egl host-egl.h
layer gpuhost/gl gpuhost/shader-check shader-check.h arb-program-check.h
((failed)) || echo "ok: proxy/egl on proxy/gl, gpuhost/gl on gpuhost/egl and gpuhost/shader-check"
exit "$failed"
