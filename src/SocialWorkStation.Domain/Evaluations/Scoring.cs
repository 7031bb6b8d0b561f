namespace SocialWorkStation.Domain.Evaluations;

/// <summary>One party's total over a tree: the raw points and the score out of 100, rounded to the profile's precision.</summary>
public sealed record PartyScore(EvaluationParty Party, decimal Raw, decimal OutOf100);

/// <summary>A station's result in a round: each party's score, and where the profile names them, the composite and grade.</summary>
public sealed record RoundResult(IReadOnlyList<PartyScore> Parties, decimal? Composite, string? Grade, bool? Passes)
{
    /// <summary>What the ranking reads: the composite, or for a single-party round that party's score; null for raw multi-party results.</summary>
    public decimal? RankingScore => Composite ?? (Parties.Count == 1 ? Parties[0].OutOf100 : null);
}

/// <summary>
/// Evaluation arithmetic (docs/requirements/evaluation.md §4): each party's raw points scaled to 100 and rounded half up
/// once to the profile's precision; the composite is the weighted sum of those rounded scores, rounded once; the grade
/// is read from the rounded composite with the bands exactly as written. No weights in the profile: no composite.
/// </summary>
public static class Scoring
{
    public static decimal Round(decimal value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    /// <summary>A party's raw total (sum of its leaf scores) scaled to 100 for a tree of <paramref name="treeTotal"/> points.</summary>
    public static PartyScore Party(EvaluationParty party, decimal raw, decimal treeTotal, int decimals) =>
        new(party, raw, Round(raw * 100m / treeTotal, decimals));

    public static RoundResult Result(EvaluationRules rules, IReadOnlyDictionary<EvaluationParty, decimal> rawByParty, decimal treeTotal)
    {
        var decimals = rules.Decimals;
        var parties = rawByParty.OrderBy(p => p.Key).Select(p => Party(p.Key, p.Value, treeTotal, decimals)).ToList();
        decimal? composite = null;
        var byParty = parties.ToDictionary(p => p.Party, p => p.OutOf100);
        if (rules.Weights is { } weights && weights.Value.All(w => byParty.ContainsKey(w.Party)))
        {
            composite = Round(weights.Value.Sum(w => byParty[w.Party] * w.Weight / 100m), decimals);
        }
        // A single-party round (self-evaluation, city inspection) is graded on that party's score.
        var gradeScore = composite ?? (parties.Count == 1 ? parties[0].OutOf100 : null);
        var grade = gradeScore is { } s ? GradeOf(rules, s) : null;
        return new RoundResult(parties, composite, grade, rules.Passes(grade));
    }

    /// <summary>The band a score falls in, or null when the profile names no bands.</summary>
    public static string? GradeOf(EvaluationRules rules, decimal score) =>
        rules.Grades?.Value.FirstOrDefault(b => b.Contains(score))?.Name;

    /// <summary>Ranks results within a county: 1 for the highest, equal scores share a rank (1, 2, 2, 4); no score, no rank.</summary>
    public static IReadOnlyDictionary<T, int?> Rank<T>(IReadOnlyDictionary<T, decimal?> scores) where T : notnull
    {
        var ranks = new Dictionary<T, int?>();
        foreach (var (key, score) in scores)
        {
            ranks[key] = score is { } s ? 1 + scores.Values.Count(o => o is { } x && x > s) : null;
        }
        return ranks;
    }

    /// <summary>Whether a leaf scored below the weak share of its points (a candidate for rectification).</summary>
    public static bool IsWeak(EvaluationRules rules, decimal points, decimal scored) => scored < points * rules.WeakShare;
}
