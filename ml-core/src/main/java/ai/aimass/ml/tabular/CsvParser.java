package ai.aimass.ml.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Reads a UTF-8 CSV file as described by RFC 4180 into a {@link CsvTable}.
 * <p>
 * Fields may be quoted; a quoted field may hold commas, line breaks and doubled quotes
 * ({@code ""} for one quote). Lines end with {@code \n} or {@code \r\n}. A byte-order
 * mark before the header is skipped, and empty lines at the end of the file are ignored.
 * Nothing is trimmed. The first line is the header, whose names must be unique and
 * non-empty, and every data row must have as many cells as the header. A file has at most
 * {@value #MAX_COLUMNS} columns, a column name at most {@value #MAX_COLUMN_NAME_LENGTH}
 * characters and any other cell at most {@value #MAX_CELL_LENGTH} characters; these
 * limits are checked while reading, so an oversized header or cell is never held in
 * memory.
 * <p>
 * Every problem is reported as a {@link TabularDataException} whose message names the row
 * (the header is row 1) and, where it helps, the column by its header name or, where no
 * name is known, the cell (the first cell is cell 1).
 */
public final class CsvParser {

    /** The largest accepted number of columns. */
    public static final int MAX_COLUMNS = 10_000;

    /**
     * The longest accepted column name in characters, as long as a stored label column.
     */
    public static final int MAX_COLUMN_NAME_LENGTH = 200;

    /** The longest accepted data cell in characters. */
    public static final int MAX_CELL_LENGTH = 100_000;

    private static final int EOF = -1;

    /** Stands for an invalid UTF-8 byte sequence where a character was expected. */
    private static final int MALFORMED = -2;

    private CsvParser() {
    }

    /**
     * Parses a whole CSV file. The stream is read until the end or the first problem but
     * not closed.
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
        Utf8Input input = new Utf8Input(new LimitedInputStream(in, maxBytes));
        try {
            return toTable(new RecordReader(input).readAll());
        }
        catch (LimitExceededException ex) {
            throw new TabularDataException(TabularDataException.PAYLOAD_TOO_LARGE,
                    "expected a file of at most " + maxBytes + " bytes, found a file larger than that limit");
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
        if (records.size() == 1) {
            throw TabularDataException.invalid("the file has a header but no data rows");
        }
        List<List<String>> rows = new ArrayList<>(records.size() - 1);
        for (int i = 1; i < records.size(); i++) {
            Record record = records.get(i);
            if (record.cellCount() != header.size()) {
                String found = record.blank() ? "an empty line" : String.valueOf(record.cellCount());
                throw TabularDataException.invalid("row " + record.rowNumber() + ": expected " + header.size()
                        + " cells as in the header, found " + found);
            }
            rows.add(record.cells());
        }
        return new CsvTable(header, rows);
    }

    private static void checkHeader(Record header) {
        // The first non-empty record is later than row 1 when the file starts with an
        // empty line.
        if (header.rowNumber() > 1) {
            throw TabularDataException.invalid("row 1, cell 1: expected a column name, found an empty cell");
        }
        if (header.cellCount() > MAX_COLUMNS) {
            throw TabularDataException
                .invalid("row 1: expected at most " + MAX_COLUMNS + " columns, found " + header.cellCount());
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int column = 0; column < header.cells().size(); column++) {
            String name = header.cells().get(column);
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

    /**
     * One CSV record.
     *
     * @param cells its cells, at most {@link #MAX_COLUMNS} of them
     * @param cellCount how many cells it has, also beyond {@link #MAX_COLUMNS}
     * @param rowNumber its row number, the header being row 1
     * @param blank whether the line is empty
     */
    private record Record(List<String> cells, int cellCount, int rowNumber, boolean blank) {

    }

    /**
     * A character state machine over the whole file.
     */
    private static final class RecordReader {

        private final Utf8Input input;

        private final char[] buffer = new char[8192];

        private int position;

        private int limit;

        private int current;

        private int rowNumber = 1;

        /** The header's names once the header is read and checked. */
        private List<String> header;

        /**
         * Characters (code points) in the cell being read, counted also beyond its limit.
         */
        private int cellLength;

        RecordReader(Utf8Input input) {
            this.input = input;
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
                    if (this.header == null) {
                        checkHeader(record);
                        this.header = record.cells();
                    }
                }
                this.rowNumber++;
            }
            return records.subList(0, lastContentCount);
        }

        private Record readRecord() throws IOException {
            List<String> cells = new ArrayList<>();
            int cellCount = 0;
            boolean blank = true;
            StringBuilder cell = new StringBuilder();
            while (true) {
                cellCount++;
                this.cellLength = 0;
                if (this.current == '"') {
                    blank = false;
                    readQuoted(cell, cellCount);
                }
                else {
                    readUnquoted(cell, cellCount);
                    blank &= this.cellLength == 0;
                }
                requireCellLength(cellCount);
                if (cellCount <= MAX_COLUMNS) {
                    cells.add(cell.toString());
                }
                cell.setLength(0);
                if (this.current != ',') {
                    break;
                }
                blank = false;
                advance();
            }
            skipLineEnd();
            return new Record(List.copyOf(cells), cellCount, this.rowNumber, blank);
        }

        private void readQuoted(StringBuilder cell, int cellNumber) throws IOException {
            advance();
            while (true) {
                requireText(cellNumber);
                if (this.current == EOF) {
                    throw TabularDataException.invalid("row " + this.rowNumber + ", cell " + cellNumber
                            + ": expected a closing quote for the quoted field, found the end of the file");
                }
                if (this.current == '"') {
                    advance();
                    if (this.current != '"') {
                        break;
                    }
                }
                append(cell);
                advance();
            }
            requireText(cellNumber);
            if (!isFieldEnd(this.current)) {
                throw TabularDataException.invalid("row " + this.rowNumber + ", cell " + cellNumber
                        + ": expected a comma or a line end after the closing quote, found \"" + (char) this.current
                        + "\"");
            }
        }

        private void readUnquoted(StringBuilder cell, int cellNumber) throws IOException {
            while (!isFieldEnd(this.current)) {
                requireText(cellNumber);
                if (this.current == '"') {
                    throw TabularDataException.invalid("row " + this.rowNumber + ", cell " + cellNumber
                            + ": expected a quote only around a whole field, found one after \"" + cell
                            + "\" (quote the field and double the quotes inside it)");
                }
                append(cell);
                advance();
            }
        }

        /**
         * Keeps the current character while the cell is within its limit, counts it
         * always.
         */
        private void append(StringBuilder cell) {
            if (!Character.isLowSurrogate((char) this.current)) {
                this.cellLength++;
            }
            if (this.cellLength <= maxCellLength()) {
                cell.append((char) this.current);
            }
        }

        private int maxCellLength() {
            return (this.rowNumber == 1) ? MAX_COLUMN_NAME_LENGTH : MAX_CELL_LENGTH;
        }

        private void requireCellLength(int cellNumber) {
            if (this.cellLength <= maxCellLength()) {
                return;
            }
            String expected = (this.rowNumber == 1) ? "a column name" : "a cell";
            throw TabularDataException.invalid(location(cellNumber) + ": expected " + expected + " of at most "
                    + maxCellLength() + " characters, found " + this.cellLength);
        }

        private void requireText(int cellNumber) {
            if (this.current == MALFORMED) {
                throw TabularDataException
                    .invalid(location(cellNumber) + ": expected UTF-8 text, found bytes that are not valid UTF-8 ("
                            + this.input.malformedBytes() + ")");
            }
        }

        /** Names a cell by its column once the header is known, else by its number. */
        private String location(int cellNumber) {
            if (this.header != null && cellNumber <= this.header.size()) {
                return "row " + this.rowNumber + ", column \"" + this.header.get(cellNumber - 1) + "\"";
            }
            return "row " + this.rowNumber + ", cell " + cellNumber;
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
                int count = this.input.read(this.buffer);
                this.position = 0;
                this.limit = Math.max(count, 0);
                if (count < 0) {
                    this.current = count;
                    return;
                }
            }
            this.current = this.buffer[this.position++];
        }

    }

    /**
     * Decodes strict UTF-8. An invalid byte sequence is not thrown at once: the
     * characters before it are returned first and then {@link #MALFORMED}, so that the
     * parser can name the row and column where it lies.
     */
    private static final class Utf8Input {

        private final InputStream in;

        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

        private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();

        private boolean endOfInput;

        private boolean flushed;

        private String malformedBytes = "";

        Utf8Input(InputStream in) {
            this.in = in;
        }

        /**
         * Decodes the next characters.
         * @param target where to put them
         * @return how many were decoded, {@link #EOF} at the end of the input, or
         * {@link #MALFORMED} when the next bytes are not valid UTF-8
         */
        int read(char[] target) throws IOException {
            CharBuffer out = CharBuffer.wrap(target);
            while (!this.flushed) {
                CoderResult result = this.decoder.decode(this.bytes, out, this.endOfInput);
                if (result.isError() && out.position() == 0) {
                    this.malformedBytes = describeBytes(result.length());
                    return MALFORMED;
                }
                if (out.position() > 0) {
                    return out.position();
                }
                if (this.endOfInput) {
                    this.decoder.flush(out);
                    this.flushed = true;
                    return (out.position() > 0) ? out.position() : EOF;
                }
                fill();
            }
            return EOF;
        }

        /**
         * The invalid sequence last reported, as hexadecimal bytes ({@code 0xC3 0x28}).
         */
        String malformedBytes() {
            return this.malformedBytes;
        }

        private void fill() throws IOException {
            this.bytes.compact();
            int count = this.in.read(this.bytes.array(), this.bytes.position(), this.bytes.remaining());
            if (count < 0) {
                this.endOfInput = true;
            }
            else {
                this.bytes.position(this.bytes.position() + count);
            }
            this.bytes.flip();
        }

        private String describeBytes(int length) {
            StringJoiner joined = new StringJoiner(" ");
            for (int i = 0; i < length; i++) {
                joined.add(String.format("0x%02X", this.bytes.get(this.bytes.position() + i) & 0xFF));
            }
            return joined.toString();
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
