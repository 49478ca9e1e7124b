package io.followup.collections;

import java.sql.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a debt's follow-ups say about it, for GetBill's debt object: {@code followups_count} (all of them),
 * {@code nb_reminders} (outbound ones that went out: sent, delivered, no_answer or a conversation),
 * {@code nb_answered} (those where the debtor talked: deal_found, deal_not_found, bad_behavior, or any inbound
 * one that did not fail), {@code summary} (the latest follow-up's summary) and {@code contacts} (the other
 * numbers follow-ups used). One pair of grouped reads for a whole page of debts.
 */
@Component
class DebtActivity {

    /** One debt's figures; {@code numbers} are all the numbers its follow-ups used, the debt's own phone too. */
    record Figures(long followups, long reminders, long answered, String summary, List<Contact> numbers) {

        static final Figures NONE = new Figures(0, 0, 0, null, List.of());

        /**
         * The contacts of a debt with this phone: the other numbers. Kept apart from the read so that one read serves a
         * debt before and after its phone changes.
         */
        List<Contact> contactsOtherThan(String phone) {
            return numbers.stream().filter(contact -> !contact.phone().equals(phone)).toList();
        }
    }

    /** A number the debt's follow-ups used other than the debt's own phone. */
    record Contact(String phone, @com.fasterxml.jackson.annotation.JsonProperty("followups_count") long followups) {
    }

    private static final String OUT = "('sent', 'delivered', 'no_answer', 'deal_found', 'deal_not_found', 'bad_behavior')";
    private static final String TALKED = "('deal_found', 'deal_not_found', 'bad_behavior')";

    private final JdbcTemplate jdbc;

    DebtActivity(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Figures of(Debt debt) {
        return of(List.of(debt)).getOrDefault(debt.getId(), Figures.NONE);
    }

    /** The figures of each of {@code debts} that has follow-ups. */
    Map<Long, Figures> of(Collection<Debt> debts) {
        if (debts.isEmpty()) {
            return Map.of();
        }
        Long[] ids = debts.stream().map(Debt::getId).toArray(Long[]::new);
        Map<Long, List<Contact>> contacts = new HashMap<>();
        query("""
                SELECT debt_id, phone_number_used, count(*) FROM debt_followup
                WHERE debt_id = ANY (?) AND phone_number_used IS NOT NULL GROUP BY debt_id, phone_number_used
                ORDER BY debt_id, count(*) DESC, phone_number_used""", ids, rs -> {
            contacts.computeIfAbsent(rs.getLong(1), d -> new ArrayList<>()).add(new Contact(rs.getString(2), rs.getLong(3)));
        });
        Map<Long, Figures> figures = new HashMap<>();
        query("""
                SELECT debt_id, count(*),
                       count(*) FILTER (WHERE status IN %s AND coalesce(direction, 'outbound') = 'outbound'),
                       count(*) FILTER (WHERE status IN %s OR (direction = 'inbound' AND status NOT IN ('failed', 'cancelled'))),
                       (array_agg(summary ORDER BY coalesce(call_date, scheduled_at, processed_at) DESC, id DESC)
                            FILTER (WHERE summary IS NOT NULL))[1]
                FROM debt_followup WHERE debt_id = ANY (?) GROUP BY debt_id""".formatted(OUT, TALKED), ids, rs -> {
            long debt = rs.getLong(1);
            figures.put(debt, new Figures(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                    List.copyOf(contacts.getOrDefault(debt, List.of()))));
        });
        return figures;
    }

    private void query(String sql, Long[] ids, org.springframework.jdbc.core.RowCallbackHandler rows) {
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(sql);
            Array array = connection.createArrayOf("bigint", ids);
            statement.setArray(1, array);
            return statement;
        }, rows);
    }
}
