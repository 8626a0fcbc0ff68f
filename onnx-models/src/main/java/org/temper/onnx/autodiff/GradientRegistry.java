package org.temper.onnx.autodiff;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Maps ONNX operator types to their gradient rules. */
public final class GradientRegistry {

    private static final GradientRegistry STANDARD = createStandard();

    private final Map<String, GradientRule> rules = new TreeMap<>();

    /** @return the registry of every rule Temper ships. */
    public static GradientRegistry standard() {
        return STANDARD;
    }

    private static GradientRegistry createStandard() {
        GradientRegistry r = new GradientRegistry();
        LinearRules.register(r);
        ElementwiseRules.register(r);
        ActivationRules.register(r);
        ShapeRules.register(r);
        ConvolutionRules.register(r);
        NormalizationRules.register(r);
        return r;
    }

    /**
     * @param opType an operator type
     * @param rule its backward rule
     * @return this registry
     */
    public GradientRegistry register(String opType, GradientRule rule) {
        rules.put(opType, rule);
        return this;
    }

    /**
     * @param opType an operator type
     * @return its rule, or null
     */
    public GradientRule rule(String opType) {
        return rules.get(opType);
    }

    /** @return the operator types that have rules, sorted. */
    public Set<String> operators() {
        return java.util.Collections.unmodifiableSet(rules.keySet());
    }
}
