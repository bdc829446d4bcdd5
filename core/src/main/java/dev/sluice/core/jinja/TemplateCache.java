package dev.sluice.core.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.tree.Node;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed templates by their text, so that a text rendered again (a model's parse render and its runtime render, the
 * same generic test call for many columns) is tokenized and parsed once. A tree is kept only when parsing it raised no
 * error, so every render of a faulty text reports its errors. Jinjava's trees are read, never changed, by rendering;
 * one tree serves any number of renders on any thread. Bounded: past {@link #MAX_TEMPLATES} texts, new ones are
 * parsed each time.
 */
final class TemplateCache {
    static final int MAX_TEMPLATES = 50_000;

    private final Map<String, Node> trees = new ConcurrentHashMap<>();

    /** The tree of {@code template} (after {@link KeywordArguments#rewrite} and {@link CallChains#rewrite}), parsed by {@code interpreter} if not known. */
    Node tree(String template, JinjavaInterpreter interpreter) {
        Node tree = trees.get(template);
        if (tree != null) {
            return tree;
        }
        int errors = interpreter.getErrorsCopy().size();
        tree = interpreter.parse(CallChains.rewrite(KeywordArguments.rewrite(template)));
        if (interpreter.getErrorsCopy().size() == errors && trees.size() < MAX_TEMPLATES) {
            trees.putIfAbsent(template, tree);
        }
        return tree;
    }

    int size() {
        return trees.size();
    }
}
