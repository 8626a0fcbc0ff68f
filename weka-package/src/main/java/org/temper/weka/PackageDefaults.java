package org.temper.weka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Settings fixed when the package is built: the default device is cpu, and cuda in the package
 * built with the Maven profile gpu (which ships onnxruntime_gpu).
 */
public final class PackageDefaults {

    private PackageDefaults() {
    }

    /** @return the device the classifiers use unless told otherwise. */
    public static String device() {
        Properties p = new Properties();
        try (InputStream in = PackageDefaults.class.getResourceAsStream("defaults.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("device", "cpu");
    }
}
