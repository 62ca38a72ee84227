package io.routemcp.sandbox;

import io.routemcp.kit.resource.Resource;
import io.routemcp.sandbox.SeedVocabulary.City;
import io.routemcp.sandbox.SeedVocabulary.CompanyProfile;
import io.routemcp.sandbox.SeedVocabulary.PipelineShape;
import io.routemcp.sandbox.SeedVocabulary.Stage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The sample data of one sandbox end user: a small, believable sales team's CRM where deals,
 * notes, tasks and the rest point at records that exist. Everything is drawn from one
 * {@link Random} seeded by the end user's id and every timestamp is measured from {@link #BASE},
 * so the same end user always gets the same records, byte for byte.
 */
final class SandboxSeed {

  /** The "today" of the sample data; fixed so seeding at different times gives the same records. */
  static final Instant BASE = Instant.parse("2026-11-02T00:00:00Z");

  static final int OWNERS = 5;
  static final int COMPANIES = 20;
  static final int CONTACTS = 72;
  static final int LEADS = 40;
  static final int DEALS = 30;
  static final int NOTES = 50;
  static final int TASKS = 40;
  static final int MEETINGS = 20;
  static final int APPOINTMENTS = 15;
  static final int ACTIVITIES = 40;

  /** One record to store, in the order lists return them. */
  record Row(Resource resource, String id, JsonObject data, Instant createdAt, Instant updatedAt) {}

  private record Owner(String id, String name, String email) {}

  private record Company(String id, String name, String domain, City city, JsonObject address, String ownerId, Instant createdAt) {}

  private record Contact(String id, String first, String last, String email, Company company, String ownerId) {
    String name() {
      return first + " " + last;
    }
  }

  private record Deal(String id, Company company) {}

  private record StageRef(String pipelineId, String stageId, Stage stage) {}

  private final Random random;
  private final String homeDomain;
  private final List<Row> rows = new ArrayList<>();
  private final Set<String> usedNames = new HashSet<>();
  private final List<Owner> owners = new ArrayList<>();
  private final List<Owner> activeOwners = new ArrayList<>();
  private final List<List<StageRef>> pipelines = new ArrayList<>();
  private final List<Company> companies = new ArrayList<>();
  private final List<Contact> contacts = new ArrayList<>();
  private final List<Deal> deals = new ArrayList<>();

  private SandboxSeed(Random random) {
    this.random = random;
    this.homeDomain = pick(SeedVocabulary.HOME_DOMAINS);
  }

  /** Every record of the end user's sample data. */
  static List<Row> generate(String seedKey) {
    return new SandboxSeed(randomFor(seedKey)).build();
  }

  /** A generator that depends only on the key: the first 8 bytes of its SHA-256. */
  static Random randomFor(String seedKey) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(seedKey.getBytes(StandardCharsets.UTF_8));
      return new Random(ByteBuffer.wrap(hash, 0, Long.BYTES).getLong());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private List<Row> build() {
    owners();
    pipelines();
    companies();
    contacts();
    leads();
    deals();
    notes();
    tasks();
    meetings();
    appointments();
    activities();
    return List.copyOf(rows);
  }

  private void owners() {
    int inactive = random.nextInt(OWNERS);
    for (int n = 1; n <= OWNERS; n++) {
      String first = pick(SeedVocabulary.FIRST_NAMES);
      String last = uniqueLastName(first);
      String id = id("owner", n);
      Owner owner = new Owner(id, first + " " + last, emailLocal(first) + "." + emailLocal(last) + "@" + homeDomain);
      owners.add(owner);
      if (n - 1 != inactive) {
        activeOwners.add(owner);
      }
      Instant created = daysBeforeBase(400, 300);
      add(Resource.OWNER, id, fields("name", owner.name(), "first_name", first, "last_name", last, "email", owner.email(),
          "is_active", n - 1 != inactive), created);
    }
  }

