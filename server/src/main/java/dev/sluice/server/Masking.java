package dev.sluice.server;

import dev.sluice.deploy.model.Environment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The last guard before text leaves the server: every secret of an environment (the credentials password and each
 * DBT_ENV_SECRET_ value) is replaced by the mask wherever it appears. Deploy masks logs as it writes them; this
 * also covers artifacts and anything that slipped through.
 */
final class Masking {
    private Masking() {
    }

    static List<String> secrets(Environment env) {
        List<String> out = new ArrayList<>();
        if (env.password() != null && !env.password().isEmpty()) {
            out.add(env.password());
        }
        env.variables().forEach((k, v) -> {
            if (Environment.isSecret(k) && v != null && !v.isEmpty()) {
                out.add(v);
            }
        });
        out.sort(Comparator.comparingInt(String::length).reversed());
        return out;
    }

    static String mask(String text, List<String> secrets) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, Environment.MASK);
        }
        return out;
    }
}
