#!/bin/sh
# Runs each libFuzzer target of a build for SECONDS seconds, one after the other (one process:
# the machine is shared), on its seed corpus plus a working corpus kept in the build tree.
#
#   tests/fuzz/run_fuzzers.sh BUILD_DIR SECONDS [TARGET...]     (targets: analyze offsets
#                                                               term_lexicon jsonl; default all)
#
# BUILD_DIR is configured with -DSAYSO_FUZZ_ENGINE=libfuzzer (see tests/fuzz/CMakeLists.txt).
# New inputs go to BUILD_DIR/fuzz-work/TARGET/corpus, never into the seed corpus; a crash,
# timeout (-timeout=10) or leak leaves its input in BUILD_DIR/fuzz-work/TARGET/ and makes the
# script fail: add that input to tests/fuzz/corpus/TARGET/ as a regression once it is fixed.
# Prints one line per target: executions, coverage (cov: edges, ft: features) and duration.
# SAYSO_FUZZ_FLAGS adds libFuzzer options, which override the defaults (e.g. "-max_len=65536
# -len_control=0" for long inputs from the start).
set -u
if [ $# -lt 2 ]; then
  echo "usage: $0 BUILD_DIR SECONDS [TARGET...]" >&2
  exit 2
fi
build=$(cd "$1" && pwd) || exit 2
seconds=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
targets=${*:-analyze offsets term_lexicon jsonl}
failed=""
summary=""
for target in $targets; do
  binary="$build/tests/fuzz/sayso_fuzz_$target"
  if [ ! -x "$binary" ]; then
    echo "$0: $binary not found: build $build first" >&2
    exit 2
  fi
  work="$build/fuzz-work/$target"
  mkdir -p "$work/corpus"
  log="$work/fuzz.log"
  echo "== fuzzing $target for $seconds s (log: $log)"
  start=$(date +%s)
  # -max_len: inputs up to 8 KiB (without it the largest seed, 35 KB, sets it and runs slow).
  "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2560 -max_len=8192 -print_final_stats=1 \
    -dict="$here/$target.dict" -artifact_prefix="$work/" ${SAYSO_FUZZ_FLAGS:-} \
    "$work/corpus" "$here/corpus/$target" \
    >"$log" 2>&1
  status=$?
  took=$(( $(date +%s) - start ))
  last=$(grep -E '^#[0-9]+' "$log" | tail -n 1)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  line="$target: status $status, ${took} s, ${execs:-?} execs; ${last:-no progress line}"
  echo "$line"
  summary="$summary$line
"
  if [ $status -ne 0 ]; then
    failed="$failed $target"
    grep -E -A 30 'ERROR: |fuzz check failed|SUMMARY' "$log" | head -n 60
  fi
done
printf '\n%s' "$summary"
if [ -n "$failed" ]; then
  echo "FAILED:$failed (inputs in $build/fuzz-work/<target>/)" >&2
  exit 1
fi
