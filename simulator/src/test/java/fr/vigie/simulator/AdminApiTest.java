package fr.vigie.simulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The admin API injects, lists and clears faults over HTTP on its own port. */
class AdminApiTest {
    @Test
    void injectListClearOverHttp() throws Exception {
        try (FleetFixture fx = new FleetFixture(FleetFixture.oneOfEach(), SimOptions.quiet().withAdminPort(0))) {
            String admin = "http://127.0.0.1:" + fx.fleet.adminPort();
            Browser b = new Browser(false);
            HttpResponse<String> bad = b.post(admin + "/faults", "application/json", "{\"type\":\"meteor\",\"targets\":[\"cned\"]}");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("unknown fault type");
            assertThat(b.post(admin + "/faults", "application/json", "{\"type\":\"storage\",\"targets\":[\"nowhere\"]}")
                    .statusCode()).isEqualTo(400);

            HttpResponse<String> created = b.post(admin + "/faults", "application/json",
                    "{\"type\":\"hosting_outage\",\"hostingGroup\":\"host-c\",\"duration\":60}");
            assertThat(created.statusCode()).isEqualTo(201);
            String id = new JsonObject(created.body()).getString("id");
            assertThatThrownBy(() -> b.get(fx.url("cned", "/login"))).isInstanceOf(ConnectException.class);

            JsonArray active = new JsonArray(b.get(admin + "/faults").body());
            assertThat(active).hasSize(1);
            assertThat(active.getJsonObject(0).getString("cause")).isEqualTo("network");
            assertThat(active.getJsonObject(0).getJsonArray("targets").getList()).containsExactly("cned");

            assertThat(b.get(admin + "/stats").body()).contains("\"cned\"").contains("workerQueue");
            assertThat(fx.http(b, "DELETE", admin + "/faults/" + id)).isEqualTo(204);
            assertThat(fx.http(b, "DELETE", admin + "/faults/" + id)).isEqualTo(404);
            assertThat(b.get(fx.url("cned", "/login")).statusCode()).isEqualTo(200);
            assertThat(new JsonArray(b.get(admin + "/ground-truth").body()).getJsonObject(0).getString("fault"))
                    .isEqualTo("hosting_outage");
        }
    }
}
