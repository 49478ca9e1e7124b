package io.followup.collections;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A debt of one company's debtor, which follow-up activities belong to. */
@Entity
@Table(name = "debt")
public class Debt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "company_id", nullable = false, updatable = false)
    private String companyId;

    @Column(name = "external_reference", nullable = false)
    private String externalReference;

    @Column(name = "debtor_name", nullable = false)
    private String debtorName;

    @Column(name = "debtor_phone")
    private String debtorPhone;

    @Column(name = "debtor_email")
    private String debtorEmail;

    @Column(name = "amount", nullable = false)
    private BigDecimal amount;

    @Column(name = "currency", nullable = false)
    private String currency;

    @Column(name = "due_date")
    private LocalDate dueDate;

    @Version
    private Long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Debt() {
    }

    Debt(String companyId, String externalReference, String debtorName, String debtorPhone, String debtorEmail,
            BigDecimal amount, String currency, LocalDate dueDate, Instant now) {
        this.companyId = companyId;
        this.externalReference = externalReference;
        this.debtorName = debtorName;
        this.debtorPhone = debtorPhone;
        this.debtorEmail = debtorEmail;
        this.amount = amount;
        this.currency = currency;
        this.dueDate = dueDate;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getCompanyId() {
        return companyId;
    }

    public String getExternalReference() {
        return externalReference;
    }

    public String getDebtorName() {
        return debtorName;
    }

    public String getDebtorPhone() {
        return debtorPhone;
    }

    public String getDebtorEmail() {
        return debtorEmail;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
