package io.routemcp.simulators.zoho;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * Zoho's data centres. An organization lives in exactly one: its OAuth tokens are issued by that
 * centre's accounts server and only work against that centre's API domain. The simulator serves
 * every centre on one port, each under its own path prefix ({@code /accounts/eu}, {@code /api/eu}).
 */
public enum ZohoDataCentre {
  US("us", "America/New_York"),
  EU("eu", "Europe/Berlin"),
  IN("in", "Asia/Kolkata"),
  AU("au", "Australia/Sydney"),
  CN("cn", "Asia/Shanghai"),
  JP("jp", "Asia/Tokyo"),
  CA("ca", "America/Toronto"),
  SA("sa", "Asia/Riyadh"),
  UK("uk", "Europe/London");

  private final String location;
  private final ZoneId zone;

  ZohoDataCentre(String location, String zone) {
    this.location = location;
    this.zone = ZoneId.of(zone);
  }

  /** The {@code location} the authorize callback reports, and the simulator's path segment. */
  public String location() {
    return location;
  }

  /** The time zone new organizations in this centre use for their timestamps. */
  ZoneId zone() {
    return zone;
  }

  public static Optional<ZohoDataCentre> fromLocation(String location) {
    if (location == null) {
      return Optional.empty();
    }
    String wanted = location.toLowerCase(Locale.ROOT);
    for (ZohoDataCentre dc : values()) {
      if (dc.location.equals(wanted)) {
        return Optional.of(dc);
      }
    }
    return Optional.empty();
  }
}
