package io.followup.enrollment;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.criteria.Predicate;
import org.springframework.data.jpa.domain.Specification;

/** Optional filters of the enrollment list. */
record EnrollmentFilter(UUID assistantId, String leadId, Enrollment.Status status) {

    Specification<Enrollment> forTenant(UUID tenantId) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.equal(root.get("tenantId"), tenantId));
            if (assistantId != null) {
                where.add(cb.equal(root.get("assistantId"), assistantId));
            }
            if (leadId != null) {
                where.add(cb.equal(root.get("leadId"), leadId));
            }
            if (status != null) {
                where.add(cb.equal(root.get("status"), status));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
