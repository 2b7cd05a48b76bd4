#!/bin/bash
# tests/cli/t_users.sh: "safer users" and "safer tokens": accounts, roles,
# passwords from standard input, tokens shown once; and "safer serve"
# refusing the network while there are no accounts.
. "$(dirname "$0")/lib.sh"

PW='correct horse battery'
PORT=$((20000 + RANDOM % 20000))
sql() { sqlite3 "$DB" "$1"; }

run init
expect_rc 0 "init"

# No accounts: serving the network is refused, saying how to add one.
run serve --listen 0.0.0.0:$PORT
expect_rc 1 "serve on 0.0.0.0 with no accounts is refused"
expect_err "safer users add EMAIL --name NAME --role admin --password-stdin" \
	"the refusal says how to add the first account"

run users add ann@example.org --name 'Ann Admin' --role admin <<<"$PW"
expect_rc 2 "users add without --password-stdin is a usage error"
run users add ann@example.org --name 'Ann Admin' --role admin --password-stdin <<<"too short"
expect_rc 1 "a password under 10 characters is refused"
expect_err "at least 10 characters" "the refusal says why"
run users add ann@example.org --name 'Ann Admin' --role admin --password-stdin </dev/null
expect_rc 1 "no password on standard input is refused"
run users add ann@example.org --name 'Ann Admin' --role boss --password-stdin <<<"$PW"
expect_rc 1 "an unknown role is refused"
expect_err "role" "the refusal names the role"
run users add Ann@Example.org --name 'Ann Admin' --role admin --password-stdin <<<"$PW"
expect_rc 0 "users add an admin"
check "the email is kept in lower case" test "$(sql "SELECT email FROM account")" = "ann@example.org"
check "the password is kept as an Argon2id hash only" \
	test "$(sql "SELECT password_hash LIKE '\$argon2id\$%' AND instr(password_hash, 'horse') = 0 FROM account")" = 1
run users add ANN@example.org --name 'Again' --role viewer --password-stdin <<<"$PW"
expect_rc 1 "the same email in another case is refused"
expect_err "already an account" "the refusal says so"

run plans add --title 'Plan' --start 2024-04-01 --end 2027-03-31
sql "INSERT INTO theme (id, plan_id, name) VALUES (7, 1, 'Violence')"
run users add lee@example.org --name 'Lee Lead' --role lead --theme 7 --password-stdin <<<"$PW"
expect_rc 0 "users add a lead of theme 7"
run users add vic@example.org --name 'Vic Viewer' --role viewer --theme 7 --password-stdin <<<"$PW"
expect_rc 1 "a viewer cannot lead a theme"
run users add lee2@example.org --name 'Lee Two' --role lead --theme 99 --password-stdin <<<"$PW"
expect_rc 1 "a lead of a theme that does not exist is refused"

run users list
expect_rc 0 "users list"
expect_out "ann@example.org" "the list has the admin"
check "the lead's theme is listed" grep -qE 'lee@example.org +lead +active +theme 7 +Lee Lead' <<<"$out"

run users role lee@example.org officer
expect_rc 0 "users role: lead to officer"
check "the role changed, the theme gone" \
	test "$(sql "SELECT role || '/' || (SELECT count(*) FROM account_scope WHERE account_id = account.id) FROM account WHERE email = 'lee@example.org'")" = "officer/0"
run users role lee@example.org wizard
expect_rc 1 "users role to an unknown role is refused"
run users role nobody@example.org viewer
expect_rc 1 "users role of an unknown email is refused"
expect_err "no account" "the refusal says there is no account"

run users password lee@example.org --password-stdin <<<"another long password"
expect_rc 0 "users password (a reset)"
check "the record says the password changed, without any hash" \
	test "$(sql "SELECT count(*) FROM audit WHERE object_type = 'account' AND changes LIKE '%\"password\"%\"changed\"%' AND changes NOT LIKE '%argon%'")" = 1

run users disable lee@example.org
expect_rc 0 "users disable"
expect_out "disabled" "it says so"
run users list
check "the list shows it disabled" grep -qE 'lee@example.org +officer +disabled' <<<"$out"

# Tokens
run tokens create ann@example.org --name 'reports'
expect_rc 0 "tokens create"
token=$(tail -n1 <<<"$out")
check "the token is alone on the last line" grep -qE '^safer_[0-9a-f]{64}$' <<<"$token"
check "the token is not kept, only its hash" test "$(sql "SELECT count(*) FROM api_token WHERE token_hash = '$token'")" = 0
run tokens list ann@example.org
expect_rc 0 "tokens list"
check "the list has the token, active" grep -qE '^1 .* active +reports' <<<"$out"
check "the list does not show the token" test "$(grep -c "$token" <<<"$out")" = 0
run tokens revoke 1
expect_rc 0 "tokens revoke"
run tokens list ann@example.org
check "the token is revoked" grep -qE '^1 .* revoked +reports' <<<"$out"
run tokens revoke 42
expect_rc 1 "revoking a token that does not exist fails"
run tokens create nobody@example.org
expect_rc 1 "tokens create for an unknown email fails"

check "each change is on the record, by the operating system's user" \
	test "$(sql "SELECT count(*) FROM audit WHERE object_type IN ('account', 'token') AND via = 'cli'")" -ge 7

# With an account, serving the network is allowed (started, then stopped).
"$SAFER" --db "$DB" serve --listen 0.0.0.0:$PORT >"$TMP/serve.out" 2>&1 &
pid=$!
sleep 0.5
check "serve on 0.0.0.0 starts once an account exists" grep -q "serving" "$TMP/serve.out"
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null

run users --help
expect_out "--password-stdin" "users --help shows the synopsis"
run tokens --help
expect_out "last line" "tokens --help says where the token is"
