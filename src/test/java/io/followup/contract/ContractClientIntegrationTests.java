package io.followup.contract;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.followup.contract.api.ApiClientsApi;
import io.followup.contract.api.DebtsApi;
import io.followup.contract.api.OAuth20Api;
import io.followup.contract.api.FollowUpConfigurationsApi;
import io.followup.contract.api.FollowupsApi;
import io.followup.contract.api.LeadEventsAndEnrollmentsApi;
import io.followup.contract.model.ClientSecretResponse;
import io.followup.contract.model.ConfigResponse;
import io.followup.contract.model.CreateApiClientRequest;
import io.followup.contract.model.CreateConfigRequest;
import io.followup.contract.model.CreateDebtRequest;
import io.followup.contract.model.EnrollmentResponse;
import io.followup.contract.model.EnrollmentStep;
import io.followup.contract.model.EventResult;
import io.followup.contract.model.ExternalPageFollowupDetailsResponse;
import io.followup.contract.model.Debt;
import io.followup.contract.model.DebtBatchRequest;
import io.followup.contract.model.DebtBatchRequestRow;
import io.followup.contract.model.DebtBatchResult;
import io.followup.contract.model.ExternalResponseDebt;
import io.followup.contract.model.UpdateDebtRequest;
import io.followup.contract.model.ExternalResponseFollowupResponse;
import io.followup.contract.model.FollowupDetailsResponse;
import io.followup.contract.model.FollowupRequest;
import io.followup.contract.model.FollowupResponse;
import io.followup.contract.model.FollowupUpdateRequest;
import io.followup.contract.model.LeadEventRequest;
import io.followup.contract.model.PageBodyEnrollmentResponse;
import io.followup.contract.model.ReportLeadEventsRequest;
import io.followup.contract.model.StepBody;
import io.followup.contract.model.TokenResponse;
import io.followup.contract.model.UpdateConfigRequest;
import io.followup.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Both surfaces walked with nothing but the Java client openapi-generator makes from the committed
 * OpenAPI snapshot (see the pom): if the document does not describe what the service answers (a status,
 * a null where it promised a value, a field name), the generated client fails here.
 */
class ContractClientIntegrationTests extends IntegrationTest {

    @LocalServerPort
    private int port;

    @Test
    void backendWalk() throws ApiException {
        UUID tenant = UUID.randomUUID();
        UUID assistant = UUID.randomUUID();
        UUID trigger = UUID.randomUUID();
        ApiClient client = client(tokens.backend(tenant));
        FollowUpConfigurationsApi configs = new FollowUpConfigurationsApi(client);
        LeadEventsAndEnrollmentsApi events = new LeadEventsAndEnrollmentsApi(client);

        ApiResponse<ConfigResponse> created = configs.createFollowupConfigWithHttpInfo(new CreateConfigRequest()
                .assistantId(assistant)
                .triggerStatusIds(Set.of(trigger))
                .steps(List.of(new StepBody().interval("PT30M").prompt("Friendly follow-up message"))));

        assertThat(created.getStatusCode()).isEqualTo(201);
        ConfigResponse config = created.getData();
        assertThat(created.getHeaders().get("location")).containsExactly("/backend/followup/configs/" + config.getId());
        assertThat(created.getHeaders().get("etag")).containsExactly("\"0\"");
        assertThat(config.getTenantId()).isEqualTo(tenant);
        assertThat(config.getIsActive()).isTrue();
        assertThat(configs.getFollowupConfigByAssistant(assistant).getId()).isEqualTo(config.getId());
        assertThat(configs.listFollowupConfigsOfTenant(tenant, 0, 20).getItems()).extracting(ConfigResponse::getId)
                .containsExactly(config.getId());

        var answer = events.reportLeadEvents(new ReportLeadEventsRequest(new LeadEventRequest()
                .eventId(UUID.randomUUID().toString())
                .type(LeadEventRequest.TypeEnum.LEAD_STATUS_CHANGED)
                .assistantId(assistant)
                .leadId("lead-1")
                .channelId("channel-1")
                .statusId(trigger)
                // now on the service's clock, so the first step waits its 30 minutes while the test reads it
                .occurredAt(clock.instant().atOffset(ZoneOffset.UTC))
                .putLeadItem("first_name", "Maria")));
        EventResult result = answer.getEventResult();
        assertThat(result.getStatus()).isEqualTo(EventResult.StatusEnum.PROCESSED);
        assertThat(result.getOutcome()).isEqualTo(EventResult.OutcomeEnum.ENROLLED);

        EnrollmentResponse enrollment = events.getEnrollment(result.getEnrollmentId());
        assertThat(enrollment.getStatus()).isEqualTo(EnrollmentResponse.StatusEnum.ACTIVE);
        assertThat(enrollment.getStopReason()).isNull();
        assertThat(enrollment.getFinishedAt()).isNull();
        assertThat(enrollment.getConfigId()).isEqualTo(config.getId());
        assertThat(enrollment.getSteps()).singleElement().satisfies(step -> {
            assertThat(step.getState()).isEqualTo(EnrollmentStep.StateEnum.SCHEDULED);
            assertThat(step.getSentAt()).isNull();
            assertThat(step.getDueAt()).isNotNull();
        });
        PageBodyEnrollmentResponse listed = events.listEnrollments(assistant, "lead-1", "active", 0, 20);
        assertThat(listed.getItems()).extracting(EnrollmentResponse::getId).containsExactly(enrollment.getId());

        ConfigResponse updated = configs.updateFollowupConfig(config.getId(), new UpdateConfigRequest().isActive(false), "\"0\"");
        assertThat(updated.getIsActive()).isFalse();

        // The generated DELETE sends "Accept: application/problem+json" (its only documented body is the error):
        // the service must still answer 204, and 412/404 as problem details, not 406.
        FollowUpConfigurationsApi deleting = configs;
        assertThatExceptionOfType(ApiException.class)
                .isThrownBy(() -> deleting.deleteFollowupConfig(config.getId(), "\"0\""))
                .satisfies(ex -> assertThat(ex.getCode()).isEqualTo(412));
        ApiResponse<Void> deleted = configs.deleteFollowupConfigWithHttpInfo(config.getId(), "\"1\"");
        assertThat(deleted.getStatusCode()).isEqualTo(204);
        assertThatExceptionOfType(ApiException.class)
                .isThrownBy(() -> deleting.getFollowupConfig(config.getId()))
                .satisfies(ex -> {
                    assertThat(ex.getCode()).isEqualTo(404);
                    assertThat(ex.getResponseHeaders().firstValue("Content-Type")).hasValue("application/problem+json");
                });
    }

