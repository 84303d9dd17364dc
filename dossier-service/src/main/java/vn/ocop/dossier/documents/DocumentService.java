package vn.ocop.dossier.documents;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import com.mongodb.client.gridfs.model.GridFSFile;

import vn.ocop.chassis.errors.ConflictException;
import vn.ocop.chassis.errors.FieldViolation;
import vn.ocop.chassis.errors.InvalidInputException;
import vn.ocop.chassis.errors.NotFoundException;
import vn.ocop.chassis.security.AgencyPrincipal;
import vn.ocop.dossier.documents.domain.FileSniffer;
import vn.ocop.dossier.documents.domain.FileType;
import vn.ocop.dossier.documents.domain.Filenames;
import vn.ocop.dossier.intake.DossierAccess;
import vn.ocop.dossier.intake.DossierStore;
import vn.ocop.dossier.intake.DossierViews.DocumentView;
import vn.ocop.dossier.intake.domain.AttachedDocument;
import vn.ocop.dossier.intake.domain.DocumentKind;
import vn.ocop.dossier.intake.domain.Dossier;

/** Files of a dossier in GridFS: typed by content, hashed while stored, streamed back. */
@Service
class DocumentService {

    private final DossierStore store;
    private final DossierAccess access;
    private final GridFsTemplate gridFs;
    private final DocumentLimits limits;
    private final Clock clock;

    DocumentService(DossierStore store, DossierAccess access, GridFsTemplate gridFs, DocumentLimits limits, Clock clock) {
        this.store = store;
        this.access = access;
        this.gridFs = gridFs;
        this.limits = limits;
        this.clock = clock;
    }

    record Download(AttachedDocument document, InputStream content) {
    }

    DocumentView upload(String dossierId, DocumentKind kind, MultipartFile file, AgencyPrincipal me) throws IOException {
        Dossier dossier = access.changeable(me, dossierId).dossier();
        if (!dossier.status().documentsEditable()) {
            throw new ConflictException("dossier.illegal-transition", dossier.status().name(), "ATTACH_DOCUMENT");
        }
        if (kind == null) {
            throw new InvalidInputException("document.invalid", List.of(FieldViolation.of("kind", "validation.NotNull")));
        }
        requireWithinLimits(dossier, file.getSize());
        String filename = Filenames.sanitize(file.getOriginalFilename());
        FileType type = FileSniffer.detect(file::getInputStream).orElseThrow(() -> new DocumentProblems.UnsupportedType(filename));
        Optional<String> extension = Filenames.extension(filename);
        if (extension.isPresent() && !type.extensions().contains(extension.get())) {
            throw new InvalidInputException("document.invalid", List.of(FieldViolation.of("file",
                    "document.extension-mismatch", filename, type.name())));
        }
        String storedName = extension.isPresent() ? filename : filename + "." + type.extensions().get(0);

        MessageDigest sha256 = sha256();
        long[] size = {0};
        ObjectId id;
        try (InputStream in = new DigestInputStream(counting(file.getInputStream(), size), sha256)) {
            id = gridFs.store(in, storedName, type.mediaType(),
                    new Document("dossierId", dossierId).append("kind", kind.name()));
        }
        Instant now = clock.instant();
        AttachedDocument attached = new AttachedDocument(id.toHexString(), kind, storedName, type.mediaType(), size[0],
                HexFormat.of().formatHex(sha256.digest()), now, me.subject());
        try {
            store.update(dossierId, now, current -> {
                requireWithinLimits(current, attached.size());
                current.attach(attached);
                return List.of();
            }, record -> record);
        } catch (RuntimeException e) {
            gridFs.delete(query(where("_id").is(id)));
            throw e;
        }
        return DocumentView.of(attached);
    }

    Download download(String dossierId, String documentId, AgencyPrincipal me) throws IOException {
        Dossier dossier = access.readable(me, dossierId).dossier();
        AttachedDocument document = dossier.document(documentId);
        GridFSFile file = gridFs.findOne(query(where("_id").is(new ObjectId(documentId))));
        if (file == null) {
            throw new NotFoundException("document.not-found", documentId);
        }
        GridFsResource resource = gridFs.getResource(file);
        return new Download(document, resource.getInputStream());
    }

    List<DocumentView> list(String dossierId, AgencyPrincipal me) {
        Dossier dossier = access.readable(me, dossierId).dossier();
        return dossier.documents().stream().map(DocumentView::of).toList();
    }

    /** Deleting is allowed while the dossier is a draft or returned for completion (to replace a faulty file). */
    void delete(String dossierId, String documentId, AgencyPrincipal me) {
        Dossier dossier = access.changeable(me, dossierId).dossier();
        Instant now = clock.instant();
        store.update(dossierId, now, current -> {
            current.detach(documentId, me.subject(), now);
            return List.of();
        }, record -> record);
        gridFs.delete(query(where("_id").is(new ObjectId(documentId))));
    }

    private void requireWithinLimits(Dossier dossier, long size) {
        if (size > limits.maxFileSize().toBytes()) {
            throw new DocumentProblems.TooLarge("document.file-too-large", limits.maxFileSize().toMegabytes());
        }
        if (dossier.totalDocumentSize() + size > limits.maxDossierSize().toBytes()) {
            throw new DocumentProblems.TooLarge("document.dossier-too-large", limits.maxDossierSize().toMegabytes());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream counting(InputStream in, long[] count) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count[0]++;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    count[0] += n;
                }
                return n;
            }
        };
    }
}
