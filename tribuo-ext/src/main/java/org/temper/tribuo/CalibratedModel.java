package org.temper.tribuo;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.oracle.labs.mlrg.olcut.provenance.ListProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import com.oracle.labs.mlrg.olcut.util.Pair;
import org.temper.calibration.Predictions;
import org.temper.calibration.recalibration.CalibrationMap;
import org.temper.calibration.recalibration.CalibrationMethod;
import org.temper.tribuo.calibration.TribuoPredictions;
import org.temper.tribuo.protos.CalibratedMemberProto;
import org.temper.tribuo.protos.CalibratedModelProto;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.ONNXExportable;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ModelDataCarrier;
import org.tribuo.protos.ProtoSerializableClass;
import org.tribuo.protos.core.ModelDataProto;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.DatasetProvenance;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXRef;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Post-hoc recalibration of any Tribuo classifier that generates probabilities, by any
 * {@link CalibrationMethod}: the wrapped model's probabilities p become logits log p (a zero as
 * log {@link Double#MIN_NORMAL}) and go through a {@link CalibrationMap} fitted on held-out data.
 * For a {@link NetworkModel}, log p is the network's logits less a constant per row, which no
 * method sees (softmax and one-vs-rest log-odds ignore it), so its logits are what is calibrated.
 * Temperature scaling keeps the most probable label; the other methods may change it.
 *
 * <p>It wraps one model ({@link #fit}) or, as {@link CalibratedTrainer} makes it, one model per
 * cross-fitting fold, each with its own map; the prediction is then the mean of the k calibrated
 * distributions (scikit-learn's {@code CalibratedClassifierCV(ensemble=True)}).
 *
 * <p>Provenance: the run provenance records the method ({@code calibration-method}), the bins of
 * histogram binning ({@code calibration-bins}), each map's fitted parameters
 * ({@code calibration-parameters}, {@link CalibrationMap#describe()}, one per wrapped model), and for
 * the m-th wrapped model (m from 0) its held-out data ({@code calibration-data-m}) and its own
 * provenance ({@code calibrated-model-m}).
 *
 * <p>Serialization (Java and Tribuo's protobuf) stores each wrapped model with the held-out
 * probabilities and labels its map was fitted on, and refits the map on loading: every method's fit
 * is deterministic, so the loaded model predicts exactly as the saved one. Temperature scaling of
 * {@link NetworkModel}s, and vector, matrix or Dirichlet calibration of them, export to ONNX
 * ({@link CalibrationHead} after each network's logits, the mean over the networks); the other methods
 * and other wrapped models do not export.
 */
@ProtoSerializableClass(serializedDataClass = CalibratedModelProto.class, version = CalibratedModel.CURRENT_VERSION)
public final class CalibratedModel extends Model<Label> implements ONNXExportable {

    private static final long serialVersionUID = 1L;

    /** Protobuf serialization version. */
    public static final int CURRENT_VERSION = 0;

    /** Equal-mass bins of histogram binning unless told otherwise. */
    public static final int DEFAULT_BINS = 15;

    /** The wrapped model, or one per cross-fitting fold. */
    private final List<Model<Label>> members;
    private final CalibrationMethod method;
    private final int bins;
    /** Per member, the N*K held-out probabilities its map was fitted on, in output-id order. */
    private final double[][] heldOutProbabilities;
    /** Per member, the N held-out labels as output ids. */
    private final int[][] heldOutLabels;
    /** Per member, its fitted map; refitted after Java deserialization. */
    private transient List<CalibrationMap> maps;

    private CalibratedModel(String name, ModelProvenance provenance, ImmutableFeatureMap features,
                            ImmutableOutputInfo<Label> outputs, List<Model<Label>> members, CalibrationMethod method,
                            int bins, double[][] heldOutProbabilities, int[][] heldOutLabels,
                            List<CalibrationMap> maps) {
        super(name, provenance, features, outputs, true);
        this.members = List.copyOf(members);
        this.method = method;
        this.bins = bins;
        this.heldOutProbabilities = heldOutProbabilities;
        this.heldOutLabels = heldOutLabels;
        this.maps = maps;
    }

    /**
     * Calibrates a model with {@link #DEFAULT_BINS} bins for histogram binning.
     * @param model a model that generates probabilities
     * @param heldOut labelled data the model was not trained on, of at least two classes
     * @param method the recalibration method
     * @return the calibrated model
     * @throws IllegalArgumentException naming the problem, before any fitting
     */
    public static CalibratedModel fit(Model<Label> model, Dataset<Label> heldOut, CalibrationMethod method) {
        return fit(model, heldOut, method, DEFAULT_BINS);
    }

    /**
     * @param model a model that generates probabilities
     * @param heldOut labelled data the model was not trained on, of at least two classes
     * @param method the recalibration method
     * @param bins the equal-mass bins of histogram binning, at least 1
     * @return the calibrated model; its provenance keeps the model's training data and trainer
     * @throws IllegalArgumentException naming the problem, before any fitting
     */
    public static CalibratedModel fit(Model<Label> model, Dataset<Label> heldOut, CalibrationMethod method, int bins) {
        ModelProvenance wrapped = model.getProvenance();
        return of(model.getName() + "-calibrated", wrapped.getDatasetProvenance(), wrapped.getTrainerProvenance(),
                Map.of(), model.getFeatureIDMap(), model.getOutputIDInfo(), List.of(model), List.of(heldOut), method,
                bins);
    }

    /**
     * Fits each member's map on its held-out data and records the provenance.
     * @param name the model's name
     * @param data the provenance of the data the members learnt from
     * @param trainer the provenance of what trained them
     * @param runProvenance the caller's run provenance, to which the calibration's is added
     * @param features the feature domain
     * @param outputs the label domain, fixing the class order
     * @param members models that generate probabilities
     * @param heldOuts each member's held-out data, in the same order
     * @param method the recalibration method
     * @param bins the equal-mass bins of histogram binning
     * @return the calibrated model
     */
    static CalibratedModel of(String name, DatasetProvenance data, TrainerProvenance trainer,
                              Map<String, Provenance> runProvenance, ImmutableFeatureMap features,
                              ImmutableOutputInfo<Label> outputs, List<Model<Label>> members,
                              List<? extends Dataset<Label>> heldOuts, CalibrationMethod method, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("Histogram binning needs at least 1 bin, got " + bins);
        }
        int n = members.size();
        double[][] probabilities = new double[n][];
        int[][] labels = new int[n][];
        for (int m = 0; m < n; m++) {
            checkModel(members.get(m));
            checkHeldOut(heldOuts.get(m));
            labels[m] = labels(heldOuts.get(m), outputs);
            checkLabels(method, bins, labels[m], outputs, m);
            List<Prediction<Label>> predictions = members.get(m).predict(heldOuts.get(m));
            checkProbabilities(members.get(m), predictions);
            probabilities[m] = TribuoPredictions.probabilities(predictions, outputs);
        }
        List<CalibrationMap> maps;
        try {
            maps = fitMaps(method, bins, probabilities, labels, outputs.size());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(notFitted(method, e, outputs), e);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(notFitted(method, e, outputs), e);
        }
        Map<String, Provenance> run = new LinkedHashMap<>(runProvenance);
        run.put("calibration-method", new StringProvenance("calibration-method", method.key()));
        run.put("calibration-bins", new IntProvenance("calibration-bins", bins));
        run.put("calibration-parameters", new ListProvenance<>(maps.stream()
                .map(map -> new StringProvenance("calibration-parameters", map.describe())).toList()));
        for (int m = 0; m < n; m++) {
            run.put("calibration-data-" + m, heldOuts.get(m).getProvenance());
            run.put("calibrated-model-" + m, members.get(m).getProvenance());
        }
        ModelProvenance provenance = new ModelProvenance(CalibratedModel.class.getName(), OffsetDateTime.now(), data,
                trainer, run);
        return new CalibratedModel(name, provenance, features, outputs, members, method, bins, probabilities, labels,
                maps);
    }

    /** @throws IllegalArgumentException unless the model predicts labels */
    private static void checkModel(Model<?> model) {
        if (!model.validate(Label.class)) {
            throw new IllegalArgumentException("Recalibration is for classifiers of Labels, but " + model.getName()
                    + " (" + model.getClass().getSimpleName() + ") predicts other outputs: wrap a Model<Label>");
        }
    }

    /**
     * Judges the predictions, not {@link Model#generatesProbabilities()}: Tribuo's CART trees say false there,
     * yet each of their predictions carries its leaf's class frequencies as probabilities.
     * @throws IllegalArgumentException naming the model unless every held-out prediction carries probabilities
     */
    private static void checkProbabilities(Model<Label> model, List<Prediction<Label>> heldOut) {
        for (int i = 0; i < heldOut.size(); i++) {
            if (!heldOut.get(i).hasProbabilities()) {
                throw new IllegalArgumentException("Recalibration needs probabilities, and " + model.getName() + " ("
                        + model.getClass().getSimpleName() + ") gave scores instead for held-out example " + i
                        + ": wrap a model that generates probabilities");
            }
        }
    }

    /** @throws IllegalArgumentException unless the data holds labelled examples of two classes or more */
    private static void checkHeldOut(Dataset<?> heldOut) {
        if (!(heldOut.getOutputFactory() instanceof LabelFactory)) {
            throw new IllegalArgumentException("The held-out data holds "
                    + heldOut.getOutputFactory().getUnknownOutput().getClass().getSimpleName()
                    + " outputs: recalibration needs labelled examples (load them with a LabelFactory)");
        }
        Set<String> classes = new LinkedHashSet<>();
        for (Example<?> e : heldOut) {
            classes.add(e.getOutput().toString());
        }
        if (classes.size() < 2) {
            throw new IllegalArgumentException(heldOut.size() == 0
                    ? "The held-out data set is empty: recalibration is fitted on labelled examples the model was"
                    + " not trained on"
                    : "The held-out data has examples of one class only (" + classes.iterator().next()
                    + "): recalibration needs held-out examples of at least two classes; hold out more data");
        }
    }

    /**
     * Makes the method's checks of held-out labels, before anything is predicted or fitted.
     * @param method the recalibration method
     * @param bins the equal-mass bins of histogram binning
     * @param labels the held-out labels, by the ids of outputs
     * @param outputs the label domain
     * @param part which held-out set (the member's index), for the message
     * @throws IllegalArgumentException naming the held-out set, the method and the classes if the method cannot be
     *         fitted on these labels
     */
    static void checkLabels(CalibrationMethod method, int bins, int[] labels, ImmutableOutputInfo<Label> outputs,
                            int part) {
        try {
            method.calibrator(bins).checkLabels(labels, outputs.size());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Held-out set " + part + " (" + labels.length + " examples) cannot fit "
                    + method.key() + ": " + e.getMessage() + classNames(outputs) + "; hold out more data", e);
        }
    }

    private static String notFitted(CalibrationMethod method, RuntimeException e, ImmutableOutputInfo<Label> outputs) {
        return method.key() + " could not be fitted, so nothing was calibrated: " + e.getMessage() + classNames(outputs);
    }

    /** @return " (classes 0 to K-1: name, ...)", for messages that give class indices */
    private static String classNames(ImmutableOutputInfo<Label> outputs) {
        return IntStream.range(0, outputs.size()).mapToObj(k -> outputs.getOutput(k).getLabel())
                .collect(Collectors.joining(", ", " (classes 0 to " + (outputs.size() - 1) + ": ", ")"));
    }

    /**
     * @param heldOut labelled examples
     * @param outputs the label domain
     * @return each example's label id
     * @throws IllegalArgumentException naming the example whose label the domain does not hold
     */
    static int[] labels(Dataset<Label> heldOut, ImmutableOutputInfo<Label> outputs) {
        int[] labels = new int[heldOut.size()];
        int i = 0;
        for (Example<Label> e : heldOut) {
            labels[i] = outputs.getID(e.getOutput());
            if (labels[i] < 0) {
                throw new IllegalArgumentException("Held-out example " + i + " has the label '"
                        + e.getOutput().getLabel() + "', which the model does not know: hold out data of the model's"
                        + " classes " + outputs.getDomain());
            }
            i++;
        }
        return labels;
    }

    private static List<CalibrationMap> fitMaps(CalibrationMethod method, int bins, double[][] probabilities,
                                                int[][] labels, int classes) {
        List<CalibrationMap> maps = new ArrayList<>();
        for (int m = 0; m < probabilities.length; m++) {
            maps.add(method.calibrator(bins).fit(asLogits(probabilities[m], labels[m], classes)));
        }
        return Collections.unmodifiableList(maps);
    }

    /** @return log p as logits, with the given labels */
    private static Predictions asLogits(double[] probabilities, int[] labels, int classes) {
        return Predictions.fromProbabilities(probabilities, labels, classes).logitsFromLogProbabilities();
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        maps = fitMaps(method, bins, heldOutProbabilities, heldOutLabels, outputIDInfo.size());
    }

    /** @return the recalibration method */
    public CalibrationMethod method() {
        return method;
    }

    /** @return the wrapped model, or one per cross-fitting fold */
    public List<Model<Label>> members() {
        return members;
    }

    /** @return each member's fitted map, in the order of {@link #members()} */
    public List<CalibrationMap> calibrationMaps() {
        return maps;
    }

    @Override
    public Prediction<Label> predict(Example<Label> example) {
        return innerPredict(List.of(example)).get(0);
    }

    @Override
    protected List<Prediction<Label>> innerPredict(Iterable<Example<Label>> examples) {
        List<Example<Label>> list = new ArrayList<>();
        examples.forEach(list::add);
        if (list.isEmpty()) {
            return new ArrayList<>();
        }
        int k = outputIDInfo.size();
        double[] mean = new double[list.size() * k];
        List<Prediction<Label>> first = null;
        for (int m = 0; m < members.size(); m++) {
            List<Prediction<Label>> raw = members.get(m).predict(list);
            first = first == null ? raw : first;
            double[] p = TribuoPredictions.probabilities(raw, outputIDInfo);
            double[] q = maps.get(m).probabilities(asLogits(p, new int[list.size()], k));
            for (int j = 0; j < mean.length; j++) {
                mean[j] += q[j] / members.size();
            }
        }
        List<Prediction<Label>> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(LabelPredictions.of(Arrays.copyOfRange(mean, i * k, (i + 1) * k), outputIDInfo, list.get(i),
                    first.get(i).getNumActiveFeatures()));
        }
        return out;
    }

    /** @return the wrapped model's top features when it wraps one model; none for a cross-fitted ensemble */
    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        return members.size() == 1 ? members.get(0).getTopFeatures(n) : Collections.emptyMap();
    }

    /** @return empty: the wrapped model's excuse would explain uncalibrated scores */
    @Override
    public Optional<Excuse<Label>> getExcuse(Example<Label> example) {
        return Optional.empty();
    }

    @Override
    protected CalibratedModel copy(String newName, ModelProvenance newProvenance) {
        List<Model<Label>> copies = members.stream().map(Model::copy).toList();
        return new CalibratedModel(newName, newProvenance, featureIDMap, outputIDInfo, copies, method, bins,
                heldOutProbabilities, heldOutLabels, maps);
    }

    /**
     * Exports calibrated networks: input "input" [batch, features] of raw features, output "output"
     * [batch, labels] of the mean over the wrapped networks of their calibrated probabilities
     * ({@link CalibrationHead}: temperature, vector, matrix or Dirichlet calibration), metadata as in
     * {@link NetworkModel#exportONNXModel}.
     * @throws UnsupportedOperationException for other methods, or wrapped models that are not {@link NetworkModel}s
     */
    @Override
    public OnnxMl.ModelProto exportONNXModel(String domain, long modelVersion) {
        return NetworkModel.exportProbabilities(this, networks().get(0).trainedGraph(), domain, modelVersion);
    }

    /**
     * Writes the mean over the wrapped networks of their calibrated probabilities into the input's ONNX context.
     * @throws UnsupportedOperationException for other methods, or wrapped models that are not {@link NetworkModel}s
     */
    @Override
    public ONNXNode writeONNXGraph(ONNXRef<?> input) {
        List<NetworkModel> networks = networks();
        ONNXNode sum = null;
        for (int m = 0; m < networks.size(); m++) {
            ONNXNode q = OnnxGraphCopy.copy(CalibrationHead.graph(method, maps.get(m)),
                    networks.get(m).writeLogits(input), CalibrationHead.OUTPUT);
            sum = sum == null ? q : sum.apply(ONNXOperators.ADD, q);
        }
        return networks.size() == 1 ? sum
                : sum.apply(ONNXOperators.DIV, input.onnxContext().constant("members", (float) networks.size()));
    }

    private List<NetworkModel> networks() {
        if (!CalibrationHead.exports(method)) {
            throw new UnsupportedOperationException("Only temperature, vector, matrix and Dirichlet calibration export"
                    + " to ONNX, and " + name + " is calibrated by " + method.key()
                    + ": save it with Tribuo's serialize() instead");
        }
        List<NetworkModel> networks = new ArrayList<>();
        for (Model<Label> m : members) {
            if (!(m instanceof NetworkModel network)) {
                throw new UnsupportedOperationException("Only calibrated NetworkModels export to ONNX, and "
                        + name + " wraps a " + m.getClass().getSimpleName() + ": save it with Tribuo's serialize()"
                        + " instead");
            }
            networks.add(network);
        }
        return networks;
    }

    @Override
    public ModelProto serialize() {
        CalibratedModelProto.Builder data = CalibratedModelProto.newBuilder()
                .setMetadata(createDataCarrier().serialize().toByteString())
                .setMethod(method.key())
                .setBins(bins);
        for (int m = 0; m < members.size(); m++) {
            data.addMembers(CalibratedMemberProto.newBuilder()
                    .setModel(members.get(m).serialize().toByteString())
                    .addAllHeldOutProbabilities(Arrays.stream(heldOutProbabilities[m]).boxed().toList())
                    .addAllHeldOutLabels(Arrays.stream(heldOutLabels[m]).boxed().toList()));
        }
        return ModelProto.newBuilder().setVersion(CURRENT_VERSION).setClassName(CalibratedModel.class.getName())
                .setSerializedData(Any.pack(data.build())).build();
    }

    /**
     * Deserialization factory for Tribuo's protobuf serialization; refits each map from its stored held-out data.
     * @param version the serialized version
     * @param className the class name
     * @param message the serialized data
     * @return the model
     * @throws InvalidProtocolBufferException if the message is not a CalibratedModelProto
     */
    public static CalibratedModel deserializeFromProto(int version, String className, Any message)
            throws InvalidProtocolBufferException {
        if (version < 0 || version > CURRENT_VERSION) {
            throw new IllegalArgumentException("Unknown version " + version + ", this class supports at most version "
                    + CURRENT_VERSION);
        }
        CalibratedModelProto proto = message.unpack(CalibratedModelProto.class);
        ModelDataCarrier<?> carrier = ModelDataCarrier.deserialize(ModelDataProto.parseFrom(proto.getMetadata()));
        ImmutableOutputInfo<Label> outputs = NetworkModel.labelDomain(carrier);
        int n = proto.getMembersCount();
        List<Model<Label>> members = new ArrayList<>();
        double[][] probabilities = new double[n][];
        int[][] labels = new int[n][];
        for (int m = 0; m < n; m++) {
            CalibratedMemberProto member = proto.getMembers(m);
            Model<?> model = Model.deserialize(ModelProto.parseFrom(member.getModel()));
            probabilities[m] = member.getHeldOutProbabilitiesList().stream().mapToDouble(Double::doubleValue).toArray();
            labels[m] = member.getHeldOutLabelsList().stream().mapToInt(Integer::intValue).toArray();
            if (!model.validate(Label.class) || probabilities[m].length != labels[m].length * outputs.size()) {
                throw new IllegalStateException("Invalid protobuf: member " + m + " is not a Label model or its "
                        + labels[m].length + " held-out labels do not match " + probabilities[m].length
                        + " probabilities of " + outputs.size() + " classes");
            }
            members.add(model.castModel(Label.class));
        }
        if (n == 0 || proto.getBins() < 1) {
            throw new IllegalStateException("Invalid protobuf: no wrapped model, or fewer than 1 bin");
        }
        CalibrationMethod method = CalibrationMethod.named(proto.getMethod());
        return new CalibratedModel(carrier.name(), carrier.provenance(), carrier.featureDomain(), outputs, members,
                method, proto.getBins(), probabilities, labels,
                fitMaps(method, proto.getBins(), probabilities, labels, outputs.size()));
    }
}
