package io.followup.collections;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.followup.web.FieldErrors;
import jakarta.persistence.criteria.Predicate;
import org.hibernate.query.criteria.JpaExpression;
import org.springframework.data.jpa.domain.Specification;

/**
 * The optional filters of the debt lists, under the names of GetBill's list-debts-by-creditor page ({@code status},
 * {@code currency}, {@code min_amount}, {@code max_amount}, {@code created_after}, {@code created_before},
 * {@code search}) plus this service's exact {@code internal_id}; each one given narrows the list.
 */
record DebtListFilter(DebtStatus status, String currency, BigDecimal minAmount, BigDecimal maxAmount, Instant createdAfter,
        Instant createdBefore, String search, String internalId) {

    static final DebtListFilter NONE = new DebtListFilter(null, null, null, null, null, null, null, null);
    static final String INVALID_STATUS = "Invalid status. Valid statuses are: status.default.pending, status.default.in_progress, "
            + "status.default.paid, status.default.on_hold, status.default.failed, status.default.archived";

    /** Reads the filters from the query, reporting every bad one together; needs no database. */
    static DebtListFilter parse(String status, String currency, String minAmount, String maxAmount, String createdAfter,
            String createdBefore, String search, String internalId) {
        FieldErrors errors = new FieldErrors();
        DebtStatus statusValue = errors.parseEnum("status", status, DebtListFilter::anyStatus, INVALID_STATUS);
        String currencyValue = currency == null ? null : DebtRequestValidator.currency(errors, currency);
        BigDecimal min = amount(errors, "min_amount", minAmount);
        BigDecimal max = amount(errors, "max_amount", maxAmount);
        if (min != null && max != null && min.compareTo(max) > 0) {
            errors.add("max_amount", "max_amount must not be less than min_amount");
        }
        Instant after = DateBounds.from(errors, "created_after", createdAfter);
        Instant before = DateBounds.to(errors, "created_before", createdBefore);
        if (after != null && before != null && after.isAfter(before)) {
            errors.add("created_before", "created_before must not be before created_after");
        }
        String searchValue = text(errors, "search", search);
        String internal = text(errors, "internal_id", internalId);
        errors.throwIfAny();
        return new DebtListFilter(statusValue, currencyValue, min, max, after, before, searchValue, internal);
    }

    /** Any status, written as GetBill does ({@code status.default.paid}) or bare ({@code paid}). */
    private static Optional<DebtStatus> anyStatus(String wire) {
        String name = wire.startsWith(DebtStatus.PREFIX) ? wire.substring(DebtStatus.PREFIX.length()) : wire;
        for (DebtStatus value : DebtStatus.values()) {
            if (value.column().equals(name)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private static BigDecimal amount(FieldErrors errors, String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text.strip());
            if (value.signum() >= 0 && value.precision() - value.scale() <= 17) {
                return value;
            }
        }
        catch (NumberFormatException ex) {
            // reported below
        }
        errors.add(field, "Invalid " + field + ". Must be a number of 0 or more, e.g. 100.50");
        return null;
    }

    private static String text(FieldErrors errors, String field, String text) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        if (value.isEmpty() || value.length() > FieldLimits.REFERENCE) {
            errors.add(field, field + " must be 1 to " + FieldLimits.REFERENCE + " characters");
            return null;
        }
        return value;
    }

    /** The company's debts that pass every filter given, optionally only those of one debtor. */
    Specification<Debt> forCompany(String companyId, Long debtorId) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.equal(root.get("companyId"), companyId));
            var fields = root.get("fields");
            if (debtorId != null) {
                where.add(cb.equal(root.get("debtorId"), debtorId));
            }
            if (status != null) {
                where.add(cb.equal(root.get("status"), status.column()));
            }
            if (currency != null) {
                where.add(cb.equal(fields.get("currency"), currency));
            }
            if (minAmount != null) {
                where.add(cb.greaterThanOrEqualTo(fields.get("amount"), minAmount));
            }
            if (maxAmount != null) {
                where.add(cb.lessThanOrEqualTo(fields.get("amount"), maxAmount));
            }
            if (createdAfter != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("createdAt"), createdAfter));
            }
            if (createdBefore != null) {
                where.add(cb.lessThanOrEqualTo(root.get("createdAt"), createdBefore));
            }
            if (internalId != null) {
                where.add(cb.equal(fields.get("internalId"), internalId));
            }
            if (search != null) {
                String escaped = search.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
                where.add(cb.or(
                        cb.like(cb.lower(fields.get("internalId")), "%" + escaped + "%", '\\'),
                        cb.like(((JpaExpression<?>) fields.get("amount")).cast(String.class), escaped + "%", '\\')));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
