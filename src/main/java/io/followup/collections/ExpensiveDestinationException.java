package io.followup.collections;

import java.util.Map;

import io.followup.web.ApiException;
import org.springframework.http.HttpStatus;

/** 422, as GetBill answers: the phone is a premium-rate or shared-cost number and the body did not accept that. */
final class ExpensiveDestinationException extends ApiException {

    ExpensiveDestinationException(String e164) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "Expensive destination",
                Map.of("phone", e164 + " is a premium-rate or shared-cost number; send \"accept_expensive_destination\": true to accept it"));
    }
}
