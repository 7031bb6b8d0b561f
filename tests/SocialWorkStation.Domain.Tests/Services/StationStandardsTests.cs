using SocialWorkStation.Domain.Common;
using SocialWorkStation.Domain.Services;
using Xunit;

namespace SocialWorkStation.Domain.Tests.Services;

public class StationStandardsTests
{
    private static readonly ServiceStandards S = new()
    {
        NewVolunteersPerStation = new Sourced<int>(30, "（六）服务标准第5项“志愿服务”"),
        VolunteerTeamsPerStation = new Sourced<int>(1, "（六）服务标准第5项“志愿服务”"),
        FeaturedCasesPerStation = new Sourced<int>(1, "五（一）“X”个特色服务"),
    };

    [Fact]
    public void Thirty_new_volunteers_meet_the_standard_and_twenty_nine_do_not()
    {
        Assert.True(StationStandards.NewVolunteers(30, S)!.Met);
        Assert.False(StationStandards.NewVolunteers(29, S)!.Met);
        Assert.Null(StationStandards.NewVolunteers(100, new ServiceStandards()));
    }

    [Fact]
    public void One_team_and_one_featured_case_meet_their_standards()
    {
        Assert.True(StationStandards.VolunteerTeams(1, S)!.Met);
        Assert.False(StationStandards.VolunteerTeams(0, S)!.Met);
        Assert.True(StationStandards.FeaturedCases(1, S)!.Met);
        Assert.False(StationStandards.FeaturedCases(0, S)!.Met);
        Assert.Null(StationStandards.FeaturedCases(0, null));
    }

    [Fact]
    public void A_team_is_active_from_its_founding_day_until_the_day_before_it_is_disbanded()
    {
        var founded = new DateOnly(2026, 6, 1);
        Assert.False(StationStandards.TeamActiveOn(founded, null, new DateOnly(2026, 5, 31)));
        Assert.True(StationStandards.TeamActiveOn(founded, null, founded));
        var disbanded = new DateOnly(2026, 12, 31);
        Assert.True(StationStandards.TeamActiveOn(founded, disbanded, new DateOnly(2026, 12, 30)));
        Assert.False(StationStandards.TeamActiveOn(founded, disbanded, disbanded));
    }
}
