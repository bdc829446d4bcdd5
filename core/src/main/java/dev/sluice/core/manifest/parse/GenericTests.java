package dev.sluice.core.manifest.parse;

import dev.sluice.core.manifest.Node;
import dev.sluice.core.parallel.InOrder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The generic test nodes of a parse's schema files, built on all cores ahead of the loop that adds them to the
 * manifest: {@link #next} hands them back in definition order, and a definition that could not be built throws its
 * error when its turn comes, exactly where building it in the loop would have.
 */
final class GenericTests {
    private final Iterator<Built> built;

    private record Built(Node node, RuntimeException error) {
    }

    private GenericTests(Iterator<Built> built) {
        this.built = built;
    }

    /** Builds every test definition of {@code schemaFiles}, each with its package's builder. */
    static GenericTests build(List<SchemaFile> schemaFiles, Map<String, GenericTestBuilder> builders) {
        List<TestDefinition> definitions = new ArrayList<>();
        for (SchemaFile schema : schemaFiles) {
            definitions.addAll(schema.tests);
        }
        return new GenericTests(InOrder.ofMachine().map(definitions, definition -> {
            try {
                return new Built(builders.get(definition.packageName()).build(definition), null);
            } catch (RuntimeException e) {
                return new Built(null, e);
            }
        }).iterator());
    }

    /** The next definition's test node, in the order of the schema files and their tests. */
    Node next() {
        Built next = built.next();
        if (next.error() != null) {
            throw next.error();
        }
        return next.node();
    }
}
