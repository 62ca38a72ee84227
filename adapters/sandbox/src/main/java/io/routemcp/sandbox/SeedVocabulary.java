package io.routemcp.sandbox;

import java.util.List;

/**
 * The words sample data is drawn from. Phone numbers use the 555-01xx block, which is reserved for
 * fiction, and company domains are invented, so nothing here reaches a real person or business.
 */
final class SeedVocabulary {

  private SeedVocabulary() {}

  record City(String name, String state, String areaCode, String zipPrefix, String street) {}

  record CompanyProfile(String name, String industry, String description) {}

  record Stage(String name, int probability, boolean closed, boolean won) {}

  record PipelineShape(String name, List<Stage> stages) {}

  static final List<String> FIRST_NAMES = List.of(
      "Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "James", "Isabella", "Benjamin",
      "Mia", "Lucas", "Charlotte", "Henry", "Amelia", "Alexander", "Harper", "Daniel", "Evelyn", "Michael",
      "Abigail", "Mateo", "Emily", "Sebastian", "Ella", "Jack", "Scarlett", "Owen", "Grace", "Samuel",
      "Chloe", "Ryan", "Priya", "Wei", "Aisha", "Diego", "Fatima", "Hiroshi", "Nadia", "Carlos",
      "Leah", "Marcus", "Hannah", "Andre", "Zoe", "Gabriel", "Maya", "Julian", "Naomi", "Theo",
      "Rachel", "Victor", "Elena", "Omar", "Lucy", "Ethan", "Sara", "Kenji", "Ingrid", "Rafael");

  static final List<String> LAST_NAMES = List.of(
      "Anderson", "Patel", "Nguyen", "Garcia", "Kim", "Johnson", "Williams", "Brown", "Martinez", "Chen",
      "Rodriguez", "Lee", "Walker", "Hall", "Young", "Allen", "Wright", "Lopez", "Hill", "Scott",
      "Green", "Adams", "Baker", "Nelson", "Carter", "Mitchell", "Perez", "Roberts", "Turner", "Phillips",
      "Campbell", "Parker", "Evans", "Edwards", "Collins", "Stewart", "Sanchez", "Morris", "Rogers", "Reed",
      "Cook", "Morgan", "Bell", "Murphy", "Bailey", "Rivera", "Cooper", "Richardson", "Cox", "Howard",
      "Ward", "Torres", "Peterson", "Gray", "Ramirez", "Watson", "Brooks", "Kelly", "Sanders", "O'Brien",
      "Okafor", "Schmidt", "Novak", "Haddad", "Silva", "Tanaka", "Larsen", "Dubois", "Kowalski", "Fischer");

  static final List<String> CONTACT_TITLES = List.of(
      "Chief Executive Officer", "Chief Operating Officer", "Chief Financial Officer", "VP of Sales", "VP of Operations",
      "VP of Marketing", "Director of IT", "Head of Procurement", "Operations Manager", "Office Manager",
      "Marketing Manager", "Sales Director", "IT Manager", "Finance Manager", "Practice Manager",
      "Head of Customer Success", "Product Manager", "Purchasing Agent", "Controller", "General Manager");

  static final List<City> CITIES = List.of(
      new City("San Francisco", "CA", "415", "941", "Market Street"),
      new City("Austin", "TX", "512", "787", "Congress Avenue"),
      new City("Denver", "CO", "303", "802", "Larimer Street"),
      new City("Chicago", "IL", "312", "606", "North Wacker Drive"),
      new City("Boston", "MA", "617", "021", "Boylston Street"),
      new City("Seattle", "WA", "206", "981", "Pine Street"),
      new City("New York", "NY", "212", "100", "Hudson Street"),
      new City("Atlanta", "GA", "404", "303", "Peachtree Street NE"),
      new City("Portland", "OR", "503", "972", "SW Morrison Street"),
      new City("Minneapolis", "MN", "612", "554", "Nicollet Mall"),
      new City("Raleigh", "NC", "919", "276", "Fayetteville Street"),
      new City("Nashville", "TN", "615", "372", "Broadway"),
      new City("Phoenix", "AZ", "602", "850", "East Camelback Road"),
      new City("San Diego", "CA", "619", "921", "Harbor Drive"),
      new City("Columbus", "OH", "614", "432", "North High Street"),
      new City("Salt Lake City", "UT", "801", "841", "South Main Street"),
      new City("Pittsburgh", "PA", "412", "152", "Liberty Avenue"),
      new City("Madison", "WI", "608", "537", "State Street"),
      new City("Charlotte", "NC", "704", "282", "South Tryon Street"),
      new City("Miami", "FL", "305", "331", "Brickell Avenue"));

