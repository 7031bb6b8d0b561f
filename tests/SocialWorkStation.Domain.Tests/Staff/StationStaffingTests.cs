using SocialWorkStation.Domain.Common;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Profiles;
using SocialWorkStation.Domain.Staff;
using static SocialWorkStation.Domain.Tests.Staff.StaffTestData;

namespace SocialWorkStation.Domain.Tests.Staff;

/// <summary>Headcount, heads, village rooms, contact workers and the per-worker summary, at their edges.</summary>
public class StationStaffingTests
{
    private static readonly DateOnly Check = Day("2026-03-01");

    private static List<WorkerFacts> Team(int workers, bool withHead = true)
    {
        var team = new List<WorkerFacts>();
        for (var i = 0; i < workers; i++)
        {
            team.Add(Worker(name: $"社工{i + 1}", role: withHead && i == 0 ? WorkerRole.Head : WorkerRole.Worker));
        }
        return team;
    }

    private static IReadOnlyList<Finding> Station(string key, IReadOnlyList<WorkerFacts> workers, int? required = null, PlatformKind kind = PlatformKind.Station, IReadOnlyList<VillageFacts>? villages = null) =>
        StaffCheck.Station(Profile(key), new StationStaffFacts(kind, required, workers, villages ?? []), Check);

    [Theory]
    [InlineData("hainan-ledong")]
    [InlineData("hainan-qiongzhong")]
    public void Exactly_three_workers_pass_and_two_fail(string key)
    {
        var three = Station(key, Team(3));
        Passes(One(three, StaffRule.StaffCount));
        Assert.True(Findings.Compliant(three), string.Join("\n", three.Select(f => f.Message)));

        var two = Station(key, Team(2));
        var failed = One(two, StaffRule.StaffCount);
        Fails(failed, Severity.Error);
        Assert.Contains("在岗驻站社工2名", failed.Message);
        Assert.Contains("还差1名", failed.Message);
        Assert.False(Findings.Compliant(two));
    }

    [Fact]
    public void A_worker_counts_until_the_day_before_leaving_and_from_the_hire_date()
    {
        var team = Team(2);
        team.Add(Worker(name: "离职者", left: "2026-03-01"));
        Fails(One(Station("hainan-ledong", team), StaffRule.StaffCount), Severity.Error);
        team[2] = Worker(name: "明天离职", left: "2026-03-02");
        Passes(One(Station("hainan-ledong", team), StaffRule.StaffCount));
        team[2] = Worker(name: "今天入职", hire: "2026-03-01", certificates: [Cert(CertificateKind.NationalAssistant, "2025-01-01")]);
        Passes(One(Station("hainan-ledong", team), StaffRule.StaffCount));
        team[2] = Worker(name: "明天入职", hire: "2026-03-02");
        Fails(One(Station("hainan-ledong", team), StaffRule.StaffCount), Severity.Error);
    }

    [Fact]
    public void Wenzhou_checks_the_number_the_county_set_within_three_to_eight()
    {
        Passes(One(Station("wenzhou", Team(5), required: 5), StaffRule.StaffCount));
        Passes(One(Station("wenzhou", Team(5), required: 5), StaffRule.RequiredStaff));
        Fails(One(Station("wenzhou", Team(4), required: 5), StaffRule.StaffCount), Severity.Error);

        // Not yet set: a warning, and the lower bound 3 is used.
        var unset = Station("wenzhou", Team(3));
        Fails(One(unset, StaffRule.RequiredStaff), Severity.Warning);
        Passes(One(unset, StaffRule.StaffCount));
        Fails(One(Station("wenzhou", Team(2)), StaffRule.StaffCount), Severity.Error);

        // Set outside 3-8: the county's number itself is wrong; 8 and 3 are inside.
        Fails(One(Station("wenzhou", Team(9), required: 9), StaffRule.RequiredStaff), Severity.Error);
        Fails(One(Station("wenzhou", Team(2), required: 2), StaffRule.RequiredStaff), Severity.Error);
        Passes(One(Station("wenzhou", Team(8), required: 8), StaffRule.RequiredStaff));
        Passes(One(Station("wenzhou", Team(3), required: 3), StaffRule.RequiredStaff));
    }

    [Fact]
    public void Hunan_checks_the_agreement_number_when_it_is_recorded()
    {
        var unset = Station("hunan", Team(1));
        Fails(One(unset, StaffRule.RequiredStaff), Severity.Warning);
        Assert.DoesNotContain(unset, f => f.Rule == StaffRule.StaffCount);
        Passes(One(Station("hunan", Team(4), required: 4), StaffRule.StaffCount));
        Fails(One(Station("hunan", Team(3), required: 4), StaffRule.StaffCount), Severity.Error);
    }

    [Fact]
    public void Shenmu_sets_no_station_headcount()
    {
        Assert.DoesNotContain(Station("shenmu", Team(1)), f => f.Rule is StaffRule.StaffCount or StaffRule.RequiredStaff);
    }

