package io.followup.debtors;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.followup.support.ApiResponse;
import io.followup.support.IntegrationTest;
import io.followup.web.InvalidRequestException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed requests to the debtor endpoints: each gets the exact 4xx in the external error envelope, {@code details}
 * naming the field at fault with its message, and writes nothing. Each case runs in a company of its own that owns one
 * debtor; another company owns one too.
 */
class DebtorBadInputIntegrationTests extends IntegrationTest {

    private static final String FAILED = InvalidRequestException.MESSAGE;
    private static final String DOB = DebtorRequestValidator.DATE_OF_BIRTH;

    /**
     * One bad request. {@code path} may hold {own} (the caller's debtor), {other} (another company's), {tampered} (the
     * caller's with one character changed) and {debt} (the caller's debt ID, a valid ID of another type).
     */
    record BadCase(String name, String method, String path, String contentType, String body, int status, String message,
            Map<String, String> details) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<BadCase> cases() {
        return Stream.of(
                put("firstName a number", "{\"firstName\":123}", FAILED, Map.of("firstName", "Must be a string")),
                put("phone a boolean", "{\"phone\":true}", FAILED, Map.of("phone", "Must be a string")),
                put("dateOfBirth a number", "{\"dateOfBirth\":19850315}", FAILED, Map.of("dateOfBirth", "Must be a string")),
                put("address an object", "{\"address\":{\"city\":\"Paris\"}}", FAILED, Map.of("address", "Must be a string")),
                put("an array body", "[{\"firstName\":\"John\"}]", FAILED, Map.of("body", "Request body must be a JSON object")),
                put("an unknown field", "{\"first_name\":\"John\"}", FAILED, Map.of("first_name", "Unknown field")),
                put("a debt field", "{\"civility\":\"Mr\"}", FAILED, Map.of("civility", "Unknown field")),
                put("bad email", "{\"email\":\"john.example.com\"}", FAILED, Map.of("email", DebtorRequestValidator.EMAIL_INVALID)),
                put("email with spaces", "{\"email\":\"john doe@example.com\"}", FAILED, Map.of("email", DebtorRequestValidator.EMAIL_INVALID)),
                put("national phone", "{\"phone\":\"0612345678\"}", FAILED, Map.of("phone", DebtorPhones.INVALID)),
                put("too short a phone", "{\"phone\":\"+331\"}", FAILED, Map.of("phone", DebtorPhones.INVALID)),
                put("letters for a phone", "{\"phone\":\"+33 six\"}", FAILED, Map.of("phone", DebtorPhones.INVALID)),
                put("dateOfBirth in another format", "{\"dateOfBirth\":\"15/03/1985\"}", DOB, Map.of("dateOfBirth", DOB)),
                put("dateOfBirth not a day", "{\"dateOfBirth\":\"1985-02-30\"}", DOB, Map.of("dateOfBirth", DOB)),
                put("dateOfBirth with a time", "{\"dateOfBirth\":\"1985-03-15T00:00:00Z\"}", DOB, Map.of("dateOfBirth", DOB)),
                put("dateOfBirth in year 0", "{\"dateOfBirth\":\"0000-01-01\"}", DOB, Map.of("dateOfBirth", DOB)),
                put("blank firstName", "{\"firstName\":\"   \"}", FAILED, Map.of("firstName", "firstName must not be blank")),
                put("blank address", "{\"address\":\"\"}", FAILED, Map.of("address", "address must not be blank")),
                put("oversize firstName", "{\"firstName\":\"" + "x".repeat(201) + "\"}", FAILED,
                        Map.of("firstName", "firstName must be at most 200 characters")),
                put("oversize lastName", "{\"lastName\":\"" + "x".repeat(201) + "\"}", FAILED,
                        Map.of("lastName", "lastName must be at most 200 characters")),
                put("oversize address", "{\"address\":\"" + "x".repeat(501) + "\"}", FAILED,
                        Map.of("address", "address must be at most 500 characters")),
                put("oversize email", "{\"email\":\"" + "x".repeat(243) + "@example.com\"}", FAILED,
                        Map.of("email", DebtorRequestValidator.EMAIL_INVALID)),
                put("every problem at once", "{\"email\":\"nope\",\"dateOfBirth\":\"1985\",\"firstName\":1,\"extra\":true}", FAILED,
                        Map.of("email", DebtorRequestValidator.EMAIL_INVALID, "dateOfBirth", DOB, "firstName", "Must be a string",
                                "extra", "Unknown field")),
                new BadCase("a bad body names the field even for another company's debtor", "PUT", "/{other}", "application/json",
                        "{\"phone\":\"nope\"}", 400, FAILED, Map.of("phone", DebtorPhones.INVALID)),
                new BadCase("PATCH with a bad date", "PATCH", "/{own}", "application/json", "{\"dateOfBirth\":\"85-03-15\"}", 400, DOB,
                        Map.of("dateOfBirth", DOB)),
                new BadCase("not JSON", "PUT", "/{own}", "text/plain", "firstName=John", 415,
                        "Unsupported content type; send application/json", Map.of("Content-Type", "Must be application/json")),
                notFound("GET", "/{other}"), notFound("PUT", "/{other}"), notFound("PATCH", "/{other}"),
                notFound("GET", "/{tampered}"), notFound("PUT", "/{tampered}"),
                notFound("GET", "/{debt}"), notFound("PUT", "/{debt}"),
                notFound("GET", "/not-an-id"), notFound("GET", "/" + "A".repeat(32)), notFound("GET", "/%20"), notFound("PUT", "/%20"),
                new BadCase("a NUL in the ID (the firewall's refusal)", "GET", "/abc%00def", null, null, 400, "Bad Request", Map.of()),
                list("?status=active", keys("status")),
                list("?page=0", Map.of("page", "page must be 1 or more")),
                list("?limit=101", Map.of("limit", "limit must be between 1 and 100")),
                list("?limit=ten", Map.of("limit", "Must be a whole number")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedNamingTheFieldAndWritesNothing(BadCase bad) {
        String company = "debtor-bad-" + UUID.randomUUID();
        String other = "debtor-bad-other-" + UUID.randomUUID();
        DebtorCalls calls = new DebtorCalls(api, tokens);
        JsonNode debt = calls.debt(company, "+33612345678", "john.doe@example.com", "100.00", "EUR");
        String own = debt.get("debtor_id").asString();
        String path = DebtorCalls.DEBTORS + bad.path()
                .replace("{own}", own)
                .replace("{other}", calls.debtorOf(other, "+33612345678", null))
                .replace("{tampered}", tampered(own))
                .replace("{debt}", debt.get("id").asString());
        String before = rows(company, other);

        var request = api.request(bad.method(), path).token(tokens.external(company));
        if (bad.body() != null) {
            request.header("Content-Type", bad.contentType()).body(bad.body());
        }
        ApiResponse response = request.send();

        assertThat(response.status()).as(response.toString()).isEqualTo(bad.status());
        JsonNode body = response.json();
        assertThat(body.propertyNames()).as(response.toString()).containsExactlyInAnyOrder("error", "message", "code", "details");
        assertThat(body.get("error").booleanValue()).isTrue();
        assertThat(body.get("code").asInt()).isEqualTo(bad.status());
        assertThat(body.get("message").asString()).as(response.toString()).isEqualTo(bad.message());
        assertThat(body.get("details").propertyNames()).as(response.toString()).containsExactlyInAnyOrderElementsOf(bad.details().keySet());
        bad.details().forEach((field, message) -> {
            if (message != null) {
                assertThat(body.get("details").get(field).asString()).as(field).isEqualTo(message);
            }
        });
        assertThat(rows(company, other)).as("nothing written").isEqualTo(before);
    }

    private static BadCase put(String name, String body, String message, Map<String, String> details) {
        return new BadCase(name, "PUT", "/{own}", "application/json", body, 400, message, details);
    }

    private static BadCase notFound(String method, String path) {
        return new BadCase(method + " " + path, method, path, "application/json", method.equals("GET") ? null : "{\"firstName\":\"Eve\"}",
                404, "Debtor not found", Map.of());
    }

    private static BadCase list(String query, Map<String, String> details) {
        return new BadCase("list " + query, "GET", query, null, null, 400, FAILED, new java.util.HashMap<>(details));
    }

    private static Map<String, String> keys(String... fields) {
        Map<String, String> any = new java.util.HashMap<>();
        for (String field : fields) {
            any.put(field, null);
        }
        return any;
    }

    /** The same ID with one character changed: it must fail to decrypt, never name another row. */
    private static String tampered(String id) {
        char c = id.charAt(10);
        return id.substring(0, 10) + (c == 'A' ? 'B' : 'A') + id.substring(11);
    }

    private String rows(String... companies) {
        return jdbc.queryForObject("""
                SELECT concat_ws(' | ', (SELECT count(*) FROM debtor), (SELECT count(*) FROM debt),
                  (SELECT md5(coalesce(string_agg(row_to_json(r)::text, ',' ORDER BY id), '')) FROM debtor r WHERE company_id IN (?, ?)),
                  (SELECT md5(coalesce(string_agg(row_to_json(d)::text, ',' ORDER BY id), '')) FROM debt d WHERE company_id IN (?, ?)))""",
                String.class, companies[0], companies[1], companies[0], companies[1]);
    }
}
