package org.temper.onnx.zoo;

/**
 * One stage of a {@link ConvNet}: a square convolution with stride 1, ReLU, then square max pooling.
 * @param channels output channels of the convolution
 * @param kernel convolution kernel size
 * @param pad zero padding on every side of the convolution's input
 * @param poolKernel pooling window size
 * @param poolStride pooling stride
 * @param poolSame whether the pooling pads its input as TensorFlow's SAME does (output size
 *     ceil(in / stride), the odd pad at the end); else it does not pad
 */
public record ConvStage(int channels, int kernel, int pad, int poolKernel, int poolStride, boolean poolSame) {

    /**
     * Checks that every size is positive and the padding is not negative.
     * @param channels output channels of the convolution
     * @param kernel convolution kernel size
     * @param pad zero padding on every side of the convolution's input
     * @param poolKernel pooling window size
     * @param poolStride pooling stride
     * @param poolSame whether the pooling pads its input as TensorFlow's SAME does (output size
     *        ceil(in / stride), the odd pad at the end); else it does not pad
     */
    public ConvStage {
        if (channels <= 0 || kernel <= 0 || pad < 0 || poolKernel <= 0 || poolStride <= 0) {
            throw new IllegalArgumentException("Invalid convolution stage " + this);
        }
    }

    /**
     * @param in input height or width
     * @return the convolution's output size
     */
    long convolved(long in) {
        return in + 2L * pad - kernel + 1;
    }

    /**
     * @param in the pooling's input height or width
     * @return its pads at the start and at the end of that axis
     */
    long[] poolPads(long in) {
        if (!poolSame) {
            return new long[] {0, 0};
        }
        long out = (in + poolStride - 1) / poolStride;
        long total = Math.max(0, (out - 1) * poolStride + poolKernel - in);
        return new long[] {total / 2, total - total / 2};
    }

    /**
     * @param in the pooling's input height or width
     * @return its output size
     */
    long pooled(long in) {
        long[] p = poolPads(in);
        return (in + p[0] + p[1] - poolKernel) / poolStride + 1;
    }

    /** @return e.g. "conv6@5x5-pool2". */
    String describe() {
        return "conv" + channels + "@" + kernel + "x" + kernel + "-pool" + poolKernel
                + (poolStride != poolKernel ? "s" + poolStride : "");
    }
}
