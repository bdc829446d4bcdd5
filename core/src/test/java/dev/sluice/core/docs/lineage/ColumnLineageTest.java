package dev.sluice.core.docs.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Hand-written expected lineage for models covering each construct column lineage understands. */
class ColumnLineageTest {
    static final String ORDERS = "model.p.orders";
    static final String CUSTOMERS = "model.p.customers";
    static final String PAYMENTS = "model.p.payments";
    static final String EVENTS = "source.p.raw.events";
    static final String USERS = "source.p.raw.users";
    static final String EPHEMERAL = "model.p.eph_recent";

    /** orders, customers, payments with known columns; two sources whose columns are not known. */
    static final RelationResolver RESOLVER = parts -> {
        Map<String, RelationResolver.Upstream> byName = new LinkedHashMap<>();
        byName.put("orders", new RelationResolver.Upstream(ORDERS,
                List.of("id", "customer_id", "order_date", "status", "amount")));
        byName.put("customers", new RelationResolver.Upstream(CUSTOMERS, List.of("id", "name", "email")));
        byName.put("payments", new RelationResolver.Upstream(PAYMENTS,
                List.of("payment_id", "order_id", "method", "amount")));
        byName.put("events", RelationResolver.Upstream.withUnknownColumns(EVENTS));
        byName.put("users", RelationResolver.Upstream.withUnknownColumns(USERS));
        byName.put("__dbt__cte__eph_recent", RelationResolver.Upstream.withUnknownColumns(EPHEMERAL));
        return Optional.ofNullable(byName.get(parts.get(parts.size() - 1).toLowerCase(Locale.ROOT)));
    };

    static ColumnRef ref(String nodeId, String column) {
        return ColumnRef.of(nodeId, column);
    }

    static ModelLineage analyze(String sql) {
        ModelLineage lineage = ColumnLineage.analyze(sql, RESOLVER);
        assertThat(lineage.unparsableReason()).as("unparsable reason").isEmpty();
        return lineage;
    }

    /** Asserts one output column: its kind, that it is complete, and exactly these sources. */
    static void expect(ModelLineage lineage, String column, LineageKind kind, ColumnRef... sources) {
        OutputColumn out = lineage.column(column).orElseThrow(() -> new AssertionError("no column " + column
                + " in " + lineage.columnNames()));
        assertThat(out.problem()).as(column + " problem").isNull();
        assertThat(out.sources()).as(column + " sources").containsExactlyInAnyOrder(sources);
        assertThat(out.kind()).as(column + " kind").isEqualTo(kind);
    }

    @Test
    void columnAndTableAliasesWithDbtsQuotedThreePartNames() {
        ModelLineage l = analyze("""
                select o.id as order_id, o.customer_id, "o"."status" as "Order Status", amount as total
                from "shop"."main"."orders" as o
                """);
        assertThat(l.columnNames()).containsExactly("order_id", "customer_id", "Order Status", "total");
        expect(l, "order_id", LineageKind.DIRECT, ref(ORDERS, "id"));
        expect(l, "customer_id", LineageKind.DIRECT, ref(ORDERS, "customer_id"));
        expect(l, "Order Status", LineageKind.DIRECT, ref(ORDERS, "status"));
        expect(l, "total", LineageKind.DIRECT, ref(ORDERS, "amount"));
    }

    @Test
    void aTableWithoutAliasIsQualifiedByItsNameOrFullName() {
        ModelLineage l = analyze("""
                select orders.id, main.orders.status, "shop"."main"."orders"."amount"
                from "shop"."main"."orders"
                """);
        assertThat(l.columnNames()).containsExactly("id", "status", "amount");
        expect(l, "id", LineageKind.DIRECT, ref(ORDERS, "id"));
        expect(l, "status", LineageKind.DIRECT, ref(ORDERS, "status"));
        expect(l, "amount", LineageKind.DIRECT, ref(ORDERS, "amount"));
    }

