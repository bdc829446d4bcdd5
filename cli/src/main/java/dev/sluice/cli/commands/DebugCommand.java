package dev.sluice.cli.commands;

import dev.sluice.cli.output.Plural;
import dev.sluice.cli.output.Styled;
import dev.sluice.cli.output.Styled.Color;
import dev.sluice.core.api.DebugReport;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code sluice debug}: checks the project, the profile and the connection; exits 1 when a check fails. */
@Command(name = "debug", description = "Checks the project, the profile and the warehouse connection.",
        sortOptions = false)
final class DebugCommand extends CommandBase {
    @Override
    protected int execute(Session session) {
        DebugReport report = session.api().debug(session.options());
        for (DebugReport.Check check : report.checks()) {
            String detail = check.detail() == null || check.detail().isBlank() ? "" : " " + check.detail();
            Styled line = Styled.of("  " + check.name() + " [")
                    .add((check.ok() ? "OK" : "ERROR") + detail, check.ok() ? Color.GREEN : Color.RED).plain("]");
            session.reporter().info("DebugCmdResult", line, Map.of("name", check.name(), "ok", check.ok(),
                    "detail", check.detail() == null ? "" : check.detail()));
        }
        session.reporter().blank("DebugCmdResult");
        if (report.allOk()) {
            session.reporter().info("DebugCmdResult", Styled.of("All checks passed!", Color.GREEN), Map.of());
            return 0;
        }
        long failed = report.checks().stream().filter(c -> !c.ok()).count();
        session.reporter().error("DebugCmdResult", Styled.of(Plural.of(failed, "check") + " failed:", Color.RED),
                Map.of());
        report.checks().stream().filter(c -> !c.ok()).forEach(c -> session.reporter().error("DebugCmdResult",
                Styled.of("  " + c.name() + ": " + (c.detail() == null ? "failed" : c.detail())), Map.of()));
        return 1;
    }
}
