package dev.sluice.core.project;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * {@link BlockYaml}'s plain scalars typed exactly as SnakeYAML's safe loader types them: the tag from the same
 * resolver, the value from SnakeYAML's own constructors (built only when a scalar is neither text nor null nor a small
 * decimal, which most files never need). One per document read; not shared between threads.
 */
final class PlainScalars {
    /** What {@link #typed} returns for a scalar whose type this class leaves to SnakeYAML (a timestamp, a merge key). */
    static final Object UNTYPED = new Object();

    private final Resolver resolver;
    private ScalarConstructor constructor;

    PlainScalars(Resolver resolver) {
        this.resolver = resolver;
    }

    /** The value of the plain scalar {@code value}: a String, null, Boolean, Integer, Long, BigInteger or Double. */
    Object typed(String value) {
        Tag tag = resolver.resolve(NodeId.scalar, value, true);
        if (Tag.STR.equals(tag)) {
            return value;
        }
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        if (Tag.INT.equals(tag) && isSmallDecimal(value)) {
            return Integer.valueOf(value); // what SnakeYAML makes of it, without building its constructor
        }
        if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag) || Tag.BOOL.equals(tag)) {
            if (constructor == null) {
                constructor = new ScalarConstructor();
            }
            try {
                return constructor.construct(tag, value);
            } catch (RuntimeException e) {
                return UNTYPED;
            }
        }
        return UNTYPED;
    }

    /** 0, or 1 to 9 digits without a leading zero (a leading zero makes YAML 1.1 read octal). */
    private static boolean isSmallDecimal(String value) {
        int length = value.length();
        if (length == 0 || length > 9 || (value.charAt(0) == '0' && length > 1)) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** SnakeYAML's safe constructors, applied to one plain scalar. */
    private static final class ScalarConstructor extends SafeConstructor {
        ScalarConstructor() {
            super(new LoaderOptions());
        }

        Object construct(Tag tag, String value) {
            return constructObject(new ScalarNode(tag, value, null, null, DumperOptions.ScalarStyle.PLAIN));
        }
    }
}
