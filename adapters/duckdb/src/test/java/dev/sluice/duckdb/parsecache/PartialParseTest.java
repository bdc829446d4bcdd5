package dev.sluice.duckdb.parsecache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The parse cache (target/partial_parse.sluice) is never stale: after every kind of change a parse that uses it gives
 * the manifest a parse without it gives (created_at and the invocation metadata aside), and it takes the cheapest
 * path the change allows — the whole cache when nothing changed, one node when only a model file changed, a full parse
 * otherwise.
 */
class PartialParseTest extends PartialParseCase {
    @Test
    void nothingChangedReusesTheWholeParseAndBuildsFromIt() {
        String full = parse();
        int fullCount = project.sluice().parse(options().partialParse(false)
                .targetPath(dir.resolve("target-count")).build());
        String first = parse();
        assertThat(first).contains(REUSED);
        // the counts come from the cache, the manifest never decoded: they must be the full parse's
        assertThat(foundLine(first)).isEqualTo(foundLine(full)).startsWith("Found 5 models, 2 data tests");
        assertThat(project.sluice().parse(options().build())).isEqualTo(fullCount).isEqualTo(7);
        assertSameAsFullParse();
        RunResults results = project.sluice().build(options().build());
        assertThat(results.results()).allMatch(r -> r.status() == NodeStatus.SUCCESS || r.status() == NodeStatus.PASS);
        assertThat(query("select label from middle")).isEqualTo("base-v1");
    }

    @Test
    void anUnchangedParseRewritesOnlyTheManifestsMetadataAndTheIndexFollowsTheBody() {
        parse();
        String firstId = manifest(options()).at("/metadata/invocation_id").asText();
        assertThat(parse()).contains(REUSED).contains(METADATA_ONLY);
        JsonNode again = assertSameAsFullParse();
        assertThat(again.at("/metadata/invocation_id").asText()).isNotEqualTo(firstId);

        // a metadata object longer than the room left for it moves the body, and the index's offsets must move with
        // it; a shorter one is written over the old in place
        String longName = "a data team with a rather long name, ".repeat(4);
        project.env("DBT_ENV_CUSTOM_ENV_OWNER", longName);
        assertThat(parse()).contains(REUSED).contains(METADATA_ONLY);
        assertThat(manifest(options()).at("/metadata/env/OWNER").asText()).isEqualTo(longName);
        assertSameAsFullParse();
        project.env("DBT_ENV_CUSTOM_ENV_OWNER", "x");
        assertThat(parse()).contains(METADATA_ONLY);
        assertThat(assertSameAsFullParse().at("/metadata/env/OWNER").asText()).isEqualTo("x");
        // the index's offsets moved with the body (its shift): a patch finds the node's slot all the same
        project.write("models/other.sql", "select 4 as id");
        assertThat(parse()).contains(REPARSED).contains(PATCHED).doesNotContain(METADATA_ONLY);
        assertSameAsFullParse();
        assertThat(parse()).contains(METADATA_ONLY);
        assertSameAsFullParse();

        // compiled entries are not a parse's: the next parse writes the manifest again
        project.sluice().compile(options().build());
        assertThat(parse()).contains(REUSED).doesNotContain(METADATA_ONLY);
        assertSameAsFullParse();
        assertThat(parse()).contains(METADATA_ONLY);
    }

    @Test
    void aChangedModelIsReparsedAloneWithItsNewRefsAndConfig() throws IOException {
        parse();
        project.write("models/top.sql", "{{ config(alias=var('suffix'), materialized='view', tags=['t']) }}"
                + " select m.id from {{ ref('middle') }} m join {{ ref('other') }} o on true");
        assertThat(parse()).contains(REPARSED);
        JsonNode manifest = assertSameAsFullParse();
        assertThat(manifest.at("/nodes/model.cached.top/depends_on/nodes").toString())
                .isEqualTo("[\"model.cached.middle\",\"model.cached.other\"]");
        assertThat(manifest.at("/child_map/model.cached.other").toString()).contains("model.cached.top");
        assertThat(manifest.at("/nodes/model.cached.top/config/materialized").asText()).isEqualTo("view");
        // and again from the re-parsed cache: the next parse reuses it whole
        assertThat(parse()).contains(REUSED);
        assertSameAsFullParse();

        // new SQL, the same refs: the parent and child maps are copied; the same refs in another order are not
        project.write("models/top.sql", "{{ config(alias=var('suffix'), materialized='view', tags=['t']) }}"
                + " select m.id + 1 as id from {{ ref('middle') }} m join {{ ref('other') }} o on true");
        assertThat(parse()).contains(REPARSED);
        assertSameAsFullParse();
        project.write("models/top.sql", "{{ config(alias=var('suffix'), materialized='view', tags=['t']) }}"
                + " select m.id from {{ ref('other') }} o join {{ ref('middle') }} m on true");
        assertThat(parse()).contains(REPARSED);
        assertThat(assertSameAsFullParse().at("/parent_map/model.cached.top").toString())
                .isEqualTo("[\"model.cached.other\",\"model.cached.middle\"]");
    }

