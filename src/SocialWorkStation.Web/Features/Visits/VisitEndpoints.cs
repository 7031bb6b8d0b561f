using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Visits;

public static class VisitEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/visits").WithTags("走访 Visits");
        g.MapGet("/", (AppDbContext db, HttpContext http, Guid? stationId, Guid? workerId, string? villageCode, Guid? recipientId, DateOnly? from, DateOnly? to,
                    string? kind, bool? followUpNeeded, int? page, int? pageSize, CancellationToken ct) =>
                ListVisits.Handle(db, http.User.Scope(), new ListVisits.Query(stationId, workerId, villageCode, recipientId, from, to, kind, followUpNeeded),
                    PageRequest.From(page, pageSize), ct))
            .WithSummary("The visit ledger inside the caller's scope, newest first, recipients' names masked")
            .WithDescription("Filters: stationId, workerId, villageCode (prefix), recipientId, from, to (visit dates, inclusive), kind (homeVisit|phoneGreeting), followUpNeeded.");
        g.MapGet("/{id:guid}", (Guid id, AppDbContext db, HttpContext http, CancellationToken ct) => GetVisit.Handle(db, http.User.Scope(), id, ct))
            .WithSummary("One visit (404 outside the caller's scope)");
        g.MapPost("/", async Task<IResult> (VisitInput input, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var (visit, created) = await SaveVisit.Create(db, clock, http.User, input, ct);
                return created ? TypedResults.Created($"/api/v1/visits/{visit.Id}", visit) : TypedResults.Ok(visit);
            })
            .RequireAuthorization(Permissions.VisitsWrite)
            .Produces<VisitDto>(201).Produces<VisitDto>(200)
            .WithSummary("Record a visit; a repeat with the same idempotencyKey answers the stored record (200) instead of adding another")
            .WithDescription("Back-filled (补录) is set when the visit is recorded more than 7 days after it happened.");
        g.MapPut("/{id:guid}", (Guid id, VisitInput input, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                SaveVisit.Update(db, clock, http.User, id, input, ct))
            .RequireAuthorization(Permissions.VisitsWrite)
            .WithSummary("Edit a visit; send the version you read (409 when stale)");
        g.MapGet("/due", (AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, Guid? stationId, Guid? workerId, string? villageCode, CancellationToken ct) =>
                DueVisits.Handle(db, profiles, clock, http.User.Scope(), new DueVisits.Query(stationId, workerId, villageCode), ct))
            .WithSummary("Recipients whose periodic visit (定期巡访) is overdue or due within 7 days, by the station's profile; filter by stationId, workerId (responsible worker), villageCode")
            .WithDescription("A recipient due on the last day of the interval is not overdue; the day after, it is. Never visited: counted from registration.");
        g.MapGet("/due/stations", (AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                DueVisits.ByStation(db, profiles, clock, http.User.Scope(), ct))
            .WithSummary("Per station (township) in scope: recipients with a visit schedule, how many are overdue, and the share visited on time");
        g.MapGet("/ledger/export", async (AppDbContext db, AuditLog audit, TimeProvider clock, HttpContext http, Guid? stationId, Guid? workerId, string? villageCode,
                    Guid? recipientId, DateOnly? from, DateOnly? to, string? kind, bool? followUpNeeded, CancellationToken ct) =>
            {
                var (bytes, name) = await ExportVisitLedger.Build(db, audit, clock, http.User.Scope(),
                    new ListVisits.Query(stationId, workerId, villageCode, recipientId, from, to, kind, followUpNeeded), ct);
                return TypedResults.File(bytes, ExportVisitLedger.ContentType, name);
            })
            .RequireAuthorization(Permissions.VisitsExport)
            .Produces(200, contentType: ExportVisitLedger.ContentType)
            .WithSummary("The visit ledger (走访台账) as Excel with the bureau's columns, names masked; the export is audited");
    }
}
