package dev.sluice.testkit.shop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The independent oracle for the {@code shop} test project: reads its three seed CSVs and computes, in plain Java and
 * without any SQL, the rows the {@code customers} and {@code orders} models must produce.
 *
 * <p>Semantics mirror the models exactly:
 * <ul>
 *   <li>payments are converted from integer cents to dollars as {@link BigDecimal} with scale 2;</li>
 *   <li>a customer without orders has null {@code first_order}, {@code most_recent_order}, {@code number_of_orders}
 *       and {@code customer_lifetime_value} (the model left-joins aggregates and does not coalesce);</li>
 *   <li>an order's per-method amounts are the sum of its payments of that method, 0.00 for methods it did not use,
 *       and every amount (including {@code amount}) is null when the order has no payment at all.</li>
 * </ul>
 * Rows are returned ordered by their primary key. An instance is immutable.
 */
public final class ShopExpectations {

    /** The classpath folder that holds the project ({@code dbt_project.yml}, {@code models/}, {@code seeds/}). */
    public static final String CLASSPATH_PROJECT = "projects/shop";

    /** Payment methods in the order {@code orders.sql} lays out its {@code <method>_amount} columns. */
    public static final List<String> PAYMENT_METHODS = List.of("credit_card", "coupon", "bank_transfer", "gift_card");

    /** Column names of the {@code customers} model, in order. */
    public static final List<String> CUSTOMER_COLUMNS = List.of("customer_id", "first_name", "last_name",
            "first_order", "most_recent_order", "number_of_orders", "customer_lifetime_value");

    /** Column names of the {@code orders} model, in order. */
    public static final List<String> ORDER_COLUMNS = List.of("order_id", "customer_id", "order_date", "status",
            "credit_card_amount", "coupon_amount", "bank_transfer_amount", "gift_card_amount", "amount");

    /** Node counts of the project: {@code build} runs all of them. */
    public static final int SEED_COUNT = 3;
    public static final int MODEL_COUNT = 5;
    public static final int TEST_COUNT = 20;
    public static final int NODE_COUNT = SEED_COUNT + MODEL_COUNT + TEST_COUNT;

    /** Seeds, models and their materialization as {@code dbt_project.yml} configures them. */
    public static final Map<String, String> MATERIALIZATIONS = orderedMap(
            "raw_customers", "seed", "raw_orders", "seed", "raw_payments", "seed",
            "stg_customers", "view", "stg_orders", "view", "stg_payments", "view",
            "customers", "table", "orders", "table");

    /** One expected row of the {@code customers} model. */
    public record CustomerRow(long customerId, String firstName, String lastName, LocalDate firstOrder,
                              LocalDate mostRecentOrder, Long numberOfOrders, BigDecimal customerLifetimeValue) {

        /** The values in {@link #CUSTOMER_COLUMNS} order (nulls kept). */
        public List<Object> values() {
            return Arrays.asList(customerId, firstName, lastName, firstOrder, mostRecentOrder, numberOfOrders,
                    customerLifetimeValue);
        }
    }

    /** One expected row of the {@code orders} model. */
    public record OrderRow(long orderId, long customerId, LocalDate orderDate, String status,
                           Map<String, BigDecimal> amountByMethod, BigDecimal amount) {

        public OrderRow {
            amountByMethod = Collections.unmodifiableMap(new LinkedHashMap<>(amountByMethod));
        }

        /** The amount paid with one method: 0.00 if unused, null if the order has no payment. */
        public BigDecimal amountFor(String paymentMethod) {
            if (!PAYMENT_METHODS.contains(paymentMethod)) {
                throw new IllegalArgumentException("unknown payment method: " + paymentMethod);
            }
            return amountByMethod.get(paymentMethod);
        }

        /** The values in {@link #ORDER_COLUMNS} order (nulls kept). */
        public List<Object> values() {
            List<Object> values = new ArrayList<>(Arrays.asList(orderId, customerId, orderDate, status));
            for (String method : PAYMENT_METHODS) {
                values.add(amountByMethod.get(method));
            }
            values.add(amount);
            return values;
        }
    }

    private record RawCustomer(long id, String firstName, String lastName) { }

    private record RawOrder(long id, long userId, LocalDate orderDate, String status) { }

