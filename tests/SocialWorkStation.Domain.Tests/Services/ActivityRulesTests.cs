using SocialWorkStation.Domain.Common;
using SocialWorkStation.Domain.Services;
using Xunit;

namespace SocialWorkStation.Domain.Tests.Services;

public class ActivityRulesTests
{
    private static readonly ServiceStandards Qiongzhong = new()
    {
        ActivitiesPerStation = new Sourced<int>(3, "（六）服务标准第4项“乡镇工作”"),
        ParticipantsPerActivity = new Sourced<int>(10, "（六）服务标准第4项“乡镇工作”"),
        RequiredActivityKinds = new Sourced<string[]>(["socialWorkPublicity", "volunteerAdvocacy"], "（六）服务标准第4项“乡镇工作”"),
    };

    private static readonly DateOnly From = new(2026, 1, 1);
    private static readonly DateOnly To = new(2026, 12, 31);

    [Fact]
    public void Exactly_ten_participants_counts()
    {
        Assert.True(ActivityRules.Counts(10, Qiongzhong));
        var finding = ActivityRules.Explain(10, Qiongzhong)!;
        Assert.True(finding.Passed);
        Assert.Contains("乡镇工作", finding.Source);
    }

    [Fact]
    public void Nine_participants_do_not_count()
    {
        Assert.False(ActivityRules.Counts(9, Qiongzhong));
        var finding = ActivityRules.Explain(9, Qiongzhong)!;
        Assert.False(finding.Passed);
        Assert.Contains("不足每场10人", finding.Message);
    }

    [Fact]
    public void A_profile_without_the_number_does_not_track_it()
    {
        Assert.Null(ActivityRules.Counts(1, null));
        Assert.Null(ActivityRules.Counts(1, new ServiceStandards()));
        Assert.Null(ActivityRules.Explain(1, new ServiceStandards { FeaturedCasesPerStation = new Sourced<int>(1, "x") }));
        Assert.Empty(ActivityRules.Progress([new ActivityFact(From, 50, [ActivityKind.SocialWorkPublicity])], new ServiceStandards(), From, To));
    }

    [Fact]
    public void Progress_counts_only_activities_that_reach_the_minimum_inside_the_period()
    {
        var activities = new[]
        {
            new ActivityFact(new DateOnly(2026, 3, 1), 10, [ActivityKind.SocialWorkPublicity]),
            new ActivityFact(new DateOnly(2026, 5, 1), 9, [ActivityKind.VolunteerAdvocacy]), // too few
            new ActivityFact(new DateOnly(2026, 12, 31), 30, [ActivityKind.VolunteerAdvocacy, ActivityKind.ElderlyServices]), // last day
            new ActivityFact(new DateOnly(2027, 1, 1), 30, [ActivityKind.VolunteerAdvocacy]), // day after
        };
        var progress = ActivityRules.Progress(activities, Qiongzhong, From, To);
        var count = Assert.Single(progress, p => p.Rule == "activities.count");
        Assert.Equal(2, count.Done);
        Assert.Equal(3, count.Required);
        Assert.False(count.Met);
        Assert.Contains("还差1", count.Message);
        Assert.Equal(1, progress.Single(p => p.Rule == "activities.kind.socialWorkPublicity").Done);
        var advocacy = progress.Single(p => p.Rule == "activities.kind.volunteerAdvocacy");
        Assert.Equal(1, advocacy.Done);
        Assert.True(advocacy.Met);
    }

    [Fact]
    public void Three_qualifying_activities_meet_the_count_and_one_activity_may_be_both_kinds()
    {
        var both = new ActivityKind[] { ActivityKind.SocialWorkPublicity, ActivityKind.VolunteerAdvocacy };
        var activities = Enumerable.Range(1, 3).Select(m => new ActivityFact(new DateOnly(2026, m, 1), 10, m == 1 ? both : [ActivityKind.ChildWelfare]));
        var progress = ActivityRules.Progress(activities, Qiongzhong, From, To);
        Assert.All(progress, p => Assert.True(p.Met, p.Message));
    }

    [Fact]
    public void Without_a_participant_minimum_every_activity_counts()
    {
        var s = new ServiceStandards { ActivitiesPerStation = new Sourced<int>(2, "x") };
        var progress = ActivityRules.Progress([new ActivityFact(From, 1, []), new ActivityFact(To, 2, [])], s, From, To);
        Assert.True(Assert.Single(progress).Met);
    }
}
