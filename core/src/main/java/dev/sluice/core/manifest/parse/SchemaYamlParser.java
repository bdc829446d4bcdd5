package dev.sluice.core.manifest.parse;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.errors.SourceLocation;
import dev.sluice.core.manifest.ColumnInfo;
import dev.sluice.core.manifest.Exposure;
import dev.sluice.core.manifest.NodeConfig;
import dev.sluice.core.manifest.SourceDefinition;
import dev.sluice.core.project.YamlJinja;
import dev.sluice.core.project.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads one schema file ({@code version: 2} YAML under models/, seeds/, ...): node patches, sources with their tables,
 * exposures, macro docs, unit tests, and the test entries of models, columns and source tables. Jinja in values is rendered
 * (descriptions calling {@code doc()}, configs calling {@code var()}); test arguments are left for compile time.
 */
final class SchemaYamlParser {
    private static final Set<String> UNRENDERED = Set.of("tests", "data_tests", "pre-hook", "post-hook", "pre_hook",
            "post_hook", "unit_tests", "depends_on");
    private static final List<String> PATCH_KINDS = List.of("models", "seeds", "snapshots", "analyses");

    private final String packageName;
    private final SourceConfigs sourceConfigs;
    private final Resolver resolver = YamlReader.resolver();

    SchemaYamlParser(String packageName, SourceConfigs sourceConfigs) {
        this.packageName = packageName;
        this.sourceConfigs = sourceConfigs;
    }

    /** Source- and exposure-level configs from dbt_project.yml, applied by fqn. */
    interface SourceConfigs {
        void applyToSource(List<String> fqn, NodeConfig config);

        void applyToExposure(List<String> fqn, NodeConfig config);
    }

    @SuppressWarnings("unchecked")
    SchemaFile parse(ProjectFile file, String text, Function<String, String> renderer) {
        SchemaFile out = new SchemaFile(packageName);
        Map<String, Object> raw = YamlReader.toMap(YamlReader.parse(text, file.originalFilePath(), resolver),
                file.originalFilePath());
        Map<String, Object> yaml = (Map<String, Object>) YamlJinja.render(raw, renderer, UNRENDERED);
        LineFinder lines = new LineFinder(text);
        for (String kind : PATCH_KINDS) {
            for (Map<String, Object> entry : entries(yaml, kind, file)) {
                String name = requireName(entry, kind, file, lines);
                int line = lines.lineOfName(name);
                out.patches.add(new SchemaFile.Patch(kind, name, entry, file, line));
                for (Object test : testsOf(entry)) {
                    out.tests.add(new TestDefinition(test, name, null, null, file, packageName, line));
                }
                for (Map<String, Object> column : columnEntries(entry, file)) {
                    // with quote: true, tests receive the quoted identifier, as dbt passes them adapter.quote(name)
                    String rawName = String.valueOf(column.get("name"));
                    String columnName = Boolean.TRUE.equals(column.get("quote"))
                            ? "\"" + rawName.replace("\"", "\"\"") + "\"" : rawName;
                    for (Object test : testsOf(column)) {
                        out.tests.add(new TestDefinition(test, name, null, columnName, file, packageName,
                                lines.lineOfName(rawName)));
                    }
                }
            }
        }
        for (Map<String, Object> source : entries(yaml, "sources", file)) {
            parseSource(source, file, lines, out);
        }
        for (Map<String, Object> exposure : entries(yaml, "exposures", file)) {
            out.exposures.add(parseExposure(exposure, file, lines));
        }
        for (Map<String, Object> unitTest : entries(yaml, "unit_tests", file)) {
            String name = requireName(unitTest, "unit_tests", file, lines);
            out.unitTests.add(new SchemaFile.UnitTestEntry(unitTest, file, lines.lineOfName(name)));
        }
        out.macroPatches.addAll(entries(yaml, "macros", file));
        return out;
    }

