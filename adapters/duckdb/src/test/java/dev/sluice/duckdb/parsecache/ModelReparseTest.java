package dev.sluice.duckdb.parsecache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fast path of an edited model: it is re-parsed from the earlier models' facts, stored as a delta over the
 * stored parse, and patched into manifest.json in place; every case still gives the manifest a full parse gives.
 */
class ModelReparseTest extends PartialParseCase {
    @Test
    void aModelEditedAgainAndAgainIsPatchedIntoTheSameFile() throws IOException {
        parse();
        Object file = manifestFile();
        for (int edit = 1; edit <= 3; edit++) {
            project.write("models/other.sql", "select " + edit + " as id" + " -- edit".repeat(edit));
            assertThat(parse()).contains(REPARSED).contains(PATCHED);
            assertThat(manifestFile()).as("written in place, not replaced").isEqualTo(file);
            assertThat(assertSameAsFullParse().at("/nodes/model.cached.other/raw_code").asText())
                    .startsWith("select " + edit + " as id");
        }
        // two models at once, one of them with a yaml patch; then nothing changed: the patched index is current
        project.write("models/other.sql", "select 9 as id");
        project.write("models/middle.sql", "select id, label, 1 as one from {{ ref('base') }}");
        assertThat(parse()).contains("Re-parsed 2 changed model file(s)").contains(PATCHED);
        assertThat(assertSameAsFullParse().at("/nodes/model.cached.middle/description").asText())
                .isEqualTo("the middle");
        assertThat(parse()).contains(REUSED).contains(METADATA_ONLY);
        assertThat(manifestFile()).isEqualTo(file);
        assertSameAsFullParse();
    }

    @Test
    void anEditThatOutgrowsItsRoomIsWrittenInFullAndTheNextEditIsPatchedAgain() throws IOException {
        parse();
        Object file = manifestFile();
        project.write("models/other.sql", "select 2 as id -- " + "x".repeat(4000));
        assertThat(parse()).contains(REPARSED).doesNotContain(PATCHED);
        assertThat(manifestFile()).isNotEqualTo(file);
        assertSameAsFullParse();
        file = manifestFile();
        project.write("models/other.sql", "select 3 as id -- " + "y".repeat(4100));
        assertThat(parse()).contains(REPARSED).contains(PATCHED);
        assertThat(manifestFile()).isEqualTo(file);
        assertSameAsFullParse();
    }

    @Test
    void aPatchedManifestIsCopiedRightWhenRefsChangeNext() throws IOException {
        parse();
        project.write("models/other.sql", "select 5 as id");
        project.write("models/base.sql", "select 1 as id, {{ label('base') }} as label -- shorter than its room");
        assertThat(parse()).contains(PATCHED);
        // new refs: the maps change, so the file is written again, copying the patched entries with their room
        project.write("models/top.sql", "{{ config(alias=var('suffix')) }} select * from {{ ref('middle') }}"
                + " join {{ ref('other') }} using (id)");
        assertThat(parse()).contains(REPARSED).doesNotContain(PATCHED);
        assertThat(assertSameAsFullParse().at("/parent_map/model.cached.top").toString())
                .isEqualTo("[\"model.cached.middle\",\"model.cached.other\"]");
        // and what it wrote and indexed can be patched again, entries copied and written alike
        for (String model : List.of("top", "other", "base")) {
            String sql = Files.readString(dir.resolve("models/" + model + ".sql")) + " -- again";
            project.write("models/" + model + ".sql", sql);
            assertThat(parse()).as(model).contains(PATCHED);
            assertThat(assertSameAsFullParse().at("/nodes/model.cached." + model + "/raw_code").asText())
                    .isEqualTo(sql);
        }
    }

    @Test
    void aHandEditedManifestOrAnOldFormatIndexIsNeverPatched() throws IOException {
        parse();
        Path manifest = dir.resolve("target/manifest.json");
        Files.setLastModifiedTime(manifest, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(manifest).toMillis() - 10_000)); // saved by hand, the same bytes
        project.write("models/other.sql", "select 6 as id");
        assertThat(parse()).contains(REPARSED).doesNotContain(PATCHED);
        assertSameAsFullParse();

