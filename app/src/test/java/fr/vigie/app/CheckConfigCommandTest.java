package fr.vigie.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code vigie check-config}: exit codes and messages a rectorat operator sees. */
class CheckConfigCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new VigieCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void shippedConfigsAreValidAndSummarised() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        assertThat(run("check-config", root.resolve("config/demo.yaml").toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("OK", "targets:", "33");
        assertThat(run("check-config", root.resolve("config/france.yaml").toString())).as(err.toString()).isZero();
    }

    @Test
    void aConfigurationWithoutAlertReceiverIsValidButWarnsThatTheCrisisCellGetsNoAlerts() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        assertThat(run("check-config", root.resolve("config/france.yaml").toString())).as(err.toString()).isZero();
        assertThat(err.toString()).contains("warning: no alert receiver is configured (alerts.receivers): "
                + "the crisis cell gets no alerts");
        StringWriter demoErr = new StringWriter();
        CommandLine cli = new CommandLine(new VigieCommand());
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(demoErr));
        assertThat(cli.execute("check-config", root.resolve("config/demo.yaml").toString())).isZero();
        assertThat(demoErr.toString()).doesNotContain("alert");
    }

    @Test
    void theShippedConfigsHaveControlTargetsAndOnlyFranceHasUngroupedServices() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        assertThat(run("check-config", root.resolve("config/france.yaml").toString())).as(err.toString()).isZero();
        // the real inventory groups only the services whose host a public source names (docs/inventory.md)
        assertThat(err.toString()).doesNotContain("no control target").contains("services have no hosting-group");
        StringWriter demoErr = new StringWriter();
        CommandLine cli = new CommandLine(new VigieCommand());
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(demoErr));
        assertThat(cli.execute("check-config", root.resolve("config/demo.yaml").toString())).isZero();
        assertThat(demoErr.toString()).doesNotContain("warning");
    }

    @Test
    void aDeploymentWithoutControlTargetOrWithUngroupedServicesIsValidButWarnedWithThePaths() throws Exception {
        Path file = dir.resolve("partial.yaml");
        Files.writeString(file, """
                targets:
                  - id: ent-a
                    kind: ent
                    hosting-group: host-1
                    base-url: http://127.0.0.1:1
                    journey: public-page
                  - id: ent-b
                    kind: ent
                    base-url: http://127.0.0.1:2
                    journey: public-page
                """);
        assertThat(run("check-config", file.toString())).as(err.toString()).isZero();
        assertThat(err.toString())
                .contains("warning: no control target (targets[*].kind: control)")
                .contains("warning: 1 of 2 services have no hosting-group (targets[i].hosting-group), "
                        + "so hosting correlation leaves them out: targets[1] ent-b\n")
                .doesNotContain("targets[0]");
    }

    @Test
    void manyUngroupedServicesAreCountedBeyondTheFirstTwenty() throws Exception {
        StringBuilder yaml = new StringBuilder("targets:\n");
        for (int i = 0; i < 25; i++) {
            yaml.append("  - {id: ent-").append(i).append(", kind: ent, base-url: http://127.0.0.1:").append(i + 1)
                    .append(", journey: public-page}\n");
        }
        yaml.append("  - {id: controle, kind: control, base-url: http://127.0.0.1:99, journey: control}\n");
        Path file = dir.resolve("many.yaml");
        Files.writeString(file, yaml);
        assertThat(run("check-config", file.toString())).as(err.toString()).isZero();
        assertThat(err.toString()).contains("25 of 25 services have no hosting-group", "targets[0] ent-0, ",
                "targets[19] ent-19, and 5 more").doesNotContain("ent-20", "controle", "no control target");
    }

    @Test
    void aCompleteDeploymentGetsNoWarning() throws Exception {
        Path file = dir.resolve("complete.yaml");
        Files.writeString(file, """
                targets:
                  - id: ent-a
                    kind: ent
                    hosting-group: host-1
                    base-url: http://127.0.0.1:1
                    journey: public-page
                  - id: controle
                    kind: control
                    base-url: http://127.0.0.1:2
                    journey: control
                alerts:
                  receivers:
                    astreinte:
                      type: webhook
                      url: http://127.0.0.1:3/hook
                      secret: ${VIGIE_TEST_SURELY_UNSET_SECRET:-whsec_dGVzdC1zZWNyZXQtdGVzdC1zZWNyZXQ=}
                  default-receivers: [astreinte]
                """);
        assertThat(run("check-config", file.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains(": OK", "astreinte");
        assertThat(err.toString()).doesNotContain("warning");
    }

    @Test
    void webhookSubscriptionsAreSummarisedAndAnAllowListIsWarnedAbout() throws Exception {
        Path file = dir.resolve("webhooks.yaml");
        String base = """
                site:
                  base-url: https://etat.vigie.test
                  contact-email: contact@vigie.test
                targets:
                  - id: ent-a
                    kind: ent
                    hosting-group: host-1
                    base-url: http://127.0.0.1:1
                    journey: public-page
                subscriptions:
                  public-url: https://etat.vigie.test/abonnement
                  smtp: 127.0.0.1:2525
                  from: vigie@vigie.test
                  webhooks:
                """;
        Files.writeString(file, base + "    max-pending: 100\n");
        assertThat(run("check-config", file.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("webhook subscriptions: https://etat.vigie.test/abonnement/webhooks");
        assertThat(err.toString()).doesNotContain("allow-networks");
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        Files.writeString(file, base + "    allow-networks: [127.0.0.0/8]\n");
        assertThat(run("check-config", file.toString())).as(err.toString()).isZero();
        assertThat(err.toString()).contains("warning: subscriptions.webhooks.allow-networks [127.0.0.0/8] lets "
                + "webhook callbacks reach these non-public networks, over plain http too: for tests and local "
                + "deployments only");
    }

    @Test
    void fiveMistakesAreAllReportedWithPathsAndLinesAndTheProcessRefuses() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                site:
                  title: Test
                  time-zone: Europe/Nowhere
                schedules:
                  rush:
                    cron: "not a cron"
                targets:
                  - id: ent-a
                    name: A
                    kind: ent
                    base-url: http://127.0.0.1:1
                    journey: cas-login
                    schedule: rush
                  - id: ent-a
                    name: B
                    kind: ent
                    base-url: http://127.0.0.1:2
                    journey: control
                    schedule: rush
                    hostng-group: typo
                """);
        int code = run("check-config", file.toString());
        String report = err.toString();
        assertThat(code).isNotZero();
        assertThat(report).contains("site.time-zone", "schedules.rush.cron", "targets[0].journey", "cas-login",
                "targets[1]", "hostng-group", "ent-a");
        assertThat(report).containsPattern("\\(line \\d+\\)");
    }

    @Test
    void aMissingSecretNamesTheVariableAndNeverAValue() throws Exception {
        Path file = dir.resolve("secret.yaml");
        Files.writeString(file, """
                targets:
                  - id: ent-a
                    name: A
                    kind: ent
                    base-url: http://127.0.0.1:1
                    journey: control
                    credentials:
                      username: sonde
                      password: ${VIGIE_TEST_SURELY_UNSET_PASSWORD}
                """);
        assertThat(run("check-config", file.toString())).isNotZero();
        assertThat(err.toString()).contains("VIGIE_TEST_SURELY_UNSET_PASSWORD", "targets[0].credentials.password");
    }

    @Test
    void siteMirrorsAreListedWithoutWarningAndAnUnsetPasswordVariableIsRefused() throws Exception {
        String targets = """
                targets:
                  - {id: ent-a, name: A, kind: ent, base-url: "http://127.0.0.1:1", journey: control}
                """;
        Path file = dir.resolve("mirror.yaml");
        Files.writeString(file, targets + """
                site:
                  mirrors:
                    - url: http://127.0.0.1:1/vigie
                """);
        assertThat(run("check-config", file.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("site mirrors: [http://127.0.0.1:1/vigie/]");
        assertThat(err.toString()).doesNotContain("mirror");

        Path unset = dir.resolve("unset.yaml");
        Files.writeString(unset, targets + """
                site:
                  mirrors:
                    - url: https://miroir.example.fr/vigie/
                      username: vigie
                      password-env: VIGIE_TEST_SURELY_UNSET_MIRROR_PASSWORD
                """);
        assertThat(run("check-config", unset.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("site.mirrors[0].password-env: environment variable "
                + "'VIGIE_TEST_SURELY_UNSET_MIRROR_PASSWORD' is not set");
    }
}
