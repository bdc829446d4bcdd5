package dev.sluice.deploy.command;

import dev.sluice.deploy.DeployException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a job's command line into words, as a shell would split a plain command (spaces separate words; single or
 * double quotes keep spaces inside one word), and refuses everything a shell would treat as more than a command:
 * separators and pipes ({@code ; | &}), substitutions ({@code $ `}), redirections ({@code < >}), subshells
 * ({@code ( )} outside quotes), escapes ({@code \}) and control characters. Nothing is ever passed to a shell; the
 * refusal keeps a saved job honest about what it runs.
 */
final class Tokens {
    private static final String NEVER = ";|&$`<>\\";
    private static final String OUTSIDE_QUOTES = "(){}!#~";

    private Tokens() {
    }

    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw refused(line, i, "a control character (a line break or tab)");
            }
            if (NEVER.indexOf(c) >= 0) {
                throw refused(line, i, "'" + c + "'");
            }
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                if (word == null) {
                    word = new StringBuilder();
                }
            } else if (c == ' ') {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if (OUTSIDE_QUOTES.indexOf(c) >= 0) {
                throw refused(line, i, "'" + c + "' outside quotes");
            } else {
                if (word == null) {
                    word = new StringBuilder();
                }
                word.append(c);
            }
        }
        if (quote != 0) {
            throw new DeployException("Command refused: `" + line + "` has an unclosed " + quote + " quote");
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    private static DeployException refused(String line, int at, String what) {
        return new DeployException("Command refused: `" + line + "` contains " + what + " at column " + (at + 1)
                + ". A job command is one Sluice command with its flags (e.g. `sluice build --select marts`); it never"
                + " runs in a shell, so shell syntax (; | & $ ` < > \\ and subshells) is not allowed.");
    }
}
