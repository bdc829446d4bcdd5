package dev.sluice.core.manifest.parse;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.errors.SourceLocation;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.NodeConfig;
import dev.sluice.core.manifest.ResourceType;
import dev.sluice.core.manifest.TestMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns a YAML test entry ({@code unique}, {@code accepted_values: {values: [...]}}, {@code dbt_utils.x: {...}}, or
 * the {@code name:}/{@code test_name:} form) into a test node named as dbt names it
 * ({@code accepted_values_orders_status__placed__shipped}).
 */
final class GenericTestBuilder {
    /** Keys of a test entry that configure the test rather than being arguments of the test macro. */
    private static final Set<String> CONFIG_ARGS = Set.of("severity", "where", "limit", "warn_if", "error_if",
            "fail_calc", "store_failures", "store_failures_as", "enabled", "tags", "meta", "alias", "schema",
            "database", "config");

    private static final Pattern NOT_IDENTIFIER = Pattern.compile("[^0-9a-zA-Z_]+");

    private final List<Map<String, Object>> projectTestConfigs;

    GenericTestBuilder(List<Map<String, Object>> projectTestConfigs) {
        this.projectTestConfigs = projectTestConfigs;
    }

    @SuppressWarnings("unchecked")
    Node build(TestDefinition definition) {
        String testName;
        String customName = null;
        Map<String, Object> args = new LinkedHashMap<>();
        Object entry = definition.entry();
        if (entry instanceof String text) {
            testName = text;
        } else if (entry instanceof Map<?, ?> map && map.containsKey("test_name")) {
            testName = String.valueOf(map.get("test_name"));
            customName = map.get("name") == null ? null : String.valueOf(map.get("name"));
            ((Map<String, Object>) map).forEach((k, v) -> {
                if (!k.equals("test_name") && !k.equals("name")) {
                    args.put(k, v);
                }
            });
        } else if (entry instanceof Map<?, ?> map && map.size() == 1) {
            Map.Entry<?, ?> only = map.entrySet().iterator().next();
            testName = String.valueOf(only.getKey());
            if (only.getValue() instanceof Map<?, ?> body) {
                ((Map<String, Object>) body).forEach((k, v) -> {
                    if (k.equals("name")) {
                        return;
                    }
                    args.put(k, v);
                });
                if (body.get("name") != null) {
                    customName = String.valueOf(body.get("name"));
                }
            } else if (only.getValue() != null) {
                throw invalid(definition, "arguments of test '" + testName + "' must be a mapping");
            }
        } else {
            throw invalid(definition, "a test must be a name or a mapping of one test name to its arguments, found: "
                    + entry);
        }
        if (args.get("arguments") instanceof Map<?, ?> nested) {
            args.remove("arguments");
            ((Map<String, Object>) nested).forEach(args::put);
        }
        String namespace = null;
        String shortName = testName;
        int dot = testName.indexOf('.');
        if (dot > 0) {
            namespace = testName.substring(0, dot);
            shortName = testName.substring(dot + 1);
        }
        NodeConfig inlineConfig = new NodeConfig();
        Map<String, Object> kwargs = new LinkedHashMap<>();
        for (Map.Entry<String, Object> arg : args.entrySet()) {
            if (arg.getKey().equals("config") && arg.getValue() instanceof Map<?, ?> config) {
                ((Map<String, Object>) config).forEach(inlineConfig::set);
            } else if (CONFIG_ARGS.contains(arg.getKey())) {
                inlineConfig.set(arg.getKey(), arg.getValue());
            } else {
                kwargs.put(arg.getKey(), arg.getValue());
            }
        }
        if (definition.columnName() != null) {
            kwargs.put("column_name", definition.columnName());
        }
        String modelLabel = definition.onSource()
                ? definition.sourceName() + "_" + definition.targetName() : definition.targetName();
        String identifier = namespace == null ? shortName : namespace + "_" + shortName;
        if (definition.onSource()) {
            identifier = "source_" + identifier;
        }
        String fullName = synthesizeName(identifier, modelLabel, kwargs);
        String name = customName != null ? customName : fullName;
        String fileName = customName != null ? customName : shortName(identifier + "_" + modelLabel, fullName);
        String pkg = definition.packageName();
        List<String> fqn = new ArrayList<>();
        fqn.add(pkg);
        fqn.addAll(definition.file().folders());
        fqn.add(name);
        String uniqueId = "test." + pkg + "." + name + "." + md5(name + "|" + definition.file().originalFilePath()
                + "|" + new TreeMap<>(kwargs)).substring(0, 10);
        Node node = new Node(uniqueId, ResourceType.TEST, pkg, name, fileName + ".sql",
                definition.file().originalFilePath(), fqn);
        if (!fileName.equals(name)) {
            node.config.set("alias", fileName);
        }
        node.line = definition.line();
        projectTestConfigs.forEach(tree -> FolderConfigs.apply(tree, fqn, node.config));
        inlineConfig.asMap().forEach(node.config::set);
        if (!node.config.has("severity")) {
            node.config.set("severity", "ERROR");
        }
        String target = definition.onSource()
                ? "source('" + definition.sourceName() + "', '" + definition.targetName() + "')"
                : "ref('" + definition.targetName() + "')";
        Map<String, Object> metadataKwargs = new LinkedHashMap<>(kwargs);
        metadataKwargs.put("model", "{{ get_where_subquery(" + target + ") }}");
        node.testMetadata = new TestMetadata(shortName, namespace, metadataKwargs);
        node.columnName = definition.columnName();
        node.rawCode = "{{ " + (namespace == null ? "" : namespace + ".") + "test_" + shortName
                + "(**_dbt_generic_test_kwargs) }}";
        if (definition.onSource()) {
            node.sources.add(List.of(definition.sourceName(), definition.targetName()));
        } else {
            node.refs.add(List.of(definition.targetName()));
        }
        for (Object value : kwargs.values()) {
            collectRefs(value, node);
        }
        node.checksum = md5(node.rawCode + metadataKwargs);
        return node;
    }

