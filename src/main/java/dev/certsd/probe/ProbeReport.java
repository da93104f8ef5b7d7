package dev.certsd.probe;

import dev.certsd.roots.Client;
import java.nio.file.Path;
import java.util.List;

/**
 * A connection test of one host directory: each attempt, the docs' answer and Go's.
 *
 * @param firstAccepted the docs' model: the first pair (load order) whose own attempt was accepted, or null
 * @param goSends       the pair a Go client sends, or null
 * @param caFiles       the directory's CA files the client trusts
 * @param systemRootsMerged whether the system roots are trusted too
 * @param skipVerify    the client does not verify the server's certificate (containerd's {@code skip_verify}), so
 *                      neither do the attempts
 * @param modelledFor   the client release whose rules the prediction follows
 */
public record ProbeReport(String dir, Client client, Endpoint endpoint, ProxyChoice proxy, boolean certsdUsed,
                          List<Path> caFiles, boolean systemRootsMerged, boolean skipVerify, List<Attempt> attempts,
                          List<String> acceptableIssuers, String firstAccepted, String goSends,
                          GoClientModel.Reason goReason, Prediction prediction,
                          dev.certsd.roots.ClientVersion modelledFor) {
    public ProbeReport {
        caFiles = List.copyOf(caFiles);
        attempts = List.copyOf(attempts);
        acceptableIssuers = List.copyOf(acceptableIssuers);
    }

    /** The docs' answer and Go's differ: the user's mental model is wrong here. */
    public boolean docsAndGoDiffer() {
        boolean docsSuccess = firstAccepted != null;
        if (docsSuccess != prediction.success()) {
            return true;
        }
        return docsSuccess && goSends != null && !firstAccepted.equals(goSends);
    }
}
