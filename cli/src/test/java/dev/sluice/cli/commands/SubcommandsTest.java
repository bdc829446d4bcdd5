package dev.sluice.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubcommandsTest {
    @Test
    void onlyTheCommandTypedIsBuilt() {
        assertThat(SluiceCommand.subcommandsFor("seed", "--exclude", "big_seed")).containsExactly(SeedCommand.class);
    }

    @Test
    void anAliasNamesItsCommand() {
        assertThat(SluiceCommand.subcommandsFor("list", "-q")).containsExactly(ListCommand.class);
    }

    @Test
    void everyWordThatNamesACommandKeepsItSoAnOptionValueCannotHideTheRealOne() {
        assertThat(SluiceCommand.subcommandsFor("--target", "test", "run"))
                .containsExactly(RunCommand.class, TestCommand.class);
    }

    @Test
    void noCommandOrAMistypedOneBuildsThemAllForTheUsageAndSuggestions() {
        assertThat(SluiceCommand.subcommandsFor()).isEqualTo(SluiceCommand.SUBCOMMANDS);
        assertThat(SluiceCommand.subcommandsFor("sed")).isEqualTo(SluiceCommand.SUBCOMMANDS);
        assertThat(SluiceCommand.subcommandsFor("--version")).isEqualTo(SluiceCommand.SUBCOMMANDS);
    }
}