  static final List<CompanyProfile> COMPANIES = List.of(
      new CompanyProfile("Northwind Logistics", "Transportation & Logistics",
          "Regional freight and last-mile delivery network serving retailers across the Midwest."),
      new CompanyProfile("Bluebird Analytics", "Software",
          "Self-serve dashboards and forecasting for mid-market retail chains."),
      new CompanyProfile("Summit Ridge Health", "Healthcare",
          "Network of outpatient clinics and urgent care centers."),
      new CompanyProfile("Cobalt Precision Manufacturing", "Manufacturing",
          "CNC machining and assembly for aerospace and medical device makers."),
      new CompanyProfile("Harborview Capital", "Financial Services",
          "Independent wealth management firm advising families and small businesses."),
      new CompanyProfile("Greenleaf Organics", "Food & Beverage",
          "Organic produce distributor supplying independent grocers and restaurants."),
      new CompanyProfile("Ironclad Security", "Cybersecurity",
          "Managed detection and response for small and mid-sized businesses."),
      new CompanyProfile("Lumen Learning Labs", "Education",
          "Online courses and certification programs for working professionals."),
      new CompanyProfile("Pinecrest Properties", "Real Estate",
          "Commercial property management for office and retail buildings."),
      new CompanyProfile("Redwood Dental Group", "Healthcare",
          "Family and cosmetic dental practices with locations across the state."),
      new CompanyProfile("Silverline Media", "Media & Entertainment",
          "Video production studio creating branded content and live-streamed events."),
      new CompanyProfile("Tidewater Solar", "Energy",
          "Residential and commercial solar installation with battery storage."),
      new CompanyProfile("Vantage Point Consulting", "Professional Services",
          "Operations and supply-chain consulting for growing manufacturers."),
      new CompanyProfile("Willow Creek Veterinary", "Veterinary",
          "Companion-animal hospitals offering 24/7 emergency care."),
      new CompanyProfile("Apex Builders", "Construction",
          "General contractor for commercial interiors and tenant improvements."),
      new CompanyProfile("Brightside Insurance", "Insurance",
          "Independent agency for business, home and auto insurance."),
      new CompanyProfile("Cascade Outdoor Supply", "Retail",
          "Outdoor gear retailer with eight stores and a growing online shop."),
      new CompanyProfile("Quantum Leap Robotics", "Robotics",
          "Warehouse automation robots for fulfillment centers."),
      new CompanyProfile("Meridian Travel Group", "Travel & Hospitality",
          "Corporate travel management and event planning."),
      new CompanyProfile("Orchard Hill Legal", "Legal Services",
          "Business law firm focused on contracts, employment and IP."),
      new CompanyProfile("Keystone Biotech", "Biotechnology",
          "Contract research lab running assay development and clinical sample testing."),
      new CompanyProfile("Polaris Telecom", "Telecommunications",
          "Business fiber, VoIP and managed network services."),
      new CompanyProfile("Sterling Hotels", "Hospitality",
          "Boutique hotel group with properties in six cities."),
      new CompanyProfile("Foxglove Design Studio", "Design",
          "Brand identity and web design agency for consumer brands."),
      new CompanyProfile("Granite Peak Fitness", "Health & Fitness",
          "Membership gyms and boutique studios with on-demand classes."),
      new CompanyProfile("Riverstone Accounting", "Accounting",
          "CPA firm providing bookkeeping, payroll and tax services."));

  static final List<String> LEAD_COMPANIES = List.of(
      "Maple & Main Bakery", "Coastal Pediatrics", "Brightwater Marketing", "Trailhead Coffee Roasters", "Helix Diagnostics",
      "Sunset Realty", "Oakridge Family Dental", "Copperline Electric", "Juniper Wellness Spa", "Ridgeway Auto Group",
      "Blue Harbor Marina", "Crescent Yoga Studio", "Stonebridge Wealth Partners", "Wildflower Events", "Atlas Freight Partners",
      "Nimbus Cloud Services", "Riverbend Animal Clinic", "Parkside Physical Therapy", "Elm Street Law", "Lighthouse Learning Center");

