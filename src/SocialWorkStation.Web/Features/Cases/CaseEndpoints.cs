using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Recipients;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Cases;

public static class CaseEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/cases").WithTags("个案 Cases");
        g.MapGet("/", (AppDbContext db, ProfileCatalog profiles, HttpContext http, Guid? stationId, Guid? recipientId, string? stage, int? page, int? pageSize, CancellationToken ct) =>
                CaseUseCases.List(db, profiles, http.User.Scope(), stationId, recipientId, stage, PageRequest.From(page, pageSize), ct))
            .WithSummary("Cases inside the caller's scope, newest first, with services counted against the profile's minimum (no case notes)");
        g.MapGet("/{id:guid}", (Guid id, AppDbContext db, ProfileCatalog profiles, HttpContext http, CancellationToken ct) =>
                CaseUseCases.Get(db, profiles, http.User.Scope(), id, ct))
            .WithSummary("One case (404 outside the caller's scope); notes are read separately");
        g.MapPost("/", async (CaseInput input, AppDbContext db, ProfileCatalog profiles, RecipientProtector protector, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var dto = await CaseUseCases.Create(db, profiles, protector, clock, http.User, input, ct);
                return TypedResults.Created($"/api/v1/cases/{dto.Id}", dto);
            })
            .RequireAuthorization(Permissions.CasesWrite)
            .WithSummary("Take on a case (接案) for a recipient of the station; notes are stored encrypted");
        g.MapPut("/{id:guid}", (Guid id, CaseInput input, AppDbContext db, ProfileCatalog profiles, RecipientProtector protector, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                CaseUseCases.Update(db, profiles, protector, clock, http.User, id, input, ct))
            .RequireAuthorization(Permissions.CasesWrite)
            .WithSummary("Edit needs, goals, assessment, evaluation, notes; send the version you read (409 when stale). A changed plan or evaluation needs a new review");
        g.MapPost("/{id:guid}/stage", (Guid id, StageInput input, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                CaseUseCases.MoveStage(db, profiles, clock, http.User, id, input, ct))
            .RequireAuthorization(Permissions.CasesWrite)
            .WithSummary("Move to the next stage or refer (to: referred, referralOrganisation); 422 when MZ/T 094-2017's order is not kept");
        g.MapPost("/{id:guid}/services", (Guid id, ServiceInput input, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                CaseUseCases.AddService(db, profiles, clock, http.User, id, input, ct))
            .RequireAuthorization(Permissions.CasesWrite)
            .WithSummary("Record one service given during intervention (counted against the profile's services per case)");
        g.MapPost("/{id:guid}/review", (Guid id, ReviewInput input, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                CaseUseCases.Review(db, profiles, clock, http.User, id, input, ct))
            .RequireAuthorization(Permissions.CasesReview)
            .WithSummary("Supervisor's review of the plan (what: plan) or the evaluation (what: evaluation)");
        g.MapPost("/{id:guid}/notes", (Guid id, RevealInput input, AppDbContext db, RecipientProtector protector, AuditLog audit, HttpContext http, CancellationToken ct) =>
                CaseUseCases.Notes(db, protector, audit, http.User, id, input, ct))
            .RequireAuthorization(Permissions.CasesNotes)
            .WithSummary("The case notes in clear; needs a reason (at least 4 characters), written to the audit trail with the read (400 naming reason when missing)");
    }
}