    @Test
    void externalWalk() throws ApiException {
        ApiClient client = client(tokens.external("company-" + UUID.randomUUID()));
        DebtsApi debts = new DebtsApi(client);
        FollowupsApi followups = new FollowupsApi(client);

        ApiResponse<ExternalResponseDebt> createdDebt = debts.createDebtWithHttpInfo(new CreateDebtRequest()
                .internalId("INV-" + UUID.randomUUID())
                .firstname("Maria")
                .lastname("Silva")
                .phone("+5511999998888")
                .amount(new BigDecimal("1500.00"))
                .currency("BRL")
                .dueDate(LocalDate.parse("2024-02-01")), UUID.randomUUID().toString());
        assertThat(createdDebt.getStatusCode()).isEqualTo(201);
        String debtId = createdDebt.getData().getData().getId();
        assertThat(createdDebt.getHeaders().get("location")).containsExactly("/external-api/v1/debts/" + debtId);
        assertThat(createdDebt.getHeaders()).containsKeys("x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset");
        assertThat(createdDebt.getData().getData().getEmail()).isNull();
        assertThat(debts.getDebt(debtId).getData().getDueDate()).isEqualTo(LocalDate.parse("2024-02-01"));
        Debt updatedDebt = debts.updateDebt(debtId, new UpdateDebtRequest().city("Recife")
                .status(UpdateDebtRequest.StatusEnum.STATUS_DEFAULT_PAID)).getData();
        assertThat(updatedDebt.getCity()).isEqualTo("Recife");
        assertThat(updatedDebt.getStatus()).isEqualTo(Debt.StatusEnum.STATUS_DEFAULT_PAID);
        assertThat(debts.listDebts("paid", "BRL", "1000", null, "2024-01-01", null, null, null, 1, 20).getData())
                .extracting(Debt::getId).containsExactly(debtId);
        assertThat(debts.listDebtsByDebtor(updatedDebt.getDebtorId(), null, null, null, null, null, null, null, null, 1, 20)
                .getPagination().getTotal()).isEqualTo(1);
        DebtBatchResult batch = debts.batchCreateDebts(new DebtBatchRequest().addDebtsItem(new DebtBatchRequestRow().tempId("t-1")
                .firstname("Ana").lastname("Lima").email("ana@example.com").amount(new BigDecimal("10.00")).currency("EUR")), null).getData();
        assertThat(batch.getSummary().getCreated()).isEqualTo(1);
        assertThat(batch.getCreated().get(0).getTempId()).isEqualTo("t-1");
        assertThat(debts.deleteDebt(batch.getCreated().get(0).getDebtId()).getMessage()).isEqualTo("Debt deleted successfully");

        ApiResponse<ExternalResponseFollowupResponse> createdFollowup = followups.createFollowupWithHttpInfo(new FollowupRequest()
                .debtId(debtId)
                .type(FollowupRequest.TypeEnum.CALL)
                .status(FollowupRequest.StatusEnum.SCHEDULED)
                .scheduledAt(OffsetDateTime.parse("2024-01-25T10:00:00Z"))
                .summary("Follow-up call to discuss payment plan"), null);
        assertThat(createdFollowup.getStatusCode()).isEqualTo(201);
        FollowupResponse followup = createdFollowup.getData().getData();
        assertThat(createdFollowup.getData().getMessage()).isEqualTo("Followup created successfully");
        assertThat(followup.getDebtId()).isEqualTo(debtId);
        assertThat(followup.getCallDate()).isNull();
        assertThat(followup.getDurationMs()).isNull();
        assertThat(followup.getIsRetry()).isFalse();

        ExternalPageFollowupDetailsResponse page = followups.listFollowups(debtId, "scheduled", "call", null, null, 1, 20);
        assertThat(page.getData()).extracting(FollowupDetailsResponse::getId).containsExactly(followup.getId());
        assertThat(page.getData().get(0).getEmailOpened()).isFalse();
        assertThat(page.getData().get(0).getEmailOpenCount()).isZero();
        assertThat(page.getData().get(0).getMediaUrlsExpireAt()).isNull();
        assertThat(page.getPagination().getTotal()).isEqualTo(1);
        assertThat(followups.listFollowupsOfDebt(debtId, 1, 20).getData()).hasSize(1);

        FollowupDetailsResponse patched = followups.patchFollowup(followup.getId(), new FollowupUpdateRequest()
                .status(FollowupUpdateRequest.StatusEnum.NO_ANSWER)
                .callDate(OffsetDateTime.parse("2024-01-25T10:02:00Z"))
                .durationMs(45_000L)
                .triggeredPayment(true)).getData();
        assertThat(patched.getStatus()).isEqualTo(FollowupDetailsResponse.StatusEnum.NO_ANSWER);
        assertThat(patched.getTriggeredPayment()).isTrue();
        assertThat(patched.getCallDate()).isEqualTo(OffsetDateTime.parse("2024-01-25T10:02:00Z"));
        assertThat(patched.getSummary()).isEqualTo("Follow-up call to discuss payment plan");
        FollowupDetailsResponse put = followups.updateFollowup(followup.getId(), new FollowupUpdateRequest().isRetry(true)).getData();
        assertThat(put.getIsRetry()).isTrue();
        assertThat(followups.getFollowup(followup.getId()).getData().getDurationMs()).isEqualTo(45_000L);

        assertThat(followups.createFollowup(new FollowupRequest().debtId(debtId), null).getData().getType())
                .as("only debt_id is required; type defaults to call").isEqualTo(FollowupResponse.TypeEnum.CALL);
        assertThatExceptionOfType(ApiException.class)
                .isThrownBy(() -> followups.createFollowup(new FollowupRequest().debtId(debtId).emailOpened(true), null))
                .satisfies(ex -> {
                    assertThat(ex.getCode()).isEqualTo(400);
                    assertThat(ex.getResponseBody()).contains("\"email_opened\"");
                });
    }

