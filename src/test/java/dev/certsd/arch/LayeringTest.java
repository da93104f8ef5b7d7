package dev.certsd.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine returns values for the UI and the CLI to render: it never depends on JavaFX or on the UI. */
class LayeringTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.certsd");
    private static final String[] ENGINE = {"dev.certsd.layout..", "dev.certsd.material..", "dev.certsd.diagnose..",
        "dev.certsd.sample..", "dev.certsd.cli.."};

    @Test
    void engineAndCliNeverImportJavaFx() {
        noClasses().that().resideInAnyPackage(ENGINE).should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..", "org.kordamp.ikonli..")
                .check(MAIN);
    }

    @Test
    void engineAndCliNeverReachIntoTheUi() {
        noClasses().that().resideInAnyPackage(ENGINE).should().dependOnClassesThat()
                .resideInAnyPackage("dev.certsd.ui..", "dev.certsd.app..").check(MAIN);
    }

    @Test
    void viewModelsAndEngineNeverPrint() {
        noClasses().that().resideInAnyPackage("dev.certsd.layout..", "dev.certsd.material..", "dev.certsd.diagnose..",
                "dev.certsd.sample..", "dev.certsd.ui..").should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err").check(MAIN);
    }
}
