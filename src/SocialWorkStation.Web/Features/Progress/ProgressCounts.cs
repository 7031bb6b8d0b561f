using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialWorkStation.Web.Features.Audit;

namespace SocialWorkStation.Web.Features.Progress;

/// <summary>
/// What one platform achieved in one month toward each station standard (ADR 0006): maintained in the same
/// transaction as the records by <see cref="ProgressInterceptor"/>, so a dashboard sums a few rows instead of
/// scanning millions. Month is yyyymm; the row with Month 0 holds nothing and is the platform's lock.
/// Written only by SQL (never tracked), so not audited: the records it counts are.
/// </summary>
[NotAudited]
public sealed class ProgressStationMonth
{
    public Guid StationId { get; set; }
    public int Month { get; set; }
    /// <summary>
    /// 0 for recounted values; visit writers add their differences to one of a few other slots at random so that
    /// a busy station's writers do not all queue on one row. Readers add the slots up.
    /// </summary>
    public int Slot { get; set; }
    /// <summary>Home-visit credits: one per worker on a home visit (the standard is per worker).</summary>
    public int HomeVisits { get; set; }
    public int RecipientFiles { get; set; }
    public int Cases { get; set; }
    public int CasesServed { get; set; }
    public int Groups { get; set; }
    public int Activities { get; set; }
    public int PublicityActivities { get; set; }
    public int AdvocacyActivities { get; set; }
    public int NewVolunteers { get; set; }
    public int FeaturedCases { get; set; }
    public int ContractorChecks { get; set; }
}

/// <summary>What one worker achieved in one month at one platform: home visits and training (in tenths of an hour).</summary>
[NotAudited]
public sealed class ProgressWorkerMonth
{
    public Guid WorkerId { get; set; }
    public Guid StationId { get; set; }
    public int Month { get; set; }
    /// <summary>As <see cref="ProgressStationMonth.Slot"/>.</summary>
    public int Slot { get; set; }
    public int HomeVisits { get; set; }
    public int TrainingTenths { get; set; }
}

public sealed class ProgressStationMonthConfiguration : IEntityTypeConfiguration<ProgressStationMonth>
{
    public void Configure(EntityTypeBuilder<ProgressStationMonth> b)
    {
        b.ToTable("ProgressStationMonths");
        b.HasKey(x => new { x.StationId, x.Month, x.Slot });
        foreach (var column in ProgressColumns.Station)
        {
            // Rows are inserted by SQL naming only the column being set; the rest start at zero.
            b.Property<int>(column).HasDefaultValue(0);
        }
        b.HasIndex(x => x.Month);
    }
}

public sealed class ProgressWorkerMonthConfiguration : IEntityTypeConfiguration<ProgressWorkerMonth>
{
    public void Configure(EntityTypeBuilder<ProgressWorkerMonth> b)
    {
        b.ToTable("ProgressWorkerMonths");
        b.HasKey(x => new { x.WorkerId, x.StationId, x.Month, x.Slot });
        b.Property(x => x.HomeVisits).HasDefaultValue(0);
        b.Property(x => x.TrainingTenths).HasDefaultValue(0);
        b.HasIndex(x => new { x.StationId, x.Month });
    }
}

/// <summary>Column names, checked against the entity at compile time, used to build the upserts.</summary>
public static class ProgressColumns
{
    /// <summary>Slots 1…Slots-1 take visit writers' differences (slot 0 holds recounts).</summary>
    public const int Slots = 8;

    public static readonly string[] Station =
    [
        nameof(ProgressStationMonth.HomeVisits), nameof(ProgressStationMonth.RecipientFiles), nameof(ProgressStationMonth.Cases),
        nameof(ProgressStationMonth.CasesServed), nameof(ProgressStationMonth.Groups), nameof(ProgressStationMonth.Activities),
        nameof(ProgressStationMonth.PublicityActivities), nameof(ProgressStationMonth.AdvocacyActivities),
        nameof(ProgressStationMonth.NewVolunteers), nameof(ProgressStationMonth.FeaturedCases), nameof(ProgressStationMonth.ContractorChecks),
    ];
}
