package dev.sluice.core.unittest;

import dev.sluice.core.compile.CompiledNode;
import dev.sluice.core.compile.CteInjector;
import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.errors.SourceLocation;
import dev.sluice.core.jinja.ContextFunctions;
import dev.sluice.core.jinja.JinjaEngine;
import dev.sluice.core.jinja.NodeContext;
import dev.sluice.core.jinja.RenderSession;
import dev.sluice.core.manifest.Manifest;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.ResourceType;
import dev.sluice.core.manifest.UnitTestDefinition;
import dev.sluice.core.manifest.parse.NodeDicts;
import dev.sluice.core.manifest.parse.ParsedProject;
import dev.sluice.core.project.EnvVars;
import dev.sluice.spi.Adapter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Compiles a unit test: renders its model with {@code ref}/{@code source}/{@code this} pointing at CTEs of the given
 * rows, and with the overridden macros, vars and env vars; then puts those CTEs in front of the model's SQL. Checks
 * first that every ref and source the model reads has a {@code given} input.
 */
public final class UnitTestCompiler {
    private final ParsedProject parsed;
    private final JinjaEngine jinja;
    private final NodeContext.Invocation invocation;
    private final Supplier<Adapter> adapter;

    public UnitTestCompiler(ParsedProject parsed, JinjaEngine jinja, NodeContext.Invocation invocation,
                            Supplier<Adapter> adapter) {
        this.parsed = parsed;
        this.jinja = jinja;
        this.invocation = invocation;
        this.adapter = adapter;
    }

    public UnitTestSql compile(Node unitTest) {
        UnitTestDefinition definition = unitTest.unitTest;
        Node model = testedModel(unitTest);
        Map<String, GivenInput> given = givenInputs(unitTest, definition);
        checkInputs(unitTest, model, given);
        UnitTestDefinition.Overrides overrides = definition.overrides();
        UnitTestHost host = new UnitTestHost(model, given.keySet(), MacroOverrides.incremental(overrides.macros()),
                adapter, parsed.dispatchOrder());
        Map<String, Object> context = NodeContext.build(withEnv(overrides.envVars()), host,
                withVars(model, overrides.vars()), NodeDicts.of(model), unitTest.describe());
        MacroOverrides.apply(overrides.macros(), context, parsed.macros());
        String sql;
        try {
            sql = jinja.render(model.rawCode, context, parsed.macros(), model.packageName, model.originalFilePath,
                    new RenderSession());
        } catch (SluiceException e) {
            throw e.at(unitTest.describe(), SourceLocation.of(model.originalFilePath));
        }
        List<CompiledNode.InjectedCte> fixtures = new ArrayList<>();
        InputColumns columns = new InputColumns(parsed.manifest(), adapter.get());
        for (GivenInput input : given.values()) {
            String cte = input.ref().cteName();
            fixtures.add(new CompiledNode.InjectedCte(cte, cte, fixtureSql(input, model, unitTest, columns)));
        }
        return new UnitTestSql(model, CteInjector.inject(withoutSemicolon(sql), fixtures), List.copyOf(fixtures));
    }

    private Node testedModel(Node unitTest) {
        Manifest manifest = parsed.manifest();
        Node model = unitTest.dependsOnNodes.stream().map(manifest.nodes::get)
                .filter(n -> n != null && n.resourceType == ResourceType.MODEL).findFirst()
                .orElseThrow(() -> fail(unitTest, "Unit test '" + unitTest.name + "' tests '"
                        + unitTest.unitTest.model() + "', which is not a model of this project"));
        if (!"sql".equals(model.language)) {
            throw fail(unitTest, "Unit test '" + unitTest.name + "': unit tests only test SQL models, and '"
                    + model.name + "' is a " + model.language + " model");
        }
        return model;
    }

    private static Map<String, GivenInput> givenInputs(Node unitTest, UnitTestDefinition definition) {
        Map<String, GivenInput> given = new LinkedHashMap<>();
        for (UnitTestDefinition.Given entry : definition.given()) {
            InputRef ref = InputRef.parse(entry.input());
            if (ref == null) {
                throw fail(unitTest, "Unit test given inputs must be either a 'ref', 'source' or 'this' call. Got: '"
                        + entry.input() + "'");
            }
            if (given.put(ref.key(), new GivenInput(ref, entry.fixture())) != null) {
                throw fail(unitTest, "Unit test '" + unitTest.name + "' gives " + ref.describe() + " twice");
            }
        }
        return given;
    }

    /** Every ref and source the model read while parsing needs rows; name all that lack them at once. */
    private static void checkInputs(Node unitTest, Node model, Map<String, GivenInput> given) {
        List<String> missing = new ArrayList<>();
        for (List<String> ref : model.refs) {
            InputRef input = InputRef.ref(ref.size() > 1 ? ref.get(0) : null, ref.get(ref.size() - 1));
            if (!given.containsKey(input.key())) {
                missing.add(input.describe());
            }
        }
        for (List<String> source : model.sources) {
            InputRef input = InputRef.source(source.get(0), source.get(1));
            if (!given.containsKey(input.key())) {
                missing.add(input.describe());
            }
        }
        if (!missing.isEmpty()) {
            throw fail(unitTest, "Unit test '" + unitTest.name + "' of model '" + model.name + "' has no 'given' rows for "
                    + String.join(", ", missing) + "; every ref and source the model reads needs a 'given' input");
        }
    }

    private String fixtureSql(GivenInput input, Node model, Node unitTest, InputColumns columns) {
        String what = "given " + input.ref().describe() + " of unit test '" + unitTest.name + "'";
        if (FixtureRows.isSql(input.fixture())) {
            return FixtureRows.sql(input.fixture());
        }
        FixtureRows rows = FixtureRows.of(input.fixture(), what);
        List<TypedColumn> typed = columns.of(input.ref(), model, rows, unitTest.name);
        return FixtureSql.select(typed, rows.rows(), adapter.get().dialect());
    }

    private NodeContext.Invocation withEnv(Map<String, Object> envOverrides) {
        if (envOverrides.isEmpty()) {
            return invocation;
        }
        Map<String, String> env = new LinkedHashMap<>(invocation.env().values());
        envOverrides.forEach((k, v) -> env.put(k, v == null ? null : SqlValues.text(v)));
        return new NodeContext.Invocation(invocation.macros(), invocation.adapterType(), invocation.dialect(),
                invocation.target(), new EnvVars(env), invocation.logger(), invocation.invocationId(),
                invocation.runStartedAt(), invocation.flags(), invocation.projectName());
    }

    private ContextFunctions.VarLookup withVars(Node model, Map<String, Object> varOverrides) {
        ContextFunctions.VarLookup base = parsed.vars().forPackage(model.packageName);
        return name -> varOverrides.containsKey(name) ? varOverrides.get(name) : base.lookup(name);
    }

    private static String withoutSemicolon(String sql) {
        String text = sql.strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return text;
    }

    private static SluiceException fail(Node unitTest, String message) {
        return new SluiceException(ErrorCode.COMPILATION, message,
                SourceLocation.of(unitTest.originalFilePath, unitTest.line), unitTest.describe(), null);
    }

    private record GivenInput(InputRef ref, UnitTestDefinition.Fixture fixture) {
    }
}
