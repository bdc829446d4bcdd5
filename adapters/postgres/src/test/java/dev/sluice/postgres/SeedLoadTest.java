package dev.sluice.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.spi.AdapterException;
import dev.sluice.spi.Column;
import dev.sluice.spi.CsvLoadOptions;
import dev.sluice.spi.Relation;
import dev.sluice.spi.RelationType;
import dev.sluice.testkit.postgres.SharedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Seeds through COPY on a real server: types, NULLs, quoting, line endings, delimiters, errors, refills. */
class SeedLoadTest {
    @RegisterExtension
    static final SharedPostgres PG = new SharedPostgres();

    @TempDir
    Path dir;

    private final Pg pg = new Pg();
    private PostgresAdapter adapter;
    private String schema;

    @BeforeEach
    void open() {
        schema = PG.server().freshSchema("seeds");
        adapter = pg.open(PG.server(), schema);
    }

    @AfterEach
    void close() {
        adapter.close();
    }

    private Relation rel(String name) {
        return new Relation(null, schema, name, RelationType.TABLE);
    }

    private long load(String name, String csv) throws IOException {
        return load(name, csv, ',', Map.of());
    }

    private long load(String name, String csv, char delimiter, Map<String, String> types) throws IOException {
        Path file = dir.resolve(name + ".csv");
        Files.write(file, csv.getBytes(StandardCharsets.UTF_8));
        return adapter.loadCsv(rel(name), new CsvLoadOptions(file, delimiter, List.of(), types));
    }

    private List<String> types(String name) {
        return adapter.columnsOf(rel(name)).stream().map(Column::dataType).toList();
    }

    private List<List<Object>> rows(String name) {
        return adapter.query("select * from " + adapter.dialect().render(rel(name)) + " order by 1").rows();
    }

    @Test
    void typesAreInferredOverEveryRowAsDbtDoes() throws IOException {
        long n = load("typed", """
                i,big,huge,f,d,ts,tz,b,zip,word,nothing,mixed_num,mixed_dates,signed
                1,3000000000,123456789012345678901234,1.5,2024-01-02,2024-01-02 03:04:05,2024-01-02T03:04:05Z,true,01234,x,,3,2024-01-02,+3
                -7,1,1,1e5,2024-02-29,2024-01-02T03:04:05.123,2024-01-02 03:04:05+02:00,FALSE,12345,y,,1.5,2024-01-02 10:00:00,4
                ,,,,,,,,,,,,,
                """);
        assertThat(n).isEqualTo(3);
        assertThat(types("typed")).containsExactly("integer", "bigint", "numeric", "double precision", "date",
                "timestamp without time zone", "timestamp with time zone", "boolean", "text", "text", "text",
                "double precision", "timestamp without time zone", "text");
        List<Object> first = rows("typed").get(1);
        assertThat(first.get(0)).isEqualTo(1);
        assertThat(first.get(8)).isEqualTo("01234");
        assertThat(rows("typed").get(2)).allMatch(v -> v == null);
    }

    @Test
    void invalidDatesAndNonBooleansStayText() throws IOException {
        load("t", "d,b,t\n2024-02-30,t,25:00\n2024-01-01,yes,12:00\n");
        assertThat(types("t")).containsExactly("text", "text", "text");
    }

    @Test
    void emptyCellsQuotedOrNotAreNullAndQuotingWorks() throws IOException {
        load("q", "id,name,note\n1,\"\",\"has, comma\"\n2,,\"say \"\"hi\"\"\"\n3,\"two\nlines\",x\n");
        List<List<Object>> rows = rows("q");
        assertThat(rows.get(0)).containsExactly(1, null, "has, comma");
        assertThat(rows.get(1)).containsExactly(2, null, "say \"hi\"");
        assertThat(rows.get(2)).containsExactly(3, "two\nlines", "x");
    }

