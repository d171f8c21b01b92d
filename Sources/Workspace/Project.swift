import ASLModel
import Diagnostics
import JSONValue

/// A workflow repository as read from a `SourceTree`: settings, workflows,
/// environments and templates, each parsed once and kept with its source map.
///
/// Values are kept as written (before `extends` and substitution): rendering for an
/// environment happens in `Renderer`, so one loaded project serves every environment.
public struct Project: Sendable {
    /// `sfn.yaml`: project-wide defaults that every environment inherits.
    public var settings: ProjectSettings
    /// Every workflow that loaded, sorted by id.
    public var workflows: [WorkflowSource]
    public var environments: [String: EnvironmentSource]
    public var templates: [String: TemplateSource]
    /// Ids of workflow files that exist but could not be loaded (their errors are in the
    /// load diagnostics); `render` of one says so instead of "unknown workflow".
    public var unloadableWorkflowIDs: [String: String]
    /// Environments and templates whose files exist but could not be loaded, by name → path,
    /// so a use of one says "could not be loaded" rather than "unknown".
    public var unloadableEnvironments: [String: String] = [:]
    public var unloadableTemplates: [String: String] = [:]
    /// The text of every file read, for snippets under diagnostics.
    public var sources: SourceFileSet
    /// Each workflow's rendered source map for definitions whose keys do not depend on the
    /// environment, shared by every render: deferred, built the first time a diagnostic
    /// needs a location (most runs report nothing and build none).
    var renderedSourceMaps: [String: SourceMap] = [:]

    public init(
        settings: ProjectSettings = ProjectSettings(), workflows: [WorkflowSource] = [],
        environments: [String: EnvironmentSource] = [:], templates: [String: TemplateSource] = [:],
        unloadableWorkflowIDs: [String: String] = [:], sources: SourceFileSet = SourceFileSet()
    ) {
        self.settings = settings
        self.workflows = workflows
        self.environments = environments
        self.templates = templates
        self.unloadableWorkflowIDs = unloadableWorkflowIDs
        self.sources = sources
    }

    /// The workflow with this id (its file stem).
    public func workflow(_ id: String) -> WorkflowSource? {
        if let index = workflowIndex[id], workflows.indices.contains(index), workflows[index].id == id {
            return workflows[index]
        }
        return workflows.first { $0.id == id }
    }

    /// Positions in `workflows` by id, kept by the loader (a lookup per render).
    var workflowIndex: [String: Int] = [:]

    /// Sets up what the loader keeps for rendering: the workflow index and each workflow's
    /// deferred rendered source map.
    mutating func prepareForRendering() {
        workflowIndex = Dictionary(workflows.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        renderedSourceMaps = [:]
        // The maps' closures hold the project as loaded; they build from its workflows and
        // templates only, which this copy shares.
        let project = self
        for workflow in workflows {
            renderedSourceMaps[workflow.id] = SourceMap(deferred: {
                project.renderedSourceMap(of: workflow) ?? workflow.definitionSourceMap
            })
        }
    }

    /// The map of `workflow`'s rendered definition (a `structure` pass: no substitution), nil
    /// when a key is substituted or a template fails. A render uses the shared map only when
    /// neither happened (`WorkflowRender`), so the fallback above is never what it reads.
    func renderedSourceMap(of workflow: WorkflowSource) -> SourceMap? {
        var pass = DefinitionRenderer(
            project: self, resolver: nil, mode: .structure,
            definitionOrigin: Origin(map: workflow.document.sourceMap, pointer: workflow.definitionPointer),
            definitionMap: workflow.definitionSourceMap)
        _ = pass.render(workflow.definition, workflow.definitionShape)
        return pass.keysDependOnEnvironment || pass.failed ? nil : pass.sourceMap
    }

    public var workflowIDs: [String] { workflows.map(\.id) }
    public var environmentNames: [String] { environments.keys.sorted() }

    /// Environments that deploy (`abstract: true` marks one that only others extend), sorted.
    public var deployableEnvironmentNames: [String] {
        environmentNames.filter { !(environments[$0]?.isAbstract ?? false) }
    }
}

/// The optional `sfn.yaml`: the bottom layer under every environment (same keys as an
/// environment file, except `extends` and `abstract`).
public struct ProjectSettings: Sendable {
    /// Nil when the repository has no `sfn.yaml`.
    public var document: SourceDocument?

