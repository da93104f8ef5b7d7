package dev.certsd.roots;

import java.util.List;

/**
 * A registry host directory name, parsed the way the client reads it.
 *
 * @param dirName    the directory's name as it is on disk
 * @param form       how the name is written
 * @param host       the registry host (without brackets for IPv6), or null when the name is not a valid host
 * @param port       the port, or null when the name has none
 * @param references the image reference prefixes (as typed in {@code docker pull}) this directory serves
 * @param problem    why the name is not a valid registry host, or null
 */
public record HostDir(String dirName, Form form, String host, Integer port, List<String> references, String problem) {

    /** How a host directory name is written. */
    public enum Form {
        HOST, HOST_PORT, IPV6, WINDOWS_STRIPPED, CONTAINERD_PORT, CONTAINERD_DEFAULT, INVALID
    }

    public HostDir {
        references = List.copyOf(references);
    }

    public boolean valid() {
        return form != Form.INVALID;
    }

    /** host:port as written in an image reference (IPv6 in brackets), or the host alone. */
    public String registry() {
        if (host == null) {
            return dirName;
        }
        String h = host.contains(":") ? "[" + host + "]" : host;
        return port == null ? h : h + ":" + port;
    }
}
