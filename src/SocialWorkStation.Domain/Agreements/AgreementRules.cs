using SocialWorkStation.Domain.Common;

namespace SocialWorkStation.Domain.Agreements;

/// <summary>A contractor's legal form (组织形式), as registered.</summary>
public enum LegalForm { SocialServiceOrganisation = 1, SocialGroup = 2, Foundation = 3, Enterprise = 4, Other = 5 }

/// <summary>The authority a contractor is registered with (登记机关).</summary>
public enum RegisteringAuthority { CivilAffairs = 1, MarketRegulation = 2, Other = 3 }

/// <summary>Who may contract (承接主体): the legal forms and registering authorities a profile accepts.</summary>
public sealed record ContractorRule
{
    public required LegalForm[] LegalForms { get; init; }
    public required RegisteringAuthority[] Authorities { get; init; }
    /// <summary>The document's words for who may contract, e.g. 依法在民政部门登记成立的社会组织.</summary>
    public required string Description { get; init; }
}

/// <summary>One content an agreement must contain (协议应明确的内容), keyed for the API.</summary>
public sealed record RequiredClause(string Key, string Name);

/// <summary>
/// A profile's rules for programme cycles and service agreements (docs/requirements/agreements.md). An absent rule
/// does not apply; every present one names its clause or says it is a platform default.
/// </summary>
public sealed record AgreementRules
{
    /// <summary>How many years a programme cycle runs, one agreement signed each year (Ledong, Hunan: 3).</summary>
    public required Sourced<int> CycleYears { get; init; }
    /// <summary>Who may be a contractor (Ledong: a social organisation registered with civil affairs).</summary>
    public Sourced<ContractorRule>? ContractorRule { get; init; }
    /// <summary>Every agreement's term is one year from its signing date (Qiongzhong 服务期限).</summary>
    public Sourced<bool>? TermOneYearFromSigning { get; init; }
    /// <summary>The contents an agreement must contain (Hunan 六（二）, Shenmu 第十四条).</summary>
    public Sourced<RequiredClause[]>? RequiredClauses { get; init; }
    /// <summary>A copy filed with the city within N working days of signing (Hunan 七（三）: 15).</summary>
    public Sourced<int>? FilingWorkingDays { get; init; }
    /// <summary>Workers placed at the stations within N months of signing (Hunan 七（四）: 1).</summary>
    public Sourced<int>? WorkersPlacedMonths { get; init; }
    /// <summary>The sections of the county's annual implementation plan, filed with the level above (Hunan 七、（一）: six).</summary>
    public Sourced<RequiredClause[]>? ImplementationPlanSections { get; init; }
    /// <summary>The contractor's staff recruitment plan filed with the level above (Hunan 三、（二）（三）): the document's words for it.</summary>
    public Sourced<string>? RecruitmentPlan { get; init; }
}

public static class AgreementRulesValidation
{
    public static IEnumerable<(string Field, string Problem)> Problems(AgreementRules r)
    {
        if (string.IsNullOrWhiteSpace(r.CycleYears.Source)) yield return ("agreements.cycleYears.source", "缺少出处（文件与条款）");
        if (r.CycleYears.Value is < 1 or > 10) yield return ("agreements.cycleYears.value", "应在1到10年之间");
        if (r.ContractorRule is { } c)
        {
            if (string.IsNullOrWhiteSpace(c.Source)) yield return ("agreements.contractorRule.source", "缺少出处（文件与条款）");
            if (c.Value.LegalForms.Length == 0 || c.Value.Authorities.Length == 0 || string.IsNullOrWhiteSpace(c.Value.Description))
                yield return ("agreements.contractorRule.value", "须列出组织形式、登记机关和说明");
        }
        if (r.TermOneYearFromSigning is { Source: var ts } && string.IsNullOrWhiteSpace(ts)) yield return ("agreements.termOneYearFromSigning.source", "缺少出处（文件与条款）");
        if (r.RequiredClauses is { } rc)
        {
            if (string.IsNullOrWhiteSpace(rc.Source)) yield return ("agreements.requiredClauses.source", "缺少出处（文件与条款）");
            if (rc.Value.Length == 0 || rc.Value.Any(x => string.IsNullOrWhiteSpace(x.Key) || string.IsNullOrWhiteSpace(x.Name))
                || rc.Value.Select(x => x.Key).Distinct(StringComparer.Ordinal).Count() != rc.Value.Length)
                yield return ("agreements.requiredClauses.value", "每项须有不重复的 key 和名称");
        }
        if (r.FilingWorkingDays is { } f && (string.IsNullOrWhiteSpace(f.Source) || f.Value < 1))
            yield return ("agreements.filingWorkingDays", "须为正数并注明出处");
        if (r.WorkersPlacedMonths is { } w && (string.IsNullOrWhiteSpace(w.Source) || w.Value < 1))
            yield return ("agreements.workersPlacedMonths", "须为正数并注明出处");
        if (r.ImplementationPlanSections is { } ps && (string.IsNullOrWhiteSpace(ps.Source) || ps.Value.Length == 0
                || ps.Value.Any(x => string.IsNullOrWhiteSpace(x.Key) || string.IsNullOrWhiteSpace(x.Name))
                || ps.Value.Select(x => x.Key).Distinct(StringComparer.Ordinal).Count() != ps.Value.Length))
            yield return ("agreements.implementationPlanSections", "每部分须有不重复的 key 和名称，并注明出处");
        if (r.RecruitmentPlan is { } rp && (string.IsNullOrWhiteSpace(rp.Source) || string.IsNullOrWhiteSpace(rp.Value)))
            yield return ("agreements.recruitmentPlan", "须有说明并注明出处");
    }
}

public static class ContractorNames
{
    public static string Chinese(LegalForm f) => f switch
    {
        LegalForm.SocialServiceOrganisation => "社会服务机构",
        LegalForm.SocialGroup => "社会团体",
        LegalForm.Foundation => "基金会",
        LegalForm.Enterprise => "企业",
        _ => "其他",
    };

    public static string Chinese(RegisteringAuthority a) => a switch
    {
        RegisteringAuthority.CivilAffairs => "民政部门",
        RegisteringAuthority.MarketRegulation => "市场监管部门",
        _ => "其他",
    };
}

/// <summary>Whether an organisation may contract under a profile (Ledong 一、（三）运行机制).</summary>
public static class ContractorEligibility
{
    /// <summary>
    /// Null when it may; otherwise the reason, naming the clause. A form or authority not yet recorded is not refused
    /// (平台解释: the rule is checked against what is recorded; docs/requirements/agreements.md).
    /// </summary>
    public static string? Problem(AgreementRules? rules, string profileShortName, LegalForm? form, RegisteringAuthority? authority)
    {
        if (rules?.ContractorRule is not { } rule)
        {
            return null;
        }
        var badForm = form is { } f && !rule.Value.LegalForms.Contains(f);
        var badAuthority = authority is { } a && !rule.Value.Authorities.Contains(a);
        if (!badForm && !badAuthority)
        {
            return null;
        }
        var what = string.Join("、", new[]
        {
            badForm ? "组织形式为" + ContractorNames.Chinese(form!.Value) : null,
            badAuthority ? "登记机关为" + ContractorNames.Chinese(authority!.Value) : null,
        }.OfType<string>());
        return $"承接主体须为{rule.Value.Description}，该机构{what}，不能承接（{profileShortName} {rule.Source}）";
    }
}
