package dev.sluice.core.graph.method;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.ResourceType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A bare-word selector found through the fqn index selects exactly what testing every node selects, in order. */
class FqnMethodTest {
    private static Selectable node(String name, String... fqn) {
        return Selectable.of(new Node("model.shop." + name, ResourceType.MODEL, "shop", name, name + ".sql",
                "models/" + name + ".sql", List.of(fqn)));
    }

    @Test
    void theIndexAgreesWithAScanOverEveryNode() {
        List<Selectable> nodes = new ArrayList<>();
        nodes.add(node("orders", "shop", "marts", "orders"));
        nodes.add(node("stg_orders", "shop", "staging", "stg_orders"));
        nodes.add(node("a.b", "shop", "staging", "a.b"));
        nodes.add(node("staging", "shop", "marts", "staging"));
        nodes.add(node("deep", "shop", "marts.finance", "deep"));
        nodes.add(node("shop", "shop", "shop"));
        MethodScope scope = new MethodScope("shop", nodes);
        FqnMethod method = new FqnMethod();
        for (String selector : List.of("orders", "staging", "shop", "marts", "shop.staging", "staging.stg_orders",
                "a", "a.b", "staging.a", "staging.a.b", "marts.finance", "marts.finance.deep", "finance", "deep",
                "shop.marts.orders", "nothing", "staging.*", "*.orders", "shop.*.deep")) {
            Set<String> scanned = new LinkedHashSet<>();
            for (Selectable candidate : nodes) {
                if (FqnMethod.matches(candidate.fqn(), selector)) {
                    scanned.add(candidate.uniqueId());
                }
            }
            assertThat(new ArrayList<>(method.search(scope, List.of(), selector))).as(selector)
                    .containsExactlyElementsOf(scanned);
        }
        assertThat(method.search(scope, List.of(), "staging"))
                .containsExactly("model.shop.stg_orders", "model.shop.a.b", "model.shop.staging");
    }
}
