package dev.sluice.core.manifest.cache;

import dev.sluice.core.manifest.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * What re-parsing one model needs to know about its earlier self, without the rest of the manifest: where it came
 * from, its YAML patch, its group, and what it referred to and depended on. When an edited model still refers to the
 * same refs and sources in the same order, its dependencies are the earlier ones (nothing else changed), so neither
 * the other nodes nor the graph need to be read.
 */
public record ModelFacts(String uniqueId, String originalFilePath, String patchPath, Object group,
                         List<List<String>> refs, List<List<String>> sources, List<String> dependsOnNodes) {

    public static ModelFacts of(Node node) {
        return new ModelFacts(node.uniqueId, node.originalFilePath, node.patchPath, node.config.get("group"),
                copy(node.refs), copy(node.sources), new ArrayList<>(node.dependsOnNodes));
    }

    private static List<List<String>> copy(List<List<String>> lists) {
        List<List<String>> out = new ArrayList<>(lists.size());
        lists.forEach(list -> out.add(new ArrayList<>(list)));
        return out;
    }

    /** Self-contained bytes (their own string numbering), so one entry is read without the others. */
    byte[] encode() {
        return encode(uniqueId, originalFilePath, patchPath, group, refs, sources, dependsOnNodes);
    }

    /** A model's facts encoded straight from the node, as {@code of(node).encode()} gives them, without the copies. */
    static byte[] encode(Node node) {
        return encode(node.uniqueId, node.originalFilePath, node.patchPath, node.config.get("group"), node.refs,
                node.sources, node.dependsOnNodes);
    }

    private static byte[] encode(String uniqueId, String originalFilePath, String patchPath, Object group,
                                 List<List<String>> refs, List<List<String>> sources,
                                 java.util.Collection<String> dependsOnNodes) {
        BinaryOut out = BinaryOut.unshared();
        out.string(uniqueId);
        out.string(originalFilePath);
        out.string(patchPath);
        out.value(group);
        out.stringLists(refs);
        out.stringLists(sources);
        out.strings(dependsOnNodes);
        return out.toByteArray();
    }

    static ModelFacts decode(byte[] bytes) {
        BinaryIn in = new BinaryIn(bytes);
        ModelFacts facts = new ModelFacts(in.string(), in.string(), in.string(), in.value(), in.stringLists(),
                in.stringLists(), in.strings());
        if (!in.atEnd()) {
            throw new CorruptCache("bytes left after a model's facts");
        }
        return facts;
    }
}
