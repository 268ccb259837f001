package ai.aimass.ml.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a UTF-8 CSV file as described by RFC 4180 into a {@link CsvTable}.
 * <p>
 * Fields may be quoted; a quoted field may hold commas, line breaks and doubled quotes
 * ({@code ""} for one quote). Lines end with {@code \n} or {@code \r\n}. A byte-order
 * mark before the header is skipped, and empty lines at the end of the file are ignored.
 * Nothing is trimmed. The first line is the header, whose names must be unique and
 * non-empty, and every data row must have as many cells as the header.
 * <p>
 * Every problem is reported as a {@link TabularDataException} whose message names the row
 * (the header is row 1) and, where it helps, the cell (the first cell is cell 1).
 */
public final class CsvParser {

    private static final int EOF = -1;

    private CsvParser() {
    }

    /**
     * Parses a whole CSV file. The stream is read to its end but not closed.
     * @param in the file's bytes, UTF-8
     * @param maxBytes the largest accepted file size in bytes
     * @return the table
     * @throws TabularDataException with code {@code payload_too_large} when the file has
     * more than {@code maxBytes} bytes, or {@code invalid_input} when it breaks a rule
     * above
     * @throws UncheckedIOException when the stream cannot be read
     */
    public static CsvTable parse(InputStream in, long maxBytes) {
        Objects.requireNonNull(in, "in");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes: expected a positive number, found " + maxBytes);
        }
        Reader reader = new InputStreamReader(new LimitedInputStream(in, maxBytes),
                StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));
        try {
            return toTable(new RecordReader(reader).readAll());
        }
        catch (LimitExceededException ex) {
            throw new TabularDataException(TabularDataException.PAYLOAD_TOO_LARGE,
                    "expected a file of at most " + maxBytes + " bytes, found a file larger than that limit");
        }
        catch (CharacterCodingException ex) {
            throw TabularDataException.invalid("expected UTF-8 text, found bytes that are not valid UTF-8");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static CsvTable toTable(List<Record> records) {
        if (records.isEmpty()) {
            throw TabularDataException.invalid("expected a header row, found an empty file");
        }
        List<String> header = records.get(0).cells();
        checkHeader(header);
        if (records.size() == 1) {
            throw TabularDataException.invalid("the file has a header but no data rows");
        }
        List<List<String>> rows = new ArrayList<>(records.size() - 1);
        for (int i = 1; i < records.size(); i++) {
            Record record = records.get(i);
            if (record.cells().size() != header.size()) {
                String found = record.blank() ? "an empty line" : String.valueOf(record.cells().size());
                throw TabularDataException.invalid("row " + record.rowNumber() + ": expected " + header.size()
                        + " cells as in the header, found " + found);
            }
            rows.add(record.cells());
        }
        return new CsvTable(header, rows);
    }

    private static void checkHeader(List<String> header) {
        Map<String, Integer> seen = new HashMap<>();
        for (int column = 0; column < header.size(); column++) {
            String name = header.get(column);
            if (name.isBlank()) {
                throw TabularDataException
                    .invalid("row 1, cell " + (column + 1) + ": expected a column name, found an empty cell");
            }
            Integer previous = seen.putIfAbsent(name, column);
            if (previous != null) {
                throw TabularDataException.invalid("row 1: expected unique column names, found \"" + name
                        + "\" in cells " + (previous + 1) + " and " + (column + 1));
            }
        }
    }

    private record Record(List<String> cells, int rowNumber, boolean blank) {

    }

    /**
     * A character state machine over the whole file.
     */
    private static final class RecordReader {

        private final Reader reader;

        private final char[] buffer = new char[8192];

        private int position;

        private int limit;

        private int current;

        private int rowNumber = 1;

        RecordReader(Reader reader) {
            this.reader = reader;
        }

        List<Record> readAll() throws IOException {
            advance();
            if (this.current == '\uFEFF') {
                advance();
            }
            List<Record> records = new ArrayList<>();
            int lastContentCount = 0;
            while (this.current != EOF) {
                Record record = readRecord();
                records.add(record);
                if (!record.blank()) {
                    lastContentCount = records.size();
                }
                this.rowNumber++;
            }
            return records.subList(0, lastContentCount);
        }

        private Record readRecord() throws IOException {
            List<String> cells = new ArrayList<>();
            boolean blank = true;
            StringBuilder cell = new StringBuilder();
            while (true) {
                if (this.current == '"') {
                    blank = false;
                    readQuoted(cell, cells.size() + 1);
                }
                else {
                    readUnquoted(cell, cells.size() + 1);
                    blank &= cell.length() == 0;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                if (this.current != ',') {
                    break;
                }
                blank = false;
                advance();
            }
            skipLineEnd();
            return new Record(List.copyOf(cells), this.rowNumber, blank);
        }

        private void readQuoted(StringBuilder cell, int cellNumber) throws IOException {
            int startRow = this.rowNumber;
            advance();
            while (true) {
                if (this.current == EOF) {
                    throw TabularDataException.invalid("row " + startRow + ", cell " + cellNumber
                            + ": expected a closing quote for the quoted field, found the end of the file");
                }
                if (this.current == '"') {
                    advance();
                    if (this.current != '"') {
                        break;
                    }
                }
                cell.append((char) this.current);
                advance();
            }
            if (!isFieldEnd(this.current)) {
                throw TabularDataException.invalid("row " + startRow + ", cell " + cellNumber
                        + ": expected a comma or a line end after the closing quote, found \"" + (char) this.current
                        + "\"");
            }
        }

        private void readUnquoted(StringBuilder cell, int cellNumber) throws IOException {
            while (!isFieldEnd(this.current)) {
                if (this.current == '"') {
                    throw TabularDataException.invalid("row " + this.rowNumber + ", cell " + cellNumber
                            + ": expected a quote only around a whole field, found one after \"" + cell
                            + "\" (quote the field and double the quotes inside it)");
                }
                cell.append((char) this.current);
                advance();
            }
        }

        private void skipLineEnd() throws IOException {
            if (this.current == '\r') {
                advance();
                if (this.current == '\n') {
                    advance();
                }
            }
            else if (this.current == '\n') {
                advance();
            }
        }

        private static boolean isFieldEnd(int c) {
            return c == ',' || c == '\n' || c == '\r' || c == EOF;
        }

        private void advance() throws IOException {
            if (this.position == this.limit) {
                this.limit = this.reader.read(this.buffer);
                this.position = 0;
                if (this.limit <= 0) {
                    this.limit = 0;
                    this.current = EOF;
                    return;
                }
            }
            this.current = this.buffer[this.position++];
        }

    }

    /**
     * Passes through at most {@code maxBytes} bytes and fails once the source holds more.
     */
    private static final class LimitedInputStream extends InputStream {

        private final InputStream in;

        private long remaining;

        LimitedInputStream(InputStream in, long maxBytes) {
            this.in = in;
            this.remaining = maxBytes;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int count = read(one, 0, 1);
            return (count == -1) ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (this.remaining == 0) {
                if (this.in.read() == -1) {
                    return -1;
                }
                throw new LimitExceededException();
            }
            int count = this.in.read(bytes, offset, (int) Math.min(length, this.remaining));
            if (count > 0) {
                this.remaining -= count;
            }
            return count;
        }

    }

    private static final class LimitExceededException extends IOException {

        LimitExceededException() {
            super("input larger than the limit");
        }

    }

}
