#!/bin/bash
# tests/cli/t_help.sh: --help for every command and subcommand, "safer
# help", the version, and wrong usage at the top level.
. "$(dirname "$0")/lib.sh"

# Every command "safer help" lists, and at least these.
commands=$("$SAFER" help 2>/dev/null | awk '/^  [a-z]/ { print $1 }')
for c in actions demo export funds help init plans serve stats version; do
	case " $(echo $commands) " in
	*" $c "*) pass "safer help lists $c" ;;
	*) fail "safer help lists $c" ;;
	esac
done

run --help
expect_rc 0 "safer --help"
expect_out "usage: safer [--db PATH] COMMAND" "safer --help prints the usage"
for c in $commands; do
	expect_out "  $c " "safer --help lists $c"
done
run -h
expect_rc 0 "safer -h"

for c in $commands; do
	run "$c" --help
	expect_rc 0 "safer $c --help exits 0"
	expect_out "usage: safer $c" "safer $c --help prints its usage"
	check "safer $c --help writes nothing to stderr" test -z "$err"
	run "$c" -h
	expect_rc 0 "safer $c -h exits 0"
	run help "$c"
	expect_rc 0 "safer help $c exits 0"
	expect_out "usage: safer $c" "safer help $c prints its usage"
done
for sub in "actions list" "actions show" "actions add" "actions update" "plans list" "plans show" \
	"plans add" "funds list" "funds show" "funds add" "funds update" "funds add-award" \
	"export actions" "stats proportion" "stats rate" "stats compare-proportions" "stats change" "stats spc"; do
	run $sub --help
	expect_rc 0 "safer $sub --help exits 0"
	expect_out "usage: safer ${sub%% *}" "safer $sub --help prints the usage"
done
run actions add --title x --help
expect_rc 0 "--help after other options still prints the usage"
check "--help touched no database" test ! -e "$DB"

run help
expect_rc 0 "safer help"
expect_out "actions" "safer help lists the commands"
run help frob
expect_rc 2 "help for an unknown command is a usage error"

run version
expect_rc 0 "safer version"
check "the version is a version" grep -qE '^safer [0-9]+\.[0-9]+\.[0-9]+$' <<<"$out"
run --version
expect_rc 0 "safer --version"
check "--version prints the same" grep -qE '^safer [0-9]+\.[0-9]+\.[0-9]+$' <<<"$out"

run frob
expect_rc 2 "an unknown command exits 2"
expect_err "'frob' is not a safer command" "it names the command"
run
expect_rc 2 "no command exits 2"
expect_err "usage: safer" "no command prints the usage to stderr"
run --colour
expect_rc 2 "an unknown option before the command exits 2"
expect_err "unknown option '--colour'" "it names the option"
out=$("$SAFER" --db 2>&1)
rc=$?
expect_rc 2 "--db without a path exits 2"
for c in actions plans funds; do
	run $c list --bogus
	expect_rc 2 "$c list --bogus exits 2"
	expect_err "see 'safer $c --help'" "$c usage errors point to --help"
done
run serve --bogus
expect_rc 2 "serve --bogus exits 2"
run serve --threads 0
expect_rc 2 "serve --threads 0 exits 2"
run serve extra
expect_rc 2 "serve with an argument exits 2"
