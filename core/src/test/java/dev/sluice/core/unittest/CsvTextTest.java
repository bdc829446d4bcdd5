package dev.sluice.core.unittest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.errors.SluiceException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvTextTest {
    @Test
    void quotedFieldsKeepCommasAndQuotesAndEmptyFieldsAreNull() {
        List<Map<String, Object>> rows = CsvText.rows("id, name ,note\n1,\"Smith, J\",\"said \"\"hi\"\"\"\n2,,\n\n",
                "given");
        Map<String, Object> second = new HashMap<>();
        second.put("id", "2");
        second.put("name", null);
        second.put("note", null);
        assertThat(rows).containsExactly(Map.of("id", "1", "name", "Smith, J", "note", "said \"hi\""), second);
        assertThat(CsvText.header("id, name ,note\n1,2,3", "given")).containsExactly("id", "name", "note");
    }

    @Test
    void aRowWithTheWrongFieldCountIsNamed() {
        assertThatThrownBy(() -> CsvText.rows("a,b\n1,2,3\n", "expect of unit test 't'"))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining("expect of unit test 't': CSV row 1 has 3 fields but the header has 2");
    }
}
