#!/usr/bin/env bash
# Issue 21's benchmark: a daily incremental run with "changes": "stream" against re-exporting the
# last week, and against a daily run with "changes": {"lookback": "P7D"}. See bench/README.md.
#
#   bench/restate.sh [--keys N] [--rows-per-day R] [--late N] [--runs N] [--channel C] [--keep]
#
#   --keys N          task keys (default 10000)
#   --rows-per-day R  rows per key per day (default 4)
#   --late N          late rows for each of 1 % of the keys, at random times of the last week (default 5)
#   --runs N          measured runs of each variant (default 2), each from a copy of the same state
#   --channel C       DataX channels (default 4)
#   --keep            keep the work folder (jobs, logs, outputs) and print its path
#
# Prints one line per run (wall time, client CPU = user + sys of the run's process, peak RSS, files
# and bytes the run wrote) and writes them to bench/results/<UTC time>-restate.csv.
set -euo pipefail

bench_dir="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root_dir="$(cd -P "$bench_dir/.." && pwd)"
JAVA="${JAVA:-java}"
keys=10000
per_day=4
late=5
runs=2
channel=4
keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --keys) keys="$2"; shift ;;
    --rows-per-day) per_day="$2"; shift ;;
    --late) late="$2"; shift ;;
    --runs) runs="$2"; shift ;;
    --channel) channel="$2"; shift ;;
    --keep) keep=1 ;;
    -h|--help) sed -n 2,15p "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "restate bench: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done

jar_src="$root_dir/otsrange-cli/target/otsrange.jar"
if [ ! -f "$jar_src" ]; then
  echo "restate bench: building (mvn -q -B -DskipTests package) ..." >&2
  (cd "$root_dir" && mvn -q -B -DskipTests package) >&2
