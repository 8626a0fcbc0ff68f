package org.temper.weka;

import weka.core.Instances;
import weka.core.converters.CSVLoader;

import java.io.File;
import java.io.IOException;

/** scikit-learn's wine data from testdata/, read by Weka's CSVLoader with a nominal class. */
public final class TabularData {

    private TabularData() {
    }

    /** @return wine: 178 instances, 13 numeric attributes, 3 classes */
    public static Instances wine() throws IOException {
        return read("wine.csv");
    }

    private static Instances read(String name) throws IOException {
        CSVLoader loader = new CSVLoader();
        loader.setSource(new File("../testdata", name));
        Instances data = loader.getDataSet();
        data.setClassIndex(data.numAttributes() - 1);
        if (!data.classAttribute().isNominal()) {
            throw new IllegalStateException(name + ": the class column should read as nominal");
        }
        return data;
    }
}
