using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Activities;

public static class ActivityEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/activities").WithTags("社区活动 Activities");
        g.MapGet("/", (Guid? stationId, string? from, string? to, string? kind, string? q, int? page, int? pageSize,
                AppDbContext db, ProfileCatalog profiles, HttpContext http, CancellationToken ct) =>
                ActivityUseCases.List(db, profiles, http.User.Scope(), new ActivityUseCases.Query(stationId, from, to, kind, q), PageRequest.From(page, pageSize), ct))
            .WithSummary("Activities inside the caller's scope, newest first (filters: stationId, from, to, kind, q)");
        g.MapGet("/progress", (Guid? stationId, int? year, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                ActivityUseCases.Progress(db, profiles, clock, http.User.Scope(), stationId, year, ct))
            .WithSummary("A station's activities of a year against its profile's standard (stationId defaults to the caller's station)");
        g.MapGet("/{id:guid}", (Guid id, AppDbContext db, ProfileCatalog profiles, HttpContext http, CancellationToken ct) =>
                ActivityUseCases.Get(db, profiles, http.User.Scope(), id, ct))
            .WithSummary("One activity with its attachments and the needs it answers (404 outside the caller's scope)");
        g.MapPost("/", async (ActivityInput input, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var dto = await ActivityUseCases.Create(db, profiles, clock, http.User, input, ct);
                return TypedResults.Created($"/api/v1/activities/{dto.Id}", dto);
            })
            .RequireAuthorization(Permissions.ServicesRecord)
            .WithSummary("Record an activity");
        g.MapPut("/{id:guid}", (Guid id, ActivityInput input, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                ActivityUseCases.Update(db, profiles, clock, http.User, id, input, ct))
            .RequireAuthorization(Permissions.ServicesRecord)
            .WithSummary("Correct an activity; send the version you read (409 when stale)");
    }
}
