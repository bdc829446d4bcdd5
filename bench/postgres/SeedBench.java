import dev.sluice.spi.AdapterContext;
import dev.sluice.spi.CsvLoadOptions;
import dev.sluice.spi.Relation;
import dev.sluice.spi.RelationType;
import dev.sluice.spi.TargetConfig;
import dev.sluice.postgres.PostgresAdapterFactory;
import dev.sluice.spi.Adapter;
import dev.sluice.testkit.postgres.EmbeddedPostgres;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Seeding a 1,000,000-row CSV into PostgreSQL: Sluice's loadCsv (Java type pass + COPY through the driver, in one
 * transaction with the swap) against psql's \copy of the same file into a table of the same types, on the same
 * embedded server. Not a test: run bench/postgres/run.sh.
 */
public final class SeedBench {
    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path work = Files.createTempDirectory("sluice-seed-bench-");
        Path csv = work.resolve("big.csv");
        generate(csv, rows);
        System.out.printf(Locale.ROOT, "file: %,d rows, %.1f MB%n", rows, Files.size(csv) / 1e6);
        try (EmbeddedPostgres server = EmbeddedPostgres.start()) {
            String schema = server.freshSchema("bench");
            // server-side COPY FROM a file needs this role; \copy and Sluice stream through the client and do not
            server.asSuperuser(EmbeddedPostgres.DATABASE, "grant pg_read_server_files to " + EmbeddedPostgres.USER);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("host", server.host());
            fields.put("port", server.port());
            fields.put("user", EmbeddedPostgres.USER);
            fields.put("password", EmbeddedPostgres.PASSWORD);
            fields.put("dbname", EmbeddedPostgres.DATABASE);
            fields.put("schema", schema);
            PostgresAdapterFactory factory = new PostgresAdapterFactory();
            TargetConfig target = factory.normalize(new TargetConfig("bench", "dev", "postgres", null, schema, 1, fields));
            List<Double> sluice = new ArrayList<>();
            String ddl;
            try (Adapter adapter = factory.create(target, new AdapterContext(work, 1, System.out::println))) {
                Relation seed = new Relation(null, schema, "big", RelationType.TABLE);
                for (int i = 0; i < runs; i++) {
                    long t = System.nanoTime();
                    long loaded = adapter.loadCsv(seed, new CsvLoadOptions(csv, ',', List.of(), Map.of()));
                    sluice.add((System.nanoTime() - t) / 1e9);
                    if (loaded != rows) {
                        throw new IllegalStateException("loaded " + loaded);
                    }
                }
                StringBuilder columns = new StringBuilder();
                adapter.columnsOf(seed).forEach(c -> columns.append(columns.length() == 0 ? "" : ", ")
                        .append(c.name()).append(' ').append(c.dataType()));
                ddl = "create table " + schema + ".big_psql (" + columns + ")";
                System.out.println("inferred: " + columns);
                adapter.execute(ddl);
            }
            List<Double> psql = new ArrayList<>();
            List<Double> serverSide = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                psql.add(psql(server, "truncate " + schema + ".big_psql", "\\copy " + schema + ".big_psql from '" + csv
                        + "' with (format csv, header true)"));
                serverSide.add(psql(server, "truncate " + schema + ".big_psql", "copy " + schema + ".big_psql from '"
                        + csv + "' with (format csv, header true)"));
            }
            double best = min(sluice);
            System.out.printf(Locale.ROOT, "sluice loadCsv       : %s s (best %.2f)%n", fmt(sluice), best);
            System.out.printf(Locale.ROOT, "psql \\copy (client)  : %s s (best %.2f) -> ratio sluice/psql %.2f%n",
                    fmt(psql), min(psql), best / min(psql));
            System.out.printf(Locale.ROOT, "psql COPY FROM file  : %s s (best %.2f) -> ratio sluice/server COPY %.2f%n",
                    fmt(serverSide), min(serverSide), best / min(serverSide));
        } finally {
            Files.deleteIfExists(csv);
            Files.deleteIfExists(work);
        }
    }

    /** Runs {@code prepare} untimed, then times {@code command} in its own psql process (connection included). */
    private static double psql(EmbeddedPostgres server, String prepare, String command) throws Exception {
        run(server, prepare);
        long t = System.nanoTime();
        run(server, command);
        return (System.nanoTime() - t) / 1e9;
    }

    private static void run(EmbeddedPostgres server, String command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", server.host(),
                "-p", String.valueOf(server.port()), "-U", EmbeddedPostgres.USER, "-d", EmbeddedPostgres.DATABASE,
                "-c", command).inheritIO();
        builder.environment().put("PGPASSWORD", EmbeddedPostgres.PASSWORD);
        int exit = builder.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("psql failed (" + exit + "): " + command);
        }
    }

    private static void generate(Path csv, int rows) throws Exception {
        Random random = new Random(42);
        String[] words = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"};
        try (BufferedWriter out = Files.newBufferedWriter(csv)) {
            out.write("id,customer_id,amount,ordered_on,status,paid,note\n");
            for (int i = 1; i <= rows; i++) {
                out.write(i + "," + (3_000_000_000L + random.nextInt(1_000_000)) + ","
                        + String.format(Locale.ROOT, "%.2f", random.nextDouble() * 1000) + ",2024-"
                        + String.format(Locale.ROOT, "%02d-%02d", 1 + random.nextInt(12), 1 + random.nextInt(28)) + ","
                        + words[random.nextInt(words.length)] + "," + (random.nextBoolean() ? "true" : "false")
                        + ",\"" + words[random.nextInt(words.length)] + ", " + words[random.nextInt(words.length)]
                        + " \"\"quoted\"\"\"\n");
            }
        }
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static String fmt(List<Double> values) {
        return String.join(", ", values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList());
    }
}
