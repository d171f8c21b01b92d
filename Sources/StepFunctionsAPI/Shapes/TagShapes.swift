// TagResource, UntagResource, ListTagsForResource (state machines and activities).

/// TagResource: adds or overwrites tags (at most 50 per resource).
public struct TagResourceInput: Codable, Hashable, Sendable {
    public var resourceArn: StepFunctionsARN
    public var tags: [Tag]

    public init(resourceArn: StepFunctionsARN, tags: [Tag]) {
        self.resourceArn = resourceArn
        self.tags = tags
    }
}

/// TagResource answers `{}`.
public struct TagResourceOutput: Codable, Hashable, Sendable {
    public init() {}
}

/// UntagResource: removes tags by key.
public struct UntagResourceInput: Codable, Hashable, Sendable {
    public var resourceArn: StepFunctionsARN
    public var tagKeys: [String]

    public init(resourceArn: StepFunctionsARN, tagKeys: [String]) {
        self.resourceArn = resourceArn
        self.tagKeys = tagKeys
    }
}

/// UntagResource answers `{}`.
public struct UntagResourceOutput: Codable, Hashable, Sendable {
    public init() {}
}

/// ListTagsForResource.
public struct ListTagsForResourceInput: Codable, Hashable, Sendable {
    public var resourceArn: StepFunctionsARN

    public init(resourceArn: StepFunctionsARN) {
        self.resourceArn = resourceArn
    }
}

/// The resource's tags.
public struct ListTagsForResourceOutput: Codable, Hashable, Sendable {
    public var tags: [Tag]?

    public init(tags: [Tag]? = nil) {
        self.tags = tags
    }
}
