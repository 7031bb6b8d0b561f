using System.Globalization;
using System.Text.RegularExpressions;

namespace SocialWorkStation.Domain.Evaluations;

/// <summary>One data row of an imported indicator sheet, as text, with its Excel row number (the header is row 1).</summary>
public sealed record TreeImportRow(int Row, string? Code, string? ParentCode, string? Name, string? Points, string? Methods, string? LooksAt, string? Fact);

/// <summary>One problem in an imported sheet: the Excel row and the column (by its Chinese header), and what is wrong.</summary>
public sealed record TreeImportError(int Row, string Column, string Message)
{
    public override string ToString() => Row > 0 ? $"第 {Row} 行「{Column}」：{Message}" : Column.Length > 0 ? $"「{Column}」：{Message}" : Message;
}

/// <summary>
/// Reads a county's own indicator tree from the rows of its sheet (docs/requirements/evaluation.md §2a): columns 编码,
/// 上级编码, 名称, 分值, 评估方法, 评估内容, 数据关联. Every row is checked and every problem is returned with its row and
/// column, not only the first; the children's points must add up to their parent's and the first level to the
/// declared total, each refusal naming the row of the indicator at fault.
/// </summary>
public static partial class IndicatorTreeImport
{
    public const string CCode = "编码", CParent = "上级编码", CName = "名称", CPoints = "分值", CMethods = "评估方法", CLooksAt = "评估内容", CFact = "数据关联";
    public static readonly IReadOnlyList<string> Columns = [CCode, CParent, CName, CPoints, CMethods, CLooksAt, CFact];
    public const int MaxCode = 40, MaxName = 200, MaxLooksAt = 1000;

    [GeneratedRegex(@"^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$")]
    private static partial Regex CodePattern();

    private static readonly char[] MethodSeparators = ['、', ',', '，', ';', '；', '/', '／', ' ', '　'];

    private sealed record Parsed(TreeImportRow Source, string Code, string? Parent, string Name, decimal? Points, EvaluationMethod[] Methods, string? LooksAt, string? Fact);

