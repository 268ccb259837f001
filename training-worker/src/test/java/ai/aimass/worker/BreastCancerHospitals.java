package ai.aimass.worker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The breast cancer data of {@code data/breast-cancer-wisconsin-diagnostic.csv}, split as
 * three hospitals would hold it: 15 % of the patients held out from everyone as a test
 * set, the rest shared about 50/30/20 among three hospitals whose malignant shares differ
 * (about 45, 37 and 15 %).
 */
final class BreastCancerHospitals {

    static final String LABEL_COLUMN = "diagnosis";

    private static final double HOLD_OUT_FRACTION = 0.15;

    private static final double[] SIZE_SHARES = { 0.5, 0.3, 0.2 };

    private static final double[] MALIGNANT_SHARES = { 0.45, Double.NaN, 0.15 };

    private final String header;

    private final List<List<String>> hospitals = new ArrayList<>();

    private final List<String[]> heldOut;

    private BreastCancerHospitals(String header, List<String> rows) {
        this.header = header;
        List<String> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(2024));
        int heldOutCount = (int) Math.round(shuffled.size() * HOLD_OUT_FRACTION);
        this.heldOut = shuffled.subList(0, heldOutCount).stream().map((row) -> row.split(",")).toList();
        List<String> rest = shuffled.subList(heldOutCount, shuffled.size());
        List<String> malignant = new ArrayList<>(rest.stream().filter((row) -> row.endsWith(",malignant")).toList());
        List<String> benign = new ArrayList<>(rest.stream().filter((row) -> row.endsWith(",benign")).toList());
        int[] sizes = sizes(rest.size());
        int[] malignantCounts = malignantCounts(sizes, malignant.size());
        for (int i = 0; i < sizes.length; i++) {
            List<String> hospital = new ArrayList<>(take(malignant, malignantCounts[i]));
            hospital.addAll(take(benign, sizes[i] - malignantCounts[i]));
            Collections.shuffle(hospital, new Random(i));
            this.hospitals.add(hospital);
        }
    }

    static BreastCancerHospitals load() {
        try (InputStream in = BreastCancerHospitals.class
            .getResourceAsStream("/data/breast-cancer-wisconsin-diagnostic.csv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter((line) -> !line.isBlank())
                .toList();
            return new BreastCancerHospitals(lines.get(0), lines.subList(1, lines.size()));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The CSV file of hospital 0, 1 or 2. */
    byte[] hospitalCsv(int hospital) {
        return csv(this.hospitals.get(hospital));
    }

    /**
     * The CSV file of all three hospitals' rows, as a pooled baseline would hold them.
     */
    byte[] pooledCsv() {
        return csv(this.hospitals.stream().flatMap(List::stream).toList());
    }

    int hospitalRowCount(int hospital) {
        return this.hospitals.get(hospital).size();
    }

    /** The held-out patients' features in schema order, as numbers. */
    List<List<Object>> heldOutFeatures() {
        return this.heldOut.stream()
            .map((cells) -> Arrays.stream(cells, 0, cells.length - 1)
                .map(Double::valueOf)
                .map(Object.class::cast)
                .toList())
            .toList();
    }

    /** The held-out patients' true labels. */
    List<String> heldOutLabels() {
        return this.heldOut.stream().map((cells) -> cells[cells.length - 1]).toList();
    }

    private byte[] csv(List<String> rows) {
        return (this.header + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static int[] sizes(int total) {
        int first = (int) Math.round(total * SIZE_SHARES[0]);
        int second = (int) Math.round(total * SIZE_SHARES[1]);
        return new int[] { first, second, total - first - second };
    }

    private static int[] malignantCounts(int[] sizes, int malignantTotal) {
        int first = (int) Math.round(sizes[0] * MALIGNANT_SHARES[0]);
        int third = (int) Math.round(sizes[2] * MALIGNANT_SHARES[2]);
        return new int[] { first, malignantTotal - first - third, third };
    }

    private static List<String> take(List<String> rows, int count) {
        List<String> taken = new ArrayList<>(rows.subList(0, count));
        rows.subList(0, count).clear();
        return taken;
    }

}
