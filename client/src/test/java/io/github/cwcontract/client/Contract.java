package io.github.cwcontract.client;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

/** The contract the client is generated from, parsed with Swagger Parser. */
final class Contract {

  private static final OpenAPI SPEC = parse();

  private Contract() {
  }

  static OpenAPI spec() {
    return SPEC;
  }

  private static OpenAPI parse() {
    // the same file the generator reads (set by the parent POM's surefire configuration)
    String location = System.getProperty("contract.spec", "../openapi.yaml");
    ParseOptions options = new ParseOptions();
    options.setResolve(true); // external refs only: internal $refs stay, so schema names map to model classes
    OpenAPI spec = new OpenAPIV3Parser().read(location, null, options);
    assertNotNull(spec, "cannot parse " + location);
    return spec;
  }
}
