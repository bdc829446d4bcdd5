package dev.sluice.cli;

import dev.sluice.core.events.Event;
import dev.sluice.core.execute.NodeResult;
import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Synthetic node results and the events an engine would send for them. */
final class Samples {
    private Samples() {
    }

    static final Instant T = Instant.parse("2024-05-01T12:00:01Z");

    static NodeResult result(String id, NodeStatus status, String message, Long failures, double seconds) {
        return new NodeResult(id, status, message, T, T, seconds, "Thread-1", failures, Map.of(), null, null);
    }

    static RunResults results(NodeResult... rs) {
        return new RunResults("build", T, 1.23, List.of(rs), List.of());
    }

    /** RunStarted, a NodeStarted/NodeFinished pair per result, RunFinished. */
    static List<Event> eventsFor(RunResults rr, Map<String, String> descriptions, Map<String, String> summaries) {
        List<Event> events = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("seed", 1);
        counts.put("model", 2);
        counts.put("data test", 2);
        int total = rr.results().size();
        events.add(new Event.RunStarted(T, rr.command(), total, counts, 4, "dev"));
        int i = 0;
        for (NodeResult r : rr.results()) {
            i++;
            String d = descriptions.get(r.uniqueId());
            if (r.status() != NodeStatus.SKIPPED) {
                events.add(new Event.NodeStarted(T, i, total, r.uniqueId(), d));
            }
            events.add(new Event.NodeFinished(T, i, total, r, d, summaries.get(r.uniqueId())));
        }
        events.add(new Event.RunFinished(T, rr));
        return events;
    }

    /** 1 seed, 2 models (one skipped), 2 tests (one failing). */
    static RunResults mixedBuild() {
        return results(
                result("seed.shop.raw_customers", NodeStatus.SUCCESS, "INSERT 100", null, 0.12),
                result("model.shop.customers", NodeStatus.SUCCESS, "OK", null, 0.05),
                result("test.shop.not_null_customers_id.a1b2", NodeStatus.PASS, null, 0L, 0.02),
                result("test.shop.unique_customers_id.c3d4", NodeStatus.FAIL,
                        "Got 3 results, configured to fail if != 0", 3L, 0.03),
                result("model.shop.orders", NodeStatus.SKIPPED, "skipped", null, 0.0));
    }

    static Map<String, String> mixedDescriptions() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("seed.shop.raw_customers", "seed file main.raw_customers");
        d.put("model.shop.customers", "sql table model main.customers");
        d.put("test.shop.not_null_customers_id.a1b2", "test not_null_customers_id");
        d.put("test.shop.unique_customers_id.c3d4", "test unique_customers_id");
        d.put("model.shop.orders", "sql view model main.orders");
        return d;
    }

    static Map<String, String> mixedSummaries() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("seed.shop.raw_customers", "INSERT 100");
        s.put("model.shop.customers", "OK");
        return s;
    }
}
