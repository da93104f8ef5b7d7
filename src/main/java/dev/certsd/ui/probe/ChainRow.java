package dev.certsd.ui.probe;

/** One certificate of the chain the server presented, as the window shows it. */
public record ChainRow(String subject, String issuer, String validity, String sha256) {
}
