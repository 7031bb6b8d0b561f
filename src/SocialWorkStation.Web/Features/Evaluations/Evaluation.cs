using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialWorkStation.Domain.Evaluations;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Evaluations;

/// <summary>
/// One stored version of an indicator tree for a county (docs/requirements/evaluation.md §2): the profile's default tree
/// as first used by a round, or a tree the county loaded from Excel. Rows are never changed: loading a tree of the same
/// name again stores the next <see cref="TreeVersion"/>, and a round keeps the row it started with.
/// </summary>
public sealed class EvaluationTree
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string CountyCode { get; set; } = "";
    public string ProfileKey { get; set; } = "";
    public string Name { get; set; } = "";
    public int TreeVersion { get; set; } = 1;
    public decimal Total { get; set; }
    public string Source { get; set; } = "";
    public string? Interpretation { get; set; }
    /// <summary>The indicators as JSON (<see cref="Indicator"/>[]).</summary>
    public string IndicatorsJson { get; set; } = "[]";
    /// <summary>True for the profile's default tree (平台默认), false for a tree the county loaded.</summary>
    public bool IsDefault { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    public IndicatorTree ToTree() => new()
    {
        Name = Name, Total = Total, Source = Source, Interpretation = Interpretation,
        Indicators = JsonSerializer.Deserialize<Indicator[]>(IndicatorsJson, EvaluationJson.Options) ?? [],
    };

    public static string Serialize(IndicatorTree tree) => JsonSerializer.Serialize(tree.Indicators, EvaluationJson.Options);
}

public enum RoundStatus
{
    Open = 0,
    Closed = 1,
}

/// <summary>
/// An evaluation round (评估轮次): its kind, service year, county, stations, dates, the tree version fixed at its start,
/// who scores, and the random seed its file-review samples are drawn from. Closing it freezes results and evidence.
/// </summary>
public sealed class EvaluationRound : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string CountyCode { get; set; } = "";
    public string ProfileKey { get; set; } = "";
    public RoundKind Kind { get; set; }
    public int ServiceYear { get; set; }
    public string Title { get; set; } = "";
    /// <summary>The days the evaluator works: evaluator accounts reach the round's stations only on these days (China time).</summary>
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public Guid TreeId { get; set; }
    public EvaluationTree? Tree { get; set; }
    /// <summary>The scoring parties fixed at the start, comma-separated API names (evaluator,bureau,township).</summary>
    public string Parties { get; set; } = "";
    public RoundStatus Status { get; set; }
    /// <summary>The recorded seed of the file-review samples (docs/requirements/evaluation.md §5).</summary>
    public long Seed { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string? ClosedBy { get; set; }
    public DateTime? ClosedAt { get; set; }
    public int Version { get; set; } = 1;
    public List<EvaluationRoundStation> Stations { get; set; } = [];

    public IReadOnlyList<EvaluationParty> PartyList =>
        Parties.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => Enum.GetValues<EvaluationParty>().First(x => EvaluationLabels.ToApi(x) == p)).ToList();
}

/// <summary>A station in a round; after the close, its frozen result: each party's score, composite, grade and rank in the county.</summary>
public sealed class EvaluationRoundStation
{
    public Guid Id { get; set; }
    public Guid RoundId { get; set; }
    public Guid StationId { get; set; }
    public string StationName { get; set; } = "";
    /// <summary>The station's township code: region scopes filter rounds on it.</summary>
    public string RegionCode { get; set; } = "";
    public decimal? Composite { get; set; }
    public string? Grade { get; set; }
    public int? Rank { get; set; }
    /// <summary>Each party's raw and out-of-100 score as frozen at the close (JSON of PartyScore[]).</summary>
    public string? ResultJson { get; set; }
    /// <summary>The platform facts shown beside the indicators, frozen at the close (JSON of <see cref="StationFact"/>[]).</summary>
    public string? FactsJson { get; set; }
}

/// <summary>One party's score sheet for one station in one round; only that party reads it until the round closes.</summary>
public sealed class EvaluationSheet : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RoundId { get; set; }
    public Guid StationId { get; set; }
    public EvaluationParty Party { get; set; }
    public string? Comments { get; set; }
    /// <summary>Set when the party submits the complete sheet (提交); a submitted sheet no longer changes.</summary>
    public DateTime? SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; } = 1;
    public List<EvaluationScore> Scores { get; set; } = [];
}

/// <summary>The points a party gave one leaf indicator, with a note; every change is in the audit trail with before and after.</summary>
public sealed class EvaluationScore
{
    public Guid Id { get; set; }
    public Guid SheetId { get; set; }
    public string IndicatorCode { get; set; } = "";
    public decimal Points { get; set; }
    public string? Note { get; set; }
    /// <summary>The evidence the party looked at (佐证材料: files, records, interviews), as text.</summary>
    public string? Evidence { get; set; }
}

public static class EvaluationJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

