using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialWorkStation.Domain.Services;
using SocialWorkStation.Web.Features.Attachments;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.ContractorChecks;

/// <summary>
/// One check and guidance visit (检查指导) of a station by the contractor's project manager: Qiongzhong
/// （五）管理保障第3项“人员配备” asks for at least one a month at every station (docs/requirements/domain.md §2). Written by
/// the manager; the station, the township and the bureau read it. Photos and the signed check form are
/// attachments (owner type "contractorCheck").
/// </summary>
public sealed class ContractorCheck : IVersioned, IStationRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StationId { get; set; }
    public Platform? Station { get; set; }
    public DateOnly CheckedOn { get; set; }
    /// <summary>The project manager who checked, by name.</summary>
    public string CheckedBy { get; set; } = "";
    /// <summary>What was checked and what was found.</summary>
    public string Findings { get; set; } = "";
    /// <summary>The guidance given to the station.</summary>
    public string? Guidance { get; set; }
    public string? FollowUp { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; } = 1;
}

public sealed class ContractorCheckConfiguration : IEntityTypeConfiguration<ContractorCheck>
{
    public void Configure(EntityTypeBuilder<ContractorCheck> b)
    {
        b.ToTable("ContractorChecks");
        b.Property(c => c.CheckedBy).HasMaxLength(ContractorCheckLimits.CheckedBy).IsRequired();
        b.Property(c => c.Findings).HasMaxLength(ContractorCheckLimits.Findings).IsRequired();
        b.Property(c => c.Guidance).HasMaxLength(ContractorCheckLimits.Guidance);
        b.Property(c => c.FollowUp).HasMaxLength(ContractorCheckLimits.FollowUp);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.StationId, c.CheckedOn });
        b.HasOne(c => c.Station).WithMany().HasForeignKey(c => c.StationId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Field lengths, shared by the table, the validation and the form.</summary>
public static class ContractorCheckLimits
{
    public const int CheckedBy = 50;
    public const int Findings = 2000;
    public const int Guidance = 2000;
    public const int FollowUp = 1000;
}

public sealed record ContractorCheckDto(
    Guid Id, Guid StationId, string? StationName, string CheckedOn, string CheckedBy, string Findings, string? Guidance,
    string? FollowUp, IReadOnlyList<AttachmentDto> Attachments, DateTime CreatedAt, int Version);

/// <summary>What a client sends to record or correct a check; <c>version</c> is required on update. The station cannot change.</summary>
public sealed record ContractorCheckInput(Guid? StationId, string? CheckedOn, string? CheckedBy, string? Findings, string? Guidance, string? FollowUp, int? Version);

public sealed record MonthCheckDto(int Month, int Checks, string Status);

/// <summary>
/// One station's year: months with a check against the months elapsed (Qiongzhong: at least one a month).
/// <c>tracked</c> is false when the station's profile sets no frequency; <c>met</c> is then null.
/// </summary>
public sealed record StationCheckCoverageDto(
    Guid StationId, string StationName, string ProfileKey, int Year, bool Tracked, int? Required, int MonthsElapsed, int MonthsCovered,
    IReadOnlyList<int> MissingMonths, bool CurrentMonthOpen, bool? Met, string Message, string? Source, string? Interpretation,
    IReadOnlyList<MonthCheckDto> Months)
{
    public static StationCheckCoverageDto From(Platform station, CheckCoverage c) => new(
        station.Id, station.Name, station.ProfileKey, c.Year, c.Tracked, c.Required, c.MonthsElapsed, c.MonthsCovered, c.MissingMonths,
        c.CurrentMonthOpen, c.Met, c.Message, c.Source, c.Interpretation,
        c.Months.Select(m => new MonthCheckDto(m.Month, m.Checks, MonthStatuses.ToApi(m.Status))).ToList());
}

public static class MonthStatuses
{
    public static string ToApi(MonthCheckStatus s) => s switch
    {
        MonthCheckStatus.Covered => "covered",
        MonthCheckStatus.Missing => "missing",
        MonthCheckStatus.Open => "open",
        _ => "future",
    };

    public static string Chinese(string api) => api switch
    {
        "covered" => "已检查",
        "missing" => "未检查",
        "open" => "本月待检查",
        _ => "未到",
    };
}
