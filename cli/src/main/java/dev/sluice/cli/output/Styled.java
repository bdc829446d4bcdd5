package dev.sluice.cli.output;

import java.util.ArrayList;
import java.util.List;

/** A line of text whose pieces may carry a colour; rendered plain or with ANSI escapes. */
public final class Styled {
    public enum Color {
        GREEN("\u001b[32m"), RED("\u001b[31m"), YELLOW("\u001b[33m");

        final String code;

        Color(String code) {
            this.code = code;
        }
    }

    static final String RESET = "\u001b[0m";

    private record Piece(String text, Color color) {
    }

    private final List<Piece> pieces = new ArrayList<>();

    public static Styled of(String text) {
        return new Styled().plain(text);
    }

    public static Styled of(String text, Color color) {
        return new Styled().add(text, color);
    }

    public Styled plain(String text) {
        return add(text, null);
    }

    public Styled add(String text, Color color) {
        if (!text.isEmpty()) {
            pieces.add(new Piece(text, color));
        }
        return this;
    }

    public Styled append(Styled other) {
        pieces.addAll(other.pieces);
        return this;
    }

    public int length() {
        int length = 0;
        for (Piece p : pieces) {
            length += p.text.length();
        }
        return length;
    }

    public String plain() {
        StringBuilder out = new StringBuilder();
        pieces.forEach(p -> out.append(p.text));
        return out.toString();
    }

    public String ansi() {
        StringBuilder out = new StringBuilder();
        for (Piece p : pieces) {
            if (p.color == null) {
                out.append(p.text);
            } else {
                out.append(p.color.code).append(p.text).append(RESET);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return plain();
    }
}
