package io.shopscale.psp;

import static io.shopscale.psp.PspClient.chargeBody;
import static io.shopscale.psp.PspClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** An outage closes the charge port (connections refused, not hanging) while the admin API keeps answering. */
class OutageSystemTests extends RunningSimulatorTests {

    @Test
    void duringAnOutageTheChargePortRefusesConnectionsAndAfterwardsItServesAgain() {
        psp.settings("{\"outage\": true}");

        assertThatThrownBy(this::connectToChargePort).isInstanceOf(ConnectException.class);
        assertThat(json(psp.admin("GET", "/admin/settings", null), 200).get("outage").asBoolean()).isTrue();
        assertThat(json(psp.admin("GET", "/actuator/health", null), 200).get("status").asString()).isEqualTo("UP");

        psp.settings("{\"outage\": false}");

        // A new client: the old one's pooled connections died with the port.
        PspClient after = new PspClient(chargePort, adminPort, ADMIN_TOKEN);
        String order = fresh("order");
        assertThat(json(after.charge(fresh("key"), chargeBody(100, order)), 200).get("orderRef").asString())
                .isEqualTo(order);
    }

    @Test
    void aResetEndsAnOutage() {
        psp.settings("{\"outage\": true}");
        assertThatThrownBy(this::connectToChargePort).isInstanceOf(ConnectException.class);

        psp.admin("DELETE", "/admin/settings", null);

        assertThat(new PspClient(chargePort, adminPort, ADMIN_TOKEN).charge(fresh("key"), chargeBody(1, fresh("order")))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void turningAnOutageOnTwiceOrOffTwiceIsHarmless() {
        psp.settings("{\"outage\": true}");
        psp.settings("{\"outage\": true, \"latency\": \"1ms\"}");
        psp.settings("{\"outage\": false}");
        psp.settings("{\"outage\": false}");

        assertThat(new PspClient(chargePort, adminPort, ADMIN_TOKEN).charge(fresh("key"), chargeBody(1, fresh("order")))
                .statusCode()).isEqualTo(200);
    }

    private void connectToChargePort() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", chargePort), 1000);
        }
    }
}
