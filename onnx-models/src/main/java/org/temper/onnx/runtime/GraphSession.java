package org.temper.onnx.runtime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.temper.onnx.graph.Graph;
import org.temper.onnx.graph.OnnxProto;
import org.temper.onnx.graph.TensorData;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Temper graph compiled into an open ONNX Runtime session, run with host tensors in and out.
 * Convenient for small graphs and tests; the training loop keeps its state in ONNX Runtime
 * tensors instead.
 */
public final class GraphSession implements AutoCloseable {

    private final OrtSession session;

    /**
     * @param graph the graph to compile
     * @param settings device and threads
     * @throws OrtException when ONNX Runtime rejects the graph
     */
    public GraphSession(Graph graph, ExecutionSettings settings) throws OrtException {
        byte[] bytes = OnnxProto.toModel(graph, "temper", Map.of()).toByteArray();
        this.session = OrtRuntime.open(bytes, settings);
    }

    /** @return the underlying session. */
    public OrtSession session() {
        return session;
    }

    /**
     * Runs the graph.
     * @param inputs host tensors by input name
     * @return every graph output by name, copied to the host
     * @throws OrtException on failure
     */
    public Map<String, TensorData> run(Map<String, TensorData> inputs) throws OrtException {
        Map<String, OnnxTensor> ort = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, TensorData> e : inputs.entrySet()) {
                ort.put(e.getKey(), Tensors.toOrt(e.getValue()));
            }
            return OrtThreads.run(() -> {
                Map<String, TensorData> out = new LinkedHashMap<>();
                try (OrtSession.Result result = session.run(ort)) {
                    for (Map.Entry<String, OnnxValue> e : result) {
                        out.put(e.getKey(), Tensors.fromOrt((OnnxTensor) e.getValue()));
                    }
                }
                return out;
            });
        } finally {
            ort.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