  private void pipelines() {
    List<PipelineShape> shapes = List.of(SeedVocabulary.SALES_PIPELINE, pick(SeedVocabulary.SECOND_PIPELINES));
    for (int p = 1; p <= shapes.size(); p++) {
      PipelineShape shape = shapes.get(p - 1);
      String pipelineId = id("pipeline", p);
      JsonArray stages = new JsonArray();
      List<StageRef> refs = new ArrayList<>();
      for (int s = 1; s <= shape.stages().size(); s++) {
        Stage stage = shape.stages().get(s - 1);
        String stageId = String.format(Locale.ROOT, "stage-%03d-%d", p, s);
        refs.add(new StageRef(pipelineId, stageId, stage));
        stages.add(new JsonObject().put("id", stageId).put("name", stage.name()).put("order", s)
            .put("probability", stage.probability()).put("is_closed", stage.closed()).put("is_won", stage.won()));
      }
      pipelines.add(refs);
      add(Resource.PIPELINE, pipelineId, fields("name", shape.name(), "stages", stages),
          daysBeforeBase(380, 200));
    }
  }

  private void companies() {
    List<CompanyProfile> profiles = new ArrayList<>(SeedVocabulary.COMPANIES);
    Collections.shuffle(profiles, random);
    int[] sizes = {12, 25, 40, 65, 110, 180, 260, 420, 750, 1400, 3200};
    for (int n = 1; n <= COMPANIES; n++) {
      CompanyProfile profile = profiles.get(n - 1);
      City city = pick(SeedVocabulary.CITIES);
      String domain = emailLocal(profile.name()) + ".com";
      JsonObject address = new JsonObject()
          .put("street_1", (100 + random.nextInt(2900)) + " " + city.street())
          .put("street_2", random.nextInt(3) == 0 ? null : "Suite " + (100 + random.nextInt(9) * 100 + random.nextInt(20)))
          .put("city", city.name())
          .put("state", city.state())
          .put("postal_code", city.zipPrefix() + String.format(Locale.ROOT, "%02d", random.nextInt(100)))
          .put("country", "US")
          .put("address_type", "Billing");
      Company company = new Company(id("company", n), profile.name(), domain, city, address, pick(activeOwners).id(),
          daysBeforeBase(120, 420));
      companies.add(company);
      int size = sizes[random.nextInt(sizes.length)];
      int employees = size + random.nextInt(size / 4 + 1);
      String segment = employees >= 1000 ? "Enterprise" : employees >= 200 ? "Mid-Market" : "SMB";
      add(Resource.COMPANY, company.id(), fields(
          "name", profile.name(),
          "description", profile.description(),
          "industry", profile.industry(),
          "website", "https://www." + domain,
          "number_of_employees", employees,
          "addresses", new JsonArray().add(address),
          "phone_numbers", new JsonArray().add(phone(city, "Main")),
          "owner", company.ownerId(),
          "custom_fields", new JsonObject().put("segment", segment)),
          company.createdAt());
    }
  }

  private void contacts() {
    for (int n = 1; n <= CONTACTS; n++) {
      // The first pass gives every company at least one contact, so every deal can name one.
      Company company = n <= COMPANIES ? companies.get(n - 1) : pick(companies);
      String[] name = uniqueName();
      String ownerId = random.nextInt(5) == 0 ? pick(activeOwners).id() : company.ownerId();
      String email = emailLocal(name[0]) + "." + emailLocal(name[1]) + "@" + company.domain();
      Contact contact = new Contact(id("contact", n), name[0], name[1], email, company, ownerId);
      contacts.add(contact);
      JsonArray emails = new JsonArray().add(email(email, "Work"));
      if (random.nextInt(4) == 0) {
        emails.add(email(personalEmail(name[0], name[1]), "Personal"));
      }
      JsonArray phones = new JsonArray().add(phone(company.city(), "Work"));
      if (random.nextBoolean()) {
        phones.add(phone(company.city(), "Mobile"));
      }
      JsonObject address = company.address().copy().put("address_type", "Work");
      // People are added once their company is in the CRM.
      Instant created = between(company.createdAt(), BASE.minus(Duration.ofDays(30)));
      add(Resource.CONTACT, contact.id(), fields(
          "first_name", name[0],
          "last_name", name[1],
          "title", pick(SeedVocabulary.CONTACT_TITLES),
          "account", company.id(),
          "owner", ownerId,
          "email_addresses", emails,
          "phone_numbers", phones,
          "addresses", new JsonArray().add(address),
          "last_activity_at", businessTime(BASE.minus(Duration.ofDays(1 + random.nextInt(60)))).toString()),
          created);
    }
  }

