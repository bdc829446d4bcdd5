package dev.sluice.testkit.conformance;

/**
 * The adapter conformance suite: what dbt's own basic adapter tests check, run through Sluice's engine on the
 * adapter under test. An adapter's test module subclasses it and supplies two things:
 *
 * <ul>
 *   <li>{@link #profileYaml(String, String)}: a profiles.yml pointing at a schema no other case uses;</li>
 *   <li>{@link #capabilities()}: what the adapter supports. A case needing a capability the adapter leaves out is
 *   reported as not applicable, with the capability's name, instead of failing.</li>
 * </ul>
 *
 * <p>The cases live in {@link MaterializationCases} (view, table, ephemeral, switching by a var, empty project,
 * adapter methods), {@link TestCases} (singular, generic, build order) and {@link ExecutionCases} (a failing model
 * keeps the old relation, hooks, threads, fail-fast) {@link StatefulCases} (incremental models, snapshots) and
 * {@link IncrementalCases} (append semantics, append_new_columns, full refresh, nothing left beside). Every case builds its own project in a fresh folder and queries
 * the warehouse only through the engine ({@code show --inline}, {@code run-operation}).
 */
public abstract class AdapterConformanceSuite extends IncrementalCases {
}
