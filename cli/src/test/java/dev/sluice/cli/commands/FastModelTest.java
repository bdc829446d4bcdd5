package dev.sluice.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.cli.ApiFactory;
import dev.sluice.cli.CliContext;
import dev.sluice.cli.Terminal;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@link FastModel} against the annotated model it stands in for: the same options with the same parsing attributes,
 * and the same values in {@link SharedOptions} after parsing every command line below, or a parse error from both.
 */
class FastModelTest {
    private final CliContext context = new CliContext(ApiFactory.standard(), Map.of(), Path.of("."),
            new PrintStream(PrintStream.nullOutputStream()), new PrintStream(PrintStream.nullOutputStream()),
            Terminal.NONE, ZoneOffset.UTC);

    private static final List<List<String>> OPTIONS = List.of(
            List.of(), List.of("--select", "a", "b"), List.of("-s", "a"), List.of("--select=a"), List.of("-m", "x+"),
            List.of("--models", "a", "--exclude", "b", "c"), List.of("--model", "a", "--model", "b"),
            List.of("--no-partial-parse"), List.of("--partial-parse"), List.of("--partial-parse=false"),
            List.of("--threads", "4"), List.of("--threads=2"), List.of("--log-format", "json"),
            List.of("--log-format", "JSON"), List.of("--use-colors"), List.of("--no-use-colors"), List.of("-x"),
            List.of("--fail-fast", "--no-fail-fast"), List.of("-t", "prod"), List.of("--target", "dev"),
            List.of("--vars", "{a: 1}"), List.of("--project-dir", "p", "--profiles-dir", "q", "--profile", "r"),
            List.of("--resource-type", "model", "--resource-types", "seed"), List.of("--exclude-resource-type", "test"),
            List.of("-f"), List.of("--full-refresh", "--no-full-refresh"), List.of("--state", "s", "--defer"),
            List.of("--no-defer", "--favor-state", "--defer-state", "d"), List.of("--no-favor-state"),
            List.of("--indirect-selection", "cautious"), List.of("--indirect-selection", "BUILDABLE"),
            List.of("--target-path", "t", "--log-path", "l"), List.of("-q", "-d"), List.of("--quiet", "--debug"),
            List.of("--printer-width", "80"), List.of("--selector", "nightly"), List.of("-xdq"),
            List.of("--nope"), List.of("--threads", "many"), List.of("--log-format", "xml"), List.of("--select"),
            List.of("extra"));

    @Test
    void theOptionsParseAsTheAnnotatedOnes() throws Exception {
        int compared = 0;
        int errors = 0;
        for (String command : FastModel.COMMANDS) {
            assertThat(sameOptions(annotated(command), fast(command))).as(command).isEmpty();
            for (List<String> options : OPTIONS) {
                for (boolean before : new boolean[] {false, true}) {
                    List<String> args = new ArrayList<>();
                    if (before) { // root options may come before the command too
                        args.addAll(options);
                        args.add(command);
                    } else {
                        args.add(command);
                        args.addAll(options);
                    }
                    String[] line = args.toArray(String[]::new);
                    Map<String, Object> expected = parsed(annotated(command), line);
                    if (SluiceCommand.subcommandsFor(line).size() > 1) {
                        // a value that is also a command's name (--target dev): left to the annotated model
                        assertThat(FastModel.forArgs(context, line)).isNull();
                        continue;
                    }
                    CommandLine fast = fast(line);
                    Map<String, Object> actual = parsed(fast, line);
                    assertThat(actual).as("%s", args).isEqualTo(expected);
                    errors += expected.containsKey("error") ? 1 : 0;
                    // a second parse of the same line (the trial parse, then the run) gives the same values
                    assertThat(parsed(fast, line)).as("again: %s", args).isEqualTo(expected);
                    compared++;
                }
            }
        }
        assertThat(compared).as("lines compared (a few name a second command)").isGreaterThan(400);
        assertThat(errors).as("some lines are errors in both").isPositive().isLessThan(compared / 4);
    }

    @Test
    void helpTheVersionAndOtherCommandsAreLeftToTheAnnotatedModel() {
        assertThat(FastModel.forArgs(context, "parse", "--help")).isNull();
        assertThat(FastModel.forArgs(context, "run", "-h")).isNull();
        assertThat(FastModel.forArgs(context, "--version")).isNull();
        assertThat(FastModel.forArgs(context, "ls")).isNull();
        assertThat(FastModel.forArgs(context, "compile", "--select", "a")).isNull();
        assertThat(FastModel.forArgs(context)).isNull();
        assertThat(FastModel.forArgs(context, "parse", "--select", "run")).isNull(); // two command words
        assertThat(FastModel.forArgs(context, "seed", "--select", "x")).isNotNull();
    }

    private CommandLine annotated(String command) {
        CommandLine line = new CommandLine(new SluiceCommand(context));
        line.addSubcommand(SluiceCommand.subcommandsFor(command).get(0).type());
        line.addSubcommand(DevCommand.class); // "dev" is also a command, as the CLI would add it
        line.setCaseInsensitiveEnumValuesAllowed(true);
        return line;
    }

    private CommandLine fast(String... args) {
        CommandLine line = FastModel.forArgs(context, args);
        assertThat(line).as(Arrays.toString(args)).isNotNull();
        line.setCaseInsensitiveEnumValuesAllowed(true);
        return line;
    }

    /** The shared options' fields after parsing, the command chosen, or the error. */
    private static Map<String, Object> parsed(CommandLine line, String[] args) {
        Map<String, Object> values = new TreeMap<>();
        try {
            CommandLine.ParseResult result = line.parseArgs(args);
            values.put("command", result.subcommand() == null ? null : result.subcommand().commandSpec().name());
        } catch (CommandLine.ParameterException e) {
            values.put("error", e.getClass().getSimpleName());
            return values;
        }
        SluiceCommand root = (SluiceCommand) line.getCommand();
        for (Field field : SharedOptions.class.getDeclaredFields()) {
            if (java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            field.setAccessible(true);
            try {
                values.put(field.getName(), String.valueOf(field.get(root.shared)));
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
        values.put("version", root.version);
        return values;
    }

    /** Differences between the two models' options (root and command), by their parsing attributes. */
    private static List<String> sameOptions(CommandLine annotated, CommandLine fast) {
        List<String> differences = new ArrayList<>();
        compare("root", annotated.getCommandSpec(), fast.getCommandSpec(), differences);
        compare("command", annotated.getSubcommands().values().iterator().next().getCommandSpec(),
                fast.getSubcommands().values().iterator().next().getCommandSpec(), differences);
        return differences;
    }

    private static void compare(String where, CommandSpec expected, CommandSpec actual, List<String> differences) {
        Map<String, String> a = describe(expected);
        Map<String, String> b = describe(actual);
        if (!a.equals(b)) {
            differences.add(where + ": " + a + "\n != " + b);
        }
    }

    private static Map<String, String> describe(CommandSpec spec) {
        Map<String, String> options = new TreeMap<>();
        for (OptionSpec option : spec.options()) {
            options.put(option.longestName(), Arrays.asList(Arrays.toString(option.names()), option.arity(), option.type(),
                    Arrays.toString(option.auxiliaryTypes()), option.negatable(), option.defaultValue(),
                    option.fallbackValue(), option.hidden(), option.usageHelp(), option.versionHelp(),
                    option.scopeType(), option.required(), option.inherited()).toString());
        }
        options.put("(positional)", String.valueOf(spec.positionalParameters().size()));
        return options;
    }
}
