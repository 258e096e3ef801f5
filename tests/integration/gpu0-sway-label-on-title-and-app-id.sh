#!/bin/bash
# gpupipe-host --label work, foot through gpu-0 on headless sway: sway knows the window as
# "[work] foot" with app_id "work.foot", and by no unlabelled name; a title the app sets
# later (through an escape sequence) is labelled too.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"

need_cmd foot
start_sway
start_gpupipe --label work
# shellcheck disable=SC2016 # $1 belongs to the shell inside foot
start_app foot foot -- sh -c 'read -r line; printf "\033]2;%s\007" "$line"; exec cat'

# windows: one "app_id<TAB>name" line per window in sway's tree.
windows() {
	sway_tree | python3 -c '
import json, sys
def walk(n):
    if n.get("pid") is not None and n["type"] in ("con", "floating_con"):
        print("%s\t%s" % (n.get("app_id"), n.get("name")))
    for c in n.get("nodes", []) + n.get("floating_nodes", []):
        walk(c)
walk(json.load(sys.stdin))'
}
has_window() { [[ $(windows) == *"$1"* ]]; }
wait_for 20 has_window $'work.foot\t' || fail "no window with app_id work.foot; sway has: $(windows)"
wait_for 10 has_window $'work.foot\t[work] foot' ||
	fail "the window's name is not '[work] foot'; sway has: $(windows)"
(($(windows | wc -l) == 1)) || fail "sway has more than the one window: $(windows)"

sway_type "new title"
sway_type -k Return
wait_for 10 has_window $'work.foot\t[work] new title' ||
	fail "the title the app set is not labelled; sway has: $(windows)"
note "sway has: $(windows)"
