/// Small definition builders shared by the rule tests: each wraps the fields under
/// test in the smallest machine that is otherwise valid.
enum Definitions {
    static func choice(_ rules: String, default: String = ", \"Default\": \"Done\"") -> String {
        """
        {"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [\(rules)]\(`default`)}, "Done": {"Type": "Succeed"}}}
        """
    }

    static func state(_ body: String) -> String {
        "{\"StartAt\": \"S\", \"States\": {\"S\": {\(body)}}}"
    }

    static let processor = "{\"StartAt\": \"I\", \"States\": {\"I\": {\"Type\": \"Pass\", \"End\": true}}}"

    static func map(_ fields: String) -> String {
        "{\"StartAt\": \"M\", \"States\": {\"M\": {\"Type\": \"Map\", \(fields), \"End\": true}}}"
    }

    static func distributed(_ fields: String, executionType: String = ", \"ExecutionType\": \"STANDARD\"") -> String {
        map("""
            "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED"\(executionType)}, "StartAt": "I", "States": {"I": {"Type": "Pass", "End": true}}}, \(fields)
            """)
    }

    static func pass(_ fields: String) -> String {
        "{\"StartAt\": \"S\", \"States\": {\"S\": {\"Type\": \"Pass\", \(fields), \"End\": true}}}"
    }

    static func task(retry: String = "[]", catch: String = "[]") -> String {
        """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
          "Retry": \(retry), "Catch": \(`catch`)}, "Recover": {"Type": "Succeed"}}}
        """
    }

    static func task(_ fields: String) -> String {
        "{\"StartAt\": \"T\", \"States\": {\"T\": {\"Type\": \"Task\", \(fields), \"End\": true}}}"
    }
}
