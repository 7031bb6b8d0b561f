using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Reports;

public static class ReportEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/reports").WithTags("报告报送 Reports");
        g.MapGet("/", (string? kind, string? period, Guid? stationId, string? region, string? status, bool? allRevisions, int? page, int? pageSize,
                AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                ListReports.Handle(db, profiles, clock, http.User.Scope(), new ListReports.Query(kind, period, stationId, region, status, allRevisions ?? false), PageRequest.From(page, pageSize), ct))
            .WithSummary("Reports inside the caller's scope, newest period first; status draft, submitted, returned or accepted");
        g.MapGet("/deadlines", (AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                ReportDeadlines.Handle(db, profiles, clock, http.User, ct))
            .WithSummary("What the caller must write and by when; for a receiver, who has not filed and overdue counts per county");
        g.MapGet("/{id:guid}", (Guid id, AppDbContext db, ProfileCatalog profiles, DraftReport drafts, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                GetReport.Handle(db, profiles, drafts, clock, http.User, id, ct))
            .WithSummary("One report with its content: drafted from the records now, or frozen as submitted (404 outside the caller's scope)");
        g.MapPost("/", async (ReportInput input, AppDbContext db, ProfileCatalog profiles, DraftReport drafts, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var dto = await CreateReport.Handle(db, profiles, drafts, clock, http.User, input, ct);
                return TypedResults.Created($"/api/v1/reports/{dto.Id}", dto);
            })
            .RequireAuthorization(Permissions.ReportsWrite)
            .WithSummary("Start a report of a kind the writer's profile lists: stationId for a station's report, regionCode for a county's or city's own; 409 when it exists");
        g.MapPut("/{id:guid}", (Guid id, ReportTextInput input, AppDbContext db, ProfileCatalog profiles, DraftReport drafts, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                SaveReportText.Handle(db, profiles, drafts, clock, http.User, id, input, ct))
            .RequireAuthorization(Permissions.ReportsWrite)
            .WithSummary("Write the narrative sections of a draft or returned report; send the version you read (409 when stale)");
        g.MapPost("/{id:guid}/submit", (Guid id, ReportActionInput input, AppDbContext db, ProfileCatalog profiles, DraftReport drafts, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                SubmitReport.Handle(db, profiles, drafts, clock, http.User, id, input, ct))
            .RequireAuthorization(Permissions.ReportsWrite)
            .WithSummary("File the report: its figures are frozen as of now and the Word file is kept with its SHA-256");
        g.MapPost("/{id:guid}/return", (Guid id, ReportActionInput input, AppDbContext db, ProfileCatalog profiles, DraftReport drafts, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                ReviewReport.Return(db, profiles, drafts, clock, http.User, id, input, ct))
            .RequireAuthorization(Permissions.ReportsReview)
            .WithSummary("Return a submitted report to its writer with comments (the receiving bureau)");
        g.MapPost("/{id:guid}/accept", (Guid id, ReportActionInput input, AppDbContext db, ProfileCatalog profiles, DraftReport drafts, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                ReviewReport.Accept(db, profiles, drafts, clock, http.User, id, input, ct))
            .RequireAuthorization(Permissions.ReportsReview)
            .WithSummary("Accept a submitted report; it is locked with its figures as submitted");
        g.MapPost("/{id:guid}/correct", (Guid id, ReportActionInput input, AppDbContext db, ProfileCatalog profiles, DraftReport drafts, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                CorrectReport.Handle(db, profiles, drafts, clock, http.User, id, input, ct))
            .RequireAuthorization(Permissions.ReportsWrite)
            .WithSummary("Start a correction of an accepted report: a new revision; the accepted one is kept");
        g.MapGet("/{id:guid}/docx", async (Guid id, AppDbContext db, ProfileCatalog profiles, DraftReport drafts, TimeProvider clock, AuditLog audit, HttpContext http, CancellationToken ct) =>
            {
                var (content, type, name) = await DownloadReport.Handle(db, profiles, drafts, clock, audit, http.User, id, "docx", ct);
                return TypedResults.File(content, type, name);
            })
            .WithSummary("The report as Word (.docx); a filed report's file is the one kept at submission");
        g.MapGet("/{id:guid}/xlsx", async (Guid id, AppDbContext db, ProfileCatalog profiles, DraftReport drafts, TimeProvider clock, AuditLog audit, HttpContext http, CancellationToken ct) =>
            {
                var (content, type, name) = await DownloadReport.Handle(db, profiles, drafts, clock, audit, http.User, id, "xlsx", ct);
                return TypedResults.File(content, type, name);
            })
            .WithSummary("The report's tables as Excel (.xlsx)");
    }

    /// <summary>The report feature's services: the drafter and its section builders (other features add theirs), the home-page source.</summary>
    public static void AddReports(this IServiceCollection services)
    {
        services.AddScoped<DraftReport>();
        services.AddScoped<IReportSection, ProgressSection>();
        services.AddScoped<IReportSection, VisitsSection>();
        services.AddScoped<IReportSection, CasesSection>();
        services.AddScoped<IReportSection, GroupsSection>();
        services.AddScoped<IReportSection, ActivitiesSection>();
        services.AddScoped<IReportSection, VolunteersSection>();
        services.AddScoped<IReportSection, ResourcesSection>();
        services.AddScoped<IReportSection, NeedsSection>();
        services.AddScoped<IReportSection, StaffingSection>();
        services.AddScoped<IReportSection, ComplianceSection>();
        services.AddScoped<IReportSection, RollupSection>();
        services.AddScoped<Shared.IHomeQueueSource, ReportHomeQueue>();
    }
}
