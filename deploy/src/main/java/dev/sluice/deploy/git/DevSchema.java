package dev.sluice.deploy.git;

import java.util.Locale;

/**
 * The development schema rule: {@code <prefix>_<branch>}, the branch lower-cased with every run of characters other
 * than letters and digits turned into one underscore, and the whole cut to 63 characters. The prefix is the
 * development environment's credentials schema, {@code dev} by default. So on branch {@code feature/F1-standings}
 * the developer builds into {@code dev_feature_f1_standings}, and main's work stays in {@code dev_main}: two branches
 * never share a schema, and a deployment schema such as {@code production} is never touched by development.
 */
public final class DevSchema {
    public static final String DEFAULT_PREFIX = "dev";

    private DevSchema() {
    }

    public static String of(String prefix, String branch) {
        String p = prefix == null || prefix.isBlank() ? DEFAULT_PREFIX : prefix.strip().toLowerCase(Locale.ROOT);
        String slug = branch.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        String schema = slug.isEmpty() ? p : p + "_" + slug;
        return schema.length() > 63 ? schema.substring(0, 63) : schema;
    }
}