    private static void collectRefs(Object value, Node node) {
        if (value instanceof String text) {
            TestArgumentRefs.collect(text, node.refs, node.sources);
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collectRefs(v, node));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collectRefs(v, node));
        }
    }

    /**
     * dbt keeps the full name as the node's name, but files and relations need fewer than 64 characters: a long name
     * becomes the first 30 characters of test-and-model plus the MD5 of the full name.
     */
    static String shortName(String testAndModel, String fullName) {
        if (fullName.length() < 64) {
            return fullName;
        }
        String prefix = testAndModel.length() > 30 ? testAndModel.substring(0, 30) : testAndModel;
        return prefix + "_" + md5(fullName);
    }

    /** dbt's name: test, model and the flattened argument values. */
    static String synthesizeName(String identifier, String modelLabel, Map<String, Object> kwargs) {
        List<String> flat = new ArrayList<>();
        for (Map.Entry<String, Object> arg : new TreeMap<>(kwargs).entrySet()) {
            if (arg.getKey().equals("model")) {
                continue;
            }
            Object value = arg.getValue();
            if (value instanceof Map<?, ?> map) {
                map.values().forEach(v -> flat.add(String.valueOf(v)));
            } else if (value instanceof List<?> list) {
                list.forEach(v -> flat.add(pythonText(v)));
            } else {
                flat.add(pythonText(value));
            }
        }
        List<String> clean = new ArrayList<>(flat.size());
        for (String value : flat) {
            clean.add(isIdentifier(value) ? value : NOT_IDENTIFIER.matcher(value).replaceAll("_"));
        }
        String full = identifier + "_" + modelLabel + "_" + String.join("__", clean);
        if (clean.isEmpty()) {
            full = identifier + "_" + modelLabel;
        }
        return full;
    }

    /** Whether {@code NOT_IDENTIFIER} finds nothing to replace (most values: a column, a model name). */
    private static boolean isIdentifier(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** Python's str() of a YAML scalar: booleans print as True/False. */
    private static String pythonText(Object value) {
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return String.valueOf(value);
    }

    static String md5(String text) {
        return dev.sluice.core.io.Digests.md5(text);
    }

    private static SluiceException invalid(TestDefinition definition, String message) {
        return new SluiceException(ErrorCode.YAML_INVALID, message,
                SourceLocation.of(definition.file().originalFilePath(), definition.line()));
    }
}
