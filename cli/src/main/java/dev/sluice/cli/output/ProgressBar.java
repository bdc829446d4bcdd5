package dev.sluice.cli.output;

/** The one-line live progress shown at the bottom of a terminal while nodes run: {@code [=====>     ] 12/56}. */
final class ProgressBar {
    private static final int WIDTH = 30;
    private int done;
    private int total;

    void update(int done, int total) {
        this.done = done;
        this.total = total;
    }

    boolean active() {
        return total > 0 && done < total;
    }

    String render() {
        int filled = total == 0 ? 0 : (int) ((long) WIDTH * done / total);
        StringBuilder s = new StringBuilder("  [");
        for (int i = 0; i < WIDTH; i++) {
            s.append(i < filled ? '=' : i == filled ? '>' : ' ');
        }
        return s.append("] ").append(done).append('/').append(total).toString();
    }
}
