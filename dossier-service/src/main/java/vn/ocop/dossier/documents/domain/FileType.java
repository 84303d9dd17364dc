package vn.ocop.dossier.documents.domain;

import java.util.List;

/** The file types a dossier accepts, recognised by their content, with the extensions that may name them. */
public enum FileType {
    PDF("application/pdf", List.of("pdf")),
    JPEG("image/jpeg", List.of("jpg", "jpeg")),
    PNG("image/png", List.of("png")),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx")),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of("xlsx"));

    private final String mediaType;
    private final List<String> extensions;

    FileType(String mediaType, List<String> extensions) {
        this.mediaType = mediaType;
        this.extensions = extensions;
    }

    public String mediaType() {
        return mediaType;
    }

    public List<String> extensions() {
        return extensions;
    }
}
