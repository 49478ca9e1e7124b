package io.followup.debtors;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code debtor} table, and the figures of a debtor's debts, in plain SQL (the table has no entity). */
@Repository
class DebtorRepository {

    private static final String COLUMNS = "id, first_name, last_name, email, phone, address, date_of_birth, first_seen_at, last_seen_at, updated_at";

    private final JdbcTemplate jdbc;

    DebtorRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The company's debtors, newest first. */
    Page<Debtor> page(String companyId, Pageable page) {
        long total = jdbc.queryForObject("SELECT count(*) FROM debtor WHERE company_id = ?", Long.class, companyId);
        List<Debtor> rows = total <= page.getOffset() ? List.of()
                : jdbc.query("SELECT " + COLUMNS + " FROM debtor WHERE company_id = ? ORDER BY id DESC LIMIT ? OFFSET ?",
                        DebtorRepository::debtor, companyId, page.getPageSize(), page.getOffset());
        return new PageImpl<>(rows, page, total);
    }

    Optional<Debtor> find(String companyId, long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM debtor WHERE id = ? AND company_id = ?", DebtorRepository::debtor, id, companyId)
                .stream().findFirst();
    }

    void update(long id, DebtorChanges changes, Instant now) {
        jdbc.update("""
                UPDATE debtor SET first_name = coalesce(?, first_name), last_name = coalesce(?, last_name), email = coalesce(?, email),
                       phone = coalesce(?, phone), address = coalesce(?, address), date_of_birth = coalesce(?, date_of_birth),
                       updated_at = ?, version = version + 1
                WHERE id = ?""", changes.firstName(), changes.lastName(), changes.email(), changes.phone(), changes.address(),
                changes.dateOfBirth(), Timestamp.from(now), id);
    }

    /** The debtor's debts by currency, the main currency first (most debts; on a tie, the newest debt's). */
    DebtorTotals totals(String companyId, long debtorId) {
        return DebtorTotals.of(jdbc.query("""
                SELECT currency, count(*) AS debts, count(*) FILTER (WHERE status = 'paid') AS paid_debts,
                       sum(amount) AS total, coalesce(sum(amount) FILTER (WHERE status = 'paid'), 0) AS paid
                FROM debt WHERE debtor_id = ? AND company_id = ?
                GROUP BY currency ORDER BY count(*) DESC, max(id) DESC""",
                (rs, n) -> new DebtorTotals.CurrencyTotals(rs.getString("currency"), rs.getLong("debts"), rs.getLong("paid_debts"),
                        rs.getBigDecimal("total").setScale(2), rs.getBigDecimal("paid").setScale(2)),
                debtorId, companyId));
    }

    private static Debtor debtor(ResultSet rs, int row) throws SQLException {
        return new Debtor(rs.getLong("id"), rs.getString("first_name"), rs.getString("last_name"), rs.getString("email"),
                rs.getString("phone"), rs.getString("address"), rs.getObject("date_of_birth", LocalDate.class),
                instant(rs, "first_seen_at"), instant(rs, "last_seen_at"), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