    @Test
    void aChangedMacroVarEnvVarProfileOrYamlFileParsesEverything() {
        parse();
        project.write("macros/label.sql", "{% macro label(x) %}'{{ x }}-v2'{% endmacro %}");
        assertThat(parse()).contains(FULL);
        assertSameAsFullParse();
        project.sluice().run(options().build());
        assertThat(query("select label from base")).isEqualTo("base-v2");

        assertThat(parse(options().vars(Map.of("suffix", "two")))).contains(FULL);
        assertThat(manifest(options().vars(Map.of("suffix", "two"))).at("/nodes/model.cached.top/alias").asText())
                .isEqualTo("two");
        assertThat(parse(options().vars(Map.of("suffix", "two")))).contains(REUSED);

        project.write("dbt_project.yml", "name: cached\nversion: '1.0'\nprofile: cached\n"
                + "vars:\n  suffix: three\nmodels:\n  cached:\n    +materialized: table\n");
        assertThat(parse()).contains(FULL);
        assertThat(assertSameAsFullParse().at("/nodes/model.cached.top/alias").asText()).isEqualTo("three");

        project.env("TAG_FROM_ENV", "from_env");
        assertThat(parse()).contains(FULL);
        assertThat(assertSameAsFullParse().at("/nodes/model.cached.from_env/tags").toString())
                .isEqualTo("[\"from_env\"]");
        project.env("UNRELATED_VARIABLE", "anything");
        assertThat(parse()).contains(REUSED);

        project.duckdbProfile("cached", "elsewhere", 1);
        assertThat(parse()).contains(FULL);
        assertThat(assertSameAsFullParse().at("/nodes/model.cached.top/schema").asText()).isEqualTo("elsewhere");

        project.write("models/schema.yml", "version: 2\nmodels:\n  - name: middle\n    description: changed\n");
        assertThat(parse()).contains(FULL);
        JsonNode manifest = assertSameAsFullParse();
        assertThat(manifest.at("/nodes/model.cached.middle/description").asText()).isEqualTo("changed");
        assertThat(manifest.get("nodes").fieldNames()).toIterable().noneMatch(id -> id.startsWith("test."));
    }

    @Test
    void addedAndRemovedFilesParseEverything() {
        parse();
        project.write("models/added.sql", "select * from {{ ref('other') }}");
        assertThat(parse()).contains(FULL);
        assertThat(assertSameAsFullParse().at("/nodes/model.cached.added/depends_on/nodes").toString())
                .isEqualTo("[\"model.cached.other\"]");
        project.delete("models/added.sql");
        assertThat(parse()).contains(FULL);
        assertThat(assertSameAsFullParse().get("nodes").has("model.cached.added")).isFalse();
    }

    @Test
    void aModelThatBecomesDisabledOrBreaksIsNotPatchedIn() {
        parse();
        project.write("models/other.sql", "{{ config(enabled=false) }} select 2 as id");
        assertThat(parse()).contains(FULL);
        assertThat(assertSameAsFullParse().at("/disabled/model.cached.other")).isNotNull();

        project.write("models/other.sql", "select * from {{ ref('no_such_model') }}");
        assertThatThrownBy(() -> project.sluice().parse(options().build()))
                .isInstanceOf(SluiceException.class).hasMessageContaining("no_such_model");
        project.write("models/other.sql", "select 3 as id");
        parse();
        assertSameAsFullParse();
    }

    @Test
    void aBrokenMacroFoundWhileTheMacrosParseAheadIsReportedWithItsFile() {
        parse();
        project.write("macros/label.sql", "{% macro label(x) %}'{{ x }'{% endmacro %}");
        for (int attempt = 0; attempt < 2; attempt++) { // run parses its macros ahead, on another thread
            assertThatThrownBy(() -> project.sluice().run(options().build()))
                    .isInstanceOf(SluiceException.class)
                    .satisfies(e -> {
                        assertThat(((SluiceException) e).code()).isEqualTo(ErrorCode.JINJA_SYNTAX);
                        assertThat(((SluiceException) e).location().file()).isEqualTo("macros/label.sql");
                    })
                    .hasMessageContaining("Missing end tag");
        }
        project.write("macros/label.sql", "{% macro label(x) %}'{{ x }}-v3'{% endmacro %}");
        project.sluice().run(options().build());
        assertThat(query("select label from base")).isEqualTo("base-v3");
    }

    @Test
    void aCycleIsReportedEveryTimeUntilItIsFixed() {
        parse();
        project.write("models/base.sql", "select * from {{ ref('middle') }}"); // base <- middle <- base
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> project.sluice().parse(options().build()))
                    .isInstanceOf(SluiceException.class).hasMessageContaining("Found a cycle")
                    .hasMessageContaining("model.cached.base");
        }
        project.write("models/base.sql", "select 1 as id, {{ label('base') }} as label");
        parse();
        assertSameAsFullParse();

        project.write("models/added.sql", "select * from {{ ref('added') }}"); // a new file: a full parse
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> project.sluice().parse(options().build()))
                    .isInstanceOf(SluiceException.class).hasMessageContaining("Found a cycle");
        }
    }

    @Test
    void aDamagedCacheOrManifestIsIgnoredAndRewritten() throws IOException {
        parse();
        Path cache = dir.resolve("target/partial_parse.sluice");
        byte[] bytes = Files.readAllBytes(cache);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(cache, bytes);
        assertThat(parse()).contains(FULL);
        assertSameAsFullParse();
        assertThat(parse()).contains(REUSED);

        Path manifest = dir.resolve("target/manifest.json");
        Files.writeString(manifest, "{\"edited\": true}");
        assertThat(parse()).contains(REUSED);
        assertSameAsFullParse();

        Files.writeString(cache, "not a cache");
        assertThat(parse()).contains(FULL);
        assertSameAsFullParse();
    }

    @Test
    void noPartialParseNeverReadsOrWritesTheCache() {
        parse();
        assertThat(parse(options().partialParse(false))).doesNotContain(REUSED);
        assertThat(dir.resolve("target/partial_parse.sluice")).exists();
        project.write("models/other.sql", "select 22 as id");
        parse(options().partialParse(false));
        assertThat(parse()).contains(REPARSED);
        assertSameAsFullParse();
    }
}
