import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * The floor of the Python model benchmark, DuckDB's side: COPY the benchmark table to a CSV file with DuckDB's own
 * writer and print the seconds it took. Run with the DuckDB JDBC jar on the class path:
 * {@code java -cp duckdb_jdbc.jar CsvFloor.java <database file> <table> <csv file>}.
 */
public class CsvFloor {
    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + args[0]);
             Statement statement = connection.createStatement()) {
            long started = System.nanoTime();
            statement.execute("copy (select * from " + args[1] + ") to '" + args[2] + "' (format csv, header true)");
            System.out.printf("%.3f%n", (System.nanoTime() - started) / 1e9);
        }
    }
}
