package dev.sluice.duckdb.parsecache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.sluice.core.api.InvocationOptions;
import dev.sluice.core.jinja.JinjaEngine;
import dev.sluice.core.manifest.Manifest;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.cache.ManifestCodec;
import dev.sluice.core.manifest.parse.ManifestParser;
import dev.sluice.core.manifest.parse.ParseTarget;
import dev.sluice.core.project.EnvVars;
import dev.sluice.core.project.ProfileLoader;
import dev.sluice.core.project.ProfileRequest;
import dev.sluice.core.project.ProjectConfig;
import dev.sluice.core.project.ProjectLoader;
import dev.sluice.duckdb.DuckDbAdapterFactory;
import dev.sluice.spi.TargetConfig;
import dev.sluice.testkit.TestProject;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parse cache's codec writes every field of every manifest class: a decoded manifest equals the original field by
 * field, compared by reflection (so a field added to a manifest class and forgotten in the codec fails here), in
 * map and set order too. The project is the quickstart plus one of every resource the quickstart lacks.
 */
class ManifestCodecTest {
    @TempDir
    Path dir;

    @Test
    void aDecodedManifestEqualsTheParsedOneFieldByField() throws IOException {
        Manifest parsed = parse(richProject());
        assertThat(parsed.nodes.values()).extracting(n -> n.resourceType.dbtName())
                .contains("model", "seed", "test", "snapshot", "analysis", "unit_test");
        assertThat(parsed.sources).isNotEmpty();
        assertThat(parsed.exposures).isNotEmpty();
        assertThat(parsed.disabled).isNotEmpty();
        assertThat(parsed.docs).isNotEmpty();
        assertThat(parsed.selectors).isNotEmpty();

        Manifest decoded = ManifestCodec.decode(ManifestCodec.encode(parsed));

        List<String> differences = new ArrayList<>();
        compare("manifest", parsed, decoded, differences);
        assertThat(differences).isEmpty();

        // the comparison does see a difference deep inside a node
        Node test = decoded.nodes.values().stream().filter(n -> n.testMetadata != null).findFirst().orElseThrow();
        test.columns.clear();
        decoded.nodes.values().iterator().next().config.asMap().put("extra", 1);
        compare("manifest", parsed, decoded, differences);
        assertThat(differences).anyMatch(d -> d.contains(".config.values"));
    }

    @Test
    void aValueOfAnUnknownTypeMakesTheManifestUncacheableInsteadOfWrong() throws IOException {
        Manifest parsed = parse(richProject());
        Node any = parsed.nodes.values().iterator().next();
        any.meta.put("odd", new StringBuilder("not a YAML value"));
        assertThatThrownBy(() -> ManifestCodec.encode(parsed)).hasMessageContaining("cannot hold");
    }

    @Test
    void bytesThatAreNotAManifestAreRefused() {
        assertThatThrownBy(() -> ManifestCodec.decode(new byte[] {1, 9, 9, 9})).hasMessageContaining("unreadable");
    }

