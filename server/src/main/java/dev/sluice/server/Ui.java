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

/**
 * The web UI: server-rendered pages over deploy, one small script (polling a running run's steps) and a style sheet,
 * both served from the jar. A session cookie after logging in with the admin user; forms post back and redirect.
 */
final class Ui {
    static final String COOKIE = "sluice_session";
    private final Deploy deploy;
    private final AdminLogin admin;
    private final Map<String, String> sessions = new ConcurrentHashMap<>();
    private final RunPages runPages;

    Ui(Deploy deploy, AdminLogin admin) {
        this.deploy = deploy;
        this.admin = admin;
        this.runPages = new RunPages(deploy);
    }

    void register(RoutesConfig r) {
        r.get("/static/{file}", this::staticFile);
        r.get("/login", ctx -> ctx.html(loginPage(null)));
        r.post("/login", this::login);
        r.before("/deploy/*", this::requireLogin);
        r.before("/docs/*", this::requireLogin);
        r.before("/docs", this::requireLogin);
        r.post("/logout", ctx -> {
            String id = ctx.cookie(COOKIE);
            if (id != null) {
                sessions.remove(id);
            }
            ctx.removeCookie(COOKIE, "/");
            ctx.redirect("/login");
        });
        r.get("/", ctx -> ctx.redirect(loggedIn(ctx) ? "/deploy/jobs" : "/login"));
        r.get("/deploy/environments", ctx -> ctx.html(environments()));
        r.get("/deploy/environments/{id}", ctx -> ctx.html(environment(env(ctx), "1".equals(ctx.queryParam("edit")),
                null)));
        r.post("/deploy/environments/{id}", this::saveEnvironment);
        r.get("/deploy/jobs", ctx -> ctx.html(jobs()));
        r.get("/deploy/jobs/{id}", ctx -> ctx.html(jobHistory(job(ctx))));
        r.get("/deploy/jobs/{id}/settings", ctx -> ctx.html(jobSettings(job(ctx), "1".equals(ctx.queryParam("edit")),
                null, null)));
        r.post("/deploy/jobs/{id}/settings", this::saveJob);
        r.post("/deploy/jobs/{id}/run", ctx -> {
            Run run = deploy.runs().enqueue(job(ctx).id(), new dev.sluice.deploy.Runs.Request(RunCause.MANUAL,
                    "Run now by " + ctx.attribute("sluice.user") + " in the web UI", null, null, null, null, null));
            ctx.redirect("/deploy/runs/" + run.id());
        });
        r.get("/deploy/runs", ctx -> ctx.html(Html.page("Run history", true, null,
                runPages.runTable(deploy.runs().list(null, 100)))));
        r.get("/deploy/runs/{id}", ctx -> ctx.html(runPages.runPage(run(ctx))));
        r.get("/deploy/runs/{id}/body", ctx -> ctx.html(runPages.runBody(run(ctx))));
        r.post("/deploy/runs/{id}/cancel", ctx -> {
            deploy.runs().cancel(run(ctx).id());
            ctx.redirect("/deploy/runs/" + ctx.pathParam("id"));
        });
        r.post("/deploy/runs/{id}/retry", ctx -> ctx.redirect("/deploy/runs/" + deploy.runs().retry(run(ctx).id()).id()));
        r.get("/deploy/runs/{id}/artifacts/<path>", ctx -> {
            Run run = run(ctx);
            String path = ctx.pathParam("path");
            String text = deploy.runs().artifact(run.id(), null, path)
                    .orElseThrow(() -> new HttpError(404, "Run " + run.id() + " has no artifact " + path));
            ctx.contentType(Api.contentType(path)).result(Masking.mask(text,
                    Masking.secrets(deploy.environments().get(run.environmentId()))));
        });
        // Javalin ignores trailing slashes, so /docs and /docs/ are one route; the site itself is at /docs/index.html
        // so that its relative links (manifest.json, catalog.json) resolve under /docs/
        r.get("/docs", ctx -> ctx.redirect("/docs/index.html"));
        r.get("/docs/<path>", ctx -> docs(ctx, ctx.pathParam("path")));
    }

    // ---- login ----

    private boolean loggedIn(Context ctx) {
        String id = ctx.cookie(COOKIE);
        return id != null && sessions.containsKey(id);
    }

