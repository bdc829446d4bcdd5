#!/usr/bin/env bash
# Seeding benchmark on PostgreSQL: Sluice's loadCsv against psql's \copy (and server-side COPY) of the same
# 1,000,000-row file on the same embedded server. Needs psql on PATH (Debian: postgresql-client).
# Usage: bench/postgres/run.sh [rows] [runs]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
# through the reactor, so Sluice's own modules come from their target/classes, not from the local repository
mvn -q -B -pl adapters/postgres -am test-compile dependency:build-classpath -DskipTests \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-cp.txt
CP="adapters/postgres/target/classes:$(cat adapters/postgres/target/bench-cp.txt)"
mkdir -p target/bench
javac -d target/bench -cp "$CP" bench/postgres/SeedBench.java
java -cp "target/bench:$CP" SeedBench "$@"
