package dev.sluice.core.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.errors.SourceLocation;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Finds a CPython that has what a model needs: the model's {@code python_interpreter} config, then the
 * {@code SLUICE_PYTHON} environment variable, then {@code /usr/bin/python3}, then {@code python3} on the PATH. The
 * first candidate that imports pandas and every package the model's {@code packages} config names wins; the choice is
 * announced once per interpreter. Probes are cached for the life of this object (one invocation).
 */
public final class PythonInterpreters {
    /** pip names whose import name differs. */
    private static final Map<String, String> IMPORT_NAMES = Map.of("scikit-learn", "sklearn", "sklearn", "sklearn",
            "pyyaml", "yaml", "python-dateutil", "dateutil", "beautifulsoup4", "bs4", "pillow", "PIL",
            "opencv-python", "cv2");
    /** Debian packages for the usual needs. */
    private static final Map<String, String> DEBIAN = Map.of("pandas", "python3-pandas", "sklearn", "python3-sklearn",
            "numpy", "python3-numpy", "scipy", "python3-scipy", "yaml", "python3-yaml", "dateutil", "python3-dateutil");

    /** One probed interpreter: its path, version, and the modules it could import (with their versions). */
    public record Interpreter(String path, String version, Map<String, String> modules, String failure) {
        boolean has(String module) {
            return modules.containsKey(module);
        }
    }

    private final Function<String, String> env;
    private final Consumer<String> announce;
    private final Map<String, Interpreter> probes = new ConcurrentHashMap<>();
    private final Set<String> announced = ConcurrentHashMap.newKeySet();

    private final List<String> fallbacks;

    public PythonInterpreters(Function<String, String> env, Consumer<String> announce) {
        this(env, announce, null);
    }

    /** As above, with {@code fallbacks} instead of {@code /usr/bin/python3} and {@code python3} on the PATH. */
    public PythonInterpreters(Function<String, String> env, Consumer<String> announce, List<String> fallbacks) {
        this.env = env;
        this.announce = announce;
        this.fallbacks = fallbacks;
    }

    /** The import names of pandas plus the model's {@code packages}, version pins and extras stripped. */
    static List<String> requiredModules(Object packages) {
        Set<String> modules = new LinkedHashSet<>();
        modules.add("pandas");
        if (packages instanceof List<?> list) {
            for (Object item : list) {
                String name = String.valueOf(item).strip().split("[<>=!~;\\[ ]", 2)[0].toLowerCase(Locale.ROOT);
                if (!name.isEmpty()) {
                    modules.add(IMPORT_NAMES.getOrDefault(name, name.replace('-', '_')));
                }
            }
        }
        return new ArrayList<>(modules);
    }

    /** The interpreter for a model, or an error naming what each candidate lacked and how to install it. */
    public Interpreter find(String configured, List<String> modules, String modelDescription, String file) {
        List<String> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        }
        String fromEnv = env.apply("SLUICE_PYTHON");
        if (fromEnv != null && !fromEnv.isBlank()) {
            candidates.add(fromEnv);
        }
        if (fallbacks != null) {
            candidates.addAll(fallbacks);
        } else {
            candidates.add("/usr/bin/python3");
            String onPath = onPath("python3");
            if (onPath != null) {
                candidates.add(onPath);
            }
        }
        List<String> tried = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>();
        for (String candidate : new LinkedHashSet<>(candidates)) {
            Interpreter probe = probes.computeIfAbsent(candidate + "\0" + String.join(",", modules),
                    key -> probe(candidate, modules));
            List<String> lacks = modules.stream().filter(m -> !probe.has(m)).toList();
            if (probe.failure() == null && lacks.isEmpty()) {
                return announce(probe);
            }
            missing.addAll(lacks);
            tried.add(candidate + (probe.failure() != null ? " (" + probe.failure() + ")"
                    : " (Python " + probe.version() + ": no module " + String.join(", ", lacks) + ")"));
        }
        List<String> debian = new ArrayList<>();
        List<String> pip = new ArrayList<>();
        for (String module : missing.isEmpty() ? modules : missing) {
            debian.add(DEBIAN.getOrDefault(module, "python3-" + module.toLowerCase(Locale.ROOT)));
            pip.add(module.equals("sklearn") ? "scikit-learn" : module);
        }
        throw new SluiceException(ErrorCode.CONFIG_INVALID, "No Python interpreter with "
                + String.join(", ", modules) + " was found to run " + modelDescription + ". Tried: "
                + String.join("; ", tried) + ". Install what is missing (Debian/Ubuntu: `apt-get install "
                + String.join(" ", debian) + "`; elsewhere: `pip install " + String.join(" ", pip)
                + "`), or point the SLUICE_PYTHON environment variable or the model's python_interpreter config at"
                + " a Python that has them.", SourceLocation.of(file), modelDescription, null);
    }

    private Interpreter announce(Interpreter interpreter) {
        if (announced.add(interpreter.path())) {
            announce.accept("Python models run with " + interpreter.path() + " (Python " + interpreter.version()
                    + ", pandas " + interpreter.modules().get("pandas") + ")");
        }
        return interpreter;
    }

    private static Interpreter probe(String executable, List<String> modules) {
        // find_spec locates a package without importing it, so a probe costs a bare interpreter start
        String script = "import importlib.util, json, sys\n"
                + "out = {'version': sys.version.split()[0], 'modules': {}}\n"
                + "for m in sys.argv[1:]:\n"
                + "    try:\n"
                + "        found = importlib.util.find_spec(m) is not None\n"
                + "    except Exception:\n"
                + "        found = False\n"
                + "    version = ''\n"
                + "    if found:\n"
                + "        try:\n"
                + "            import importlib.metadata as md\n"
                + "            version = md.version({'sklearn': 'scikit-learn'}.get(m, m))\n"
                + "        except Exception:\n"
                + "            pass\n"
                + "    out['modules'][m if found else '!' + m] = version\n"
                + "print(json.dumps(out))\n";
        List<String> command = new ArrayList<>(List.of(executable, "-c", script));
        command.addAll(modules);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Interpreter(executable, "?", Map.of(), "did not answer within 60 s");
            }
            if (process.exitValue() != 0) {
                return new Interpreter(executable, "?", Map.of(), "exited with " + process.exitValue());
            }
            JsonNode json = new ObjectMapper().readTree(out.strip());
            Map<String, String> found = new LinkedHashMap<>();
            json.get("modules").fields().forEachRemaining(e -> found.put(e.getKey(), e.getValue().asText()));
            return new Interpreter(executable, json.get("version").asText(), found, null);
        } catch (IOException e) {
            return new Interpreter(executable, "?", Map.of(), "cannot be started: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Interpreter(executable, "?", Map.of(), "interrupted");
        }
    }

    private String onPath(String name) {
        String path = env.apply("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
