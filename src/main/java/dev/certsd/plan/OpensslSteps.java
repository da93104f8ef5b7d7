package dev.certsd.plan;

import dev.certsd.certs.Certificates;
import dev.certsd.certs.KeySpec;
import dev.certsd.files.Message;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The openssl command lines that do what an operation does, for those who want to learn them or script them. */
public final class OpensslSteps {
    private final List<OpensslScript.Line> lines = new ArrayList<>();

    public OpensslSteps comment(Message text) {
        lines.add(new OpensslScript.Comment(text));
        return this;
    }

    public OpensslSteps line(String command) {
        lines.add(new OpensslScript.Command(command));
        return this;
    }

    /** {@code openssl genrsa} as the docs write it, or {@code genpkey} for EC; both write unencrypted PKCS#8. */
    public OpensslSteps genkey(KeySpec spec, String out) {
        if (spec.rsa()) {
            return line("openssl genrsa -out " + Shell.q(out) + " " + spec.bits());
        }
        return line("openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:" + spec.curve() + " -out "
                + Shell.q(out));
    }

    public OpensslSteps mkdirAndCd(Path dir, boolean make) {
        if (make) {
            line("mkdir -p " + Shell.q(dir));
        }
        return line("cd " + Shell.q(dir));
    }

    /** The {@code -addext}/extfile lines of a leaf, matching {@link Certificates.Usage}. */
    public static List<String> leafExtensions(KeySpec spec, Certificates.Usage usage) {
        List<String> ext = new ArrayList<>();
        ext.add("basicConstraints=critical,CA:FALSE");
        ext.add(spec.rsa() ? "keyUsage=critical,digitalSignature,keyEncipherment" : "keyUsage=critical,digitalSignature");
        ext.add("extendedKeyUsage=" + (usage == Certificates.Usage.CLIENT ? "clientAuth" : "serverAuth"));
        return ext;
    }

    public static String addext(List<String> ext) {
        StringBuilder b = new StringBuilder();
        for (String e : ext) {
            b.append(" -addext ").append(Shell.q(e));
        }
        return b.toString();
    }

    /** {@code -sha384} for P-384, as the engine signs; openssl's default elsewhere is SHA-256 already. */
    public static String digest(KeySpec signer) {
        return signer == KeySpec.EC_P384 ? " -sha384" : "";
    }

    public OpensslScript script() {
        return new OpensslScript(lines);
    }
}