    private record RawPayment(long id, long orderId, String paymentMethod, BigDecimal amount) { }

    private final List<RawCustomer> rawCustomers;
    private final List<RawOrder> rawOrders;
    private final List<RawPayment> rawPayments;
    private final List<CustomerRow> customers;
    private final List<OrderRow> orders;

    private ShopExpectations(List<RawCustomer> rawCustomers, List<RawOrder> rawOrders, List<RawPayment> rawPayments) {
        this.rawCustomers = List.copyOf(rawCustomers);
        this.rawOrders = List.copyOf(rawOrders);
        this.rawPayments = List.copyOf(rawPayments);
        this.orders = computeOrders();
        this.customers = computeCustomers();
    }

    /** Reads {@code raw_customers.csv}, {@code raw_orders.csv} and {@code raw_payments.csv} from a seeds folder. */
    public static ShopExpectations fromSeedFolder(Path seedFolder) {
        try (Reader customers = Files.newBufferedReader(seedFolder.resolve("raw_customers.csv"));
             Reader orders = Files.newBufferedReader(seedFolder.resolve("raw_orders.csv"));
             Reader payments = Files.newBufferedReader(seedFolder.resolve("raw_payments.csv"))) {
            return fromReaders(customers, orders, payments);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shop seeds in " + seedFolder, e);
        }
    }

    /** Reads the seeds of the project bundled in this jar under {@link #CLASSPATH_PROJECT}. */
    public static ShopExpectations fromClasspath() {
        try (Reader customers = classpathReader("raw_customers.csv");
             Reader orders = classpathReader("raw_orders.csv");
             Reader payments = classpathReader("raw_payments.csv")) {
            return fromReaders(customers, orders, payments);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled shop seeds", e);
        }
    }

    /** Parses the three seeds from readers (each a CSV with its header line). */
    public static ShopExpectations fromReaders(Reader customersCsv, Reader ordersCsv, Reader paymentsCsv)
            throws IOException {
        List<RawCustomer> customers = new ArrayList<>();
        for (Map<String, String> r : Csv.read(customersCsv, "id", "first_name", "last_name")) {
            customers.add(new RawCustomer(Long.parseLong(r.get("id")), r.get("first_name"), r.get("last_name")));
        }
        List<RawOrder> orders = new ArrayList<>();
        for (Map<String, String> r : Csv.read(ordersCsv, "id", "user_id", "order_date", "status")) {
            orders.add(new RawOrder(Long.parseLong(r.get("id")), Long.parseLong(r.get("user_id")),
                    LocalDate.parse(r.get("order_date")), r.get("status")));
        }
        List<RawPayment> payments = new ArrayList<>();
        for (Map<String, String> r : Csv.read(paymentsCsv, "id", "order_id", "payment_method", "amount")) {
            payments.add(new RawPayment(Long.parseLong(r.get("id")), Long.parseLong(r.get("order_id")),
                    r.get("payment_method"), BigDecimal.valueOf(Long.parseLong(r.get("amount")), 2)));
        }
        return new ShopExpectations(customers, orders, payments);
    }

    /** Expected {@code customers} rows, ordered by customer_id. */
    public List<CustomerRow> customers() {
        return customers;
    }

    /** Expected {@code orders} rows, ordered by order_id. */
    public List<OrderRow> orders() {
        return orders;
    }

