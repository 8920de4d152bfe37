package fr.vigie.app.mirror;

/**
 * A push that failed. The message is safe to log (method, path, status or network error; never a credential);
 * {@link #kind()} names the failure without the file, so that a mirror is logged once per change of state.
 */
final class MirrorException extends Exception {
    private final String kind;

    MirrorException(String kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    String kind() {
        return kind;
    }
}
