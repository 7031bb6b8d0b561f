using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Recipients;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Complaints;

/// <summary>
/// Limits on the anonymous complaint form and the tracking look-up, per client address (section "PublicForms",
/// docs/requirements/public.md §4). Only POSTs count: reading the empty form is free.
/// </summary>
public sealed class PublicFormOptions
{
    public const string Section = "PublicForms";
    /// <summary>Complaints one address may file per hour (the form and the API together).</summary>
    [Range(1, 10000)] public int ComplaintsPerHour { get; set; } = 5;
    /// <summary>Tracking look-ups and satisfaction answers one address may send per minute.</summary>
    [Range(1, 10000)] public int LookupsPerMinute { get; set; } = 10;
}

/// <summary>Complaints and suggestions (docs/requirements/public.md §4).</summary>
public static class ComplaintEndpoints
{
    public const string FilePolicy = "complaint-file";
    public const string TrackPolicy = "complaint-track";

    public static void Map(RouteGroupBuilder api)
    {
        var pub = api.MapGroup("/public/complaints").WithTags("投诉建议（公开） Public complaints").AllowAnonymous();
        pub.MapPost("/", async (PublicComplaintInput input, AppDbContext db, RecipientProtector protector, ProfileCatalog profiles, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Created("/public/complaints/track", await ComplaintUseCases.File(db, protector, profiles, clock, input, ct)))
            .RequireRateLimiting(FilePolicy)
            .WithSummary("File a complaint, suggestion or request for help about a station without an account; the answer holds the tracking number (shown once). Rate-limited per address (429)");
        pub.MapPost("/track", (TrackInput input, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                ComplaintUseCases.Track(db, clock, input.TrackingNumber, ct))
            .RequireRateLimiting(TrackPolicy)
            .WithSummary("Look a complaint up by its tracking number: status, dates and the answer only (404 for an unknown number; rate-limited per address, 429)");
        pub.MapPost("/satisfaction", (PublicSatisfactionInput input, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                ComplaintUseCases.RateByPerson(db, clock, input, ct))
            .RequireRateLimiting(TrackPolicy)
            .WithSummary("The person says how satisfied they are with the answer (满意/基本满意/不满意); 422 before the answer");

        var g = api.MapGroup("/complaints").WithTags("投诉建议 Complaints").RequireAuthorization(Permissions.ComplaintsRead);
        g.MapGet("/", (Guid? stationId, string? status, int? page, int? pageSize, AppDbContext db, RecipientProtector protector, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                ComplaintUseCases.List(db, protector, clock, http.User, stationId, status, PageRequest.From(page, pageSize), ct))
            .WithSummary("Complaints of the stations in scope (those the profile routes to the county bureau: bureau and township only), newest first; status open, overdue or answered");
        g.MapGet("/{id:guid}", (Guid id, AppDbContext db, RecipientProtector protector, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                ComplaintUseCases.Get(db, protector, clock, http.User, id, ct))
            .WithSummary("One complaint with its due day and whether it is overdue (404 outside scope); name and phone masked without complaints.reveal");
        g.MapPost("/", async (StaffComplaintInput input, AppDbContext db, RecipientProtector protector, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var dto = await ComplaintUseCases.Enter(db, protector, profiles, clock, http.User, input, ct);
                return TypedResults.Created($"/api/v1/complaints/{dto.Id}", dto);
            })
            .RequireAuthorization(Permissions.ComplaintsHandle)
            .WithSummary("Enter a complaint received by phone, letter, visit or the box; the answer holds the tracking number to tell the person");
        g.MapPost("/{id:guid}/answer", (Guid id, AnswerInput input, AppDbContext db, RecipientProtector protector, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                ComplaintUseCases.AnswerIt(db, protector, clock, http.User, id, input, ct))
            .RequireAuthorization(Permissions.ComplaintsHandle)
            .WithSummary("Answer (or correct the answer); send the version you read (409 when stale); 422 when the county bureau is the receiver and the caller is not");
        g.MapPut("/{id:guid}/satisfaction", (Guid id, SatisfactionInput input, AppDbContext db, RecipientProtector protector, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                ComplaintUseCases.Rate(db, protector, clock, http.User, id, input, ct))
            .RequireAuthorization(Permissions.ComplaintsHandle)
            .WithSummary("Record the satisfaction the person gave by phone or in person; send the version you read (409 when stale); 422 before the answer");
    }

    public static void AddComplaints(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<PublicFormOptions>().Bind(config.GetSection(PublicFormOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<Shared.IHomeQueueSource, ComplaintHomeQueue>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = "60";
                if (http.Request.Path.StartsWithSegments("/api"))
                {
                    await Results.Problem(title: "提交过于频繁", detail: "提交或查询过于频繁，请稍后再试。", statusCode: 429).ExecuteAsync(http);
                }
                else
                {
                    http.Response.ContentType = "text/html; charset=utf-8";
                    await http.Response.WriteAsync("<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>请稍后再试</title><p>提交或查询过于频繁，请稍后再试。如有急事请拨打站点电话。</p></html>", ct);
                }
            };
            o.AddPolicy(FilePolicy, http => Partition(http, FilePolicy, p => p.ComplaintsPerHour, TimeSpan.FromHours(1)));
            o.AddPolicy(TrackPolicy, http => Partition(http, TrackPolicy, p => p.LookupsPerMinute, TimeSpan.FromMinutes(1)));
        });
    }

    /// <summary>POSTs per client address in a fixed window; a GET (the empty form) is not counted.</summary>
    private static RateLimitPartition<string> Partition(HttpContext http, string policy, Func<PublicFormOptions, int> limit, TimeSpan window)
    {
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("get");
        }
        var permits = limit(http.RequestServices.GetRequiredService<IOptions<PublicFormOptions>>().Value);
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(policy + "|" + address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true,
        });
    }
}
