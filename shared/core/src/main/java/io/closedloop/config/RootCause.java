package io.closedloop.config;

/** One node of the two-level root-cause taxonomy: a category has no parent, a cause has a category as parent. */
public record RootCause(String id, String name, String parentId) {

    public boolean isCategory() {
        return parentId == null;
    }
}
