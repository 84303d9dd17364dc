package vn.ocop.dossier.documents;

import java.io.IOException;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.ocop.chassis.security.AgencyPrincipal;
import vn.ocop.dossier.access.Access;
import vn.ocop.dossier.documents.domain.Filenames;
import vn.ocop.dossier.intake.DossierViews.DocumentView;
import vn.ocop.dossier.intake.domain.DocumentKind;

/** Upload, list, download and delete the files of a dossier. */
@RestController
@EnableConfigurationProperties(DocumentLimits.class)
class DocumentController {

    private final DocumentService service;

    DocumentController(DocumentService service) {
        this.service = service;
    }

    @PostMapping(path = "/dossiers/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(Access.LOCALITY_ACTORS)
    @ResponseStatus(HttpStatus.CREATED)
    DocumentView upload(@PathVariable String id, @RequestParam DocumentKind kind, @RequestPart("file") MultipartFile file,
            @AuthenticationPrincipal AgencyPrincipal me) throws IOException {
        return service.upload(id, kind, file, me);
    }

    @GetMapping("/dossiers/{id}/documents")
    List<DocumentView> list(@PathVariable String id, @AuthenticationPrincipal AgencyPrincipal me) {
        return service.list(id, me);
    }

    @GetMapping("/dossiers/{id}/documents/{documentId}")
    ResponseEntity<InputStreamResource> download(@PathVariable String id, @PathVariable String documentId,
            @AuthenticationPrincipal AgencyPrincipal me) throws IOException {
        DocumentService.Download download = service.download(id, documentId, me);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.document().contentType()))
                .contentLength(download.document().size())
                .header(HttpHeaders.CONTENT_DISPOSITION, Filenames.attachmentDisposition(download.document().filename()))
                .header("X-Content-Type-Options", "nosniff")
                .eTag("\"" + download.document().sha256() + "\"")
                .body(new InputStreamResource(download.content()));
    }

    @DeleteMapping("/dossiers/{id}/documents/{documentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id, @PathVariable String documentId, @AuthenticationPrincipal AgencyPrincipal me) {
        service.delete(id, documentId, me);
    }
}
