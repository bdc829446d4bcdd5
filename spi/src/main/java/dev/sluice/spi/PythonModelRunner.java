package dev.sluice.spi;

import java.nio.file.Path;
import java.util.Map;

/**
 * How a Python model runs on a warehouse. A warehouse that runs Python itself (Snowflake: a Snowpark stored
 * procedure) returns its own from {@link Adapter#pythonModelRunner()}; otherwise the engine runs the model in a local
 * CPython process with pandas and moves data through the adapter's {@link LocalExchange}.
 */
public interface PythonModelRunner {

    /** Runs one model; the result holds a query over the DataFrame it returned, valid until the result is closed. */
    Result run(PythonModelRun run);

    /**
     * One Python model to run: its unique id, the absolute path of its file and its code, the relations its
     * {@code dbt.ref(...)} / {@code dbt.source(...)} calls name (keys {@code ref:name}, {@code ref:package.name},
     * {@code source:source_name.table_name}), its config, the relation it builds ({@code dbt.this}), and whether the
     * run is incremental ({@code dbt.is_incremental}).
     */
    record PythonModelRun(String uniqueId, Path file, String code, Map<String, Relation> inputs,
                          Map<String, Object> config, Relation self, boolean incremental) {
    }

    /** The model's rows: {@link #selectSql()} reads them until {@link #close()} frees what holds them. */
    interface Result extends AutoCloseable {
        String selectSql();

        /** Rows the model returned. */
        long rows();

        @Override
        void close();
    }
}