  private void leads() {
    List<Contact> converted = new ArrayList<>(contacts);
    Collections.shuffle(converted, random);
    int convertedCount = 0;
    for (int n = 1; n <= LEADS; n++) {
      Instant created = daysBeforeBase(2, 240);
      String id = id("lead", n);
      // Every eighth lead became a customer: it names the contact and company it turned into.
      if (n % 8 == 3) {
        Contact contact = converted.get(convertedCount++);
        add(Resource.LEAD, id, fields(
            "first_name", contact.first(),
            "last_name", contact.last(),
            "title", pick(SeedVocabulary.CONTACT_TITLES),
            "company", contact.company().name(),
            "email_addresses", new JsonArray().add(email(contact.email(), "Work")),
            "phone_numbers", new JsonArray().add(phone(contact.company().city(), "Work")),
            "addresses", new JsonArray().add(contact.company().address().copy().put("address_type", "Work")),
            "lead_source", pick(SeedVocabulary.LEAD_SOURCES),
            "status", "Converted",
            "owner", contact.ownerId(),
            "converted_contact", contact.id(),
            "converted_account", contact.company().id(),
            "custom_fields", new JsonObject().put("lead_score", 80 + random.nextInt(20))),
            created);
        continue;
      }
      String[] name = uniqueName();
      String company = pick(SeedVocabulary.LEAD_COMPANIES);
      City city = pick(SeedVocabulary.CITIES);
      boolean personal = random.nextInt(10) < 3;
      String email = personal ? personalEmail(name[0], name[1]) : emailLocal(name[0]) + "@" + emailLocal(company) + ".com";
      add(Resource.LEAD, id, fields(
          "first_name", name[0],
          "last_name", name[1],
          "title", pick(SeedVocabulary.CONTACT_TITLES),
          "company", company,
          "email_addresses", new JsonArray().add(email(email, personal ? "Personal" : "Work")),
          "phone_numbers", new JsonArray().add(phone(city, "Mobile")),
          "addresses", new JsonArray().add(new JsonObject()
              .put("street_1", (10 + random.nextInt(990)) + " " + city.street())
              .put("street_2", null)
              .put("city", city.name())
              .put("state", city.state())
              .put("postal_code", city.zipPrefix() + String.format(Locale.ROOT, "%02d", random.nextInt(100)))
              .put("country", "US")
              .put("address_type", "Work")),
          "lead_source", pick(SeedVocabulary.LEAD_SOURCES),
          "status", pick(SeedVocabulary.LEAD_STATUSES),
          "owner", pick(activeOwners).id(),
          "custom_fields", new JsonObject().put("lead_score", 5 + random.nextInt(90))),
          created);
    }
  }

  private void deals() {
    int[] amounts = {4_500, 9_800, 14_000, 18_000, 24_000, 36_000, 48_500, 62_000, 85_000, 120_000, 175_000, 240_000};
    for (int n = 1; n <= DEALS; n++) {
      Company company = pick(companies);
      List<Contact> people = pickSome(contactsOf(company), 1 + random.nextInt(3));
      List<StageRef> pipeline = pipelines.get(random.nextInt(4) == 0 ? 1 : 0);
      StageRef stage = pick(pipeline);
      String status = stage.stage().won() ? "WON" : stage.stage().closed() ? "LOST" : "OPEN";
      String offer = pick(SeedVocabulary.DEAL_OFFERS);
      int amount = amounts[random.nextInt(amounts.length)] + random.nextInt(20) * 250;
      Instant created = between(company.createdAt(), BASE.minus(Duration.ofDays(20)));
      LocalDate closeDate;
      Instant updated;
      if ("OPEN".equals(status)) {
        closeDate = day(BASE).plusDays(7 + random.nextInt(114));
        updated = between(created, BASE);
      } else {
        long openDays = Duration.between(created, BASE).toDays();
        closeDate = day(created).plusDays(5 + random.nextInt((int) Math.max(1, openDays - 5)));
        updated = businessTime(closeDate.atStartOfDay(ZoneOffset.UTC).toInstant());
      }
      Deal deal = new Deal(id("deal", n), company);
      deals.add(deal);
      JsonArray contactIds = new JsonArray();
      people.forEach(c -> contactIds.add(c.id()));
      addAt(Resource.DEAL, deal.id(), fields(
          "name", company.name() + " - " + offer,
          "description", fill(pick(SeedVocabulary.DEAL_DESCRIPTIONS), people.get(0), offer),
          "amount", amount,
          "currency", "USD",
          "pipeline", stage.pipelineId(),
          "stage", stage.stageId(),
          "status", status,
          "probability", stage.stage().probability(),
          "close_date", closeDate.toString(),
          "account", company.id(),
          "contacts", contactIds,
          "owner", company.ownerId()),
          created, updated);
    }
  }

