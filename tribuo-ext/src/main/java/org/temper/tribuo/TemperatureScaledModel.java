package org.temper.tribuo;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.EnumProvenance;
import com.oracle.labs.mlrg.olcut.util.Pair;
import org.temper.calibration.CalibrationSettings;
import org.temper.calibration.temperature.TemperatureFit;
import org.temper.calibration.temperature.TemperatureScaling;
import org.temper.tribuo.calibration.TribuoPredictions;
import org.temper.tribuo.protos.TemperatureScaledModelProto;
import org.tribuo.Dataset;
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
import org.tribuo.util.onnx.ONNXInitializer;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXRef;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Temperature scaling (Guo et al. 2017) of any Tribuo classifier that produces probabilities:
 * each prediction becomes softmax(log p / T), with one temperature T fitted on held-out data by
 * {@link #fit}. The log-probabilities differ from the wrapped model's logits by a constant per
 * example, which softmax ignores, so for a {@link NetworkModel} this is exactly softmax(z / T).
 * The most probable label never changes, so accuracy is unchanged.
 * <p>The provenance keeps the wrapped model's training data and trainer (the held-out data trained
 * nothing but T) and records in its run provenance T ({@code temperature}), what T minimised
 * ({@code temperature-objective}), the held-out data ({@code calibration-data}) and the wrapped
 * model's own provenance ({@code scaled-model}).
 * <p>A scaled {@link NetworkModel} exports to ONNX as the network's logits divided by T, then softmax,
 * in the network's export convention; other wrapped models cannot be exported.
 */
@ProtoSerializableClass(serializedDataClass = TemperatureScaledModelProto.class,
        version = TemperatureScaledModel.CURRENT_VERSION)
public final class TemperatureScaledModel extends Model<Label> implements ONNXExportable {

    private static final long serialVersionUID = 1L;

    /** Protobuf serialization version. */
    public static final int CURRENT_VERSION = 0;

    /** The model whose logits are scaled. */
    private final Model<Label> inner;
    /** The fitted temperature T &gt; 0. */
    private final double temperature;

    private TemperatureScaledModel(String name, ModelProvenance provenance, ImmutableFeatureMap features,
                                   ImmutableOutputInfo<Label> outputs, Model<Label> inner, double temperature) {
        super(name, provenance, features, outputs, true);
        this.inner = inner;
        this.temperature = temperature;
    }

    /**
     * Fits T by minimising the negative log-likelihood on held-out data.
     * @param model a model that generates probabilities
     * @param heldOut labelled data not used to train the model
     * @return the model with its predictions rescaled by the fitted T
     */
    public static TemperatureScaledModel fit(Model<Label> model, Dataset<Label> heldOut) {
        return fit(model, heldOut, TemperatureScaling.byNll());
    }

    /**
     * @param model a model that generates probabilities
     * @param heldOut labelled data not used to train the model
     * @param method what T minimises (NLL, or ECE on a grid)
     * @return the model with its predictions rescaled by the fitted T
     * @throws IllegalArgumentException when the model gives no probabilities or the data is empty
     */
    public static TemperatureScaledModel fit(Model<Label> model, Dataset<Label> heldOut, TemperatureScaling method) {
        if (!model.generatesProbabilities()) {
            throw new IllegalArgumentException("Temperature scaling needs probabilities, and " + model.getName()
                    + " (" + model.getClass().getSimpleName() + ") does not generate them");
        }
        if (heldOut.size() == 0) {
            throw new IllegalArgumentException("The held-out data set is empty: temperature scaling fits T on"
                    + " labelled examples the model was not trained on");
        }
        TemperatureFit fit = method.fit(TribuoPredictions.of(model.predict(heldOut), model.getOutputIDInfo())
                .logitsFromLogProbabilities(), CalibrationSettings.defaults());
        Map<String, Provenance> run = new LinkedHashMap<>();
        run.put("temperature", new DoubleProvenance("temperature", fit.temperature()));
        run.put("temperature-objective", new EnumProvenance<>("temperature-objective", fit.objective()));
        run.put("calibration-data", heldOut.getProvenance());
        ModelProvenance scaled = model.getProvenance();
        run.put("scaled-model", scaled);
        ModelProvenance provenance = new ModelProvenance(TemperatureScaledModel.class.getName(), OffsetDateTime.now(),
                scaled.getDatasetProvenance(), scaled.getTrainerProvenance(), run);
        return new TemperatureScaledModel(model.getName() + "-temperature-scaled", provenance,
                model.getFeatureIDMap(), model.getOutputIDInfo(), model, fit.temperature());
    }

    /** @return the fitted temperature T. */
    public double temperature() {
        return temperature;
    }

