package dev.sluice.core.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.errors.SourceLocation;
import dev.sluice.spi.AdapterException;
import dev.sluice.spi.ExchangeColumn;
import dev.sluice.spi.LocalExchange;
import dev.sluice.spi.PythonModelRunner;
import dev.sluice.spi.Relation;
import dev.sluice.spi.SqlDialect;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Runs a Python model in a local CPython process (one per model, so {@code --threads} runs several at once). The
 * process asks for the relations it loads, one JSON line at a time; each is exported through the adapter's
 * {@link LocalExchange} into a file the process reads with pandas. The DataFrame the model returns comes back as a
 * file in the same layout, which the exchange stages ({@link LocalExchange#stage}): read in place by the warehouse's
 * own CSV reader (DuckDB) or loaded into a relation beside the model's (PostgreSQL), dropped when the result closes.
 */
public final class LocalPythonRunner implements PythonModelRunner {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalExchange exchange;
    private final SqlDialect dialect;
    private final PythonInterpreters interpreters;
    private final Path workRoot;

    /** {@code workRoot}: where per-model folders go (removed after each model); null for the system temp folder. */
    public LocalPythonRunner(LocalExchange exchange, SqlDialect dialect, PythonInterpreters interpreters, Path workRoot) {
        this.exchange = exchange;
        this.dialect = dialect;
        this.interpreters = interpreters;
        this.workRoot = workRoot;
    }

    @Override
    public Result run(PythonModelRun run) {
        String describe = "model " + run.uniqueId().replaceFirst("^model\\.", "");
        String file = run.file().toString();
        Object configured = run.config().get("python_interpreter");
        PythonInterpreters.Interpreter python = interpreters.find(configured == null ? null : String.valueOf(configured),
                PythonInterpreters.requiredModules(run.config().get("packages")), describe, file);
        Path dir = workDir();
        boolean ok = false;
        try {
            Path script = dir.resolve("sluice_runner.py");
            try (InputStream in = LocalPythonRunner.class.getResourceAsStream("sluice_runner.py")) {
                Files.copy(in, script);
            }
            Path output = dir.resolve("result.csv");
            Files.writeString(dir.resolve("job.json"), job(run, output).toString());
            Path log = dir.resolve("stderr.log");
            Process process = new ProcessBuilder(python.path(), "-u", script.toString(), dir.resolve("job.json").toString())
                    .directory(dir.toFile()).redirectError(log.toFile()).start();
            JsonNode last;
            try {
                last = converse(process, run, dir);
            } catch (IOException | RuntimeException e) {
                process.destroyForcibly();
                throw e;
            }
            int exit = waitFor(process);
            if (last == null || !"done".equals(last.path("op").asText())) {
                throw failure(run, describe, last, exit, log);
            }
            List<ExchangeColumn> columns = columns(last.get("columns"));
            LocalExchange.Staged staged = exchange.stage(output, columns, run.self());
            long rows = last.path("rows").asLong();
            ok = true;
            return new Result() {
                @Override
                public String selectSql() {
                    return staged.selectSql();
                }

                @Override
                public long rows() {
                    return rows;
                }

                @Override
                public void close() {
                    try {
                        staged.close();
                    } finally {
                        delete(dir);
                    }
                }
            };
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.IO, "Could not run " + describe + " with " + python.path() + ": "
                    + e.getMessage(), SourceLocation.of(file), describe, e);
        } finally {
            if (!ok) {
                delete(dir);
            }
        }
    }

    private ObjectNode job(PythonModelRun run, Path output) {
        ObjectNode job = JSON.createObjectNode();
        job.put("file", run.file().toString());
        job.put("code", run.code());
        job.put("output", output.toString());
        job.put("is_incremental", run.incremental());
        ObjectNode inputs = job.putObject("inputs");
        run.inputs().forEach((key, relation) -> inputs.put(key, dialect.render(relation)));
        job.set("config", JSON.valueToTree(run.config()));
        ObjectNode self = job.putObject("this");
        self.put("database", run.self().database());
        self.put("schema", run.self().schema());
        self.put("identifier", run.self().identifier());
        self.put("rendered", dialect.render(run.self()));
        return job;
    }

    /** Answers the process's requests until it reports done or error (returned), or closes its output (null). */
    private JsonNode converse(Process process, PythonModelRun run, Path dir) throws IOException {
        AtomicInteger files = new AtomicInteger();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             BufferedWriter out = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode request = JSON.readTree(line);
                String op = request.path("op").asText();
                if (op.equals("done") || op.equals("error")) {
                    return request;
                }
                ObjectNode answer = JSON.createObjectNode();
                try {
                    String sql;
                    if (op.equals("load")) {
                        Relation relation = run.inputs().get(request.path("key").asText());
                        if (relation == null) {
                            throw new AdapterException("no relation for " + request.path("key").asText(), true);
                        }
                        sql = "select * from " + dialect.render(relation);
                    } else if (op.equals("sql")) {
                        sql = request.path("sql").asText();
                    } else {
                        throw new AdapterException("unknown request '" + op + "'", true);
                    }
                    Path csv = dir.resolve("input-" + files.incrementAndGet() + ".csv");
                    List<ExchangeColumn> columns = exchange.export(sql, csv);
                    answer.put("ok", true);
                    answer.put("csv", csv.toString());
                    ArrayNode list = answer.putArray("columns");
                    for (ExchangeColumn column : columns) {
                        list.addObject().put("name", column.name()).put("kind", column.kind())
                                .put("hasNulls", column.hasNulls());
                    }
                } catch (AdapterException e) {
                    answer.put("ok", false);
                    answer.put("error", e.getMessage());
                }
                out.write(answer.toString());
                out.write('\n');
                out.flush();
            }
        }
        return null;
    }

    private SluiceException failure(PythonModelRun run, String describe, JsonNode error, int exit, Path log) {
        String file = run.file().toString();
        if (error != null) {
            int line = error.path("line").isInt() ? error.path("line").asInt() : 0;
            String where = line > 0 ? file + ", line " + line : file;
            String message = "Python error in " + describe + " (" + where + "): " + error.path("type").asText() + ": "
                    + error.path("message").asText() + "\n" + error.path("traceback").asText().stripTrailing();
            return new SluiceException(ErrorCode.COMPILATION, message,
                    line > 0 ? SourceLocation.of(file, line) : SourceLocation.of(file), describe, null);
        }
        String tail;
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            tail = "";
        }
        return new SluiceException(ErrorCode.INTERNAL, "The Python process of " + describe + " ended (exit code "
                + exit + ") without a result" + (tail.isBlank() ? "" : ":\n" + tail), SourceLocation.of(file),
                describe, null);
    }

    private static List<ExchangeColumn> columns(JsonNode list) {
        List<ExchangeColumn> out = new ArrayList<>();
        for (JsonNode column : list) {
            out.add(new ExchangeColumn(column.get("name").asText(), column.get("kind").asText(),
                    column.path("hasNulls").asBoolean(true)));
        }
        return out;
    }

    private static int waitFor(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private Path workDir() {
        try {
            if (workRoot != null) {
                Files.createDirectories(workRoot);
                return Files.createTempDirectory(workRoot, "python-");
            }
            return Files.createTempDirectory("sluice-python-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover temp folder is harmless
        }
    }

}
