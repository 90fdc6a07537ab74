package org.probity.equality.internal;

/** The dimensions of horizontal inequality assessed for each target group. */
enum Dimension {
  ECONOMIC("Economic", "economic"),
  SOCIAL("Social", "social"),
  POLITICAL("Political", "political"),
  CULTURAL("Cultural", "cultural"),
  SECURITY("Security", "security and justice");

  /** Part of the form keys: group1EconomicGap, group1EconomicChange, ... */
  final String keyPart;
  final String label;

  Dimension(String keyPart, String label) {
    this.keyPart = keyPart;
    this.label = label;
  }
}
