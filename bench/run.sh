#!/bin/sh
# Sluice benchmark runner (see bench/README.md). Generates the projects into $BENCH_DIR (default /tmp/sluice-bench),
# runs each workload in fresh processes RUNS times after one warm-up, and prints the median wall time, median CPU time
# (user+sys, from /usr/bin/time), peak RSS, and the ratio of the median wall time to the workload's floor.
#   bench/run.sh                 every workload
#   bench/run.sh parse build     only the workloads whose name contains one of the words
# RUNS=5 bench/run.sh ...        more runs; BENCH_DIR=/somewhere bench/run.sh ... another folder
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
DIR=${BENCH_DIR:-/tmp/sluice-bench}
RUNS=${RUNS:-3}
FILTER="$*"
SLUICE=${SLUICE:-"$ROOT/sluice"}
export SLUICE_NO_BUILD=1
mkdir -p "$DIR"

(cd "$ROOT" && [ -f cli/target/sluice.jar ] || mvn -B -q -DskipTests -pl cli -am package)
(cd "$ROOT" && mvn -B -q -o -Pbench -pl bench -am package -DskipTests)
CP="$ROOT/bench/target/classes:$(cat "$ROOT/bench/target/classpath.txt")"
bench_java() { java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$CP" "$@"; }
# Floors that use DuckDB load its JDBC driver from sluice.jar, as Sluice does, so that neither pays the driver's
# inflating of its native library into a temporary file (cli/README.md): the floor is the warehouse's work alone.
DUCKDB_CP="$ROOT/bench/target/classes:$ROOT/cli/target/sluice.jar"

gen() { # gen KIND DIR [N]
    [ -f "$2/dbt_project.yml" ] || { echo "generating $2" >&2; bench_java dev.sluice.bench.Generate "$@"; }
}
gen scale "$DIR/scale2k" 2000
gen scale "$DIR/scale10k" 10000
gen scale "$DIR/scale20k" 20000
gen layered "$DIR/layered"
gen jinja "$DIR/jinja"
gen seeds "$DIR/seeds"
if [ ! -f "$DIR/shop/dbt_project.yml" ]; then
    cp -r "$ROOT/testkit/src/main/resources/projects/shop" "$DIR/shop"
    printf 'shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: bench.duckdb\n      schema: main\n      threads: 2\n' \
        > "$DIR/shop/profiles.yml"
fi

wanted() {
    [ -z "$FILTER" ] && return 0
    for word in $FILTER; do case $1 in *"$word"*) return 0 ;; esac; done
    return 1
}

# measure NAME PREP CMD: one warm-up, then RUNS timed runs; PREP runs untimed before each. Prints one line and
# leaves "wall" in $DIR/.last-wall for ratios.
measure() {
    name=$1 prep=$2 cmd=$3
    out="$DIR/.times.$name"
    : > "$out"
    sh -c "$prep" >/dev/null 2>&1; sh -c "$cmd" >/dev/null 2>&1 || true
    i=0
    while [ $i -lt "$RUNS" ]; do
        sh -c "$prep" >/dev/null 2>&1
        /usr/bin/time -f "%e %U %S %M" -a -o "$out" sh -c "$cmd" >"$DIR/.log.$name" 2>&1 \
            || { echo "$name failed: see $DIR/.log.$name" >&2; tail -5 "$DIR/.log.$name" >&2; }
        i=$((i + 1))
    done
    python3 - "$out" "$name" "${4:-}" "$DIR" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip() and l.split()[0][0].isdigit()]
wall = statistics.median(float(r[0]) for r in rows)
cpu = statistics.median(float(r[1]) + float(r[2]) for r in rows)
rss = max(int(r[3]) for r in rows) / 1024
floor = sys.argv[3]
ratio = ''
if floor:
    f = float(open(sys.argv[4] + '/.wall.' + floor).read())
    ratio = f'{wall / f:6.2f}x of {floor}'
open(sys.argv[4] + '/.wall.' + sys.argv[2], 'w').write(str(wall))
print(f'{sys.argv[2]:<26} wall {wall:7.2f} s  cpu {cpu:7.2f} s  rss {rss:7.0f} MiB  {ratio}', flush=True)
PY
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)   runs: $RUNS   $(nproc) cores"
if wanted version; then
    measure version true "$SLUICE --version"
