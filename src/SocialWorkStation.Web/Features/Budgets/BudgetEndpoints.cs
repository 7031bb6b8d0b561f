using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Budgets;

/// <summary>Budgets, spending entries, the execution rate and the ledger (docs/requirements/agreements.md §5–§7).</summary>
public static class BudgetEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/agreements/{id:guid}/budgets", async (Guid id, BudgetInput input, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var dto = await SaveBudget.Create(db, profiles, clock, http.User, id, input, ct);
                return TypedResults.Created($"/api/v1/budgets/{dto.Id}", dto);
            })
            .WithTags("预算与经费 Budgets").RequireAuthorization(Permissions.BudgetsManage)
            .WithSummary("Enter a station's budget under the agreement: lines in the profile's categories with a funding source and an amount in yuan; flags for standard amounts (Qiongzhong), the county centre's minimum (Shenmu), restricted money (Wenzhou)");

        var budgets = api.MapGroup("/budgets").WithTags("预算与经费 Budgets").RequireAuthorization(Permissions.BudgetsRead);
        budgets.MapGet("/", (Guid? agreementId, Guid? stationId, string? countyCode, string? asOf, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                SaveBudget.List(db, profiles, http.User, new Execution.Query(agreementId, stationId, countyCode, Execution.ParseAsOf(asOf, clock)), ct))
            .WithSummary("Station budgets the caller may read (bureau: its region; township and station head: their stations'; contractor manager: its own organisation's), with spending as of a day");
        budgets.MapGet("/{id:guid}", (Guid id, string? asOf, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                SaveBudget.Get(db, profiles, http.User, id, Execution.ParseAsOf(asOf, clock), ct))
            .WithSummary("One budget with its lines, approved spending and execution rate as of a day (default today), and its flags (404 outside scope)");
        budgets.MapPut("/{id:guid}", (Guid id, BudgetInput input, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                SaveBudget.Update(db, profiles, clock, http.User, id, input, ct))
            .RequireAuthorization(Permissions.BudgetsManage)
            .WithSummary("Edit the lines (send a kept line's id); send the version you read (409 when stale); a line with spending cannot be removed (422)");
        budgets.MapGet("/{id:guid}/spending", (Guid id, AppDbContext db, ProfileCatalog profiles, HttpContext http, CancellationToken ct) =>
                RecordSpending.ForBudget(db, profiles, http.User, id, ct))
            .WithSummary("The budget's spending entries, oldest first");
        budgets.MapGet("/execution", (Guid? agreementId, Guid? stationId, string? countyCode, string? asOf, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                Execution.Handle(db, profiles, http.User, new Execution.Query(agreementId, stationId, countyCode, Execution.ParseAsOf(asOf, clock)), ct))
            .WithSummary("执行率 as of a day (asOf, default today): approved spending ÷ budget per line, station, agreement and county, exact decimals with a display rounded once");
        budgets.MapGet("/ledger.xlsx", async (Guid? agreementId, Guid? stationId, string? countyCode, string? asOf, AppDbContext db, ProfileCatalog profiles, AuditLog audit, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var query = new Execution.Query(agreementId, stationId, countyCode, Execution.ParseAsOf(asOf, clock));
                var bytes = await Execution.Ledger(db, profiles, audit, http.User, query, ct);
                return TypedResults.File(bytes, ExcelCells.XlsxContentType, $"经费支出台账-{query.AsOf:yyyyMMdd}.xlsx");
            })
            .WithSummary("The ledger (经费支出台账) as an Excel workbook: 日期, 站点, 预算科目, 资金来源, 金额（元）, 收款方, 用途, 状态, 审批人; audited");

        var spending = api.MapGroup("/spending").WithTags("预算与经费 Budgets").RequireAuthorization(Permissions.BudgetsRead);
        spending.MapPost("/", async (SpendingInput input, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var dto = await RecordSpending.Create(db, profiles, clock, http.User, input, ct);
                return TypedResults.Created($"/api/v1/spending/{dto.Id}", dto);
            })
            .RequireAuthorization(Permissions.BudgetsSpend)
            .WithSummary("Record a spending entry on a budget line (awaits the bureau's approval): restricted money refused (422 naming the clause); overspending refused or flagged as the profile says. Attach the invoice with ownerType spendingEntry");
        spending.MapGet("/{id:guid}", (Guid id, AppDbContext db, ProfileCatalog profiles, HttpContext http, CancellationToken ct) =>
                RecordSpending.Get(db, profiles, http.User, id, ct))
            .WithSummary("One spending entry (404 outside scope)");
        spending.MapPost("/{id:guid}/steps", (Guid id, SpendingStepInput input, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                RecordSpending.Step(db, profiles, clock, http.User, id, input, ct))
            .RequireAuthorization(Permissions.BudgetsManage)
            .WithSummary("The next step (Shenmu 第二十一条): approve or reject, then reimburse, then account; send the version you read (409 when stale)");
    }
}
