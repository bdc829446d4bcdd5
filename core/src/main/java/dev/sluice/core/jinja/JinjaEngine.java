package dev.sluice.core.jinja;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.InterpretException;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.fn.MacroFunction;
import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.errors.SourceLocation;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sluice's one Jinja engine (Jinjava configured to behave like Python's Jinja2 as dbt uses it). Holds Jinjava's own
 * immutable configuration and the parsed templates ({@link TemplateCache}), so one instance serves every thread and
 * a text rendered twice (parse render, then runtime render) is parsed once.
 */
public final class JinjaEngine {
    private final java.util.concurrent.atomic.AtomicReference<Setup> setup = new java.util.concurrent.atomic.AtomicReference<>();
    private final TemplateCache templates = new TemplateCache();

    /**
     * Jinjava configured, with Sluice's filters. Building the first one in a process costs a few hundred milliseconds
     * of class loading (Jinjava, its filters, Guava, Jackson), so an engine builds its own on first use only: many
     * commands on a cached parse never render anything.
     */
    private record Setup(Jinjava jinjava, JinjavaConfig config) {
        static Setup build() {
            LegacyOverrides pythonLike = LegacyOverrides.newBuilder()
                    .withEvaluateMapKeys(true)
                    .withIterateOverMapKeys(true)
                    .withUsePyishObjectMapper(true)
                    .withUseSnakeCasePropertyNaming(true)
                    .withUseNaturalOperatorPrecedence(true)
                    .withParseWhitespaceControlStrictly(true)
                    .withAllowAdjacentTextNodes(true)
                    .withUseTrimmingForNotesAndExpressions(true)
                    .withKeepNullableLoopValues(true)
                    .build();
            JinjavaConfig config = JinjavaConfig.newBuilder()
                    .withLegacyOverrides(pythonLike)
                    .withEnableRecursiveMacroCalls(true)
                    .withMaxMacroRecursionDepth(200)
                    .withFailOnUnknownTokens(false)
                    .withMaxOutputSize(512L * 1024 * 1024)
                    .withElResolver(pythonResolver())
                    .build();
            Jinjava jinjava = new Jinjava(config);
            PythonFilters.register(jinjava);
            return new Setup(jinjava, config);
        }
    }

