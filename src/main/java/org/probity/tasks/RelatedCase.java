package org.probity.tasks;

/** A case linked to another one; {@code reason} says why (e.g. "same officer"). */
public record RelatedCase(String businessKey, String reason) {}
