package dev.certsd.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.certsd.probe.Attempt;
import dev.certsd.probe.ClientPath;
import dev.certsd.probe.ProbeMessages;
import dev.certsd.probe.ProbeReport;
import dev.certsd.probe.ServerCert;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code test --json} document. */
final class TestJson {
    private TestJson() {
    }

    static String render(ProbeReport r) {
        ProbeMessages m = new ProbeMessages(Locale.ENGLISH);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("dir", r.dir());
        doc.put("client", r.client().id());
        doc.put("clientVersion", r.modelledFor() == null ? null : JsonText.version(r.modelledFor()));
        doc.put("endpoint", r.endpoint().url());
        doc.put("proxy", r.proxy().active() ? r.proxy().proxy().toString() : null);
        doc.put("proxyVariable", r.proxy().variable());
        doc.put("certsdUsed", r.certsdUsed());
        doc.put("caFiles", r.caFiles().stream().map(p -> p.getFileName().toString()).toList());
        doc.put("systemRootsMerged", r.systemRootsMerged());
        doc.put("skipVerify", r.skipVerify());
        List<Object> attempts = new ArrayList<>();
        for (Attempt a : r.attempts()) {
            attempts.add(attempt(a, m));
        }
        doc.put("attempts", attempts);
        doc.put("acceptableIssuers", r.acceptableIssuers());
        doc.put("firstAccepted", r.firstAccepted());
        doc.put("goSends", r.goSends());
        doc.put("goReason", r.goReason().name());
        Map<String, Object> prediction = new LinkedHashMap<>();
        prediction.put("client", r.prediction().client().id());
        prediction.put("outcome", r.prediction().success() ? "success" : "failure");
        prediction.put("path", r.prediction().reason().name());
        prediction.put("reason", m.prediction(r));
        prediction.put("modelledFor", r.modelledFor() == null ? null : r.modelledFor().id());
        doc.put("prediction", prediction);
        ClientPath path = ClientPath.of(r);
        Map<String, Object> clientPath = new LinkedHashMap<>();
        clientPath.put("path", path.path().name());
        clientPath.put("attempt", path.attempt() == null ? null
                : path.attempt().kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        clientPath.put("outcome", path.attempt() == null ? null : path.attempt().outcome().id());
        clientPath.put("sends", path.sends());
        clientPath.put("goReason", path.goReason() == null ? null : path.goReason().name());
        clientPath.put("text", m.clientPath(r));
        doc.put("clientPath", clientPath);
        doc.put("docsAndGoDiffer", r.docsAndGoDiffer());
        doc.put("difference", m.difference(r));
        try {
            return JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT, JSON.Feature.WRITE_NULL_PROPERTIES).asString(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> attempt(Attempt a, ProbeMessages m) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("kind", a.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        o.put("pair", a.pair());
        o.put("outcome", a.outcome().id());
        o.put("explanation", m.explain(a));
        o.put("tcpConnected", a.tcpConnected());
        o.put("tlsVersion", a.tlsVersion());
        o.put("cipherSuite", a.cipherSuite());
        o.put("certificateRequested", a.certificateRequested());
        o.put("acceptableIssuers", a.acceptableIssuers());
        o.put("sentCertificate", a.sentCertificate());
        o.put("alert", a.alert());
        o.put("transportError", a.transportError());
        o.put("phase", a.phase());
        o.put("verifyError", a.verifyError());
        o.put("httpStatus", a.httpStatus());
        o.put("registryApiVersion", a.registryHeader());
        o.put("htmlTitle", a.htmlTitle());
        o.put("location", a.location());
        o.put("millis", a.elapsed().toMillis());
        List<Object> chain = new ArrayList<>();
        for (ServerCert c : a.serverChain()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("subject", c.subject());
            cm.put("issuer", c.issuer());
            cm.put("notBefore", c.notBefore().toString());
            cm.put("notAfter", c.notAfter().toString());
            cm.put("sha256", c.sha256());
            chain.add(cm);
        }
        o.put("serverChain", chain);
        o.put("curl", a.curl());
        o.put("openssl", a.openssl());
        o.put("rejection", a.rejection() == null ? null : a.rejection().id());
        return o;
    }
}