  private void notes() {
    for (int n = 1; n <= NOTES; n++) {
      Contact contact = pick(contacts);
      Deal deal = random.nextInt(10) < 4 ? dealOf(contact.company()) : null;
      add(Resource.NOTE, id("note", n), fields(
          "content", fill(pick(SeedVocabulary.NOTE_TEXTS), contact, pick(SeedVocabulary.DEAL_OFFERS)),
          "contact", contact.id(),
          "account", contact.company().id(),
          "deal", deal == null ? null : deal.id(),
          "owner", contact.ownerId()),
          daysBeforeBase(1, 180));
    }
  }

  private void tasks() {
    for (int n = 1; n <= TASKS; n++) {
      Contact contact = pick(contacts);
      Deal deal = random.nextInt(20) < 7 ? dealOf(contact.company()) : null;
      boolean completed = random.nextInt(20) < 9;
      Instant due = completed
          ? atHour(day(BASE).minusDays(2 + random.nextInt(60)), 21)
          : atHour(day(BASE).plusDays(random.nextInt(35) - 5), 21);
      Instant created = earlier(due);
      Instant completedAt = completed ? between(created, due) : null;
      int priority = random.nextInt(10);
      String detail = random.nextInt(10) < 6 ? fill(pick(SeedVocabulary.TASK_DETAILS), contact, pick(SeedVocabulary.DEAL_OFFERS)) : null;
      addAt(Resource.TASK, id("task", n), fields(
          "subject", fill(pick(SeedVocabulary.TASK_SUBJECTS), contact, null),
          "content", detail,
          "status", completed ? "COMPLETED" : "OPEN",
          "priority", priority < 3 ? "LOW" : priority < 8 ? "MEDIUM" : "HIGH",
          "due_date", due.toString(),
          "completed_at", completedAt == null ? null : completedAt.toString(),
          "contact", contact.id(),
          "account", contact.company().id(),
          "deal", deal == null ? null : deal.id(),
          "owner", contact.ownerId()),
          created, completedAt != null ? completedAt : between(created, BASE));
    }
  }

  private void meetings() {
    for (int n = 1; n <= MEETINGS; n++) {
      Company company = pick(companies);
      List<Contact> people = pickSome(contactsOf(company), 1 + random.nextInt(3));
      Owner owner = ownerOf(company.ownerId());
      Instant start = businessTime(BASE.plus(Duration.ofDays(random.nextInt(61) - 30)));
      Instant end = start.plus(Duration.ofMinutes(30L * (1 + random.nextInt(2))));
      JsonArray attendees = new JsonArray();
      JsonArray contactIds = new JsonArray();
      for (Contact c : people) {
        attendees.add(new JsonObject().put("email", c.email()).put("name", c.name()));
        contactIds.add(c.id());
      }
      attendees.add(new JsonObject().put("email", owner.email()).put("name", owner.name()));
      String location = random.nextInt(10) < 7
          ? pick(SeedVocabulary.VIDEO_LOCATIONS)
          : company.name() + " office, " + company.city().name() + ", " + company.city().state();
      Instant created = earlier(start);
      add(Resource.MEETING, id("meeting", n), fields(
          "title", fill(pick(SeedVocabulary.MEETING_TITLES), people.get(0), null),
          "description", pick(SeedVocabulary.MEETING_DESCRIPTIONS),
          "start_time", start.toString(),
          "end_time", end.toString(),
          "location", location,
          "attendees", attendees,
          "contacts", contactIds,
          "owner", owner.id()),
          created);
    }
  }

