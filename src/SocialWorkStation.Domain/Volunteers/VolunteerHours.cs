namespace SocialWorkStation.Domain.Volunteers;

/// <summary>
/// Volunteer service time (志愿服务时长). Under the Ministry of Civil Affairs order No. 67
/// (《志愿服务记录与证明出具办法（试行）》, 2020, in force 1 February 2021) the time recorded is the time
/// actually spent serving, in hours, without the journey there and back; records must be true,
/// accurate, complete, unpaid and timely. Kept as whole minutes so sums are exact on every database.
/// </summary>
public static class VolunteerHours
{
    public const string Source = "民政部令第67号《志愿服务记录与证明出具办法（试行）》：服务时长以小时计，指实际提供志愿服务的时间，不含往返交通时间";

    /// <summary>The longest service one record may hold: one day.</summary>
    public const int MaxMinutes = 24 * 60;

    /// <summary>
    /// Minutes served between start and end on one day, less the travel time that the span includes
    /// (a volunteer who left at 8:00, served from 8:30 to 11:30 and was back at 12:00 has start 8:00, end
    /// 12:00 and travel 60, and is credited 180 minutes). Null with a Chinese message when impossible.
    /// </summary>
    public static int? FromTimes(TimeOnly start, TimeOnly end, int travelMinutes, out string? error)
    {
        error = null;
        if (end <= start)
        {
            error = "结束时间应晚于开始时间（跨日服务请分日记录）";
            return null;
        }
        if (travelMinutes < 0)
        {
            error = "往返交通时间不能为负数";
            return null;
        }
        var span = (int)Math.Round((end - start).TotalMinutes);
        var served = span - travelMinutes;
        if (served <= 0)
        {
            error = "扣除往返交通时间后没有服务时长（往返交通时间不计入服务时长）";
            return null;
        }
        return served;
    }

    /// <summary>Hours entered directly (already without travel): more than 0, at most 24, to the minute.</summary>
    public static int? FromHours(decimal hours, out string? error)
    {
        error = null;
        if (hours <= 0)
        {
            error = "服务时长应大于0小时";
            return null;
        }
        var minutes = (int)Math.Round(hours * 60, MidpointRounding.AwayFromZero);
        if (minutes > MaxMinutes)
        {
            error = "一条记录的服务时长不能超过24小时";
            return null;
        }
        return minutes;
    }

    /// <summary>Minutes as hours, two decimals (90 → 1.5).</summary>
    public static decimal ToHours(int minutes) => Math.Round(minutes / 60m, 2, MidpointRounding.AwayFromZero);
}
