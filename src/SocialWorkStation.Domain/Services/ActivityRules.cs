using SocialWorkStation.Domain.Common;

namespace SocialWorkStation.Domain.Services;

/// <summary>One activity as the counting rules see it.</summary>
public sealed record ActivityFact(DateOnly Date, int Participants, IReadOnlyCollection<ActivityKind> Kinds);

/// <summary>
/// Whether an activity counts toward the profile's township-activity standard, and the year's progress.
/// Qiongzhong（六）服务标准“乡镇工作”: at least 3 activities a station a year, each with at least 10
/// people, including social work publicity and volunteer advocacy.
/// </summary>
public static class ActivityRules
{
    /// <summary>
    /// Null when the profile sets no minimum (the standard is not tracked); otherwise whether the
    /// participant count reaches it. The minimum itself counts: "不少于10人" is met by exactly 10.
    /// </summary>
    public static bool? Counts(int participants, ServiceStandards? standards) =>
        standards?.ParticipantsPerActivity is { } min ? participants >= min.Value : null;

    /// <summary>The same decision explained for the page and the API, or null when not tracked.</summary>
    public static Finding? Explain(int participants, ServiceStandards? standards)
    {
        if (standards?.ParticipantsPerActivity is not { } min)
        {
            return null;
        }
        return participants >= min.Value
            ? Finding.Pass("activity.participants", $"参与{participants}人，达到每场不少于{min.Value}人的要求，计入年度活动数", min.Source)
            : Finding.Fail("activity.participants", $"参与{participants}人，不足每场{min.Value}人，不计入年度活动数", min.Source, Severity.Warning);
    }

    /// <summary>
    /// Progress of the period's activities: how many count, and for each required kind how many counted
    /// activities carry it. Activities outside [from, to] are ignored. Empty when the profile tracks nothing.
    /// </summary>
    public static IReadOnlyList<StandardProgress> Progress(IEnumerable<ActivityFact> activities, ServiceStandards? standards, DateOnly from, DateOnly to)
    {
        var result = new List<StandardProgress>();
        if (standards is null)
        {
            return result;
        }
        var inPeriod = activities.Where(a => a.Date >= from && a.Date <= to).ToList();
        // Without a per-activity minimum every activity counts.
        var counted = inPeriod.Where(a => Counts(a.Participants, standards) ?? true).ToList();
        var min = standards.ParticipantsPerActivity?.Value;
        var label = min is null ? "乡镇（社区）活动场次" : $"乡镇（社区）活动场次（每场不少于{min}人）";
        if (StandardProgress.Of("activities.count", label, counted.Count, standards.ActivitiesPerStation) is { } count)
        {
            result.Add(count);
        }
        if (standards.RequiredActivityKinds is { } kinds)
        {
            foreach (var api in kinds.Value)
            {
                if (ActivityKinds.FromApi(api) is not { } kind)
                {
                    continue;
                }
                var done = counted.Count(a => a.Kinds.Contains(kind));
                result.Add(new StandardProgress("activities.kind." + api, $"其中{ActivityKinds.Chinese(kind)}活动", done, 1, kinds.Source, kinds.Interpretation));
            }
        }
        return result;
    }
}
