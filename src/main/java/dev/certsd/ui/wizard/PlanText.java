package dev.certsd.ui.wizard;

import dev.certsd.files.Preview;
import dev.certsd.files.StepText;
import dev.certsd.pki.CaCandidate;
import dev.certsd.plan.Planned;
import dev.certsd.ui.UiText;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * A plan and its preview in the user's words, made on the worker thread with the plan: the steps, what to know,
 * what would refuse it, the certificates, the openssl equivalent, the directories that need administrator rights.
 */
record PlanText(List<String> steps, List<String> notes, List<String> problems, List<String> certificates,
                String openssl, String privileged) {

    static PlanText of(Planned p, Preview preview, UiText text) {
        return new PlanText(
                p.changes().ops().stream().map(op -> StepText.of(op).render(text.locale())).toList(),
                java.util.stream.Stream.concat(preview.links().stream(), p.notes().stream())
                        .map(t -> t.render(text.locale())).toList(),
                preview.problems().stream().map(pr -> pr.message(text.locale())).toList(),
                p.certificates().stream().map(c -> certificate(c, text)).toList(),
                p.openssl().render(text.locale()),
                preview.needsPrivilege() ? text.fmt("wizard.apply.privileged", String.join(", ",
                        preview.privileged().stream().map(Path::toString).sorted().toList())) : "");
    }

    private static String certificate(X509Certificate c, UiText text) {
        CaCandidate cc = CaCandidate.of(c);
        String until = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(text.locale())
                .withZone(ZoneId.systemDefault()).format(cc.notAfter());
        // two lines of 16 bytes, aligned under "SHA-256 ": whole on a narrow page
        String fp = cc.sha256().substring(0, 48) + "\n        " + cc.sha256().substring(48);
        return text.fmt("wizard.apply.certificate", cc.subject(), until, fp);
    }
}
