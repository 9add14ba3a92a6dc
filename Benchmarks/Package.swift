// swift-tools-version: 6.1
import Foundation
import PackageDescription

// A path dependency's identity is its folder name: derive it so any checkout folder works.
let rootIdentity = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
  name: "CifraBenchmarks",
  platforms: [.macOS(.v14)],
  dependencies: [
    .package(path: ".."),
    .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "TableIOBenchmarks",
      dependencies: [
        .product(name: "TableIO", package: rootIdentity),
        .product(name: "Columnar", package: rootIdentity),
        .product(name: "Synthetic", package: rootIdentity),
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "TableIOBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
    .executableTarget(
      name: "IndicatorsBenchmarks",
      dependencies: [
        .product(name: "Indicators", package: rootIdentity),
        .product(name: "Kernels", package: rootIdentity),
        .product(name: "Columnar", package: rootIdentity),
        .product(name: "Synthetic", package: rootIdentity),
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "IndicatorsBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
  ]
)
