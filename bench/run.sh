#!/usr/bin/env bash
# otsrange benchmarks: one entry point. See bench/README.md.
#
#   bench/run.sh [--quick] [--runs N] [--only LIST] [--fresh] [--keep] [--profile] [--tp-rows N]
#
#   --quick     small sizes, channels 1 and 4 only (~3 minutes on 2 quiet cores); default is the full run
#   --runs N    measured runs per case (default 3, --quick 2); each case also gets one untimed warm-up run
#   --only LIST comma-separated subset of: ceiling,reader,writer,e2e,scale,heavy,datax,tp; or micro (the
#               single-JVM micro-benchmarks of bench/src, printing their own figures; not in the default set)
#   --fresh     drop the cached emulator data and load everything again
#   --keep      keep the work folder (jobs, logs, outputs) and print its path
#   --profile   also record JFR profiles (local end-to-end ch1; tp: one DataX run of each side) and print hot frames
#   --tp-rows N rows of each throughput table (case 7, tp; default 1000000, --quick 100000)
#
# Environment: DATAX_HOME (enables cases 6 and 7: the real DataX engine, e.g. DATAX_HOME=/opt/datax),
# BENCH_CACHE (emulator data cache, default /tmp/otsrange-bench-cache), JAVA (java binary),
# TP_BEFORE_TARBALL (case 7 also runs this older plugin tarball as variant "before", e.g. a build of
# main, without readApi), TP_VARIANTS (case 7 variants, default "ours stock"; add "getrange" for our
# reader with readApi getRange).
set -euo pipefail

bench_dir="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root_dir="$(cd -P "$bench_dir/.." && pwd)"
JAVA="${JAVA:-java}"

mode=full
runs=3
only="ceiling,reader,writer,e2e,scale,heavy,datax,tp"
fresh=0
keep=0
profile=0
tp_rows=
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) mode=quick ;;
    --runs) runs="$2"; runs_set="$2"; shift ;;
    --only) only="$2"; shift ;;
    --fresh) fresh=1 ;;
    --keep) keep=1 ;;
    --profile) profile=1 ;;
    --tp-rows) tp_rows="$2"; shift ;;
    -h|--help) sed -n 2,24p "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done
wants() { case ",$only," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }

# ------------------------------------------------------------------ sizes
# dense: the main table (keys x rows per key, 11 attribute columns); writer: generated records;
# sparse: the planning-scale table; heavy: one key (the 1/5 window is measured too, to show that
# peak memory does not grow with rows).
if [ "$mode" = quick ]; then
  DENSE_KEYS=20; DENSE_ROWS=3000
  WRITER_RECORDS=100000; WRITER_KEYS=100
  SPARSE_KEYS=1000; SPARSE_ROWS=12
  HEAVY_ROWS=200000
  CHANNELS="1 4"
  TP_ROWS="${tp_rows:-100000}"
  runs="${runs_set:-2}"
else
  DENSE_KEYS=100; DENSE_ROWS=3000
  WRITER_RECORDS=300000; WRITER_KEYS=100
  SPARSE_KEYS=10000; SPARSE_ROWS=12
  HEAVY_ROWS=5000000
  CHANNELS="1 2 4"
  TP_ROWS="${tp_rows:-1000000}"
fi
main_cases() { wants ceiling || wants reader || wants writer || wants e2e || wants scale || wants heavy || wants datax; }
HEAVY_XMX=256m
RUNNER_XMX=1g

# ------------------------------------------------------------------ build and work folder
jar_src="$root_dir/otsrange-cli/target/otsrange.jar"
tarball="$root_dir/target/otsrange-datax-plugins.tar.gz"
if [ ! -f "$jar_src" ] || [ ! -f "$tarball" ]; then
  echo "bench: building (mvn -q -B -DskipTests package) ..." >&2
  (cd "$root_dir" && mvn -q -B -DskipTests package) >&2
