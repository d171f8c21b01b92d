/// What `sfn init` writes: a small, working repository that renders and validates for
/// every environment out of the box, so a new user's first `sfn validate` is green.
///
/// Kept as data (path → text) so the command can check every path for conflicts
/// before writing any of them: `sfn init` never overwrites a user's file.
enum ProjectScaffold {
    static let files: [(path: String, text: String)] = [
        ("sfn.yaml", """
            # sfn project defaults; every environment may override them.
            region: us-east-1
            account: "123456789012"
            # The state machine's name in each environment.
            naming: "${workflow}-${env}"
            # The alias moved to each newly deployed version.
            alias: live

            """),
        (".gitignore", """
            # sfn's local state: engine database and records.
            .sfn/
            # Rendered definitions (sfn render --out build/).
            build/

            """),
        ("workflows/data-processing.yaml", """
            # A workflow: metadata around an Amazon States Language definition.
            # Its id on the command line is the file name: data-processing.
            name: DataProcessingWorkflow
            type: STANDARD
            tags:
              team: data
            definition:
              Comment: Data processing workflow
              StartAt: ProcessData
              States:
                ProcessData:
                  Type: Task
                  Resource: ${lambda.process}
                  Retry:
                    - $template: retry-transient
                  Next: SaveResults
                SaveResults:
                  Type: Task
                  Resource: ${lambda.save}
                  End: true

            """),
        ("templates/retry-transient.yaml", """
            # A shared fragment: use it with {$template: retry-transient}.
            ErrorEquals:
              - Lambda.ServiceException
              - Lambda.SdkClientException
              - States.Timeout
            IntervalSeconds: 2
            MaxAttempts: ${retry.max_attempts}
            BackoffRate: 2
            JitterStrategy: FULL

            """),
        ("environments/local.yaml", """
            # The embedded local engine (the default target).
            target:
              kind: local
            vars:
              lambda:
                process: arn:aws:lambda:${region}:${account}:function:process-${env}
                save: arn:aws:lambda:${region}:${account}:function:save-${env}
              retry:
                max_attempts: 1

            """),
        ("environments/dev.yaml", """
            # A development account on AWS; inherits local's variables.
            extends: local
            target:
              kind: aws
            role: arn:aws:iam::${account}:role/sfn-${env}
            vars:
              retry:
                max_attempts: 3

            """),
    ]
}