  static final List<String> LEAD_SOURCES = List.of(
      "Web Form", "Referral", "Trade Show", "Cold Call", "LinkedIn", "Webinar", "Partner", "Google Ads");

  static final List<String> LEAD_STATUSES = List.of("New", "Contacted", "Qualified", "Unqualified");

  static final List<String> HOME_DOMAINS = List.of("crestlinesoftware.com", "brightpathcrm.com", "northstarsales.io", "harborlinehq.com");

  static final List<String> PERSONAL_DOMAINS = List.of("gmail.com", "outlook.com", "yahoo.com", "icloud.com");

  static final PipelineShape SALES_PIPELINE = new PipelineShape("Sales Pipeline", List.of(
      new Stage("Qualification", 10, false, false),
      new Stage("Discovery", 20, false, false),
      new Stage("Demo Scheduled", 40, false, false),
      new Stage("Proposal Sent", 60, false, false),
      new Stage("Negotiation", 80, false, false),
      new Stage("Closed Won", 100, true, true),
      new Stage("Closed Lost", 0, true, false)));

  static final List<PipelineShape> SECOND_PIPELINES = List.of(
      new PipelineShape("Renewals", List.of(
          new Stage("Renewal Upcoming", 50, false, false),
          new Stage("Pricing Review", 70, false, false),
          new Stage("Contract Sent", 90, false, false),
          new Stage("Renewed", 100, true, true),
          new Stage("Churned", 0, true, false))),
      new PipelineShape("Partner Channel", List.of(
          new Stage("Partner Sourced", 10, false, false),
          new Stage("Qualified", 30, false, false),
          new Stage("Joint Proposal", 60, false, false),
          new Stage("Closed Won", 100, true, true),
          new Stage("Closed Lost", 0, true, false))),
      new PipelineShape("Enterprise Expansion", List.of(
          new Stage("Account Review", 15, false, false),
          new Stage("Stakeholder Mapping", 30, false, false),
          new Stage("Business Case", 50, false, false),
          new Stage("Security Review", 75, false, false),
          new Stage("Closed Won", 100, true, true),
          new Stage("Closed Lost", 0, true, false))));

  static final List<String> DEAL_OFFERS = List.of(
      "Annual Platform License", "Seat Expansion", "Enterprise Upgrade", "Implementation Services", "Multi-Year Renewal",
      "Analytics Add-On", "Pilot Program", "Premium Support Plan", "Regional Rollout", "Data Migration Project",
      "Team Onboarding Package", "API Access Tier");

  static final List<String> DEAL_DESCRIPTIONS = List.of(
      "{company} is evaluating the {offer} for their {team} team. Decision expected in {month}.",
      "Expansion opportunity: {first} wants to roll out to the {team} team after a successful first quarter.",
      "Replacing {competitor}; main drivers are reporting and the mobile app. {first} is the champion.",
      "Budget approved for next fiscal year. Procurement requires a security questionnaire before signature.",
      "Inbound from the pricing page. {first} asked for a {offer} quote for {seats} users.",
      "Competitive deal against {competitor}. Positioning on total cost of ownership and onboarding speed.");

  static final List<String> TEAMS = List.of("sales", "operations", "finance", "marketing", "customer success", "front desk", "field service");

  static final List<String> COMPETITORS = List.of(
      "Salesforce", "HubSpot", "Zoho CRM", "Pipedrive", "Monday Sales CRM", "a spreadsheet-based process");

  static final List<String> EVENTS = List.of(
      "SaaStr Annual", "the regional Chamber of Commerce mixer", "the spring industry trade show", "our customer webinar",
      "the local founders breakfast");

  static final List<String> WEEKDAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday");

