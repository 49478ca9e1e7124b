package io.followup.callbacks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.followup.support.ApiResponse;
import io.followup.support.IntegrationTest;
import io.followup.support.StubServers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A lead of its own (own tenant, own phone) enrolled in two Meta template steps, the provider stubs answering its
 * sends with message IDs of its own, and the provider callbacks built from the documented fixtures.
 */
abstract class WebhookFixture extends IntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String META_SEND = "/meta/v25.0/1065/messages";
    static final String META_PHONE_NUMBER_ID = "1065";
    static final String GUPSHUP_APP = "gupshup_app_12345";
    static final String GUPSHUP_SEND = "/gupshup/wa/api/v1/template/msg";

    final WireMockServer stub = StubServers.assistant();
    final UUID tenant = UUID.randomUUID();
    final UUID assistant = UUID.randomUUID();
    final UUID trigger = UUID.randomUUID();
    final String lead = "lead-" + UUID.randomUUID();
    final String digits = "55119" + (10_000_000 + ThreadLocalRandom.current().nextInt(90_000_000));
    final String phone = "+" + digits;
    /** What Meta answers this lead's first and second step with. */
    final String firstWamid = "wamid.first-" + UUID.randomUUID();
    final String secondWamid = "wamid.second-" + UUID.randomUUID();
    /** The lead's Gupshup channel (of the app {@value #GUPSHUP_APP}) and the message ID Gupshup answers its sends with. */
    final UUID gupshupChannel = UUID.randomUUID();
    final String gupshupId = UUID.randomUUID().toString();

    /** Two template steps on the Meta channel, 30 minutes and 1 hour apart; the lead enrolled. Returns the enrollment ID. */
    String enrollOnMeta() {
        stubMetaSend("reengagement_v1", okJson("{\"messages\":[{\"id\":\"" + firstWamid + "\"}]}"));
        stubMetaSend("reminder_v2", okJson("{\"messages\":[{\"id\":\"" + secondWamid + "\"}]}"));
        return enroll(META_CHANNEL, "meta-app", "reminder_v2");
    }

    /**
     * A configuration of two template steps on {@code channelId}, {@code reengagement_v1} then {@code secondTemplate},
     * 30 minutes and 1 hour apart, and the lead enrolled. Returns the enrollment ID.
     */
    private String enroll(String channelId, String appId, String secondTemplate) {
        String config = """
                {"assistant_id": "%s", "trigger_status_ids": ["%s"],
                 "official_steps": [{"channel_id": "%s", "channel_name": "WhatsApp Business", "app_id": "%s",
                   "steps": [{"interval": "PT30M", "template_name": "reengagement_v1", "template_language": "en"},
                             {"interval": "PT1H", "template_name": "%s", "template_language": "en"}]}]}
                """.formatted(assistant, trigger, channelId, appId, secondTemplate);
        assertThat(api.request("POST", "/backend/followup/configs").token(tokens.backend(tenant)).json(config).send().status())
                .isEqualTo(201);
        ApiResponse event = api.request("POST", "/backend/followup/events").token(tokens.backend(tenant)).json("""
                {"event_id": "e-%s", "type": "lead.status_changed", "assistant_id": "%s", "lead_id": "%s",
                 "channel_id": "%s", "status_id": "%s", "occurred_at": "%s", "lead": {"first_name": "Ana", "phone": "%s"}}
                """.formatted(lead, assistant, lead, channelId, trigger, clock.instant(), phone)).send();
        assertThat(event.status()).as(event.toString()).isEqualTo(200);
        return event.json().get("enrollment_id").asString();
    }

    /**
     * Two template steps on a Gupshup channel, 30 minutes and 1 hour apart, Gupshup's stubs answering with the template
     * list and {@link #gupshupId}; the lead enrolled and its first step sent. Returns the enrollment ID.
     */
    String enrollOnGupshupAndSend() {
        stub.stubFor(get(urlPathEqualTo("/gupshup/wa/app/" + GUPSHUP_APP + "/template"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"status":"success","templates":[
                          {"id":"tpl-42","elementName":"reengagement_v1","languageCode":"en","status":"APPROVED"}]}""")));
        stub.stubFor(post(urlEqualTo(GUPSHUP_SEND)).withRequestBody(containing("destination=" + digits))
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":\"submitted\",\"messageId\":\"" + gupshupId + "\"}")));
        String enrollmentId = enroll(gupshupChannel.toString(), GUPSHUP_APP, "reengagement_v1");
        sendFirstStep(enrollmentId);
        return enrollmentId;
    }

    void stubMetaSend(String template, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        stub.stubFor(post(urlEqualTo(META_SEND)).withRequestBody(matchingJsonPath("$.to", equalTo(digits)))
                .withRequestBody(matchingJsonPath("$.template.name", equalTo(template))).willReturn(answer));
    }

    int metaSends(String template) {
        return stub.findAll(postRequestedFor(urlEqualTo(META_SEND)).withRequestBody(matchingJsonPath("$.to", equalTo(digits)))
                .withRequestBody(matchingJsonPath("$.template.name", equalTo(template)))).size();
    }

    /** Makes the first step due and waits until it is sent. */
    void sendFirstStep(String enrollmentId) {
        clock.advance(Duration.ofMinutes(30));
        await().atMost(Duration.ofSeconds(10)).until(() -> "sent".equals(step(enrollmentId, 0).get("state").asString()));
    }

    JsonNode enrollment(String id) {
        return api.request("GET", "/backend/followup/enrollments/" + id).token(tokens.backend(tenant)).send().json();
    }

    JsonNode step(String enrollmentId, int index) {
        return enrollment(enrollmentId).get("steps").get(index);
    }

    /** A Meta status fixture about this lead's message {@code wamid} on the test's Meta number. */
    String metaStatus(String fixture, String wamid, String stepKey) {
        return edited("meta/" + fixture, root -> {
            ObjectNode value = (ObjectNode) root.get("entry").get(0).get("changes").get(0).get("value");
            ((ObjectNode) value.get("metadata")).put("phone_number_id", META_PHONE_NUMBER_ID);
            ObjectNode status = (ObjectNode) value.get("statuses").get(0);
            status.put("id", wamid);
            status.put("recipient_id", digits);
            if (stepKey == null) {
                status.remove("biz_opaque_callback_data");
            }
            else {
                status.put("biz_opaque_callback_data", stepKey);
            }
        });
    }

    ApiResponse postMeta(String body) {
        return api.request("POST", "/webhooks/meta").header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", "sha256=" + hmac(META_APP_SECRET, body)).body(body).send();
    }

    static String hmac(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        }
        catch (java.security.GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String edited(String fixture, Consumer<ObjectNode> edit) {
        ObjectNode root = (ObjectNode) JSON.readTree(fixture(fixture));
        edit.accept(root);
        return JSON.writeValueAsString(root);
    }

    static String fixture(String name) {
        try (InputStream in = WebhookFixture.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
