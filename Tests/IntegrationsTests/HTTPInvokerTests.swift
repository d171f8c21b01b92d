import Engine
import Foundation
import Integrations
import JSONValue
import StepFunctionsAPI
import Testing

/// `http:invoke` against a small HTTP server (python3 on loopback) that echoes each request.
@Suite struct HTTPInvokerTests {
    static let server = """
        import json
        from http.server import BaseHTTPRequestHandler, HTTPServer

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def answer(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode()
                if self.path.startswith("/missing"):
                    status, out, kind = 404, json.dumps({"message": "no such order"}), "application/json"
                elif self.path.startswith("/text"):
                    status, out, kind = 200, "plain words", "text/plain"
                else:
                    echo = {"method": self.command, "path": self.path, "body": body,
                            "authorization": self.headers.get("Authorization"), "type": self.headers.get("Content-Type"),
                            "custom": self.headers.get("X-Custom")}
                    status, out, kind = 200, json.dumps(echo), "application/json"
                data = out.encode()
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = answer

        server = HTTPServer(("127.0.0.1", 0), Handler)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """

    /// Runs `body` with the server's base URL (see `PythonLoopbackServer`).
    func withServer(_ body: (String) async throws -> Void) async throws {
        try await PythonLoopbackServer.run(Self.server, for: "HTTPInvokerTests", body)
    }

    /// One HTTP task with these parameters, on a service built from settings with a connection.
    func run(_ parameters: JSON, timeoutSeconds: Int = 10) async throws -> DescribeExecutionOutput {
        let settings = LocalRuntimeSettings(connections: [
            .init(pattern: "arn:aws:events:us-east-1:123456789012:connection/orders/*", headers: ["Authorization": "Bearer local"])
        ])
        let harness = try LocalHarness { services in
            try settings.makeInvoker(projectRoot: "/", services: services, processEnvironment: [:])
        }
        let state: JSON = [
            "Type": "Task", "Resource": "arn:aws:states:::http:invoke", "Parameters": parameters, "TimeoutSeconds": .number(JSONNumber(timeoutSeconds)), "End": true,
        ]
        let definition: JSON = ["StartAt": "Call", "States": ["Call": state]]
        let machine = try await harness.deploy("Http", definition.serialized(.compact))
        return try await harness.run(machine)
    }

    @Test func postsJSONWithQueryHeadersAndConnection() async throws {
        try await withServer { url in
            let run = try await self.run([
                "ApiEndpoint": .string("\(url)/orders"), "Method": "POST",
                "Authentication": ["ConnectionArn": "arn:aws:events:us-east-1:123456789012:connection/orders/abc"],
                "Headers": ["X-Custom": "yes"], "QueryParameters": ["page": 2, "q": "a b"],
                "RequestBody": ["id": 7],
            ])
            #expect(run.status == .succeeded, "\(run.cause ?? "")")
            let result = try #require(run.json)
            #expect(result["StatusCode"] == 200)
            #expect(result["StatusText"] == "OK")
            #expect(result["Headers"]?["Content-Type"] == ["application/json"])
            #expect(result["ResponseBody"] == [
                "method": "POST", "path": "/orders?page=2&q=a%20b", "body": #"{"id":7}"#,
                "authorization": "Bearer local", "type": "application/json; charset=utf-8", "custom": "yes",
            ])
        }
    }

    @Test func urlEncodesTheBodyWithTheArrayFormat() async throws {
        try await withServer { url in
            let run = try await self.run([
                "ApiEndpoint": .string("\(url)/form"), "Method": "PUT",
                "RequestBody": ["tags": ["x", "y"], "user": ["id": 7]],
                "Transform": ["RequestBodyEncoding": "URL_ENCODED", "RequestEncodingOptions": ["ArrayFormat": "BRACKETS"]],
            ])
            #expect(run.json?["ResponseBody"]?["body"] == "tags%5B%5D=x&tags%5B%5D=y&user%5Bid%5D=7")
            #expect(run.json?["ResponseBody"]?["type"] == "application/x-www-form-urlencoded")
            #expect(run.json?["ResponseBody"]?["authorization"] == .null)
        }
    }

    @Test func textBodiesStayText() async throws {
        try await withServer { url in
            let run = try await self.run(["ApiEndpoint": .string("\(url)/text"), "Method": "GET"])
            #expect(run.json?["ResponseBody"] == "plain words")
        }
    }

    @Test func errorStatusFailsWithItsCode() async throws {
        try await withServer { url in
            let run = try await self.run(["ApiEndpoint": .string("\(url)/missing/1"), "Method": "GET"])
            #expect(run.status == .failed)
            #expect(run.error == "States.Http.StatusCode.404")
            let cause = try JSON.parse(try #require(run.cause))
            #expect(cause["StatusCode"] == 404)
            #expect(cause["StatusText"] == "Not Found")
            #expect(cause["ResponseBody"] == ["message": "no such order"])
        }
    }

    @Test func refusedConnectionIsASocketError() async throws {
        var closed = ""
        try await withServer { url in closed = url }
        guard !closed.isEmpty else { return }
        let run = try await self.run(["ApiEndpoint": .string("\(closed)/orders"), "Method": "GET"], timeoutSeconds: 2)
        #expect(run.status == .failed)
        #expect(run.error == "States.Http.Socket", "\(run.cause ?? "")")
    }

    @Test func badParametersAreRuntimeErrors() async throws {
        let run = try await self.run(["ApiEndpoint": "ftp://example.com", "Method": "GET"])
        #expect(run.status == .failed)
        #expect(run.error == "States.Runtime")
        #expect(run.cause?.contains("'ApiEndpoint'") == true)
    }
}

/// Whether python3 (which the loopback servers of these tests run on) is installed.
enum LocalCommandInvokerProbe {
    static let hasPython: Bool = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/python3") }
    }()
}
