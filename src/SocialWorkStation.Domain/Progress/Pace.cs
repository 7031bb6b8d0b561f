namespace SocialWorkStation.Domain.Progress;

/// <summary>How a standard stands against its target and the pace expected by the day checked.</summary>
public enum ProgressStatus
{
    Met,
    OnTrack,
    Behind,
    FarBehind,
}

public static class Pace
{
    /// <summary>
    /// The share of the period elapsed on <paramref name="asOf"/>, counting that day: 0 before the period,
    /// 1/days on its first day, 1 on its last day and after it.
    /// </summary>
    public static decimal ExpectedShare(ProgressPeriod period, DateOnly asOf)
    {
        if (asOf < period.From)
        {
            return 0m;
        }
        if (asOf >= period.To)
        {
            return 1m;
        }
        return (decimal)(asOf.DayNumber - period.From.DayNumber + 1) / period.Days;
    }

    /// <summary>
    /// Met when done reaches the target ("不少于" includes the number); on track when done reaches the part
    /// of the target the pace expects by now; far behind when below <paramref name="farBehindBelow"/> of that
    /// expected part; otherwise behind. A target of zero is met.
    /// </summary>
    public static ProgressStatus Status(decimal done, decimal target, decimal expectedShare, decimal farBehindBelow)
    {
        if (target <= 0m || done >= target)
        {
            return ProgressStatus.Met;
        }
        var expected = target * expectedShare;
        if (done >= expected)
        {
            return ProgressStatus.OnTrack;
        }
        return done >= expected * farBehindBelow ? ProgressStatus.Behind : ProgressStatus.FarBehind;
    }

    /// <summary>How many more are needed to be back on pace (0 when on pace or met).</summary>
    public static decimal GapToPace(decimal done, decimal target, decimal expectedShare) =>
        Math.Max(0m, target * expectedShare - done);

    public static string ToApi(ProgressStatus s) => s switch
    {
        ProgressStatus.Met => "met",
        ProgressStatus.OnTrack => "onTrack",
        ProgressStatus.Behind => "behind",
        _ => "farBehind",
    };

    public static string Chinese(ProgressStatus s) => s switch
    {
        ProgressStatus.Met => "已完成",
        ProgressStatus.OnTrack => "进度正常",
        ProgressStatus.Behind => "落后",
        _ => "严重落后",
    };

    /// <summary>The worst of several statuses (a station is as far behind as its worst standard).</summary>
    public static ProgressStatus Worst(IEnumerable<ProgressStatus> statuses) =>
        statuses.DefaultIfEmpty(ProgressStatus.Met).Max();
}
