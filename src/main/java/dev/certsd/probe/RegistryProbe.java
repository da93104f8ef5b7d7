package dev.certsd.probe;

import dev.certsd.diagnose.HostReport;
import dev.certsd.layout.Client;
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
        long overallDeadline = options.timeouts().overallDeadline();
        Endpoint endpoint = options.endpoint() != null ? options.endpoint() : Endpoint.of(host.hostDir());
        ProxyChoice proxy = ProxyChoice.forEndpoint(endpoint, options.env());
        InetAddress fixed = options.resolve().get(endpoint.host());
        List<Path> caFiles = host.load().caFiles().stream().map(n -> host.path().resolve(n)).toList();
        boolean merged = host.load().systemRootsMerged() && !options.customRootsOnly();
        List<ClientPair> pairs = loadPairs(host);
        // containerd with skip_verify = true in hosts.toml does not verify the server at all, and neither do we
        boolean skipVerify = options.client() == Client.CONTAINERD && host.certsdUsed() && host.load().skipVerify();
        Commands commands = new Commands(endpoint, caFiles, !merged, fixed == null ? null : fixed.getHostAddress(),
                skipVerify);
        AttemptRunner runner = new AttemptRunner(endpoint, fixed, proxy, options.timeouts(), options.clock(), cancellation,
                overallDeadline);
        GoVerifier verifier = skipVerify ? null : new GoVerifier(readCas(caFiles), options.systemRoots(), merged);

        boolean dockerInsecure = options.client() == Client.DOCKER && !host.certsdUsed();
        List<Callable<Attempt>> work = new ArrayList<>();
        work.add(() -> runner.tls(Attempt.Kind.BASELINE, null, verifier, commands));
        for (ClientPair p : pairs) {
            work.add(() -> runner.tls(Attempt.Kind.PAIR, p, verifier, commands));
        }
        if (dockerInsecure) {
            work.add(() -> runner.tls(Attempt.Kind.INSECURE_HTTPS, null, null, commands));
            work.add(() -> runner.plainHttp(commands));
        }
        List<Attempt> attempts = runAll(work, cancellation);

        Attempt baseline = attempts.get(0);
        Attempt withRequest = attempts.stream().filter(Attempt::certificateRequested).findFirst().orElse(baseline);
        GoClientModel.Choice choice = unverified(baseline) ? new GoClientModel.Choice(null,
                GoClientModel.Reason.SERVER_NOT_VERIFIED) : GoClientModel.choose(pairs,
                withRequest.certificateRequested(), withRequest.acceptableIssuersDer(), withRequest.keyTypes());
        String firstAccepted = attempts.stream().filter(a -> a.kind() == Attempt.Kind.PAIR && a.accepted())
                .map(Attempt::pair).findFirst().orElse(null);
        Prediction prediction = predict(host, attempts, choice, dockerInsecure);
        return new ProbeReport(host.hostDir().dirName(), options.client(), endpoint, proxy, host.certsdUsed(), caFiles,
                merged, skipVerify, attempts, withRequest.acceptableIssuers(), firstAccepted, choice.name(), choice.reason(),
                prediction);
    }

    /** The client rejected the server's certificate: its handshake ended before any client certificate was sent. */
    private static boolean unverified(Attempt a) {
        return a.outcome() == Outcome.SERVER_NOT_TRUSTED || a.outcome() == Outcome.NAME_MISMATCH;
    }

    private Prediction predict(HostReport host, List<Attempt> attempts, GoClientModel.Choice choice,
                               boolean dockerInsecure) {
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
        if (choice.pair() == null) {
            Attempt baseline = attempts.get(0);
            return new Prediction(client, baseline.accepted(), Prediction.Reason.NO_CERTIFICATE, baseline.outcome().id());
        }
        Attempt sent = find(attempts, Attempt.Kind.PAIR, choice.name());
        return new Prediction(client, sent.accepted(), Prediction.Reason.GO_CHOICE, sent.outcome().id());
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
        List<ClientPair> pairs = new ArrayList<>();
        for (String certName : host.load().pairs()) {
            Path cert = host.path().resolve(certName);
            Path key = certName.endsWith(".cert")
                    ? host.path().resolve(certName.substring(0, certName.length() - 5) + ".key") : cert;
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
