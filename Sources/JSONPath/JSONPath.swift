// Placeholder until the module lands; see Package.swift for its purpose.
enum JSONPathModule {}