    /** The expected customer with this id, or an exception if there is none. */
    public CustomerRow customer(long customerId) {
        return customers.stream().filter(c -> c.customerId() == customerId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no customer " + customerId));
    }

    /** The expected order with this id, or an exception if there is none. */
    public OrderRow order(long orderId) {
        return orders.stream().filter(o -> o.orderId() == orderId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no order " + orderId));
    }

    /** Expected row count of every seed and model relation the project builds, by relation name. */
    public Map<String, Integer> rowCounts() {
        return orderedMap(
                "raw_customers", rawCustomers.size(), "raw_orders", rawOrders.size(),
                "raw_payments", rawPayments.size(),
                "stg_customers", rawCustomers.size(), "stg_orders", rawOrders.size(),
                "stg_payments", rawPayments.size(),
                "customers", customers.size(), "orders", orders.size());
    }

    private List<OrderRow> computeOrders() {
        Map<Long, List<RawPayment>> paymentsByOrder = new HashMap<>();
        for (RawPayment p : rawPayments) {
            paymentsByOrder.computeIfAbsent(p.orderId(), k -> new ArrayList<>()).add(p);
        }
        TreeMap<Long, OrderRow> rows = new TreeMap<>();
        for (RawOrder o : rawOrders) {
            List<RawPayment> payments = paymentsByOrder.get(o.id());
            Map<String, BigDecimal> byMethod = new LinkedHashMap<>();
            BigDecimal total = null;
            for (String method : PAYMENT_METHODS) {
                byMethod.put(method, null);
            }
            if (payments != null) {
                total = zero();
                for (String method : PAYMENT_METHODS) {
                    byMethod.put(method, zero());
                }
                for (RawPayment p : payments) {
                    // an unknown method counts towards the total only, as the case expressions ignore it
                    byMethod.computeIfPresent(p.paymentMethod(), (m, sum) -> sum.add(p.amount()));
                    total = total.add(p.amount());
                }
            }
            rows.put(o.id(), new OrderRow(o.id(), o.userId(), o.orderDate(), o.status(), byMethod, total));
        }
        return List.copyOf(rows.values());
    }

    private List<CustomerRow> computeCustomers() {
        Map<Long, List<RawOrder>> ordersByCustomer = new HashMap<>();
        Map<Long, Long> customerOfOrder = new HashMap<>();
        for (RawOrder o : rawOrders) {
            ordersByCustomer.computeIfAbsent(o.userId(), k -> new ArrayList<>()).add(o);
            customerOfOrder.put(o.id(), o.userId());
        }
        Map<Long, BigDecimal> paidByCustomer = new HashMap<>();
        for (RawPayment p : rawPayments) {
            Long customerId = customerOfOrder.get(p.orderId());
            if (customerId != null) {
                paidByCustomer.merge(customerId, p.amount(), BigDecimal::add);
            }
        }
        TreeMap<Long, CustomerRow> rows = new TreeMap<>();
        for (RawCustomer c : rawCustomers) {
            List<RawOrder> theirs = ordersByCustomer.get(c.id());
            LocalDate first = null;
            LocalDate last = null;
            Long count = null;
            if (theirs != null) {
                for (RawOrder o : theirs) {
                    first = first == null || o.orderDate().isBefore(first) ? o.orderDate() : first;
                    last = last == null || o.orderDate().isAfter(last) ? o.orderDate() : last;
                }
                count = (long) theirs.size();
            }
            rows.put(c.id(), new CustomerRow(c.id(), c.firstName(), c.lastName(), first, last, count,
                    paidByCustomer.get(c.id())));
        }
        return List.copyOf(rows.values());
    }

    private static BigDecimal zero() {
        return BigDecimal.valueOf(0, 2);
    }

    private static Reader classpathReader(String seed) {
        String name = CLASSPATH_PROJECT + "/seeds/" + seed;
        InputStream in = ShopExpectations.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + name);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> orderedMap(Object... keysAndValues) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    /** Just enough CSV for the seeds: a header line, comma separators, optional double quotes. */
    static final class Csv {
        private Csv() { }

        static List<Map<String, String>> read(Reader reader, String... expectedHeader) throws IOException {
            BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
            String headerLine = lines.readLine();
            if (headerLine == null) {
                throw new IllegalArgumentException("empty CSV, expected header " + String.join(",", expectedHeader));
            }
            List<String> header = split(stripBom(headerLine));
            if (!header.equals(List.of(expectedHeader))) {
                throw new IllegalArgumentException("CSV header " + header + " is not " + List.of(expectedHeader));
            }
            List<Map<String, String>> rows = new ArrayList<>();
            String line;
            int lineNumber = 1;
            while ((line = lines.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> cells = split(line);
                if (cells.size() != header.size()) {
                    throw new IllegalArgumentException("CSV line " + lineNumber + " has " + cells.size()
                            + " fields, expected " + header.size());
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), cells.get(i));
                }
                rows.add(row);
            }
            return rows;
        }

        private static String stripBom(String s) {
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        }

        private static List<String> split(String line) {
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (quoted) {
                    if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (ch == '"') {
                        quoted = false;
                    } else {
                        cell.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(ch);
                }
            }
            cells.add(cell.toString());
            return cells;
        }
    }
}