    private TestProject richProject() throws IOException {
        Path quickstart = Path.of("../../examples/formula1").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(quickstart)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = quickstart.relativize(file).toString();
                if (!relative.startsWith("target") && !relative.startsWith("logs") && !relative.endsWith(".duckdb")
                        && !relative.endsWith(".wal")) {
                    Path to = dir.resolve(relative);
                    Files.createDirectories(to.getParent());
                    Files.copy(file, to);
                }
            }
        }
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("models/extra/extra.yml", """
                version: 2
                sources:
                  - name: raw
                    schema: raw_data
                    description: loaded daily
                    loader: cron
                    meta: {owner: ops}
                    freshness: {warn_after: {count: 12, period: hour}}
                    loaded_at_field: loaded_at
                    tables:
                      - name: events
                        identifier: evts
                        quoting: {identifier: true}
                        tags: [raw]
                        columns:
                          - name: id
                            data_type: integer
                            meta: {pii: false, since: 2024-01-01}
                            tests: [not_null]
                models:
                  - name: extra_model
                    description: '{{ doc("extra_doc") }}'
                    config: {meta: {score: 1.5, big: 123456789012345678901234567890, flags: [1, true, null]}}
                    columns:
                      - name: id
                        quote: true
                        tags: [key]
                        tests:
                          - unique
                          - accepted_values: {values: [1, 2], config: {severity: warn, where: "id > 0"}}
                unit_tests:
                  - name: extra_model_keeps_ids
                    model: extra_model
                    given:
                      - input: source('raw', 'events')
                        rows: [{id: 1}, {id: 2}]
                    expect:
                      format: csv
                      rows: |
                        id
                        1
                        2
                    overrides:
                      vars: {cutoff: 3}
                      env_vars: {SOME_ENV: x}
                exposures:
                  - name: dashboard
                    type: dashboard
                    label: The dashboard
                    maturity: high
                    url: https://example.com
                    owner: {name: Ops, email: ops@example.com}
                    depends_on: ["ref('extra_model')", "source('raw', 'events')"]
                """);
        extra.put("models/extra/extra_model.sql", "select id from {{ source('raw', 'events') }}");
        extra.put("models/extra/disabled_model.sql", "{{ config(enabled=false) }} select 1 as id");
        extra.put("models/extra/docs.md", "{% docs extra_doc %}An *extra* model.{% enddocs %}");
        extra.put("snapshots/extra_snapshot.sql", """
                {% snapshot extra_snapshot %}
                {{ config(target_schema='snapshots', unique_key='id', strategy='check', check_cols='all') }}
                select * from {{ ref('extra_model') }}
                {% endsnapshot %}
                """);
        extra.put("analyses/extra_analysis.sql", "select count(*) from {{ ref('extra_model') }}");
        extra.put("selectors.yml", "selectors:\n  - name: marts_only\n    definition: 'tag:marts'\n");
        TestProject project = TestProject.at(dir);
        project.write(extra);
        return project;
    }

    /** The project's manifest, parsed as the engine parses it. */
    private static Manifest parse(TestProject project) {
        JinjaEngine jinja = new JinjaEngine();
        EnvVars env = new EnvVars(Map.of());
        InvocationOptions options = project.options().build();
        ProjectConfig config = new ProjectLoader(jinja, env, text -> { }).load(project.dir(), Map.of());
        DuckDbAdapterFactory factory = new DuckDbAdapterFactory();
        TargetConfig target = factory.normalize(new ProfileLoader(jinja, env, text -> { }).load(
                new ProfileRequest(options.profilesDir(), null, null, null), project.dir(), config.profile(), Map.of()));
        Map<String, Object> targetContext = new LinkedHashMap<>(target.fields());
        targetContext.put("type", target.type());
        ParseTarget parseTarget = new ParseTarget(target.type(), factory.dialect(), target.database(), target.schema(),
                targetContext, factory.macros());
        return new ManifestParser(jinja, env, event -> { }).parse(config, parseTarget, Map.of(), "codec-test",
                "2024-01-01T00:00:00Z").manifest();
    }

    /** Deep comparison by reflection; maps, lists and sets compare in iteration order. */
    private static void compare(String path, Object expected, Object actual, List<String> differences) {
        if (expected == null || actual == null) {
            if (expected != actual) {
                differences.add(path + ": " + expected + " != " + actual);
            }
            return;
        }
        if (expected instanceof Map<?, ?> a && actual instanceof Map<?, ?> b) {
            compareSequences(path, a.entrySet(), b.entrySet(), differences);
            return;
        }
        if (expected instanceof Map.Entry<?, ?> a && actual instanceof Map.Entry<?, ?> b) {
            compare(path + ".key", a.getKey(), b.getKey(), differences);
            compare(path + "[" + a.getKey() + "]", a.getValue(), b.getValue(), differences);
            return;
        }
        if (expected instanceof Collection<?> a && actual instanceof Collection<?> b) {
            compareSequences(path, a, b, differences);
            return;
        }
        if (expected instanceof dev.sluice.core.parallel.Memo<?> a && actual instanceof dev.sluice.core.parallel.Memo<?> b) {
            compare(path + ".get()", a.get(), b.get(), differences); // values computed on first use: compare them
            return;
        }
        Class<?> type = expected.getClass();
        if (!type.getName().startsWith("dev.sluice.core.manifest")) {
            if (!expected.equals(actual)) {
                differences.add(path + ": " + expected + " (" + type.getSimpleName() + ") != " + actual + " ("
                        + actual.getClass().getSimpleName() + ")");
            }
            return;
        }
        if (type.isEnum()) {
            if (expected != actual) {
                differences.add(path + ": " + expected + " != " + actual);
            }
            return;
        }
        if (actual.getClass() != type) {
            differences.add(path + ": " + type + " != " + actual.getClass());
            return;
        }
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                try {
                    compare(path + "." + field.getName(), field.get(expected), field.get(actual), differences);
                } catch (IllegalAccessException e) {
                    fail("cannot read " + field, e);
                }
            }
        }
    }

    private static void compareSequences(String path, Collection<?> a, Collection<?> b, List<String> differences) {
        if (a.size() != b.size()) {
            differences.add(path + ": " + a.size() + " items != " + b.size() + " items");
            return;
        }
        Iterator<?> left = a.iterator();
        Iterator<?> right = b.iterator();
        for (int i = 0; left.hasNext(); i++) {
            compare(path + "[" + i + "]", left.next(), right.next(), differences);
        }
    }
}
