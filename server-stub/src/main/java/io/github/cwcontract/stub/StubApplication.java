package io.github.cwcontract.stub;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cwcontract.stub.contact.ContactsResource;
import io.github.cwcontract.stub.conversation.ConversationsResource;
import io.github.cwcontract.stub.conversation.TypingRequestFilter;
import io.github.cwcontract.stub.csat.CsatResource;
import io.github.cwcontract.stub.csat.CsatUpdateReader;
import io.github.cwcontract.stub.csat.LenientUuidConverter;
import io.github.cwcontract.stub.http.ContractJson;
import io.github.cwcontract.stub.http.Cors;
import io.github.cwcontract.stub.http.ExceptionResponses;
import io.github.cwcontract.stub.http.RequestConventions;
import io.github.cwcontract.stub.http.ResponseConventions;
import io.github.cwcontract.stub.inbox.InboxResource;
import io.github.cwcontract.stub.message.BlobResource;
import io.github.cwcontract.stub.message.MessagesResource;
import io.github.cwcontract.stub.store.Store;
import jakarta.ws.rs.ext.ContextResolver;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.inject.hk2.AbstractBinder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.media.multipart.MultiPartFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** The Jersey application: every resource, provider and filter, registered explicitly (no scanning). */
final class StubApplication {
    private StubApplication() {
    }

    static ResourceConfig create(Store store) {
        ObjectMapper mapper = ContractJson.mapper();
        return new ResourceConfig()
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                // auto-discovery would register JacksonFeature with its own exception mappers, which answer
                // malformed JSON with text/plain parser messages and win over a mapper for Throwable
                .property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true)
                .register(JacksonFeature.withoutExceptionMappers())
                .register(new ContextResolver<ObjectMapper>() {
                    @Override
                    public ObjectMapper getContext(Class<?> type) {
                        return mapper;
                    }
                })
                .register(MultiPartFeature.class)
                .register(new CsatUpdateReader(mapper))
                .register(LenientUuidConverter.class)
                .register(RequestConventions.class)
                .register(ResponseConventions.class)
                .register(Cors.class)
                .register(new TypingRequestFilter(mapper))
                .register(ExceptionResponses.class)
                .register(new AbstractBinder() {
                    @Override
                    protected void configure() {
                        bind(store).to(Store.class);
                        bind(mapper).to(ObjectMapper.class);
                    }
                })
                .register(InboxResource.class)
                .register(ContactsResource.class)
                .register(ConversationsResource.class)
                .register(MessagesResource.class)
                .register(CsatResource.class)
                .register(BlobResource.class)
                .register(ContractResource.class);
    }
}
