package org.temper.onnx.autodiff;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Maps ONNX operator types to their gradient rules, at most one rule per operator. The
 * {@linkplain #standard() standard registry} is built once and frozen, so that no caller can change
 * the rules of every other training in the process; to add a rule, register it into a
 * {@linkplain #copy() copy} and give that to a {@link Differentiator}.
 */
public final class GradientRegistry {

    private static final GradientRegistry STANDARD = createStandard().frozen();

    private final Map<String, GradientRule> rules;
    private final boolean frozen;

    /** An empty registry that accepts rules. */
    public GradientRegistry() {
        this(new TreeMap<>(), false);
    }

    private GradientRegistry(Map<String, GradientRule> rules, boolean frozen) {
        this.rules = rules;
        this.frozen = frozen;
    }

    /** @return the frozen registry of every rule Temper ships; {@link #copy()} it to add rules */
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

    private GradientRegistry frozen() {
        return new GradientRegistry(Collections.unmodifiableMap(new TreeMap<>(rules)), true);
    }

    /** @return a registry that starts with these rules and accepts more; later changes to either do not reach the other */
    public GradientRegistry copy() {
        return new GradientRegistry(new TreeMap<>(rules), false);
    }

    /**
     * @param opType an operator type without a rule in this registry
     * @param rule its backward rule
     * @return this registry
     * @throws IllegalStateException when this registry is frozen (the standard one)
     * @throws IllegalArgumentException when the operator has a rule already
     */
    public GradientRegistry register(String opType, GradientRule rule) {
        Objects.requireNonNull(opType, "opType");
        Objects.requireNonNull(rule, "rule");
        if (frozen) {
            throw new IllegalStateException("The standard gradient registry is frozen, so no rule for " + opType
                    + " can be registered into it: register into GradientRegistry.standard().copy() and build the"
                    + " Differentiator from that copy");
        }
        if (rules.containsKey(opType)) {
            throw new IllegalArgumentException("Operator " + opType + " has a gradient rule in this registry already;"
                    + " an operator has at most one rule");
        }
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
        return Collections.unmodifiableSet(rules.keySet());
    }
}
