package io.leadbridge.connector.api;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Declares one credential or settings field of a connector, so that the host can ask the tenant
 * for it, validate it and store it in the right place (credentials in the vault, settings in the
 * integration). Immutable and thread-safe.
 *
 * <p>Values are strings; {@link Type} says how the host validates them and how
 * {@link Settings} reads them. {@link #validate(String)} is the one validation rule, used by the
 * host on input and by {@link Settings#of}.
 *
 * <p>A secret field is text, has no default and no allowed values (either would put a secret into
 * the plugin jar or onto a screen). Its value is never shown again once set, and never in a
 * validation message. The host refuses a secret value with a control character (CR, LF, NUL, TAB,
 * DEL, ...), which no header, form or token can carry as typed, unless the field is
 * {@link Builder#multiline() multi-line} (a PEM private key, say): then line breaks and TAB are
 * accepted, and the plugin reads the value with {@code withSecret}, never as an injected header.
 */
public final class FieldSpec {

    /** Pattern of a field name: a JSON-friendly identifier such as {@code accessToken}. */
    public static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,63}");

    /** Longest value accepted, in characters (enough for a PEM private key). */
    public static final int MAX_VALUE_LENGTH = 8192;

    private static final int MAX_LABEL_LENGTH = 100;

    private final String name;
    private final String label;
    private final Type type;
    private final boolean secret;
    private final boolean required;
    private final boolean multiline;
    private final Optional<Pattern> pattern;
    private final List<String> allowedValues;
    private final Optional<String> defaultValue;
    private final Optional<String> help;

    private FieldSpec(Builder builder) {
        this.name = Objects.requireNonNull(builder.name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("field name must match " + NAME.pattern() + ": " + name);
        }
        this.label = Checks.required(builder.label, "label");
        if (label.length() > MAX_LABEL_LENGTH) {
            throw new IllegalArgumentException(name + ": label longer than " + MAX_LABEL_LENGTH);
        }
        this.type = builder.type;
        this.secret = builder.secret;
        this.required = builder.required;
        this.multiline = builder.multiline;
        this.pattern = compile(builder.pattern);
        this.allowedValues = List.copyOf(builder.allowedValues);
        this.defaultValue = Optional.ofNullable(builder.defaultValue);
        this.help = Optional.ofNullable(builder.help).filter(text -> !text.isBlank());
        checkConsistency();
    }

    private Optional<Pattern> compile(String regex) {
        if (regex == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(name + ": invalid pattern: " + e.getDescription(), e);
        }
    }

    private void checkConsistency() {
        if (secret && (type != Type.TEXT || defaultValue.isPresent() || !allowedValues.isEmpty())) {
            throw new IllegalArgumentException(name + ": a secret field is TEXT, with no default and no allowed values");
        }
        if (multiline && !secret) {
            throw new IllegalArgumentException(name + ": only a secret field is multi-line");
        }
        if (required && defaultValue.isPresent()) {
            throw new IllegalArgumentException(name + ": a required field has no default (a default makes it optional)");
        }
        for (String allowed : allowedValues) {
            problemWith(allowed, false).ifPresent(problem -> {
                throw new IllegalArgumentException(name + ": allowed value '" + allowed + "' " + problem);
            });
        }
        defaultValue.ifPresent(value -> validate(value).ifPresent(problem -> {
            throw new IllegalArgumentException(name + ": default value " + problem);
        }));
    }

    /**
     * Starts a field declaration: by default an optional, non-secret {@link Type#TEXT} field.
     *
     * @param name  the field's name, matching {@link #NAME}; unique within a descriptor
     * @param label the label shown to the tenant; not blank, at most 100 characters
     * @return a builder
     */
    public static Builder builder(String name, String label) {
        return new Builder(name, label);
    }

    /** @return the field's name, the key in the tenant's JSON and in {@link Settings} */
    public String name() {
        return name;
    }

    /** @return the label shown to the tenant */
    public String label() {
        return label;
    }

    /** @return how values are validated and read */
    public Type type() {
        return type;
    }

    /** @return whether the value is a secret (stored in the vault, never shown again) */
    public boolean secret() {
        return secret;
    }

    /** @return whether the tenant must give a value */
    public boolean required() {
        return required;
    }

    /**
     * @return whether a secret value may span lines (CR, LF and TAB accepted); other secret
     *         values are refused with any control character
     * @since 1.1.0
     */
    public boolean multiline() {
        return multiline;
    }

    /** @return the regular expression a value must match as a whole, if any */
    public Optional<Pattern> pattern() {
        return pattern;
    }

    /** @return the only values accepted, in display order; empty when any value is */
    public List<String> allowedValues() {
        return allowedValues;
    }

    /** @return the value used when the tenant gives none; never present on a secret or required field */
    public Optional<String> defaultValue() {
        return defaultValue;
    }

    /** @return a help text for the tenant, such as where to find the value in the vendor's UI */
    public Optional<String> help() {
        return help;
    }

    /**
     * Checks a value the tenant gave for this field. The returned problem never quotes the value,
     * so it is safe to show and log even for a secret field.
     *
     * @param value the value; {@code null} or blank means none was given
     * @return a problem such as {@code "is required"} or {@code "must be a whole number"}, for a
     *         validation error next to the field's name; empty if the value is acceptable
     */
    public Optional<String> validate(String value) {
        if (value == null || value.isBlank()) {
            return required ? Optional.of("is required") : Optional.empty();
        }
        return problemWith(value, true);
    }

    private Optional<String> problemWith(String value, boolean checkAllowed) {
        if (value.length() > MAX_VALUE_LENGTH) {
            return Optional.of("is longer than " + MAX_VALUE_LENGTH + " characters");
        }
        if (type == Type.INTEGER && !value.matches("-?[0-9]{1,18}")) {
            return Optional.of("must be a whole number");
        }
        if (type == Type.BOOLEAN && !value.equals("true") && !value.equals("false")) {
            return Optional.of("must be true or false");
        }
        if (checkAllowed && !allowedValues.isEmpty() && !allowedValues.contains(value)) {
            return Optional.of("must be one of " + String.join(", ", allowedValues));
        }
        if (pattern.isPresent() && !pattern.get().matcher(value).matches()) {
            return Optional.of("does not have the expected format");
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldSpec that
                && name.equals(that.name)
                && label.equals(that.label)
                && type == that.type
                && secret == that.secret
                && required == that.required
                && multiline == that.multiline
                && pattern.map(Pattern::pattern).equals(that.pattern.map(Pattern::pattern))
                && allowedValues.equals(that.allowedValues)
                && defaultValue.equals(that.defaultValue)
                && help.equals(that.help);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, label, type, secret, required, multiline, pattern.map(Pattern::pattern), allowedValues,
                defaultValue, help);
    }

    @Override
    public String toString() {
        return "FieldSpec[" + name + ", " + type + (secret ? ", secret" : "") + (required ? ", required" : "")
                + (multiline ? ", multiline" : "") + "]";
    }

    /** How a field's values are validated and read. Immutable and thread-safe. */
    public enum Type {
        /** Any text (subject to the pattern and allowed values). */
        TEXT,
        /** A whole number of at most 18 digits, optionally negative; read with {@link Settings#getLong}. */
        INTEGER,
        /** Exactly {@code true} or {@code false}; read with {@link Settings#getBoolean}. */
        BOOLEAN
    }

    /** Collects a {@link FieldSpec}; not thread-safe. */
    public static final class Builder {

        private final String name;
        private final String label;
        private Type type = Type.TEXT;
        private boolean secret;
        private boolean required;
        private boolean multiline;
        private String pattern;
        private final LinkedHashSet<String> allowedValues = new LinkedHashSet<>();
        private String defaultValue;
        private String help;

        private Builder(String name, String label) {
            this.name = name;
            this.label = label;
        }

        /**
         * @param type how values are validated and read (default {@link Type#TEXT})
         * @return this builder
         */
        public Builder type(Type type) {
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        /**
         * Marks the field secret: stored in the vault, revealed to the plugin only through
         * {@link CredentialAccess}. Only credential fields may be secret.
         *
         * @return this builder
         */
        public Builder secret() {
            this.secret = true;
            return this;
        }

        /**
         * Marks the field required: the tenant must give a value.
         *
         * @return this builder
         */
        public Builder required() {
            this.required = true;
            return this;
        }

        /**
         * Lets a secret field's value span lines: the host then accepts CR, LF and TAB in it (and
         * no other control character). Only for secrets the plugin reads with {@code withSecret}
         * (a PEM private key): an injected header refuses them at send time.
         *
         * @return this builder
         * @since 1.1.0
         */
        public Builder multiline() {
            this.multiline = true;
            return this;
        }

        /**
         * @param regex a regular expression values must match as a whole
         * @return this builder
         */
        public Builder pattern(String regex) {
            this.pattern = Objects.requireNonNull(regex, "regex");
            return this;
        }

        /**
         * @param values the only values accepted, in display order; no duplicates
         * @return this builder
         */
        public Builder allowedValues(String... values) {
            for (String value : values) {
                if (!allowedValues.add(Checks.required(value, "allowed value"))) {
                    throw new IllegalArgumentException(name + ": duplicate allowed value " + value);
                }
            }
            return this;
        }

        /**
         * @param value the value used when the tenant gives none; must itself be valid
         * @return this builder
         */
        public Builder defaultValue(String value) {
            this.defaultValue = Checks.required(value, "default value");
            return this;
        }

        /**
         * @param text a help text for the tenant
         * @return this builder
         */
        public Builder help(String text) {
            this.help = text;
            return this;
        }

        /**
         * @return the field
         * @throws IllegalArgumentException if the declaration is invalid or inconsistent
         */
        public FieldSpec build() {
            return new FieldSpec(this);
        }
    }
}
