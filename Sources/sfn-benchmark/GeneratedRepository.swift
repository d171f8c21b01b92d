/// A synthetic workflow repository shaped like a large real one: many workflows of
/// varied size that use templates, variables and every state type, over four
/// environments (two extending a shared base).
struct GeneratedRepository {
    let workflowCount: Int

    /// Repository-relative path → file text.
    func files() -> [String: String] {
        var files: [String: String] = [
            "sfn.yaml": "region: us-east-1\naccount: \"123456789012\"\nnaming: \"${workflow}-${env}\"\nalias: live\n",
            "templates/retry.yaml": """
                ErrorEquals: [Lambda.ServiceException, Lambda.SdkClientException, States.Timeout]
                IntervalSeconds: ${retry.interval}
                MaxAttempts: ${retry.attempts}
                BackoffRate: 2
                JitterStrategy: FULL

                """,
            "templates/catch.yaml": "ErrorEquals: [States.ALL]\nResultPath: $.error\nNext: ${handler}\n",
            "environments/base.yaml": """
                abstract: true
                vars:
                  fn: "arn:aws:lambda:${region}:${account}:function:${env}"
                  retry: {interval: 2, attempts: 3}
                  concurrency: 8

                """,
            "environments/local.yaml": "extends: base\ntarget: {kind: local}\nvars: {retry: {attempts: 1}}\n",
            "environments/dev.yaml": "extends: base\naccount: \"111111111111\"\n",
            "environments/staging.yaml": "extends: base\naccount: \"222222222222\"\nvars: {concurrency: 16}\n",
            "environments/prod.yaml": "extends: base\naccount: \"333333333333\"\nvars: {retry: {attempts: 5}, concurrency: 32}\n",
        ]
        for index in 0..<workflowCount {
            files["workflows/flow-\(index).yaml"] = workflow(index)
        }
        return files
    }

    /// A workflow of 8 to 40 states: a chain of tasks with retries and catches, a
    /// choice, a wait, a parallel, a map, and terminal states.
    private func workflow(_ index: Int) -> String {
        let steps = 4 + index % 30
        var text = """
            name: Flow\(index)
            type: \(index % 7 == 0 ? "EXPRESS" : "STANDARD")
            tags: {team: team-\(index % 9)}
            definition:
              Comment: Generated workflow \(index)
              StartAt: Step0
              States:

            """
        for step in 0..<steps {
            let next = step + 1 < steps ? "Step\(step + 1)" : "Decide"
            text += """
                    Step\(step):
                      Type: Task
                      Resource: ${fn}-step-\(step)
                      Parameters:
                        id.$: $.id
                        step: \(step)
                        label.$: States.Format('step {} of {}', \(step), $.id)
                      ResultSelector: {value.$: $.Payload}
                      ResultPath: $.results.step\(step)
                      TimeoutSeconds: 60
                      Retry:
                        - $template: retry
                      Catch:
                        - $template: catch
                          with: {handler: Failed}
                      Next: \(next)

                """
        }
        text += """
                Decide:
                  Type: Choice
                  Choices:
                    - And:
                        - Variable: $.count
                          IsNumeric: true
                        - Variable: $.count
                          NumericGreaterThan: 10
                      Next: Fanout
                    - Variable: $.mode
                      StringEquals: wait
                      Next: Pause
                  Default: Done
                Pause:
                  Type: Wait
                  Seconds: 5
                  Next: Fanout
                Fanout:
                  Type: Parallel
                  Branches:
                    - StartAt: A
                      States:
                        A: {Type: Pass, Result: {branch: a}, End: true}
                    - StartAt: B
                      States:
                        B: {Type: Pass, Parameters: {"input.$": "$"}, End: true}
                  ResultPath: $.fanout
                  Next: Each
                Each:
                  Type: Map
                  ItemsPath: $.items
                  MaxConcurrency: ${concurrency}
                  ItemProcessor:
                    ProcessorConfig: {Mode: INLINE}
                    StartAt: Item
                    States:
                      Item:
                        Type: Task
                        Resource: ${fn}-item
                        End: true
                  ResultPath: $.mapped
                  Next: Done
                Done:
                  Type: Succeed
                Failed:
                  Type: Fail
                  Error: Flow\(index)Failed
                  CausePath: $.error.Cause

            """
        return text
    }
}
