package dev.certsd.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine never knows JavaFX and never prints; only the CLI and the UI render. */
class LayeringTest {
    private static final String[] ENGINE = {"dev.certsd.layout..", "dev.certsd.material..", "dev.certsd.diagnose..",
        "dev.certsd.pki..", "dev.certsd.probe..", "dev.certsd.files..", "dev.certsd.fix..", "dev.certsd.sample.."};
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.certsd");

    @Test
    void engineDoesNotImportJavaFx() {
        noClasses().that().resideInAnyPackage(ENGINE).should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..", "org.kordamp..")
                .allowEmptyShould(true).check(CLASSES);
    }

    @Test
    void engineDoesNotPrint() {
        noClasses().that().resideInAnyPackage(ENGINE).should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err").allowEmptyShould(true).check(CLASSES);
    }

    @Test
    void commandLineNeverImportsJavaFxOrTheUi() {
        noClasses().that().resideInAPackage("dev.certsd.cli..").should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..", "org.kordamp..", "dev.certsd.ui..")
                .check(CLASSES);
    }

    @Test
    void theUiNeverPrints() {
        noClasses().that().resideInAPackage("dev.certsd.ui..").should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err").check(CLASSES);
    }

    @Test
    void engineDoesNotDependOnTheCommandLineOrTheUi() {
        noClasses().that().resideInAnyPackage(ENGINE).should().dependOnClassesThat()
                .resideInAnyPackage("dev.certsd.cli..", "dev.certsd.ui..", "dev.certsd.app..", "picocli..")
                .allowEmptyShould(true).check(CLASSES);
    }
}
