package io.closedloop.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import io.closedloop.app.Change;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads a Lambda DynamoDB stream event into domain changes, decoding the old and new images with the same item
 * mappers the stores write with. Records of other items (configuration, counters) are skipped.
 */
public final class StreamChanges {

    private StreamChanges() {}

    public static List<Change> read(JsonNode event) {
        List<Change> changes = new ArrayList<>();
        for (JsonNode record : event.path("Records")) {
            JsonNode dynamodb = record.path("dynamodb");
            String sequence = dynamodb.path("SequenceNumber").asText();
            Map<String, AttributeValue> keys = StreamImages.read(dynamodb.get("Keys"));
            Map<String, AttributeValue> newImage = StreamImages.read(dynamodb.get("NewImage"));
            Map<String, AttributeValue> oldImage = StreamImages.read(dynamodb.get("OldImage"));
            if (ResponseItem.isResponse(keys)) {
                changes.add(new Change.ResponseChange(sequence,
                        oldImage.isEmpty() ? null : ResponseItem.fromItem(oldImage),
                        newImage.isEmpty() ? null : ResponseItem.fromItem(newImage)));
            } else if (AcknowledgementItem.isAcknowledgement(keys)) {
                changes.add(new Change.AcknowledgementChange(sequence,
                        oldImage.isEmpty() ? null : AcknowledgementItem.fromItem(oldImage),
                        newImage.isEmpty() ? null : AcknowledgementItem.fromItem(newImage)));
            } else if (CaseItem.isCase(keys)) {
                changes.add(new Change.CaseChange(sequence,
                        oldImage.isEmpty() ? null : CaseItem.fromItem(oldImage),
                        newImage.isEmpty() ? null : CaseItem.fromItem(newImage)));
            }
        }
        return changes;
    }
}
