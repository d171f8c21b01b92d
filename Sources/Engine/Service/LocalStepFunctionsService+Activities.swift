import JSONValue
public import StepFunctionsAPI

/// CreateActivity, DescribeActivity, ListActivities, DeleteActivity and GetActivityTask:
/// the activities live in the engine's `CallbackRegistry`, where Activity states queue
/// their tasks and workers take them.
extension LocalStepFunctionsService {
    /// How long GetActivityTask waits for a task before it answers with none, as AWS does.
    static let activityPollSeconds: Int64 = 60

    /// Idempotent by name, as AWS's: the same name again returns the activity made first,
    /// whatever tags the repeated request carries. A durable service writes the activity
    /// (and its tags) to its catalog before answering.
    public func createActivity(_ input: CreateActivityInput) async throws(StepFunctionsError) -> CreateActivityOutput {
        try ResourceName.validate(input.name)
        let arn = scope.activity(named: input.name)
        if let existing = engine.callbacks.activity(arn.description) {
            return CreateActivityOutput(activityArn: arn, creationDate: existing.creationDate.api)
        }
        let creationDate = engine.clock.now()
        let list = try merged(input.tags ?? [], into: [], of: arn.description)
        var entries = [try encoded(
            .activity, arn.description, ActivityListItem(activityArn: arn, name: input.name, creationDate: creationDate.api))]
        if !list.isEmpty { entries.append(try tagsEntry(arn.description, list)) }
        try persist(entries)
        let (activity, _) = engine.callbacks.createActivity(arn: arn.description, name: input.name, creationDate: creationDate)
        if !list.isEmpty { tags[arn.description] = list }
        return CreateActivityOutput(activityArn: arn, creationDate: activity.creationDate.api)
    }

    /// An activity the catalog held, made again when a durable service opens.
    func restoreActivity(_ item: ActivityListItem) {
        engine.callbacks.createActivity(
            arn: item.activityArn.description, name: item.name,
            creationDate: Timestamp(millisecondsSinceEpoch: item.creationDate.millisecondsSince1970))
    }

    public func describeActivity(_ input: DescribeActivityInput) async throws(StepFunctionsError)
        -> DescribeActivityOutput
    {
        let activity = try activity(input.activityArn)
        return DescribeActivityOutput(
            activityArn: input.activityArn, name: activity.name, creationDate: activity.creationDate.api)
    }

    public func listActivities(_ input: ListActivitiesInput) async throws(StepFunctionsError) -> ListActivitiesOutput {
        let page = try PageToken.page(
            engine.callbacks.activities, maxResults: input.maxResults, nextToken: input.nextToken)
        return ListActivitiesOutput(
            activities: page.items.map {
                ActivityListItem(
                    activityArn: scope.activity(named: $0.name), name: $0.name, creationDate: $0.creationDate.api)
            },
            nextToken: page.nextToken)
    }

    /// AWS answers success for an activity that is already gone. Tasks already scheduled
    /// on it keep their tokens and end by an answer or a timeout.
    public func deleteActivity(_ input: DeleteActivityInput) async throws(StepFunctionsError) -> DeleteActivityOutput {
        let arn = input.activityArn.description
        guard engine.callbacks.activity(arn) != nil else { return DeleteActivityOutput() }
        try persist([], deleting: [CatalogEntry.Key(kind: .activity, key: arn), CatalogEntry.Key(kind: .tags, key: arn)])
        engine.callbacks.deleteActivity(arn)
        tags[arn] = nil
        return DeleteActivityOutput()
    }

    /// Long-polls: a task as soon as one is scheduled (or one already waiting), else an
    /// empty answer after 60 s of the engine's clock. On a virtual clock, where no time
    /// passes while nothing runs, the poll lasts until a task comes or the caller's task
    /// is cancelled.
    public func getActivityTask(_ input: GetActivityTaskInput) async throws(StepFunctionsError)
        -> GetActivityTaskOutput
    {
        let arn = try activity(input.activityArn).arn
        if let worker = input.workerName, worker.count > 80 {
            throw .validation(
                value: worker, at: "workerName", constraint: "Member must have length less than or equal to 80")
        }
        guard let task = await poll(arn, workerName: input.workerName) else { return GetActivityTaskOutput() }
        return GetActivityTaskOutput(taskToken: task.taskToken, input: task.input.serialized(JSONStyle.compact))
    }

    /// The registry's poll raced against the 60 s deadline; a task handed over at the
    /// moment the deadline passes is still returned, never dropped.
    private func poll(_ activityArn: String, workerName: String?) async -> ActivityTask? {
        let callbacks = engine.callbacks
        let clock = engine.clock
        guard !clock.isVirtual else { return await callbacks.poll(activityArn, workerName: workerName) }
        let deadline = clock.now().adding(seconds: Self.activityPollSeconds)
        return await withTaskGroup(of: ActivityTask?.self) { group in
            group.addTask { await callbacks.poll(activityArn, workerName: workerName) }
            group.addTask {
                await clock.sleep(until: deadline)
                return nil
            }
            var task: ActivityTask?
            if let first = await group.next() { task = first }
            group.cancelAll()
            for await other in group where task == nil { task = other }
            return task
        }
    }

    func activity(_ arn: ActivityARN) throws(StepFunctionsError) -> Activity {
        guard let activity = engine.callbacks.activity(arn.description) else {
            throw .activityDoesNotExist(arn.description)
        }
        return activity
    }
}
