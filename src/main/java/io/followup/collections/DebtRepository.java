package io.followup.collections;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface DebtRepository extends JpaRepository<Debt, Long>, JpaSpecificationExecutor<Debt> {

    Optional<Debt> findByIdAndCompanyId(Long id, String companyId);

    boolean existsByIdAndCompanyId(Long id, String companyId);

    boolean existsByCompanyIdAndFieldsInternalId(String companyId, String internalId);
}
