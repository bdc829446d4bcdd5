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

/** Form fields and form parsing for the web UI's edit pages. */
final class Forms {
    private Forms() {
    }


    static String dt(String label, Object value) {
        return "<dt>" + esc(label) + "</dt><dd>" + esc(value == null ? "" : value) + "</dd>";
    }

    static String input(String name, String label, Object value) {
        return "<label>" + esc(label) + " <input id=\"" + name + "\" name=\"" + name + "\" value=\""
                + esc(value == null ? "" : value) + "\"></label>";
    }

    static String textarea(String name, String label, String value) {
        return "<label>" + esc(label) + " <textarea id=\"" + name + "\" name=\"" + name + "\" rows=\"4\">"
                + esc(value) + "</textarea></label>";
    }

    static String check(String name, String label, boolean on) {
        return "<label class=\"check\"><input type=\"checkbox\" id=\"" + name + "\" name=\"" + name + "\" value=\"1\""
                + (on ? " checked" : "") + "> " + esc(label) + "</label>";
    }

    static String lines(Map<String, String> map) {
        StringBuilder b = new StringBuilder();
        map.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        return b.toString();
    }

    static Map<String, String> parseLines(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null) {
            return out;
        }
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new DeployException("'" + line.strip() + "' is not key=value.");
            }
            out.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return out;
    }

    static Integer number(String text, String label) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new DeployException(label + " must be a whole number.");
        }
    }
}
