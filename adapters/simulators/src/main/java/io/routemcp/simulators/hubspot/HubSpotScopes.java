package io.routemcp.simulators.hubspot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The OAuth scopes the simulator recognises, with the wording its consent page shows. */
final class HubSpotScopes {

  private static final Pattern CRM_SCOPE =
      Pattern.compile("^crm\\.(objects|schemas)\\.[a-z_]+\\.(read|write)$|^crm\\.lists\\.(read|write)$");
  private static final Set<String> OTHER = Set.of("oauth", "tickets", "e-commerce", "timeline", "content", "forms",
      "files", "automation", "sales-email-read", "settings.users.read", "settings.users.write", "openid");
  private static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();

  static {
    DESCRIPTIONS.put("crm.objects.contacts", "contacts, notes, tasks, meetings and calls");
    DESCRIPTIONS.put("crm.objects.companies", "companies");
    DESCRIPTIONS.put("crm.objects.deals", "deals and deal pipelines");
    DESCRIPTIONS.put("crm.objects.leads", "leads and lead pipelines");
    DESCRIPTIONS.put("crm.objects.owners", "users and teams who own records");
  }

  /** Every CRM scope the simulated API checks; what {@link Portal#issueTokens()} grants. */
  static final Set<String> ALL = Set.of("oauth",
      "crm.objects.contacts.read", "crm.objects.contacts.write",
      "crm.objects.companies.read", "crm.objects.companies.write",
      "crm.objects.deals.read", "crm.objects.deals.write",
      "crm.objects.leads.read", "crm.objects.leads.write",
      "crm.objects.owners.read");

  private HubSpotScopes() {
  }

  static boolean isKnown(String scope) {
    return OTHER.contains(scope) || CRM_SCOPE.matcher(scope).matches();
  }

  /** A human wording for the consent page: "View and edit your contacts, …". */
  static String describe(String scope) {
    for (Map.Entry<String, String> entry : DESCRIPTIONS.entrySet()) {
      if (scope.startsWith(entry.getKey() + ".")) {
        return (scope.endsWith(".write") ? "Edit " : "View ") + entry.getValue();
      }
    }
    if (scope.equals("oauth")) {
      return "Basic OAuth access (required)";
    }
    return scope;
  }
}
