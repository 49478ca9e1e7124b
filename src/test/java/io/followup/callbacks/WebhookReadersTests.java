package io.followup.callbacks;

import java.time.Instant;
import java.util.List;

import io.followup.delivery.E164;
import io.followup.delivery.ProviderStatus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Provider bodies read field by field: any field may be missing or of another type, and only what is whole is used. */
class WebhookReadersTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void gupshupFailedEventsCarryTheCodeAndItsMeaning() {
        List<Object> events = GupshupEventReader.read("app-1", JSON.readTree(WebhookFixture.fixture("gupshup/message-event-failed.json")));

        assertThat(events).singleElement().isInstanceOfSatisfying(ProviderStatus.class, status -> {
            assertThat(status.status()).isEqualTo(ProviderStatus.Kind.FAILED);
            assertThat(status.providerMessageId()).isEqualTo("ee4a68a0-1203-4c85-8dc3-49d0b3226a35");
            assertThat(status.errorCode()).isEqualTo("1002");
            assertThat(status.error()).isEqualTo("Gupshup 1002: Number does not exist on WhatsApp (Number Does Not Exists On WhatsApp)");
            assertThat(status.at()).as("no ts: the event's own time").isEqualTo(Instant.ofEpochMilli(1580546677791L));
        });
    }

    @Test
    void gupshupStatusesAreMatchedByGsIdNotWhatsAppsId() {
        List<Object> events = GupshupEventReader.read("app-1", JSON.readTree(WebhookFixture.fixture("gupshup/message-event-delivered.json")));

        assertThat(events).singleElement().isInstanceOfSatisfying(ProviderStatus.class,
                status -> assertThat(status.providerMessageId()).isEqualTo("ee4a68a0-1203-4c85-8dc3-49d0b3226a35"));
    }

    @Test
    void enqueuedDeletedAndOtherEventsCarryNoStatus() {
        for (String type : new String[] {"enqueued", "deleted", "mystery", ""}) {
            String body = WebhookFixture.fixture("gupshup/message-event-delivered.json").replace("\"delivered\"", "\"" + type + "\"");
            assertThat(GupshupEventReader.read("app-1", JSON.readTree(body))).as(type).isEmpty();
        }
        assertThat(GupshupEventReader.read("app-1", JSON.readTree("{\"type\":\"message-event\",\"payload\":[1]}"))).isEmpty();
        assertThat(GupshupEventReader.read("app-1", JSON.readTree("{\"type\":7,\"payload\":\"x\"}"))).isEmpty();
    }

    @Test
    void gupshupVersion3EventsAreReadByGsIdWithMillisecondTimes() {
        String enqueued = WebhookFixture.fixture("gupshup/v3-status-enqueued.json");
        assertThat(GupshupEventReader.read("app-1", JSON.readTree(enqueued))).as("enqueued says nothing new").isEmpty();

        List<Object> events = GupshupEventReader.read("app-1", JSON.readTree(enqueued.replace("\"enqueued\"", "\"read\"")));

        assertThat(events).singleElement().isInstanceOfSatisfying(ProviderStatus.class, status -> {
            assertThat(status.status()).isEqualTo(ProviderStatus.Kind.READ);
            assertThat(status.providerMessageId()).isEqualTo("2baff204-c39a-4121-90b5-f53f26d522b3");
            assertThat(status.at()).isEqualTo(Instant.ofEpochMilli(1710941393420L));
        });
    }

    @Test
    void oddlyTypedFieldsAreNotUsed() {
        assertThat(CallbackJson.text(JSON.readTree("{\"a\":{\"b\":1}}"), "a", 10)).isNull();
        assertThat(CallbackJson.text(JSON.readTree("{\"a\":131026}"), "a", 10)).isEqualTo("131026");
        assertThat(CallbackJson.epochSeconds(JSON.readTree("{\"t\":\"-5\"}"), "t")).isEmpty();
        assertThat(CallbackJson.epochSeconds(JSON.readTree("{\"t\":\"1750263773\"}"), "t")).contains(Instant.ofEpochSecond(1750263773));
        assertThat(CallbackJson.text(JSON.readTree("{\"a\":\"x\\u0000yz\"}"), "a", 2)).as("bounded, NUL dropped").isEqualTo("x…");
    }

    @Test
    void phonesBecomeE164OrNothing() {
        assertThat(E164.fromProvider("5511987654321")).contains("+5511987654321");
        assertThat(E164.fromProvider("+16505551234")).contains("+16505551234");
        assertThat(E164.fromProvider("918x98xx21x4")).isEmpty();
        assertThat(E164.fromProvider("1234567")).isEmpty();
        assertThat(E164.fromProvider("0123456789")).isEmpty();
    }

    @Test
    void signaturesAreCheckedOverTheExactBytes() {
        byte[] body = "{\"entry\":[]}".getBytes();
        String good = "sha256=" + WebhookFixture.hmac("secret-secret-secret", "{\"entry\":[]}");

        assertThat(Secrets.signatureMatches("secret-secret-secret", body, good)).isTrue();
        assertThat(Secrets.signatureMatches("secret-secret-secret", body, good.toUpperCase().replace("SHA256=", "sha256="))).isTrue();
        assertThat(Secrets.signatureMatches("secret-secret-secret", "{\"entry\": []}".getBytes(), good)).isFalse();
        assertThat(Secrets.signatureMatches("secret-secret-secret", body, good.replace("sha256=", "sha1="))).isFalse();
        assertThat(Secrets.signatureMatches("secret-secret-secret", body, "sha256=")).isFalse();
        assertThat(Secrets.signatureMatches("secret-secret-secret", body, null)).isFalse();
    }
}
