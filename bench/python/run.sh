#!/usr/bin/env bash
# Python model benchmark: 1,000,000 rows x 10 columns from DuckDB into a Python model and back, timed by Sluice's
# run_results.json, against the floor: DuckDB's own CSV export plus pandas' own read_csv of the same table.
# Usage: bench/python/run.sh [rows]   (needs the jar ./sluice builds, and /usr/bin/python3 with pandas)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ROWS=${1:-1000000}
PYTHON=${SLUICE_PYTHON:-/usr/bin/python3}
WORK=$(mktemp -d /tmp/sluice-bench-python.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

mkdir -p "$WORK/models"
cat > "$WORK/dbt_project.yml" <<YAML
name: bench_python
version: '1.0'
profile: bench_python
YAML
cat > "$WORK/profiles.yml" <<YAML
bench_python:
  target: dev
  outputs:
    dev:
      type: duckdb
      path: "bench.duckdb"
      schema: main
      threads: 1
YAML
# ten columns: 3 integers, 3 doubles, 2 strings (one with commas and quotes), a boolean and a timestamp
cat > "$WORK/models/wide.sql" <<SQL
{{ config(materialized='table') }}
select i as id, i % 1000 as grp, (i * 7919) % 1000003 - 500000 as signed_int,
       random() as r1, random() * 1e6 - 5e5 as r2, (i % 977) / 7.0::double as ratio,
       'name_' || i as name, case i % 4 when 0 then 'a,b' when 1 then 'say "hi"' when 2 then '' else 'plain' end as label,
       i % 3 = 0 as flag, timestamp '2020-01-01' + to_microseconds(i * 1234567) as at
from range(1, $ROWS + 1) t(i)
SQL
cat > "$WORK/models/passthrough.py" <<'PY'
def model(dbt, session):
    return dbt.ref("wide").to_pandas()
PY

cd "$ROOT"
./sluice run --project-dir "$WORK" --profiles-dir "$WORK" --select wide >/dev/null
SLUICE_PYTHON=$PYTHON ./sluice run --project-dir "$WORK" --profiles-dir "$WORK" --select passthrough >"$WORK/run.log"
sluice_seconds=$("$PYTHON" -c "import json,sys; r=json.load(open(sys.argv[1]))['results']; print('%.3f' % [x for x in r if x['unique_id'].endswith('passthrough')][0]['execution_time'])" "$WORK/target/run_results.json")
same=$(./sluice show --project-dir "$WORK" --profiles-dir "$WORK" --inline "select count(*) from (select * from {{ ref('wide') }} except all select * from {{ ref('passthrough') }})" 2>/dev/null | grep -Eo '\| *[0-9]+ *\|' | tr -dc '0-9')

DUCKDB_JAR=$(ls ~/.m2/repository/org/duckdb/duckdb_jdbc/*/duckdb_jdbc-*.jar | tail -n 1)
export_seconds=$(java -cp "$DUCKDB_JAR" "$ROOT/bench/python/CsvFloor.java" "$WORK/bench.duckdb" main.wide "$WORK/floor.csv")
read_seconds=$("$PYTHON" -c "
import sys, time
import pandas as pd
started = time.perf_counter()
frame = pd.read_csv(sys.argv[1])
print('%.3f' % (time.perf_counter() - started))
" "$WORK/floor.csv")
floor=$("$PYTHON" -c "print('%.3f' % ($export_seconds + $read_seconds))")
ratio=$("$PYTHON" -c "print('%.2f' % ($sluice_seconds / $floor))")

echo "rows: $ROWS x 10 columns; python: $PYTHON"
echo "sluice python model (DuckDB -> pandas -> DuckDB, whole node): ${sluice_seconds} s (rows differing after the round trip: ${same:-?})"
echo "floor (DuckDB COPY to CSV ${export_seconds} s + pandas read_csv ${read_seconds} s): ${floor} s"
echo "ratio: ${ratio}x"
