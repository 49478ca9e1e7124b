package io.followup.collections;

import java.util.UUID;

import io.followup.external.PhoneNumbers;
import io.followup.support.ApiResponse;
import io.followup.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A debt in GetBill's shape: the create-debt page's values stored and echoed (https://docs.getbill.io/api-reference/debts/create-debt),
 * phones normalised to E.164, expensive destinations refused unless accepted, and debts matched to debtors.
 */
class DebtCoreIntegrationTests extends IntegrationTest {

    private static final String DEBTS = "/external-api/v1/debts";

    @Test
    void theCreatePagesValuesAreStoredAndEchoed() {
        String company = company();
        ApiResponse created = post(company, """
                {"firstname":"John","lastname":"Doe","civility":"Mr","phone":"+33123456789","email":"john.doe@example.com",
                 "amount":1250.00,"currency":"EUR","birthdate":"1985-03-15","object":"Outstanding invoice #INV-2024-001",
                 "internal_id":"DEBT-2024-001","invoice_date":"2023-12-01","due_date":"2023-12-31",
                 "address":"123 Main Street, 75001 Paris, France","iban":"FR1420041010050500013M02606","company":"Acme Corp",
                 "debtor_company":"ACME Corporation","timeline_id":"xyz789abc123","timeline_start_mode":"immediate",
                 "metadata":{"crm_id":"CRM-123","source":"website","priority":"high"},"accept_expensive_destination":true}""");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("message").asString()).isEqualTo("Debt created successfully");
        JsonNode debt = created.json().get("data");
        assertThat(debt.get("firstname").asString()).isEqualTo("John");
        assertThat(debt.get("phone").asString()).isEqualTo("+33123456789");
        assertThat(debt.get("amount").decimalValue()).isEqualByComparingTo("1250.00");
        assertThat(debt.get("amount_text").asString()).isEqualTo("1250.00");
        assertThat(debt.get("status").asString()).isEqualTo("status.default.pending");
        assertThat(debt.get("iban").asString()).isEqualTo("FR1420041010050500013M02606");
        assertThat(debt.get("metadata").get("crm_id").asString()).isEqualTo("CRM-123");
        assertThat(debt.get("nb_reminders").asLong()).isZero();
        assertThat(debt.get("followups_count").asLong()).isZero();
        assertThat(debt.get("summary").isNull()).isTrue();
        assertThat(debt.get("street_address").isNull()).isTrue();
        assertThat(debt.get("contacts").isArray()).isTrue();
        assertThat(debt.get("import_date").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?\\+00:00");

        ApiResponse read = api.request("GET", DEBTS + "/" + debt.get("id").asString()).token(tokens.external(company)).send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("message").asString()).isEqualTo("Success");
        assertThat(read.json().get("data").get("timeline_start_mode").asString()).isEqualTo("immediate");
        assertThat(read.json().get("data").get("debtor_company").asString()).isEqualTo("ACME Corporation");
    }

    @Test
    void aNationalNumberIsReadInTheDebtsCountry() {
        String company = company();
        ApiResponse created = post(company, """
                {"firstname":"Ana","lastname":"Lima","phone":"06 12 34 56 78","country":"fr","amount":10,"currency":"eur"}""");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("data").get("phone").asString()).isEqualTo("+33612345678");
        assertThat(created.json().get("data").get("currency").asString()).isEqualTo("EUR");
    }

    @Test
    void aPhoneOrAnEmailIsRequiredAndAnInvalidPhoneIsNamed() {
        String company = company();
        ApiResponse neither = post(company, """
                {"firstname":"Ana","lastname":"Lima","amount":10,"currency":"EUR"}""");
        ApiResponse national = post(company, """
                {"firstname":"Ana","lastname":"Lima","phone":"0612345678","amount":10,"currency":"EUR"}""");

        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.json().get("details").get("phone").asString()).isEqualTo(DebtRequestValidator.PHONE_OR_EMAIL);
        assertThat(national.status()).as("no country to read it in").isEqualTo(400);
        assertThat(national.json().get("details").get("phone").asString()).isEqualTo(PhoneNumbers.INVALID);
        assertThat(debts(company)).isZero();
    }

    @Test
    void aPremiumRateNumberIs422UnlessAccepted() {
        String company = company();
        String body = """
                {"firstname":"Ana","lastname":"Lima","phone":"+33899123456","amount":10,"currency":"EUR"%s}""";

        ApiResponse refused = post(company, body.formatted(""));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().get("details").get("phone").asString()).contains("accept_expensive_destination");
        assertThat(debts(company)).isZero();

        ApiResponse accepted = post(company, body.formatted(",\"accept_expensive_destination\":true"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        assertThat(accepted.json().get("data").get("accept_expensive_destination").booleanValue()).isTrue();
    }

    @Test
    void debtsOfOnePersonShareADebtorAndAnotherReferenceIsAnotherPerson() {
        String company = company();
        String first = debtorOf(post(company, person("+33612345678", null, "DEB-1")));
        String samePhone = debtorOf(post(company, person("+33 6 12 34 56 78", "jd@example.com", null)));
        String sameEmail = debtorOf(post(company, person(null, "JD@example.com", null)));
        String otherReference = debtorOf(post(company, person("+33612345678", null, "DEB-OTHER")));
        String sameReference = debtorOf(post(company, person("+33698765432", null, "DEB-OTHER")));
        String elsewhere = debtorOf(post(company(), person("+33612345678", null, null)));

        assertThat(samePhone).isEqualTo(first);
        assertThat(sameEmail).as("the first debtor gained the email").isEqualTo(first);
        assertThat(otherReference).as("the same phone under another debtor_reference").isNotEqualTo(first);
        assertThat(sameReference).isEqualTo(otherReference);
        assertThat(elsewhere).isNotEqualTo(first);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM debtor WHERE company_id = ?", Long.class, company)).isEqualTo(2);
    }

    private static String person(String phone, String email, String reference) {
        return """
                {"firstname":"John","lastname":"Doe","phone":%s,"email":%s,"debtor_reference":%s,"amount":10,"currency":"EUR"}"""
                .formatted(quoted(phone), quoted(email), quoted(reference));
    }

    private static String quoted(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }

    private static String debtorOf(ApiResponse created) {
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("data").get("debtor_id").asString();
    }

    private ApiResponse post(String company, String body) {
        return api.request("POST", DEBTS).token(tokens.external(company)).json(body).send();
    }

    private long debts(String company) {
        return jdbc.queryForObject("SELECT count(*) FROM debt WHERE company_id = ?", Long.class, company);
    }

    private static String company() {
        return "debt-core-" + UUID.randomUUID();
    }
}
