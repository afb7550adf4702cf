package io.leadbridge.connector.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * An integration's non-secret settings (portal id, pipeline, external-id field, ...), read by the
 * names of the descriptor's settings fields. Immutable and thread-safe.
 *
 * <p>A field's value is the tenant's value, else the field's default, else absent. Reading a name
 * the descriptor does not declare is a programming error and throws
 * {@link IllegalArgumentException}; that keeps the descriptor the complete list of what a
 * connector reads. Because {@link #of} validates every value with {@link FieldSpec#validate},
 * the typed getters cannot meet a malformed value.
 */
public final class Settings {

    private final Map<String, FieldSpec> fields;
    private final Map<String, String> values;

    private Settings(Map<String, FieldSpec> fields, Map<String, String> values) {
        this.fields = fields;
        this.values = values;
    }

    /**
     * Creates settings from the tenant's values. The host calls this with the descriptor's
     * {@link ConnectorDescriptor#settingsFields()}; tests may too.
     *
     * @param fields the declared settings fields; none secret
     * @param values the tenant's values by field name; a blank value counts as absent
     * @return the settings
     * @throws IllegalArgumentException if a value names an undeclared field, a field is secret, or
     *                                  a value (or a missing required value) fails
     *                                  {@link FieldSpec#validate}; the message never quotes a value
     */
    public static Settings of(List<FieldSpec> fields, Map<String, String> values) {
        Objects.requireNonNull(values, "values");
        Map<String, FieldSpec> byName = new LinkedHashMap<>();
        for (FieldSpec field : fields) {
            if (field.secret()) {
                throw new IllegalArgumentException("settings field " + field.name() + " must not be secret");
            }
            if (byName.put(field.name(), field) != null) {
                throw new IllegalArgumentException("duplicate settings field " + field.name());
            }
        }
        for (String name : values.keySet()) {
            if (!byName.containsKey(name)) {
                throw new IllegalArgumentException("unknown settings field " + name);
            }
        }
        Map<String, String> effective = new LinkedHashMap<>();
        for (FieldSpec field : byName.values()) {
            String value = values.get(field.name());
            field.validate(value).ifPresent(problem -> {
                throw new IllegalArgumentException("settings field " + field.name() + " " + problem);
            });
            Optional.ofNullable(value)
                    .filter(given -> !given.isBlank())
                    .or(field::defaultValue)
                    .ifPresent(given -> effective.put(field.name(), given));
        }
        return new Settings(Collections.unmodifiableMap(byName), Collections.unmodifiableMap(effective));
    }

    /**
     * @param name a declared settings field
     * @return the value, or the field's default; empty if neither
     * @throws IllegalArgumentException if the field is not declared
     */
    public Optional<String> find(String name) {
        declared(name);
        return Optional.ofNullable(values.get(name));
    }

    /**
     * @param name a declared settings field
     * @return the value, or the field's default
     * @throws IllegalArgumentException if the field is not declared
     * @throws NoSuchElementException   if the field has neither a value nor a default
     */
    public String get(String name) {
        return find(name).orElseThrow(() -> new NoSuchElementException("settings field " + name + " has no value"));
    }

    /**
     * @param name a declared settings field of type {@link FieldSpec.Type#INTEGER}
     * @return the value, or the field's default
     * @throws IllegalArgumentException if the field is not declared or not an integer field
     * @throws NoSuchElementException   if the field has neither a value nor a default
     */
    public long getLong(String name) {
        requireType(name, FieldSpec.Type.INTEGER);
        return Long.parseLong(get(name));
    }

    /**
     * @param name a declared settings field of type {@link FieldSpec.Type#BOOLEAN}
     * @return the value, or the field's default
     * @throws IllegalArgumentException if the field is not declared or not a boolean field
     * @throws NoSuchElementException   if the field has neither a value nor a default
     */
    public boolean getBoolean(String name) {
        requireType(name, FieldSpec.Type.BOOLEAN);
        return Boolean.parseBoolean(get(name));
    }

    private FieldSpec declared(String name) {
        FieldSpec field = fields.get(Objects.requireNonNull(name, "name"));
        if (field == null) {
            throw new IllegalArgumentException("undeclared settings field " + name);
        }
        return field;
    }

    private void requireType(String name, FieldSpec.Type type) {
        if (declared(name).type() != type) {
            throw new IllegalArgumentException("settings field " + name + " is not of type " + type);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Settings that && fields.equals(that.fields) && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fields, values);
    }

    /** @return the names of the fields that have a value; not the values */
    @Override
    public String toString() {
        return "Settings" + values.keySet();
    }
}
