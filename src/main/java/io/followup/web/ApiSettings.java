package io.followup.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits shared by both API surfaces.
 *
 * @param maxBodySize largest request body accepted; a larger one is refused with 413
 */
@Validated
@ConfigurationProperties("followup.api")
record ApiSettings(@DefaultValue("64KB") DataSize maxBodySize) {
}
