package dev.certsd.remote;

import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.cipher.Cipher;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.kex.KeyExchangeFactory;

/**
 * The algorithm order: the same algorithms MINA offers, with what is cheap in Java first. MINA prefers the
 * post-quantum hybrids (sntrup761, ML-KEM) and ChaCha20, all computed in plain Java; AES-GCM runs on the CPU's AES
 * instructions and X25519 costs a fraction of sntrup761. The hybrids stay offered, after curve25519;
 * {@code -Dcertsd.ssh.preferPostQuantum=true} puts them first again (figures in docs/performance.md).
 */
final class Tuning {
    static final boolean PREFER_CLASSIC = !Boolean.getBoolean("certsd.ssh.preferPostQuantum");

    private Tuning() {
    }

    static void apply(SshClient client) {
        if (!PREFER_CLASSIC) {
            return;
        }
        List<KeyExchangeFactory> kex = new ArrayList<>(client.getKeyExchangeFactories());
        kex.sort((a, b) -> Integer.compare(kexRank(a.getName()), kexRank(b.getName())));
        client.setKeyExchangeFactories(kex);
        List<NamedFactory<Cipher>> ciphers = new ArrayList<>(client.getCipherFactories());
        ciphers.sort((a, b) -> Integer.compare(cipherRank(a.getName()), cipherRank(b.getName())));
        client.setCipherFactories(ciphers);
    }

    private static int kexRank(String name) {
        if (name.equals(BuiltinDHFactories.curve25519.getName())
                || name.equals(BuiltinDHFactories.curve25519_libssh.getName())) {
            return 0;
        }
        return name.startsWith("ecdh-sha2-nistp256") ? 1 : 2; // stable sort: the rest keeps MINA's order
    }

    private static int cipherRank(String name) {
        if (name.equals(BuiltinCiphers.aes128gcm.getName())) {
            return 0;
        }
        if (name.equals(BuiltinCiphers.aes256gcm.getName())) {
            return 1;
        }
        return name.equals(BuiltinCiphers.aes128ctr.getName()) ? 2 : 3;
    }
}