    private void parseSource(Map<String, Object> source, ProjectFile file, LineFinder lines, SchemaFile out) {
        String sourceName = requireName(source, "sources", file, lines);
        for (Map<String, Object> table : listOfMaps(source.get("tables"), "tables", file)) {
            String tableName = requireName(table, "tables", file, lines);
            List<String> fqn = new ArrayList<>();
            fqn.add(packageName);
            fqn.addAll(file.folders());
            fqn.add(sourceName);
            fqn.add(tableName);
            SourceDefinition definition = new SourceDefinition(
                    "source." + packageName + "." + sourceName + "." + tableName, packageName, sourceName, tableName,
                    file.originalFilePath(), fqn);
            definition.database = str(table.get("database"), str(source.get("database"), null));
            definition.schema = str(source.get("schema"), sourceName);
            definition.identifier = str(table.get("identifier"), tableName);
            definition.description = str(table.get("description"), "");
            definition.sourceDescription = str(source.get("description"), "");
            definition.loader = str(source.get("loader"), "");
            definition.line = lines.lineOfName(tableName);
            sourceConfigs.applyToSource(fqn, definition.config);
            definition.freshness = FreshnessInheritance.freshness(
                    FreshnessInheritance.projectLevel(definition.config.has("freshness"),
                            definition.config.get("freshness")),
                    FreshnessInheritance.level(source, "freshness"), FreshnessInheritance.level(table, "freshness"));
            definition.loadedAtField = FreshnessInheritance.loadedAtField(
                    FreshnessInheritance.projectLevel(definition.config.has("loaded_at_field"),
                            definition.config.get("loaded_at_field")),
                    FreshnessInheritance.level(source, "loaded_at_field"),
                    FreshnessInheritance.level(table, "loaded_at_field"));
            applyConfig(source.get("config"), definition.config);
            applyConfig(table.get("config"), definition.config);
            putAll(definition.sourceMeta, source.get("meta"));
            putAll(definition.meta, table.get("meta"));
            List<String> tags = new ArrayList<>(strings(source.get("tags")));
            strings(table.get("tags")).forEach(t -> {
                if (!tags.contains(t)) {
                    tags.add(t);
                }
            });
            definition.config.set("tags", tags);
            definition.tags = definition.config.tags();
            for (Map<String, Object> column : columnEntries(table, file)) {
                ColumnInfo info = column(column);
                definition.columns.put(info.name, info);
                for (Object test : testsOf(column)) {
                    out.tests.add(new TestDefinition(test, tableName, sourceName, info.name, file, packageName,
                            lines.lineOfName(info.name)));
                }
            }
            for (Object test : testsOf(table)) {
                out.tests.add(new TestDefinition(test, tableName, sourceName, null, file, packageName, definition.line));
            }
            out.sources.add(definition);
        }
    }

    private Exposure parseExposure(Map<String, Object> entry, ProjectFile file, LineFinder lines) {
        String name = requireName(entry, "exposures", file, lines);
        List<String> fqn = new ArrayList<>();
        fqn.add(packageName);
        fqn.addAll(file.folders());
        fqn.add(name);
        Exposure exposure = new Exposure("exposure." + packageName + "." + name, packageName, name,
                file.originalFilePath(), fqn);
        exposure.type = str(entry.get("type"), "dashboard");
        exposure.label = str(entry.get("label"), null);
        exposure.description = str(entry.get("description"), "");
        exposure.url = str(entry.get("url"), null);
        exposure.maturity = str(entry.get("maturity"), null);
        putAll(exposure.owner, entry.get("owner"));
        putAll(exposure.meta, entry.get("meta"));
        sourceConfigs.applyToExposure(fqn, exposure.config);
        applyConfig(entry.get("config"), exposure.config);
        exposure.tags = strings(entry.get("tags"));
        for (String dependency : strings(entry.get("depends_on"))) {
            TestArgumentRefs.collect(dependency, exposure.refs, exposure.sources);
        }
        return exposure;
    }

    static ColumnInfo column(Map<String, Object> column) {
        ColumnInfo info = new ColumnInfo(String.valueOf(column.get("name")));
        info.description = str(column.get("description"), "");
        info.dataType = str(column.get("data_type"), null);
        info.quote = Boolean.TRUE.equals(column.get("quote"));
        putAll(info.meta, column.get("meta"));
        info.tags.addAll(strings(column.get("tags")));
        return info;
    }

    static List<Object> testsOf(Map<String, Object> entry) {
        List<Object> tests = new ArrayList<>();
        for (String key : List.of("tests", "data_tests")) {
            Object value = entry.get(key);
            if (value instanceof List<?> list) {
                tests.addAll(list);
            }
        }
        return tests;
    }

    @SuppressWarnings("unchecked")
    private static void applyConfig(Object value, NodeConfig config) {
        if (value instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach(config::set);
        }
    }

    @SuppressWarnings("unchecked")
    private static void putAll(Map<String, Object> target, Object value) {
        if (value instanceof Map<?, ?> map) {
            ((Map<Object, Object>) map).forEach((k, v) -> target.put(String.valueOf(k), v));
        }
    }

    static String str(Object value, String fallback) {
        return value == null ? fallback : String.valueOf(value);
    }

