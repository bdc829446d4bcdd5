package dev.sluice.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

class SubcommandsTest {
    private static List<Class<?>> types(List<SluiceCommand.Subcommand> commands) {
        return commands.stream().<Class<?>>map(SluiceCommand.Subcommand::type).toList();
    }

    @Test
    void theTableNamesEachCommandAsItsAnnotationDoes() {
        for (SluiceCommand.Subcommand command : SluiceCommand.SUBCOMMANDS) {
            Command annotation = command.type().getAnnotation(Command.class);
            assertThat(annotation).as(command.simpleName()).isNotNull();
            assertThat(command.name()).as(command.simpleName()).isEqualTo(annotation.name());
            assertThat(command.aliases()).as(command.simpleName()).containsExactly(annotation.aliases());
        }
    }

    @Test
    void onlyTheCommandTypedIsBuilt() {
        assertThat(types(SluiceCommand.subcommandsFor("seed", "--exclude", "big_seed")))
                .containsExactly(SeedCommand.class);
    }

    @Test
    void anAliasNamesItsCommand() {
        assertThat(types(SluiceCommand.subcommandsFor("list", "-q"))).containsExactly(ListCommand.class);
    }

    @Test
    void everyWordThatNamesACommandKeepsItSoAnOptionValueCannotHideTheRealOne() {
        assertThat(types(SluiceCommand.subcommandsFor("--target", "test", "run")))
                .containsExactly(RunCommand.class, TestCommand.class);
    }

    @Test
    void noCommandOrAMistypedOneBuildsThemAllForTheUsageAndSuggestions() {
        assertThat(SluiceCommand.subcommandsFor()).isEqualTo(SluiceCommand.SUBCOMMANDS);
        assertThat(SluiceCommand.subcommandsFor("sed")).isEqualTo(SluiceCommand.SUBCOMMANDS);
        assertThat(SluiceCommand.subcommandsFor("--version")).isEqualTo(SluiceCommand.SUBCOMMANDS);
    }
}
