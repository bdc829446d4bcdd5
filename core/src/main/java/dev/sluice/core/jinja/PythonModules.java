package dev.sluice.core.jinja;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code modules} namespace: the parts of Python's {@code datetime} and {@code re} that dbt projects call. */
final class PythonModules {
    private PythonModules() {
    }

    static Map<String, Object> create() {
        Map<String, Object> modules = new LinkedHashMap<>();
        modules.put("datetime", datetimeModule());
        modules.put("re", reModule());
        return modules;
    }

    private static Map<String, Object> datetimeModule() {
        Map<String, Object> datetime = new LinkedHashMap<>();
        datetime.put("datetime", new DateTimeClass("datetime", false));
        datetime.put("date", new DateTimeClass("date", true));
        return datetime;
    }

    /**
     * Python's {@code datetime.datetime} and {@code datetime.date}: callable as constructors
     * ({@code datetime(2024, 1, 31, 12)}), with the class methods {@code now}, {@code utcnow}, {@code today} and
     * {@code strptime}.
     */
    public static final class DateTimeClass extends DbtFunction {
        private final boolean dateOnly;

        DateTimeClass(String name, boolean dateOnly) {
            super(name);
            this.dateOnly = dateOnly;
        }

        @Override
        protected Object call(Args args) {
            int[] parts = new int[7];
            String[] names = {"year", "month", "day", "hour", "minute", "second", "microsecond"};
            for (int i = 0; i < names.length; i++) {
                Object value = args.get(i, names[i]);
                if (value == null && i < 3) {
                    throw new JinjaCallException(getName() + "() is missing its argument '" + names[i] + "'");
                }
                parts[i] = value == null ? 0 : ((Number) value).intValue();
            }
            LocalDateTime value = LocalDateTime.of(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5],
                    parts[6] * 1000);
            return new PyDateTime(value, dateOnly);
        }

        public PyDateTime now() {
            return dateOnly ? today() : new PyDateTime(LocalDateTime.now());
        }

        public PyDateTime utcnow() {
            return new PyDateTime(LocalDateTime.now(ZoneOffset.UTC));
        }

        public PyDateTime today() {
            return dateOnly ? new PyDateTime(LocalDate.now().atStartOfDay(), true) : new PyDateTime(LocalDateTime.now());
        }

        public PyDateTime strptime(String text, String format) {
            return PyDateTime.strptime(text, format);
        }
    }

    private static Map<String, Object> reModule() {
        Map<String, Object> re = new LinkedHashMap<>();
        re.put("IGNORECASE", Pattern.CASE_INSENSITIVE);
        re.put("I", Pattern.CASE_INSENSITIVE);
        re.put("MULTILINE", Pattern.MULTILINE);
        re.put("DOTALL", Pattern.DOTALL);
        re.put("compile", DbtFunction.of("compile", args -> new PyPattern(compile(args.string(0, "pattern"), args.get(1, "flags")))));
        re.put("search", DbtFunction.of("search", args ->
                new PyPattern(compile(args.string(0, "pattern"), args.get(2, "flags"))).search(args.string(1, "string"))));
        re.put("match", DbtFunction.of("match", args ->
                new PyPattern(compile(args.string(0, "pattern"), args.get(2, "flags"))).match(args.string(1, "string"))));
        re.put("fullmatch", DbtFunction.of("fullmatch", args ->
                new PyPattern(compile(args.string(0, "pattern"), args.get(2, "flags"))).fullmatch(args.string(1, "string"))));
        re.put("findall", DbtFunction.of("findall", args ->
                new PyPattern(compile(args.string(0, "pattern"), args.get(2, "flags"))).findall(args.string(1, "string"))));
        re.put("sub", DbtFunction.of("sub", args -> compile(args.string(0, "pattern"), args.get(4, "flags"))
                .matcher(args.string(2, "string")).replaceAll(pythonReplacement(args.string(1, "repl")))));
        re.put("split", DbtFunction.of("split", args ->
                List.of(compile(args.string(0, "pattern"), args.get(3, "flags")).split(args.string(1, "string"), -1))));
        re.put("escape", DbtFunction.of("escape", args -> Pattern.quote(args.string(0, "pattern"))));
        return re;
    }

    private static Pattern compile(String pattern, Object flags) {
        int bits = flags instanceof Number n ? n.intValue() : 0;
        return Pattern.compile(pattern.replace("(?P<", "(?<"), bits);
    }

    private static String pythonReplacement(String repl) {
        return repl.replaceAll("\\\\(\\d)", "\\$$1");
    }

    /** A compiled pattern with Python's method names. */
    public static final class PyPattern {
        private final Pattern pattern;

        PyPattern(Pattern pattern) {
            this.pattern = pattern;
        }

        public PyMatch search(String text) {
            Matcher m = pattern.matcher(text == null ? "" : text);
            return m.find() ? new PyMatch(m) : null;
        }

        public PyMatch match(String text) {
            Matcher m = pattern.matcher(text == null ? "" : text);
            return m.lookingAt() ? new PyMatch(m) : null;
        }

        public PyMatch fullmatch(String text) {
            Matcher m = pattern.matcher(text == null ? "" : text);
            return m.matches() ? new PyMatch(m) : null;
        }

        public List<Object> findall(String text) {
            Matcher m = pattern.matcher(text == null ? "" : text);
            List<Object> out = new ArrayList<>();
            while (m.find()) {
                out.add(m.groupCount() == 0 ? m.group() : m.group(1));
            }
            return out;
        }
    }

    /** A match with {@code group(n)} and {@code groups()}. */
    public static final class PyMatch implements PyishText {
        private final List<String> groups = new ArrayList<>();

        PyMatch(Matcher matcher) {
            for (int i = 0; i <= matcher.groupCount(); i++) {
                groups.add(matcher.group(i));
            }
        }

        public String group(Object... index) {
            int i = index.length == 0 ? 0 : ((Number) index[0]).intValue();
            return groups.get(i);
        }

        public List<String> groups() {
            return groups.subList(1, groups.size());
        }

        @Override
        public String toString() {
            return groups.get(0);
        }
    }
}
