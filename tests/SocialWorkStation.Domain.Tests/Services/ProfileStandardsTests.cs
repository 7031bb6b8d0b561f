using SocialWorkStation.Domain.Profiles;
using SocialWorkStation.Domain.Services;
using Xunit;

namespace SocialWorkStation.Domain.Tests.Services;

/// <summary>The standards section of the shipped profiles and of the parser.</summary>
public class ProfileStandardsTests
{
    private static string ProfilesDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SocialWorkStation.slnx")))
            {
                return Path.Combine(dir.FullName, "src", "SocialWorkStation.Web", "Profiles");
            }
        }
        throw new InvalidOperationException("SocialWorkStation.slnx not found");
    }

    private static PolicyProfile Load(string key) =>
        PolicyProfileParser.Parse(key + ".json", File.ReadAllText(Path.Combine(ProfilesDirectory(), key + ".json")));

    [Fact]
    public void Qiongzhong_sets_the_annual_numbers_with_their_clauses()
    {
        var s = Load("hainan-qiongzhong").Standards!;
        Assert.Equal(24, s.VisitsPerWorker!.Value);
        Assert.Equal(3, s.ActivitiesPerStation!.Value);
        Assert.Equal(10, s.ParticipantsPerActivity!.Value);
        Assert.Contains("乡镇工作", s.ParticipantsPerActivity.Source);
        Assert.Equal(["socialWorkPublicity", "volunteerAdvocacy"], s.RequiredActivityKinds!.Value);
        Assert.Equal(30, s.NewVolunteersPerStation!.Value);
        Assert.Equal(1, s.VolunteerTeamsPerStation!.Value);
        Assert.Null(s.FeaturedCasesPerStation);
        Assert.Equal(1, s.ContractorChecksPerMonth!.Value);
        Assert.Contains("人员配备", s.ContractorChecksPerMonth.Source);
    }

    [Theory]
    [InlineData("hainan-ledong")]
    [InlineData("shenmu")]
    [InlineData("hunan")]
    [InlineData("wenzhou")]
    public void Only_Qiongzhong_sets_the_monthly_contractor_check(string key) =>
        Assert.Null(Load(key).Standards?.ContractorChecksPerMonth);

    [Fact]
    public void Ledong_asks_for_a_featured_case_and_Shenmu_for_a_volunteer_team()
    {
        Assert.Equal(1, Load("hainan-ledong").Standards!.FeaturedCasesPerStation!.Value);
        Assert.Null(Load("hainan-ledong").Standards!.ParticipantsPerActivity);
        var shenmu = Load("shenmu").Standards!;
        Assert.Equal(1, shenmu.VolunteerTeamsPerStation!.Value);
        Assert.Equal("第十一条", shenmu.VolunteerTeamsPerStation.Source);
    }

    [Theory]
    [InlineData("hunan")]
    [InlineData("wenzhou")]
    public void Documents_without_numbers_track_nothing(string key)
    {
        Assert.Null(Load(key).Standards);
        Assert.Null(ActivityRules.Counts(3, Load(key).Standards));
    }

    [Fact]
    public void Standards_appear_among_the_entries_with_sources()
    {
        var entries = Load("hainan-qiongzhong").Entries().Where(e => e.Path.StartsWith("standards.", StringComparison.Ordinal) && e.Value is not null).ToList();
        Assert.Contains(entries, e => e.Path == "standards.requiredActivityKinds" && e.Value == "社会工作宣传、志愿服务倡导");
        Assert.Contains(entries, e => e.Path == "standards.contractorChecksPerMonth" && e.Value == "1" && e.Source!.Contains("人员配备"));
        Assert.All(entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Source)));
    }

    private const string Minimal = """
        {
          "key": "demo", "name": "示例方案", "shortName": "示例", "region": "示例县",
          "document": { "title": "示例方案", "file": "demo.txt" },
          "signage": {}, "facilities": {},
          "standards": STANDARDS
        }
        """;

    [Fact]
    public void The_parser_rejects_a_number_without_source_an_unknown_kind_and_zero()
    {
        var ok = PolicyProfileParser.Parse("demo.json", Minimal.Replace("STANDARDS", """{ "participantsPerActivity": { "value": 10, "source": "第四条" } }"""));
        Assert.Equal(10, ok.Standards!.ParticipantsPerActivity!.Value);

        var noSource = Assert.Throws<PolicyProfileException>(() => PolicyProfileParser.Parse("demo.json",
            Minimal.Replace("STANDARDS", """{ "participantsPerActivity": { "value": 10, "source": " " } }""")));
        Assert.Equal("standards.participantsPerActivity.source", noSource.Field);

        var kind = Assert.Throws<PolicyProfileException>(() => PolicyProfileParser.Parse("demo.json",
            Minimal.Replace("STANDARDS", """{ "requiredActivityKinds": { "value": ["dance"], "source": "第四条" } }""")));
        Assert.Equal("standards.requiredActivityKinds.value", kind.Field);

        var zero = Assert.Throws<PolicyProfileException>(() => PolicyProfileParser.Parse("demo.json",
            Minimal.Replace("STANDARDS", """{ "activitiesPerStation": { "value": 0, "source": "第四条" } }""")));
        Assert.Equal("standards.activitiesPerStation.value", zero.Field);

        var unknown = Assert.Throws<PolicyProfileException>(() => PolicyProfileParser.Parse("demo.json",
            Minimal.Replace("STANDARDS", """{ "dancesPerYear": { "value": 1, "source": "第四条" } }""")));
        Assert.Contains("dancesPerYear", unknown.Field);
    }
}