    @Test
    void crlfMixedLineEndsBlankLinesAndABomLoad() throws IOException {
        assertThat(load("crlf", "id,name\r\n1,a\r\n2,b\r\n")).isEqualTo(2);
        assertThat(rows("crlf")).containsExactly(Arrays.asList(1, "a"), Arrays.asList(2, "b"));
        assertThat(load("mixed", "\uFEFFid,name\r\n1,a\n2,\"b\r\nc\"\r\n\n3,d")).isEqualTo(3);
        assertThat(adapter.columnsOf(rel("mixed"))).extracting(Column::name).containsExactly("id", "name");
        assertThat(rows("mixed")).containsExactly(Arrays.asList(1, "a"), Arrays.asList(2, "b\r\nc"), Arrays.asList(3, "d"));
    }

    @Test
    void otherDelimitersAndColumnTypes() throws IOException {
        load("tabs", "id\tname\tcode\n1\tAda\t007\n", '\t', Map.of("ID", "bigint", "code", "varchar(10)",
                "not_a_column", "integer"));
        assertThat(types("tabs")).containsExactly("bigint", "text", "character varying(10)");
        assertThat(rows("tabs").get(0)).containsExactly(1L, "Ada", "007");
        load("semi", "a;b\n1;x,y\n", ';', Map.of());
        assertThat(rows("semi").get(0)).containsExactly(1, "x,y");
    }

    @Test
    void headerOnlyGivesAnEmptyTextTableAndAnEmptyFileIsAnError() throws IOException {
        assertThat(load("header_only", "a,b\n")).isZero();
        assertThat(types("header_only")).containsExactly("text", "text");
        assertThatThrownBy(() -> load("empty", ""))
                .isInstanceOf(AdapterException.class).hasMessage("seed file empty.csv is empty: it needs a header row");
    }

    @Test
    void malformedFilesNameTheLine() {
        assertThatThrownBy(() -> load("ragged", "a,b,c\n1,2,3\n\"x\ny\",2,3\n4,5,6,7\n"))
                .isInstanceOf(AdapterException.class)
                .hasMessage("seed file ragged.csv line 5: expected 3 fields, found 4")
                .satisfies(e -> assertThat(((AdapterException) e).userError()).isTrue());
        assertThatThrownBy(() -> load("open_quote", "a,b\n1,2\n3,\"never closed\n"))
                .hasMessage("seed file open_quote.csv line 3: a quoted field is never closed");
        assertThatThrownBy(() -> load("bad_type", "a\nx\n", ',', Map.of("a", "integer")))
                .isInstanceOf(AdapterException.class).hasMessageContaining("seed file bad_type.csv")
                .hasMessageContaining("invalid input syntax for type integer")
                .hasMessageContaining("line 2");
    }

    @Test
    void reloadingTheSameShapeRefillsInPlaceAndKeepsViewsOnTheSeed() throws IOException {
        load("people", "id,name\n1,a\n2,b\n");
        adapter.replace(new Relation(null, schema, "people_view", RelationType.VIEW),
                "select * from " + adapter.dialect().render(rel("people")), RelationType.VIEW);
        assertThat(load("people", "id,name\n1,a\n2,b\n3,c\n")).isEqualTo(3);
        assertThat(adapter.query("select count(*) from " + adapter.dialect().render(rel("people_view"))).rows().get(0)
                .get(0)).isEqualTo(3L);
        // a new column changes the shape: the table is swapped, and the view on it goes as with dbt-postgres
        assertThat(load("people", "id,name,age\n1,a,30\n")).isEqualTo(1);
        assertThat(adapter.listRelations(null, schema)).extracting(Relation::identifier).containsExactly("people");
        assertThat(pg.notices).anyMatch(n -> n.contains("people_view"));
    }

    @Test
    void aFailedLoadLeavesTheOldTable() throws IOException {
        load("keep", "id\n1\n2\n");
        assertThatThrownBy(() -> load("keep", "id\nx\n", ',', Map.of("id", "integer")))
                .isInstanceOf(AdapterException.class);
        assertThat(rows("keep")).hasSize(2);
        assertThat(adapter.listRelations(null, schema)).extracting(Relation::identifier).containsExactly("keep");
    }
}