    /// <summary>The tree, or every problem found; a tree is returned only when there is none.</summary>
    public static (IndicatorTree? Tree, IReadOnlyList<TreeImportError> Errors) Build(string name, decimal total, string source, IReadOnlyList<TreeImportRow> rows)
    {
        var errors = new List<TreeImportError>();
        if (rows.Count == 0)
        {
            errors.Add(new TreeImportError(0, "", "表中没有指标"));
            return (null, errors);
        }
        var parsed = new List<Parsed>();
        var byCode = new Dictionary<string, Parsed>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            var code = r.Code?.Trim() ?? "";
            var ok = true;
            if (code.Length == 0) { errors.Add(new(r.Row, CCode, "编码不能为空")); ok = false; }
            else if (code.Length > MaxCode) { errors.Add(new(r.Row, CCode, $"编码不能超过{MaxCode}个字符")); ok = false; }
            else if (!CodePattern().IsMatch(code)) { errors.Add(new(r.Row, CCode, $"编码“{code}”应为以点分隔的数字或字母，如 1、1.2、1.2.3")); ok = false; }
            else if (byCode.TryGetValue(code, out var first)) { errors.Add(new(r.Row, CCode, $"编码“{code}”与第 {first.Source.Row} 行重复")); ok = false; }

            var indicatorName = r.Name?.Trim() ?? "";
            if (indicatorName.Length == 0) errors.Add(new(r.Row, CName, "名称不能为空"));
            else if (indicatorName.Length > MaxName) errors.Add(new(r.Row, CName, $"名称不能超过{MaxName}个字"));

            decimal? points = null;
            var pointsText = r.Points?.Trim() ?? "";
            if (pointsText.Length == 0) errors.Add(new(r.Row, CPoints, "分值不能为空"));
            else if (!decimal.TryParse(pointsText, NumberStyles.Number, CultureInfo.InvariantCulture, out var p)) errors.Add(new(r.Row, CPoints, $"“{pointsText}”不是数字"));
            else if (p <= 0) errors.Add(new(r.Row, CPoints, "分值应大于0"));
            else if (decimal.Round(p, 2) != p) errors.Add(new(r.Row, CPoints, "分值最多保留两位小数"));
            else points = p;

            var methods = new List<EvaluationMethod>();
            foreach (var part in (r.Methods ?? "").Split(MethodSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (EvaluationMethods.Parse(part) is { } m) { if (!methods.Contains(m)) methods.Add(m); }
                else errors.Add(new(r.Row, CMethods, $"“{part}”不是可用的评估方法（可用：{string.Join("、", Enum.GetValues<EvaluationMethod>().Select(EvaluationMethods.Chinese))}）"));
            }

            var looksAt = string.IsNullOrWhiteSpace(r.LooksAt) ? null : r.LooksAt.Trim();
            if (looksAt is { Length: > MaxLooksAt }) errors.Add(new(r.Row, CLooksAt, $"评估内容不能超过{MaxLooksAt}个字"));

            string? fact = null;
            if (!string.IsNullOrWhiteSpace(r.Fact))
            {
                fact = EvaluationFacts.Parse(r.Fact);
                if (fact is null)
                    errors.Add(new(r.Row, CFact, $"“{r.Fact.Trim()}”不是平台数据（可用：{string.Join("、", EvaluationFacts.Keys.Select(k => $"{EvaluationFacts.Chinese(k)}（{k}）"))}）"));
            }

            if (!ok) continue;
            // The parent is the code before its last dot; a filled 上级编码 must say the same.
            var dot = code.LastIndexOf('.');
            var parent = dot < 0 ? null : code[..dot];
            var given = string.IsNullOrWhiteSpace(r.ParentCode) ? null : r.ParentCode.Trim();
            if (given is not null && given != parent)
            {
                errors.Add(new(r.Row, CParent, parent is null
                    ? $"编码“{code}”是一级指标，上级编码应留空（填写的是“{given}”）"
                    : $"编码“{code}”的上级编码应为“{parent}”（填写的是“{given}”）"));
            }
            var item = new Parsed(r, code, parent, indicatorName, points, [.. methods], looksAt, fact);
            parsed.Add(item);
            byCode[code] = item;
        }

        var children = parsed.Where(x => x.Parent is not null).GroupBy(x => x.Parent!).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var x in parsed.Where(x => x.Parent is not null && !byCode.ContainsKey(x.Parent!)))
        {
            errors.Add(new(x.Source.Row, string.IsNullOrWhiteSpace(x.Source.ParentCode) ? CCode : CParent, $"上级指标“{x.Parent}”不在表中"));
        }
        // Points: each parent against its children, then the first level against the declared total.
        foreach (var x in parsed)
        {
            if (!children.TryGetValue(x.Code, out var kids) || x.Points is not { } own || kids.Any(k => k.Points is null)) continue;
            var sum = kids.Sum(k => k.Points!.Value);
            if (sum != own)
            {
                errors.Add(new(x.Source.Row, CPoints,
                    $"下级指标（第 {string.Join("、", kids.Select(k => k.Source.Row))} 行）分值合计 {sum:0.##} 分，与本指标“{x.Code} {x.Name}”的 {own:0.##} 分不一致"));
            }
        }
        var roots = parsed.Where(x => x.Parent is null).ToList();
        if (roots.Count == 0)
        {
            errors.Add(new(0, CCode, "表中没有一级指标（编码不含点的指标，如 1、2、3）"));
        }
        else if (roots.All(x => x.Points is not null))
        {
            var sum = roots.Sum(x => x.Points!.Value);
            if (sum != total)
            {
                errors.Add(new(roots[^1].Source.Row, CPoints,
                    $"一级指标（第 {string.Join("、", roots.Select(k => k.Source.Row))} 行）分值合计 {sum:0.##} 分，应为总分 {total:0.##} 分"));
            }
        }
        if (errors.Count > 0)
        {
            return (null, errors.OrderBy(e => e.Row).ToList());
        }

        Indicator Make(Parsed x) => new()
        {
            Code = x.Code, Name = x.Name, Points = x.Points!.Value, LooksAt = x.LooksAt, Methods = x.Methods, Fact = x.Fact,
            Children = children.TryGetValue(x.Code, out var kids) ? [.. kids.Select(Make)] : [],
        };
        var tree = new IndicatorTree { Name = name, Total = total, Source = source, Indicators = [.. roots.Select(Make)] };
        try
        {
            IndicatorTreeValidation.Validate(tree);
        }
        catch (IndicatorTreeException ex)
        {
            var row = byCode.TryGetValue(ex.Indicator.Split(' ')[0], out var at) ? at.Source.Row : 0;
            return (null, [new TreeImportError(row, "", ex.Message)]);
        }
        return (tree, []);
    }
}
