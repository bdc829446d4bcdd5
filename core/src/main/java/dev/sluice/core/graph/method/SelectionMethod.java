package dev.sluice.core.graph.method;

import java.util.List;
import java.util.Set;

/**
 * One selector method ({@code tag:}, {@code path:}, ...): which candidates match a value. A value that matches nothing
 * is an empty set, not an error; a value the method cannot understand is a {@code SELECTOR_INVALID} error.
 */
@FunctionalInterface
public interface SelectionMethod {

    /**
     * @param scope     the candidates and the root project
     * @param arguments the dotted parts after the method name ({@code config.meta.owner} -> [meta, owner])
     * @param value     the text after the colon
     * @return unique ids of the matching candidates
     */
    Set<String> search(MethodScope scope, List<String> arguments, String value);
}
