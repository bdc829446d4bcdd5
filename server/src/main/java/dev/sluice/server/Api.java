package dev.sluice.server;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.deploy.Deploy;
import dev.sluice.deploy.DeployException;
import dev.sluice.deploy.model.Artifact;
import dev.sluice.deploy.model.DeploymentType;
import dev.sluice.deploy.model.Environment;
import dev.sluice.deploy.model.Job;
import dev.sluice.deploy.model.Run;
import dev.sluice.deploy.model.RunCause;
import dev.sluice.deploy.model.RunStatus;
import dev.sluice.deploy.model.RunStep;
import dev.sluice.server.ServiceTokens.Scope;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The REST API under {@code /api/v2/accounts/{account}/}, shaped like dbt Cloud's Administrative API v2: jobs (list,
 * get, update, run), runs (list, get with {@code include_related}, cancel, retry, artifacts), environments (list, get,
 * update). Every call needs a service token ({@code Authorization: Token ...} or {@code Bearer ...}); a read-only
 * token may not write. {@code /api/openapi.json} describes it.
 */
final class Api {
    static final String BASE = "/api/v2/accounts/{account}";
    static final String TOKEN_ATTR = "sluice.token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Deploy deploy;
    private final ServiceTokens tokens;
    private final long accountId;

    Api(Deploy deploy, ServiceTokens tokens, long accountId) {
        this.deploy = deploy;
        this.tokens = tokens;
        this.accountId = accountId;
    }

    void register(RoutesConfig r) {
        r.get("/api/openapi.json", ctx -> {
            try (InputStream in = Api.class.getResourceAsStream("openapi.json")) {
                ctx.contentType("application/json").result(in.readAllBytes());
            }
        });
        r.before("/api/v2/*", this::authenticate);
        r.get(BASE + "/jobs/", ctx -> ok(ctx, deploy.jobs().list().stream()
                .map(j -> CloudJson.job(j, accountId)).toList()));
        r.get(BASE + "/jobs/{id}/", ctx -> ok(ctx, CloudJson.job(job(ctx), accountId)));
        r.post(BASE + "/jobs/{id}/", this::updateJob);
        r.put(BASE + "/jobs/{id}/", this::updateJob);
        r.post(BASE + "/jobs/{id}/run/", this::runJob);
        r.get(BASE + "/runs/", this::listRuns);
        r.get(BASE + "/runs/{id}/", this::getRun);
        r.post(BASE + "/runs/{id}/cancel/", ctx -> ok(ctx, runJson(deploy.runs().cancel(run(ctx).id()), ctx)));
        r.post(BASE + "/runs/{id}/retry/", ctx -> ok(ctx, runJson(deploy.runs().retry(run(ctx).id()), ctx)));
        r.get(BASE + "/runs/{id}/artifacts/", ctx -> {
            Run run = run(ctx);
            ok(ctx, deploy.runs().artifacts(run.id()).stream().map(Artifact::path).distinct().toList());
        });
        r.get(BASE + "/runs/{id}/artifacts/<path>", this::artifact);
        r.get(BASE + "/environments/", ctx -> ok(ctx, deploy.environments().list().stream()
                .map(e -> CloudJson.environment(e, accountId)).toList()));
        r.get(BASE + "/environments/{id}/", ctx -> ok(ctx, CloudJson.environment(environment(ctx), accountId)));
        r.post(BASE + "/environments/{id}/", this::updateEnvironment);
        r.put(BASE + "/environments/{id}/", this::updateEnvironment);
    }

