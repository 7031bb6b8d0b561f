using SocialWorkStation.Domain.Common;

namespace SocialWorkStation.Domain.Evaluations;

/// <summary>Who scores (三方评分): the third-party evaluator, the county bureau, the township; the station in a self-evaluation.</summary>
public enum EvaluationParty
{
    Evaluator,
    Bureau,
    Township,
    Station,
}

/// <summary>
/// The kinds of round (评估轮次): mid-term and final each service year (Ledong 七（二）2, Shenmu art. 35, Wenzhou 八（一）),
/// Hunan's city inspection each quarter (三（二）), a station's self-evaluation (Wenzhou 五（四）, 八).
/// </summary>
public enum RoundKind
{
    MidTerm,
    Final,
    QuarterlyInspection,
    SelfEvaluation,
}

public static class EvaluationLabels
{
    public static string Chinese(EvaluationParty p) => p switch
    {
        EvaluationParty.Evaluator => "第三方评估机构",
        EvaluationParty.Bureau => "县民政局",
        EvaluationParty.Township => "乡镇（街道）",
        EvaluationParty.Station => "社工站自评",
        _ => p.ToString(),
    };

    public static string ToApi(EvaluationParty p) => p switch
    {
        EvaluationParty.Evaluator => "evaluator",
        EvaluationParty.Bureau => "bureau",
        EvaluationParty.Township => "township",
        EvaluationParty.Station => "station",
        _ => p.ToString(),
    };

    public static string Chinese(RoundKind k) => k switch
    {
        RoundKind.MidTerm => "中期评估",
        RoundKind.Final => "末期评估",
        RoundKind.QuarterlyInspection => "季度督查考核",
        RoundKind.SelfEvaluation => "站点自评",
        _ => k.ToString(),
    };

    public static string ToApi(RoundKind k) => k switch
    {
        RoundKind.MidTerm => "midTerm",
        RoundKind.Final => "final",
        RoundKind.QuarterlyInspection => "quarterlyInspection",
        RoundKind.SelfEvaluation => "selfEvaluation",
        _ => k.ToString(),
    };

