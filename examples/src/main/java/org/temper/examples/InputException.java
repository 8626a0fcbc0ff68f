package org.temper.examples;

/** A malformed input file or an input the library refuses, reported by a command in one line. */
final class InputException extends Exception {
    InputException(String message) {
        super(message);
    }
}
