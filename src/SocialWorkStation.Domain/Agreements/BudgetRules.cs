using SocialWorkStation.Domain.Common;
using SocialWorkStation.Domain.Platforms;

namespace SocialWorkStation.Domain.Agreements;

/// <summary>Where a budget line's money comes from (资金来源; Hunan 五、（二）, Shenmu 第七条, Wenzhou 落实经费保障).</summary>
public enum FundingSource { SocialAssistance = 1, WelfareLottery = 2, FiscalBudget = 3, CityConstructionSubsidy = 4, Charity = 5 }

/// <summary>What a profile's overspending does: refused (422) or accepted and flagged.</summary>
public enum OverspendPolicy { Refuse = 1, Flag = 2 }

/// <summary>A budget category (预算科目) a profile uses, with the standard amount per station where the document fixes one.</summary>
public sealed record BudgetCategory(string Key, string Name, decimal? StandardAmount = null);

/// <summary>Money that may be spent only on some categories (Wenzhou: the city's construction subsidy only on facilities and equipment).</summary>
public sealed record FundRestriction(FundingSource Source, string[] AllowedCategories, string Description);

/// <summary>
/// A profile's budget rules (docs/requirements/agreements.md §5). Absent: the platform default categories (service fee,
/// operations) without standard amounts, overspending refused.
/// </summary>
public sealed record BudgetRules
{
    /// <summary>The categories a station budget's lines use (Qiongzhong 采购预算; Wenzhou (四)经费保障).</summary>
    public required Sourced<BudgetCategory[]> Categories { get; init; }
    /// <summary>The standard total per station (Qiongzhong: 212,000); a different total is flagged.</summary>
    public Sourced<decimal>? StationStandardTotal { get; init; }
    /// <summary>The least a county centre (总站) budgets a year (Shenmu 第七条: 300,000); less is flagged.</summary>
    public Sourced<decimal>? CountyCentreMinimum { get; init; }
    /// <summary>Restricted money (Wenzhou 九、（三）落实经费保障).</summary>
    public Sourced<FundRestriction[]>? Restrictions { get; init; }
    /// <summary>What overspending a line does; absent: refused (平台默认).</summary>
    public Sourced<OverspendPolicy>? Overspend { get; init; }
}

public static class BudgetRulesValidation
{
    public static IEnumerable<(string Field, string Problem)> Problems(BudgetRules r)
    {
        if (string.IsNullOrWhiteSpace(r.Categories.Source)) yield return ("budgets.categories.source", "缺少出处（文件与条款）");
        if (r.Categories.Value.Length == 0 || r.Categories.Value.Any(c => string.IsNullOrWhiteSpace(c.Key) || string.IsNullOrWhiteSpace(c.Name) || c.StandardAmount < 0)
            || r.Categories.Value.Select(c => c.Key).Distinct(StringComparer.Ordinal).Count() != r.Categories.Value.Length)
            yield return ("budgets.categories.value", "每项须有不重复的 key 和名称，标准金额不能为负");
        if (r.StationStandardTotal is { } t && (string.IsNullOrWhiteSpace(t.Source) || t.Value <= 0)) yield return ("budgets.stationStandardTotal", "须为正数并注明出处");
        if (r.CountyCentreMinimum is { } m && (string.IsNullOrWhiteSpace(m.Source) || m.Value <= 0)) yield return ("budgets.countyCentreMinimum", "须为正数并注明出处");
        if (r.Restrictions is { } rs)
        {
            if (string.IsNullOrWhiteSpace(rs.Source)) yield return ("budgets.restrictions.source", "缺少出处（文件与条款）");
            var keys = r.Categories.Value.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
            if (rs.Value.Any(x => x.AllowedCategories.Length == 0 || x.AllowedCategories.Any(c => !keys.Contains(c)) || string.IsNullOrWhiteSpace(x.Description)))
                yield return ("budgets.restrictions.value", "限定用途须列出已有的预算科目并说明");
        }
        if (r.Overspend is { Source: var os } && string.IsNullOrWhiteSpace(os)) yield return ("budgets.overspend.source", "缺少出处（文件与条款）");
    }
}

