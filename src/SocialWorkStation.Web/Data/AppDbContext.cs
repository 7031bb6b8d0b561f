using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Organisations;
using SocialWorkStation.Web.Features.Recipients;
using SocialWorkStation.Web.Features.Regions;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Features.Workers;

namespace SocialWorkStation.Web.Data;

/// <summary>
/// The one DbContext. Each feature configures its entities in its own folder (IEntityTypeConfiguration),
/// picked up here by assembly scan. Two derived contexts exist only so that each provider keeps its own
/// migration set (ADR 0002).
/// </summary>
public abstract class AppDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Platform> Platforms => Set<Platform>();
    public DbSet<Worker> Workers => Set<Worker>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Recipient> Recipients => Set<Recipient>();
    public DbSet<RecipientNameKey> RecipientNameKeys => Set<RecipientNameKey>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<RosterImport> RosterImports => Set<RosterImport>();
    public DbSet<RosterMapping> RosterMappings => Set<RosterMapping>();
    public DbSet<Features.Visits.Visit> Visits => Set<Features.Visits.Visit>();
    public DbSet<Features.Cases.Case> Cases => Set<Features.Cases.Case>();
    public DbSet<Features.Groups.Group> Groups => Set<Features.Groups.Group>();
    public DbSet<Features.Attachments.Attachment> Attachments => Set<Features.Attachments.Attachment>();
    public DbSet<Features.Activities.Activity> Activities => Set<Features.Activities.Activity>();
    public DbSet<Features.Volunteers.Volunteer> Volunteers => Set<Features.Volunteers.Volunteer>();
    public DbSet<Features.Volunteers.VolunteerTeam> VolunteerTeams => Set<Features.Volunteers.VolunteerTeam>();
    public DbSet<Features.Volunteers.VolunteerService> VolunteerServices => Set<Features.Volunteers.VolunteerService>();
    public DbSet<Features.Volunteers.VolunteerProof> VolunteerProofs => Set<Features.Volunteers.VolunteerProof>();
    public DbSet<Features.Resources.Resource> Resources => Set<Features.Resources.Resource>();
    public DbSet<Features.NeedsSurveys.NeedsSurvey> NeedsSurveys => Set<Features.NeedsSurveys.NeedsSurvey>();
    public DbSet<Features.FeaturedCases.FeaturedCase> FeaturedCases => Set<Features.FeaturedCases.FeaturedCase>();
    public DbSet<Features.Progress.ProgressStationMonth> ProgressStationMonths => Set<Features.Progress.ProgressStationMonth>();
    public DbSet<Features.Progress.ProgressWorkerMonth> ProgressWorkerMonths => Set<Features.Progress.ProgressWorkerMonth>();
    public DbSet<Features.ContractorChecks.ContractorCheck> ContractorChecks => Set<Features.ContractorChecks.ContractorCheck>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // Instants are stored in UTC and read back as UTC, so they serialise with an offset on both providers.
        configuration.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PgAppDbContext(DbContextOptions<PgAppDbContext> options) : AppDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Prefix searches are index range scans (key >= p AND key < next(p)); the "C" collation orders by
        // code point as SQLite does, whatever the database's default collation.
        builder.Entity<Recipient>().Property(r => r.Name).UseCollation("C");
        builder.Entity<Recipient>().Property(r => r.VillageCode).UseCollation("C");
        builder.Entity<RecipientNameKey>().Property(k => k.Key).UseCollation("C");
    }
}
