using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Agreements;
using SocialWorkStation.Domain.Profiles;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Agreements;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Budgets;

/// <summary>
/// Enters and edits a station's budget under an agreement (docs/requirements/agreements.md §5): the bureau of the county or
/// above; lines in the profile's categories with a funding source; flags for standard amounts and restricted money;
/// a stale edit 409; a line with spending kept (removing it 422; lowering it below its approved spending 422 where
/// overspending is refused).
/// </summary>
public static class SaveBudget
{
    public static async Task<BudgetDto> Get(AppDbContext db, ProfileCatalog profiles, ClaimsPrincipal user, Guid id, DateOnly asOf, CancellationToken ct)
    {
        var b = await BudgetAccess.Load(db, user, id, ct);
        var spent = await BudgetAccess.Spent(db, b.Lines.Select(l => l.Id).ToList(), asOf, ct);
        return BudgetAccess.ToDto(b, AgreementAccess.Profile(profiles, b.Agreement!.Cycle!.ProfileKey), spent);
    }

    /// <summary>The budgets the caller may read, filtered by agreement, station or county.</summary>
    public static async Task<IReadOnlyList<BudgetDto>> List(AppDbContext db, ProfileCatalog profiles, ClaimsPrincipal user, Execution.Query query, CancellationToken ct)
    {
        var budgets = await Execution.Budgets(db, user, query, ct);
        var spent = await BudgetAccess.Spent(db, budgets.SelectMany(b => b.Lines).Select(l => l.Id).ToList(), query.AsOf, ct);
        return budgets.OrderBy(b => b.Agreement!.Cycle!.CountyCode).ThenBy(b => b.Station!.RegionCode).ThenBy(b => b.Station!.Name).ThenBy(b => b.Agreement!.YearNumber)
            .Select(b => BudgetAccess.ToDto(b, AgreementAccess.Profile(profiles, b.Agreement!.Cycle!.ProfileKey), spent)).ToList();
    }

