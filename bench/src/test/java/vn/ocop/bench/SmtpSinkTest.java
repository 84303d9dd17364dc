package vn.ocop.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class SmtpSinkTest {

    @Test
    void decodesEncodedWordSubjects() {
        assertThat(SmtpSink.decodeHeader("=?UTF-8?B?Tmjhuq9jIGjhuqFuOiBCRU5DSC1hYmMtUjEtMDAwMDAx?="))
                .isEqualTo("Nhắc hạn: BENCH-abc-R1-000001");
        assertThat(SmtpSink.decodeHeader("=?UTF-8?Q?Nh=E1=BA=AFc_h=E1=BA=A1n:?= BENCH")).isEqualTo("Nhắc hạn: BENCH");
        assertThat(SmtpSink.decodeHeader("=?UTF-8?B?Tmjhuq9j?= =?UTF-8?B?IGjhuqFu?=")).isEqualTo("Nhắc hạn");
        assertThat(SmtpSink.decodeHeader("plain")).isEqualTo("plain");
    }

    @Test
    void countsDistinctMessagesAndDuplicatesPerRunTagOverRealSmtp() throws Exception {
        try (SmtpSink sink = new SmtpSink()) {
            send(sink.port(), "a@x.vn", "=?UTF-8?B?" + b64("Nhắc hạn: BENCH-abc-R1-000001") + "?=");
            send(sink.port(), "b@x.vn", "Reminder: BENCH-abc-R1-000001");
            send(sink.port(), "a@x.vn", "=?UTF-8?B?" + b64("Nhắc hạn: BENCH-abc-R1-000001") + "?=");
            send(sink.port(), "a@x.vn", "Other subject");
            await().atMost(Duration.ofSeconds(10)).until(() -> sink.messages() == 4);
            assertThat(sink.messages("BENCH-abc-R1-")).isEqualTo(3);
            assertThat(sink.distinct("BENCH-abc-R1-")).isEqualTo(2);
            assertThat(sink.duplicates("BENCH-abc-R1-")).isEqualTo(1);
            assertThat(sink.distinct("BENCH-abc-R2-")).isZero();
            assertThat(sink.lastAtNanos("BENCH-abc-R1-")).isPositive();
        }
    }

    private static String b64(String text) {
        return java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(int port, String to, String subject) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = socket.getOutputStream()) {
            assertThat(in.readLine()).startsWith("220");
            for (String line : new String[] {"EHLO test", "MAIL FROM:<ocop@localhost>", "RCPT TO:<" + to + ">", "DATA"}) {
                out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
                String answer = in.readLine();
                while (answer.startsWith("250-")) {
                    answer = in.readLine();
                }
                assertThat(answer).matches("^(250|354).*");
            }
            out.write(("Subject: " + subject + "\r\nTo: " + to + "\r\n\r\nbody line\r\n..dotted\r\n.\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("250");
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("221");
        }
    }
}
