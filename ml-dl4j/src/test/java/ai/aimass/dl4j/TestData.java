package ai.aimass.dl4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Random;

import ai.aimass.ml.tabular.CsvParser;
import ai.aimass.ml.tabular.CsvTable;

/**
 * Data shared by the tests.
 */
public final class TestData {

    private TestData() {
    }

    /**
     * Reads the Breast Cancer Wisconsin (Diagnostic) table from the test resources.
     * @return the table
     */
    public static CsvTable breastCancer() {
        try (InputStream in = TestData.class.getResourceAsStream("/breast-cancer-wisconsin-diagnostic.csv")) {
            return CsvParser.parse(in, 1 << 20);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Draws two Gaussian blobs, class 0 around -1 and class 1 around +1 in every input.
     * @param rows the number of rows
     * @param width the number of inputs
     * @param seed the seed
     * @return the rows, labels in {@link Blobs#labels()}
     */
    public static Blobs blobs(int rows, int width, long seed) {
        Random random = new Random(seed);
        double[][] features = new double[rows][width];
        int[] labels = new int[rows];
        for (int row = 0; row < rows; row++) {
            labels[row] = row % 2;
            for (int column = 0; column < width; column++) {
                features[row][column] = (labels[row] == 0 ? -1 : 1) + random.nextGaussian();
            }
        }
        return new Blobs(features, labels);
    }

    /**
     * Rows and labels of a synthetic problem.
     *
     * @param features the rows
     * @param labels the class of each row
     */
    public record Blobs(double[][] features, int[] labels) {

    }

}