  private void appointments() {
    for (int n = 1; n <= APPOINTMENTS; n++) {
      Contact contact = pick(contacts);
      Instant start = businessTime(BASE.plus(Duration.ofDays(random.nextInt(46) - 20)));
      Instant end = start.plus(Duration.ofMinutes(30L + 15L * random.nextInt(3)));
      boolean past = start.isBefore(BASE);
      int roll = random.nextInt(10);
      String status = past
          ? (roll < 7 ? "COMPLETED" : roll < 9 ? "CANCELLED" : "NO_SHOW")
          : (roll < 6 ? "CONFIRMED" : "SCHEDULED");
      add(Resource.APPOINTMENT, id("appointment", n), fields(
          "title", pick(SeedVocabulary.APPOINTMENT_TITLES) + " with " + contact.name(),
          "start_time", start.toString(),
          "end_time", end.toString(),
          "status", status,
          "contact", contact.id(),
          "calendar", "calendar-" + contact.ownerId().substring("owner-".length()),
          "location", pick(SeedVocabulary.VIDEO_LOCATIONS),
          "notes", random.nextInt(10) < 6 ? pick(SeedVocabulary.APPOINTMENT_NOTES) : null,
          "owner", contact.ownerId()),
          earlier(start));
    }
  }

  private void activities() {
    String[] types = {"CALL", "EMAIL", "EMAIL", "CALL", "MEETING", "EMAIL", "TASK", "OTHER"};
    for (int n = 1; n <= ACTIVITIES; n++) {
      Contact contact = pick(contacts);
      Deal deal = random.nextInt(10) < 3 ? dealOf(contact.company()) : null;
      String type = types[random.nextInt(types.length)];
      Instant start = businessTime(BASE.minus(Duration.ofDays(1 + random.nextInt(90))));
      String offer = pick(SeedVocabulary.DEAL_OFFERS);
      String subject;
      String content = null;
      String direction = null;
      Instant end = null;
      switch (type) {
        case "CALL" -> {
          subject = "Call with " + contact.name();
          content = fill(pick(SeedVocabulary.CALL_SUMMARIES), contact, offer);
          direction = random.nextInt(3) == 0 ? "INBOUND" : "OUTBOUND";
          end = start.plus(Duration.ofMinutes(4 + random.nextInt(40)));
        }
        case "EMAIL" -> {
          subject = fill(pick(SeedVocabulary.EMAIL_SUBJECTS), contact, offer);
          content = fill(pick(SeedVocabulary.EMAIL_BODIES), contact, offer);
          direction = random.nextInt(10) < 7 ? "OUTBOUND" : "INBOUND";
        }
        case "MEETING" -> {
          subject = fill(pick(SeedVocabulary.MEETING_TITLES), contact, offer);
          content = pick(SeedVocabulary.MEETING_DESCRIPTIONS);
          end = start.plus(Duration.ofMinutes(30L * (1 + random.nextInt(2))));
        }
        case "TASK" -> subject = "Completed: " + fill(pick(SeedVocabulary.TASK_SUBJECTS), contact, offer);
        default -> subject = fill(pick(SeedVocabulary.OTHER_ACTIVITIES), contact, offer);
      }
      addAt(Resource.ACTIVITY, id("activity", n), fields(
          "type", type,
          "subject", subject,
          "content", content,
          "direction", direction,
          "start_time", start.toString(),
          "end_time", end == null ? null : end.toString(),
          "contact", contact.id(),
          "account", contact.company().id(),
          "deal", deal == null ? null : deal.id(),
          "owner", contact.ownerId()),
          start, end == null ? start : end);
    }
  }