    @Test
    void innerAndLeftJoinsResolveUnqualifiedColumnsThroughKnownColumns() {
        ModelLineage l = analyze("""
                select o.id as order_id, name, email, status, p.amount as paid, method
                from orders o
                join customers c on o.customer_id = c.id
                left join payments p on p.order_id = o.id
                where status <> 'returned'
                """);
        expect(l, "order_id", LineageKind.DIRECT, ref(ORDERS, "id"));
        expect(l, "name", LineageKind.DIRECT, ref(CUSTOMERS, "name"));
        expect(l, "email", LineageKind.DIRECT, ref(CUSTOMERS, "email"));
        expect(l, "status", LineageKind.DIRECT, ref(ORDERS, "status"));
        expect(l, "paid", LineageKind.DIRECT, ref(PAYMENTS, "amount"));
        expect(l, "method", LineageKind.DIRECT, ref(PAYMENTS, "method"));
    }

    @Test
    void anAmbiguousUnqualifiedColumnIsReportedNotGuessed() {
        ModelLineage l = analyze("""
                select o.id, amount, c.name
                from orders o join payments p on p.order_id = o.id join customers c on c.id = o.customer_id
                """);
        OutputColumn amount = l.column("amount").orElseThrow();
        assertThat(amount.sources()).isEmpty();
        assertThat(amount.problem()).contains("amount is ambiguous").contains("o").contains("p");
        expect(l, "id", LineageKind.DIRECT, ref(ORDERS, "id"));
        expect(l, "name", LineageKind.DIRECT, ref(CUSTOMERS, "name"));
    }

    @Test
    void unqualifiedColumnsOverRelationsWithUnknownColumns() {
        // one relation with unknown columns and none that has the column: it must come from there
        ModelLineage single = analyze("select user_id, status from events e join orders o on o.id = e.order_id");
        expect(single, "user_id", LineageKind.DIRECT, ref(EVENTS, "user_id"));
        expect(single, "status", LineageKind.DIRECT, ref(ORDERS, "status"));
        // two relations with unknown columns: the column could come from either
        ModelLineage two = analyze("select e.kind, user_id from events e join users u on u.id = e.user_id");
        expect(two, "kind", LineageKind.DIRECT, ref(EVENTS, "kind"));
        OutputColumn userId = two.column("user_id").orElseThrow();
        assertThat(userId.problem()).contains("user_id is ambiguous").contains("e or u");
        assertThat(userId.sources()).isEmpty();
    }

    @Test
    void joinUsingMergesTheKeyAndSelectStarShowsItOnce() {
        ModelLineage inner = analyze("""
                select * from (select id as order_id, status from orders) o
                join (select order_id, method from payments) p using (order_id)
                """);
        assertThat(inner.columnNames()).containsExactly("order_id", "status", "method");
        expect(inner, "order_id", LineageKind.DIRECT, ref(ORDERS, "id"));
        expect(inner, "status", LineageKind.DIRECT, ref(ORDERS, "status"));
        expect(inner, "method", LineageKind.DIRECT, ref(PAYMENTS, "method"));

        ModelLineage right = analyze("""
                select order_id from (select id as order_id from orders) o
                right join payments using (order_id)
                """);
        expect(right, "order_id", LineageKind.DIRECT, ref(PAYMENTS, "order_id"));

        ModelLineage full = analyze("""
                select order_id from (select id as order_id from orders) o
                full outer join payments using (order_id)
                """);
        expect(full, "order_id", LineageKind.TRANSFORMED, ref(ORDERS, "id"), ref(PAYMENTS, "order_id"));
    }

    @Test
    void naturalJoinOverKnownColumns() {
        ModelLineage l = analyze("""
                select * from (select id as order_id, status from orders) o natural join payments
                """);
        assertThat(l.columnNames()).containsExactly("order_id", "status", "payment_id", "method", "amount");
        expect(l, "order_id", LineageKind.DIRECT, ref(ORDERS, "id"));
        expect(l, "amount", LineageKind.DIRECT, ref(PAYMENTS, "amount"));
    }

    @Test
    void ctesNestedAndReferencingEarlierCtes() {
        ModelLineage l = analyze("""
                with base as (
                    select id, customer_id, amount from orders
                ),
                enriched as (
                    with inner_cte as (select id as cid, name from customers)
                    select base.id as order_id, inner_cte.name as customer_name, base.amount * 2 as doubled
                    from base join inner_cte on inner_cte.cid = base.customer_id
                ),
                final as (select * from enriched)
                select order_id, customer_name, doubled from final
                """);
        assertThat(l.columnNames()).containsExactly("order_id", "customer_name", "doubled");
        expect(l, "order_id", LineageKind.DIRECT, ref(ORDERS, "id"));
        expect(l, "customer_name", LineageKind.DIRECT, ref(CUSTOMERS, "name"));
        expect(l, "doubled", LineageKind.TRANSFORMED, ref(ORDERS, "amount"));
    }

