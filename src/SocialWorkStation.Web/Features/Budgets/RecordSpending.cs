using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Agreements;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Agreements;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Budgets;

/// <summary>
/// Records a spending entry against a budget line and moves it through Shenmu's steps (docs/requirements/agreements.md §6):
/// restricted money refused (422 naming the clause), overspending refused or flagged as the profile says, approval by
/// the county bureau, a stale step 409.
/// </summary>
public static class RecordSpending
{
    public static async Task<SpendingDto> Get(AppDbContext db, ProfileCatalog profiles, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var (entry, budget) = await Load(db, user, id, ct);
        var line = budget.Lines.First(l => l.Id == entry.BudgetLineId);
        var invoices = await BudgetAccess.Invoices(db, [entry.Id], ct);
        return BudgetAccess.ToDto(entry, line, budget.Station?.Name ?? "", BudgetAccess.Rules(AgreementAccess.Profile(profiles, budget.Agreement!.Cycle!.ProfileKey)), invoices: invoices[entry.Id]);
    }

    public static async Task<IReadOnlyList<SpendingDto>> ForBudget(AppDbContext db, ProfileCatalog profiles, ClaimsPrincipal user, Guid budgetId, CancellationToken ct)
    {
        var budget = await BudgetAccess.Load(db, user, budgetId, ct);
        var rules = BudgetAccess.Rules(AgreementAccess.Profile(profiles, budget.Agreement!.Cycle!.ProfileKey));
        var ids = budget.Lines.Select(l => l.Id).ToList();
        var entries = await db.Set<SpendingEntry>().AsNoTracking().Where(s => ids.Contains(s.BudgetLineId))
            .OrderBy(s => s.Date).ThenBy(s => s.RecordedAt).ThenBy(s => s.Id).ToListAsync(ct);
        var invoices = await BudgetAccess.Invoices(db, entries.Select(s => s.Id).ToList(), ct);
        return entries.Select(s => BudgetAccess.ToDto(s, budget.Lines.First(l => l.Id == s.BudgetLineId), budget.Station?.Name ?? "", rules, invoices: invoices[s.Id])).ToList();
    }

