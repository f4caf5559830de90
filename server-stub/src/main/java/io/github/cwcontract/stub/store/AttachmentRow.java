package io.github.cwcontract.stub.store;

/** An uploaded file, kept in memory and served under its random {@link #key}. */
public final class AttachmentRow {
    public final int id;
    public final int messageId;
    public final String key;
    public final String filename;
    public final String contentType;
    public final byte[] bytes;
    /** Pixel size of a readable image, else null. */
    public final Integer width;
    public final Integer height;

    AttachmentRow(int id, int messageId, String key, Upload upload) {
        this.id = id;
        this.messageId = messageId;
        this.key = key;
        this.filename = upload.filename();
        this.contentType = upload.contentType();
        this.bytes = upload.bytes();
        this.width = upload.width();
        this.height = upload.height();
    }

    /** A file as received, before it belongs to a message. */
    public record Upload(String filename, String contentType, byte[] bytes, Integer width, Integer height) {
    }
}