fi
command -v /usr/bin/time >/dev/null || { echo "restate bench: /usr/bin/time (GNU time) is needed" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/otsrange-restate.XXXXXX")"
emu_pid=""
cleanup() {
  if [ -n "$emu_pid" ]; then kill "$emu_pid" 2>/dev/null || true; wait "$emu_pid" 2>/dev/null || true; fi
  if [ "$keep" = 1 ]; then echo "restate bench: work folder kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
log() { printf '%s restate bench: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# a private copy of the jar (others may rebuild it meanwhile); the loader compiled against it
jar="$work/otsrange.jar"
cp "$jar_src" "$jar"
mkdir -p "$work/classes" "$work/jobs" "$work/logs"
javac -nowarn -cp "$jar" -d "$work/classes" "$bench_dir"/src/Loader.java "$bench_dir"/src/RestateLoad.java

ID=benchid
KEY=benchsecret
INSTANCE=bench
TABLE=bench_restate
FROM=2024-06-03
day() { date -u -d "$FROM + $1 days" +%Y-%m-%d; }

"$JAVA" -Xmx4g -jar "$jar" emulator --port 0 --instance "$INSTANCE" --access-id "$ID" --access-key "$KEY" \
  > "$work/logs/emulator.log" 2>&1 &
emu_pid=$!
for _ in $(seq 1 300); do
  grep -q 'listening on http://127.0.0.1:' "$work/logs/emulator.log" && break
  kill -0 "$emu_pid" 2>/dev/null || { cat "$work/logs/emulator.log" >&2; exit 1; }
  sleep 0.2
done
endpoint="$(grep -o 'http://127.0.0.1:[0-9]*' "$work/logs/emulator.log" | head -1)"
[ -n "$endpoint" ] || { echo "restate bench: the emulator did not start" >&2; exit 1; }
loader=("$JAVA" -Xmx1g -cp "$jar:$work/classes" RestateLoad --endpoint "$endpoint" --instance "$INSTANCE"
  --access-id "$ID" --access-key "$KEY" --table "$TABLE" --keys "$keys" --rows-per-day "$per_day" --from "$FROM" --late "$late")

# job FILE FROM_DAY TO_DAY OUT RESUME CHANGES WRITEMODE
job() {
  local s
  s="$(cat "$bench_dir/jobs/restate.json")"
  for kv in channel="$channel" endpoint="$endpoint" accessId="$ID" accessKey="$KEY" instanceName="$INSTANCE" table="$TABLE" \
      tasks="$work/tasks.json" from="$(day "$2")" to="$(day "$3")" out="$4" resume="$5" changes="$6" writeMode="$7"; do
    s=${s//\$\{${kv%%=*}\}/${kv#*=}}
  done
  printf '%s\n' "$s" > "$1"
}
run() { "$JAVA" -Xmx1g -jar "$jar" run "$1" > "$2" 2>&1 || { tail -20 "$2" >&2; exit 1; }; }

log "loading the week: $keys keys x $per_day rows a day x 7 days, Stream enabled (168 h)"
"${loader[@]}" --step week --tasks-out "$work/tasks.json" | tee -a "$work/logs/load.log" >&2
state="$work/state"
for d in 0 1 2 3 4 5 6; do
  job "$work/jobs/day$d.json" "$d" "$((d + 1))" "$state" true '"stream"' append
  log "daily run $((d + 1)) of 7 (window $(day "$d")) to build the committed week ..."
  run "$work/jobs/day$d.json" "$work/logs/day$d.log"
done
log "writing day $(day 7) for every key and the late rows of 1 % of the keys"
"${loader[@]}" --step day | tee -a "$work/logs/load.log" >&2

results="$bench_dir/results/$(date -u +%Y-%m-%dT%H%M%SZ)-restate.csv"
echo "variant,run,wall_s,user_s,sys_s,max_rss_kb,files_written,bytes_written,files_total,bytes_total,restated_files" > "$results"
# measure VARIANT RUN OUTDIR JOB: one timed run; "written" = files the run replaced or created (their full size:
# every commit writes a whole new file, an append included), from an mtime marker
measure() {
  local variant=$1 i=$2 out=$3 jobf=$4 marker="$work/marker" t
  touch "$marker"
  sleep 1
  /usr/bin/time -f '%e %U %S %M' -o "$work/logs/$variant-$i.time" "$JAVA" -Xmx1g -jar "$jar" run "$jobf" \
    > "$work/logs/$variant-$i.log" 2>&1 || { tail -20 "$work/logs/$variant-$i.log" >&2; exit 1; }
  read -r -a t < "$work/logs/$variant-$i.time"
  local fw bw ft bt restated
  fw="$(find "$out" -type f -not -path '*/.otsrange/*' -newer "$marker" | wc -l)"
  bw="$(find "$out" -type f -not -path '*/.otsrange/*' -newer "$marker" -printf '%s\n' | awk '{s+=$1} END {print s+0}')"
  ft="$(find "$out" -type f -not -path '*/.otsrange/*' | wc -l)"
  bt="$(find "$out" -type f -not -path '*/.otsrange/*' -printf '%s\n' | awk '{s+=$1} END {print s+0}')"
  # manifest.json "restated": one entry per file checked, outcome restated / truncated / deleted / unchanged
  restated="$(grep -o -E '"outcome": ?"(restated|truncated|deleted)"' "$out"/.otsrange/*/manifest.json | wc -l || true)"
  echo "$variant,$i,${t[0]},${t[1]},${t[2]},${t[3]},$fw,$bw,$ft,$bt,$restated" >> "$results"
  log "$variant run $i: wall ${t[0]} s, client CPU $(awk "BEGIN{print ${t[1]}+${t[2]}}") s, peak RSS $((t[3] / 1024)) MB," \
    "wrote $fw files / $bw bytes (of $ft files / $bt bytes)"
}

for i in $(seq 1 "$runs"); do
  rm -rf "$work/out-stream" "$work/out-lookback" "$work/out-week"
  cp -a "$state" "$work/out-stream"
  job "$work/jobs/stream.json" 7 8 "$work/out-stream" true '"stream"' append
  measure stream "$i" "$work/out-stream" "$work/jobs/stream.json"
  cp -a "$state" "$work/out-lookback"
  job "$work/jobs/lookback.json" 7 8 "$work/out-lookback" true '{"lookback": "P7D"}' append
  measure lookback-P7D "$i" "$work/out-lookback" "$work/jobs/lookback.json"
  mkdir -p "$work/out-week"
  job "$work/jobs/week.json" 1 8 "$work/out-week" false '"ignore"' truncate
  measure week-reexport "$i" "$work/out-week" "$work/jobs/week.json"
done
if ! diff -r -q -x .otsrange "$work/out-stream" "$work/out-lookback" >/dev/null; then
  echo "restate bench: the stream and lookback outputs differ" >&2
  exit 1
fi
log "the stream run's files equal the lookback run's; results in $results"
cat "$results"
