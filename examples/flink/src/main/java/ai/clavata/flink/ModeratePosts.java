package ai.clavata.flink;

import ai.clavata.sdk.model.ContentData;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * A Flink job that moderates posts, one per line of a text file: each post is evaluated by {@link
 * ClavataAsyncFunction}, each verdict printed, then a summary.
 *
 * <p>Run locally: {@code mvn -q -f examples/flink/pom.xml compile exec:exec} (your file: {@code
 * -Dposts=posts.txt}); on a cluster: {@code flink run
 * examples/flink/target/clavata-flink-0.1.0-SNAPSHOT.jar hdfs:///posts.txt} with {@code
 * CLAVATA_API_KEY} and {@code CLAVATA_POLICY_ID} set. Without {@code CLAVATA_API_KEY} the posts go
 * to an embedded fake server with a demo policy.
 */
public final class ModeratePosts {
  /** How long one post may take, retries included, before it becomes a failed verdict. */
  static final long TIMEOUT_SECONDS = 120;

  /** How many posts each parallel task evaluates at once. */
  static final int CAPACITY = 100;

  private ModeratePosts() {}

  /**
   * Runs the job.
   *
   * @param args optional path of the posts file, one post per line (any file system Flink reads,
   *     such as {@code s3://bucket/posts.txt}); the bundled sample otherwise
   * @throws Exception if the job fails
   */
  public static void main(String[] args) throws Exception {
    Path posts = args.length > 0 && !args[0].isBlank() ? new Path(args[0]) : bundledSample();
    try (DemoEnvironment demo = DemoEnvironment.open(System.out)) {
      StreamExecutionEnvironment flink = StreamExecutionEnvironment.getExecutionEnvironment();
      run(flink, demo.config(), demo.policyId(), posts, System.out);
    }
  }

  /**
   * Builds and runs the job on {@code flink}; prints each verdict and the summary to {@code out}.
   */
  static Summary run(
      StreamExecutionEnvironment flink,
      ClavataConfig config,
      String policyId,
      Path posts,
      PrintStream out)
      throws Exception {
    FileSource<String> source =
        FileSource.forRecordStreamFormat(new TextLineInputFormat(), posts).build();
    DataStream<String> lines =
        flink
            .fromSource(source, WatermarkStrategy.noWatermarks(), "posts")
            .filter(line -> !line.isBlank())
            .name("non-blank lines");

    ClavataAsyncFunction<String, Verdict<String>> moderate =
        ClavataAsyncFunction.<String>verdicts(config, policyId, ContentData::text).build();
    DataStream<Verdict<String>> verdicts =
        AsyncDataStream.unorderedWait(lines, moderate, TIMEOUT_SECONDS, TimeUnit.SECONDS, CAPACITY)
            .name("clavata moderation");

    // The job's sink: the verdicts come back to this program, which prints them. A production
    // job writes them to Kafka or files instead (see README).
    Summary summary = new Summary();
    try (CloseableIterator<Verdict<String>> results =
        verdicts.executeAndCollect("moderate posts")) {
      while (results.hasNext()) {
        Verdict<String> verdict = results.next();
        out.println(verdict);
        summary.add(verdict);
      }
    }
    out.println(summary);
    return summary;
  }

  /** The bundled sample, copied to a file since Flink's file source reads file systems. */
  static Path bundledSample() throws IOException {
    java.nio.file.Path file = Files.createTempFile("clavata-sample-posts", ".txt");
    file.toFile().deleteOnExit();
    try (InputStream sample = ModeratePosts.class.getResourceAsStream("/sample-posts.txt")) {
      if (sample == null) {
        throw new IOException("sample-posts.txt is missing from the class path");
      }
      Files.copy(sample, file, StandardCopyOption.REPLACE_EXISTING);
    }
    return new Path(file.toUri());
  }
}
