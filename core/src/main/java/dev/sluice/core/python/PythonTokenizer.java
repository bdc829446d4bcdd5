package dev.sluice.core.python;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits Python source into the tokens the static scan needs: names, numbers, string literals (decoded, with their
 * prefixes and triple quotes), and single-character operators. Comments and line continuations are dropped, so text
 * inside a string or a comment is never mistaken for code.
 */
final class PythonTokenizer {
    enum Kind { NAME, NUMBER, STRING, OP }

    /** One token; {@code text} is the decoded value for strings; {@code formatted} marks f-strings. */
    record Token(Kind kind, String text, int line, boolean formatted) {
        boolean is(Kind k, String t) {
            return kind == k && text.equals(t);
        }
    }

    /** Thrown for text that cannot be Python (an unterminated string). */
    static final class SyntaxError extends RuntimeException {
        final int line;

        SyntaxError(String message, int line) {
            super(message);
            this.line = line;
        }
    }

    private final String src;
    private int pos;
    private int line = 1;

    private PythonTokenizer(String src) {
        this.src = src;
    }

    static List<Token> tokenize(String source) {
        return new PythonTokenizer(source).run();
    }

    private List<Token> run() {
        List<Token> out = new ArrayList<>();
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '\\' && pos + 1 < src.length() && (src.charAt(pos + 1) == '\n' || src.charAt(pos + 1) == '\r')) {
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (Character.isJavaIdentifierStart(c) && c != '$') {
                int start = pos;
                while (pos < src.length() && Character.isJavaIdentifierPart(src.charAt(pos)) && src.charAt(pos) != '$') {
                    pos++;
                }
                String word = src.substring(start, pos);
                if (pos < src.length() && (src.charAt(pos) == '\'' || src.charAt(pos) == '"') && isPrefix(word)) {
                    out.add(string(word.toLowerCase(java.util.Locale.ROOT)));
                } else {
                    out.add(new Token(Kind.NAME, word, line, false));
                }
            } else if (Character.isDigit(c) || (c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
                int start = pos;
                while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '.'
                        || src.charAt(pos) == '_' || ((src.charAt(pos) == '+' || src.charAt(pos) == '-')
                        && (src.charAt(pos - 1) == 'e' || src.charAt(pos - 1) == 'E') && !src.substring(start, pos).startsWith("0x")))) {
                    pos++;
                }
                out.add(new Token(Kind.NUMBER, src.substring(start, pos).replace("_", ""), line, false));
            } else if (c == '\'' || c == '"') {
                out.add(string(""));
            } else {
                out.add(new Token(Kind.OP, String.valueOf(c), line, false));
                pos++;
            }
        }
        return out;
    }

    private static boolean isPrefix(String word) {
        String w = word.toLowerCase(java.util.Locale.ROOT);
        return w.equals("r") || w.equals("b") || w.equals("u") || w.equals("f") || w.equals("rb") || w.equals("br")
                || w.equals("fr") || w.equals("rf");
    }

    private Token string(String prefix) {
        int startLine = line;
        char quote = src.charAt(pos);
        boolean triple = src.startsWith(String.valueOf(quote).repeat(3), pos);
        pos += triple ? 3 : 1;
        boolean raw = prefix.contains("r");
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= src.length()) {
                throw new SyntaxError("unterminated string literal", startLine);
            }
            char c = src.charAt(pos);
            if (triple ? src.startsWith(String.valueOf(quote).repeat(3), pos) : c == quote) {
                pos += triple ? 3 : 1;
                break;
            }
            if (c == '\n') {
                if (!triple) {
                    throw new SyntaxError("unterminated string literal", startLine);
                }
                line++;
            }
            if (c == '\\' && pos + 1 < src.length()) {
                char next = src.charAt(pos + 1);
                if (next == '\n') {
                    line++;
                }
                if (raw) {
                    value.append(c).append(next);
                } else {
                    value.append(switch (next) {
                        case 'n' -> "\n";
                        case 't' -> "\t";
                        case 'r' -> "\r";
                        case '0' -> "\0";
                        case '\\', '\'', '"' -> String.valueOf(next);
                        case '\n' -> "";
                        default -> "\\" + next;
                    });
                }
                pos += 2;
                continue;
            }
            value.append(c);
            pos++;
        }
        return new Token(Kind.STRING, value.toString(), startLine, prefix.contains("f"));
    }
}