    @Test
    void aCteNamedLikeAProjectModelShadowsIt() {
        ModelLineage l = analyze("""
                with orders as (select id as order_id, upper(name) as name from customers)
                select * from orders
                """);
        assertThat(l.columnNames()).containsExactly("order_id", "name");
        expect(l, "order_id", LineageKind.DIRECT, ref(CUSTOMERS, "id"));
        expect(l, "name", LineageKind.TRANSFORMED, ref(CUSTOMERS, "name"));
    }

    @Test
    void subqueriesInFromWithColumnAliases() {
        ModelLineage l = analyze("""
                select s.x, s.y, t.total
                from (select id, status from orders) as s(x, y)
                cross join (select sum(amount) as total from payments) t
                """);
        expect(l, "x", LineageKind.DIRECT, ref(ORDERS, "id"));
        expect(l, "y", LineageKind.DIRECT, ref(ORDERS, "status"));
        expect(l, "total", LineageKind.AGGREGATED, ref(PAYMENTS, "amount"));
    }

    @Test
    void selectStarAndTableStarExpandThroughKnownColumns() {
        ModelLineage star = analyze("select * from customers");
        assertThat(star.columnNames()).containsExactly("id", "name", "email");
        expect(star, "email", LineageKind.DIRECT, ref(CUSTOMERS, "email"));

        ModelLineage tableStar = analyze("""
                select c.*, o.status from customers c join orders o on o.customer_id = c.id
                """);
        assertThat(tableStar.columnNames()).containsExactly("id", "name", "email", "status");
        expect(tableStar, "id", LineageKind.DIRECT, ref(CUSTOMERS, "id"));
        expect(tableStar, "status", LineageKind.DIRECT, ref(ORDERS, "status"));

        ModelLineage both = analyze("select * from customers c join orders o on o.customer_id = c.id");
        assertThat(both.columnNames()).containsExactly("id", "name", "email", "id", "customer_id", "order_date",
                "status", "amount");
        assertThat(both.columns().get(3).sources()).containsExactly(ref(ORDERS, "id"));
    }

    @Test
    void duckdbStarExcludeAndReplace() {
        ModelLineage l = analyze("""
                select * exclude (order_date, status) replace (amount / 100 as amount, upper(customer_id) as customer_id)
                from orders
                """);
        assertThat(l.columnNames()).containsExactly("id", "customer_id", "amount");
        expect(l, "id", LineageKind.DIRECT, ref(ORDERS, "id"));
        expect(l, "customer_id", LineageKind.TRANSFORMED, ref(ORDERS, "customer_id"));
        expect(l, "amount", LineageKind.TRANSFORMED, ref(ORDERS, "amount"));

        ModelLineage tableStar = analyze("select c.* exclude (email) from customers c");
        assertThat(tableStar.columnNames()).containsExactly("id", "name");
    }

    @Test
    void expressionsDependOnEveryColumnTheyReference() {
        ModelLineage l = analyze("""
                select
                    amount + customer_id as a_plus_b,
                    case when status = 'paid' then amount when status = 'open' then 0 else null end as paid_amount,
                    coalesce(status, 'unknown') as status,
                    cast(amount as decimal(12, 2)) as amount_dec,
                    amount::double as amount_double,
                    date_trunc('month', order_date) as order_month,
                    substring(status from 1 for 3) as status_prefix,
                    trim(both ' ' from status) as trimmed,
                    extract(year from order_date) as order_year,
                    list_transform([amount, customer_id], x -> x * 2) as doubled,
                    (id) as id
                from orders
                """);
        expect(l, "a_plus_b", LineageKind.TRANSFORMED, ref(ORDERS, "amount"), ref(ORDERS, "customer_id"));
        expect(l, "paid_amount", LineageKind.TRANSFORMED, ref(ORDERS, "status"), ref(ORDERS, "amount"));
        expect(l, "status", LineageKind.TRANSFORMED, ref(ORDERS, "status"));
        expect(l, "amount_dec", LineageKind.TRANSFORMED, ref(ORDERS, "amount"));
        expect(l, "amount_double", LineageKind.TRANSFORMED, ref(ORDERS, "amount"));
        expect(l, "order_month", LineageKind.TRANSFORMED, ref(ORDERS, "order_date"));
        expect(l, "status_prefix", LineageKind.TRANSFORMED, ref(ORDERS, "status"));
        expect(l, "trimmed", LineageKind.TRANSFORMED, ref(ORDERS, "status"));
        expect(l, "order_year", LineageKind.TRANSFORMED, ref(ORDERS, "order_date"));
        expect(l, "doubled", LineageKind.TRANSFORMED, ref(ORDERS, "amount"), ref(ORDERS, "customer_id"));
        expect(l, "id", LineageKind.DIRECT, ref(ORDERS, "id"));
    }

