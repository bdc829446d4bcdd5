package dev.sluice.core.jinja;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Python's {@code str} methods with Python's semantics (literal separators, optional arguments, tuples of prefixes). */
final class PyStr {
    static final Set<String> METHODS = Set.of("upper", "lower", "casefold", "swapcase", "title", "capitalize", "strip",
            "lstrip", "rstrip", "replace", "split", "rsplit", "splitlines", "startswith", "endswith", "find", "rfind",
            "index", "count", "join", "format", "isdigit", "isnumeric", "isdecimal", "isalpha", "isalnum", "isupper",
            "islower", "isspace", "zfill", "ljust", "rjust", "center", "partition", "removeprefix", "removesuffix");

    private PyStr() {
    }

    static Object call(String s, String name, Args args) {
        return switch (name) {
            case "upper" -> s.toUpperCase(Locale.ROOT);
            case "lower", "casefold" -> s.toLowerCase(Locale.ROOT);
            case "swapcase" -> swapcase(s);
            case "title" -> title(s);
            case "capitalize" -> s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
            case "strip" -> rstrip(lstrip(s, args.string(0, "chars")), args.string(0, "chars"));
            case "lstrip" -> lstrip(s, args.string(0, "chars"));
            case "rstrip" -> rstrip(s, args.string(0, "chars"));
            case "replace" -> replace(s, args.requireString(0, "old"), args.requireString(1, "new"), intArg(args, 2, "count", -1));
            case "split" -> split(s, args.string(0, "sep"), intArg(args, 1, "maxsplit", -1));
            case "rsplit" -> rsplit(s, args.string(0, "sep"), intArg(args, 1, "maxsplit", -1));
            case "splitlines" -> splitlines(s);
            case "startswith" -> anyOf(args.get(0, "prefix"), s::startsWith);
            case "endswith" -> anyOf(args.get(0, "suffix"), s::endsWith);
            case "find" -> s.indexOf(args.requireString(0, "sub"));
            case "rfind" -> s.lastIndexOf(args.requireString(0, "sub"));
            case "index" -> {
                int at = s.indexOf(args.requireString(0, "sub"));
                if (at < 0) {
                    throw new JinjaCallException("ValueError: substring not found");
                }
                yield at;
            }
            case "count" -> count(s, args.requireString(0, "sub"));
            case "join" -> join(s, args.get(0, "iterable"));
            case "format" -> format(s, args);
            case "isdigit", "isnumeric", "isdecimal" -> !s.isEmpty() && s.chars().allMatch(Character::isDigit);
            case "isalpha" -> !s.isEmpty() && s.chars().allMatch(Character::isLetter);
            case "isalnum" -> !s.isEmpty() && s.chars().allMatch(Character::isLetterOrDigit);
            case "isspace" -> !s.isEmpty() && s.chars().allMatch(Character::isWhitespace);
            case "isupper" -> s.chars().anyMatch(Character::isLetter) && s.equals(s.toUpperCase(Locale.ROOT));
            case "islower" -> s.chars().anyMatch(Character::isLetter) && s.equals(s.toLowerCase(Locale.ROOT));
            case "zfill" -> zfill(s, intArg(args, 0, "width", 0));
            case "ljust" -> s + pad(s, intArg(args, 0, "width", 0), fill(args));
            case "rjust" -> pad(s, intArg(args, 0, "width", 0), fill(args)) + s;
            case "center" -> center(s, intArg(args, 0, "width", 0), fill(args));
            case "partition" -> partition(s, args.requireString(0, "sep"));
            case "removeprefix" -> s.startsWith(args.requireString(0, "prefix"))
                    ? s.substring(args.requireString(0, "prefix").length()) : s;
            case "removesuffix" -> s.endsWith(args.requireString(0, "suffix")) && !args.requireString(0, "suffix").isEmpty()
                    ? s.substring(0, s.length() - args.requireString(0, "suffix").length()) : s;
            default -> throw new JinjaCallException("str has no method " + name);
        };
    }

    private static int intArg(Args args, int index, String keyword, int fallback) {
        Object value = args.get(index, keyword);
        return value instanceof Number n ? n.intValue() : value == null ? fallback : Integer.parseInt(value.toString());
    }

    private static String fill(Args args) {
        String fill = args.string(1, "fillchar");
        return fill == null ? " " : fill;
    }

    private static String swapcase(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            out.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return out.toString();
    }

