package io.followup.collections;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface DebtFollowupRepository extends JpaRepository<DebtFollowup, Long>, JpaSpecificationExecutor<DebtFollowup> {

    Optional<DebtFollowup> findByIdAndCompanyId(Long id, String companyId);
}