    /** @return the model whose predictions are rescaled. */
    public Model<Label> innerModel() {
        return inner;
    }

    @Override
    public Prediction<Label> predict(Example<Label> example) {
        return rescale(inner.predict(example));
    }

    @Override
    protected List<Prediction<Label>> innerPredict(Iterable<Example<Label>> examples) {
        List<Prediction<Label>> out = new ArrayList<>();
        for (Prediction<Label> p : inner.predict(examples)) {
            out.add(rescale(p));
        }
        return out;
    }

    private Prediction<Label> rescale(Prediction<Label> p) {
        double[] row = new double[outputIDInfo.size()];
        for (int k = 0; k < row.length; k++) {
            row[k] = Math.log(p.getOutputScores().get(outputIDInfo.getOutput(k).getLabel()).getScore()) / temperature;
        }
        LabelPredictions.softmaxInPlace(row);
        return LabelPredictions.of(row, outputIDInfo, p.getExample(), p.getNumActiveFeatures());
    }

    /** @return the wrapped model's top features: rescaling changes no feature's role. */
    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        return inner.getTopFeatures(n);
    }

    /** @return empty: the wrapped model's excuse would explain unscaled scores. */
    @Override
    public Optional<Excuse<Label>> getExcuse(Example<Label> example) {
        return Optional.empty();
    }

    @Override
    protected TemperatureScaledModel copy(String newName, ModelProvenance newProvenance) {
        return new TemperatureScaledModel(newName, newProvenance, featureIDMap, outputIDInfo, inner.copy(), temperature);
    }

    /**
     * Exports the scaled network: input "input" [batch, features] of raw features, output "output"
     * [batch, labels] of softmax(logits / T), metadata as in {@link NetworkModel#exportONNXModel}.
     * @throws IllegalStateException when the wrapped model is not a {@link NetworkModel}
     */
    @Override
    public OnnxMl.ModelProto exportONNXModel(String domain, long modelVersion) {
        return NetworkModel.exportProbabilities(this, network().trainedGraph(), domain, modelVersion);
    }

    /**
     * Writes softmax(logits / T) of the wrapped network into the input's ONNX context.
     * @throws IllegalStateException when the wrapped model is not a {@link NetworkModel}
     */
    @Override
    public ONNXNode writeONNXGraph(ONNXRef<?> input) {
        ONNXInitializer t = input.onnxContext().constant("temperature", (float) temperature);
        return network().writeLogits(input).apply(ONNXOperators.DIV, t)
                .apply(ONNXOperators.SOFTMAX, Map.of("axis", 1));
    }

    private NetworkModel network() {
        if (inner instanceof NetworkModel network) {
            return network;
        }
        throw new IllegalStateException("Only a temperature-scaled NetworkModel exports to ONNX, and " + name
                + " wraps a " + inner.getClass().getSimpleName());
    }

    @Override
    public ModelProto serialize() {
        TemperatureScaledModelProto data = TemperatureScaledModelProto.newBuilder()
                .setMetadata(createDataCarrier().serialize().toByteString())
                .setInnerModel(inner.serialize().toByteString())
                .setTemperature(temperature)
                .build();
        return ModelProto.newBuilder().setVersion(CURRENT_VERSION).setClassName(TemperatureScaledModel.class.getName())
                .setSerializedData(Any.pack(data)).build();
    }

    /**
     * Deserialization factory for Tribuo's protobuf serialization.
     * @param version the serialized version
     * @param className the class name
     * @param message the serialized data
     * @return the model
     * @throws InvalidProtocolBufferException if the message is not a TemperatureScaledModelProto
     */
    public static TemperatureScaledModel deserializeFromProto(int version, String className, Any message)
            throws InvalidProtocolBufferException {
        if (version < 0 || version > CURRENT_VERSION) {
            throw new IllegalArgumentException("Unknown version " + version + ", this class supports at most version "
                    + CURRENT_VERSION);
        }
        TemperatureScaledModelProto proto = message.unpack(TemperatureScaledModelProto.class);
        ModelDataCarrier<?> carrier = ModelDataCarrier.deserialize(ModelDataProto.parseFrom(proto.getMetadata()));
        Model<?> inner = Model.deserialize(ModelProto.parseFrom(proto.getInnerModel()));
        if (!inner.validate(Label.class) || !(proto.getTemperature() > 0)) {
            throw new IllegalStateException("Invalid protobuf: the wrapped model is not a Label model or T <= 0");
        }
        return new TemperatureScaledModel(carrier.name(), carrier.provenance(), carrier.featureDomain(),
                NetworkModel.labelDomain(carrier), inner.castModel(Label.class), proto.getTemperature());
    }
}
