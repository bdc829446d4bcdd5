package dev.sluice.core.manifest.parse;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.jinja.MacroLibrary;
import dev.sluice.core.jinja.MacroSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Sluice's own macros (package {@code dbt}), shipped as resources: naming, statement, the built-in generic tests. */
public final class InternalMacros {
    private static final String ROOT = "/dev/sluice/core/macros/";

    private InternalMacros() {
    }

    public static List<MacroSource> load() {
        List<MacroSource> out = new ArrayList<>();
        for (String name : read("index.txt").split("\\R")) {
            if (!name.isBlank()) {
                out.add(new MacroSource(MacroLibrary.INTERNAL_PACKAGE, "sluice/macros/" + name.strip(), read(name.strip())));
            }
        }
        return out;
    }

    private static String read(String name) {
        try (InputStream in = InternalMacros.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new SluiceException(ErrorCode.INTERNAL, "built-in macro file missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.INTERNAL, "cannot read built-in macro " + name + ": " + e.getMessage());
        }
    }
}
