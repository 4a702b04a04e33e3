package ai.clavata.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The SDK as a named module, checked at run time: a consumer on the class path (the unnamed module)
 * uses every feature of the SDK on the module path, so a package missing from {@code exports}, a
 * record package missing from {@code opens}, or a missing {@code requires} fails here, not in a
 * user's build. The build passes the runtime class path in {@code clavata.runtimeClasspath}, and
 * any further root modules in {@code clavata.addModules}; the other tests run on the class path.
 */
class ModulePathTest {

  /**
   * Runs {@code mainClass} from the test classes on the class path, the SDK and its dependencies on
   * the module path, with {@code options} before the class path; returns what it printed.
   */
  private static Result run(String mainClass, String... options) throws Exception {
    String dependencies = System.getProperty("clavata.runtimeClasspath");
    assertThat(dependencies).as("set by the build (maven-dependency-plugin)").isNotBlank();
    Path classes =
        Path.of(ClavataClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path testClasses =
        Path.of(ModulePathTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--module-path");
    command.add(classes + File.pathSeparator + dependencies);
    command.addAll(List.of(options));
    // Root modules the build adds: the okhttp4 profile's kotlin.stdlib, which OkHttp 4.12, an
    // automatic module, cannot require (OkHttp 5's module descriptor does).
    String addModules = System.getProperty("clavata.addModules", "");
    if (!addModules.isBlank()) {
      command.addAll(List.of("--add-modules", addModules));
    }
    command.addAll(List.of("-cp", testClasses.toString(), mainClass));
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(child.exitValue(), output);
  }

  private record Result(int exitValue, String output) {}

  @Test
  void everyFeatureWorksFromOutsideTheModule() throws Exception {
    Result result =
        run(
            "ai.clavata.modulepath.ModulePathConsumer",
            "--add-modules",
            "ai.clavata.sdk,jdk.httpserver");

    assertThat(result.exitValue()).as(result.output()).isZero();
    assertThat(result.output())
        .contains("sdk in module ai.clavata.sdk")
        .contains("consumer in module null")
        .contains("ok");
  }

  @Test
  void theFakeServerWithoutTheJdkHttpServerSaysWhatToAdd() throws Exception {
    Result result =
        run(
            "ai.clavata.modulepath.FakeServerWithoutHttpServer",
            "--add-modules",
            "ai.clavata.sdk",
            "--limit-modules",
            "ai.clavata.sdk,java.base");

    assertThat(result.output())
        .contains("java.lang.IllegalStateException")
        .contains("requires jdk.httpserver;")
        .doesNotContain("NoClassDefFoundError");
  }
}
