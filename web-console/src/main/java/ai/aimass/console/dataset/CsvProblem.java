package ai.aimass.console.dataset;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A validation error of an uploaded file, split into the row, the column and what was
 * wrong, as platform-api names them ({@code file: row 7, column "bmi": expected a number,
 * found "n/a"}).
 *
 * @param row the row as a spreadsheet numbers it (the header is row 1), or null
 * @param column the column's name, or {@code cell N} where no name is known, or null
 * @param problem what was expected and found
 */
public record CsvProblem(Integer row, String column, String problem) {

    private static final Pattern PLACE = Pattern
        .compile("^(?:file: )?row (\\d+)(?:, column \"(.*?)\"|, (cell \\d+))?: (.*)$", Pattern.DOTALL);

    /**
     * Splits messages that name a row; others keep their whole text as the problem.
     * @param messages the messages of a refused upload
     * @return one problem per message
     */
    static List<CsvProblem> of(List<String> messages) {
        return messages.stream().map(CsvProblem::of).toList();
    }

    static CsvProblem of(String message) {
        Matcher matcher = PLACE.matcher(message);
        if (!matcher.matches()) {
            return new CsvProblem(null, null, message.startsWith("file: ") ? message.substring(6) : message);
        }
        String column = (matcher.group(2) != null) ? matcher.group(2) : matcher.group(3);
        return new CsvProblem(Integer.valueOf(matcher.group(1)), column, matcher.group(4));
    }

}
