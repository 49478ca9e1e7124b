package io.followup.collections;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.followup.ids.IdType;
import io.followup.ids.PublicIds;
import io.followup.web.FieldErrors;
import jakarta.persistence.criteria.Predicate;
import org.springframework.data.jpa.domain.Specification;

/** The optional filters of the follow-up list; each one given narrows it. */
record DebtFollowupFilter(Long debtId, FollowupStatus status, FollowupType type, Instant scheduledFrom, Instant scheduledTo) {


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
        Instant from = DateBounds.from(errors, "scheduled_from", scheduledFrom);
        Instant to = DateBounds.to(errors, "scheduled_to", scheduledTo);
        if (from != null && to != null && from.isAfter(to)) {
            errors.add("scheduled_to", "scheduled_to must not be before scheduled_from");
        }
        errors.throwIfAny();
        return new DebtFollowupFilter(debt, statusValue, typeValue, from, to);
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
