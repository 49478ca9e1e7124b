package io.followup.webhooks;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The URL rules with private networks refused, as in production; no lookup leaves the machine (literals, localhost). */
class WebhookUrlGuardTests {

    private final WebhookUrlGuard guard = new WebhookUrlGuard(false);
    private final WebhookUrlGuard local = new WebhookUrlGuard(true);

    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.1/hook", "https://127.255.255.254/hook", "https://10.0.0.1/", "https://10.255.255.255/",
            "https://172.16.0.1/", "https://172.31.255.255/", "https://192.168.1.1/", "https://169.254.169.254/latest/meta-data",
            "https://169.254.0.1/", "https://100.64.0.1/", "https://100.127.255.255/", "https://0.0.0.0/", "https://0.1.2.3/",
            "https://224.0.0.1/", "https://239.255.255.250/", "https://255.255.255.255/", "https://240.0.0.1/",
            // IPv6: loopback, any, link-local, unique local, site-local, multicast
            "https://[::1]/", "https://[0:0:0:0:0:0:0:1]/", "https://[::]/", "https://[fe80::1]/", "https://[febf::1]/",
            "https://[fc00::1]/", "https://[fd12:3456::1]/", "https://[fec0::1]/", "https://[ff02::1]/",
            // IPv4 inside IPv6: mapped, compatible, NAT64, 6to4
            "https://[::ffff:127.0.0.1]/", "https://[::ffff:7f00:1]/", "https://[::ffff:169.254.169.254]/",
            "https://[::ffff:10.0.0.1]/", "https://[::127.0.0.1]/", "https://[64:ff9b::a00:1]/", "https://[2002:7f00:1::]/",
            "https://[2002:c0a8:101::1]/",
            // names that resolve to loopback
            "https://localhost/hook", "https://LOCALHOST:8443/hook"})
    void refusesNonPublicTargets(String url) {
        assertThat(guard.refusal(url)).as(url).isPresent();
        assertThatThrownBy(() -> guard.check(url)).isInstanceOfSatisfying(InvalidWebhookException.class,
                ex -> assertThat(ex.details()).containsOnlyKeys("url"));
    }

    /** Other spellings of 127.0.0.1: refused whether InetAddress reads them as that address or cannot resolve them. */
    @ParameterizedTest
    @ValueSource(strings = {"https://2130706433/", "https://0x7f000001/", "https://0177.0.0.1/", "https://127.1/",
            "https://0x7f.0.0.1/", "https://017700000001/"})
    void refusesOtherSpellingsOfLoopback(String url) {
        assertThat(guard.refusal(url)).as(url).isPresent();
    }

    @Test
    void acceptsPublicAddresses() {
        assertThat(guard.refusal("https://93.184.215.14/webhooks")).isEmpty();
        assertThat(guard.refusal("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hook")).isEmpty();
        assertThat(guard.refusal("https://8.8.8.8:8443/a?b=c")).isEmpty();
        // Right beside the refused ranges.
        assertThat(guard.refusal("https://172.32.0.1/")).isEmpty();
        assertThat(guard.refusal("https://100.128.0.1/")).isEmpty();
        assertThat(guard.refusal("https://11.0.0.1/")).isEmpty();
        assertThat(guard.refusal("https://[::ffff:8.8.8.8]/")).isEmpty();
        assertThat(guard.refusal("https://177.0.0.1/")).isEmpty();
    }

    @Test
    void refusesNumericHostsOtherThanDottedQuads() {
        assertThat(guard.refusal("https://0177.0.0.1/")).contains(
                "url must write an IPv4 address as four decimal numbers without leading zeros");
        assertThat(local.refusal("https://010.1.1.1/")).isPresent();
        assertThat(guard.refusal("https://8.8.8.8./")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "not a url", "/relative/path", "ftp://93.184.215.14/", "file:///etc/passwd",
            "mailto:someone@example.com", "https://user:secret@93.184.215.14/", "https://user@93.184.215.14/",
            "https:///no-host", "https://93.184.215.14/#fragment", "javascript:alert(1)", "https://exa mple.com/"})
    void refusesWhatIsNotAnAbsoluteHttpUrl(String url) {
        assertThat(guard.refusal(url)).as(url).isPresent();
        assertThat(local.refusal(url)).as(url).isPresent();
    }

    @Test
    void refusesNullAndOverlongUrls() {
        assertThat(guard.refusal(null)).isPresent();
        String longest = "https://93.184.215.14/" + "a".repeat(WebhookUrlGuard.MAX_URL_LENGTH - 22);
        assertThat(longest).hasSize(WebhookUrlGuard.MAX_URL_LENGTH);
        assertThat(guard.refusal(longest)).isEmpty();
        assertThat(guard.refusal(longest + "a")).contains("url must be at most 2048 characters");
    }

    @Test
    void requiresHttpsUnlessPrivateNetworksAreAllowed() {
        assertThat(guard.refusal("http://93.184.215.14/hook")).contains("url must use https");
        assertThat(local.refusal("http://93.184.215.14/hook")).isEmpty();
    }

    @Test
    void privateNetworksAllowedLetLocalTargetsThrough() {
        assertThat(local.refusal("http://127.0.0.1:8080/hook")).isEmpty();
        assertThat(local.refusal("http://localhost:8080/hook")).isEmpty();
        assertThat(local.refusal("https://10.1.2.3/hook")).isEmpty();
    }

    @Test
    void classifiesAddressesInsideIpv6ByTheirIpv4() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        mapped[12] = 127;
        mapped[15] = 1;
        assertThat(WebhookUrlGuard.isNonPublic(InetAddress.getByAddress(mapped))).isTrue();
        mapped[12] = 8;
        mapped[13] = 8;
        mapped[14] = 8;
        mapped[15] = 8;
        assertThat(WebhookUrlGuard.isNonPublic(InetAddress.getByAddress(mapped))).isFalse();
    }
}