    @Test
    void aggregatesWithGroupByKeysThatAreNotInputsOfOtherColumns() {
        ModelLineage l = analyze("""
                select
                    customer_id,
                    count(*) as order_count,
                    count(distinct status) as statuses,
                    sum(amount) filter (where status = 'paid') as paid,
                    min(order_date) as first_order,
                    max(amount) - min(amount) as spread
                from orders
                where amount > 0
                group by customer_id
                having count(*) > 1
                order by customer_id
                """);
        expect(l, "customer_id", LineageKind.DIRECT, ref(ORDERS, "customer_id"));
        expect(l, "order_count", LineageKind.AGGREGATED);
        expect(l, "statuses", LineageKind.AGGREGATED, ref(ORDERS, "status"));
        expect(l, "paid", LineageKind.AGGREGATED, ref(ORDERS, "amount"), ref(ORDERS, "status"));
        expect(l, "first_order", LineageKind.AGGREGATED, ref(ORDERS, "order_date"));
        expect(l, "spread", LineageKind.AGGREGATED, ref(ORDERS, "amount"));
    }

    @Test
    void windowFunctionsCountPartitionAndOrderColumnsAsInputs() {
        ModelLineage l = analyze("""
                select
                    id,
                    row_number() over (partition by customer_id order by order_date) as order_seq,
                    sum(amount) over (partition by customer_id) as customer_total,
                    lag(status) over w as previous_status,
                    amount / sum(amount) over () as share
                from orders
                window w as (partition by customer_id order by order_date desc)
                """);
        expect(l, "id", LineageKind.DIRECT, ref(ORDERS, "id"));
        expect(l, "order_seq", LineageKind.WINDOW, ref(ORDERS, "customer_id"), ref(ORDERS, "order_date"));
        expect(l, "customer_total", LineageKind.WINDOW, ref(ORDERS, "amount"), ref(ORDERS, "customer_id"));
        expect(l, "previous_status", LineageKind.WINDOW, ref(ORDERS, "status"), ref(ORDERS, "customer_id"),
                ref(ORDERS, "order_date"));
        expect(l, "share", LineageKind.WINDOW, ref(ORDERS, "amount"));
    }

    @Test
    void qualifyFiltersRowsAndIsNotAnInput() {
        ModelLineage l = analyze("""
                select id, status from orders qualify row_number() over (partition by customer_id order by id) = 1
                """);
        expect(l, "id", LineageKind.DIRECT, ref(ORDERS, "id"));
        expect(l, "status", LineageKind.DIRECT, ref(ORDERS, "status"));
    }

    @Test
    void finalIsAnIdentifierAsDbtProjectsUseIt() {
        ModelLineage l = analyze("""
                with final as (select id as "final", 'final' as word from orders)
                select final.final, word from final
                """);
        assertThat(l.columnNames()).containsExactly("final", "word");
        expect(l, "final", LineageKind.DIRECT, ref(ORDERS, "id"));
        expect(l, "word", LineageKind.CONSTANT);
    }

    @Test
    void theKindOfAColumnIsTheStrongestStepAlongItsPath() {
        ModelLineage l = analyze("""
                with totals as (select customer_id, sum(amount) as total from orders group by 1),
                ranked as (select customer_id, total, rank() over (order by total desc) as rnk from totals)
                select customer_id, total, rnk, total * 2 as doubled from ranked
                """);
        expect(l, "customer_id", LineageKind.DIRECT, ref(ORDERS, "customer_id"));
        expect(l, "total", LineageKind.AGGREGATED, ref(ORDERS, "amount"));
        expect(l, "rnk", LineageKind.WINDOW, ref(ORDERS, "amount"));
        expect(l, "doubled", LineageKind.AGGREGATED, ref(ORDERS, "amount"));
    }

