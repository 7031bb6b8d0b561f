namespace SocialWorkStation.Domain.Evaluations;

/// <summary>How an evaluator checks an indicator (Ledong 七（二）3: 资料分析、问卷调查、电访面谈、实地察看).</summary>
public enum EvaluationMethod
{
    FileReview,
    Questionnaire,
    PhoneInterview,
    FaceToFaceInterview,
    SiteVisit,
}

public static class EvaluationMethods
{
    public static string Chinese(EvaluationMethod m) => m switch
    {
        EvaluationMethod.FileReview => "资料查阅",
        EvaluationMethod.Questionnaire => "问卷调查",
        EvaluationMethod.PhoneInterview => "电话访谈",
        EvaluationMethod.FaceToFaceInterview => "面谈",
        EvaluationMethod.SiteVisit => "实地察看",
        _ => m.ToString(),
    };

    public static string ToApi(EvaluationMethod m) => m switch
    {
        EvaluationMethod.FileReview => "fileReview",
        EvaluationMethod.Questionnaire => "questionnaire",
        EvaluationMethod.PhoneInterview => "phoneInterview",
        EvaluationMethod.FaceToFaceInterview => "faceToFaceInterview",
        EvaluationMethod.SiteVisit => "siteVisit",
        _ => m.ToString(),
    };

    /// <summary>Reads a method from its API name or its Chinese label (as written in an imported sheet).</summary>
    public static EvaluationMethod? Parse(string text)
    {
        var t = text.Trim();
        foreach (var m in Enum.GetValues<EvaluationMethod>())
        {
            if (string.Equals(ToApi(m), t, StringComparison.OrdinalIgnoreCase) || Chinese(m) == t) return m;
        }
        return t switch
        {
            "资料分析" or "查阅资料" or "资料审查" => EvaluationMethod.FileReview,
            "电访" or "电话回访" => EvaluationMethod.PhoneInterview,
            "访谈" or "面访" or "座谈" => EvaluationMethod.FaceToFaceInterview,
            "实地查看" or "现场察看" or "现场查看" => EvaluationMethod.SiteVisit,
            "问卷" => EvaluationMethod.Questionnaire,
            _ => null,
        };
    }
}

/// <summary>
/// One indicator (评估指标) of a tree, at any depth: its points, what the evaluator looks at, how, and where the
/// platform already holds facts for it (<see cref="Fact"/>, a key of <see cref="EvaluationFacts"/>).
/// A leaf is scored; a parent's points are the sum of its children's (docs/requirements/evaluation.md §2).
/// </summary>
public sealed record Indicator
{
    /// <summary>Dotted position, unique in the tree: "1", "1.2", "1.2.3".</summary>
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required decimal Points { get; init; }
    /// <summary>What the evaluator looks at (评估要点 / 评分标准).</summary>
    public string? LooksAt { get; init; }
    public EvaluationMethod[] Methods { get; init; } = [];
    /// <summary>Link to the platform's own facts (progress, staffing, premises …); null when the platform holds none.</summary>
    public string? Fact { get; init; }
    /// <summary>The clause of the profile's document the indicator checks, or why it is a platform default.</summary>
    public string? Source { get; init; }
    public Indicator[] Children { get; init; } = [];

    public bool IsLeaf => Children.Length == 0;

    /// <summary>This indicator and all below it, depth first.</summary>
    public IEnumerable<Indicator> Walk()
    {
        yield return this;
        foreach (var c in Children)
        {
            foreach (var d in c.Walk()) yield return d;
        }
    }
}

/// <summary>An indicator tree (评估指标体系): the indicators and the total they add up to (100, or 1,000 for some counties).</summary>
public sealed record IndicatorTree
{
    public required string Name { get; init; }
    /// <summary>The points of the whole tree; each party's score is read out of this and scaled to 100.</summary>
    public decimal Total { get; init; } = 100m;
    /// <summary>Where the tree comes from (a county standard, a document clause), or 平台默认.</summary>
    public required string Source { get; init; }
    /// <summary>Set when the tree is a platform default: why it looks as it does.</summary>
    public string? Interpretation { get; init; }
    public required Indicator[] Indicators { get; init; }

    public IEnumerable<Indicator> All() => Indicators.SelectMany(i => i.Walk());

    public IEnumerable<Indicator> Leaves() => All().Where(i => i.IsLeaf);

