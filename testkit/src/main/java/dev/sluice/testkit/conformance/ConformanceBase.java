package dev.sluice.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.api.InvocationOptions;
import dev.sluice.core.execute.NodeResult;
import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;
import dev.sluice.spi.Capability;
import dev.sluice.spi.QueryResult;
import dev.sluice.testkit.TestProject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every conformance case stands on: a fresh project folder and a fresh schema per case, the adapter's profile and
 * capabilities (supplied by the adapter's subclass), and warehouse look-ups that go through the engine itself
 * ({@code show --inline} and {@code run-operation}), so the suite never speaks an adapter's own protocol.
 */
public abstract class ConformanceBase {
    /** The profile name every conformance project uses. */
    protected static final String PROFILE = "conformance";

    @TempDir
    Path projectDir;

    private String schema;

    /**
     * The text of a profiles.yml holding profile {@code profileName} (target {@code dev}) that points at
     * {@code schema}, a schema no other case uses. Relative paths in it are resolved against the project folder.
     */
    protected abstract String profileYaml(String profileName, String schema);

    /** What the adapter under test supports; a case needing anything else is reported as not applicable. */
    protected abstract Set<Capability> capabilities();

    @BeforeEach
    final void freshSchema(TestInfo info) {
        String method = info.getTestMethod().map(m -> m.getName()).orElse("case").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]", "");
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
        schema = "sluice_conf_" + method.substring(0, Math.min(method.length(), 24)) + "_" + tag;
    }

    /** The schema this case's profile points at. */
    protected final String schema() {
        return schema;
    }

    /** Marks the case not applicable (a JUnit assumption naming the capability) when the adapter lacks it. */
    protected final void requires(Capability capability) {
        Assumptions.assumeTrue(capabilities().contains(capability),
                () -> "not applicable: the adapter does not declare capability " + capability);
    }

    /**
     * A project named {@code name} in this case's folder: dbt_project.yml, the profiles.yml, the suite's helper macros,
     * and {@code files} (paths relative to the project folder).
     */
    protected final TestProject project(String name, Map<String, String> files) {
        return project(name, "", files);
    }

    /** As {@link #project(String, Map)}, with extra top-level dbt_project.yml lines (hooks, configs). */
    protected final TestProject project(String name, String projectYamlExtra, Map<String, String> files) {
        TestProject project = TestProject.at(projectDir);
        project.write("dbt_project.yml", "name: " + name + "\nversion: '1.0.0'\nconfig-version: 2\nprofile: "
                + PROFILE + "\n" + projectYamlExtra);
        project.write("profiles.yml", profileYaml(PROFILE, schema));
        project.write("macros/conformance_helpers.sql", ConformanceFiles.HELPER_MACROS);
        project.write(files);
        return project;
    }

    // ---- commands --------------------------------------------------------------------------------------------

    protected static RunResults seed(TestProject p) {
        return p.sluice().seed(p.options().build());
    }

    protected static RunResults run(TestProject p) {
        return p.sluice().run(p.options().build());
    }

    protected static RunResults run(TestProject p, UnaryOperator<InvocationOptions.Builder> flags) {
        return p.sluice().run(flags.apply(p.options()).build());
    }

    protected static RunResults test(TestProject p) {
        return p.sluice().test(p.options().build());
    }

    protected static RunResults test(TestProject p, UnaryOperator<InvocationOptions.Builder> flags) {
        return p.sluice().test(flags.apply(p.options()).build());
    }

    protected static RunResults build(TestProject p) {
        return p.sluice().build(p.options().build());
    }

    protected static RunResults build(TestProject p, UnaryOperator<InvocationOptions.Builder> flags) {
        return p.sluice().build(flags.apply(p.options()).build());
    }

    // ---- the warehouse, through the engine ------------------------------------------------------------------

    /** All rows of {@code sql} (Jinja allowed: ref, source, target), through {@code show --inline}. */
    protected static QueryResult query(TestProject p, String sql) {
        return p.sluice().show(p.options().build(), sql, -1).preview();
    }

    /** {@code select count(*)} of a model or seed, by name. */
    protected static long rowCount(TestProject p, String model) {
        QueryResult result = query(p, "select count(*) as n from {{ ref('" + model + "') }}");
        return ((Number) result.rows().get(0).get(0)).longValue();
    }

    /** One column of a query's rows, each value as text (null stays null). */
    protected static List<String> column(TestProject p, String sql) {
        return query(p, sql).rows().stream().map(r -> r.get(0) == null ? null : String.valueOf(r.get(0))).toList();
    }

    /**
     * The type of the relation named {@code identifier} in this case's schema as {@code adapter.get_relation} sees it:
     * "table", "view", or "none" when there is no such relation.
     */
    protected static String relationType(TestProject p, String identifier) {
        return p.sluice().runOperation(p.options().build(), "conformance_relation_type",
                Map.of("identifier", identifier)).strip();
    }

    // ---- results ---------------------------------------------------------------------------------------------

    /** The node name part of a unique id: {@code model.proj.orders} gives {@code orders}. */
    protected static String nameOf(NodeResult result) {
        String[] parts = result.uniqueId().split("\\.");
        return parts.length >= 3 ? parts[2] : result.uniqueId();
    }

    /** Results keyed by node name; fails when two results share a name. */
    protected static Map<String, NodeResult> byName(RunResults results) {
        Map<String, NodeResult> out = new LinkedHashMap<>();
        for (NodeResult result : results.results()) {
            assertThat(out.put(nameOf(result), result)).as("two results named " + nameOf(result)).isNull();
        }
        return out;
    }

    /** Node name to status, for one-line assertions. */
    protected static Map<String, NodeStatus> statuses(RunResults results) {
        Map<String, NodeStatus> out = new LinkedHashMap<>();
        byName(results).forEach((name, result) -> out.put(name, result.status()));
        return out;
    }

    /** Asserts that every result succeeded (models, seeds) or passed (tests), naming the first that did not. */
    protected static void assertAllGreen(RunResults results) {
        assertThat(results.results()).allSatisfy(r -> assertThat(r.status())
                .as(r.uniqueId() + ": " + r.message()).isIn(NodeStatus.SUCCESS, NodeStatus.PASS));
        assertThat(results.failed()).isFalse();
    }

    /** The one result whose unique id contains {@code fragment}. */
    protected static NodeResult only(RunResults results, String fragment) {
        List<NodeResult> matches = results.results().stream().filter(r -> r.uniqueId().contains(fragment)).toList();
        assertThat(matches).as("results matching " + fragment + " in " + results.results().stream()
                .map(NodeResult::uniqueId).toList()).hasSize(1);
        return matches.get(0);
    }

    /** The project folder of this case. */
    protected final Path projectDir() {
        return projectDir;
    }
}
