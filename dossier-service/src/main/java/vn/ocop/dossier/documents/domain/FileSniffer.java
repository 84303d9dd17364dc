package vn.ocop.dossier.documents.domain;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Decides a file's type by its content (magic bytes), never by its name: PDF {@code %PDF-}, JPEG {@code FF D8 FF},
 * PNG {@code 89 50 4E 47 0D 0A 1A 0A}; DOCX and XLSX are ZIP archives ({@code 50 4B 03 04}) told apart by their
 * entries ({@code word/} resp. {@code xl/}). Reads as a stream: a large file is never held in memory.
 */
public final class FileSniffer {

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] ZIP = {'P', 'K', 0x03, 0x04};
    private static final int MAX_ZIP_ENTRIES = 10_000;

    /** Something that can be read from the start more than once (an uploaded file). */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    private FileSniffer() {
    }

    public static Optional<FileType> detect(Content content) throws IOException {
        byte[] head;
        try (InputStream in = content.open()) {
            head = in.readNBytes(8);
        }
        if (startsWith(head, PDF)) {
            return Optional.of(FileType.PDF);
        }
        if (startsWith(head, JPEG)) {
            return Optional.of(FileType.JPEG);
        }
        if (startsWith(head, PNG)) {
            return Optional.of(FileType.PNG);
        }
        if (startsWith(head, ZIP)) {
            return officeDocument(content);
        }
        return Optional.empty();
    }

    private static Optional<FileType> officeDocument(Content content) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(content.open())) {
            ZipEntry entry;
            int seen = 0;
            while ((entry = zip.getNextEntry()) != null && seen++ < MAX_ZIP_ENTRIES) {
                String name = entry.getName();
                if (name.startsWith("word/")) {
                    return Optional.of(FileType.DOCX);
                }
                if (name.startsWith("xl/")) {
                    return Optional.of(FileType.XLSX);
                }
            }
        } catch (IOException | IllegalArgumentException malformed) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }
}
