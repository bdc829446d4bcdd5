/**
 * State: comparing with a previous invocation's artifacts (a {@code --state} folder).
 *
 * <ul>
 *   <li>{@link dev.sluice.core.state.StateManifest} reads a manifest.json (Sluice's or dbt's v12), or turns the
 *       current manifest into the same form; {@link dev.sluice.core.state.PreviousRun} reads run_results.json (v6);
 *       {@link dev.sluice.core.state.PreviousState} is the folder, read lazily.</li>
 *   <li>{@link dev.sluice.core.state.StateComparator} holds dbt's rules for {@code state:new}/{@code modified} and
 *       the {@code modified.body|configs|relation|persisted_descriptions|macros|contract} sub-selectors.</li>
 *   <li>{@link dev.sluice.core.state.StateSelection} binds the {@code state:} and {@code result:} selector methods.</li>
 *   <li>{@link dev.sluice.core.state.StateDeferResolver} is {@code --defer}/{@code --favor-state} for
 *       {@link dev.sluice.core.compile.DeferResolver}.</li>
 * </ul>
 * {@code retry} and {@code clone} are commands in {@code dev.sluice.core.api} built on these.
 */
package dev.sluice.core.state;
