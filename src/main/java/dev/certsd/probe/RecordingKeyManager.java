package dev.certsd.probe;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.security.auth.x500.X500Principal;

/**
 * Presents at most one client pair, whatever CA names the server lists (as curl does), and records what the
 * server's CertificateRequest said: the acceptable CA names and the key types its signature schemes allow.
 */
final class RecordingKeyManager extends X509ExtendedKeyManager {
    private static final String ALIAS = "pair";
    private final ClientPair pair;
    private final Set<String> keyTypes = new LinkedHashSet<>();
    private final List<X500Principal> issuers = new ArrayList<>();
    private volatile boolean requested;
    private volatile boolean sent;

    RecordingKeyManager(ClientPair pair) {
        this.pair = pair;
    }

    boolean requested() {
        return requested;
    }

    boolean sent() {
        return sent;
    }

    synchronized List<String> keyTypes() {
        return List.copyOf(keyTypes);
    }

    synchronized List<X500Principal> issuers() {
        return List.copyOf(issuers);
    }

    @Override
    public String chooseClientAlias(String[] types, Principal[] serverIssuers, Socket socket) {
        return choose(types, serverIssuers);
    }

    @Override
    public String chooseEngineClientAlias(String[] types, Principal[] serverIssuers, SSLEngine engine) {
        return choose(types, serverIssuers);
    }

    private synchronized String choose(String[] types, Principal[] serverIssuers) {
        requested = true;
        if (types != null) {
            keyTypes.addAll(List.of(types));
        }
        if (serverIssuers != null && issuers.isEmpty()) {
            for (Principal p : serverIssuers) {
                issuers.add(p instanceof X500Principal x ? x : new X500Principal(p.getName()));
            }
        }
        if (pair == null || types == null) {
            return null;
        }
        for (String t : types) {
            if (fits(t)) {
                return ALIAS;
            }
        }
        return null;
    }

    private boolean fits(String type) {
        String k = pair.keyType();
        return type.equals(k) || (k.equals("RSA") && type.equals("RSASSA-PSS"))
                || (k.equals("EdDSA") && type.equals("Ed25519"));
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        if (!ALIAS.equals(alias) || pair == null) {
            return null;
        }
        sent = true;
        return pair.chain().toArray(X509Certificate[]::new);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return ALIAS.equals(alias) && pair != null ? pair.key() : null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return pair == null ? null : new String[] {ALIAS};
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
