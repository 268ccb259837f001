package ai.aimass.standalone.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Splits one labelled table the way the demo needs it: first a stratified hold-out set
 * that no participant sees, then the rest into hospitals of unequal size and unequal
 * class balance, as real sites would be.
 * <p>
 * The minority class (malignant, in the breast-cancer data) gets a different share at
 * each hospital: the shares given for all but the last hospital, and whatever remains for
 * the last.
 */
public final class HospitalSplit {

    private HospitalSplit() {
    }

    /**
     * @param rows the data rows, header excluded
     * @param labelIndex the label's position in a row
     * @param holdOutFraction share of rows, per class, kept out for testing
     * @param sizeShares share of the remaining rows per hospital; must sum to 1
     * @param minorityShares minority-class share of each hospital but the last
     * @param seed seed of every shuffle, so a seed gives the same split
     */
    public static Result split(List<List<String>> rows, int labelIndex, double holdOutFraction, double[] sizeShares,
            double[] minorityShares, long seed) {
        if (minorityShares.length != sizeShares.length - 1) {
            throw new IllegalArgumentException("Expected " + (sizeShares.length - 1) + " minority shares for "
                    + sizeShares.length + " hospitals, found " + minorityShares.length);
        }
        Random random = new Random(seed);
        Map<String, List<List<String>>> byClass = new TreeMap<>();
        for (List<String> row : rows) {
            byClass.computeIfAbsent(row.get(labelIndex), (label) -> new ArrayList<>()).add(row);
        }
        List<List<String>> holdOut = new ArrayList<>();
        for (List<List<String>> classRows : byClass.values()) {
            Collections.shuffle(classRows, random);
            int count = (int) Math.round(classRows.size() * holdOutFraction);
            holdOut.addAll(classRows.subList(0, count));
            classRows.subList(0, count).clear();
        }
        String minority = byClass.entrySet()
            .stream()
            .min(Map.Entry.comparingByValue((a, b) -> Integer.compare(a.size(), b.size())))
            .orElseThrow()
            .getKey();
        List<List<String>> minorityRows = byClass.remove(minority);
        List<List<String>> majorityRows = new ArrayList<>();
        byClass.values().forEach(majorityRows::addAll);
        Collections.shuffle(majorityRows, random);
        List<List<List<String>>> hospitals = deal(minorityRows, majorityRows, sizeShares, minorityShares);
        hospitals.forEach((hospital) -> Collections.shuffle(hospital, random));
        Collections.shuffle(holdOut, random);
        return new Result(holdOut, hospitals, minority);
    }

    private static List<List<List<String>>> deal(List<List<String>> minorityRows, List<List<String>> majorityRows,
            double[] sizeShares, double[] minorityShares) {
        int total = minorityRows.size() + majorityRows.size();
        List<List<List<String>>> hospitals = new ArrayList<>();
        int minorityTaken = 0;
        int majorityTaken = 0;
        for (int h = 0; h < sizeShares.length; h++) {
            boolean last = h == sizeShares.length - 1;
            int size = last ? total - minorityTaken - majorityTaken : (int) Math.round(total * sizeShares[h]);
            int minorityCount = last ? minorityRows.size() - minorityTaken : (int) Math.round(size * minorityShares[h]);
            int majorityCount = size - minorityCount;
            if (minorityTaken + minorityCount > minorityRows.size()
                    || majorityTaken + majorityCount > majorityRows.size() || majorityCount < 0) {
                throw new IllegalArgumentException("Hospital " + (h + 1) + " cannot get " + size + " rows with "
                        + minorityCount + " of the minority class from the rows that remain");
            }
            List<List<String>> hospital = new ArrayList<>();
            hospital.addAll(minorityRows.subList(minorityTaken, minorityTaken + minorityCount));
            hospital.addAll(majorityRows.subList(majorityTaken, majorityTaken + majorityCount));
            minorityTaken += minorityCount;
            majorityTaken += majorityCount;
            hospitals.add(hospital);
        }
        return hospitals;
    }

    /**
     * @param holdOut rows no participant sees, for the final accuracy
     * @param hospitals each hospital's rows, in the order of the shares
     * @param minorityClass the label whose share differs between hospitals
     */
    public record Result(List<List<String>> holdOut, List<List<List<String>>> hospitals, String minorityClass) {

        /** The share of the minority class at one hospital. */
        public double minorityShare(int hospital, int labelIndex) {
            List<List<String>> rows = this.hospitals.get(hospital);
            long count = rows.stream().filter((row) -> row.get(labelIndex).equals(this.minorityClass)).count();
            return (double) count / rows.size();
        }

    }

}
