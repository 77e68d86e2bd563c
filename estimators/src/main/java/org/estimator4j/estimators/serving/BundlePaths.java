package org.estimator4j.estimators.serving;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where a path written inside a bundle ({@code manifest.json}'s file list, a vocabulary file in {@code model.json})
 * points: always inside the bundle. A bundle is data from elsewhere (copied, unpacked, edited), so an absolute path, a
 * {@code ..} or a symbolic link that leads out of it would make serving read whatever file it names; such paths are
 * refused, and so is anything that is not a regular file (a device such as {@code /dev/zero}, a FIFO, a folder).
 */
final class BundlePaths {
    private BundlePaths() {}

    /**
     * Whether {@code name} is a relative path of plain segments ({@code model.json}, {@code assets/countries.txt}):
     * no root, no empty, {@code .} or {@code ..} segment, '/' as the only separator.
     */
    static boolean isPlainRelative(String name) {
        if (name == null
                || name.isEmpty()
                || name.startsWith("/")
                || name.indexOf('\\') >= 0
                || name.indexOf('\0') >= 0) {
            return false;
        }
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The regular file {@code name} names inside {@code bundle}, with symbolic links followed only while they stay in
     * the bundle.
     *
     * @param what what refers to the path, for messages (e.g. "model.json's vocabulary_file")
     * @throws InvalidBundleException when the path leaves the bundle, does not exist or is not a regular file
     */
    static Path resolve(Path bundle, String name, String what) {
        if (!isPlainRelative(name)) {
            throw new InvalidBundleException(
                    "bundle " + bundle + ": " + what + " '" + name + "' is not a path "
                            + "inside the bundle (absolute paths and '..' are refused)",
                    EXPORT_AGAIN);
        }
        Path file = bundle.resolve(name);
        Path real;
        Path root;
        try {
            root = bundle.toRealPath();
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            throw new InvalidBundleException(
                    "bundle " + bundle + ": " + what + " " + name + " is missing", EXPORT_AGAIN);
        } catch (IOException e) {
            throw new InvalidBundleException(
                    "bundle " + bundle + ": cannot read " + what + " " + name + " (" + e.getMessage() + ")",
                    "check the bundle's permissions, or export the model again");
        }
        if (!real.startsWith(root)) {
            throw new InvalidBundleException(
                    "bundle " + bundle + ": " + what + " " + name + " is a link to " + real + ", outside the bundle",
                    EXPORT_AGAIN);
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new InvalidBundleException(
                    "bundle " + bundle + ": " + what + " " + name + " is not a regular file", EXPORT_AGAIN);
        }
        return file;
    }

    static final String EXPORT_AGAIN = "export the model again (or copy the whole bundle directory again)";
}