  /** Fills a template's placeholders from the contact and fresh draws. */
  private String fill(String template, Contact contact, String offer) {
    String text = template
        .replace("{first}", contact.first())
        .replace("{last}", contact.last())
        .replace("{company}", contact.company().name());
    if (offer != null) {
      text = text.replace("{offer}", offer);
    }
    if (text.contains("{team}")) {
      text = text.replace("{team}", pick(SeedVocabulary.TEAMS));
    }
    if (text.contains("{competitor}")) {
      text = text.replace("{competitor}", pick(SeedVocabulary.COMPETITORS));
    }
    if (text.contains("{event}")) {
      text = text.replace("{event}", pick(SeedVocabulary.EVENTS));
    }
    if (text.contains("{weekday}")) {
      text = text.replace("{weekday}", pick(SeedVocabulary.WEEKDAYS));
    }
    if (text.contains("{seats}")) {
      text = text.replace("{seats}", Integer.toString(5 * (2 + random.nextInt(40))));
    }
    if (text.contains("{month}")) {
      text = text.replace("{month}",
          day(BASE).plusMonths(1 + random.nextInt(5)).getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
    }
    return text;
  }

  private void add(Resource resource, String id, JsonObject data, Instant created) {
    addAt(resource, id, data, created, between(created, BASE));
  }

  private void addAt(Resource resource, String id, JsonObject data, Instant created, Instant updated) {
    if (!data.containsKey("custom_fields")) {
      data.put("custom_fields", new JsonObject());
    }
    rows.add(new Row(resource, id, data, created, updated.isBefore(created) ? created : updated));
  }

  /** A JSON object of the given name/value pairs, leaving out nulls: stored data holds no nulls. */
  private static JsonObject fields(Object... namesAndValues) {
    JsonObject data = new JsonObject();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        data.put((String) namesAndValues[i], namesAndValues[i + 1]);
      }
    }
    return data;
  }

  private String[] uniqueName() {
    while (true) {
      String first = pick(SeedVocabulary.FIRST_NAMES);
      String last = pick(SeedVocabulary.LAST_NAMES);
      if (usedNames.add(first + " " + last)) {
        return new String[] {first, last};
      }
    }
  }

  private String uniqueLastName(String first) {
    while (true) {
      String last = pick(SeedVocabulary.LAST_NAMES);
      if (usedNames.add(first + " " + last)) {
        return last;
      }
    }
  }

  private JsonObject phone(City city, String type) {
    String number = String.format(Locale.ROOT, "+1 (%s) 555-01%02d", city.areaCode(), random.nextInt(100));
    return new JsonObject().put("phone_number", number).put("phone_number_type", type);
  }

  private static JsonObject email(String address, String type) {
    return new JsonObject().put("email_address", address).put("email_address_type", type);
  }

  private String personalEmail(String first, String last) {
    return emailLocal(first) + emailLocal(last).charAt(0) + (10 + random.nextInt(90)) + "@" + pick(SeedVocabulary.PERSONAL_DOMAINS);
  }

  /** Lower-case letters and digits only: "O'Brien" → "obrien", "Maple & Main Bakery" → "maplemainbakery". */
  private static String emailLocal(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  private List<Contact> contactsOf(Company company) {
    return contacts.stream().filter(c -> c.company() == company).toList();
  }

  private Deal dealOf(Company company) {
    List<Deal> own = deals.stream().filter(d -> d.company() == company).toList();
    return own.isEmpty() ? null : pick(own);
  }

  private Owner ownerOf(String ownerId) {
    return owners.stream().filter(o -> o.id().equals(ownerId)).findFirst().orElseThrow();
  }

  private <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  private <T> List<T> pickSome(List<T> items, int count) {
    List<T> shuffled = new ArrayList<>(items);
    Collections.shuffle(shuffled, random);
    return List.copyOf(shuffled.subList(0, Math.min(count, shuffled.size())));
  }

  /** When a record about something at {@code start} was written: a few days before, and never after BASE. */
  private Instant earlier(Instant start) {
    Instant created = start.minus(Duration.ofDays(1 + random.nextInt(14))).plusSeconds(random.nextInt(1800));
    return created.isAfter(BASE) ? daysBeforeBase(1, 10) : created;
  }

  /** A moment during the working day, {@code min} to {@code min + spread - 1} days before BASE. */
  private Instant daysBeforeBase(int min, int spread) {
    return businessTime(BASE.minus(Duration.ofDays(min + random.nextInt(spread)))).plusSeconds(random.nextInt(1800));
  }

  private Instant between(Instant from, Instant to) {
    long seconds = Duration.between(from, to).getSeconds();
    return seconds <= 0 ? from : from.plusSeconds((long) (random.nextDouble() * seconds));
  }

  /** A time during US business hours (14:00–21:30 UTC) on the instant's day, or the weekday before it. */
  private Instant businessTime(Instant instant) {
    return atHour(day(instant), 14 + random.nextInt(8), random.nextBoolean() ? 30 : 0);
  }

  private static Instant atHour(LocalDate day, int hour) {
    return atHour(day, hour, 0);
  }

  private static Instant atHour(LocalDate day, int hour, int minute) {
    LocalDate weekday = day;
    // Moving back, not forward, keeps anything dated before BASE before it.
    while (weekday.getDayOfWeek() == DayOfWeek.SATURDAY || weekday.getDayOfWeek() == DayOfWeek.SUNDAY) {
      weekday = weekday.minusDays(1);
    }
    return weekday.atTime(hour, minute).toInstant(ZoneOffset.UTC);
  }

  private static LocalDate day(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }

  private static String id(String prefix, int n) {
    return String.format(Locale.ROOT, "%s-%03d", prefix, n);
  }
}