/// <summary>A line as the rules see it.</summary>
public sealed record BudgetLineFacts(string Category, FundingSource Source, decimal Amount);

/// <summary>Pure budget and spending checks; every message names the clause or says 平台默认.</summary>
public static class BudgetChecks
{
    public static readonly BudgetRules Default = new()
    {
        Categories = new Sourced<BudgetCategory[]>([new("serviceFee", "服务费"), new("operations", "运营经费"), new("other", "其他")],
            "平台默认（文件未规定预算科目）", "文件未规定预算科目，平台默认服务费、运营经费、其他三类。"),
    };

    public static readonly Sourced<OverspendPolicy> DefaultOverspend = new(OverspendPolicy.Refuse, "平台默认（文件未规定超支处理）",
        "文件未规定超预算支出如何处理，平台默认：某预算科目经审批的支出合计不得超过该科目预算金额。");

    public static string FundingName(FundingSource s) => s switch
    {
        FundingSource.SocialAssistance => "社会救助资金",
        FundingSource.WelfareLottery => "福彩公益金",
        FundingSource.FiscalBudget => "财政预算",
        FundingSource.CityConstructionSubsidy => "市级建设补助",
        FundingSource.Charity => "慈善资金",
        _ => "其他",
    };

    /// <summary>Flags on a station budget: standard amounts (Qiongzhong), the county centre's minimum (Shenmu), restricted money on a line it may not pay.</summary>
    public static IReadOnlyList<string> Flags(BudgetRules rules, string profileShortName, PlatformKind stationKind, IReadOnlyList<BudgetLineFacts> lines)
    {
        var flags = new List<string>();
        var total = lines.Sum(l => l.Amount);
        foreach (var c in rules.Categories.Value.Where(c => c.StandardAmount is not null))
        {
            var sum = lines.Where(l => l.Category == c.Key).Sum(l => l.Amount);
            if (sum != c.StandardAmount)
                flags.Add($"“{c.Name}”预算{Yuan(sum)}元，与标准{Yuan(c.StandardAmount!.Value)}元不一致（{profileShortName} {rules.Categories.Source}）");
        }
        if (rules.StationStandardTotal is { } std && total != std.Value)
            flags.Add($"站点预算合计{Yuan(total)}元，与每站标准{Yuan(std.Value)}元不一致（{profileShortName} {std.Source}）");
        if (rules.CountyCentreMinimum is { } min && stationKind == PlatformKind.CountyCentre && total < min.Value)
            flags.Add($"总站年度预算{Yuan(total)}元，低于{Yuan(min.Value)}元（{profileShortName} {min.Source}）");
        foreach (var l in lines)
        {
            if (RestrictionProblem(rules, profileShortName, l) is { } p) flags.Add(p);
        }
        return flags;
    }

    /// <summary>Null when the line's money may pay for its category; otherwise why not, naming the clause.</summary>
    public static string? RestrictionProblem(BudgetRules rules, string profileShortName, BudgetLineFacts line)
    {
        if (rules.Restrictions is not { } rs) return null;
        var r = rs.Value.FirstOrDefault(x => x.Source == line.Source);
        if (r is null || r.AllowedCategories.Contains(line.Category, StringComparer.Ordinal)) return null;
        var category = rules.Categories.Value.FirstOrDefault(c => c.Key == line.Category)?.Name ?? line.Category;
        return $"{FundingName(line.Source)}{r.Description}，不能用于“{category}”（{profileShortName} {rs.Source}）";
    }

    /// <summary>
    /// Whether approving <paramref name="amount"/> on a line whose approved spending is already <paramref name="approved"/>
    /// overspends it: (refused, message) — refused under the Refuse policy, otherwise a flag.
    /// </summary>
    public static (bool Refused, string Message)? Overspend(BudgetRules rules, string profileShortName, string lineName, decimal lineAmount, decimal approved, decimal amount)
    {
        if (approved + amount <= lineAmount) return null;
        var policy = rules.Overspend ?? DefaultOverspend;
        var source = policy.Source.StartsWith("平台默认", StringComparison.Ordinal) ? policy.Source : $"{profileShortName} {policy.Source}";
        var message = $"“{lineName}”预算{Yuan(lineAmount)}元，已审批支出{Yuan(approved)}元，再支出{Yuan(amount)}元将超出预算{Yuan(approved + amount - lineAmount)}元（{source}）";
        return (policy.Value == OverspendPolicy.Refuse, message);
    }

