package org.temper.tribuo;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.runtime.ExecutionSettings;
import org.tribuo.Dataset;
import org.tribuo.classification.Label;

import java.util.Map;

/** The source of a distillation teacher's logits on the training data, read by the engine's teacher rule. */
interface Teacher {

    /**
     * Checks, before any conversion or training, what can be checked of the teacher without running it.
     * @param data the training data
     * @throws IllegalArgumentException naming the difference and the fix
     */
    void check(Dataset<Label> data);

    /**
     * @param data the training data
     * @param dense the same data as dense rows, raw features
     * @param execution where a teacher file runs
     * @return [N, K] logits, rows in example order, columns in the data set's output-id order
     */
    float[] logits(Dataset<Label> data, DenseDataset dense, ExecutionSettings execution);

    /** @return what to record about the teacher in the student's run provenance. */
    Map<String, Provenance> provenance();
}
