namespace SocialWorkStation.Domain.Evaluations;

/// <summary>
/// A party's score sheet (三方评分, docs/requirements/evaluation.md §6): points per leaf indicator, from 0 to the leaf's
/// points, with at most the profile's precision in decimals; complete when every leaf is scored.
/// </summary>
public static class ScoreSheetRules
{
    /// <summary>What is wrong with giving <paramref name="points"/> to <paramref name="indicator"/>, naming its code; null when allowed.</summary>
    public static string? PointsProblem(Indicator indicator, decimal points, int decimals)
    {
        var label = IndicatorTreeValidation.Label(indicator);
        if (!indicator.IsLeaf) return $"指标 {label} 不是末级指标，只对末级指标评分";
        if (points < 0) return $"指标 {label} 的得分不能为负数";
        if (points > indicator.Points) return $"指标 {label} 满分 {indicator.Points:0.##} 分，得分不能超过满分（填写了 {points:0.####} 分）";
        if (Scoring.Round(points, decimals) != points) return $"指标 {label} 的得分最多保留{decimals}位小数";
        return null;
    }

    /// <summary>The leaves of the tree not yet scored, in tree order.</summary>
    public static IReadOnlyList<Indicator> Unscored(IndicatorTree tree, IEnumerable<string> scoredCodes)
    {
        var scored = scoredCodes.ToHashSet(StringComparer.Ordinal);
        return tree.Leaves().Where(l => !scored.Contains(l.Code)).ToList();
    }
}

/// <summary>One station's submitted sheets in a round: each party's raw points (the sum of its leaf scores).</summary>
public sealed record StationRaw<TStation>(TStation Station, IReadOnlyDictionary<EvaluationParty, decimal> RawByParty);

/// <summary>A station's frozen result: the round result and the rank within the county (null where nothing ranks).</summary>
public sealed record StationResult<TStation>(TStation Station, RoundResult Result, int? Rank);

/// <summary>
/// Closing a round (结束评估, docs/requirements/evaluation.md §7): every party must have submitted every station's sheet;
/// then each station's result goes through <see cref="Scoring.Result"/> and the stations are ranked in the county.
/// </summary>
public static class RoundClosing
{
    /// <summary>The (station, party) pairs that have no submitted sheet, stations in the given order, parties in round order.</summary>
    public static IReadOnlyList<(TStation Station, EvaluationParty Party)> Missing<TStation>(
        IEnumerable<TStation> stations, IReadOnlyList<EvaluationParty> parties, Func<TStation, EvaluationParty, bool> submitted) =>
        stations.SelectMany(s => parties.Where(p => !submitted(s, p)).Select(p => (s, p))).ToList();

    public static IReadOnlyList<StationResult<TStation>> Results<TStation>(EvaluationRules rules, decimal treeTotal, IReadOnlyList<StationRaw<TStation>> stations)
        where TStation : notnull
    {
        var results = stations.Select(s => (s.Station, Result: Scoring.Result(rules, s.RawByParty, treeTotal))).ToList();
        var ranks = Scoring.Rank(results.ToDictionary(r => r.Station, r => r.Result.RankingScore));
        return results.Select(r => new StationResult<TStation>(r.Station, r.Result, ranks[r.Station])).ToList();
    }
}
