package vn.ocop.dossier.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Upload limits. Keep {@code spring.servlet.multipart.max-file-size} / {@code max-request-size} at least as large
 * as {@code max-file-size} (application.yml derives them) so an oversize upload is a 413 problem either way.
 */
@ConfigurationProperties("ocop.dossier.documents")
record DocumentLimits(@DefaultValue("20MB") DataSize maxFileSize, @DefaultValue("200MB") DataSize maxDossierSize) {
}
