using SocialWorkStation.Domain.Groups;

namespace SocialWorkStation.Domain.Tests.Groups;

public sealed class GroupRulesTests
{
    [Theory]
    [InlineData(4, 16, true)]  // both exactly at the bound
    [InlineData(3, 16, false)] // one session short
    [InlineData(4, 15, false)] // one participant-time short
    [InlineData(5, 17, true)]
    [InlineData(0, 0, false)]
    public void A_group_counts_with_four_sessions_and_sixteen_participant_times(int sessions, int times, bool counts) =>
        Assert.Equal(counts, GroupRules.Counts(sessions, times, 4, 16));

    [Fact]
    public void Participant_times_add_attendance_over_sessions() => Assert.Equal(16, GroupRules.ParticipantTimes([4, 4, 3, 5]));

    [Fact]
    public void The_five_stages_of_MZ_T_095_have_Chinese_names()
    {
        Assert.Equal(["筹备期", "形成期", "转折期", "成熟期", "结束期"], GroupStages.All.Select(GroupStages.Chinese));
        Assert.Equal(GroupStage.Maturity, GroupStages.FromApi("maturity"));
    }
}