    static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }

    private static List<Map<String, Object>> entries(Map<String, Object> yaml, String key, ProjectFile file) {
        return listOfMaps(yaml.get(key), key, file);
    }

    static List<Map<String, Object>> columnEntries(Map<String, Object> entry, ProjectFile file) {
        return listOfMaps(entry.get("columns"), "columns", file);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOfMaps(Object value, String key, ProjectFile file) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new SluiceException(ErrorCode.YAML_INVALID, "'" + key + "' must be a list of entries",
                    SourceLocation.of(file.originalFilePath()));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> map)) {
                throw new SluiceException(ErrorCode.YAML_INVALID, "each entry under '" + key
                        + "' must be a mapping with a name, found: " + item, SourceLocation.of(file.originalFilePath()));
            }
            out.add((Map<String, Object>) map);
        }
        return out;
    }

    private static String requireName(Map<String, Object> entry, String key, ProjectFile file, LineFinder lines) {
        Object name = entry.get("name");
        if (name == null || String.valueOf(name).isBlank()) {
            throw new SluiceException(ErrorCode.YAML_INVALID, "an entry under '" + key + "' has no name",
                    SourceLocation.of(file.originalFilePath()));
        }
        return String.valueOf(name);
    }

    /**
     * Finds the line where {@code name: x} appears, for messages; YAML parsed to maps has no positions. Only lines that
     * contain the name are matched against the pattern, and each name is looked up once per file.
     */
    static final class LineFinder {
        private final String text;
        private final Map<String, Integer> found = new java.util.HashMap<>();

        LineFinder(String text) {
            this.text = text;
        }

        int lineOfName(String name) {
            Integer line = found.get(name);
            if (line == null) {
                line = search(name);
                found.put(name, line);
            }
            return line;
        }

        private int search(String name) {
            if (name.isEmpty()) {
                return scan(name);
            }
            int lineNumber = 1;
            int lineStart = 0;
            for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
                while (true) {
                    int end = text.indexOf('\n', lineStart);
                    if (end < 0 || end >= at) {
                        break;
                    }
                    lineStart = end + 1;
                    lineNumber++;
                }
                int lineEnd = text.indexOf('\n', lineStart);
                String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
                if (isNameLine(line, name)) {
                    return lineNumber;
                }
                if (lineEnd < 0) {
                    break;
                }
                // the rest of this line cannot hold an earlier match: go on from the next line
                at = lineEnd;
                lineStart = lineEnd + 1;
                lineNumber++;
            }
            return 0;
        }

        /** Every line against the pattern (an empty name is on every line as a substring). */
        private int scan(String name) {
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (isNameLine(lines[i], name)) {
                    return i + 1;
                }
            }
            return 0;
        }

        /**
         * Whether {@code line} is {@code [- ]name: <name>}, the name optionally quoted, a comment allowed after it
         * (the regular expression {@code \s*-?\s*name\s*:\s*['"]?NAME['"]?\s*(#.*)?}, matched by hand: compiling
         * one per name was most of a large project's schema-file parse).
         */
        static boolean isNameLine(String line, String name) {
            int at = spaces(line, 0);
            if (at < line.length() && line.charAt(at) == '-') {
                at = spaces(line, at + 1);
            }
            if (!line.startsWith("name", at)) {
                return false;
            }
            at = spaces(line, at + 4);
            if (at >= line.length() || line.charAt(at) != ':') {
                return false;
            }
            at = spaces(line, at + 1);
            // an opening quote, or none: a name may itself begin with a quote character
            return at < line.length() && isQuote(line.charAt(at)) && nameThenEnd(line, at + 1, name)
                    || nameThenEnd(line, at, name);
        }

        /** {@code name} at {@code at}, then an optional closing quote, spaces, and the end or a comment. */
        private static boolean nameThenEnd(String line, int at, String name) {
            if (!line.startsWith(name, at)) {
                return false;
            }
            int end = at + name.length();
            if (end < line.length() && isQuote(line.charAt(end))) {
                end++;
            }
            end = spaces(line, end);
            return end == line.length() || line.charAt(end) == '#';
        }

        private static boolean isQuote(char c) {
            return c == '\'' || c == '"';
        }

        /** The first index from {@code at} that is not a regex {@code \s} character. */
        private static int spaces(String line, int at) {
            int i = at;
            while (i < line.length() && " \t\n\u000B\f\r".indexOf(line.charAt(i)) >= 0) {
                i++;
            }
            return i;
        }
    }
}
