package dev.sluice.cli.output;

import dev.sluice.core.events.Event.Level;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.util.Map;

/**
 * Where every line of an invocation goes: the console (text, verbose text or JSON lines, filtered by --quiet and
 * --debug) and the dbt.log file (everything, verbose text). Thread-safe: workers report concurrently.
 */
public final class Reporter implements AutoCloseable {
    private final ConsoleSettings settings;
    private final PrintStream out;
    private final PrintStream err;
    private final LogFile file;
    private final TextLines text;
    private final JsonLines json;
    private final ProgressBar bar;
    private boolean barShown;

    public Reporter(ConsoleSettings settings, PrintStream out, PrintStream err, LogFile file, String invocationId,
                    ZoneId zone) {
        this.settings = settings;
        this.out = out;
        this.err = err;
        this.file = file;
        this.text = new TextLines(zone);
        this.json = new JsonLines(invocationId);
        this.bar = settings.progress() ? new ProgressBar() : null;
        if (file != null) {
            file.write("");
            file.write(text.header(java.time.Instant.now(), invocationId));
        }
    }

    public ConsoleSettings settings() {
        return settings;
    }

    public JsonLines json() {
        return json;
    }

    public void info(String name, String msg) {
        emit(LogRecord.info(name, msg));
    }

    public void info(String name, Styled msg, Map<String, Object> data) {
        emit(LogRecord.of(Level.INFO, name, msg, data));
    }

    public void debug(String name, String msg) {
        emit(LogRecord.of(Level.DEBUG, name, Styled.of(msg), Map.of()));
    }

    public void error(String name, Styled msg, Map<String, Object> data) {
        emit(LogRecord.of(Level.ERROR, name, msg, data));
    }

    /** A blank console line, as dbt separates the sections of a run ("12:00:01  "). */
    public void blank(String name) {
        emit(LogRecord.info(name, ""));
    }

    public synchronized void emit(LogRecord r) {
        if (file != null) {
            file.write(text.verbose(r.ts(), r.level(), r.thread(), r.msg()));
        }
        if (!visible(r)) {
            return;
        }
        hideBar();
        out.println(render(r));
        showBar();
    }

    /** A stack trace: on stderr (never mixed into JSON lines on stdout) and in the log file. */
    public synchronized void stackTrace(Throwable t) {
        StringWriter s = new StringWriter();
        t.printStackTrace(new PrintWriter(s));
        if (file != null) {
            file.write(s.toString().stripTrailing());
        }
        hideBar();
        out.flush();
        err.print(s);
        err.flush();
    }

    /** Live progress on a terminal: {@code done} of {@code total} nodes finished. A no-op elsewhere. */
    public synchronized void progress(int done, int total) {
        if (bar == null) {
            return;
        }
        hideBar();
        bar.update(done, total);
        showBar();
    }

    private boolean visible(LogRecord r) {
        if (r.level() == Level.DEBUG && !settings.debug()) {
            return false;
        }
        return !settings.quiet() || r.print() || r.level() == Level.ERROR;
    }

    private String render(LogRecord r) {
        if (settings.json()) {
            return json.line(r);
        }
        String msg = settings.colors() ? r.text().ansi() : r.msg();
        if (r.raw()) {
            return msg;
        }
        return settings.verbose() ? text.verbose(r.ts(), r.level(), r.thread(), msg) : text.console(r.ts(), msg);
    }

    private void hideBar() {
        if (barShown) {
            out.print("\r\u001b[2K");
            barShown = false;
        }
    }

    private void showBar() {
        if (bar != null && bar.active()) {
            out.print(bar.render());
            out.flush();
            barShown = true;
        }
    }

    @Override
    public synchronized void close() {
        hideBar();
        out.flush();
        if (file != null) {
            file.close();
        }
    }
}
