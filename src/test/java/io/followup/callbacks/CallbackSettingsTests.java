package io.followup.callbacks;

import java.util.Map;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The webhooks' secrets: none built in, short ones refused, none printed; an endpoint without its secret takes nothing. */
class CallbackSettingsTests {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void noSecretIsBuiltIn() {
        CallbackSettings settings = bind(Map.of());

        assertThat(settings.meta().verifyToken()).isNull();
        assertThat(settings.meta().appSecret()).isNull();
        assertThat(settings.gupshup().apps()).isEmpty();
        assertThat(VALIDATOR.validate(settings)).isEmpty();
    }

    @Test
    void shortSecretsAreRefusedNamingTheSetting() {
        CallbackSettings settings = bind(Map.of("followup.callbacks.meta.app-secret", "short",
                "followup.callbacks.meta.verify-token", "also-short",
                "followup.callbacks.gupshup.apps.app-1.token", "tiny"));

        assertThat(VALIDATOR.validate(settings)).extracting(violation -> violation.getPropertyPath().toString())
                .containsExactlyInAnyOrder("meta.appSecret", "meta.verifyToken", "gupshup.apps[app-1].token");
    }

    @Test
    void secretsStayOutOfToString() {
        CallbackSettings settings = bind(Map.of("followup.callbacks.meta.app-secret", "meta-app-secret-value-1",
                "followup.callbacks.meta.verify-token", "meta-verify-token-value",
                "followup.callbacks.gupshup.apps.app-1.token", "gupshup-token-value-123"));

        assertThat(settings.toString()).doesNotContain("meta-app-secret-value-1", "meta-verify-token-value",
                "gupshup-token-value-123").contains("app-1");
    }

    @Test
    void withoutTheirSecretsTheEndpointsRefuseEveryCallWith503() {
        CallbackSettings none = bind(Map.of());
        MetaWebhookController meta = new MetaWebhookController(none, null, null, null);
        GupshupWebhookController gupshup = new GupshupWebhookController(none, null, null);

        CallbackRefusedException verify = catchThrowableOfType(CallbackRefusedException.class,
                () -> meta.verify("subscribe", null, "1158201444"));
        CallbackRefusedException post = catchThrowableOfType(CallbackRefusedException.class,
                () -> meta.receive("sha256=00", "{}".getBytes()));
        CallbackRefusedException gupshupPost = catchThrowableOfType(CallbackRefusedException.class,
                () -> gupshup.receive("app-1", "whatever", null, "{}".getBytes()));

        assertThat(verify.status().value()).isEqualTo(503);
        assertThat(verify.getMessage()).contains("followup.callbacks.meta.verify-token");
        assertThat(post.status().value()).isEqualTo(503);
        assertThat(post.getMessage()).contains("followup.callbacks.meta.app-secret");
        assertThat(gupshupPost.status().value()).isEqualTo(503);
    }

    private static CallbackSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("followup.callbacks", CallbackSettings.class);
    }
}