        Path index = dir.resolve("target/manifest.index.sluice");
        byte[] bytes = Files.readAllBytes(index);
        java.nio.ByteBuffer.wrap(bytes).putInt(0, 2); // an index of the previous format, otherwise current
        Files.write(index, bytes);
        project.write("models/other.sql", "select 7 as id");
        assertThat(parse()).contains(REPARSED).doesNotContain(PATCHED);
        assertSameAsFullParse();

        project.write("models/other.sql", "select 8 as id"); // the full write left a current index
        assertThat(parse()).contains(PATCHED);
        assertSameAsFullParse();
    }

    @Test
    void aModelReparseIsStoredAsADeltaOverTheStoredParse() throws IOException {
        parse();
        Path cache = dir.resolve("target/partial_parse.sluice");
        Path delta = dir.resolve("target/partial_parse.delta.sluice");
        byte[] stored = Files.readAllBytes(cache);
        project.write("models/other.sql", "select 3 as id");
        assertThat(parse()).contains(REPARSED);
        assertSameAsFullParse();
        // a model with a YAML patch and a ref, edited after the first: the delta holds both
        project.write("models/middle.sql", "select id + 10 as id, label from {{ ref('base') }}");
        assertThat(parse()).contains(REPARSED);
        assertThat(Files.readAllBytes(cache)).isEqualTo(stored);
        assertThat(delta).exists();
        assertSameAsFullParse();
        // the stored parse with its delta is the parse: reused whole, and built from
        assertThat(parse()).contains(REUSED);
        assertSameAsFullParse();
        project.sluice().build(options().build());
        assertThat(query("select max(id) from middle")).isEqualTo("11");
        assertThat(query("select max(id) from other")).isEqualTo("3");
        // new refs take the way through the whole earlier manifest, and are stored as a delta too
        project.write("models/other.sql", "select id from {{ ref('base') }}");
        assertThat(parse()).contains(REPARSED);
        assertThat(assertSameAsFullParse().at("/child_map/model.cached.base").toString())
                .contains("model.cached.other");
        assertThat(Files.readAllBytes(cache)).isEqualTo(stored);
    }

    @Test
    void anEnvVarReadByAnUnchangedModelStillCountsAfterAReparse() {
        project.env("TAG_FROM_ENV", "first");
        parse();
        project.write("models/other.sql", "select 5 as id");
        assertThat(parse()).contains(REPARSED);
        project.env("TAG_FROM_ENV", "second");
        assertThat(parse()).doesNotContain(REUSED).contains(FULL);
        assertThat(assertSameAsFullParse().at("/nodes/model.cached.from_env/tags").toString())
                .isEqualTo("[\"second\"]");
    }

    @Test
    void aDamagedDeltaIsIgnoredAndTheEditsAreReparsedAgain() throws IOException {
        parse();
        project.write("models/other.sql", "select 6 as id");
        assertThat(parse()).contains(REPARSED);
        Path delta = dir.resolve("target/partial_parse.delta.sluice");
        byte[] bytes = Files.readAllBytes(delta);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(delta, bytes);
        // the stored parse's own file table shows other.sql as changed again
        assertThat(parse()).contains(REPARSED);
        assertThat(assertSameAsFullParse().at("/nodes/model.cached.other/raw_code").asText()).contains("6");
        assertThat(parse()).contains(REUSED);
    }

    @Test
    void aProjectsOwnSchemaNamingMacroIsUsedWhenAModelIsReparsed() {
        project.write("macros/naming.sql", "{% macro generate_schema_name(custom, node) %}"
                + "team_{{ node.name }}{% endmacro %}");
        parse();
        project.write("models/other.sql", "select 7 as id");
        assertThat(parse()).contains(REPARSED);
        assertThat(assertSameAsFullParse().at("/nodes/model.cached.other/schema").asText()).isEqualTo("team_other");
    }

    @Test
    void manyModelsReparsedAtOnceAreStoredWhole() throws IOException {
        for (int i = 0; i < 300; i++) {
            project.write("models/many/m" + i + ".sql", "select " + i + " as id");
        }
        parse();
        for (int i = 0; i < 300; i++) {
            project.write("models/many/m" + i + ".sql", "select " + (i + 1) + " as id");
        }
        assertThat(parse()).contains("Re-parsed 300 changed model file(s)");
        assertThat(dir.resolve("target/partial_parse.delta.sluice")).doesNotExist();
        assertSameAsFullParse();
        assertThat(parse()).contains(REUSED);
    }

    /** The identity of target/manifest.json (device and inode): the same while written in place. */
}
