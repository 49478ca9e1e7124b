package io.followup.collections;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.NativeQuery;

interface DebtRepository extends JpaRepository<Debt, Long>, JpaSpecificationExecutor<Debt> {

    Optional<Debt> findByIdAndCompanyId(Long id, String companyId);

    /**
     * The debt, locked until the transaction ends. FOR UPDATE, not JPA's pessimistic lock (FOR NO KEY UPDATE on
     * PostgreSQL): only FOR UPDATE makes a follow-up being inserted (its foreign key takes FOR KEY SHARE) wait for a delete.
     */
    @NativeQuery("SELECT * FROM debt WHERE id = ?1 AND company_id = ?2 FOR UPDATE")
    Optional<Debt> findForDelete(Long id, String companyId);

    boolean existsByIdAndCompanyId(Long id, String companyId);

    boolean existsByCompanyIdAndFieldsInternalId(String companyId, String internalId);
}
