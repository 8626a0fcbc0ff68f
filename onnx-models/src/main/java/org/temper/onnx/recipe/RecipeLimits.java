package org.temper.onnx.recipe;

/**
 * The bounds {@link Recipe} checks sizes and counts against, so that a mistyped value is refused
 * before any memory is allocated or any native thread started.
 */
final class RecipeLimits {

    /** Widest hidden layer. */
    static final int MAX_WIDTH = 65_536;
    /** Largest batch. */
    static final int MAX_BATCH = 1 << 20;
    /** Most epochs. */
    static final int MAX_EPOCHS = 100_000;
    /** Largest random shift in pixels. */
    static final int MAX_SHIFT = 64;
    /** Largest learning rate (the replication's per-layer rates reach 1). */
    static final double MAX_LEARNING_RATE = 100;

    private RecipeLimits() {
    }

    /** @return the most ONNX Runtime threads per operator: four per available processor */
    static int threadLimit() {
        return 4 * Runtime.getRuntime().availableProcessors();
    }
}
