package io.closedloop.dynamodb;

import com.fasterxml.jackson.core.JsonGenerator;
import io.closedloop.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Writes stream records as the event Lambda delivers to a function subscribed to a DynamoDB stream (the same JSON
 * the processor reads in production). Used by the local stack's event source emulation and by tests that feed the
 * processor the real records of DynamoDB Local's stream.
 */
public final class StreamEvents {

    private StreamEvents() {}

    public static byte[] lambdaEvent(List<Record> records, String streamArn, String region) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("Records");
            for (Record record : records) {
                var change = record.dynamodb();
                json.writeStartObject();
                json.writeStringField("eventID", record.eventID());
                json.writeStringField("eventName", record.eventNameAsString());
                json.writeStringField("eventVersion", "1.1");
                json.writeStringField("eventSource", "aws:dynamodb");
                json.writeStringField("awsRegion", region);
                json.writeObjectFieldStart("dynamodb");
                if (change.approximateCreationDateTime() != null) {
                    json.writeNumberField("ApproximateCreationDateTime", change.approximateCreationDateTime().getEpochSecond());
                }
                json.writeFieldName("Keys");
                StreamImages.write(change.keys(), json);
                if (change.hasNewImage()) {
                    json.writeFieldName("NewImage");
                    StreamImages.write(change.newImage(), json);
                }
                if (change.hasOldImage()) {
                    json.writeFieldName("OldImage");
                    StreamImages.write(change.oldImage(), json);
                }
                json.writeStringField("SequenceNumber", change.sequenceNumber());
                json.writeNumberField("SizeBytes", change.sizeBytes() == null ? 0 : change.sizeBytes());
                json.writeStringField("StreamViewType", change.streamViewTypeAsString());
                json.writeEndObject();
                json.writeStringField("eventSourceARN", streamArn);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
