public import AsyncHTTPClient

/// The HTTP client of the tasks that call endpoints on the local engine (Lambda endpoints,
/// `http:invoke`), shared for the life of the process as `HTTPClient.shared` is.
///
/// Unlike the shared client it does not retry a connection that fails to open: by default
/// AsyncHTTPClient keeps retrying a refused connection until the request's deadline, so a
/// stopped `sam local start-lambda` would hold every task for its whole timeout (60 s for a
/// Lambda without `TimeoutSeconds`) and then lose the race to the task's own timeout,
/// reporting `States.Timeout`. An AWS SDK reports an unreachable endpoint at once, as
/// `Lambda.SdkClientException`, and Retry can handle that; so does this client.
public enum TaskHTTPClient {
    public static let shared: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout.connect = .seconds(10)
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }()
}
