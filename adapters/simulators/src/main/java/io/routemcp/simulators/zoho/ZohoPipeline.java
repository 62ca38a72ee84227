package io.routemcp.simulators.zoho;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/** A Deals pipeline of one layout, with its stages ("maps") in order. */
record ZohoPipeline(String id, String displayValue, boolean isDefault, List<Stage> stages) {

  /**
   * @param forecastType {@code Open}, {@code Closed Won} or {@code Closed Lost}
   * @param probability what a deal entering the stage gets as its Probability
   */
  record Stage(String id, String displayValue, String actualValue, int sequence, String forecastType,
      String forecastCategoryName, String forecastCategoryId, int probability) {

    JsonObject toJson() {
      return new JsonObject()
          .put("display_value", displayValue)
          .put("sequence_number", sequence)
          .put("forecast_category", new JsonObject().put("name", forecastCategoryName).put("id", forecastCategoryId))
          .put("actual_value", actualValue)
          .put("id", id)
          .put("forecast_type", forecastType);
    }
  }

  /** A stage by its display or actual value (deals store the display value). */
  Optional<Stage> stage(String value) {
    return stages.stream().filter(s -> s.displayValue.equals(value) || s.actualValue.equals(value)).findFirst();
  }

  JsonObject toJson() {
    JsonArray maps = new JsonArray();
    stages.forEach(s -> maps.add(s.toJson()));
    return new JsonObject()
        .put("display_value", displayValue)
        .put("default", isDefault)
        .put("maps", maps)
        .put("actual_value", displayValue)
        .put("id", id);
  }

  /** A Deals layout and the pipelines it offers. */
  record Layout(String id, String name, List<ZohoPipeline> pipelines) {

    JsonObject toJson(String createdTime) {
      return new JsonObject()
          .put("created_time", createdTime)
          .put("visible", true)
          .put("source", "crm")
          .put("name", name)
          .put("api_name", name.replace(' ', '_'))
          .put("modified_time", createdTime)
          .put("id", id)
          .put("status", "active")
          .put("show_business_card", false)
          .put("sections", new JsonArray());
    }
  }
}
