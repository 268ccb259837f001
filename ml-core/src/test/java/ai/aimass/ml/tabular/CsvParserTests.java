package ai.aimass.ml.tabular;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CsvParserTests {

    private static final long LIMIT = 8 << 20;

    @Test
    void parsesHeaderAndRows() {
        CsvTable table = parse("a,b,label\n1,2,x\n3,4,y\n");
        assertThat(table.header()).containsExactly("a", "b", "label");
        assertThat(table.rows()).containsExactly(List.of("1", "2", "x"), List.of("3", "4", "y"));
    }

    @Test
    void stripsByteOrderMarkBeforeHeader() {
        CsvTable table = parse("\uFEFFa,b\n1,2\n");
        assertThat(table.header()).containsExactly("a", "b");
    }

    @Test
    void keepsCommaNewlineAndEscapedQuoteInsideQuotedField() {
        CsvTable table = parse("name,note\n\"Smith, J\",\"said \"\"hi\"\"\nthen left\"\n");
        assertThat(table.rows()).containsExactly(List.of("Smith, J", "said \"hi\"\nthen left"));
    }

    @Test
    void trimsNothingInsideQuotesOrOutside() {
        CsvTable table = parse("a,b\n\"  x \", y \n");
        assertThat(table.rows().get(0)).containsExactly("  x ", " y ");
    }

    @Test
    void acceptsCrLfLineEnds() {
        CsvTable table = parse("a,b\r\n1,2\r\n3,4\r\n");
        assertThat(table.rows()).containsExactly(List.of("1", "2"), List.of("3", "4"));
    }

    @Test
    void acceptsLastRowWithoutLineEnd() {
        assertThat(parse("a,b\n1,2").rows()).containsExactly(List.of("1", "2"));
    }

    @Test
    void ignoresFinalEmptyLine() {
        assertThat(parse("a,b\n1,2\n\n").rowCount()).isEqualTo(1);
    }

    @Test
    void keepsEmptyCells() {
        assertThat(parse("a,b,c\n,2,\n").rows().get(0)).containsExactly("", "2", "");
    }

    @Test
    void rejectsRowWithTooFewCells() {
        assertInvalid("a,b,c\n1,2,3\n4,5,6\n7,8,9\n1,2\n", "row 5: expected 3 cells as in the header, found 2");
    }

    @Test
    void rejectsRowWithTooManyCells() {
        assertInvalid("a,b\n1,2,3\n", "row 2: expected 2 cells as in the header, found 3");
    }

    @Test
    void namesEmptyLineInTheMiddle() {
        assertInvalid("a,b\n1,2\n\n3,4\n", "row 3: expected 2 cells as in the header, found an empty line");
    }

    @Test
    void countsRowsAsRecordsNotPhysicalLines() {
        assertInvalid("a,b\n\"multi\nline\",2\n1\n", "row 3: expected 2 cells as in the header, found 1");
    }

    @Test
    void rejectsHeaderWithoutDataRows() {
        assertInvalid("a,b,label\n", "the file has a header but no data rows");
    }

    @Test
    void rejectsEmptyFile() {
        assertInvalid("", "expected a header row, found an empty file");
        assertInvalid("\uFEFF\n\n", "expected a header row, found an empty file");
    }

    @Test
    void rejectsDuplicateHeaderName() {
        assertInvalid("a,b,a\n1,2,3\n", "row 1: expected unique column names, found \"a\" in cells 1 and 3");
    }

    @Test
    void rejectsEmptyHeaderName() {
        assertInvalid("a,,c\n1,2,3\n", "row 1, cell 2: expected a column name, found an empty cell");
        assertInvalid("\na,b\n1,2\n", "row 1, cell 1: expected a column name, found an empty cell");
    }

    @Test
    void rejectsUnterminatedQuote() {
        assertInvalid("a,b\n1,\"open\n2,3\n",
                "row 2, cell 2: expected a closing quote for the quoted field, found the end of the file");
    }

    @Test
    void rejectsTextAfterClosingQuote() {
        assertInvalid("a,b\n\"x\"y,2\n",
                "row 2, cell 1: expected a comma or a line end after the closing quote, found \"y\"");
    }

    @Test
    void rejectsQuoteInsideUnquotedField() {
        assertInvalid("a,b\nab\"c,2\n", "row 2, cell 1: expected a quote only around a whole field, found one after "
                + "\"ab\" (quote the field and double the quotes inside it)");
    }

    @Test
    void namesRowAndColumnOfBytesThatAreNotUtf8() {
        assertInvalid(bytes("a\n", 0xC3, 0x28, "\n"),
                "row 2, column \"a\": expected UTF-8 text, found bytes that are not valid UTF-8 (0xC3)");
        assertInvalid(bytes("id,diagnosis\n1,benign\n2,mal", 0xFF, "ignant\n"),
                "row 3, column \"diagnosis\": expected UTF-8 text, found bytes that are not valid UTF-8 (0xFF)");
    }

    @Test
    void namesRowThatStartsWithBytesThatAreNotUtf8() {
        assertInvalid(bytes("a,b\r\n1,2\r\n", 0xFF, ",3\r\n"),
                "row 3, column \"a\": expected UTF-8 text, found bytes that are not valid UTF-8 (0xFF)");
    }

    @Test
    void namesRowOfBytesThatAreNotUtf8InQuotedFieldAcrossLines() {
        assertInvalid(bytes("a,b\n1,\"x\ny", 0xFE, "\"\n"),
                "row 2, column \"b\": expected UTF-8 text, found bytes that are not valid UTF-8 (0xFE)");
    }

    @Test
    void namesHeaderCellOfBytesThatAreNotUtf8() {
        assertInvalid(bytes("a,b", 0xFF, "\n1,2\n"),
                "row 1, cell 2: expected UTF-8 text, found bytes that are not valid UTF-8 (0xFF)");
    }

    @Test
    void namesTruncatedUtf8SequenceAtEndOfFile() {
        assertInvalid(bytes("a,b\n1,", 0xE2, 0x82),
                "row 2, column \"b\": expected UTF-8 text, found bytes that are not valid UTF-8 (0xE2 0x82)");
    }

    @Test
    void namesRowOfBytesThatAreNotUtf8AfterManyBuffers() {
        StringBuilder csv = new StringBuilder("x,label\n");
        for (int i = 0; i < 5000; i++) {
            csv.append(i).append(",caf\u00E9\n");
        }
        assertInvalid(bytes(csv.toString(), "1,", 0xC0, 0xAF, "\n"),
                "row 5002, column \"label\": expected UTF-8 text, found bytes that are not valid UTF-8 (0xC0)");
    }

    @Test
    void rejectsHeaderWithMoreColumnsThanTheLimit() {
        assertInvalid(header(10_001) + "\n" + "1,".repeat(10_000) + "1\n",
                "row 1: expected at most 10000 columns, found 10001");
    }

    @Test
    void acceptsHeaderWithAsManyColumnsAsTheLimit() {
        CsvTable table = parse(header(10_000) + "\n" + "1,".repeat(9_999) + "1\n");
        assertThat(table.header()).hasSize(10_000);
    }

    @Test
    void countsCellsOfRowFarWiderThanTheLimit() {
        assertInvalid("a,b\n" + "1,".repeat(20_000) + "1\n", "row 2: expected 2 cells as in the header, found 20001");
    }

    @Test
    void rejectsColumnNameLongerThanTheLimit() {
        assertInvalid("a," + "n".repeat(2_000_000) + "\n1,2\n",
                "row 1, cell 2: expected a column name of at most 200 characters, found 2000000");
    }

    @Test
    void acceptsColumnNameOfTheLimitCountedInCharactersNotUtf16Units() {
        String name = "\uD83E\uDDEC".repeat(200);
        assertThat(parse("a,\"" + name + "\"\n1,2\n").header()).containsExactly("a", name);
    }

    @Test
    void rejectsCellLongerThanTheLimit() {
        assertInvalid("id,notes\n1,ok\n2," + "y".repeat(100_001) + "\n",
                "row 3, column \"notes\": expected a cell of at most 100000 characters, found 100001");
        assertInvalid("id,notes\n1,\"" + "y".repeat(100_000) + "\n\"\n",
                "row 2, column \"notes\": expected a cell of at most 100000 characters, found 100001");
    }

    @Test
    void acceptsCellOfTheLimit() {
        assertThat(parse("id,notes\n1," + "y".repeat(100_000) + "\n").rows().get(0).get(1)).hasSize(100_000);
    }

    @Test
    void rejectsFileLargerThanLimit() {
        String csv = "a,b\n1,2\n";
        assertThatExceptionOfType(TabularDataException.class)
            .isThrownBy(() -> CsvParser.parse(stream(csv), csv.length() - 1))
            .withMessage("expected a file of at most 7 bytes, found a file larger than that limit")
            .extracting(TabularDataException::code)
            .isEqualTo("payload_too_large");
    }

    @Test
    void acceptsFileOfExactlyTheLimit() {
        String csv = "a,b\n1,2\n";
        assertThat(CsvParser.parse(stream(csv), csv.length()).rowCount()).isEqualTo(1);
    }

    @Test
    void readsLargeFileAcrossBufferBoundaries() {
        StringBuilder csv = new StringBuilder("x,label\n");
        for (int i = 0; i < 5000; i++) {
            csv.append(i).append(",\"c,").append(i % 3).append("\"\r\n");
        }
        CsvTable table = parse(csv.toString());
        assertThat(table.rowCount()).isEqualTo(5000);
        assertThat(table.rows().get(4999)).containsExactly("4999", "c,1");
    }

    private static String header(int columnCount) {
        return IntStream.range(0, columnCount).mapToObj((i) -> "c" + i).collect(Collectors.joining(","));
    }

    /** Concatenates text as UTF-8 and ints as raw bytes. */
    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            }
            else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }

    private static CsvTable parse(String csv) {
        return CsvParser.parse(stream(csv), LIMIT);
    }

    private static ByteArrayInputStream stream(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertInvalid(String csv, String message) {
        assertInvalid(csv.getBytes(StandardCharsets.UTF_8), message);
    }

    private static void assertInvalid(byte[] csv, String message) {
        assertThatExceptionOfType(TabularDataException.class)
            .isThrownBy(() -> CsvParser.parse(new ByteArrayInputStream(csv), LIMIT))
            .withMessage(message)
            .extracting(TabularDataException::code)
            .isEqualTo("invalid_input");
    }

}
