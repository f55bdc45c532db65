package io.closedloop.dynamodb;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts item images between the JSON of a Lambda DynamoDB stream event ({@code {"S": "…"}}, {@code {"N": "1"}},
 * {@code {"B": "base64"}}…) and SDK attribute values, so the processor decodes stream records with the same item
 * mappers the stores use.
 */
public final class StreamImages {

    private StreamImages() {}

    public static Map<String, AttributeValue> read(JsonNode image) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        if (image != null && image.isObject()) {
            image.properties().forEach(e -> item.put(e.getKey(), value(e.getValue())));
        }
        return item;
    }

    private static AttributeValue value(JsonNode node) {
        var field = node.properties().iterator().next();
        JsonNode v = field.getValue();
        return switch (field.getKey()) {
            case "S" -> AttributeValue.fromS(v.asText());
            case "N" -> AttributeValue.fromN(v.asText());
            case "B" -> AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(v.asText())));
            case "BOOL" -> AttributeValue.fromBool(v.asBoolean());
            case "NULL" -> AttributeValue.fromNul(true);
            case "M" -> AttributeValue.fromM(read(v));
            case "L" -> {
                List<AttributeValue> list = new ArrayList<>();
                v.forEach(element -> list.add(value(element)));
                yield AttributeValue.fromL(list);
            }
            case "SS" -> AttributeValue.fromSs(texts(v));
            case "NS" -> AttributeValue.fromNs(texts(v));
            case "BS" -> AttributeValue.fromBs(texts(v).stream().map(t -> SdkBytes.fromByteArray(Base64.getDecoder().decode(t))).toList());
            default -> throw new IllegalArgumentException("unknown attribute type " + field.getKey());
        };
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }

    public static void write(Map<String, AttributeValue> item, JsonGenerator json) throws IOException {
        json.writeStartObject();
        for (var entry : item.entrySet()) {
            json.writeFieldName(entry.getKey());
            write(entry.getValue(), json);
        }
        json.writeEndObject();
    }

    private static void write(AttributeValue value, JsonGenerator json) throws IOException {
        json.writeStartObject();
        switch (value.type()) {
            case S -> json.writeStringField("S", value.s());
            case N -> json.writeStringField("N", value.n());
            case B -> json.writeStringField("B", Base64.getEncoder().encodeToString(value.b().asByteArrayUnsafe()));
            case BOOL -> json.writeBooleanField("BOOL", value.bool());
            case NUL -> json.writeBooleanField("NULL", true);
            case M -> {
                json.writeFieldName("M");
                write(value.m(), json);
            }
            case L -> {
                json.writeArrayFieldStart("L");
                for (AttributeValue element : value.l()) {
                    write(element, json);
                }
                json.writeEndArray();
            }
            case SS -> stringArray(json, "SS", value.ss());
            case NS -> stringArray(json, "NS", value.ns());
            case BS -> stringArray(json, "BS", value.bs().stream().map(b -> Base64.getEncoder().encodeToString(b.asByteArrayUnsafe())).toList());
            default -> throw new IllegalArgumentException("unknown attribute type " + value.type());
        }
        json.writeEndObject();
    }

    private static void stringArray(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String v : values) {
            json.writeString(v);
        }
        json.writeEndArray();
    }
}