    @Test
    void unionAllColumnsDependOnTheSameColumnOfEveryBranch() {
        ModelLineage l = analyze("""
                select id, amount, 'order' as kind from orders
                union all
                select payment_id, amount, 'payment' from payments
                union all
                select id, null, 'customer' from customers
                """);
        assertThat(l.columnNames()).containsExactly("id", "amount", "kind");
        expect(l, "id", LineageKind.DIRECT, ref(ORDERS, "id"), ref(PAYMENTS, "payment_id"), ref(CUSTOMERS, "id"));
        expect(l, "amount", LineageKind.DIRECT, ref(ORDERS, "amount"), ref(PAYMENTS, "amount"));
        expect(l, "kind", LineageKind.CONSTANT);
    }

    @Test
    void exceptAndIntersectOutputOnlyTheFirstBranchsValues() {
        ModelLineage l = analyze("select id from orders except select order_id from payments");
        expect(l, "id", LineageKind.DIRECT, ref(ORDERS, "id"));
    }

    @Test
    void literalOnlyColumnsHaveNoUpstream() {
        ModelLineage l = analyze("""
                select 1 as one, 'x' as letter, current_date as today, null as nothing, 1 + 2 as three, id
                from orders
                """);
        expect(l, "one", LineageKind.CONSTANT);
        expect(l, "letter", LineageKind.CONSTANT);
        expect(l, "today", LineageKind.CONSTANT);
        expect(l, "nothing", LineageKind.CONSTANT);
        expect(l, "three", LineageKind.CONSTANT);
        ModelLineage fromless = analyze("select 42 as answer");
        expect(fromless, "answer", LineageKind.CONSTANT);
    }

    @Test
    void valuesInFromAreConstants() {
        ModelLineage l = analyze("select v.code, v.label from (values (1, 'a'), (2, 'b')) as v(code, label)");
        assertThat(l.columnNames()).containsExactly("code", "label");
        expect(l, "label", LineageKind.CONSTANT);
    }

    @Test
    void scalarAndCorrelatedSubqueriesInExpressions() {
        ModelLineage l = analyze("""
                select
                    c.id,
                    (select max(o.order_date) from orders o where o.customer_id = c.id) as last_order,
                    (select count(*) from payments) as payment_count
                from customers c
                """);
        expect(l, "id", LineageKind.DIRECT, ref(CUSTOMERS, "id"));
        expect(l, "last_order", LineageKind.AGGREGATED, ref(ORDERS, "order_date"));
        expect(l, "payment_count", LineageKind.AGGREGATED);
    }

    @Test
    void laterSelectItemsMayReferToEarlierAliasesAsDuckdbAllows() {
        ModelLineage l = analyze("select amount / 100 as dollars, dollars * 2 as doubled from orders");
        expect(l, "doubled", LineageKind.TRANSFORMED, ref(ORDERS, "amount"));
    }

    @Test
    void structFieldsAreFieldsOfTheirColumn() {
        ModelLineage l = analyze("""
                with s as (select id, struct_pack(amount, status) as payload from orders)
                select payload.amount as pa, s.payload.status as pb from s
                """);
        expect(l, "pa", LineageKind.TRANSFORMED, ref(ORDERS, "amount"), ref(ORDERS, "status"));
        expect(l, "pb", LineageKind.TRANSFORMED, ref(ORDERS, "amount"), ref(ORDERS, "status"));
    }

    @Test
    void lateralSubqueriesAndUnnestSeeTheRelationsBeforeThem() {
        ModelLineage l = analyze("""
                select o.id, pm.m, u.part
                from orders o
                left join lateral (select max(amount) as m from payments p where p.order_id = o.id) pm on true
                cross join unnest(string_split(o.status, ',')) as u(part)
                """);
        expect(l, "id", LineageKind.DIRECT, ref(ORDERS, "id"));
        expect(l, "m", LineageKind.AGGREGATED, ref(PAYMENTS, "amount"));
        expect(l, "part", LineageKind.TRANSFORMED, ref(ORDERS, "status"));
    }