    [Fact]
    public void Ledong_has_exactly_one_head()
    {
        Fails(One(Station("hainan-ledong", Team(3, withHead: false)), StaffRule.HeadCount), Severity.Error);
        Passes(One(Station("hainan-ledong", Team(3)), StaffRule.HeadCount));
        var twoHeads = Team(3);
        twoHeads[1] = twoHeads[1] with { Role = WorkerRole.Head };
        Fails(One(Station("hainan-ledong", twoHeads), StaffRule.HeadCount), Severity.Error);
    }

    [Fact]
    public void Where_a_head_rule_exists_without_a_count_a_missing_head_is_a_warning()
    {
        var noHead = Station("hainan-qiongzhong", Team(3, withHead: false));
        Fails(One(noHead, StaffRule.HeadCount), Severity.Warning);
        Assert.True(Findings.Compliant(noHead));
        Assert.DoesNotContain(Station("wenzhou", Team(3, withHead: false)), f => f.Rule == StaffRule.HeadCount);
    }

    [Fact]
    public void A_Shenmu_village_room_needs_one_certified_worker()
    {
        Passes(One(Station("shenmu", [Worker(kind: PlatformKind.VillageRoom)], kind: PlatformKind.VillageRoom), StaffRule.VillageRoomStaff));
        var uncertified = Station("shenmu", [Worker(kind: PlatformKind.VillageRoom, certificates: [Cert(CertificateKind.LocalWorker, "2020-01-01")])], kind: PlatformKind.VillageRoom);
        Fails(One(uncertified, StaffRule.VillageRoomStaff), Severity.Error);
        Fails(One(Station("shenmu", [], kind: PlatformKind.VillageRoom), StaffRule.VillageRoomStaff), Severity.Error);
    }

    [Fact]
    public void A_Wenzhou_village_room_needs_one_worker_certified_or_not()
    {
        Passes(One(Station("wenzhou", [Worker(kind: PlatformKind.VillageRoom, certificates: [])], kind: PlatformKind.VillageRoom), StaffRule.VillageRoomStaff));
        Fails(One(Station("wenzhou", [], kind: PlatformKind.VillageRoom), StaffRule.VillageRoomStaff), Severity.Error);
        Assert.DoesNotContain(Station("hainan-ledong", [], kind: PlatformKind.VillageRoom), f => f.Rule == StaffRule.VillageRoomStaff);
    }

    private static readonly VillageFacts[] Villages =
    [
        new("330302001001", "五马社区"), new("330302001002", "府前社区"), new("330302001003", "墨池社区"),
    ];

    [Fact]
    public void Wenzhou_needs_a_contact_worker_for_every_village()
    {
        var team = Team(3);
        team[0] = team[0] with { ContactVillages = ["330302001001", "330302001002"] };
        team[1] = team[1] with { ContactVillages = ["330302001003"] };
        Passes(One(Station("wenzhou", team, required: 3, villages: Villages), StaffRule.VillageContacts));

        team[1] = team[1] with { LeftOn = Day("2026-02-01") };
        var failed = One(Station("wenzhou", team, required: 3, villages: Villages), StaffRule.VillageContacts);
        Fails(failed, Severity.Error);
        Assert.Contains("墨池社区", failed.Message);
        Assert.DoesNotContain("五马社区", failed.Message);

        Fails(One(Station("wenzhou", team, required: 3), StaffRule.VillageContacts), Severity.Warning);
        Assert.DoesNotContain(Station("hainan-ledong", team, villages: Villages), f => f.Rule == StaffRule.VillageContacts);
    }

    [Fact]
    public void Qiongzhong_hints_at_one_newly_certified_worker_a_year()
    {
        var team = Team(3);
        Fails(One(Station("hainan-qiongzhong", team), StaffRule.NewCertificates), Severity.Warning);
        team[2] = team[2] with { Certificates = [Cert(CertificateKind.NationalAssistant, "2026-01-01")] };
        Passes(One(Station("hainan-qiongzhong", team), StaffRule.NewCertificates));
        team[2] = team[2] with { Certificates = [Cert(CertificateKind.NationalAssistant, "2025-12-31")] };
        Assert.False(One(Station("hainan-qiongzhong", team), StaffRule.NewCertificates).Passed);
    }

    [Fact]
    public void A_worker_who_fails_an_error_rule_makes_the_station_non_compliant_and_is_named()
    {
        var team = Team(3);
        team[2] = Worker(name: "李四", birth: "1970-01-01", hire: "2022-03-01");
        var findings = Station("hainan-ledong", team);
        var workers = One(findings, StaffRule.Workers);
        Assert.False(workers.Passed);
        Assert.Contains("李四（年龄）", workers.Message);
        Assert.False(Findings.Compliant(findings));
    }

    [Theory]
    [InlineData("hainan-ledong")]
    [InlineData("hainan-qiongzhong")]
    [InlineData("hunan")]
    [InlineData("shenmu")]
    [InlineData("wenzhou")]
    public void Every_staff_finding_names_the_profile_and_its_clause(string key)
    {
        var p = Profile(key);
        var worker = Worker(role: WorkerRole.Head, hire: "2020-01-01", certificates: [], major: MajorCategory.Other, education: Education.HighSchool, birth: "1950-01-01");
        var findings = StaffCheck.Worker(p, worker, Check).Concat(Station(key, [worker], villages: Villages)).ToList();
        Assert.NotEmpty(findings);
        Assert.All(findings.Where(f => f.Rule != StaffRule.Employment), f =>
        {
            Assert.StartsWith(p.ShortName, f.Source);
            Assert.True(f.Message.Any(c => c >= 0x4e00 && c <= 0x9fff), f.Message);
            if (!f.Passed) Assert.Contains(f.Source, f.Message);
        });
    }
}

