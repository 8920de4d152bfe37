package fr.vigie.simulator.web;

import io.vertx.core.buffer.Buffer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Stylesheets of realistic size, generated once per name and kept in memory like a front cache would. */
final class Assets {
    private static final Map<String, Buffer> CSS = new ConcurrentHashMap<>();

    private Assets() {
    }

    static Buffer css(String name, int approxBytes) {
        return CSS.computeIfAbsent(name + "@" + approxBytes, k -> Buffer.buffer(generate(name, approxBytes)));
    }

    private static String generate(String name, int approxBytes) {
        StringBuilder css = new StringBuilder(approxBytes + 256);
        css.append("/* ").append(name).append(" theme, generated */\n")
                .append(":root{--primary:#2a5caa;--secondary:#ff8d2e;--text:#1e1e1e;--background:#f6f6f6}\n")
                .append("body{margin:0;font-family:Roboto,Helvetica,Arial,sans-serif;color:var(--text)}\n");
        int i = 0;
        while (css.length() < approxBytes) {
            css.append('.').append(name).append("-c").append(i).append("{margin:").append(i % 16).append("px ")
                    .append(i % 8).append("px;padding:").append(i % 12).append("px;color:#")
                    .append(String.format("%06x", (i * 2654435761L) & 0xFFFFFF))
                    .append(";border-radius:").append(i % 6).append("px}\n");
            if (i % 10 == 0) {
                css.append("@media (max-width:").append(480 + i % 600).append("px){.").append(name).append("-c")
                        .append(i).append("{display:block;width:100%}}\n");
            }
            i++;
        }
        return css.toString();
    }
}
