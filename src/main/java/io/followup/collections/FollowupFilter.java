package io.followup.collections;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.criteria.Predicate;
import org.springframework.data.jpa.domain.Specification;

/** The optional filters of the follow-up list; each one given narrows it. */
record FollowupFilter(Long debtId, FollowupStatus status, FollowupType type, Instant scheduledFrom, Instant scheduledTo) {

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
