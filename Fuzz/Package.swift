// swift-tools-version: 6.1
import Foundation
import PackageDescription

// libFuzzer targets, built with: swift build -c release --sanitize fuzzer -Xswiftc -sanitize=fuzzer,address
// (see Fuzz/run). A separate package so the main build never links the fuzzer runtime.
let rootIdentity = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
  name: "CifraFuzz",
  dependencies: [.package(path: "..")],
  targets: [
    .executableTarget(
      name: "FuzzCSV",
      dependencies: [.product(name: "TableIO", package: rootIdentity), .product(name: "Columnar", package: rootIdentity)],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    .executableTarget(
      name: "FuzzPeriod", dependencies: [.product(name: "Columnar", package: rootIdentity)],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    .executableTarget(
      name: "FuzzSpec", dependencies: [.product(name: "Refresh", package: rootIdentity)],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    .executableTarget(
      name: "FuzzIndicators",
      dependencies: [
        .product(name: "Indicators", package: rootIdentity), .product(name: "Refresh", package: rootIdentity),
        .product(name: "TableIO", package: rootIdentity), .product(name: "Columnar", package: rootIdentity),
      ],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    .executableTarget(
      name: "FuzzChart",
      dependencies: [.product(name: "TableIO", package: rootIdentity), .product(name: "Columnar", package: rootIdentity)],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    .executableTarget(
      name: "FuzzXLSX",
      dependencies: [.product(name: "TableIO", package: rootIdentity), .product(name: "Columnar", package: rootIdentity)],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    .executableTarget(
      name: "FuzzCalendar",
      dependencies: [
        .product(name: "Indicators", package: rootIdentity), .product(name: "TableIO", package: rootIdentity),
        .product(name: "Columnar", package: rootIdentity),
      ],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    .executableTarget(
      name: "FuzzSDMX",
      dependencies: [.product(name: "TableIO", package: rootIdentity), .product(name: "Columnar", package: rootIdentity)],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
  ]
)
