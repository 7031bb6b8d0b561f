using SocialWorkStation.Domain.Common;
using SocialWorkStation.Domain.Recipients;

namespace SocialWorkStation.Domain.Visits;

/// <summary>
/// How often recipients must be visited (定期巡访), as the profile sets it: each rule names recipient
/// categories and/or a lowest risk level and the most days allowed between visits. A recipient matching
/// several rules follows the strictest (fewest days). A recipient matching none has no schedule.
/// </summary>
public sealed record VisitSchedule
{
    public required Sourced<VisitIntervalRule[]> Intervals { get; init; }

    /// <summary>The rule a recipient follows, or null when no rule names their categories or risk level.</summary>
    public VisitIntervalRule? RuleFor(IEnumerable<RecipientCategory> categories, RiskLevel risk)
    {
        var set = categories.ToHashSet();
        return Intervals.Value.Where(r => r.Matches(set, risk)).OrderBy(r => r.Days).ThenByDescending(r => r.HomeVisitOnly).FirstOrDefault();
    }
}

/// <summary>
/// One interval rule. Categories are API names of <see cref="RecipientCategories"/>; a recipient matches
/// when they are in any of them or, with <see cref="MinRiskLevel"/>, when their risk is at least that.
/// With <see cref="HomeVisitOnly"/> a phone greeting does not count as the visit (上门服务).
/// </summary>
public sealed record VisitIntervalRule
{
    public required string Label { get; init; }
    public string[]? Categories { get; init; }
    public RiskLevel? MinRiskLevel { get; init; }
    public required int Days { get; init; }
    public bool HomeVisitOnly { get; init; }

    public IReadOnlyList<RecipientCategory> CategoryValues =>
        (Categories ?? []).Select(RecipientCategories.FromApi).OfType<RecipientCategory>().ToList();

    public bool Matches(IReadOnlySet<RecipientCategory> categories, RiskLevel risk) =>
        CategoryValues.Any(categories.Contains) || (MinRiskLevel is { } min && risk >= min);

    public bool IsValid =>
        Days > 0 && !string.IsNullOrWhiteSpace(Label) && (Categories is { Length: > 0 } || MinRiskLevel is not null)
        && (Categories ?? []).All(c => RecipientCategories.FromApi(c) is not null);
}
