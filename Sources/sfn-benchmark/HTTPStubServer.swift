import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// `sfn-benchmark --http-stub`: an HTTP/1.1 server that answers every request with the same
/// small JSON body, with no routing, no middleware and no work: the floor of a loopback HTTP
/// exchange for `--serve`'s load generator. Run as its own process (as `sfn serve` is with
/// `--server`), so "client only" costs what the client and the kernel cost, and the
/// difference between it and a real action is the server's share.
///
/// Prints `listening on <port>` on standard output once bound, then serves until killed.
enum HTTPStubServer {
    static func run() async throws {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(FixedAnswer())
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        FileHandle.standardOutput.write(Data("listening on \(channel.localAddress?.port ?? 0)\n".utf8))
        try await channel.closeFuture.get()
    }

    /// Answers each request, once it has been read in full, with `{"status":"ok"}`.
    final class FixedAnswer: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        private static let body = ByteBuffer(string: #"{"status":"ok"}"#)
        private var keepAlive = true

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                keepAlive = head.isKeepAlive
            case .body:
                break
            case .end:
                var headers = HTTPHeaders()
                headers.add(name: "Content-Type", value: "application/x-amz-json-1.0")
                headers.add(name: "Content-Length", value: String(Self.body.readableBytes))
                context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil)
                context.write(wrapOutboundOut(.body(.byteBuffer(Self.body))), promise: nil)
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
                if !keepAlive { context.close(promise: nil) }
            }
        }
    }
}
