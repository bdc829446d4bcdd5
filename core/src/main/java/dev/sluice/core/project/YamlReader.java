package dev.sluice.core.project;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.errors.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/** Reads YAML files safely; a syntax error names the file, line and column. */
public final class YamlReader {
    private YamlReader() {
    }

    public static Object parse(String text, String fileForMessages) {
        return parse(text, fileForMessages, resolver());
    }

    /** A resolver of YAML 1.1's implicit types for {@link #parse(String, String, Resolver)}; shareable by threads. */
    public static Resolver resolver() {
        return new PlainResolver();
    }

    /** Parses with {@code resolver}, so that many small files share one instead of building one each. */
    public static Object parse(String text, String fileForMessages, Resolver resolver) {
        Object plain = BlockYaml.parse(text, resolver); // the usual shape, read directly (the same result)
        if (plain != BlockYaml.DECLINED) {
            return plain;
        }
        return snakeYaml(text, fileForMessages, resolver);
    }

    /** SnakeYAML's safe load of any YAML document, with errors naming the file, line and column. */
    static Object snakeYaml(String text, String fileForMessages, Resolver resolver) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(256 * 1024 * 1024);
        try {
            // what Yaml.load does, without building the Yaml facade's dumper side (representers) for every file
            SafeConstructor constructor = new SafeConstructor(options);
            // the Yaml facade copies these from the options; the constructor alone starts with its own defaults
            constructor.setAllowDuplicateKeys(options.isAllowDuplicateKeys());
            constructor.setWarnOnDuplicateKeys(options.isWarnOnDuplicateKeys());
            constructor.setWrappedToRootException(options.isWrappedToRootException());
            constructor.setComposer(new Composer(new ParserImpl(new StreamReader(text), options), resolver,
                    options));
            return constructor.getSingleData(Object.class);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 0 : mark.getLine() + 1;
            int column = mark == null ? 0 : mark.getColumn() + 1;
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            String context = e.getContext() == null ? "" : e.getContext() + ": ";
            throw new SluiceException(ErrorCode.YAML_INVALID, "invalid YAML: " + context + problem,
                    new SourceLocation(fileForMessages, line, column));
        } catch (YAMLException e) {
            throw new SluiceException(ErrorCode.YAML_INVALID, "invalid YAML: " + e.getMessage(),
                    SourceLocation.of(fileForMessages));
        }
    }

    /** The file's top-level mapping; an empty file is an empty map, anything else but a mapping is an error. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readMap(Path file, String fileForMessages) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.IO, "cannot read " + file + ": " + e.getMessage(),
                    SourceLocation.of(fileForMessages));
        }
        return toMap(parse(text, fileForMessages), fileForMessages);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(Object parsed, String fileForMessages) {
        if (parsed == null) {
            return new LinkedHashMap<>();
        }
        if (!(parsed instanceof Map<?, ?>)) {
            throw new SluiceException(ErrorCode.YAML_INVALID, "expected a mapping at the top of the file",
                    SourceLocation.of(fileForMessages, 1));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<Object, Object>) parsed).forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
