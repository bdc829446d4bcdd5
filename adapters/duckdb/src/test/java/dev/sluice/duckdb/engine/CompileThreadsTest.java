package dev.sluice.duckdb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.errors.SluiceException;
import dev.sluice.testkit.TestProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compile} on several threads gives what compiling one node after the other gives. */
class CompileThreadsTest {
    @TempDir
    Path dir;

    private static Map<String, String> models(int count, int failing) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("macros/m.sql", "{% macro twice(x) %}{{ x }} + {{ x }}{% endmacro %}");
        for (int i = 0; i < count; i++) {
            String body = i == 0 ? "select 1 as id"
                    : "{% set n = " + i + " %}select id, {{ twice('id') }} as v{{ n }} from {{ ref('m_" + (i - 1) + "') }}";
            files.put("models/m_" + i + ".sql", i == failing || i == failing + 3 ? body + " {% if execute %}{{ var('missing_" + i + "') }}{% endif %}" : body);
        }
        return files;
    }

    private Map<String, String> compile(Path where, int threads, int failing) {
        TestProject project = Fixture.project(where, "threads", "", models(40, failing));
        return project.sluice().compile(project.options().threads(threads).build());
    }

    @Test
    void theSameSqlInTheSameOrderOnOneThreadOrFour() throws Exception {
        Map<String, String> one = compile(dir.resolve("one"), 1, -10);
        Map<String, String> four = compile(dir.resolve("four"), 4, -10);
        assertThat(List.copyOf(four.keySet())).isEqualTo(List.copyOf(one.keySet()));
        assertThat(four).isEqualTo(one);
        assertThat(four.get("model.threads.m_2")).isEqualTo("select id, id + id as v2 from \"warehouse\".\"main\".\"m_1\"");
        assertThat(Files.readString(dir.resolve("four/target/compiled/threads/models/m_39.sql")))
                .isEqualTo(four.get("model.threads.m_39"));
    }

    @Test
    void theFirstFailingNodeInOrderIsReportedAndTheNodesBeforeItAreWritten() {
        Path where = dir.resolve("failing");
        assertThatThrownBy(() -> compile(where, 4, 20)).isInstanceOf(SluiceException.class)
                .hasMessageContaining("missing_20").hasMessageNotContaining("missing_23");
        assertThat(where.resolve("target/compiled/threads/models/m_19.sql")).exists();
        assertThat(where.resolve("target/compiled/threads/models/m_20.sql")).doesNotExist();
        assertThat(where.resolve("target/compiled/threads/models/m_21.sql")).doesNotExist();
    }
}
