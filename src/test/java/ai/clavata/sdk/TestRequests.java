package ai.clavata.sdk;

import ai.clavata.sdk.jobs.CreateJobRequest;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.stream.EvaluateRequest;

/** Requests shared by the tests of every package. */
public final class TestRequests {
  private TestRequests() {}

  /** A stream request for policy {@code p} with two text items, {@code a} and {@code b}. */
  public static EvaluateRequest twoItems() {
    return EvaluateRequest.builder()
        .policyId("p")
        .addContent(ContentData.text("a"))
        .addContent(ContentData.text("b"))
        .build();
  }

  /** The smallest valid create: policy {@code p}, one text item {@code x}. */
  public static CreateJobRequest createJob() {
    return CreateJobRequest.builder().policyId("p").addContent(ContentData.text("x")).build();
  }
}
