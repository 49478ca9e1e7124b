package io.followup.collections;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.followup.support.ApiClient;
import io.followup.support.ApiResponse;
import io.followup.support.ExternalApiFixtures;
import io.followup.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed requests to {@code /external-api/v1}: each must get the exact 4xx in the seed's error
 * envelope, with {@code details} naming the field at fault, and must write nothing. Each case runs
 * in a company of its own that owns one debt and one followup; another company owns one debt.
 */
class ExternalBadInputIntegrationTests extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DEBTS = "/external-api/v1/debts";
    private static final String FOLLOWUPS = "/external-api/v1/followups";
    private static final String ONE = FOLLOWUPS + "/{followup}";
    private static final String JSON_TYPE = "application/json";

    static final String DEBT_REQUIRED = "Debt ID is required";
    static final String BAD_TYPE = "Invalid followup type. Valid types are: call, sms, email, whatsapp, voicemail, manual_call, physical, postmail";
    static final String BAD_STATUS = "Invalid followup status. Valid statuses are: on_hold, scheduled, in_progress, sent, "
            + "delivered, deal_found, no_answer, deal_not_found, bad_behavior, failed, cancelled";
    static final String BAD_DIRECTION = "Invalid call direction. Valid directions are: inbound, outbound";
    static final String OPENED_DISAGREES = "email_opened must be true when email_open_count is above 0 and false when it is 0";
    static final String CLICKED_DISAGREES = "email_clicked must be true when email_click_count is above 0 and false when it is 0";
    static final String EXPIRY_WITHOUT_MEDIA = "media_urls_expire_at needs an audio_url or a pdf_url";

    /**
     * One bad request. {@code path} and {@code body} may hold {debt} (the caller's debt), {followup}
     * (the caller's followup), {otherDebt} (another company's debt), {tamperedDebt} and {ref} (a fresh
     * external reference). {@code details}: each key must be present; a non-null value is its exact message.
     */
    record BadCase(String name, String method, String path, String contentType, String body, int status,
            Map<String, String> details, boolean exactKeys) {

        BadCase keys(String... more) {
            Map<String, String> all = new LinkedHashMap<>(details);
            for (String key : more) {
                all.put(key, null);
            }
            return new BadCase(name, method, path, contentType, body, status, all, exactKeys);
        }

        BadCase exact(String key, String message) {
            Map<String, String> all = new LinkedHashMap<>(details);
            all.put(key, message);
            return new BadCase(name, method, path, contentType, body, status, all, exactKeys);
        }

        BadCase onlyTheseKeys() {
            return new BadCase(name, method, path, contentType, body, status, details, true);
        }

        BadCase contentType(String type) {
            return new BadCase(name, method, path, type, body, status, details, exactKeys);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<BadCase> badRequests() {
        String followup = followup(b -> { });
        String debt = debt(b -> { });
        List<BadCase> cases = new ArrayList<>();

        // ---------------------------------------------------------------- POST /followups: JSON itself
        cases.add(createFollowup("broken JSON: truncated object", followup.substring(0, followup.length() / 2), 400, "body"));
        cases.add(createFollowup("broken JSON: trailing comma", followup.substring(0, followup.length() - 1) + ",}", 400, "body"));
        cases.add(createFollowup("broken JSON: form encoding", "debt_id=abc&type=call", 400, "body"));
        cases.add(createFollowup("JSON array instead of an object", "[" + followup + "]", 400, "body"));
        cases.add(createFollowup("bare JSON string", "\"call\"", 400, "body"));
        cases.add(createFollowup("empty body", "", 400, "body"));
        cases.add(createFollowup("literal null body", "null", 400, "body"));
        cases.add(createFollowup("unknown field foo", followup(b -> b.put("foo", 1)), 400, "foo"));

        // wrong types
        cases.add(createFollowup("duration_ms \"abc\"", followup(b -> b.put("duration_ms", "abc")), 400, "duration_ms"));
        cases.add(createFollowup("duration_ms 1.5", followup(b -> b.put("duration_ms", 1.5)), 400, "duration_ms"));
        cases.add(createFollowup("duration_ms beyond a 64-bit integer",
                followup.substring(0, followup.length() - 1) + ",\"duration_ms\":9223372036854775808}", 400, "duration_ms"));
        cases.add(createFollowup("is_retry \"yes\"", followup(b -> b.put("is_retry", "yes")), 400, "is_retry"));
        cases.add(createFollowup("is_retry 1", followup(b -> b.put("is_retry", 1)), 400, "is_retry"));
        cases.add(createFollowup("summary is a number", followup(b -> b.put("summary", 42)), 400, "summary"));
        cases.add(createFollowup("type is a number", followup(b -> b.put("type", 1)), 400, "type"));
        cases.add(createFollowup("debt_id is a number", followup(b -> b.put("debt_id", 12345)), 400, "debt_id"));
        cases.add(createFollowup("debt_id is an object", followup(b -> b.putObject("debt_id").put("id", "{debt}")), 400, "debt_id"));
        cases.add(createFollowup("scheduled_at is a number (epoch seconds)",
                followup(b -> b.put("scheduled_at", 1706176800)), 400, "scheduled_at"));

        // required fields, nulls
        cases.add(createFollowup("missing debt_id", followup(b -> b.remove("debt_id")), 400, null).exact("debt_id", DEBT_REQUIRED));
        cases.add(createFollowup("null debt_id", followup(b -> b.putNull("debt_id")), 400, null).exact("debt_id", DEBT_REQUIRED));
        cases.add(createFollowup("empty debt_id", followup(b -> b.put("debt_id", "")), 400, null).exact("debt_id", DEBT_REQUIRED));
        // (type may be left out: GetBill's create page requires only debt_id; ExternalApiIntegrationTests checks its default)

        // enums
        cases.add(createFollowup("type \"meeting\"", followup(b -> b.put("type", "meeting")), 400, null).exact("type", BAD_TYPE));
        cases.add(createFollowup("type \"\"", followup(b -> b.put("type", "")), 400, null).exact("type", BAD_TYPE));
        cases.add(createFollowup("status \"done\"", followup(b -> b.put("status", "done")), 400, null).exact("status", BAD_STATUS));
        cases.add(createFollowup("direction \"sideways\"", followup(b -> b.put("direction", "sideways")), 400, null)
                .exact("direction", BAD_DIRECTION));

        // several at once
        cases.add(createFollowup("the seed's error example: no debt_id and a bad type", followup(b -> {
            b.remove("debt_id");
            b.put("type", "meeting");
        }), 400, null).exact("debt_id", DEBT_REQUIRED).exact("type", BAD_TYPE).onlyTheseKeys());
        cases.add(createFollowup("seven invalid fields in one request", followup(b -> {
            b.put("debt_id", "xyz789ghi012");
            b.put("type", "fax");
            b.put("status", "done");
            b.put("direction", "up");
            b.put("scheduled_at", "next week");
            b.put("duration_ms", -5);
            b.put("audio_url", "recording.mp3");
        }), 400, null).keys("debt_id", "duration_ms", "scheduled_at", "audio_url")
                .exact("type", BAD_TYPE).exact("status", BAD_STATUS).exact("direction", BAD_DIRECTION).onlyTheseKeys());

        // times
        cases.add(createFollowup("scheduled_at without offset", followup(b -> b.put("scheduled_at", "2024-01-25T10:00:00")), 400,
                "scheduled_at"));
        cases.add(createFollowup("scheduled_at \"tomorrow\"", followup(b -> b.put("scheduled_at", "tomorrow")), 400, "scheduled_at"));
        cases.add(createFollowup("scheduled_at February 30th", followup(b -> b.put("scheduled_at", "2024-02-30T10:00:00Z")), 400,
                "scheduled_at"));
        cases.add(createFollowup("scheduled_at offset +25:00", followup(b -> b.put("scheduled_at", "2024-01-25T10:00:00+25:00")),
                400, "scheduled_at"));
        cases.add(createFollowup("scheduled_at in year -5000 (before PostgreSQL's range)",
                followup(b -> b.put("scheduled_at", "-5000-01-01T00:00:00Z")), 400, "scheduled_at"));
        cases.add(createFollowup("call_date in year +300000 (after PostgreSQL's range)",
                followup(b -> b.put("call_date", "+300000-01-01T00:00:00Z")), 400, "call_date"));
        cases.add(createFollowup("call_date garbage", followup(b -> b.put("call_date", "22/01/2024 3pm")), 400, "call_date"));

        // values
        cases.add(createFollowup("negative duration_ms", followup(b -> b.put("duration_ms", -1)), 400, "duration_ms"));
        cases.add(createFollowup("audio_url not a URL", followup(b -> b.put("audio_url", "not a url")), 400, "audio_url"));
        cases.add(createFollowup("audio_url ftp://", followup(b -> b.put("audio_url", "ftp://files.example.com/a.mp3")), 400,
                "audio_url"));
        cases.add(createFollowup("pdf_url javascript:", followup(b -> b.put("pdf_url", "javascript:alert(1)")), 400, "pdf_url"));
        cases.add(createFollowup("pdf_url over 2048 characters",
                followup(b -> b.put("pdf_url", "https://docs.example.com/" + "a".repeat(2100))), 400, "pdf_url"));
        cases.add(createFollowup("summary of 501 characters", followup(b -> b.put("summary", "s".repeat(501))), 400, "summary"));
        cases.add(createFollowup("notes of 10001 characters", followup(b -> b.put("notes", "n".repeat(10_001))), 400, "notes"));
        cases.add(createFollowup("call_id of 256 characters", followup(b -> b.put("call_id", "c".repeat(256))), 400, "call_id"));
        cases.add(createFollowup("disconnection_reason of 256 characters",
                followup(b -> b.put("disconnection_reason", "r".repeat(256))), 400, "disconnection_reason"));
        cases.add(createFollowup("summary with a NUL character", followup(b -> b.put("summary", "before\u0000after")), 400,
                "summary"));
        cases.add(createFollowup("phone_number_used garbage", followup(b -> b.put("phone_number_used", "call me maybe")), 400,
                "phone_number_used"));
        cases.add(createFollowup("phone_number_used of 33 characters",
                followup(b -> b.put("phone_number_used", "+" + "1".repeat(32))), 400, "phone_number_used"));

        // debt_id
        cases.add(createFollowup("debt_id garbage (the seed's placeholder)", followup(b -> b.put("debt_id", "xyz789ghi012")), 400,
                "debt_id"));
        cases.add(createFollowup("debt_id tampered", followup(b -> b.put("debt_id", "{tamperedDebt}")), 400, "debt_id"));
        cases.add(createFollowup("debt_id of another company", followup(b -> b.put("debt_id", "{otherDebt}")), 400, "debt_id"));
        cases.add(createFollowup("debt_id is a followup id", followup(b -> b.put("debt_id", "{followup}")), 400, "debt_id"));

        // GetBill's further fields: wrong types
        cases.add(createFollowup("triggered_payment \"yes\"", followup(b -> b.put("triggered_payment", "yes")), 400, "triggered_payment"));
        cases.add(createFollowup("triggered_payment 1", followup(b -> b.put("triggered_payment", 1)), 400, "triggered_payment"));
        cases.add(createFollowup("email_opened \"true\"", followup(b -> b.put("email_opened", "true")), 400, "email_opened"));
        cases.add(createFollowup("email_clicked an object", followup(b -> b.putObject("email_clicked").put("value", true)), 400,
                "email_clicked"));
        // (a numeric string such as "3" is read as its number, as for duration_ms and amount)
        cases.add(createFollowup("email_open_count \"three\"", followup(b -> b.put("email_open_count", "three")), 400, "email_open_count"));
        cases.add(createFollowup("email_open_count 1.5", followup(b -> b.put("email_open_count", 1.5)), 400, "email_open_count"));
        cases.add(createFollowup("email_open_count true", followup(b -> b.put("email_open_count", true)), 400, "email_open_count"));
        cases.add(createFollowup("email_open_count beyond a 32-bit integer", followup(b -> b.put("email_open_count", 2_147_483_648L)),
                400, "email_open_count"));
        cases.add(createFollowup("email_click_count an array", followup(b -> b.putArray("email_click_count").add(1)), 400,
                "email_click_count"));
        cases.add(createFollowup("email_first_opened_at a number (epoch seconds)", followup(b -> {
            b.put("email_open_count", 1);
            b.put("email_first_opened_at", 1705764600);
        }), 400, "email_first_opened_at"));
        cases.add(createFollowup("media_urls_expire_at true", followup(b -> {
            b.put("audio_url", "https://media.example.com/call.mp3");
            b.put("media_urls_expire_at", true);
        }), 400, "media_urls_expire_at"));

        // GetBill's further fields: bad values and date-times
        cases.add(createFollowup("negative email_open_count", followup(b -> b.put("email_open_count", -1)), 400, null)
                .exact("email_open_count", "email_open_count must be 0 or more").onlyTheseKeys());
        cases.add(createFollowup("negative email_click_count", followup(b -> b.put("email_click_count", -3)), 400, null)
                .exact("email_click_count", "email_click_count must be 0 or more").onlyTheseKeys());
        cases.add(createFollowup("email_first_opened_at without offset", followup(b -> {
            b.put("email_open_count", 1);
            b.put("email_first_opened_at", "2024-01-20T15:30:00");
        }), 400, "email_first_opened_at"));
        cases.add(createFollowup("email_first_opened_at February 30th", followup(b -> {
            b.put("email_open_count", 1);
            b.put("email_first_opened_at", "2024-02-30T15:30:00Z");
        }), 400, "email_first_opened_at"));
        cases.add(createFollowup("email_first_opened_at in year +300000", followup(b -> {
            b.put("email_open_count", 1);
            b.put("email_first_opened_at", "+300000-01-01T00:00:00Z");
        }), 400, "email_first_opened_at"));
        cases.add(createFollowup("media_urls_expire_at \"in an hour\"", followup(b -> {
            b.put("audio_url", "https://media.example.com/call.mp3");
            b.put("media_urls_expire_at", "in an hour");
        }), 400, "media_urls_expire_at"));

        // GetBill's further fields: contradictions (the counts decide; the flags and times must agree)
        cases.add(createFollowup("email_opened true without opens", followup(b -> b.put("email_opened", true)), 400, null)
                .exact("email_opened", OPENED_DISAGREES).onlyTheseKeys());
        cases.add(createFollowup("email_opened false with 3 opens", followup(b -> {
            b.put("email_opened", false);
            b.put("email_open_count", 3);
        }), 400, null).exact("email_opened", OPENED_DISAGREES).onlyTheseKeys());
        cases.add(createFollowup("email_clicked true with 0 clicks", followup(b -> {
            b.put("email_clicked", true);
            b.put("email_click_count", 0);
        }), 400, null).exact("email_clicked", CLICKED_DISAGREES).onlyTheseKeys());
        cases.add(createFollowup("email_clicked false with 2 clicks", followup(b -> {
            b.put("email_clicked", false);
            b.put("email_click_count", 2);
        }), 400, null).exact("email_clicked", CLICKED_DISAGREES).onlyTheseKeys());
        cases.add(createFollowup("email_first_opened_at without opens", followup(b -> b.put("email_first_opened_at", "2024-01-20T15:30:00Z")),
                400, null).exact("email_first_opened_at", "email_first_opened_at needs email_open_count above 0").onlyTheseKeys());
        cases.add(createFollowup("email_first_opened_at with 0 opens", followup(b -> {
            b.put("email_open_count", 0);
            b.put("email_first_opened_at", "2024-01-20T15:30:00Z");
        }), 400, null).exact("email_first_opened_at", "email_first_opened_at needs email_open_count above 0").onlyTheseKeys());
        cases.add(createFollowup("media_urls_expire_at without audio_url or pdf_url",
                followup(b -> b.put("media_urls_expire_at", "2024-01-22T11:35:00+00:00")), 400, null)
                .exact("media_urls_expire_at", EXPIRY_WITHOUT_MEDIA).onlyTheseKeys());
        cases.add(createFollowup("a GetBill email item with every tracking field contradicting", followup(b -> {
            b.put("type", "email");
            b.put("email_opened", true);
            b.put("email_open_count", 0);
            b.put("email_first_opened_at", "2024-01-20T15:30:00+00:00");
            b.put("email_clicked", true);
            b.put("email_click_count", 0);
            b.put("media_urls_expire_at", "2024-01-20T15:15:00+00:00");
        }), 400, null).exact("email_opened", OPENED_DISAGREES).exact("email_clicked", CLICKED_DISAGREES)
                .keys("email_first_opened_at").exact("media_urls_expire_at", EXPIRY_WITHOUT_MEDIA).onlyTheseKeys());

        // transport
        cases.add(createFollowup("Content-Type text/plain", followup, 415, "Content-Type").contentType("text/plain"));
        cases.add(createFollowup("no Content-Type", followup, 415, "Content-Type").contentType(null));
        cases.add(createFollowup("Content-Type application/xml", "<followup/>", 415, "Content-Type").contentType("application/xml"));
        cases.add(createFollowup("body over 64 KB", followup(b -> b.put("notes", "n".repeat(70_000))), 413, "body"));

        // ---------------------------------------------------------------- PATCH / PUT /followups/{id}
        cases.add(update("PATCH", "broken JSON", "{\"status\":", 400, "body"));
        cases.add(update("PATCH", "JSON array", "[{\"status\":\"sent\"}]", 400, "body"));
        cases.add(update("PATCH", "empty body", "", 400, "body"));
        cases.add(update("PATCH", "status \"done\"", "{\"status\":\"done\"}", 400, null).exact("status", BAD_STATUS));
        cases.add(update("PUT", "status \"done\"", "{\"status\":\"done\"}", 400, null).exact("status", BAD_STATUS));
        cases.add(update("PATCH", "type \"meeting\"", "{\"type\":\"meeting\"}", 400, null).exact("type", BAD_TYPE));
        cases.add(update("PATCH", "another company's debt_id", "{\"debt_id\":\"{otherDebt}\"}", 400, "debt_id"));
        cases.add(update("PUT", "debt_id garbage", "{\"debt_id\":\"xyz789ghi012\"}", 400, "debt_id"));
        cases.add(update("PUT", "scheduled_at without offset", "{\"scheduled_at\":\"2024-01-25T10:00:00\"}", 400, "scheduled_at"));
        cases.add(update("PUT", "duration_ms \"abc\"", "{\"duration_ms\":\"abc\"}", 400, "duration_ms"));
        cases.add(update("PUT", "is_retry \"yes\"", "{\"is_retry\":\"yes\"}", 400, "is_retry"));
        cases.add(update("PUT", "unknown field foo", "{\"status\":\"sent\",\"foo\":true}", 400, "foo"));
        cases.add(update("PATCH", "summary of 501 characters", "{\"summary\":\"" + "s".repeat(501) + "\"}", 400, "summary"));
        cases.add(update("PUT", "three invalid fields", "{\"status\":\"x\",\"direction\":\"y\",\"pdf_url\":\"z\"}", 400, null)
                .exact("status", BAD_STATUS).exact("direction", BAD_DIRECTION).keys("pdf_url").onlyTheseKeys());
        cases.add(update("PATCH", "a valid field next to an invalid one", "{\"summary\":\"changed\",\"status\":\"done\"}", 400, null)
                .exact("status", BAD_STATUS).onlyTheseKeys());
        // updates of GetBill's further fields, judged with the stored followup (no opens, no clicks, no media)
        cases.add(update("PATCH", "email_opened true, stored without opens", "{\"email_opened\":true}", 400, null)
                .exact("email_opened", OPENED_DISAGREES).onlyTheseKeys());
        cases.add(update("PUT", "email_open_count 2 and email_opened false", "{\"email_open_count\":2,\"email_opened\":false}", 400,
                null).exact("email_opened", OPENED_DISAGREES).onlyTheseKeys());
        cases.add(update("PATCH", "email_clicked true, stored without clicks", "{\"email_clicked\":true,\"email_open_count\":1}", 400,
                null).exact("email_clicked", CLICKED_DISAGREES).onlyTheseKeys());
        cases.add(update("PUT", "email_first_opened_at, stored without opens", "{\"email_first_opened_at\":\"2024-01-20T15:30:00Z\"}",
                400, null).exact("email_first_opened_at", "email_first_opened_at needs email_open_count above 0").onlyTheseKeys());
        cases.add(update("PATCH", "media_urls_expire_at, stored without media", "{\"media_urls_expire_at\":\"2024-01-22T11:35:00Z\"}",
                400, null).exact("media_urls_expire_at", EXPIRY_WITHOUT_MEDIA).onlyTheseKeys());
        cases.add(update("PATCH", "negative email_click_count", "{\"email_click_count\":-1}", 400, null)
                .exact("email_click_count", "email_click_count must be 0 or more").onlyTheseKeys());
        cases.add(update("PUT", "triggered_payment \"no\"", "{\"triggered_payment\":\"no\"}", 400, "triggered_payment"));
        cases.add(update("PUT", "email_first_opened_at garbage", "{\"email_open_count\":1,\"email_first_opened_at\":\"soon\"}", 400,
                "email_first_opened_at"));
        cases.add(update("PATCH", "Content-Type text/plain", "{\"status\":\"sent\"}", 415, "Content-Type").contentType("text/plain"));

        // ---------------------------------------------------------------- POST /debts (GetBill's create-debt body)
        cases.add(createDebt("missing firstname", debt(b -> b.remove("firstname")), 400, null).exact("firstname", "First name is required"));
        cases.add(createDebt("blank lastname", debt(b -> b.put("lastname", "   ")), 400, null).exact("lastname", "Last name is required"));
        cases.add(createDebt("firstname of 201 characters", debt(b -> b.put("firstname", "F".repeat(201))), 400, "firstname"));
        cases.add(createDebt("internal_id of 101 characters", debt(b -> b.put("internal_id", "R".repeat(101))), 400, "internal_id"));
        cases.add(createDebt("internal_id with a NUL character", debt(b -> b.put("internal_id", "INV\u00001")), 400, "internal_id"));
        cases.add(createDebt("missing amount", debt(b -> b.remove("amount")), 400, "amount"));
        cases.add(createDebt("null amount", debt(b -> b.putNull("amount")), 400, "amount"));
        cases.add(createDebt("missing currency", debt(b -> b.remove("currency")), 400, "currency"));
        cases.add(createDebt("amount 0", debt(b -> b.put("amount", 0)), 400, "amount"));
        cases.add(createDebt("amount -10", debt(b -> b.put("amount", -10)), 400, "amount"));
        cases.add(createDebt("amount with 3 decimals", debt(b -> b.put("amount", new java.math.BigDecimal("10.505"))), 400, "amount"));
        cases.add(createDebt("amount \"lots\"", debt(b -> b.put("amount", "lots")), 400, "amount"));
        cases.add(createDebt("amount true", debt(b -> b.put("amount", true)), 400, "amount"));
        cases.add(createDebt("amount 1e20", debt.replace("1500.00", "1e20"), 400, "amount"));
        cases.add(createDebt("currency \"XXXX\"", debt(b -> b.put("currency", "XXXX")), 400, "currency"));
        cases.add(createDebt("currency \"ABC\"", debt(b -> b.put("currency", "ABC")), 400, "currency"));
        cases.add(createDebt("currency is a number", debt(b -> b.put("currency", 986)), 400, "currency"));
        cases.add(createDebt("due_date month 13", debt(b -> b.put("due_date", "2024-13-01")), 400, "due_date"));
        cases.add(createDebt("due_date dd/mm/yyyy", debt(b -> b.put("due_date", "01/02/2024")), 400, "due_date"));
        cases.add(createDebt("due_date in year -5000 (before PostgreSQL's range)", debt(b -> b.put("due_date", "-5000-01-01")), 400,
                "due_date"));
        cases.add(createDebt("email without @", debt(b -> b.put("email", "maria.example.com")), 400, "email"));
        cases.add(createDebt("phone garbage", debt(b -> b.put("phone", "ring ring")), 400, "phone"));
        cases.add(createDebt("phone of 33 characters", debt(b -> b.put("phone", "+" + "1".repeat(32))), 400, "phone"));
        cases.add(createDebt("neither phone nor email", debt(b -> {
            b.remove("phone");
            b.remove("email");
        }), 400, null).exact("phone", DebtRequestValidator.PHONE_OR_EMAIL));
        cases.add(createDebt("an old-shape field (external_reference)", debt(b -> b.put("external_reference", "INV-1")), 400,
                "external_reference"));
        cases.add(createDebt("unknown field foo", debt(b -> b.put("foo", "bar")), 400, "foo"));
        cases.add(createDebt("broken JSON", debt.substring(0, 20), 400, "body"));
        cases.add(createDebt("JSON array", "[" + debt + "]", 400, "body"));
        cases.add(createDebt("several invalid fields", debt(b -> {
            b.remove("firstname");
            b.put("amount", -1);
            b.put("currency", "ABC");
            b.put("due_date", "soon");
        }), 400, null).keys("firstname", "amount", "currency", "due_date").onlyTheseKeys());
        cases.add(createDebt("a premium-rate phone not accepted", debt(b -> b.put("phone", "+33899123456")), 422, "phone"));
        cases.add(createDebt("Content-Type text/plain", debt, 415, "Content-Type").contentType("text/plain"));

        // ---------------------------------------------------------------- list query parameters
        cases.add(get("followups page=0", FOLLOWUPS + "?page=0", 400, "page"));
        cases.add(get("followups page=-1", FOLLOWUPS + "?page=-1", 400, "page"));
        cases.add(get("followups page=abc", FOLLOWUPS + "?page=abc", 400, "page"));
        cases.add(get("followups page beyond 32 bits", FOLLOWUPS + "?page=99999999999", 400, "page"));
        cases.add(get("followups page=2147483647 (offset beyond 32 bits)", FOLLOWUPS + "?page=2147483647&limit=100", 400, "page"));
        cases.add(get("debts page=30000000 limit=100 (offset beyond 32 bits)", DEBTS + "?page=30000000&limit=100", 400, "page"));
        cases.add(get("followups limit=0", FOLLOWUPS + "?limit=0", 400, "limit"));
        cases.add(get("followups limit=101", FOLLOWUPS + "?limit=101", 400, "limit"));
        cases.add(get("followups limit=abc", FOLLOWUPS + "?limit=abc", 400, "limit"));
        cases.add(get("followups status=done", FOLLOWUPS + "?status=done", 400, null).exact("status", BAD_STATUS));
        cases.add(get("followups type=meeting", FOLLOWUPS + "?type=meeting", 400, null).exact("type", BAD_TYPE));
        cases.add(get("followups scheduled_from garbage", FOLLOWUPS + "?scheduled_from=yesterday", 400, "scheduled_from"));
        cases.add(get("followups scheduled_to garbage", FOLLOWUPS + "?scheduled_to=2024-99-99", 400, "scheduled_to"));
        cases.add(get("followups scheduled_from without offset", FOLLOWUPS + "?scheduled_from=2024-01-25T10:00:00", 400,
                "scheduled_from"));
        cases.add(get("followups scheduled_to before scheduled_from", FOLLOWUPS + "?scheduled_from=" + enc("2024-02-01T00:00:00Z")
                + "&scheduled_to=" + enc("2024-01-01T00:00:00Z"), 400, "scheduled_to"));
        cases.add(get("followups scheduled_from in year -5000", FOLLOWUPS + "?scheduled_from=-5000-01-01T00:00:00Z", 400,
                "scheduled_from"));
        cases.add(get("followups debt_id garbage", FOLLOWUPS + "?debt_id=xyz789ghi012", 400, "debt_id"));
        cases.add(get("followups debt_id is a followup id", FOLLOWUPS + "?debt_id={followup}", 400, "debt_id"));
        cases.add(get("followups several bad filters", FOLLOWUPS + "?status=x&type=y&scheduled_from=z", 400, null)
                .exact("status", BAD_STATUS).exact("type", BAD_TYPE).keys("scheduled_from"));
        cases.add(get("followups plain date out of range", FOLLOWUPS + "?scheduled_to=2024-02-30", 400, "scheduled_to"));
        cases.add(get("followups plain dates the wrong way", FOLLOWUPS + "?scheduled_from=2024-02-02&scheduled_to=2024-02-01", 400,
                "scheduled_to"));
        cases.add(get("followups misspelled filter", FOLLOWUPS + "?stauts=sent", 400, null)
                .exact("stauts", "Unknown query parameter: this endpoint takes debt_id, limit, page, scheduled_from, scheduled_to, status, type"));
        cases.add(get("followups GetBill-style date filter name", FOLLOWUPS + "?date_from=2024-01-01&status=sent", 400, "date_from"));
        cases.add(get("followups of a debt with a filter it does not take", FOLLOWUPS + "/debt/{debt}?status=sent", 400, null)
                .exact("status", "Unknown query parameter: this endpoint takes limit, page"));
        cases.add(get("debts unknown parameter, escaped name", DEBTS + "?st%61te=open", 400, "state"));
        cases.add(get("a followup by ID takes no query parameter", FOLLOWUPS + "/{followup}?expand=debt", 400, null)
                .exact("expand", "Unknown query parameter: this endpoint takes none"));
        cases.add(get("debts page=0", DEBTS + "?page=0", 400, "page"));
        cases.add(get("debts limit=101", DEBTS + "?limit=101", 400, "limit"));
        cases.add(get("followups of a debt limit=0", FOLLOWUPS + "/debt/{debt}?limit=0", 400, "limit"));

        // ---------------------------------------------------------------- routes and methods
        cases.add(get("unknown route /external-api/v1/nope", "/external-api/v1/nope", 404, null));
        cases.add(get("unknown route under followups/{id}", ONE + "/attachments", 404, null));
        cases.add(new BadCase("DELETE /followups/{id}", "DELETE", ONE, null, null, 405, Map.of(), false));
        cases.add(new BadCase("DELETE /debts (the collection)", "DELETE", DEBTS, null, null, 405, Map.of(), false));
        cases.add(new BadCase("POST /followups/{id}", "POST", ONE, JSON_TYPE, "{\"status\":\"sent\"}", 405, Map.of(), false));
        cases.add(new BadCase("POST /debts/{id}", "POST", DEBTS + "/{debt}", JSON_TYPE, "{\"amount\":1}", 405, Map.of(), false));
        return cases.stream();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badRequests")
    void refusesBadRequestAndWritesNothing(BadCase c) {
        String company = "company-" + UUID.randomUUID();
        String other = "company-" + UUID.randomUUID();
        String debtId = ExternalApiFixtures.createDebt(api, company);
        String otherDebtId = ExternalApiFixtures.createDebt(api, other);
        String followupId = createFollowup(company, debtId);
        Map<String, String> values = Map.of("{debt}", debtId, "{otherDebt}", otherDebtId, "{followup}", followupId,
                "{tamperedDebt}", ExternalApiIntegrationTests.tamper(debtId, debtId.length() / 2),
                "{ref}", "INV-" + UUID.randomUUID());
        String path = fill(c.path(), values);
        String body = c.body() == null ? null : fill(c.body(), values);

        long debtsBefore = count("debt", company);
        long followupsBefore = count("debt_followup", company);
        List<String> debtRows = rows("debt", company);
        List<String> followupRows = rows("debt_followup", company);
        List<String> otherRows = rows("debt", other);
        Long version = jdbc.queryForObject("select version from debt_followup where company_id = ?", Long.class, company);

        ApiClient.Request request = api.request(c.method(), path).token(tokens.external(company));
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        if (body != null) {
            request.body(body);
        }
        ApiResponse response = request.send();

        assertEnvelope(c, path, response);
        assertThat(count("debt", company)).as(c.name() + ": debts of the company").isEqualTo(debtsBefore);
        assertThat(count("debt_followup", company)).as(c.name() + ": followups of the company").isEqualTo(followupsBefore);
        assertThat(jdbc.queryForObject("select version from debt_followup where company_id = ?", Long.class, company))
                .as(c.name() + ": version of the stored followup").isEqualTo(version);
        assertThat(rows("debt_followup", company)).as(c.name() + ": the stored followup, whole row").isEqualTo(followupRows);
        assertThat(rows("debt", company)).as(c.name() + ": the stored debt, whole row").isEqualTo(debtRows);
        assertThat(rows("debt", other)).as(c.name() + ": the other company's debt").isEqualTo(otherRows);
        assertThat(count("debt_followup", other)).as(c.name() + ": followups of the other company").isZero();
    }

    // ------------------------------------------------------------------ assertions

    private static void assertEnvelope(BadCase c, String path, ApiResponse response) {
        String where = c.name() + ": " + c.method() + " " + abbreviate(path) + " answered " + response.status() + " ["
                + response.contentType() + "] " + abbreviate(response.body());
        JsonNode body = ExternalAnswers.jsonObject(where, response, c.status());
        assertThat(body.path("error").isBoolean() && body.path("error").booleanValue()).as(where + " / error true").isTrue();
        assertThat(body.path("code").isInt()).as(where + " / code is a number").isTrue();
        assertThat(body.path("code").asInt()).as(where + " / code").isEqualTo(c.status());
        assertThat(body.path("message").isString()).as(where + " / message is a string").isTrue();
        assertThat(body.path("message").asString()).as(where + " / message").isNotBlank();
        JsonNode details = body.path("details");
        assertThat(details.isObject()).as(where + " / details is an object").isTrue();
        boolean fieldValidation = c.status() == 400 && !c.details().isEmpty() && !c.details().containsKey("body");
        if (fieldValidation) {
            assertThat(body.path("message").asString()).as(where + " / message, as the seed writes it").isEqualTo("Validation failed");
        }
        for (Map.Entry<String, String> expected : c.details().entrySet()) {
            JsonNode value = details.path(expected.getKey());
            assertThat(value.isString()).as(where + " / details." + expected.getKey() + " is a string").isTrue();
            assertThat(value.asString()).as(where + " / details." + expected.getKey()).isNotBlank();
            if (expected.getValue() != null) {
                assertThat(value.asString()).as(where + " / details." + expected.getKey()).isEqualTo(expected.getValue());
            }
        }
        if (c.exactKeys()) {
            assertThat(details.propertyNames()).as(where + " / details keys").containsExactlyInAnyOrderElementsOf(c.details().keySet());
        }
        if (c.status() == 405) {
            assertThat(response.header("Allow")).as(where + " / Allow header").isNotBlank().doesNotContain(c.method());
        }
    }

    // ------------------------------------------------------------------ set-up and helpers

    private String createFollowup(String company, String debtId) {
        return ExternalApiFixtures.createFollowup(api, company, followup(b -> b.put("debt_id", debtId))).get("id").asString();
    }

    private List<String> rows(String table, String company) {
        return jdbc.queryForList("select row_to_json(t)::text from " + table + " t where company_id = ? order by id",
                String.class, company);
    }

    private long count(String table, String company) {
        return jdbc.queryForObject("select count(*) from " + table + " where company_id = ?", Long.class, company);
    }

    private static String fill(String template, Map<String, String> values) {
        String result = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            result = result.replace(value.getKey(), value.getValue());
        }
        return result;
    }

    /** The seed's example request, with the caller's debt. */
    private static String followup(Consumer<ObjectNode> edit) {
        ObjectNode body = JSON.createObjectNode()
                .put("debt_id", "{debt}")
                .put("type", "call")
                .put("status", "scheduled")
                .put("scheduled_at", "2024-01-25T10:00:00Z")
                .put("summary", "Follow-up call to discuss payment plan")
                .put("notes", "Customer previously expressed interest in monthly payment schedule");
        edit.accept(body);
        return JSON.writeValueAsString(body);
    }

    /** GetBill's create-debt example (https://docs.getbill.io/api-reference/debts/create-debt), with a fresh internal_id. */
    private static String debt(Consumer<ObjectNode> edit) {
        ObjectNode body = JSON.createObjectNode()
                .put("internal_id", "{ref}")
                .put("firstname", "Maria")
                .put("lastname", "Silva")
                .put("phone", "+5511999998888")
                .put("email", "maria@example.com");
        body.put("amount", new java.math.BigDecimal("1500.00"));
        body.put("currency", "BRL").put("due_date", "2024-02-01");
        edit.accept(body);
        return JSON.writeValueAsString(body);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "<no body>";
        }
        return text.length() <= 600 ? text : text.substring(0, 600) + "...(" + text.length() + " chars)";
    }

    private static BadCase createFollowup(String name, String body, int status, String key) {
        return withKey(new BadCase("POST /followups: " + name, "POST", FOLLOWUPS, JSON_TYPE, body, status, Map.of(), false), key);
    }

    private static BadCase createDebt(String name, String body, int status, String key) {
        return withKey(new BadCase("POST /debts: " + name, "POST", DEBTS, JSON_TYPE, body, status, Map.of(), false), key);
    }

    private static BadCase update(String method, String name, String body, int status, String key) {
        return withKey(new BadCase(method + " /followups/{id}: " + name, method, ONE, JSON_TYPE, body, status, Map.of(), false), key);
    }

    private static BadCase get(String name, String path, int status, String key) {
        return withKey(new BadCase("GET " + name, "GET", path, null, null, status, Map.of(), false), key);
    }

    private static BadCase withKey(BadCase c, String key) {
        return key == null ? c : c.keys(key);
    }
}
