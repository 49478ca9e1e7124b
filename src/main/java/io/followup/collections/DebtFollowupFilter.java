package io.followup.collections;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.followup.ids.IdType;
import io.followup.ids.PublicIds;
import io.followup.web.FieldErrors;
import jakarta.persistence.criteria.Predicate;
import org.springframework.data.jpa.domain.Specification;

/** The optional filters of the follow-up list; each one given narrows it. */
record DebtFollowupFilter(Long debtId, FollowupStatus status, FollowupType type, Instant scheduledFrom, Instant scheduledTo) {

    private static final Pattern PLAIN_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** Reads the list filters from the query, reporting every bad one together; needs no database. */
    static DebtFollowupFilter parse(PublicIds ids, String debtId, String status, String type, String scheduledFrom, String scheduledTo) {
        FieldErrors errors = new FieldErrors();
        Long debt = null;
        if (debtId != null) {
            debt = ids.decode(IdType.DEBT, debtId).orElse(null);
            if (debt == null) {
                errors.add("debt_id", DebtFollowupService.INVALID_DEBT);
            }
        }
        FollowupStatus statusValue = errors.parseEnum("status", status, FollowupStatus::fromWire, FollowupStatus.INVALID);
        FollowupType typeValue = errors.parseEnum("type", type, FollowupType::fromWire, FollowupType.INVALID);
        Instant from = bound(errors, "scheduled_from", scheduledFrom, false);
        Instant to = bound(errors, "scheduled_to", scheduledTo, true);
        if (from != null && to != null && from.isAfter(to)) {
            errors.add("scheduled_to", "scheduled_to must not be before scheduled_from");
        }
        errors.throwIfAny();
        return new DebtFollowupFilter(debt, statusValue, typeValue, from, to);
    }

    /**
     * A bound of {@code scheduled_at}: a full ISO 8601 date-time, or a plain date ({@code YYYY-MM-DD}, GetBill's form of
     * these filters) meaning that whole day in UTC, from its first microsecond ({@code from}) to its last ({@code to}).
     */
    private static Instant bound(FieldErrors errors, String field, String text, boolean endOfDay) {
        if (text == null || !PLAIN_DATE.matcher(text.strip()).matches()) {
            return errors.instant(field, text);
        }
        LocalDate day = errors.date(field, text.strip());
        if (day == null) {
            return null;
        }
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        // PostgreSQL keeps microseconds: the day's last one, so the bound stays "included" as for a date-time.
        return endOfDay ? start.plus(1, ChronoUnit.DAYS).minus(1, ChronoUnit.MICROS) : start;
    }

    Specification<DebtFollowup> forCompany(String companyId) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.equal(root.get("companyId"), companyId));
            if (debtId != null) {
                where.add(cb.equal(root.get("debtId"), debtId));
            }
            if (status != null) {
                where.add(cb.equal(root.get("status"), status));
            }
            if (type != null) {
                where.add(cb.equal(root.get("type"), type));
            }
            if (scheduledFrom != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("scheduledAt"), scheduledFrom));
            }
            if (scheduledTo != null) {
                where.add(cb.lessThanOrEqualTo(root.get("scheduledAt"), scheduledTo));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