fi
command -v /usr/bin/time >/dev/null || { echo "bench: /usr/bin/time (GNU time) is needed for CPU and peak RSS" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/otsrange-bench.XXXXXX")"
emu_pid=""
cleanup() {
  if [ -n "$emu_pid" ]; then kill "$emu_pid" 2>/dev/null || true; wait "$emu_pid" 2>/dev/null || true; fi
  if [ "$keep" = 1 ]; then echo "bench: work folder kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Others may rebuild the jar while we measure: run everything from a private copy.
jar="$work/otsrange.jar"
cp "$jar_src" "$jar"
mkdir -p "$work/classes" "$work/jobs" "$work/logs" "$work/out"
"$JAVA" -version >/dev/null 2>&1 || { echo "bench: no java on PATH" >&2; exit 1; }
javac -nowarn -cp "$jar" -d "$work/classes" "$bench_dir"/src/*.java
bench_cp="$jar:$work/classes"

raw="$work/raw.csv"
echo "case,engine,variant,run,rows,csv_bytes,wall_s,user_s,sys_s,max_rss_kb,extra" > "$raw"
log() { printf '%s bench: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ------------------------------------------------------------------ emulator with cached data
ID=benchid
KEY=benchsecret
INSTANCE=bench
cache="${BENCH_CACHE:-/tmp/otsrange-bench-cache}/$mode"
data_version="$(cat "$bench_dir/src/Loader.java" | cksum | cut -d' ' -f1)-$DENSE_KEYS-$DENSE_ROWS-$SPARSE_KEYS-$SPARSE_ROWS-$HEAVY_ROWS"
if [ "$fresh" = 1 ] || [ "$(cat "$cache/version" 2>/dev/null)" != "$data_version" ]; then
  rm -rf "$cache"
fi
mkdir -p "$cache/emulator"
echo "$data_version" > "$cache/version"

emu_starts=0
# start_emulator [DATA_DIR [FAULTS]]: the emulator on the data cache (default: the main tables' cache)
start_emulator() {
  local data_dir="${1:-$cache/emulator}" faults="${2:-}"
  emu_starts=$((emu_starts + 1))
  local elog="$work/logs/emulator-$emu_starts.log"
  local fault_args=()
  [ -n "$faults" ] && fault_args=(--faults "$faults")
  "$JAVA" -Xmx6g -Dotsrange.home="$root_dir" -jar "$jar" emulator --port 0 --instance "$INSTANCE" \
    --access-id "$ID" --access-key "$KEY" --data "$data_dir" "${fault_args[@]}" > "$elog" 2>&1 &
  emu_pid=$!
  for _ in $(seq 1 300); do
    if grep -q 'listening on http://127.0.0.1:' "$elog"; then break; fi
    if ! kill -0 "$emu_pid" 2>/dev/null; then cat "$elog" >&2; echo "bench: emulator died" >&2; exit 1; fi
    sleep 0.2
  done
  endpoint="$(grep -o 'http://127.0.0.1:[0-9]*' "$elog" | head -1)"
  [ -n "$endpoint" ] || { echo "bench: emulator did not start" >&2; exit 1; }
  log "emulator at $endpoint (data $data_dir${faults:+, faults $faults})"
}
stop_emulator() {
  if [ -n "$emu_pid" ]; then kill "$emu_pid"; wait "$emu_pid" 2>/dev/null || true; emu_pid=""; fi
}

# load TABLE SHAPE KEYS ROWS [CACHE_DIR [LOADER ARGS...]]: through the SDK, unless the cache already holds it
load() {
  local table=$1 shape=$2 keys=$3 rows=$4 dir="${5:-$cache}"
  shift 4; [ $# -gt 0 ] && shift
  if [ -f "$dir/$table.loaded" ] && [ -f "$dir/$table.tasks.json" ]; then
    log "table $table: cached ($(cat "$dir/$table.loaded"))"
    return
  fi
  log "loading $table ($shape, $keys keys, $rows rows) ..."
  "$JAVA" -Xmx1g -cp "$bench_cp" Loader --endpoint "$endpoint" --instance "$INSTANCE" --access-id "$ID" --access-key "$KEY" \
    --table "$table" --shape "$shape" --keys "$keys" --rows "$rows" --tasks-out "$dir/$table.tasks.json" "$@" \
    > "$work/logs/load-$table.log" 2>&1 || { tail -20 "$work/logs/load-$table.log" >&2; exit 1; }
  grep '^loaded' "$work/logs/load-$table.log" | tee "$dir/$table.loaded" >&2
}
if main_cases; then
  start_emulator
  load bench_sensor dense "$DENSE_KEYS" "$DENSE_ROWS"
  if wants scale; then load bench_sparse sparse "$SPARSE_KEYS" "$SPARSE_ROWS"; fi
  if wants heavy; then load bench_heavy heavy 1 "$HEAVY_ROWS"; fi
  # Restart, so that every run meets the same emulator: freshly replayed from the cache, not one
  # still digesting a multi-million-row load (that made the first cases up to 3x slower).
  stop_emulator
  start_emulator
fi

# ------------------------------------------------------------------ helpers
# render TEMPLATE OUT name=value...: ${name} placeholders of a bench/jobs template
render() {
  local template=$1 out=$2 s kv k v
  shift 2
  s="$(cat "$template")"
  for kv in "$@"; do k=${kv%%=*}; v=${kv#*=}; s=${s//\$\{$k\}/$v}; done
  printf '%s\n' "$s" > "$out"
}
conn=()
conn_vars() { conn=(endpoint="$endpoint" accessId="$ID" accessKey="$KEY" instanceName="$INSTANCE"); }
if main_cases; then conn_vars; fi

csv_bytes() { # bytes of output files (bookkeeping under .otsrange/ excluded)
  [ -d "$1" ] || { echo 0; return; }
  find "$1" -type f -not -path '*/.otsrange/*' -printf '%s\n' | awk '{s+=$1} END {print s+0}'
}

# measure CASE ENGINE VARIANT RUN OUTDIR -- command...: one timed process, one raw.csv line.
# RUN 0 is the warm-up (kept in raw.csv, left out of the statistics).
measure() {
  local case=$1 engine=$2 variant=$3 run=$4 outdir=$5
  shift 6
  local tag="$case-$engine-$variant-$run"
  local logf="$work/logs/$tag.log" timef="$work/logs/$tag.time"
  rm -rf "$outdir"
  local rc=0 load1
  load1="$(cut -d' ' -f1 /proc/loadavg)"
  /usr/bin/time -f '%e %U %S %M' -o "$timef" "$@" > "$logf" 2>&1 || rc=$?
  if [ "$rc" != 0 ]; then
    log "FAILED ($rc): $tag, last lines of $logf:"
    grep -v '^\s*at ' "$logf" | tail -15 >&2
    echo "$case,$engine,$variant,$run,0,0,0,0,0,0,failed" >> "$raw"
    return 0
  fi
  local rows extra=""
  rows="$(grep -o -E '(Total records read|读出记录总数) *: *[0-9]+|ceiling rows=[0-9]+' "$logf" | grep -o -E '[0-9]+$' | tail -1 || true)"
  if [ "$case" = scale ] && [ "$variant" = plan ]; then
    extra="tasks=$(grep -o -E 'DataX tasks: [0-9]+' "$logf" | grep -o -E '[0-9]+$' || true);units=$(grep -o -E 'units \(output files[^:]*: [0-9]+' "$logf" | grep -o -E '[0-9]+$' || true);"
  fi
  if [ -d "$outdir" ]; then
    extra="${extra}files=$(find "$outdir" -type f -not -path '*/.otsrange/*' | wc -l);"
  fi
  extra="${extra}load=$load1"
  local t
  read -r -a t < "$timef" || true
  echo "$case,$engine,$variant,$run,${rows:-0},$(csv_bytes "$outdir"),${t[0]},${t[1]},${t[2]},${t[3]},$extra" >> "$raw"
  log "$tag: rows=${rows:-?} wall=${t[0]}s cpu=$(awk "BEGIN{print ${t[1]}+${t[2]}}")s rss=$((t[3]/1024))MB load=$load1"
}

# repeat CASE ENGINE VARIANT WARMUP OUTDIR -- command...: warm-up (if WARMUP=1) + $runs timed runs
repeat() {
  local case=$1 engine=$2 variant=$3 warm=$4 outdir=$5 i
  shift 6
  [ "$warm" = 1 ] && measure "$case" "$engine" "$variant" 0 "$outdir" -- "$@"
  for i in $(seq 1 "$runs"); do measure "$case" "$engine" "$variant" "$i" "$outdir" -- "$@"; done
}

# Wrappers /usr/bin/time can start (it cannot run shell functions); each execs one JVM.
mkdir -p "$work/bin"
cat > "$work/bin/runner" <<WRAPPER
#!/usr/bin/env bash
# runner XMX JOB.json: the local in-process runner (what bin/otsrange run starts)
xmx=\$1; shift
exec "$JAVA" "-Xmx\$xmx" -Dotsrange.home="$root_dir" -jar "$jar" run "\$@"
WRAPPER
chmod +x "$work/bin/runner"
runner="$work/bin/runner"

dense_vars=("${conn[@]}" table=bench_sensor chunkBy=year tasks="$cache/bench_sensor.tasks.json")

# ------------------------------------------------------------------ 1. ceiling
if wants ceiling; then
  repeat ceiling sdk threads1 1 "$work/out/none" -- "$JAVA" -Xmx$RUNNER_XMX -cp "$bench_cp" Ceiling --endpoint "$endpoint" \
    --instance "$INSTANCE" --access-id "$ID" --access-key "$KEY" --table bench_sensor \
    --tasks "$cache/bench_sensor.tasks.json" --columns temp,humidity,pressure,voltage,rssi,seq,status,firmware,alarm,note,raw
fi

# ------------------------------------------------------------------ 2. reader -> streamwriter
if wants reader; then
  render "$bench_dir/jobs/reader-stream.json" "$work/jobs/reader-ch1.json" "${dense_vars[@]}" channel=1
  repeat reader local ch1 1 "$work/out/none" -- "$runner" $RUNNER_XMX "$work/jobs/reader-ch1.json"
fi

# ------------------------------------------------------------------ 3. streamreader -> csvyearwriter
if wants writer; then
  render "$bench_dir/jobs/stream-csvyear.json" "$work/jobs/writer-ch1.json" channel=1 keys=$WRITER_KEYS \
    records=$WRITER_RECORDS out="$work/out/writer"
  repeat writer local ch1 1 "$work/out/writer" -- "$runner" $RUNNER_XMX "$work/jobs/writer-ch1.json"
fi

# ------------------------------------------------------------------ 4. end to end
if wants e2e; then
  warm=1
  for ch in $CHANNELS; do
    render "$bench_dir/jobs/reader-csv.json" "$work/jobs/e2e-ch$ch.json" "${dense_vars[@]}" channel=$ch out="$work/out/e2e"
    repeat e2e local "ch$ch" $warm "$work/out/e2e" -- "$runner" $RUNNER_XMX "$work/jobs/e2e-ch$ch.json"
    warm=0
  done
  if [ "$profile" = 1 ]; then
    jfr="$work/e2e-ch1.jfr"
    measure profile local e2e-ch1-jfr 1 "$work/out/e2e" -- "$JAVA" -Xmx$RUNNER_XMX \
      -XX:StartFlightRecording=filename="$jfr",settings=profile -jar "$jar" run "$work/jobs/e2e-ch1.json"
    jfr print --stack-depth 64 --events jdk.ExecutionSample "$jfr" > "$work/logs/jfr-samples.txt" 2>/dev/null || true
    "$JAVA" -cp "$work/classes" HotFrames "$work/logs/jfr-samples.txt" > "$work/jfr-hot.txt" || true
  fi
fi

# ------------------------------------------------------------------ 5. scale: planning + heavy key
if wants scale; then
  sparse_vars=("${conn[@]}" table=bench_sparse chunkBy=month tasks="$cache/bench_sparse.tasks.json")
  render "$bench_dir/jobs/reader-csv.json" "$work/jobs/sparse-plan.json" "${sparse_vars[@]}" channel=4 out="$work/out/sparse"
  repeat scale local plan 1 "$work/out/none" -- "$JAVA" -Xmx$RUNNER_XMX -jar "$jar" plan "$work/jobs/sparse-plan.json"
  measure scale local export-ch4 1 "$work/out/sparse" -- "$runner" $RUNNER_XMX "$work/jobs/sparse-plan.json"
fi
if wants heavy; then
  # the same key read over ~1/5 of its time span, then over all of it; both with a 256 MB heap
  render "$bench_dir/jobs/reader-csv.json" "$work/jobs/heavy-all.json" "${conn[@]}" table=bench_heavy chunkBy=month \
    tasks="$cache/bench_heavy.tasks.json" channel=4 out="$work/out/heavy"
  sed 's/"lt": "2025-01-01"/"lt": "2022-08-12"/' "$work/jobs/heavy-all.json" > "$work/jobs/heavy-fifth.json"
  measure heavy local "fifth-xmx$HEAVY_XMX" 1 "$work/out/heavy" -- "$runner" $HEAVY_XMX "$work/jobs/heavy-fifth.json"
  measure heavy local "all-xmx$HEAVY_XMX" 1 "$work/out/heavy" -- "$runner" $HEAVY_XMX "$work/jobs/heavy-all.json"
  # the same on the GetRange read path (the default reads with BulkExport)
  for part in fifth all; do
    sed 's/"appendColumns"/"readApi": "getRange", "appendColumns"/' "$work/jobs/heavy-$part.json" > "$work/jobs/heavy-$part-getrange.json"
    measure heavy local "$part-xmx$HEAVY_XMX-getrange" 1 "$work/out/heavy" -- "$runner" $HEAVY_XMX "$work/jobs/heavy-$part-getrange.json"
  done
fi

# ------------------------------------------------------------------ 6. the real DataX engine
# setup_datax NAME TARBALL: a copy of $DATAX_HOME with that plugin tarball untarred into it, and
# $work/bin/datax-NAME JOB.json [JVM options...] starting it as datax.py does (without python)
setup_datax() {
  local name=$1 tar=$2 dx="$work/datax-$1"
  [ -d "$DATAX_HOME/lib" ] || { echo "bench: DATAX_HOME=$DATAX_HOME has no lib/" >&2; exit 1; }
  cp -a "$DATAX_HOME" "$dx"
  tar -xzf "$tar" -C "$dx"
  cat > "$work/bin/datax-$name" <<WRAPPER
#!/usr/bin/env bash
job=\$1; shift
exec "$JAVA" -server -Xms1g -Xmx1g -Dfile.encoding=UTF-8 \\
  -Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener \\
  -Djava.security.egd=file:///dev/urandom -Ddatax.home="$dx" -Dlogback.configurationFile="$dx/conf/logback.xml" \\
  "\$@" -classpath "$dx/lib/*:." -Dlog.file.name=bench com.alibaba.datax.core.Engine -mode standalone -jobid -1 -job "\$job"
WRAPPER
  chmod +x "$work/bin/datax-$name"
  log "DataX copy at $dx with plugins of $tar"
}

if main_cases && wants datax && [ -n "${DATAX_HOME:-}" ]; then
  setup_datax ours "$tarball"
  datax="$work/bin/datax-ours"
  if wants reader; then
    render "$bench_dir/jobs/reader-stream.json" "$work/jobs/dx-reader-ch1.json" "${dense_vars[@]}" channel=1
    render "$bench_dir/jobs/otsreader-stream.json" "$work/jobs/dx-otsreader-ch1.json" "${dense_vars[@]}" channel=1
    repeat reader datax-ours ch1 1 "$work/out/none" -- "$datax" "$work/jobs/dx-reader-ch1.json"
    repeat reader datax-stock ch1 1 "$work/out/none" -- "$datax" "$work/jobs/dx-otsreader-ch1.json"
  fi
  if wants writer; then
    render "$bench_dir/jobs/stream-csvyear.json" "$work/jobs/dx-writer-ch1.json" channel=1 keys=$WRITER_KEYS \
      records=$WRITER_RECORDS out="$work/out/dx-writer"
    render "$bench_dir/jobs/stream-txtfile.json" "$work/jobs/dx-txtfile-ch1.json" channel=1 keys=$WRITER_KEYS \
      records=$WRITER_RECORDS out="$work/out/dx-txtfile"
    # the generator alone (streamreader -> streamwriter print=false): what any writer is bounded by here
    render "$bench_dir/jobs/stream-null.json" "$work/jobs/dx-streamnull-ch1.json" channel=1 keys=$WRITER_KEYS \
      records=$WRITER_RECORDS
    repeat writer datax-null ch1 1 "$work/out/none" -- "$datax" "$work/jobs/dx-streamnull-ch1.json"
    repeat writer datax-ours ch1 1 "$work/out/dx-writer" -- "$datax" "$work/jobs/dx-writer-ch1.json"
    repeat writer datax-stock ch1 1 "$work/out/dx-txtfile" -- "$datax" "$work/jobs/dx-txtfile-ch1.json"
  fi
  if wants e2e; then
    warm=1
    for ch in $CHANNELS; do
      render "$bench_dir/jobs/reader-csv.json" "$work/jobs/dx-e2e-ch$ch.json" "${dense_vars[@]}" channel=$ch out="$work/out/dx-e2e"
      render "$bench_dir/jobs/otsreader-txtfile.json" "$work/jobs/dx-stock-e2e-ch$ch.json" "${dense_vars[@]}" channel=$ch \
        out="$work/out/dx-stock-e2e"
      repeat e2e datax-ours "ch$ch" $warm "$work/out/dx-e2e" -- "$datax" "$work/jobs/dx-e2e-ch$ch.json"
      repeat e2e datax-stock "ch$ch" $warm "$work/out/dx-stock-e2e" -- "$datax" "$work/jobs/dx-stock-e2e-ch$ch.json"
      warm=0
    done
  fi
elif main_cases && wants datax; then
  log "DATAX_HOME not set: case 6 (real DataX engine, stock otsreader/txtfilewriter) skipped"
fi
stop_emulator

# ------------------------------------------------------------------ 7. throughput scenarios (issue 12)
# Four scenarios in the real DataX engine, ours (otsrangereader + csvyearwriter) against the stock
# otsreader (newVersion, normal mode, columns listed) + txtfilewriter (csv), same table and channels;
# TP_ROWS rows of 8 attribute columns per table. "50 ms" = the emulator started with
# --faults slow=1,slowMs=50,actions=GetRange+BulkExport (every read request 50 ms later). Variants run
# alternately (one run of each per round, so all see the same background load), after a warm-up round.
if wants tp && [ -n "${DATAX_HOME:-}" ]; then
  tp_cache="${BENCH_CACHE:-/tmp/otsrange-bench-cache}/tp-$TP_ROWS"
  tp_version="$(cksum < "$bench_dir/src/Loader.java" | cut -d' ' -f1)-$TP_ROWS"
  if [ "$fresh" = 1 ] || [ "$(cat "$tp_cache/version" 2>/dev/null)" != "$tp_version" ]; then rm -rf "$tp_cache"; fi
  mkdir -p "$tp_cache/emulator"
  echo "$tp_version" > "$tp_cache/version"
  start_emulator "$tp_cache/emulator"
  load tp_keys wide 10 "$TP_ROWS" "$tp_cache" --from 2023-01-01 --to 2025-01-01
  load tp_heavy2y wide 1 "$TP_ROWS" "$tp_cache" --from 2023-01-01 --to 2025-01-01
  load tp_heavy1y wide 1 "$TP_ROWS" "$tp_cache" --from 2024-01-01 --to 2025-01-01
  stop_emulator

  setup_datax ours "$tarball"
  tp_variants="${TP_VARIANTS:-ours stock}"
  if [ -n "${TP_BEFORE_TARBALL:-}" ]; then setup_datax before "$TP_BEFORE_TARBALL"; tp_variants="$tp_variants before"; fi
  slow="slow=1,slowMs=50,actions=GetRange+BulkExport"
  # scenario table channel faults
  tp_scenarios=("tp-cpu tp_keys 2 -" "tp-lat tp_keys 4 $slow" "tp-heavy2y tp_heavy2y 4 $slow" "tp-heavy1y tp_heavy1y 4 $slow"
    "tp-heavy1y-cpu tp_heavy1y 2 -")
  current_faults="none"
  for sc in "${tp_scenarios[@]}"; do
    read -r name table ch faults <<< "$sc"
    if [ "$faults" != "$current_faults" ] || [ -z "$emu_pid" ]; then
      stop_emulator
      start_emulator "$tp_cache/emulator" "$([ "$faults" = - ] || echo "$faults")"
      current_faults="$faults"
    fi
    conn_vars
    tp_vars=("${conn[@]}" table="$table" tasks="$tp_cache/$table.tasks.json" channel="$ch")
    for v in $tp_variants; do
      case "$v" in
        ours) render "$bench_dir/jobs/tp-ours.json" "$work/jobs/$name-$v.json" "${tp_vars[@]}" out="$work/out/$name-$v" extra="" ;;
        getrange) render "$bench_dir/jobs/tp-ours.json" "$work/jobs/$name-$v.json" "${tp_vars[@]}" out="$work/out/$name-$v" \
          extra='"readApi": "getRange",' ;;
        before) render "$bench_dir/jobs/tp-ours.json" "$work/jobs/$name-$v.json" "${tp_vars[@]}" out="$work/out/$name-$v" extra="" ;;
        parts) render "$bench_dir/jobs/tp-ours.json" "$work/jobs/$name-$v.json" "${tp_vars[@]}" out="$work/out/$name-$v" \
          extra='"maxPartsPerFile": 8,' ;;
        wholefile) render "$bench_dir/jobs/tp-ours.json" "$work/jobs/$name-$v.json" "${tp_vars[@]}" out="$work/out/$name-$v" \
          extra='"maxPartsPerFile": 1,' ;;
        stock) render "$bench_dir/jobs/tp-stock.json" "$work/jobs/$name-$v.json" "${tp_vars[@]}" out="$work/out/$name-$v" ;;
        *) echo "bench: unknown TP_VARIANTS entry '$v' (ours, stock, getrange, wholefile, parts)" >&2; exit 2 ;;
      esac
    done
    for i in $(seq 0 "$runs"); do
      for v in $tp_variants; do
        dx="$work/bin/datax-ours"; [ "$v" = before ] && dx="$work/bin/datax-before"
        measure "$name" "datax-$v" "ch$ch" "$i" "$work/out/$name-$v" -- "$dx" "$work/jobs/$name-$v.json"
      done
    done
    if [ "$profile" = 1 ] && [ "$name" = tp-cpu ]; then
      for v in ours stock; do
        jfr="$work/$name-$v.jfr"
        measure profile "datax-$v" "$name-jfr" 1 "$work/out/$name-$v" -- "$work/bin/datax-ours" "$work/jobs/$name-$v.json" \
          -XX:StartFlightRecording=filename="$jfr",settings=profile
        jfr print --stack-depth 64 --events jdk.ExecutionSample "$jfr" > "$work/logs/jfr-$name-$v.txt" 2>/dev/null || true
        "$JAVA" -cp "$work/classes" HotFrames "$work/logs/jfr-$name-$v.txt" > "$work/jfr-hot-$name-$v.txt" || true
      done
    fi
  done
  stop_emulator
elif wants tp; then
  log "DATAX_HOME not set: case 7 (throughput scenarios in DataX against the stock plugins) skipped"
fi

# ------------------------------------------------------------------ 8. micro-benchmarks (--only micro)
# Programs in bench/src that measure one piece inside one JVM and print their own figures: the writer
# alone (generic and paired, WriterBench), the reader into a discarding writer with the emulator in the
# same JVM (ReaderThroughputBench), the emulator's store and GetRange stream (GetRangeThroughput),
# double formatting (ShortestDoubleBench), the reader's split reading a Stream (StreamSplitBench). The table
# gets one line each (wall, CPU, peak RSS).
if wants micro; then
  if [ "$mode" = quick ]; then sizes=(100000 100000 200000 1000000 100000); else sizes=(300000 500000 1000000 3000000 1000000); fi
  micro=("WriterBench ${sizes[0]}" "ReaderThroughputBench ${sizes[1]}" "com.otsrange.emulator.GetRangeThroughput ${sizes[2]}"
    "ShortestDoubleBench ${sizes[3]}" "StreamSplitBench ${sizes[4]}")
  for m in "${micro[@]}"; do
    read -r cls arg <<< "$m"
    measure micro local "${cls##*.}" 1 "$work/out/micro" -- "$JAVA" -Xmx2g -cp "$bench_cp" "$cls" "$arg"
    { echo "== $cls $arg"; grep -v -E '^\[|^SLF4J' "$work/logs/micro-local-${cls##*.}-1.log" || true; } >> "$work/micro.txt"
  done
fi

# ------------------------------------------------------------------ report
mkdir -p "$bench_dir/results"
stamp="$(date -u +%Y-%m-%dT%H%M%SZ)"
result="$bench_dir/results/$stamp-$mode.json"
cp "$raw" "$bench_dir/results/$stamp-$mode.csv"
"$JAVA" -cp "$work/classes" Report "$raw" "$result" \
  mode="$mode" runs="$runs" commit="$(git -C "$root_dir" rev-parse --short HEAD 2>/dev/null || echo unknown)" \
  cores="$(nproc)" loadavg="$(cut -d' ' -f1-3 /proc/loadavg)" datax="${DATAX_HOME:-}" \
  dense_rows="$((DENSE_KEYS * DENSE_ROWS))" dense_keys="$DENSE_KEYS" writer_records="$WRITER_RECORDS" \
  writer_keys="$WRITER_KEYS" sparse_keys="$SPARSE_KEYS" heavy_rows="$HEAVY_ROWS" heavy_xmx="$HEAVY_XMX" tp_rows="$TP_ROWS"
if [ -f "$work/jfr-hot.txt" ]; then
  cp "$work/jfr-hot.txt" "$bench_dir/results/$stamp-$mode-jfr-hot.txt"
  echo; echo "JFR hot frames (local e2e, channel 1):"; head -40 "$work/jfr-hot.txt"
fi
if [ -f "$work/micro.txt" ]; then
  cp "$work/micro.txt" "$bench_dir/results/$stamp-$mode-micro.txt"
  echo; echo "micro-benchmarks:"; cat "$work/micro.txt"
fi
for v in ours stock; do
  if [ -f "$work/jfr-hot-tp-cpu-$v.txt" ]; then
    cp "$work/jfr-hot-tp-cpu-$v.txt" "$bench_dir/results/$stamp-$mode-jfr-hot-tp-cpu-$v.txt"
    echo; echo "JFR hot frames (DataX process, tp-cpu, $v):"; head -40 "$work/jfr-hot-tp-cpu-$v.txt"
  fi
done
echo
echo "results: $result (raw runs: ${result%.json}.csv)"
