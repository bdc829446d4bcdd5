package dev.sluice.core.docs.graph;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The lineage views {@code docs serve} computes on request, laid out with ELK and drawn as SVG: a selection in the
 * CLI's syntax ({@code --select}/{@code --exclude}, evaluated by the caller's selector, so exactly as the CLI would), or
 * the neighbourhood of one node ({@code +node+} to a depth; with no depth, the deepest whole-ancestry/descendancy
 * that stays under {@link #NEIGHBOURHOOD_CAP} boxes). Results are cached, so revisiting a view costs nothing.
 */
public final class LineageQueries {
    public static final int NEIGHBOURHOOD_CAP = 150;
    private static final int CACHE = 64;

    /** One view: the SVG, how many boxes it has, and the selector's warnings. */
    public record View(String svg, int nodes, int depth, List<String> warnings) {
    }

    /** Evaluates (select, exclude) to the selected unique ids plus warnings. */
    public interface Selector extends BiFunction<String, String, Selected> {
    }

    public record Selected(Set<String> ids, List<String> warnings) {
    }

    private final LineageGraph graph;
    private final Selector selector;
    private final LayeredLayout layout = new LayeredLayout();
    private final Map<String, List<String>> parents;
    private final Map<String, List<String>> children;
    private final Map<String, View> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, View> eldest) {
            return size() > CACHE;
        }
    };

    public LineageQueries(LineageGraph graph, Selector selector) {
        this.graph = graph;
        this.selector = selector;
        this.parents = graph.parents();
        this.children = graph.children();
    }

    public View select(String select, String exclude) {
        String key = "s\u0000" + nz(select) + "\u0000" + nz(exclude);
        View cached = cached(key);
        if (cached != null) {
            return cached;
        }
        Selected selected = selector.apply(nz(select), nz(exclude));
        View view = draw(selected.ids(), -1, selected.warnings());
        return remember(key, view);
    }

    /** {@code depth} < 0: choose the depth automatically. Unknown ids give an empty view. */
    public View focus(String id, int depth) {
        String key = "f\u0000" + id + "\u0000" + depth;
        View cached = cached(key);
        if (cached != null) {
            return cached;
        }
        if (!parents.containsKey(id)) {
            return new View(LineageSvg.render(layout.layout(graph.restrictTo(Set.of()))), 0, 0,
                    List.of("'" + id + "' is not in the lineage graph"));
        }
        int chosen = depth;
        Set<String> ids;
        if (depth >= 0) {
            ids = neighbourhood(id, depth);
        } else {
            chosen = 1;
            ids = neighbourhood(id, 1);
            for (int d = 2; d <= 64; d++) {
                Set<String> wider = neighbourhood(id, d);
                if (wider.size() > NEIGHBOURHOOD_CAP || wider.size() == ids.size()) {
                    break;
                }
                ids = wider;
                chosen = d;
            }
        }
        return remember(key, draw(ids, chosen, List.of()));
    }

    /** The node, its ancestors and its descendants up to {@code depth} steps each way. */
    public Set<String> neighbourhood(String id, int depth) {
        Set<String> out = new LinkedHashSet<>();
        out.add(id);
        walk(id, depth, parents, out);
        walk(id, depth, children, out);
        return out;
    }

    private static void walk(String start, int depth, Map<String, List<String>> next, Set<String> out) {
        Deque<String> frontier = new ArrayDeque<>(List.of(start));
        for (int step = 0; step < depth && !frontier.isEmpty(); step++) {
            Deque<String> following = new ArrayDeque<>();
            for (String id : frontier) {
                for (String n : next.getOrDefault(id, List.of())) {
                    if (out.add(n)) {
                        following.add(n);
                    }
                }
            }
            frontier = following;
        }
    }

    private View draw(Set<String> ids, int depth, List<String> warnings) {
        LineageGraph sub = graph.restrictTo(ids);
        return new View(LineageSvg.render(layout.layout(sub)), sub.nodes().size(), depth, warnings);
    }

    private synchronized View cached(String key) {
        return cache.get(key);
    }

    private synchronized View remember(String key, View view) {
        cache.put(key, view);
        return view;
    }

    private static String nz(String s) {
        return s == null ? "" : s.trim();
    }
}
