package io.github.cwcontract.stub.message;

import com.fasterxml.jackson.annotation.JsonValue;
import io.github.cwcontract.stub.contact.ContactViews;
import io.github.cwcontract.stub.model.Attachment;
import io.github.cwcontract.stub.model.ContactSender;
import io.github.cwcontract.stub.model.FileAttachment;
import io.github.cwcontract.stub.model.Message;
import io.github.cwcontract.stub.model.Sender;
import io.github.cwcontract.stub.store.AttachmentRow;
import io.github.cwcontract.stub.store.JsonValues;
import io.github.cwcontract.stub.store.MessageRow;
import io.github.cwcontract.stub.store.Store;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The message as Chatwoot's public views render it. Call inside the store lock. */
public final class MessageViews {
    /** Where the stub serves uploaded files; shaped like the ActiveStorage URLs of a real server. */
    static final String BLOB_PATH = "rails/active_storage/blobs/redirect";

    private MessageViews() {
    }

    public static Message message(MessageRow message, URI baseUri) {
        return new Message()
                .id(message.id)
                .content(message.content)
                .messageType(Message.MessageTypeEnum.fromValue(message.messageType))
                .contentType(Message.ContentTypeEnum.fromValue(message.contentType))
                .contentAttributes(JsonValues.copy(message.contentAttributes))
                .createdAt(message.createdAt.getEpochSecond())
                .conversationId(message.conversation.displayId)
                .attachments(message.attachments.stream().map(a -> attachment(a, baseUri)).toList())
                .sender(message.sender == null ? null : new ContactSenderInUnion(ContactViews.sender(message.sender)));
    }

    private static Attachment attachment(AttachmentRow attachment, URI baseUri) {
        String fileType = fileType(attachment.contentType);
        String url = baseUri.resolve(BLOB_PATH + "/" + attachment.key + "/"
                + URLEncoder.encode(attachment.filename, StandardCharsets.UTF_8).replace("+", "%20")).toString();
        FileAttachment view = new FileAttachment()
                .id(attachment.id)
                .messageId(attachment.messageId)
                .fileType(FileAttachment.FileTypeEnum.fromValue(fileType))
                .accountId(Store.ACCOUNT_ID)
                .extension(extension(attachment.filename))
                .contentType(attachment.contentType)
                .dataUrl(url)
                .thumbUrl(fileType.equals("image") ? url : "")
                .fileSize(attachment.bytes.length)
                .width(attachment.width)
                .height(attachment.height);
        return new FileAttachmentInUnion(fileType.equals("audio") ? view.transcribedText("") : view);
    }

    /*
     * The generated oneOf unions Sender and Attachment cannot stand for every variant (the union's file_type enum
     * only holds "embed", a limitation of the generator), so a message holds the generated variant model itself,
     * written in the union's place through @JsonValue.
     */

    private static final class ContactSenderInUnion extends Sender {
        @JsonValue
        private final ContactSender variant;

        ContactSenderInUnion(ContactSender variant) {
            this.variant = variant;
        }
    }

    private static final class FileAttachmentInUnion extends Attachment {
        @JsonValue
        private final FileAttachment variant;

        FileAttachmentInUnion(FileAttachment variant) {
            this.variant = variant;
        }
    }

    /** Chatwoot's FileTypeHelper, by the uploaded part's content type. */
    static String fileType(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("image/")) {
            return "image";
        }
        if (type.startsWith("video/")) {
            return "video";
        }
        return type.startsWith("audio/") ? "audio" : "file";
    }

    /** ActiveStorage's extension: what follows the last dot of the filename, null without one. */
    private static String extension(String filename) {
        int dot = filename.lastIndexOf('.');
        return dot < 0 || dot == filename.length() - 1 ? null : filename.substring(dot + 1);
    }
}
