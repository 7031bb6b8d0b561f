using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Attachments;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.ContractorChecks;

public static class ContractorCheckEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/contractor-checks").WithTags("项目经理检查指导 Contractor checks");
        g.MapGet("/", (Guid? stationId, string? month, int? year, int? page, int? pageSize, AppDbContext db, HttpContext http, CancellationToken ct) =>
                ContractorCheckUseCases.List(db, http.User.Scope(), new ContractorCheckUseCases.Query(stationId, month, year), PageRequest.From(page, pageSize), ct))
            .WithSummary("The project manager's station checks inside the caller's scope, newest first (filters: stationId, month YYYY-MM, year)");
        g.MapGet("/coverage", (Guid? stationId, int? year, int? page, int? pageSize, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                ContractorCheckUseCases.Coverage(db, profiles, clock, http.User.Scope(), stationId, year, PageRequest.From(page, pageSize), ct))
            .WithSummary("Per township station in scope: the year's months with a check against the months elapsed (Qiongzhong: at least one a month)")
            .WithDescription("A check counts for the calendar month of its date. The current month is 'open' until its last day; an ended month without enough checks is 'missing'.");
        g.MapGet("/export", async (Guid? stationId, string? month, int? year, AppDbContext db, AuditLog audit, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var (bytes, name) = await ExportContractorChecks.Build(db, audit, clock, http.User.Scope(), new ContractorCheckUseCases.Query(stationId, month, year), ct);
                return TypedResults.File(bytes, ExcelCells.XlsxContentType, name);
            })
            .Produces(200, contentType: ExcelCells.XlsxContentType)
            .WithSummary("The checks of the list's filters as Excel; the export is audited");
        g.MapGet("/{id:guid}", (Guid id, AppDbContext db, HttpContext http, CancellationToken ct) => ContractorCheckUseCases.Get(db, http.User.Scope(), id, ct))
            .WithSummary("One check with its attachments (404 outside the caller's scope)");
        g.MapPost("/", async (ContractorCheckInput input, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var dto = await ContractorCheckUseCases.Create(db, clock, http.User, input, ct);
                return TypedResults.Created($"/api/v1/contractor-checks/{dto.Id}", dto);
            })
            .RequireAuthorization(Permissions.ContractorChecksWrite)
            .WithSummary("Record a check of a station by the contractor's project manager (checkedOn not after today, China time)");
        g.MapPut("/{id:guid}", (Guid id, ContractorCheckInput input, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                ContractorCheckUseCases.Update(db, clock, http.User, id, input, ct))
            .RequireAuthorization(Permissions.ContractorChecksWrite)
            .WithSummary("Correct a check; send the version you read (409 when stale)");
        g.MapDelete("/{id:guid}", async (Guid id, int? version, AppDbContext db, AttachmentStore store, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                await ContractorCheckUseCases.Delete(db, store, clock, http.User, id, version, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Permissions.ContractorChecksWrite)
            .WithSummary("Remove a check recorded in error, with its attachments; send ?version= as read (409 when stale)");
    }
}
