package dev.sluice.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/**
 * The floors the issue names, each as a fresh process the runner times like a Sluice command:
 * <pre>
 *   Floor read DIR            read every project file (not target/, not *.duckdb) once, in a Java loop
 *   Floor scale-build DIR N   one JDBC connection issuing the CREATE TABLE AS and the three test queries of every
 *                             model of the scale project in DAG order (into DIR/floor.duckdb)
 *   Floor read-csv CSV DB     DuckDB's own read_csv into a table (CREATE TABLE AS SELECT * FROM read_csv(...)), the
 *                             file's dialect declared (see {@link #DIALECT})
 *   Floor read-csvs DIR DB    the same for every CSV under DIR, one table each, all in one transaction
 * </pre>
 * Each prints what it did and the milliseconds of the work itself (besides the process wall time the runner takes).
 */
public final class Floor {
    private Floor() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        String what = switch (args[0]) {
            case "read" -> read(Path.of(args[1]));
            case "scale-build" -> scaleBuild(Path.of(args[1]), Integer.parseInt(args[2]));
            case "read-csv" -> readCsv(List.of(Path.of(args[1])), Path.of(args[2]));
            case "read-csvs" -> readCsvs(Path.of(args[1]), Path.of(args[2]));
            default -> throw new IllegalArgumentException(args[0]);
        };
        System.out.printf("floor %s: %s in %.3f s%n", args[0], what, (System.nanoTime() - start) / 1e9);
    }

    static String read(Path dir) throws IOException {
        long[] counts = new long[2]; // files, bytes
        byte[] buffer = new byte[1 << 16];
        // target/ and logs/ are not walked at all: after a build they hold tens of thousands of files
        Path target = dir.resolve("target");
        Path logs = dir.resolve("logs");
        Files.walkFileTree(dir, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(Path folder,
                    java.nio.file.attribute.BasicFileAttributes attrs) {
                return folder.equals(target) || folder.equals(logs) ? java.nio.file.FileVisitResult.SKIP_SUBTREE
                        : java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs)
                    throws IOException {
                String name = file.toString();
                if (!attrs.isRegularFile() || name.endsWith(".duckdb") || name.endsWith(".wal")) {
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
                try (InputStream in = Files.newInputStream(file)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        counts[1] += n;
                    }
                }
                counts[0]++;
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        return counts[0] + " files, " + counts[1] + " bytes";
    }

    static String scaleBuild(Path dir, int n) throws SQLException, IOException {
        Path db = dir.resolve("floor.duckdb");
        Files.deleteIfExists(db);
        Files.deleteIfExists(dir.resolve("floor.duckdb.wal"));
        List<List<Integer>> refs = Generate.scaleRefs(n);
        long statements = 0;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + db);
             Statement statement = connection.createStatement()) {
            for (int i = 0; i < n; i++) {
                StringBuilder sql = new StringBuilder("create table \"main\".\"node_" + i + "\" as (select 1 as id");
                for (int parent : refs.get(i)) {
                    sql.append(" union all select * from \"main\".\"node_").append(parent).append('"');
                }
                statement.execute(sql.append(')').toString());
                String model = "\"main\".\"node_" + i + "\"";
                verdict(statement, "select id as unique_field, count(*) as n_records from " + model
                        + " where id is not null group by id having count(*) > 1");
                verdict(statement, "select id from " + model + " where id is null");
                verdict(statement, "with child as (select id as from_field from " + model
                        + " where id is not null), parent as (select id as to_field from \"main\".\"node_0\")"
                        + " select from_field from child left join parent on child.from_field = parent.to_field"
                        + " where parent.to_field is null");
                statements += 4;
            }
        }
        return n + " models, " + statements + " statements";
    }

    /** The test query as Sluice's test materialization wraps it: failures, should_warn, should_error. */
    private static long verdict(Statement statement, String inner) throws SQLException {
        return count(statement, "select count(*) as failures, count(*) != 0 as should_warn, count(*) != 0 as should_error"
                + " from (" + inner + ") dbt_internal_test");
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String readCsvs(Path dir, Path db) throws SQLException, IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return readCsv(walk.filter(p -> p.toString().endsWith(".csv")).sorted().toList(), db);
        }
    }

    /**
     * What the files are, declared as a user who knows them would: a header row, comma-delimited, {@code "} quoting
     * and escaping, ISO dates. Without it DuckDB's sniffer tries every dialect and date format on each file, which
     * costs about 5 ms a file: most of the time of 200 small files, and nothing Sluice pays (it declares the same).
     */
    static final String DIALECT = "header = true, delim = ',', quote = '\"', escape = '\"', dateformat = '%Y-%m-%d'";

    /**
     * One connection and one transaction for all files (a commit per file would sync the WAL each time), one
     * {@code CREATE TABLE AS SELECT * FROM read_csv(...)} per file; its update count is the rows loaded.
     */
    static String readCsv(List<Path> files, Path db) throws SQLException, IOException {
        Files.deleteIfExists(db);
        Files.deleteIfExists(Path.of(db + ".wal"));
        long rows = 0;
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + db);
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            int i = 0;
            for (Path file : files) {
                String table = "t" + i++;
                rows += statement.executeUpdate("create table " + table + " as select * from read_csv('"
                        + file.toAbsolutePath().toString().replace("'", "''") + "', " + DIALECT + ")");
            }
            connection.commit();
        }
        return files.size() + " files, " + rows + " rows (statements " + String.format("%.3f", (System.nanoTime() - start) / 1e9) + " s)";
    }
}
