package dev.sluice.core.unittest;

import dev.sluice.core.compile.CompiledNode;
import dev.sluice.core.manifest.Node;
import java.util.List;

/** A unit test compiled: the tested model, and its SQL reading the given rows as CTEs ({@code code}). */
public record UnitTestSql(Node model, String code, List<CompiledNode.InjectedCte> fixtures) {
}
