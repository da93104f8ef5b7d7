package dev.certsd.probe;

import dev.certsd.diagnose.ContainerdHost;
import dev.certsd.diagnose.HostReport;
import dev.certsd.roots.Client;
import dev.certsd.material.CertInfo;
import dev.certsd.material.GoPem;
import dev.certsd.material.PemBlock;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The connection test of one host directory: a baseline without client certificate, each pair alone in load
 * order, and for a registry Docker treats as insecure what Docker really does; all concurrently, each bounded by
 * the timeouts and all together by the overall one, all cancellable. Then the docs' answer (first accepted pair)
 * and Go's (the pair it sends).
 */
public final class RegistryProbe {
    private static final int MAX_PARALLEL = 64;
    private final ProbeOptions options;

    public RegistryProbe(ProbeOptions options) {
        this.options = options;
    }

    public ProbeReport run(HostReport host, Cancellation cancellation) {
        List<ContainerdHost> hosts = containerdHosts(host);
        if (hosts.size() <= 1 || options.endpoint() != null) {
            return run(host, hosts.isEmpty() ? null : hosts.get(0), cancellation);
        }
        // containerd resolves at each host with the resolve capability in turn, going on after an error; it
        // reports the first error when none answers
        ProbeReport first = null;
        for (ContainerdHost via : hosts) {
            ProbeReport r = run(host, via, cancellation);
            if (r.prediction().success() || r.prediction().reason() == Prediction.Reason.CONFIG_ERROR
                    || r.prediction().reason() == Prediction.Reason.HANGS || cancellation.cancelled()) {
                return r;
            }
            first = first == null ? r : first;
        }
        return first;
    }

    private ProbeReport run(HostReport host, ContainerdHost via, Cancellation cancellation) {
        long overallDeadline = options.timeouts().overallDeadline();
        Endpoint endpoint = options.endpoint() != null ? options.endpoint()
                : via != null && !via.host().isEmpty() ? Endpoint.parse(via.scheme() + "://" + via.host() + via.path() + "/")
                : Endpoint.of(host.hostDir());
        ProxyChoice proxy = ProxyChoice.forEndpoint(endpoint, options.env());
        InetAddress fixed = options.resolve().get(endpoint.host());
        List<Path> caFiles = (via != null ? via.caFiles() : host.load().caFiles()).stream()
                .map(n -> host.path().resolve(n)).toList();
        boolean merged = host.load().systemRootsMerged() && !options.customRootsOnly();
        List<ClientPair> pairs = loadPairs(host, via);
        // containerd with skip_verify = true in hosts.toml does not verify the server at all, and neither do we
        boolean skipVerify = options.client() == Client.CONTAINERD && host.certsdUsed()
                && (host.load().skipVerify() || via != null && via.skipVerify());
        Commands commands = new Commands(endpoint, caFiles, !merged, fixed == null ? null : fixed.getHostAddress(),
                skipVerify);
        AttemptRunner runner = new AttemptRunner(endpoint, fixed, proxy, options.timeouts(), options.clock(), cancellation,
                overallDeadline);
        GoVerifier verifier = skipVerify ? null : new GoVerifier(readCas(caFiles), options.systemRoots(), merged);

        boolean dockerInsecure = options.client() == Client.DOCKER && !host.certsdUsed();
        // containerd speaks plain HTTP to an http:// host (and to loopback before 1.6.25), and after a TLS attempt
        // that met a plain-HTTP server where it falls back
        boolean plainOnly = via != null && endpoint.scheme().equals("http");
        boolean fallback = via != null && via.httpFallback();
        List<Callable<Attempt>> work = new ArrayList<>();
        if (plainOnly) {
            work.add(() -> runner.plainHttp(commands));
        } else {
            work.add(() -> runner.tls(Attempt.Kind.BASELINE, null, verifier, commands));
            for (ClientPair p : pairs) {
                work.add(() -> runner.tls(Attempt.Kind.PAIR, p, verifier, commands));
            }
        }
        if (dockerInsecure) {
            work.add(() -> runner.tls(Attempt.Kind.INSECURE_HTTPS, null, null, commands));
        }
        if (dockerInsecure) {
            work.add(() -> runner.plainHttp(commands));
        } else if (fallback) {
            AttemptRunner http = new AttemptRunner(endpoint.withScheme("http"), fixed, proxy, options.timeouts(),
                    options.clock(), cancellation, overallDeadline);
            work.add(() -> http.plainHttp(commands));
        }
        List<Attempt> attempts = runAll(work, cancellation);

        Attempt baseline = attempts.get(0);
        Attempt withRequest = attempts.stream().filter(Attempt::certificateRequested).findFirst().orElse(baseline);
        GoClientModel.Choice choice = plainOnly || unverified(baseline) ? new GoClientModel.Choice(null,
                plainOnly ? GoClientModel.Reason.NOT_REQUESTED : GoClientModel.Reason.SERVER_NOT_VERIFIED)
                : GoClientModel.choose(pairs, withRequest.certificateRequested(), withRequest.acceptableIssuersDer(),
                withRequest.keyTypes());
        String firstAccepted = attempts.stream().filter(a -> a.kind() == Attempt.Kind.PAIR && a.accepted())
                .map(Attempt::pair).findFirst().orElse(null);
        Prediction prediction = predict(host, attempts, choice, dockerInsecure, plainOnly, fallback);
        return new ProbeReport(host.hostDir().dirName(), options.client(), endpoint, proxy, host.certsdUsed(), caFiles,
                merged, skipVerify, attempts, withRequest.acceptableIssuers(), firstAccepted, choice.name(), choice.reason(),
                prediction, host.verdict().modelledFor());
    }

