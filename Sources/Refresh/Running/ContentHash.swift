import Crypto
import Foundation

/// SHA-256 digests in lower-case hex, from swift-crypto.
public enum ContentHash {
  /// The SHA-256 of `bytes`.
  public static func sha256(_ bytes: some DataProtocol) -> String {
    SHA256.hash(data: bytes).map { byte in
      let text = String(byte, radix: 16)
      return byte < 16 ? "0" + text : text
    }.joined()
  }

  /// The SHA-256 of the UTF-8 bytes of `text`.
  public static func sha256(_ text: String) -> String { sha256(Array(text.utf8)) }
}