  static final List<String> NOTE_TEXTS = List.of(
      "Call with {first}: {company} is consolidating vendors this quarter. They liked the reporting module but need SSO before signing.",
      "{first} asked for a revised quote covering {seats} additional seats. Sent the pricing sheet; follow up on {weekday}.",
      "Met {first} at {event}. Strong interest in the API; wants a technical deep-dive with their engineering lead.",
      "Budget approved for next fiscal year according to {first}. Procurement needs a W-9 and our security questionnaire.",
      "{company} currently uses {competitor} and their contract renews in {month}. Pain points: slow support, no mobile app.",
      "Left a voicemail for {first}. Will try again {weekday} morning.",
      "{first} confirmed the pilot went well: {seats} users active daily. Next step is an expansion proposal.",
      "Legal redlines received from {company}. Main open item is the liability cap; looping in our counsel.",
      "Onboarding kickoff scheduled. {first} will own the project on their side.",
      "{first} mentioned a reorg at {company}; the new VP of Operations may become the economic buyer.",
      "Demo recap: covered pipelines, automation and the Outlook integration. {first} wants a trial for {seats} users.",
      "Renewal risk: usage at {company} dropped 30% last month. Scheduling a health check with {first}.",
      "{first} referred us to a peer at another firm. Sent a thank-you note.",
      "Quarterly check-in with {first}: happy with support response times, asked about the roadmap for custom reports.",
      "Pricing objection: {first} says {competitor} quoted 15% lower. Positioning on total cost of ownership.",
      "{first} prefers email over phone and is out of office until {weekday}.");

  static final List<String> TASK_SUBJECTS = List.of(
      "Follow up with {first} {last}", "Send proposal to {company}", "Schedule demo for {company}",
      "Prepare QBR deck for {company}", "Send contract for signature to {first}", "Check in on pilot progress with {first}",
      "Update pricing for {company} renewal", "Share case study with {first}", "Book onsite visit at {company}",
      "Confirm implementation timeline with {first}", "Send security questionnaire to {company}",
      "Introduce {first} to our solutions engineer");

  static final List<String> TASK_DETAILS = List.of(
      "Reference the pricing we discussed on the last call.", "Include the security whitepaper and SOC 2 summary.",
      "{first} prefers a short agenda sent a day ahead.", "Loop in the account manager before sending.",
      "Use the updated template with the {offer}.", "Ask about their timeline for the {team} team rollout.");

  static final List<String> MEETING_TITLES = List.of(
      "Discovery call with {company}", "Product demo for {company}", "Quarterly business review: {company}",
      "Contract negotiation with {company}", "Implementation kickoff: {company}", "Executive alignment with {company}",
      "Renewal planning with {company}");

  static final List<String> MEETING_DESCRIPTIONS = List.of(
      "Agenda: introductions, current workflow, success criteria, next steps.",
      "Walk through pipelines, automation and reporting; leave 15 minutes for questions.",
      "Review adoption metrics, support tickets and goals for next quarter.",
      "Finalize pricing, payment terms and start date.",
      "Confirm project owners, data migration plan and training schedule.");

  static final List<String> VIDEO_LOCATIONS = List.of("Zoom", "Google Meet", "Microsoft Teams", "Phone");

  static final List<String> APPOINTMENT_TITLES = List.of(
      "Onboarding session", "Product walkthrough", "Account review", "Contract signing", "Training: reports and dashboards",
      "Implementation check-in", "Renewal consultation");

  static final List<String> APPOINTMENT_STATUSES = List.of("SCHEDULED", "CONFIRMED", "COMPLETED", "CANCELLED", "NO_SHOW");

  static final List<String> APPOINTMENT_NOTES = List.of(
      "Send the calendar invite with the dial-in details.", "Customer asked to keep it under 30 minutes.",
      "Bring the updated proposal.", "Second session for the wider team.", "Confirm attendees the day before.");

  static final List<String> CALL_SUMMARIES = List.of(
      "Discussed timeline and budget; {first} will confirm the number of seats by {weekday}.",
      "Walked through the proposal. Open questions about data migration from {competitor}.",
      "Check-in call. {first} is happy with onboarding so far.",
      "No answer; left a voicemail.",
      "{first} asked for references from customers in the same industry.");

  static final List<String> EMAIL_SUBJECTS = List.of(
      "Re: {company} proposal", "Pricing follow-up", "Next steps after our call", "Intro: {company} and our team",
      "Your trial is ready", "Re: contract questions");

  static final List<String> EMAIL_BODIES = List.of(
      "Hi {first}, thanks for the time today. Attached is the revised proposal with the {offer}.",
      "Hi {first}, following up on pricing. Happy to set up a call with our finance team.",
      "Hi {first}, here is the summary of next steps we agreed on, plus the onboarding checklist.",
      "Thanks {first}! We have received the signed order form and will start onboarding on {weekday}.");

  static final List<String> OTHER_ACTIVITIES = List.of(
      "LinkedIn message to {first}", "Sent welcome kit to {company}", "Added {first} to the customer newsletter",
      "Webinar attendance: {first}", "Referral thank-you card to {first}");
}
