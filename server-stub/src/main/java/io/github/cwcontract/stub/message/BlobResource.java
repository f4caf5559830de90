package io.github.cwcontract.stub.message;

import io.github.cwcontract.stub.http.ApiErrors;
import io.github.cwcontract.stub.store.AttachmentRow;
import io.github.cwcontract.stub.store.Store;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Serves uploaded files at their {@code data_url}. A real server redirects to the storage; the stub answers with
 * the bytes and the content type they were uploaded with.
 */
@Path("/" + MessageViews.BLOB_PATH + "/{key}/{filename}")
@Singleton
public final class BlobResource {
    private final Store store;

    @Inject
    public BlobResource(Store store) {
        this.store = store;
    }

    @GET
    public Response download(@PathParam("key") String key) {
        AttachmentRow attachment = store.locked(() -> store.attachment(key)).orElseThrow(ApiErrors::notFound);
        return Response.ok(attachment.bytes, attachment.contentType)
                .header("Content-Disposition", "inline; filename*=UTF-8''"
                        + URLEncoder.encode(attachment.filename, StandardCharsets.UTF_8).replace("+", "%20"))
                .build();
    }
}
