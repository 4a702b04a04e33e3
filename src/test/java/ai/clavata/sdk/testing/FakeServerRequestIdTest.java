package ai.clavata.sdk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.errors.NotFoundException;
import ai.clavata.sdk.jobs.CreateJobRequest;
import ai.clavata.sdk.model.ApiResponse;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.Job;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The fake answers with a request id, like the gateway, on successes and errors alike. */
class FakeServerRequestIdTest {
  @Test
  void everyAnswerCarriesARequestId() {
    try (FakeClavataServer server = FakeClavataServer.start();
        ClavataClient client =
            ClavataClient.builder().apiKey(server.apiKey()).baseUrl(server.baseUrl()).build()) {
      server.policy("p", FakePolicy.keywords("Threats", "hurt"));
      ApiResponse<Job> created =
          client
              .jobs()
              .withRawResponse()
              .create(
                  CreateJobRequest.builder()
                      .policyId("p")
                      .addContent(ContentData.text("hi"))
                      .build());
      assertThat(created.requestId()).hasValueSatisfying(id -> assertThat(id).startsWith("fake-"));

      NotFoundException missing =
          Assertions.catchThrowableOfType(NotFoundException.class, () -> client.jobs().get("nope"));
      assertThat(missing.requestId()).hasValueSatisfying(id -> assertThat(id).startsWith("fake-"));
      assertThat(missing.requestId()).isNotEqualTo(created.requestId());
    }
  }
}
