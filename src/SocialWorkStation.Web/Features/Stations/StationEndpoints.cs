using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Stations;

public static class StationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/stations").WithTags("站点 Stations");
        g.MapGet("/", (AppDbContext db, HttpContext http, string? q, string? kind, string? regionCode, int? page, int? pageSize, CancellationToken ct) =>
                ListStations.Handle(db, http.User.Scope(), new ListStations.Query(q, kind, regionCode), PageRequest.From(page, pageSize), ct))
            .WithSummary("Stations inside the caller's scope, paged");
        g.MapGet("/{id:guid}", (Guid id, AppDbContext db, HttpContext http, CancellationToken ct) =>
                GetStation.Handle(db, http.User.Scope(), id, ct))
            .WithSummary("One station (404 outside the caller's scope)");
        g.MapPost("/", async (StationInput input, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var dto = await SaveStation.Create(db, profiles, clock, http.User, input, ct);
                return TypedResults.Created($"/api/v1/stations/{dto.Id}", dto);
            })
            .RequireAuthorization(Permissions.StationsCreate)
            .WithSummary("Create a station");
        g.MapPut("/{id:guid}", (Guid id, StationInput input, AppDbContext db, ProfileCatalog profiles, HttpContext http, CancellationToken ct) =>
                SaveStation.Update(db, profiles, http.User, id, input, ct))
            .RequireAuthorization(Permissions.StationsUpdate)
            .WithSummary("Update a station; send the version you read (409 when stale)");
        g.MapGet("/{id:guid}/compliance", (Guid id, string? date, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                CheckStation.Handle(db, profiles, http.User.Scope(), id, CheckStation.ParseDate(date, clock), ct))
            .WithSummary("The station checked against its profile on a date (default today)");
    }
}
