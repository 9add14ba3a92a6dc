import ArgumentParser
import Indicators
import Refresh
import TableIO

/// `cifra sdg …`: the SDG-linked indicators of the registry, and the catalog.
struct SDG: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sdg", abstract: "SDG-linked indicators (ODS): catalog and computations.",
    discussion: "Start with `cifra sdg list`; every subcommand's --help has examples.",
    subcommands: [SDGList.self] + Cifra.registered(under: ["sdg"]))
}

/// `cifra sdg list`: the registry.
struct SDGList: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the indicators Cifra computes, with SDG and UN series codes.",
    discussion: """
      Examples:
        cifra sdg list
        cifra sdg list --format json --lang en
      """)

  @OptionGroup var format: FormatOption
  @Option(help: "Language of the names and definitions.") var lang: IndicatorCatalog.Language = .es

  func run() throws { try format.print(IndicatorCatalog.table(lang)) }
}

extension IndicatorCatalog.Language: ExpressibleByArgument {}
