package dev.sluice.server;

import static dev.sluice.server.Html.badge;
import static dev.sluice.server.Html.esc;
import static dev.sluice.server.Html.link;

import dev.sluice.deploy.Deploy;
import dev.sluice.deploy.DeployException;
import dev.sluice.deploy.model.Artifact;
import dev.sluice.deploy.model.DeploymentType;
import dev.sluice.deploy.model.Environment;
import dev.sluice.deploy.model.Job;
import dev.sluice.deploy.model.LogLine;
import dev.sluice.deploy.model.Run;
import dev.sluice.deploy.model.RunCause;
import dev.sluice.deploy.model.RunStep;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The run pages of the web UI: a run table, a run's page, and the part of it the script refreshes. */
final class RunPages {
    private final Deploy deploy;

    RunPages(Deploy deploy) {
        this.deploy = deploy;
    }


    String runTable(List<Run> runs) {
        if (runs.isEmpty()) {
            return "<p id=\"no-runs\">No runs yet.</p>";
        }
        StringBuilder b = new StringBuilder("<table class=\"runs\" id=\"runs\"><tr><th>Run</th><th>Status</th>"
                + "<th>Job</th><th>Cause</th><th>Commit</th><th>Started</th><th>Duration</th></tr>");
        var now = deploy.config().clock().instant();
        for (Run r : runs) {
            String jobName;
            try {
                jobName = deploy.jobs().get(r.jobId()).name();
            } catch (DeployException e) {
                jobName = "#" + r.jobId();
            }
            b.append("<tr><td>").append(link("/deploy/runs/" + r.id(), "#" + r.id())).append("</td><td>")
                    .append(badge(r.status().key())).append("</td><td>").append(esc(jobName)).append("</td><td>")
                    .append(esc(r.cause().key())).append(r.causeDetail() == null ? "" : ": " + esc(r.causeDetail()))
                    .append("</td><td><code>").append(esc(r.shortSha())).append("</code></td><td>")
                    .append(esc(Html.time(r.startedAt()))).append("</td><td>")
                    .append(esc(Html.duration(r.duration(now)))).append("</td></tr>");
        }
        return b + "</table>";
    }

    String runPage(Run r) {
        Job j = deploy.jobs().get(r.jobId());
        String crumbs = link("/deploy/jobs", "Jobs") + " / " + link("/deploy/jobs/" + j.id(), j.name()) + " / Run #"
                + r.id();
        return Html.page("Run #" + r.id(), true, crumbs, "<div id=\"run\" data-run=\"" + r.id() + "\">"
                + runBody(r) + "</div>");
    }

    /** The part of a run page the script refreshes while the run is active. */
    String runBody(Run r) {
        Environment env = deploy.environments().get(r.environmentId());
        List<String> secrets = Masking.secrets(env);
        var now = deploy.config().clock().instant();
        StringBuilder b = new StringBuilder();
        b.append("<div id=\"run-body\" data-active=\"").append(!r.status().finished()).append("\" data-status=\"")
                .append(r.status().key()).append("\">");
        b.append("<p class=\"summary\">").append("<span id=\"run-status\">").append(badge(r.status().key()))
                .append("</span> ").append(esc(r.cause().key())).append(r.causeDetail() == null ? ""
                        : ": " + esc(r.causeDetail())).append(" · environment ").append(esc(env.name()))
                .append(" · branch ").append(esc(r.gitBranch())).append(" · commit <code>").append(esc(r.shortSha()))
                .append("</code> · ").append(esc(Html.duration(r.duration(now))));
        if (r.statusMessage() != null) {
            b.append("<br><span class=\"message\">").append(esc(Masking.mask(r.statusMessage(), secrets)))
                    .append("</span>");
        }
        b.append("</p><p class=\"actions\">");
        if (!r.status().finished()) {
            b.append(Html.postButton("/deploy/runs/" + r.id() + "/cancel", "cancel", "Cancel run"));
        } else if (r.status() != dev.sluice.deploy.model.RunStatus.SUCCESS) {
            b.append(Html.postButton("/deploy/runs/" + r.id() + "/retry", "retry", "Retry"));
        }
        b.append("</p><ol class=\"steps\" id=\"steps\">");
        List<LogLine> own = deploy.runs().logs(r.id(), 0);
        if (!own.isEmpty()) {
            b.append("<li class=\"step\" data-step=\"0\"><details><summary>Prepare: clone and profile</summary>")
                    .append(log(own, secrets)).append("</details></li>");
        }
        for (RunStep s : deploy.runs().steps(r.id())) {
            b.append("<li class=\"step status-").append(s.status().key()).append("\" data-step=\"").append(s.index())
                    .append("\" data-status=\"").append(s.status().key()).append("\"><details")
                    .append(s.status() == dev.sluice.deploy.model.StepStatus.RUNNING
                            || s.status() == dev.sluice.deploy.model.StepStatus.ERROR ? " open" : "")
                    .append("><summary>").append(badge(s.status().key())).append(" <code>").append(esc(s.command()))
                    .append("</code> <span class=\"timing\">").append(esc(Html.time(s.startedAt()))).append(" ")
                    .append(esc(Html.duration(s.duration()))).append("</span>")
                    .append(s.statusMessage() == null ? "" : " <span class=\"message\">"
                            + esc(Masking.mask(s.statusMessage(), secrets)) + "</span>")
                    .append("</summary>").append(log(deploy.runs().logs(r.id(), s.index()), secrets))
                    .append("</details></li>");
        }
        b.append("</ol>");
        List<Artifact> artifacts = deploy.runs().artifacts(r.id());
        if (!artifacts.isEmpty()) {
            b.append("<h2>Artifacts</h2><ul id=\"artifacts\">");
            artifacts.stream().map(Artifact::path).distinct().forEach(p -> b.append("<li>")
                    .append(link("/deploy/runs/" + r.id() + "/artifacts/" + p, p)).append("</li>"));
            b.append("</ul>");
        }
        return b + "</div>";
    }

    private static String log(List<LogLine> lines, List<String> secrets) {
        StringBuilder b = new StringBuilder("<pre class=\"log\">");
        for (LogLine l : lines) {
            b.append(esc(Masking.mask(l.text(), secrets))).append('\n');
        }
        return b + "</pre>";
    }
}
