package io.github.cwcontract.stub.message;

import io.github.cwcontract.stub.http.ApiErrors;
import io.github.cwcontract.stub.store.AttachmentRow;
import jakarta.ws.rs.core.HttpHeaders;
import org.glassfish.jersey.media.multipart.FormDataBodyPart;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/** Reads one {@code attachments[]} part of a multipart message into memory. */
final class Uploads {
    private Uploads() {
    }

    static AttachmentRow.Upload read(FormDataBodyPart part) {
        String rawFilename = part.getContentDisposition().getFileName();
        if (rawFilename == null) {
            // Rack hands a part without a filename to Chatwoot as a String, on which it fails with NoMethodError
            throw ApiErrors.internalError();
        }
        // the part headers are decoded as ISO-8859-1; browsers send UTF-8 names and Rack keeps them as UTF-8
        String filename = new String(rawFilename.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        String declared = part.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
        String guessed = URLConnection.guessContentTypeFromName(filename);
        String contentType = declared != null ? part.getMediaType().toString()
                : guessed != null ? guessed : "application/octet-stream";
        byte[] bytes;
        try (InputStream in = part.getEntityAs(InputStream.class)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int[] size = MessageViews.fileType(contentType).equals("image") ? imageSize(bytes) : null;
        return new AttachmentRow.Upload(filename, contentType, bytes,
                size == null ? null : size[0], size == null ? null : size[1]);
    }

    /** Width and height from the image header, without decoding the pixels; null when unreadable. */
    private static int[] imageSize(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }
}
