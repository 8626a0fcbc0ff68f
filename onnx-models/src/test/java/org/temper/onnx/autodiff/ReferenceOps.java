package org.temper.onnx.autodiff;

/**
 * Plain-Java float64 forward passes of the 2-D windowed operators, written as naive loops
 * straight from the ONNX definitions: the independent references for operators that ONNX
 * Runtime's CPU provider runs in float32 only. Tensors are row-major [N, C, H, W].
 */
final class ReferenceOps {

    private ReferenceOps() {
    }

    /**
     * @param x input entries
     * @param xs input shape [N, C, H, W]
     * @param w weights [M, C, kh, kw]
     * @param ws weight shape
     * @param bias [M], or null
     * @param strides [sh, sw]
     * @param pads [top, left, bottom, right]
     * @param dilations [dh, dw]
     * @return conv(x, w) + bias
     */
    static double[] conv(double[] x, long[] xs, double[] w, long[] ws, double[] bias, long[] strides, long[] pads,
                         long[] dilations) {
        int n = (int) xs[0];
        int c = (int) xs[1];
        int h = (int) xs[2];
        int wd = (int) xs[3];
        int m = (int) ws[0];
        int kh = (int) ws[2];
        int kw = (int) ws[3];
        int oh = (int) ((h + pads[0] + pads[2] - (kh - 1) * dilations[0] - 1) / strides[0] + 1);
        int ow = (int) ((wd + pads[1] + pads[3] - (kw - 1) * dilations[1] - 1) / strides[1] + 1);
        double[] y = new double[n * m * oh * ow];
        for (int b = 0; b < n; b++) {
            for (int o = 0; o < m; o++) {
                for (int r = 0; r < oh; r++) {
                    for (int q = 0; q < ow; q++) {
                        double sum = bias == null ? 0 : bias[o];
                        for (int ch = 0; ch < c; ch++) {
                            for (int i = 0; i < kh; i++) {
                                for (int j = 0; j < kw; j++) {
                                    long row = r * strides[0] - pads[0] + i * dilations[0];
                                    long col = q * strides[1] - pads[1] + j * dilations[1];
                                    if (row >= 0 && row < h && col >= 0 && col < wd) {
                                        sum += x[((b * c + ch) * h + (int) row) * wd + (int) col]
                                                * w[((o * c + ch) * kh + i) * kw + j];
                                    }
                                }
                            }
                        }
                        y[((b * m + o) * oh + r) * ow + q] = sum;
                    }
                }
            }
        }
        return y;
    }

    /**
     * @param x input entries
     * @param xs input shape [N, C, H, W]
     * @param kernel [kh, kw]
     * @param strides [sh, sw]
     * @param pads [top, left, bottom, right]
     * @param includePad whether the divisor is the whole kernel or only the positions inside x
     * @return the average of each window (floor mode)
     */
    static double[] averagePool(double[] x, long[] xs, long[] kernel, long[] strides, long[] pads, boolean includePad) {
        int nc = (int) (xs[0] * xs[1]);
        int h = (int) xs[2];
        int wd = (int) xs[3];
        int oh = (int) ((h + pads[0] + pads[2] - kernel[0]) / strides[0] + 1);
        int ow = (int) ((wd + pads[1] + pads[3] - kernel[1]) / strides[1] + 1);
        double[] y = new double[nc * oh * ow];
        for (int p = 0; p < nc; p++) {
            for (int r = 0; r < oh; r++) {
                for (int q = 0; q < ow; q++) {
                    double sum = 0;
                    int inside = 0;
                    for (int i = 0; i < kernel[0]; i++) {
                        for (int j = 0; j < kernel[1]; j++) {
                            long row = r * strides[0] - pads[0] + i;
                            long col = q * strides[1] - pads[1] + j;
                            if (row >= 0 && row < h && col >= 0 && col < wd) {
                                sum += x[(p * h + (int) row) * wd + (int) col];
                                inside++;
                            }
                        }
                    }
                    y[(p * oh + r) * ow + q] = sum / (includePad ? kernel[0] * kernel[1] : inside);
                }
            }
        }
        return y;
    }

    /**
     * @param x input entries
     * @param xs input shape [N, C, H, W]
     * @return the mean of each channel's plane, [N, C, 1, 1]
     */
    static double[] globalAveragePool(double[] x, long[] xs) {
        int nc = (int) (xs[0] * xs[1]);
        int plane = (int) (xs[2] * xs[3]);
        double[] y = new double[nc];
        for (int p = 0; p < nc; p++) {
            for (int k = 0; k < plane; k++) {
                y[p] += x[p * plane + k];
            }
            y[p] /= plane;
        }
        return y;
    }
}
