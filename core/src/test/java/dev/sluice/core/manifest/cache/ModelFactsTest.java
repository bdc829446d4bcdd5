package dev.sluice.core.manifest.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.ResourceType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A model's facts, encoded straight from its node, read back as the facts of the node. */
class ModelFactsTest {
    @Test
    void factsEncodedFromTheNodeReadBackAsTheNodesFactsRepeatedStringsAndAll() {
        Node node = new Node("model.shop.orders", ResourceType.MODEL, "shop", "orders", "orders.sql",
                "models/orders.sql", List.of("shop", "orders"));
        node.patchPath = "shop://models/schema.yml";
        node.config.set("group", "finance");
        node.refs.add(List.of("customers"));
        node.refs.add(List.of("customers")); // the same ref twice, and strings repeated across fields
        node.refs.add(List.of("other_pkg", "payments"));
        node.sources.add(List.of("raw", "orders"));
        node.dependsOnNodes.add("model.shop.customers");
        node.dependsOnNodes.add("source.shop.raw.orders");

        byte[] bytes = ModelFacts.encode(node);
        assertEquals(ModelFacts.of(node), ModelFacts.decode(bytes));
        assertArrayEquals(ModelFacts.of(node).encode(), bytes);

        Node bare = new Node("model.shop.bare", ResourceType.MODEL, "shop", "bare", "bare.sql", "models/bare.sql",
                List.of("shop", "bare"));
        assertEquals(ModelFacts.of(bare), ModelFacts.decode(ModelFacts.encode(bare)));
    }
}
