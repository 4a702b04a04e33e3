package ai.clavata.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clavata.sdk.internal.Version;
import ai.clavata.sdk.jobs.CreateJobRequest;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.Job;
import ai.clavata.sdk.model.JobStatus;
import ai.clavata.sdk.model.Outcome;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @StartStop final MockWebServer server = new MockWebServer();

  @Test
  void createsAJobAndReadsTheReport() throws Exception {
    server.enqueue(new MockResponse.Builder().body(Fixtures.read("job-completed.json")).build());
    try (ClavataClient client = TestClients.client(server, new FakeTiming())) {
      Job job =
          client
              .jobs()
              .create(
                  CreateJobRequest.builder()
                      .policyId("p")
                      .addContent(ContentData.text("hello"))
                      .waitForCompletion(true)
                      .build());
      assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
      assertThat(job.reports().get(0).outcome()).isEqualTo(Outcome.TRUE);
    }
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getHeaders().get("Authorization"))
        .isEqualTo("Bearer " + TestClients.API_KEY);
    assertThat(Version.SDK_VERSION)
        .as("filtered in by the build")
        .matches("\\d+\\.\\d+\\.\\d+(-[A-Z0-9.]+)?");
    assertThat(request.getHeaders().get("User-Agent"))
        .isEqualTo("clavata-java/" + Version.SDK_VERSION);
  }
}
