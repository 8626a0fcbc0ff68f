package org.temper.examples.reproduce;

import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.data.IdxDirectory;

import java.io.IOException;
import java.util.Locale;

/**
 * An experiment's images: the first training images of the IDX files split (seed 7) into the part
 * trained on and the part held out for temperature fits, and the test images measured.
 *
 * @param name the data as given ("fashion-mnist" or a folder)
 * @param train the part trained on
 * @param heldOut the held-out part, null when the scale holds none out
 * @param test the test part
 */
record ExperimentData(String name, DenseDataset train, DenseDataset heldOut, DenseDataset test) {

    /**
     * @param data "fashion-mnist" or a folder of MNIST-style IDX files
     * @param scale how many images
     * @return the parts
     * @throws IOException when the IDX files are missing or unreadable (naming them)
     * @throws IllegalArgumentException when the data has fewer training images than the scale asks for
     */
    static ExperimentData load(String data, Scale scale) throws IOException {
        IdxDirectory idx = IdxDirectory.named(data);
        DenseDataset all = idx.train();
        int wanted = scale.trainExamples() + scale.heldOut();
        if (all.size() < wanted) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s has %,d training images; this run needs"
                    + " %,d (%,d to train on and %,d held out)", data, all.size(), wanted, scale.trainExamples(),
                    scale.heldOut()));
        }
        DenseDataset test = scale.testExamples() == 0 ? idx.test() : idx.test().head(scale.testExamples());
        if (scale.heldOut() == 0) {
            return new ExperimentData(data, all.head(wanted), null, test);
        }
        DenseDataset[] parts = all.head(wanted).split((double) scale.heldOut() / wanted, 7);
        return new ExperimentData(data, parts[0], parts[1], test);
    }

    /** @return the number of classes */
    int classes() {
        return train.numClasses();
    }

    /** @return the part temperatures are fitted on: the held-out part, or the test set when none is held out */
    DenseDataset calibration() {
        return heldOut != null ? heldOut : test;
    }

    /**
     * @param part examples
     * @param classes the classes wanted
     * @param perClass at most this many of each, the first ones in the part's order
     * @return their indices in the part, in the part's order
     */
    static int[] examplesOf(DenseDataset part, java.util.List<Integer> classes, int perClass) {
        int[] taken = new int[part.numClasses()];
        java.util.stream.IntStream.Builder chosen = java.util.stream.IntStream.builder();
        for (int i = 0; i < part.size(); i++) {
            int y = (int) part.label(i);
            if (classes.contains(y) && taken[y] < perClass) {
                taken[y]++;
                chosen.add(i);
            }
        }
        return chosen.build().toArray();
    }

    /** @return one line naming the parts' sizes, for an experiment that fits temperatures */
    String describe() {
        return describe("no held-out (temperatures fitted on the test set)");
    }

    /**
     * @param noHeldOut what the line says when no image is held out
     * @return one line naming the parts' sizes
     */
    String describe(String noHeldOut) {
        return String.format(Locale.ROOT, "%,d training, %s, %,d test images, %d classes", train.size(),
                heldOut == null ? noHeldOut : String.format(Locale.ROOT, "%,d held-out", heldOut.size()), test.size(),
                classes());
    }
}
