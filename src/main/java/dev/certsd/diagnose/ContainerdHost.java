package dev.certsd.diagnose;

import java.util.List;

/**
 * One endpoint containerd tries for a registry, in its order (the {@code [host]} tables of hosts.toml, then the
 * server entry), with the scheme it really speaks ({@code ConfigureHosts}): {@code http} hosts are spoken to in
 * plain HTTP; with {@code httpFallback} containerd tries HTTPS first and falls back to HTTP when the server does not
 * answer in TLS.
 *
 * @param host      host[:port] as in the URL (IPv6 in brackets)
 * @param resolve   whether the host has the {@code resolve} capability (only those resolve a tag)
 * @param caFiles   its CA files (as written in hosts.toml, relative to the host directory, or absolute)
 * @param pairs     its client pairs: certificate file and key file ("" when the key is in the certificate file)
 * @param registry  the registry itself (the server entry without {@code server}), not a mirror
 */
public record ContainerdHost(String scheme, String host, String path, boolean resolve, boolean skipVerify,
                             boolean httpFallback, List<String> caFiles, List<List<String>> pairs, boolean registry) {
    public ContainerdHost {
        caFiles = List.copyOf(caFiles);
        pairs = pairs.stream().map(List::copyOf).toList();
    }

    /** {@code https://host/v2} as containerd would request it. */
    public String url() {
        return scheme + "://" + host + path;
    }
}
