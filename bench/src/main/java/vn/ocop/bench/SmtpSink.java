package vn.ocop.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal SMTP server on loopback that accepts every message and keeps only a count per (recipient, decoded
 * subject): enough to tell how many distinct messages arrived and whether any arrived twice, without holding
 * 100,000 mails in memory. Speaks the subset a JavaMail client uses without auth or STARTTLS (EHLO/HELO, MAIL,
 * RCPT, DATA, RSET, NOOP, QUIT).
 */
public final class SmtpSink implements AutoCloseable {

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?]+)\\?([BbQq])\\?([^?]*)\\?=");

    private final ServerSocket server;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Integer> received = new ConcurrentHashMap<>();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong firstAt = new AtomicLong();
    private final AtomicLong lastAt = new AtomicLong();
    private final AtomicReference<String> sample = new AtomicReference<>();
    private volatile boolean closed;

    public SmtpSink() throws IOException {
        server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "smtp-sink");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public long messages() {
        return messages.get();
    }

    public int distinct() {
        return received.size();
    }

    public long duplicates() {
        return received.values().stream().mapToLong(count -> count - 1L).sum();
    }

    public long lastAtNanos() {
        return lastAt.get();
    }

    public String sampleSubject() {
        return sample.get();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                workers.submit(() -> session(socket));
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("[smtp-sink] accept failed: " + e);
                }
            }
        }
    }

    private void session(Socket socket) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.ISO_8859_1)); OutputStream out = socket.getOutputStream()) {
            reply(out, "220 bench-smtp-sink ESMTP");
            String recipient = null;
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO" -> reply(out, "250-bench-smtp-sink\r\n250-8BITMIME\r\n250 SMTPUTF8");
                    case "HELO", "NOOP" -> reply(out, "250 OK");
                    case "MAIL" -> {
                        recipient = null;
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        int lt = line.indexOf('<');
                        int gt = line.indexOf('>');
                        String address = lt >= 0 && gt > lt ? line.substring(lt + 1, gt) : line.substring(8).trim();
                        recipient = recipient == null ? address.toLowerCase() : recipient + "," + address.toLowerCase();
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        String subject = readMessage(in);
                        record(recipient, subject);
                        reply(out, "250 OK queued");
                    }
                    case "RSET" -> {
                        recipient = null;
                        reply(out, "250 OK");
                    }
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "250 OK");
                }
            }
        } catch (IOException e) {
            if (!closed) {
                System.err.println("[smtp-sink] session failed: " + e);
            }
        }
    }

    /** Reads DATA up to the lone dot; returns the decoded Subject header (unfolded). */
    private static String readMessage(BufferedReader in) throws IOException {
        StringBuilder subject = null;
        boolean headers = true;
        boolean inSubject = false;
        String line;
        while ((line = in.readLine()) != null) {
            if (line.equals(".")) {
                break;
            }
            if (headers) {
                if (line.isEmpty()) {
                    headers = false;
                } else if (inSubject && (line.startsWith(" ") || line.startsWith("\t"))) {
                    subject.append(line.substring(1));
                } else {
                    inSubject = line.regionMatches(true, 0, "Subject:", 0, 8);
                    if (inSubject) {
                        subject = new StringBuilder(line.substring(8).trim());
                    }
                }
            }
        }
        return subject == null ? "" : decodeHeader(subject.toString());
    }

    void record(String recipient, String subject) {
        long now = System.nanoTime();
        firstAt.compareAndSet(0, now);
        lastAt.set(now);
        messages.incrementAndGet();
        sample.compareAndSet(null, subject);
        int count = received.merge(recipient + "|" + subject, 1, Integer::sum);
        Matcher tag = TAG.matcher(subject);
        if (tag.find()) {
            Tally tally = tallies.computeIfAbsent(tag.group(), t -> new Tally());
            tally.messages.incrementAndGet();
            if (count == 1) {
                tally.distinct.incrementAndGet();
                tally.lastDistinctAt.set(now);
            } else {
                tally.duplicates.incrementAndGet();
            }
        }
    }

    private static final Pattern TAG = Pattern.compile("BENCH-[a-z0-9]+-R[0-9]+-");

    private static final class Tally {
        final AtomicLong messages = new AtomicLong();
        final AtomicLong distinct = new AtomicLong();
        final AtomicLong duplicates = new AtomicLong();
        final AtomicLong lastDistinctAt = new AtomicLong();
    }

    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();

    private Tally tally(String tag) {
        return tallies.getOrDefault(tag, new Tally());
    }

    /** Messages whose subject carries {@code tag} (a bench run tag such as {@code BENCH-abc-R1-}). */
    public long messages(String tag) {
        return tally(tag).messages.get();
    }

    public long distinct(String tag) {
        return tally(tag).distinct.get();
    }

    public long duplicates(String tag) {
        return tally(tag).duplicates.get();
    }

    /** When the last new (recipient, subject) with this tag arrived (System.nanoTime). */
    public long lastAtNanos(String tag) {
        return tally(tag).lastDistinctAt.get();
    }

    /** RFC 2047 encoded words (B and Q), adjacent encoded words joined without the whitespace between them. */
    static String decodeHeader(String value) {
        String joined = value.replaceAll("\\?=\\s+=\\?", "?==?");
        Matcher matcher = ENCODED_WORD.matcher(joined);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (matcher.find()) {
            out.append(joined, last, matcher.start());
            java.nio.charset.Charset charset = java.nio.charset.Charset.forName(matcher.group(1));
            String text = matcher.group(3);
            byte[] bytes;
            if (matcher.group(2).equalsIgnoreCase("B")) {
                bytes = Base64.getDecoder().decode(text);
            } else {
                java.io.ByteArrayOutputStream decoded = new java.io.ByteArrayOutputStream();
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c == '_') {
                        decoded.write(' ');
                    } else if (c == '=' && i + 2 < text.length()) {
                        decoded.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                        i += 2;
                    } else {
                        decoded.write(c);
                    }
                }
                bytes = decoded.toByteArray();
            }
            out.append(new String(bytes, charset));
            last = matcher.end();
        }
        return out.append(joined.substring(last)).toString();
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        workers.shutdownNow();
    }
}
