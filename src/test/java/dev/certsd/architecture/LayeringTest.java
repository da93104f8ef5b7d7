package dev.certsd.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The engine never knows JavaFX and never prints; only the CLI and the UI render. */
class LayeringTest {
    /** Everything but the faces (cli, ui, app) is engine, new packages included. */
    private static final String[] FACE_PACKAGES = {"dev.certsd.cli..", "dev.certsd.ui..", "dev.certsd.app.."};
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.certsd");

    @Test
    void engineDoesNotImportJavaFx() {
        noClasses().that().resideOutsideOfPackages(FACE_PACKAGES).should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..", "org.kordamp..")
                .allowEmptyShould(true).check(CLASSES);
    }

    @Test
    void engineDoesNotPrint() {
        noClasses().that().resideOutsideOfPackages(FACE_PACKAGES).should().accessField(System.class, "out")
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
        noClasses().that().resideOutsideOfPackages(FACE_PACKAGES).should().dependOnClassesThat()
                .resideInAnyPackage("dev.certsd.cli..", "dev.certsd.ui..", "dev.certsd.app..", "picocli..")
                .allowEmptyShould(true).check(CLASSES);
    }

    /**
     * The engine's layers, lowest first: a package may use only the packages before it. A new top-level package
     * must be placed here (the test below fails until it is), so the order stays a decision, not an accident.
     */
    private static final List<String> ENGINE_ORDER =
            List.of("roots", "material", "diagnose", "files", "certs", "plan", "probe", "fix", "change", "pki",
                    "sample", "remote", "compare", "fleet", "export");
    /** The faces above the engine, which may use all of it. */
    private static final Set<String> FACES = Set.of("cli", "ui", "app");

    @Test
    void engineLayersDependOnlyDownwards() {
        Set<String> unplaced = new TreeSet<>();
        List<String> upward = new ArrayList<>();
        for (JavaClass c : CLASSES) {
            String from = topPackage(c);
            if (from == null || FACES.contains(from)) {
                continue;
            }
            int level = ENGINE_ORDER.indexOf(from);
            if (level < 0) {
                unplaced.add(from);
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String to = topPackage(d.getTargetClass());
                if (to != null && !to.equals(from) && ENGINE_ORDER.indexOf(to) >= level) {
                    upward.add(d.getDescription());
                }
            }
        }
        assertTrue(unplaced.isEmpty(), "engine packages missing from ENGINE_ORDER: " + unplaced);
        assertTrue(upward.isEmpty(), "engine dependencies pointing up or sideways:\n" + String.join("\n", upward));
    }

    private static String topPackage(JavaClass c) {
        String name = c.getPackageName();
        if (!name.startsWith("dev.certsd.")) {
            return null;
        }
        String rest = name.substring("dev.certsd.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("dev.certsd.(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
