package dev.sluice.testkit.shop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.hubspot.jinjava.Jinjava;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs the shop project's own model files on real DuckDB, with {@code ref()} resolved to plain table names by this
 * test instead of by the engine, and checks that the warehouse agrees with {@link ShopExpectations}. This keeps the
 * project's SQL and the oracle honest before the engine can run the project itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShopModelsOnDuckDbTest {

    private static final Pattern REF = Pattern.compile("\\{\\{\\s*ref\\(\\s*'([a-z_]+)'\\s*\\)\\s*}}");

    private Path project;
    private Connection connection;
    private final ShopExpectations shop = ShopExpectations.fromClasspath();

    @BeforeAll
    void buildTheProjectByHand() throws Exception {
        project = classpathFolder(ShopExpectations.CLASSPATH_PROJECT);
        connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = connection.createStatement()) {
            for (String seed : List.of("raw_customers", "raw_orders", "raw_payments")) {
                String csv = project.resolve("seeds/" + seed + ".csv").toString().replace("'", "''");
                s.execute("create table " + seed + " as select * from read_csv('" + csv + "', header = true)");
            }
            for (String view : List.of("stg_customers", "stg_orders", "stg_payments")) {
                s.execute("create view " + view + " as " + render("models/staging/" + view + ".sql"));
            }
            for (String table : List.of("customers", "orders")) {
                s.execute("create table " + table + " as " + render("models/" + table + ".sql"));
            }
        }
    }

    @AfterAll
    void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }

    @Test
    void everyRelationHasTheExpectedRowCount() throws SQLException {
        for (Map.Entry<String, Integer> e : shop.rowCounts().entrySet()) {
            List<List<Object>> rows = query("select count(*) from " + e.getKey());
            assertThat(rows.get(0).get(0)).as(e.getKey()).isEqualTo((long) e.getValue());
        }
    }

    @Test
    void customersTableMatchesTheOracle() throws SQLException {
        assertThat(columns("customers")).isEqualTo(ShopExpectations.CUSTOMER_COLUMNS);
        List<List<Object>> expected = shop.customers().stream().map(ShopExpectations.CustomerRow::values).toList();
        assertThat(query("select * from customers order by customer_id")).isEqualTo(expected);
    }

    @Test
    void ordersTableMatchesTheOracle() throws SQLException {
        assertThat(columns("orders")).isEqualTo(ShopExpectations.ORDER_COLUMNS);
        List<List<Object>> expected = shop.orders().stream().map(ShopExpectations.OrderRow::values).toList();
        assertThat(query("select * from orders order by order_id")).isEqualTo(expected);
    }

    @Test
    void projectHasTheNodesTheOracleCounts() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        int tests = 0;
        for (String file : List.of("models/schema.yml", "models/staging/schema.yml")) {
            for (JsonNode model : yaml.readTree(project.resolve(file).toFile()).get("models")) {
                for (JsonNode column : model.path("columns")) {
                    tests += column.path("tests").size();
                }
            }
        }
        assertThat(tests).isEqualTo(ShopExpectations.TEST_COUNT);
        assertThat(countFiles("models", ".sql")).isEqualTo(ShopExpectations.MODEL_COUNT);
        assertThat(countFiles("seeds", ".csv")).isEqualTo(ShopExpectations.SEED_COUNT);
        JsonNode config = yaml.readTree(project.resolve("dbt_project.yml").toFile());
        assertThat(config.get("name").asText()).isEqualTo("shop");
        assertThat(config.at("/models/shop/staging/+materialized").asText()).isEqualTo("view");
    }

    /** The model's SQL with refs replaced by relation names and the rest of its Jinja rendered. */
    private String render(String modelFile) throws Exception {
        String source = Files.readString(project.resolve(modelFile), StandardCharsets.UTF_8);
        Matcher m = REF.matcher(source);
        String sql = new Jinjava().render(m.replaceAll("$1"), Map.of());
        assertThat(sql).as(modelFile).doesNotContain("{{").doesNotContain("{%");
        return sql;
    }

    private long countFiles(String folder, String suffix) throws Exception {
        try (Stream<Path> files = Files.walk(project.resolve(folder))) {
            return files.filter(f -> f.toString().endsWith(suffix)).count();
        }
    }

    private List<String> columns(String table) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("select * from " + table + " limit 0")) {
            ResultSetMetaData md = r.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                names.add(md.getColumnName(i));
            }
            return names;
        }
    }

    /** Rows as lists of Java values normalized to the oracle's types (Long, String, LocalDate, BigDecimal). */
    private List<List<Object>> query(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int n = r.getMetaData().getColumnCount();
            List<List<Object>> rows = new ArrayList<>();
            while (r.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(normalize(r.getObject(i)));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static Object normalize(Object value) {
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (value instanceof LocalDate || value instanceof String || value == null) {
            return value;
        }
        if (value instanceof BigDecimal b) {
            return b.setScale(2);
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        throw new AssertionError("unexpected JDBC value " + value + " of " + value.getClass());
    }

    private static Path classpathFolder(String name) throws URISyntaxException {
        return Path.of(ShopModelsOnDuckDbTest.class.getClassLoader().getResource(name).toURI());
    }
}
