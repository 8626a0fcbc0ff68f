package org.temper.examples.reproduce;

import org.temper.onnx.model.NewFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a report's files into the experiment's folder, each whole ({@link NewFile}) and only when
 * absent: a rerun of a finished experiment keeps the files it already made from the same trials.
 */
final class Outputs {

    private Outputs() {
    }

    /**
     * @param file the output
     * @param content what writes it
     * @return true when written now, false when it was already there
     * @throws IOException when it cannot be written
     */
    static boolean write(Path file, NewFile.Content content) throws IOException {
        if (Files.exists(file)) {
            return false;
        }
        NewFile.write(file, content);
        return true;
    }
}
