using System.Security.Claims;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Volunteers;

public static class VolunteerEndpoints
{
    public sealed class Forbidden() : Exception("没有操作权限");

    public static void Map(RouteGroupBuilder api)
    {
        var v = api.MapGroup("/volunteers").WithTags("志愿者 Volunteers");
        v.MapGet("/", (Guid? stationId, Guid? teamId, int? registeredYear, string? q, int? page, int? pageSize, AppDbContext db, HttpContext http, CancellationToken ct) =>
                VolunteerUseCases.List(db, http.User.Scope(), stationId, teamId, registeredYear, q, PageRequest.From(page, pageSize), ct))
            .WithSummary("Volunteers inside the caller's scope; idNumber masked (filters: stationId, teamId, registeredYear, q = name, ID tail or volunteer number)");
        v.MapGet("/progress", (Guid? stationId, int? year, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                VolunteerUseCases.Progress(db, profiles, clock, http.User.Scope(), stationId, year, ct))
            .WithSummary("New real-name registrations of a year and the station's teams, against its profile's standard");
        v.MapGet("/export", async (Guid? stationId, int? year, bool? reveal, string? reason, AppDbContext db, AuditLog audit, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                try
                {
                    var (content, name) = await ProofUseCases.Export(db, audit, clock, http.User, stationId, year, reveal == true, reason, ct);
                    return Results.File(content, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
                }
                catch (Forbidden)
                {
                    return Results.Forbid();
                }
            })
            .WithSummary("Excel of a station's volunteers and the year's hours (ID numbers masked; reveal=true with a reason for those allowed). Audited");
        v.MapGet("/{id:guid}", (Guid id, AppDbContext db, HttpContext http, CancellationToken ct) => VolunteerUseCases.Get(db, http.User.Scope(), id, ct))
            .WithSummary("One volunteer (idNumber masked; 404 outside the caller's scope)");
        v.MapPost("/", async (VolunteerInput input, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var dto = await VolunteerUseCases.Create(db, clock, http.User, input, ct);
                return TypedResults.Created($"/api/v1/volunteers/{dto.Id}", dto);
            })
            .RequireAuthorization(Permissions.ServicesRecord)
            .WithSummary("Register a volunteer by real name (a resident ID is checked under GB 11643; a second registration of the same ID in the station is 409)");
        v.MapPut("/{id:guid}", (Guid id, VolunteerInput input, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                VolunteerUseCases.Update(db, clock, http.User, id, input, ct))
            .RequireAuthorization(Permissions.ServicesRecord)
            .WithSummary("Correct a volunteer; send the version you read (409 when stale)");
        v.MapPost("/{id:guid}/reveal", (Guid id, RevealInput input, AppDbContext db, AuditLog audit, HttpContext http, CancellationToken ct) =>
                VolunteerUseCases.Reveal(db, audit, http.User.Scope(), id, input, ct))
            .RequireAuthorization(Permissions.VolunteersReveal)
            .WithSummary("The full ID number, with a reason that goes to the audit trail");
        // The training and award parts of the record (order No. 67 art. 4): add one entry, remove a wrong one.
        void MapPart<TInput>(string part, string what, Func<AppDbContext, TimeProvider, ClaimsPrincipal, Guid, TInput, CancellationToken, Task<VolunteerDto>> add,
            Func<AppDbContext, ClaimsPrincipal, Guid, Guid, CancellationToken, Task> remove)
        {
            v.MapPost($"/{{id:guid}}/{part}", (Guid id, TInput input, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                    add(db, clock, http.User, id, input, ct))
                .RequireAuthorization(Permissions.ServicesRecord)
                .WithSummary($"Add {what} to the volunteer's record (order No. 67 art. 4); answers the volunteer");
            v.MapDelete($"/{{id:guid}}/{part}/{{entryId:guid}}", async (Guid id, Guid entryId, AppDbContext db, HttpContext http, CancellationToken ct) =>
                {
                    await remove(db, http.User, id, entryId, ct);
                    return TypedResults.NoContent();
                })
                .RequireAuthorization(Permissions.ServicesRecord)
                .WithSummary($"Remove a wrong entry of {what} (the audit trail keeps it); removing one already gone answers the same");
        }
        MapPart<VolunteerTrainingInput>("trainings", "a training (培训情况: date, name, class hours, organiser)", TrainingAwardUseCases.AddTraining, TrainingAwardUseCases.RemoveTraining);
        MapPart<VolunteerAwardInput>("awards", "an award or commendation (表彰奖励情况: date, name, granting body)", TrainingAwardUseCases.AddAward, TrainingAwardUseCases.RemoveAward);
        v.MapGet("/{id:guid}/proofs", (Guid id, AppDbContext db, HttpContext http, CancellationToken ct) =>
                ProofUseCases.List(db, http.User.Scope(), id, ct))
            .RequireAuthorization(Permissions.VolunteersReveal)
            .WithSummary("The proofs of service issued to a volunteer (ID masked in the list)");
        v.MapPost("/{id:guid}/proofs", async (Guid id, ProofInput input, AppDbContext db, AuditLog audit, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var dto = await ProofUseCases.Issue(db, audit, clock, http.User, id, input, ct);
                return TypedResults.Created($"/api/v1/volunteers/{id}/proofs/{dto.Id}", dto);
            })
            .RequireAuthorization(Permissions.VolunteersReveal)
            .WithSummary("Issue a proof of volunteer service (志愿服务证明, order No. 67) for a period; listTrainingAndAwards adds the period's trainings and awards as other matters; audited");
        v.MapGet("/{id:guid}/proofs/{proofId:guid}", (Guid id, Guid proofId, AppDbContext db, AuditLog audit, HttpContext http, CancellationToken ct) =>
                ProofUseCases.Get(db, audit, http.User.Scope(), id, proofId, ct))
            .RequireAuthorization(Permissions.VolunteersReveal)
            .WithSummary("One proof with the full ID number, to print; audited");

        var t = api.MapGroup("/volunteer-teams").WithTags("志愿服务队 Volunteer teams");
        t.MapGet("/", (Guid? stationId, int? page, int? pageSize, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                TeamUseCases.List(db, clock, http.User.Scope(), stationId, PageRequest.From(page, pageSize), ct))
            .WithSummary("Volunteer teams inside the caller's scope");
        t.MapGet("/{id:guid}", (Guid id, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) => TeamUseCases.Get(db, clock, http.User.Scope(), id, ct))
            .WithSummary("One team with its members");
        t.MapPost("/", async (VolunteerTeamInput input, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var dto = await TeamUseCases.Create(db, clock, http.User, input, ct);
                return TypedResults.Created($"/api/v1/volunteer-teams/{dto.Id}", dto);
            })
            .RequireAuthorization(Permissions.ServicesRecord)
            .WithSummary("Found a volunteer team (members are the station's volunteers)");
        t.MapPut("/{id:guid}", (Guid id, VolunteerTeamInput input, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                TeamUseCases.Update(db, clock, http.User, id, input, ct))
            .RequireAuthorization(Permissions.ServicesRecord)
            .WithSummary("Correct a team or its members; send the version you read (409 when stale)");

        var s = api.MapGroup("/volunteer-services").WithTags("志愿服务记录 Volunteer services");
        s.MapGet("/", (Guid? stationId, Guid? volunteerId, Guid? activityId, string? from, string? to, int? page, int? pageSize, AppDbContext db, HttpContext http, CancellationToken ct) =>
                ServiceUseCases.List(db, http.User.Scope(), stationId, volunteerId, activityId, from, to, PageRequest.From(page, pageSize), ct))
            .WithSummary("Volunteer service records inside the caller's scope");
        s.MapGet("/{id:guid}", (Guid id, AppDbContext db, HttpContext http, CancellationToken ct) => ServiceUseCases.Get(db, http.User.Scope(), id, ct))
            .WithSummary("One service record");
        s.MapPost("/", async (VolunteerServiceInput input, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var dto = await ServiceUseCases.Create(db, clock, http.User, input, ct);
                return TypedResults.Created($"/api/v1/volunteer-services/{dto.Id}", dto);
            })
            .RequireAuthorization(Permissions.ServicesRecord)
            .WithSummary("Record a volunteer's service: start and end with the travel inside them, or hours; travel time is never counted (order No. 67)");
        s.MapPut("/{id:guid}", (Guid id, VolunteerServiceInput input, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                ServiceUseCases.Update(db, clock, http.User, id, input, ct))
            .RequireAuthorization(Permissions.ServicesRecord)
            .WithSummary("Correct a service record; send the version you read (409 when stale)");
    }
}
