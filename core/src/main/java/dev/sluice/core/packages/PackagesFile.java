package dev.sluice.core.packages;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.errors.SourceLocation;
import dev.sluice.core.project.YamlJinja;
import dev.sluice.core.project.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** A project's declared packages: packages.yml, or dependencies.yml (dbt 1.6+), with Jinja such as env_var rendered. */
public record PackagesFile(Path file, String text, List<PackageSpec> packages) {

    public static PackagesFile read(Path projectDir, Function<String, String> renderer) {
        for (String name : List.of("packages.yml", "dependencies.yml")) {
            Path file = projectDir.resolve(name);
            if (Files.isRegularFile(file)) {
                return parse(file, name, renderer);
            }
        }
        return new PackagesFile(null, "", List.of());
    }

    private static PackagesFile parse(Path file, String shown, Function<String, String> renderer) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.IO, "cannot read " + file + ": " + e.getMessage());
        }
        Map<String, Object> yaml = YamlReader.toMap(YamlReader.parse(text, shown), shown);
        Object rendered = YamlJinja.render(yaml.get("packages"), renderer, Set.of());
        List<PackageSpec> specs = new ArrayList<>();
        if (rendered instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> entry)) {
                    throw new SluiceException(ErrorCode.CONFIG_INVALID, "each package must be a mapping, found: " + item,
                            SourceLocation.of(shown));
                }
                specs.add(PackageSpec.of(entry, shown));
            }
        } else if (rendered != null) {
            throw new SluiceException(ErrorCode.CONFIG_INVALID, "'packages' must be a list", SourceLocation.of(shown));
        }
        return new PackagesFile(file, text, specs);
    }
}
