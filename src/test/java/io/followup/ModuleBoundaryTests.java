package io.followup;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Package-by-feature boundaries: shared plumbing knows no feature, and features do not reach into each other. */
class ModuleBoundaryTests {

    private static final String[] FEATURES = {"io.followup.config..", "io.followup.collections.."};

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.followup");

    @Test
    void webPlumbingDependsOnNoFeature() {
        noClasses().that().resideInAPackage("io.followup.web..")
                .should().dependOnClassesThat().resideInAnyPackage(concat(FEATURES, "io.followup.security..", "io.followup.ids..", "io.followup.external.."))
                .check(CLASSES);
    }

    @Test
    void securityAndIdsDependOnNoFeature() {
        noClasses().that().resideInAnyPackage("io.followup.security..", "io.followup.ids..")
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
                .check(CLASSES);
    }

    @Test
    void externalApiKitDependsOnNoFeature() {
        noClasses().that().resideInAPackage("io.followup.external..")
                .should().dependOnClassesThat().resideInAnyPackage(concat(FEATURES, "io.followup.security..", "io.followup.ids.."))
                .check(CLASSES);
    }

    @Test
    void textPlumbingDependsOnNothingOfTheService() {
        noClasses().that().resideInAPackage("io.followup.text..")
                .should().dependOnClassesThat(resideInAPackage("io.followup..").and(resideOutsideOfPackage("io.followup.text..")))
                .check(CLASSES);
    }

    @Test
    void featuresAreIndependent() {
        for (String[] pair : new String[][] {{"io.followup.config..", "io.followup.collections.."},
                {"io.followup.collections..", "io.followup.config.."}}) {
            noClasses().that().resideInAPackage(pair[0])
                    .should().dependOnClassesThat().resideInAPackage(pair[1])
                    .check(CLASSES);
        }
    }

    @Test
    void controllersReachDataOnlyThroughServices() {
        noClasses().that().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .check(CLASSES);
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
