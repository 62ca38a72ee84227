package io.routemcp.kit.mapping;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * {@code join} (read only): the providerField's text followed by the text of each path in
 * {@code options.append}, separated by {@code options.separator} (default a space), skipping
 * empty parts; e.g. an owner's name from {@code firstName} + {@code lastName}.
 */
final class JoinTransform implements Transform {

  private final FieldPath[] appended;
  private final String separator;

  private JoinTransform(FieldPath[] appended, String separator) {
    this.appended = appended;
    this.separator = separator;
  }

  static JoinTransform of(JsonObject options) {
    Object append = options.getValue("append");
    if (!(append instanceof JsonArray paths) || paths.isEmpty()) {
      throw new IllegalArgumentException("options.append must list the provider fields to join");
    }
    FieldPath[] appended = new FieldPath[paths.size()];
    for (int i = 0; i < appended.length; i++) {
      if (!(paths.getValue(i) instanceof String path)) {
        throw new IllegalArgumentException("options.append must list provider field paths");
      }
      appended[i] = FieldPath.parse(path);
    }
    return new JoinTransform(appended, options.getString("separator", " "));
  }

  @Override
  public Object toUnified(Object value, Map<String, Object> record) {
    StringBuilder joined = new StringBuilder();
    append(joined, value);
    for (FieldPath path : appended) {
      append(joined, path.read(record));
    }
    return joined.length() == 0 ? null : joined.toString();
  }

  /** The first part may be missing too: a record with only a last name still has a name. */
  @Override
  public boolean readsProviderField() {
    return false;
  }

  private void append(StringBuilder joined, Object part) {
    String text = TextTransform.text(part);
    if (text == null || text.isBlank()) {
      return;
    }
    if (joined.length() > 0) {
      joined.append(separator);
    }
    joined.append(text.trim());
  }

  @Override
  public Object toProvider(Object value) {
    throw new UnsupportedOperationException("join is read only");
  }

  @Override
  public boolean writable() {
    return false;
  }
}
