package io.leadbridge.plugins.hubspot.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadbridge.connector.api.http.VendorResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The plugin's one Jackson mapper and the tolerant reading HubSpot's bodies need (every field
 * optional, non-JSON answers possible). Stateless apart from the thread-safe mapper.
 */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** @return the body as JSON; a missing node when it is empty or not JSON */
    static JsonNode read(VendorResponse response) {
        byte[] body = response.body();
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    /** @return the field's text, or empty text when it is absent or not a scalar */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() ? value.asText() : "";
    }

    /** @return the texts of a field that is a list of scalars or one scalar */
    static List<String> texts(JsonNode node, String field) {
        JsonNode value = node.path(field);
        List<String> texts = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(element -> {
                if (element.isValueNode()) {
                    texts.add(element.asText());
                }
            });
        } else if (value.isValueNode()) {
            texts.add(value.asText());
        }
        return texts;
    }
}
