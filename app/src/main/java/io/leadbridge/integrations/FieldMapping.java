package io.leadbridge.integrations;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One declarative field mapping: take the lead's value at {@code source} (a JSON path such as
 * {@code customer.emails[0]}) and send it as {@code target}. Immutable.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldMapping(
    @NotBlank @Size(max = 200) @Pattern(regexp = "[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*|\\[[0-9]{1,3}\\])*",
        message = "must be a path into the lead, e.g. customer.emails[0]") String source,
    @NotBlank @Size(max = 100) String target) {}
