package org.heraldcms.media;

import java.nio.file.Path;

import org.springframework.core.io.FileSystemResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Serves uploads by stored name, with their checked type, {@code nosniff} and a long cache;
 * anything but an image as an attachment named after the upload ({@link MediaItem#downloadName()}).
 */
@Controller
class MediaFiles {

    private final MediaLibrary library;

    MediaFiles(MediaLibrary library) {
        this.library = library;
    }

    @GetMapping("/media/{name}")
    ResponseEntity<FileSystemResource> file(@PathVariable String name) {
        Path file = library.file(name).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String type = MediaLibrary.contentType(name);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(365)).cachePublic().immutable());
        if (!type.startsWith("image/")) {
            // documents and archives are downloaded, never shown, under their uploaded name
            answer.header("Content-Disposition", library.find(name).map(m -> Attachment.header(m.downloadName()))
                    .orElse("attachment"));
        }
        return answer.body(new FileSystemResource(file));
    }
}
