package dev.sluice.deploy.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.sluice.deploy.DeployException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A job's cron schedule: five Unix fields (minute hour day-of-month month day-of-week) read in a time zone, so
 * {@code 0 6 * * 1-5} in Europe/Paris fires at 06:00 Paris time on weekdays, summer and winter.
 */
public final class CronSchedule {
    private final String expression;
    private final ZoneId zone;
    private final ExecutionTime times;

    private CronSchedule(String expression, ZoneId zone, ExecutionTime times) {
        this.expression = expression;
        this.zone = zone;
        this.times = times;
    }

    public static CronSchedule parse(String expression, String zone) {
        ZoneId zoneId;
        try {
            zoneId = zone == null || zone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new DeployException("'" + zone + "' is not a time zone (use a name such as UTC or Europe/Paris).");
        }
        Cron cron;
        try {
            cron = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX)).parse(expression.strip());
            cron.validate();
        } catch (IllegalArgumentException e) {
            throw new DeployException("'" + expression + "' is not a cron schedule: " + e.getMessage()
                    + ". Use five fields: minute hour day-of-month month day-of-week, e.g. '0 6 * * 1-5'.");
        }
        return new CronSchedule(expression.strip(), zoneId, ExecutionTime.forCron(cron));
    }

    /** The latest scheduled time at or before {@code now}. */
    public Optional<Instant> lastAtOrBefore(Instant now) {
        ZonedDateTime at = now.atZone(zone);
        if (times.isMatch(at.withSecond(0).withNano(0)) ) {
            return Optional.of(at.withSecond(0).withNano(0).toInstant());
        }
        return times.lastExecution(at).map(ZonedDateTime::toInstant);
    }

    /** The next scheduled time after {@code now}. */
    public Optional<Instant> nextAfter(Instant now) {
        return times.nextExecution(now.atZone(zone)).map(ZonedDateTime::toInstant);
    }

    public String expression() {
        return expression;
    }

    public ZoneId zone() {
        return zone;
    }
}
