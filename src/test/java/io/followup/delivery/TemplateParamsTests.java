package io.followup.delivery;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateParamsTests {

    private static final Map<String, String> LEAD = Map.of(
            "first_name", "Ana",
            "last_name", "Souza",
            "name", "Ana Souza",
            "phone", "+55 11 98765-4321",
            "email", "ana@example.com",
            "company", "Acme");

    @Test
    void resolvesTheDocumentedPlaceholders() {
        List<String> resolved = TemplateParams.resolve(List.of(
                "{{LEAD_FIRSTNAME}}", "{{LEAD_LASTNAME}}", "{{LEAD_NAME}}", "{{LEAD_PHONE}}", "{{LEAD_EMAIL}}"), LEAD);

        assertThat(resolved).containsExactly("Ana", "Souza", "Ana Souza", "+55 11 98765-4321", "ana@example.com");
    }

    @Test
    void anyLeadPlaceholderReadsTheLowerCasedKey() {
        assertThat(TemplateParams.resolve(List.of("{{LEAD_COMPANY}}", "{{LEAD_FIRST_NAME}}"), LEAD))
                .containsExactly("Acme", "Ana");
    }

    @Test
    void keepsLiteralTextAroundAndBetweenPlaceholders() {
        assertThat(TemplateParams.resolve(List.of("Olá, {{LEAD_FIRSTNAME}} {{ LEAD_LASTNAME }}!", "no placeholder here"), LEAD))
                .containsExactly("Olá, Ana Souza!", "no placeholder here");
    }

    @Test
    void valuesAreInsertedLiterally() {
        assertThat(TemplateParams.resolve(List.of("{{LEAD_FIRSTNAME}}"), Map.of("first_name", "R$ 10 \\o/ {{x}}")))
                .containsExactly("R$ 10 \\o/ {{x}}");
    }

    @Test
    void findsCamelCaseLeadKeys() {
        assertThat(TemplateParams.resolve(List.of("{{LEAD_FIRSTNAME}}"), Map.of("firstName", "Bia")))
                .containsExactly("Bia");
    }

    @Test
    void numberedPlaceholdersAreNotLeadData() {
        assertThat(TemplateParams.resolve(List.of("code {{1}}"), LEAD)).containsExactly("code {{1}}");
    }

    @Test
    void aMissingValueIsAPermanentFailureNamingThePlaceholder() {
        assertThatThrownBy(() -> TemplateParams.resolve(List.of("Hi {{LEAD_FIRSTNAME}}"), Map.of("phone", "5511987654321")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.isRetryable()).isFalse())
                .hasMessage("Template parameter {{LEAD_FIRSTNAME}} has no value in the lead data");
    }

    @Test
    void aBlankValueCountsAsMissing() {
        assertThatThrownBy(() -> TemplateParams.resolve(List.of("{{LEAD_EMAIL}}"), Map.of("email", "   ")))
                .isInstanceOf(DeliveryException.class)
                .hasMessage("Template parameter {{LEAD_EMAIL}} has no value in the lead data");
    }

    @Test
    void noLeadDataAtAllFailsAPlaceholder() {
        assertThatThrownBy(() -> TemplateParams.resolve(List.of("{{LEAD_NAME}}"), null))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("{{LEAD_NAME}}");
    }

    @Test
    void noParamsResolveToNone() {
        assertThat(TemplateParams.resolve(null, LEAD)).isEmpty();
        assertThat(TemplateParams.resolve(List.of(), LEAD)).isEmpty();
        assertThat(TemplateParams.resolve(Arrays.asList("a", null), LEAD)).containsExactly("a", "");
    }

    @Test
    void destinationIsTheLeadPhoneAsDigits() {
        assertThat(TemplateParams.destination(Map.of("phone", "+55 (11) 98765-4321"))).isEqualTo("5511987654321");
        assertThat(TemplateParams.destination(Map.of("phone", "5511987654321"))).isEqualTo("5511987654321");
    }

    @Test
    void noPhoneIsAPermanentFailure() {
        assertThatThrownBy(() -> TemplateParams.destination(Map.of("first_name", "Ana")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.isRetryable()).isFalse())
                .hasMessageContaining("no phone number");
        assertThatThrownBy(() -> TemplateParams.destination(null)).isInstanceOf(DeliveryException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+55", "12345", "not a number", "+55 11 98765-4321 98765-4321"})
    void aPhoneThatIsNotAnInternationalNumberIsAPermanentFailure(String phone) {
        assertThatThrownBy(() -> TemplateParams.destination(Map.of("phone", phone)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.isRetryable()).isFalse())
                .hasMessageContaining("not an international number");
    }
}
