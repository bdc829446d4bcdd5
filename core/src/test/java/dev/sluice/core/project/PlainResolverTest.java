package dev.sluice.core.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.resolver.Resolver;

class PlainResolverTest {
    private static final List<String> SCALARS = List.of("", " ", "a", "name", "columns", "id", "node_5", "not_null",
            "null", "Null", "NULL", "~", "yes", "Yes", "no", "NO", "on", "Off", "true", "False", "y", "n", "0", "7",
            "-3", "+4", "1.5", ".5", "1e3", "0x1F", "0o7", "0b101", "1_000", "190:20:30", ".inf", "-.Inf", ".nan",
            "2024-01-02", "2024-01-02 03:04:05", "<<", "!", "&", "*", "ref('x')", "{{ var('x') }}", "hello world",
            "Ünïcode", "x:y", "@at", "%pct", "`tick", "#hash", "\u0000", "\t", "=", " x", "  ", "n");

    @Test
    void resolvesEveryScalarAsTheStockResolverDoes() {
        Resolver stock = new Resolver();
        PlainResolver plain = new PlainResolver();
        assertThat(plain.answersPlainTextAtOnce()).isTrue();
        for (String value : SCALARS) {
            for (boolean implicit : List.of(true, false)) {
                assertThat(plain.resolve(NodeId.scalar, value, implicit)).as("'" + value + "' implicit " + implicit)
                        .isEqualTo(stock.resolve(NodeId.scalar, value, implicit));
            }
        }
        assertThat(plain.resolve(NodeId.mapping, "x", true)).isEqualTo(stock.resolve(NodeId.mapping, "x", true));
        assertThat(plain.resolve(NodeId.sequence, "x", true)).isEqualTo(stock.resolve(NodeId.sequence, "x", true));
    }

    @Test
    void parsedValuesKeepTheirYamlTypes() {
        Object parsed = YamlReader.parse("a: yes\nb: 12\nc: 1.5\nd: ~\ne: name\nf: ''\ng: 2024-01-02\n", "t.yml");
        Map<?, ?> map = (Map<?, ?>) parsed;
        assertThat(map.get("a")).isEqualTo(true);
        assertThat(map.get("b")).isEqualTo(12);
        assertThat(map.get("c")).isEqualTo(1.5);
        assertThat(map.get("d")).isNull();
        assertThat(map.get("e")).isEqualTo("name");
        assertThat(map.get("f")).isEqualTo("");
        assertThat(map.get("g")).isInstanceOf(java.util.Date.class);
    }
}
