import Engine
import JSONValue
import Testing

/// Parallel and Map: outputs, errors, concurrency limits, tolerated failures, history.
@Suite struct BranchTests {
    @Test func parallelOutputsEachBranchInOrder() async throws {
        let report = try await EngineHarness().run(
            """
            {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": "a", "End": true}}},
              {"StartAt": "B", "States": {"B": {"Type": "Wait", "Seconds": 5, "Next": "B2"}, "B2": {"Type": "Pass", "InputPath": "$.x", "End": true}}}]}}}
            """, input: ["x": 1])
        #expect(report.output == ["a", 1])
        #expect(report.eventTypes.first(where: { $0.hasPrefix("Parallel") && $0 != "ParallelStateEntered" }) == "ParallelStateStarted")
        #expect(report.eventTypes.suffix(3) == ["ParallelStateSucceeded", "ParallelStateExited", "ExecutionSucceeded"])
    }

    @Test func aFailingBranchFailsTheParallelWithItsOwnError() async throws {
        let report = try await EngineHarness().run(
            """
            {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "A", "States": {"A": {"Type": "Wait", "Seconds": 100, "End": true}}},
              {"StartAt": "B", "States": {"B": {"Type": "Fail", "Error": "BranchError", "Cause": "why"}}}]}}}
            """)
        #expect(report.status == .failed)
        #expect(report.error == "BranchError")
        #expect(report.cause == "why")
        #expect(report.eventTypes.contains("ParallelStateFailed"))
    }

    @Test func mapRunsTheProcessorPerItemWithItemSelector() async throws {
        let report = try await EngineHarness().run(
            """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 2,
              "ItemSelector": {"value.$": "$$.Map.Item.Value", "index.$": "$$.Map.Item.Index", "tag.$": "$.tag"},
              "ItemProcessor": {"StartAt": "Double", "States": {"Double": {"Type": "Pass",
                "Parameters": {"v.$": "States.MathAdd($.value, $.value)", "i.$": "$.index", "t.$": "$.tag"}, "End": true}}},
              "End": true}}}
            """, input: ["items": [1, 2, 3], "tag": "x"])
        #expect(report.output == [["v": 2, "i": 0, "t": "x"], ["v": 4, "i": 1, "t": "x"], ["v": 6, "i": 2, "t": "x"]])
        #expect(report.history.filter { $0.type == .mapIterationStarted }.count == 3)
        #expect(report.history.filter { $0.type == .mapIterationSucceeded }.count == 3)
        guard case .mapStateStarted(let started)? = report.history.first(where: { $0.type == .mapStateStarted })?.details else {
            Issue.record("no MapStateStarted")
            return
        }
        #expect(started.length == 3)
    }

    @Test func aFailingIterationFailsTheMap() async throws {
        let report = try await EngineHarness().run(
            """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
              "ItemProcessor": {"StartAt": "C", "States": {
                "C": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericEquals": 2, "Next": "F"}], "Default": "OK"},
                "F": {"Type": "Fail", "Error": "Two", "Cause": "no twos"}, "OK": {"Type": "Pass", "End": true}}}}}}
            """, input: [1, 2, 3])
        #expect(report.error == "Two")
        #expect(report.eventTypes.contains("MapIterationFailed"))
        #expect(report.eventTypes.contains("MapStateFailed"))
    }

    @Test func toleratedFailuresLetTheMapSucceed() async throws {
        let definition = """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ToleratedFailureCount": %N%,
              "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}, "StartAt": "C", "States": {
                "C": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericEquals": 2, "Next": "F"}], "Default": "OK"},
                "F": {"Type": "Fail", "Error": "Two"}, "OK": {"Type": "Pass", "End": true}}}}}}
            """
        let tolerated = try await EngineHarness().run(definition.replacingOccurrences(of: "%N%", with: "1"), input: [1, 2, 3])
        #expect(tolerated.status == .succeeded)
        // A tolerated failure contributes no result.
        #expect(tolerated.output == [1, 3])
        let exceeded = try await EngineHarness().run(definition.replacingOccurrences(of: "%N%", with: "0"), input: [1, 2, 3])
        #expect(exceeded.error == "States.ExceedToleratedFailureThreshold")
    }

    @Test func itemBatcherGroupsItems() async throws {
        let report = try await EngineHarness().run(
            """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemBatcher": {"MaxItemsPerBatch": 2, "BatchInput": {"b": 1}},
              "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}, "StartAt": "P",
                "States": {"P": {"Type": "Pass", "End": true}}}}}}
            """, input: [1, 2, 3])
        #expect(report.output == [["BatchInput": ["b": 1], "Items": [1, 2]], ["BatchInput": ["b": 1], "Items": [3]]])
    }

    @Test func variablesInsideAnIterationDoNotLeakOut() async throws {
        let report = try await EngineHarness().run(
            """
            {"StartAt": "A", "States": {
              "A": {"Type": "Pass", "Assign": {"v": "outer"}, "Next": "M"},
              "M": {"Type": "Map", "ItemProcessor": {"StartAt": "In", "States": {
                "In": {"Type": "Pass", "Parameters": {"seen.$": "$v"}, "Assign": {"v": "inner"}, "End": true}}}, "Next": "B"},
              "B": {"Type": "Pass", "Parameters": {"after.$": "$v", "items.$": "$"}, "End": true}}}
            """, input: [1])
        #expect(report.output == ["after": "outer", "items": [["seen": "outer"]]])
    }
}
