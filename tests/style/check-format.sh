#!/bin/bash
# Every C (and C++) file of the project is formatted as .clang-format says: formatting
# is the tool's job, and this test keeps it that way.
set -euo pipefail
cd "${1:?usage: check-format.sh SOURCE_ROOT}"
command -v clang-format >/dev/null || {
	echo "clang-format is not installed (tools/install-deps installs it)"
	exit 77
}
mapfile -t files < <(find protocols shm-bridge proxy gpuhost tests -name '*.[ch]' -o -name '*.cpp' | sort)
((${#files[@]})) || { echo "no C files found under $PWD"; exit 1; }
if ! clang-format --dry-run --Werror "${files[@]}"; then
	echo "run: clang-format -i \$(find protocols shm-bridge proxy gpuhost tests -name '*.[ch]' -o -name '*.cpp')"
	exit 1
fi
echo "${#files[@]} files formatted"
