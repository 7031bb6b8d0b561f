using SocialWorkStation.Domain.Profiles;
using SocialWorkStation.Domain.Progress;
using Xunit;

namespace SocialWorkStation.Domain.Tests.Progress;

/// <summary>Periods, the expected pace and the status rules at their edges.</summary>
public class PaceTests
{
    [Theory]
    [InlineData("1999", true, false)]
    [InlineData("2101-Q1", true, false)]
    [InlineData("2000", false, true)]
    [InlineData("2100-12", false, true)]
    [InlineData("2026-13", false, false)]
    [InlineData("abc", false, false)]
    public void A_year_out_of_range_is_named_as_such_not_as_a_wrong_format(string text, bool yearOutOfRange, bool parses)
    {
        Assert.Equal(parses, ProgressPeriod.Parse(text, new DateOnly(2026, 11, 25)) is not null);
        Assert.Equal(yearOutOfRange, ProgressPeriod.Problem(text).StartsWith("年份应在2000年到2100年之间", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2026", "2026-01-01", "2026-12-31", PeriodKind.Year)]
    [InlineData("2026-Q1", "2026-01-01", "2026-03-31", PeriodKind.Quarter)]
    [InlineData("2026-q4", "2026-10-01", "2026-12-31", PeriodKind.Quarter)]
    [InlineData("2028-02", "2028-02-01", "2028-02-29", PeriodKind.Month)]
    [InlineData("2026-02", "2026-02-01", "2026-02-28", PeriodKind.Month)]
    [InlineData("2026-ytd", "2026-01-01", "2026-11-25", PeriodKind.YearToDate)]
    [InlineData("2025-ytd", "2025-01-01", "2025-12-31", PeriodKind.YearToDate)]
    public void Periods_are_read_with_both_ends_included(string text, string from, string to, PeriodKind kind)
    {
        var p = ProgressPeriod.Parse(text, new DateOnly(2026, 11, 25))!;
        Assert.Equal(DateOnly.Parse(from), p.From);
        Assert.Equal(DateOnly.Parse(to), p.To);
        Assert.Equal(kind, p.Kind);
        Assert.Equal(p, ProgressPeriod.Parse(p.Code, new DateOnly(2026, 11, 25)));
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-Q5")]
    [InlineData("26")]
    [InlineData("2026-01-01")]
    [InlineData("abc")]
    public void Other_texts_are_not_periods(string text) => Assert.Null(ProgressPeriod.Parse(text, new DateOnly(2026, 11, 25)));

    [Fact]
    public void The_expected_share_counts_the_day_checked_from_the_first_day_to_the_last()
    {
        var year = ProgressPeriod.OfYear(2026);
        Assert.Equal(0m, Pace.ExpectedShare(year, new DateOnly(2025, 12, 31)));
        Assert.Equal(1m / 365, Pace.ExpectedShare(year, new DateOnly(2026, 1, 1)));
        Assert.Equal(364m / 365, Pace.ExpectedShare(year, new DateOnly(2026, 12, 30)));
        Assert.Equal(1m, Pace.ExpectedShare(year, new DateOnly(2026, 12, 31)));
        Assert.Equal(1m, Pace.ExpectedShare(year, new DateOnly(2027, 1, 1)));
        // A leap year has 366 days: 29 February is day 60.
        Assert.Equal(60m / 366, Pace.ExpectedShare(ProgressPeriod.OfYear(2028), new DateOnly(2028, 2, 29)));
        Assert.Equal(29m / 29, Pace.ExpectedShare(ProgressPeriod.OfMonth(2028, 2), new DateOnly(2028, 2, 29)));
    }

    [Fact]
    public void Status_is_met_at_the_target_on_track_at_the_pace_and_far_behind_below_half_of_it()
    {
        // 24 visits a year, half the year gone: 12 expected.
        Assert.Equal(ProgressStatus.Met, Pace.Status(24, 24, 0.5m, 0.5m));
        Assert.Equal(ProgressStatus.OnTrack, Pace.Status(12, 24, 0.5m, 0.5m));
        Assert.Equal(ProgressStatus.Behind, Pace.Status(11, 24, 0.5m, 0.5m));
        Assert.Equal(ProgressStatus.Behind, Pace.Status(6, 24, 0.5m, 0.5m));
        Assert.Equal(ProgressStatus.FarBehind, Pace.Status(5, 24, 0.5m, 0.5m));
        // domain.md section 5: a station at month 6 with 8 visits a worker is behind.
        Assert.Equal(ProgressStatus.Behind, Pace.Status(8, 24, 181m / 365, 0.5m));
        // On the first day nothing is owed yet beyond a sliver, and zero targets are met.
        Assert.Equal(ProgressStatus.FarBehind, Pace.Status(0, 24, 1m / 365, 0.5m));
        Assert.Equal(ProgressStatus.OnTrack, Pace.Status(0, 24, 0m, 0.5m));
        Assert.Equal(ProgressStatus.Met, Pace.Status(0, 0, 1m, 0.5m));
        Assert.Equal(6m, Pace.GapToPace(6, 24, 0.5m));
        Assert.Equal(0m, Pace.GapToPace(13, 24, 0.5m));
    }

    private static TrackedStandard Visits(bool proRated) =>
        new(StandardCatalog.Find(StandardCatalog.Visits)!, 24, "（六）服务标准第1项", null, proRated);

    [Fact]
    public void A_period_target_scales_with_its_share_of_the_year()
    {
        var t = Visits(false);
        Assert.Equal(24m, t.TargetFor(ProgressPeriod.OfYear(2026)));
        Assert.Equal(24m * 31 / 365, t.TargetFor(ProgressPeriod.OfMonth(2026, 1)));
        Assert.Equal(24m * 91 / 366, t.TargetFor(ProgressPeriod.OfQuarter(2028, 2)));
        var checks = new TrackedStandard(StandardCatalog.Find(StandardCatalog.ContractorChecks)!, 1, "（五）3", null, false);
        Assert.Equal(3m, checks.TargetFor(ProgressPeriod.OfQuarter(2026, 1)));
        Assert.Equal(11m, checks.TargetFor(ProgressPeriod.YearToDate(2026, new DateOnly(2026, 11, 25))));
        var teams = new TrackedStandard(StandardCatalog.Find(StandardCatalog.VolunteerTeams)!, 1, "（六）5", null, false);
        Assert.Equal(1m, teams.TargetFor(ProgressPeriod.OfMonth(2026, 3)));
    }

    [Fact]
    public void A_worker_hired_mid_year_owes_the_whole_year_unless_the_profile_pro_rates()
    {
        var year = ProgressPeriod.OfYear(2026);
        // Hired on 1 July 2026: 184 days employed of 365.
        Assert.Equal(24m, Visits(false).WorkerTargetFor(year, new DateOnly(2026, 7, 1), null));
        Assert.Equal(24m * 184 / 365, Visits(true).WorkerTargetFor(year, new DateOnly(2026, 7, 1), null));
        // Hired on the last day: one day; hired the day after the period: nothing.
        Assert.Equal(24m * 1 / 365, Visits(true).WorkerTargetFor(year, new DateOnly(2026, 12, 31), null));
        Assert.Equal(0m, Visits(false).WorkerTargetFor(year, new DateOnly(2027, 1, 1), null));
        // Left on 1 July (the first day no longer employed): 181 days, 1 January to 30 June.
        Assert.Equal(24m * 181 / 365, Visits(true).WorkerTargetFor(year, new DateOnly(2020, 1, 1), new DateOnly(2026, 7, 1)));
        // Leap year: 29 February counts as a day employed.
        Assert.Equal(24m * 2 / 366, Visits(true).WorkerTargetFor(ProgressPeriod.OfYear(2028), new DateOnly(2028, 2, 28), new DateOnly(2028, 3, 1)));
    }

    [Fact]
    public void Shenmu_pro_rates_training_and_Qiongzhong_tracks_its_standards_with_clauses()
    {
        var shenmu = StandardCatalog.TrackedBy(Profiles("shenmu"));
        Assert.True(shenmu.Single(t => t.Key == StandardCatalog.Training).ProRated);
        Assert.Equal(30m, shenmu.Single(t => t.Key == StandardCatalog.Training).Number);
        var qz = StandardCatalog.TrackedBy(Profiles("hainan-qiongzhong"));
        Assert.Equal(
            [StandardCatalog.Visits, StandardCatalog.RecipientFiles, StandardCatalog.Cases, StandardCatalog.CasesServed, StandardCatalog.Groups,
             StandardCatalog.Activities, StandardCatalog.PublicityActivities, StandardCatalog.AdvocacyActivities, StandardCatalog.NewVolunteers,
             StandardCatalog.VolunteerTeams, StandardCatalog.ContractorChecks],
            qz.Select(t => t.Key));
        Assert.All(qz, t => Assert.False(string.IsNullOrWhiteSpace(t.Source)));
        Assert.DoesNotContain(qz, t => t.ProRated);
        // Ledong sets only the featured case; Hunan sets no standard at all.
        Assert.Equal([StandardCatalog.FeaturedCases], StandardCatalog.TrackedBy(Profiles("hainan-ledong")).Select(t => t.Key));
        Assert.DoesNotContain(StandardCatalog.TrackedBy(Profiles("hunan")), t => t.Definition.Level == StandardLevel.Station);
        Assert.Equal(0.5m, Profiles("hunan").FarBehindBelow.Value);
    }

    [Fact]
    public void A_group_counts_from_the_session_that_reaches_both_minimums_and_a_case_at_its_fifth_service()
    {
        var sessions = new[]
        {
            new SessionFact(new DateOnly(2026, 3, 1), 1, 4), new SessionFact(new DateOnly(2026, 3, 8), 2, 4),
            new SessionFact(new DateOnly(2026, 3, 15), 3, 4), new SessionFact(new DateOnly(2026, 3, 31), 4, 3),
        };
        Assert.Null(Counting.GroupCompletedOn(sessions, 4, 16));
        Assert.Equal(new DateOnly(2026, 4, 1), Counting.GroupCompletedOn([.. sessions, new SessionFact(new DateOnly(2026, 4, 1), 5, 1)], 4, 16));
        Assert.Equal(new DateOnly(2026, 3, 31), Counting.GroupCompletedOn(sessions, 4, 15));
        Assert.Null(Counting.CaseServedOn([new DateOnly(2026, 1, 2), new DateOnly(2026, 1, 1)], 3));
        Assert.Equal(new DateOnly(2026, 1, 3), Counting.CaseServedOn([new DateOnly(2026, 1, 3), new DateOnly(2026, 1, 2), new DateOnly(2026, 1, 1)], 3));
        Assert.Equal(202603, Counting.MonthOf(new DateOnly(2026, 3, 31)));
        Assert.Equal((new DateOnly(2028, 2, 1), new DateOnly(2028, 2, 29)), Counting.MonthRange(202802));
    }

    private static PolicyProfile Profiles(string key)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SocialWorkStation.slnx")))
            {
                var file = Path.Combine(dir.FullName, "src", "SocialWorkStation.Web", "Profiles", key + ".json");
                return PolicyProfileParser.Parse(key + ".json", File.ReadAllText(file));
            }
        }
        throw new InvalidOperationException("SocialWorkStation.slnx not found");
    }
}
