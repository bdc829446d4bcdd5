package dev.sluice.cli.commands;

import dev.sluice.cli.output.LogRecord;
import dev.sluice.cli.output.Styled;
import dev.sluice.core.events.Event.Level;
import java.util.Map;

/** Command output (ls lines, show tables, compiled SQL): shown even with --quiet. */
final class Print {
    private Print() {
    }

    /** A plain line, no timestamp: ls and JSON output that scripts read. */
    static void raw(Session s, String name, String text, Map<String, Object> data) {
        s.reporter().emit(LogRecord.of(Level.INFO, name, Styled.of(text), data).asPrint(true));
    }

    /** A timestamped block such as "Previewing node 'x':" and its table. */
    static void block(Session s, String name, String text, Map<String, Object> data) {
        s.reporter().emit(LogRecord.of(Level.INFO, name, Styled.of(text), data).asPrint(false));
    }
}
