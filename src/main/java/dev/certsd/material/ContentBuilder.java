package dev.certsd.material;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects what the readers find in a file (certificates, keys, issues in the order found) into a {@link Content}. */
final class ContentBuilder {
    private final Content.Format format;
    final List<CertInfo> certs = new ArrayList<>();
    final List<CertInfo> goCerts = new ArrayList<>();
    final List<KeyInfo> keys = new ArrayList<>();
    private final Set<ContentIssue> issues = new LinkedHashSet<>();

    ContentBuilder(Content.Format format) {
        this.format = format;
    }

    ContentBuilder issue(ContentIssue i) {
        issues.add(i);
        return this;
    }

    ContentBuilder cert(CertInfo c) {
        certs.add(c);
        return this;
    }

    ContentBuilder key(KeyInfo k) {
        keys.add(k);
        return this;
    }

    /** Set by the PEM reader: what Go's key-pair loading makes of the file. */
    PairInput pairInput;

    Content build() {
        return new Content(format, certs, goCerts, keys, new ArrayList<>(issues), pairInput);
    }
}
