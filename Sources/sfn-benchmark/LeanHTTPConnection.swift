import NIOCore
import NIOHTTP1
import NIOPosix

/// One keep-alive HTTP/1.1 connection that sends a request and waits for its response before
/// the next (no pipelining): the load generator of `sfn-benchmark --serve`.
///
/// Why not AsyncHTTPClient: its connection pool, request state machine, deadline scheduling and
/// the hops between its event loop and the caller's task cost tens of microseconds per request,
/// which the benchmark would then charge to the server. This client is the NIO HTTP/1 codec and
/// one handler: what any client has to pay, and little more. Its own cost is measured by
/// loading `HTTPStubServer` (a fixed answer, no routing) with it, so the server's share can be
/// separated from the client's.
struct LeanHTTPConnection: Sendable {
    let channel: any Channel
    let host: String

    struct Response: Sendable {
        var status: HTTPResponseStatus
        var body: ByteBuffer
    }

    static func connect(host: String, port: Int) async throws -> LeanHTTPConnection {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(ExchangeHandler())
                }
            }
            .connect(host: host, port: port).get()
        return LeanHTTPConnection(channel: channel, host: "\(host):\(port)")
    }

    /// `POST path` with these headers and body; the response in full.
    func post(_ path: String, headers: [(String, String)], body: [UInt8]) async throws -> Response {
        var head = HTTPRequestHead(version: .http1_1, method: .POST, uri: path)
        head.headers.add(name: "Host", value: host)
        head.headers.add(name: "Content-Length", value: String(body.count))
        for (name, value) in headers { head.headers.add(name: name, value: value) }
        return try await exchange(head, body: ByteBuffer(bytes: body))
    }

    /// `GET path`; the response in full.
    func get(_ path: String) async throws -> Response {
        var head = HTTPRequestHead(version: .http1_1, method: .GET, uri: path)
        head.headers.add(name: "Host", value: host)
        return try await exchange(head, body: nil)
    }

    private func exchange(_ head: HTTPRequestHead, body: ByteBuffer?) async throws -> Response {
        let promise = channel.eventLoop.makePromise(of: Response.self)
        channel.writeAndFlush(Exchange(head: head, body: body, promise: promise), promise: nil)
        return try await promise.futureResult.get()
    }

    func close() async {
        try? await channel.close()
    }

    /// A request and the promise its response completes.
    struct Exchange: Sendable {
        var head: HTTPRequestHead
        var body: ByteBuffer?
        var promise: EventLoopPromise<Response>
    }

    /// Writes each exchange's request and completes its promise with the next response; fails
    /// the waiting ones when the connection closes. Lives on the channel's event loop only.
    final class ExchangeHandler: ChannelDuplexHandler {
        typealias InboundIn = HTTPClientResponsePart
        typealias OutboundIn = Exchange
        typealias OutboundOut = HTTPClientRequestPart

        private var waiting: CircularBuffer<EventLoopPromise<Response>> = []
        private var status: HTTPResponseStatus = .ok
        private var body = ByteBuffer()

        func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
            let exchange = unwrapOutboundIn(data)
            waiting.append(exchange.promise)
            context.write(wrapOutboundOut(.head(exchange.head)), promise: nil)
            if let body = exchange.body {
                context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
            }
            context.write(wrapOutboundOut(.end(nil)), promise: promise)
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                status = head.status
                body.clear()
            case .body(var part):
                body.writeBuffer(&part)
            case .end:
                waiting.popFirst()?.succeed(Response(status: status, body: body))
            }
        }

        func channelInactive(context: ChannelHandlerContext) {
            failAll(ChannelError.ioOnClosedChannel)
            context.fireChannelInactive()
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            failAll(error)
            context.close(promise: nil)
        }

        private func failAll(_ error: any Error) {
            while let promise = waiting.popFirst() { promise.fail(error) }
        }
    }
}