    /** A company admin makes an API client, the integrator trades its credentials for a token, and uses it: all generated. */
    @Test
    void apiClientWalk() throws ApiException {
        String company = "contract-" + UUID.randomUUID();
        ApiClient admin = client(tokens.sign(java.util.Map.of("company_id", company, "scope", "api-clients:admin"),
                java.time.Duration.ofHours(1)));
        ClientSecretResponse created = new ApiClientsApi(admin).createApiClient(new CreateApiClientRequest().name("Contract ERP")
                .scopes(List.of(CreateApiClientRequest.ScopesEnum.DEBTS_READ)));
        assertThat(created.getCompanyId()).isEqualTo(company);
        assertThat(created.getClientSecret()).isNotBlank();

        ApiClient anonymous = new ApiClient();
        anonymous.updateBaseUri(URI.create("http://localhost:" + port).toString());
        TokenResponse token = new OAuth20Api(anonymous).requestAccessToken("client_credentials", created.getClientId(),
                created.getClientSecret(), null);

        assertThat(token.getTokenType()).isEqualTo(TokenResponse.TokenTypeEnum.BEARER);
        assertThat(token.getScope()).isEqualTo("debts:read");
        assertThat(new DebtsApi(client(token.getAccessToken())).listDebts(null, null, null, null, null, null, null, null, 1, 20)
                .getData()).isEmpty();
        assertThatExceptionOfType(ApiException.class)
                .isThrownBy(() -> new OAuth20Api(anonymous).requestAccessToken("client_credentials", created.getClientId(), "wrong", null))
                .satisfies(refused -> {
                    assertThat(refused.getCode()).isEqualTo(401);
                    assertThat(refused.getResponseBody()).contains("\"error\":\"invalid_client\"");
                });
    }

    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(URI.create("http://localhost:" + port).toString());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }
}
