package dev.sluice.core.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The invocation's flags as run_results.json {@code args} holds them (dbt's names, null values left out), and back:
 * {@code retry} rebuilds the previous invocation's options from them.
 */
final class RunArgs {
    private RunArgs() {
    }

    static Map<String, Object> of(InvocationOptions o, String targetName) {
        Map<String, Object> args = new LinkedHashMap<>();
        putList(args, "select", o.select());
        putList(args, "exclude", o.exclude());
        put(args, "selector", o.selector());
        putList(args, "resource_types", o.resourceTypes());
        putList(args, "exclude_resource_types", o.excludeResourceTypes());
        args.put("full_refresh", o.fullRefresh());
        args.put("fail_fast", o.failFast());
        put(args, "indirect_selection", o.indirectSelection());
        if (o.vars() != null && !o.vars().isEmpty()) {
            args.put("vars", o.vars());
        }
        put(args, "target", targetName);
        put(args, "threads", o.threads());
        put(args, "state", o.statePath() == null ? null : o.statePath().toString());
        args.put("defer", o.defer());
        args.put("favor_state", o.favorState());
        put(args, "defer_state", o.deferState() == null ? null : o.deferState().toString());
        return args;
    }

    /**
     * {@code options} with what the previous invocation used where {@code options} leaves it unset: target, threads,
     * vars, full refresh, fail fast, state and defer flags (as dbt's retry reuses the previous flags).
     */
    @SuppressWarnings("unchecked")
    static InvocationOptions reuse(InvocationOptions options, Map<String, Object> previous) {
        InvocationOptions.Builder b = options.toBuilder();
        if (options.target() == null && previous.get("target") instanceof String target) {
            b.target(target);
        }
        if (options.threads() == null && previous.get("threads") instanceof Number threads) {
            b.threads(threads.intValue());
        }
        if (options.vars().isEmpty() && previous.get("vars") instanceof Map<?, ?> vars) {
            b.vars((Map<String, Object>) vars);
        }
        b.fullRefresh(options.fullRefresh() || Boolean.TRUE.equals(previous.get("full_refresh")));
        b.failFast(options.failFast() || Boolean.TRUE.equals(previous.get("fail_fast")));
        if (options.statePath() == null && previous.get("state") instanceof String state) {
            b.statePath(Path.of(state));
        }
        if (options.deferState() == null && previous.get("defer_state") instanceof String state) {
            b.deferState(Path.of(state));
        }
        b.defer(options.defer() || Boolean.TRUE.equals(previous.get("defer")));
        b.favorState(options.favorState() || Boolean.TRUE.equals(previous.get("favor_state")));
        if (previous.get("indirect_selection") instanceof String mode && "eager".equals(options.indirectSelection())) {
            b.indirectSelection(mode);
        }
        return b.build();
    }

    private static void put(Map<String, Object> args, String key, Object value) {
        if (value != null) {
            args.put(key, value);
        }
    }

    private static void putList(Map<String, Object> args, String key, List<String> value) {
        if (value != null && !value.isEmpty()) {
            args.put(key, new ArrayList<>(value));
        }
    }
}
