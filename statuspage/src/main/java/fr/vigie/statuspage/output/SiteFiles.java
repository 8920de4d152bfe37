package fr.vigie.statuspage.output;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** The files of one generated site: relative path ("services/x/index.html") to bytes, sorted. */
public final class SiteFiles {
    private final SortedMap<String, byte[]> files = new TreeMap<>();

    public void put(String path, byte[] content) {
        if (path.startsWith("/") || path.contains("..") || path.contains("\\") || path.endsWith("/")) {
            throw new IllegalArgumentException("not a safe relative file path: " + path);
        }
        if (files.putIfAbsent(path, content) != null) {
            throw new IllegalStateException("generated twice: " + path);
        }
    }

    public byte[] get(String path) {
        return files.get(path);
    }

    public SortedMap<String, byte[]> all() {
        return Collections.unmodifiableSortedMap(files);
    }
}
