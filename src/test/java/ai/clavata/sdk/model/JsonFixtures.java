package ai.clavata.sdk.model;

import ai.clavata.sdk.Fixtures;
import ai.clavata.sdk.internal.Json;
import com.fasterxml.jackson.core.JsonProcessingException;

/** Parsing helpers the JSON tests share. */
final class JsonFixtures {
  private JsonFixtures() {}

  /** Reads the {@code job} member of a GetJobResponse-shaped fixture. */
  static Job jobFixture(String name) throws Exception {
    return Json.MAPPER.readerFor(Job.class).at("/job").readValue(Fixtures.read(name));
  }

  static Job job(String json) throws JsonProcessingException {
    return Json.MAPPER.readValue(json, Job.class);
  }

  static PolicyEvaluationReport report(String json) throws JsonProcessingException {
    return Json.MAPPER.readValue(json, PolicyEvaluationReport.class);
  }
}
