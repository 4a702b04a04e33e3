package ai.clavata.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SDK's floors, read from the compiled classes (every class a class file names, in any
 * signature or call), so that an import pointing up fails the build:
 *
 * <ol>
 *   <li>{@code model}, then {@code errors} (which may use {@code model}), and {@code events};
 *   <li>{@code internal}: support that every floor above shares (validation, waits, one-shot result
 *       streams), using only the floors below;
 *   <li>the public features {@code jobs}, {@code stream}, {@code batch}, {@code webhooks}, {@code
 *       labels}: none uses another;
 *   <li>{@code internal.*}: the HTTP stack, JSON, and each feature's implementation, which uses its
 *       own feature only;
 *   <li>{@code ai.clavata.sdk}: the client that wires them.
 * </ol>
 *
 * <p>{@code testing} (the fake server) stands beside them: nothing in the SDK refers to it.
 */
class ArchitectureTest {
  private static final String ROOT = "ai.clavata.sdk";
  private static final Pattern REFERENCE = Pattern.compile("ai/clavata/sdk/((?:[a-z]+/)*)[A-Z]");
  private static final List<String> FEATURES =
      List.of("jobs", "stream", "batch", "webhooks", "labels");

  /** Each SDK package, and the SDK packages its classes refer to. */
  private static Map<String, Set<String>> uses;

  @BeforeAll
  static void readTheClassFiles() throws Exception {
    Path classes =
        Path.of(ClavataClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(classes.resolve("ai/clavata/sdk"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String pkg = name(classes.relativize(file.getParent()).toString().replace('\\', '/') + "/");
        Set<String> used = uses.computeIfAbsent(pkg, p -> new TreeSet<>());
        Matcher m = REFERENCE.matcher(read(file));
        while (m.find()) {
          String target = name("ai/clavata/sdk/" + m.group(1));
          if (!target.equals(pkg)) {
            used.add(target);
          }
        }
      }
    }
    assertThat(uses)
        .as("the packages found")
        .containsKeys(ROOT, ROOT + ".model", ROOT + ".internal.http");
  }

  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code ai/clavata/sdk/internal/http/} as {@code ai.clavata.sdk.internal.http}. */
  private static String name(String path) {
    String dotted = path.replace('/', '.');
    return dotted.substring(0, dotted.length() - 1);
  }

  /** The floor of a package: 0 for model and errors up to 4 for the root; -1 for testing. */
  private static int floor(String pkg) {
    String local = pkg.equals(ROOT) ? "" : pkg.substring(ROOT.length() + 1);
    if (local.equals("model") || local.equals("errors") || local.equals("events")) {
      return 0;
    }
    if (local.equals("internal")) {
      return 1;
    }
    if (FEATURES.contains(local)) {
      return 2;
    }
    if (local.startsWith("internal.")) {
      return 3;
    }
    if (local.isEmpty()) {
      return 4;
    }
    return local.equals("testing") ? -1 : Integer.MIN_VALUE;
  }

  @Test
  void everyPackageHasAFloor() {
    assertThat(uses.keySet())
        .allSatisfy(pkg -> assertThat(floor(pkg)).as(pkg).isGreaterThan(Integer.MIN_VALUE));
  }

  @Test
  void referencesPointDownNeverUp() {
    uses.forEach(
        (pkg, used) -> {
          if (floor(pkg) < 0) {
            return;
          }
          for (String target : used) {
            boolean sameFloorAllowed =
                floor(pkg) == 3 || pkg.equals(ROOT + ".errors") && target.equals(ROOT + ".model");
            assertThat(
                    floor(target) < floor(pkg) || (floor(target) == floor(pkg) && sameFloorAllowed))
                .as(pkg + " uses " + target)
                .isTrue();
          }
        });
  }

  @Test
  void theModelUsesNothingOfTheSdkAndErrorsOnlyTheModel() {
    assertThat(uses.getOrDefault(ROOT + ".model", Set.of())).isEmpty();
    assertThat(uses.get(ROOT + ".errors")).containsOnly(ROOT + ".model");
  }

  @Test
  void noFeatureUsesAnotherAndEachImplementationOnlyItsOwn() {
    for (String feature : FEATURES) {
      for (String other : FEATURES) {
        if (!other.equals(feature)) {
          assertThat(uses.get(ROOT + "." + feature)).doesNotContain(ROOT + "." + other);
          assertThat(uses.getOrDefault(ROOT + ".internal." + feature, Set.of()))
              .as("internal." + feature)
              .doesNotContain(ROOT + "." + other, ROOT + ".internal." + other);
        }
      }
    }
  }

  @Test
  void nothingInTheSdkRefersToTheFakeServer() {
    uses.forEach(
        (pkg, used) -> {
          if (!pkg.equals(ROOT + ".testing")) {
            assertThat(used).as(pkg).doesNotContain(ROOT + ".testing");
          }
        });
  }
}