    public init(document: SourceDocument? = nil) { self.document = document }

    public var file: String? { document?.file }

    /// What applies when neither `sfn.yaml` nor an environment says otherwise.
    /// `naming` includes `${env}` so that two environments sharing an account never
    /// deploy over each other's state machines.
    public static let defaults: JSONObject = [
        "region": "us-east-1",
        "account": "123456789012",
        "naming": "${workflow}-${env}",
        "alias": "live",
        "target": ["kind": "local"],
    ]
}

/// One file of `workflows/`: an envelope (metadata plus `definition`) or bare ASL.
public struct WorkflowSource: Sendable {
    /// The file stem: `workflows/data-processing.yaml` is `data-processing`.
    public var id: String
    public var file: String { document.file }
    /// The whole file, as parsed. Fixed after load: what rendering derives from it
    /// (`definitionSourceMap` and the shape) is computed once, in `init`.
    public private(set) var document: SourceDocument
    /// True when the file is bare ASL (top-level `StartAt` and `States`).
    public private(set) var isBareASL: Bool
    /// Envelope fields as written (before substitution); nil when absent.
    public var name: JSON?
    public var type: StateMachineType?
    public var role: JSON?
    public var tags: JSON?
    public var comment: JSON?

    /// Where the ASL definition sits in `document`: the root for bare ASL, `/definition` otherwise.
    public var definitionPointer: JSONPointer { isBareASL ? .root : [.key("definition")] }

    /// The definition as written.
    public var definition: JSON { definitionPointer.resolve(in: document.value) ?? .null }

    /// The file's source map re-rooted at the definition (deferred: built on first use, once):
    /// the starting point of every rendered map.
    public private(set) var definitionSourceMap: SourceMap
    /// What rendering must visit in the definition.
    let definitionShape: RenderShape?

    public init(
        id: String, document: SourceDocument, isBareASL: Bool, name: JSON? = nil, type: StateMachineType? = nil,
        role: JSON? = nil, tags: JSON? = nil, comment: JSON? = nil
    ) {
        self.id = id
        self.document = document
        self.isBareASL = isBareASL
        self.name = name
        self.type = type
        self.role = role
        self.tags = tags
        self.comment = comment
        self.definitionSourceMap = isBareASL
            ? document.sourceMap
            : SourceMap(deferred: { document.sourceMap.subtree(at: [.key("definition")]) })
        self.definitionShape = RenderShape.of(isBareASL ? document.value : document.value["definition"] ?? .null)
    }

    /// The keys an envelope may have.
    public static let envelopeKeys = ["name", "type", "role", "tags", "comment", "definition"]
}

/// One file of `environments/`: where and how workflows are deployed.
public struct EnvironmentSource: Sendable {
    /// The file stem: `environments/prod.yaml` is `prod`.
    public var name: String
    public var file: String { document.file }
    public var document: SourceDocument

    /// `abstract: true`: a base that other environments extend, never deployed itself
    /// (`--all-envs` skips it). Not inherited through `extends`.
    public var isAbstract: Bool { document.value["abstract"]?.boolValue ?? false }

    /// The keys an environment file may have; `sfn.yaml` has the same, except `extends`.
    public static let keys = [
        "extends", "abstract", "description", "target", "region", "account", "naming", "alias", "role", "tags",
        "vars", "local", "include", "exclude", "overrides",
    ]
}

/// One file of `templates/`: a reusable fragment, named by its path below `templates/`
/// without the extension (`templates/retry/transient.yaml` is `retry/transient`).
public struct TemplateSource: Sendable {
    public var name: String
    public var file: String { document.file }
    public var document: SourceDocument {
        didSet { shape = RenderShape.of(document.value) }
    }
    /// What rendering must visit in the template's value.
    private(set) var shape: RenderShape?

    public init(name: String, document: SourceDocument) {
        self.name = name
        self.document = document
        self.shape = RenderShape.of(document.value)
    }
}

/// A loaded project and every problem found while loading it.
public struct LoadResult: Sendable {
    public var project: Project
    public var diagnostics: [Diagnostic]
}
