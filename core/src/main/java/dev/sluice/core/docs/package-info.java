/**
 * {@code docs generate} and {@code docs serve}: the catalog, the static docs site and the lineage graph.
 *
 * <ul>
 *   <li>{@code catalog}: {@link dev.sluice.core.docs.catalog.CatalogReader} reads one
 *       {@link dev.sluice.spi.Adapter#catalog} listing per (database, schema) the manifest's relations live in and
 *       matches relations to nodes; {@link dev.sluice.core.docs.catalog.CatalogJsonWriter} writes dbt's catalog v1.</li>
 *   <li>{@code graph}: {@link dev.sluice.core.docs.graph.LineageGraphs} (boxes and edges from the manifest, colours by
 *       resource type and {@code docs.node_color}), {@link dev.sluice.core.docs.graph.LayeredLayout} (ELK's layered
 *       algorithm, left to right), {@link dev.sluice.core.docs.graph.LineageSvg} (the drawing) and
 *       {@link dev.sluice.core.docs.graph.LineageQueries} (selections and neighbourhoods on request, cached).</li>
 *   <li>{@code site}: {@link dev.sluice.core.docs.site.DocsSite} writes index.html and docs/ (a page per node rendered
 *       here in Java, Markdown through CommonMark with raw HTML escaped, one hand-written script and stylesheet, data as
 *       scripts so file:// works); {@link dev.sluice.core.docs.site.ColumnLineageSource} is the hook column-level
 *       lineage plugs into.</li>
 *   <li>{@link dev.sluice.core.docs.DocsServer}: the JDK's HTTP server over the target folder plus
 *       {@code /api/lineage}.</li>
 * </ul>
 *
 * <p>Lineage views: the whole project is laid out by ELK at generate time (docs/data/lineage.js). Served, every other
 * view (a node's neighbourhood, a {@code --select}/{@code --exclude} filter) is evaluated by the graph package's
 * {@code NodeSelector} and laid out by ELK on request. Opened from disk there is no server: the page script evaluates
 * the common selector methods itself (names, fqn, {@code + n+ @}, tag, resource_type, path, package, source,
 * exposure) and lays the subgraph out with a small layered layout of its own (longest-path layers, barycentre
 * ordering); it says so in the status line.
 */
package dev.sluice.core.docs;
