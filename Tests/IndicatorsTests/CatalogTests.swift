import Indicators
import Testing
import _TestSupport

@Test func catalogIdsAreUniqueAndEveryGuideExists() {
  let ids = IndicatorCatalog.all.map(\.id)
  #expect(Set(ids).count == ids.count)
  for spec in IndicatorCatalog.all {
    #expect(TestPaths.fileExists(TestPaths.packageRoot + "/" + spec.guide), "\(spec.id): missing \(spec.guide)")
    #expect(["NUMBER", "PT", "PER_100000_POP"].contains(spec.unit), "\(spec.id): unit \(spec.unit)")
    #expect(!spec.nameES.isEmpty && !spec.nameEN.isEmpty)
  }
  #expect(IndicatorCatalog.spec("sdg-10.7.3")?.seriesCode == "SM_DTH_MIGR")
}