    public static async Task<BudgetDto> Create(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, ClaimsPrincipal user, Guid agreementId, BudgetInput input, CancellationToken ct)
    {
        var agreement = await AgreementAccess.LoadAgreement(db, user, agreementId, ct);
        CountyLevel(user, agreement.Cycle!.CountyCode);
        var profile = AgreementAccess.Profile(profiles, agreement.Cycle!.ProfileKey);
        var errors = new Errors();
        var covered = await db.Set<ProgrammeCycleStation>().Where(s => s.CycleId == agreement.CycleId).Select(s => s.StationId).ToListAsync(ct);
        if (input.StationId is null)
        {
            errors.Add("stationId", "请选择站点");
        }
        else if (!covered.Contains(input.StationId.Value) || !await db.Platforms.VisibleTo(user.Scope()).AnyAsync(p => p.Id == input.StationId, ct))
        {
            errors.Add("stationId", "该站点不在本项目周期覆盖的站点中");
        }
        var lines = Lines(profile, input.Lines, errors);
        errors.ThrowIfAny();
        if (await db.Set<Budget>().AnyAsync(b => b.AgreementId == agreementId && b.StationId == input.StationId, ct))
        {
            throw new ConflictException("该站点在本协议下已有预算，请修改原预算");
        }
        var budget = new Budget { AgreementId = agreementId, StationId = input.StationId!.Value, CreatedBy = user.Identity?.Name ?? "", CreatedAt = clock.GetUtcNow().UtcDateTime };
        for (var i = 0; i < lines.Count; i++)
        {
            budget.Lines.Add(new BudgetLine { Category = lines[i].Category, FundingSource = lines[i].Source, Amount = lines[i].Amount, Note = lines[i].Note, SortOrder = i });
        }
        db.Add(budget);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException("该站点在本协议下已有预算，请修改原预算");
        }
        return await Get(db, profiles, user, budget.Id, ChinaTime.Today(clock), ct);
    }

    public static async Task<BudgetDto> Update(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, ClaimsPrincipal user, Guid id, BudgetInput input, CancellationToken ct)
    {
        var budget = await BudgetAccess.Load(db, user, id, ct, tracking: true);
        CountyLevel(user, budget.Agreement!.Cycle!.CountyCode);
        var profile = AgreementAccess.Profile(profiles, budget.Agreement.Cycle.ProfileKey);
        if (input.Version is null)
        {
            throw RequestValidationException.For("version", "请提供读取时的版本号 version");
        }
        var errors = new Errors();
        var lines = Lines(profile, input.Lines, errors);
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Id is { } lid && budget.Lines.All(l => l.Id != lid))
            {
                errors.Add($"lines[{i}].id", "该预算科目不属于本预算");
            }
        }
        errors.ThrowIfAny();
        Versions.Check(db, budget, input.Version, "预算");
        var rules = BudgetAccess.Rules(profile);
        var ids = budget.Lines.Select(l => l.Id).ToList();
        var entries = await db.Set<SpendingEntry>().AsNoTracking().Where(s => ids.Contains(s.BudgetLineId) && s.Status != SpendingStatus.Rejected)
            .Select(s => new { s.BudgetLineId, s.Amount, s.Status }).ToListAsync(ct);
        foreach (var old in budget.Lines.ToList())
        {
            var i = lines.FindIndex(l => l.Id == old.Id);
            if (i < 0)
            {
                if (entries.Any(e => e.BudgetLineId == old.Id))
                {
                    throw new BusinessRuleException($"“{BudgetAccess.CategoryName(rules, old.Category)}”已有支出记录，不能删除该预算科目", "lines");
                }
                budget.Lines.Remove(old);
                db.Remove(old);
                continue;
            }
            var approved = entries.Where(e => e.BudgetLineId == old.Id && SpendingFlow.Counts(e.Status)).Sum(e => e.Amount);
            if (entries.Any(e => e.BudgetLineId == old.Id) && (lines[i].Category != old.Category || lines[i].Source != old.FundingSource))
            {
                throw new BusinessRuleException("已有支出记录的预算科目不能更改科目或资金来源", $"lines[{i}].category");
            }
            if (lines[i].Amount < approved && BudgetChecks.Overspend(rules, profile.ShortName, BudgetAccess.CategoryName(rules, old.Category), lines[i].Amount, approved, 0m) is { Refused: true } over)
            {
                throw new BusinessRuleException($"预算金额不能低于已审批支出{BudgetChecks.Yuan(approved)}元：{over.Message}", $"lines[{i}].amount");
            }
            (old.Amount, old.Note, old.SortOrder) = (lines[i].Amount, lines[i].Note, i);
        }
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Id is null)
            {
                var line = new BudgetLine { BudgetId = budget.Id, Category = lines[i].Category, FundingSource = lines[i].Source, Amount = lines[i].Amount, Note = lines[i].Note, SortOrder = i };
                budget.Lines.Add(line);
                db.Add(line);
            }
        }
        await db.SaveChangesAsync(ct);
        return await Get(db, profiles, user, budget.Id, ChinaTime.Today(clock), ct);
    }

    public sealed record Line(Guid? Id, string Category, FundingSource Source, decimal Amount, string? Note);

    /// <summary>400 naming each line's field that is missing or malformed.</summary>
    private static List<Line> Lines(PolicyProfile profile, List<BudgetLineInput>? input, Errors errors)
    {
        var rules = BudgetAccess.Rules(profile);
        var keys = rules.Categories.Value.Select(c => c.Key).ToList();
        var result = new List<Line>();
        if (input is null || input.Count == 0)
        {
            errors.Add("lines", "请至少填写一个预算科目");
            return result;
        }
        if (input.Count > 50)
        {
            errors.Add("lines", "预算科目不能超过50个");
            return result;
        }
        for (var i = 0; i < input.Count; i++)
        {
            var l = input[i];
            var ok = true;
            if (l.Category is null || !keys.Contains(l.Category))
            {
                errors.Add($"lines[{i}].category", "预算科目应为 " + string.Join("、", rules.Categories.Value.Select(c => $"{c.Key}（{c.Name}）")));
                ok = false;
            }
            var source = BudgetAccess.ParseSource(l.FundingSource);
            if (source is null)
            {
                errors.Add($"lines[{i}].fundingSource", "资金来源应为 socialAssistance（社会救助资金）、welfareLottery（福彩公益金）、fiscalBudget（财政预算）、cityConstructionSubsidy（市级建设补助）或 charity（慈善资金）");
                ok = false;
            }
            BudgetAccess.Money(errors, $"lines[{i}].amount", l.Amount, "预算金额", positive: false);
            errors.MaxLength($"lines[{i}].note", l.Note, 200, "说明");
            if (ok && l.Amount is { } a)
            {
                result.Add(new Line(l.Id, l.Category!, source!.Value, a, string.IsNullOrWhiteSpace(l.Note) ? null : l.Note.Trim()));
            }
        }
        if (input.Where(l => l.Id is not null).GroupBy(l => l.Id).Any(g => g.Count() > 1))
        {
            errors.Add("lines", "同一预算科目出现了两次");
        }
        return result;
    }

    /// <summary>Budgets are the county bureau's (or a level above it): a bureau officer scoped to a township reads them only.</summary>
    public static void CountyLevel(ClaimsPrincipal user, string countyCode)
    {
        if (!user.Scope().ContainsRegion(countyCode))
        {
            throw new BusinessRuleException("只有该县（市、区）及以上的民政部门可以编制和修改预算、审批支出", "countyCode");
        }
    }
}
