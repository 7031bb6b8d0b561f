namespace SocialWorkStation.Domain.Services;

/// <summary>Standards counted from simple totals: new volunteers, volunteer teams, featured cases.</summary>
public static class StationStandards
{
    /// <summary>Qiongzhong（六）服务标准“志愿服务”: at least 30 newly registered real-name volunteers a station a year.</summary>
    public static StandardProgress? NewVolunteers(int registeredInPeriod, ServiceStandards? s) =>
        StandardProgress.Of("volunteers.new", "新增实名注册志愿者（人）", registeredInPeriod, s?.NewVolunteersPerStation);

    /// <summary>Teams the station has at the end of the period (founded on or before it, not disbanded by then).</summary>
    public static StandardProgress? VolunteerTeams(int activeAtPeriodEnd, ServiceStandards? s) =>
        StandardProgress.Of("volunteers.teams", "志愿服务队（支）", activeAtPeriodEnd, s?.VolunteerTeamsPerStation);

    /// <summary>Ledong 四“X个特色服务”: each station distils at least one featured service case.</summary>
    public static StandardProgress? FeaturedCases(int writtenInPeriod, ServiceStandards? s) =>
        StandardProgress.Of("featuredCases", "特色服务案例（篇）", writtenInPeriod, s?.FeaturedCasesPerStation);

    /// <summary>Whether a team counts on a date: founded by then and not yet disbanded.</summary>
    public static bool TeamActiveOn(DateOnly foundedOn, DateOnly? disbandedOn, DateOnly date) =>
        foundedOn <= date && (disbandedOn is null || disbandedOn.Value > date);
}
