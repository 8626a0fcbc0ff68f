package org.temper.tribuo;

import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.OrtException;
import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.oracle.labs.mlrg.olcut.util.Pair;
import org.temper.onnx.model.ModelSession;
import org.temper.onnx.model.SavedModel;
import org.temper.onnx.model.TrainedNetwork;
import org.temper.onnx.runtime.Device;
import org.temper.onnx.runtime.ExecutionSettings;
import org.temper.tribuo.protos.NetworkModelProto;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.ONNXExportable;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.impl.ModelDataCarrier;
import org.tribuo.protos.ProtoSerializableClass;
import org.tribuo.protos.core.ModelDataProto;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXPlaceholder;
import org.tribuo.util.onnx.ONNXRef;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A classifier network trained by a Temper trainer. Its predictions carry the full probability
 * distribution over the labels (softmax of the network's logits). Batches of examples are
 * converted once into a direct buffer and run through the engine's {@link ModelSession} on the device
 * and threads the model was trained with; predicting is thread-safe. The session opens at the first
 * prediction and is released by {@link #close} (after which predictions fail clearly) or when the
 * model is garbage-collected. The network is stored as an ONNX inference model (its input
 * standardisation included, so it reads raw features), both in Tribuo's protobuf serialization and
 * in {@link #exportONNXModel}, which writes the graph with Tribuo's provenance.
 * <p>A network has no per-feature weights to rank nor a local explanation, so
 * {@link #getTopFeatures} is empty and {@link #getExcuse} is absent.
 */
@ProtoSerializableClass(serializedDataClass = NetworkModelProto.class, version = NetworkModel.CURRENT_VERSION)
public final class NetworkModel extends Model<Label> implements ONNXExportable, AutoCloseable {

    private static final long serialVersionUID = 1L;

    /** Protobuf serialization version. */
    public static final int CURRENT_VERSION = 0;

    /** The ONNX inference model, standardisation included. */
    private final byte[] onnxModel;
    private transient volatile ModelSession session;
    private transient volatile Map<String, Integer> columns;

    /**
     * @param name model name
     * @param provenance how it was made
     * @param features the feature domain (fixes the network's input columns)
     * @param outputs the label domain (fixes the network's output columns)
     * @param onnxModel the ONNX inference model with input [N, features] and logits [N, labels]
     */
    NetworkModel(String name, ModelProvenance provenance, ImmutableFeatureMap features,
                 ImmutableOutputInfo<Label> outputs, byte[] onnxModel) {
        super(name, provenance, features, outputs, true);
        this.onnxModel = onnxModel.clone();
    }

    /**
     * Deserialization factory for Tribuo's protobuf serialization.
     * @param version the serialized version
     * @param className the class name
     * @param message the serialized data
     * @return the model
     * @throws InvalidProtocolBufferException if the message is not a NetworkModelProto
     */
    public static NetworkModel deserializeFromProto(int version, String className, Any message)
            throws InvalidProtocolBufferException {
        if (version < 0 || version > CURRENT_VERSION) {
            throw new IllegalArgumentException("Unknown version " + version + ", this class supports at most version "
                    + CURRENT_VERSION);
        }
        NetworkModelProto proto = message.unpack(NetworkModelProto.class);
        ModelDataCarrier<?> carrier = ModelDataCarrier.deserialize(ModelDataProto.parseFrom(proto.getMetadata()));
        return new NetworkModel(carrier.name(), carrier.provenance(), carrier.featureDomain(),
                labelDomain(carrier), proto.getOnnxModel().toByteArray());
    }

    /**
     * @param carrier deserialized model metadata
     * @return its output domain, checked to be a label domain
     */
    @SuppressWarnings("unchecked") // checked by the output class
    static ImmutableOutputInfo<Label> labelDomain(ModelDataCarrier<?> carrier) {
        if (carrier.outputDomain().size() == 0
                || !(carrier.outputDomain().getOutput(0) instanceof Label)) {
            throw new IllegalStateException("Invalid protobuf: the output domain is not a label domain");
        }
        return (ImmutableOutputInfo<Label>) carrier.outputDomain();
    }

    @Override
    public ModelProto serialize() {
        NetworkModelProto data = NetworkModelProto.newBuilder()
                .setMetadata(createDataCarrier().serialize().toByteString())
                .setOnnxModel(ByteString.copyFrom(onnxModel))
                .build();
        return ModelProto.newBuilder().setVersion(CURRENT_VERSION).setClassName(NetworkModel.class.getName())
                .setSerializedData(Any.pack(data)).build();
    }

    @Override
    public Prediction<Label> predict(Example<Label> example) {
        return innerPredict(List.of(example)).get(0);
    }

    @Override
    protected List<Prediction<Label>> innerPredict(Iterable<Example<Label>> examples) {
        List<Example<Label>> list = new ArrayList<>();
        examples.forEach(list::add);
        int[] used = new int[list.size()];
        FloatBuffer rows = DenseExamples.features(list, columns(), used);
        float[] probabilities;
        try {
            probabilities = session().probabilities(rows, list.size());
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to run " + name + ": " + e.getMessage(), e);
        }
        int k = outputIDInfo.size();
        List<Prediction<Label>> predictions = new ArrayList<>(list.size());
        double[] row = new double[k];
        for (int i = 0; i < list.size(); i++) {
            for (int c = 0; c < k; c++) {
                row[c] = probabilities[i * k + c];
            }
            predictions.add(LabelPredictions.of(row, outputIDInfo, list.get(i), used[i]));
        }
        return predictions;
    }

    /**
     * The activations feeding the network's last layer, e.g. for the penultimate-layer projection: the
     * last hidden layer of an MLP (its width is the last of the hidden sizes), the standardised input
     * of a linear model, the output an imported network names penultimate.
     * @param examples the examples
     * @return one row of activations per example
     * @throws IllegalStateException when the network names no penultimate output (an imported network
     *         without one), or the model was closed
     */
    public float[][] penultimateActivations(List<? extends Example<Label>> examples) {
        int[] used = new int[examples.size()];
        FloatBuffer rows = DenseExamples.features(examples, columns(), used);
        float[] flat;
        try {
            flat = session().penultimate(rows, examples.size());
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to run " + name + ": " + e.getMessage(), e);
        }
        int width = examples.isEmpty() ? 0 : flat.length / examples.size();
        float[][] out = new float[examples.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = java.util.Arrays.copyOfRange(flat, i * width, (i + 1) * width);
        }
        return out;
    }

    private Map<String, Integer> columns() {
        Map<String, Integer> c = columns;
        if (c == null) {
            c = DenseExamples.columns(featureIDMap);
            columns = c;
        }
        return c;
    }

    private ModelSession session() {
        ModelSession p = session;
        if (p == null) {
            synchronized (this) {
                p = session;
                if (p == null) {
                    SavedModel saved = saved();
                    p = saved.session(execution(saved.metadata()));
                    session = p;
                }
            }
        }
        return p;
    }

    private SavedModel saved() {
        try {
            return org.temper.onnx.model.ModelFiles.parse(onnxModel, name);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The stored ONNX model of " + name + " is not usable: " + e.getMessage(), e);
        }
    }

    /** @return the device and threads the recipe recorded in the model, the CPU when it recorded none */
    private static ExecutionSettings execution(Map<String, String> metadata) {
        String device = metadata.getOrDefault("temper.recipe.device", "cpu");
        int threads = Integer.parseInt(metadata.getOrDefault("temper.recipe.threads", "0"));
        return new ExecutionSettings(Device.parse(device), threads);
    }

    /**
     * Releases the ONNX Runtime session once the predictions in flight have finished; later
     * predictions fail with an IllegalStateException. Idempotent.
     */
    @Override
    public synchronized void close() {
        ModelSession s = session;
        if (s == null) {
            session = s = saved().session(ExecutionSettings.DEFAULT);
        }
        s.close();
    }

    /** @return an empty map: a network has no per-feature weights to rank. */
    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        return Collections.emptyMap();
    }

    /** @return empty: a network gives no local explanation of a prediction. */
    @Override
    public Optional<Excuse<Label>> getExcuse(Example<Label> example) {
        return Optional.empty();
    }

    @Override
    protected NetworkModel copy(String newName, ModelProvenance newProvenance) {
        return new NetworkModel(newName, newProvenance, featureIDMap, outputIDInfo, onnxModel);
    }

    /**
     * @return the ONNX model as trained: input "input" [N, features], outputs logits,
     *         probabilities and penultimate activations, Temper's training settings as metadata
     */
    public OnnxMl.ModelProto trainedGraph() {
        try {
            return OnnxMl.ModelProto.parseFrom(onnxModel);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("The stored ONNX model of " + name + " is corrupt", e);
        }
    }

    /**
     * Exports the network in Tribuo's convention: input "input" [batch, features] of raw features,
     * output "output" [batch, labels] of probabilities, Tribuo's provenance in the metadata with
     * Temper's class names and the note that the output holds probabilities (so that the file can
     * teach a student); the opset is the engine's (ONNX Runtime 1.15 or later loads it).
     */
    @Override
    public OnnxMl.ModelProto exportONNXModel(String domain, long modelVersion) {
        return exportProbabilities(this, trainedGraph(), domain, modelVersion);
    }

    /**
     * Exports a model whose ONNX graph ends in probabilities, in the convention of {@link #exportONNXModel}.
     * @param model the model, which writes its graph from features to probabilities
     * @param trained the trained network it is built on, whose opset and IR version the export keeps
     * @param domain the ONNX domain
     * @param modelVersion the model version
     * @param <M> an exportable label model
     * @return the ONNX model
     */
    static <M extends Model<Label> & ONNXExportable> OnnxMl.ModelProto exportProbabilities(
            M model, OnnxMl.ModelProto trained, String domain, long modelVersion) {
        ONNXContext context = new ONNXContext();
        context.setName("Temper-" + model.getClass().getSimpleName());
        ONNXPlaceholder input = context.floatInput("input", model.getFeatureIDMap().size());
        ONNXPlaceholder output = context.floatOutput("output", model.getOutputIDInfo().size());
        model.writeONNXGraph(input).assignTo(output);
        return ONNXExportable.buildModel(context, domain, modelVersion, model).toBuilder()
                .clearOpsetImport().addAllOpsetImport(trained.getOpsetImportList())
                .setIrVersion(trained.getIrVersion())
                .addMetadataProps(OnnxMl.StringStringEntryProto.newBuilder().setKey(TrainedNetwork.CLASSES_KEY)
                        .setValue(String.join("\n", DenseExamples.classNames(model.getOutputIDInfo()))))
                .addMetadataProps(OnnxMl.StringStringEntryProto.newBuilder().setKey(TrainedNetwork.SCORES_KEY)
                        .setValue("probabilities"))
                .build();
    }

    /** Writes the network, from features to probabilities, into the input's ONNX context. */
    @Override
    public ONNXNode writeONNXGraph(ONNXRef<?> input) {
        return OnnxGraphCopy.copy(trainedGraph().getGraph(), input, saved().signature().probabilities());
    }

    /**
     * @param input the features' reference in an ONNX context
     * @return the network, from features to logits, written into that context
     */
    ONNXNode writeLogits(ONNXRef<?> input) {
        return OnnxGraphCopy.copy(trainedGraph().getGraph(), input, saved().signature().logits());
    }
}
