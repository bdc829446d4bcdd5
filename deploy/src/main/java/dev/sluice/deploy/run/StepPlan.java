package dev.sluice.deploy.run;

import java.util.ArrayList;
import java.util.List;

/**
 * The steps of a run, numbered from 1: the source freshness step when the job asks for it, each command in order, then
 * the docs step when the job generates docs.
 */
public final class StepPlan {
    public static final String FRESHNESS = "sluice source freshness";
    public static final String DOCS = "sluice docs generate";

    private StepPlan() {
    }

    /** A planned step: its 1-based index, kind ("freshness", "command", "docs") and command line. */
    public record Planned(int index, String kind, String command) {
    }

    public static List<Planned> of(List<String> commands, boolean runFreshness, boolean generateDocs) {
        List<Planned> steps = new ArrayList<>();
        if (runFreshness) {
            steps.add(new Planned(steps.size() + 1, "freshness", FRESHNESS));
        }
        for (String command : commands) {
            steps.add(new Planned(steps.size() + 1, "command", command));
        }
        if (generateDocs) {
            steps.add(new Planned(steps.size() + 1, "docs", DOCS));
        }
        return steps;
    }
}
