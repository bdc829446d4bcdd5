package dev.sluice.core.jinja;

import dev.sluice.spi.Relation;
import dev.sluice.spi.RelationType;
import dev.sluice.spi.SqlDialect;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A relation as templates see it ({@code ref()}, {@code source()}, {@code this}, {@code adapter.get_relation}): prints
 * as its quoted name and offers dbt's attributes ({@code database}, {@code schema}, {@code identifier}, {@code name},
 * {@code is_table}, {@code is_view}, {@code render()}, {@code include()}). Like dbt's relation it is also a mapping with
 * {@code metadata.type} ending in "Relation", which packages such as dbt_utils check.
 */
public final class RelationProxy extends AbstractMap<String, Object> implements PyishText {
    private final Relation relation;
    private final SqlDialect dialect;
    private final boolean includeDatabase;
    private final boolean includeSchema;
    private Map<String, Object> attributes;

    public RelationProxy(Relation relation, SqlDialect dialect) {
        this(relation, dialect, true, true);
    }

    private RelationProxy(Relation relation, SqlDialect dialect, boolean includeDatabase, boolean includeSchema) {
        this.relation = relation;
        this.dialect = dialect;
        this.includeDatabase = includeDatabase;
        this.includeSchema = includeSchema;
    }

    public Relation relation() {
        return relation;
    }

    public String getDatabase() {
        return relation.database();
    }

    public String getSchema() {
        return relation.schema();
    }

    public String getIdentifier() {
        return relation.identifier();
    }

    public String getName() {
        return relation.identifier();
    }

    public String getType() {
        return relation.type() == null ? null : relation.type().dbtName();
    }

    public boolean getIsTable() {
        return relation.type() == RelationType.TABLE;
    }

    public boolean getIsView() {
        return relation.type() == RelationType.VIEW;
    }

    public String render() {
        return toString();
    }

    /** {@code include(database=False)} and friends: a copy that prints without some parts. */
    public RelationProxy include(Boolean database, Boolean schema) {
        return new RelationProxy(relation, dialect, database == null ? includeDatabase : database,
                schema == null ? includeSchema : schema);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return attributes().entrySet();
    }

    private synchronized Map<String, Object> attributes() {
        if (attributes == null) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("database", relation.database());
            map.put("schema", relation.schema());
            map.put("identifier", relation.identifier());
            map.put("name", relation.identifier());
            map.put("table", relation.identifier());
            map.put("type", getType());
            map.put("is_table", getIsTable());
            map.put("is_view", getIsView());
            map.put("is_cte", relation.type() == RelationType.CTE);
            map.put("metadata", Map.of("type", "SluiceRelation"));
            Map<String, Object> path = new LinkedHashMap<>();
            path.put("database", relation.database());
            path.put("schema", relation.schema());
            path.put("identifier", relation.identifier());
            map.put("path", path);
            map.put("render", DbtFunction.of("render", args -> toString()));
            map.put("include", DbtFunction.of("include", args -> include(
                    args.keywords().containsKey("database") ? truthy(args.keywords().get("database")) : null,
                    args.keywords().containsKey("schema") ? truthy(args.keywords().get("schema")) : null)));
            map.put("incorporate", DbtFunction.of("incorporate", args -> this));
            map.put("quote", DbtFunction.of("quote", args -> this));
            attributes = map;
        }
        return attributes;
    }

    private static Boolean truthy(Object value) {
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(String.valueOf(value));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RelationProxy proxy && proxy.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        if (relation.type() == RelationType.CTE) {
            return relation.identifier();
        }
        Relation shown = new Relation(includeDatabase ? relation.database() : null,
                includeSchema ? relation.schema() : null, relation.identifier(), relation.type());
        return dialect.render(shown);
    }
}
