import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a synthetic dbt project for the docs benchmark: one source with 50 tables, then MODELS models in 10 layers
 * (the first layer reads the source tables, every later model refs one to three models of earlier layers, chosen
 * with a fixed seed), a schema.yml documenting every tenth model, and a DuckDB profile.
 *
 * <p>Usage: {@code java GenerateProject.java <dir> [models]} (default 5000).
 */
public class GenerateProject {
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int models = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int layers = 10;
        int tables = 50;
        Random random = new Random(42);
        Files.createDirectories(dir.resolve("models"));
        Files.writeString(dir.resolve("dbt_project.yml"), "name: bench_docs\nversion: '1.0'\nconfig-version: 2\n"
                + "profile: bench_docs\nmodels:\n  bench_docs:\n    +materialized: view\n");
        Files.writeString(dir.resolve("profiles.yml"), "bench_docs:\n  target: dev\n  outputs:\n    dev:\n"
                + "      type: duckdb\n      path: bench.duckdb\n      threads: 2\n");
        StringBuilder yml = new StringBuilder("version: 2\n\nsources:\n  - name: raw\n    tables:\n");
        for (int t = 0; t < tables; t++) {
            yml.append("      - name: table_").append(t).append('\n');
        }
        yml.append("\nmodels:\n");
        int perLayer = models / layers;
        for (int i = 0; i < models; i++) {
            int layer = Math.min(layers - 1, i / perLayer);
            String name = "m" + layer + "_" + i;
            Path folder = dir.resolve("models").resolve("layer_" + layer);
            Files.createDirectories(folder);
            StringBuilder sql = new StringBuilder("select 1 as id");
            if (layer == 0) {
                sql.append(" from {{ source('raw', 'table_").append(i % tables).append("') }}");
            } else {
                int parents = 1 + random.nextInt(3);
                for (int p = 0; p < parents; p++) {
                    int parent = random.nextInt(layer * perLayer);
                    int parentLayer = parent / perLayer;
                    sql.append(p == 0 ? " from " : " cross join ").append("{{ ref('m").append(parentLayer).append('_')
                            .append(parent).append("') }} as p").append(p);
                }
            }
            Files.writeString(folder.resolve(name + ".sql"), sql + "\n");
            if (i % 10 == 0) {
                yml.append("  - name: ").append(name).append("\n    description: Model ").append(i)
                        .append(" of layer ").append(layer).append(".\n    columns:\n      - name: id\n")
                        .append("        description: The id.\n");
            }
        }
        Files.writeString(dir.resolve("models/schema.yml"), yml.toString());
        System.out.println("wrote " + models + " models and " + tables + " source tables to " + dir);
    }
}
