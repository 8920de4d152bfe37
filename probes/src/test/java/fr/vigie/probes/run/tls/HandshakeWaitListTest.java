package fr.vigie.probes.run.tls;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HandshakeWaitListTest {
    record Hop(String name) implements HandshakeObserver {
        @Override
        public void handshakeStarted(long nanos) {
        }

        @Override
        public void handshakeFinished(long nanos) {
        }
    }

    final HandshakeWaitList list = new HandshakeWaitList();
    final Hop first = new Hop("first");
    final Hop second = new Hop("second");

    @Test
    void hopsToOnePeerGetEnginesInTheOrderTheyAsked() {
        list.expect(first, 443, "ent.example", "127.0.0.1");
        list.expect(second, 443, "ent.example", "127.0.0.1");
        assertThat(list.claim("ENT.example", 443)).isSameAs(first);
        assertThat(list.claim("127.0.0.1", 443)).as("by address as well as by name").isSameAs(second);
        assertThat(list.size()).as("a claimed hop waits under none of its names").isZero();
    }

    @Test
    void anotherPortOrHostIsAnotherPeer() {
        list.expect(first, 443, "ent.example");
        assertThat(list.claim("ent.example", 8443)).isNull();
        assertThat(list.claim("cas.example", 443)).isNull();
        assertThat(list.claim(null, 443)).isNull();
        assertThat(list.claim("ent.example", 443)).isSameAs(first);
    }

    @Test
    void aForgottenHopIsNeverHandedAnEngine() {
        list.expect(first, 443, "ent.example", "127.0.0.1");
        list.expect(second, 443, "ent.example");
        list.forget(first);
        assertThat(list.claim("127.0.0.1", 443)).isNull();
        assertThat(list.claim("ent.example", 443)).isSameAs(second);
        assertThat(list.size()).isZero();
    }
}
