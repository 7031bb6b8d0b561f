using SocialWorkStation.Domain.Common;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Profiles;

namespace SocialWorkStation.Domain.Progress;

/// <summary>Who owes a standard: each worker (visits, training) or each station.</summary>
public enum StandardLevel
{
    Worker,
    Station,
}

/// <summary>How a standard is counted over a period.</summary>
public enum StandardMeasure
{
    /// <summary>Records dated in the period (visits, cases, groups …); the target scales with the period's share of the year.</summary>
    Count,
    /// <summary>Hours dated in the period (training); scales like a count.</summary>
    Hours,
    /// <summary>Months of the period with at least the monthly number (contractor checks); the target is months × number.</summary>
    MonthsCovered,
    /// <summary>What exists at the end of the period (volunteer teams); the target does not scale.</summary>
    Stock,
}

public sealed record StandardDefinition(string Key, string Label, string Unit, StandardLevel Level, StandardMeasure Measure);

/// <summary>A standard a profile tracks: its definition and the profile's number with the clause.</summary>
public sealed record TrackedStandard(StandardDefinition Definition, decimal Number, string Source, string? Interpretation, bool ProRated)
{
    public string Key => Definition.Key;

    /// <summary>
    /// The target of one station (or, for worker standards, one full-year worker) for the period: a count
    /// scales with the period's share of the year (24 a year is 2 for a 31-day January: 24 × 31/365), months
    /// covered are months × number, a stock is the number.
    /// </summary>
    public decimal TargetFor(ProgressPeriod period) => Definition.Measure switch
    {
        StandardMeasure.Stock => Number,
        StandardMeasure.MonthsCovered => Number * period.Months().Count(),
        _ => Number * period.Days / ProgressPeriod.DaysInYear(period.Year),
    };

    /// <summary>
    /// A worker's target for the period; <paramref name="leftOn"/> is the first day no longer employed (as
    /// Worker.ActiveOn reads it). Pro-rated by days employed when the profile says so (Shenmu art. 12
    /// interpretation: "入职或离职当年按在岗天数折算"); otherwise a worker employed on any day of the period owes
    /// the whole period's target, and one not employed in it owes nothing.
    /// </summary>
    public decimal WorkerTargetFor(ProgressPeriod period, DateOnly hiredOn, DateOnly? leftOn)
    {
        var from = hiredOn > period.From ? hiredOn : period.From;
        var to = leftOn is { } left && left.AddDays(-1) < period.To ? left.AddDays(-1) : period.To;
        if (to < from)
        {
            return 0m;
        }
        if (!ProRated)
        {
            return TargetFor(period);
        }
        return Number * (to.DayNumber - from.DayNumber + 1) / ProgressPeriod.DaysInYear(period.Year);
    }
}

/// <summary>
/// The annual service standards the platform tracks (docs/requirements/domain.md §5; Qiongzhong（六）服务标准, Ledong's
/// featured case, Qiongzhong （五）3 contractor checks, Shenmu art. 12 / Wenzhou 六(三)2 training). A profile
/// without a number for a standard does not track it.
/// </summary>
public static class StandardCatalog
{
    public const string Visits = "visits";
    public const string Training = "training";
    public const string RecipientFiles = "recipientFiles";
    public const string Cases = "cases";
    public const string CasesServed = "casesServed";
    public const string Groups = "groups";
    public const string Activities = "activities";
    public const string PublicityActivities = "activities.socialWorkPublicity";
    public const string AdvocacyActivities = "activities.volunteerAdvocacy";
    public const string NewVolunteers = "volunteers.new";
    public const string VolunteerTeams = "volunteers.teams";
    public const string FeaturedCases = "featuredCases";
    public const string ContractorChecks = "contractorChecks";