    private void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        String token = null;
        if (header != null) {
            String h = header.strip();
            if (h.regionMatches(true, 0, "Token ", 0, 6)) {
                token = h.substring(6).strip();
            } else if (h.regionMatches(true, 0, "Bearer ", 0, 7)) {
                token = h.substring(7).strip();
            }
        }
        if (token == null) {
            throw new HttpError(401, "Authentication credentials were not provided: send Authorization: Token <token>.");
        }
        var info = tokens.verify(token);
        if (info.isEmpty()) {
            throw new HttpError(401, "Invalid token.");
        }
        boolean write = ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD
                && ctx.method() != HandlerType.OPTIONS;
        if (write && info.get().scope() != Scope.JOB_ADMIN) {
            throw new HttpError(403, "Token '" + info.get().name() + "' is read-only; this call needs a job-admin token.");
        }
        String account = ctx.pathParamMap().get("account");
        if (account == null) {
            String path = ctx.path();
            String rest = path.substring("/api/v2/accounts/".length() > path.length() ? path.length()
                    : "/api/v2/accounts/".length());
            account = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        }
        if (!String.valueOf(accountId).equals(account)) {
            throw new HttpError(404, "No account " + account + "; this server holds account " + accountId + ".");
        }
        ctx.attribute(TOKEN_ATTR, info.get());
    }

    void ok(Context ctx, Object data) throws IOException {
        write(ctx, 200, CloudJson.envelope(data, 200));
    }

    static void write(Context ctx, int status, Object body) throws IOException {
        ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(body));
    }

    private static long id(Context ctx, String name) {
        try {
            return Long.parseLong(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw new HttpError(404, "'" + ctx.pathParam(name) + "' is not an id");
        }
    }

    private Job job(Context ctx) {
        long id = id(ctx, "id");
        try {
            return deploy.jobs().get(id);
        } catch (DeployException e) {
            throw new HttpError(404, "No job with id " + id + ".");
        }
    }

    private Run run(Context ctx) {
        long id = id(ctx, "id");
        try {
            return deploy.runs().get(id);
        } catch (DeployException e) {
            throw new HttpError(404, "No run with id " + id + ".");
        }
    }

    private Environment environment(Context ctx) {
        long id = id(ctx, "id");
        try {
            return deploy.environments().get(id);
        } catch (DeployException e) {
            throw new HttpError(404, "No environment with id " + id + ".");
        }
    }

    private JsonNode body(Context ctx) {
        String text = ctx.body();
        if (text == null || text.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (!node.isObject()) {
                throw new HttpError(400, "The body must be a JSON object.");
            }
            return node;
        } catch (IOException e) {
            throw new HttpError(400, "The body is not JSON: " + e.getMessage());
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Integer integer(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToInt() && !v.isTextual()) {
            throw new HttpError(400, field + " must be a number");
        }
        try {
            return v.isTextual() ? Integer.parseInt(v.asText()) : v.asInt();
        } catch (NumberFormatException e) {
            throw new HttpError(400, field + " must be a number");
        }
    }

    private static List<String> strings(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw new HttpError(400, field + " must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        v.forEach(e -> out.add(e.asText()));
        return out;
    }

    private void runJob(Context ctx) throws IOException {
        Job job = job(ctx);
        JsonNode b = body(ctx);
        var overrides = new RunTrigger.Overrides(text(b, "cause"), text(b, "git_sha"), text(b, "schema_override"),
                integer(b, "threads_override"), strings(b, "steps_override"));
        Run run = RunTrigger.trigger(deploy, job.id(), overrides, RunCause.API);
        ok(ctx, runJson(run, ctx));
    }

    private void updateJob(Context ctx) throws IOException {
        Job job = job(ctx);
        JsonNode b = body(ctx);
        Job saved = deploy.jobs().edit(String.valueOf(job.id()), d -> {
            if (b.has("name")) {
                d.name = text(b, "name");
            }
            if (b.has("environment_id")) {
                d.environmentId = b.get("environment_id").asLong();
            }
            if (b.has("execute_steps")) {
                d.commands = new ArrayList<>(strings(b, "execute_steps"));
            }
            if (b.has("generate_docs")) {
                d.generateDocs = b.get("generate_docs").asBoolean();
            }
            if (b.has("run_generate_sources")) {
                d.runFreshness = b.get("run_generate_sources").asBoolean();
            }
            if (b.has("timeout_seconds")) {
                d.timeoutSeconds = integer(b, "timeout_seconds");
            }
            if (b.has("deferring_job_definition_id")) {
                d.deferToJobId = b.get("deferring_job_definition_id").isNull() ? null
                        : b.get("deferring_job_definition_id").asLong();
            }
            if (b.has("deferring_environment_id")) {
                d.deferToEnvironmentId = b.get("deferring_environment_id").isNull() ? null
                        : b.get("deferring_environment_id").asLong();
            }
            JsonNode settings = b.get("settings");
            if (settings != null && settings.has("threads")) {
                d.threads = integer(settings, "threads");
            }
            JsonNode triggers = b.get("triggers");
            JsonNode schedule = b.get("schedule");
            if (schedule != null && schedule.has("cron")) {
                d.cron = text(schedule, "cron");
                if (schedule.has("time_zone")) {
                    d.timeZone = text(schedule, "time_zone");
                }
            }
            if (triggers != null) {
                if (triggers.has("schedule") && !triggers.get("schedule").asBoolean()) {
                    d.cron = null;
                }
                if (triggers.has("git_provider_webhook")) {
                    d.onCommit = triggers.get("git_provider_webhook").asBoolean();
                }
            }
            if (b.has("job_completion_trigger_condition")) {
                JsonNode cond = b.get("job_completion_trigger_condition");
                if (cond.isNull()) {
                    d.completionOfJobId = null;
                    d.completionStatuses = new LinkedHashSet<>();
                } else {
                    JsonNode c = cond.has("condition") ? cond.get("condition") : cond;
                    d.completionOfJobId = c.get("job_id").asLong();
                    d.completionStatuses = new LinkedHashSet<>();
                    if (c.has("statuses")) {
                        for (JsonNode s : c.get("statuses")) {
                            d.completionStatuses.add(switch (s.asInt()) {
                                case 10 -> RunStatus.SUCCESS;
                                case 20 -> RunStatus.ERROR;
                                case 30 -> RunStatus.CANCELLED;
                                default -> throw new HttpError(400, "completion statuses are 10, 20 or 30");
                            });
                        }
                    }
                }
            }
        });
        ok(ctx, CloudJson.job(saved, accountId));
    }

    private void updateEnvironment(Context ctx) throws IOException {
        Environment env = environment(ctx);
        JsonNode b = body(ctx);
        Environment saved = deploy.environments().edit(String.valueOf(env.id()), d -> {
            if (b.has("name")) {
                d.name = text(b, "name");
            }
            if (b.has("deployment_type") && d.deploymentType != null) {
                d.deploymentType = DeploymentType.parse(text(b, "deployment_type"));
            }
            if (b.has("custom_branch")) {
                d.gitBranch = text(b, "custom_branch");
            }
            if (b.has("use_custom_branch") && !b.get("use_custom_branch").asBoolean()) {
                d.gitBranch = null;
            }
            if (b.has("profile_target")) {
                d.profileTarget = text(b, "profile_target");
            }
            if (b.has("connection") && !b.get("connection").isNull()) {
                d.connection = JSON.convertValue(b.get("connection"),
                        new TypeReference<LinkedHashMap<String, String>>() { });
            }
            JsonNode cred = b.get("credentials");
            if (cred != null && cred.isObject()) {
                if (cred.has("schema")) {
                    d.schema = text(cred, "schema");
                }
                if (cred.has("user")) {
                    d.user = text(cred, "user");
                }
                if (cred.has("password")) {
                    d.password = text(cred, "password");
                }
                if (cred.has("target_name")) {
                    d.targetName = text(cred, "target_name");
                }
                if (cred.has("threads")) {
                    d.threads = integer(cred, "threads");
                }
            }
            JsonNode vars = b.get("environment_variables");
            if (vars != null && vars.isObject()) {
                Map<String, String> next = new LinkedHashMap<>();
                vars.fields().forEachRemaining(e -> {
                    String value = e.getValue().isNull() ? null : e.getValue().asText();
                    if (value == null) {
                        return; // null removes the variable
                    }
                    // a masked secret sent back unchanged keeps its stored value
                    next.put(e.getKey(), Environment.MASK.equals(value) && d.variables.containsKey(e.getKey())
                            ? d.variables.get(e.getKey()) : value);
                });
                d.variables = next;
            }
        });
        ok(ctx, CloudJson.environment(saved, accountId));
    }

    private void listRuns(Context ctx) throws IOException {
        String jobId = ctx.queryParam("job_definition_id");
        int limit = 100;
        if (ctx.queryParam("limit") != null) {
            try {
                limit = Math.max(1, Math.min(1000, Integer.parseInt(ctx.queryParam("limit"))));
            } catch (NumberFormatException e) {
                throw new HttpError(400, "limit must be a number");
            }
        }
        Long job = null;
        if (jobId != null) {
            try {
                job = Long.parseLong(jobId);
            } catch (NumberFormatException e) {
                throw new HttpError(400, "job_definition_id must be a number");
            }
        }
        List<Object> out = new ArrayList<>();
        for (Run run : deploy.runs().list(job, limit)) {
            out.add(runJson(run, ctx));
        }
        ok(ctx, out);
    }

    private void getRun(Context ctx) throws IOException {
        ok(ctx, runJson(run(ctx), ctx));
    }

    /** A run, with {@code run_steps} (and their logs) or {@code job}/{@code environment} when include_related asks. */
    private Map<String, Object> runJson(Run run, Context ctx) {
        Map<String, Object> m = CloudJson.run(run, accountId, deploy.config().clock().instant());
        String include = ctx.queryParam("include_related");
        if (include != null) {
            if (include.contains("run_steps")) {
                List<String> secrets = Masking.secrets(deploy.environments().get(run.environmentId()));
                List<Object> steps = new ArrayList<>();
                for (RunStep s : deploy.runs().steps(run.id())) {
                    Map<String, Object> step = CloudJson.step(s, accountId, deploy.runs().logs(run.id(), s.index()));
                    step.put("logs", Masking.mask((String) step.get("logs"), secrets));
                    steps.add(step);
                }
                m.put("run_steps", steps);
            }
            if (include.contains("job")) {
                m.put("job", CloudJson.job(deploy.jobs().get(run.jobId()), accountId));
            }
            if (include.contains("environment")) {
                m.put("environment", CloudJson.environment(deploy.environments().get(run.environmentId()), accountId));
            }
        }
        return m;
    }

    private void artifact(Context ctx) {
        Run run = run(ctx);
        String path = ctx.pathParam("path");
        Integer step = null;
        if (ctx.queryParam("step") != null) {
            try {
                step = Integer.parseInt(ctx.queryParam("step"));
            } catch (NumberFormatException e) {
                throw new HttpError(400, "step must be a number");
            }
        }
        String content = deploy.runs().artifact(run.id(), step, path)
                .orElseThrow(() -> new HttpError(404, "Run " + run.id() + " has no artifact " + path + "."));
        List<String> secrets = Masking.secrets(deploy.environments().get(run.environmentId()));
        ctx.contentType(contentType(path)).result(Masking.mask(content, secrets));
    }

    static String contentType(String path) {
        if (path.endsWith(".json")) {
            return "application/json";
        }
        if (path.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (path.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (path.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (path.endsWith(".svg")) {
            return "image/svg+xml";
        }
        return "text/plain; charset=utf-8";
    }
}
