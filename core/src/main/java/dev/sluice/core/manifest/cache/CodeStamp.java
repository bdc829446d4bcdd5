package dev.sluice.core.manifest.cache;

import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;

/**
 * Identifies the build of Sluice that made a cache: the jar (or class folder) holding the parser, by its size and
 * modification time. A rebuilt Sluice may parse differently, so it never trusts an older build's cache.
 */
final class CodeStamp {
    static final String VALUE = compute();

    private CodeStamp() {
    }

    private static String compute() {
        String version = CodeStamp.class.getPackage().getImplementationVersion();
        try {
            URL self = CodeStamp.class.getResource("CodeStamp.class");
            if (self == null) {
                return version + "/unknown";
            }
            URLConnection connection = self.openConnection();
            if (connection instanceof JarURLConnection jar) {
                java.io.File file = new java.io.File(jar.getJarFileURL().toURI());
                return version + "/" + file.length() + "/" + file.lastModified();
            }
            connection.getInputStream().close();
            return version + "/" + connection.getLastModified();
        } catch (Exception e) {
            return version + "/unstamped-" + System.nanoTime(); // cannot identify the build: no cache will match
        }
    }
}
