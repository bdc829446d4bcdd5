package dev.sluice.deploy.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A job being created or edited; validated when saved. */
public final class JobDraft {
    public String name;
    public long environmentId;
    public List<String> commands = new ArrayList<>();
    public boolean generateDocs;
    public boolean runFreshness;
    public Long deferToEnvironmentId;
    public Long deferToJobId;
    public Integer threads;
    public Integer timeoutSeconds;
    public String cron;
    public String timeZone;
    public boolean onCommit;
    public Long completionOfJobId;
    public Set<RunStatus> completionStatuses = new LinkedHashSet<>();

    public JobDraft(String name, long environmentId) {
        this.name = name;
        this.environmentId = environmentId;
    }

    public JobDraft commands(String... lines) { commands = new ArrayList<>(List.of(lines)); return this; }
    public JobDraft generateDocs(boolean v) { generateDocs = v; return this; }
    public JobDraft runFreshness(boolean v) { runFreshness = v; return this; }
    public JobDraft threads(Integer v) { threads = v; return this; }
    public JobDraft timeoutSeconds(Integer v) { timeoutSeconds = v; return this; }
    public JobDraft cron(String expression, String zone) { cron = expression; timeZone = zone; return this; }
    public JobDraft onCommit(boolean v) { onCommit = v; return this; }
    public JobDraft deferToJob(Long v) { deferToJobId = v; return this; }
    public JobDraft deferToEnvironment(Long v) { deferToEnvironmentId = v; return this; }

    public JobDraft onCompletionOf(long jobId, RunStatus... statuses) {
        completionOfJobId = jobId;
        completionStatuses = new LinkedHashSet<>(List.of(statuses));
        return this;
    }
}
