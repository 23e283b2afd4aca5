# Shared by the CLI test scripts (sourced after TMP is set):
#   check DESCRIPTION COMMAND...          the command must succeed
#   expect_exit CODE DESCRIPTION COMMAND... the command must exit with CODE
#     (stdout/stderr kept in $TMP/out and $TMP/err; 120 s at most, so a hang
#     fails instead of stalling CI)
#   finish NAME                            prints the tally; fails if any failed
pass=0
fail=0
check() {
  local desc="$1"; shift
  if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $desc"; fi
}
expect_exit() {
  local want="$1" desc="$2"; shift 2
  timeout 120 "$@" >"$TMP/out" 2>"$TMP/err"
  local got=$?
  if [ "$got" -eq "$want" ]; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL: $desc: exit $got, want $want"; head -c 600 "$TMP/err"; head -c 600 "$TMP/out"; fi
}
finish() {
  echo "$1: $pass passed, $fail failed"
  [ "$fail" -eq 0 ]
}
