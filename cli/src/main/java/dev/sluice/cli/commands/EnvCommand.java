package dev.sluice.cli.commands;

import dev.sluice.deploy.Deploy;
import dev.sluice.deploy.model.DeploymentType;
import dev.sluice.deploy.model.Environment;
import dev.sluice.deploy.model.EnvironmentDraft;
import dev.sluice.deploy.model.EnvironmentKind;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sluice env list|create|edit|show}: deployment and development environments. */
@Command(name = "env", description = "Environments: list, create, edit, show.", sortOptions = false,
        subcommands = {EnvCommand.ListEnvs.class, EnvCommand.Create.class, EnvCommand.Edit.class,
                EnvCommand.Show.class})
final class EnvCommand extends CommandGroup {
    @Override
    protected String subcommands() {
        return "'env list', 'env show NAME', 'env create NAME', 'env edit NAME'";
    }

    @Command(name = "list", description = "Lists the environments.")
    static final class ListEnvs extends DeployCommandBase {
        @Override
        protected int run(Deploy deploy) {
            List<Environment> envs = deploy.environments().list();
            if (envs.isEmpty()) {
                out().println("No environments yet: `sluice env create Deployment --kind deployment --type production"
                        + " --profile-target prod --schema production`.");
                return 0;
            }
            print(reports(deploy).environments(envs));
            return 0;
        }
    }

    @Command(name = "show", description = "Shows an environment's settings (secrets masked).")
    static final class Show extends DeployCommandBase {
        @Parameters(paramLabel = "NAME", description = "Environment name or id.")
        String name;

        @Override
        protected int run(Deploy deploy) {
            print(reports(deploy).environment(deploy.environments().get(name)));
            return 0;
        }
    }

    /** The settings create and edit share; null means "leave as it is". */
    static class Settings {
        @Option(names = "--type", paramLabel = "TYPE", description = "Deployment type: production, staging, general.")
        String type;

        @Option(names = "--branch", description = "Git branch deployment runs check out (default main).")
        String branch;

        @Option(names = "--profile-target", paramLabel = "TARGET",
                description = "Take the connection from this target of the project's profiles.yml.")
        String profileTarget;

        @Option(names = "--connection", paramLabel = "KEY=VALUE",
                description = "The environment's own connection setting (repeatable): type=duckdb, path=..., host=...")
        List<String> connection = new ArrayList<>();

        @Option(names = "--schema", description = "Deployment credentials: the schema to build into (development:"
                + " the prefix of <prefix>_<branch>).")
        String schema;

        @Option(names = "--user", description = "Deployment credentials: user.")
        String user;

        @Option(names = "--password-env", paramLabel = "VARIABLE",
                description = "Deployment credentials: read the password from this environment variable (never"
                        + " from the command line).")
        String passwordEnv;

        @Option(names = "--target-name", description = "target.name in Jinja (default: the profile target's name).")
        String targetName;

        @Option(names = "--var", paramLabel = "NAME=VALUE",
                description = "An environment variable (repeatable); DBT_ENV_SECRET_* values are never shown.")
        List<String> vars = new ArrayList<>();

        void apply(EnvironmentDraft d, DeployCommandBase command) {
            if (type != null) {
                d.deploymentType = DeploymentType.parse(type);
            }
            if (branch != null) {
                d.gitBranch = branch;
            }
            if (profileTarget != null) {
                d.profileTarget = profileTarget;
                d.connection.clear();
            }
            if (!connection.isEmpty()) {
                d.profileTarget = null;
                for (String kv : connection) {
                    String[] pair = split(kv, "--connection");
                    d.connection.put(pair[0], pair[1]);
                }
            }
            if (schema != null) {
                d.schema = schema;
            }
            if (user != null) {
                d.user = user;
            }
            if (passwordEnv != null) {
                String value = command.ctx().env().get(passwordEnv);
                if (value == null) {
                    throw new dev.sluice.deploy.DeployException("--password-env " + passwordEnv + ": that variable"
                            + " is not set.");
                }
                d.password = value;
            }
            if (targetName != null) {
                d.targetName = targetName;
            }
            Integer threads = command.root().shared().threads;
            if (threads != null) {
                d.threads = threads;
            }
            for (String kv : vars) {
                String[] pair = split(kv, "--var");
                d.variables.put(pair[0], pair[1]);
            }
        }

        static String[] split(String kv, String flag) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new dev.sluice.deploy.DeployException(flag + " takes NAME=VALUE, got '" + kv + "'");
            }
            return new String[] {kv.substring(0, eq).strip(), kv.substring(eq + 1)};
        }
    }

    @Command(name = "create", description = "Creates an environment.", sortOptions = false)
    static final class Create extends DeployCommandBase {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--kind", required = true, description = "development or deployment.")
        String kind;

        @picocli.CommandLine.Mixin
        Settings settings;

        @Override
        protected int run(Deploy deploy) {
            EnvironmentDraft d = new EnvironmentDraft(name, EnvironmentKind.parse(kind));
            settings.apply(d, this);
            Environment env = deploy.environments().create(d);
            out().println("Created environment " + env.id() + ": " + env.name() + " (" + env.describeKind() + ")");
            return 0;
        }
    }

    @Command(name = "edit", description = "Changes an environment's settings; what is not given stays.",
            sortOptions = false)
    static final class Edit extends DeployCommandBase {
        @Parameters(paramLabel = "NAME", description = "Environment name or id.")
        String name;

        @Option(names = "--name", paramLabel = "NEW_NAME", description = "Rename it.")
        String newName;

        @Option(names = "--unset-var", paramLabel = "NAME", description = "Remove an environment variable.")
        List<String> unset = new ArrayList<>();

        @picocli.CommandLine.Mixin
        Settings settings;

        @Override
        protected int run(Deploy deploy) {
            Environment env = deploy.environments().edit(name, d -> {
                settings.apply(d, this);
                if (newName != null) {
                    d.name = newName;
                }
                unset.forEach(d.variables::remove);
            });
            out().println("Saved environment " + env.id() + ": " + env.name());
            print(reports(deploy).environment(env));
            return 0;
        }
    }
}
