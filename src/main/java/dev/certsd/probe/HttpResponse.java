package dev.certsd.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parts of an HTTP/1.1 response a registry probe needs, read with a size limit. */
record HttpResponse(int status, Map<String, String> headers, String htmlTitle) {
    private static final int MAX_HEAD = 16 * 1024;
    private static final int MAX_BODY = 64 * 1024;
    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** Reads one response; throws EOFException-like IOExceptions when the peer closes first. */
    static HttpResponse read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new java.io.EOFException("closed before any response");
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP response: " + statusLine);
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP status: " + statusLine, e);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        int total = 0;
        String h;
        while ((h = line(in)) != null && !h.isEmpty()) {
            total += h.length();
            if (total > MAX_HEAD) {
                throw new IOException("response headers too large");
            }
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
            }
        }
        String title = null;
        String type = headers.getOrDefault("content-type", "");
        if (type.contains("html")) {
            int length = MAX_BODY;
            try {
                length = Math.min(MAX_BODY, Integer.parseInt(headers.getOrDefault("content-length", "" + MAX_BODY)));
            } catch (NumberFormatException e) {
                length = MAX_BODY;
            }
            byte[] body = in.readNBytes(length);
            Matcher m = TITLE.matcher(new String(body, StandardCharsets.UTF_8));
            if (m.find()) {
                title = m.group(1).trim();
            }
        }
        return new HttpResponse(status, headers, title);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                break;
            }
            if (b.size() > MAX_HEAD) {
                throw new IOException("line too long");
            }
            b.write(c);
        }
        if (c == -1 && b.size() == 0) {
            return null;
        }
        String s = b.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