public sealed class EvaluationTreeConfiguration : IEntityTypeConfiguration<EvaluationTree>
{
    public void Configure(EntityTypeBuilder<EvaluationTree> b)
    {
        b.Property(t => t.CountyCode).HasMaxLength(12).IsRequired();
        b.Property(t => t.ProfileKey).HasMaxLength(40).IsRequired();
        b.Property(t => t.Name).HasMaxLength(200).IsRequired();
        b.Property(t => t.Total).HasPrecision(10, 2);
        b.Property(t => t.Source).HasMaxLength(500).IsRequired();
        b.Property(t => t.Interpretation).HasMaxLength(2000);
        b.Property(t => t.CreatedBy).HasMaxLength(256);
        b.HasIndex(t => new { t.CountyCode, t.Name, t.TreeVersion }).IsUnique();
    }
}

public sealed class EvaluationRoundConfiguration : IEntityTypeConfiguration<EvaluationRound>
{
    public void Configure(EntityTypeBuilder<EvaluationRound> b)
    {
        b.Property(r => r.CountyCode).HasMaxLength(12).IsRequired();
        b.Property(r => r.ProfileKey).HasMaxLength(40).IsRequired();
        b.Property(r => r.Kind).HasConversion<int>();
        b.Property(r => r.Status).HasConversion<int>();
        b.Property(r => r.Title).HasMaxLength(200).IsRequired();
        b.Property(r => r.Parties).HasMaxLength(100).IsRequired();
        b.Property(r => r.CreatedBy).HasMaxLength(256);
        b.Property(r => r.ClosedBy).HasMaxLength(256);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => new { r.CountyCode, r.ServiceYear });
        b.HasOne(r => r.Tree).WithMany().HasForeignKey(r => r.TreeId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Stations).WithOne().HasForeignKey(s => s.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class EvaluationRoundStationConfiguration : IEntityTypeConfiguration<EvaluationRoundStation>
{
    public void Configure(EntityTypeBuilder<EvaluationRoundStation> b)
    {
        b.Property(s => s.StationName).HasMaxLength(100).IsRequired();
        b.Property(s => s.RegionCode).HasMaxLength(12).IsRequired();
        b.Property(s => s.Composite).HasPrecision(8, 2);
        b.Property(s => s.Grade).HasMaxLength(20);
        b.Property(s => s.ResultJson).HasMaxLength(4000);
        b.Property(s => s.FactsJson).HasMaxLength(8000);
        b.HasIndex(s => new { s.RoundId, s.StationId }).IsUnique();
        b.HasIndex(s => s.StationId);
        b.HasOne<Stations.Platform>().WithMany().HasForeignKey(s => s.StationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class EvaluationSheetConfiguration : IEntityTypeConfiguration<EvaluationSheet>
{
    public void Configure(EntityTypeBuilder<EvaluationSheet> b)
    {
        b.Property(s => s.Party).HasConversion<int>();
        b.Property(s => s.Comments).HasMaxLength(4000);
        b.Property(s => s.UpdatedBy).HasMaxLength(256);
        b.Property(s => s.SubmittedBy).HasMaxLength(256);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasIndex(s => new { s.RoundId, s.StationId, s.Party }).IsUnique();
        b.HasOne<EvaluationRound>().WithMany().HasForeignKey(s => s.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Stations.Platform>().WithMany().HasForeignKey(s => s.StationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Scores).WithOne().HasForeignKey(x => x.SheetId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class EvaluationScoreConfiguration : IEntityTypeConfiguration<EvaluationScore>
{
    public void Configure(EntityTypeBuilder<EvaluationScore> b)
    {
        b.Property(s => s.IndicatorCode).HasMaxLength(40).IsRequired();
        b.Property(s => s.Points).HasPrecision(10, 2);
        b.Property(s => s.Note).HasMaxLength(SheetLimits.Note);
        b.Property(s => s.Evidence).HasMaxLength(SheetLimits.Evidence);
        b.HasIndex(s => new { s.SheetId, s.IndicatorCode }).IsUnique();
    }
}

public static class EvaluationScope
{
    /// <summary>
    /// The rounds a user may see, in SQL: those of a county inside a region scope or with a station inside it
    /// (a township officer sees the county's round through the township's station), a station's own, all for the platform.
    /// </summary>
    public static IQueryable<EvaluationRound> VisibleTo(this IQueryable<EvaluationRound> q, UserScope s) => s.Kind switch
    {
        ScopeKind.Platform => q,
        ScopeKind.Region => q.Where(r => r.CountyCode.StartsWith(s.RegionPrefix!) || r.Stations.Any(x => x.RegionCode.StartsWith(s.RegionPrefix!))),
        ScopeKind.Station => q.Where(r => r.Stations.Any(x => x.StationId == s.StationId)),
        _ => q.Where(r => false),
    };

    /// <summary>A county's trees: seen by users of the county, of a region above it, of a township or a station in it.</summary>
    public static IQueryable<EvaluationTree> VisibleTo(this IQueryable<EvaluationTree> q, UserScope s, IQueryable<Stations.Platform> platforms)
    {
        if (s.Kind == ScopeKind.Platform) return q;
        if (s is { Kind: ScopeKind.Station, StationId: { } station })
        {
            return q.Where(t => platforms.Any(p => p.Id == station && p.RegionCode.Substring(0, 6) == t.CountyCode));
        }
        if (s.Kind != ScopeKind.Region || s.RegionPrefix is not { } prefix || s.RegionCode is not { } code) return q.Where(t => false);
        var county = code.Length >= 6 ? code[..6] : "-";
        return q.Where(t => t.CountyCode.StartsWith(prefix) || t.CountyCode == county);
    }
}
