package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.deploy.model.Artifact;
import dev.sluice.deploy.model.LogLine;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The REST API over real HTTP against a real server, H2 store, git repository and DuckDB. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    ServerFixture f;
    HttpClient http;
    String admin;
    String readOnly;
    /** Every body the server sent in this class, scanned for secrets at the end of each test that runs a job. */
    final List<String> bodies = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        f = new ServerFixture(dir);
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        admin = f.server.tokens().create("ci", ServiceTokens.Scope.JOB_ADMIN).token();
        readOnly = f.server.tokens().create("dashboard", ServiceTokens.Scope.READ_ONLY).token();
    }

    @AfterAll
    void stop() {
        f.close();
    }

    HttpResponse<String> call(String method, String path, String auth, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(f.url() + path)).timeout(Duration.ofSeconds(30));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        synchronized (bodies) {
            bodies.add(r.body());
        }
        return r;
    }

    JsonNode ok(String method, String path, String token, String body) throws Exception {
        HttpResponse<String> r = call(method, path, "Token " + token, body);
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(200);
        JsonNode n = JSON.readTree(r.body());
        assertThat(n.at("/status/is_success").asBoolean()).isTrue();
        return n.get("data");
    }

    String base() {
        return "/api/v2/accounts/1";
    }

    @Test
    void refusesCallsWithoutAValidTokenAndWritesWithAReadOnlyOne() throws Exception {
        String jobs = base() + "/jobs/";
        assertThat(call("GET", jobs, null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = call("GET", jobs, "Token sluice_abcdefgh_notthesecret", null);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(wrong.body()).at("/status/is_success").asBoolean()).isFalse();
        assertThat(call("GET", jobs, "Token " + admin + "x", null).statusCode()).isEqualTo(401);
        assertThat(call("GET", jobs, "Basic " + admin, null).statusCode()).isEqualTo(401);
        assertThat(call("POST", base() + "/jobs/" + f.job.id() + "/run/", null, "{}").statusCode()).isEqualTo(401);

        assertThat(call("GET", jobs, "Bearer " + readOnly, null).statusCode()).isEqualTo(200);
        assertThat(call("POST", base() + "/jobs/" + f.job.id() + "/run/", "Token " + readOnly, "{}").statusCode())
                .isEqualTo(403);
        assertThat(call("POST", base() + "/jobs/" + f.job.id() + "/", "Token " + readOnly, "{\"name\":\"x\"}")
                .statusCode()).isEqualTo(403);
        assertThat(call("POST", base() + "/environments/" + f.production.id() + "/", "Token " + readOnly,
                "{\"credentials\":{\"schema\":\"x\"}}").statusCode()).isEqualTo(403);
        assertThat(f.deploy.jobs().get(f.job.id()).name()).isEqualTo("Partner Connect Trial Job");
        assertThat(call("GET", "/api/v2/accounts/2/jobs/", "Token " + admin, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", base() + "/runs/999999/", "Token " + admin, null).statusCode()).isEqualTo(404);

        // the OpenAPI document is served and names the endpoints
        HttpResponse<String> openapi = call("GET", "/api/openapi.json", null, null);
        assertThat(openapi.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(openapi.body()).get("paths").has("/api/v2/accounts/{account}/jobs/{id}/run/"))
                .isTrue();
        // tokens are stored as salted hashes only
        String stored = f.deploy.store().tx(c -> dev.sluice.deploy.store.Sql.list(c,
                "select setting_value from deploy_setting", rs -> rs.getString(1))).toString();
        assertThat(stored).doesNotContain(admin.substring(admin.lastIndexOf('_') + 1))
                .doesNotContain(ServerFixture.ADMIN_PASSWORD).contains("sha256").contains("pbkdf2_sha256");
    }

    @Test
    void triggersARunWithOverridesPollsItToSuccessAndDownloadsItsArtifactsWithoutLeakingSecrets() throws Exception {
        // environments and jobs read and edited as dbt Cloud names their fields
        JsonNode env = ok("GET", base() + "/environments/" + f.production.id() + "/", readOnly, null);
        assertThat(env.get("type").asText()).isEqualTo("deployment");
        assertThat(env.get("deployment_type").asText()).isEqualTo("production");
        assertThat(env.at("/credentials/schema").asText()).isEqualTo("dev");
        assertThat(env.at("/environment_variables/DBT_ENV_SECRET_API_KEY").asText()).isEqualTo("*****");
        assertThat(env.at("/environment_variables/REGION").asText()).isEqualTo("eu");
        JsonNode saved = ok("POST", base() + "/environments/" + f.production.id() + "/", admin,
                "{\"credentials\":{\"schema\":\"production\"},"
                        + "\"environment_variables\":{\"DBT_ENV_SECRET_API_KEY\":\"*****\",\"REGION\":\"eu\"}}");
        assertThat(saved.at("/credentials/schema").asText()).isEqualTo("production");
        assertThat(f.deploy.environments().get(f.production.id()).variables())
                .containsEntry("DBT_ENV_SECRET_API_KEY", ServerFixture.SECRET);
        HttpResponse<String> bad = call("POST", base() + "/environments/" + f.production.id() + "/", "Token " + admin,
                "{\"credentials\":{\"schema\":\"1 bad\"}}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).at("/status/user_message").asText()).contains("not a schema name");

        JsonNode job = ok("POST", base() + "/jobs/" + f.job.id() + "/", admin, "{\"name\":\"Production Job\"}");
        assertThat(job.get("name").asText()).isEqualTo("Production Job");
        assertThat(job.get("execute_steps")).hasSize(3);
        JsonNode jobs = ok("GET", base() + "/jobs/", readOnly, null);
        assertThat(jobs.get(0).get("environment_id").asLong()).isEqualTo(f.production.id());

        // trigger with every override
        JsonNode queued = ok("POST", base() + "/jobs/" + f.job.id() + "/run/", admin, "{\"cause\":\"Nightly from CI\","
                + "\"git_sha\":\"" + f.sha + "\",\"schema_override\":\"api_override\",\"threads_override\":2,"
                + "\"steps_override\":[\"sluice seed\",\"sluice run\"]}");
        long runId = queued.get("id").asLong();
        assertThat(queued.at("/trigger/cause").asText()).isEqualTo("Nightly from CI");
        assertThat(queued.at("/trigger/schema_override").asText()).isEqualTo("api_override");
        assertThat(queued.at("/trigger/threads_override").asInt()).isEqualTo(2);
        assertThat(queued.get("job_definition_id").asLong()).isEqualTo(f.job.id());

        String runPath = base() + "/runs/" + runId + "/?include_related="
                + URLEncoder.encode("[\"run_steps\"]", StandardCharsets.UTF_8);
        JsonNode run = null;
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            run = ok("GET", runPath, readOnly, null);
            if (run.get("is_complete").asBoolean()) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(run.get("is_complete").asBoolean()).as(run.toString()).isTrue();
        assertThat(run.get("status").asInt()).as(run.toString()).isEqualTo(10);
        assertThat(run.get("status_humanized").asText()).isEqualTo("Success");
        assertThat(run.get("git_sha").asText()).isEqualTo(f.sha);
        JsonNode steps = run.get("run_steps");
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).get("name").asText()).isEqualTo("Invoke sluice seed");
        assertThat(steps.get(1).get("name").asText()).isEqualTo("Invoke sluice run");
        for (JsonNode s : steps) {
            assertThat(s.get("status").asInt()).isEqualTo(10);
            assertThat(s.get("logs").asText()).isNotBlank();
        }
        assertThat(steps.get(1).get("logs").asText()).contains("api key is *****");
        // the schema override reached the warehouse: the model was built in api_override
        assertThat(steps.get(1).get("logs").asText()).contains("api_override");

        JsonNode list = ok("GET", base() + "/runs/?job_definition_id=" + f.job.id(), readOnly, null);
        assertThat(list.get(0).get("id").asLong()).isEqualTo(runId);

        JsonNode artifacts = ok("GET", base() + "/runs/" + runId + "/artifacts/", readOnly, null);
        List<String> paths = new ArrayList<>();
        artifacts.forEach(a -> paths.add(a.asText()));
        assertThat(paths).contains("run_results.json", "manifest.json");
        HttpResponse<String> results = call("GET", base() + "/runs/" + runId + "/artifacts/run_results.json",
                "Token " + readOnly, null);
        assertThat(results.statusCode()).isEqualTo(200);
        assertThat(results.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode rr = JSON.readTree(results.body());
        assertThat(rr.get("results")).isNotEmpty();
        rr.get("results").forEach(r -> assertThat(r.get("status").asText()).isEqualTo("success"));
        assertThat(rr.get("results").toString()).contains("model.tiny.driver_count");
        for (String p : paths) {
            assertThat(call("GET", base() + "/runs/" + runId + "/artifacts/" + p, "Token " + readOnly, null)
                    .statusCode()).isEqualTo(200);
        }
        assertThat(call("GET", base() + "/runs/" + runId + "/artifacts/nope.json", "Token " + readOnly, null)
                .statusCode()).isEqualTo(404);

        // the whole job (seed, run, test) through the API, then retry and cancel answer
        long full = ok("POST", base() + "/jobs/" + f.job.id() + "/run/", admin, "{\"cause\":\"full\"}").get("id")
                .asLong();
        JsonNode fullRun = null;
        deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            fullRun = ok("GET", base() + "/runs/" + full + "/?include_related=run_steps,job", readOnly, null);
            if (fullRun.get("is_complete").asBoolean()) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(fullRun.get("is_success").asBoolean()).as(fullRun.toString()).isTrue();
        assertThat(fullRun.get("run_steps")).hasSize(3);
        assertThat(fullRun.at("/job/name").asText()).isEqualTo("Production Job");
        HttpResponse<String> cancel = call("POST", base() + "/runs/" + full + "/cancel/", "Token " + admin, null);
        assertThat(cancel.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(cancel.body()).at("/status/user_message").asText()).contains("has finished");

        // no response, log line, artifact or server log line holds the password or the secret value
        List<String> everything = new ArrayList<>(bodies);
        for (long id : List.of(runId, full)) {
            f.deploy.runs().logs(id, null).stream().map(LogLine::text).forEach(everything::add);
            for (Artifact a : f.deploy.runs().artifacts(id)) {
                everything.add(f.deploy.runs().artifact(id, a.step(), a.path()).orElseThrow());
            }
        }
        everything.add(f.log());
        assertThat(everything).hasSizeGreaterThan(20);
        for (String text : everything) {
            assertThat(text).doesNotContain(ServerFixture.PASSWORD).doesNotContain(ServerFixture.SECRET);
        }
        // ... and the secret did reach the model: its log line shows the mask where the value was
        assertThat(String.join("\n", everything)).contains("api key is *****");
    }
}
