package dev.sluice.core.jinja;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every parsed macro, by package. It decides which macro a bare name means in a given package ({@link #visibleFrom}):
 * Sluice's built-ins ({@code dbt}) lowest, then other packages, then the node's own package, then the root project.
 */
public final class MacroLibrary {
    public static final String INTERNAL_PACKAGE = "dbt";

    private final String rootPackage;
    private final java.util.function.Supplier<Map<String, Map<String, DbtMacroFunction>>> parse;
    private volatile Map<String, Map<String, DbtMacroFunction>> byPackage;
    private final Map<String, Map<String, DbtMacroFunction>> visible = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> namespaces = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Map<String, DbtMacroFunction>> visibleViews = new java.util.concurrent.ConcurrentHashMap<>();

    /** Package -> macro names, known without parsing (null: ask the parsed macros). */
    private final java.util.function.Supplier<Map<String, java.util.Set<String>>> names;
    /** The macro files, parsed one at a time as their macros are looked up; null: all at once. */
    private final MacroFiles files;

    MacroLibrary(String rootPackage, Map<String, Map<String, DbtMacroFunction>> byPackage) {
        this.rootPackage = rootPackage;
        this.byPackage = byPackage;
        this.parse = null;
        this.names = null;
        this.files = null;
    }

    /**
     * A library whose macros are parsed on first use (a cached parse may never need them); {@code names}, if not
     * null, answers {@link #isBuiltInDispatch} until then.
     */
    MacroLibrary(String rootPackage, java.util.function.Supplier<Map<String, Map<String, DbtMacroFunction>>> parse,
                 java.util.function.Supplier<Map<String, java.util.Set<String>>> names) {
        this.rootPackage = rootPackage;
        this.parse = parse;
        this.names = names;
        this.files = null;
    }

    /**
     * A library whose macro files are parsed one at a time, as a look-up first needs a macro of theirs (see
     * {@link MacroFiles}); {@code names} (or, if null, the files' scanned names) answer {@link #isBuiltInDispatch}.
     */
    MacroLibrary(String rootPackage, MacroFiles files, java.util.function.Supplier<Map<String, java.util.Set<String>>> names) {
        this.rootPackage = rootPackage;
        this.parse = files::all;
        this.names = names != null ? names : files::names;
        this.files = files;
    }

    /** True while look-ups go file by file (nothing has needed the whole library yet). */
    private boolean fileByFile() {
        return files != null && byPackage == null;
    }

    private Map<String, Map<String, DbtMacroFunction>> byPackage() {
        Map<String, Map<String, DbtMacroFunction>> parsed = byPackage;
        if (parsed == null) {
            synchronized (this) {
                if (byPackage == null) {
                    byPackage = parse.get();
                }
                parsed = byPackage;
            }
        }
        return parsed;
    }

    /**
     * Starts parsing the macros on a daemon thread of their own, for a command that will render: parsing them takes
     * a few hundred milliseconds that can overlap with reading the parse cache and opening the warehouse. The first
     * use waits for it (an error surfaces there, as it would have without this).
     */
    public void prepareInBackground() {
        if (parse == null || byPackage != null) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                byPackage();
            } catch (RuntimeException | Error e) {
                // reported again, with its context, when the macros are first used on the command's own thread
            }
        }, "sluice-macros");
        thread.setDaemon(true);
        thread.start();
    }

    /** This library with its macros parsed (waiting for {@link #prepareInBackground}); a syntax error is thrown here. */
    public MacroLibrary parsedNow() {
        byPackage();
        return this;
    }

    public String rootPackage() {
        return rootPackage;
    }

    public Collection<String> packages() {
        return fileByFile() ? files.packages() : byPackage().keySet();
    }

    public Map<String, DbtMacroFunction> macrosOf(String packageName) {
        if (packageName == null) {
            return Map.of();
        }
        return fileByFile() ? files.packageView(packageName, this::byPackage)
                : byPackage().getOrDefault(packageName, Map.of());
    }

    /** A package as templates see it ({@code dbt_utils.star(...)}): its macros by name, read-only, built once. */
    Map<String, Object> namespace(String packageName) {
        return namespaces.computeIfAbsent(packageName, pkg -> java.util.Collections.unmodifiableMap(fileByFile()
                ? macrosOf(pkg) : new LinkedHashMap<String, Object>(macrosOf(pkg))));
    }

    public Optional<DbtMacroFunction> find(String packageName, String name) {
        return Optional.ofNullable(macrosOf(packageName).get(name));
    }

    /**
     * True when a bare call of {@code name} from {@code packageName} means Sluice's built-in macro and its
     * {@code adapter.dispatch(name, 'dbt')} lands on Sluice's own {@code default__name}: nothing in the project, its
     * packages or the adapter overrides it, so its result can be computed without Jinja.
     */
    public boolean isBuiltInDispatch(String packageName, String name, String adapterType, List<String> searchOrder) {
        Map<String, java.util.Set<String>> known = macroNames();
        // a bare name means the built-in macro unless any other package defines it: every package is visible
        // from every other one, the node's own and the root project's in front
        for (Map.Entry<String, java.util.Set<String>> pkg : known.entrySet()) {
            if (!pkg.getKey().equals(INTERNAL_PACKAGE) && pkg.getValue().contains(name)) {
                return false;
            }
        }
        if (!known.getOrDefault(INTERNAL_PACKAGE, java.util.Set.of()).contains(name)) {
            return false;
        }
        // dispatch's search, by name: the first package of the order with <adapter>__name or default__name
        for (String pkg : searchOrder) {
            java.util.Set<String> defined = known.getOrDefault(pkg, java.util.Set.of());
            if (defined.contains(adapterType + "__" + name)) {
                return false;
            }
            if (defined.contains("default__" + name)) {
                return pkg.equals(INTERNAL_PACKAGE);
            }
        }
        return false;
    }

    /** Package -> the names of its macros: from the parsed macros if parsed (or nothing else knows), else scanned. */
    private Map<String, java.util.Set<String>> macroNames() {
        if (byPackage != null || names == null) {
            Map<String, java.util.Set<String>> parsed = new LinkedHashMap<>();
            byPackage().forEach((pkg, macros) -> parsed.put(pkg, macros.keySet()));
            return parsed;
        }
        Map<String, java.util.Set<String>> scanned = scannedNames;
        if (scanned == null) {
            scannedNames = scanned = names.get();
        }
        return scanned;
    }

    private volatile Map<String, java.util.Set<String>> scannedNames;

    /** Names a template in {@code packageName} can call without a namespace, with the macro each one means. */
    Map<String, DbtMacroFunction> visibleFrom(String packageName) {
        if (fileByFile()) {
            // looks each name up where a full copy would have taken it from; one view per package, as the copies
            return packageName == null ? new VisibleView(null)
                    : visibleViews.computeIfAbsent(packageName, VisibleView::new);
        }
        if (packageName == null) {
            return computeVisibleFrom(null);
        }
        return visible.computeIfAbsent(packageName, this::computeVisibleFrom);
    }

    /**
     * {@link #computeVisibleFrom}'s map as a look-up: the root project's macro, else the package's own, else the last
     * other package's, else the built-in one (later packages' macros replace earlier ones' in the copy). Walking it
     * takes the copy.
     */
    private final class VisibleView extends java.util.AbstractMap<String, DbtMacroFunction> {
        private final String packageName;
        private final List<String> order = new java.util.ArrayList<>();

        VisibleView(String packageName) {
            this.packageName = packageName;
            order.add(rootPackage);
            if (packageName != null) {
                order.add(packageName);
            }
            List<String> others = new java.util.ArrayList<>();
            for (String pkg : files.packages()) {
                if (!pkg.equals(INTERNAL_PACKAGE) && !pkg.equals(rootPackage) && !pkg.equals(packageName)) {
                    others.add(pkg);
                }
            }
            java.util.Collections.reverse(others);
            order.addAll(others);
            order.add(INTERNAL_PACKAGE);
        }

        @Override
        public DbtMacroFunction get(Object name) {
            for (String pkg : order) {
                DbtMacroFunction macro = macrosOf(pkg).get(name);
                if (macro != null) {
                    return macro;
                }
            }
            return null;
        }

        @Override
        public boolean containsKey(Object name) {
            return get(name) != null;
        }

        /** From the scanned names (Jinjava asks a map it is given for its size). */
        @Override
        public int size() {
            return files.distinctNames();
        }

        @Override
        public boolean isEmpty() {
            return size() == 0;
        }

        @Override
        public java.util.Set<Entry<String, DbtMacroFunction>> entrySet() {
            return computeVisibleFrom(packageName).entrySet();
        }
    }

    private Map<String, DbtMacroFunction> computeVisibleFrom(String packageName) {
        Map<String, DbtMacroFunction> visible = new LinkedHashMap<>(macrosOf(INTERNAL_PACKAGE));
        for (String pkg : byPackage().keySet()) {
            if (!pkg.equals(INTERNAL_PACKAGE) && !pkg.equals(rootPackage) && !pkg.equals(packageName)) {
                visible.putAll(macrosOf(pkg));
            }
        }
        if (packageName != null) {
            visible.putAll(macrosOf(packageName));
        }
        visible.putAll(macrosOf(rootPackage));
        return java.util.Collections.unmodifiableMap(visible);
    }

    /**
     * adapter.dispatch's search: for each package in {@code searchOrder}, {@code <adapter>__name} then {@code default__name}.
     */
    public Optional<DbtMacroFunction> dispatch(String name, String adapterType, List<String> searchOrder) {
        for (String pkg : searchOrder) {
            for (String prefix : List.of(adapterType + "__", "default__")) {
                DbtMacroFunction macro = macrosOf(pkg).get(prefix + name);
                if (macro != null) {
                    return Optional.of(macro);
                }
            }
        }
        return Optional.empty();
    }
}
