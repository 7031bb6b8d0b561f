using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialWorkStation.Domain.Complaints;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Complaints;

/// <summary>
/// A complaint, suggestion or request for help (投诉建议, docs/requirements/public.md §4) about a station: filed on the
/// station's public page or entered by staff from a call or a letter. The person's name and phone are encrypted like a
/// recipient's; the tracking number is stored as its hash only.
/// </summary>
public sealed class Complaint : IVersioned, IStationRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StationId { get; set; }
    public ComplaintKind Kind { get; set; }
    public ComplaintChannel Channel { get; set; }
    public string Text { get; set; } = "";
    [Sensitive] public byte[]? NameCipher { get; set; }
    [Sensitive] public byte[]? PhoneCipher { get; set; }
    /// <summary>SHA-256 of the tracking number (Domain.Complaints.TrackingNumber).</summary>
    [Sensitive] public string TrackingHash { get; set; } = "";
    /// <summary>Who receives it, copied from the station's profile when it arrives.</summary>
    public ComplaintReceiver Receiver { get; set; }
    public string ReceiverSource { get; set; } = "";
    public DateOnly ReceivedOn { get; set; }
    /// <summary>The last day of the answer period (inside it).</summary>
    public DateOnly DueOn { get; set; }
    public string DueSource { get; set; } = "";
    public string? Answer { get; set; }
    public DateOnly? AnsweredOn { get; set; }
    public string? AnsweredBy { get; set; }
    public Satisfaction? Satisfaction { get; set; }
    public DateOnly? SatisfactionOn { get; set; }
    /// <summary>"本人" when the person recorded it on the tracking page, else the staff account that entered it.</summary>
    public string? SatisfactionBy { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>The staff account that entered it; null when filed on the public page.</summary>
    public string? CreatedBy { get; set; }
    public int Version { get; set; } = 1;

    public static string Context(Guid id, string field) => $"complaint/{id:N}/{field}";
}

public sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> b)
    {
        b.ToTable("Complaints");
        b.Property(c => c.Kind).HasConversion<int>();
        b.Property(c => c.Channel).HasConversion<int>();
        b.Property(c => c.Receiver).HasConversion<int>();
        b.Property(c => c.Satisfaction).HasConversion<int?>();
        b.Property(c => c.Text).HasMaxLength(ComplaintUseCases.MaxText).IsRequired();
        b.Property(c => c.TrackingHash).HasMaxLength(64).IsRequired();
        b.Property(c => c.ReceiverSource).HasMaxLength(200);
        b.Property(c => c.DueSource).HasMaxLength(200);
        b.Property(c => c.Answer).HasMaxLength(ComplaintUseCases.MaxText);
        b.Property(c => c.AnsweredBy).HasMaxLength(256);
        b.Property(c => c.SatisfactionBy).HasMaxLength(256);
        b.Property(c => c.CreatedBy).HasMaxLength(256);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => c.TrackingHash).IsUnique();
        b.HasIndex(c => new { c.StationId, c.ReceivedOn });
        b.HasIndex(c => new { c.AnsweredOn, c.DueOn });
        b.HasOne<Platform>().WithMany().HasForeignKey(c => c.StationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public static class ComplaintAccess
{
    /// <summary>
    /// The complaints a user may read: those of the stations in scope (SQL), and of those only the ones the station
    /// receives unless the user is the bureau or the township (a complaint Ledong routes to the county bureau is not
    /// shown to the station or its contractor it may be about).
    /// </summary>
    public static IQueryable<Complaint> Visible(AppDbContext db, ClaimsPrincipal user)
    {
        var q = db.Set<Complaint>().VisibleTo(db, user.Scope());
        if (!SeesBureauComplaints(user))
        {
            q = q.Where(c => c.Receiver == ComplaintReceiver.Station);
        }
        return q;
    }

    public static bool SeesBureauComplaints(ClaimsPrincipal user) => user.IsInRole(Roles.BureauOfficer) || user.IsInRole(Roles.TownshipOfficer);

    public static string MaskName(string? name) => string.IsNullOrEmpty(name) ? "" : name[..1] + new string('*', Math.Max(1, name.Length - 1));

    public static string MaskPhone(string? phone) => string.IsNullOrEmpty(phone) ? "" : phone.Length <= 7 ? new string('*', phone.Length) : phone[..3] + new string('*', phone.Length - 7) + phone[^4..];
}
