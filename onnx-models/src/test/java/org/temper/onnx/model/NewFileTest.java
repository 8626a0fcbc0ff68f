package org.temper.onnx.model;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** New files never replace what the user has, leave nothing partial, and get the permissions of any new file. */
@Tag("faults")
class NewFileTest {

    private static List<Path> leftovers(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".temper-")).toList();
        }
    }

    @Test
    void writesAndPublishesWithTheUmasksPermissions(@TempDir Path dir) throws Exception {
        Path plain = Files.createFile(dir.resolve("plain"));
        Path out = dir.resolve("sub/out.txt");
        NewFile.write(out, tmp -> Files.writeString(tmp, "hello"));
        assertEquals("hello", Files.readString(out));
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        assertEquals(List.of(), leftovers(out.getParent()));
    }

    @Test
    void anExistingFileOrDanglingLinkIsNeverReplaced(@TempDir Path dir) throws Exception {
        Path existing = Files.writeString(dir.resolve("model.onnx"), "mine");
        assertThrows(FileAlreadyExistsException.class, () -> NewFile.write(existing, tmp -> Files.writeString(tmp, "x")));
        assertEquals("mine", Files.readString(existing));
        Path dangling = Files.createSymbolicLink(dir.resolve("link.onnx"), dir.resolve("nowhere"));
        assertThrows(FileAlreadyExistsException.class, () -> NewFile.checkCreatable(dangling, "--out", List.of()));
        assertThrows(FileAlreadyExistsException.class, () -> NewFile.write(dangling, tmp -> Files.writeString(tmp, "x")));
        assertTrue(Files.isSymbolicLink(dangling));
    }

    @Test
    void aFileThatAppearsDuringTheWriteIsKept(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.csv");
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class, () -> NewFile.write(out, tmp -> {
            Files.writeString(tmp, "ours");
            Files.writeString(out, "someone else's");
        }));
        assertTrue(e.getMessage().contains("appeared"), e.getMessage());
        assertEquals("someone else's", Files.readString(out));
        assertEquals(List.of(), leftovers(dir));
    }

    @Test
    void aFailedWriteLeavesNothing(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.json");
        assertThrows(IOException.class, () -> NewFile.write(out, tmp -> {
            Files.writeString(tmp, "half");
            throw new IOException("disk full");
        }));
        assertTrue(Files.notExists(out));
        assertEquals(List.of(), leftovers(dir));
    }

    @Test
    void inputsAndImpossibleFoldersAreRefusedBeforeAnyWork(@TempDir Path dir) throws Exception {
        Path labels = Files.writeString(dir.resolve("labels.csv"), "1\n");
        IOException e = assertThrows(IOException.class, () -> NewFile.checkCreatable(dir.resolve("./labels.csv"),
                "--json", List.of(dir.resolve("logits.csv"), labels)));
        assertTrue(e.getMessage().contains("also an input"), e.getMessage());
        Path file = Files.writeString(dir.resolve("regular"), "x");
        e = assertThrows(IOException.class, () -> NewFile.checkCreatable(file.resolve("m.onnx"), "--out", List.of()));
        assertTrue(e.getMessage().contains("is not a folder"), e.getMessage());
        NewFile.checkCreatable(dir.resolve("new/deeper/m.onnx"), "--out", List.of());
    }
}
