package org.probity.tasks;

/** One labelled value shown on a case page; {@code label} may be a message key or plain text. */
public record CaseFact(String label, String value) {}
