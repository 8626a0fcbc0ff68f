package org.temper.tribuo;

import ai.onnx.proto.OnnxMl;
import org.temper.onnx.graph.OnnxProto;
import org.temper.onnx.graph.TensorData;
import org.tribuo.util.onnx.ONNXAttribute;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperator;
import org.tribuo.util.onnx.ONNXRef;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a standalone ONNX inference graph into a Tribuo {@link ONNXContext}: its initializers
 * become the context's tensors, each node is copied verbatim (operator, domain, attributes) with
 * its inputs and outputs renamed to the context's unique names, and the graph's single input is
 * bound to a given reference. This lets a Temper network take part in Tribuo's ONNX export.
 */
final class OnnxGraphCopy {

    private OnnxGraphCopy() {
    }

    /**
     * @param graph the inference graph, with one non-initializer input
     * @param input the reference the graph's input is bound to
     * @param output the name of the graph output wanted
     * @return the reference of that output in the context
     * @throws IllegalArgumentException for initializers other than float or int64, or omitted optional inputs
     */
    static ONNXNode copy(OnnxMl.GraphProto graph, ONNXRef<?> input, String output) {
        ONNXContext context = input.onnxContext();
        Map<String, ONNXRef<?>> refs = new HashMap<>();
        for (OnnxMl.TensorProto t : graph.getInitializerList()) {
            refs.put(t.getName(), initializer(context, t));
        }
        for (OnnxMl.ValueInfoProto in : graph.getInputList()) {
            refs.putIfAbsent(in.getName(), input);
        }
        Map<String, ONNXNode> produced = new HashMap<>();
        for (OnnxMl.NodeProto node : graph.getNodeList()) {
            List<ONNXRef<?>> inputs = new ArrayList<>();
            for (String name : node.getInputList()) {
                ONNXRef<?> ref = produced.containsKey(name) ? produced.get(name) : refs.get(name);
                if (ref == null) {
                    throw new IllegalArgumentException("Node " + node.getName() + " (" + node.getOpType()
                            + ") reads '" + name + "', which no initializer, input or earlier node provides");
                }
                inputs.add(ref);
            }
            List<ONNXNode> outs = context.operation(new CopiedOperator(node), inputs, node.getOutputList(), Map.of());
            for (int i = 0; i < outs.size(); i++) {
                produced.put(node.getOutput(i), outs.get(i));
            }
        }
        ONNXNode result = produced.get(output);
        if (result == null) {
            throw new IllegalArgumentException("No node of the graph produces '" + output + "'");
        }
        return result;
    }

    private static ONNXRef<?> initializer(ONNXContext context, OnnxMl.TensorProto t) {
        TensorData data = OnnxProto.tensorData(t);
        return switch (data.dtype()) {
            case FLOAT -> {
                float[] values = data.toFloats();
                List<Integer> dims = Arrays.stream(data.shape()).mapToObj(d -> (int) d).toList();
                yield context.floatTensor(t.getName(), dims, fb -> fb.put(values));
            }
            case INT64 -> {
                if (data.shape().length > 1) {
                    throw new IllegalArgumentException("Initializer " + t.getName() + " is an int64 tensor of rank "
                            + data.shape().length + "; Tribuo's ONNX context holds only 1-D int64 arrays");
                }
                yield context.array(t.getName(), data.toLongs());
            }
            default -> throw new IllegalArgumentException("Initializer " + t.getName() + " has type " + data.dtype()
                    + "; only float and int64 initializers can be written into a Tribuo ONNX context");
        };
    }

    /** An operator that re-emits one node of the source graph under new input and output names. */
    private static final class CopiedOperator implements ONNXOperator {

        private final OnnxMl.NodeProto node;

        CopiedOperator(OnnxMl.NodeProto node) {
            this.node = node;
        }

        @Override
        public String getOpName() {
            return node.getOpType();
        }

        @Override
        public int getNumInputs() {
            return node.getInputCount();
        }

        @Override
        public int getNumOptionalInputs() {
            return 0;
        }

        @Override
        public int getNumOutputs() {
            return node.getOutputCount();
        }

        @Override
        public Map<String, ONNXAttribute> getAttributes() {
            return Map.of();
        }

        @Override
        public Set<String> getMandatoryAttributeNames() {
            return Set.of();
        }

        @Override
        public int getOpVersion() {
            return org.temper.onnx.graph.GraphBuilder.OPSET;
        }

        @Override
        public String getOpDomain() {
            return node.getDomain();
        }

        @Override
        public OnnxMl.NodeProto build(ONNXContext context, String[] inputs, String[] outputs,
                                      Map<String, Object> attributeValues) {
            return node.toBuilder().clearInput().addAllInput(Arrays.asList(inputs)).clearOutput()
                    .addAllOutput(Arrays.asList(outputs)).setName(outputs[0]).build();
        }
    }
}
