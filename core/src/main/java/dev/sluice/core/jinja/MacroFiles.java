package dev.sluice.core.jinja;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A lazy {@link MacroLibrary}'s macro files, parsed one file at a time as their macros are first looked up: a model
 * re-parsed from the parse cache calls a few macros, and parsing every macro file of the project and its packages for
 * them cost more than the render itself. Which file defines which macro comes from scanning the files
 * ({@code definedIn}); the whole library, when something needs all of it, is assembled from the same parsed files.
 *
 * <p>A macro a file was scanned to define but does not define when parsed (one inside a Jinja comment, say) is
 * answered from the whole library, parsed then, as a library parsed up front answers.
 */
final class MacroFiles {
    private final dev.sluice.core.parallel.Memo<List<MacroSource>> sources;
    private final Function<MacroSource, Map<String, DbtMacroFunction>> parseFile;
    /** Package -> macro name -> index in {@link #sources} of the file defining it (the last, as parsing keeps). */
    private final Supplier<Map<String, Map<String, Integer>>> definedIn;
    private final Map<Integer, Map<String, DbtMacroFunction>> parsed = new ConcurrentHashMap<>();
    private final Map<String, Map<String, DbtMacroFunction>> packageViews = new ConcurrentHashMap<>();
    private volatile Map<String, Map<String, Integer>> index;

    /** {@code sources} is asked for once, when a macro is first needed. */
    MacroFiles(Supplier<List<MacroSource>> sources, Function<MacroSource, Map<String, DbtMacroFunction>> parseFile,
               Supplier<Map<String, Map<String, Integer>>> definedIn) {
        this.sources = dev.sluice.core.parallel.Memo.of(() -> List.copyOf(sources.get()));
        this.parseFile = parseFile;
        this.definedIn = definedIn;
    }

    /** How many distinct names the packages' macros have, as scanned. */
    int distinctNames() {
        Set<String> all = new java.util.HashSet<>();
        index().values().forEach(macros -> all.addAll(macros.keySet()));
        return all.size();
    }

    /** Package -> macro names, as scanned. */
    Map<String, Set<String>> names() {
        Map<String, Set<String>> names = new LinkedHashMap<>();
        index().forEach((pkg, macros) -> names.put(pkg, macros.keySet()));
        return names;
    }

    private Map<String, Map<String, Integer>> index() {
        Map<String, Map<String, Integer>> known = index;
        if (known == null) {
            index = known = definedIn.get();
        }
        return known;
    }

    /** Every package with a macro file, in the order of the files (as the whole library lists them). */
    List<String> packages() {
        Set<String> packages = new LinkedHashSet<>();
        for (MacroSource source : sources.get()) {
            packages.add(source.packageName());
        }
        return new ArrayList<>(packages);
    }

    /** The whole library: every file parsed (those parsed already are not parsed again), merged in file order. */
    Map<String, Map<String, DbtMacroFunction>> all() {
        Map<String, Map<String, DbtMacroFunction>> byPackage = new LinkedHashMap<>();
        List<MacroSource> all = sources.get();
        for (int i = 0; i < all.size(); i++) {
            byPackage.computeIfAbsent(all.get(i).packageName(), k -> new LinkedHashMap<>()).putAll(file(i));
        }
        return byPackage;
    }

    private Map<String, DbtMacroFunction> file(int i) {
        return parsed.computeIfAbsent(i, k -> parseFile.apply(sources.get().get(k)));
    }

    /**
     * {@link #file} for a look-up during a render. Only a file changed behind the parse cache's back fails here (a
     * cached parse's macros parsed), and the render's engine formats the message of the error and of its cause, which
     * a Jinja tag's % sign breaks: the message is told without them.
     */
    private Map<String, DbtMacroFunction> fileForLookUp(int i) {
        try {
            return file(i);
        } catch (dev.sluice.core.errors.SluiceException e) {
            throw new IllegalStateException("the macro file " + sources.get().get(i).originalFilePath()
                    + " no longer parses (" + e.getMessage().replace('%', ' ') + ")");
        }
    }

    /**
     * A package's macros as a read-only map: a look-up parses only the file defining the name; anything that walks
     * the map takes the package from {@code whole}.
     */
    Map<String, DbtMacroFunction> packageView(String packageName,
                                              Supplier<Map<String, Map<String, DbtMacroFunction>>> whole) {
        return packageViews.computeIfAbsent(packageName, pkg -> new AbstractMap<>() {
            @Override
            public DbtMacroFunction get(Object name) {
                Integer file = index().getOrDefault(pkg, Map.of()).get(name);
                if (file == null) {
                    return null;
                }
                DbtMacroFunction macro = fileForLookUp(file).get(name);
                return macro != null ? macro : whole.get().getOrDefault(pkg, Map.of()).get(name);
            }

            @Override
            public boolean containsKey(Object name) {
                return get(name) != null;
            }

            /** From the scanned names (Jinjava asks a map it is given for its size). */
            @Override
            public int size() {
                return index().getOrDefault(pkg, Map.of()).size();
            }

            @Override
            public boolean isEmpty() {
                return size() == 0;
            }

            @Override
            public Set<Entry<String, DbtMacroFunction>> entrySet() {
                return java.util.Collections.unmodifiableMap(whole.get().getOrDefault(pkg, Map.of())).entrySet();
            }
        });
    }
}
