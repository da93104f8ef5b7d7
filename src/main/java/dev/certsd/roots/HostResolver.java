package dev.certsd.roots;

import java.net.InetAddress;
import java.util.List;

/** Resolves a registry host name to addresses, as Docker does before matching insecure ranges. */
@FunctionalInterface
public interface HostResolver {
    /** The addresses of the name; empty when it does not resolve. Never throws. */
    List<InetAddress> resolve(String host);
}
