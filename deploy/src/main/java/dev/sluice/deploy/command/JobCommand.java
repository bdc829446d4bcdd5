package dev.sluice.deploy.command;

import dev.sluice.core.api.InvocationOptions;
import dev.sluice.deploy.DeployException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * One validated job command: {@code sluice <command> [flags]} where the command is a real Sluice command and every
 * flag is one it takes. Anything else is refused with a message saying why, when the job is saved.
 *
 * @param name     "build", "run", "seed", "test", "snapshot", "compile", "parse", "ls", "deps", "source freshness",
 *                 "docs generate" or "run-operation"
 * @param argument the macro of {@code run-operation}; null otherwise
 * @param flags    each flag by its long name, with its values (none for switches)
 */
public record JobCommand(String line, String name, String argument, Map<String, List<String>> flags) {

    /** The commands a job may run; two-word commands are spelled with their space. */
    public static final List<String> COMMANDS = List.of("build", "run", "seed", "test", "snapshot", "compile", "parse",
            "ls", "deps", "source freshness", "docs generate", "run-operation");

    private static final Set<String> NODE_COMMANDS = Set.of("build", "run", "seed", "test", "snapshot", "compile", "ls");

    private static final Map<String, Flag> FLAGS = flagTable();

    private record Flag(String name, int arity) {
        static final int SWITCH = 0;
        static final int ONE = 1;
        static final int MANY = 2;
    }

    private static Map<String, Flag> flagTable() {
        Map<String, Flag> f = new LinkedHashMap<>();
        Flag select = new Flag("--select", Flag.MANY);
        for (String alias : List.of("-s", "--select", "-m", "--models", "--model")) {
            f.put(alias, select);
        }
        f.put("--exclude", new Flag("--exclude", Flag.MANY));
        f.put("--selector", new Flag("--selector", Flag.ONE));
        f.put("--resource-type", new Flag("--resource-type", Flag.ONE));
        f.put("--exclude-resource-type", new Flag("--exclude-resource-type", Flag.ONE));
        f.put("--indirect-selection", new Flag("--indirect-selection", Flag.ONE));
        Flag failFast = new Flag("--fail-fast", Flag.SWITCH);
        f.put("-x", failFast);
        f.put("--fail-fast", failFast);
        Flag fullRefresh = new Flag("--full-refresh", Flag.SWITCH);
        f.put("-f", fullRefresh);
        f.put("--full-refresh", fullRefresh);
        f.put("--threads", new Flag("--threads", Flag.ONE));
        f.put("--vars", new Flag("--vars", Flag.ONE));
        Flag target = new Flag("--target", Flag.ONE);
        f.put("-t", target);
        f.put("--target", target);
        f.put("--args", new Flag("--args", Flag.ONE));
        f.put("--no-compile", new Flag("--no-compile", Flag.SWITCH));
        f.put("--empty-catalog", new Flag("--empty-catalog", Flag.SWITCH));
        return f;
    }

    /** Parses and validates one command line; throws {@link DeployException} with the reason when it is refused. */
    public static JobCommand parse(String line) {
        if (line == null || line.isBlank()) {
            throw new DeployException("Command refused: an empty command. Write e.g. `sluice build`.");
        }
        String text = line.strip();
        List<String> words = Tokens.split(text);
        if (!words.get(0).equals("sluice")) {
            String hint = words.get(0).equals("dbt") ? " Write `sluice " + String.join(" ", words.subList(1,
                    words.size())) + "` instead: Sluice runs dbt's commands itself." : "";
            throw new DeployException("Command refused: `" + text + "` does not start with `sluice`. A job runs only"
                    + " Sluice commands: " + String.join(", ", COMMANDS) + "." + hint);
        }
        if (words.size() < 2) {
            throw new DeployException("Command refused: `" + text + "` names no command; one of: "
                    + String.join(", ", COMMANDS) + ".");
        }
        int at = 1;
        String name = words.get(1);
        if ((name.equals("source") || name.equals("docs")) && words.size() > 2) {
            name = name + " " + words.get(2);
            at = 2;
        }
        if (!COMMANDS.contains(name)) {
            throw new DeployException("Command refused: `" + text + "`: '" + name + "' is not a Sluice command a job"
                    + " can run; one of: " + String.join(", ", COMMANDS) + ".");
        }
        at++;
        String argument = null;
        if (name.equals("run-operation")) {
            if (at >= words.size() || words.get(at).startsWith("-")) {
                throw new DeployException("Command refused: `" + text + "`: run-operation needs a macro name");
            }
            argument = words.get(at++);
        }
        Map<String, List<String>> flags = new LinkedHashMap<>();
        while (at < words.size()) {
            String word = words.get(at++);
            String value = null;
            int eq = word.indexOf('=');
            if (word.startsWith("--") && eq > 0) {
                value = word.substring(eq + 1);
                word = word.substring(0, eq);
            }
            Flag flag = FLAGS.get(word);
            if (flag == null) {
                throw new DeployException("Command refused: `" + text + "`: " + (word.startsWith("-")
                        ? "unknown flag " + word : "unexpected word '" + word + "'") + " for `sluice " + name + "`");
            }
            checkApplies(text, name, flag);
            List<String> values = flags.computeIfAbsent(flag.name(), k -> new ArrayList<>());
            if (flag.arity() == Flag.SWITCH) {
                if (value != null) {
                    throw new DeployException("Command refused: `" + text + "`: " + word + " takes no value");
                }
                continue;
            }
            if (value != null) {
                values.add(value);
            }
            while (at < words.size() && !words.get(at).startsWith("-")
                    && (values.isEmpty() || flag.arity() == Flag.MANY)) {
                values.add(words.get(at++));
            }
            if (values.isEmpty()) {
                throw new DeployException("Command refused: `" + text + "`: " + word + " needs a value");
            }
            if (flag.arity() == Flag.ONE && values.size() > 1) {
                throw new DeployException("Command refused: `" + text + "`: " + word + " takes one value");
            }
        }
        JobCommand command = new JobCommand(text, name, argument, flags);
        command.checkValues();
        return command;
    }

