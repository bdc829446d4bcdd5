package dev.sluice.core.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The streaming writer gives, byte for byte, what the tree it replaced gave. */
class JsonOutTest {
    private final ArtifactFiles files = new ArtifactFiles();

    private String streamed(Object value) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = files.generator(text)) {
            JsonOut.value(out, value);
        }
        return text.toString();
    }

    private String viaTree(Object value) {
        return files.toText(Json.value(value));
    }

    @Test
    void everyKindOfYamlAndJinjaValueIsWrittenAsTheTreeWasWritten() throws IOException {
        Map<Object, Object> nested = new LinkedHashMap<>();
        nested.put("text", "ünïcode ✓ \"quoted\"\n\ttab");
        nested.put("int", 1);
        nested.put("long", 12345678901234L);
        nested.put("short", (short) 3);
        nested.put("double", 0.1);
        nested.put("float", 2.5f);
        nested.put("big decimal", new BigDecimal("1795703155.534208"));
        nested.put("big integer", new BigInteger("123456789012345678901234567890"));
        nested.put("bool", true);
        nested.put("null", null);
        nested.put("list", Arrays.asList(1, "two", null, List.of(3.0)));
        nested.put("set", new LinkedHashSet<>(List.of("a", "b")));
        nested.put("array", new Object[] {"x", 1});
        nested.put("instant", Instant.parse("2024-05-01T12:34:56.123456789Z"));
        nested.put("date", LocalDate.of(2024, 5, 1));
        nested.put("other", new StringBuilder("to string"));
        nested.put("empty map", Map.of());
        nested.put("empty list", new ArrayList<>());
        for (Object value : List.of(nested, List.of(nested, nested), "plain", 7, 1e300)) {
            assertThat(streamed(value)).isEqualTo(viaTree(value));
        }
    }

    @Test
    void mapsWhoseKeysMeetAsOneJsonKeyKeepTheTreesAnswer() throws IOException {
        Map<Object, Object> clash = new LinkedHashMap<>();
        clash.put(1, "number");
        clash.put("x", "between");
        clash.put("1", "text");
        assertThat(streamed(clash)).isEqualTo(viaTree(clash)).isEqualTo("{\"1\":\"text\",\"x\":\"between\"}");
    }
}
