package io.github.cwcontract.conformance.validation;

import org.opentest4j.AssertionFailedError;

/** A request or response that breaks the contract, as found by the validator. */
public final class ContractViolation extends AssertionFailedError {

    public ContractViolation(Interaction interaction) {
        super(describe(interaction));
    }

    private static String describe(Interaction interaction) {
        StringBuilder message = new StringBuilder()
                .append(interaction.operationId() == null ? "a request outside the contract" : interaction.operationId())
                .append(" (").append(interaction.method()).append(' ').append(interaction.url()).append(") answered ")
                .append(interaction.status())
                .append(interaction.contentType() == null ? "" : " " + interaction.contentType())
                .append(", which breaks the contract:");
        interaction.findings().forEach(finding -> message.append("\n  - ").append(finding.replace("\n", "\n    ")));
        return message.toString();
    }
}