    public static string Yuan(decimal v) => v.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>执行率: approved spending ÷ budget, exact; rounded once, for display only.</summary>
public static class ExecutionRate
{
    /// <summary>The exact ratio, or null when nothing is budgeted.</summary>
    public static decimal? Of(decimal spent, decimal budget) => budget == 0 ? null : spent / budget;

    /// <summary>The percentage with two decimals, rounded half away from zero, e.g. 33.33%.</summary>
    public static string Display(decimal? rate) => rate is { } r
        ? decimal.Round(r * 100m, 2, MidpointRounding.AwayFromZero).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "%"
        : "—";
}

/// <summary>The steps of a spending entry (Shenmu 第二十一条: 预算、审批、报销、核算).</summary>
public enum SpendingStatus { Recorded = 1, Approved = 2, Reimbursed = 3, Accounted = 4, Rejected = 5 }

public static class SpendingFlow
{
    public static string Chinese(SpendingStatus s) => s switch
    {
        SpendingStatus.Recorded => "待审批",
        SpendingStatus.Approved => "已审批",
        SpendingStatus.Reimbursed => "已报销",
        SpendingStatus.Accounted => "已记账",
        SpendingStatus.Rejected => "已退回",
        _ => "",
    };

    /// <summary>Counted in the execution rate: approved and every later step.</summary>
    public static bool Counts(SpendingStatus s) => s is SpendingStatus.Approved or SpendingStatus.Reimbursed or SpendingStatus.Accounted;

    /// <summary>The step an action leads to from <paramref name="from"/>, or null when it does not apply.</summary>
    public static SpendingStatus? Next(SpendingStatus from, string action) => (from, action) switch
    {
        (SpendingStatus.Recorded, "approve") => SpendingStatus.Approved,
        (SpendingStatus.Recorded, "reject") => SpendingStatus.Rejected,
        (SpendingStatus.Approved, "reimburse") => SpendingStatus.Reimbursed,
        (SpendingStatus.Reimbursed, "account") => SpendingStatus.Accounted,
        _ => null,
    };
}

/// <summary>The final evaluation grade of an agreement year (Ledong 七、（二）5. 结果运用).</summary>
public enum FinalGrade { Excellent = 1, Good = 2, Pass = 3, Fail = 4 }

public enum RenewalDecision { Renew = 1, ProcureAnew = 2, CycleEnded = 3 }

public static class Renewal
{
    public static string Chinese(FinalGrade g) => g switch
    {
        FinalGrade.Excellent => "优秀",
        FinalGrade.Good => "良好",
        FinalGrade.Pass => "合格",
        _ => "不合格",
    };

    /// <summary>
    /// An evaluation round's grade (the profile's band name) as a final grade: 优秀, 良好, 合格, 不合格 by name; another band
    /// name by whether the profile counts it as passing (合格 or 不合格); null when neither says.
    /// </summary>
    public static FinalGrade? FromEvaluation(string? grade, bool? passes) => grade switch
    {
        null => null,
        "优秀" => FinalGrade.Excellent,
        "良好" => FinalGrade.Good,
        "合格" => FinalGrade.Pass,
        "不合格" => FinalGrade.Fail,
        _ => passes switch { true => FinalGrade.Pass, false => FinalGrade.Fail, null => null },
    };

    /// <summary>合格 or better renews within the cycle; 不合格 procures anew; a cycle's last year ends it (procure a new cycle).</summary>
    public static RenewalDecision Propose(FinalGrade grade, int yearNumber, int cycleYears) =>
        grade == FinalGrade.Fail ? RenewalDecision.ProcureAnew
        : yearNumber >= cycleYears ? RenewalDecision.CycleEnded
        : RenewalDecision.Renew;
}
