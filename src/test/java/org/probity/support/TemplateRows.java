package org.probity.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of one real process instance's table, read once so that benchmark seeds can insert
 * copies of them by JDBC batch (the rows Camunda itself wrote, so the copies are what Camunda would
 * write). Column names upper-case, values as the driver returns them.
 */
public record TemplateRows(String table, List<String> columns, List<Object[]> values) {

  /** Every row of {@code table} whose {@code column} equals {@code value}; at least one, or it fails. */
  public static TemplateRows read(Connection c, String table, String column, String value) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select * from " + table + " where " + column + " = ?")) {
      ps.setString(1, value);
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int k = 1; k <= meta.getColumnCount(); k++) {
          columns.add(meta.getColumnName(k).toUpperCase());
        }
        List<Object[]> values = new ArrayList<>();
        while (rs.next()) {
          Object[] row = new Object[columns.size()];
          for (int k = 0; k < row.length; k++) {
            row[k] = rs.getObject(k + 1);
          }
          values.add(row);
        }
        if (values.isEmpty()) {
          throw new IllegalStateException("the template instance has no row in " + table);
        }
        return new TemplateRows(table, columns, values);
      }
    }
  }
}
