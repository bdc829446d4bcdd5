package dev.sluice.cli.output;

/**
 * How the console shows records. {@code colors} and {@code progress} are only ever true on an interactive terminal;
 * {@code printerWidth} is the column the dotted node lines pad to (dbt's default is 80).
 */
public record ConsoleSettings(LogFormat format, boolean quiet, boolean debug, boolean colors, boolean progress,
                              int printerWidth) {

    public static ConsoleSettings plain() {
        return new ConsoleSettings(LogFormat.TEXT, false, false, false, false, 80);
    }

    public boolean json() {
        return format == LogFormat.JSON;
    }

    public boolean verbose() {
        return debug || format == LogFormat.DEBUG;
    }

    public ConsoleSettings quiet(boolean q) {
        return new ConsoleSettings(format, q, debug, colors, progress, printerWidth);
    }
}
