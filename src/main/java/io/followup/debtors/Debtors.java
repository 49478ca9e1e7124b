package io.followup.debtors;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds the debtor of a new debt, or starts one. A debt joins the company's debtor with the same
 * {@code debtor_reference}; without one (or when no debtor has it), the debtor with the same phone (E.164),
 * then the one with the same email (case-insensitive), unless both the debt and that debtor have references and they differ;
 * otherwise it starts a new debtor. A matched debtor keeps its own details and only gains those it lacked (its
 * {@code updated_at} moves only then).
 *
 * <p>Runs in the caller's transaction. Matching is serialised per company by a transaction-scoped advisory
 * lock, so two debts of one new person created at once still make one debtor.
 */
@Component
public class Debtors {

    private final JdbcTemplate jdbc;

    Debtors(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the internal key of the debtor {@code identity} belongs to, created if need be */
    public long debtorFor(String companyId, DebtorIdentity identity, Instant now) {
        lockCompany(companyId);
        Optional<Long> match = byReference(companyId, identity.debtorReference())
                .or(() -> byContact(companyId, "phone = ?", identity.phone(), identity.debtorReference()))
                .or(() -> byContact(companyId, "lower(email) = lower(?)", identity.email(), identity.debtorReference()));
        Timestamp at = Timestamp.from(now);
        if (match.isPresent()) {
            // The SET expressions read the row as it was: updated_at moves only when a detail is gained.
            jdbc.update("""
                    UPDATE debtor SET last_seen_at = greatest(last_seen_at, ?),
                           updated_at = CASE WHEN (email IS NULL AND CAST(? AS text) IS NOT NULL) OR (phone IS NULL AND CAST(? AS text) IS NOT NULL)
                                               OR (address IS NULL AND CAST(? AS text) IS NOT NULL)
                                               OR (date_of_birth IS NULL AND CAST(? AS date) IS NOT NULL)
                                               OR (debtor_reference IS NULL AND CAST(? AS text) IS NOT NULL)
                                             THEN greatest(updated_at, ?) ELSE updated_at END,
                           email = coalesce(email, ?), phone = coalesce(phone, ?),
                           address = coalesce(address, ?), date_of_birth = coalesce(date_of_birth, ?),
                           debtor_reference = coalesce(debtor_reference, ?)
                    WHERE id = ?""", at, identity.email(), identity.phone(), identity.address(), identity.dateOfBirth(),
                    identity.debtorReference(), at, identity.email(), identity.phone(), identity.address(), identity.dateOfBirth(),
                    identity.debtorReference(), match.get());
            return match.get();
        }
        return jdbc.queryForObject("""
                INSERT INTO debtor (company_id, first_name, last_name, email, phone, address, date_of_birth, debtor_reference,
                                    first_seen_at, last_seen_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, companyId, identity.firstName(),
                identity.lastName(), identity.email(), identity.phone(), identity.address(), identity.dateOfBirth(),
                identity.debtorReference(), at, at, at);
    }

    /**
     * Serialises the company's matching and debtor updates until the transaction ends, so that a debt created while
     * a debtor's phone or email changes matches either the old record or the new one, never half of each.
     */
    void lockCompany(String companyId) {
        jdbc.query("SELECT pg_advisory_xact_lock(hashtextextended('debtor:' || ?, 0))", rs -> null, companyId);
    }

    private Optional<Long> byReference(String companyId, String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        return first(jdbc.queryForList("SELECT id FROM debtor WHERE company_id = ? AND debtor_reference = ? ORDER BY id LIMIT 1",
                Long.class, companyId, reference));
    }

    private Optional<Long> byContact(String companyId, String condition, String value, String reference) {
        if (value == null) {
            return Optional.empty();
        }
        return first(jdbc.queryForList("SELECT id FROM debtor WHERE company_id = ? AND " + condition
                + " AND (CAST(? AS text) IS NULL OR debtor_reference IS NULL OR debtor_reference = ?) ORDER BY id LIMIT 1",
                Long.class, companyId, value, reference, reference));
    }

    private static Optional<Long> first(List<Long> ids) {
        return ids.stream().findFirst();
    }
}
