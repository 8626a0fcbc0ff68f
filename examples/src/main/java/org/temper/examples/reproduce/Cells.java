package org.temper.examples.reproduce;

import java.util.Locale;

/**
 * A report's table cells as text, alike in every experiment: numbers to a fixed number of digits,
 * means with their standard deviation over seeds, percentages, signed differences, empty where a value
 * is missing.
 *
 * @param seeds how many seeds the report's means are over: a standard deviation is shown only for more than one
 */
record Cells(int seeds) {

    /**
     * @param s a mean over seeds
     * @param digits digits after the point
     * @return "mean ± sd", or the mean alone for one seed
     */
    String stat(Stat s, int digits) {
        return seeds > 1 ? number(s.mean(), digits) + " ± " + number(s.std(), digits) : number(s.mean(), digits);
    }

    /**
     * @param s a mean fraction over seeds
     * @return it in percent with two digits
     */
    String percent(Stat s) {
        return stat(new Stat(100 * s.mean(), 100 * s.std()), 2);
    }

    /**
     * @param v a fraction, or null
     * @return it in percent with two digits, empty for null
     */
    static String percent(Double v) {
        return v == null ? "" : number(100 * v, 2);
    }

    /**
     * @param v a value, or null
     * @param digits digits after the point
     * @return it, empty for null
     */
    static String number(Double v, int digits) {
        return v == null ? "" : String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    /**
     * @param ours our value
     * @param published the published value, or null
     * @param digits digits after the point
     * @return ours - published with its sign, empty when nothing is published
     */
    static String difference(double ours, Double published, int digits) {
        return published == null ? "" : String.format(Locale.ROOT, "%+." + digits + "f", ours - published);
    }
}