    public static readonly IReadOnlyList<StandardDefinition> All =
    [
        new(Visits, "入户探访", "次", StandardLevel.Worker, StandardMeasure.Count),
        new(RecipientFiles, "服务建档", "人", StandardLevel.Station, StandardMeasure.Count),
        new(Cases, "个案接案", "人", StandardLevel.Station, StandardMeasure.Count),
        new(CasesServed, "个案服务达标", "人", StandardLevel.Station, StandardMeasure.Count),
        new(Groups, "完整小组", "个", StandardLevel.Station, StandardMeasure.Count),
        new(Activities, "乡镇活动", "场", StandardLevel.Station, StandardMeasure.Count),
        new(PublicityActivities, "其中社会工作宣传", "场", StandardLevel.Station, StandardMeasure.Count),
        new(AdvocacyActivities, "其中志愿服务倡导", "场", StandardLevel.Station, StandardMeasure.Count),
        new(NewVolunteers, "新增实名志愿者", "名", StandardLevel.Station, StandardMeasure.Count),
        new(VolunteerTeams, "志愿服务队", "支", StandardLevel.Station, StandardMeasure.Stock),
        new(FeaturedCases, "特色服务案例", "篇", StandardLevel.Station, StandardMeasure.Count),
        new(ContractorChecks, "项目经理到站检查", "月", StandardLevel.Station, StandardMeasure.MonthsCovered),
        new(Training, "培训学时", "学时", StandardLevel.Worker, StandardMeasure.Hours),
    ];

    public static StandardDefinition? Find(string key) => All.FirstOrDefault(d => d.Key == key);

    /// <summary>The standards <paramref name="profile"/> sets numbers for, in catalogue order.</summary>
    public static IReadOnlyList<TrackedStandard> TrackedBy(PolicyProfile? profile)
    {
        var result = new List<TrackedStandard>();
        if (profile is null)
        {
            return result;
        }
        var s = profile.Standards;
        foreach (var d in All)
        {
            Sourced<decimal>? number = d.Key switch
            {
                Visits => Of(s?.VisitsPerWorker),
                RecipientFiles => Of(s?.RecipientFilesPerStation),
                Cases => Of(s?.CasesPerStation),
                // "为每个建档的服务群众服务不少于5次": the cases whose recipient got the minimum count, against the cases required.
                CasesServed => s?.ServicesPerCase is null ? null : Of(s.CasesPerStation),
                Groups => Of(s?.GroupsPerStation),
                Activities => Of(s?.ActivitiesPerStation),
                PublicityActivities => RequiredKind(s?.RequiredActivityKinds, "socialWorkPublicity"),
                AdvocacyActivities => RequiredKind(s?.RequiredActivityKinds, "volunteerAdvocacy"),
                NewVolunteers => Of(s?.NewVolunteersPerStation),
                VolunteerTeams => Of(s?.VolunteerTeamsPerStation),
                FeaturedCases => Of(s?.FeaturedCasesPerStation),
                ContractorChecks => Of(s?.ContractorChecksPerMonth),
                Training => null,
                _ => null,
            };
            if (d.Key == Training && AnnualTraining(profile) is { } training && profile.Staff!.AnnualTraining!.Value.Platforms.Contains(PlatformKind.Station))
            {
                result.Add(training);
            }
            else if (number is not null)
            {
                result.Add(new TrackedStandard(d, number.Value, number.Source, number.Interpretation, ProRates(profile, d.Key)));
            }
        }
        return result;
    }

    /// <summary>
    /// The one rule for a worker's annual training target (docs/requirements/training.md): the profile's hours,
    /// pro-rated by days employed exactly when the profile lists training under pace.proRated. Compliance
    /// (StaffCheck) and the standards dashboard (Progress) both take the target from here, so a worker is judged
    /// the same by both.
    /// </summary>
    public static TrackedStandard? AnnualTraining(PolicyProfile profile) =>
        profile.Staff?.AnnualTraining is { } t
            ? new TrackedStandard(Find(Training)!, t.Value.Hours.Value, t.Source, t.Interpretation, ProRates(profile, Training))
            : null;

    /// <summary>True when the profile pro-rates this worker standard by days employed (pace.proRated).</summary>
    public static bool ProRates(PolicyProfile profile, string key) => profile.Pace?.ProRated?.Value.Contains(key) == true;

    private static Sourced<decimal>? Of(Sourced<int>? v) => v is null ? null : new(v.Value, v.Source, v.Interpretation);

    /// <summary>Qiongzhong（六）4 "必须包括…": at least one counted activity of each required kind.</summary>
    private static Sourced<decimal>? RequiredKind(Sourced<string[]>? kinds, string kind) =>
        kinds is not null && kinds.Value.Contains(kind) ? new(1, kinds.Source, kinds.Interpretation) : null;
}