    /**
     * The endpoints containerd resolves the tag at, in its order: its hosts with the resolve capability (none for
     * the other clients, and when containerd never reads the directory).
     */
    private List<ContainerdHost> containerdHosts(HostReport host) {
        if (options.client() != Client.CONTAINERD || !host.certsdUsed()) {
            return List.of();
        }
        return host.load().hosts().stream().filter(h -> h.resolve() && !h.host().isEmpty()).toList();
    }

    /** The client rejected the server's certificate: its handshake ended before any client certificate was sent. */
    private static boolean unverified(Attempt a) {
        return a.outcome() == Outcome.SERVER_NOT_TRUSTED || a.outcome() == Outcome.NAME_MISMATCH;
    }

    private Prediction predict(HostReport host, List<Attempt> attempts, GoClientModel.Choice choice,
                               boolean dockerInsecure, boolean plainOnly, boolean fallback) {
        Client client = options.client();
        if (host.configError() != null) {
            return new Prediction(client, false, Prediction.Reason.CONFIG_ERROR, host.configError());
        }
        if (host.certsdUsed() && host.load().blocksOn() != null) {
            return new Prediction(client, false, Prediction.Reason.HANGS, host.load().blocksOn());
        }
        if (dockerInsecure) {
            Attempt https = find(attempts, Attempt.Kind.INSECURE_HTTPS, null);
            if (https.accepted()) {
                return new Prediction(client, true, Prediction.Reason.INSECURE_HTTPS, https.outcome().id());
            }
            Attempt http = find(attempts, Attempt.Kind.PLAIN_HTTP, null);
            return new Prediction(client, http.accepted(), Prediction.Reason.PLAIN_HTTP, http.outcome().id());
        }
        if (plainOnly) {
            Attempt http = find(attempts, Attempt.Kind.PLAIN_HTTP, null);
            return new Prediction(client, http.accepted(), Prediction.Reason.PLAIN_HTTP, http.outcome().id());
        }
        Attempt made = choice.pair() == null ? attempts.get(0) : find(attempts, Attempt.Kind.PAIR, choice.name());
        if (fallback && "plain-http".equals(made.transportError())) {
            // containerd's HTTPFallback: the server answered the TLS hello in plain HTTP, so the request is resent so
            Attempt http = find(attempts, Attempt.Kind.PLAIN_HTTP, null);
            return new Prediction(client, http.accepted(), Prediction.Reason.PLAIN_HTTP, http.outcome().id());
        }
        if (choice.pair() == null) {
            return new Prediction(client, made.accepted(), Prediction.Reason.NO_CERTIFICATE, made.outcome().id());
        }
        return new Prediction(client, made.accepted(), Prediction.Reason.GO_CHOICE, made.outcome().id());
    }

    private static Attempt find(List<Attempt> attempts, Attempt.Kind kind, String pair) {
        return attempts.stream().filter(a -> a.kind() == kind && (pair == null || pair.equals(a.pair()))).findFirst()
                .orElseThrow();
    }

    private List<Attempt> runAll(List<Callable<Attempt>> work, Cancellation cancellation) {
        // one thread per attempt (a directory holds a handful of pairs): none waits in a queue while the overall
        // deadline runs, and each waits on the network, not on the CPU
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(work.size(), MAX_PARALLEL), r -> {
            Thread t = new Thread(r, "certsd-probe");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Attempt>> futures = new ArrayList<>();
            for (Callable<Attempt> c : work) {
                futures.add(pool.submit(c));
            }
            List<Attempt> out = new ArrayList<>();
            for (Future<Attempt> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            cancellation.cancel();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("probe interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("probe attempt failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The pairs the client loaded, in its order, as key material for a handshake. */
    static List<ClientPair> loadPairs(HostReport host) {
        return loadPairs(host, null);
    }

    /**
     * The pairs of containerd's endpoint {@code via} (its hosts.toml entry), or else all the client loaded; each
     * with the key file the client reads: the one hosts.toml names, {@code <base>.key}, or the certificate file.
     */
    static List<ClientPair> loadPairs(HostReport host, ContainerdHost via) {
        List<ClientPair> pairs = new ArrayList<>();
        List<List<String>> named = via != null ? via.pairs()
                : host.load().pairs().stream().map(c -> List.of(c, host.load().keyFileOf(c))).toList();
        for (List<String> pair : named) {
            String certName = pair.get(0);
            Path cert = host.path().resolve(certName);
            Path key = pair.get(1).isEmpty() ? cert : host.path().resolve(pair.get(1));
            Optional<ClientPair> p = ClientPair.load(certName, cert, Files.exists(key) ? key : cert);
            p.ifPresent(pairs::add);
        }
        return pairs;
    }

    private static List<X509Certificate> readCas(List<Path> files) {
        List<X509Certificate> out = new ArrayList<>();
        for (Path f : files) {
            try {
                for (PemBlock b : GoPem.decodeAll(dev.certsd.material.InputFiles.readRegular(f))) {
                    if (b.type().equals("CERTIFICATE") && b.headers().isEmpty()) {
                        dev.certsd.material.CertParser.parse(b.bytes()).map(CertInfo::certificate).ifPresent(out::add);
                    }
                }
            } catch (IOException e) {
                // the client would have stopped already; the check reports it
            }
        }
        return out;
    }
}