    public Indicator? Find(string code) => All().FirstOrDefault(i => i.Code == code);

    /// <summary>The first-level indicator a code lies under ("3.2.1" → "3").</summary>
    public Indicator? AreaOf(string code) => Indicators.FirstOrDefault(a => code == a.Code || code.StartsWith(a.Code + ".", StringComparison.Ordinal));
}

/// <summary>A tree that cannot be used; <see cref="Indicator"/> names the indicator (its code and name) at fault.</summary>
public sealed class IndicatorTreeException(string indicator, string problem) : Exception($"指标 {indicator}：{problem}")
{
    public string Indicator { get; } = indicator;
    public string Problem { get; } = problem;
}

/// <summary>The checks a tree passes before it is stored or used (docs/requirements/evaluation.md §2).</summary>
public static class IndicatorTreeValidation
{
    /// <summary>Throws <see cref="IndicatorTreeException"/> naming the first indicator at fault.</summary>
    public static void Validate(IndicatorTree tree)
    {
        if (string.IsNullOrWhiteSpace(tree.Name)) throw new IndicatorTreeException("（指标体系）", "名称不能为空");
        if (tree.Total <= 0) throw new IndicatorTreeException("（指标体系）", "总分应大于0");
        if (tree.Indicators.Length == 0) throw new IndicatorTreeException("（指标体系）", "至少应有一个一级指标");
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in tree.All())
        {
            var label = Label(i);
            if (string.IsNullOrWhiteSpace(i.Code)) throw new IndicatorTreeException(label, "编号不能为空");
            if (!codes.Add(i.Code)) throw new IndicatorTreeException(label, "编号重复");
            if (string.IsNullOrWhiteSpace(i.Name)) throw new IndicatorTreeException(label, "名称不能为空");
            if (i.Points <= 0) throw new IndicatorTreeException(label, "分值应大于0");
            if (decimal.Round(i.Points, 2) != i.Points) throw new IndicatorTreeException(label, "分值最多保留两位小数");
            if (i.Fact is { } fact && !EvaluationFacts.Keys.Contains(fact))
                throw new IndicatorTreeException(label, $"关联的平台数据 {fact} 不存在（可用：{string.Join("、", EvaluationFacts.Keys)}）");
            if (!i.IsLeaf)
            {
                var sum = i.Children.Sum(c => c.Points);
                if (sum != i.Points)
                    throw new IndicatorTreeException(label, $"下级指标分值合计 {sum:0.##} 分，与本指标 {i.Points:0.##} 分不一致");
            }
        }
        var total = tree.Indicators.Sum(i => i.Points);
        if (total != tree.Total)
        {
            var last = tree.Indicators[^1];
            throw new IndicatorTreeException("（一级指标合计）", $"一级指标分值合计 {total:0.##} 分，应为总分 {tree.Total:0.##} 分（最后一个一级指标：{Label(last)}）");
        }
    }

    public static string Label(Indicator i) => $"{i.Code} {i.Name}".Trim();
}

/// <summary>
/// The platform facts an indicator may link to. Each key is filled by a provider in the web app from the station's
/// records and frozen at the round's close (docs/requirements/evaluation.md §5).
/// </summary>
public static class EvaluationFacts
{
    public const string Progress = "progress";
    public const string Staffing = "staffing";
    public const string Premises = "premises";
    public const string Funds = "funds";
    public const string Archives = "archives";
    public const string ContractorChecks = "contractorChecks";
    public const string Reports = "reports";
    public const string Volunteers = "volunteers";

    public static readonly IReadOnlyList<string> Keys = [Progress, Staffing, Premises, Funds, Archives, ContractorChecks, Reports, Volunteers];

    /// <summary>Reads a fact key from its API name or its Chinese label (as written in an imported sheet); null when unknown.</summary>
    public static string? Parse(string text)
    {
        var t = text.Trim();
        return Keys.FirstOrDefault(k => string.Equals(k, t, StringComparison.OrdinalIgnoreCase) || Chinese(k) == t);
    }

    public static string Chinese(string key) => key switch
    {
        Progress => "服务标准进度",
        Staffing => "人员配备检查",
        Premises => "场地设施检查",
        Funds => "资金执行",
        Archives => "服务档案",
        ContractorChecks => "项目经理检查",
        Reports => "报告报送",
        Volunteers => "志愿服务",
        _ => key,
    };
}
