using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Agreements;
using SocialWorkStation.Domain.Profiles;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Agreements;

/// <summary>
/// Signs a cycle's agreement for a year, edits one, reads one (docs/requirements/agreements.md §3). A year beyond the
/// cycle's length is 422; the same year twice is 409; a stale edit is 409; a missing required clause is a flag on the
/// answer, not a refusal.
/// </summary>
public static class SaveAgreement
{
    public static async Task<AgreementDto> Get(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var a = await AgreementAccess.LoadAgreement(db, user, id, ct);
        return AgreementAccess.ToDto(a, a.Cycle!, AgreementAccess.Profile(profiles, a.Cycle!.ProfileKey), ChinaTime.Today(clock));
    }

    public static async Task<AgreementDto> Create(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, ClaimsPrincipal user, Guid cycleId, AgreementInput input, CancellationToken ct)
    {
        var cycle = await AgreementAccess.LoadCycle(db, user, cycleId, ct, tracking: true);
        CountyLevel(user, cycle.CountyCode);
        var profile = AgreementAccess.Profile(profiles, cycle.ProfileKey);
        var year = input.YearNumber ?? (cycle.Agreements.Count == 0 ? 1 : cycle.Agreements.Max(a => a.YearNumber) + 1);
        var values = Validate(profile, input);
        var rules = profile.Agreements ?? AgreementDefaults.For(profile);
        if (ProgrammeCycleRules.YearProblem(year, cycle.Years, $"{profile.ShortName} {rules.CycleYears.Source}") is { } problem)
        {
            throw new BusinessRuleException(problem, "yearNumber");
        }
        await ContractorRuleCheck.Ensure(db, profile, cycle.ContractorId, "contractorId", ct);
        if (cycle.Agreements.Any(a => a.YearNumber == year))
        {
            throw new ConflictException($"该项目周期第{year}年的协议已经签订");
        }
        var agreement = new Agreement { CycleId = cycle.Id, YearNumber = year, CreatedBy = user.Identity?.Name ?? "", CreatedAt = clock.GetUtcNow().UtcDateTime };
        Apply(agreement, values);
        db.Add(agreement);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two bureau officers signing the same year at once: the unique index answers for the second.
            throw new ConflictException($"该项目周期第{year}年的协议已经签订");
        }
        return await Get(db, profiles, clock, user, agreement.Id, ct);
    }

    public static async Task<AgreementDto> Update(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, ClaimsPrincipal user, Guid id, AgreementInput input, CancellationToken ct)
    {
        var agreement = await AgreementAccess.LoadAgreement(db, user, id, ct, tracking: true);
        CountyLevel(user, agreement.Cycle!.CountyCode);
        var profile = AgreementAccess.Profile(profiles, agreement.Cycle!.ProfileKey);
        if (input.Version is null)
        {
            throw RequestValidationException.For("version", "请提供读取时的版本号 version");
        }
        var values = Validate(profile, input);
        if (input.YearNumber is { } y && y != agreement.YearNumber)
        {
            throw new BusinessRuleException("协议年度签订后不能修改", "yearNumber");
        }
        Versions.Check(db, agreement, input.Version, "协议");
        Apply(agreement, values);
        await db.SaveChangesAsync(ct);
        return await Get(db, profiles, clock, user, agreement.Id, ct);
    }

    /// <summary>Agreements are the county bureau's (or a level above it): a bureau officer scoped to a township reads them only.</summary>
    public static void CountyLevel(ClaimsPrincipal user, string countyCode)
    {
        if (!user.Scope().ContainsRegion(countyCode))
        {
            throw new BusinessRuleException("只有该县（市、区）及以上的民政部门可以签订和修改协议", "countyCode");
        }
    }

    private sealed record Values(DateOnly SignedOn, DateOnly TermStart, DateOnly TermEnd, decimal Amount, IReadOnlyList<string> Clauses, DateOnly? FiledOn, DateOnly? WorkersPlacedOn);

    private static void Apply(Agreement a, Values v)
    {
        a.SignedOn = v.SignedOn;
        a.TermStart = v.TermStart;
        a.TermEnd = v.TermEnd;
        a.Amount = v.Amount;
        a.Clauses = string.Join(',', v.Clauses);
        a.FiledOn = v.FiledOn;
        a.WorkersPlacedOn = v.WorkersPlacedOn;
    }

    /// <summary>400 naming each field that is missing or malformed; 422 naming the clause where the profile fixes the term.</summary>
    private static Values Validate(PolicyProfile profile, AgreementInput input)
    {
        var rules = profile.Agreements;
        var errors = new Errors();
        var signed = StationRecords.ParseDate(errors, "signedOn", input.SignedOn, "签订日期");
        var oneYear = rules?.TermOneYearFromSigning is { Value: true };
        var start = StationRecords.ParseDate(errors, "termStart", input.TermStart, "服务期限开始日期", required: !oneYear);
        var end = StationRecords.ParseDate(errors, "termEnd", input.TermEnd, "服务期限结束日期", required: !oneYear);
        if (start is { } s && end is { } e && e < s)
        {
            errors.Add("termEnd", "服务期限结束日期不能早于开始日期");
        }
        if (input.Amount is null)
        {
            errors.Add("amount", "请填写协议金额（元）");
        }
        else if (input.Amount < 0 || input.Amount > 1_000_000_000m)
        {
            errors.Add("amount", "协议金额应在0到10亿元之间");
        }
        else if (decimal.Round(input.Amount.Value, 2) != input.Amount.Value)
        {
            errors.Add("amount", "协议金额精确到分（最多两位小数）");
        }
        var known = rules?.RequiredClauses?.Value.Select(c => c.Key).ToHashSet(StringComparer.Ordinal) ?? [];
        var clauses = input.Clauses ?? [];
        for (var i = 0; i < clauses.Count; i++)
        {
            if (!known.Contains(clauses[i] ?? ""))
            {
                errors.Add($"clauses[{i}]", known.Count == 0
                    ? $"{profile.ShortName}未规定协议须明确的内容，无需勾选"
                    : "未知的协议内容，应为 " + string.Join("、", known));
            }
        }
        var filed = StationRecords.ParseDate(errors, "filedOn", input.FiledOn, "备案日期", required: false);
        var placed = StationRecords.ParseDate(errors, "workersPlacedOn", input.WorkersPlacedOn, "社工到岗日期", required: false);
        if (signed is { } sd)
        {
            if (filed < sd) errors.Add("filedOn", "备案日期不能早于签订日期");
            if (placed < sd) errors.Add("workersPlacedOn", "社工到岗日期不能早于签订日期");
        }
        errors.ThrowIfAny();
        var (termStart, termEnd) = (start, end);
        if (oneYear)
        {
            var (s1, e1) = ProgrammeCycleRules.OneYearFromSigning(signed!.Value);
            var source = $"{profile.ShortName} {rules!.TermOneYearFromSigning!.Source}";
            if (start is { } gs && gs != s1)
                throw new BusinessRuleException($"服务期限自合同签订之日起1年，应从 {s1:yyyy-MM-dd} 开始（{source}）", "termStart");
            if (end is { } ge && ge != e1)
                throw new BusinessRuleException($"服务期限自合同签订之日起1年，应至 {e1:yyyy-MM-dd} 止（{source}）", "termEnd");
            (termStart, termEnd) = (s1, e1);
        }
        return new Values(signed!.Value, termStart!.Value, termEnd!.Value, input.Amount!.Value, clauses.Distinct(StringComparer.Ordinal).ToList(), filed, placed);
    }
}
