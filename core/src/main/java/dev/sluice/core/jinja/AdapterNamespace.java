package dev.sluice.core.jinja;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.spi.Adapter;
import dev.sluice.spi.Column;
import dev.sluice.spi.Relation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code adapter}: {@code dispatch}, {@code get_relation}, {@code get_columns_in_relation}, {@code quote} and friends.
 * While parsing there is no warehouse: look-ups answer None and empty lists, as dbt's parse context does.
 */
final class AdapterNamespace {
    private AdapterNamespace() {
    }

    static Map<String, Object> create(ContextHost host, MacroLibrary macros, String adapterType,
                                      dev.sluice.spi.SqlDialect dialect) {
        Map<String, Object> adapter = new LinkedHashMap<>();
        adapter.put("type", DbtFunction.of("type", args -> adapterType));
        adapter.put("dispatch", DbtFunction.of("dispatch", args -> {
            String name = args.requireString(0, "macro_name");
            String namespace = args.string(1, "macro_namespace");
            List<String> order = host.dispatchOrder(namespace);
            return macros.dispatch(name, adapterType, order).orElseThrow(() -> ContextFunctions.fail(
                    ErrorCode.COMPILATION, "In dispatch: No macro named '" + name + "' found within namespace: '"
                            + (namespace == null ? macros.rootPackage() : namespace) + "'\n    Searched for: "
                            + searched(order, adapterType, name)));
        }));
        adapter.put("quote", DbtFunction.of("quote", args -> dialect.quote(args.requireString(0, "identifier"))));
        adapter.put("get_relation", DbtFunction.of("get_relation", args -> {
            Adapter warehouse = host.adapter();
            if (warehouse == null) {
                return null;
            }
            String database = args.string(0, "database");
            return warehouse.getRelation(database, args.string(1, "schema"), args.requireString(2, "identifier"))
                    .map(r -> new RelationProxy(r, dialect)).orElse(null);
        }));
        adapter.put("load_relation", DbtFunction.of("load_relation", args -> {
            Adapter warehouse = host.adapter();
            Object value = args.get(0, "relation");
            if (warehouse == null || !(value instanceof RelationProxy proxy)) {
                return null;
            }
            Relation relation = proxy.relation();
            return warehouse.getRelation(relation.database(), relation.schema(), relation.identifier())
                    .map(r -> new RelationProxy(r, dialect)).orElse(null);
        }));
        adapter.put("get_columns_in_relation", DbtFunction.of("get_columns_in_relation", args -> {
            Adapter warehouse = host.adapter();
            Object value = args.get(0, "relation");
            if (warehouse == null || !(value instanceof RelationProxy proxy)) {
                return List.of();
            }
            List<Object> columns = new ArrayList<>();
            for (Column column : warehouse.columnsOf(proxy.relation())) {
                columns.add(new ColumnProxy(column, dialect));
            }
            return columns;
        }));
        adapter.put("list_relations_without_caching", DbtFunction.of("list_relations_without_caching", args -> {
            Adapter warehouse = host.adapter();
            Object value = args.get(0, "schema_relation");
            if (warehouse == null || !(value instanceof RelationProxy proxy)) {
                return List.of();
            }
            return warehouse.listRelations(proxy.relation().database(), proxy.relation().schema()).stream()
                    .map(r -> (Object) new RelationProxy(r, dialect)).toList();
        }));
        adapter.put("create_schema", DbtFunction.of("create_schema", args -> {
            Adapter warehouse = host.adapter();
            if (warehouse != null && host.execute() && args.get(0, "relation") instanceof RelationProxy proxy) {
                warehouse.createSchema(proxy.relation().database(), proxy.relation().schema());
            }
            return "";
        }));
        adapter.put("drop_relation", DbtFunction.of("drop_relation", args -> {
            Adapter warehouse = host.adapter();
            if (warehouse != null && host.execute() && args.get(0, "relation") instanceof RelationProxy proxy) {
                warehouse.dropRelation(proxy.relation());
            }
            return "";
        }));
        return adapter;
    }

    private static List<String> searched(List<String> order, String adapterType, String name) {
        List<String> out = new ArrayList<>();
        for (String pkg : order) {
            out.add(pkg + "." + adapterType + "__" + name);
            out.add(pkg + ".default__" + name);
        }
        return out;
    }

    /** A column as templates see it: {@code name}, {@code data_type}, {@code dtype}, {@code quoted}. */
    public static final class ColumnProxy implements PyishText {
        private final Column column;
        private final dev.sluice.spi.SqlDialect dialect;

        ColumnProxy(Column column, dev.sluice.spi.SqlDialect dialect) {
            this.column = column;
            this.dialect = dialect;
        }

        public String getName() {
            return column.name();
        }

        public String getColumn() {
            return column.name();
        }

        public String getDataType() {
            return column.dataType();
        }

        public String getDtype() {
            return column.dataType();
        }

        public String getQuoted() {
            return dialect.quote(column.name());
        }

        @Override
        public String toString() {
            return column.name();
        }
    }
}
