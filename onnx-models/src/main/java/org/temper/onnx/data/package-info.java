/** Data: the IDX reader, dense data sets in direct buffers, splits and random-shift augmentation. */
package org.temper.onnx.data;
