package fr.vigie.app.demo;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The test account of a demo run: generated at start, given both to the simulated services and to the config
 * loader's environment ({@code VIGIE_DEMO_USERNAME}, {@code VIGIE_DEMO_PASSWORD}), so no password sits in the repo.
 */
public record DemoAccount(String username, String password) {
    /** The account named by VIGIE_DEMO_USERNAME / VIGIE_DEMO_PASSWORD when both are set, else a fresh one. */
    public static DemoAccount fromOrGenerate(Map<String, String> env) {
        String user = env.get("VIGIE_DEMO_USERNAME");
        String password = env.get("VIGIE_DEMO_PASSWORD");
        if (user != null && !user.isBlank() && password != null && !password.isBlank()) {
            return new DemoAccount(user, password);
        }
        return generate();
    }

    public static DemoAccount generate() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return new DemoAccount("sonde.vigie", HexFormat.of().formatHex(bytes));
    }

    /** The process environment plus this account, as the config loader's environment. */
    public Map<String, String> environment(Map<String, String> base) {
        Map<String, String> env = new HashMap<>(base);
        env.put("VIGIE_DEMO_USERNAME", username);
        env.put("VIGIE_DEMO_PASSWORD", password);
        return env;
    }

    @Override
    public String toString() {
        return "DemoAccount[" + username + ", ******]";
    }
}
