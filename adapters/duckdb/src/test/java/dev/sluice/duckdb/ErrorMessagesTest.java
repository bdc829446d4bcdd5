package dev.sluice.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.spi.AdapterException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ErrorMessagesTest {
    private DuckDbAdapter adapter;

    @BeforeEach
    void open() {
        adapter = Duck.memory(1);
    }

    @AfterEach
    void close() {
        adapter.close();
    }

    private AdapterException failure(String sql) {
        try {
            adapter.query(sql);
        } catch (AdapterException e) {
            return e;
        }
        throw new AssertionError("expected " + sql + " to fail");
    }

    @Test
    void missingTableKeepsDuckDbsWording() {
        AdapterException e = failure("select * from x");
        assertThat(e.getMessage()).startsWith("Catalog Error: Table with name x does not exist!")
                .doesNotContain("java.sql").doesNotContain("SQLException");
        assertThat(e.userError()).isTrue();
    }

    @Test
    void syntaxErrorKeepsTheLinePointer() {
        AdapterException e = failure("select 1,\nfrom t where");
        assertThat(e.getMessage()).startsWith("Parser Error: syntax error at or near")
                .contains("LINE 2:");
        assertThat(e.userError()).isTrue();
    }

    @Test
    void conversionAndBinderErrorsAreUserErrors() {
        assertThat(failure("select 'a'::integer").userError()).isTrue();
        assertThat(failure("select nope").getMessage()).startsWith("Binder Error:");
        assertThat(failure("select 1/0::integer + 'x'").userError()).isTrue();
    }

    @Test
    void cleaningRulesOnRawMessages() {
        assertThat(DuckDbErrors.clean("java.sql.SQLException: Catalog Error: Table with name x does not exist!"))
                .isEqualTo("Catalog Error: Table with name x does not exist!");
        assertThat(DuckDbErrors.clean("Invalid Input Error: CSV Error on Line: 3\nOriginal Line: a\n\nPossible fixes:\n"
                + "* Enable ignore errors\n  file = x.csv"))
                .isEqualTo("Invalid Input Error: CSV Error on Line: 3\nOriginal Line: a");
        assertThat(DuckDbErrors.clean(null)).isEqualTo("DuckDB failed without a message");
    }

    @Test
    void internalFailuresAreNotUserErrors() {
        assertThat(DuckDbErrors.isUserError("INTERNAL Error: Attempted to access index 3")).isFalse();
        assertThat(DuckDbErrors.isUserError("FATAL Error: database invalidated")).isFalse();
        assertThat(DuckDbErrors.isUserError("Out of Memory Error: could not allocate")).isFalse();
        assertThat(DuckDbErrors.isUserError("TransactionContext Error: Catalog write-write conflict")).isFalse();
        assertThat(DuckDbErrors.isUserError("Catalog Error: Table with name x does not exist!")).isTrue();
    }

    @Test
    void usingAClosedAdapterIsNotAUserError() {
        adapter.close();
        assertThatThrownBy(() -> adapter.query("select 1"))
                .isInstanceOf(AdapterException.class)
                .matches(e -> !((AdapterException) e).userError(), "not a user error");
        adapter = Duck.memory(1);
    }

    @Test
    void executeRunsSeveralStatements() {
        adapter.execute("create table a (x int); insert into a values (1), (2); create table b as select sum(x) s from a");
        assertThat(adapter.query("select s from b").rows().get(0).get(0)).isEqualTo(java.math.BigInteger.valueOf(3));
        assertThatThrownBy(() -> adapter.execute("create table c (x int); insert into c values ('no')"))
                .hasMessageStartingWith("Conversion Error");
    }
}