    public static RoundKind? ParseKind(string? text) =>
        Enum.GetValues<RoundKind>().Cast<RoundKind?>().FirstOrDefault(k => string.Equals(ToApi(k!.Value), text, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One party's share of the composite, in percent (Ledong: 60/30/10).</summary>
public sealed record PartyWeight(EvaluationParty Party, decimal Weight);

/// <summary>One end of a grade band; <see cref="Inclusive"/> is the document's (含).</summary>
public sealed record ScoreBound(decimal Value, bool Inclusive);

/// <summary>A grade (评估等级) and the scores it covers; an absent end is open.</summary>
public sealed record GradeBand
{
    public required string Name { get; init; }
    public ScoreBound? Min { get; init; }
    public ScoreBound? Max { get; init; }

    public bool Contains(decimal score) =>
        (Min is null || score > Min.Value || (Min.Inclusive && score == Min.Value))
        && (Max is null || score < Max.Value || (Max.Inclusive && score == Max.Value));
}

/// <summary>File review sample (抽查): a share of a station's recipient files, at least <see cref="Min"/> and at most <see cref="Max"/>.</summary>
public sealed record SampleRule(decimal Share, int Min, int Max);

/// <summary>
/// A profile's evaluation rules (docs/requirements/evaluation.md): the rounds it asks for, who scores and with what
/// weight, the grade bands read exactly as written, the rounding precision (stated once, here), the file-review
/// sample and the default indicator tree. Weights or bands the document does not name are absent: the round then
/// shows each party's raw score and no composite or grade.
/// </summary>
public sealed record EvaluationRules
{
    public static readonly Sourced<int> DefaultPrecision = new(2, "平台默认（评估计分）",
        "各方得分与综合得分均保留两位小数，四舍五入一次后再判定等级。");

    public static readonly Sourced<SampleRule> DefaultSample = new(new SampleRule(0.1m, 5, 30), "平台默认（评估计分）",
        "资料查阅按站点服务对象档案数的10%随机抽取，至少5份、至多30份（不足5份全部抽取），随机种子与抽样结果留存，可复核。");

    public static readonly Sourced<decimal> DefaultWeakBelow = new(0.6m, "平台默认（文件未规定整改线）",
        "某项指标得分低于该项分值的60%，列为薄弱指标，可据此提出整改事项（乐东七（二）5“指导社工站制定整改措施”）。");

    /// <summary>The kinds of round the document asks for.</summary>
    public required Sourced<RoundKind[]> Rounds { get; init; }
    /// <summary>Who scores a mid-term or final round.</summary>
    public required Sourced<EvaluationParty[]> Scorers { get; init; }
    /// <summary>Each party's weight in percent, adding up to 100; absent when the document names none (raw scores).</summary>
    public Sourced<PartyWeight[]>? Weights { get; init; }
    /// <summary>Grade bands, highest first; absent when the document names none.</summary>
    public Sourced<GradeBand[]>? Grades { get; init; }
    /// <summary>The lowest grade that passes (续签: 合格及以上).</summary>
    public Sourced<string>? PassingFrom { get; init; }
    /// <summary>Decimal places of each party's score and of the composite (rounded half up once).</summary>
    public Sourced<int>? Precision { get; init; }
    public Sourced<SampleRule>? Sample { get; init; }
    /// <summary>Below this share of an indicator's points the indicator is weak and may raise a rectification item.</summary>
    public Sourced<decimal>? WeakBelow { get; init; }
    /// <summary>The tree a round uses when the county has loaded none.</summary>
    public required IndicatorTree DefaultTree { get; init; }

    public int Decimals => (Precision ?? DefaultPrecision).Value;
    public SampleRule SampleRule => (Sample ?? DefaultSample).Value;
    public decimal WeakShare => (WeakBelow ?? DefaultWeakBelow).Value;

    /// <summary>The parties who score a round of this kind: the station alone for a self-evaluation, the bureau for a city inspection.</summary>
    public EvaluationParty[] PartiesFor(RoundKind kind) => kind switch
    {
        RoundKind.SelfEvaluation => [EvaluationParty.Station],
        RoundKind.QuarterlyInspection => [EvaluationParty.Bureau],
        _ => Scorers.Value,
    };

    /// <summary>Whether a grade passes (is at or above <see cref="PassingFrom"/> in the band order).</summary>
    public bool? Passes(string? grade)
    {
        if (grade is null || Grades is null || PassingFrom is null) return null;
        var order = Grades.Value.Select(g => g.Name).ToList();
        var at = order.IndexOf(grade);
        var pass = order.IndexOf(PassingFrom.Value);
        return at >= 0 && pass >= 0 ? at <= pass : null;
    }
}

/// <summary>Checks of the evaluation part of a profile; messages name the field.</summary>
public static class EvaluationRulesValidation
{
    public static IEnumerable<(string Field, string Problem)> Problems(EvaluationRules r)
    {
        if (r.Rounds.Value.Length == 0) yield return ("evaluation.rounds", "至少应有一种评估轮次");
        if (r.Scorers.Value.Length == 0 || r.Scorers.Value.Distinct().Count() != r.Scorers.Value.Length) yield return ("evaluation.scorers", "评分方不能为空或重复");
        if (r.Weights is { } w)
        {
            var sum = w.Value.Sum(x => x.Weight);
            if (sum != 100m) yield return ("evaluation.weights", $"各方权重合计应为100，实为{sum:0.##}");
            if (w.Value.Any(x => x.Weight <= 0)) yield return ("evaluation.weights", "权重应大于0");
            if (!w.Value.Select(x => x.Party).ToHashSet().SetEquals(r.Scorers.Value)) yield return ("evaluation.weights", "权重应与评分方一一对应");
        }
        if (r.Grades is { } g)
        {
            foreach (var p in GradeProblems(g.Value)) yield return ("evaluation.grades", p);
        }
        if (r.PassingFrom is { } pf && (r.Grades is null || r.Grades.Value.All(x => x.Name != pf.Value)))
            yield return ("evaluation.passingFrom", "应为所列等级之一");
        if (r.Precision is { } pr && pr.Value is < 0 or > 4) yield return ("evaluation.precision", "小数位数应在0到4之间");
        if (r.Sample is { } s && (s.Value.Share is <= 0 or > 1 || s.Value.Min < 1 || s.Value.Max < s.Value.Min))
            yield return ("evaluation.sample", "抽样比例应在0到1之间，至少份数不小于1，至多份数不小于至少份数");
        if (r.WeakBelow is { } wb && wb.Value is <= 0 or >= 1) yield return ("evaluation.weakBelow", "应在0与1之间");
        string? treeProblem = null;
        try
        {
            IndicatorTreeValidation.Validate(r.DefaultTree);
        }
        catch (IndicatorTreeException ex)
        {
            treeProblem = ex.Message;
        }
        if (treeProblem is not null) yield return ("evaluation.defaultTree", treeProblem);
    }

    /// <summary>Bands highest first, each touching the next at one value that exactly one of the two includes; open at both ends.</summary>
    public static IEnumerable<string> GradeProblems(GradeBand[] bands)
    {
        if (bands.Length == 0)
        {
            yield return "至少应有一个等级";
            yield break;
        }
        if (bands[0].Max is not null) yield return $"最高等级 {bands[0].Name} 不应有上限";
        if (bands[^1].Min is not null) yield return $"最低等级 {bands[^1].Name} 不应有下限";
        for (var i = 0; i + 1 < bands.Length; i++)
        {
            var (upper, lower) = (bands[i], bands[i + 1]);
            if (upper.Min is null || lower.Max is null || upper.Min.Value != lower.Max.Value)
                yield return $"{upper.Name} 的下限应等于 {lower.Name} 的上限";
            else if (upper.Min.Inclusive == lower.Max.Inclusive)
                yield return $"{upper.Min.Value:0.##} 分应恰好属于 {upper.Name} 或 {lower.Name} 之一（含/不含）";
        }
    }
}

/// <summary>The evaluation rules as rows of the profile page.</summary>
public static class EvaluationEntries
{
    public static IEnumerable<Profiles.ProfileEntry> For(EvaluationRules? r)
    {
        if (r is null)
        {
            yield return new Profiles.ProfileEntry("evaluation", "评估：规则", null, null, null);
            yield break;
        }
        yield return Row("evaluation.rounds", "评估：轮次", string.Join("、", r.Rounds.Value.Select(EvaluationLabels.Chinese)), r.Rounds.Source, r.Rounds.Interpretation);
        yield return Row("evaluation.scorers", "评估：评分方", string.Join("、", r.Scorers.Value.Select(EvaluationLabels.Chinese)), r.Scorers.Source, r.Scorers.Interpretation);
        yield return r.Weights is { } w
            ? Row("evaluation.weights", "评估：综合得分权重", string.Join("、", w.Value.Select(x => $"{EvaluationLabels.Chinese(x.Party)}{x.Weight:0.##}%")), w.Source, w.Interpretation)
            : new Profiles.ProfileEntry("evaluation.weights", "评估：综合得分权重", null, null, null);
        yield return r.Grades is { } g
            ? Row("evaluation.grades", "评估：等级", string.Join("；", g.Value.Select(Describe)), g.Source, g.Interpretation)
            : new Profiles.ProfileEntry("evaluation.grades", "评估：等级", null, null, null);
        if (r.PassingFrom is { } pf) yield return Row("evaluation.passingFrom", "评估：合格线（续签）", pf.Value + "及以上", pf.Source, pf.Interpretation);
        var pr = r.Precision ?? EvaluationRules.DefaultPrecision;
        yield return Row("evaluation.precision", "评估：得分保留小数位数", pr.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), pr.Source, pr.Interpretation);
        var s = r.Sample ?? EvaluationRules.DefaultSample;
        yield return Row("evaluation.sample", "评估：档案抽查", $"{s.Value.Share:P0}，至少{s.Value.Min}份，至多{s.Value.Max}份", s.Source, s.Interpretation);
        var wb = r.WeakBelow ?? EvaluationRules.DefaultWeakBelow;
        yield return Row("evaluation.weakBelow", "评估：薄弱指标（可提出整改）", $"得分低于该项分值的{wb.Value:P0}", wb.Source, wb.Interpretation);
        var t = r.DefaultTree;
        yield return Row("evaluation.defaultTree", "评估：默认指标体系",
            $"{t.Name}（{t.Indicators.Length}个一级指标、{t.All().Count()}个指标，共{t.Total:0.##}分）", t.Source, t.Interpretation);
    }

    public static string Describe(GradeBand b)
    {
        static string End(ScoreBound x, string incl, string excl) => $"{x.Value:0.##}分{(x.Inclusive ? incl : excl)}";
        return (b.Min, b.Max) switch
        {
            ({ } min, null) => $"{End(min, "（含）以上", "以上")}为{b.Name}",
            (null, { } max) => $"{End(max, "（含）以下", "以下")}为{b.Name}",
            ({ } min, { } max) => $"{End(min, "（含）", "（不含）")}至{End(max, "（含）", "（不含）")}为{b.Name}",
            _ => b.Name,
        };
    }

    private static Profiles.ProfileEntry Row(string path, string label, string value, string source, string? interpretation) =>
        new(path, label, value, source, interpretation);
}
