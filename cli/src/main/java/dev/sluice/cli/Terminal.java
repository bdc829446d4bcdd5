package dev.sluice.cli;

import java.util.Map;

/**
 * Whether stdout is an interactive terminal: only then does the CLI colour its output and draw a progress bar. Never in
 * pipes, files, CI, or on a dumb terminal.
 */
public record Terminal(boolean interactive) {

    public static final Terminal NONE = new Terminal(false);

    public static Terminal detect(Map<String, String> env) {
        boolean tty = System.console() != null;
        String ci = env.getOrDefault("CI", "");
        boolean inCi = !ci.isEmpty() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
        boolean dumb = "dumb".equals(env.get("TERM"));
        return new Terminal(tty && !inCi && !dumb && !env.containsKey("NO_COLOR"));
    }
}
