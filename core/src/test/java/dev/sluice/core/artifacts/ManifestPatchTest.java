package dev.sluice.core.artifacts;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.manifest.Manifest;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.ResourceType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.sluice.core.artifacts.ManifestFixture.CUSTOMERS;
import static dev.sluice.core.artifacts.ManifestFixture.SEED;
import static dev.sluice.core.artifacts.ManifestFixture.SOURCE;
import static dev.sluice.core.artifacts.ManifestFixture.STG;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Re-parsed models written into manifest.json in place ({@link ManifestJsonWriter#patchNodes}): the room a full write
 * leaves after each model, the patch, and every case where it must decline and leave both files as they were.
 */
class ManifestPatchTest {
    private static final UUID INVOCATION = UUID.fromString("6f2d0a55-8a8e-4c1b-9d0e-2b8f8b8a1c11");
    private static final Instant GENERATED = Instant.parse("2024-05-01T12:34:56.123456789Z");

    @TempDir
    Path dir;

    private final ObjectMapper mapper = new ObjectMapper();
    private Path file;

    @BeforeEach
    void target() {
        file = dir.resolve("target/manifest.json");
    }

    @Test
    void modelNodesHaveRoomAfterThemAndTheTreeIsUnchanged() throws IOException {
        ManifestJsonWriter writer = new ManifestJsonWriter();
        Manifest parsed = ManifestFixture.manifest();
        writer.write(parsed, plainExtras(), meta(1), file, reuse(1, 0));
        // only whitespace between values was added: the tree is the one written without room
        String withoutRoom = new ArtifactFiles().toText(writer.toJson(parsed, plainExtras(), meta(1)));
        assertThat(mapper.readTree(file.toFile())).isEqualTo(mapper.readTree(withoutRoom));
        assertThat(Files.size(file)).isGreaterThan(withoutRoom.getBytes(StandardCharsets.UTF_8).length);

        byte[] bytes = Files.readAllBytes(file);
        ManifestIndex index = ManifestIndex.read(ManifestIndex.fileFor(file));
        ManifestIndex.Section nodes = index.section("nodes");
        for (int i = 0; i < nodes.ids().length; i++) {
            boolean model = parsed.nodes.get(nodes.ids()[i]).resourceType == ResourceType.MODEL;
            long length = nodes.ends()[i] - nodes.starts()[i];
            assertThat(nodes.rooms()[i]).as(nodes.ids()[i])
                    .isEqualTo(model ? IndexedEntries.roomAfter(length) : 0);
            assertSlot(bytes, nodes.starts()[i], nodes.ends()[i], nodes.rooms()[i]);
        }
        assertThat(index.section("parent_map").rooms()).containsOnly(0);
        assertThat(IndexedEntries.roomAfter(100)).isEqualTo(64);
        assertThat(IndexedEntries.roomAfter(4000)).isEqualTo(500);
        assertThat(IndexedEntries.roomAfter(100_000)).isEqualTo(1024);
    }

    @Test
    void aReparsedModelIsPatchedInPlaceEditAfterEdit() throws IOException {
        ManifestJsonWriter writer = new ManifestJsonWriter();
        writer.write(ManifestFixture.manifest(), plainExtras(), meta(1), file, reuse(1, 0));
        Object identity = fileKey();
        long size = Files.size(file);
        String[] edits = {"select 1 as id", "select c.*, {{ cents_to_dollars('o.amount') }} as total from "
                + "{{ ref('raw_customers') }} c join {{ ref('stg_orders') }} o using (id) -- longer than at first, "
                + "but not by more than the room left after it", "select 3 as id"};
        for (int g = 2; g <= 4; g++) {
            Manifest edited = withSql(CUSTOMERS, edits[g - 2]);
            assertThat(writer.patchNodes(List.of(edited.nodes.get(CUSTOMERS)), plainExtras(), meta(g), file,
                    new ManifestReuse(g, g - 1, java.util.Set.of(CUSTOMERS), java.util.Set.of()))).isTrue();
            assertThat(fileKey()).isEqualTo(identity);
            assertThat(Files.size(file)).isEqualTo(size);
            assertThat(mapper.readTree(file.toFile()))
                    .isEqualTo(mapper.readTree(writer.toText(edited, plainExtras(), meta(g))));
            ManifestIndex.Header header = ManifestIndex.readHeader(ManifestIndex.fileFor(file));
            assertThat(header.generation()).isEqualTo(g);
            assertThat(header.allPlain()).isTrue();
            assertIndexFramesTheFile();
        }
        // the patched file is the very parse its index names: the next invocation rewrites only the metadata
        assertThat(writer.rewriteMetadataOnly(meta(5), "duckdb", file, reuse(4, 4))).isTrue();
        assertThat(mapper.readTree(file.toFile()))
                .isEqualTo(mapper.readTree(writer.toText(withSql(CUSTOMERS, edits[2]), plainExtras(), meta(5))));
    }

    @Test
    void aValueThatOutgrowsItsSlotIsWrittenInFullAndThenPatchedAgain() throws IOException {
        ManifestJsonWriter writer = new ManifestJsonWriter();
        writer.write(ManifestFixture.manifest(), plainExtras(), meta(1), file, reuse(1, 0));
        Manifest grown = withSql(CUSTOMERS, "select 1 as id -- " + "x".repeat(3000));
        Snapshot before = snapshot();
        assertThat(writer.patchNodes(List.of(grown.nodes.get(CUSTOMERS)), plainExtras(), meta(2), file,
                changed(2, 1, CUSTOMERS))).isFalse();
        assertThat(snapshot()).isEqualTo(before);

        writer.write(grown, plainExtras(), meta(2), file, changed(2, 1, CUSTOMERS));
        Manifest next = withSql(CUSTOMERS, "select 2 as id -- " + "y".repeat(2900));
        assertThat(writer.patchNodes(List.of(next.nodes.get(CUSTOMERS)), plainExtras(), meta(3), file,
                changed(3, 2, CUSTOMERS))).isTrue();
        assertThat(mapper.readTree(file.toFile()))
                .isEqualTo(mapper.readTree(writer.toText(next, plainExtras(), meta(3))));
    }

    @Test
    void copiedRunsKeepThePatchedSlotsAndTheirRoom() throws IOException {
        ManifestJsonWriter writer = new ManifestJsonWriter();
        writer.write(ManifestFixture.manifest(), plainExtras(), meta(1), file, reuse(1, 0));
        Manifest shorter = withSql(CUSTOMERS, "select 1 as id");
        assertThat(writer.patchNodes(List.of(shorter.nodes.get(CUSTOMERS)), plainExtras(), meta(2), file,
                changed(2, 1, CUSTOMERS))).isTrue();
        long[] patchedSlot = slot(CUSTOMERS);

        // stg_orders written again with its map entries: customers (a run of one model, then its room) and the
        // entries after stg_orders are copied from the patched file
        writer.write(shorter, plainExtras(), meta(3), file,
                new ManifestReuse(3, 2, java.util.Set.of(STG), java.util.Set.of(STG, SOURCE)));
        assertThat(mapper.readTree(file.toFile()))
                .isEqualTo(mapper.readTree(writer.toText(shorter, plainExtras(), meta(3))));
        long[] copiedSlot = slot(CUSTOMERS);
        assertThat(copiedSlot[1] - copiedSlot[0]).isEqualTo(patchedSlot[1] - patchedSlot[0]);
        assertThat(copiedSlot[2]).as("room kept").isEqualTo(patchedSlot[2]);
        assertIndexFramesTheFile();

        Manifest longer = withSql(CUSTOMERS, "select 1 as id, 'and a little more' as more");
        assertThat(writer.patchNodes(List.of(longer.nodes.get(CUSTOMERS), longer.nodes.get(STG)), plainExtras(),
                meta(4), file, new ManifestReuse(4, 3, java.util.Set.of(CUSTOMERS, STG), java.util.Set.of())))
                .isTrue();
        assertThat(mapper.readTree(file.toFile()))
                .isEqualTo(mapper.readTree(writer.toText(longer, plainExtras(), meta(4))));
        assertIndexFramesTheFile();
    }

    @Test
    void nothingIsPatchedUnlessTheFileAndTheChangeAreAsThePatchNeeds() throws IOException {
        ManifestJsonWriter writer = new ManifestJsonWriter();
        Manifest edited = withSql(CUSTOMERS, "select 1 as id");
        Node customers = edited.nodes.get(CUSTOMERS);
        writer.write(ManifestFixture.manifest(), plainExtras(), meta(1), file, reuse(1, 0));
        Snapshot before = snapshot();

        assertNotPatched(writer, List.of(customers), meta(2), changed(2, 7, CUSTOMERS), before); // other parse
        assertNotPatched(writer, List.of(customers), meta(2), changed(0, 1, CUSTOMERS), before); // not cached
        assertNotPatched(writer, List.of(customers), meta(2),
                new ManifestReuse(2, 1, java.util.Set.of(CUSTOMERS), java.util.Set.of(SEED)), before); // edges
        assertNotPatched(writer, List.of(edited.nodes.get(SEED)), meta(2), changed(2, 1, SEED), before); // a seed
        Node added = new Node("model.jaffle_shop.added", ResourceType.MODEL, "jaffle_shop", "added", "added.sql",
                "models/added.sql", List.of("jaffle_shop", "added"));
        added.rawCode = "select 1";
        assertNotPatched(writer, List.of(customers, added), meta(2), changed(2, 1, CUSTOMERS), before); // new node
        ArtifactMetadata longMeta = ArtifactMetadata.forManifest("jaffle_shop", "duckdb", INVOCATION, GENERATED,
                Map.of("OWNER", "z".repeat(200)));
        assertNotPatched(writer, List.of(customers), longMeta, changed(2, 1, CUSTOMERS), before); // metadata
        assertThat(writer.patchNodes(List.of(customers), plainExtras(), meta(2), file, changed(2, 1, CUSTOMERS)))
                .as("and with all as it needs, it patches").isTrue();
    }

    @Test
    void aHandEditedManifestOrAnOldFormatIndexIsNeverPatched() throws IOException {
        ManifestJsonWriter writer = new ManifestJsonWriter();
        Node customers = withSql(CUSTOMERS, "select 1 as id").nodes.get(CUSTOMERS);
        Path indexFile = ManifestIndex.fileFor(file);

        writer.write(ManifestFixture.manifest(), plainExtras(), meta(1), file, reuse(1, 0));
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(file).toMillis() + 5000)); // saved again by an editor, same size
        assertNotPatched(writer, List.of(customers), meta(2), changed(2, 1, CUSTOMERS), snapshot());

        writer.write(ManifestFixture.manifest(), plainExtras(), meta(1), file, reuse(1, 0));
        byte[] index = Files.readAllBytes(indexFile);
        java.nio.ByteBuffer.wrap(index).putInt(0, 2); // what the previous format's index starts with
        Files.write(indexFile, index);
        assertThat(ManifestIndex.readHeader(indexFile)).isNull();
        assertThat(ManifestIndex.read(indexFile)).isNull();
        assertNotPatched(writer, List.of(customers), meta(2), changed(2, 1, CUSTOMERS), snapshot());

        writer.write(ManifestFixture.manifest(), ManifestFixture.extras(), meta(1), file, reuse(1, 0)); // compiled
        assertNotPatched(writer, List.of(customers), meta(2), changed(2, 1, CUSTOMERS), snapshot());
    }

    private void assertNotPatched(ManifestJsonWriter writer, List<Node> changed, ArtifactMetadata meta,
                                  ManifestReuse reuse, Snapshot before) throws IOException {
        assertThat(writer.patchNodes(changed, plainExtras(), meta, file, reuse)).isFalse();
        assertThat(snapshot()).as("nothing changed").isEqualTo(before);
    }

    /** Both files' bytes and the manifest's time: what a patch that declines must leave as it was. */
    private record Snapshot(String manifest, String index, long modified) {
    }

    private Snapshot snapshot() throws IOException {
        return new Snapshot(Files.readString(file, StandardCharsets.UTF_8),
                java.util.HexFormat.of().formatHex(Files.readAllBytes(ManifestIndex.fileFor(file))),
                Files.getLastModifiedTime(file).toMillis());
    }

    /** Every entry the index lists is a value where it says, its room spaces, then a comma or a close. */
    private void assertIndexFramesTheFile() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ManifestIndex index = ManifestIndex.read(ManifestIndex.fileFor(file));
        assertThat(index).isNotNull();
        assertThat(index.fileSize).isEqualTo(bytes.length);
        for (String name : ManifestIndex.SECTIONS) {
            ManifestIndex.Section section = index.section(name);
            for (int i = 0; i < section.ids().length; i++) {
                assertSlot(bytes, section.starts()[i], section.ends()[i], section.rooms()[i]);
            }
        }
    }

    private static void assertSlot(byte[] bytes, long start, long end, int room) {
        assertThat((char) bytes[(int) start - 1]).isEqualTo(':');
        assertThat((char) bytes[(int) end - 1]).isIn('}', ']');
        for (int at = (int) end; at < end + room; at++) {
            assertThat((char) bytes[at]).isEqualTo(' ');
        }
        assertThat((char) bytes[(int) (end + room)]).isIn(',', '}');
    }

    /** {start, end, room} of a node's entry, from the index. */
    private long[] slot(String id) {
        ManifestIndex.Section nodes = ManifestIndex.read(ManifestIndex.fileFor(file)).section("nodes");
        int at = nodes.find(id);
        return new long[] {nodes.starts()[at], nodes.ends()[at], nodes.rooms()[at]};
    }

    private Object fileKey() throws IOException {
        return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }

    /** The fixture with one node's SQL replaced, as a re-parse of its file gives it. */
    private static Manifest withSql(String id, String sql) {
        Manifest manifest = ManifestFixture.manifest();
        manifest.nodes.get(id).rawCode = sql;
        return manifest;
    }

    /**
     * What a parse writes: relation names, nothing compiled; parsed at a fixed time, so created_at is the same in
     * entries written at different invocations, as in entries copied from a file or left in it.
     */
    private static ManifestExtras plainExtras() {
        return ManifestFixture.extras().withCompiled(Map.of()).withParsedAt(GENERATED);
    }

    private static ArtifactMetadata meta(int invocation) {
        return ArtifactMetadata.forManifest("jaffle_shop", "duckdb", new UUID(7, invocation),
                GENERATED.plusSeconds(invocation));
    }

    private static ManifestReuse reuse(long generation, long derivedFrom) {
        return new ManifestReuse(generation, derivedFrom, java.util.Set.of(), java.util.Set.of());
    }

    private static ManifestReuse changed(long generation, long derivedFrom, String id) {
        return new ManifestReuse(generation, derivedFrom, java.util.Set.of(id), java.util.Set.of());
    }
}
