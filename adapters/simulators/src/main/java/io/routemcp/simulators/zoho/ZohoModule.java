package io.routemcp.simulators.zoho;

import static io.routemcp.simulators.zoho.ZohoField.Type.BOOLEAN;
import static io.routemcp.simulators.zoho.ZohoField.Type.DATE;
import static io.routemcp.simulators.zoho.ZohoField.Type.DATETIME;
import static io.routemcp.simulators.zoho.ZohoField.Type.DURATION;
import static io.routemcp.simulators.zoho.ZohoField.Type.EMAIL;
import static io.routemcp.simulators.zoho.ZohoField.Type.INTEGER;
import static io.routemcp.simulators.zoho.ZohoField.Type.NUMBER;
import static io.routemcp.simulators.zoho.ZohoField.Type.OWNER;
import static io.routemcp.simulators.zoho.ZohoField.Type.PARENT_ID;
import static io.routemcp.simulators.zoho.ZohoField.Type.PARTICIPANTS;
import static io.routemcp.simulators.zoho.ZohoField.Type.PHONE;
import static io.routemcp.simulators.zoho.ZohoField.Type.PIPELINE;
import static io.routemcp.simulators.zoho.ZohoField.Type.SE_MODULE;
import static io.routemcp.simulators.zoho.ZohoField.Type.STAGE;
import static io.routemcp.simulators.zoho.ZohoField.Type.SYSTEM;
import static io.routemcp.simulators.zoho.ZohoField.Type.TEXT;
import static io.routemcp.simulators.zoho.ZohoField.Type.TEXTAREA;
import static io.routemcp.simulators.zoho.ZohoField.Type.WEBSITE;
import static io.routemcp.simulators.zoho.ZohoField.Type.WHAT_ID;
import static io.routemcp.simulators.zoho.ZohoField.Type.WHO_ID;
import static io.routemcp.simulators.zoho.ZohoField.lookup;
import static io.routemcp.simulators.zoho.ZohoField.of;
import static io.routemcp.simulators.zoho.ZohoField.picklist;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The CRM modules the simulator serves, with their fields (API names as in Zoho CRM v8). */
public enum ZohoModule {
  LEADS("Leads", 2175, "Full_Name", List.of("Last_Name")),
  CONTACTS("Contacts", 3003, "Full_Name", List.of("Last_Name")),
  ACCOUNTS("Accounts", 2177, "Account_Name", List.of("Account_Name")),
  DEALS("Deals", 2181, "Deal_Name", List.of("Deal_Name", "Stage")),
  TASKS("Tasks", 2191, "Subject", List.of("Subject")),
  EVENTS("Events", 2193, "Event_Title", List.of("Event_Title", "Start_DateTime", "End_DateTime")),
  CALLS("Calls", 2195, "Subject", List.of("Subject", "Call_Type", "Call_Start_Time")),
  NOTES("Notes", 2197, "Note_Title", List.of("Note_Content", "Parent_Id"));

  private static final Map<ZohoModule, Map<String, ZohoField>> FIELDS = new EnumMap<>(ZohoModule.class);

