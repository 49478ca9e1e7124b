package io.followup;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Package-by-feature boundaries: shared plumbing knows no feature; features reach each other only through public roots. */
class ModuleBoundaryTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.followup");

    @Test
    void webPlumbingDependsOnNoFeature() {
        noClasses().that().resideInAPackage("io.followup.web..")
                .should().dependOnClassesThat().resideInAnyPackage("io.followup.config..", "io.followup.security..")
                .check(CLASSES);
    }

    @Test
    void securityDependsOnNoFeature() {
        noClasses().that().resideInAPackage("io.followup.security..")
                .should().dependOnClassesThat().resideInAnyPackage("io.followup.config..")
                .check(CLASSES);
    }

    @Test
    void entitiesNeverReachTheWire() {
        noClasses().that().resideInAPackage("io.followup..").and().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.followup.config.FollowupConfigRepository")
                .check(CLASSES);
    }
}