    private static void checkApplies(String text, String name, Flag flag) {
        boolean ok = switch (flag.name()) {
            case "--select", "--exclude", "--selector", "--resource-type", "--exclude-resource-type",
                 "--indirect-selection" -> NODE_COMMANDS.contains(name) || name.equals("source freshness");
            case "--fail-fast", "--full-refresh" -> NODE_COMMANDS.contains(name);
            case "--args" -> name.equals("run-operation");
            case "--no-compile", "--empty-catalog" -> name.equals("docs generate");
            default -> true;
        };
        if (!ok) {
            throw new DeployException("Command refused: `" + text + "`: `sluice " + name + "` does not take "
                    + flag.name());
        }
    }

    private void checkValues() {
        String threads = single("--threads");
        if (threads != null && !threads.matches("[1-9][0-9]{0,3}")) {
            throw new DeployException("Command refused: `" + line + "`: --threads needs a whole number from 1, got '"
                    + threads + "'");
        }
        for (String flag : List.of("--vars", "--args")) {
            if (single(flag) != null) {
                yamlMapping(flag, single(flag));
            }
        }
    }

    public String single(String flag) {
        List<String> values = flags.get(flag);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public boolean has(String flag) {
        return flags.containsKey(flag);
    }

    private Map<String, Object> yamlMapping(String flag, String text) {
        Object parsed;
        try {
            parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (RuntimeException e) {
            throw new DeployException("Command refused: `" + line + "`: " + flag + " is not YAML: " + e.getMessage());
        }
        if (parsed == null) {
            return Map.of();
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new DeployException("Command refused: `" + line + "`: " + flag + " must be a mapping such as"
                    + " '{key: value}'");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /** The macro arguments of {@code run-operation --args}. */
    public Map<String, Object> macroArgs() {
        String args = single("--args");
        return args == null ? Map.of() : yamlMapping("--args", args);
    }

    /** Applies this command's flags to the options a step runs with. */
    public InvocationOptions.Builder apply(InvocationOptions.Builder options) {
        if (has("--select")) {
            options.select(flags.get("--select"));
        }
        if (has("--exclude")) {
            options.exclude(flags.get("--exclude"));
        }
        options.selector(single("--selector"));
        if (has("--resource-type")) {
            options.resourceTypes(flags.get("--resource-type"));
        }
        if (has("--exclude-resource-type")) {
            options.excludeResourceTypes(flags.get("--exclude-resource-type"));
        }
        if (has("--indirect-selection")) {
            options.indirectSelection(single("--indirect-selection"));
        }
        options.failFast(has("--fail-fast"));
        options.fullRefresh(has("--full-refresh"));
        if (has("--threads")) {
            options.threads(Integer.parseInt(single("--threads")));
        }
        if (has("--vars")) {
            options.vars(yamlMapping("--vars", single("--vars")));
        }
        if (has("--target")) {
            options.target(single("--target"));
        }
        return options;
    }

    /** Whether this command reads the warehouse's nodes, so {@code --defer} applies to it. */
    public boolean defers() {
        return NODE_COMMANDS.contains(name);
    }
}