    @Test
    void dbtEphemeralCtesBelongToTheEphemeralModel() {
        ModelLineage l = analyze("""
                with __dbt__cte__eph_recent as (
                    select id, customer_id from "shop"."main"."orders" where order_date > current_date - 7
                ), final as (
                    select r.id as recent_order_id, c.name
                    from __dbt__cte__eph_recent r join "shop"."main"."customers" c on c.id = r.customer_id
                )
                select * from final
                """);
        assertThat(l.columnNames()).containsExactly("recent_order_id", "name");
        expect(l, "recent_order_id", LineageKind.DIRECT, ref(EPHEMERAL, "id"));
        expect(l, "name", LineageKind.DIRECT, ref(CUSTOMERS, "name"));
        ModelLineage star = analyze("""
                with __dbt__cte__eph_recent as (select id, amount * 2 as a2 from orders)
                select * from __dbt__cte__eph_recent
                """);
        assertThat(star.columnNames()).containsExactly("id", "a2");
        expect(star, "a2", LineageKind.DIRECT, ref(EPHEMERAL, "a2"));
    }

    @Test
    void relationsTheProjectDoesNotKnowAreExternal() {
        ModelLineage l = ColumnLineage.analyze("select h.code, h.rate * 2 as rate2 from analytics.fx_history h",
                RESOLVER);
        OutputColumn code = l.column("code").orElseThrow();
        assertThat(code.sources()).containsExactly(ColumnRef.external("analytics.fx_history", "code"));
        assertThat(code.sources().get(0).isExternal()).isTrue();
        assertThat(l.column("rate2").orElseThrow().kind()).isEqualTo(LineageKind.TRANSFORMED);
    }

    @Test
    void aColumnTheRelationDoesNotHaveIsReported() {
        ModelLineage l = analyze("select o.nope, nope2 from orders o");
        assertThat(l.column("nope").orElseThrow().problem()).contains("nope is not a column of");
        assertThat(l.column("nope2").orElseThrow().problem()).contains("nope2 is not a column of");
    }

    @Test
    void sqlThatDoesNotParseIsUnparsableWithTheParsersMessage() {
        ModelLineage l = ColumnLineage.analyze("select id, from orders where", RESOLVER);
        assertThat(l.isParsed()).isFalse();
        assertThat(l.columns()).isEmpty();
        assertThat(l.unparsableReason()).hasValueSatisfying(r -> assertThat(r)
                .startsWith("the SQL parser could not read the query:").contains("line 1"));

        ModelLineage duckdbStruct = ColumnLineage.analyze("select {'a': id} as s from orders", RESOLVER);
        assertThat(duckdbStruct.unparsableReason()).hasValueSatisfying(r -> assertThat(r)
                .startsWith("the SQL parser could not read the query:"));
    }

    @Test
    void unsupportedConstructsAreUnparsableWithTheirReason() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("select * from events", "cannot expand * over events: its columns are not known");
        cases.put("select e.* from events e join orders o on o.id = e.order_id",
                "cannot expand * over events: its columns are not known");
        cases.put("with recursive r as (select 1 as n union all select n + 1 from r where n < 3) select n from r",
                "recursive CTE r is not supported");
        cases.put("select * from orders pivot (sum(amount) for status in ('paid', 'open'))",
                "PIVOT and UNPIVOT are not supported");
        cases.put("select id from orders union all select id, name from customers",
                "return 1 and 2 columns");
        cases.put("delete from orders", "not a SELECT statement");
        cases.put("   ", "the compiled SQL is empty");
        cases.forEach((sql, reason) -> assertThat(ColumnLineage.analyze(sql, RESOLVER).unparsableReason())
                .as(sql).hasValueSatisfying(r -> assertThat(r).contains(reason)));
    }

    @Test
    void aTrailingSemicolonAndCommentsAreFine() {
        ModelLineage l = analyze("-- a model\nselect id /* the key */ from orders;\n");
        expect(l, "id", LineageKind.DIRECT, ref(ORDERS, "id"));
    }

    @Test
    void lineageHasNoDuplicatesAndIsSorted() {
        ModelLineage l = analyze("select amount + amount + o.amount as triple, customer_id + id as k from orders o");
        expect(l, "triple", LineageKind.TRANSFORMED, ref(ORDERS, "amount"));
        assertThat(l.column("k").orElseThrow().sources())
                .containsExactly(ref(ORDERS, "customer_id"), ref(ORDERS, "id"));
        assertThat(Arrays.asList(LineageKind.values())).startsWith(LineageKind.CONSTANT, LineageKind.DIRECT);
    }
}
