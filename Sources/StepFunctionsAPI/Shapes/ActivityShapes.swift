// CreateActivity, DescribeActivity, ListActivities, DeleteActivity, GetActivityTask,
// SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat.

/// CreateActivity: a queue of tasks that workers poll with GetActivityTask. Idempotent for the same name.
public struct CreateActivityInput: Codable, Hashable, Sendable {
    public var name: String
    public var tags: [Tag]?
    public var encryptionConfiguration: EncryptionConfiguration?

    public init(name: String, tags: [Tag]? = nil, encryptionConfiguration: EncryptionConfiguration? = nil) {
        self.name = name
        self.tags = tags
        self.encryptionConfiguration = encryptionConfiguration
    }
}

/// CreateActivity's answer.
public struct CreateActivityOutput: Codable, Hashable, Sendable {
    public var activityArn: ActivityARN
    public var creationDate: Timestamp

    public init(activityArn: ActivityARN, creationDate: Timestamp) {
        self.activityArn = activityArn
        self.creationDate = creationDate
    }
}

/// DescribeActivity.
public struct DescribeActivityInput: Codable, Hashable, Sendable {
    public var activityArn: ActivityARN

    public init(activityArn: ActivityARN) {
        self.activityArn = activityArn
    }
}

/// DescribeActivity's answer.
public struct DescribeActivityOutput: Codable, Hashable, Sendable {
    public var activityArn: ActivityARN
    public var name: String
    public var creationDate: Timestamp
    public var encryptionConfiguration: EncryptionConfiguration?

    public init(
        activityArn: ActivityARN,
        name: String,
        creationDate: Timestamp,
        encryptionConfiguration: EncryptionConfiguration? = nil
    ) {
        self.activityArn = activityArn
        self.name = name
        self.creationDate = creationDate
        self.encryptionConfiguration = encryptionConfiguration
    }
}

/// ListActivities, paginated.
public struct ListActivitiesInput: Codable, Hashable, Sendable {
    public var maxResults: Int?
    public var nextToken: String?

    public init(maxResults: Int? = nil, nextToken: String? = nil) {
        self.maxResults = maxResults
        self.nextToken = nextToken
    }
}

/// One page of activities.
public struct ListActivitiesOutput: Codable, Hashable, Sendable {
    public var activities: [ActivityListItem]
    public var nextToken: String?

    public init(activities: [ActivityListItem], nextToken: String? = nil) {
        self.activities = activities
        self.nextToken = nextToken
    }
}

/// An activity in a ListActivities page.
public struct ActivityListItem: Codable, Hashable, Sendable {
    public var activityArn: ActivityARN
    public var name: String
    public var creationDate: Timestamp

    public init(activityArn: ActivityARN, name: String, creationDate: Timestamp) {
        self.activityArn = activityArn
        self.name = name
        self.creationDate = creationDate
    }
}

/// DeleteActivity.
public struct DeleteActivityInput: Codable, Hashable, Sendable {
    public var activityArn: ActivityARN

    public init(activityArn: ActivityARN) {
        self.activityArn = activityArn
    }
}

/// DeleteActivity answers `{}`.
public struct DeleteActivityOutput: Codable, Hashable, Sendable {
    public init() {}
}

/// GetActivityTask: long-polls (up to 60 seconds) for a task of the activity.
public struct GetActivityTaskInput: Codable, Hashable, Sendable {
    public var activityArn: ActivityARN
    public var workerName: String?

    public init(activityArn: ActivityARN, workerName: String? = nil) {
        self.activityArn = activityArn
        self.workerName = workerName
    }
}

/// A task and its token, or neither when the poll timed out.
public struct GetActivityTaskOutput: Codable, Hashable, Sendable {
    public var taskToken: String?
    public var input: String?

    public init(taskToken: String? = nil, input: String? = nil) {
        self.taskToken = taskToken
        self.input = input
    }
}

/// SendTaskSuccess: completes an activity or `.waitForTaskToken` task with a JSON `output`.
public struct SendTaskSuccessInput: Codable, Hashable, Sendable {
    public var taskToken: String
    public var output: String

    public init(taskToken: String, output: String) {
        self.taskToken = taskToken
        self.output = output
    }
}

/// SendTaskSuccess answers `{}`.
public struct SendTaskSuccessOutput: Codable, Hashable, Sendable {
    public init() {}
}

/// SendTaskFailure: fails the task with an error and cause, which Retry and Catch then see.
public struct SendTaskFailureInput: Codable, Hashable, Sendable {
    public var taskToken: String
    public var error: String?
    public var cause: String?

    public init(taskToken: String, error: String? = nil, cause: String? = nil) {
        self.taskToken = taskToken
        self.error = error
        self.cause = cause
    }
}

/// SendTaskFailure answers `{}`.
public struct SendTaskFailureOutput: Codable, Hashable, Sendable {
    public init() {}
}

/// SendTaskHeartbeat: resets the task's `HeartbeatSeconds` clock.
public struct SendTaskHeartbeatInput: Codable, Hashable, Sendable {
    public var taskToken: String

    public init(taskToken: String) {
        self.taskToken = taskToken
    }
}

/// SendTaskHeartbeat answers `{}`.
public struct SendTaskHeartbeatOutput: Codable, Hashable, Sendable {
    public init() {}
}