/// <summary>The staff sections of the shipped profiles and the parser's checks on them.</summary>
public class StaffProfileTests
{
    [Theory]
    [InlineData("hainan-ledong")]
    [InlineData("hainan-qiongzhong")]
    [InlineData("hunan")]
    [InlineData("shenmu")]
    [InlineData("wenzhou")]
    public void Every_profile_has_staff_rules_each_with_a_source(string key)
    {
        var p = Profile(key);
        Assert.NotNull(p.Staff);
        var entries = p.Entries().Where(e => e.Path.StartsWith("staff.", StringComparison.Ordinal) && e.Value is not null).ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Source), e.Path));
    }

    [Fact]
    public void The_numbers_match_the_documents()
    {
        Assert.Equal(new Limit(45, true), Profile("hainan-ledong").Staff!.MaxAge!.Value);
        Assert.Equal(new Limit(45, true), Profile("hainan-qiongzhong").Staff!.MaxAge!.Value);
        Assert.Equal(new Limit(40, true), Profile("hunan").Staff!.MaxAge!.Value);
        Assert.Equal(new Limit(45, true), Profile("wenzhou").Staff!.MaxAge!.Value);
        Assert.Null(Profile("shenmu").Staff!.MaxAge);
        Assert.Equal(3m, Profile("hainan-ledong").Staff!.StationStaff!.Value.Min!.Value);
        Assert.Equal(8m, Profile("wenzhou").Staff!.StationStaff!.Value.RequiredRange!.Max!.Value);
        Assert.Equal(30m, Profile("shenmu").Staff!.AnnualTraining!.Value.Hours.Value);
        Assert.Equal(40m, Profile("wenzhou").Staff!.AnnualTraining!.Value.Hours.Value);
        Assert.Equal(2, Profile("hainan-ledong").Staff!.CertificateDeadline!.Value.Years);
        Assert.Equal(new DateOnly(2016, 1, 1), Profile("shenmu").Staff!.SocialWorkerDefinition!.Value.Single(o => o.Kind == QualificationKind.Training).Since);
        Assert.Equal(5, Profile("hainan-qiongzhong").Staff!.Qualification!.Value.Single(o => o.Kind == QualificationKind.Training).WindowYears);
        Assert.Contains("第二百零一条", Profile("hainan-ledong").Staff!.CertificateDeadline!.Interpretation);
        Assert.Contains("第一千二百五十九条", Profile("hunan").Staff!.MaxAge!.Interpretation);
    }

    private const string Minimal = """
        {
          "key": "demo", "name": "示例方案", "shortName": "示例", "region": "示例县",
          "document": { "title": "示例方案", "file": "demo.txt" },
          "signage": {}, "facilities": {},
          "staff": { STAFF }
        }
        """;

    private static PolicyProfile Parse(string staff) => PolicyProfileParser.Parse("demo.json", Minimal.Replace("STAFF", staff));

    [Fact]
    public void A_bound_must_say_whether_it_includes_its_number()
    {
        var ex = Assert.Throws<PolicyProfileException>(() => Parse("""  "maxAge": { "value": { "value": 45 }, "source": "第一条" } """));
        Assert.Contains("inclusive", ex.Message);
    }

    [Fact]
    public void A_staff_value_without_a_source_is_refused()
    {
        var ex = Assert.Throws<PolicyProfileException>(() => Parse("""  "maxAge": { "value": { "value": 45, "inclusive": true }, "source": " " } """));
        Assert.Equal("staff.maxAge.source", ex.Field);
    }

    [Fact]
    public void A_training_option_needs_exactly_one_window()
    {
        var ex = Assert.Throws<PolicyProfileException>(() => Parse("""
            "qualification": { "value": [ { "kind": "training", "hours": { "value": 120, "inclusive": true }, "windowYears": 5, "since": "2016-01-01" } ], "source": "第二条" }
            """));
        Assert.Equal("staff.qualification.value", ex.Field);
    }

    [Fact]
    public void A_station_staff_rule_gives_one_way_only()
    {
        var ex = Assert.Throws<PolicyProfileException>(() => Parse("""
            "stationStaff": { "value": { "min": { "value": 3, "inclusive": true }, "byAgreement": true }, "source": "第三条" }
            """));
        Assert.Equal("staff.stationStaff.value", ex.Field);
    }

    [Fact]
    public void An_unknown_staff_field_is_refused()
    {
        var ex = Assert.Throws<PolicyProfileException>(() => Parse("""  "minAge": { "value": { "value": 18, "inclusive": true }, "source": "第一条" } """));
        Assert.Contains("minAge", ex.Message);
    }
}