    private static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean previousIsLetter = false;
        for (char c : s.toCharArray()) {
            out.append(previousIsLetter ? Character.toLowerCase(c) : Character.toUpperCase(c));
            previousIsLetter = Character.isLetter(c);
        }
        return out.toString();
    }

    private static boolean strips(char c, String chars) {
        return chars == null ? Character.isWhitespace(c) : chars.indexOf(c) >= 0;
    }

    private static String lstrip(String s, String chars) {
        int i = 0;
        while (i < s.length() && strips(s.charAt(i), chars)) {
            i++;
        }
        return s.substring(i);
    }

    private static String rstrip(String s, String chars) {
        int i = s.length();
        while (i > 0 && strips(s.charAt(i - 1), chars)) {
            i--;
        }
        return s.substring(0, i);
    }

    private static String replace(String s, String old, String replacement, int count) {
        if (count < 0) {
            return s.replace(old, replacement);
        }
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int done = 0; done < count; done++) {
            int at = s.indexOf(old, from);
            if (at < 0 || old.isEmpty()) {
                break;
            }
            out.append(s, from, at).append(replacement);
            from = at + old.length();
        }
        return out.append(s.substring(from)).toString();
    }

    static List<Object> split(String s, String sep, int maxsplit) {
        List<Object> out = new ArrayList<>();
        if (sep == null) {
            String rest = s.stripLeading();
            while (!rest.isEmpty()) {
                if (maxsplit >= 0 && out.size() == maxsplit) {
                    out.add(rest);
                    return out;
                }
                int end = 0;
                while (end < rest.length() && !Character.isWhitespace(rest.charAt(end))) {
                    end++;
                }
                out.add(rest.substring(0, end));
                rest = rest.substring(end).stripLeading();
            }
            return out;
        }
        if (sep.isEmpty()) {
            throw new JinjaCallException("ValueError: empty separator");
        }
        int from = 0;
        while (maxsplit < 0 || out.size() < maxsplit) {
            int at = s.indexOf(sep, from);
            if (at < 0) {
                break;
            }
            out.add(s.substring(from, at));
            from = at + sep.length();
        }
        out.add(s.substring(from));
        return out;
    }

    private static List<Object> rsplit(String s, String sep, int maxsplit) {
        if (maxsplit < 0 || sep == null) {
            return split(s, sep, maxsplit);
        }
        List<Object> out = new ArrayList<>();
        int end = s.length();
        while (out.size() < maxsplit) {
            int at = s.lastIndexOf(sep, end - sep.length());
            if (at < 0) {
                break;
            }
            out.add(0, s.substring(at + sep.length(), end));
            end = at;
        }
        out.add(0, s.substring(0, end));
        return out;
    }

    private static List<Object> splitlines(String s) {
        List<Object> out = new ArrayList<>(List.of(s.split("\\r\\n|\\n|\\r", -1)));
        if ("".equals(out.get(out.size() - 1))) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private static boolean anyOf(Object candidates, java.util.function.Predicate<String> test) {
        if (candidates instanceof Collection<?> many) {
            return many.stream().anyMatch(c -> test.test(String.valueOf(c)));
        }
        return test.test(String.valueOf(candidates));
    }

    private static int count(String s, String sub) {
        if (sub.isEmpty()) {
            return s.length() + 1;
        }
        int n = 0;
        for (int at = s.indexOf(sub); at >= 0; at = s.indexOf(sub, at + sub.length())) {
            n++;
        }
        return n;
    }

    private static String join(String separator, Object iterable) {
        List<String> parts = new ArrayList<>();
        for (Object item : ContextFunctions.asList(iterable)) {
            parts.add(String.valueOf(item));
        }
        return String.join(separator, parts);
    }

    private static String zfill(String s, int width) {
        if (s.length() >= width) {
            return s;
        }
        boolean signed = !s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+');
        String zeros = "0".repeat(width - s.length());
        return signed ? s.charAt(0) + zeros + s.substring(1) : zeros + s;
    }

    private static String pad(String s, int width, String fill) {
        return s.length() >= width ? "" : fill.repeat(width - s.length());
    }

    private static String center(String s, int width, String fill) {
        if (s.length() >= width) {
            return s;
        }
        int total = width - s.length();
        int left = total / 2 + (total & width & 1);
        return fill.repeat(left) + s + fill.repeat(total - left);
    }

    private static List<Object> partition(String s, String sep) {
        int at = s.indexOf(sep);
        return at < 0 ? new ArrayList<>(List.of(s, "", "")) : new ArrayList<>(List.of(s.substring(0, at), sep,
                s.substring(at + sep.length())));
    }

    /** {@code '{} and {}'.format(a, b)}, {@code '{0}'}, {@code '{name}'}; {@code {{ }}} escape braces. */
    private static String format(String template, Args args) {
        StringBuilder out = new StringBuilder();
        int auto = 0;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '{') {
                out.append('{');
                i++;
            } else if (c == '}' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                out.append('}');
                i++;
            } else if (c == '{') {
                int close = template.indexOf('}', i);
                if (close < 0) {
                    throw new JinjaCallException("ValueError: unmatched '{' in format string");
                }
                String field = template.substring(i + 1, close);
                if (field.contains(":") || field.contains("!")) {
                    throw new JinjaCallException("str.format: format specs ('" + field + "') are not supported");
                }
                Object value;
                if (field.isEmpty()) {
                    value = args.positional().get(auto++);
                } else if (field.chars().allMatch(Character::isDigit)) {
                    value = args.positional().get(Integer.parseInt(field));
                } else {
                    Map<String, Object> keywords = args.keywords();
                    if (!keywords.containsKey(field)) {
                        throw new JinjaCallException("KeyError: '" + field + "'");
                    }
                    value = keywords.get(field);
                }
                out.append(value);
                i = close;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
