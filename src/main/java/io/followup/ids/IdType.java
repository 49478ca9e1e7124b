package io.followup.ids;

import java.nio.charset.StandardCharsets;

/** What a public ID names. The type is bound into the ciphertext, so one type's ID never decodes as another's. */
public enum IdType {

    DEBT("debt"),
    DEBTOR("debtor"),
    FOLLOWUP("followup"),
    /** A batch of debts ({@code POST /external-api/v1/debts/batch}). */
    DEBT_IMPORT("debt_import");

    private final byte[] associatedData;

    IdType(String name) {
        this.associatedData = ("followup-service/id/" + name).getBytes(StandardCharsets.US_ASCII);
    }

    byte[] associatedData() {
        return associatedData.clone();
    }
}
