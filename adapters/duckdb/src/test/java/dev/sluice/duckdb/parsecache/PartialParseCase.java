package dev.sluice.duckdb.parsecache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.api.InvocationOptions;
import dev.sluice.testkit.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project and the checks the parse cache's tests share: a small DuckDB project with a macro, refs, a var, an env
 * var and a YAML patch; parses with their messages captured; and the comparison of the cached manifest.json with one
 * written by a parse without the cache.
 */
abstract class PartialParseCase {
    static final String REUSED = "Reusing the whole parse";
    static final String REPARSED = "Re-parsed 1 changed model file(s)";
    static final String FULL = "arsing everything";
    static final String METADATA_ONLY = "only its metadata was rewritten";
    static final String PATCHED = "re-parsed model(s) in place";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    TestProject project;

    @BeforeEach
    void project() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("dbt_project.yml", "name: cached\nversion: '1.0'\nprofile: cached\n"
                + "vars:\n  suffix: one\nmodels:\n  cached:\n    +materialized: table\n");
        files.put("macros/label.sql", "{% macro label(x) %}'{{ x }}-v1'{% endmacro %}");
        files.put("models/base.sql", "select 1 as id, {{ label('base') }} as label");
        files.put("models/middle.sql", "select id, label from {{ ref('base') }}");
        files.put("models/top.sql", "{{ config(alias=var('suffix')) }} select * from {{ ref('middle') }}");
        files.put("models/from_env.sql", "{{ config(tags=[env_var('TAG_FROM_ENV', 'none')]) }} select 1 as id");
        files.put("models/other.sql", "select 2 as id");
        files.put("models/schema.yml", "version: 2\nmodels:\n  - name: middle\n    description: the middle\n"
                + "    columns:\n      - name: id\n        tests: [unique, not_null]\n");
        project = TestProject.at(dir).write(files).duckdbProfile("cached", "main", 1);
    }

    Object manifestFile() throws IOException {
        return Files.readAttributes(dir.resolve("target/manifest.json"),
                java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }

    static String foundLine(String messages) {
        return messages.lines().filter(line -> line.startsWith("Found ")).findFirst().orElse("");
    }

    InvocationOptions.Builder options() {
        return project.options();
    }

    String parse() {
        return parse(options());
    }

    /** Parses with --debug-level messages captured; returns them. */
    String parse(InvocationOptions.Builder options) {
        project.events().clear();
        int exit = project.sluice().parse(options.build());
        String messages = String.join("\n", project.events().messages());
        assertThat(exit).as(messages).isGreaterThanOrEqualTo(0);
        return messages;
    }

    JsonNode manifest(InvocationOptions.Builder options) {
        try {
            return JSON.readTree(dir.resolve("target/manifest.json").toFile());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The manifest.json now in target/ equals one written by a parse without the cache; returns it. */
    JsonNode assertSameAsFullParse() {
        JsonNode cached = manifest(options());
        Path fullTarget = dir.resolve("target-full");
        project.sluice().parse(options().partialParse(false).targetPath(fullTarget).build());
        JsonNode full;
        try {
            full = JSON.readTree(fullTarget.resolve("manifest.json").toFile());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(comparable(cached)).isEqualTo(comparable(full));
        return cached;
    }

    static JsonNode comparable(JsonNode manifest) {
        ObjectNode copy = manifest.deepCopy();
        copy.remove("metadata");
        stripCreatedAt(copy);
        return copy;
    }

    static void stripCreatedAt(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("created_at");
            for (Iterator<JsonNode> it = object.elements(); it.hasNext(); ) {
                stripCreatedAt(it.next());
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(PartialParseTest::stripCreatedAt);
        }
    }

    String query(String sql) {
        List<List<Object>> rows = project.sluice().show(options().build(), sql, -1).preview().rows();
        return String.valueOf(rows.get(0).get(0));
    }
}
