package fr.vigie.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AddressesTest {
    @Test
    void onlyLoopbackLiteralsAndLocalhostCountAsThisMachine() {
        assertThat(Addresses.isLoopback("127.0.0.1")).isTrue();
        assertThat(Addresses.isLoopback("127.3.2.1")).isTrue();
        assertThat(Addresses.isLoopback("localhost")).isTrue();
        assertThat(Addresses.isLoopback("::1")).isTrue();
        assertThat(Addresses.isLoopback("[::1]")).isTrue();
        assertThat(Addresses.isLoopback("127.mail.example")).as("a name, not an address").isFalse();
        assertThat(Addresses.isLoopback("127.0.0.1.nip.example")).isFalse();
        assertThat(Addresses.isLoopback("127.0.0.256")).isFalse();
        assertThat(Addresses.isLoopback("0.0.0.0")).isFalse();
        assertThat(Addresses.isLoopback("smtp.education.example")).isFalse();
    }
}
