/** The network zoo: networks as forward graphs over named parameters, with seeded initialisers. */
package org.temper.onnx.zoo;
