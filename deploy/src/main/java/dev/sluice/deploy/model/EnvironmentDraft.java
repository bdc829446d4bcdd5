package dev.sluice.deploy.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** An environment being created or edited: every field may change until it is saved (and validated). */
public final class EnvironmentDraft {
    public String name;
    public EnvironmentKind kind;
    public DeploymentType deploymentType;
    public String gitBranch;
    public String profileTarget;
    public Map<String, String> connection = new LinkedHashMap<>();
    public String schema;
    public String user;
    public String password;
    public String targetName;
    public Integer threads;
    public Map<String, String> variables = new LinkedHashMap<>();

    public EnvironmentDraft(String name, EnvironmentKind kind) {
        this.name = name;
        this.kind = kind;
    }

    public static EnvironmentDraft development(String name) {
        return new EnvironmentDraft(name, EnvironmentKind.DEVELOPMENT);
    }

    public static EnvironmentDraft deployment(String name, DeploymentType type) {
        EnvironmentDraft d = new EnvironmentDraft(name, EnvironmentKind.DEPLOYMENT);
        d.deploymentType = type;
        return d;
    }

    public EnvironmentDraft branch(String v) { gitBranch = v; return this; }
    public EnvironmentDraft profileTarget(String v) { profileTarget = v; return this; }
    public EnvironmentDraft connection(String key, String value) { connection.put(key, value); return this; }
    public EnvironmentDraft schema(String v) { schema = v; return this; }
    public EnvironmentDraft user(String v) { user = v; return this; }
    public EnvironmentDraft password(String v) { password = v; return this; }
    public EnvironmentDraft targetName(String v) { targetName = v; return this; }
    public EnvironmentDraft threads(Integer v) { threads = v; return this; }
    public EnvironmentDraft variable(String key, String value) { variables.put(key, value); return this; }
}
