// swift-tools-version: 6.1
import PackageDescription

// Cifra: indicator engine for official migration statistics.
// Layers (arrows point down): cifra → Refresh → {Indicators, TableIO}; Indicators → Kernels →
// {Columnar, LinearAlgebra}; LinearAlgebra → CLinearAlgebra; TableIO → Columnar.

let package = Package(
  name: "cifra",
  platforms: [.macOS(.v14)],
  products: [
    .library(name: "Columnar", targets: ["Columnar"]),
    .library(name: "LinearAlgebra", targets: ["LinearAlgebra"]),
    .library(name: "Kernels", targets: ["Kernels"]),
    .library(name: "TableIO", targets: ["TableIO"]),
    .library(name: "Indicators", targets: ["Indicators"]),
    .library(name: "Synthetic", targets: ["Synthetic"]),
    .library(name: "Refresh", targets: ["Refresh"]),
    .executable(name: "cifra", targets: ["cifra"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    // MARK: C seam
    .systemLibrary(
      name: "CLinearAlgebra",
      pkgConfig: "openblas",
      providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]),

    // The one libc call Swift's Glibc module does not expose (renameat2 RENAME_EXCHANGE).
    .target(name: "CPlatform"),

    // MARK: Core
    .target(name: "LinearAlgebra", dependencies: ["CLinearAlgebra"]),
    .target(name: "Columnar"),
    .target(name: "Kernels", dependencies: ["Columnar", "LinearAlgebra"]),
    // Workbooks: ZIPFoundation opens the .xlsx archive; Foundation's XMLParser reads its small
    // parts, SheetScanner (hand-written, measured: BENCHMARKS.md) the worksheet.
    .target(name: "TableIO", dependencies: ["Columnar", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
    .target(name: "Indicators", dependencies: ["Kernels", "Columnar"]),
    .target(name: "Synthetic", dependencies: ["Columnar"]),
    .target(
      name: "Refresh",
      dependencies: ["TableIO", "Columnar", "Indicators", "CPlatform", .product(name: "Crypto", package: "swift-crypto")]),

    // MARK: Executable
    .executableTarget(
      name: "cifra",
      dependencies: [
        "Indicators", "TableIO", "Columnar", "Kernels", "Synthetic", "Refresh",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    // MARK: Tests
    .target(name: "_TestSupport", dependencies: ["Columnar", "Synthetic"]),
    .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra", "_TestSupport"]),
    .testTarget(name: "ColumnarTests", dependencies: ["Columnar", "_TestSupport"]),
    .testTarget(name: "KernelsTests", dependencies: ["Kernels", "Columnar", "_TestSupport"]),
    .testTarget(
      name: "TableIOTests", dependencies: ["TableIO", "Columnar", "_TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "IndicatorsTests",
      dependencies: ["Indicators", "Kernels", "Columnar", "TableIO", "_TestSupport"],
      resources: [.copy("Golden")]),
    .testTarget(
      name: "RefreshTests",
      dependencies: ["Refresh", "Indicators", "Columnar", "_TestSupport", .product(name: "Crypto", package: "swift-crypto")]),
    .testTarget(
      name: "CLITests", dependencies: ["_TestSupport"],
      resources: [.copy("Snapshots")]),
  ]
)
