package dev.sluice.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.events.Event.Level;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextLinesTest {
    @Test
    void consoleAndVerboseLayouts() {
        TextLines lines = new TextLines(ZoneId.of("UTC"));
        Instant at = Instant.parse("2024-03-05T07:08:09.000042Z");
        assertThat(lines.console(at, "Done.")).isEqualTo("07:08:09  Done.");
        assertThat(lines.verbose(at, Level.INFO, "Thread-1", "msg")).isEqualTo("07:08:09.000042 [info ] [Thread-1]: msg");
        assertThat(lines.verbose(at, Level.ERROR, "main", "")).isEqualTo("07:08:09.000042 [error] [main]: ");
    }

    @Test
    void timesAreTheZonesAsThePatternsPrintThem() {
        DateTimeFormatter shortPattern = DateTimeFormatter.ofPattern("HH:mm:ss");
        DateTimeFormatter longPattern = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");
        Random random = new Random(3);
        for (String zone : new String[] {"UTC", "Europe/Berlin", "America/St_Johns", "Asia/Kathmandu"}) {
            ZoneId id = ZoneId.of(zone);
            TextLines lines = new TextLines(id);
            for (int i = 0; i < 2_000; i++) {
                Instant at = Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000_000));
                assertThat(lines.console(at, "x")).isEqualTo(shortPattern.format(at.atZone(id)) + "  x");
                assertThat(lines.verbose(at, Level.DEBUG, "t", "x"))
                        .isEqualTo(longPattern.format(at.atZone(id)) + " [debug] [t]: x");
            }
        }
    }
}
