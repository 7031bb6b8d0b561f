using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Progress;
using SocialWorkStation.Domain.Staff;
using Xunit;

namespace SocialWorkStation.Domain.Tests.Profiles;

/// <summary>
/// The three tiers (docs/requirements/tiers.md) and the one annual-training rule shared by compliance and the
/// dashboard (docs/requirements/training.md), against the shipped profiles.
/// </summary>
public class TierAndTrainingRuleTests
{
    private static Domain.Profiles.PolicyProfile Load(string key) => ShippedProfilesTests.Load(key);

    [Theory]
    [InlineData("hainan-ledong", "乐东方案第二部分“组织架构”")]
    [InlineData("shenmu", "神木办法第三条")]
    [InlineData("wenzhou", "温州指引第四部分“组织框架”")]
    public void ASecondCountyCentreIsRefusedWithTheClause(string key, string clause)
    {
        var problem = TierCheck.Check(Load(key), PlatformKind.CountyCentre, "610881", null, otherCentresInCounty: 1);

        Assert.NotNull(problem);
        Assert.Equal("kind", problem.Field);
        Assert.Contains(clause, problem.Message);
        Assert.Null(TierCheck.Check(Load(key), PlatformKind.CountyCentre, "610881", null, otherCentresInCounty: 0));
    }

    [Theory]
    [InlineData("hunan")]
    [InlineData("hainan-qiongzhong")]
    public void ProfilesSilentOnACountyCentreDoNotLimitIt(string key) =>
        Assert.Null(TierCheck.Check(Load(key), PlatformKind.CountyCentre, "469030", null, otherCentresInCounty: 1));

    [Theory]
    [InlineData("hainan-ledong")]
    [InlineData("hainan-qiongzhong")]
    [InlineData("hunan")]
    [InlineData("shenmu")]
    [InlineData("wenzhou")]
    public void AVillageRoomNeedsAStationOfItsOwnTownshipAbove(string key)
    {
        var profile = Load(key);
        const string village = "469027100201";

        Assert.Equal("parentId", TierCheck.Check(profile, PlatformKind.VillageRoom, village, null, 0)?.Field);
        Assert.Equal("parentId", TierCheck.Check(profile, PlatformKind.VillageRoom, village, new ParentFacts(PlatformKind.Station, "469027101"), 0)?.Field);
        Assert.Equal("parentId", TierCheck.Check(profile, PlatformKind.VillageRoom, village, new ParentFacts(PlatformKind.CountyCentre, "469027"), 0)?.Field);
        Assert.Null(TierCheck.Check(profile, PlatformKind.VillageRoom, village, new ParentFacts(PlatformKind.Station, "469027100"), 0));
        Assert.Contains(profile.ShortName, TierCheck.Check(profile, PlatformKind.VillageRoom, village, null, 0)!.Message);
    }

    [Fact]
    public void AStationNeedsNoParent() =>
        Assert.Null(TierCheck.Check(Load("shenmu"), PlatformKind.Station, "610881100", null, 0));

    // ---- one training rule ------------------------------------------------------------------------

    private static WorkerFacts Hired(DateOnly hired, decimal hours) =>
        Tests.Staff.StaffTestData.Worker(hire: hired.ToString("yyyy-MM-dd"), trainings: [new TrainingFacts(new DateOnly(2025, 9, 10), hours, true)]);

    [Theory]
    [InlineData("21", true)]
    [InlineData("20.17", true)]
    [InlineData("20.16", false)]
    public void AWenzhouWorkerHiredOn1JulyIsJudgedByTheSameTargetAsTheDashboard(string text, bool passes)
    {
        var hours = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var profile = Load("wenzhou");
        var target = StandardCatalog.AnnualTraining(profile)!;
        var dashboard = StandardCatalog.TrackedBy(profile).Single(t => t.Key == StandardCatalog.Training);

        var yearTarget = dashboard.WorkerTargetFor(ProgressPeriod.OfYear(2025), new DateOnly(2025, 7, 1), null);
        var finding = StaffCheck.Worker(profile, Hired(new DateOnly(2025, 7, 1), hours), new DateOnly(2026, 3, 1))
            .Single(f => f.Rule == StaffRule.AnnualTraining);

        Assert.True(target.ProRated);
        Assert.True(dashboard.ProRated);
        Assert.Equal(40m * 184 / 365, yearTarget);
        Assert.Equal(passes, finding.Passed);
        Assert.Equal(passes, hours >= yearTarget);
    }

    [Theory]
    [InlineData("shenmu")]
    [InlineData("wenzhou")]
    public void EveryProfileWithAnnualTrainingProRatesItTheSameWayInBothPlaces(string key)
    {
        var profile = Load(key);

        Assert.Equal(StandardCatalog.AnnualTraining(profile)!.ProRated, StandardCatalog.TrackedBy(profile).Single(t => t.Key == StandardCatalog.Training).ProRated);
    }

    [Fact]
    public void QiongzhongVisitsAreOwedInFullAndTheProfileSaysSoAsAPlatformDefault()
    {
        var profile = Load("hainan-qiongzhong");
        var visits = StandardCatalog.TrackedBy(profile).Single(t => t.Key == StandardCatalog.Visits);

        Assert.Equal(24m, visits.WorkerTargetFor(ProgressPeriod.OfYear(2025), new DateOnly(2025, 7, 1), null));
        var entry = profile.Entries().Single(e => e.Path == "pace.fullTarget");
        Assert.StartsWith("平台默认", entry.Source);
        Assert.Contains("入户探访", entry.Value);
        Assert.Contains("7月1日入职", entry.Interpretation);
        var backFill = profile.Entries().Single(e => e.Path == "visits.backFillDays");
        Assert.Equal("7", backFill.Value);
        Assert.StartsWith("平台默认", backFill.Source);
    }
}
