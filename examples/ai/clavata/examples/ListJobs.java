package ai.clavata.examples;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.jobs.CreateJobRequest;
import ai.clavata.sdk.jobs.ListJobsRequest;
import ai.clavata.sdk.jobs.Page;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.Job;
import ai.clavata.sdk.model.JobStatus;
import ai.clavata.sdk.model.Outcome;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/**
 * Lists jobs with filters: one page by hand, then every page with auto-paging.
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexample=ListJobs}. Against the fake server it
 * first creates a few jobs to list.
 */
public final class ListJobs {
  private ListJobs() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    try (ExampleEnvironment env = ExampleEnvironment.open(System.out)) {
      if (env.fakeServer() != null) {
        createSampleJobs(env.client(), env.policyId(), 12);
      }
      run(env.client(), env.policyId(), System.out);
    }
  }

  static void createSampleJobs(ClavataClient client, String policyId, int count) {
    for (int i = 0; i < count; i++) {
      client
          .jobs()
          .create(
              CreateJobRequest.builder()
                  .policyId(policyId)
                  .addContent(ContentData.text(i % 3 == 0 ? "I will hurt you" : "hello #" + i))
                  .waitForCompletion(true)
                  .build());
    }
  }

  static void run(ClavataClient client, String policyId, PrintStream out) {
    ListJobsRequest lastDay =
        ListJobsRequest.builder()
            .status(JobStatus.COMPLETED)
            .policyId(policyId)
            .createdAfter(Instant.now().minus(Duration.ofDays(1)))
            .pageSize(5)
            .build();

    Page<Job> first = client.jobs().list(lastDay);
    out.println("First page: " + first.items().size() + " jobs, more: " + first.hasNextPage());

    long total = 0;
    long flagged = 0;
    for (Job job : client.jobs().listAll(lastDay)) { // fetches page after page as needed
      total++;
      if (job.reports().stream().anyMatch(r -> r.outcome() == Outcome.TRUE)) {
        flagged++;
      }
    }
    out.println("Completed jobs in the last day: " + total + ", flagged: " + flagged);
  }
}
