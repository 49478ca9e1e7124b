package io.followup.ids;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** The service must not start without an ID key: made-up keys would change every public ID. */
class IdKeyStartupTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(IdsOnly.class);

    @Test
    void refusesToStartWithoutAKey() {
        runner.run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("followup.ids.key (FOLLOWUP_IDS_KEY) must be set"));
    }

    @Test
    void refusesToStartWithAShortKey() {
        runner.withPropertyValues("followup.ids.key=c2hvcnQ=")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("64 bytes"));
    }

    @Test
    void startsWithTheKeyTheDocumentedCommandPrints() throws Exception {
        // The README says `export FOLLOWUP_IDS_KEY="$(openssl rand -base64 64)"`; openssl wraps base64 at
        // 64 characters, so the value holds a line break.
        Process openssl = new ProcessBuilder("openssl", "rand", "-base64", "64").redirectErrorStream(true).start();
        String printed = new String(openssl.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(openssl.waitFor()).as("openssl output: %s", printed).isZero();
        String exported = printed.stripTrailing();   // $(...) drops only the trailing newline
        assertThat(exported).as("the documented command prints more than one line").contains("\n");

        runner.withPropertyValues("followup.ids.key=" + exported)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    PublicIds ids = context.getBean(PublicIds.class);
                    assertThat(ids.decode(IdType.DEBT, ids.encode(IdType.DEBT, 42L))).contains(42L);
                });
    }

    @Test
    void keysWithLineBreaksAndWithoutAreTheSameKey() {
        String key = PublicIdsTests.randomKey();
        String wrapped = key.substring(0, 64) + "\r\n" + key.substring(64) + "\n";
        runner.withPropertyValues("followup.ids.key=" + key).run(plain -> runner.withPropertyValues("followup.ids.key=" + wrapped)
                .run(mime -> assertThat(mime.getBean(PublicIds.class).encode(IdType.FOLLOWUP, 7L))
                        .isEqualTo(plain.getBean(PublicIds.class).encode(IdType.FOLLOWUP, 7L))));
    }

    @Test
    void startsWithAGoodKey() {
        runner.withPropertyValues("followup.ids.key=" + PublicIdsTests.randomKey())
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(PublicIds.class));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(IdSettings.class)
    @Import(PublicIds.class)
    static class IdsOnly {
    }
}
