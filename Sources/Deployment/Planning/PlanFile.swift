import Foundation

/// A saved plan on disk (`sfn plan --out plan.json`): the plan as JSON with a format version,
/// so `sfn apply plan.json` refuses a file it does not understand instead of guessing.
public enum PlanFile {
    public static let formatVersion = 1

    private struct Envelope: Codable {
        var format: String
        var version: Int
        var plan: DeploymentPlan
    }

    public static func encode(_ plan: DeploymentPlan) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = (try? encoder.encode(Envelope(format: "sfn-plan", version: formatVersion, plan: plan))) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    public static func write(_ plan: DeploymentPlan, to path: String) throws(DeploymentError) {
        do {
            try Data(encode(plan).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw DeploymentError(.plan, "cannot write the plan to \(path): \(error.localizedDescription)")
        }
    }

    public static func read(_ path: String) throws(DeploymentError) -> DeploymentPlan {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw DeploymentError(.plan, "cannot read the plan \(path): \(error.localizedDescription)")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let envelope = try? decoder.decode(Envelope.self, from: data), envelope.format == "sfn-plan" else {
            throw DeploymentError(.plan, "\(path) is not a plan saved by `sfn plan --out`")
        }
        guard envelope.version == formatVersion else {
            throw DeploymentError(
                .plan, "\(path) is a plan of format version \(envelope.version); this sfn reads version \(formatVersion): plan again")
        }
        return envelope.plan
    }
}
