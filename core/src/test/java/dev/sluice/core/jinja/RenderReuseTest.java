package dev.sluice.core.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.project.EnvVars;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What one engine shares between renders (parsed templates, macro namespaces, context functions) never leaks. */
class RenderReuseTest {
    private final JinjaEngine engine = new JinjaEngine();
    private final MacroLibrary macros = engine.parseMacros("proj", List.of(new MacroSource("proj", "macros/m.sql",
            "{% macro twice(x) %}{{ x }}{{ x }}{% endmacro %}{% macro ref(name) %}macro-ref{% endmacro %}")));

    private Map<String, Object> context(Object x) {
        Map<String, Object> context = new LinkedHashMap<>(ContextFunctions.base(
                name -> name.equals("x") ? x : ContextFunctions.MISSING, new EnvVars(Map.of()), text -> { }, null));
        context.put("ref", DbtFunction.of("ref", args -> "fn-ref(" + args.get(0, "name") + ")"));
        return context;
    }

    private String render(String template, Object x) {
        return engine.render(template, context(x), macros, "proj", "models/m.sql", new RenderSession());
    }

    @Test
    void aTemplateRenderedAgainSeesItsNewContext() {
        String template = "{% set y = var('x') %}{{ twice(y) }}{% if y == 1 %} one{% endif %}";
        assertThat(render(template, 1)).isEqualTo("11 one");
        assertThat(render(template, 2)).isEqualTo("22");
        assertThat(render(template, 1)).isEqualTo("11 one");
    }

    @Test
    void aFaultyTemplateFailsEveryTimeItIsRendered() {
        String template = "line one\n{% if var('x') %}never closed";
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> render(template, 1)).isInstanceOf(SluiceException.class)
                    .hasMessageContaining("if");
        }
    }

    @Test
    void aMacroDefinedInTheTemplateWinsOverAContextFunctionWhichWinsOverTheLibrary() {
        assertThat(render("{{ ref('a') }}", 1)).isEqualTo("fn-ref(a)");
        assertThat(render("{% macro ref(n) %}own-ref{% endmacro %}{{ ref('a') }}", 1)).isEqualTo("own-ref");
        assertThat(render("{{ ref('a') }}", 1)).isEqualTo("fn-ref(a)");
        assertThat(render("{% set f = twice %}{{ f('z') }}", 1)).isEqualTo("zz");
    }

    @Test
    void packageNamespacesAndSharedModulesAreReadOnly() {
        assertThatThrownBy(() -> render("{% do proj.update({'twice': 1}) %}", 1)).isInstanceOf(SluiceException.class);
        assertThatThrownBy(() -> render("{% do modules.update({'re': 1}) %}", 1)).isInstanceOf(SluiceException.class);
        assertThat(render("{{ proj.twice('q') }}", 1)).isEqualTo("qq");
    }

    @Test
    void rendersOnManyThreadsLeaveNothingInTheEnginesGlobalContext() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int n = i;
                results.add(pool.submit(() -> render("{{ twice(var('x')) }}-{{ ref('m" + n + "') }}", n)));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(i + "" + i + "-fn-ref(m" + i + ")");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(engine.globalContext().getResolvedExpressions()).isEmpty();
        assertThat(engine.globalContext().getResolvedValues()).isEmpty();
        assertThat(engine.globalContext().getResolvedFunctions()).isEmpty();
    }
}
