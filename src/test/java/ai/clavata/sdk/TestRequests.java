package ai.clavata.sdk;

import ai.clavata.sdk.jobs.CreateJobRequest;
import ai.clavata.sdk.model.ContentData;

/** Requests shared by the tests of every package. */
public final class TestRequests {
  private TestRequests() {}

  /** The smallest valid create: policy {@code p}, one text item {@code x}. */
  public static CreateJobRequest createJob() {
    return CreateJobRequest.builder().policyId("p").addContent(ContentData.text("x")).build();
  }
}
