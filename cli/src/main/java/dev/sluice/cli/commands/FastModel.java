package dev.sluice.cli.commands;

import dev.sluice.cli.CliContext;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

/**
 * picocli's model of the root command and one engine command without options of its own ({@code parse}, {@code run},
 * {@code build}, {@code test}, {@code seed}, {@code snapshot}), built through picocli's programmatic API instead of
 * from the annotations.
 *
 * <p>Why: building the model from the annotations was 40% of the main thread of a cached {@code parse} (about
 * 100 ms): the JDK parses every annotation and makes a proxy class per annotation type, on a cold JVM, and no
 * class-data archive of JDK 17 keeps those classes. The annotations stay the definition: {@code FastModelTest} checks
 * that every option here parses as the annotated one does. Help, the version, other commands and any command line
 * this model cannot parse take the annotated model ({@link #forArgs} returns null, or the trial parse fails), so usage
 * texts and error messages come from there.
 */
public final class FastModel {
    /** The commands this model covers: none has options of its own. */
    static final Set<String> COMMANDS = Set.of("parse", "run", "build", "test", "seed", "snapshot");

    /** Words that ask for help or the version: the annotated model answers them. */
    private static final Set<String> HELP = Set.of("-h", "--help", "--version", "-V", "help");

    private FastModel() {
    }

    /**
     * The command line for {@code args} when they name exactly one of {@link #COMMANDS} and ask for no help; null
     * otherwise. The caller still parses; a parse error means the annotated model should run instead.
     */
    public static CommandLine forArgs(CliContext context, String... args) {
        String command = null;
        for (String arg : args) {
            if (HELP.contains(arg)) {
                return null;
            }
        }
        List<SluiceCommand.Subcommand> named = SluiceCommand.subcommandsFor(args);
        if (named.size() != 1 || !COMMANDS.contains(named.get(0).name())) {
            return null;
        }
        command = named.get(0).name();
        try {
            return build(context, named.get(0), command);
        } catch (ReflectiveOperationException e) {
            return null; // the annotated model will say what is wrong
        }
    }

    private static CommandLine build(CliContext context, SluiceCommand.Subcommand subcommand, String name)
            throws ReflectiveOperationException {
        SluiceCommand root = new SluiceCommand(context);
        SharedOptions shared = new SharedOptions();
        root.shared = shared;
        CommandSpec rootSpec = CommandSpec.wrapWithoutInspection(root).name("sluice");
        for (Shared option : SHARED) {
            rootSpec.addOption(option.spec(shared));
        }
        FieldAccess version = bound(root, "version");
        rootSpec.addOption(OptionSpec.builder("--version").versionHelp(true).type(boolean.class)
                .setter(version).getter(version).initialValue(false).hasInitialValue(true).build());
        root.spec = rootSpec;
        CommandLine line = new CommandLine(rootSpec);

        CommandBase command = (CommandBase) subcommand.type().getDeclaredConstructor().newInstance();
        CommandSpec commandSpec = CommandSpec.wrapWithoutInspection(command).name(name);
        command.spec = commandSpec;
        command.parent = root;
        line.addSubcommand(name, new CommandLine(commandSpec));
        return line;
    }

    /**
     * One of {@link SharedOptions}' options: its field, names, and what its annotation says beyond them. The type is
     * the field's; a list holds strings.
     */
    private record Shared(String field, String[] names, String arity, boolean negatable, String defaultValue,
                          String fallbackValue, boolean hidden, boolean usageHelp) {
        OptionSpec spec(SharedOptions shared) throws NoSuchFieldException {
            Field f = SharedOptions.class.getDeclaredField(field);
            FieldAccess access = bound(shared, f);
            // the field's initializer is the value each parse starts from, as picocli takes it from an annotated field
            OptionSpec.Builder builder = OptionSpec.builder(names).type(f.getType()).scopeType(ScopeType.INHERIT)
                    .negatable(negatable).hidden(hidden).usageHelp(usageHelp)
                    .setter(access).getter(access).initialValue(access.get()).hasInitialValue(true);
            if (List.class.isAssignableFrom(f.getType())) {
                builder.auxiliaryTypes(String.class);
            }
            if (arity != null) {
                builder.arity(arity);
            }
            if (defaultValue != null) {
                builder.defaultValue(defaultValue);
            }
            if (fallbackValue != null) {
                builder.fallbackValue(fallbackValue);
            }
            return builder.build();
        }
    }

    private static Shared plain(String field, String... names) {
        return new Shared(field, names, null, false, null, null, false, false);
    }

    private static Shared many(String field, String... names) {
        return new Shared(field, names, "1..*", false, null, null, false, false);
    }

    private static Shared negatable(String field, String name) {
        return new Shared(field, new String[] {name}, null, true, null, null, false, false);
    }

    private static Shared hidden(String field, String name) {
        return new Shared(field, new String[] {name}, null, false, null, null, true, false);
    }

    /** SharedOptions' options, in its order. */
    private static final List<Shared> SHARED = List.of(
            plain("projectDir", "--project-dir"), plain("profilesDir", "--profiles-dir"), plain("profile", "--profile"),
            plain("target", "-t", "--target"), plain("vars", "--vars"), plain("threads", "--threads"),
            many("select", "-s", "--select", "-m", "--models", "--model"), many("exclude", "--exclude"),
            plain("selector", "--selector"), plain("resourceTypes", "--resource-type", "--resource-types"),
            plain("excludeResourceTypes", "--exclude-resource-type", "--exclude-resource-types"),
            plain("failFast", "-x", "--fail-fast"), hidden("noFailFast", "--no-fail-fast"),
            new Shared("partialParse", new String[] {"--partial-parse"}, null, true, "true", "true", false, false),
            plain("fullRefresh", "-f", "--full-refresh"), hidden("noFullRefresh", "--no-full-refresh"),
            plain("state", "--state"), negatable("defer", "--defer"), negatable("favorState", "--favor-state"),
            plain("deferState", "--defer-state"), plain("indirectSelection", "--indirect-selection"),
            plain("targetPath", "--target-path"), plain("logPath", "--log-path"), plain("logFormat", "--log-format"),
            negatable("useColors", "--use-colors"), plain("quiet", "-q", "--quiet"), plain("debug", "-d", "--debug"),
            hidden("printerWidth", "--printer-width"),
            new Shared("help", new String[] {"-h", "--help"}, null, false, null, null, false, true));

    /** A field of {@code owner} as picocli's getter and setter. */
    private static FieldAccess bound(Object owner, String field) throws NoSuchFieldException {
        return bound(owner, owner.getClass().getDeclaredField(field));
    }

    private static FieldAccess bound(Object owner, Field field) {
        field.setAccessible(true);
        return new FieldAccess(owner, field);
    }

    private record FieldAccess(Object owner, Field field) implements CommandLine.Model.IGetter,
            CommandLine.Model.ISetter {
        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            try {
                return (T) field.get(owner);
            } catch (IllegalAccessException e) {
                throw new CommandLine.PicocliException("cannot read " + field, e);
            }
        }

        @Override
        public <T> T set(T value) {
            try {
                T old = get();
                field.set(owner, value);
                return old;
            } catch (IllegalAccessException e) {
                throw new CommandLine.PicocliException("cannot set " + field, e);
            }
        }
    }
}
