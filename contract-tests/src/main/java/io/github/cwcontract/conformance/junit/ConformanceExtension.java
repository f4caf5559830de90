package io.github.cwcontract.conformance.junit;

import io.github.cwcontract.conformance.api.PublicApi;
import io.github.cwcontract.conformance.deployment.ReferenceServer;
import io.github.cwcontract.conformance.deployment.Target;
import io.github.cwcontract.conformance.validation.Interaction;
import io.github.cwcontract.conformance.validation.TargetHealth;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives the suite's tests their {@link PublicApi} and {@link Target}.
 *
 * <p>The target comes from the configuration parameters (see {@link Target}); without a base URL, the reference
 * server is started in-process once for the whole run and stopped at its end. Every interaction is published as a
 * report entry of the test that made it, which is how the report listeners learn about them.
 */
public final class ConformanceExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ConformanceExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == PublicApi.class || type == Target.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Target target = target(context);
        if (parameter.getParameter().getType() == Target.class) {
            return target;
        }
        TargetHealth health = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(TargetHealth.class, key -> new TargetHealth(), TargetHealth.class);
        return new PublicApi(target,
                interaction -> context.publishReportEntry(Interaction.REPORT_ENTRY_KEY, interaction.toJson()), health);
    }

    private static Target target(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(ReferenceServer.Running.class, key -> Target
                        .fromParameters(context::getConfigurationParameter)
                        .map(ReferenceServer.Running::external)
                        .orElseGet(ReferenceServer::start), ReferenceServer.Running.class)
                .target();
    }
}
