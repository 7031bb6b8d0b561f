using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Incidents;

/// <summary>Incidents, urgent reports and county documents (docs/requirements/incidents.md).</summary>
public static class IncidentEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/incidents").WithTags("风险与突发事件 Incidents").RequireAuthorization(Permissions.IncidentsRead);
        g.MapGet("/", (Guid? stationId, string? status, int? page, int? pageSize, AppDbContext db, HttpContext http, CancellationToken ct) =>
                IncidentUseCases.List(db, http.User, stationId, status, PageRequest.From(page, pageSize), ct))
            .WithSummary("Incidents of the stations in scope, newest first; status open, closed or unacknowledged (urgent reports not yet acknowledged)");
        g.MapGet("/{id:guid}", (Guid id, AppDbContext db, HttpContext http, CancellationToken ct) => IncidentUseCases.Get(db, http.User, id, ct))
            .WithSummary("One incident (404 outside scope); the recipient's name is always masked");
        g.MapPost("/", async (IncidentInput input, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var dto = await IncidentUseCases.Create(db, profiles, clock, http.User, input, ct);
                return TypedResults.Created($"/api/v1/incidents/{dto.Id}", dto);
            })
            .RequireAuthorization(Permissions.IncidentsWrite)
            .WithSummary("Register an incident; urgent: true makes it an urgent report routed by the station's profile (Qiongzhong: a 特困 person's medical need to the township) and shown on the receiver's home page until acknowledged");
        g.MapPut("/{id:guid}", (Guid id, IncidentUpdateInput input, AppDbContext db, HttpContext http, CancellationToken ct) =>
                IncidentUseCases.Update(db, http.User, id, input, ct))
            .RequireAuthorization(Permissions.IncidentsWrite)
            .WithSummary("Correct what happened, the severity and the actions taken; send the version you read (409 when stale)");
        g.MapPost("/{id:guid}/close", (Guid id, IncidentCloseInput input, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                IncidentUseCases.Close(db, clock, http.User, id, input, ct))
            .RequireAuthorization(Permissions.IncidentsWrite)
            .WithSummary("Close the incident with the day and how it was closed; send the version you read (409 when stale); 422 when already closed");
        g.MapPost("/{id:guid}/acknowledge", (Guid id, AcknowledgeInput input, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                IncidentUseCases.Acknowledge(db, clock, http.User, id, input, ct))
            .RequireAuthorization(Permissions.IncidentsAcknowledge)
            .WithSummary("The receiver acknowledges an urgent report (who and when are recorded): the township officer for one routed to the township, the bureau for one routed to it (422 otherwise); send the version you read (409 when stale)");

        api.MapGet("/stations/{id:guid}/incidents", (Guid id, string? status, int? page, int? pageSize, AppDbContext db, HttpContext http, CancellationToken ct) =>
                IncidentUseCases.ForStation(db, http.User, id, status, PageRequest.From(page, pageSize), ct))
            .WithTags("风险与突发事件 Incidents").RequireAuthorization(Permissions.IncidentsRead)
            .WithSummary("The incident register of one station (404 outside scope)");

        var docs = api.MapGroup("/county-documents").WithTags("风险与突发事件 Incidents").RequireAuthorization(Permissions.IncidentsRead);
        docs.MapGet("/", (AppDbContext db, ProfileCatalog profiles, HttpContext http, CancellationToken ct) => IncidentUseCases.ListDocuments(db, profiles, http.User, ct))
            .WithSummary("The county documents in scope (Hunan 八（二）: 退出机制、应急预案) and, per county whose profile asks for them, the ones missing");
        docs.MapPost("/", async (CountyDocumentInput input, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var dto = await IncidentUseCases.AddDocument(db, profiles, clock, http.User, input, ct);
                return TypedResults.Created($"/api/v1/county-documents", dto);
            })
            .RequireAuthorization(Permissions.CountyDocumentsManage)
            .WithSummary("The county bureau records a document its profile asks for (name, title, number, date)");
    }

    public static void AddIncidents(this IServiceCollection services)
    {
        services.AddScoped<Shared.IHomeQueueSource, UrgentReportHomeQueue>();
        services.AddScoped<Shared.IHomeQueueSource, CountyDocumentHomeQueue>();
    }
}
