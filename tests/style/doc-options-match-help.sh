#!/bin/bash
# The man pages and --help say the same: every long option that gpupipe-host --help or
# gpupipe-proxy --help names is documented in doc/PROGRAM.1.scd, and the man page names
# no option the program does not have.
#   doc-options-match-help.sh SOURCE_ROOT GPUPIPE_HOST GPUPIPE_PROXY
set -u
root=$1
failed=0
check() {
	local program=$1 bin=$2 page=$1
	local help_opts doc_opts
	help_opts=$("$bin" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u)
	[[ -n $help_opts ]] || {
		echo "FAIL $program --help names no option"
		failed=1
		return
	}
	# Options are in bold (*--name*) where the page describes them; elsewhere plain.
	doc_opts=$(grep -oE -- '--[a-z][a-z-]+' "$root/doc/$page.1.scd" | sort -u)
	local missing extra
	missing=$(comm -23 <(echo "$help_opts") <(echo "$doc_opts"))
	extra=$(comm -13 <(echo "$help_opts") <(echo "$doc_opts"))
	if [[ -n $missing ]]; then
		echo "FAIL doc/$page.1.scd does not document: $(echo "$missing" | tr '\n' ' ')"
		failed=1
	fi
	if [[ -n $extra ]]; then
		echo "FAIL doc/$page.1.scd names options $program does not have: $(echo "$extra" | tr '\n' ' ')"
		failed=1
	fi
	[[ -z $missing && -z $extra ]] && echo "ok   $program: $(echo "$help_opts" | wc -l) options, all documented"
}
check gpupipe-host "$2"
check gpupipe-proxy "$3"
exit $failed
