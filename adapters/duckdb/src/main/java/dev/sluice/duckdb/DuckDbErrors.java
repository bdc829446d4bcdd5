package dev.sluice.duckdb;

/** Makes DuckDB's driver messages readable: drops the Java exception prefix the driver adds. */
final class DuckDbErrors {
    private DuckDbErrors() {
    }

    static String clean(String message) {
        if (message == null) {
            return "DuckDB failed without a message";
        }
        String text = message.strip();
        for (String prefix : new String[] {"java.sql.SQLException: ", "Invalid Input Error: "}) {
            if (text.startsWith(prefix) && prefix.startsWith("java")) {
                text = text.substring(prefix.length());
            }
        }
        return text;
    }
}
