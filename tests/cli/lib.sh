# tests/cli/lib.sh: a small TAP harness for command-line tests, sourced by
# each tests/cli/t_*.sh.  $SAFER is the binary; $DB a fresh database path.
#
#   run ARGS...            run safer --db $DB ARGS; sets $out, $err, $rc
#   ok NAME                record a passing check
#   check NAME COMMAND...  pass if COMMAND succeeds
#   expect_rc N NAME       pass if the last run exited N
#   expect_out TEXT NAME   pass if the last run's stdout contains TEXT
#   expect_err TEXT NAME   pass if the last run's stderr contains TEXT
#   need_real PATH...      true if the real public data at each PATH is
#                          there; else one TAP skip line naming what is
#                          missing, and false (a stranger's clone has no
#                          ../shared: its checks skip, counted as skipped)

SAFER=${SAFER_BIN:-./safer}
case "$SAFER" in /*) ;; *) SAFER=$PWD/$SAFER ;; esac
TMP=$(mktemp -d "${SAFER_TEST_TMP:-/tmp}/cli.XXXXXX")
DB=$TMP/test.db
trap 'rm -rf "$TMP"' EXIT
FILE=$(basename "$0" .sh)

run() {
	out=$("$SAFER" --db "$DB" "$@" 2>"$TMP/err")
	rc=$?
	err=$(cat "$TMP/err")
}

pass() { echo "ok - $FILE: $1"; }
fail() {
	echo "not ok - $FILE: $1"
	printf '%s\n' "  rc=$rc" "  stdout: ${out:0:600}" "  stderr: ${err:0:600}" | sed 's/^/#/'
}
check() {
	local name=$1
	shift
	if "$@"; then pass "$name"; else fail "$name"; fi
}
expect_rc() { if [ "$rc" -eq "$1" ]; then pass "$2"; else fail "$2 (wanted exit $1)"; fi; }
expect_out() { case "$out" in *"$1"*) pass "$2" ;; *) fail "$2 (stdout lacks '$1')" ;; esac; }
expect_err() { case "$err" in *"$1"*) pass "$2" ;; *) fail "$2 (stderr lacks '$1')" ;; esac; }
need_real() {
	local p missing=
	for p in "$@"; do
		[ -e "$p" ] || missing="$missing '$p'"
	done
	[ -z "$missing" ] && return 0
	echo "ok - $FILE: checks on real public data # SKIP not there:$missing"
	return 1
}
