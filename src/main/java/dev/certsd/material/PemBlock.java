package dev.certsd.material;

import java.util.Map;

/** One PEM block as Go's encoding/pem decodes it: type, headers and the decoded bytes. */
public record PemBlock(String type, Map<String, String> headers, byte[] bytes) {
    public PemBlock {
        headers = Map.copyOf(headers);
    }

    public boolean isPrivateKey() {
        return type.equals("PRIVATE KEY") || type.endsWith(" PRIVATE KEY");
    }
}
