/// Locations the tests read from.
public enum TestPaths {
  /// The package root (the folder holding Package.swift).
  public static let packageRoot: String = {
    var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Sources/_TestSupport/Paths.swift
    return parts.joined(separator: "/")
  }()

  /// `../shared/realdata` beside the checkout (read in place, never copied).
  public static let realdata = packageRoot + "/../shared/realdata"

  /// `../shared` beside the checkout.
  public static let shared = packageRoot + "/../shared"

  /// Whether the shared real-data folder is present.
  public static var hasRealdata: Bool { fileExists(realdata + "/README.md") }

  /// The debug build of the `cifra` executable.
  public static let cifraBinary = packageRoot + "/.build/debug/cifra"

  /// Whether a file exists (no Foundation needed).
  public static func fileExists(_ path: String) -> Bool {
    guard let handle = fopen(path, "r") else { return false }
    fclose(handle)
    return true
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
