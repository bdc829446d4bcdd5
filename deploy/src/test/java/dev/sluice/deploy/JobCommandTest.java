package dev.sluice.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.api.InvocationOptions;
import dev.sluice.deploy.command.JobCommand;
import dev.sluice.deploy.model.DeploymentType;
import dev.sluice.deploy.model.Environment;
import dev.sluice.deploy.model.EnvironmentDraft;
import dev.sluice.deploy.model.JobDraft;
import dev.sluice.deploy.store.Store;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Job commands are Sluice commands with their flags, checked when the job is saved; nothing else gets in. */
class JobCommandTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "sluice run; rm -rf /",
        "sluice run && curl http://example.com",
        "sluice run | tee out",
        "sluice run --select $(whoami)",
        "sluice run --select `id`",
        "sluice run --vars '{x: $HOME}'",
        "sluice run > /etc/passwd",
        "sluice run\nrm -rf /",
        "sluice run --select (a)",
        "sluice run \\; ls"})
    void shellSyntaxIsRefused(String line) {
        assertThatThrownBy(() -> JobCommand.parse(line)).isInstanceOf(DeployException.class)
                .hasMessageStartingWith("Command refused:")
                .hasMessageContaining("never runs in a shell");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rm -rf /", "dbt run", "sluice", "sluice destroy", "sluice run --drop-everything",
        "sluice seed --args '{a: 1}'", "sluice run --threads many", "sluice run-operation", "bash -c 'sluice run'",
        "sluice docs serve", "sluice run 'unquoted"})
    void unknownCommandsAndFlagsAreRefused(String line) {
        assertThatThrownBy(() -> JobCommand.parse(line)).isInstanceOf(DeployException.class)
                .hasMessageStartingWith("Command refused:");
    }

    @Test
    void dbtCommandsGetAHint() {
        assertThatThrownBy(() -> JobCommand.parse("dbt build --select marts"))
                .hasMessageContaining("Write `sluice build --select marts` instead");
    }

    @Test
    void realCommandsParseIntoTheEngineOptions() {
        JobCommand build = JobCommand.parse("sluice build -s tag:marts+ stg_races --exclude stg_status"
                + " --threads 2 --full-refresh --vars '{season: 2024}' -x");
        assertThat(build.name()).isEqualTo("build");
        InvocationOptions options = build.apply(InvocationOptions.builder(Path.of("."))).build();
        assertThat(options.select()).containsExactly("tag:marts+", "stg_races");
        assertThat(options.exclude()).containsExactly("stg_status");
        assertThat(options.threads()).isEqualTo(2);
        assertThat(options.fullRefresh()).isTrue();
        assertThat(options.failFast()).isTrue();
        assertThat(options.vars()).containsEntry("season", 2024);
        assertThat(JobCommand.parse("sluice source freshness").name()).isEqualTo("source freshness");
        assertThat(JobCommand.parse("sluice docs generate").name()).isEqualTo("docs generate");
        JobCommand op = JobCommand.parse("sluice run-operation grant_select --args '{role: reporter}'");
        assertThat(op.argument()).isEqualTo("grant_select");
        assertThat(op.macroArgs()).isEqualTo(Map.of("role", "reporter"));
        assertThat(JobCommand.parse("sluice test --select=stg_races").flags().get("--select"))
                .isEqualTo(List.of("stg_races"));
    }

    @Test
    void aJobWithAnInjectionAttemptIsNotSaved() {
        try (Store store = Store.inMemory("commands")) {
            Deploy deploy = Deploy.open(DeployConfig.builder(Path.of("build")).build(), store);
            Environment env = deploy.environments().create(EnvironmentDraft.deployment("Deployment",
                    DeploymentType.PRODUCTION).connection("type", "duckdb"));
            assertThatThrownBy(() -> deploy.jobs().create(new JobDraft("Evil", env.id())
                    .commands("sluice seed", "sluice run; rm -rf /")))
                    .hasMessageStartingWith("Job 'Evil', command 2: Command refused:");
            assertThatThrownBy(() -> deploy.jobs().create(new JobDraft("Unknown", env.id())
                    .commands("sluice seed", "python manage.py migrate")))
                    .hasMessageContaining("does not start with `sluice`");
            assertThat(deploy.jobs().list()).isEmpty();
            var ok = deploy.jobs().create(new JobDraft("Good", env.id()).commands("sluice seed", "sluice build"));
            assertThatThrownBy(() -> deploy.jobs().edit("Good", d -> d.commands.add("sluice test $(reboot)")))
                    .hasMessageContaining("Command refused");
            assertThat(deploy.jobs().get(ok.id()).commands()).containsExactly("sluice seed", "sluice build");
            assertThatThrownBy(() -> deploy.jobs().edit("Good", d -> d.cron = "every day"))
                    .hasMessageContaining("is not a cron schedule");
            assertThatThrownBy(() -> deploy.jobs().edit("Good", d -> d.cron("0 6 * * *", "Mars/Olympus")))
                    .hasMessageContaining("is not a time zone");
        }
    }
}
