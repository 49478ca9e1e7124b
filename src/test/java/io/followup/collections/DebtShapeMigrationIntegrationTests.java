package io.followup.collections;

import java.util.List;
import java.util.Map;

import io.followup.support.ScratchDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** V11 on a database with debts of the old shape: names split, references kept, phones cleaned, debtors made. */
class DebtShapeMigrationIntegrationTests {

    @Test
    void oldDebtsMoveToGetBillsShapeAndGetTheirDebtors() {
        try (ScratchDatabase db = ScratchDatabase.create("v11", 2, "10")) {
            JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
            long john = oldDebt(jdbc, "acme", "R1", "John Doe", "+55 (11) 99999-8888", null);
            long jean = oldDebt(jdbc, "acme", "R2", "  Jean   Paul  Sartre ", "+5511999998888", "jp@example.com");
            long madonna = oldDebt(jdbc, "acme", "R3", "Madonna", null, "M@Example.com");
            long sameEmail = oldDebt(jdbc, "acme", "R4", "Louise Ciccone", null, "m@example.com");
            long nobody = oldDebt(jdbc, "acme", "R5", "No Contact", null, null);
            long elsewhere = oldDebt(jdbc, "other", "R1", "John Doe", "+5511999998888", null);
            jdbc.update("INSERT INTO debt_followup (company_id, debt_id, type, status, processed_at, created_at, updated_at) "
                    + "VALUES ('acme', ?, 'call', 'sent', now(), now(), now())", john);

            db.migrateTo("11");

            assertThat(debt(jdbc, john)).containsEntry("internal_id", "R1").containsEntry("firstname", "John")
                    .containsEntry("lastname", "Doe").containsEntry("phone", "+5511999998888").containsEntry("status", "pending");
            assertThat(debt(jdbc, jean)).as("the last word is the last name; spaces collapse")
                    .containsEntry("firstname", "Jean Paul").containsEntry("lastname", "Sartre");
            assertThat(debt(jdbc, madonna)).as("a one-word name is a last name")
                    .containsEntry("firstname", "").containsEntry("lastname", "Madonna");
            assertThat(debtor(jdbc, john)).as("same phone, same debtor").isEqualTo(debtor(jdbc, jean));
            assertThat(debtor(jdbc, madonna)).as("same email in any case, same debtor").isEqualTo(debtor(jdbc, sameEmail));
            assertThat(List.of(debtor(jdbc, john), debtor(jdbc, madonna), debtor(jdbc, nobody), debtor(jdbc, elsewhere)))
                    .as("one debtor each otherwise, and never across companies").doesNotHaveDuplicates();
            assertThat(jdbc.queryForObject("SELECT company_id FROM debtor WHERE id = ?", String.class, debtor(jdbc, elsewhere)))
                    .isEqualTo("other");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM debt_followup WHERE debt_id = ?", Long.class, john)).isOne();

            // a debt without phone or email stays readable, but none can be written so from now on
            assertThatThrownBy(() -> jdbc.update("UPDATE debt SET amount = 2 WHERE id = ?", nobody))
                    .hasMessageContaining("ck_debt_phone_or_email");
            // internal_id stays unique per company
            assertThatThrownBy(() -> jdbc.update("UPDATE debt SET internal_id = 'R1' WHERE id = ?", jean))
                    .hasMessageContaining("uq_debt_company_internal_id");
        }
    }

    private static long oldDebt(JdbcTemplate jdbc, String company, String reference, String name, String phone, String email) {
        return jdbc.queryForObject("""
                INSERT INTO debt (company_id, external_reference, debtor_name, debtor_phone, debtor_email, amount, currency,
                                  created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, 10, 'BRL', now(), now()) RETURNING id""", Long.class, company, reference, name, phone, email);
    }

    private static Map<String, Object> debt(JdbcTemplate jdbc, long id) {
        return jdbc.queryForMap("SELECT internal_id, firstname, lastname, phone, email, status FROM debt WHERE id = ?", id);
    }

    private static long debtor(JdbcTemplate jdbc, long debt) {
        return jdbc.queryForObject("SELECT debtor_id FROM debt WHERE id = ?", Long.class, debt);
    }
}
