package dev.sluice.deploy;

import dev.sluice.deploy.model.DeploymentType;
import dev.sluice.deploy.model.Environment;
import dev.sluice.deploy.model.EnvironmentDraft;
import dev.sluice.deploy.model.EnvironmentKind;
import dev.sluice.deploy.store.Sql;
import dev.sluice.deploy.store.Store;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** Environments in the store: list, find, create, edit (each save validated). */
public final class Environments {
    private static final Pattern SCHEMA = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,199}");
    private final Store store;
    private final Clock clock;

    Environments(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public List<Environment> list() {
        return store.tx(c -> {
            List<Long> ids = Sql.list(c, "select id from environment order by id", rs -> rs.getLong(1));
            List<Environment> out = new java.util.ArrayList<>();
            for (long id : ids) {
                out.add(load(c, id));
            }
            return out;
        });
    }

    public Environment get(long id) {
        return store.tx(c -> load(c, id));
    }

    /** By name (exact, then case-insensitive) or by id. */
    public Environment get(String nameOrId) {
        return store.tx(c -> load(c, resolve(c, nameOrId)));
    }

    static long resolve(Connection c, String nameOrId) throws SQLException {
        var exact = Sql.one(c, "select id from environment where name = ?", rs -> rs.getLong(1), nameOrId);
        if (exact.isPresent()) {
            return exact.get();
        }
        var loose = Sql.list(c, "select id from environment where lower(name) = lower(?)", rs -> rs.getLong(1),
                nameOrId);
        if (loose.size() == 1) {
            return loose.get(0);
        }
        if (nameOrId.matches("[0-9]{1,18}")) {
            var byId = Sql.one(c, "select id from environment where id = ?", rs -> rs.getLong(1),
                    Long.parseLong(nameOrId));
            if (byId.isPresent()) {
                return byId.get();
            }
        }
        throw new DeployException("No environment named '" + nameOrId + "'. `sluice env list` shows them.");
    }

    public Environment create(EnvironmentDraft draft) {
        return store.tx(c -> {
            validate(c, draft, null);
            Instant now = clock.instant();
            long id = Sql.insert(c, "insert into environment (name, kind, deployment_type, git_branch, profile_target,"
                    + " connection_settings, credentials_schema, credentials_user, credentials_password, target_name,"
                    + " threads, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    draft.name.strip(), draft.kind, draft.deploymentType, blankToNull(draft.gitBranch),
                    blankToNull(draft.profileTarget), Json.write(draft.connection), blankToNull(draft.schema),
                    blankToNull(draft.user), blankToNull(draft.password), blankToNull(draft.targetName),
                    draft.threads, now, now);
            saveVariables(c, id, draft.variables);
            return load(c, id);
        });
    }

    /** Loads the environment, lets {@code change} edit it, validates and saves it. */
    public Environment edit(String nameOrId, Consumer<EnvironmentDraft> change) {
        return store.tx(c -> {
            long id = resolve(c, nameOrId);
            EnvironmentDraft draft = load(c, id).toDraft();
            change.accept(draft);
            validate(c, draft, id);
            Sql.update(c, "update environment set name = ?, kind = ?, deployment_type = ?, git_branch = ?,"
                    + " profile_target = ?, connection_settings = ?, credentials_schema = ?, credentials_user = ?,"
                    + " credentials_password = ?, target_name = ?, threads = ?, updated_at = ? where id = ?",
                    draft.name.strip(), draft.kind, draft.deploymentType, blankToNull(draft.gitBranch),
                    blankToNull(draft.profileTarget), Json.write(draft.connection), blankToNull(draft.schema),
                    blankToNull(draft.user), blankToNull(draft.password), blankToNull(draft.targetName),
                    draft.threads, clock.instant(), id);
            Sql.update(c, "delete from environment_variable where environment_id = ?", id);
            saveVariables(c, id, draft.variables);
            return load(c, id);
        });
    }

    private static void saveVariables(Connection c, long id, Map<String, String> variables) throws SQLException {
        for (var e : variables.entrySet()) {
            Sql.update(c, "insert into environment_variable (environment_id, name, variable_value) values (?, ?, ?)",
                    id, e.getKey(), e.getValue());
        }
    }

    private static void validate(Connection c, EnvironmentDraft d, Long self) throws SQLException {
        if (d.name == null || d.name.isBlank()) {
            throw new DeployException("An environment needs a name.");
        }
        if (d.kind == null) {
            throw new DeployException("Environment '" + d.name + "' needs a kind: development or deployment.");
        }
        if (d.kind == EnvironmentKind.DEVELOPMENT) {
            if (d.deploymentType != null) {
                throw new DeployException("Environment '" + d.name + "': a development environment has no deployment"
                        + " type (production, staging, general belong to deployment environments).");
            }
        } else if (d.deploymentType == null) {
            d.deploymentType = DeploymentType.GENERAL;
        }
        var sameName = Sql.list(c, "select id from environment where lower(name) = lower(?)", rs -> rs.getLong(1),
                d.name.strip());
        if (sameName.stream().anyMatch(id -> !id.equals(self))) {
            throw new DeployException("An environment named '" + d.name.strip() + "' exists already.");
        }
        if (d.kind == EnvironmentKind.DEVELOPMENT && others(c, "kind = 'development'", self)) {
            throw new DeployException("There is a development environment already; a project has one (each"
                    + " developer's branch gets its own schema in it).");
        }
        if (d.deploymentType == DeploymentType.PRODUCTION && others(c, "deployment_type = 'production'", self)) {
            throw new DeployException("There is a production environment already; a project has at most one. Make"
                    + " this one staging or general.");
        }
        boolean hasTarget = d.profileTarget != null && !d.profileTarget.isBlank();
        boolean hasSettings = d.connection != null && !d.connection.isEmpty();
        if (hasTarget == hasSettings) {
            throw new DeployException("Environment '" + d.name + "' needs one connection: a profiles.yml target"
                    + " (--profile-target prod) or its own settings (--connection type=duckdb --connection path=...),"
                    + " not " + (hasTarget ? "both" : "neither") + ".");
        }
        if (hasSettings && !d.connection.containsKey("type")) {
            throw new DeployException("Environment '" + d.name + "': its connection settings need a type (e.g."
                    + " type=duckdb).");
        }
        if (hasSettings && d.connection.keySet().stream().anyMatch(k -> k.equalsIgnoreCase("password"))) {
            throw new DeployException("Environment '" + d.name + "': put the password in the deployment credentials"
                    + " (--password), where it stays secret, not in the connection settings.");
        }
        if (d.schema != null && !d.schema.isBlank() && !SCHEMA.matcher(d.schema.strip()).matches()) {
            throw new DeployException("Environment '" + d.name + "': '" + d.schema + "' is not a schema name (letters,"
                    + " digits and _, not starting with a digit).");
        }
        if (d.threads != null && d.threads < 1) {
            throw new DeployException("Environment '" + d.name + "': threads must be at least 1.");
        }
        for (String name : d.variables.keySet()) {
            if (!VARIABLE.matcher(name).matches()) {
                throw new DeployException("Environment '" + d.name + "': '" + name + "' is not an environment"
                        + " variable name.");
            }
        }
    }

    private static boolean others(Connection c, String where, Long self) throws SQLException {
        return Sql.list(c, "select id from environment where " + where, rs -> rs.getLong(1)).stream()
                .anyMatch(id -> !id.equals(self));
    }

    static Environment load(Connection c, long id) throws SQLException {
        Map<String, String> variables = new LinkedHashMap<>();
        Sql.list(c, "select name, variable_value from environment_variable where environment_id = ? order by name",
                rs -> variables.put(rs.getString(1), rs.getString(2)), id);
        return Sql.one(c, "select * from environment where id = ?", rs -> row(rs, variables), id)
                .orElseThrow(() -> new DeployException("No environment with id " + id + "."));
    }

    private static Environment row(ResultSet rs, Map<String, String> variables) throws SQLException {
        String type = rs.getString("deployment_type");
        return new Environment(rs.getLong("id"), rs.getString("name"), EnvironmentKind.parse(rs.getString("kind")),
                type == null ? null : DeploymentType.parse(type), rs.getString("git_branch"),
                rs.getString("profile_target"), Json.stringMap(rs.getString("connection_settings")),
                rs.getString("credentials_schema"), rs.getString("credentials_user"),
                rs.getString("credentials_password"), rs.getString("target_name"), Sql.integer(rs, "threads"),
                variables, Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
