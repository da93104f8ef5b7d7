package dev.certsd.plan;

import dev.certsd.files.ChangeSet;
import dev.certsd.files.Message;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * An operation ready to apply: the change set (preview it with {@code FileChanges.preview}, apply it with
 * {@code FileChanges.apply}; nothing is written before that), the equivalent openssl commands, what the user should
 * know, and the certificates made or imported.
 *
 * @param placement    where a client pair lands in load order, or null when the operation writes no pair
 * @param notes        warnings and facts to show before applying (a CA that is not a CA, a pair that sorts late...)
 * @param openssl      the shell commands that do the same with openssl
 * @param certificates the certificates written, the main one first
 */
public record Planned(ChangeSet changes, Placement placement, List<Message> notes, OpensslScript openssl,
                      List<X509Certificate> certificates) {
    public Planned {
        notes = List.copyOf(notes);
        certificates = List.copyOf(certificates);
    }
}
