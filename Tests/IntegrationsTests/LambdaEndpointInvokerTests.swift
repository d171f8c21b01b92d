import Engine
import Foundation
import Integrations
import JSONValue
import Testing

/// `LambdaEndpointInvoker` against a small Lambda Invoke API served by python3 on loopback.
@Suite struct LambdaEndpointInvokerTests {
    static let server = """
        import json, sys, time
        from http.server import BaseHTTPRequestHandler, HTTPServer

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                parts = self.path.split("?")[0].split("/")
                name = parts[3] if len(parts) > 3 else ""
                headers = {"Content-Type": "application/json", "x-amzn-RequestId": "req-1"}
                if name == "echo":
                    status, out = 200, {"got": json.loads(body), "path": self.path}
                    headers["X-Amz-Executed-Version"] = "7"
                elif name == "boom":
                    status, out = 200, {"errorType": "BoomError", "errorMessage": "it broke"}
                    headers["X-Amz-Function-Error"] = "Unhandled"
                elif name == "slow":
                    time.sleep(30)
                    status, out = 200, {}
                else:
                    status, out = 404, {"Type": "User", "message": "Function not found: " + name}
                    headers["x-amzn-ErrorType"] = "ResourceNotFoundException"
                data = json.dumps(out).encode()
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        server = HTTPServer(("127.0.0.1", 0), Handler)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """

    /// Runs `body` with the server's base URL (see `PythonLoopbackServer`).
    func withServer(_ body: (String) async throws -> Void) async throws {
        try await PythonLoopbackServer.run(Self.server, for: "LambdaEndpointInvokerTests", body)
    }

    @Test func successReturnsThePayloadAndVersion() async throws {
        try await withServer { url in
            let invoker = LambdaEndpointInvoker(url: url)
            let result = await invoker.invoke(FunctionCall(functionName: "echo", qualifier: "prod", payload: ["a": 1]))
            guard case .success(let response) = result else {
                Issue.record("expected success, got \(result)")
                return
            }
            #expect(response.payload == ["got": ["a": 1], "path": "/2015-03-31/functions/echo/invocations?Qualifier=prod"])
            #expect(response.executedVersion == "7")
            #expect(response.requestId == "req-1")
            #expect(response.statusCode == 200)
        }
    }

    @Test func functionErrorBecomesItsErrorType() async throws {
        try await withServer { url in
            let outcome = await LambdaEndpointInvoker(url: url).invoke(TaskRequest(
                resource: "arn:aws:lambda:us-east-1:123456789012:function:boom", parameters: [:], stateName: "Call"))
            guard case .failure(let failure) = outcome else {
                Issue.record("expected a failure")
                return
            }
            #expect(failure.error == "BoomError")
            #expect(failure.cause.flatMap { try? JSON.parse($0) } == ["errorType": "BoomError", "errorMessage": "it broke"])
        }
    }

    @Test func serviceErrorIsNamedAfterLambdasErrorType() async throws {
        try await withServer { url in
            let result = await LambdaEndpointInvoker(url: url).invoke(FunctionCall(functionName: "nothing", payload: [:]))
            guard case .failure(let failure) = result else {
                Issue.record("expected a failure")
                return
            }
            #expect(failure.error == "Lambda.ResourceNotFoundException")
            #expect(failure.cause?.contains("Function not found: nothing") == true)
        }
    }

    @Test func slowEndpointTimesOut() async throws {
        try await withServer { url in
            let result = await LambdaEndpointInvoker(url: url).invoke(FunctionCall(functionName: "slow", payload: [:], timeoutSeconds: 1))
            guard case .failure(let failure) = result else {
                Issue.record("expected a failure")
                return
            }
            #expect(failure.error == "States.Timeout")
        }
    }

    /// An endpoint nobody listens on fails the task at once, as an AWS SDK reports it, not
    /// after the task's whole timeout.
    @Test func refusedConnectionIsAnSdkClientException() async throws {
        let started = ContinuousClock.now
        let result = await LambdaEndpointInvoker(url: "http://127.0.0.1:1").invoke(
            FunctionCall(functionName: "f", payload: [:], timeoutSeconds: 60))
        #expect(ContinuousClock.now - started < .seconds(50), "a refused connection waited for the timeout")
        guard case .failure(let failure) = result else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.error == "Lambda.SdkClientException")
        #expect(failure.cause?.contains("127.0.0.1:1") == true)
    }
}
