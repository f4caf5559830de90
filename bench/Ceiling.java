import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The practical ceiling for the reference server: a hello-world JSON resource on the same runtime and container
 * (Jersey + Jackson on Jetty, taken from the stub's own jar), answering a body of the size of a contact session.
 * Run: java -cp server-stub/target/chatwoot-stub-server.jar bench/Ceiling.java PORT
 */
public class Ceiling {
    @Path("/hello")
    public static class Hello {
        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public Map<String, Object> hello() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("source_id", "3f1c2b8e-7d4a-4e3b-9c51-0a6f2d9e4b17");
            body.put("pubsub_token", "Zq8mV3kLr2xTc9wYh4NbPs6D");
            body.put("id", 5821);
            body.put("name", "Alice Martin");
            body.put("email", "alice@acme.inc");
            body.put("phone_number", null);
            return body;
        }
    }

    public static void main(String[] args) throws Exception {
        ResourceConfig app = new ResourceConfig(Hello.class).register(JacksonFeature.class)
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
        JettyHttpContainerFactory.createServer(URI.create("http://127.0.0.1:" + args[0] + "/"), app);
        System.out.println("ceiling listening on http://127.0.0.1:" + args[0]);
    }
}
