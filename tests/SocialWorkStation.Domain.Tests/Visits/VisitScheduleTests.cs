using SocialWorkStation.Domain.Common;
using SocialWorkStation.Domain.Profiles;
using SocialWorkStation.Domain.Recipients;
using SocialWorkStation.Domain.Visits;

namespace SocialWorkStation.Domain.Tests.Visits;

public sealed class VisitScheduleTests
{
    private static PolicyProfile Qiongzhong()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "src", "SocialWorkStation.Web", "Profiles", "hainan-qiongzhong.json");
            if (File.Exists(file))
            {
                return PolicyProfileParser.Parse("hainan-qiongzhong.json", File.ReadAllText(file));
            }
        }
        throw new InvalidOperationException("profile not found");
    }

    [Fact]
    public void Qiongzhong_names_its_clause_and_marks_the_days_as_the_platforms_interpretation()
    {
        var schedule = Qiongzhong().VisitSchedule!;
        Assert.Contains("定期巡访", schedule.Intervals.Source);
        Assert.False(string.IsNullOrWhiteSpace(schedule.Intervals.Interpretation));
        Assert.Contains(Qiongzhong().Entries(), e => e.Path == "visitSchedule.intervals" && e.Interpretation is not null);
    }

    [Fact]
    public void The_disabled_and_semi_disabled_are_visited_more_often_and_only_home_visits_count_for_them()
    {
        var schedule = Qiongzhong().VisitSchedule!;
        var alone = schedule.RuleFor([RecipientCategory.ElderlyAlone], RiskLevel.Low)!;
        var disabled = schedule.RuleFor([RecipientCategory.ElderlyAlone, RecipientCategory.ElderlyDisabled], RiskLevel.Low)!;
        Assert.True(disabled.Days < alone.Days);
        Assert.True(disabled.HomeVisitOnly);
        Assert.False(alone.HomeVisitOnly);
    }

    [Fact]
    public void The_strictest_rule_applies_and_a_recipient_no_rule_names_has_no_schedule()
    {
        var schedule = new VisitSchedule
        {
            Intervals = new Sourced<VisitIntervalRule[]>(
            [
                new VisitIntervalRule { Label = "独居", Categories = ["elderlyAlone"], Days = 30 },
                new VisitIntervalRule { Label = "高风险", MinRiskLevel = RiskLevel.High, Days = 7 },
            ], "测试"),
        };
        Assert.Equal(7, schedule.RuleFor([RecipientCategory.ElderlyAlone], RiskLevel.High)!.Days);
        Assert.Equal(30, schedule.RuleFor([RecipientCategory.ElderlyAlone], RiskLevel.Medium)!.Days);
        Assert.Equal(7, schedule.RuleFor([RecipientCategory.Dibao], RiskLevel.High)!.Days);
        Assert.Null(schedule.RuleFor([RecipientCategory.Dibao], RiskLevel.Medium));
    }

    [Fact]
    public void A_rule_without_categories_or_risk_level_or_with_an_unknown_category_is_refused()
    {
        Assert.False(new VisitIntervalRule { Label = "x", Days = 30 }.IsValid);
        Assert.False(new VisitIntervalRule { Label = "x", Categories = ["nobody"], Days = 30 }.IsValid);
        Assert.False(new VisitIntervalRule { Label = "x", Categories = ["dibao"], Days = 0 }.IsValid);
        Assert.True(new VisitIntervalRule { Label = "x", Categories = ["dibao"], Days = 1 }.IsValid);
    }
}
