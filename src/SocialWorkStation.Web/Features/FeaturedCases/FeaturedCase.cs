using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialWorkStation.Domain.Services;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Attachments;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.FeaturedCases;

/// <summary>
/// A featured service case study (特色服务案例): a station's written account of a piece of work worth
/// sharing (Ledong 五（一）“X”个特色服务: at least one per station; Shenmu art. 29: distil typical cases).
/// Not a casework record: it names no recipient. Attachments (owner type "featuredCase") hold photos and the document.
/// </summary>
public sealed class FeaturedCase : IVersioned, IStationRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StationId { get; set; }
    public string Title { get; set; } = "";
    public ActivityKind? Domain { get; set; }
    public DateOnly WrittenOn { get; set; }
    public string Authors { get; set; } = "";
    public string? Summary { get; set; }
    /// <summary>The case text: background, needs, plan, process, outcome, reflection.</summary>
    public string Body { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    /// <summary>
    /// When the bureau approved the case for the station's public page (docs/requirements/public.md §1); null while not
    /// approved. Any correction withdraws the approval: the public sees only the text the bureau read.
    /// </summary>
    public DateTime? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
    public int Version { get; set; } = 1;
}

public sealed class FeaturedCaseConfiguration : IEntityTypeConfiguration<FeaturedCase>
{
    public void Configure(EntityTypeBuilder<FeaturedCase> b)
    {
        b.ToTable("FeaturedCases");
        b.Property(c => c.Title).HasMaxLength(200).IsRequired();
        b.Property(c => c.Domain).HasConversion<int?>();
        b.Property(c => c.Authors).HasMaxLength(200).IsRequired();
        b.Property(c => c.Summary).HasMaxLength(1000);
        b.Property(c => c.Body).HasMaxLength(50000).IsRequired();
        b.Property(c => c.CreatedBy).HasMaxLength(256);
        b.Property(c => c.PublishedBy).HasMaxLength(256);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.StationId, c.WrittenOn });
        b.HasOne<Platform>().WithMany().HasForeignKey(c => c.StationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed record FeaturedCaseDto(
    Guid Id, Guid StationId, string? StationName, string Title, string? Domain, string WrittenOn, string Authors, string? Summary,
    string Body, IReadOnlyList<AttachmentDto> Attachments, string? CreatedBy, DateTime CreatedAt, int Version,
    DateTime? PublishedAt = null, string? PublishedBy = null);

public sealed record FeaturedCaseInput(Guid? StationId, string? Title, string? Domain, string? WrittenOn, string? Authors, string? Summary, string? Body, int? Version);

public static class FeaturedCaseUseCases
{
    public const string OwnerType = "featuredCase";

    public static async Task<Paged<FeaturedCaseDto>> List(AppDbContext db, UserScope scope, Guid? stationId, int? year, string? q, PageRequest page, CancellationToken ct)
    {
        var query = db.Set<FeaturedCase>().AsNoTracking().VisibleTo(db, scope);
        if (stationId is { } s) query = query.Where(c => c.StationId == s);
        if (year is { } y)
        {
            var (from, to) = (new DateOnly(Math.Clamp(y, 2000, 2100), 1, 1), new DateOnly(Math.Clamp(y, 2000, 2100), 12, 31));
            query = query.Where(c => c.WrittenOn >= from && c.WrittenOn <= to);
        }
        if (StationRecords.Clean(q) is { } text) query = query.Where(c => c.Title.Contains(text) || c.Authors.Contains(text));
        var result = await query.OrderByDescending(c => c.WrittenOn).ThenByDescending(c => c.Id).ToPageAsync(page, ct);
        return new Paged<FeaturedCaseDto>(await ToDtos(db, result.Items, false, ct), result.Total, result.Page, result.PageSize);
    }

    public static async Task<FeaturedCase> Load(AppDbContext db, UserScope scope, Guid id, CancellationToken ct, bool tracking = false)
    {
        var q = db.Set<FeaturedCase>().VisibleTo(db, scope);
        if (!tracking) q = q.AsNoTracking();
        return await q.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("特色服务案例不存在或不在您的权限范围内");
    }

    public static async Task<FeaturedCaseDto> Get(AppDbContext db, UserScope scope, Guid id, CancellationToken ct) =>
        (await ToDtos(db, [await Load(db, scope, id, ct)], true, ct))[0];

    public static async Task<FeaturedCaseDto> Create(AppDbContext db, TimeProvider clock, ClaimsPrincipal user, FeaturedCaseInput input, CancellationToken ct)
    {
        var scope = user.Scope();
        var errors = new Errors();
        var station = await StationRecords.Target(db, scope, input.StationId, errors, ct);
        var c = new FeaturedCase { CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = user.Identity?.Name };
        Apply(clock, input, errors, c);
        c.StationId = station!.Id;
        db.Add(c);
        await db.SaveChangesAsync(ct);
        return await Get(db, scope, c.Id, ct);
    }

    public static async Task<FeaturedCaseDto> Update(AppDbContext db, TimeProvider clock, ClaimsPrincipal user, Guid id, FeaturedCaseInput input, CancellationToken ct)
    {
        var scope = user.Scope();
        var c = await Load(db, scope, id, ct, tracking: true);
        Versions.Check(db, c, input.Version, "特色服务案例");
        Apply(clock, input, new Errors(), c);
        // The bureau approved the text it read; a corrected text waits for a new approval (docs/requirements/public.md §1).
        c.PublishedAt = null;
        c.PublishedBy = null;
        await db.SaveChangesAsync(ct);
        return await Get(db, scope, c.Id, ct);
    }

    private static void Apply(TimeProvider clock, FeaturedCaseInput input, Errors errors, FeaturedCase c)
    {
        var date = StationRecords.ParseDate(errors, "writtenOn", input.WrittenOn, "成稿日期", notAfter: ChinaTime.Today(clock));
        errors.Required("title", input.Title, "案例标题").MaxLength("title", input.Title, 200, "案例标题")
            .Required("authors", input.Authors, "撰写人").MaxLength("authors", input.Authors, 200, "撰写人")
            .MaxLength("summary", input.Summary, 1000, "案例摘要")
            .Required("body", input.Body, "案例正文").MaxLength("body", input.Body, 50000, "案例正文");
        if (input.Domain is not null && ActivityKinds.FromApi(input.Domain) is null) errors.Add("domain", "服务领域应为：" + ActivityKinds.ApiList);
        errors.ThrowIfAny();
        c.Title = input.Title!.Trim();
        c.Domain = ActivityKinds.FromApi(input.Domain);
        c.WrittenOn = date!.Value;
        c.Authors = input.Authors!.Trim();
        c.Summary = StationRecords.Clean(input.Summary);
        c.Body = input.Body!.Trim();
    }

    /// <summary>Featured cases of a year against the profile (Ledong: at least one a station).</summary>
    public static async Task<ProgressDto> Progress(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, UserScope scope, Guid? stationId, int? year, CancellationToken ct)
    {
        var (from, to) = StationRecords.Year(year, clock);
        var station = await StationRecords.ForQuery(db, scope, stationId, ct);
        var count = await db.Set<FeaturedCase>().CountAsync(c => c.StationId == station.Id && c.WrittenOn >= from && c.WrittenOn <= to, ct);
        return ProgressDto.Of(station, from, to, [StationStandards.FeaturedCases(count, profiles.Find(station.ProfileKey)?.Standards)]);
    }

    private static async Task<List<FeaturedCaseDto>> ToDtos(AppDbContext db, IReadOnlyList<FeaturedCase> items, bool withDetails, CancellationToken ct)
    {
        var stations = await StationRecords.Stations(db, items.Select(c => c.StationId), ct);
        var attachments = withDetails ? await AttachmentUseCases.ForOwners(db, OwnerType, items.Select(c => c.Id).ToList(), ct) : [];
        return items.Select(c => new FeaturedCaseDto(c.Id, c.StationId, stations.GetValueOrDefault(c.StationId)?.Name, c.Title,
            c.Domain is { } d ? ActivityKinds.ToApi(d) : null, c.WrittenOn.ToString("yyyy-MM-dd"), c.Authors, c.Summary,
            withDetails ? c.Body : (c.Body.Length > 200 ? c.Body[..200] + "…" : c.Body),
            attachments.GetValueOrDefault(c.Id) ?? [], c.CreatedBy, c.CreatedAt, c.Version, c.PublishedAt, c.PublishedBy)).ToList();
    }

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/featured-cases").WithTags("特色服务案例 Featured cases");
        g.MapGet("/", (Guid? stationId, int? year, string? q, int? page, int? pageSize, AppDbContext db, HttpContext http, CancellationToken ct) =>
                List(db, http.User.Scope(), stationId, year, q, PageRequest.From(page, pageSize), ct))
            .WithSummary("Featured cases inside the caller's scope (the body is shortened in lists)");
        g.MapGet("/progress", (Guid? stationId, int? year, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                Progress(db, profiles, clock, http.User.Scope(), stationId, year, ct))
            .WithSummary("A station's featured cases of a year against its profile's standard");
        g.MapGet("/{id:guid}", (Guid id, AppDbContext db, HttpContext http, CancellationToken ct) => Get(db, http.User.Scope(), id, ct))
            .WithSummary("One featured case with its attachments");
        g.MapPost("/", async (FeaturedCaseInput input, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var dto = await Create(db, clock, http.User, input, ct);
                return TypedResults.Created($"/api/v1/featured-cases/{dto.Id}", dto);
            })
            .RequireAuthorization(Permissions.ServicesRecord)
            .WithSummary("Write a featured case");
        g.MapPut("/{id:guid}", (Guid id, FeaturedCaseInput input, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                Update(db, clock, http.User, id, input, ct))
            .RequireAuthorization(Permissions.ServicesRecord)
            .WithSummary("Correct a featured case; send the version you read (409 when stale)");
    }
}
