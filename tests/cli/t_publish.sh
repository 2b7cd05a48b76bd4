#!/bin/bash
# tests/cli/t_publish.sh: "safer publish|unpublish" (what anonymous visitors
# may read, and the threshold below which counts are hidden from them),
# "safer indicators mark", and the record of each change.
. "$(dirname "$0")/lib.sh"

run init
expect_rc 0 "an empty database"

run publish --list
expect_rc 0 "publish --list"
expect_out "plan       not published" "nothing is published at first"
expect_out "crime      not published" "the crime dashboard is not published at first"
expect_out "fewer than 5 are suppressed" "the default threshold is 5"

run publish plan crime
expect_rc 0 "publish plan crime"
expect_out "2 settings changed" "two settings changed"
run publish --list
expect_out "plan       published" "the plan is published"
expect_out "crime      published" "the crime dashboard is published"
expect_out "funding    not published" "funding is not"
run publish plan
expect_out "0 settings changed" "publishing again changes nothing"

run publish --threshold 10
expect_rc 0 "publish --threshold 10"
run publish --list
expect_out "fewer than 10 are suppressed" "the threshold is 10"
run publish --threshold 0
expect_rc 2 "a threshold of 0 is a usage error"
expect_err "from 1 to 1000" "the error says the range"
run publish --threshold ten
expect_rc 2 "a threshold that is not a number is a usage error"
run publish everything
expect_rc 2 "an unknown part is a usage error"
expect_err "plan, funding, headlines or crime" "the error names the parts"
run publish
expect_rc 2 "publish with nothing to publish is a usage error"

run unpublish crime
expect_rc 0 "unpublish crime"
run publish --list
expect_out "crime      not published" "the crime dashboard is unpublished"
expect_out "plan       published" "the plan stays published"
run unpublish --threshold 3
expect_rc 2 "unpublish takes no threshold"

# Each change is one entry of the record, with the key and both values.
run audit list --format json
expect_rc 0 "the record"
check "four entries, one per setting changed, newest first" python3 -c '
import json, sys
e = json.loads(sys.argv[1])["entries"]
assert len(e) == 4, len(e)
assert all(x["object"]["type"] == "setting" for x in e)
assert [x["changes"][0]["field"] for x in e] == ["published:crime", "suppress_below", "published:crime", "published:plan"], e
last = e[0]["changes"][0]
assert last["old"] == "1" and last["new"] == "0", last
' "$out"
run audit verify
expect_rc 0 "the record's chain holds"

# Official-sensitive indicators.
run demo
expect_rc 0 "the demo loads"
code=asb
run indicators mark "$code" official-sensitive
expect_rc 0 "indicators mark CODE official-sensitive"
expect_out "Official-sensitive" "it says the new sensitivity"
run indicators show "$code" --format json
expect_out '"sensitivity": "official_sensitive"' "the indicator is official-sensitive"
run indicators mark "$code" secret
expect_rc 2 "an unknown sensitivity is a usage error"
run indicators mark no-such-indicator official
expect_rc 1 "an unknown indicator fails"
run indicators mark "$code" official
expect_rc 0 "indicators mark CODE official"
