package dev.sluice.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine;

/** Sluice's version, from the build (version.properties is filtered by Maven). */
public final class Version {
    private Version() {
    }

    /** "0.1.0" (a -SNAPSHOT suffix is dropped, as the "Running with" line shows only the release). */
    public static String current() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // fall through to "unknown"
        }
        String v = p.getProperty("version", "unknown");
        return v.startsWith("${") ? "unknown" : v.replace("-SNAPSHOT", "");
    }

    /** {@code sluice --version}: core and each adapter found on the class path, in dbt's layout. */
    public static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = current();
            List<String> lines = new ArrayList<>();
            lines.add("Core:");
            lines.add("  - installed: " + v);
            lines.add("");
            lines.add("Plugins:");
            ApiFactory.adapters().forEach(a -> lines.add("  - " + a.type() + ": " + v));
            return lines.toArray(String[]::new);
        }
    }
}
