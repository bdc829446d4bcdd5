package dev.sluice.duckdb.packages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;
import dev.sluice.testkit.TestProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project depending on a utility package, installed by deps from a local folder or a git repository. */
class PackagesTest {
    @TempDir
    Path dir;

    private static final String MODELS_YAML = """
            version: 2
            models:
              - name: keyed
                data_tests:
                  - sluice_utils.expression_is_true:
                      expression: "length(order_key) = 32"
              - name: days
                columns:
                  - name: date_day
                    data_tests: [not_null, unique]
            """;

    private TestProject project(String packagesYaml) {
        return TestProject.at(dir.resolve("shop"))
                .write("dbt_project.yml", """
                        name: shop
                        profile: shop
                        dispatch:
                          - macro_namespace: sluice_utils
                            search_order: ['shop', 'sluice_utils']
                        vars:
                          sluice_utils:
                            spine_label: from_root
                        """)
                .duckdbProfile("shop", "main", 2)
                .write("packages.yml", packagesYaml)
                .write("seeds/orders.csv", "id,customer,amount\n1,ann,10\n2,bob,20\n3,,5\n")
                .write("models/keyed.sql", """
                        select {{ sluice_utils.surrogate_key(['id', 'customer']) }} as order_key,
                               {{ sluice_utils.star(ref('orders'), except=['amount']) }}
                        from {{ ref('orders') }}
                        """)
                .write("models/days.sql", """
                        {{ sluice_utils.date_spine('day', "date '2024-01-01'", "date '2024-01-11'") }}
                        """)
                .write("models/schema.yml", MODELS_YAML)
                .write("macros/overrides.sql", """
                        {% macro duckdb__surrogate_key(field_list) %}
                          md5({{ field_list | join(" || '-' || ") }})
                        {% endmacro %}
                        """);
    }

    private static void writePackage(Path root) throws Exception {
        for (Map.Entry<String, String> file : UtilsPackageFiles.files().entrySet()) {
            Path path = root.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
    }

    private List<List<Object>> rows(TestProject project, String sql) {
        return project.sluice().show(project.options().build(), sql, -1).preview().rows();
    }

    @Test
    void localPackageBuildsAndTestsGreen() throws Exception {
        writePackage(dir.resolve("utils"));
        TestProject project = project("packages:\n  - local: ../utils\n");
        List<String> installed = project.sluice().deps(project.options().build(), false);
        assertThat(installed).containsExactly("sluice_utils");
        assertThat(project.dir().resolve("dbt_packages/sluice_utils/dbt_project.yml")).exists();
        assertThat(project.dir().resolve("package-lock.yml")).content().contains("local: ../utils").contains("sha1_hash");

        RunResults results = project.sluice().build(project.options().build());
        assertThat(results.results()).allSatisfy(r -> assertThat(r.status()).as(r.uniqueId() + ": " + r.message())
                .isIn(NodeStatus.SUCCESS, NodeStatus.PASS));
        assertThat(results.results()).extracting(r -> r.uniqueId())
                .contains("model.sluice_utils.utils_label", "model.shop.keyed", "model.shop.days");
        // the root project's duckdb__ override wins over the package's default__ by the dispatch search order
        assertThat(Files.readString(project.dir().resolve("target/compiled/shop/models/keyed.sql")))
                .contains("md5(id || '-' || customer)").doesNotContain("_null_");
        assertThat(Files.readString(project.dir().resolve("target/compiled/shop/models/keyed.sql")))
                .contains("\"id\", \"customer\"").doesNotContain("\"amount\"");
        assertThat(rows(project, "select count(*), min(date_day)::date::varchar, max(date_day)::date::varchar from main.days").get(0))
                .extracting(Object::toString).containsExactly("10", "2024-01-01", "2024-01-10");
        assertThat(rows(project, "select label from main.utils_label")).containsExactly(List.of("from_root"));
    }

    @Test
    void gitPackageIsClonedAtARevisionFromASubdirectoryAndLocked() throws Exception {
        Path repo = dir.resolve("repo");
        writePackage(repo.resolve("packages/utils"));
        String firstCommit;
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            firstCommit = git.commit().setMessage("utils 1.0").setSign(false).call().getName();
            git.tag().setName("1.0.0").setAnnotated(false).call();
            Files.writeString(repo.resolve("packages/utils/models/utils_label.sql"), "select 'after tag' as label\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("after the tag").setSign(false).call();
        }
        TestProject project = project("packages:\n  - git: \"" + repo.toUri() + "\"\n    revision: 1.0.0\n"
                + "    subdirectory: packages/utils\n");
        assertThat(project.sluice().deps(project.options().build(), false)).containsExactly("sluice_utils@" + firstCommit);
        assertThat(project.dir().resolve("package-lock.yml")).content().contains("revision: " + firstCommit);
        assertThat(project.dir().resolve("dbt_packages/sluice_utils/.git")).doesNotExist();

        RunResults results = project.sluice().build(project.options().build());
        assertThat(results.failed()).isFalse();
        assertThat(rows(project, "select label from main.utils_label")).containsExactly(List.of("from_root"));
    }

    @Test
    void hubPackagesExplainHowToUseGitInstead() throws Exception {
        TestProject project = project("packages:\n  - package: dbt-labs/dbt_utils\n    version: 1.3.0\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> project.sluice().deps(project.options().build(), false))
                .hasMessageContaining("dbt-labs/dbt_utils").hasMessageContaining("git");
    }
}
