package dev.sluice.core.project;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SnakeYAML's YAML 1.1 resolver, answering "string" at once for a plain scalar whose first character starts none of
 * the implicit types (bool, int, float, null, timestamp, merge, ...): {@code name}, {@code columns}, {@code id}. The
 * stock resolver tries on those the patterns registered for any first character, null's and the empty string's, which
 * match no such value ({@code ~}, {@code null}, ... have lists of their own, and a single space is left to it), through
 * a new regex matcher each time. Safe to share between threads once built.
 */
final class PlainResolver extends Resolver {
    /** Set while the super constructor registers the resolvers, so no field initializer may reset it. */
    private boolean anyCharacterMayMatchText;

    @Override
    public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
        noteAnyCharacter(regexp, first);
        super.addImplicitResolver(tag, regexp, first, limit);
    }

    @Override
    public void addImplicitResolver(Tag tag, Pattern regexp, String first) {
        noteAnyCharacter(regexp, first);
        super.addImplicitResolver(tag, regexp, first);
    }

    /** SnakeYAML files a pattern under any first character when {@code first} is null or holds NUL. */
    private void noteAnyCharacter(Pattern regexp, String first) {
        if ((first == null || first.indexOf('\0') >= 0) && regexp != Resolver.EMPTY && regexp != Resolver.NULL) {
            anyCharacterMayMatchText = true;
        }
    }

    /** False when someone registered another pattern for any first character: then every scalar takes the stock way. */
    boolean answersPlainTextAtOnce() {
        return !anyCharacterMayMatchText;
    }

    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
        if (!anyCharacterMayMatchText && kind == NodeId.scalar && implicit && !value.isEmpty()
                && value.charAt(0) != ' ' && !yamlImplicitResolvers.containsKey(value.charAt(0))) {
            return Tag.STR;
        }
        return super.resolve(kind, value, implicit);
    }
}