    /** A set-up being built ahead by {@link #prepareAhead}, for the next engine that needs one. */
    private static final java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Setup>>
            AHEAD = new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * Starts building a set-up on a daemon thread of its own, while the caller goes on (a CLI reading its command
     * line): the first engine to need one takes it, waiting for it if it is not ready, rather than build another at
     * the same time (two threads never initialize Jinjava's classes at once). Nothing waits for it otherwise.
     */
    public static void prepareAhead() {
        java.util.concurrent.CompletableFuture<Setup> future = new java.util.concurrent.CompletableFuture<>();
        if (!AHEAD.compareAndSet(null, future)) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                future.complete(Setup.build());
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        }, "sluice-jinja-setup");
        thread.setDaemon(true);
        thread.start();
    }

    private Setup setup() {
        Setup known = setup.get();
        if (known != null) {
            return known;
        }
        synchronized (setup) {
            if (setup.get() == null) {
                setup.set(adoptOrBuild());
            }
            return setup.get();
        }
    }

    private static Setup adoptOrBuild() {
        java.util.concurrent.CompletableFuture<Setup> ahead = AHEAD.getAndSet(null);
        if (ahead != null) {
            try {
                return ahead.join();
            } catch (java.util.concurrent.CompletionException e) {
                // built again below, where its error (if any) surfaces on the caller's thread
            }
        }
        return Setup.build();
    }

    private Jinjava jinjava() {
        return setup().jinjava();
    }

    private JinjavaConfig config() {
        return setup().config();
    }

    public JinjaEngine() {
    }

    /** Python's str and dict methods first, then Jinjava's own (read-only) resolvers. */
    private static jinjava.javax.el.ELResolver pythonResolver() {
        jinjava.javax.el.CompositeELResolver resolver = new jinjava.javax.el.CompositeELResolver();
        resolver.add(new PythonMethods());
        resolver.add(com.hubspot.jinjava.el.JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_ONLY);
        return resolver;
    }

    /** Parses every macro file once; the result is shared by all later renders. */
    public MacroLibrary parseMacros(String rootPackage, List<MacroSource> sources) {
        return new MacroLibrary(rootPackage, macrosByPackage(sources));
    }

    /**
     * Like {@link #parseMacros}, but the macros are parsed on first use: for a manifest from the parse cache, whose
     * macros parsed cleanly when it was made and which a command like {@code parse} or {@code ls} never calls.
     */
    public MacroLibrary lazyMacros(String rootPackage, List<MacroSource> sources) {
        return lazyMacros(rootPackage, sources, null);
    }

    /**
     * Lazy macros whose names are known without parsing them ({@code names}: package -> macro names, as found by
     * scanning the same sources): questions about which macro a name means are then answered without Jinja.
     */
    public MacroLibrary lazyMacros(String rootPackage, List<MacroSource> sources,
                                   java.util.function.Supplier<Map<String, java.util.Set<String>>> names) {
        List<MacroSource> copy = List.copyOf(sources);
        return new MacroLibrary(rootPackage, () -> macrosByPackage(copy), names);
    }

    /**
     * Lazy macros parsed one file at a time, as a render first looks one of a file's macros up ({@link MacroFiles}):
     * {@code definedIn} gives, per package, each macro's file as an index into {@code sources}, as found by scanning
     * them; the sources are asked for when first needed. For macros known to parse (those of a cached parse); a file's syntax error surfaces only when one of its
     * macros is looked up.
     */
    public MacroLibrary macrosByFile(String rootPackage, java.util.function.Supplier<List<MacroSource>> sources,
                                     java.util.function.Supplier<Map<String, Map<String, Integer>>> definedIn) {
        return macrosByFile(rootPackage, sources, definedIn, null);
    }

    /**
     * As {@link #macrosByFile(String, java.util.function.Supplier, java.util.function.Supplier)}, with the macros'
     * names known already ({@code names}: package -> names, as a cached parse stored them), so that
     * {@link MacroLibrary#isBuiltInDispatch} reads neither the files nor their scan.
     */
    public MacroLibrary macrosByFile(String rootPackage, java.util.function.Supplier<List<MacroSource>> sources,
                                     java.util.function.Supplier<Map<String, Map<String, Integer>>> definedIn,
                                     java.util.function.Supplier<Map<String, java.util.Set<String>>> names) {
        return new MacroLibrary(rootPackage, new MacroFiles(sources, this::parseMacroFile, definedIn), names);
    }

    private Map<String, Map<String, DbtMacroFunction>> macrosByPackage(List<MacroSource> sources) {
        Map<String, Map<String, DbtMacroFunction>> byPackage = new LinkedHashMap<>();
        for (MacroSource source : sources) {
            byPackage.computeIfAbsent(source.packageName(), k -> new LinkedHashMap<>()).putAll(parseMacroFile(source));
        }
        return byPackage;
    }

    /** The macros one file defines, by name, in the order it defines them. */
    private Map<String, DbtMacroFunction> parseMacroFile(MacroSource source) {
        String text = CallChains.rewrite(KeywordArguments.rewrite(
                MacroDefaults.rewrite(JinjaBlocks.macroFileToJinja(source.text()))));
        Context context = new Context(jinjava().getGlobalContext(), Map.of(), config().getDisabled());
        JinjavaInterpreter interpreter = new PythonInterpreter(jinjava(), context, config());
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            interpreter.render(text);
        } catch (InterpretException e) {
            throw syntaxError(source.originalFilePath(), e.getLineNumber(), e.getMessage());
        } finally {
            JinjavaInterpreter.popCurrent();
        }
        for (TemplateError error : interpreter.getErrorsCopy()) {
            if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
                throw syntaxError(source.originalFilePath(), error.getLineno(), error.getMessage());
            }
        }
        Map<String, DbtMacroFunction> macros = new LinkedHashMap<>();
        for (Map.Entry<String, MacroFunction> entry : interpreter.getContext().getGlobalMacros().entrySet()) {
            macros.put(entry.getKey(), new DbtMacroFunction(entry.getValue(), entry.getKey(), source.packageName()));
        }
        return macros;
    }

    /** Jinjava's context every render descends from (for tests: renders must leave nothing in it). */
    Context globalContext() {
        return jinjava().getGlobalContext();
    }

    /** Renders text that may not call macros (dbt_project.yml, profiles.yml) with the given context. */
    public String renderPlain(String template, Map<String, Object> variables, String file) {
        return render(template, variables, new MacroLibrary(null, Map.of()), null, file, new RenderSession());
    }

    private static SluiceException syntaxError(String file, int line, String message) {
        return new SluiceException(ErrorCode.JINJA_SYNTAX, message, SourceLocation.of(file, Math.max(line, 0)));
    }

    /**
     * Renders one template. {@code variables} is the dbt context of the node (functions and values); macros visible
     * from {@code packageName} are callable by name and every package is a namespace ({@code dbt_utils.star(...)}).
     * Any error becomes a {@link SluiceException} naming {@code file} and the line.
     */
    public String render(String template, Map<String, Object> variables, MacroLibrary macros, String packageName,
                         String file, RenderSession session) {
        Map<String, Object> bindings = new LinkedHashMap<>(variables);
        for (String pkg : macros.packages()) {
            if (!bindings.containsKey(pkg) || pkg.equals(MacroLibrary.INTERNAL_PACKAGE)) {
                bindings.put(pkg, macros.namespace(pkg));
            }
        }
        bindings.put(RenderSession.CONTEXT_KEY, session);
        Map<String, DbtFunction> functions = new HashMap<>();
        for (Object value : variables.values()) {
            if (value instanceof DbtFunction function) {
                functions.put(function.getName(), function);
            }
        }
        Context context = new RenderContext(jinjava().getGlobalContext(), bindings, config().getDisabled(), functions,
                macros.visibleFrom(packageName));
        JinjavaInterpreter interpreter = new PythonInterpreter(jinjava(), context, config());
        String output;
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            output = interpreter.render(templates.tree(template, interpreter));
        } catch (InterpretException e) {
            throw failure(session, file, e.getLineNumber(), e.getMessage(), ErrorCode.JINJA_SYNTAX);
        } finally {
            JinjavaInterpreter.popCurrent();
        }
        if (session.fatal() != null) {
            throw asSluice(session.fatal(), file, 0);
        }
        for (TemplateError error : interpreter.getErrorsCopy()) {
            if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
                ErrorCode code = error.getReason() == TemplateError.ErrorReason.SYNTAX_ERROR
                        || error.getReason() == TemplateError.ErrorReason.MISSING
                        || error.getReason() == TemplateError.ErrorReason.UNKNOWN
                        ? ErrorCode.JINJA_SYNTAX : ErrorCode.JINJA_RENDER;
                throw failure(session, file, error.getLineno(), error.getMessage(), code);
            }
        }
        return output;
    }

    private static SluiceException failure(RenderSession session, String file, int line, String message, ErrorCode code) {
        if (session.fatal() != null) {
            return asSluice(session.fatal(), file, line);
        }
        return new SluiceException(code, JinjaMessages.clean(message), SourceLocation.of(file, Math.max(line, 0)));
    }

    private static SluiceException asSluice(RuntimeException error, String file, int line) {
        if (error instanceof SluiceException sluice) {
            return sluice.location() == null ? sluice.at(null, SourceLocation.of(file, line)) : sluice;
        }
        return new SluiceException(ErrorCode.COMPILATION, error.getMessage(), SourceLocation.of(file, Math.max(line, 0)),
                null, error);
    }
}
