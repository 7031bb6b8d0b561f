using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Recipients;

namespace SocialWorkStation.Web.Infrastructure;

/// <summary>
/// A record whose personal fields (ID numbers, phones) are kept encrypted at rest with the recipients' keys
/// (docs/security.md, "Personal data of staff and volunteers"). The clear values live only in memory: filled in
/// when the record is loaded, encrypted again when it is saved with a changed value.
/// </summary>
public interface IProtectedPersonalData
{
    /// <summary>Fills the clear values from the stored ciphertexts (after a load).</summary>
    void Unprotect(RecipientProtector protector);

    /// <summary>Encrypts the clear values that changed since the load (all of them when <paramref name="force"/>) and recomputes the blind indexes; returns whether anything changed.</summary>
    bool Protect(RecipientProtector protector, bool force = false);
}

/// <summary>
/// Decrypts each <see cref="IProtectedPersonalData"/> record EF materialises, tracked or not. One instance for the
/// whole process: EF keys its internal service provider (and the built model) on materialisation interceptors, so
/// an instance per host or per context would rebuild both each time. The keys come from the context's own
/// <see cref="PersonalDataInterceptor"/>.
/// </summary>
public sealed class PersonalDataMaterializer : IMaterializationInterceptor
{
    public static readonly PersonalDataMaterializer Instance = new();

    private PersonalDataMaterializer()
    {
    }

    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        if (entity is IProtectedPersonalData data)
        {
            data.Unprotect(materializationData.Context.Protector());
        }
        return entity;
    }
}

/// <summary>
/// Encrypts changed clear values of <see cref="IProtectedPersonalData"/> records before a save. Registered before
/// the audit interceptor, so the trail sees only the ciphertexts (themselves [Sensitive], so not even those are written).
/// </summary>
public sealed class PersonalDataInterceptor(RecipientProtector protector) : SaveChangesInterceptor
{
    public RecipientProtector Protector => protector;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Protect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Protect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Protect(DbContext? db)
    {
        if (db is null)
        {
            return;
        }
        // Unchanged entries too: a change of a clear (unmapped) value alone leaves EF's state untouched. The ciphertexts
        // set here are found by the change detection the save runs next only if asked again (it already ran for Entries).
        var changed = false;
        foreach (var e in db.ChangeTracker.Entries<IProtectedPersonalData>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Unchanged))
        {
            changed |= e.Entity.Protect(protector);
        }
        if (changed)
        {
            db.ChangeTracker.DetectChanges();
        }
    }
}

public static class PersonalDataContext
{
    /// <summary>The keys of this context's protected records (for a blind-index look-up in a query).</summary>
    public static RecipientProtector Protector(this DbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<PersonalDataInterceptor>().FirstOrDefault()?.Protector
        ?? throw new InvalidOperationException("The context has no PersonalDataInterceptor (Data/DatabaseSetup.cs)");
}

/// <summary>Encryption helpers shared by the protected records: one field's value, bound to its record and field.</summary>
public static class ProtectedField
{
    /// <summary>The associated data of a field's ciphertext: a value copied into another row or column fails to decrypt.</summary>
    public static string Context(string kind, string id, string field) => $"{kind}/{id}/{field}";

    public static string? Open(RecipientProtector p, byte[]? cipher, string context) =>
        cipher is null || cipher.Length == 0 ? null : p.Decrypt(cipher, context);

    /// <summary>
    /// Encrypts <paramref name="clear"/> when it differs from <paramref name="stored"/> (the value the cipher holds) or when forced;
    /// returns whether it did. An empty value is stored as null.
    /// </summary>
    public static bool Seal(RecipientProtector p, string? clear, ref string? stored, ref byte[]? cipher, string context, bool force)
    {
        var value = string.IsNullOrEmpty(clear) ? null : clear;
        if (!force && value == stored && (cipher is not null || value is null))
        {
            return false;
        }
        cipher = value is null ? null : p.Encrypt(value, context);
        stored = value;
        return true;
    }
}

/// <summary>
/// Encrypts the personal data that releases before issue 17 kept in clear (workers' and volunteers' ID numbers and
/// phones, team leaders' and accounts' phones): the migration keeps the old columns as legacy shadow properties, and
/// this start-up step moves each value into its ciphertext and empties the clear column, in batches, one transaction
/// per batch. Run again it finds nothing to do.
/// </summary>
public static class PersonalDataUpgrade
{
    /// <summary>Shadow property over the old clear ID-number column.</summary>
    public const string Legacy = "LegacyIdNumber";
    /// <summary>Shadow property over the old clear phone column.</summary>
    public const string LegacyPhone = "LegacyPhone";

    /// <summary>Maps an old clear column as a legacy shadow property, as sensitive in the audit trail as its ciphertext.</summary>
    public static PropertyBuilder<string?> LegacyColumn<T>(this EntityTypeBuilder<T> b, string property, string column, int? maxLength = null) where T : class
    {
        var p = b.Property<string?>(property).HasColumnName(column).HasAnnotation(SensitiveAttribute.Annotation, true);
        return maxLength is { } n ? p.HasMaxLength(n) : p;
    }

    public static async Task<int> EncryptLegacyAsync(Data.AppDbContext db, CancellationToken ct = default)
    {
        var moved = 0;
        moved += await Move<Features.Workers.Worker>(db, Legacy, (w, v) => w.IdNumber = v, ct);
        moved += await Move<Features.Volunteers.Volunteer>(db, Legacy, (x, v) => x.IdNumber = v, ct);
        moved += await Move<Features.Volunteers.Volunteer>(db, LegacyPhone, (x, v) => x.Phone = v, ct);
        moved += await Move<Features.Volunteers.VolunteerTeam>(db, LegacyPhone, (x, v) => x.LeaderPhone = v, ct);
        moved += await Move<Features.Accounts.AppUser>(db, LegacyPhone, (x, v) => x.PhoneNumber = v, ct);
        return moved;
    }

    private static async Task<int> Move<T>(Data.AppDbContext db, string column, Action<T, string> set, CancellationToken ct) where T : class
    {
        var moved = 0;
        while (true)
        {
            var batch = await db.Set<T>().Where(x => EF.Property<string?>(x, column) != null).Take(500).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return moved;
            }
            foreach (var x in batch)
            {
                var entry = db.Entry(x);
                set(x, entry.Property<string?>(column).CurrentValue!);
                entry.Property<string?>(column).CurrentValue = null;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            moved += batch.Count;
        }
    }
}
