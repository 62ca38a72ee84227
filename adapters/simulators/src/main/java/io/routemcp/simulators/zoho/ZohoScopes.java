package io.routemcp.simulators.zoho;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/**
 * Zoho CRM OAuth scopes: {@code ZohoCRM.<group>.<ALL|READ|CREATE|UPDATE|DELETE>} and, per module
 * or setting, {@code ZohoCRM.<group>.<name>.<operation>}. A broader scope covers the narrower ones.
 */
final class ZohoScopes {

  static final Set<String> ALL = Set.of("ZohoCRM.modules.ALL", "ZohoCRM.settings.ALL", "ZohoCRM.users.ALL");

  private static final Set<String> OPERATIONS = Set.of("ALL", "READ", "CREATE", "UPDATE", "DELETE", "WRITE");
  private static final Set<String> GROUPS = Set.of("modules", "settings", "users", "org", "coql", "bulk", "notifications");

  private ZohoScopes() {
  }

  /** Whether the authorize endpoint knows the scope. */
  static boolean isKnown(String scope) {
    String[] parts = scope.split("\\.");
    if (parts.length < 3 || parts.length > 4 || !parts[0].equals("ZohoCRM") || !GROUPS.contains(parts[1])) {
      return scope.equals("aaaserver.profile.READ");
    }
    return OPERATIONS.contains(parts[parts.length - 1]);
  }

  /**
   * Whether the granted scopes allow {@code operation} (READ, CREATE, …) on {@code name} within
   * {@code group} (e.g. modules / contacts).
   */
  static boolean allows(Collection<String> granted, String group, String name, String operation) {
    String prefix = "ZohoCRM." + group + ".";
    String lowerName = name.toLowerCase(Locale.ROOT);
    for (String scope : granted) {
      if (!scope.startsWith(prefix)) {
        continue;
      }
      String rest = scope.substring(prefix.length());
      String[] parts = rest.split("\\.");
      String op = parts[parts.length - 1];
      boolean opMatches = op.equals("ALL") || op.equals(operation) || (op.equals("WRITE") && !operation.equals("READ"));
      if (!opMatches) {
        continue;
      }
      if (parts.length == 1 || parts[0].toLowerCase(Locale.ROOT).equals(lowerName)) {
        return true;
      }
    }
    return false;
  }
}
