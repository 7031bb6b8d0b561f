using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Agreements;
using SocialWorkStation.Domain.Profiles;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Agreements;

/// <param name="Grade">excellent 优秀, good 良好, pass 合格, fail 不合格.</param>
/// <param name="EvaluationReport">The evaluation report's reference (number or title), required with the grade.</param>
/// <param name="Version">The agreement's version read (409 when stale).</param>
public sealed record FinalGradeInput(string? Grade, string? EvaluationReport, int? Version);

/// <param name="SignedOn">The next year's signing date (yyyy-MM-dd).</param>
/// <param name="Amount">Default: this year's amount.</param>
public sealed record RenewInput(string? SignedOn, decimal? Amount);

/// <summary>The proposal from the final grade: renew within the cycle, procure anew, or the cycle has ended.</summary>
/// <param name="GradeSource">evaluation (the closed final evaluation round of the agreement's service year), entered (by the bureau), or null (none yet).</param>
/// <param name="EnteredGrade">The grade the bureau entered, when it did (shown beside an evaluation's grade, which takes precedence).</param>
public sealed record RenewalDto(Guid AgreementId, int YearNumber, int CycleYears, string? Grade, string? GradeName, string? EvaluationReport,
    string? Decision, string? DecisionText, string Source, int Version, string? GradeSource = null, string? EnteredGrade = null, int? ServiceYear = null);

/// <summary>The grade that decides renewal and where it comes from.</summary>
public sealed record EffectiveGrade(FinalGrade Grade, string Source, string? Report);

/// <summary>
/// Renewal (续签, docs/requirements/agreements.md §11): the bureau enters the year's final grade with the evaluation report;
/// the platform proposes renewal within the cycle for 合格 or better, otherwise procurement anew (Ledong 七、（二）5. 结果运用);
/// renewing creates the next year's agreement from this one (422 beyond the cycle's years or without a passing grade).
/// </summary>
public static class AgreementRenewal
{
    private static string Source(PolicyProfile p) => p.Key == "hainan-ledong"
        ? $"{p.ShortName} 七、（二）5. 结果运用"
        : "平台默认（参照乐东方案 七、（二）5. 结果运用）";

    private static string Api<T>(T value) where T : struct, Enum => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>
    /// The grade renewal uses: the closed final evaluation round of the agreement's service year (the year its term starts)
    /// through EvaluationResults.FinalGrade — the lowest grade among the cycle's stations that have one — otherwise the
    /// grade the bureau entered; null when neither exists (docs/requirements/agreements.md §11).
    /// </summary>
    public static async Task<EffectiveGrade?> Effective(AppDbContext db, ProfileCatalog profiles, Agreement a, CancellationToken ct)
    {
        var year = a.TermStart.Year;
        var stations = await db.Set<ProgrammeCycleStation>().AsNoTracking().Where(s => s.CycleId == a.CycleId).Select(s => s.StationId).ToListAsync(ct);
        var evaluation = profiles.Find(a.Cycle?.ProfileKey ?? "")?.Evaluation;
        FinalGrade? worst = null;
        foreach (var station in stations)
        {
            var label = await Evaluations.EvaluationResults.FinalGrade(db, station, year, ct);
            if (Renewal.FromEvaluation(label, evaluation?.Passes(label)) is { } g && (worst is null || g > worst))
            {
                worst = g;
            }
        }
        if (worst is { } w)
        {
            return new EffectiveGrade(w, "evaluation", $"{year}年度末期评估结果（平台评估）");
        }
        return a.FinalGrade is { } entered ? new EffectiveGrade(entered, "entered", a.EvaluationReport) : null;
    }

    public static RenewalDto ToDto(Agreement a, ProgrammeCycle c, PolicyProfile p, EffectiveGrade? effective)
    {
        var grade = effective?.Grade;
        var decision = grade is { } g ? Renewal.Propose(g, a.YearNumber, c.Years) : (RenewalDecision?)null;
        var text = decision switch
        {
            RenewalDecision.Renew => $"年度评估{Renewal.Chinese(grade!.Value)}（合格及以上），可在项目周期内续签第{a.YearNumber + 1}年协议",
            RenewalDecision.ProcureAnew => "年度评估不合格，不予续签，按照政府采购程序重新确定承接方",
            RenewalDecision.CycleEnded => $"项目周期共{c.Years}年已到最后一年，周期结束后按照政府采购程序重新确定承接方",
            _ => null,
        };
        return new RenewalDto(a.Id, a.YearNumber, c.Years, grade is { } fg ? Api(fg) : null, grade is { } n ? Renewal.Chinese(n) : null, effective?.Report,
            decision is { } d ? Api(d) : null, text, Source(p), a.Version, effective?.Source, a.FinalGrade is { } e ? Api(e) : null, a.TermStart.Year);
    }

