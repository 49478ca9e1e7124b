package io.followup.debtors;

import java.time.Clock;

import io.followup.ids.IdType;
import io.followup.ids.PublicIds;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A company's debtors: listed, read with the totals of their debts, and updated. An update changes the debtor's own
 * record only (its debts keep the names and contacts they were created with); debts created afterwards are matched
 * ({@link Debtors}) against the new phone and email.
 */
@Service
@Transactional
class DebtorService {

    /** A debtor with the figures of its debts. */
    record Details(Debtor debtor, DebtorTotals totals) {
    }

    private final DebtorRepository debtors;
    private final Debtors matching;
    private final PublicIds ids;
    private final Clock clock;

    DebtorService(DebtorRepository debtors, Debtors matching, PublicIds ids, Clock clock) {
        this.debtors = debtors;
        this.matching = matching;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<Debtor> list(String companyId, Pageable page) {
        return debtors.page(companyId, page);
    }

    @Transactional(readOnly = true)
    public Details get(String companyId, String publicId) {
        return details(companyId, internalId(publicId));
    }

    /** Checks the whole body before it looks the debtor up, so a bad body is a 400 whichever debtor it names. */
    public Details update(String companyId, String publicId, UpdateDebtorRequest request) {
        DebtorChanges changes = DebtorRequestValidator.changes(request);
        long id = internalId(publicId);
        matching.lockCompany(companyId);
        debtors.find(companyId, id).orElseThrow(DebtorNotFoundException::byId);
        if (!changes.none()) {
            debtors.update(id, changes, clock.instant());
        }
        return details(companyId, id);
    }

    private Details details(String companyId, long id) {
        Debtor debtor = debtors.find(companyId, id).orElseThrow(DebtorNotFoundException::byId);
        return new Details(debtor, debtors.totals(companyId, id));
    }

    private long internalId(String publicId) {
        return ids.decode(IdType.DEBTOR, publicId).orElseThrow(DebtorNotFoundException::byId);
    }
}
