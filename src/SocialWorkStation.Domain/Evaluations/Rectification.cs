namespace SocialWorkStation.Domain.Evaluations;

/// <summary>Where a rectification item (整改事项) stands: raised and open, reported done by the station, closed by the bureau's re-check.</summary>
public enum RectificationStatus
{
    /// <summary>待整改: raised, or returned by the re-check.</summary>
    Open = 0,
    /// <summary>待复核: the station recorded what it did and waits for the bureau's re-check.</summary>
    Reported = 1,
    /// <summary>已整改（合格）: the re-check found it done; it no longer changes.</summary>
    Closed = 2,
}

/// <summary>What happened to an item, one row each in its history (kept whole: a returned report stays in it).</summary>
public enum RectificationStep
{
    Raised = 0,
    Reported = 1,
    Returned = 2,
    Closed = 3,
}

/// <summary>
/// Rectification rules (整改, docs/requirements/evaluation.md §8; Ledong 七、（二）5 评估结果运用: results drive 整改):
/// which step is allowed from which status, and when an item is overdue — its due date has passed and it is not closed;
/// on the due day itself it is on time (China's calendar day, read by the caller).
/// </summary>
public static class RectificationRules
{
    public static bool Overdue(DateOnly dueOn, RectificationStatus status, DateOnly today) =>
        status != RectificationStatus.Closed && today > dueOn;

    /// <summary>The station reports what it did on an open item (a returned item is open again).</summary>
    public static bool CanReport(RectificationStatus status) => status == RectificationStatus.Open;

    /// <summary>The bureau re-checks a reported item: closes it (合格) or returns it (not done, stays open).</summary>
    public static bool CanReview(RectificationStatus status) => status == RectificationStatus.Reported;

    public static string ToApi(RectificationStatus s) => s switch
    {
        RectificationStatus.Open => "open",
        RectificationStatus.Reported => "reported",
        _ => "closed",
    };

    public static string Chinese(RectificationStatus s) => s switch
    {
        RectificationStatus.Open => "待整改",
        RectificationStatus.Reported => "待复核",
        _ => "已整改（合格）",
    };

    public static string ToApi(RectificationStep s) => s switch
    {
        RectificationStep.Raised => "raised",
        RectificationStep.Reported => "reported",
        RectificationStep.Returned => "returned",
        _ => "closed",
    };

    public static string Chinese(RectificationStep s) => s switch
    {
        RectificationStep.Raised => "提出整改",
        RectificationStep.Reported => "报告整改情况",
        RectificationStep.Returned => "复核退回",
        _ => "复核合格",
    };
}
