package dev.sluice.core.api;

import dev.sluice.spi.TargetConfig;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The {@code target} variable templates see: the target's fields, without anything secret. */
final class TargetContext {
    private static final Set<String> SECRET_KEYS = Set.of("password", "pass", "token", "private_key",
            "private_key_passphrase", "secret", "client_secret", "oauth_client_secret", "refresh_token", "keyfile_json");

    private TargetContext() {
    }

    static Map<String, Object> of(TargetConfig target) {
        Map<String, Object> context = new LinkedHashMap<>();
        target.fields().forEach((k, v) -> {
            if (!SECRET_KEYS.contains(k.toLowerCase(Locale.ROOT))) {
                context.put(k, v);
            }
        });
        context.put("name", target.targetName());
        context.put("target_name", target.targetName());
        context.put("profile_name", target.profileName());
        context.put("type", target.type());
        context.put("schema", target.schema());
        context.put("database", target.database());
        context.put("threads", target.threads());
        return context;
    }
}