  static {
    define(LEADS, of("First_Name", TEXT), of("Last_Name", TEXT), of("Full_Name", SYSTEM), of("Company", TEXT),
        of("Designation", TEXT), of("Email", EMAIL), of("Secondary_Email", EMAIL), of("Phone", PHONE), of("Mobile", PHONE),
        of("Fax", PHONE), of("Website", WEBSITE), picklist("Lead_Source"),
        picklist("Lead_Status", "Attempted to Contact", "Contact in Future", "Contacted", "Junk Lead", "Lost Lead",
            "Not Contacted", "Pre-Qualified", "Not Qualified"),
        picklist("Industry"), of("No_of_Employees", INTEGER), of("Annual_Revenue", NUMBER), picklist("Rating"),
        of("Street", TEXT), of("City", TEXT), of("State", TEXT), of("Zip_Code", TEXT), of("Country", TEXT),
        of("Description", TEXTAREA), of("Email_Opt_Out", BOOLEAN), of("Last_Activity_Time", SYSTEM));
    define(CONTACTS, of("First_Name", TEXT), of("Last_Name", TEXT), of("Full_Name", SYSTEM), picklist("Salutation"),
        of("Email", EMAIL), of("Secondary_Email", EMAIL), of("Phone", PHONE), of("Mobile", PHONE), of("Home_Phone", PHONE),
        of("Other_Phone", PHONE), of("Fax", PHONE), of("Title", TEXT), of("Department", TEXT),
        lookup("Account_Name", ACCOUNTS), lookup("Reporting_To", CONTACTS), picklist("Lead_Source"),
        of("Date_of_Birth", DATE), of("Mailing_Street", TEXT), of("Mailing_City", TEXT), of("Mailing_State", TEXT),
        of("Mailing_Zip", TEXT), of("Mailing_Country", TEXT), of("Description", TEXTAREA), of("Email_Opt_Out", BOOLEAN),
        of("Last_Activity_Time", SYSTEM));
    define(ACCOUNTS, of("Account_Name", TEXT), of("Account_Number", TEXT), picklist("Account_Type"), picklist("Industry"),
        of("Annual_Revenue", NUMBER), of("Employees", INTEGER), picklist("Ownership"), of("Phone", PHONE), of("Fax", PHONE),
        of("Website", WEBSITE), picklist("Rating"), lookup("Parent_Account", ACCOUNTS),
        of("Billing_Street", TEXT), of("Billing_City", TEXT), of("Billing_State", TEXT), of("Billing_Code", TEXT),
        of("Billing_Country", TEXT), of("Shipping_Street", TEXT), of("Shipping_City", TEXT), of("Shipping_State", TEXT),
        of("Shipping_Code", TEXT), of("Shipping_Country", TEXT), of("Description", TEXTAREA),
        of("Last_Activity_Time", SYSTEM));
    define(DEALS, of("Deal_Name", TEXT), of("Amount", NUMBER), of("Stage", STAGE), of("Pipeline", PIPELINE),
        of("Closing_Date", DATE), of("Probability", INTEGER), of("Expected_Revenue", SYSTEM),
        lookup("Account_Name", ACCOUNTS), lookup("Contact_Name", CONTACTS),
        picklist("Type", "-None-", "Existing Business", "New Business"), picklist("Lead_Source"), of("Next_Step", TEXT),
        of("Description", TEXTAREA), of("Currency", SYSTEM), of("Last_Activity_Time", SYSTEM));
    define(TASKS, of("Subject", TEXT), of("Due_Date", DATE),
        picklist("Status", "Not Started", "Deferred", "In Progress", "Completed", "Waiting for input"),
        picklist("Priority", "High", "Highest", "Low", "Lowest", "Normal"),
        of("What_Id", WHAT_ID), of("$se_module", SE_MODULE), of("Who_Id", WHO_ID), of("Description", TEXTAREA),
        of("Send_Notification_Email", BOOLEAN), of("Closed_Time", SYSTEM));
    define(EVENTS, of("Event_Title", TEXT), of("Start_DateTime", DATETIME), of("End_DateTime", DATETIME),
        of("All_day", BOOLEAN), of("Venue", TEXT), of("Participants", PARTICIPANTS), of("What_Id", WHAT_ID),
        of("$se_module", SE_MODULE), of("Who_Id", WHO_ID), of("Description", TEXTAREA), of("Check_In_Status", SYSTEM));
    define(CALLS, of("Subject", TEXT), picklist("Call_Type", "Inbound", "Outbound", "Missed"),
        of("Call_Start_Time", DATETIME), of("Call_Duration", DURATION), of("Call_Duration_in_seconds", SYSTEM),
        picklist("Call_Purpose"), picklist("Call_Result"), of("Call_Agenda", TEXT), of("What_Id", WHAT_ID),
        of("$se_module", SE_MODULE), of("Who_Id", WHO_ID), of("Description", TEXTAREA));
    define(NOTES, of("Note_Title", TEXT), of("Note_Content", TEXTAREA), of("Parent_Id", PARENT_ID));
  }

  private final String apiName;
  private final long moduleIdSuffix;
  private final String nameField;
  private final List<String> mandatory;

  ZohoModule(String apiName, long moduleIdSuffix, String nameField, List<String> mandatory) {
    this.apiName = apiName;
    this.moduleIdSuffix = moduleIdSuffix;
    this.nameField = nameField;
    this.mandatory = mandatory;
  }

  private static void define(ZohoModule module, ZohoField... fields) {
    Map<String, ZohoField> byName = new LinkedHashMap<>();
    for (ZohoField field : fields) {
      byName.put(field.apiName(), field);
    }
    byName.put("Owner", of("Owner", OWNER));
    for (String system : List.of("Created_Time", "Modified_Time", "Created_By", "Modified_By", "Tag")) {
      byName.put(system, of(system, SYSTEM));
    }
    FIELDS.put(module, Collections.unmodifiableMap(byName));
  }

  /** The module's API name, as in URLs: {@code Contacts}. */
  public String apiName() {
    return apiName;
  }

  /** The field a lookup to a record of this module shows as its {@code name}. */
  String nameField() {
    return nameField;
  }

  List<String> mandatory() {
    return mandatory;
  }

  Map<String, ZohoField> fields() {
    return FIELDS.get(this);
  }

  ZohoField field(String apiName) {
    return FIELDS.get(this).get(apiName);
  }

  /** The module's id within an organization, as lookups' {@code module.id} show it. */
  String moduleId(long orgPrefix) {
    return Long.toString(orgPrefix * ZohoStore.ID_SPACE + moduleIdSuffix);
  }

  /** The scope name part: {@code ZohoCRM.modules.contacts.READ}. */
  String scopeName() {
    return apiName.toLowerCase(Locale.ROOT);
  }

  /** By API name, ignoring case (Zoho's module paths are case-insensitive). */
  public static Optional<ZohoModule> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    for (ZohoModule module : values()) {
      if (module.apiName.equalsIgnoreCase(name)) {
        return Optional.of(module);
      }
    }
    return Optional.empty();
  }
}