fi
for p in scale2k scale10k scale20k layered jinja; do
    if wanted "parse-$p"; then
        measure "floor-cat-$p" true "find $DIR/$p \\( -path '$DIR/$p/target' -o -path '$DIR/$p/logs' \\) -prune -o -type f ! -name '*.duckdb*' -print0 | xargs -0 cat > /dev/null"
        measure "floor-read-$p" true "java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp '$CP' dev.sluice.bench.Floor read $DIR/$p"
        measure "parse-$p" "rm -rf $DIR/$p/target" "cd $DIR/$p && $SLUICE parse" "floor-read-$p"
        measure "reparse-$p" true "cd $DIR/$p && $SLUICE parse" "floor-read-$p"
        # one model edited before each run (a comment appended): the parse cache re-parses that model alone
        one=$(find "$DIR/$p/models" -name '*.sql' | sort | head -n 1)
        measure "reparse1-$p" "echo '-- edited' >> $one" "cd $DIR/$p && $SLUICE parse" "reparse-$p"
    fi
done
if wanted ls-scale20k; then
    # ls-none: the same command with a selector that matches nothing (the parse, the manifest loaded, the graph
    # built): ls-scale20k's ratio to it is what the graph operators and the listing cost beyond that
    measure "ls-none-scale20k" true "cd $DIR/scale20k && $SLUICE ls -q --select 'fqn:no_such_node'" "reparse-scale20k"
    measure "ls-scale20k" true "cd $DIR/scale20k && $SLUICE ls -q --select '+node_19999+' 'node_1+2' '@node_17'" "ls-none-scale20k"
fi
if wanted compile-jinja; then
    # Cold parse, as parse-jinja, into an existing target/compiled (a user's usual compile). With target/ removed
    # first, this machine's ext4 spends 6-14 s of system time creating the 13,520 test files in dbt's one-folder-per-
    # YAML-file layout (Python creating the same paths takes as long): that is compile-fresh-jinja, kept for reference.
    measure "compile-jinja" "rm -f $DIR/jinja/target/partial_parse.sluice $DIR/jinja/target/manifest*" \
        "cd $DIR/jinja && $SLUICE compile" "parse-jinja"
    measure "compile-fresh-jinja" "rm -rf $DIR/jinja/target" "cd $DIR/jinja && $SLUICE compile" "parse-jinja"
fi
if wanted build-scale2k; then
    measure "floor-build-scale2k" true "java -cp '$DUCKDB_CP' dev.sluice.bench.Floor scale-build $DIR/scale2k 2000"
    measure "build-scale2k" "rm -f $DIR/scale2k/bench.duckdb $DIR/scale2k/bench.duckdb.wal" \
        "cd $DIR/scale2k && $SLUICE build --threads 2" "floor-build-scale2k"
fi
if wanted seed-big; then
    measure "floor-readcsv-big" true "java -cp '$DUCKDB_CP' dev.sluice.bench.Floor read-csv $DIR/seeds/seeds/big/big_seed.csv $DIR/floor-big.duckdb"
    measure "seed-big" "rm -f $DIR/seeds/bench.duckdb*" "cd $DIR/seeds && $SLUICE seed --select big_seed" "floor-readcsv-big"
fi
if wanted seed-small; then
    measure "floor-readcsv-small" true "java -cp '$DUCKDB_CP' dev.sluice.bench.Floor read-csvs $DIR/seeds/seeds/small $DIR/floor-small.duckdb"
    measure "seed-small" "rm -f $DIR/seeds/bench.duckdb*" "cd $DIR/seeds && $SLUICE seed --exclude big_seed" "floor-readcsv-small"
fi
if wanted build-shop; then
    measure "build-shop" "rm -f $DIR/shop/bench.duckdb*" "cd $DIR/shop && $SLUICE build"
fi
if wanted jmh-yaml; then
    # JMH, steady state under the launcher's JIT and collector: all of a project's schema YAML files read once per op
    java -cp "$CP" org.openjdk.jmh.Main YamlReadBenchmark -p "dir=$DIR/scale2k,$DIR/jinja" -f 1 -wi 3 -i 5 -w 1s -r 1s \
        -jvmArgs "-XX:TieredStopAtLevel=1 -XX:+UseParallelGC" 2>&1 | sed -n '/^Benchmark /,$p'
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
