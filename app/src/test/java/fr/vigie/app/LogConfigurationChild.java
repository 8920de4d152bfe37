package fr.vigie.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs as {@code vigie} does, in a JVM of its own ({@link LogConfigurationTest}): the format chosen from the arguments first. */
public final class LogConfigurationChild {
    private LogConfigurationChild() {
    }

    public static void main(String[] args) {
        LogFormat.configureFrom(args);
        Logger vigie = LoggerFactory.getLogger("fr.vigie.test");
        vigie.debug("a debug line");
        vigie.info("target={} round skipped", "ent-idf");
        Logger netty = LoggerFactory.getLogger("io.netty.channel.Test");
        netty.info("a library's info line");
        netty.warn("a library's warning");
        LoggerFactory.getLogger("io.vertx.core.net.impl.ConnectionBase").error("connection reset");
    }
}
