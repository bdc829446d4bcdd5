package dev.sluice.duckdb;

import static dev.sluice.duckdb.Duck.csv;
import static dev.sluice.duckdb.Duck.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.spi.AdapterException;
import dev.sluice.spi.Column;
import dev.sluice.spi.QueryResult;
import dev.sluice.spi.Relation;
import dev.sluice.spi.RelationType;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedLoadTest {
    @TempDir
    Path dir;

    private DuckDbAdapter adapter;
    private final Relation seed = new Relation("memory", "main", "seed", RelationType.TABLE);

    @BeforeEach
    void open() {
        adapter = Duck.memory(1);
    }

    @AfterEach
    void close() {
        adapter.close();
    }

    private Map<String, String> types() {
        return adapter.columnsOf(seed).stream()
                .collect(java.util.stream.Collectors.toMap(Column::name, Column::dataType, (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    private List<List<Object>> rows(String orderBy) {
        return adapter.query("select * from main.seed order by " + orderBy).rows();
    }

    @Test
    void quotedFieldsWithCommasQuotesAndNewlinesAndCrlf() throws IOException {
        Path file = csv(dir, "people.csv", "id,name,note\r\n"
                + "1,\"Smith, John\",\"say \"\"hi\"\"\"\r\n"
                + "2,\"two\r\nlines\",plain\r\n"
                + "3,Ann,\"a,b,\"\"c\"\"\"\r\n");

        assertThat(adapter.loadCsv(seed, options(file))).isEqualTo(3);

        assertThat(rows("id")).containsExactly(
                List.of(1L, "Smith, John", "say \"hi\""),
                List.of(2L, "two\r\nlines", "plain"),
                List.of(3L, "Ann", "a,b,\"c\""));
    }

    @Test
    void emptyCellsQuotedOrNotAreNullForNumbersAndStrings() throws IOException {
        Path file = csv(dir, "gaps.csv", "id,amount,name,day\n1,1.5,a,2024-01-02\n2,,,\n3,\"\",\"\",\"\"\n");

        adapter.loadCsv(seed, options(file));

        assertThat(types()).containsExactly(Map.entry("id", "BIGINT"), Map.entry("amount", "DOUBLE"),
                Map.entry("name", "VARCHAR"), Map.entry("day", "DATE"));
        assertThat(rows("id")).containsExactly(
                List.of(1L, 1.5, "a", LocalDate.of(2024, 1, 2)),
                Arrays.asList(2L, null, null, null),
                Arrays.asList(3L, null, null, null));
    }

    @Test
    void inferredTypesFollowDbtWhereDuckDbWouldGuessMore() throws IOException {
        Path file = csv(dir, "types.csv", "i,big,huge,dec,day,ts,flag,yesno,tf,bit,us_date,zip,txt,none\n"
                + "1,3000000000,99999999999999999999,1.25,2024-01-02,2024-01-02 03:04:05,true,yes,t,0,01/02/2024,01234,x,\n"
                + "-2,1,1,3,2024-12-31,2024-12-31 23:59:59,FALSE,no,f,1,12/31/2024,12345,y,\n");

        adapter.loadCsv(seed, options(file));

        assertThat(types()).containsExactly(
                Map.entry("i", "BIGINT"), Map.entry("big", "BIGINT"), Map.entry("huge", "HUGEINT"),
                Map.entry("dec", "DOUBLE"), Map.entry("day", "DATE"), Map.entry("ts", "TIMESTAMP"),
                Map.entry("flag", "BOOLEAN"), Map.entry("yesno", "VARCHAR"), Map.entry("tf", "VARCHAR"),
                Map.entry("bit", "BIGINT"), Map.entry("us_date", "VARCHAR"), Map.entry("zip", "VARCHAR"),
                Map.entry("txt", "VARCHAR"), Map.entry("none", "VARCHAR"));
        assertThat(rows("i").get(0)).containsExactly(-2L, 1L, BigInteger.ONE, 3.0, LocalDate.of(2024, 12, 31),
                LocalDateTime.of(2024, 12, 31, 23, 59, 59), false, "no", "f", 1L, "12/31/2024", "12345", "y", null);
        assertThat(rows("i").get(1)).containsExactly(1L, 3_000_000_000L, new BigInteger("99999999999999999999"), 1.25,
                LocalDate.of(2024, 1, 2), LocalDateTime.of(2024, 1, 2, 3, 4, 5), true, "yes", "t", 0L, "01/02/2024",
                "01234", "x", null);
    }

    @Test
    void columnTypesOverrideInferenceMatchedCaseInsensitivelyAndUnknownNamesIgnored() throws IOException {
        Path file = csv(dir, "zips.csv", "Zip,amount,code,flag\n01234,1.5,7,true\n12345,2,8,false\n");

        adapter.loadCsv(seed, options(file, ',', Map.of("zip", "varchar", "AMOUNT", "decimal(10,2)",
                "code", "integer", "flag", "varchar", "not_a_column", "integer")));

        assertThat(types()).containsExactly(Map.entry("Zip", "VARCHAR"), Map.entry("amount", "DECIMAL(10,2)"),
                Map.entry("code", "INTEGER"), Map.entry("flag", "VARCHAR"));
        assertThat(rows("code")).containsExactly(
                List.of("01234", new BigDecimal("1.50"), 7, "true"),
                List.of("12345", new BigDecimal("2.00"), 8, "false"));
    }

    @Test
    void zipCodeStaysTextEvenWhenEveryValueHasNoLeadingZeroIfTyped() throws IOException {
        Path file = csv(dir, "zip.csv", "zip\n12345\n54321\n");

        adapter.loadCsv(seed, options(file));
        assertThat(types()).containsExactly(Map.entry("zip", "BIGINT"));

        adapter.loadCsv(seed, options(file, ',', Map.of("zip", "varchar")));
        assertThat(types()).containsExactly(Map.entry("zip", "VARCHAR"));
        assertThat(rows("zip")).containsExactly(List.of("12345"), List.of("54321"));
    }

    @Test
    void customDelimiters() throws IOException {
        Path semicolon = csv(dir, "semi.csv", "id;name;amount\n1;a,b;1,5\n2;\"x;y\";2\n");
        adapter.loadCsv(seed, options(semicolon, ';', Map.of()));
        assertThat(rows("id")).containsExactly(List.of(1L, "a,b", "1,5"), List.of(2L, "x;y", "2"));

        Path pipe = csv(dir, "pipe.csv", "id|name\n1|a;b\n2|\"c|d\"\n");
        adapter.loadCsv(seed, options(pipe, '|', Map.of()));
        assertThat(types()).containsExactly(Map.entry("id", "BIGINT"), Map.entry("name", "VARCHAR"));
        assertThat(rows("id")).containsExactly(List.of(1L, "a;b"), List.of(2L, "c|d"));
    }

    @Test
    void headerOnlyFileCreatesAnEmptyTableOfVarcharColumns() throws IOException {
        Path file = csv(dir, "empty.csv", "id,name,amount\n");
        assertThat(adapter.loadCsv(seed, options(file))).isZero();
        assertThat(types()).containsExactly(Map.entry("id", "VARCHAR"), Map.entry("name", "VARCHAR"),
                Map.entry("amount", "VARCHAR"));

        Path crlfNoNewline = csv(dir, "empty2.csv", "id,name");
        assertThat(adapter.loadCsv(seed, options(crlfNoNewline, ',', Map.of("id", "integer")))).isZero();
        assertThat(types()).containsExactly(Map.entry("id", "INTEGER"), Map.entry("name", "VARCHAR"));
    }

    @Test
    void utf8ByteOrderMarkIsNotPartOfTheFirstColumnName() throws IOException {
        Path file = csv(dir, "bom.csv", "\uFEFFid,name\n1,Zoë\n");
        adapter.loadCsv(seed, options(file));
        assertThat(types()).containsExactly(Map.entry("id", "BIGINT"), Map.entry("name", "VARCHAR"));
        assertThat(rows("id")).containsExactly(List.of(1L, "Zoë"));
    }

    @Test
    void mixedLineEndingsStillLoad() throws IOException {
        Path file = csv(dir, "mixed.csv", "id,name\n1,a\r\n2,\"b\nc\"\n3,d\r\n");
        assertThat(adapter.loadCsv(seed, options(file))).isEqualTo(3);
        assertThat(rows("id")).containsExactly(List.of(1L, "a"), List.of(2L, "b\nc"), List.of(3L, "d"));
    }

    @Test
    void rowWithTooManyFieldsNamesItsLine() throws IOException {
        Path file = csv(dir, "more.csv", "a,b,c\n1,2,3\n4,5,6\n7,8,9,10\n11,12,13\n");
        assertThatThrownBy(() -> adapter.loadCsv(seed, options(file)))
                .isInstanceOf(AdapterException.class)
                .hasMessage("seed file more.csv line 4: expected 3 fields, found 4")
                .matches(e -> ((AdapterException) e).userError());
    }

    @Test
    void rowWithTooFewFieldsNamesItsPhysicalLineAfterAMultilineField() throws IOException {
        Path file = csv(dir, "less.csv", "a,b,c\r\n\"1\r\nstill 1\",2,3\r\n4,5\r\n");
        assertThatThrownBy(() -> adapter.loadCsv(seed, options(file)))
                .isInstanceOf(AdapterException.class)
                .hasMessage("seed file less.csv line 4: expected 3 fields, found 2");
    }

    @Test
    void raggedRowFarIntoALargeFileNamesItsLine() throws IOException {
        StringBuilder text = new StringBuilder("id,name,amount\n");
        for (int i = 0; i < 100_000; i++) {
            text.append(i).append(",n").append(i).append(i == 90_000 ? "" : "," + i).append('\n');
        }
        Path file = csv(dir, "big.csv", text.toString());
        assertThatThrownBy(() -> adapter.loadCsv(seed, options(file)))
                .hasMessage("seed file big.csv line 90002: expected 3 fields, found 2");
    }

    @Test
    void raggedLastRowIsAnErrorNotAReasonToSkipTheFirstRows() throws IOException {
        Path file = csv(dir, "tail.csv", "id,name\n1,a\n2,b\n3,c\n4,d,e\n");
        assertThatThrownBy(() -> adapter.loadCsv(seed, options(file)))
                .hasMessage("seed file tail.csv line 5: expected 2 fields, found 3");
    }

    @Test
    void rowsStartingWithHashAreDataNotComments() throws IOException {
        Path file = csv(dir, "hash.csv", "id,name\n#1,a\n2,b\n");
        assertThat(adapter.loadCsv(seed, options(file))).isEqualTo(2);
        assertThat(rows("id")).containsExactly(List.of("#1", "a"), List.of("2", "b"));
    }

    @Test
    void unclosedQuoteNamesTheLineItStartsOn() throws IOException {
        Path file = csv(dir, "open.csv", "a,b\n1,2\n3,\"oops\n5,6\n");
        assertThatThrownBy(() -> adapter.loadCsv(seed, options(file)))
                .hasMessage("seed file open.csv line 3: a quoted field is never closed");
    }

    @Test
    void emptyFileIsAUserError() throws IOException {
        Path file = csv(dir, "nothing.csv", "");
        assertThatThrownBy(() -> adapter.loadCsv(seed, options(file)))
                .isInstanceOf(AdapterException.class)
                .hasMessage("seed file nothing.csv is empty: it needs a header row")
                .matches(e -> ((AdapterException) e).userError());
    }

    @Test
    void valueThatDoesNotFitItsColumnTypeNamesTheColumnAndLine() throws IOException {
        Path file = csv(dir, "bad.csv", "id,code\n1,7\n2,x7\n");
        assertThatThrownBy(() -> adapter.loadCsv(seed, options(file, ',', Map.of("code", "integer"))))
                .isInstanceOf(AdapterException.class)
                .hasMessageStartingWith("seed file bad.csv: ")
                .hasMessageContaining("x7")
                .hasMessageContaining("code")
                .hasMessageContaining("Line: 3")
                .hasMessageNotContaining("Possible fixes")
                .hasMessageNotContaining("read_csv")
                .matches(e -> ((AdapterException) e).userError());
    }

    @Test
    void unknownColumnTypeIsAUserError() throws IOException {
        Path file = csv(dir, "t.csv", "id\n1\n");
        assertThatThrownBy(() -> adapter.loadCsv(seed, options(file, ',', Map.of("id", "notatype"))))
                .isInstanceOf(AdapterException.class)
                .hasMessageContaining("Type with name notatype does not exist")
                .matches(e -> ((AdapterException) e).userError());
    }

    @Test
    void failedReloadKeepsThePreviousTableAndRows() throws IOException {
        adapter.loadCsv(seed, options(csv(dir, "good.csv", "id,name\n1,a\n2,b\n")));
        Path bad = csv(dir, "bad.csv", "id,name\n1,a\n2,b,c\n");

        assertThatThrownBy(() -> adapter.loadCsv(seed, options(bad))).isInstanceOf(AdapterException.class);

        assertThat(rows("id")).containsExactly(List.of(1L, "a"), List.of(2L, "b"));
    }

    @Test
    void reloadReplacesRowsAndTypesAndReplacesAViewOfTheSameName() throws IOException {
        adapter.execute("create view main.seed as select 1 as x");
        adapter.loadCsv(seed, options(csv(dir, "v1.csv", "id,name\n1,a\n")));
        assertThat(adapter.getRelation("memory", "main", "seed")).get().extracting(Relation::type)
                .isEqualTo(RelationType.TABLE);

        adapter.loadCsv(seed, options(csv(dir, "v2.csv", "code,when\nx,2024-05-06\n")));
        assertThat(types()).containsExactly(Map.entry("code", "VARCHAR"), Map.entry("when", "DATE"));
        assertThat(rows("code")).containsExactly(List.of("x", LocalDate.of(2024, 5, 6)));
    }

    @Test
    void loadsIntoASchemaThatDoesNotExistYet() throws IOException {
        Relation target = new Relation("memory", "raw_data", "people", RelationType.TABLE);
        assertThat(adapter.loadCsv(target, options(csv(dir, "p.csv", "id\n1\n2\n")))).isEqualTo(2);
        QueryResult result = adapter.query("select count(*) from raw_data.people");
        assertThat(result.rows()).containsExactly(List.of(2L));
    }

    @Test
    void missingFileIsAUserError() {
        Path missing = dir.resolve("missing.csv");
        assertThatThrownBy(() -> adapter.loadCsv(seed, new dev.sluice.spi.CsvLoadOptions(missing, ',', List.of("a"),
                Map.of())))
                .isInstanceOf(AdapterException.class)
                .hasMessageContaining("missing.csv does not exist");
    }
}
