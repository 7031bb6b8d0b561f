using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Agreements;

/// <summary>Programme cycles and annual agreements (docs/requirements/agreements.md).</summary>
public static class AgreementEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var cycles = api.MapGroup("/programme-cycles").WithTags("项目周期 Programme cycles").RequireAuthorization(Permissions.AgreementsRead);
        cycles.MapGet("/", (string? countyCode, int? page, int? pageSize, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                ListCycles.Handle(db, profiles, clock, http.User, countyCode, PageRequest.From(page, pageSize), ct))
            .WithSummary("Programme cycles the caller may read (bureau: its region; township: its stations'; contractor manager: its own organisation's), newest first, paged");
        cycles.MapGet("/{id:guid}", (Guid id, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                ListCycles.One(db, profiles, clock, http.User, id, ct))
            .WithSummary("One cycle with its stations and agreements (404 outside the caller's scope)");
        cycles.MapPost("/", async (CycleInput input, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var dto = await CreateCycle.Handle(db, profiles, clock, http.User, input, ct);
                return TypedResults.Created($"/api/v1/programme-cycles/{dto.Id}", dto);
            })
            .RequireAuthorization(Permissions.AgreementsManage)
            .WithSummary("Start a cycle: county, profile, buyer, contractor (422 when the profile does not let it contract), start date, stations; its length comes from the profile");
        cycles.MapPost("/{id:guid}/agreements", async (Guid id, AgreementInput input, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var dto = await SaveAgreement.Create(db, profiles, clock, http.User, id, input, ct);
                return TypedResults.Created($"/api/v1/agreements/{dto.Id}", dto);
            })
            .RequireAuthorization(Permissions.AgreementsManage)
            .WithSummary("Sign the cycle's agreement for a year (default the next): 422 beyond the cycle's length, 409 when that year is signed; missing required clauses are flagged");

        var agreements = api.MapGroup("/agreements").WithTags("服务协议 Agreements").RequireAuthorization(Permissions.AgreementsRead);
        agreements.MapGet("/{id:guid}", (Guid id, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                SaveAgreement.Get(db, profiles, clock, http.User, id, ct))
            .WithSummary("One agreement: term, amount, required clauses and which are missing, deadlines from the signing date and which are overdue today (404 outside scope)");
        agreements.MapPut("/{id:guid}", (Guid id, AgreementInput input, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                SaveAgreement.Update(db, profiles, clock, http.User, id, input, ct))
            .RequireAuthorization(Permissions.AgreementsManage)
            .WithSummary("Edit an agreement, record the filing and workers-placed days; send the version you read (409 when stale)");
        agreements.MapGet("/{id:guid}/renewal", (Guid id, AppDbContext db, ProfileCatalog profiles, HttpContext http, CancellationToken ct) =>
                AgreementRenewal.Get(db, profiles, http.User, id, ct))
            .WithSummary("The year's final grade and the proposal: renew within the cycle (合格 or better), procure anew (不合格), or the cycle has ended (Ledong 七、（二）5.)");
        agreements.MapPut("/{id:guid}/final-grade", (Guid id, FinalGradeInput input, AppDbContext db, ProfileCatalog profiles, HttpContext http, CancellationToken ct) =>
                AgreementRenewal.Grade(db, profiles, http.User, id, input, ct))
            .RequireAuthorization(Permissions.AgreementsManage)
            .WithSummary("Enter the year's final evaluation grade with the evaluation report's reference; send the version you read (409 when stale)");
        agreements.MapPost("/{id:guid}/renew", async (Guid id, RenewInput input, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var dto = await AgreementRenewal.Renew(db, profiles, clock, http.User, id, input, ct);
                return TypedResults.Created($"/api/v1/agreements/{dto.Id}", dto);
            })
            .RequireAuthorization(Permissions.AgreementsManage)
            .WithSummary("Renew: next year's agreement from this one (clauses, amount, term a year on); 422 without a passing grade or beyond the cycle's years, 409 when that year is signed");

        var plans = api.MapGroup("/implementation-plans").WithTags("年度实施计划 Implementation plans").RequireAuthorization(Permissions.PlansRead);
        plans.MapGet("/", (string? countyCode, int? year, AppDbContext db, ProfileCatalog profiles, HttpContext http, CancellationToken ct) =>
                ImplementationPlans.List(db, profiles, http.User, countyCode, year, ct))
            .WithSummary("Annual implementation plans: the county bureau its own (draft or filed), the city and province bureaus the filed plans of their counties (Hunan 七、（一）)");
        plans.MapGet("/{id:guid}", (Guid id, AppDbContext db, ProfileCatalog profiles, HttpContext http, CancellationToken ct) =>
                ImplementationPlans.Get(db, profiles, http.User, id, ct))
            .WithSummary("One plan: its sections (the profile's six for Hunan), the contractor's recruitment plan, the filing (404 outside scope; a draft is 404 above the county)");
        plans.MapPost("/", async (ImplementationPlanInput input, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var dto = await ImplementationPlans.Create(db, profiles, clock, http.User, input, ct);
                return TypedResults.Created($"/api/v1/implementation-plans/{dto.Id}", dto);
            })
            .RequireAuthorization(Permissions.PlansManage)
            .WithSummary("Draft the county's plan for a year (the county bureau only; 422 for a profile that asks for none, 409 when that year's exists)");
        plans.MapPut("/{id:guid}", (Guid id, ImplementationPlanInput input, AppDbContext db, ProfileCatalog profiles, HttpContext http, CancellationToken ct) =>
                ImplementationPlans.Update(db, profiles, http.User, id, input, ct))
            .RequireAuthorization(Permissions.PlansManage)
            .WithSummary("Edit the sections and the recruitment plan; send the version you read (409 when stale, and 409 once filed: a filed plan is locked)");
        plans.MapPost("/{id:guid}/filing", (Guid id, PlanFilingInput input, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                ImplementationPlans.File(db, profiles, clock, http.User, id, input, ct))
            .RequireAuthorization(Permissions.PlansManage)
            .WithSummary("File the plan with the city (备案) on a day (default today): every section written and the recruitment plan present (422 otherwise); locks it");

        var stations = api.MapGroup("/stations").WithTags("交接 Hand-overs");
        stations.MapPost("/{id:guid}/handovers", async (Guid id, HandoverInput input, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, Audit.AuditLog audit, HttpContext http, CancellationToken ct) =>
            {
                var dto = await HandOver.Create(db, profiles, clock, audit, http.User, id, input, ct);
                return TypedResults.Created($"/api/v1/handovers/{dto.Id}", dto);
            })
            .RequireAuthorization(Permissions.AgreementsManage)
            .WithSummary("Hand the station over to another contractor on a day (today or earlier) in one transaction: the contractor changes, the outgoing contractor's accounts lose the station, the records stay and are listed (交接清单); 422 for the same organisation, a contractor the profile forbids, a day before the outgoing agreement; 409 on a stale station version");
        stations.MapGet("/{id:guid}/handovers", (Guid id, AppDbContext db, HttpContext http, CancellationToken ct) => HandOver.ForStation(db, http.User, id, ct))
            .RequireAuthorization(Permissions.AgreementsRead)
            .WithSummary("The station's hand-overs the caller may read (bureau and township by region; a contractor manager those its organisation gave or took), newest first; 404 when neither the station nor any of them is readable");
        var handovers = api.MapGroup("/handovers").WithTags("交接 Hand-overs").RequireAuthorization(Permissions.AgreementsRead);
        handovers.MapGet("/{id:guid}", (Guid id, AppDbContext db, HttpContext http, CancellationToken ct) => HandOver.Get(db, http.User, id, ct))
            .WithSummary("One hand-over with its list: per kind of record the count and the ids (404 outside scope)");
        handovers.MapGet("/{id:guid}/list.xlsx", async (Guid id, AppDbContext db, Audit.AuditLog audit, HttpContext http, CancellationToken ct) =>
            {
                var (bytes, name) = await HandOver.Export(db, audit, http.User, id, ct);
                return TypedResults.File(bytes, ExcelCells.XlsxContentType, name);
            })
            .WithSummary("The hand-over list (交接清单) as Excel, for the bureau and both contractors' managers; audited");
    }

    public static void AddAgreements(this IServiceCollection services)
    {
        services.AddScoped<Shared.IHomeQueueSource, AgreementHomeQueue>();
    }
}
