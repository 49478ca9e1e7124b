package io.followup;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each direct sub-package of {@code io.followup} is a module (Spring Modulith): no cycles between
 * modules, and a module uses only the public types of another's base package.
 */
class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(FollowupServiceApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }
}
