package io.uconform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The workflows live where GitHub reads them ({@code .github/workflows/}, the one copy), parse as
 * YAML with the shape GitHub needs, and pass inputs, variables and secrets to scripts through
 * {@code env:} only: an expression pasted into a {@code run:} script is a shell injection.
 */
class WorkflowFilesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path WORKFLOWS = ROOT.resolve(".github").resolve("workflows");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String name) throws Exception {
        return (Map<String, Object>) new Yaml().load(Files.readString(WORKFLOWS.resolve(name)));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(Map<String, Object> workflow) {
        List<Map<String, Object>> steps = new ArrayList<>();
        ((Map<String, Object>) workflow.get("jobs")).values()
                .forEach(job -> steps.addAll((List<Map<String, Object>>) ((Map<String, Object>) job).get("steps")));
        return steps;
    }

    @Test
    void theWorkflowsAreWhereGitHubLooksAndNowhereElse() {
        assertThat(WORKFLOWS.resolve("build.yml")).isRegularFile();
        assertThat(WORKFLOWS.resolve("hil-esp32.yml")).isRegularFile();
        assertThat(WORKFLOWS.resolve("renode.yml")).isRegularFile();
        assertThat(ROOT.resolve("ci").resolve("workflows")).doesNotExist();
        assertThat(ROOT.resolve("ci").resolve("RUNNER.md")).isRegularFile();
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachWorkflowHasTriggersAndJobsWhoseStepsRunOrUseSomething() throws Exception {
        for (String name : List.of("build.yml", "hil-esp32.yml", "renode.yml")) {
            Map<String, Object> workflow = load(name);
            // YAML 1.1 reads the key "on" as true
            assertThat(workflow.containsKey("on") || workflow.containsKey(Boolean.TRUE)).as("%s triggers", name).isTrue();
            Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
            assertThat(jobs).as("%s jobs", name).isNotEmpty();
            jobs.forEach((id, job) -> assertThat((Map<String, Object>) job).as("%s job %s", name, id)
                    .containsKeys("runs-on", "steps", "timeout-minutes"));
            assertThat(steps(workflow)).as("%s steps", name).allSatisfy(step ->
                    assertThat(step.containsKey("run") ^ step.containsKey("uses")).as("step %s", step).isTrue());
        }
    }

    @Test
    void noExpressionIsPastedIntoAScript() throws Exception {
        for (String name : List.of("build.yml", "hil-esp32.yml", "renode.yml")) {
            assertThat(steps(load(name))).filteredOn(step -> step.containsKey("run")).allSatisfy(step ->
                    assertThat(EXPRESSION.matcher(String.valueOf(step.get("run"))).find())
                            .as("%s: ${{ }} inside the script of step '%s' (pass it through env:)", name, step.get("name"))
                            .isFalse());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theEsp32RunGetsImagePortAndWiresThroughEnvAndFindsTheBoardWhenNoPortIsSet() throws Exception {
        Map<String, Object> run = steps(load("hil-esp32.yml")).stream()
                .filter(s -> String.valueOf(s.get("run")).contains("uconform.jar run --target esp32")).findFirst().orElseThrow();

        assertThat((Map<String, Object>) run.get("env")).containsEntry("IMAGE", "${{ inputs.image }}")
                .containsEntry("UCONFORM_PORT", "${{ vars.UCONFORM_PORT }}").containsKey("LOOPBACK");
        assertThat(String.valueOf(run.get("run"))).contains("\"image=$IMAGE\"", "\"loopback=$LOOPBACK\"")
                .doesNotContain("--option port");
    }

    @Test
    void theHostedBuildTestsRunsTheMainJobGatesOnTheLastMainReportAndKeepsItsOwn() throws Exception {
        String scripts = String.join("\n", steps(load("build.yml")).stream()
                .map(s -> String.valueOf(s.getOrDefault("run", s.get("uses")))).toList());
        String file = Files.readString(WORKFLOWS.resolve("build.yml"));

        assertThat(scripts).contains("bash .ci/run", "uconform.jar run --target sim --option tls=on --option bind=:: --profile reference",
                "gh run list", "--branch main", "--name conformance-report-sim",
                "uconform.jar diff baseline/report.json reports/sim/report.json", "GITHUB_STEP_SUMMARY");
        assertThat(file).contains("name: conformance-report-sim", "surefire-reports/TEST-*.xml");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRenodeJobMakesTheTapRunsTheSuiteInTheContainerAndGetsTheImageShaThroughEnv() throws Exception {
        List<Map<String, Object>> steps = steps(load("renode.yml"));
        String scripts = String.join("\n", steps.stream().map(s -> String.valueOf(s.getOrDefault("run", s.get("uses")))).toList());
        assertThat(scripts).contains("sudo ip tuntap add dev uconform0 mode tap", "sudo ip addr add 192.0.2.1/24 dev uconform0",
                "docker pull", "uconform.jar run --target renode", "--option renode=docker", "\"image-sha256=$IMAGE_SHA256\"");
        Map<String, Object> run = steps.stream().filter(s -> String.valueOf(s.get("run")).contains("--target renode"))
                .findFirst().orElseThrow();
        assertThat((Map<String, Object>) run.get("env")).containsEntry("IMAGE_SHA256", "${{ vars.UCONFORM_RENODE_IMAGE_SHA256 }}");
    }
}
