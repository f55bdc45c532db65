package io.closedloop.dynamodb;

import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The single table's generic key attributes and indexes (declared in template.yaml, the one definition):
 * {@code gsi1} lists a campaign's cases by opening time, {@code gsi2} finds a customer's cases, {@code gsi3} is the
 * sparse, sharded index of cases with something due, {@code gsi4} and {@code gsi5} are the console's work queue
 * (by team; open cases by assignee or unassigned), {@code gsi6} is the sparse index of open cases by action plan.
 */
public final class Table {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String GSI1PK = "gsi1pk";
    public static final String GSI1SK = "gsi1sk";
    public static final String GSI2PK = "gsi2pk";
    public static final String GSI2SK = "gsi2sk";
    public static final String GSI3PK = "gsi3pk";
    public static final String GSI3SK = "gsi3sk";
    public static final String GSI4PK = "gsi4pk";
    public static final String GSI4SK = "gsi4sk";
    public static final String GSI5PK = "gsi5pk";
    public static final String GSI5SK = "gsi5sk";
    public static final String GSI6PK = "gsi6pk";
    public static final String GSI6SK = "gsi6sk";
    public static final String TTL = "ttl";
    public static final String DOC = "doc";
    public static final String VERSION = "ver";

    public static final String CAMPAIGN_INDEX = "gsi1";
    public static final String CUSTOMER_INDEX = "gsi2";
    public static final String DUE_INDEX = "gsi3";
    public static final String TEAM_QUEUE_INDEX = "gsi4";
    public static final String OWNER_QUEUE_INDEX = "gsi5";
    public static final String PLAN_INDEX = "gsi6";

    private Table() {}

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue b(byte[] value) {
        return AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(value));
    }

    static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    static byte[] bytes(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.b() == null ? null : value.b().asByteArrayUnsafe();
    }
}
