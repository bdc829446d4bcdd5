package dev.sluice.core.manifest.parse;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.errors.SourceLocation;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.ResourceType;
import dev.sluice.core.manifest.UnitTestDefinition;
import dev.sluice.core.manifest.UnitTestDefinition.Fixture;
import dev.sluice.core.manifest.UnitTestDefinition.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a {@code unit_tests:} entry into a {@link ResourceType#UNIT_TEST} node ({@code unit_test.<pkg>.<model>.<name>})
 * that refs its model, checking the shape of {@code given}, {@code expect} and {@code overrides} and reading named
 * fixture files from {@code <test-path>/fixtures}.
 */
final class UnitTestBuilder {
    private static final Pattern INPUT = Pattern.compile(
            "\\s*(this|(ref|source)\\s*\\(.*\\))\\s*", Pattern.DOTALL);

    private final Path projectRoot;
    private final List<String> testPaths;

    UnitTestBuilder(Path projectRoot, List<String> testPaths) {
        this.projectRoot = projectRoot;
        this.testPaths = testPaths;
    }

    Node build(SchemaFile.UnitTestEntry entry, String packageName) {
        Map<String, Object> body = entry.body();
        String name = required(body, "name", entry);
        String model = required(body, "model", entry);
        List<String> fqn = new ArrayList<>();
        fqn.add(packageName);
        fqn.addAll(entry.file().folders());
        fqn.add(model);
        fqn.add(name);
        Node node = new Node("unit_test." + packageName + "." + model + "." + name, ResourceType.UNIT_TEST,
                packageName, name, entry.file().pathInRoot(), entry.file().originalFilePath(), fqn);
        node.line = entry.line();
        node.description = body.get("description") == null ? "" : String.valueOf(body.get("description"));
        if (body.get("config") instanceof Map<?, ?> config) {
            config.forEach((k, v) -> node.config.set(String.valueOf(k), v));
        } else if (body.get("config") != null) {
            throw invalid(entry, "'config' of unit test '" + name + "' must be a mapping");
        }
        if (node.config.get("meta") instanceof Map<?, ?> meta) {
            meta.forEach((k, v) -> node.meta.put(String.valueOf(k), v));
        }
        node.unitTest = new UnitTestDefinition(model, givens(body.get("given"), name, entry),
                expect(body.get("expect"), name, entry), overrides(body.get("overrides"), name, entry));
        node.refs.add(List.of(model));
        node.checksum = NodeFactory.sha256(String.valueOf(body));
        return node;
    }

    private List<UnitTestDefinition.Given> givens(Object value, String name, SchemaFile.UnitTestEntry entry) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw invalid(entry, "'given' of unit test '" + name + "' must be a list of inputs");
        }
        List<UnitTestDefinition.Given> out = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> given) || given.get("input") == null) {
                throw invalid(entry, "each 'given' entry of unit test '" + name + "' needs an 'input', found: " + item);
            }
            String input = String.valueOf(given.get("input")).strip();
            if (!INPUT.matcher(input).matches()) {
                throw invalid(entry, "Unit test given inputs must be either a 'ref', 'source' or 'this' call. Got: '"
                        + input + "' in unit test '" + name + "'");
            }
            out.add(new UnitTestDefinition.Given(input, fixture(given, "given " + input, name, entry)));
        }
        return List.copyOf(out);
    }

    private Fixture expect(Object value, String name, SchemaFile.UnitTestEntry entry) {
        if (!(value instanceof Map<?, ?> expect)) {
            throw invalid(entry, "unit test '" + name + "' needs an 'expect' mapping with its expected rows");
        }
        return fixture(expect, "expect", name, entry);
    }

    private Fixture fixture(Map<?, ?> body, String what, String name, SchemaFile.UnitTestEntry entry) {
        String formatText = body.get("format") == null ? "dict" : String.valueOf(body.get("format"));
        Format format;
        try {
            format = Format.valueOf(formatText.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(entry, "unknown format '" + formatText + "' in " + what + " of unit test '" + name
                    + "': expected dict, csv or sql");
        }
        Object rows = body.get("rows");
        String fixture = body.get("fixture") == null ? null : String.valueOf(body.get("fixture"));
        String fixtureText = null;
        if (fixture != null) {
            if (format == Format.DICT) {
                throw invalid(entry, "a fixture file needs format csv or sql (" + what + " of unit test '" + name + "')");
            }
            fixtureText = readFixture(fixture, format, what, name, entry);
        } else if (format == Format.DICT && rows != null && !(rows instanceof List<?>)) {
            throw invalid(entry, "rows of " + what + " of unit test '" + name + "' must be a list of mappings (format dict)");
        } else if (format != Format.DICT && rows != null && !(rows instanceof String)) {
            throw invalid(entry, "rows of " + what + " of unit test '" + name + "' must be text for format "
                    + format.dbtName());
        } else if (format == Format.SQL && rows == null) {
            throw invalid(entry, "format sql needs rows (a query) or a fixture in " + what + " of unit test '" + name + "'");
        }
        if (rows instanceof List<?> list) {
            for (Object row : list) {
                if (!(row instanceof Map<?, ?>)) {
                    throw invalid(entry, "each row of " + what + " of unit test '" + name
                            + "' must be a mapping of column to value, found: " + row);
                }
            }
        }
        return new Fixture(format, rows, fixture, fixtureText);
    }

    private String readFixture(String fixture, Format format, String what, String name, SchemaFile.UnitTestEntry entry) {
        String fileName = fixture + "." + format.dbtName();
        for (String testPath : testPaths) {
            Path folder = projectRoot.resolve(testPath).resolve("fixtures");
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (var files = Files.walk(folder)) {
                Path found = files.filter(p -> p.getFileName().toString().equals(fileName)).sorted().findFirst()
                        .orElse(null);
                if (found != null) {
                    return Files.readString(found);
                }
            } catch (IOException e) {
                throw new SluiceException(ErrorCode.IO, "cannot read fixture " + fileName + ": " + e.getMessage(),
                        SourceLocation.of(entry.file().originalFilePath(), entry.line()));
            }
        }
        throw invalid(entry, "Could not find fixture file " + fileName + " for " + what + " of unit test '" + name
                + "' (looked in " + String.join(", ", testPaths.stream().map(p -> p + "/fixtures").toList()) + ")");
    }

    private UnitTestDefinition.Overrides overrides(Object value, String name, SchemaFile.UnitTestEntry entry) {
        if (value == null) {
            return UnitTestDefinition.Overrides.NONE;
        }
        if (!(value instanceof Map<?, ?> overrides)) {
            throw invalid(entry, "'overrides' of unit test '" + name + "' must be a mapping");
        }
        return new UnitTestDefinition.Overrides(section(overrides, "macros", name, entry),
                section(overrides, "vars", name, entry), section(overrides, "env_vars", name, entry), true);
    }

    private Map<String, Object> section(Map<?, ?> overrides, String key, String name, SchemaFile.UnitTestEntry entry) {
        Object value = overrides.get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw invalid(entry, "'overrides." + key + "' of unit test '" + name + "' must be a mapping");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return java.util.Collections.unmodifiableMap(out);
    }

    private static String required(Map<String, Object> body, String key, SchemaFile.UnitTestEntry entry) {
        Object value = body.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            throw invalid(entry, "a unit test" + (body.get("name") == null ? "" : " ('" + body.get("name") + "')")
                    + " has no '" + key + "'");
        }
        return String.valueOf(value).strip();
    }

    private static SluiceException invalid(SchemaFile.UnitTestEntry entry, String message) {
        return new SluiceException(ErrorCode.YAML_INVALID, message,
                SourceLocation.of(entry.file().originalFilePath(), entry.line()));
    }
}