    public static async Task<RenewalDto> Get(AppDbContext db, ProfileCatalog profiles, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var a = await AgreementAccess.LoadAgreement(db, user, id, ct);
        return ToDto(a, a.Cycle!, AgreementAccess.Profile(profiles, a.Cycle!.ProfileKey), await Effective(db, profiles, a, ct));
    }

    public static async Task<RenewalDto> Grade(AppDbContext db, ProfileCatalog profiles, ClaimsPrincipal user, Guid id, FinalGradeInput input, CancellationToken ct)
    {
        var a = await AgreementAccess.LoadAgreement(db, user, id, ct, tracking: true);
        SaveAgreement.CountyLevel(user, a.Cycle!.CountyCode);
        var errors = new Errors().Required("evaluationReport", input.EvaluationReport, "评估报告（文号或标题）").MaxLength("evaluationReport", input.EvaluationReport, 200, "评估报告");
        FinalGrade? grade = input.Grade is { Length: > 0 } s && !char.IsDigit(s[0]) && Enum.TryParse<FinalGrade>(s, true, out var g) && Enum.IsDefined(g) ? g : null;
        if (grade is null)
        {
            errors.Add("grade", "评估等次应为 excellent（优秀）、good（良好）、pass（合格）或 fail（不合格）");
        }
        if (input.Version is null)
        {
            errors.Add("version", "请提供读取时的版本号 version");
        }
        errors.ThrowIfAny();
        Versions.Check(db, a, input.Version, "协议");
        (a.FinalGrade, a.EvaluationReport) = (grade, input.EvaluationReport!.Trim());
        await db.SaveChangesAsync(ct);
        return ToDto(a, a.Cycle, AgreementAccess.Profile(profiles, a.Cycle.ProfileKey), await Effective(db, profiles, a, ct));
    }

    public static async Task<AgreementDto> Renew(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, ClaimsPrincipal user, Guid id, RenewInput input, CancellationToken ct)
    {
        var a = await AgreementAccess.LoadAgreement(db, user, id, ct);
        SaveAgreement.CountyLevel(user, a.Cycle!.CountyCode);
        var profile = AgreementAccess.Profile(profiles, a.Cycle.ProfileKey);
        var errors = new Errors();
        var signed = Stations.StationRecords.ParseDate(errors, "signedOn", input.SignedOn, "签订日期");
        errors.ThrowIfAny();
        var rules = profile.Agreements ?? AgreementDefaults.For(profile);
        if (ProgrammeCycleRules.YearProblem(a.YearNumber + 1, a.Cycle.Years, $"{profile.ShortName} {rules.CycleYears.Source}") is { } beyond)
        {
            throw new BusinessRuleException(beyond + "；周期结束后按照政府采购程序重新确定承接方", "yearNumber");
        }
        if ((await Effective(db, profiles, a, ct))?.Grade is not { } grade)
        {
            throw new BusinessRuleException($"请先登记第{a.YearNumber}年的年度评估等次和评估报告（{Source(profile)}）", "grade");
        }
        if (grade == FinalGrade.Fail)
        {
            throw new BusinessRuleException($"年度评估不合格，不予续签，按照政府采购程序重新确定承接方（{Source(profile)}）", "grade");
        }
        // Next year's term: the same length, from the new signing date under Qiongzhong's rule, otherwise shifted by a year.
        var start = a.TermStart.AddYears(1);
        var end = a.TermEnd.AddYears(1);
        var next = new AgreementInput(a.YearNumber + 1, signed!.Value.ToString("yyyy-MM-dd"), start.ToString("yyyy-MM-dd"), end.ToString("yyyy-MM-dd"),
            input.Amount ?? a.Amount, a.ClauseKeys.ToList(), null, null, null);
        if (rules.TermOneYearFromSigning is { Value: true })
        {
            next = next with { TermStart = null, TermEnd = null };
        }
        return await SaveAgreement.Create(db, profiles, clock, user, a.CycleId, next, ct);
    }
}
