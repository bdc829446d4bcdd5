package dev.sluice.core.jinja;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * State of one render that Jinjava cannot carry for us: the first fatal error (Jinjava records exceptions thrown by
 * functions as template errors and keeps rendering, so we keep the original here), and the stack of macro calls whose
 * {@code return()} value replaces their rendered text.
 */
public final class RenderSession {
    public static final String CONTEXT_KEY = "__sluice_session__";

    private RuntimeException fatal;
    private final Deque<ReturnFrame> frames = new ArrayDeque<>();

    /** One macro call; {@code value} is set by {@code return(...)}. */
    public static final class ReturnFrame {
        boolean returned;
        Object value;
    }

    public void fail(RuntimeException error) {
        if (fatal == null) {
            fatal = error;
        }
    }

    public RuntimeException fatal() {
        return fatal;
    }

    ReturnFrame push() {
        ReturnFrame frame = new ReturnFrame();
        frames.push(frame);
        return frame;
    }

    void pop() {
        frames.pop();
    }

    /** Called by {@code return(x)}: the innermost macro call returns x. Outside any macro it is ignored, as in dbt. */
    void setReturn(Object value) {
        ReturnFrame frame = frames.peek();
        if (frame != null && !frame.returned) {
            frame.returned = true;
            frame.value = value;
        }
    }

    /**
     * True once the render must not cause more side effects: after a fatal error, or after the current macro returned
     * (Jinjava keeps evaluating the rest of the macro body; its queries and logs must not run).
     */
    public boolean halted() {
        if (fatal != null) {
            return true;
        }
        ReturnFrame frame = frames.peek();
        return frame != null && frame.returned;
    }
}
