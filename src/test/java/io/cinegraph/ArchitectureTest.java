package io.cinegraph;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The package rules of docs/architecture.md, checked on the compiled main classes. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.cinegraph");

    @Test
    void noTwoFeaturePackagesDependOnEachOther() {
        slices().matching("io.cinegraph.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theRankerKnowsNothingOfEvaluationOrTraining() {
        noClasses().that().resideInAPackage("io.cinegraph.ranker..").should().dependOnClassesThat()
                .resideInAnyPackage("io.cinegraph.evaluation..", "io.cinegraph.training..", "io.cinegraph.recommend..")
                .check(MAIN);
    }

    @Test
    void evaluationSeesTheRankerOnlyThroughItsInterface() {
        noClasses().that().resideInAPackage("io.cinegraph.evaluation..").should().dependOnClassesThat()
                .resideInAnyPackage("io.cinegraph.ranker..", "io.cinegraph.training..", "io.cinegraph.recommend..")
                .check(MAIN);
    }

    @Test
    void theCollaborativeModelsArePureFunctionsOfRatingsOverLinearAlgebraLibraries() {
        noClasses().that().resideInAPackage("io.cinegraph.model..").should().dependOnClassesThat()
                .resideOutsideOfPackages("io.cinegraph.model..", "io.cinegraph.domain..", "java..",
                        "org.ejml..", "org.bytedeco.openblas..").check(MAIN);
    }

    @Test
    void theSharedRecordsDependOnNoFeature() {
        noClasses().that().resideInAnyPackage("io.cinegraph.domain..", "io.cinegraph.support..").should()
                .dependOnClassesThat().resideInAnyPackage("io.cinegraph.graph..", "io.cinegraph.signals..",
                        "io.cinegraph.ingest..", "io.cinegraph.catalog..", "io.cinegraph.ranker..")
                .check(MAIN);
    }

    @Test
    void onlyTheGraphLayerTalksToNeo4j() {
        noClasses().that().resideOutsideOfPackages("io.cinegraph.graph..").should().dependOnClassesThat()
                .resideInAnyPackage("org.neo4j.driver..", "org.neo4j.dbms..", "org.neo4j.graphdb..").check(MAIN);
    }

    @Test
    void resourcesCallServicesNotRepositories() {
        noClasses().that().resideInAPackage("io.cinegraph.api..").should().dependOnClassesThat()
                .haveSimpleNameEndingWith("Repository").check(MAIN);
    }
}
