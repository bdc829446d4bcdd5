package dev.sluice.postgres;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Infers a PostgreSQL type for every column of a seed over all its rows, as dbt's agate type tester does: empty cells
 * say nothing (they load as NULL); a column whose every non-empty value is {@code true}/{@code false} (any case) is
 * {@code boolean}; whole numbers are {@code integer}, {@code bigint} past 32 bits, {@code numeric} past 64 bits;
 * numbers with a fraction or an exponent are {@code float8} (dbt-postgres' choice); {@code yyyy-mm-dd} is {@code date};
 * ISO date-times ({@code T} or a space) are {@code timestamp}, or {@code timestamptz} with {@code Z} or an offset;
 * a mix of dates and date-times is a date-time; anything else, and a column with no value at all, is {@code text}.
 * Whole numbers with a leading zero ({@code 01234}) or a sign ({@code +3}) stay text, as zip codes should.
 */
final class CsvTypes {
    static final int BOOLEAN = 1;
    static final int INTEGER = 2;
    static final int BIGINT = 4;
    static final int NUMERIC = 8;
    static final int FLOAT = 16;
    static final int DATE = 32;
    static final int TIMESTAMP = 64;
    static final int TIMESTAMPTZ = 128;
    private static final int ALL = 255;
    private static final int[] ORDER = {BOOLEAN, INTEGER, BIGINT, NUMERIC, FLOAT, DATE, TIMESTAMP, TIMESTAMPTZ};
    private static final String[] NAMES = {"boolean", "integer", "bigint", "numeric", "float8", "date", "timestamp",
            "timestamptz"};

    private int[] masks = new int[0];
    private boolean[] seen = new boolean[0];

    /** Takes one value of column {@code index}. */
    void accept(int index, char[] b, int len) {
        if (index >= masks.length) {
            int old = masks.length;
            masks = Arrays.copyOf(masks, index + 1);
            seen = Arrays.copyOf(seen, index + 1);
            Arrays.fill(masks, old, masks.length, ALL);
        }
        if (len == 0) {
            return;
        }
        seen[index] = true;
        int mask = masks[index];
        if (mask != 0) {
            masks[index] = mask & classify(b, len, mask);
        }
    }

    /** The inferred type of each of {@code columns} columns. */
    List<String> types(int columns) {
        List<String> out = new ArrayList<>(columns);
        for (int i = 0; i < columns; i++) {
            out.add(i < masks.length && seen[i] ? name(masks[i]) : "text");
        }
        return out;
    }

    private static String name(int mask) {
        for (int i = 0; i < ORDER.length; i++) {
            if ((mask & ORDER[i]) != 0) {
                return NAMES[i];
            }
        }
        return "text";
    }

    /** The types {@code value} fits, among those still possible. */
    static int classify(char[] b, int len, int possible) {
        int fits = 0;
        if ((possible & BOOLEAN) != 0 && isBoolean(b, len)) {
            return BOOLEAN;
        }
        if ((possible & (INTEGER | BIGINT | NUMERIC | FLOAT)) != 0) {
            fits |= number(b, len);
            if (fits != 0) {
                return fits;
            }
        }
        if ((possible & (DATE | TIMESTAMP | TIMESTAMPTZ)) != 0) {
            fits |= temporal(b, len);
        }
        return fits;
    }

    private static boolean isBoolean(char[] b, int len) {
        return (len == 4 && eqIgnoreCase(b, "true")) || (len == 5 && eqIgnoreCase(b, "false"));
    }

    private static boolean eqIgnoreCase(char[] b, String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.toLowerCase(b[i]) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whole numbers: INTEGER|BIGINT|NUMERIC|FLOAT by size; decimals and exponents: FLOAT; else 0. */
    static int number(char[] b, int len) {
        int i = 0;
        if (b[0] == '-') {
            i = 1;
        }
        int digitsStart = i;
        while (i < len && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        int intDigits = i - digitsStart;
        if (i == len) {
            if (intDigits == 0 || (intDigits > 1 && b[digitsStart] == '0')) {
                return 0;
            }
            if (intDigits <= 9) {
                return INTEGER | BIGINT | NUMERIC | FLOAT;
            }
            if (intDigits <= 19) {
                long value;
                try {
                    value = Long.parseLong(new String(b, 0, len));
                } catch (NumberFormatException e) {
                    return NUMERIC | FLOAT;
                }
                return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE
                        ? INTEGER | BIGINT | NUMERIC | FLOAT : BIGINT | NUMERIC | FLOAT;
            }
            return NUMERIC | FLOAT;
        }
        int fraction = 0;
        if (b[i] == '.') {
            i++;
            int at = i;
            while (i < len && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
            fraction = i - at;
        }
        if (intDigits + fraction == 0) {
            return 0;
        }
        if (i < len && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < len && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            int at = i;
            while (i < len && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
            if (i == at) {
                return 0;
            }
        }
        return i == len ? FLOAT : 0;
    }

    /** {@code yyyy-mm-dd}: DATE (and the date-times); with a time: TIMESTAMP, or TIMESTAMPTZ with a zone. */
    static int temporal(char[] b, int len) {
        if (len < 10 || !digits(b, 0, 4) || b[4] != '-' || !digits(b, 5, 2) || b[7] != '-' || !digits(b, 8, 2)) {
            return 0;
        }
        int year = num(b, 0, 4);
        int month = num(b, 5, 2);
        int day = num(b, 8, 2);
        if (year == 0 || month < 1 || month > 12 || day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return 0;
        }
        if (len == 10) {
            return DATE | TIMESTAMP | TIMESTAMPTZ;
        }
        if ((b[10] != 'T' && b[10] != ' ') || len < 16 || !digits(b, 11, 2) || b[13] != ':' || !digits(b, 14, 2)) {
            return 0;
        }
        if (num(b, 11, 2) > 23 || num(b, 14, 2) > 59) {
            return 0;
        }
        int i = 16;
        if (i < len && b[i] == ':') {
            if (len < 19 || !digits(b, 17, 2) || num(b, 17, 2) > 59) {
                return 0;
            }
            i = 19;
            if (i < len && b[i] == '.') {
                int at = ++i;
                while (i < len && b[i] >= '0' && b[i] <= '9') {
                    i++;
                }
                if (i == at) {
                    return 0;
                }
            }
        }
        if (i == len) {
            return TIMESTAMP;
        }
        if (b[i] == 'Z' && i + 1 == len) {
            return TIMESTAMPTZ;
        }
        if (b[i] == '+' || b[i] == '-') {
            int rest = len - i - 1;
            boolean ok = (rest == 2 && digits(b, i + 1, 2))
                    || (rest == 4 && digits(b, i + 1, 4))
                    || (rest == 5 && digits(b, i + 1, 2) && b[i + 3] == ':' && digits(b, i + 4, 2));
            return ok ? TIMESTAMPTZ : 0;
        }
        return 0;
    }

    private static boolean digits(char[] b, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return false;
            }
        }
        return true;
    }

    private static int num(char[] b, int from, int count) {
        int n = 0;
        for (int i = from; i < from + count; i++) {
            n = n * 10 + (b[i] - '0');
        }
        return n;
    }
}
