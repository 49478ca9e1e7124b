package io.followup.collections;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.followup.web.IsoTimes;
import io.followup.ids.IdType;
import io.followup.ids.PublicIds;
import io.followup.web.InvalidRequestException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A company's debts: the things follow-up activities belong to. */
@Service
@Transactional
public class DebtService {

    private static final String REFERENCE_CONSTRAINT = "uq_debt_company_reference";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999999999999.99");

    private final DebtRepository debts;
    private final PublicIds ids;
    private final Clock clock;

    DebtService(DebtRepository debts, PublicIds ids, Clock clock) {
        this.debts = debts;
        this.ids = ids;
        this.clock = clock;
    }

    public Debt create(String companyId, CreateDebtRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        Texts.required(errors, "external_reference", request.externalReference(), "External reference", FieldLimits.EXTERNAL_REFERENCE);
        Texts.required(errors, "debtor_name", request.debtorName(), "Debtor name", FieldLimits.DEBTOR_NAME);
        if (request.debtorPhone() != null && !FollowupRequestValidator.PHONE.matcher(request.debtorPhone()).matches()) {
            errors.put("debtor_phone", "Invalid debtor_phone. Use digits with an optional leading +, e.g. +5511999998888");
        }
        if (request.debtorEmail() != null && (request.debtorEmail().length() > FieldLimits.EMAIL || !EMAIL.matcher(request.debtorEmail()).matches())) {
            errors.put("debtor_email", "Invalid debtor_email");
        }
        checkAmount(request.amount(), errors);
        String currency = checkCurrency(request.currency(), errors);
        LocalDate dueDate = request.dueDate() == null ? null : IsoTimes.parseDate("due_date", request.dueDate(), errors);
        if (errors.isEmpty() && debts.existsByCompanyIdAndExternalReference(companyId, request.externalReference())) {
            throw new DebtConflictException(request.externalReference());
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Debt debt = new Debt(companyId, request.externalReference(), request.debtorName(), request.debtorPhone(),
                request.debtorEmail(), request.amount(), currency, dueDate, now());
        try {
            return debts.saveAndFlush(debt);
        }
        catch (DataIntegrityViolationException ex) {
            if (String.valueOf(NestedExceptionUtils.getMostSpecificCause(ex).getMessage()).contains(REFERENCE_CONSTRAINT)) {
                throw new DebtConflictException(request.externalReference());
            }
            throw ex;
        }
    }

    @Transactional(readOnly = true)
    public Debt get(String companyId, String publicId) {
        return ids.decode(IdType.DEBT, publicId)
                .flatMap(id -> debts.findByIdAndCompanyId(id, companyId))
                .orElseThrow(CollectionsNotFoundException::debt);
    }

    @Transactional(readOnly = true)
    public Page<Debt> list(String companyId, String externalReference, Pageable page) {
        return externalReference == null
                ? debts.findByCompanyId(companyId, page)
                : debts.findByCompanyIdAndExternalReference(companyId, externalReference, page);
    }

    /** The internal key of one of the company's debts, if {@code publicId} names one. */
    @Transactional(readOnly = true)
    public Optional<Long> ownedDebtId(String companyId, String publicId) {
        return ids.decode(IdType.DEBT, publicId).filter(id -> owns(companyId, id));
    }

    /** Whether the debt with this internal key is the company's. */
    @Transactional(readOnly = true)
    public boolean owns(String companyId, long debtId) {
        return debts.existsByIdAndCompanyId(debtId, companyId);
    }

    private static void checkAmount(BigDecimal amount, Map<String, String> errors) {
        if (amount == null) {
            errors.put("amount", "Amount is required");
        }
        else if (amount.signum() <= 0) {
            errors.put("amount", "Amount must be greater than 0");
        }
        else if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
            errors.put("amount", "Amount has at most 2 decimal places");
        }
        else if (amount.compareTo(MAX_AMOUNT) > 0) {
            errors.put("amount", "Amount is too large");
        }
    }

    private static String checkCurrency(String currency, Map<String, String> errors) {
        if (currency == null || currency.isBlank()) {
            errors.put("currency", "Currency is required");
            return null;
        }
        String code = currency.strip().toUpperCase(Locale.ROOT);
        try {
            if (code.length() == FieldLimits.CURRENCY && Currency.getInstance(code).getDefaultFractionDigits() >= 0) {
                return code;
            }
        }
        catch (IllegalArgumentException ex) {
            // reported below
        }
        errors.put("currency", "Invalid currency. Must be an ISO 4217 code such as BRL, USD or EUR");
        return null;
    }

    private Instant now() {
        return clock.instant();
    }
}
