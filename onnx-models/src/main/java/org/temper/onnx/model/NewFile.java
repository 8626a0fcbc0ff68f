package org.temper.onnx.model;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates output files without ever replacing what the user has. A file is written whole under a
 * temporary name in its own folder (created with the process's umask, as any new file) and then
 * published by a hard link, which fails if anything appeared at the path in the meantime; the
 * temporary name is removed on every path out, including a SIGTERM or SIGINT of the JVM (a SIGKILL
 * can leave a {@code .temper-*} file, never a partial file under the final name). Where the file
 * system has no hard links, a move that refuses an existing target publishes instead.
 */
public final class NewFile {

    /** What writes the content, given the temporary path (it ends with the final name, so its extension is kept). */
    @FunctionalInterface
    public interface Content {
        /**
         * @param file the temporary file to write, already created and empty
         * @throws IOException when writing fails
         */
        void writeTo(Path file) throws IOException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<Path> IN_FLIGHT = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> IN_FLIGHT.forEach(NewFile::deleteQuietly),
                "temper-remove-partial-files"));
    }

    private NewFile() {
    }

    /**
     * Checks, before any work starts, that an output can be created.
     * @param path the output
     * @param option how the user named it (e.g. "--out"), for messages
     * @param inputs the files the same command reads
     * @throws IOException naming the problem and the fix: something exists at the path (a dangling
     *         link included), it is one of the inputs, or its folder cannot be created or written
     */
    public static void checkCreatable(Path path, String option, Collection<Path> inputs) throws IOException {
        for (Path input : inputs) {
            if (input != null && sameFile(path, input)) {
                throw new FileAlreadyExistsException(path.toString(), null, option + " " + path
                        + " is also an input of this command; choose another output path");
            }
        }
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(path.toString(), null, option + " " + path
                    + " already exists; choose another path or delete it first");
        }
        Path folder = path.toAbsolutePath().getParent();
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new IOException(option + " " + path + ": " + existing + " is not a folder, so the file cannot be"
                    + " created there; choose another path");
        }
        if (!Files.isWritable(existing)) {
            throw new IOException(option + " " + path + ": the folder " + existing + " is not writable; choose"
                    + " another path");
        }
    }

    private static boolean sameFile(Path a, Path b) throws IOException {
        if (Files.exists(a) && Files.exists(b)) {
            return Files.isSameFile(a, b);
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /**
     * Writes a new file; its folder is created when missing.
     * @param path the file to create
     * @param content what writes it
     * @throws FileAlreadyExistsException when anything is at the path, before or after the content was written
     * @throws IOException when the file cannot be written
     */
    public static void write(Path path, Content content) throws IOException {
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(path.toString(), null,
                    "refusing to overwrite it; choose another path or delete it first");
        }
        Path folder = path.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path tmp = folder.resolve(".temper-" + HexFormat.of().toHexDigits(RANDOM.nextLong()) + "-"
                + path.getFileName());
        IN_FLIGHT.add(tmp);
        try {
            Files.createFile(tmp);
            content.writeTo(tmp);
            publish(tmp, path);
        } finally {
            deleteQuietly(tmp);
            IN_FLIGHT.remove(tmp);
        }
    }

    private static void publish(Path tmp, Path path) throws IOException {
        try {
            Files.createLink(path, tmp);
        } catch (UnsupportedOperationException e) {
            Files.move(tmp, path);
        } catch (FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(path.toString(), null,
                    "a file appeared there while it was being written; nothing was replaced");
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the shutdown hook's last try; nothing more can be done
        }
    }
}
