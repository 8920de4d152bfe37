package fr.vigie.config.load;

/** Builds and splits YAML paths such as {@code targets[3].credentials.password}. */
final class Paths {
    private Paths() {
    }

    static String key(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }
}
