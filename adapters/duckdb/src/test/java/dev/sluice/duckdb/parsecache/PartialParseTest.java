package dev.sluice.duckdb.parsecache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.api.InvocationOptions;
import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;
import dev.sluice.testkit.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parse cache (target/partial_parse.sluice) is never stale: after every kind of change a parse that uses it gives
 * the manifest a parse without it gives (created_at and the invocation metadata aside), and it takes the cheapest
 * path the change allows — the whole cache when nothing changed, one node when only a model file changed, a full parse
 * otherwise.
 */
class PartialParseTest {
    private static final String REUSED = "Reusing the whole parse";
    private static final String REPARSED = "Re-parsed 1 changed model file(s)";
    private static final String FULL = "arsing everything";
    private static final String METADATA_ONLY = "only its metadata was rewritten";
    private static final String PATCHED = "re-parsed model(s) in place";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private TestProject project;

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
    private Object manifestFile() throws IOException {
        return Files.readAttributes(dir.resolve("target/manifest.json"),
                java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }

    private static String foundLine(String messages) {
        return messages.lines().filter(line -> line.startsWith("Found ")).findFirst().orElse("");
    }

    private InvocationOptions.Builder options() {
        return project.options();
    }

    private String parse() {
        return parse(options());
    }

    /** Parses with --debug-level messages captured; returns them. */
    private String parse(InvocationOptions.Builder options) {
        project.events().clear();
        int exit = project.sluice().parse(options.build());
        String messages = String.join("\n", project.events().messages());
        assertThat(exit).as(messages).isGreaterThanOrEqualTo(0);
        return messages;
    }

    private JsonNode manifest(InvocationOptions.Builder options) {
        try {
            return JSON.readTree(dir.resolve("target/manifest.json").toFile());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The manifest.json now in target/ equals one written by a parse without the cache; returns it. */
    private JsonNode assertSameAsFullParse() {
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

    private static JsonNode comparable(JsonNode manifest) {
        ObjectNode copy = manifest.deepCopy();
        copy.remove("metadata");
        stripCreatedAt(copy);
        return copy;
    }

    private static void stripCreatedAt(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("created_at");
            for (Iterator<JsonNode> it = object.elements(); it.hasNext(); ) {
                stripCreatedAt(it.next());
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(PartialParseTest::stripCreatedAt);
        }
    }

    private String query(String sql) {
        List<List<Object>> rows = project.sluice().show(options().build(), sql, -1).preview().rows();
        return String.valueOf(rows.get(0).get(0));
    }
}