    private void requireLogin(Context ctx) {
        String id = ctx.cookie(COOKIE);
        String user = id == null ? null : sessions.get(id);
        if (user == null) {
            throw new HttpError(401, "Log in first.");
        }
        ctx.attribute("sluice.user", user);
    }

    private void login(Context ctx) {
        String user = ctx.formParam("user");
        String password = ctx.formParam("password");
        if (!admin.check(user, password)) {
            ctx.status(401).html(loginPage("Wrong user or password."));
            return;
        }
        String id = Secrets.random(32);
        sessions.put(id, user);
        ctx.header("Set-Cookie", COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Strict");
        ctx.redirect("/deploy/jobs");
    }

    private static String loginPage(String error) {
        return Html.page("Log in", false, null, (error == null ? "" : "<p class=\"error\" id=\"login-error\">"
                + esc(error) + "</p>")
                + "<form method=\"post\" action=\"/login\" class=\"settings\">"
                + "<label>User <input id=\"user\" name=\"user\" autocomplete=\"username\"></label>"
                + "<label>Password <input id=\"password\" name=\"password\" type=\"password\""
                + " autocomplete=\"current-password\"></label>"
                + "<button id=\"login\">Log in</button></form>");
    }

    static String errorPage(int status, String message) {
        return Html.page("Error " + status, true, null, "<p class=\"error\" id=\"error\">" + esc(message) + "</p>");
    }

    private void staticFile(Context ctx) throws IOException {
        String file = ctx.pathParam("file");
        if (!file.equals("sluice.js") && !file.equals("sluice.css")) {
            throw new HttpError(404, "No such file.");
        }
        try (InputStream in = Ui.class.getResourceAsStream("static/" + file)) {
            ctx.contentType(file.endsWith(".js") ? "text/javascript" : "text/css").result(in.readAllBytes());
        }
    }

    // ---- lookups ----

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new HttpError(404, "Not found.");
        }
    }

    private Environment env(Context ctx) {
        try {
            return deploy.environments().get(id(ctx));
        } catch (DeployException e) {
            throw new HttpError(404, e.getMessage());
        }
    }

    private Job job(Context ctx) {
        try {
            return deploy.jobs().get(id(ctx));
        } catch (DeployException e) {
            throw new HttpError(404, e.getMessage());
        }
    }

    private Run run(Context ctx) {
        try {
            return deploy.runs().get(id(ctx));
        } catch (DeployException e) {
            throw new HttpError(404, e.getMessage());
        }
    }

    // ---- environments ----

    private String environments() {
        StringBuilder b = new StringBuilder("<table id=\"environments\"><tr><th>Name</th><th>Type</th><th>Branch</th>"
                + "<th>Schema</th></tr>");
        for (Environment e : deploy.environments().list()) {
            b.append("<tr><td>").append(link("/deploy/environments/" + e.id(), e.name())).append("</td><td>")
                    .append(esc(e.describeKind())).append("</td><td>").append(esc(e.branch())).append("</td><td>")
                    .append(esc(e.schema())).append("</td></tr>");
        }
        return Html.page("Environments", true, link("/deploy/environments", "Environments"), b + "</table>");
    }

    private String environment(Environment e, boolean edit, String error) {
        String crumbs = link("/deploy/environments", "Environments") + " / " + link("/deploy/environments/" + e.id(),
                e.name()) + " / Settings";
        StringBuilder b = new StringBuilder();
        if (error != null) {
            b.append("<p class=\"error\" id=\"error\">").append(esc(error)).append("</p>");
        }
        if (!edit) {
            b.append("<p><a class=\"button\" id=\"edit\" href=\"/deploy/environments/").append(e.id())
                    .append("?edit=1\">Edit</a></p>");
            b.append("<section><h2>General settings</h2><dl>")
                    .append(Forms.dt("Name", e.name())).append(Forms.dt("Type", e.describeKind()))
                    .append(Forms.dt("Custom branch", e.gitBranch() == null ? "(default: main)" : e.gitBranch()))
                    .append("</dl></section>");
            b.append("<section><h2>Connection</h2><dl>");
            if (e.profileTarget() != null) {
                b.append(Forms.dt("profiles.yml target", e.profileTarget()));
            }
            e.connection().forEach((k, v) -> b.append(Forms.dt(k, v)));
            b.append("</dl></section>");
            b.append("<section><h2>Deployment credentials</h2><dl>")
                    .append("<dt>schema</dt><dd id=\"schema-value\">").append(esc(e.schema())).append("</dd>")
                    .append(Forms.dt("user", e.user()))
                    .append(Forms.dt("password", e.password() == null ? "(none)" : Environment.MASK))
                    .append(Forms.dt("target name", e.targetName()))
                    .append(Forms.dt("threads", e.threads())).append("</dl></section>");
            b.append("<section><h2>Environment variables</h2><dl id=\"variables\">");
            e.shownVariables().forEach((k, v) -> b.append(Forms.dt(k, v)));
            b.append("</dl></section>");
            return Html.page(e.name() + " settings", true, crumbs, b.toString());
        }
        b.append("<form method=\"post\" action=\"/deploy/environments/").append(e.id()).append("\" class=\"settings\">");
        b.append("<section><h2>General settings</h2>").append(Forms.input("name", "Name", e.name()));
        if (e.isDeployment()) {
            b.append("<label>Deployment type <select id=\"deployment_type\" name=\"deployment_type\">");
            for (DeploymentType t : DeploymentType.values()) {
                b.append("<option value=\"").append(t.key()).append("\"")
                        .append(t == e.deploymentType() ? " selected" : "").append(">").append(t.key())
                        .append("</option>");
            }
            b.append("</select></label>");
        }
        b.append(Forms.input("branch", "Custom branch", e.gitBranch())).append("</section>");
        b.append("<section><h2>Connection</h2>").append(Forms.input("profile_target", "profiles.yml target",
                e.profileTarget()))
                .append(Forms.textarea("connection", "Settings (key=value, one a line)", Forms.lines(e.connection())))
                .append("</section>");
        b.append("<section><h2>Deployment credentials</h2>").append(Forms.input("schema", "Schema", e.schema()))
                .append(Forms.input("user", "User", e.user()))
                .append("<label>Password <input id=\"password\" name=\"password\" type=\"password\""
                        + " autocomplete=\"new-password\" placeholder=\"")
                .append(e.password() == null ? "(none)" : "unchanged").append("\"></label>")
                .append("<label class=\"check\"><input type=\"checkbox\" name=\"clear_password\" value=\"1\">"
                        + " Remove the password</label>")
                .append(Forms.input("target_name", "Target name", e.targetName()))
                .append(Forms.input("threads", "Threads", e.threads())).append("</section>");
        b.append("<section><h2>Environment variables</h2>").append(Forms.textarea("variables",
                "KEY=value, one a line; DBT_ENV_SECRET_ values stay masked (leave ***** to keep one)",
                Forms.lines(e.shownVariables()))).append("</section>");
        b.append("<p><button id=\"save\">Save</button> <a href=\"/deploy/environments/").append(e.id())
                .append("\" id=\"cancel-edit\">Cancel</a></p></form>");
        return Html.page(e.name() + " settings", true, crumbs, b.toString());
    }

    private void saveEnvironment(Context ctx) {
        Environment e = env(ctx);
        try {
            deploy.environments().edit(String.valueOf(e.id()), d -> {
                d.name = ctx.formParam("name");
                if (ctx.formParam("deployment_type") != null && d.deploymentType != null) {
                    d.deploymentType = DeploymentType.parse(ctx.formParam("deployment_type"));
                }
                d.gitBranch = ctx.formParam("branch");
                d.profileTarget = ctx.formParam("profile_target");
                d.connection = Forms.parseLines(ctx.formParam("connection"));
                d.schema = ctx.formParam("schema");
                d.user = ctx.formParam("user");
                String password = ctx.formParam("password");
                if ("1".equals(ctx.formParam("clear_password"))) {
                    d.password = null;
                } else if (password != null && !password.isEmpty()) {
                    d.password = password;
                }
                d.targetName = ctx.formParam("target_name");
                d.threads = Forms.number(ctx.formParam("threads"), "Threads");
                Map<String, String> vars = Forms.parseLines(ctx.formParam("variables"));
                Map<String, String> next = new LinkedHashMap<>();
                vars.forEach((k, v) -> next.put(k, Environment.MASK.equals(v) && d.variables.containsKey(k)
                        ? d.variables.get(k) : v));
                d.variables = next;
            });
            ctx.redirect("/deploy/environments/" + e.id());
        } catch (DeployException ex) {
            ctx.status(400).html(environment(e, true, ex.getMessage()));
        }
    }

    // ---- jobs ----

    private String jobs() {
        StringBuilder b = new StringBuilder("<table id=\"jobs\"><tr><th>Name</th><th>Environment</th>"
                + "<th>Commands</th><th>Last run</th></tr>");
        for (Job j : deploy.jobs().list()) {
            List<Run> last = deploy.runs().list(j.id(), 1);
            b.append("<tr><td>").append(link("/deploy/jobs/" + j.id(), j.name())).append("</td><td>")
                    .append(esc(envName(j.environmentId()))).append("</td><td>")
                    .append(esc(String.join("; ", j.commands()))).append("</td><td>")
                    .append(last.isEmpty() ? "" : badge(last.get(0).status().key())).append("</td></tr>");
        }
        return Html.page("Jobs", true, link("/deploy/jobs", "Jobs"), b + "</table>");
    }

    private String envName(long id) {
        try {
            return deploy.environments().get(id).name();
        } catch (DeployException e) {
            return "#" + id;
        }
    }

    private String jobHistory(Job j) {
        String crumbs = link("/deploy/jobs", "Jobs") + " / " + link("/deploy/jobs/" + j.id(), j.name());
        String body = "<p class=\"actions\">" + Html.postButton("/deploy/jobs/" + j.id() + "/run", "run-now", "Run now")
                + " <a class=\"button\" id=\"settings\" href=\"/deploy/jobs/" + j.id() + "/settings\">Settings</a></p>"
                + "<h2>Run history</h2>" + runPages.runTable(deploy.runs().list(j.id(), 50));
        return Html.page(j.name(), true, crumbs, body);
    }

    private String jobSettings(Job j, boolean edit, String error, Map<String, String> submitted) {
        String crumbs = link("/deploy/jobs", "Jobs") + " / " + link("/deploy/jobs/" + j.id(), j.name())
                + " / Settings";
        StringBuilder b = new StringBuilder();
        if (error != null) {
            b.append("<p class=\"error\" id=\"error\">").append(esc(error)).append("</p>");
        }
        Job.Execution x = j.execution();
        Job.Triggers t = j.triggers();
        if (!edit) {
            b.append("<p><a class=\"button\" id=\"edit\" href=\"/deploy/jobs/").append(j.id())
                    .append("/settings?edit=1\">Edit</a></p>");
            b.append("<section><h2>General settings</h2><dl><dt>Job name</dt><dd id=\"job-name\">")
                    .append(esc(j.name())).append("</dd>").append(Forms.dt("Environment", envName(j.environmentId())))
                    .append("</dl></section>");
            b.append("<section><h2>Execution settings</h2><dl>")
                    .append(Forms.dt("Generate docs on run", x.generateDocs() ? "yes" : "no"))
                    .append(Forms.dt("Run source freshness", x.runFreshness() ? "yes" : "no"))
                    .append(Forms.dt("Threads", x.threads())).append(Forms.dt("Timeout (seconds)", x.timeoutSeconds()))
                    .append(Forms.dt("Defer to job", x.deferToJobId())).append(Forms.dt("Defer to environment",
                            x.deferToEnvironmentId())).append("</dl></section>");
            b.append("<section><h2>Commands</h2><ol id=\"commands\">");
            j.commands().forEach(c -> b.append("<li><code>").append(esc(c)).append("</code></li>"));
            b.append("</ol></section>");
            b.append("<section><h2>Triggers</h2><dl>").append(Forms.dt("Schedule (cron)", t.cron()))
                    .append(Forms.dt("Time zone", t.timeZone()))
                    .append(Forms.dt("Run on new commits", t.onCommit() ? "yes" : "no"))
                    .append(Forms.dt("On completion of job", t.completionOfJobId())).append("</dl></section>");
            return Html.page(j.name() + " settings", true, crumbs, b.toString());
        }
        b.append("<form method=\"post\" action=\"/deploy/jobs/").append(j.id()).append("/settings\" class=\"settings\">");
        b.append("<section><h2>General settings</h2>").append(Forms.input("name", "Job name", j.name()))
                .append("<label>Environment <select id=\"environment\" name=\"environment\">");
        for (Environment e : deploy.environments().list()) {
            b.append("<option value=\"").append(e.id()).append("\"").append(e.id() == j.environmentId() ? " selected"
                    : "").append(">").append(esc(e.name())).append("</option>");
        }
        b.append("</select></label></section>");
        b.append("<section><h2>Execution settings</h2>").append(Forms.check("generate_docs", "Generate docs on run",
                x.generateDocs())).append(Forms.check("run_freshness", "Run source freshness", x.runFreshness()))
                .append(Forms.input("threads", "Threads", x.threads()))
                .append(Forms.input("timeout_seconds", "Timeout (seconds, 0 for none)", x.timeoutSeconds()))
                .append(Forms.input("defer_to_job", "Defer to job id", x.deferToJobId())).append("</section>");
        b.append("<section><h2>Commands</h2>").append(Forms.textarea("commands", "One command a line",
                String.join("\n", j.commands()))).append("</section>");
        b.append("<section><h2>Triggers</h2>").append(Forms.input("cron", "Schedule (cron, five fields)", t.cron()))
                .append(Forms.input("time_zone", "Time zone", t.timeZone()))
                .append(Forms.check("on_commit", "Run on new commits to the environment's branch", t.onCommit()))
                .append("</section>");
        b.append("<p><button id=\"save\">Save</button> <a href=\"/deploy/jobs/").append(j.id())
                .append("/settings\" id=\"cancel-edit\">Cancel</a></p></form>");
        return Html.page(j.name() + " settings", true, crumbs, b.toString());
    }

    private void saveJob(Context ctx) {
        Job j = job(ctx);
        try {
            deploy.jobs().edit(String.valueOf(j.id()), d -> {
                d.name = ctx.formParam("name");
                d.environmentId = Forms.number(ctx.formParam("environment"), "Environment");
                List<String> commands = new ArrayList<>();
                for (String line : ctx.formParam("commands").split("\\R")) {
                    if (!line.isBlank()) {
                        commands.add(line.strip());
                    }
                }
                d.commands = commands;
                d.generateDocs = ctx.formParam("generate_docs") != null;
                d.runFreshness = ctx.formParam("run_freshness") != null;
                d.threads = Forms.number(ctx.formParam("threads"), "Threads");
                d.timeoutSeconds = Forms.number(ctx.formParam("timeout_seconds"), "Timeout");
                Integer defer = Forms.number(ctx.formParam("defer_to_job"), "Defer to job");
                d.deferToJobId = defer == null ? null : defer.longValue();
                if (d.deferToJobId != null) {
                    d.deferToEnvironmentId = null;
                }
                d.cron = ctx.formParam("cron");
                d.timeZone = ctx.formParam("time_zone");
                d.onCommit = ctx.formParam("on_commit") != null;
            });
            ctx.redirect("/deploy/jobs/" + j.id() + "/settings");
        } catch (DeployException ex) {
            ctx.status(400).html(jobSettings(j, true, ex.getMessage(), null));
        }
    }

    // ---- docs ----

    /** The newest successful run of the production environment that left the docs site. */
    Optional<Run> docsRun() {
        Optional<Environment> production = deploy.environments().list().stream()
                .filter(e -> e.deploymentType() == DeploymentType.PRODUCTION).findFirst();
        if (production.isEmpty()) {
            return Optional.empty();
        }
        for (Run r : deploy.runs().list(null, 200)) {
            if (r.environmentId() == production.get().id() && r.status() == dev.sluice.deploy.model.RunStatus.SUCCESS
                    && deploy.runs().artifacts(r.id()).stream().anyMatch(a -> a.path().equals("index.html"))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private void docs(Context ctx, String path) {
        Optional<Run> run = docsRun();
        if (run.isEmpty()) {
            ctx.html(Html.page("Docs", true, null, "<p id=\"no-docs\">No docs yet: docs appear here after a"
                    + " successful run in the production environment of a job that generates docs"
                    + " (Execution settings: Generate docs on run).</p>"));
            return;
        }
        String text = deploy.runs().artifact(run.get().id(), null, path)
                .orElseThrow(() -> new HttpError(404, "The docs of run " + run.get().id() + " have no " + path));
        ctx.contentType(Api.contentType(path)).result(Masking.mask(text,
                Masking.secrets(deploy.environments().get(run.get().environmentId()))));
    }
}
