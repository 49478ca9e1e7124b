package io.followup.debtors;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import io.followup.contract.ApiClient;
import io.followup.contract.ApiException;
import io.followup.contract.api.DebtorsApi;
import io.followup.contract.model.Debtor;
import io.followup.contract.model.DebtorDetails;
import io.followup.contract.model.DebtorUpdate;
import io.followup.contract.model.ExternalPageDebtor;
import io.followup.contract.model.UpdateDebtorRequest;
import io.followup.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The debtor endpoints walked with nothing but the client openapi-generator makes from the committed OpenAPI snapshot
 * (see io.followup.contract.ContractClientIntegrationTests): a status, a null or a type the document does not promise
 * fails here. The debts behind the debtor are made over plain HTTP.
 */
class DebtorContractClientIntegrationTests extends IntegrationTest {

    @LocalServerPort
    private int port;

    @Test
    void debtorWalk() throws ApiException {
        String company = "contract-debtors-" + UUID.randomUUID();
        String id = new DebtorCalls(api, tokens).debtorOf(company, null, "maria@example.com");
        DebtorsApi debtors = new DebtorsApi(client(tokens.external(company)));

        ExternalPageDebtor page = debtors.listDebtors(1, 20);
        assertThat(page.getData()).extracting(Debtor::getId).containsExactly(id);
        assertThat(page.getData().get(0).getPhone()).isNull();
        assertThat(page.getData().get(0).getDateOfBirth()).isNull();
        assertThat(page.getPagination().getTotal()).isEqualTo(1);

        DebtorDetails read = debtors.getDebtor(id).getData().getData();
        assertThat(read.getDebtsCount()).isEqualTo(1);
        assertThat(read.getCurrency()).isEqualTo("EUR");
        assertThat(read.getAverageRepaymentScore()).isZero();
        assertThat(read.getTotalsByCurrency()).hasSize(1);

        DebtorUpdate updated = debtors.updateDebtor(id, new UpdateDebtorRequest().phone("+33699999999").dateOfBirth(LocalDate.parse("1985-03-15")))
                .getData();
        assertThat(updated.getMessage()).isEqualTo("Debtor updated successfully");
        assertThat(updated.getData().getPhone()).isEqualTo("+33699999999");
        assertThat(debtors.patchDebtor(id, new UpdateDebtorRequest().address("1 Rue de Rivoli, Paris")).getData().getData().getDateOfBirth())
                .isEqualTo(LocalDate.parse("1985-03-15"));

        assertThatExceptionOfType(ApiException.class)
                .isThrownBy(() -> debtors.getDebtor(new DebtorCalls(api, tokens).debtorOf("contract-other-" + UUID.randomUUID(), null, "x@example.com")))
                .satisfies(ex -> assertThat(ex.getCode()).isEqualTo(404));
    }

    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(URI.create("http://localhost:" + port).toString());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }
}
