using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Groups;

public static class GroupEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/groups").WithTags("小组 Groups");
        g.MapGet("/", (AppDbContext db, ProfileCatalog profiles, HttpContext http, Guid? stationId, int? page, int? pageSize, CancellationToken ct) =>
                GroupUseCases.List(db, profiles, http.User.Scope(), stationId, PageRequest.From(page, pageSize), ct))
            .WithSummary("Groups inside the caller's scope with sessions held, participant-times and whether the group counts under the profile");
        g.MapGet("/{id:guid}", (Guid id, AppDbContext db, ProfileCatalog profiles, HttpContext http, CancellationToken ct) =>
                GroupUseCases.Get(db, profiles, http.User.Scope(), id, ct))
            .WithSummary("One group with its sessions and attendance (404 outside the caller's scope)");
        g.MapPost("/", async (GroupInput input, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var dto = await GroupUseCases.Create(db, profiles, clock, http.User, input, ct);
                return TypedResults.Created($"/api/v1/groups/{dto.Id}", dto);
            })
            .RequireAuthorization(Permissions.GroupsWrite)
            .WithSummary("Start a group: name, purpose, stage (MZ/T 095-2017), planned sessions, members (recipients of the station)");
        g.MapPut("/{id:guid}", (Guid id, GroupInput input, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                GroupUseCases.Update(db, profiles, clock, http.User, id, input, ct))
            .RequireAuthorization(Permissions.GroupsWrite)
            .WithSummary("Edit a group; send the version you read (409 when stale)");
        g.MapPost("/{id:guid}/sessions", (Guid id, SessionInput input, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                GroupUseCases.AddSession(db, profiles, clock, http.User, id, input, ct))
            .RequireAuthorization(Permissions.GroupsWrite)
            .WithSummary("Record a session held: date, content, attendees (members); photos attach to it as owner type groupSession");
    }
}
