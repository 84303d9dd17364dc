package vn.ocop.notification;

import java.util.Arrays;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** Reads what GreenMail received. */
public final class Mails {

    private Mails() {
    }

    public static List<MimeMessage> to(TestSupportConfiguration.TestSmtp smtp, String address) {
        return Arrays.stream(smtp.server().getReceivedMessages()).filter(message -> {
            try {
                Address[] recipients = message.getAllRecipients();
                return recipients != null && Arrays.stream(recipients).anyMatch(r -> r.toString().equalsIgnoreCase(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    public static String part(Part part, String mimeType) {
        try {
            if (part.isMimeType(mimeType)) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String found = part(multipart.getBodyPart(i), mimeType);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
