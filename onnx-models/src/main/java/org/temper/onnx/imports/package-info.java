/**
 * Import of users' forward networks exported elsewhere (e.g. by {@code torch.onnx.export}) as
 * trainable networks: {@link org.temper.onnx.imports.NetworkImporter} checks an ONNX model and
 * returns an {@link org.temper.onnx.imports.ImportedNetwork}, whose forward pass replays the
 * imported nodes with inferred shapes. The package sits beside the zoo, below autodiff, so the
 * importer is handed the operator types that have gradient rules instead of reading the registry.
 */
package org.temper.onnx.imports;
