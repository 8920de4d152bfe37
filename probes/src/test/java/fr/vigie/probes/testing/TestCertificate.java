package fr.vigie.probes.testing;

import io.vertx.core.net.SelfSignedCertificate;

/** One self-signed certificate for "localhost" per test JVM: generating a key pair is slow on this machine. */
public final class TestCertificate {
    private static SelfSignedCertificate localhost;

    private TestCertificate() {
    }

    public static synchronized SelfSignedCertificate localhost() {
        if (localhost == null) {
            localhost = SelfSignedCertificate.create("localhost");
            SelfSignedCertificate created = localhost;
            Runtime.getRuntime().addShutdownHook(new Thread(created::delete));
        }
        return localhost;
    }
}
