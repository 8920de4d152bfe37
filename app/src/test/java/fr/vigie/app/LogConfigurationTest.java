package fr.vigie.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.status.Status;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Both log formats load without error and write one line per event; json is one JSON object per line. */
class LogConfigurationTest {

    @ParameterizedTest
    @ValueSource(strings = {"logback.xml", "logback-json.xml"})
    void configurationLoadsCleanly(String resource) throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getResource("/" + resource));
        assertThat(context.getStatusManager().getCopyOfStatusList())
                .noneMatch(s -> s.getLevel() >= Status.WARN);
        context.stop();
    }

    @Test
    void jsonFormatWritesOneJsonObjectPerEvent() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            reconfigure(context, "/logback-json.xml");
            context.getLogger("fr.vigie.test").info("target={} round skipped", "ent-idf");
        } finally {
            System.setErr(original);
            reconfigure(context, "/logback.xml");
        }
        String[] lines = captured.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines).hasSize(1);
        JsonObject json = new JsonObject(lines[0]);
        assertThat(json.getString("level")).isEqualTo("INFO");
        assertThat(json.getString("formattedMessage")).isEqualTo("target=ent-idf round skipped");
    }

    private static void reconfigure(LoggerContext context, String resource) throws Exception {
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LogConfigurationTest.class.getResource(resource));
    }
}
