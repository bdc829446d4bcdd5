package dev.sluice.core.manifest.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyedRecordsTest {
    @Test
    void findsEveryRecordByItsKeyAndNothingElse() {
        Map<String, byte[]> records = new LinkedHashMap<>();
        for (int i = 0; i < 5000; i++) {
            String id = "model.shop.node_" + i;
            records.put(id, new ModelFacts(id, "models/node_" + i + ".sql", i % 2 == 0 ? null : "shop://m.yml",
                    i % 3 == 0 ? "finance" : null, List.of(List.of("node_" + (i / 2))), List.of(),
                    List.of("model.shop.node_" + (i / 2))).encode());
        }
        KeyedRecords table = KeyedRecords.of(KeyedRecords.write(records));
        assertThat(table.size()).isEqualTo(5000);
        for (int i = 0; i < 5000; i += 7) {
            ModelFacts facts = table.find("model.shop.node_" + i, ModelFacts::decode, ModelFacts::uniqueId);
            assertThat(facts.originalFilePath()).isEqualTo("models/node_" + i + ".sql");
            assertThat(facts.dependsOnNodes()).containsExactly("model.shop.node_" + (i / 2));
            assertThat(facts.group()).isEqualTo(i % 3 == 0 ? "finance" : null);
        }
        assertThat(table.find("model.shop.node_5000", ModelFacts::decode, ModelFacts::uniqueId)).isNull();
        assertThat(KeyedRecords.of(KeyedRecords.write(Map.of())).find("x", ModelFacts::decode,
                ModelFacts::uniqueId)).isNull();
    }

    @Test
    void aTableCutShortIsCorrupt() {
        byte[] bytes = KeyedRecords.write(Map.of("a", new byte[] {1, 2, 3}));
        assertThatThrownBy(() -> KeyedRecords.of(java.util.Arrays.copyOf(bytes, 10)))
                .isInstanceOf(CorruptCache.class);
    }
}
