package io.routemcp.zoho;

import io.routemcp.kit.resource.Resource;
import java.util.Optional;

/** The Zoho CRM module behind each unified record resource (owners and pipelines have their own APIs). */
enum CrmModule {
  CONTACTS(Resource.CONTACT, "Contacts"),
  LEADS(Resource.LEAD, "Leads"),
  DEALS(Resource.DEAL, "Deals"),
  ACCOUNTS(Resource.COMPANY, "Accounts"),
  NOTES(Resource.NOTE, "Notes"),
  TASKS(Resource.TASK, "Tasks"),
  EVENTS(Resource.MEETING, "Events"),
  CALLS(Resource.ACTIVITY, "Calls");

  private final Resource resource;
  private final String apiName;

  CrmModule(Resource resource, String apiName) {
    this.resource = resource;
    this.apiName = apiName;
  }

  /** The path segment: {@code /crm/v8/Contacts}. */
  String apiName() {
    return apiName;
  }

  static Optional<CrmModule> of(Resource resource) {
    for (CrmModule module : values()) {
      if (module.resource == resource) {
        return Optional.of(module);
      }
    }
    return Optional.empty();
  }
}
