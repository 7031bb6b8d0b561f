using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Activities;
using SocialWorkStation.Web.Features.Attachments;
using SocialWorkStation.Web.Features.Organisations;
using SocialWorkStation.Web.Features.Recipients;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Resources;

public enum ResourceKind { Money = 1, Goods = 2, Services = 3 }

public enum DonorKind { Enterprise = 1, SocialOrganisation = 2, Individual = 3, Government = 4, Other = 9 }

public enum ResourceDestination { Station = 1, Activity = 2, Recipient = 3, Village = 4 }

/// <summary>
/// A linked resource (资源链接): who gave what, when, and where it went (the resource list 资源清单,
/// Shenmu art. 17; Ledong's “1”个资源平台). Money is in yuan. A resource goes to the station, to one of
/// its villages (communities), to one of its activities, or to one named recipient of the station (shown
/// masked, like everywhere else).
/// </summary>
public sealed class Resource : IVersioned, IStationRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StationId { get; set; }
    public string DonorName { get; set; } = "";
    public DonorKind DonorKind { get; set; }
    /// <summary>The partner organisation (Organisation of kind Partner) when the donor is registered as one.</summary>
    public Guid? PartnerId { get; set; }
    public ResourceKind Kind { get; set; }
    public string Description { get; set; } = "";
    /// <summary>Money given, in yuan (money only).</summary>
    public decimal? Amount { get; set; }
    /// <summary>How many of the goods (goods only), with <see cref="Unit"/>.</summary>
    public decimal? Quantity { get; set; }
    public string? Unit { get; set; }
    /// <summary>Estimated value in yuan of goods or services, when known.</summary>
    public decimal? EstimatedValue { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public ResourceDestination Destination { get; set; } = ResourceDestination.Station;
    public Guid? ActivityId { get; set; }
    /// <summary>The village (community) under the station's township it went to, with destination village.</summary>
    public string? VillageCode { get; set; }
    /// <summary>The recipient of the station it was handed to, with destination recipient.</summary>
    public Guid? RecipientId { get; set; }
    /// <summary>How it was used or shared out, in words (分发给12户困难家庭).</summary>
    public string? Use { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public int Version { get; set; } = 1;
}

public sealed class ResourceConfiguration : IEntityTypeConfiguration<Resource>
{
    public void Configure(EntityTypeBuilder<Resource> b)
    {
        b.ToTable("Resources");
        b.Property(r => r.DonorName).HasMaxLength(100).IsRequired();
        b.Property(r => r.DonorKind).HasConversion<int>();
        b.Property(r => r.Kind).HasConversion<int>();
        b.Property(r => r.Description).HasMaxLength(500).IsRequired();
        // Money is never compared or sorted in SQL (SQLite cannot); totals are summed in memory per station and year.
        b.Property(r => r.Amount).HasPrecision(14, 2);
        b.Property(r => r.Quantity).HasPrecision(14, 2);
        b.Property(r => r.Unit).HasMaxLength(20);
        b.Property(r => r.EstimatedValue).HasPrecision(14, 2);
        b.Property(r => r.Destination).HasConversion<int>();
        b.Property(r => r.VillageCode).HasMaxLength(12);
        b.Property(r => r.Use).HasMaxLength(1000);
        b.Property(r => r.CreatedBy).HasMaxLength(256);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => new { r.StationId, r.ReceivedOn });
        b.HasOne<Platform>().WithMany().HasForeignKey(r => r.StationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Activity>().WithMany().HasForeignKey(r => r.ActivityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Recipient>().WithMany().HasForeignKey(r => r.RecipientId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => r.RecipientId);
    }
}

public static class ResourceNames
{
    public static string Kind(ResourceKind k) => k switch { ResourceKind.Money => "money", ResourceKind.Goods => "goods", _ => "services" };
    public static ResourceKind? Kind(string? s) => s switch { "money" => ResourceKind.Money, "goods" => ResourceKind.Goods, "services" => ResourceKind.Services, _ => null };
    public static string KindChinese(ResourceKind k) => k switch { ResourceKind.Money => "资金", ResourceKind.Goods => "物资", _ => "服务" };
    public static string Donor(DonorKind k) => k switch
    {
        DonorKind.Enterprise => "enterprise", DonorKind.SocialOrganisation => "socialOrganisation", DonorKind.Individual => "individual",
        DonorKind.Government => "government", _ => "other",
    };
    public static DonorKind? Donor(string? s) => s switch
    {
        "enterprise" => DonorKind.Enterprise, "socialOrganisation" => DonorKind.SocialOrganisation, "individual" => DonorKind.Individual,
        "government" => DonorKind.Government, "other" => DonorKind.Other, _ => null,
    };
    public static string DonorChinese(DonorKind k) => k switch
    {
        DonorKind.Enterprise => "爱心企业", DonorKind.SocialOrganisation => "社会组织", DonorKind.Individual => "爱心人士",
        DonorKind.Government => "政府部门、群团组织", _ => "其他",
    };
    public static string Destination(ResourceDestination d) => d switch
    {
        ResourceDestination.Activity => "activity", ResourceDestination.Recipient => "recipient", ResourceDestination.Village => "village", _ => "station",
    };
    public static ResourceDestination? Destination(string? s) => s switch
    {
        "station" => ResourceDestination.Station, "activity" => ResourceDestination.Activity, "recipient" => ResourceDestination.Recipient,
        "village" => ResourceDestination.Village, _ => null,
    };
    public static string DestinationChinese(ResourceDestination d) => d switch
    {
        ResourceDestination.Activity => "某次活动", ResourceDestination.Recipient => "服务对象", ResourceDestination.Village => "村（社区）", _ => "本站",
    };

    /// <summary>Where the resource list is asked for: the station keeps who gave what and to whom.</summary>
    public const string Source = "《神木市社工站（室）服务管理办法》第十七条：服务过程中应形成需求清单、资源清单和服务清单";
}

public sealed record ResourceDto(
    Guid Id, Guid StationId, string? StationName, string DonorName, string DonorKind, Guid? PartnerId, string Kind, string Description,
    decimal? Amount, decimal? Quantity, string? Unit, decimal? EstimatedValue, string ReceivedOn, string Destination, Guid? ActivityId,
    string? ActivityTheme, string? Use, IReadOnlyList<AttachmentDto> Attachments, string? CreatedBy, DateTime CreatedAt, int Version,
    string? VillageCode = null, string? VillageName = null, Guid? RecipientId = null, string? RecipientName = null)
{
    /// <summary>Where it went, in words for a page: the village, the activity, the recipient (masked) or the station.</summary>
    public string DestinationText => ResourceNames.Destination(Destination) switch
    {
        ResourceDestination.Activity => "活动：" + ActivityTheme,
        ResourceDestination.Village => VillageName ?? VillageCode ?? "",
        ResourceDestination.Recipient => "服务对象：" + RecipientName,
        _ => StationName ?? "",
    };
}

public sealed record ResourceInput(
    Guid? StationId, string? DonorName, string? DonorKind, Guid? PartnerId, string? Kind, string? Description, decimal? Amount,
    decimal? Quantity, string? Unit, decimal? EstimatedValue, string? ReceivedOn, string? Destination, Guid? ActivityId, string? Use, int? Version,
    string? VillageCode = null, Guid? RecipientId = null);

/// <summary>Totals of a station's resources in a year: money in yuan, counts of goods and services, donors.</summary>
public sealed record ResourceSummaryDto(Guid StationId, string From, string To, decimal Money, int GoodsCount, int ServicesCount, decimal EstimatedValue, int Donors, int Records);
