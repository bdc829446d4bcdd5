package dev.sluice.deploy;

import dev.sluice.deploy.model.Environment;
import dev.sluice.deploy.model.Job;
import dev.sluice.deploy.model.Run;
import dev.sluice.deploy.model.RunStep;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Plain-text views of deploy objects (tables of runs, steps, jobs, environments) for the CLI and the demo. */
public final class Reports {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final Deploy deploy;
    private final ZoneId zone;

    public Reports(Deploy deploy, ZoneId zone) {
        this.deploy = deploy;
        this.zone = zone;
    }

    /** Columns padded to their widest cell, two spaces apart. */
    public static List<String> table(List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    public String time(Instant at) {
        return at == null ? "-" : TIME.format(at.atZone(zone));
    }

    public static String duration(Duration d) {
        if (d == null) {
            return "-";
        }
        double seconds = d.toMillis() / 1000.0;
        return seconds < 60 ? String.format(Locale.ROOT, "%.1fs", seconds)
                : String.format(Locale.ROOT, "%dm%02ds", d.toMinutes(), d.toSecondsPart());
    }

    public List<String> runs(List<Run> runs) {
        Instant now = deploy.config().clock().instant();
        List<List<String>> rows = new ArrayList<>();
        for (Run r : runs) {
            rows.add(List.of(String.valueOf(r.id()), deploy.jobs().get(r.jobId()).name(), r.status().key(),
                    r.cause().key(), r.shortSha(), time(r.startedAt()), duration(r.duration(now))));
        }
        return table(List.of("ID", "JOB", "STATUS", "CAUSE", "COMMIT", "STARTED", "DURATION"), rows);
    }

    public List<String> steps(long runId) {
        List<List<String>> rows = new ArrayList<>();
        for (RunStep s : deploy.runs().steps(runId)) {
            rows.add(List.of(String.valueOf(s.index()), s.command(), s.status().key(), duration(s.duration()),
                    s.statusMessage() == null ? "" : s.statusMessage()));
        }
        return table(List.of("STEP", "COMMAND", "STATUS", "DURATION", "MESSAGE"), rows);
    }

    public List<String> run(Run r) {
        List<String> lines = new ArrayList<>();
        Job job = deploy.jobs().get(r.jobId());
        Environment env = deploy.environments().get(r.environmentId());
        lines.add("Run " + r.id() + " of job '" + job.name() + "' in environment '" + env.name() + "': "
                + r.status().key());
        lines.add("  cause:     " + r.cause().key() + (r.causeDetail() == null ? "" : " (" + r.causeDetail() + ")"));
        lines.add("  commit:    " + (r.gitSha() == null ? "-" : r.gitSha()) + (r.gitBranch() == null ? ""
                : " on " + r.gitBranch()));
        lines.add("  queued:    " + time(r.queuedAt()));
        lines.add("  started:   " + time(r.startedAt()));
        lines.add("  finished:  " + time(r.finishedAt()) + "  (" + duration(r.duration(deploy.config().clock()
                .instant())) + ")");
        if (r.retryOfRunId() != null) {
            lines.add("  retry of:  run " + r.retryOfRunId() + ", from step " + r.firstStep());
        }
        if (r.statusMessage() != null) {
            lines.add("  message:   " + r.statusMessage());
        }
        lines.add("");
        steps(r.id()).forEach(l -> lines.add("  " + l));
        var artifacts = deploy.runs().artifacts(r.id());
        if (!artifacts.isEmpty()) {
            lines.add("");
            lines.add("  artifacts: " + String.join(", ", artifacts.stream()
                    .map(a -> "step " + a.step() + " " + a.path()).toList()));
        }
        return lines;
    }

    public List<String> jobs(List<Job> jobs) {
        List<List<String>> rows = new ArrayList<>();
        for (Job j : jobs) {
            rows.add(List.of(String.valueOf(j.id()), j.name(), deploy.environments().get(j.environmentId()).name(),
                    String.join("; ", j.commands()) + (j.execution().generateDocs() ? " (+docs)" : ""),
                    triggers(j)));
        }
        return table(List.of("ID", "NAME", "ENVIRONMENT", "COMMANDS", "TRIGGERS"), rows);
    }

    public String triggers(Job j) {
        List<String> t = new ArrayList<>();
        if (j.triggers().cron() != null) {
            t.add("cron '" + j.triggers().cron() + "' " + j.triggers().timeZone());
        }
        if (j.triggers().onCommit()) {
            t.add("on commit");
        }
        if (j.triggers().completionOfJobId() != null) {
            t.add("after " + deploy.jobs().get(j.triggers().completionOfJobId()).name() + " "
                    + j.triggers().completionStatuses().stream().map(s -> s.key()).toList());
        }
        return t.isEmpty() ? "run now only" : String.join(", ", t);
    }

    public List<String> job(Job j) {
        List<String> lines = new ArrayList<>();
        var x = j.execution();
        lines.add("Job " + j.id() + ": " + j.name());
        lines.add("  environment:     " + deploy.environments().get(j.environmentId()).name());
        lines.add("  commands:");
        for (int i = 0; i < j.commands().size(); i++) {
            lines.add("    " + (i + 1) + ". " + j.commands().get(i));
        }
        lines.add("  generate docs:   " + x.generateDocs());
        lines.add("  source freshness first: " + x.runFreshness());
        lines.add("  defer to:        " + (x.deferToJobId() != null ? "job " + deploy.jobs().get(x.deferToJobId()).name()
                : x.deferToEnvironmentId() != null ? "environment "
                        + deploy.environments().get(x.deferToEnvironmentId()).name() : "-"));
        lines.add("  threads:         " + (x.threads() == null ? "(environment's)" : x.threads()));
        lines.add("  timeout:         " + (x.timeoutSeconds() == null || x.timeoutSeconds() == 0 ? "none"
                : x.timeoutSeconds() + "s"));
        lines.add("  triggers:        " + triggers(j));
        return lines;
    }

    public List<String> environments(List<Environment> envs) {
        List<List<String>> rows = new ArrayList<>();
        for (Environment e : envs) {
            rows.add(List.of(String.valueOf(e.id()), e.name(), e.describeKind(), e.isDeployment() ? e.branch()
                    : "(current branch)", e.schema() == null ? "-" : e.schema(), connection(e)));
        }
        return table(List.of("ID", "NAME", "KIND", "BRANCH", "SCHEMA", "CONNECTION"), rows);
    }

    public static String connection(Environment e) {
        return e.profileTarget() != null ? "profiles.yml target '" + e.profileTarget() + "'"
                : e.connection().toString();
    }

    public List<String> environment(Environment e) {
        List<String> lines = new ArrayList<>();
        lines.add("Environment " + e.id() + ": " + e.name());
        lines.add("  kind:        " + e.describeKind());
        lines.add("  git branch:  " + (e.isDeployment() ? e.branch() : "the developer's current branch"));
        lines.add("  connection:  " + connection(e));
        lines.add("  deployment credentials:");
        lines.add("    schema:    " + (e.schema() == null ? "(the connection's)" : e.schema())
                + (e.isDeployment() ? "" : "  (prefix: builds go to <prefix>_<branch>)"));
        lines.add("    user:      " + (e.user() == null ? "-" : e.user()));
        lines.add("    password:  " + (e.password() == null ? "-" : Environment.MASK));
        lines.add("  target name: " + (e.targetName() == null ? "(default)" : e.targetName()));
        lines.add("  threads:     " + (e.threads() == null ? "(the connection's)" : e.threads()));
        Map<String, String> vars = e.shownVariables();
        lines.add("  environment variables:" + (vars.isEmpty() ? " none" : ""));
        vars.forEach((k, v) -> lines.add("    " + k + "=" + v));
        return lines;
    }
}
