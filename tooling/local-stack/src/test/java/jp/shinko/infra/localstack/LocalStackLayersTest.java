package jp.shinko.infra.localstack;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

/** The launcher knows the stack and the benchmark; the benchmark starts a stack; the stack knows neither. */
@AnalyzeClasses(packages = "jp.shinko.infra.localstack", importOptions = ImportOption.DoNotIncludeTests.class)
class LocalStackLayersTest {

    @ArchTest
    static void launcherAboveBenchmarkAboveStack(JavaClasses classes) {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("launcher").definedBy("jp.shinko.infra.localstack.launcher..")
                .layer("benchmark").definedBy("jp.shinko.infra.localstack.bench..")
                .layer("stack").definedBy("jp.shinko.infra.localstack")
                .whereLayer("launcher").mayNotBeAccessedByAnyLayer()
                .whereLayer("benchmark").mayOnlyBeAccessedByLayers("launcher")
                .whereLayer("stack").mayOnlyBeAccessedByLayers("launcher", "benchmark")
                .check(classes);
    }
}
