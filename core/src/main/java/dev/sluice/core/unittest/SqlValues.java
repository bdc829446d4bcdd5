package dev.sluice.core.unittest;

import dev.sluice.spi.SqlDialect;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Date;
import java.util.regex.Pattern;

/**
 * Fixture values as SQL: literals for YAML/CSV values, and the type a column takes when the warehouse cannot tell
 * (its relation does not exist yet): integers, decimals, booleans, else text.
 */
public final class SqlValues {
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][-+]?\\d+)?");

    private SqlValues() {
    }

    /** A SQL literal: numbers and booleans bare, NULL, everything else a quoted string. */
    public static String literal(Object value, SqlDialect dialect) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d).toPlainString();
        }
        if (value instanceof Float f) {
            return new BigDecimal(f.toString()).toPlainString();
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return dialect.literal(text(value));
    }

    /** Text of a value as it reads in a fixture; YAML timestamps print as ISO dates (or date-times). */
    public static String text(Object value) {
        if (value instanceof Date date) {
            var instant = date.toInstant().atOffset(ZoneOffset.UTC);
            return instant.toLocalTime().toNanoOfDay() == 0
                    ? instant.toLocalDate().toString()
                    : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(instant.toLocalDateTime()).replace('T', ' ');
        }
        return String.valueOf(value);
    }

    /**
     * The type of a column whose relation the warehouse does not have: the narrowest of integer, bigint, decimal
     * (float) and boolean that every non-null value fits, else text; all-null columns are text.
     */
    public static String inferType(Collection<Object> values, SqlDialect dialect) {
        boolean any = false;
        boolean allBoolean = true;
        boolean allInteger = true;
        boolean allNumber = true;
        boolean fitsInt = true;
        for (Object value : values) {
            if (value == null) {
                continue;
            }
            any = true;
            String text = value instanceof String s ? s.strip() : null;
            boolean isBoolean = value instanceof Boolean
                    || (text != null && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")));
            boolean isInteger = value instanceof Integer || value instanceof Long || value instanceof Short
                    || value instanceof BigInteger || (text != null && INTEGER.matcher(text).matches());
            boolean isNumber = isInteger || value instanceof Double || value instanceof Float
                    || value instanceof BigDecimal || (text != null && DECIMAL.matcher(text).matches());
            allBoolean &= isBoolean;
            allInteger &= isInteger;
            allNumber &= isNumber;
            if (isInteger) {
                fitsInt &= new BigDecimal(value.toString().strip().replace("+", ""))
                        .abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
            }
        }
        if (!any) {
            return dialect.typeString();
        }
        if (allBoolean) {
            return dialect.typeBoolean();
        }
        if (allInteger) {
            return fitsInt ? dialect.typeInt() : dialect.typeBigint();
        }
        if (allNumber) {
            return dialect.typeFloat();
        }
        return dialect.typeString();
    }
}
