import ArgumentParser
import Deployment
import Foundation

/// `sfn apply`: deploys an environment (planning first), or applies a saved plan exactly.
struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Deploy an environment's workflows, or apply a saved plan.",
        discussion: """
            `sfn apply --env ENV [WORKFLOW...]` plans, shows the plan, asks for confirmation (or \
            takes --auto-approve; nothing is asked when stdin is not a terminal, so there \
            --auto-approve is required) and applies. `sfn apply plan.json` applies a plan saved by \
            `sfn plan --out`, exactly as reviewed, and refuses when the target changed since.

            Each created or updated workflow gets a version whose description names the commit, and \
            the environment's alias (`alias`, default live) moves to it. Uncommitted sources are \
            refused except on the embedded local engine (recorded as <sha>-dirty) or with --allow-dirty.
            """)

    @Option(name: .customLong("env"), help: ArgumentHelp("The environment to deploy.", valueName: "env"))
    var environment: String?

    @Argument(help: ArgumentHelp("Workflows to deploy (default: all), or a saved plan file.", valueName: "workflow|plan"))
    var arguments: [String] = []

    @OptionGroup var revision: RevisionOptions

    @Flag(name: .customLong("auto-approve"), help: "Apply without asking for confirmation.")
    var autoApprove = false

    @Flag(name: .customLong("allow-dirty"), help: "Deploy uncommitted sources to a remote target (recorded as <sha>-dirty).")
    var allowDirty = false

    @Flag(help: "Delete managed state machines whose workflows are no longer in the repository.")
    var prune = false

    @Option(help: "Colour: auto (on a terminal), always or never.")
    var color: ColorChoice = .auto

    @OptionGroup var repository: RepositoryOptions

    func validate() throws {
        if environment == nil && arguments.count != 1 {
            throw ValidationError("give --env ENV (and optionally workflows), or one saved plan file")
        }
        if environment == nil, revision.revision != nil { throw ValidationError("--rev plans an environment: use it with --env") }
    }

    func run() async throws {
        let console = Console.current
        do {
            let context = try DeploymentContext(repository: repository, console: console)
            try await context.closing {
                let colored = color.enabled(for: console)
                guard let environment else {
                    try await applySaved(arguments[0], context: context)
                    return
                }
                let planned = try await context.plan(
                    environment: environment, workflows: arguments, revision: revision.revision, prune: prune, color: colored)
                KeptUntilExit.keep(planned)
                let approval = ApplyApproval(console: console, autoApprove: autoApprove)
                try await ApplyRun(context: context, allowDirty: allowDirty, recordedAction: nil).run(
                    planned.plan, target: planned.target, desired: planned.desired, approval: approval, colored: colored)
            }
        } catch let failure as CommandFailure {
            throw console.report(failure)
        }
    }

    private func applySaved(_ path: String, context: DeploymentContext) async throws {
        let plan: DeploymentPlan
        let checked: (target: ResolvedTarget, desired: DesiredState)
        do {
            plan = try PlanFile.read(path)
            checked = try await context.session.checkSaved(plan)
        } catch {
            throw CommandFailure(deploying: error)
        }
        try await ApplyRun(context: context, allowDirty: allowDirty, recordedAction: nil).run(
            plan, target: checked.target, desired: checked.desired, approval: .reviewed, colored: false, planId: plan.id)
    }
}

/// Whether the user agreed to apply: given on the command line, asked on a terminal, or
/// refused when nobody can be asked.
struct ApplyApproval {
    enum Mode { case auto, ask, reviewed }
    var mode: Mode
    var console: Console

    static let reviewed = ApplyApproval(mode: .reviewed, console: .current)

    init(mode: Mode, console: Console) {
        self.mode = mode
        self.console = console
    }

    init(console: Console, autoApprove: Bool) {
        self.init(mode: autoApprove ? .auto : .ask, console: console)
    }

    /// True to go ahead. Reads `yes` from stdin on a terminal; refuses when stdin is not one.
    func confirm(environment: String) throws(CommandFailure) -> Bool {
        guard mode == .ask else { return true }
        guard isatty(STDIN_FILENO) == 1 else {
            throw CommandFailure(message: "stdin is not a terminal, so apply cannot ask for confirmation: pass --auto-approve, or save the plan with `sfn plan --out plan.json` and run `sfn apply plan.json`")
        }
        console.out("Apply these changes to \(environment)? Only 'yes' is accepted: ")
        return readLine()?.trimmingCharacters(in: .whitespaces) == "yes"
    }
}

/// The part of apply shared by apply, promote and rollback: dirty check, approval, lock,
/// deploy with records, and the view.
struct ApplyRun {
    var context: DeploymentContext
    var allowDirty: Bool
    var recordedAction: String?

    func run(
        _ plan: DeploymentPlan, target: ResolvedTarget, desired: DesiredState, approval: ApplyApproval, colored: Bool,
        planId: String? = nil
    ) async throws(CommandFailure) {
        let console = context.console
        guard plan.hasChanges else {
            console.out(ApplyView().noChanges(plan))
            return
        }
        do {
            try DeploymentSession.checkDirty(plan, target: target, allowDirty: allowDirty)
        } catch {
            throw CommandFailure(deploying: error)
        }
        if approval.mode == .ask {
            console.out(PlanView(colored: colored).text(plan))
            guard try approval.confirm(environment: plan.environment) else {
                throw CommandFailure(message: "apply cancelled: nothing was changed")
            }
        }
        var lock: EnvironmentLock?
        if target.isLocal {
            do {
                lock = try EnvironmentLock(root: context.root, environment: plan.environment)
            } catch {
                throw CommandFailure(deploying: error)
            }
        }
        // What was planned (and perhaps reviewed at a prompt) must still be what the target
        // holds now that the lock is held: another apply may have finished in between.
        do {
            _ = try await context.session.checkSaved(plan)
        } catch {
            throw CommandFailure(deploying: error)
        }
        let outcome = await Deployer(target: target, recorder: DeploymentRecords.recorder(root: context.root, projectFile: desired.project.settings.document?.value), recordedAction: recordedAction)
            .apply(plan, planId: planId)
        withExtendedLifetime(lock) {}
        let view = ApplyView()
        for applied in outcome.applied { console.out(view.line(applied, alias: target.alias)) }
        console.out(view.summary(outcome))
        if let failure = outcome.failure {
            throw CommandFailure(message: "applying '\(failure.workflow)' failed: \(failure.error.message)\nWhat was applied above is deployed; run sfn plan to see what is left.")
        }
    }
}