    public static async Task<SpendingDto> Create(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, ClaimsPrincipal user, SpendingInput input, CancellationToken ct)
    {
        var errors = new Errors()
            .Required("payee", input.Payee, "收款方").MaxLength("payee", input.Payee, 100, "收款方")
            .Required("purpose", input.Purpose, "用途").MaxLength("purpose", input.Purpose, 500, "用途")
            .MaxLength("note", input.Note, 500, "备注");
        var date = StationRecords.ParseDate(errors, "date", input.Date, "支出日期");
        BudgetAccess.Money(errors, "amount", input.Amount, "支出金额", positive: true);
        Budget? budget = null;
        if (input.BudgetLineId is null)
        {
            errors.Add("budgetLineId", "请选择预算科目");
        }
        else
        {
            var q = (await BudgetAccess.Budgets(db, user, ct)).Where(b => b.Lines.Any(l => l.Id == input.BudgetLineId));
            budget = await q.Include(b => b.Lines).Include(b => b.Station).Include(b => b.Agreement).ThenInclude(a => a!.Cycle).AsSplitQuery().AsNoTracking().FirstOrDefaultAsync(ct);
            if (budget is null)
            {
                errors.Add("budgetLineId", "预算科目不存在或不在您的权限范围内");
            }
        }
        if (date is { } d && d > ChinaTime.Today(clock))
        {
            errors.Add("date", "支出日期不能晚于今天");
        }
        errors.ThrowIfAny();
        var profile = AgreementAccess.Profile(profiles, budget!.Agreement!.Cycle!.ProfileKey);
        var rules = BudgetAccess.Rules(profile);
        var line = budget.Lines.First(l => l.Id == input.BudgetLineId);
        var flags = await Check(db, rules, profile.ShortName, line, input.Amount!.Value, null, ct);
        var entry = new SpendingEntry
        {
            BudgetLineId = line.Id, StationId = budget.StationId, Date = date!.Value, Amount = input.Amount.Value, Payee = input.Payee!.Trim(), Purpose = input.Purpose!.Trim(),
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(), RecordedBy = user.Identity?.Name ?? "", RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(entry);
        await db.SaveChangesAsync(ct);
        return BudgetAccess.ToDto(entry, line, budget.Station?.Name ?? "", rules, flags);
    }

    /// <summary>approve / reject (the bureau of the county or above), reimburse, account — in Shenmu's order.</summary>
    public static async Task<SpendingDto> Step(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, ClaimsPrincipal user, Guid id, SpendingStepInput input, CancellationToken ct)
    {
        var (entry, budget) = await Load(db, user, id, ct, tracking: true);
        SaveBudget.CountyLevel(user, budget.Agreement!.Cycle!.CountyCode);
        var errors = new Errors().Required("action", input.Action, "操作").MaxLength("note", input.Note, 500, "备注");
        if (input.Version is null)
        {
            errors.Add("version", "请提供读取时的版本号 version");
        }
        errors.ThrowIfAny();
        var next = SpendingFlow.Next(entry.Status, input.Action!);
        if (input.Action is not ("approve" or "reject" or "reimburse" or "account"))
        {
            throw RequestValidationException.For("action", "操作应为 approve（审批）、reject（退回）、reimburse（报销）或 account（记账）");
        }
        Versions.Check(db, entry, input.Version, "支出记录");
        if (next is null)
        {
            throw new BusinessRuleException($"支出记录当前为“{SpendingFlow.Chinese(entry.Status)}”，不能{Verb(input.Action!)}（预算、审批、报销、核算依次进行，神木办法 第二十一条）", "action");
        }
        var profile = AgreementAccess.Profile(profiles, budget.Agreement.Cycle.ProfileKey);
        var rules = BudgetAccess.Rules(profile);
        var line = budget.Lines.First(l => l.Id == entry.BudgetLineId);
        IReadOnlyList<string> flags = [];
        var name = user.Identity?.Name ?? "";
        switch (next.Value)
        {
            case SpendingStatus.Approved:
                flags = await Check(db, rules, profile.ShortName, line, entry.Amount, entry.Id, ct);
                (entry.ApprovedBy, entry.ApprovedOn) = (name, ChinaTime.Today(clock));
                // Two approvals on one budget at once would each see the other's money missing: the budget's version settles it (409 for the second).
                var tracked = await db.Set<Budget>().FirstAsync(b => b.Id == budget.Id, ct);
                Versions.Check(db, tracked, tracked.Version, "预算");
                break;
            case SpendingStatus.Rejected:
                (entry.ApprovedBy, entry.ApprovedOn) = (name, null);
                break;
            case SpendingStatus.Reimbursed:
                entry.ReimbursedBy = name;
                break;
            case SpendingStatus.Accounted:
                entry.AccountedBy = name;
                break;
        }
        entry.Status = next.Value;
        if (!string.IsNullOrWhiteSpace(input.Note))
        {
            entry.Note = input.Note.Trim();
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return BudgetAccess.ToDto(entry, line, budget.Station?.Name ?? "", rules, flags, (await BudgetAccess.Invoices(db, [entry.Id], ct))[entry.Id]);
    }

    private static string Verb(string action) => action switch { "approve" => "审批", "reject" => "退回", "reimburse" => "报销", _ => "记账" };

    /// <summary>Restricted money 422 naming the clause; overspending 422 or a flag as the profile says.</summary>
    private static async Task<IReadOnlyList<string>> Check(AppDbContext db, BudgetRules rules, string shortName, BudgetLine line, decimal amount, Guid? self, CancellationToken ct)
    {
        if (BudgetChecks.RestrictionProblem(rules, shortName, new BudgetLineFacts(line.Category, line.FundingSource, line.Amount)) is { } restricted)
        {
            throw new BusinessRuleException(restricted, "budgetLineId");
        }
        var approved = (await db.Set<SpendingEntry>().AsNoTracking()
                .Where(s => s.BudgetLineId == line.Id && s.Id != self && (s.Status == SpendingStatus.Approved || s.Status == SpendingStatus.Reimbursed || s.Status == SpendingStatus.Accounted))
                .Select(s => s.Amount).ToListAsync(ct)).Sum();
        if (BudgetChecks.Overspend(rules, shortName, BudgetAccess.CategoryName(rules, line.Category), line.Amount, approved, amount) is { } over)
        {
            if (over.Refused)
            {
                throw new BusinessRuleException(over.Message, "amount");
            }
            return [over.Message];
        }
        return [];
    }

    private static async Task<(SpendingEntry Entry, Budget Budget)> Load(AppDbContext db, ClaimsPrincipal user, Guid id, CancellationToken ct, bool tracking = false)
    {
        var budgets = await BudgetAccess.Budgets(db, user, ct);
        var q = db.Set<SpendingEntry>().Where(s => budgets.Any(b => b.Lines.Any(l => l.Id == s.BudgetLineId)));
        if (!tracking) q = q.AsNoTracking();
        var entry = await q.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("支出记录不存在或不在您的权限范围内");
        var budgetId = await db.Set<BudgetLine>().Where(l => l.Id == entry.BudgetLineId).Select(l => l.BudgetId).FirstAsync(ct);
        return (entry, await BudgetAccess.Load(db, user, budgetId, ct));
    }
}
