package org.temper.tribuo;

import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.classification.Label;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Stratified splits of a label data set: each class's examples are shuffled and dealt out
 * separately, so that every part holds each class in about the data set's proportion.
 */
final class StratifiedSplit {

    private StratifiedSplit() {
    }

    /**
     * @param data labelled examples
     * @param k the number of folds, at least 2
     * @param rng the source of the shuffles
     * @return k disjoint folds of example indices, sorted, covering the data; class c's j-th shuffled example
     *         goes to fold (j + o_c) mod k, o_c being the number of examples of the classes before c
     * @throws IllegalArgumentException when a class has fewer than k examples (some fold would lack it)
     */
    static List<int[]> folds(Dataset<Label> data, int k, SplittableRandom rng) {
        List<List<Integer>> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            folds.add(new ArrayList<>());
        }
        int offset = 0;
        for (Map.Entry<String, int[]> c : shuffledByClass(data, rng).entrySet()) {
            int[] members = c.getValue();
            if (members.length < k) {
                throw new IllegalArgumentException("The class '" + c.getKey() + "' has " + members.length
                        + " examples, fewer than the " + k + " cross-fitting folds, each of whose held-out parts needs"
                        + " every class: use at most " + members.length + " folds, or a holdout fraction");
            }
            for (int j = 0; j < members.length; j++) {
                folds.get((j + offset) % k).add(members[j]);
            }
            offset += members.length;
        }
        return folds.stream().map(StratifiedSplit::sorted).toList();
    }

    /**
     * @param data labelled examples
     * @param fraction the fraction in (0, 1) to hold out
     * @param rng the source of the shuffles
     * @return one part: round(fraction n_c) of each class's n_c examples, at least 1 and at most n_c - 1, sorted
     * @throws IllegalArgumentException when a class has a single example (it cannot be both trained on and held out)
     */
    static List<int[]> holdout(Dataset<Label> data, double fraction, SplittableRandom rng) {
        List<Integer> part = new ArrayList<>();
        for (Map.Entry<String, int[]> c : shuffledByClass(data, rng).entrySet()) {
            int[] members = c.getValue();
            if (members.length < 2) {
                throw new IllegalArgumentException("The class '" + c.getKey() + "' has 1 example: holding out part"
                        + " of the data for calibration needs at least 2 of each class, one to train on and one to"
                        + " hold out");
            }
            int held = (int) Math.min(members.length - 1, Math.max(1, Math.round(fraction * members.length)));
            for (int j = 0; j < held; j++) {
                part.add(members[j]);
            }
        }
        return List.of(sorted(part));
    }

    /**
     * @param part sorted indices
     * @param n the data set's size
     * @return the indices in [0, n) not in the part, in order
     */
    static int[] complement(int[] part, int n) {
        boolean[] in = new boolean[n];
        for (int i : part) {
            in[i] = true;
        }
        int[] rest = new int[n - part.length];
        int r = 0;
        for (int i = 0; i < n; i++) {
            if (!in[i]) {
                rest[r++] = i;
            }
        }
        return rest;
    }

    /** @return each class's example indices, shuffled, classes in order of first appearance */
    private static Map<String, int[]> shuffledByClass(Dataset<Label> data, SplittableRandom rng) {
        Map<String, List<Integer>> byClass = new LinkedHashMap<>();
        int i = 0;
        for (Example<Label> e : data) {
            byClass.computeIfAbsent(e.getOutput().getLabel(), c -> new ArrayList<>()).add(i++);
        }
        Map<String, int[]> shuffled = new LinkedHashMap<>();
        for (Map.Entry<String, List<Integer>> c : byClass.entrySet()) {
            int[] members = c.getValue().stream().mapToInt(Integer::intValue).toArray();
            for (int j = members.length - 1; j > 0; j--) {
                int swap = rng.nextInt(j + 1);
                int t = members[j];
                members[j] = members[swap];
                members[swap] = t;
            }
            shuffled.put(c.getKey(), members);
        }
        return shuffled;
    }

    private static int[] sorted(List<Integer> indices) {
        int[] a = indices.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(a);
        return a;
    }
}
