package dev.certsd.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.files.HelperCommand;
import dev.certsd.testing.ExternalTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The polkit policy the .deb installs: valid against polkit's own DTD (xmllint), one action that always asks for an
 * administrator's password, runs only our root-owned wrapper, and tells people what will change.
 */
class PolkitPolicyTest {
    static final Path POLICY = Path.of("installer/linux/dev.certsd.studio.policy");
    private static final Path INSTALLED_DTD = Path.of("/usr/share/polkit-1/policyconfig-1.dtd");

    @TempDir
    Path tmp;

    @Test
    void thePolicyIsValidAgainstPolkitsDtd() throws Exception {
        Path xmllint = ExternalTools.require("xmllint", "libxml2-utils");
        Path dtd = INSTALLED_DTD;
        if (!Files.isRegularFile(dtd)) {
            dtd = tmp.resolve("policyconfig-1.dtd"); // polkit's DTD from its source, where polkitd is not installed
            try (var in = PolkitPolicyTest.class.getResourceAsStream("policyconfig-1.dtd")) {
                Files.copy(in, dtd);
            }
        }
        ExternalTools.Result r = ExternalTools.run(List.of(xmllint.toString(), "--noout", "--dtdvalid", dtd.toString(),
                POLICY.toString()), null);
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
    }

    @Test
    void theActionAsksForAnAdministratorAndRunsOnlyTheWrapper() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(POLICY.toFile());
        NodeList actions = doc.getElementsByTagName("action");
        assertEquals(1, actions.getLength());
        Element action = (Element) actions.item(0);
        assertEquals("dev.certsd.studio.apply-prepared", action.getAttribute("id"));
        for (String who : List.of("allow_any", "allow_inactive", "allow_active")) {
            assertEquals("auth_admin", action.getElementsByTagName(who).item(0).getTextContent().strip(), who);
        }
        Element annotate = (Element) action.getElementsByTagName("annotate").item(0);
        assertEquals("org.freedesktop.policykit.exec.path", annotate.getAttribute("key"));
        assertEquals(HelperCommand.WRAPPER.toString(), annotate.getTextContent().strip());
        String message = action.getElementsByTagName("message").item(0).getTextContent();
        assertTrue(message.contains("certs.d") && message.contains("$(command_line)"), message);
        assertEquals("dev.certsd.studio.policy", HelperCommand.POLICY.getFileName().toString());
    }

    @Test
    void theDebInstallsThePolicyAndTheWrapperWhereTheAppLooks() throws Exception {
        String build = Files.readString(Path.of("installer/build.sh"));
        assertTrue(build.contains("usr/share/polkit-1/actions/dev.certsd.studio.policy"), "policy in the .deb");
        assertTrue(build.contains("usr/lib/certsd-studio/certsd-apply-prepared"), "wrapper in the .deb");
        assertEquals(Path.of("/usr/lib/certsd-studio/certsd-apply-prepared"), HelperCommand.WRAPPER);
    }
}
